/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-acquisition.c: grabs into a real transmission-daemon from a fake Torznab indexer that
 * serves generated .torrent files, and the monitor across an app restart and a client restart. */

#include "config.h"

#include <string.h>

#include "downloads/ssv-bencode.h"
#include "downloads/ssv-client-pool.h"
#include "downloads/ssv-download-monitor.h"
#include "ssv-error.h"
#include "ssv-fake-server.h"
#include "downloads/ssv-grabber.h"
#include "ssv-test-daemon.h"
#include "ssv-test-torrent.h"
#include "ssv-test-utils.h"

#define INDEXER_KEY  "torznab-key-0451"
#define SEEDED_NAME  "Heat.1995.1080p.BluRay.x264-GRP.mkv"
#define SEEDED_SIZE  (256 * 1024)
#define SEEDED_SEED  1995u

typedef struct
{
  char                *dir;
  char                *save_dir;
  SsvDatabase         *db;
  SsvDownloadStore    *store;
  SsvHttp             *http;
  SsvSecrets          *secrets;
  SsvClientPool       *pool;
  SsvTestClientDaemon *daemon;
  SsvFakeServer       *indexer;
  gint64               client_id;
} Fixture;

static void
store_secret (Fixture    *f,
              const char *key,
              const char *secret)
{
  g_autoptr(GError) error = NULL;

  ssv_secrets_store_sync (f->secrets, key, "test", secret, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *client_key = NULL;
  g_autofree char *indexer_key = NULL;
  gint64 indexer_id;

  if (!ssv_test_have_program ("transmission-daemon"))
    {
      g_test_skip ("transmission-daemon is not installed");
      return;
    }

  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->save_dir = g_build_filename (f->dir, "downloads", NULL);
  g_mkdir_with_parents (f->save_dir, 0700);
  f->store = ssv_download_store_new (f->db);
  f->http = ssv_http_new ();
  /* The monitor tries a silent client again at its next poll; no need to wait seconds inside one. */
  ssv_http_set_retry_policy (f->http, 1, 50);
  f->secrets = ssv_secrets_new ();
  f->indexer = ssv_fake_server_new ();

  f->daemon = ssv_test_client_daemon_start (SSV_CLIENT_TRANSMISSION, f->save_dir, 0, &error);
  g_assert_no_error (error);
  f->client_id = ssv_download_store_add_client (f->store, SSV_CLIENT_TRANSMISSION, "Home", f->daemon->url,
                                                SSV_TEST_USER, &error);
  g_assert_no_error (error);
  client_key = ssv_secrets_client_key (f->client_id);
  store_secret (f, client_key, SSV_TEST_PASSWORD);

  indexer_id = ssv_download_store_add_indexer (f->store, "torznab", "Jackett",
                                               ssv_fake_server_get_url (f->indexer), &error);
  g_assert_no_error (error);
  indexer_key = ssv_secrets_indexer_key (indexer_id);
  store_secret (f, indexer_key, INDEXER_KEY);

  f->pool = ssv_client_pool_new (f->store, f->http, f->secrets);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->pool);
  g_clear_pointer (&f->daemon, ssv_test_client_daemon_free);
  g_clear_pointer (&f->indexer, ssv_fake_server_free);
  g_clear_object (&f->secrets);
  g_clear_object (&f->http);
  g_clear_object (&f->store);
  g_free (f->save_dir);
  if (f->db != NULL)
    ssv_test_close_temp_database (&f->db, &f->dir);
}

static SsvGrabRequest *
heat_request (Fixture    *f,
              const char *route)
{
  SsvGrabRequest *request = ssv_grab_request_new ();
  SsvDownloadCandidate *chosen = ssv_download_candidate_new ("torrent", "Heat.1995.1080p.BluRay.x264-GRP");
  SsvDownloadCandidate *other = ssv_download_candidate_new ("torrent", "Heat.1995.720p.BluRay.x264-GRP");

  request->wanted.kind = SSV_DOWNLOAD_KIND_MOVIE;
  request->wanted.title = g_strdup ("Heat");
  request->wanted.year = 1995;
  request->wanted.tmdb_id = 949;
  chosen->indexer = g_strdup ("Jackett");
  chosen->download_url = g_strconcat (ssv_fake_server_get_url (f->indexer), route, NULL);
  other->magnet_url = g_strdup ("magnet:?xt=urn:btih:1111111111111111111111111111111111111111");
  g_ptr_array_add (request->candidates, chosen);
  g_ptr_array_add (request->candidates, other);

  return request;
}

