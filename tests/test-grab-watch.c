/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-grab-watch.c: usenet and Soulseek grabs end to end: sent to real NZBGet (fed by the fake
 * news server), the fake SABnzbd and the fake slskd, then watched by the monitor to their end. */

#include "config.h"

#include <string.h>

#include "downloads/ssv-client-pool.h"
#include "downloads/ssv-download-monitor.h"
#include "ssv-error.h"
#include "ssv-fake-nntp.h"
#include "ssv-fake-sabnzbd.h"
#include "ssv-fake-server.h"
#include "ssv-fake-slskd.h"
#include "downloads/ssv-grabber.h"
#include "downloads/ssv-retry-engine.h"
#include "ssv-test-daemon.h"
#include "ssv-test-utils.h"

#define INDEXER_KEY "newznab-key-0451"
#define SAB_KEY     "sab-key-1977"

typedef struct
{
  char             *dir;
  char             *save_dir;
  SsvDatabase      *db;
  SsvDownloadStore *store;
  SsvHttp          *http;
  SsvSecrets       *secrets;
  SsvClientPool    *pool;
  SsvFakeServer    *indexer;    /* NZBgeek: set up here, with a key */
  GHashTable       *ended;      /* download id → "completed PATH" or "failed REASON" */
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
  g_autofree char *indexer_key = NULL;
  gint64 indexer_id;

  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->save_dir = g_build_filename (f->dir, "downloads", NULL);
  g_mkdir_with_parents (f->save_dir, 0700);
  f->store = ssv_download_store_new (f->db);
  f->http = ssv_http_new ();
  ssv_http_set_retry_policy (f->http, 1, 50);
  f->secrets = ssv_secrets_new ();
  f->indexer = ssv_fake_server_new ();
  f->ended = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  indexer_id = ssv_download_store_add_indexer (f->store, "newznab", "NZBgeek", ssv_fake_server_get_url (f->indexer),
                                               &error);
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
  g_clear_pointer (&f->indexer, ssv_fake_server_free);
  g_clear_object (&f->secrets);
  g_clear_object (&f->http);
  g_clear_object (&f->store);
  g_clear_pointer (&f->ended, g_hash_table_unref);
  g_free (f->save_dir);
  ssv_test_close_temp_database (&f->db, &f->dir);
}

static void
add_client (Fixture       *f,
            SsvClientKind  kind,
            const char    *url,
            const char    *user,
            const char    *secret)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  gint64 id = ssv_download_store_add_client (f->store, kind, "Home", url, user, &error);

  g_assert_no_error (error);
  key = ssv_secrets_client_key (id);
  store_secret (f, key, secret);
}

/* A film grab of one release: from @indexer (NULL: an indexer not set up here). */
static SsvGrabRequest *
film_request (const char *protocol,
              const char *release,
              const char *indexer,
              const char *url)
{
  SsvGrabRequest *request = ssv_grab_request_new ();
  SsvDownloadCandidate *chosen = ssv_download_candidate_new (protocol, release);

  request->wanted.kind = SSV_DOWNLOAD_KIND_MOVIE;
  request->wanted.title = g_strdup ("Wanted Movie");
  request->wanted.year = 2019;
  chosen->indexer = g_strdup (indexer);
  chosen->download_url = g_strdup (url);
  g_ptr_array_add (request->candidates, chosen);
  return request;
}

static gint64
grab (Fixture        *f,
      SsvGrabRequest *request)
{
  g_autoptr(SsvGrabber) grabber = ssv_grabber_new (f->pool);
  g_autoptr(GError) error = NULL;
  gint64 id = ssv_grabber_grab (grabber, request, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  ssv_grab_request_free (request);
  return id;
}

static char *
reference_of (Fixture *f,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDownload) d = ssv_download_store_get (f->store, id, &error);

  g_assert_no_error (error);
  return g_strdup (ssv_download_get_reference (d));
}

