/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-scan.c: a full scan of the generated library (10,000 movies, 2,000 shows, 100,000
 * episodes) from a fake Jellyfin on loopback, then an incremental scan with no changes and a
 * full re-scan of the unchanged library. The server runs in a child process, so the peak RSS
 * printed is the scan's alone. */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "ssv-bench-library.h"
#include "sources/ssv-jellyfin-source.h"
#include "sources/ssv-scanner.h"
#include "stores/ssv-server-store.h"
#include "ssv-test-utils.h"

static int
serve (void)
{
  SsvBenchLibrary library;
  g_autoptr(SsvFakeServer) server = NULL;

  ssv_bench_library_init_default (&library);
  server = ssv_fake_server_new ();
  ssv_bench_library_serve (&library, server);
  ssv_bench_serve_until_closed (server);

  g_clear_pointer (&server, ssv_fake_server_free);
  ssv_bench_library_clear (&library);
  return 0;
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* The foundation's raw insert loop (bench-db-insert), shorter: the ceiling scans compare to. */
static double
insert_ceiling (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "ceiling.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (path, &error);
  const guint rows = 50000;

  g_assert_no_error (error);
  ssv_database_exec (db, "INSERT INTO servers (id, kind, name, url) VALUES (1, 'jellyfin', 'b', 'http://b')", &error);
  return rows / ssv_bench_insert_movies (db, rows);
}

static double
timed_scan (SsvScanner     *scanner,
            SsvMediaSource *source,
            gint64          row,
            SsvScanMode     mode,
            SsvScanResult **result_out)
{
  g_autoptr(GError) error = NULL;
  SsvScanResult *result = ssv_scan_result_new (mode);
  gint64 start = g_get_monotonic_time ();

  g_assert_true (ssv_scanner_scan_source_sync (scanner, source, row, mode, result, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < result->messages->len; i++)
    g_printerr ("scan: %s\n", (char *) g_ptr_array_index (result->messages, i));
  g_assert_cmpuint (result->errors, ==, 0);

  *result_out = result;
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  g_autoptr(SsvLibraryStore) store = NULL;
  g_autoptr(SsvHttp) http = NULL;
  g_autoptr(SsvSecrets) secrets = NULL;
  g_autoptr(SsvScanner) scanner = NULL;
  g_autoptr(SsvMediaSource) source = NULL;
  g_autoptr(GPtrArray) mapping = NULL;
  g_autoptr(SsvScanResult) full = NULL;
  g_autoptr(SsvScanResult) incremental = NULL;
  g_autoptr(SsvScanResult) rescan = NULL;
  SsvBenchLibrary library;
  const char *child_argv[] = { argv[0], "--serve", NULL };
  SsvBenchChild child;
  gint64 row;
  double full_s, incremental_s, rescan_s, ceiling, items;

  if (argc > 1 && g_str_equal (argv[1], "--serve"))
    return serve ();

  ssv_bench_library_init_default (&library);
  items = ssv_bench_library_n_items (&library);

  url = ssv_bench_child_spawn (&child, child_argv);

  dir = ssv_test_make_temp_dir ();
  db_path = g_build_filename (dir, "library.db", NULL);
  db = ssv_database_open (db_path, &error);
  g_assert_no_error (error);
  store = ssv_library_store_new (db);
  http = ssv_http_new ();
  ssv_http_set_timeout (http, 120);
  secrets = ssv_secrets_new ();
  scanner = ssv_scanner_new (db, store, http, secrets);

  g_assert_true (ssv_server_store_add (db, "jellyfin", "Bench Jellyfin", url, NULL, &row, NULL, &error));
  mapping = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);
  g_ptr_array_add (mapping, ssv_media_library_new (SSV_BENCH_MOVIES_LIBRARY, "Movies", SSV_LIBRARY_KIND_MOVIES));
  g_ptr_array_add (mapping, ssv_media_library_new (SSV_BENCH_SHOWS_LIBRARY, "Shows", SSV_LIBRARY_KIND_SHOWS));
  g_assert_true (ssv_server_store_set_libraries (db, row, mapping, &error));
  source = SSV_MEDIA_SOURCE (ssv_jellyfin_source_new (http, url, SSV_BENCH_API_KEY, NULL));

  full_s = timed_scan (scanner, source, row, SSV_SCAN_FULL, &full);
  g_assert_cmpuint (full->added, ==, (guint) items);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM movies"), ==, library.n_movies);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM episodes"), ==, library.n_episodes);

  incremental_s = timed_scan (scanner, source, row, SSV_SCAN_INCREMENTAL, &incremental);
  g_assert_cmpuint (incremental->added + incremental->updated, ==, 0);

  rescan_s = timed_scan (scanner, source, row, SSV_SCAN_FULL, &rescan);
  g_assert_cmpuint (rescan->added + rescan->updated, ==, 0);
  g_assert_cmpuint (rescan->unchanged, ==, (guint) items);

  ceiling = insert_ceiling (dir);

  g_print ("BENCH scan.full_items_per_s %.0f items/s\n", items / full_s);
  g_print ("BENCH scan.full_s %.2f s\n", full_s);
  g_print ("BENCH scan.incremental_s %.3f s\n", incremental_s);
  /* Nothing changed, so this is the library's size over the time to find that out. */
  g_print ("BENCH scan.incremental_items_per_s %.0f items/s\n", items / incremental_s);
  g_print ("BENCH scan.rescan_unchanged_s %.2f s\n", rescan_s);
  g_print ("BENCH scan.peak_rss_mb %.1f MB\n", peak_rss_mb ());
  g_print ("BENCH scan.db_insert_ceiling_rows_per_s %.0f rows/s\n", ceiling);
  g_print ("BENCH scan.full_vs_insert_ceiling %.3f ratio\n", (items / full_s) / ceiling);

  ssv_bench_child_stop (&child);

  g_clear_object (&scanner);
  g_clear_object (&store);
  g_clear_object (&db);
  ssv_test_remove_tree (dir);
  ssv_bench_library_clear (&library);
  return 0;
}
