/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-stall-daemons.c: the stall rules against real transmission-daemon and qbittorrent-nox, with
 * thresholds of seconds: a magnet nobody has, a torrent nobody seeds and a client error give up with
 * their reasons; a transfer that moves is left alone; a seeding goal takes a finished torrent off its
 * client and leaves its file. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "downloads/ssv-bencode.h"
#include "downloads/ssv-client-pool.h"
#include "downloads/ssv-download-monitor.h"
#include "ssv-error.h"
#include "ssv-fake-server.h"
#include "downloads/ssv-grabber.h"
#include "downloads/ssv-qbittorrent.h"
#include "ssv-test-daemon.h"
#include "ssv-test-torrent.h"
#include "ssv-test-utils.h"

#define INDEXER_KEY  "torznab-key-0451"
#define VIDEO_NAME   "Heat.1995.1080p.BluRay.x264-GRP.mkv"
#define VIDEO_SIZE   (4 * 1024 * 1024)
#define PIECE        65536
#define VIDEO_SEED   1995u

typedef struct
{
  SsvClientKind        kind;
  char                *dir;
  char                *save_dir;
  SsvDatabase         *db;
  SsvDownloadStore    *store;
  SsvHttp             *http;
  SsvSecrets          *secrets;
  SsvClientPool       *pool;
  SsvTestClientDaemon *daemon;
  SsvFakeServer       *indexer;
  SsvDownloadMonitor  *monitor;
  gint64               client_id;
  GPtrArray           *heard;    /* "stalled: …", "failed: …", "completed", in order */
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
on_stalled (SsvDownloadMonitor *monitor,
            SsvDownload        *d,
            const char         *reason,
            Fixture            *f)
{
  g_ptr_array_add (f->heard, g_strdup_printf ("stalled: %s", reason));
}

static void
on_failed (SsvDownloadMonitor *monitor,
           SsvDownload        *d,
           const char         *reason,
           Fixture            *f)
{
  g_ptr_array_add (f->heard, g_strdup_printf ("failed: %s", reason));
}

static void
on_completed (SsvDownloadMonitor *monitor,
              SsvDownload        *d,
              const char         *path,
              Fixture            *f)
{
  g_ptr_array_add (f->heard, g_strdup ("completed"));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *client_key = NULL;
  g_autofree char *indexer_key = NULL;
  gint64 indexer_id;

  f->kind = GPOINTER_TO_INT (data);
  if (!ssv_test_have_program ("transmission-daemon") || !ssv_test_have_program ("qbittorrent-nox"))
    {
      g_test_skip ("transmission-daemon or qbittorrent-nox is not installed");
      return;
    }

  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->save_dir = g_build_filename (f->dir, "downloads", NULL);
  g_mkdir_with_parents (f->save_dir, 0700);
  f->store = ssv_download_store_new (f->db);
  f->http = ssv_http_new ();
  ssv_http_set_retry_policy (f->http, 1, 50);
  f->secrets = ssv_secrets_new ();
  f->indexer = ssv_fake_server_new ();
  f->heard = g_ptr_array_new_with_free_func (g_free);

  f->daemon = ssv_test_client_daemon_start (f->kind, f->save_dir, 0, &error);
  g_assert_no_error (error);
  f->client_id = ssv_download_store_add_client (f->store, f->kind, "Home", f->daemon->url, SSV_TEST_USER, &error);
  g_assert_no_error (error);
  client_key = ssv_secrets_client_key (f->client_id);
  store_secret (f, client_key, SSV_TEST_PASSWORD);
  ssv_download_store_set_default_client (f->store, "torrent", f->client_id, &error);
  g_assert_no_error (error);

  indexer_id = ssv_download_store_add_indexer (f->store, "torznab", "Jackett",
                                               ssv_fake_server_get_url (f->indexer), &error);
  g_assert_no_error (error);
  indexer_key = ssv_secrets_indexer_key (indexer_id);
  store_secret (f, indexer_key, INDEXER_KEY);

  f->pool = ssv_client_pool_new (f->store, f->http, f->secrets);
  f->monitor = ssv_download_monitor_new (f->pool);
  ssv_download_monitor_set_intervals (f->monitor, 200, 400);
  g_signal_connect (f->monitor, "download-stalled", G_CALLBACK (on_stalled), f);
  g_signal_connect (f->monitor, "download-failed", G_CALLBACK (on_failed), f);
  g_signal_connect (f->monitor, "download-completed", G_CALLBACK (on_completed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->monitor != NULL)
    ssv_download_monitor_stop (f->monitor);
  g_clear_object (&f->monitor);
  g_clear_object (&f->pool);
  g_clear_pointer (&f->daemon, ssv_test_client_daemon_free);
  g_clear_pointer (&f->indexer, ssv_fake_server_free);
  g_clear_object (&f->secrets);
  g_clear_object (&f->http);
  g_clear_object (&f->store);
  g_clear_pointer (&f->heard, g_ptr_array_unref);
  g_free (f->save_dir);
  if (f->db != NULL)
    ssv_test_close_temp_database (&f->db, &f->dir);
}

/* Seconds instead of hours; the speed floor and the ETA limit off unless a test wants them. */
static void
set_rules (Fixture *f,
           gint64   stall_seconds,
           gint64   metadata_seconds)
{
  SsvStallRules rules;

  ssv_stall_rules_init (&rules);
  rules.stall_seconds = stall_seconds;
  rules.metadata_seconds = metadata_seconds;
  rules.min_speed_kbps = 0;
  rules.max_eta_hours = 0;
  ssv_download_monitor_set_stall_rules (f->monitor, &rules);
}

static SsvGrabRequest *
heat_request (void)
{
  SsvGrabRequest *request = ssv_grab_request_new ();
  SsvDownloadCandidate *chosen = ssv_download_candidate_new ("torrent", "Heat.1995.1080p.BluRay.x264-GRP");

  request->wanted.kind = SSV_DOWNLOAD_KIND_MOVIE;
  request->wanted.title = g_strdup ("Heat");
  request->wanted.year = 1995;
  request->wanted.tmdb_id = 949;
  chosen->indexer = g_strdup ("Jackett");
  g_ptr_array_add (request->candidates, chosen);
  return request;
}

static gint64
grab (Fixture    *f,
      const char *magnet,
      GBytes     *torrent)
{
  g_autoptr(SsvGrabber) grabber = ssv_grabber_new (f->pool);
  g_autoptr(SsvGrabRequest) request = heat_request ();
  SsvDownloadCandidate *chosen = g_ptr_array_index (request->candidates, 0);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (magnet != NULL)
    chosen->magnet_url = g_strdup (magnet);
  else
    {
      ssv_fake_server_add_bytes (f->indexer, "/dl/heat.torrent", 200, "application/x-bittorrent", torrent);
      chosen->download_url = g_strconcat (ssv_fake_server_get_url (f->indexer), "/dl/heat.torrent", NULL);
    }
  id = ssv_grabber_grab (grabber, request, NULL, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static gboolean
heard_two (gpointer data)
{
  return ((Fixture *) data)->heard->len >= 2;
}

/* Waits for the monitor to give up, then checks the signals, the row and the timeline. */
static void
assert_given_up (Fixture    *f,
                 gint64      id,
                 guint       timeout_ms,
                 const char *reason_start)
{
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  const char *stalled, *reason;
  SsvDownloadEvent *last;

  if (!ssv_test_wait_for (heard_two, f, timeout_ms))
    {
      d = ssv_download_store_get (f->store, id, &error);
      g_error ("nothing given up in %u ms; the download is %s (%s)", timeout_ms,
               ssv_download_status_to_string (ssv_download_get_status (d)), ssv_download_get_error (d));
    }
  stalled = g_ptr_array_index (f->heard, 0);
  g_test_message ("%s", stalled);
  g_assert_true (g_str_has_prefix (stalled, "stalled: "));
  reason = stalled + strlen ("stalled: ");
  g_assert_true (g_str_has_prefix (reason, reason_start));
  /* download-failed follows, with the same words. */
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->heard, 1), "failed: "));
  g_assert_cmpstr ((char *) g_ptr_array_index (f->heard, 1) + strlen ("failed: "), ==, reason);

  d = ssv_download_store_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_FAILED);
  g_assert_cmpstr (ssv_download_get_error (d), ==, reason);
  events = ssv_download_store_list_events (f->store, id, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpstr (last->kind, ==, "error");
  g_assert_cmpstr (last->message, ==, reason);
}

/* A magnet nobody has: the metadata never comes. */
static void
test_magnet_metadata (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *hash = NULL;
  g_autofree char *magnet = NULL;
  gint64 id;

  if (f->daemon == NULL)
    return;

  hash = ssv_test_random_infohash ();
  magnet = g_strdup_printf ("magnet:?xt=urn:btih:%s&dn=Heat.1995.1080p.BluRay.x264-GRP", hash);
  set_rules (f, 3600, 2);
  id = grab (f, magnet, NULL);
  ssv_download_monitor_start (f->monitor);
  assert_given_up (f, id, 20000, "The torrent’s metadata never arrived: waited ");
}

/* A .torrent whose metadata is known, with no peer at all. */
static void
test_no_peer (Fixture       *f,
              gconstpointer  data)
{
  static const SsvTestTorrentFile video = { NULL, VIDEO_SIZE };
  g_autoptr(GBytes) torrent = ssv_test_torrent_new (VIDEO_NAME, &video, 1, PIECE, VIDEO_SEED, NULL);
  gint64 id;

  if (f->daemon == NULL)
    return;

  set_rules (f, 2, 3600);
  id = grab (f, NULL, torrent);
  ssv_download_monitor_start (f->monitor);
  assert_given_up (f, id, 20000, "No progress for ");
  g_assert_nonnull (strstr (g_ptr_array_index (f->heard, 0), ", 0 seeds."));
}

typedef struct
{
  Fixture           *f;
  SsvDownloadClient *seeder;
  char              *reference;
  char              *peer;
} Handover;

/* Tells the downloading side where the seeder is until they are connected
 * (no tracker; a checking torrent forgets the peer, so again each second). */
static gboolean
hand_peer_over (gpointer data)
{
  Handover *h = data;
  const char *peers[] = { h->peer, NULL };
  g_autoptr(SsvDownloadClient) client = NULL;

  if (h->f->kind == SSV_CLIENT_QBITTORRENT)
    {
      client = ssv_test_client_daemon_client (h->f->daemon, h->f->http, NULL);
      ssv_qbittorrent_add_peers (SSV_QBITTORRENT (client), h->reference, peers, NULL, NULL);
    }
  else
    ssv_qbittorrent_add_peers (SSV_QBITTORRENT (h->seeder), h->reference, peers, NULL, NULL);
  return G_SOURCE_CONTINUE;
}

static gboolean
heard_one (gpointer data)
{
  return ((Fixture *) data)->heard->len >= 1;
}

/* A transfer that moves is not struck, even with a short window. Transmission
 * 3 dials no 127.x peer, so a qBittorrent seeder dials it instead. */
static void
test_healthy (Fixture       *f,
              gconstpointer  data)
{
  static const SsvTestTorrentFile video = { NULL, VIDEO_SIZE };
  g_autoptr(GBytes) torrent = ssv_test_torrent_new (VIDEO_NAME, &video, 1, PIECE, VIDEO_SEED, NULL);
  g_autoptr(SsvTorrentInfo) info = NULL;
  g_autoptr(SsvTestClientDaemon) seeder = NULL;
  g_autoptr(SsvAddRequest) request = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seed_dir = NULL;
  Handover h = { f, NULL, NULL, NULL };
  SsvClientKind seeder_kind;
  guint handover_id;
  gint64 id;

  if (f->daemon == NULL)
    return;

  info = ssv_torrent_info_parse_bytes (torrent, &error);
  g_assert_no_error (error);
  seed_dir = g_build_filename (f->dir, "seed", NULL);
  g_mkdir_with_parents (seed_dir, 0700);
  g_assert_true (ssv_test_torrent_write_payload (seed_dir, VIDEO_NAME, &video, 1, VIDEO_SEED, &error));
  seeder_kind = f->kind == SSV_CLIENT_QBITTORRENT ? SSV_CLIENT_TRANSMISSION : SSV_CLIENT_QBITTORRENT;
  seeder = ssv_test_client_daemon_start (seeder_kind, seed_dir, 0, &error);
  g_assert_no_error (error);
  h.seeder = ssv_test_client_daemon_client (seeder, f->http, NULL);
  request = ssv_add_request_new_torrent (torrent);
  ssv_add_request_set_save_path (request, seed_dir);
  h.reference = ssv_download_client_add (h.seeder, request, NULL, &error);
  g_assert_no_error (error);
  /* The seeder has checked its copy and shares it before the grab. */
  for (gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;;)
    {
      g_autoptr(SsvTransfer) seeding = ssv_download_client_get (h.seeder, h.reference, NULL, &error);

      g_assert_no_error (error);
      if (seeding->state == SSV_TRANSFER_SEEDING)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (100 * 1000);
    }
  h.peer = g_strdup_printf ("127.0.0.1:%u", f->kind == SSV_CLIENT_QBITTORRENT ? seeder->peer_port
                                                                             : f->daemon->peer_port);

  /* Longer than the two take to connect and begin (some 10 s on loopback,
   * much of it before the first byte), far shorter than hours. */
  set_rules (f, 30, 30);
  id = grab (f, NULL, torrent);
  handover_id = g_timeout_add (1000, hand_peer_over, &h);
  hand_peer_over (&h);
  ssv_download_monitor_start (f->monitor);
  g_assert_true (ssv_test_wait_for (heard_one, f, 60000));
  g_source_remove (handover_id);

  g_assert_cmpstr (g_ptr_array_index (f->heard, 0), ==, "completed");
  d = ssv_download_store_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_COMPLETED);
  g_assert_null (ssv_download_get_error (d));

  g_object_unref (h.seeder);
  g_free (h.reference);
  g_free (h.peer);
}