/* ---- the monitor --------------------------------------------------------------- */

static void
on_completed (SsvDownloadMonitor *monitor,
              SsvDownload        *d,
              const char         *path,
              Fixture            *f)
{
  gint64 id = ssv_download_get_id (d);

  g_hash_table_replace (f->ended, g_memdup2 (&id, sizeof id), g_strconcat ("completed ", path, NULL));
}

static void
on_failed (SsvDownloadMonitor *monitor,
           SsvDownload        *d,
           const char         *reason,
           Fixture            *f)
{
  gint64 id = ssv_download_get_id (d);

  g_hash_table_replace (f->ended, g_memdup2 (&id, sizeof id), g_strconcat ("failed ", reason, NULL));
}

static SsvDownloadMonitor *
watch (Fixture *f)
{
  SsvDownloadMonitor *monitor = ssv_download_monitor_new (f->pool);

  ssv_download_monitor_set_intervals (monitor, 150, 600);
  g_signal_connect (monitor, "download-completed", G_CALLBACK (on_completed), f);
  g_signal_connect (monitor, "download-failed", G_CALLBACK (on_failed), f);
  ssv_download_monitor_start (monitor);
  return monitor;
}

typedef struct
{
  Fixture *f;
  gint64   id;
} Wait;

static gboolean
has_ended (gpointer data)
{
  Wait *wait = data;
  return g_hash_table_contains (wait->f->ended, &wait->id);
}

/* How the download ended, as the monitor said it: "completed PATH" or "failed REASON". */
static const char *
wait_end (Fixture *f,
          gint64   id,
          guint    timeout_ms)
{
  Wait wait = { f, id };

  g_assert_true (ssv_test_wait_for (has_ended, &wait, timeout_ms));
  g_test_message ("download %" G_GINT64_FORMAT ": %s", id, (const char *) g_hash_table_lookup (f->ended, &id));
  return g_hash_table_lookup (f->ended, &id);
}

static void
assert_row (Fixture           *f,
            gint64             id,
            SsvDownloadStatus  status,
            const char        *error_words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDownload) d = ssv_download_store_get (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ssv_download_get_status (d), ==, status);
  if (error_words != NULL)
    g_assert_nonnull (strstr (ssv_download_get_error (d), error_words));
}

/* ---- usenet --------------------------------------------------------------------- */

/* An NZB of one video file in one article, and a small .nfo in another. */
static GBytes *
make_nzb (const char *name,
          gsize       video_size,
          gsize       nfo_size)
{
  g_autofree char *text = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE nzb PUBLIC \"-//newzBin//DTD NZB 1.1//EN\" \"http://www.newzbin.com/DTD/nzb/nzb-1.1.dtd\">\n"
    "<nzb xmlns=\"http://www.newzbin.com/DTD/2003/nzb\">\n"
    " <file poster=\"tester@example.invalid\" date=\"1700000000\" subject=\"%s [1/2] - &quot;%s.mkv&quot; yEnc (1/1)\">\n"
    "  <groups><group>alt.binaries.test</group></groups>\n"
    "  <segments><segment bytes=\"%" G_GSIZE_FORMAT "\" number=\"1\">%s-part1@example.invalid</segment></segments>\n"
    " </file>\n"
    " <file poster=\"tester@example.invalid\" date=\"1700000000\" subject=\"%s [2/2] - &quot;%s.nfo&quot; yEnc (1/1)\">\n"
    "  <groups><group>alt.binaries.test</group></groups>\n"
    "  <segments><segment bytes=\"%" G_GSIZE_FORMAT "\" number=\"1\">%s-part2@example.invalid</segment></segments>\n"
    " </file>\n"
    "</nzb>\n", name, name, video_size, name, name, name, nfo_size, name);

  return g_bytes_new (text, strlen (text));
}

static GBytes *
random_bytes (gsize   size,
              guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);
  return g_bytes_new_take (data, size);
}

