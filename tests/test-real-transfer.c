/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-real-transfer.c: real BitTorrent transfers: transmission-daemon seeds a generated video,
 * qbittorrent-nox downloads it from that one peer (no tracker), watched through the client
 * interface to the end, and the bytes compared; then the other way round. */

#include "config.h"

#include <string.h>

#include "downloads/ssv-bencode.h"
#include "downloads/ssv-download-client.h"
#include "ssv-error.h"
#include "downloads/ssv-qbittorrent.h"
#include "ssv-test-daemon.h"
#include "ssv-test-torrent.h"
#include "ssv-test-utils.h"
#include "ssv-context.h"
#include "sources/ssv-folder-source.h"
#include "stores/ssv-server-store.h"
#include "downloads/ssv-importer.h"
#include "model/ssv-download.h"
#include "stores/ssv-download-store.h"
#include "stores/ssv-import-store.h"
#include "stores/ssv-wishlist-store.h"

#define VIDEO_NAME   "Sample.Movie.2024.1080p.WEB-DL.x264.mkv"
#define VIDEO_SIZE   (4 * 1024 * 1024)
#define VIDEO_SEED   20240101u
#define POLL_MS      200

/* The .torrent as transmission-create makes it (an independent writer), or ours. */
static GBytes *
make_torrent (const char *dir,
              const char *video)
{
  g_autofree char *out = g_build_filename (dir, "video.torrent", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  const char *argv[] = { "transmission-create", "-o", out, "-s", "64", video, NULL };
  g_autoptr(GSubprocess) create = NULL;

  if (!ssv_test_have_program ("transmission-create"))
    {
      static const SsvTestTorrentFile one = { NULL, VIDEO_SIZE };
      return ssv_test_torrent_new (VIDEO_NAME, &one, 1, 65536, VIDEO_SEED, NULL);
    }

  create = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (create, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (out, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static SsvTransfer *
poll_transfer (SsvDownloadClient *client,
               const char        *reference)
{
  g_autoptr(GError) error = NULL;
  SsvTransfer *transfer = ssv_download_client_get (client, reference, NULL, &error);

  g_assert_no_error (error);
  return transfer;
}

/* The seeder checks the files it has, and shares them. */
static char *
start_seeding_size (SsvDownloadClient *seeder,
                    GBytes            *torrent,
                    const char        *seed_dir)
{
  g_autoptr(SsvAddRequest) request = ssv_add_request_new_torrent (torrent);
  g_autoptr(GError) error = NULL;
  char *reference;

  ssv_add_request_set_save_path (request, seed_dir);
  reference = ssv_download_client_add (seeder, request, NULL, &error);
  g_assert_no_error (error);
  for (gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;;)
    {
      g_autoptr(SsvTransfer) seeding = poll_transfer (seeder, reference);

      if (seeding->state == SSV_TRANSFER_SEEDING)
        return reference;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (POLL_MS * 1000);
    }
}

/* As start_seeding_size(), for the one video of VIDEO_SIZE bytes, checked whole. */
static char *
start_seeding (SsvDownloadClient *seeder,
               GBytes            *torrent,
               const char        *seed_dir)
{
  char *reference = start_seeding_size (seeder, torrent, seed_dir);
  g_autoptr(SsvTransfer) seeding = poll_transfer (seeder, reference);

  g_assert_cmpfloat (seeding->progress, ==, 1.0);
  g_assert_cmpint (seeding->downloaded, ==, VIDEO_SIZE);
  return reference;
}

/* Watches the download to its end through the interface, handing the
 * seeder's address over while no seed is connected. */
static SsvTransfer *
watch_download (SsvDownloadClient *qbittorrent,
                const char        *reference,
                const char        *peer,
                gint64             started)
{
  g_autoptr(GError) error = NULL;
  gboolean saw_waiting = FALSE;
  gint64 last_peers = 0;
  double previous_progress = 0.0;

  for (gint64 deadline = started + 90 * G_USEC_PER_SEC;;)
    {
      g_autoptr(SsvTransfer) transfer = poll_transfer (qbittorrent, reference);
      gint64 now = g_get_monotonic_time ();

      if (ssv_transfer_state_is_done (transfer->state))
        {
          g_assert_true (saw_waiting);
          return g_steal_pointer (&transfer);
        }
      g_assert_cmpint (transfer->state, !=, SSV_TRANSFER_ERROR);
      saw_waiting |= transfer->state == SSV_TRANSFER_STALLED || transfer->state == SSV_TRANSFER_DOWNLOADING;
      /* Progress never goes back; a moving download has a time left, computed
       * from its speed when qBittorrent says "unknown". */
      g_assert_cmpfloat (transfer->progress, >=, previous_progress);
      previous_progress = transfer->progress;
      if (transfer->state == SSV_TRANSFER_DOWNLOADING && transfer->down_speed > 0)
        g_assert_cmpint (transfer->eta, >=, 0);

      /* Hand the peer over (again, while not connected: a checking torrent drops it). */
      if (transfer->seeds <= 0 && now - last_peers > G_USEC_PER_SEC)
        {
          const char *peers[] = { peer, NULL };

          ssv_qbittorrent_add_peers (SSV_QBITTORRENT (qbittorrent), reference, peers, NULL, &error);
          g_assert_no_error (error);
          last_peers = now;
        }

      if (now > deadline)
        g_error ("the download did not finish in 90 s: %s (%s) at %.0f %%",
                 ssv_transfer_state_to_string (transfer->state), transfer->client_state,
                 transfer->progress * 100);
      g_usleep (POLL_MS * 1000);
    }
}

static void
test_transmission_to_qbittorrent (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *seed_dir = NULL;
  g_autofree char *leech_dir = NULL;
  g_autofree char *video = NULL;
  g_autofree char *peer = NULL;
  g_autoptr(SsvHttp) http = NULL;
  g_autoptr(SsvTestClientDaemon) seeder = NULL;
  g_autoptr(SsvTestClientDaemon) leecher = NULL;
  g_autoptr(SsvDownloadClient) transmission = NULL;
  g_autoptr(SsvDownloadClient) qbittorrent = NULL;
  g_autoptr(GBytes) payload = ssv_test_payload (VIDEO_SIZE, VIDEO_SEED);
  g_autoptr(GBytes) torrent = NULL;
  g_autoptr(SsvTorrentInfo) info = NULL;
  g_autoptr(SsvAddRequest) leech_request = NULL;
  g_autoptr(SsvTransfer) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seed_ref = NULL;
  g_autofree char *leech_ref = NULL;
  g_autofree char *received = NULL;
  gsize received_length = 0;
  gint64 started, finished;

  if (!ssv_test_have_program ("transmission-daemon") || !ssv_test_have_program ("qbittorrent-nox"))
    {
      g_test_skip ("transmission-daemon or qbittorrent-nox is not installed");
      return;
    }

  dir = ssv_test_make_temp_dir ();
  seed_dir = g_build_filename (dir, "seed", NULL);
  leech_dir = g_build_filename (dir, "leech", NULL);
  g_assert_cmpint (g_mkdir_with_parents (seed_dir, 0755), ==, 0);
  video = g_build_filename (seed_dir, VIDEO_NAME, NULL);
  g_file_set_contents (video, g_bytes_get_data (payload, NULL), VIDEO_SIZE, &error);
  g_assert_no_error (error);

  torrent = make_torrent (dir, video);
  info = ssv_torrent_info_parse_bytes (torrent, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->total_size, ==, VIDEO_SIZE);

  http = ssv_http_new ();
  ssv_http_set_retry_policy (http, 1, 50);
  seeder = ssv_test_client_daemon_start (SSV_CLIENT_TRANSMISSION, seed_dir, 0, &error);
  g_assert_no_error (error);
  leecher = ssv_test_client_daemon_start (SSV_CLIENT_QBITTORRENT, leech_dir, 0, &error);
  g_assert_no_error (error);
  transmission = ssv_test_client_daemon_client (seeder, http, NULL);
  qbittorrent = ssv_test_client_daemon_client (leecher, http, NULL);

  seed_ref = start_seeding (transmission, torrent, seed_dir);
  g_assert_cmpstr (seed_ref, ==, info->infohash);

  /* The downloader gets the torrent and the seeder's address; no tracker. */
  leech_request = ssv_add_request_new_torrent (torrent);
  ssv_add_request_set_save_path (leech_request, leech_dir);
  started = g_get_monotonic_time ();
  leech_ref = ssv_download_client_add (qbittorrent, leech_request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (leech_ref, ==, info->infohash);
  peer = g_strdup_printf ("127.0.0.1:%u", seeder->peer_port);

  done = watch_download (qbittorrent, leech_ref, peer, started);
  finished = g_get_monotonic_time ();

  g_assert_cmpint (done->size, ==, VIDEO_SIZE);
  g_assert_cmpint (done->downloaded, ==, VIDEO_SIZE);
  g_assert_cmpfloat (done->progress, ==, 1.0);
  g_assert_cmpint (done->eta, ==, 0);
  g_assert_cmpstr (done->name, ==, VIDEO_NAME);

  /* The file the client names is the one that arrived, byte for byte. */
  g_assert_nonnull (done->content_path);
  g_assert_true (g_str_has_prefix (done->content_path, leech_dir));
  g_file_get_contents (done->content_path, &received, &received_length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (received_length, ==, VIDEO_SIZE);
  g_assert_true (memcmp (received, g_bytes_get_data (payload, NULL), VIDEO_SIZE) == 0);

  g_test_message ("%d bytes from transmission-daemon to qbittorrent-nox in %.1f s (%s)",
                  VIDEO_SIZE, (finished - started) / 1e6,
                  ssv_test_have_program ("transmission-create") ? "transmission-create's torrent"
                                                                 : "the test's torrent");

  ssv_download_client_remove (qbittorrent, leech_ref, TRUE, NULL, &error);
  g_assert_no_error (error);
  ssv_download_client_remove (transmission, seed_ref, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&seeder, ssv_test_client_daemon_free);
  g_clear_pointer (&leecher, ssv_test_client_daemon_free);
  ssv_test_remove_tree (dir);
}

/* The other way: qbittorrent-nox seeds, transmission-daemon downloads. Its RPC
 * takes no peer, and Transmission 3 never dials a 127.x address ("martian"),
 * so the seeder is told the downloader's address and dials it. */
static void
test_qbittorrent_to_transmission (void)
{
  static const SsvTestTorrentFile one = { NULL, VIDEO_SIZE };
  g_autofree char *dir = NULL;
  g_autofree char *seed_dir = NULL;
  g_autofree char *leech_dir = NULL;
  g_autofree char *video = NULL;
  g_autofree char *peer = NULL;
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvTestClientDaemon) seeder = NULL;
  g_autoptr(SsvTestClientDaemon) leecher = NULL;
  g_autoptr(SsvDownloadClient) qbittorrent = NULL;
  g_autoptr(SsvDownloadClient) transmission = NULL;
  g_autoptr(GBytes) payload = ssv_test_payload (VIDEO_SIZE, VIDEO_SEED + 1);
  g_autoptr(GBytes) torrent = NULL;
  g_autoptr(SsvAddRequest) request = NULL;
  g_autoptr(SsvTransfer) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seed_ref = NULL;
  g_autofree char *leech_ref = NULL;
  g_autofree char *received = NULL;
  gsize received_length = 0;
  gint64 started;

  if (!ssv_test_have_program ("transmission-daemon") || !ssv_test_have_program ("qbittorrent-nox"))
    {
      g_test_skip ("transmission-daemon or qbittorrent-nox is not installed");
      return;
    }

  dir = ssv_test_make_temp_dir ();
  seed_dir = g_build_filename (dir, "seed", NULL);
  leech_dir = g_build_filename (dir, "leech", NULL);
  g_assert_cmpint (g_mkdir_with_parents (seed_dir, 0755), ==, 0);
  video = g_build_filename (seed_dir, VIDEO_NAME, NULL);
  g_file_set_contents (video, g_bytes_get_data (payload, NULL), VIDEO_SIZE, &error);
  g_assert_no_error (error);

  torrent = ssv_test_torrent_new (VIDEO_NAME, &one, 1, 65536, VIDEO_SEED + 1, NULL);

  ssv_http_set_retry_policy (http, 1, 50);
  seeder = ssv_test_client_daemon_start (SSV_CLIENT_QBITTORRENT, seed_dir, 0, &error);
  g_assert_no_error (error);
  leecher = ssv_test_client_daemon_start (SSV_CLIENT_TRANSMISSION, leech_dir, 0, &error);
  g_assert_no_error (error);
  peer = g_strdup_printf ("127.0.0.1:%u", leecher->peer_port);
  qbittorrent = ssv_test_client_daemon_client (seeder, http, NULL);
  transmission = ssv_test_client_daemon_client (leecher, http, NULL);

  seed_ref = start_seeding (qbittorrent, torrent, seed_dir);
  request = ssv_add_request_new_torrent (torrent);
  ssv_add_request_set_save_path (request, leech_dir);
  started = g_get_monotonic_time ();
  leech_ref = ssv_download_client_add (transmission, request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (leech_ref, ==, seed_ref);

  for (gint64 deadline = started + 90 * G_USEC_PER_SEC, last_peers = 0; done == NULL;)
    {
      g_autoptr(SsvTransfer) transfer = poll_transfer (transmission, leech_ref);
      gint64 now = g_get_monotonic_time ();

      g_assert_cmpint (transfer->state, !=, SSV_TRANSFER_ERROR);
      if (transfer->seeds <= 0 && now - last_peers > G_USEC_PER_SEC)
        {
          const char *peers[] = { peer, NULL };

          ssv_qbittorrent_add_peers (SSV_QBITTORRENT (qbittorrent), seed_ref, peers, NULL, &error);
          g_assert_no_error (error);
          last_peers = now;
        }
      if (ssv_transfer_state_is_done (transfer->state))
        done = g_steal_pointer (&transfer);
      else if (now > deadline)
        g_error ("the download did not finish in 90 s: %s at %.0f %%",
                 ssv_transfer_state_to_string (transfer->state), transfer->progress * 100);
      else
        g_usleep (POLL_MS * 1000);
    }

  g_file_get_contents (done->content_path, &received, &received_length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (received_length, ==, VIDEO_SIZE);
  g_assert_true (memcmp (received, g_bytes_get_data (payload, NULL), VIDEO_SIZE) == 0);
  g_test_message ("%d bytes from qbittorrent-nox to transmission-daemon in %.1f s",
                  VIDEO_SIZE, (g_get_monotonic_time () - started) / 1e6);

  g_clear_pointer (&seeder, ssv_test_client_daemon_free);
  g_clear_pointer (&leecher, ssv_test_client_daemon_free);
  ssv_test_remove_tree (dir);
}

/* ---- a real transfer, then the import ------------------------------------------------ */

/* qbittorrent-nox seeds @files, transmission-daemon fetches them on loopback:
 * the path transmission says the finished download is at. */
static char *
fetch_through_transmission (const char               *dir,
                            const char               *name,
                            const SsvTestTorrentFile *files,
                            guint                     n_files,
                            guint32                   seed)
{
  g_autofree char *seed_dir = g_build_filename (dir, "seed", NULL);
  g_autofree char *leech_dir = g_build_filename (dir, "leech", NULL);
  g_autofree char *peer = NULL;
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvTestClientDaemon) seeder = NULL;
  g_autoptr(SsvTestClientDaemon) leecher = NULL;
  g_autoptr(SsvDownloadClient) qbittorrent = NULL;
  g_autoptr(SsvDownloadClient) transmission = NULL;
  g_autoptr(GBytes) torrent = ssv_test_torrent_new (name, files, n_files, 65536, seed, NULL);
  g_autoptr(SsvAddRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seed_ref = NULL;
  g_autofree char *leech_ref = NULL;
  gint64 last_peers = 0;

  g_assert_cmpint (g_mkdir_with_parents (seed_dir, 0755), ==, 0);
  g_assert_true (ssv_test_torrent_write_payload (seed_dir, name, files, n_files, seed, &error));
  g_assert_no_error (error);
  ssv_http_set_retry_policy (http, 1, 50);
  seeder = ssv_test_client_daemon_start (SSV_CLIENT_QBITTORRENT, seed_dir, 0, &error);
  g_assert_no_error (error);
  leecher = ssv_test_client_daemon_start (SSV_CLIENT_TRANSMISSION, leech_dir, 0, &error);
  g_assert_no_error (error);
  peer = g_strdup_printf ("127.0.0.1:%u", leecher->peer_port);
  qbittorrent = ssv_test_client_daemon_client (seeder, http, NULL);
  transmission = ssv_test_client_daemon_client (leecher, http, NULL);

  seed_ref = start_seeding_size (qbittorrent, torrent, seed_dir);
  request = ssv_add_request_new_torrent (torrent);
  ssv_add_request_set_save_path (request, leech_dir);
  leech_ref = ssv_download_client_add (transmission, request, NULL, &error);
  g_assert_no_error (error);

  for (gint64 deadline = g_get_monotonic_time () + 90 * G_USEC_PER_SEC;;)
    {
      g_autoptr(SsvTransfer) transfer = poll_transfer (transmission, leech_ref);
      gint64 now = g_get_monotonic_time ();

      g_assert_cmpint (transfer->state, !=, SSV_TRANSFER_ERROR);
      if (ssv_transfer_state_is_done (transfer->state))
        return g_strdup (transfer->content_path);
      if (transfer->seeds <= 0 && now - last_peers > G_USEC_PER_SEC)
        {
          const char *peers[] = { peer, NULL };

          ssv_qbittorrent_add_peers (SSV_QBITTORRENT (qbittorrent), seed_ref, peers, NULL, &error);
          g_assert_no_error (error);
          last_peers = now;
        }
      g_assert_cmpint (now, <, deadline);
      g_usleep (POLL_MS * 1000);
    }
}

static SsvContext *
import_context (const char *dir,
                char      **library,
                gint64     *wishlist_id)
{
  SsvWishlistTitle title = { .source = "tmdb", .source_id = "949", .title = "Heat", .year = 1995 };
  SsvImportSettings settings = { .min_video_bytes = -1 };
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(SsvFolderSource) folder = NULL;
  g_autoptr(GPtrArray) libraries = NULL;
  g_autoptr(GError) error = NULL;
  SsvContext *context = ssv_context_new (db_path, &error);
  gint64 server_id;

  g_assert_no_error (error);
  *library = g_build_filename (dir, "Library", NULL);
  g_mkdir_with_parents (*library, 0755);
  g_assert_true (ssv_server_store_add (ssv_context_get_database (context), "folder", "Films", *library, NULL,
                                       &server_id, NULL, &error));
  folder = ssv_folder_source_new (*library);
  libraries = ssv_media_source_list_libraries (SSV_MEDIA_SOURCE (folder), NULL, &error);
  g_assert_true (ssv_server_store_set_libraries (ssv_context_get_database (context), server_id, libraries, &error));
  g_assert_true (ssv_wishlist_store_add_title (ssv_context_get_wishlist_store (context), SSV_WISHLIST_KIND_MOVIE,
                                               &title, &error));
  g_assert_no_error (error);
  *wishlist_id = ssv_test_query_int (ssv_context_get_database (context), "SELECT id FROM wishlist");
  ssv_importer_set_settings (ssv_context_get_importer (context), &settings);
  return context;
}

static SsvDownload *
record_heat (SsvContext *context,
             gint64      wishlist_id,
             const char *release)
{
  SsvDownloadWanted wanted = { .kind = SSV_DOWNLOAD_KIND_MOVIE, .wishlist_id = wishlist_id, .tmdb_id = 949,
                               .title = (char *) "Heat", .year = 1995, .season = -1, .episode = -1 };
  g_autoptr(SsvDownloadCandidate) chosen = ssv_download_candidate_new ("torrent", release);
  SsvGrabRecord record = { .wanted = &wanted, .chosen = chosen, .client_name = "transmission",
                           .reference = release, .status = SSV_DOWNLOAD_QUEUED, .event = "Grabbed." };
  g_autoptr(GError) error = NULL;
  gint64 id = ssv_download_store_record_grab (ssv_context_get_download_store (context), &record, &error);
  SsvDownload *d;

  g_assert_no_error (error);
  d = ssv_download_store_get (ssv_context_get_download_store (context), id, &error);
  g_assert_no_error (error);
  return d;
}

static void
test_transfer_then_import (void)
{
  static const SsvTestTorrentFile one = { NULL, VIDEO_SIZE };
  g_autofree char *dir = NULL;
  g_autofree char *finished = NULL;
  g_autofree char *library = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *quality = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(SsvImportOutcome) outcome = NULL;
  g_autoptr(GBytes) payload = ssv_test_payload (VIDEO_SIZE, VIDEO_SEED + 2);
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  gint64 wishlist_id;
  SsvDownloadWanted heat = { .kind = SSV_DOWNLOAD_KIND_MOVIE, .title = (char *) "Heat", .year = 1995,
                             .season = -1, .episode = -1 };

  if (!ssv_test_have_program ("transmission-daemon") || !ssv_test_have_program ("qbittorrent-nox"))
    {
      g_test_skip ("transmission-daemon or qbittorrent-nox is not installed");
      return;
    }
  dir = ssv_test_make_temp_dir ();
  finished = fetch_through_transmission (dir, "Heat.1995.1080p.BluRay.x264-GRP.mkv", &one, 1, VIDEO_SEED + 2);

  context = import_context (dir, &library, &wishlist_id);
  d = record_heat (context, wishlist_id, "Heat.1995.1080p.BluRay.x264-GRP");
  outcome = ssv_importer_import_sync (ssv_context_get_importer (context), d, NULL, finished, NULL, &error);
  g_assert_no_error (error);

  /* named by the template, the bytes transmission fetched */
  expected = g_build_filename (library, "Heat (1995)", "Heat (1995) - 1080p Bluray.mkv", NULL);
  g_assert_cmpstr (outcome->library_path, ==, expected);
  g_assert_true (g_file_get_contents (expected, &imported, &length, NULL));
  g_assert_cmpuint (length, ==, VIDEO_SIZE);
  g_assert_true (memcmp (imported, g_bytes_get_data (payload, NULL), VIDEO_SIZE) == 0);
  /* the client keeps its copy to seed */
  g_assert_true (g_file_test (finished, G_FILE_TEST_IS_REGULAR));

  /* the library owns it, the wishlist knows */
  g_clear_pointer (&imported, g_free);
  imported = ssv_import_store_dup_owned_path (ssv_context_get_database (context), &heat, -1, -1, &error);
  g_assert_cmpstr (imported, ==, expected);
  g_assert_cmpint (ssv_import_store_get_state (ssv_context_get_database (context), wishlist_id, &quality, &error),
                   ==, SSV_WISH_IMPORT_RESOLVED);

  g_clear_object (&context);
  ssv_test_remove_tree (dir);
}

static void
test_transfer_then_reject (void)
{
  static const SsvTestTorrentFile junk[] = { { "sample.mkv", 96 * 1024 }, { "setup.exe", 32 * 1024 } };
  g_autofree char *dir = NULL;
  g_autofree char *finished = NULL;
  g_autofree char *library = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(SsvDownload) after = NULL;
  g_autoptr(SsvImportOutcome) outcome = NULL;
  g_autoptr(GDir) nothing = NULL;
  g_autoptr(GError) error = NULL;
  gint64 wishlist_id;

  if (!ssv_test_have_program ("transmission-daemon") || !ssv_test_have_program ("qbittorrent-nox"))
    {
      g_test_skip ("transmission-daemon or qbittorrent-nox is not installed");
      return;
    }
  dir = ssv_test_make_temp_dir ();
  finished = fetch_through_transmission (dir, "Heat.1995.1080p.BluRay-FAKE", junk, G_N_ELEMENTS (junk),
                                         VIDEO_SEED + 3);

  context = import_context (dir, &library, &wishlist_id);
  d = record_heat (context, wishlist_id, "Heat.1995.1080p.BluRay-FAKE");
  outcome = ssv_importer_import_sync (ssv_context_get_importer (context), d, NULL, finished, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (outcome->plan->rejected);
  g_assert_nonnull (strstr (outcome->plan->reason, "a program, “Heat.1995.1080p.BluRay-FAKE/setup.exe”"));

  /* nothing lands in the library; the download says why */
  nothing = g_dir_open (library, 0, &error);
  g_assert_no_error (error);
  g_assert_null (g_dir_read_name (nothing));
  after = ssv_download_store_get (ssv_context_get_download_store (context), ssv_download_get_id (d), &error);
  g_assert_cmpint (ssv_download_get_status (after), ==, SSV_DOWNLOAD_FAILED);
  g_assert_nonnull (strstr (ssv_download_get_error (after), "setup.exe"));

  g_clear_object (&context);
  ssv_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/daemons/real-transfer/transmission-to-qbittorrent",
                   test_transmission_to_qbittorrent);
  g_test_add_func ("/daemons/real-transfer/qbittorrent-to-transmission",
                   test_qbittorrent_to_transmission);
  g_test_add_func ("/daemons/real-transfer/import", test_transfer_then_import);
  g_test_add_func ("/daemons/real-transfer/import-rejected", test_transfer_then_reject);

  return g_test_run ();
}
