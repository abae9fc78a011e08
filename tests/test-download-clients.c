/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-download-clients.c: the download clients' parsers on recorded answers, SABnzbd and slskd
 * against faithful fakes, and every client's plain words for a dead or wrong server. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "downloads/ssv-aria2.h"
#include "downloads/ssv-deluge.h"
#include "downloads/ssv-download-client-factory.h"
#include "ssv-error.h"
#include "ssv-fake-sabnzbd.h"
#include "ssv-fake-server.h"
#include "ssv-fake-slskd.h"
#include "downloads/ssv-nzbget.h"
#include "downloads/ssv-qbittorrent.h"
#include "downloads/ssv-sabnzbd.h"
#include "ssv-secrets.h"
#include "downloads/ssv-slskd.h"
#include "ssv-test-daemon.h"
#include "ssv-test-utils.h"
#include "downloads/ssv-transmission.h"

#define API_KEY    "0123456789abcdef0123456789abcdef"
#define WRONG_KEY  "fedcba9876543210fedcba9876543210"

static char *
fixture_text (const char *name,
              gsize      *length)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load (name);

  return g_strndup (g_bytes_get_data (bytes, length), g_bytes_get_size (bytes));
}

static SsvTransfer *
find_transfer (GPtrArray  *transfers,
               const char *reference)
{
  for (guint i = 0; i < transfers->len; i++)
    {
      SsvTransfer *transfer = g_ptr_array_index (transfers, i);

      if (g_strcmp0 (transfer->reference, reference) == 0)
        return transfer;
    }

  g_error ("no transfer %s", reference);
}

/* ---- parsers on recorded answers ------------------------------------------------- */