/* Posts both articles of make_nzb (@name) to the news server; the video's bytes back. */
static GBytes *
post (SsvFakeNntp *news,
      const char  *name,
      gsize        size,
      guint32      seed)
{
  GBytes *video = random_bytes (size, seed);
  g_autofree char *video_id = g_strconcat (name, "-part1@example.invalid", NULL);
  g_autofree char *nfo_id = g_strconcat (name, "-part2@example.invalid", NULL);
  g_autofree char *video_name = g_strconcat (name, ".mkv", NULL);
  g_autofree char *nfo_name = g_strconcat (name, ".nfo", NULL);
  static const char nfo[] = "Release notes.\n";

  ssv_fake_nntp_add_article (news, video_id, video_name, g_bytes_get_data (video, NULL), size);
  ssv_fake_nntp_add_article (news, nfo_id, nfo_name, (const guint8 *) nfo, sizeof nfo - 1);
  return video;
}

/* The file @name somewhere under @dir, read whole. */
static GBytes *
find_file (const char *dir,
           const char *name)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (listing != NULL && (entry = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, entry, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          GBytes *found = find_file (path, name);

          if (found != NULL)
            return found;
        }
      else if (g_str_equal (entry, name) && g_file_get_contents (path, &contents, &length, NULL))
        return g_bytes_new_take (g_steal_pointer (&contents), length);
    }
  return NULL;
}

static void
assert_completed_with (const char *ended,
                       const char *name,
                       GBytes     *video)
{
  g_autofree char *file_name = g_strconcat (name, ".mkv", NULL);
  g_autoptr(GBytes) on_disk = NULL;

  g_assert_true (g_str_has_prefix (ended, "completed /"));
  on_disk = find_file (ended + strlen ("completed "), file_name);
  g_assert_nonnull (on_disk);
  g_assert_true (g_bytes_equal (on_disk, video));
}

/* Real NZBGet: an NZB fetched by the app with the indexer's key and sent as bytes, one
 * fetched by NZBGet itself from its URL, and one whose articles are gone. */