static void
assert_failed_row (Fixture    *f,
                   gint64      id,
                   const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDownload) d = ssv_download_store_get (f->store, id, &error);
  g_autoptr(GPtrArray) events = ssv_download_store_list_events (f->store, id, &error);
  g_autoptr(GPtrArray) candidates = ssv_download_store_list_candidates (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_FAILED);
  g_test_message ("%s", ssv_download_get_error (d));
  g_assert_nonnull (strstr (ssv_download_get_error (d), words));
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_nonnull (strstr (((SsvDownloadEvent *) g_ptr_array_index (events, 0))->message, words));
  /* Nothing lost: the other release is there for a retry. */
  g_assert_cmpuint (candidates->len, ==, 2);
}

static void
test_grab (Fixture       *f,
           gconstpointer  data)
{
  static const SsvTestTorrentFile video = { NULL, SEEDED_SIZE };
  static const SsvTestTorrentFile evil[] = { { "Heat/heat.mkv", 65536 }, { "Heat/Setup.exe", 4096 } };
  g_autoptr(GBytes) torrent = NULL;
  g_autoptr(GBytes) evil_torrent = NULL;
  g_autoptr(SsvTorrentInfo) info = NULL;
  g_autoptr(SsvGrabber) grabber = NULL;
  g_autoptr(SsvGrabRequest) good = NULL;
  g_autoptr(SsvGrabRequest) html = NULL;
  g_autoptr(SsvGrabRequest) risky = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(SsvDownloadClient) client = NULL;
  g_autoptr(SsvTransfer) transfer = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, recorded;

  if (f->daemon == NULL)
    return;

  torrent = ssv_test_torrent_new (SEEDED_NAME, &video, 1, 16384, SEEDED_SEED, NULL);
  info = ssv_torrent_info_parse_bytes (torrent, &error);
  g_assert_no_error (error);
  evil_torrent = ssv_test_torrent_new ("Heat", evil, G_N_ELEMENTS (evil), 16384, 7, NULL);
  ssv_fake_server_add_bytes (f->indexer, "/dl/good.torrent", 200, "application/x-bittorrent", torrent);
  ssv_fake_server_add_body (f->indexer, "/dl/html.torrent", 200, "text/html", "<html><body>Log in</body></html>");
  ssv_fake_server_add_bytes (f->indexer, "/dl/evil.torrent", 200, "application/x-bittorrent", evil_torrent);
  grabber = ssv_grabber_new (f->pool);

  /* The .torrent comes through the app with the indexer's key, and goes to the client as bytes. */
  good = heat_request (f, "/dl/good.torrent");
  id = ssv_grabber_grab (grabber, good, &recorded, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (recorded, ==, id);
  requests = ssv_fake_server_dup_requests (f->indexer);
  g_assert_cmpuint (requests->len, ==, 1);
  g_assert_nonnull (strstr (((SsvFakeRequest *) g_ptr_array_index (requests, 0))->query, "apikey=" INDEXER_KEY));
  d = ssv_download_store_get (f->store, id, &error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_QUEUED);
  g_assert_cmpstr (ssv_download_get_reference (d), ==, info->infohash);
  client = ssv_test_client_daemon_client (f->daemon, f->http, NULL);
  transfer = ssv_download_client_get (client, info->infohash, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (transfer);

  /* A web page instead of a torrent: said plainly, recorded, the pool kept. */
  html = heat_request (f, "/dl/html.torrent");
  g_assert_cmpint (ssv_grabber_grab (grabber, html, &recorded, NULL, &error), ==, 0);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
  g_clear_error (&error);
  assert_failed_row (f, recorded, "not a torrent file");

  /* A program inside: refused before any client sees it. */
  risky = heat_request (f, "/dl/evil.torrent");
  g_assert_cmpint (ssv_grabber_grab (grabber, risky, &recorded, NULL, &error), ==, 0);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_REFUSED);
  g_clear_error (&error);
  assert_failed_row (f, recorded, "Setup.exe");
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM downloads"), ==, 3);
}

/* A magnet goes straight through; a client that says no (here: the password
 * changed) leaves a failed download that says why. */
static void
test_grab_magnet_and_refusal (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SsvGrabber) grabber = NULL;
  g_autoptr(SsvGrabRequest) magnet = NULL;
  g_autoptr(SsvGrabRequest) refused = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = ssv_test_random_infohash ();
  g_autofree char *client_key = ssv_secrets_client_key (f->client_id);
  SsvDownloadCandidate *chosen;
  gint64 id, recorded;

  if (f->daemon == NULL)
    return;

  grabber = ssv_grabber_new (f->pool);
  magnet = heat_request (f, "/unused");
  chosen = g_ptr_array_index (magnet->candidates, 0);
  g_clear_pointer (&chosen->download_url, g_free);
  chosen->magnet_url = g_strdup_printf ("magnet:?xt=urn:btih:%s&dn=Heat", hash);
  id = ssv_grabber_grab (grabber, magnet, NULL, NULL, &error);
  g_assert_no_error (error);
  d = ssv_download_store_get (f->store, id, &error);
  g_assert_cmpstr (ssv_download_get_reference (d), ==, hash);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->indexer), ==, 0);
  g_clear_object (&d);

  /* Cancelled: out of the client, marked so, said in the timeline; twice is refused. */
  g_assert_true (ssv_grabber_cancel (grabber, id, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SsvDownloadClient) client = ssv_test_client_daemon_client (f->daemon, f->http, NULL);
    const char *refs[] = { hash, NULL };
    g_autoptr(GPtrArray) left = ssv_download_client_list (client, refs, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (left->len, ==, 0);
  }
  d = ssv_download_store_get (f->store, id, &error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_CANCELLED);
  g_assert_false (ssv_grabber_cancel (grabber, id, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
  g_clear_error (&error);

  store_secret (f, client_key, "not-the-password");
  ssv_client_pool_forget_all (f->pool);
  refused = heat_request (f, "/unused");
  chosen = g_ptr_array_index (refused->candidates, 0);
  g_clear_pointer (&chosen->download_url, g_free);
  chosen->magnet_url = g_strdup ("magnet:?xt=urn:btih:2222222222222222222222222222222222222222");
  g_assert_cmpint (ssv_grabber_grab (grabber, refused, &recorded, NULL, &error), ==, 0);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED);
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, "not-the-password"));
  assert_failed_row (f, recorded, "rejected the user name or password");
}