static void
test_qbittorrent_states (void)
{
  static const SsvTransferState expected[] = {
    SSV_TRANSFER_STALLED, SSV_TRANSFER_PAUSED, SSV_TRANSFER_SEEDING,
    SSV_TRANSFER_ERROR, SSV_TRANSFER_ERROR, SSV_TRANSFER_DOWNLOADING,
  };
  static const char last_digit[] = "ebcdfa";
  g_autofree char *json = fixture_text ("qbittorrent/torrents_info.DERIVED.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) transfers = ssv_qbittorrent_parse_torrents (json, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (transfers->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < transfers->len; i++)
    {
      SsvTransfer *transfer = g_ptr_array_index (transfers, i);

      g_assert_cmpint (transfer->state, ==, expected[i]);
      g_assert_true (g_str_has_prefix (transfer->reference, "cb48f83c1f1f7bb781e9c4af1602a14df7a915f"));
      g_assert_cmpint (transfer->reference[39], ==, last_digit[i]);
      g_assert_cmpint (transfer->size, ==, 257091916);
      /* The same numbers under each state (the file is derived); a seeding
       * torrent has all it wants, whatever they say. */
      g_assert_cmpint (transfer->downloaded, ==,
                       ssv_transfer_state_is_done (expected[i]) ? 257091916 : 167913804);
      g_assert_cmpfloat_with_epsilon (transfer->availability, 0.645, 0.001);
      g_assert_cmpstr (transfer->category, ==, "radarr");
      /* 8640000 means "unknown"; with no speed nothing can be computed. */
      g_assert_cmpint (transfer->eta, ==, ssv_transfer_state_is_done (expected[i]) ? 0 : -1);
      g_assert_true ((transfer->error != NULL) == (expected[i] == SSV_TRANSFER_ERROR));
    }
  g_assert_nonnull (strstr (((SsvTransfer *) g_ptr_array_index (transfers, 4))->error, "files on disk"));
}

static void
test_qbittorrent_recorded (void)
{
  g_autofree char *json = fixture_text ("qbittorrent/torrents_info_metadl_stalleddl.recorded-4.5.2.json", NULL);
  g_autofree char *files_json = fixture_text ("qbittorrent/torrents_files.recorded-4.5.2.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) transfers = ssv_qbittorrent_parse_torrents (json, -1, &error);
  g_autoptr(GPtrArray) files = NULL;
  SsvTransfer *magnet, *torrent;
  SsvTransferFile *file;

  g_assert_no_error (error);
  magnet = find_transfer (transfers, "0123456789abcdef0123456789abcdef01234567");
  g_assert_cmpint (magnet->state, ==, SSV_TRANSFER_METADATA);
  g_assert_cmpint (magnet->size, ==, -1);   /* 0 of -1 until the metadata arrives */
  g_assert_cmpstr (magnet->name, ==, "Wanted.Movie.2021.1080p.WEB-DL");
  torrent = find_transfer (transfers, "9312341f7a605fe4aea6c84a8cd4f27d74d35bad");
  g_assert_cmpint (torrent->state, ==, SSV_TRANSFER_STALLED);
  g_assert_cmpint (torrent->size, ==, 4194304);
  g_assert_cmpstr (torrent->category, ==, "soulsync-video");
  g_assert_true (g_str_has_suffix (torrent->content_path, "/Sample.Movie.2024.1080p.WEB-DL.x264.mkv"));

  files = ssv_qbittorrent_parse_files (files_json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
  file = g_ptr_array_index (files, 0);
  g_assert_cmpuint (file->index, ==, 0);
  g_assert_cmpstr (file->path, ==, "Sample.Movie.2024.1080p.WEB-DL.x264.mkv");
  g_assert_cmpint (file->size, ==, 4194304);
  g_assert_cmpint (file->priority, ==, SSV_FILE_NORMAL);
}

/* qBittorrent's ETA sentinel with a speed: the time left comes from the speed. */
static void
test_qbittorrent_eta_from_speed (void)
{
  const char *json = "[{\"hash\":\"9312341f7a605fe4aea6c84a8cd4f27d74d35bad\",\"name\":\"x\","
                     "\"state\":\"downloading\",\"progress\":0.25,\"size\":4000000,"
                     "\"total_size\":4000000,\"completed\":1000000,\"dlspeed\":100000,"
                     "\"eta\":8640000}]";
  g_autoptr(GPtrArray) transfers = ssv_qbittorrent_parse_torrents (json, -1, NULL);
  SsvTransfer *transfer = g_ptr_array_index (transfers, 0);

  g_assert_cmpint (transfer->state, ==, SSV_TRANSFER_DOWNLOADING);
  g_assert_cmpint (transfer->eta, ==, 30);
}

static void
test_transmission_recorded (void)
{
  g_autofree char *medusa = fixture_text ("transmission/torrent-get_medusa.json", NULL);
  g_autofree char *mock = fixture_text ("transmission/torrent-get_two_torrents.remote-app-MOCK.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) transfers = ssv_transmission_parse_torrents (medusa, -1, &error);
  g_autoptr(GPtrArray) unnamed = NULL;
  g_autoptr(GPtrArray) files = NULL;
  SsvTransfer *transfer;

  g_assert_no_error (error);
  g_assert_cmpuint (transfers->len, ==, 1);
  transfer = g_ptr_array_index (transfers, 0);
  g_assert_cmpstr (transfer->reference, ==, "b2710a116396a88eca5444887fd5568eecb899ce");
  g_assert_cmpint (transfer->state, ==, SSV_TRANSFER_PAUSED);   /* status 0 at 2.61 % */
  g_assert_cmpfloat_with_epsilon (transfer->progress, 0.0261, 1e-9);
  g_assert_cmpfloat_with_epsilon (transfer->ratio, 0.0149, 1e-9);

  /* The app's mock has no hashString: nothing the app could refer to. */
  unnamed = ssv_transmission_parse_torrents (mock, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unnamed->len, ==, 0);
  /* Its files and fileStats read all the same. */
  files = ssv_transmission_parse_files (mock, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, >, 0);

  g_assert_cmpint (ssv_transmission_map_state (4, 0, 0.1, 0.0, FALSE), ==, SSV_TRANSFER_METADATA);
  g_assert_cmpint (ssv_transmission_map_state (4, 0, 0.1, 1.0, TRUE), ==, SSV_TRANSFER_STALLED);
  g_assert_cmpint (ssv_transmission_map_state (6, 0, 1.0, 1.0, FALSE), ==, SSV_TRANSFER_SEEDING);
  g_assert_cmpint (ssv_transmission_map_state (0, 0, 1.0, 1.0, FALSE), ==, SSV_TRANSFER_COMPLETED);
  g_assert_cmpint (ssv_transmission_map_state (2, 0, 0.5, 1.0, FALSE), ==, SSV_TRANSFER_CHECKING);
  g_assert_cmpint (ssv_transmission_map_state (4, 3, 0.5, 1.0, FALSE), ==, SSV_TRANSFER_ERROR);
  g_assert_cmpint (ssv_transmission_map_state (4, 1, 0.5, 1.0, FALSE), ==, SSV_TRANSFER_DOWNLOADING);
}

static void
test_deluge_recorded (void)
{
  g_autofree char *json = fixture_text ("deluge/core_get_torrent_status.medusa.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) transfers = ssv_deluge_parse_torrents (json, -1, &error);
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *cleaned = NULL;
  SsvTransfer *transfer;

  g_assert_no_error (error);
  g_assert_cmpuint (transfers->len, ==, 1);
  transfer = g_ptr_array_index (transfers, 0);
  g_assert_cmpstr (transfer->reference, ==, "e4d44da9e71a8f4411bc3fd82aad7689cfa0f08f");
  g_assert_cmpint (transfer->state, ==, SSV_TRANSFER_PAUSED);
  g_assert_cmpfloat_with_epsilon (transfer->progress, 0.000088, 1e-9);   /* Deluge counts to 100 */

  files = ssv_deluge_parse_files (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpint (((SsvTransferFile *) g_ptr_array_index (files, 0))->size, ==, 1663761687);

  cleaned = ssv_deluge_clean_message ("Failure: [Failure instance: Traceback (failure with no frames): "
                                      "<class 'deluge.error.AddTorrentError'>: Torrent already in "
                                      "session (0123).\n]");
  g_assert_cmpstr (cleaned, ==, "Torrent already in session (0123).");
  g_assert_cmpint (ssv_deluge_map_state ("Downloading", 0, FALSE), ==, SSV_TRANSFER_METADATA);
  g_assert_cmpint (ssv_deluge_map_state ("Queued", 100, TRUE), ==, SSV_TRANSFER_SEEDING);
  g_assert_cmpint (ssv_deluge_map_state ("Paused", 100, TRUE), ==, SSV_TRANSFER_COMPLETED);
}

static void
test_aria2_recorded (void)
{
  g_autofree char *json = fixture_text ("aria2/multicall_tell_magnet_and_torrent.recorded-1.36.0.json", NULL);
  g_autofree char *files_json = fixture_text ("aria2/getfiles.recorded-1.36.0.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) transfers = ssv_aria2_parse_downloads (json, -1, &error);
  g_autoptr(GPtrArray) files = NULL;
  SsvTransfer *magnet, *torrent;
  SsvTransferFile *file;

  g_assert_no_error (error);
  g_assert_cmpuint (transfers->len, ==, 2);
  magnet = find_transfer (transfers, "0123456789abcdef0123456789abcdef01234567");
  g_assert_cmpint (magnet->state, ==, SSV_TRANSFER_METADATA);
  g_assert_cmpint (magnet->size, ==, -1);
  torrent = find_transfer (transfers, "9312341f7a605fe4aea6c84a8cd4f27d74d35bad");
  g_assert_cmpint (torrent->state, ==, SSV_TRANSFER_DOWNLOADING);
  g_assert_cmpstr (torrent->name, ==, "Sample.Movie.2024.1080p.WEB-DL.x264.mkv");
  g_assert_cmpint (torrent->size, ==, 4194304);
  g_assert_cmpint (torrent->downloaded, ==, 0);
  g_assert_cmpstr (torrent->content_path, ==, "/tmp/dlexp/rec/dl/Sample.Movie.2024.1080p.WEB-DL.x264.mkv");

  files = ssv_aria2_parse_files (files_json, -1, "/tmp/dlexp/rec/dl", &error);
  g_assert_no_error (error);
  file = g_ptr_array_index (files, 0);
  g_assert_cmpuint (file->index, ==, 0);   /* aria2 counts from 1 */
  g_assert_cmpstr (file->path, ==, "Sample.Movie.2024.1080p.WEB-DL.x264.mkv");
}

/* A magnet's metadata download, followed by its torrent, speaks for nothing. */
static void
test_aria2_followed_magnet (void)
{
  const char *json = "{\"id\":\"1\",\"jsonrpc\":\"2.0\",\"result\":["
    "{\"gid\":\"a1\",\"status\":\"complete\",\"infoHash\":\"0123456789abcdef0123456789abcdef01234567\","
    "\"followedBy\":[\"b2\"],\"totalLength\":\"0\",\"completedLength\":\"0\",\"bittorrent\":{}},"
    "{\"gid\":\"b2\",\"status\":\"paused\",\"infoHash\":\"0123456789abcdef0123456789abcdef01234567\","
    "\"totalLength\":\"100\",\"completedLength\":\"100\",\"dir\":\"/d\","
    "\"bittorrent\":{\"info\":{\"name\":\"Movie\"}}},"
    "{\"gid\":\"c3\",\"status\":\"error\",\"infoHash\":\"ffff456789abcdef0123456789abcdef01234567\","
    "\"errorCode\":\"3\",\"errorMessage\":\"Resource not found\",\"totalLength\":\"0\","
    "\"completedLength\":\"0\",\"bittorrent\":{\"info\":{\"name\":\"Gone\"}}},"
    /* A magnet whose torrent was removed in aria2: its metadata download is no download. */
    "{\"gid\":\"d4\",\"status\":\"complete\",\"infoHash\":\"aaaa456789abcdef0123456789abcdef01234567\","
    "\"followedBy\":[\"e5\"],\"totalLength\":\"0\",\"completedLength\":\"0\",\"bittorrent\":{}},"
    "{\"gid\":\"e5\",\"status\":\"removed\",\"infoHash\":\"aaaa456789abcdef0123456789abcdef01234567\","
    "\"totalLength\":\"100\",\"completedLength\":\"3\",\"bittorrent\":{\"info\":{\"name\":\"X\"}}}]}";
  g_autoptr(GPtrArray) transfers = ssv_aria2_parse_downloads (json, -1, NULL);
  SsvTransfer *done, *failed;

  g_assert_cmpuint (transfers->len, ==, 2);
  done = find_transfer (transfers, "0123456789abcdef0123456789abcdef01234567");
  g_assert_cmpint (done->state, ==, SSV_TRANSFER_COMPLETED);
  g_assert_cmpstr (done->content_path, ==, "/d/Movie");
  failed = find_transfer (transfers, "ffff456789abcdef0123456789abcdef01234567");
  g_assert_cmpint (failed->state, ==, SSV_TRANSFER_ERROR);
  g_assert_cmpstr (failed->error, ==, "aria2 reports an error: Resource not found");
}

static void
test_nzbget_recorded (void)
{
  g_autofree char *old = fixture_text ("nzbget/listgroups_2013.sonarr.json", NULL);
  g_autofree char *paused = fixture_text ("nzbget/listgroups_paused.recorded-21.0.json", NULL);
  g_autofree char *history = fixture_text ("nzbget/history_failure_health.recorded-21.0.json", NULL);
  g_autofree char *files_json = fixture_text ("nzbget/listfiles.recorded-21.0.json", NULL);
  g_autofree char *refusal = fixture_text ("nzbget/error_invalid_procedure.sonarr.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = ssv_nzbget_parse_groups (old, -1, 1000, &error);
  g_autoptr(GPtrArray) held = NULL;
  g_autoptr(GPtrArray) done = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) none = NULL;
  SsvTransfer *transfer;

  g_assert_no_error (error);
  transfer = g_ptr_array_index (groups, 0);
  g_assert_cmpstr (transfer->reference, ==, "1");
  /* NZBGet 9/10 had no Status; its active connections say it downloads. */
  g_assert_cmpint (transfer->state, ==, SSV_TRANSFER_DOWNLOADING);
  g_assert_cmpint (transfer->size, ==, 350152055);
  g_assert_cmpint (transfer->down_speed, ==, 1000);
  g_assert_cmpint (transfer->eta, ==, 350153);
  g_assert_cmpstr (transfer->category, ==, "TV");

  held = ssv_nzbget_parse_groups (paused, -1, 0, &error);
  g_assert_no_error (error);
  transfer = find_transfer (held, "2");
  g_assert_cmpint (transfer->state, ==, SSV_TRANSFER_PAUSED);
  g_assert_cmpint (transfer->size, ==, 4500);
  g_assert_cmpfloat (transfer->availability, ==, 1.0);

  done = ssv_nzbget_parse_history (history, -1, &error);
  g_assert_no_error (error);
  transfer = find_transfer (done, "1");
  g_assert_cmpint (transfer->state, ==, SSV_TRANSFER_ERROR);
  g_assert_cmpstr (transfer->client_state, ==, "FAILURE/HEALTH");
  g_assert_cmpstr (transfer->error, ==, "Too many articles are missing from the news server (health 0.0 %).");

  files = ssv_nzbget_parse_files (files_json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 2);
  g_assert_cmpstr (((SsvTransferFile *) g_ptr_array_index (files, 1))->path, ==, "some.movie.2020.nfo");

  none = ssv_nzbget_parse_groups (refusal, -1, 0, &error);
  g_assert_null (none);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "NZBGet refused: Invalid procedure");
}

static void
test_sabnzbd_recorded (void)
{
  g_autofree char *queue = fixture_text ("sabnzbd/queue_slots_2012.sonarr.json", NULL);
  g_autofree char *empty_queue = fixture_text ("sabnzbd/queue_empty_4.2.3.aiosabnzbd.json", NULL);
  g_autofree char *empty_history = fixture_text ("sabnzbd/history_empty_4.3.3.aiosabnzbd.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = ssv_sabnzbd_parse_queue (queue, -1, &error);
  g_autoptr(GPtrArray) none = NULL;
  SsvTransfer *first, *last;

  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 7);
  first = g_ptr_array_index (slots, 0);
  g_assert_cmpstr (first->reference, ==, "SABnzbd_nzo_qv6ilb");
  g_assert_cmpint (first->state, ==, SSV_TRANSFER_DOWNLOADING);
  g_assert_cmpint (first->size, ==, (gint64) (267.44 * 1024 * 1024));
  g_assert_cmpfloat_with_epsilon (first->progress, 0.10, 1e-9);
  g_assert_cmpint (first->eta, ==, 57 * 3600 + 27 * 60 + 45);
  g_assert_cmpint (first->down_speed, ==, (gint64) (2.18 * 1024));
  g_assert_cmpstr (first->category, ==, "tv");
  last = g_ptr_array_index (slots, 6);
  g_assert_cmpint (last->state, ==, SSV_TRANSFER_PAUSED);
  g_assert_cmpint (last->eta, ==, -1);   /* "0:00:00" for a job that waits */

  none = ssv_sabnzbd_parse_queue (empty_queue, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  g_clear_pointer (&none, g_ptr_array_unref);
  none = ssv_sabnzbd_parse_history (empty_history, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_cmpint (ssv_sabnzbd_parse_timeleft ("1:45:40"), ==, 6340);
  g_assert_cmpint (ssv_sabnzbd_parse_timeleft ("2:03:04:05"), ==, 2 * 86400 + 3 * 3600 + 4 * 60 + 5);
  g_assert_cmpint (ssv_sabnzbd_parse_timeleft ("unknown"), ==, -1);
}

static void
test_slskd_recorded (void)
{
  g_autofree char *live = fixture_text ("slskd/get_transfers_downloads.naviseerr.json", NULL);
  g_autofree char *mock = fixture_text ("slskd/get_transfers_downloads.listenarr-MOCK.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) transfers = ssv_slskd_parse_downloads (live, -1, "/downloads", &error);
  g_autoptr(GPtrArray) states = NULL;
  g_autofree char *user = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *odd = NULL;
  SsvTransfer *transfer;

  g_assert_no_error (error);
  g_assert_cmpuint (transfers->len, ==, 1);
  transfer = g_ptr_array_index (transfers, 0);
  g_assert_cmpstr (transfer->reference, ==, "lwl/Unsorted\\Bootlegs\\2025\\0424\\Vance Joy - Riptide.mp3");
  g_assert_cmpint (transfer->state, ==, SSV_TRANSFER_COMPLETED);
  g_assert_cmpstr (transfer->name, ==, "Vance Joy - Riptide.mp3");
  g_assert_cmpstr (transfer->content_path, ==, "/downloads/0424/Vance Joy - Riptide.mp3");
  g_assert_cmpint (transfer->size, ==, 8911936);

  states = ssv_slskd_parse_downloads (mock, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, ==, 4);
  transfer = find_transfer (states, "USER1/AAAA\\BBBB\\Awesome Book\\FILE_1.mp3");
  g_assert_cmpint (transfer->state, ==, SSV_TRANSFER_DOWNLOADING);
  g_assert_cmpfloat (transfer->progress, ==, 0.5);
  g_assert_cmpint (transfer->down_speed, ==, 305751);
  transfer = find_transfer (states, "USER1/AAAA\\BBBB\\Awesome Book\\FILE_2.mp3");
  g_assert_cmpint (transfer->state, ==, SSV_TRANSFER_QUEUED);

  /* A user name may hold anything; the reference keeps it apart from the file. */
  odd = ssv_slskd_reference_new ("a/b c%", "@@x\\y/z.mkv");
  g_assert_true (ssv_slskd_reference_parse (odd, &user, &filename));
  g_assert_cmpstr (user, ==, "a/b c%");
  g_assert_cmpstr (filename, ==, "@@x\\y/z.mkv");
  g_assert_cmpint (ssv_slskd_map_state ("Completed, Rejected"), ==, SSV_TRANSFER_ERROR);
  g_assert_cmpint (ssv_slskd_map_state ("Queued, Remotely"), ==, SSV_TRANSFER_QUEUED);
  g_assert_cmpint (ssv_slskd_parse_timespan ("00:01:05.5000000"), ==, 65);
  g_assert_cmpint (ssv_slskd_parse_timespan ("1.02:03:04"), ==, 93784);
  g_assert_cmpint (ssv_slskd_parse_timespan ("soon"), ==, -1);
}

/* Broken answers are plain errors, never crashes or empty successes. */
static void
test_broken_answers (void)
{
  static const char * const bodies[] = { "", "<html>login</html>", "{}", "[", "null", "{\"result\":7}" };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      GPtrArray *(*parsers[]) (const char *, gssize, GError **) = {
        ssv_qbittorrent_parse_torrents, ssv_qbittorrent_parse_files, ssv_transmission_parse_torrents,
        ssv_transmission_parse_files, ssv_deluge_parse_torrents, ssv_deluge_parse_files,
        ssv_aria2_parse_downloads, ssv_nzbget_parse_history, ssv_nzbget_parse_files,
        ssv_sabnzbd_parse_queue, ssv_sabnzbd_parse_history, ssv_sabnzbd_parse_files,
      };

      for (guint p = 0; p < G_N_ELEMENTS (parsers); p++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) result = parsers[p] (bodies[i], -1, &error);

          g_assert_null (result);
          g_assert_nonnull (error);
          g_assert_true (error->domain == SSV_ERROR);
        }
    }
}

/* ---- plain words for the wrong server ------------------------------------------------ */

static SsvDownloadClient *
client_at (SsvClientKind  kind,
           SsvHttp       *http,
           const char    *url,
           const char    *secret)
{
  SsvClientConfig config = { .url = url, .username = "someone", .secret = secret };

  return ssv_download_client_new (kind, http, &config);
}

static void
test_not_reachable (void)
{
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", ssv_test_free_port ());

  ssv_http_set_retry_policy (http, 0, 10);
  for (SsvClientKind kind = 0; kind < SSV_CLIENT_N_KINDS; kind++)
    {
      g_autoptr(SsvDownloadClient) client = client_at (kind, http, url, API_KEY);
      g_autoptr(GError) error = NULL;
      g_autofree char *version = ssv_download_client_test_connection (client, NULL, &error);
      g_autofree char *expected = g_strdup_printf ("%s is not reachable at %s",
                                                   ssv_client_kind_display_name (kind), url);

      g_assert_null (version);
      g_assert_error (error, SSV_ERROR, SSV_ERROR_UNREACHABLE);
      g_assert_true (g_str_has_prefix (error->message, expected));
      g_assert_null (strstr (error->message, API_KEY));
    }
}

/* A web server that is not the client: a page for everything, or 404. */
static void
test_not_that_server (void)
{
  g_autoptr(SsvFakeServer) server = ssv_fake_server_new ();
  g_autoptr(SsvHttp) http = ssv_http_new ();

  ssv_http_set_retry_policy (http, 0, 10);
  ssv_fake_server_add_body (server, "/*", 200, "text/html", "<html><body>Router login</body></html>");
  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        ssv_fake_server_add_body (server, "/*", 404, "text/html", "<html>Not found</html>");

      for (SsvClientKind kind = 0; kind < SSV_CLIENT_N_KINDS; kind++)
        {
          g_autoptr(SsvDownloadClient) client = client_at (kind, http, ssv_fake_server_get_url (server), API_KEY);
          g_autoptr(GError) error = NULL;
          g_autofree char *version = ssv_download_client_test_connection (client, NULL, &error);
          g_autofree char *expected = g_strdup_printf ("answers, but not as %s",
                                                       ssv_client_kind_display_name (kind));

          g_assert_null (version);
          g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
          if (strstr (error->message, expected) == NULL)
            g_error ("%s: %s", ssv_client_kind_to_string (kind), error->message);
        }
    }
}

/* What a client cannot take is refused before anything is sent. */
static void
test_refused_kinds (void)
{
  g_autoptr(SsvFakeServer) server = ssv_fake_server_new ();
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvDownloadClient) transmission = client_at (SSV_CLIENT_TRANSMISSION, http,
                                                         ssv_fake_server_get_url (server), NULL);
  g_autoptr(SsvDownloadClient) sabnzbd = client_at (SSV_CLIENT_SABNZBD, http,
                                                    ssv_fake_server_get_url (server), API_KEY);
  g_autoptr(GBytes) nzb = g_bytes_new_static ("<nzb/>", 6);
  g_autoptr(GBytes) not_torrent = g_bytes_new_static ("<html>Login</html>", 18);
  g_autoptr(SsvAddRequest) usenet = ssv_add_request_new_nzb (nzb, "x");
  g_autoptr(SsvAddRequest) magnet = ssv_add_request_new_magnet ("magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567");
  g_autoptr(SsvAddRequest) empty = ssv_add_request_new_magnet ("");
  g_autoptr(SsvAddRequest) page = ssv_add_request_new_torrent (not_torrent);
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;

  reference = ssv_download_client_add (transmission, usenet, NULL, &error);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Transmission does not take NZB downloads.");
  g_clear_error (&error);
  reference = ssv_download_client_add (sabnzbd, magnet, NULL, &error);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "SABnzbd does not take magnet links.");
  g_clear_error (&error);
  reference = ssv_download_client_add (transmission, empty, NULL, &error);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
  g_clear_error (&error);
  /* A web page where a torrent should be: said plainly, nothing sent. */
  reference = ssv_download_client_add (transmission, page, NULL, &error);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "not a torrent file"));
  g_assert_cmpuint (ssv_fake_server_get_total_hits (server), ==, 0);
}

/* ---- SABnzbd against the fake -------------------------------------------------------- */

static GBytes *
make_nzb (void)
{
  const char *text =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<nzb xmlns=\"http://www.newzbin.com/DTD/2003/nzb\">\n"
    " <file poster=\"p@example.invalid\" date=\"1700000000\" subject=\"Wanted [1/2] - &quot;Wanted.Movie.2019.mkv&quot; yEnc (1/2)\">\n"
    "  <groups><group>alt.binaries.test</group></groups>\n"
    "  <segments><segment bytes=\"700000\" number=\"1\">a@x</segment><segment bytes=\"348576\" number=\"2\">b@x</segment></segments>\n"
    " </file>\n"
    " <file poster=\"p@example.invalid\" date=\"1700000000\" subject=\"Wanted [2/2] - &quot;setup.exe&quot; yEnc (1/1)\">\n"
    "  <groups><group>alt.binaries.test</group></groups>\n"
    "  <segments><segment bytes=\"1000\" number=\"1\">c@x</segment></segments>\n"
    " </file>\n"
    "</nzb>\n";

  return g_bytes_new_static (text, strlen (text));
}

typedef struct
{
  SsvFakeServer     *server;
  SsvHttp           *http;
  SsvDownloadClient *client;
} FakeFixture;

static void
fake_fixture_clear (FakeFixture *f)
{
  g_clear_object (&f->client);
  g_clear_object (&f->http);
  g_clear_pointer (&f->server, ssv_fake_server_free);
}

static void
test_sabnzbd_fake (void)
{
  FakeFixture f = { ssv_fake_server_new (), ssv_http_new (), NULL };
  g_autoptr(SsvFakeSabnzbd) fake = ssv_fake_sabnzbd_new (f.server, API_KEY);
  g_autoptr(SsvDownloadClient) wrong = NULL;
  g_autoptr(SsvDownloadClient) keyless = NULL;
  g_autoptr(GBytes) nzb = make_nzb ();
  g_autoptr(SsvAddRequest) by_file = ssv_add_request_new_nzb (nzb, "Wanted.Movie.2019.1080p");
  g_autoptr(SsvAddRequest) by_url = NULL;
  g_autoptr(SsvAddRequest) not_nzb = NULL;
  g_autoptr(SsvAddRequest) other = ssv_add_request_new_nzb_url ("http://indexer.test/get/Other.nzb", NULL);
  g_autoptr(GBytes) page = g_bytes_new_static ("<html>login</html>", 18);
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(SsvTransfer) transfer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *file_ref = NULL;
  g_autofree char *url_ref = NULL;
  g_autofree char *other_ref = NULL;
  g_autofree char *url = NULL;
  guint exe_index = G_MAXUINT;

  f.client = client_at (SSV_CLIENT_SABNZBD, f.http, ssv_fake_server_get_url (f.server), API_KEY);
  wrong = client_at (SSV_CLIENT_SABNZBD, f.http, ssv_fake_server_get_url (f.server), WRONG_KEY);
  keyless = client_at (SSV_CLIENT_SABNZBD, f.http, ssv_fake_server_get_url (f.server), NULL);

  version = ssv_download_client_test_connection (f.client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (version, ==, "SABnzbd 4.3.3");
  /* mode=version needs no key: the test asks for the queue too. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *none = ssv_download_client_test_connection (i ? keyless : wrong, NULL, &error);

      g_assert_null (none);
      g_assert_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED);
      g_assert_cmpstr (error->message, ==, "SABnzbd rejected the API key. Check it in Preferences.");
      g_assert_null (strstr (error->message, WRONG_KEY));
      g_clear_error (&error);
    }

  file_ref = ssv_download_client_add (f.client, by_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (file_ref, "SABnzbd_nzo_"));
  url = g_strdup_printf ("http://indexer.test/getnzb/42.nzb?apikey=%s&i=7", "INDEXERKEY");
  by_url = ssv_add_request_new_nzb_url (url, "Wanted.Movie.2019.720p");
  url_ref = ssv_download_client_add (f.client, by_url, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ssv_fake_sabnzbd_dup_url_of (fake, url_ref), ==, url);
  ssv_add_request_set_category (other, "someone-else");
  other_ref = ssv_download_client_add (f.client, other, NULL, &error);
  g_assert_no_error (error);

  /* Only the app's own, by category. */
  mine = ssv_download_client_list (f.client, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 2);
  transfer = ssv_download_client_get (f.client, file_ref, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (transfer->name, ==, "Wanted.Movie.2019.1080p");
  g_assert_cmpint (transfer->state, ==, SSV_TRANSFER_QUEUED);
  /* 1 048 576 + 1 000 bytes; SABnzbd says "1.00" MB. */
  g_assert_cmpint (transfer->size, ==, 1048576);
  g_clear_pointer (&transfer, ssv_transfer_free);

  /* Its files; the risky one skipped. */
  files = ssv_download_client_list_files (f.client, file_ref, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 2);
  for (guint i = 0; i < files->len; i++)
    if (g_strcmp0 (((SsvTransferFile *) g_ptr_array_index (files, i))->path, "setup.exe") == 0)
      exe_index = ((SsvTransferFile *) g_ptr_array_index (files, i))->index;
  g_assert_cmpuint (exe_index, !=, G_MAXUINT);
  ssv_download_client_set_file_priority (f.client, file_ref, &exe_index, 1, SSV_FILE_SKIP, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&files, g_ptr_array_unref);
  files = ssv_download_client_list_files (f.client, file_ref, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpstr (((SsvTransferFile *) g_ptr_array_index (files, 0))->path, ==, "Wanted.Movie.2019.mkv");

  /* Downloading: speed and time left. */
  ssv_fake_sabnzbd_download (fake, file_ref, 0.5, 512);
  transfer = ssv_download_client_get (f.client, file_ref, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (transfer->state, ==, SSV_TRANSFER_DOWNLOADING);
  g_assert_cmpint (transfer->down_speed, ==, 512 * 1024);
  g_assert_cmpint (transfer->eta, ==, 1);
  g_clear_pointer (&transfer, ssv_transfer_free);

  ssv_download_client_set_paused (f.client, url_ref, TRUE, NULL, &error);
  g_assert_no_error (error);
  transfer = ssv_download_client_get (f.client, url_ref, NULL, &error);
  g_assert_cmpint (transfer->state, ==, SSV_TRANSFER_PAUSED);
  g_clear_pointer (&transfer, ssv_transfer_free);

  /* Done, and failed with SABnzbd's reason. */
  g_assert_true (ssv_fake_sabnzbd_finish (fake, file_ref, NULL));
  g_assert_true (ssv_fake_sabnzbd_finish (fake, url_ref, "Download failed - Not on your server(s)"));
  transfer = ssv_download_client_get (f.client, file_ref, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (transfer->state, ==, SSV_TRANSFER_COMPLETED);
  g_assert_cmpstr (transfer->content_path, ==, "/downloads/complete/Wanted.Movie.2019.1080p");
  g_assert_cmpfloat (transfer->progress, ==, 1.0);
  g_clear_pointer (&transfer, ssv_transfer_free);
  transfer = ssv_download_client_get (f.client, url_ref, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (transfer->state, ==, SSV_TRANSFER_ERROR);
  g_assert_cmpstr (transfer->error, ==, "SABnzbd reports a failure: Download failed - Not on your server(s)");
  g_clear_pointer (&transfer, ssv_transfer_free);

  /* A file that is not an NZB is refused in plain words. */
  not_nzb = ssv_add_request_new_nzb (page, "page");
  g_free (ssv_download_client_add (f.client, not_nzb, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "SABnzbd refused: it did not take the NZB file");
  g_clear_error (&error);

  for (guint i = 0; i < 3; i++)
    {
      const char *reference = i == 0 ? file_ref : i == 1 ? url_ref : other_ref;

      ssv_download_client_remove (f.client, reference, TRUE, NULL, &error);
      g_assert_no_error (error);
      g_assert_null (ssv_download_client_get (f.client, reference, NULL, &error));
      g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }

  fake_fixture_clear (&f);
}

/* ---- slskd against the fake ---------------------------------------------------------- */

#define PEER        "Film Fan"
#define MOVIE_FILE  "@@films\\Movies\\Wanted Movie (2019)\\Wanted.Movie.2019.1080p.mkv"
#define NFO_FILE    "@@films\\Movies\\Wanted Movie (2019)\\Wanted.Movie.2019.1080p.nfo"

static void
test_slskd_fake (void)
{
  FakeFixture f = { ssv_fake_server_new (), ssv_http_new (), NULL };
  g_autoptr(SsvFakeSlskd) fake = ssv_fake_slskd_new (f.server, API_KEY);
  g_autoptr(SsvDownloadClient) wrong = NULL;
  g_autoptr(SsvAddRequest) release = ssv_add_request_new_slskd (PEER);
  g_autoptr(SsvAddRequest) offline = ssv_add_request_new_slskd ("Gone Peer");
  g_autoptr(SsvTransfer) transfer = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *expected = ssv_slskd_reference_new (PEER, MOVIE_FILE);
  guint nfo_index = G_MAXUINT;

  f.client = client_at (SSV_CLIENT_SLSKD, f.http, ssv_fake_server_get_url (f.server), API_KEY);
  wrong = client_at (SSV_CLIENT_SLSKD, f.http, ssv_fake_server_get_url (f.server), WRONG_KEY);

  version = ssv_download_client_test_connection (f.client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (version, ==, "slskd 0.22.2");
  g_assert_null (ssv_download_client_test_connection (wrong, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED);
  g_assert_cmpstr (error->message, ==, "slskd rejected the API key. Check it in Preferences.");
  g_clear_error (&error);

  /* A release: the main file first, its sibling with it. */
  ssv_add_request_add_slskd_file (release, MOVIE_FILE, 1500000000);
  ssv_add_request_add_slskd_file (release, NFO_FILE, 2000);
  reference = ssv_download_client_add (f.client, release, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reference, ==, expected);
  g_assert_cmpuint (ssv_fake_slskd_count (fake), ==, 2);

  transfer = ssv_download_client_get (f.client, reference, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (transfer->state, ==, SSV_TRANSFER_QUEUED);
  g_assert_cmpstr (transfer->name, ==, "Wanted.Movie.2019.1080p.mkv");
  /* followed as the release: its folder, both files */
  g_assert_cmpint (transfer->size, ==, 1500002000);
  g_assert_cmpstr (transfer->content_path, ==, "/var/lib/slskd/downloads/Wanted Movie (2019)");
  g_clear_pointer (&transfer, ssv_transfer_free);

  ssv_fake_slskd_set_state (fake, PEER, MOVIE_FILE, "InProgress", 500000000, 1000000, NULL);
  transfer = ssv_download_client_get (f.client, reference, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (transfer->state, ==, SSV_TRANSFER_DOWNLOADING);
  g_assert_cmpint (transfer->down_speed, ==, 1000000);
  /* what is left of both files (1,000,002,000 bytes) at 1 MB/s, rounded up */
  g_assert_cmpint (transfer->eta, ==, 1001);
  g_assert_cmpfloat_with_epsilon (transfer->progress, 500000000.0 / 1500002000.0, 1e-9);
  g_clear_pointer (&transfer, ssv_transfer_free);

  /* The release's files; one skipped is one cancelled. */
  files = ssv_download_client_list_files (f.client, reference, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 2);
  for (guint i = 0; i < files->len; i++)
    if (g_str_has_suffix (((SsvTransferFile *) g_ptr_array_index (files, i))->path, ".nfo"))
      nfo_index = ((SsvTransferFile *) g_ptr_array_index (files, i))->index;
  ssv_download_client_set_file_priority (f.client, reference, &nfo_index, 1, SSV_FILE_SKIP, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&files, g_ptr_array_unref);
  files = ssv_download_client_list_files (f.client, reference, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < files->len; i++)
    {
      SsvTransferFile *file = g_ptr_array_index (files, i);
      g_assert_cmpint (file->priority, ==, file->index == nfo_index ? SSV_FILE_SKIP : SSV_FILE_NORMAL);
    }

  /* The peer refuses: an error with its reason. */
  ssv_fake_slskd_set_state (fake, PEER, MOVIE_FILE, "Completed, Rejected", 0, 0, "File not shared.");
  transfer = ssv_download_client_get (f.client, reference, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (transfer->state, ==, SSV_TRANSFER_ERROR);
  g_assert_cmpstr (transfer->error, ==, "The peer refused the download: File not shared.");
  g_clear_pointer (&transfer, ssv_transfer_free);

  /* An offline peer: slskd's answer, once, not retried as a server fault. */
  ssv_fake_slskd_set_offline (fake, "Gone Peer");
  ssv_add_request_add_slskd_file (offline, MOVIE_FILE, 1500000000);
  ssv_fake_server_reset_log (f.server);
  g_assert_null (ssv_download_client_add (f.client, offline, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "slskd refused: User Gone Peer appears to be offline");
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f.server), ==, 1);
  g_clear_error (&error);

  /* Removing the release cancels and removes every file of it. */
  ssv_download_client_remove (f.client, reference, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ssv_fake_slskd_count (fake), ==, 0);
  g_assert_null (ssv_download_client_get (f.client, reference, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ssv_download_client_remove (f.client, reference, FALSE, NULL, &error);
  g_assert_no_error (error);

  fake_fixture_clear (&f);
}

/* ---- the async calls and the keyring ---------------------------------------------------- */

static void
on_ready (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
test_async_and_keyring (void)
{
  FakeFixture f = { ssv_fake_server_new (), ssv_http_new (), NULL };
  g_autoptr(SsvFakeSabnzbd) fake = ssv_fake_sabnzbd_new (f.server, API_KEY);
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  g_autofree char *key = ssv_secrets_client_key (7);
  g_autoptr(GBytes) nzb = make_nzb ();
  g_autoptr(SsvAddRequest) request = ssv_add_request_new_nzb (nzb, "Wanted.Movie.2019.1080p");
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GPtrArray) transfers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  SsvClientConfig config = { .url = ssv_fake_server_get_url (f.server) };

  g_assert_nonnull (fake);
  ssv_secrets_store_sync (secrets, key, "SABnzbd", API_KEY, NULL, &error);
  g_assert_no_error (error);
  f.client = ssv_download_client_new_from_keyring (SSV_CLIENT_SABNZBD, f.http, secrets, &config, key,
                                                    NULL, &error);
  g_assert_no_error (error);

  ssv_download_client_add_async (f.client, request, NULL, on_ready, &added);
  /* The request is the caller's to free at once; the call has its own copy. */
  g_clear_pointer (&request, ssv_add_request_free);
  g_assert_true (ssv_test_wait_for (result_arrived, &added, 10000));
  reference = ssv_download_client_add_finish (f.client, added, &error);
  g_assert_no_error (error);

  ssv_download_client_list_async (f.client, NULL, NULL, on_ready, &listed);
  g_assert_true (ssv_test_wait_for (result_arrived, &listed, 10000));
  transfers = ssv_download_client_list_finish (f.client, listed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (transfers->len, ==, 1);
  g_assert_cmpstr (((SsvTransfer *) g_ptr_array_index (transfers, 0))->reference, ==, reference);

  fake_fixture_clear (&f);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/core/download-clients/qbittorrent/states", test_qbittorrent_states);
  g_test_add_func ("/core/download-clients/qbittorrent/recorded", test_qbittorrent_recorded);
  g_test_add_func ("/core/download-clients/qbittorrent/eta-from-speed", test_qbittorrent_eta_from_speed);
  g_test_add_func ("/core/download-clients/transmission/recorded", test_transmission_recorded);
  g_test_add_func ("/core/download-clients/deluge/recorded", test_deluge_recorded);
  g_test_add_func ("/core/download-clients/aria2/recorded", test_aria2_recorded);
  g_test_add_func ("/core/download-clients/aria2/followed-magnet", test_aria2_followed_magnet);
  g_test_add_func ("/core/download-clients/nzbget/recorded", test_nzbget_recorded);
  g_test_add_func ("/core/download-clients/sabnzbd/recorded", test_sabnzbd_recorded);
  g_test_add_func ("/core/download-clients/slskd/recorded", test_slskd_recorded);
  g_test_add_func ("/core/download-clients/broken-answers", test_broken_answers);
  g_test_add_func ("/core/download-clients/not-reachable", test_not_reachable);
  g_test_add_func ("/core/download-clients/not-that-server", test_not_that_server);
  g_test_add_func ("/core/download-clients/refused-kinds", test_refused_kinds);
  g_test_add_func ("/core/download-clients/sabnzbd/fake", test_sabnzbd_fake);
  g_test_add_func ("/core/download-clients/slskd/fake", test_slskd_fake);
  g_test_add_func ("/core/download-clients/async-and-keyring", test_async_and_keyring);

  return g_test_run ();
}