static void
test_nzbget (Fixture       *f,
             gconstpointer  data)
{
  static const char *wanted = "Wanted.Movie.2019.1080p.BluRay.x264-GRP";
  static const char *public = "Wanted.Movie.2019.720p.WEB-DL.x264-OTHER";
  static const char *gone = "Wanted.Movie.2019.2160p.WEB-DL.x265-GONE";
  g_autoptr(SsvFakeNntp) news = NULL;
  g_autoptr(SsvTestClientDaemon) daemon = NULL;
  g_autoptr(SsvFakeServer) elsewhere = ssv_fake_server_new ();
  g_autoptr(SsvDownloadMonitor) monitor = NULL;
  g_autoptr(GBytes) wanted_video = NULL;
  g_autoptr(GBytes) public_video = NULL;
  g_autoptr(GBytes) wanted_nzb = make_nzb (wanted, 48000, 20);
  g_autoptr(GBytes) public_nzb = make_nzb (public, 24000, 20);
  g_autoptr(GBytes) gone_nzb = make_nzb (gone, 30000, 20);
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *geek_url = g_strconcat (ssv_fake_server_get_url (f->indexer), "/getnzb/1.nzb", NULL);
  g_autofree char *gone_url = g_strconcat (ssv_fake_server_get_url (f->indexer), "/getnzb/3.nzb", NULL);
  g_autofree char *public_url = g_strconcat (ssv_fake_server_get_url (elsewhere), "/nzb/2.nzb?key=public", NULL);
  gint64 started = g_get_monotonic_time ();
  gint64 by_bytes, by_url, missing;
  const char *ended;

  if (!ssv_test_have_program ("nzbget"))
    {
      g_test_skip ("nzbget is not installed");
      return;
    }

  news = ssv_fake_nntp_new ();
  wanted_video = post (news, wanted, 48000, 2019);
  public_video = post (news, public, 24000, 720);
  ssv_fake_server_add_bytes (f->indexer, "/getnzb/1.nzb", 200, "application/x-nzb", wanted_nzb);
  ssv_fake_server_add_bytes (f->indexer, "/getnzb/3.nzb", 200, "application/x-nzb", gone_nzb);
  ssv_fake_server_add_bytes (elsewhere, "/nzb/2.nzb", 200, "application/x-nzb", public_nzb);

  daemon = ssv_test_client_daemon_start (SSV_CLIENT_NZBGET, f->save_dir, ssv_fake_nntp_get_port (news), &error);
  g_assert_no_error (error);
  add_client (f, SSV_CLIENT_NZBGET, daemon->url, SSV_TEST_USER, SSV_TEST_PASSWORD);

  by_bytes = grab (f, film_request ("usenet", wanted, "NZBgeek", geek_url));
  by_url = grab (f, film_request ("usenet", public, "SomeoneElse", public_url));
  missing = grab (f, film_request ("usenet", gone, "NZBgeek", gone_url));

  /* The app fetched its indexer's NZBs with the key; NZBGet fetched the other one itself. */
  requests = ssv_fake_server_dup_requests (f->indexer);
  g_assert_cmpuint (requests->len, ==, 2);
  for (guint i = 0; i < requests->len; i++)
    g_assert_nonnull (strstr (((SsvFakeRequest *) g_ptr_array_index (requests, i))->query, "apikey=" INDEXER_KEY));
  g_assert_cmpuint (ssv_fake_server_get_hits (elsewhere, "/nzb/2.nzb"), ==, 1);

  monitor = watch (f);
  assert_completed_with (wait_end (f, by_bytes, 25000), wanted, wanted_video);
  assert_completed_with (wait_end (f, by_url, 25000), public, public_video);
  ended = wait_end (f, missing, 25000);
  g_assert_true (g_str_has_prefix (ended, "failed "));
  g_assert_nonnull (strstr (ended, "articles are missing from the news server"));
  assert_row (f, by_bytes, SSV_DOWNLOAD_COMPLETED, NULL);
  assert_row (f, missing, SSV_DOWNLOAD_FAILED, "articles are missing");

  ssv_download_monitor_stop (monitor);
  g_test_message ("nzbget end to end: %.1f s", (g_get_monotonic_time () - started) / 1e6);
}

/* An NZB whose file list holds a program never reaches the client; HTML instead of an NZB is said so. */
static void
test_nzb_refused (Fixture       *f,
                  gconstpointer  data)
{
  static const char evil[] =
    "<?xml version=\"1.0\"?><nzb xmlns=\"http://www.newzbin.com/DTD/2003/nzb\">"
    "<file subject=\"Wanted [1/2] - &quot;Wanted.Movie.2019.mkv&quot; yEnc (1/1)\"><segments/></file>"
    "<file subject=\"Wanted [2/2] - &quot;Codec.Setup.exe&quot; yEnc (1/1)\"><segments/></file></nzb>";
  g_autoptr(SsvFakeServer) sab = ssv_fake_server_new ();
  g_autoptr(SsvFakeSabnzbd) fake G_GNUC_UNUSED = ssv_fake_sabnzbd_new (sab, SAB_KEY);  /* serves while the grabs try */
  g_autoptr(SsvGrabber) grabber = ssv_grabber_new (f->pool);
  g_autoptr(SsvGrabRequest) risky = NULL;
  g_autoptr(SsvGrabRequest) html = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *evil_url = g_strconcat (ssv_fake_server_get_url (f->indexer), "/getnzb/evil.nzb", NULL);
  g_autofree char *html_url = g_strconcat (ssv_fake_server_get_url (f->indexer), "/getnzb/login.nzb", NULL);
  gint64 recorded;

  add_client (f, SSV_CLIENT_SABNZBD, ssv_fake_server_get_url (sab), NULL, SAB_KEY);
  ssv_fake_server_add_body (f->indexer, "/getnzb/evil.nzb", 200, "application/x-nzb", evil);
  ssv_fake_server_add_body (f->indexer, "/getnzb/login.nzb", 200, "text/html", "<html><body>Log in</body></html>");

  risky = film_request ("usenet", "Wanted.Movie.2019.1080p.WEB-DL", "NZBgeek", evil_url);
  g_assert_cmpint (ssv_grabber_grab (grabber, risky, &recorded, NULL, &error), ==, 0);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_REFUSED);
  g_clear_error (&error);
  assert_row (f, recorded, SSV_DOWNLOAD_FAILED, "Codec.Setup.exe");

  html = film_request ("usenet", "Wanted.Movie.2019.1080p.WEB-DL", "NZBgeek", html_url);
  g_assert_cmpint (ssv_grabber_grab (grabber, html, &recorded, NULL, &error), ==, 0);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
  g_clear_error (&error);
  assert_row (f, recorded, SSV_DOWNLOAD_FAILED, "not an NZB");

  /* neither reached SABnzbd */
  g_assert_cmpuint (ssv_fake_server_get_hits (sab, "/api"), ==, 0);
}