typedef struct
{
  GPtrArray *completed;   /* paths */
  GPtrArray *failed;      /* reasons */
  guint      progress;
  gboolean   idle;
} Heard;

static void
on_completed (SsvDownloadMonitor *monitor,
              SsvDownload        *d,
              const char         *path,
              Heard              *heard)
{
  g_ptr_array_add (heard->completed, g_strdup (path));
}

static void
on_failed (SsvDownloadMonitor *monitor,
           SsvDownload        *d,
           const char         *reason,
           Heard              *heard)
{
  g_ptr_array_add (heard->failed, g_strdup (reason));
}

static void
on_idle (SsvDownloadMonitor *monitor,
         Heard              *heard)
{
  heard->idle = TRUE;
}

static void
set_missing_seconds (SsvDownloadMonitor *monitor,
                     gint64              seconds)
{
  SsvStallRules rules;

  ssv_download_monitor_get_stall_rules (monitor, &rules);
  rules.missing_seconds = seconds;
  ssv_download_monitor_set_stall_rules (monitor, &rules);
}

static SsvDownloadMonitor *
new_monitor (Fixture *f,
             Heard   *heard)
{
  SsvDownloadMonitor *monitor = ssv_download_monitor_new (f->pool);

  ssv_download_monitor_set_intervals (monitor, 150, 600);
  /* A transfer its client drops is failed after a second, not a minute. */
  set_missing_seconds (monitor, 1);
  g_signal_connect (monitor, "download-completed", G_CALLBACK (on_completed), heard);
  g_signal_connect (monitor, "download-failed", G_CALLBACK (on_failed), heard);
  g_signal_connect (monitor, "idle", G_CALLBACK (on_idle), heard);
  return monitor;
}

