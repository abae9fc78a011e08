/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-refresh.c: the daily airing refresh of a library of 600 airing shows (two seasons
 * of ten episodes each, a TheTVDB id each) against the fake TMDB and TheTVDB: requests per
 * show on a day with no changes (target ≤ 3), and the time it takes. */

#include "config.h"

#include "ssv-bench-library.h"
#include "ssv-fake-providers.h"
#include "ssv-test-utils.h"
#include "workers/ssv-refresher.h"

#define N_SHOWS          600
#define SEASONS_PER_SHOW 2

static SsvRefreshReport *
refresh_airing (SsvRefresher *refresher)
{
  g_autoptr(GError) error = NULL;
  SsvRefreshReport *report = ssv_refresher_run_sync (refresher, SSV_REFRESH_AIRING, SSV_ITEM_SHOW, 0,
                                                     G_MAXUINT, NULL, &error);

  g_assert_no_error (error);
  return report;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  g_autoptr(SsvFakeServer) server = NULL;
  g_autoptr(SsvFakeProviders) fake = NULL;
  g_autoptr(SsvHttp) http = NULL;
  g_autoptr(SsvSecrets) secrets = NULL;
  g_autoptr(SsvClock) clock = NULL;
  g_autoptr(SsvRefresher) refresher = NULL;
  g_autoptr(SsvRefreshReport) first = NULL;
  g_autoptr(SsvRefreshReport) quiet = NULL;
  SsvBenchLibrary library;
  gint64 start_us;
  double seconds;
  guint requests;

  ssv_test_init (&argc, &argv);
  dir = ssv_test_make_temp_dir ();
  path = g_build_filename (dir, "bench.db", NULL);
  db = ssv_database_open (path, &error);
  g_assert_no_error (error);

  /* The generated library's shows, matched by TMDB two days ago, all still airing. */
  ssv_bench_library_init_default (&library);
  library.n_movies = 0;
  library.n_shows = N_SHOWS;
  library.n_episodes = N_SHOWS * SEASONS_PER_SHOW * 10;
  g_assert_true (ssv_bench_library_fill (&library, db, &error));
  g_assert_no_error (error);
  ssv_bench_library_clear (&library);
  g_assert_true (ssv_database_exec (db,
    "UPDATE shows SET tmdb_id = 2000000 + (SELECT count(*) FROM shows s WHERE s.id <= shows.id), "
    "  tvdb_id = 78878, status = 'Returning Series';"
    "INSERT INTO enrichment_status (provider, show_id, status, attempts, last_attempt_at, synced_at, episodes_synced)"
    "  SELECT 'tmdb', id, 'matched', 1, unixepoch () - 172800, unixepoch () - 172800, 1 FROM shows;", &error));
  g_assert_no_error (error);

  server = ssv_fake_server_new ();
  fake = ssv_fake_providers_new (server);
  ssv_fake_providers_set_key (fake, "tmdb", "bench-key");
  ssv_fake_providers_set_key (fake, "tvdb", "bench-tvdb-key");
  ssv_fake_providers_add_synthetic (fake, 0, N_SHOWS, SEASONS_PER_SHOW);
  ssv_fake_providers_set_synthetic_airing (fake, TRUE);

  http = ssv_http_new ();
  ssv_fake_providers_point_http (fake, http);
  secrets = ssv_secrets_new ();
  g_assert_true (ssv_secrets_store_sync (secrets, "api-key:tmdb", "bench", "bench-key", NULL, &error));
  g_assert_true (ssv_secrets_store_sync (secrets, "api-key:tvdb", "bench", "bench-tvdb-key", NULL, &error));
  clock = ssv_clock_new ();
  refresher = ssv_refresher_new (db, http, secrets, clock, NULL);

  /* The first night brings what changed since the match. */
  first = refresh_airing (refresher);
  g_printerr ("first night: %u shows, %u changed, %u failed, %u requests\n", first->titles, first->changed,
              first->failed, ssv_fake_server_get_total_hits (server));
  g_assert_cmpuint (first->titles, ==, N_SHOWS);

  /* The next night, nothing changed on TMDB. */
  g_assert_true (ssv_database_exec (db, "UPDATE enrichment_status SET synced_at = synced_at - 86400", &error));
  ssv_fake_server_reset_log (server);
  start_us = g_get_monotonic_time ();
  quiet = refresh_airing (refresher);
  seconds = (g_get_monotonic_time () - start_us) / (double) G_USEC_PER_SEC;
  requests = ssv_fake_server_get_total_hits (server);
  g_printerr ("quiet night: %u shows, %u changed, %u requests in %.1f s\n", quiet->titles, quiet->changed,
              requests, seconds);
  g_assert_cmpuint (quiet->titles, ==, N_SHOWS);
  g_assert_cmpuint (quiet->changed, ==, 0);

  g_print ("BENCH refresh.requests_per_airing_show %.3f requests\n", requests / (double) N_SHOWS);
  g_print ("BENCH refresh.ms_per_airing_show %.1f ms\n", seconds * 1000.0 / N_SHOWS);

  ssv_secrets_clear_sync (secrets, "api-key:tmdb", NULL, NULL);
  ssv_secrets_clear_sync (secrets, "api-key:tvdb", NULL, NULL);
  g_clear_object (&refresher);
  g_clear_object (&db);
  ssv_test_remove_tree (dir);

  return 0;
}