/* The fake SABnzbd: by bytes (addfile) and by URL (addurl), each watched to completion, and a
 * failure in SABnzbd's own words. */
static void
test_sabnzbd (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SsvFakeServer) sab = ssv_fake_server_new ();
  g_autoptr(SsvFakeSabnzbd) fake = ssv_fake_sabnzbd_new (sab, SAB_KEY);
  g_autoptr(SsvDownloadMonitor) monitor = NULL;
  g_autoptr(GBytes) nzb = make_nzb ("Wanted.Movie.2019.1080p.BluRay.x264-GRP", 48000, 20);
  g_autoptr(GPtrArray) requests = NULL;
  g_autofree char *geek_url = g_strconcat (ssv_fake_server_get_url (f->indexer), "/getnzb/1.nzb", NULL);
  g_autofree char *public_url = g_strdup ("http://elsewhere.invalid/nzb/2.nzb?key=public");
  g_autofree char *file_ref = NULL;
  g_autofree char *url_ref = NULL;
  g_autofree char *failed_ref = NULL;
  g_autofree char *sent_url = NULL;
  gint64 by_bytes, by_url, failing;
  const char *ended;

  add_client (f, SSV_CLIENT_SABNZBD, ssv_fake_server_get_url (sab), NULL, SAB_KEY);
  ssv_fake_server_add_bytes (f->indexer, "/getnzb/1.nzb", 200, "application/x-nzb", nzb);

  by_bytes = grab (f, film_request ("usenet", "Wanted.Movie.2019.1080p.BluRay.x264-GRP", "NZBgeek", geek_url));
  by_url = grab (f, film_request ("usenet", "Wanted.Movie.2019.720p.WEB-DL", "SomeoneElse", public_url));
  failing = grab (f, film_request ("usenet", "Wanted.Movie.2019.2160p.WEB-DL", "SomeoneElse", public_url));
  file_ref = reference_of (f, by_bytes);
  url_ref = reference_of (f, by_url);
  failed_ref = reference_of (f, failing);

  requests = ssv_fake_server_dup_requests (f->indexer);
  g_assert_cmpuint (requests->len, ==, 1);
  g_assert_nonnull (strstr (((SsvFakeRequest *) g_ptr_array_index (requests, 0))->query, "apikey=" INDEXER_KEY));
  /* SABnzbd got the bytes, not the URL with the key, for the indexer set up here */
  g_assert_null (ssv_fake_sabnzbd_dup_url_of (fake, file_ref));
  sent_url = ssv_fake_sabnzbd_dup_url_of (fake, url_ref);
  g_assert_cmpstr (sent_url, ==, public_url);

  monitor = watch (f);
  ssv_fake_sabnzbd_download (fake, file_ref, 20.0, 4096.0);
  ssv_fake_sabnzbd_download (fake, url_ref, 10.0, 2048.0);
  g_assert_true (ssv_fake_sabnzbd_finish (fake, file_ref, NULL));
  g_assert_true (ssv_fake_sabnzbd_finish (fake, url_ref, NULL));
  g_assert_true (ssv_fake_sabnzbd_finish (fake, failed_ref, "Download failed - Not on your server(s)"));

  ended = wait_end (f, by_bytes, 10000);
  g_assert_cmpstr (ended, ==, "completed /downloads/complete/Wanted.Movie.2019.1080p.BluRay.x264-GRP");
  ended = wait_end (f, by_url, 10000);
  g_assert_true (g_str_has_prefix (ended, "completed /downloads/complete/"));
  ended = wait_end (f, failing, 10000);
  g_assert_nonnull (strstr (ended, "Not on your server(s)"));
  assert_row (f, failing, SSV_DOWNLOAD_FAILED, "Not on your server(s)");
  ssv_download_monitor_stop (monitor);
}

