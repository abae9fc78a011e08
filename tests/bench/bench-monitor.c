/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-monitor.c: the app's CPU time for one poll of 200 active downloads across two real
 * clients (transmission-daemon and qbittorrent-nox, 100 magnets each, no peers). */

#include "config.h"

#include <time.h>

#include "downloads/ssv-client-pool.h"
#include "downloads/ssv-download-monitor.h"
#include "downloads/ssv-grabber.h"
#include "ssv-test-daemon.h"
#include "ssv-test-torrent.h"
#include "ssv-test-utils.h"

#define PER_CLIENT 100
#define ROUNDS     10

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gint64
add_client (SsvDownloadStore    *store,
            SsvSecrets          *secrets,
            SsvTestClientDaemon *daemon,
            const char          *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  gint64 id = ssv_download_store_add_client (store, daemon->kind, name, daemon->url, SSV_TEST_USER, &error);

  g_assert_no_error (error);
  key = ssv_secrets_client_key (id);
  ssv_secrets_store_sync (secrets, key, "bench", SSV_TEST_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static void
grab_magnets (SsvGrabber *grabber,
              guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SsvGrabRequest) request = ssv_grab_request_new ();
      g_autofree char *hash = ssv_test_random_infohash ();
      SsvDownloadCandidate *chosen = ssv_download_candidate_new ("torrent", "Bench.Movie.2024.1080p.WEB-DL-GRP");
      g_autoptr(GError) error = NULL;

      request->wanted.kind = SSV_DOWNLOAD_KIND_MOVIE;
      request->wanted.title = g_strdup_printf ("Bench %u", i);
      chosen->magnet_url = g_strdup_printf ("magnet:?xt=urn:btih:%s&dn=Bench.%u", hash, i);
      g_ptr_array_add (request->candidates, chosen);
      ssv_grabber_grab (grabber, request, NULL, NULL, &error);
      g_assert_no_error (error);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *save_dir = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  g_autoptr(SsvDownloadStore) store = NULL;
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  g_autoptr(SsvClientPool) pool = NULL;
  g_autoptr(SsvGrabber) grabber = NULL;
  g_autoptr(SsvTestClientDaemon) transmission = NULL;
  g_autoptr(SsvTestClientDaemon) qbittorrent = NULL;
  g_autoptr(GError) error = NULL;
  gint64 qbit_id;
  double start;

  g_test_init (&argc, &argv, NULL);
  if (!ssv_test_have_program ("transmission-daemon") || !ssv_test_have_program ("qbittorrent-nox"))
    {
      g_print ("# skipped: transmission-daemon and qbittorrent-nox are needed\n");
      return 77;
    }

  db = ssv_test_open_temp_database (&dir, NULL);
  save_dir = g_build_filename (dir, "downloads", NULL);
  g_mkdir_with_parents (save_dir, 0700);
  store = ssv_download_store_new (db);
  transmission = ssv_test_client_daemon_start (SSV_CLIENT_TRANSMISSION, save_dir, 0, &error);
  g_assert_no_error (error);
  qbittorrent = ssv_test_client_daemon_start (SSV_CLIENT_QBITTORRENT, save_dir, 0, &error);
  g_assert_no_error (error);
  add_client (store, secrets, transmission, "Transmission");
  qbit_id = add_client (store, secrets, qbittorrent, "qBittorrent");
  pool = ssv_client_pool_new (store, http, secrets);
  grabber = ssv_grabber_new (pool);

  grab_magnets (grabber, PER_CLIENT);
  ssv_download_store_set_default_client (store, "torrent", qbit_id, &error);
  g_assert_no_error (error);
  grab_magnets (grabber, PER_CLIENT);

  /* The first poll logs in and moves every download to "downloading". */
  g_assert_cmpuint (ssv_download_monitor_poll_sync (pool, NULL, &error), ==, 2 * PER_CLIENT);
  g_assert_no_error (error);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM downloads WHERE error IS NULL"), ==, 2 * PER_CLIENT);

  start = cpu_ms ();
  for (guint i = 0; i < ROUNDS; i++)
    {
      g_assert_cmpuint (ssv_download_monitor_poll_sync (pool, NULL, &error), ==, 2 * PER_CLIENT);
      g_assert_no_error (error);
    }
  g_print ("BENCH monitor.cpu_ms_per_poll %.2f ms\n", (cpu_ms () - start) / ROUNDS);

  g_clear_pointer (&transmission, ssv_test_client_daemon_free);
  g_clear_pointer (&qbittorrent, ssv_test_client_daemon_free);
  ssv_test_close_temp_database (&db, &dir);
  return 0;
}