static gboolean
polls_reached (gpointer data)
{
  gpointer *args = data;
  return ssv_download_monitor_get_n_polls (args[0]) >= GPOINTER_TO_UINT (args[1]);
}

static void
wait_polls (SsvDownloadMonitor *monitor,
            guint               more)
{
  gpointer args[2] = { monitor, GUINT_TO_POINTER (ssv_download_monitor_get_n_polls (monitor) + more) };

  g_assert_true (ssv_test_wait_for (polls_reached, args, 20000));
}

static gboolean
has_items (gpointer data)
{
  Heard *heard = data;
  return heard->completed->len > 0;
}

static gboolean
is_idle (gpointer data)
{
  return ((Heard *) data)->idle;
}

static gint64
grab_magnet (Fixture    *f,
             SsvGrabber *grabber,
             char      **hash_out)
{
  g_autoptr(SsvGrabRequest) request = heat_request (f, "/unused");
  SsvDownloadCandidate *chosen = g_ptr_array_index (request->candidates, 0);
  g_autoptr(GError) error = NULL;
  char *hash = ssv_test_random_infohash ();
  gint64 id;

  g_clear_pointer (&chosen->download_url, g_free);
  chosen->magnet_url = g_strdup_printf ("magnet:?xt=urn:btih:%s", hash);
  id = ssv_grabber_grab (grabber, request, NULL, NULL, &error);
  g_assert_no_error (error);
  *hash_out = hash;
  return id;
}