/* ---- Soulseek ------------------------------------------------------------------- */

#define SLSKD_KEY   "slskd-key-2001"
#define PEER_FOLDER "@@share\\Films\\Wanted Movie (2019)\\"
#define PEER_VIDEO  PEER_FOLDER "Wanted.Movie.2019.1080p.BluRay.x264-GRP.mkv"
#define PEER_SUBS   PEER_FOLDER "Wanted.Movie.2019.1080p.BluRay.x264-GRP.srt"

static SsvGrabRequest *
peer_request (const char *user,
              gint64      video_size,
              gint64      subs_size)
{
  SsvGrabRequest *request = film_request ("slskd", "Wanted Movie (2019)", "Soulseek", NULL);
  SsvDownloadCandidate *chosen = g_ptr_array_index (request->candidates, 0);

  chosen->slskd_user = g_strdup (user);
  ssv_download_candidate_add_file (chosen, PEER_VIDEO, video_size);
  ssv_download_candidate_add_file (chosen, PEER_SUBS, subs_size);
  return request;
}

static gboolean
polled_twice (gpointer data)
{
  gpointer *args = data;
  return ssv_download_monitor_get_n_polls (args[0]) >= GPOINTER_TO_UINT (args[1]);
}

static void
wait_two_polls (SsvDownloadMonitor *monitor)
{
  gpointer args[2] = { monitor, GUINT_TO_POINTER (ssv_download_monitor_get_n_polls (monitor) + 2) };

  g_assert_true (ssv_test_wait_for (polled_twice, args, 10000));
}

/* A folder from one peer, followed through the fake slskd until every file of it arrived; a
 * peer that refuses and one that is offline fail in slskd's words. */