/* Half the data there, then gone while the client was down: the client
 * reports it (qBittorrent "missingFiles", Transmission "No data found"), and
 * the download fails at once, with the client's words. */
static void
test_client_error (Fixture       *f,
                   gconstpointer  data)
{
  static const SsvTestTorrentFile video = { NULL, VIDEO_SIZE };
  g_autoptr(GBytes) torrent = ssv_test_torrent_new (VIDEO_NAME, &video, 1, PIECE, VIDEO_SEED, NULL);
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->save_dir, VIDEO_NAME, NULL);
  gint64 id;

  if (f->daemon == NULL)
    return;

  g_assert_true (ssv_test_torrent_write_payload (f->save_dir, VIDEO_NAME, &video, 1, VIDEO_SEED, &error));
  g_assert_cmpint (truncate (path, VIDEO_SIZE / 2), ==, 0);
  /* Long windows: only the client's error may end it. */
  set_rules (f, 3600, 3600);
  id = grab (f, NULL, torrent);
  ssv_download_monitor_start (f->monitor);

  /* Checked and half done, waiting for peers. */
  for (gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;;)
    {
      g_clear_object (&d);
      ssv_test_wait_for (heard_one, f, 200);
      d = ssv_download_store_get (f->store, id, &error);
      g_assert_no_error (error);
      if (ssv_download_get_progress (d) >= 0.49)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  g_assert_cmpuint (f->heard->len, ==, 0);

  ssv_test_client_daemon_stop (f->daemon);
  g_assert_cmpint (g_unlink (path), ==, 0);
  ssv_test_client_daemon_restart (f->daemon, &error);
  g_assert_no_error (error);
  ssv_client_pool_forget_all (f->pool);

  assert_given_up (f, id, 20000, f->kind == SSV_CLIENT_QBITTORRENT
                                   ? "qBittorrent cannot find this torrent's files on disk."
                                   : "Transmission reports an error: ");
}

