/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-retry-stall.c: the time from a stall verdict to the next release's start, on the app's own
 * path: a real transmission-daemon, a magnet nobody has (the metadata rule gives up after a second),
 * the retry engine blocklisting it and sending the next candidate, a .torrent from a fake indexer. */

#include "config.h"

#include <stdlib.h>

#include "downloads/ssv-client-pool.h"
#include "downloads/ssv-download-monitor.h"
#include "downloads/ssv-grabber.h"
#include "downloads/ssv-retry-engine.h"
#include "ssv-fake-server.h"
#include "ssv-test-daemon.h"
#include "ssv-test-torrent.h"
#include "ssv-test-utils.h"

#define ROUNDS 3

typedef struct
{
  gint64 stalled_at;
  gint64 started_at;
} Round;

static void
on_stalled (SsvDownloadMonitor *monitor,
            SsvDownload        *d,
            const char         *reason,
            Round              *round)
{
  if (round->stalled_at == 0)
    round->stalled_at = g_get_monotonic_time ();
}

static void
on_retried (SsvRetryEngine *engine,
            gint64          id,
            gboolean        gave_up,
            const char     *message,
            Round          *round)
{
  g_assert_false (gave_up);
  if (round->started_at == 0)
    round->started_at = g_get_monotonic_time ();
}

static gboolean
started (gpointer data)
{
  return ((Round *) data)->started_at != 0;
}

static void
grab_round (SsvGrabber    *grabber,
            SsvFakeServer *files,
            guint          i)
{
  g_autoptr(SsvGrabRequest) request = ssv_grab_request_new ();
  g_autofree char *hash = ssv_test_random_infohash ();
  SsvDownloadCandidate *stuck = ssv_download_candidate_new ("torrent", "Bench.Movie.2024.1080p.WEB-DL-STUCK");
  SsvDownloadCandidate *next = ssv_download_candidate_new ("torrent", "Bench.Movie.2024.720p.WEB-DL-NEXT");
  static const SsvTestTorrentFile video = { NULL, 256 * 1024 };
  g_autoptr(GBytes) torrent = ssv_test_torrent_new ("Bench.Movie.2024.720p.WEB-DL-NEXT.mkv", &video, 1, 16384,
                                                    2024u + i, NULL);
  g_autofree char *route = g_strdup_printf ("/dl/next-%u.torrent", i);
  g_autoptr(GError) error = NULL;

  ssv_fake_server_add_bytes (files, route, 200, "application/x-bittorrent", torrent);
  request->wanted.kind = SSV_DOWNLOAD_KIND_MOVIE;
  request->wanted.title = g_strdup_printf ("Bench %u", i);
  request->wanted.year = 2024;
  stuck->magnet_url = g_strdup_printf ("magnet:?xt=urn:btih:%s&dn=Bench.%u", hash, i);
  next->download_url = g_strconcat (ssv_fake_server_get_url (files), route, NULL);
  g_ptr_array_add (request->candidates, stuck);
  g_ptr_array_add (request->candidates, next);
  ssv_grabber_grab (grabber, request, NULL, NULL, &error);
  g_assert_no_error (error);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *save_dir = NULL;
  g_autofree char *key = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  g_autoptr(SsvDownloadStore) store = NULL;
  g_autoptr(SsvProfileStore) profiles = NULL;
  g_autoptr(SsvBlocklistStore) blocklist = NULL;
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  g_autoptr(SsvClientPool) pool = NULL;
  g_autoptr(SsvGrabber) grabber = NULL;
  g_autoptr(SsvDownloadMonitor) monitor = NULL;
  g_autoptr(SsvRetryEngine) engine = NULL;
  g_autoptr(SsvTestClientDaemon) transmission = NULL;
  g_autoptr(SsvFakeServer) files = ssv_fake_server_new ();
  g_autoptr(GError) error = NULL;
  SsvStallRules rules;
  Round round = { 0 };
  double ms[ROUNDS];
  gint64 client_id;

  g_test_init (&argc, &argv, NULL);
  if (!ssv_test_have_program ("transmission-daemon"))
    {
      g_print ("# skipped: transmission-daemon is needed\n");
      return 77;
    }

  db = ssv_test_open_temp_database (&dir, NULL);
  save_dir = g_build_filename (dir, "downloads", NULL);
  g_mkdir_with_parents (save_dir, 0700);
  store = ssv_download_store_new (db);
  profiles = ssv_profile_store_new (db);
  blocklist = ssv_blocklist_store_new (db);
  transmission = ssv_test_client_daemon_start (SSV_CLIENT_TRANSMISSION, save_dir, 0, &error);
  g_assert_no_error (error);
  client_id = ssv_download_store_add_client (store, SSV_CLIENT_TRANSMISSION, "Transmission", transmission->url,
                                             SSV_TEST_USER, &error);
  g_assert_no_error (error);
  key = ssv_secrets_client_key (client_id);
  ssv_secrets_store_sync (secrets, key, "bench", SSV_TEST_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  ssv_http_set_retry_policy (http, 1, 50);
  pool = ssv_client_pool_new (store, http, secrets);
  grabber = ssv_grabber_new (pool);

  /* the app's monitor and engine, with a one-second metadata rule */
  monitor = ssv_download_monitor_new (pool);
  ssv_download_monitor_set_intervals (monitor, 100, 400);
  ssv_stall_rules_init (&rules);
  rules.metadata_seconds = 1;
  rules.stall_seconds = 3600;
  rules.min_speed_kbps = 0;
  rules.max_eta_hours = 0;
  ssv_download_monitor_set_stall_rules (monitor, &rules);
  engine = ssv_retry_engine_new (pool, grabber, profiles, blocklist);
  ssv_retry_engine_watch (engine, monitor);
  g_signal_connect (monitor, "download-stalled", G_CALLBACK (on_stalled), &round);
  g_signal_connect (engine, "retried", G_CALLBACK (on_retried), &round);
  ssv_download_monitor_start (monitor);

  for (guint i = 0; i < ROUNDS; i++)
    {
      round = (Round) { 0 };
      grab_round (grabber, files, i);
      ssv_download_monitor_poll_now (monitor);
      g_assert_true (ssv_test_wait_for (started, &round, 30000));
      g_assert_cmpint (round.stalled_at, >, 0);
      ms[i] = (round.started_at - round.stalled_at) / 1000.0;
      g_print ("# round %u: %.1f ms\n", i + 1, ms[i]);
    }
  qsort (ms, ROUNDS, sizeof ms[0], compare_doubles);
  g_print ("BENCH retry.stall_to_next_start_ms %.1f ms\n", ms[ROUNDS / 2]);

  ssv_download_monitor_stop (monitor);
  g_clear_object (&engine);
  g_clear_object (&monitor);
  g_clear_pointer (&transmission, ssv_test_client_daemon_free);
  ssv_test_close_temp_database (&db, &dir);
  return 0;
}