static void
test_slskd (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SsvFakeServer) server = ssv_fake_server_new ();
  g_autoptr(SsvFakeSlskd) fake = ssv_fake_slskd_new (server, SLSKD_KEY);
  g_autoptr(SsvDownloadMonitor) monitor = NULL;
  g_autoptr(SsvGrabber) grabber = ssv_grabber_new (f->pool);
  g_autoptr(SsvGrabRequest) offline = NULL;
  g_autoptr(GBytes) video = random_bytes (30000, 2001);
  g_autoptr(GBytes) subs = g_bytes_new_static ("1\n00:00:01,000 --> 00:00:02,000\nHello.\n", 40);
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *downloads = g_build_filename (f->dir, "slskd", NULL);
  g_autofree char *folder = g_build_filename (downloads, "Wanted Movie (2019)", NULL);
  g_autofree char *expected = g_strconcat ("completed ", folder, NULL);
  gint64 good, refused, recorded;
  const char *ended;

  ssv_fake_slskd_set_downloads_dir (fake, downloads);
  add_client (f, SSV_CLIENT_SLSKD, ssv_fake_server_get_url (server), NULL, SLSKD_KEY);

  good = grab (f, peer_request ("fastpeer", 30000, 40));
  refused = grab (f, peer_request ("pickypeer", 30000, 40));
  g_assert_cmpuint (ssv_fake_slskd_count (fake), ==, 4);

  /* the video arrives first: the release is not done while its subtitles are still queued */
  monitor = watch (f);
  ssv_fake_slskd_set_state (fake, "fastpeer", PEER_VIDEO, "InProgress", 15000, 5000.0, NULL);
  wait_two_polls (monitor);
  d = ssv_download_store_get (f->store, good, &error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_DOWNLOADING);
  g_assert_cmpfloat (ssv_download_get_progress (d), >, 0.4);
  g_assert_cmpfloat (ssv_download_get_progress (d), <, 0.6);
  ssv_fake_slskd_complete (fake, "fastpeer", PEER_VIDEO, video);
  wait_two_polls (monitor);
  g_assert_false (g_hash_table_contains (f->ended, &good));

  ssv_fake_slskd_complete (fake, "fastpeer", PEER_SUBS, subs);
  ended = wait_end (f, good, 10000);
  g_assert_cmpstr (ended, ==, expected);
  on_disk = find_file (folder, "Wanted.Movie.2019.1080p.BluRay.x264-GRP.mkv");
  g_assert_nonnull (on_disk);
  g_assert_true (g_bytes_equal (on_disk, video));
  g_clear_pointer (&on_disk, g_bytes_unref);
  on_disk = find_file (folder, "Wanted.Movie.2019.1080p.BluRay.x264-GRP.srt");
  g_assert_nonnull (on_disk);

  /* the peer refuses: failed, in its words */
  ssv_fake_slskd_set_state (fake, "pickypeer", PEER_VIDEO, "Completed, Rejected", 0, 0, "File not shared.");
  ended = wait_end (f, refused, 10000);
  g_assert_nonnull (strstr (ended, "The peer refused the download: File not shared."));
  assert_row (f, refused, SSV_DOWNLOAD_FAILED, "File not shared.");

  /* an offline peer: slskd says so at once, and the grab is recorded as failed */
  ssv_fake_slskd_set_offline (fake, "gonepeer");
  offline = peer_request ("gonepeer", 30000, 40);
  g_assert_cmpint (ssv_grabber_grab (grabber, offline, &recorded, NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  assert_row (f, recorded, SSV_DOWNLOAD_FAILED, "offline");

  ssv_download_monitor_stop (monitor);
}

typedef struct
{
  Fixture           *f;
  gint64             id;
  SsvDownloadStatus  status;
  const char        *user;     /* the peer its release comes from now */
} Await;

static gboolean
reached (gpointer data)
{
  Await *a = data;
  g_autoptr(SsvDownload) d = ssv_download_store_get (a->f->store, a->id, NULL);

  return d != NULL && ssv_download_get_status (d) == a->status && ssv_download_get_reference (d) != NULL &&
         g_str_has_prefix (ssv_download_get_reference (d), a->user);
}

/* A peer that keeps the release in its own queue past the threshold: the stall rule gives
 * up on it, the retry engine blocklists that peer's copy and takes it out of slskd, and the
 * next peer's copy is fetched in its place, through the monitor and the engine. */
static void
test_slskd_peer_queue (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SsvFakeServer) server = ssv_fake_server_new ();
  g_autoptr(SsvFakeSlskd) fake = ssv_fake_slskd_new (server, SLSKD_KEY);
  g_autoptr(SsvProfileStore) profiles = ssv_profile_store_new (f->db);
  g_autoptr(SsvBlocklistStore) blocklist = ssv_blocklist_store_new (f->db);
  g_autoptr(SsvGrabber) grabber = ssv_grabber_new (f->pool);
  g_autoptr(SsvRetryEngine) engine = NULL;
  g_autoptr(SsvDownloadMonitor) monitor = NULL;
  g_autoptr(GBytes) video = random_bytes (30000, 2002);
  g_autoptr(GBytes) subs = g_bytes_new_static ("1\n00:00:01,000 --> 00:00:02,000\nHello.\n", 40);
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *downloads = g_build_filename (f->dir, "slskd", NULL);
  g_autofree char *blocked = NULL;
  g_autofree char *events = NULL;
  SsvGrabRequest *request = peer_request ("slowpeer", 30000, 40);
  SsvDownloadCandidate *next = ssv_download_candidate_new ("slskd", "Wanted Movie (2019)");
  SsvStallRules rules;
  Await moved = { f, 0, SSV_DOWNLOAD_QUEUED, "fastpeer" };
  Await done = { f, 0, SSV_DOWNLOAD_COMPLETED, "fastpeer" };
  gint64 id;

  ssv_fake_slskd_set_downloads_dir (fake, downloads);
  add_client (f, SSV_CLIENT_SLSKD, ssv_fake_server_get_url (server), NULL, SLSKD_KEY);
  next->indexer = g_strdup ("Soulseek");
  next->slskd_user = g_strdup ("fastpeer");
  ssv_download_candidate_add_file (next, PEER_VIDEO, 30000);
  ssv_download_candidate_add_file (next, PEER_SUBS, 40);
  g_ptr_array_add (request->candidates, next);
  id = grab (f, request);
  moved.id = done.id = id;
  ssv_fake_slskd_set_state (fake, "slowpeer", PEER_VIDEO, "Queued, Remotely", 0, 0, NULL);
  ssv_fake_slskd_set_state (fake, "slowpeer", PEER_SUBS, "Queued, Remotely", 0, 0, NULL);

  /* a second in the peer's queue is "too long" here */
  monitor = watch (f);
  ssv_stall_rules_init (&rules);
  rules.stall_seconds = 1;
  rules.min_speed_kbps = 0;
  rules.max_eta_hours = 0;
  ssv_download_monitor_set_stall_rules (monitor, &rules);
  engine = ssv_retry_engine_new (f->pool, grabber, profiles, blocklist);
  ssv_retry_engine_watch (engine, monitor);

  if (!ssv_test_wait_for (reached, &moved, 15000))
    {
      events = ssv_test_query_text (f->db, "SELECT group_concat (kind || ': ' || message, ' | ') FROM download_events");
      g_error ("the next peer was not asked: %s", events);
    }
  /* the slow peer's files left slskd; the fast peer's are asked for */
  g_assert_cmpuint (ssv_fake_slskd_count (fake), ==, 2);
  blocked = ssv_test_query_text (f->db, "SELECT slskd_user FROM blocklist");
  g_assert_cmpstr (blocked, ==, "slowpeer");

  ssv_fake_slskd_complete (fake, "fastpeer", PEER_VIDEO, video);
  ssv_fake_slskd_complete (fake, "fastpeer", PEER_SUBS, subs);
  g_assert_true (ssv_test_wait_for (reached, &done, 15000));
  d = ssv_download_store_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ssv_download_get_attempts (d), ==, 2);
  events = ssv_test_query_text (f->db, "SELECT group_concat (message, ' | ') FROM download_events");
  g_test_message ("%s", events);
  g_assert_nonnull (strstr (events, "Waiting in the peer’s queue for "));
  g_assert_nonnull (strstr (events, "; nothing arrived. → trying Wanted Movie (2019)"));

  ssv_download_monitor_stop (monitor);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/daemons/grab-watch/nzbget", test_nzbget);
  ADD ("/core/grab-watch/nzb-refused", test_nzb_refused);
  ADD ("/core/grab-watch/sabnzbd", test_sabnzbd);
  ADD ("/core/grab-watch/slskd", test_slskd);
  ADD ("/core/grab-watch/slskd-peer-queue", test_slskd_peer_queue);
#undef ADD

  return g_test_run ();
}
