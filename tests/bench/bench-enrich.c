/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-enrich.c: 2,000 movies and 200 shows through the TMDB worker against a fake
 * TMDB that allows 40 requests a second: how close to the limit it runs, whether it
 * ever goes over, and the worker thread's CPU time per title. */

#include "config.h"

#include "ssv-fake-providers.h"
#include "ssv-test-utils.h"
#include "workers/ssv-enrichment-engine.h"

#define N_MOVIES          2000
#define N_SHOWS           200
#define SEASONS_PER_SHOW  2
#define SERVER_LIMIT      40.0

static void
fill_library (SsvDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_database_begin (db, &error));
  for (guint i = 1; i <= N_MOVIES + N_SHOWS; i++)
    {
      gboolean show = i > N_MOVIES;
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, show ? "INSERT INTO shows (title) VALUES (?1)"
                                                               : "INSERT INTO movies (title) VALUES (?1)",
                                                      &error);
      g_autofree char *title = show ? g_strdup_printf ("Synthetic Show %u", i - N_MOVIES)
                                    : g_strdup_printf ("Synthetic Movie %u", i);

      g_assert_no_error (error);
      sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
      g_assert_true (ssv_stmt_step_done (stmt, &error));
    }
  g_assert_true (ssv_database_commit (db, &error));
}

static gboolean
stopped (gpointer data)
{
  return !ssv_worker_is_running (data);
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
  g_autoptr(SsvEnrichmentEngine) engine = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  SsvWorker *tmdb;
  SsvKindStats movies, shows;
  gint64 first_us, last_us;
  double seconds, rate;

  ssv_test_init (&argc, &argv);
  dir = ssv_test_make_temp_dir ();
  path = g_build_filename (dir, "bench.db", NULL);
  db = ssv_database_open (path, &error);
  g_assert_no_error (error);
  fill_library (db);

  server = ssv_fake_server_new ();
  fake = ssv_fake_providers_new (server);
  ssv_fake_providers_set_key (fake, "tmdb", "bench-key");
  ssv_fake_providers_add_synthetic (fake, N_MOVIES, N_SHOWS, SEASONS_PER_SHOW);
  ssv_fake_server_set_rate_limit (server, SERVER_LIMIT);

  /* The app's own TMDB rate limit, untouched: that is what is measured. */
  http = ssv_http_new ();
  ssv_fake_providers_point_http (fake, http);
  secrets = ssv_secrets_new ();
  g_assert_true (ssv_secrets_store_sync (secrets, "api-key:tmdb", "bench", "bench-key", NULL, &error));

  engine = ssv_enrichment_engine_new (db, http, secrets, NULL);
  tmdb = ssv_enrichment_engine_lookup (engine, "tmdb");
  ssv_worker_start_once (tmdb);
  g_assert_true (ssv_test_wait_for (stopped, tmdb, 900 * 1000));

  requests = ssv_fake_server_dup_requests (server);
  g_assert_cmpuint (requests->len, >, 1);
  first_us = ((SsvFakeRequest *) g_ptr_array_index (requests, 0))->at_us;
  last_us = ((SsvFakeRequest *) g_ptr_array_index (requests, requests->len - 1))->at_us;
  seconds = (last_us - first_us) / (double) G_USEC_PER_SEC;
  rate = (requests->len - 1) / seconds;

  ssv_worker_get_stats (tmdb, SSV_ITEM_MOVIE, &movies);
  ssv_worker_get_stats (tmdb, SSV_ITEM_SHOW, &shows);
  g_printerr ("%u requests in %.1f s; movies matched %" G_GINT64_FORMAT ", shows matched %" G_GINT64_FORMAT
              ", busiest second %u\n", requests->len, seconds, movies.matched, shows.matched,
              ssv_fake_server_max_in_window (server, G_USEC_PER_SEC));
  g_assert_cmpint (movies.matched, ==, N_MOVIES);
  g_assert_cmpint (shows.matched, ==, N_SHOWS);

  g_print ("BENCH enrich.rate_fraction %.3f ratio\n", rate / SERVER_LIMIT);
  g_print ("BENCH enrich.over_limit_requests %u count\n", ssv_fake_server_get_over_limit (server));
  g_print ("BENCH enrich.cpu_ms_per_item %.3f ms\n",
           ssv_worker_get_cpu_time (tmdb) / 1000.0 / (N_MOVIES + N_SHOWS));

  ssv_secrets_clear_sync (secrets, "api-key:tmdb", NULL, NULL);
  g_clear_object (&engine);
  g_clear_object (&db);
  ssv_test_remove_tree (dir);

  return 0;
}