typedef struct
{
  Fixture *f;
  gint64   id;
} Released;

static gboolean
is_released (gpointer data)
{
  Released *r = data;
  g_autoptr(GPtrArray) events = ssv_download_store_list_events (r->f->store, r->id, NULL);

  for (guint i = 0; events != NULL && i < events->len; i++)
    if (g_str_has_prefix (((SsvDownloadEvent *) g_ptr_array_index (events, i))->message, "Seeded to its goal"))
      return TRUE;
  return FALSE;
}

static gboolean
polls_reached (gpointer data)
{
  gpointer *args = data;
  return ssv_download_monitor_get_n_polls (args[0]) >= GPOINTER_TO_UINT (args[1]);
}

/* A finished torrent stays in its client while its goal is not met; once it
 * is, it leaves the client and its file stays. */
static void
test_seeding_goal (Fixture       *f,
                   gconstpointer  data)
{
  static const SsvTestTorrentFile video = { NULL, VIDEO_SIZE };
  g_autoptr(GBytes) torrent = ssv_test_torrent_new (VIDEO_NAME, &video, 1, PIECE, VIDEO_SEED, NULL);
  g_autoptr(SsvTorrentInfo) info = NULL;
  g_autoptr(SsvDownloadClient) client = NULL;
  g_autoptr(SsvTransfer) still = NULL;
  g_autoptr(SsvTransfer) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->save_dir, VIDEO_NAME, NULL);
  Released released = { f, 0 };
  gpointer args[2];

  if (f->daemon == NULL)
    return;

  info = ssv_torrent_info_parse_bytes (torrent, &error);
  g_assert_no_error (error);
  /* A ratio nobody will bring it to here. */
  ssv_download_store_set_seeding_goal (f->store, f->client_id, 5.0, -1, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_test_torrent_write_payload (f->save_dir, VIDEO_NAME, &video, 1, VIDEO_SEED, &error));
  set_rules (f, 3600, 3600);
  released.id = grab (f, NULL, torrent);
  ssv_download_monitor_start (f->monitor);
  g_assert_true (ssv_test_wait_for (heard_one, f, 20000));
  g_assert_cmpstr (g_ptr_array_index (f->heard, 0), ==, "completed");

  /* Done and seeding, goal not met: still polled, still in the client. */
  args[0] = f->monitor;
  args[1] = GUINT_TO_POINTER (ssv_download_monitor_get_n_polls (f->monitor) + 2);
  g_assert_true (ssv_test_wait_for (polls_reached, args, 20000));
  client = ssv_test_client_daemon_client (f->daemon, f->http, NULL);
  still = ssv_download_client_get (client, info->infohash, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (is_released (&released));

  /* A goal of no time at all: met at the next look. */
  ssv_download_store_set_seeding_goal (f->store, f->client_id, NAN, 0, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_test_wait_for (is_released, &released, 20000));
  gone = ssv_download_client_get (client, info->infohash, NULL, &error);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_assert_null (gone);
  /* Taken off the client, never deleted. */
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (f->heard->len, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, kind, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (kind), fixture_set_up, func, fixture_tear_down)
  ADD ("/daemons/stall/transmission/magnet-metadata", SSV_CLIENT_TRANSMISSION, test_magnet_metadata);
  ADD ("/daemons/stall/transmission/no-peer", SSV_CLIENT_TRANSMISSION, test_no_peer);
  ADD ("/daemons/stall/transmission/healthy", SSV_CLIENT_TRANSMISSION, test_healthy);
  ADD ("/daemons/stall/transmission/client-error", SSV_CLIENT_TRANSMISSION, test_client_error);
  ADD ("/daemons/stall/transmission/seeding-goal", SSV_CLIENT_TRANSMISSION, test_seeding_goal);
  ADD ("/daemons/stall/qbittorrent/magnet-metadata", SSV_CLIENT_QBITTORRENT, test_magnet_metadata);
  ADD ("/daemons/stall/qbittorrent/no-peer", SSV_CLIENT_QBITTORRENT, test_no_peer);
  ADD ("/daemons/stall/qbittorrent/healthy", SSV_CLIENT_QBITTORRENT, test_healthy);
  ADD ("/daemons/stall/qbittorrent/client-error", SSV_CLIENT_QBITTORRENT, test_client_error);
  ADD ("/daemons/stall/qbittorrent/seeding-goal", SSV_CLIENT_QBITTORRENT, test_seeding_goal);
#undef ADD

  return g_test_run ();
}