static void
test_monitor_restarts (Fixture       *f,
                       gconstpointer  data)
{
  static const SsvTestTorrentFile video = { NULL, SEEDED_SIZE };
  g_autoptr(GBytes) torrent = NULL;
  g_autoptr(SsvGrabber) grabber = NULL;
  g_autoptr(SsvGrabRequest) seeded = NULL;
  g_autoptr(SsvDownloadMonitor) monitor = NULL;
  g_autoptr(SsvDownloadClient) client = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash1 = NULL;
  g_autofree char *hash2 = NULL;
  g_autofree char *expected_path = NULL;
  Heard heard = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free), 0, FALSE };
  gint64 magnet1, magnet2, done;

  if (f->daemon == NULL)
    return;

  /* Nothing to watch: nothing polls. */
  monitor = new_monitor (f, &heard);
  ssv_download_monitor_start (monitor);
  g_assert_true (ssv_test_wait_for (is_idle, &heard, 10000));
  g_assert_false (ssv_download_monitor_is_polling (monitor));
  g_assert_cmpuint (ssv_download_monitor_get_n_polls (monitor), <=, 1);
  g_clear_object (&monitor);

  /* The data is there already: the client checks it and the download completes. */
  g_assert_true (ssv_test_torrent_write_payload (f->save_dir, SEEDED_NAME, &video, 1, SEEDED_SEED, &error));
  torrent = ssv_test_torrent_new (SEEDED_NAME, &video, 1, 16384, SEEDED_SEED, NULL);
  ssv_fake_server_add_bytes (f->indexer, "/dl/heat.torrent", 200, "application/x-bittorrent", torrent);
  grabber = ssv_grabber_new (f->pool);
  seeded = heat_request (f, "/dl/heat.torrent");
  ssv_download_store_set_default_client (f->store, "torrent", f->client_id, &error);
  done = ssv_grabber_grab (grabber, seeded, NULL, NULL, &error);
  g_assert_no_error (error);
  magnet1 = grab_magnet (f, grabber, &hash1);
  magnet2 = grab_magnet (f, grabber, &hash2);

  heard.idle = FALSE;
  monitor = new_monitor (f, &heard);
  ssv_download_monitor_start (monitor);
  g_assert_true (ssv_test_wait_for (has_items, &heard, 30000));
  expected_path = g_build_filename (f->save_dir, SEEDED_NAME, NULL);
  g_assert_cmpstr (g_ptr_array_index (heard.completed, 0), ==, expected_path);
  d = ssv_download_store_get (f->store, done, &error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_COMPLETED);
  g_assert_cmpstr (ssv_download_get_content_path (d), ==, expected_path);
  g_clear_object (&d);
  g_assert_cmpuint (g_list_model_get_n_items (ssv_download_monitor_get_model (monitor)), ==, 3);
  g_assert_cmpuint (ssv_download_monitor_get_n_active (monitor), ==, 2);

  /* The app restarts: a new monitor re-adopts the two magnets from the rows. */
  g_clear_object (&monitor);
  ssv_client_pool_forget_all (f->pool);
  monitor = new_monitor (f, &heard);
  ssv_download_monitor_start (monitor);
  wait_polls (monitor, 1);
  g_assert_cmpuint (ssv_download_monitor_get_n_active (monitor), ==, 2);
  /* What finished before the restart is listed, not announced again. */
  g_assert_cmpuint (g_list_model_get_n_items (ssv_download_monitor_get_model (monitor)), ==, 3);
  g_assert_cmpuint (heard.completed->len, ==, 1);
  g_assert_true (ssv_download_monitor_is_polling (monitor));
  d = ssv_download_store_get (f->store, magnet1, &error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_DOWNLOADING);
  g_clear_object (&d);

  /* The client goes away mid-download: kept, with a reason, no failure. */
  ssv_test_client_daemon_stop (f->daemon);
  wait_polls (monitor, 2);
  d = ssv_download_store_get (f->store, magnet1, &error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_DOWNLOADING);
  g_assert_nonnull (ssv_download_get_error (d));
  g_assert_nonnull (strstr (ssv_download_get_error (d), "not answering"));
  g_clear_object (&d);
  g_assert_cmpuint (heard.failed->len, ==, 0);

  /* It comes back with its torrents: found again, the note cleared. */
  ssv_test_client_daemon_restart (f->daemon, &error);
  g_assert_no_error (error);
  wait_polls (monitor, 2);
  d = ssv_download_store_get (f->store, magnet2, &error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_DOWNLOADING);
  g_assert_null (ssv_download_get_error (d));
  g_clear_object (&d);
  events = ssv_download_store_list_events (f->store, magnet2, &error);
  /* grabbed, now downloading, not answering, answers again */
  g_assert_cmpuint (events->len, ==, 4);
  g_assert_nonnull (strstr (((SsvDownloadEvent *) g_ptr_array_index (events, 2))->message, "not answering"));
  g_assert_cmpstr (((SsvDownloadEvent *) g_ptr_array_index (events, 3))->message, ==, "Home answers again.");

  /* Not listed for a few polls (a client that has just restarted lists its
   * transfers only once it has read its state back): not a failure yet. */
  client = ssv_test_client_daemon_client (f->daemon, f->http, NULL);
  set_missing_seconds (monitor, 3600);
  ssv_download_client_remove (client, hash1, TRUE, NULL, &error);
  g_assert_no_error (error);
  wait_polls (monitor, 4);
  d = ssv_download_store_get (f->store, magnet1, &error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_DOWNLOADING);
  g_clear_object (&d);
  g_assert_cmpuint (heard.failed->len, ==, 0);

  /* Gone for good, removed in the client behind the app's back: failed, with the reason. */
  set_missing_seconds (monitor, 1);
  ssv_download_client_remove (client, hash2, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_test_wait_for (is_idle, &heard, 20000));
  g_assert_cmpuint (heard.failed->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (heard.failed, 0), "no longer in Home"));
  g_assert_false (ssv_download_monitor_is_polling (monitor));

  g_ptr_array_unref (heard.completed);
  g_ptr_array_unref (heard.failed);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/daemons/acquisition/grab", test_grab);
  ADD ("/daemons/acquisition/grab-magnet-and-refusal", test_grab_magnet_and_refusal);
  ADD ("/daemons/acquisition/monitor-restarts", test_monitor_restarts);
#undef ADD

  return g_test_run ();
}
