/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-retry-engine.c: the retry engine with a real transmission-daemon and a fake Torznab
 * indexer: the next candidate taken inline and completed, a search again when the pool is dry,
 * a "searching" row re-adopted after a restart, the budget, a cancel while it searches, the bad
 * cases; and the whole way: a stalled magnet blocklisted, the next release from a real peer imported. */

#include "config.h"

#include <string.h>

#include "downloads/ssv-bencode.h"
#include "downloads/ssv-client-pool.h"
#include "downloads/ssv-download-monitor.h"
#include "ssv-error.h"
#include "ssv-fake-indexer.h"
#include "downloads/ssv-grabber.h"
#include "downloads/ssv-importer.h"
#include "downloads/ssv-qbittorrent.h"
#include "downloads/ssv-retry-engine.h"
#include "ssv-test-daemon.h"
#include "ssv-test-torrent.h"
#include "ssv-test-utils.h"
#include "stores/ssv-wishlist-store.h"

#define INDEXER_KEY  "torznab-key-0451"
#define SEEDED_NAME  "Heat.1995.720p.BluRay.x264-GRP.mkv"
#define SEEDED_SIZE  (256 * 1024)
#define SEEDED_SEED  1995u

typedef struct
{
  char                *dir;
  char                *save_dir;
  SsvDatabase         *db;
  SsvDownloadStore    *store;
  SsvProfileStore     *profiles;
  SsvBlocklistStore   *blocklist;
  SsvHttp             *http;
  SsvSecrets          *secrets;
  SsvClientPool       *pool;
  SsvGrabber          *grabber;
  SsvTestClientDaemon *daemon;
  SsvFakeIndexer      *indexer;
  SsvFakeServer       *files;      /* the indexer's server: .torrent files */
  GBytes              *torrent;    /* of the payload written in save_dir */
  char                *infohash;
  GPtrArray           *retried;    /* what the engine said */
  gint64               profile_id; /* the grabs' profile */
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
  static const SsvTestTorrentFile video = { NULL, SEEDED_SIZE };
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvTorrentInfo) info = NULL;
  g_autofree char *client_key = NULL;
  g_autofree char *indexer_key = NULL;
  gint64 client_id, indexer_id;

  if (!ssv_test_have_program ("transmission-daemon"))
    {
      g_test_skip ("transmission-daemon is not installed");
      return;
    }

  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->save_dir = g_build_filename (f->dir, "downloads", NULL);
  g_mkdir_with_parents (f->save_dir, 0700);
  f->store = ssv_download_store_new (f->db);
  f->profiles = ssv_profile_store_new (f->db);
  f->blocklist = ssv_blocklist_store_new (f->db);
  f->http = ssv_http_new ();
  ssv_http_set_retry_policy (f->http, 1, 50);
  f->secrets = ssv_secrets_new ();
  f->retried = g_ptr_array_new_with_free_func (g_free);

  f->daemon = ssv_test_client_daemon_start (SSV_CLIENT_TRANSMISSION, f->save_dir, 0, &error);
  g_assert_no_error (error);
  client_id = ssv_download_store_add_client (f->store, SSV_CLIENT_TRANSMISSION, "Home", f->daemon->url,
                                             SSV_TEST_USER, &error);
  g_assert_no_error (error);
  client_key = ssv_secrets_client_key (client_id);
  store_secret (f, client_key, SSV_TEST_PASSWORD);

  f->indexer = ssv_fake_indexer_new (INDEXER_KEY, "torznab/newznab_caps.xml");
  f->files = ssv_fake_indexer_get_server (f->indexer);
  indexer_id = ssv_download_store_add_indexer (f->store, "torznab", "Jackett", ssv_fake_indexer_get_url (f->indexer),
                                               &error);
  g_assert_no_error (error);
  indexer_key = ssv_secrets_indexer_key (indexer_id);
  store_secret (f, indexer_key, INDEXER_KEY);

  /* the payload is there already: the client checks it and the download completes */
  g_assert_true (ssv_test_torrent_write_payload (f->save_dir, SEEDED_NAME, &video, 1, SEEDED_SEED, &error));
  f->torrent = ssv_test_torrent_new (SEEDED_NAME, &video, 1, 16384, SEEDED_SEED, NULL);
  info = ssv_torrent_info_parse_bytes (f->torrent, &error);
  g_assert_no_error (error);
  f->infohash = g_strdup (info->infohash);
  ssv_fake_server_add_bytes (f->files, "/dl/good.torrent", 200, "application/x-bittorrent", f->torrent);
  ssv_fake_server_add_body (f->files, "/dl/html.torrent", 200, "text/html", "<html><body>Log in</body></html>");

  f->pool = ssv_client_pool_new (f->store, f->http, f->secrets);
  f->grabber = ssv_grabber_new (f->pool);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->grabber);
  g_clear_object (&f->pool);
  g_clear_pointer (&f->daemon, ssv_test_client_daemon_free);
  g_clear_pointer (&f->indexer, ssv_fake_indexer_free);
  g_clear_pointer (&f->torrent, g_bytes_unref);
  g_clear_object (&f->secrets);
  g_clear_object (&f->http);
  g_clear_object (&f->blocklist);
  g_clear_object (&f->profiles);
  g_clear_object (&f->store);
  g_clear_pointer (&f->retried, g_ptr_array_unref);
  g_free (f->infohash);
  g_free (f->save_dir);
  if (f->db != NULL)
    ssv_test_close_temp_database (&f->db, &f->dir);
}

static SsvDownloadCandidate *
release (Fixture    *f,
         const char *title,
         const char *route,
         int         score)
{
  SsvDownloadCandidate *c = ssv_download_candidate_new ("torrent", title);

  c->indexer = g_strdup ("Jackett");
  c->download_url = g_strconcat (ssv_fake_server_get_url (f->files), route, NULL);
  c->score = score;
  return c;
}

/* "Heat" grabbed with @first (which fails at once: its .torrent is a web page) and @others. */
static gint64
grab_heat (Fixture              *f,
           gint64                wishlist_id,
           SsvDownloadCandidate *second)
{
  g_autoptr(SsvGrabRequest) request = ssv_grab_request_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  request->wanted.kind = SSV_DOWNLOAD_KIND_MOVIE;
  request->wanted.title = g_strdup ("Heat");
  request->wanted.year = 1995;
  request->wanted.tmdb_id = 949;
  request->wanted.wishlist_id = wishlist_id;
  request->queries = g_strdupv ((char *[]) { "Heat 1995", NULL });
  request->profile_id = f->profile_id;
  g_ptr_array_add (request->candidates, release (f, "Heat.1995.1080p.BluRay.x264-GRP", "/dl/html.torrent", 1450));
  if (second != NULL)
    g_ptr_array_add (request->candidates, second);
  g_assert_cmpint (ssv_grabber_grab (f->grabber, request, &id, NULL, &error), ==, 0);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
on_retried (SsvRetryEngine *engine,
            gint64          id,
            gboolean        gave_up,
            const char     *message,
            Fixture        *f)
{
  g_ptr_array_add (f->retried, g_strdup_printf ("%" G_GINT64_FORMAT " %s%s", id, gave_up ? "gave up: " : "",
                                                message));
}

static SsvRetryEngine *
new_engine (Fixture *f)
{
  SsvRetryEngine *engine = ssv_retry_engine_new (f->pool, f->grabber, f->profiles, f->blocklist);

  g_signal_connect (engine, "retried", G_CALLBACK (on_retried), f);
  return engine;
}

static SsvDownloadMonitor *
new_monitor (Fixture *f)
{
  SsvDownloadMonitor *monitor = ssv_download_monitor_new (f->pool);

  ssv_download_monitor_set_intervals (monitor, 150, 600);
  return monitor;
}

static char *timeline (Fixture *f,
                       gint64   id);

typedef struct
{
  Fixture           *f;
  gint64             id;
  SsvDownloadStatus  status;
} Await;

static gboolean
has_status (gpointer data)
{
  Await *a = data;
  g_autoptr(SsvDownload) d = ssv_download_store_get (a->f->store, a->id, NULL);

  return d != NULL && ssv_download_get_status (d) == a->status;
}

static void
wait_status (Fixture           *f,
             gint64             id,
             SsvDownloadStatus  status)
{
  Await a = { f, id, status };

  if (!ssv_test_wait_for (has_status, &a, 25000))
    g_free (timeline (f, id));
  g_assert_true (has_status (&a));
}

static gboolean
monitor_loaded (gpointer data)
{
  return !ssv_download_monitor_is_polling (data);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Lets the engine go, then @monitor once it stopped polling by itself (nothing is
 * active): no poll runs on after the test. */
static void
finish_monitor (SsvDownloadMonitor **monitor,
                SsvRetryEngine     **engine)
{
  gpointer weak_engine = *engine;

  g_object_add_weak_pointer (weak_engine, &weak_engine);
  g_clear_object (engine);
  g_assert_true (ssv_test_wait_for (is_null, &weak_engine, 20000));
  g_assert_true (ssv_test_wait_for (monitor_loaded, *monitor, 20000));
  ssv_download_monitor_stop (*monitor);
  g_clear_object (monitor);
}

static gboolean
engine_idle (gpointer data)
{
  return ssv_retry_engine_get_n_running (data) == 0;
}


static char *
timeline (Fixture *f,
          gint64   id)
{
  g_autoptr(GPtrArray) events = ssv_download_store_list_events (f->store, id, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    {
      const SsvDownloadEvent *e = g_ptr_array_index (events, i);
      g_string_append_printf (text, "%s: %s\n", e->kind, e->message);
    }
  g_test_message ("%s", text->str);

  return g_string_free (text, FALSE);
}

/* Grabs from now on are judged under "Any": a 720p release is fine (not under "HD 1080p", the first). */
static void
use_profile_any (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvQualityProfile) any = NULL;

  g_assert_true (ssv_profile_store_ensure_defaults (f->profiles, &error));
  any = ssv_profile_store_get_by_name (f->profiles, "Any", &error);
  g_assert_no_error (error);
  f->profile_id = any->id;
}

static const char *
heat_feed (const char *url)
{
  static char *feed;

  g_free (feed);
  feed = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<rss version=\"2.0\" xmlns:torznab=\"http://torznab.com/schemas/2015/feed\"><channel><title>Jackett</title>"
    "<item><title>Heat.1995.1080p.BluRay.x264-GRP</title><guid>grp</guid>"
    "<link>%s/dl/html.torrent</link><size>9000000000</size>"
    "<torznab:attr name=\"seeders\" value=\"90\"/><torznab:attr name=\"category\" value=\"2040\"/></item>"
    "<item><title>Heat.1995.720p.BluRay.x264-GRP</title><guid>fresh</guid>"
    "<link>%s/dl/good.torrent</link><size>4000000000</size>"
    "<torznab:attr name=\"seeders\" value=\"40\"/><torznab:attr name=\"category\" value=\"2040\"/></item>"
    "</channel></rss>", url, url);
  return feed;
}

/* The first release fails; the next one in the pool is sent inline, into the same
 * download, and completes. */
static void
test_next_candidate (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SsvDownloadMonitor) monitor = NULL;
  g_autoptr(SsvRetryEngine) engine = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autofree char *events = NULL;
  gint64 id;

  if (f->daemon == NULL)
    return;

  monitor = new_monitor (f);
  engine = new_engine (f);
  ssv_retry_engine_watch (engine, monitor);
  ssv_download_monitor_start (monitor);
  g_assert_true (ssv_test_wait_for (monitor_loaded, monitor, 10000));

  id = grab_heat (f, 0, release (f, "Heat.1995.720p.BluRay.x264-GRP", "/dl/good.torrent", 1200));
  wait_status (f, id, SSV_DOWNLOAD_COMPLETED);

  d = ssv_download_store_get (f->store, id, NULL);
  g_assert_cmpstr (ssv_download_get_release_title (d), ==, "Heat.1995.720p.BluRay.x264-GRP");
  g_assert_cmpstr (ssv_download_get_reference (d), ==, f->infohash);
  g_assert_cmpint (ssv_download_get_attempts (d), ==, 2);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM downloads"), ==, 1);
  candidates = ssv_download_store_list_candidates (f->store, id, NULL);
  g_assert_true (((SsvDownloadCandidate *) g_ptr_array_index (candidates, 1))->tried);
  events = timeline (f, id);
  g_assert_nonnull (strstr (events, "retry: failed: Jackett sent something that is not a torrent file"));
  g_assert_nonnull (strstr (events, "→ trying Heat.1995.720p.BluRay.x264-GRP (score 1200)"));
  g_assert_nonnull (strstr (events, "completed: "));
  g_assert_cmpuint (f->retried->len, ==, 1);
  finish_monitor (&monitor, &engine);
}

/* The pool is dry: the download is "searching", the next query finds a fresh release,
 * judged, which is sent and completes. An indexer answering 500 fails it plainly. */
static void
test_requery (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SsvDownloadMonitor) monitor = NULL;
  g_autoptr(SsvRetryEngine) engine = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GPtrArray) searches = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autofree char *events = NULL;
  gboolean asked_heat = FALSE;
  gint64 id;

  if (f->daemon == NULL)
    return;

  ssv_fake_indexer_set_body (f->indexer, NULL, 200, "application/rss+xml",
                             heat_feed (ssv_fake_server_get_url (f->files)));
  use_profile_any (f);
  monitor = new_monitor (f);
  engine = new_engine (f);
  ssv_retry_engine_watch (engine, monitor);
  ssv_download_monitor_start (monitor);
  g_assert_true (ssv_test_wait_for (monitor_loaded, monitor, 10000));

  id = grab_heat (f, 0, NULL);
  wait_status (f, id, SSV_DOWNLOAD_COMPLETED);

  searches = ssv_fake_indexer_dup_searches (f->indexer);
  for (guint i = 0; i < searches->len; i++)
    asked_heat |= g_strcmp0 (g_hash_table_lookup (g_ptr_array_index (searches, i), "q"), "Heat") == 0;
  g_assert_true (asked_heat);
  d = ssv_download_store_get (f->store, id, NULL);
  g_assert_cmpstr (ssv_download_get_release_title (d), ==, "Heat.1995.720p.BluRay.x264-GRP");
  g_assert_cmpint (ssv_download_get_attempts (d), ==, 2);
  queries = ssv_download_store_list_tries (f->store, id, "query", NULL);
  g_assert_cmpuint (queries->len, ==, 2);
  events = timeline (f, id);
  g_assert_nonnull (strstr (events, "state: failed: Jackett sent something that is not a torrent file"));
  g_assert_nonnull (strstr (events, "→ searching again: “Heat”"));
  /* the one already tried is not taken again */
  g_assert_nonnull (strstr (events, "Searching “Heat” found 1 new release."));
  g_assert_nonnull (strstr (events, "→ trying Heat.1995.720p.BluRay.x264-GRP"));
  finish_monitor (&monitor, &engine);
}

static void
test_requery_server_error (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SsvRetryEngine) engine = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  gint64 id;

  if (f->daemon == NULL)
    return;

  ssv_fake_indexer_set_body (f->indexer, NULL, 500, "text/plain", "Internal Server Error");
  engine = new_engine (f);
  id = grab_heat (f, 0, NULL);
  last = ssv_retry_engine_run_sync (engine, id, NULL, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", last);
  g_assert_nonnull (strstr (last, "gave up: Searching again for “Heat” failed: Jackett: "));

  d = ssv_download_store_get (f->store, id, NULL);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_FAILED);
  g_assert_nonnull (strstr (ssv_download_get_error (d), "Searching again for “Heat” failed"));
  /* nothing lost: the pool is whole and the query may be asked again */
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM download_candidates"), ==, 1);
  queries = ssv_download_store_list_tries (f->store, id, "query", NULL);
  g_assert_cmpuint (queries->len, ==, 1);
}

/* A restart while a download was "searching": the new engine takes the search up. */
static void
test_adopt_searching (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SsvRetryEngine) engine = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (f->daemon == NULL)
    return;

  ssv_fake_indexer_set_body (f->indexer, NULL, 200, "application/rss+xml",
                             heat_feed (ssv_fake_server_get_url (f->files)));
  use_profile_any (f);
  id = grab_heat (f, 0, NULL);
  g_assert_true (ssv_download_store_set_status (f->store, id, SSV_DOWNLOAD_SEARCHING, NULL, NULL, "state",
                                                "searching again: “Heat”", &error));
  g_assert_no_error (error);

  engine = new_engine (f);
  ssv_retry_engine_start (engine);
  g_assert_true (ssv_test_wait_for (engine_idle, engine, 25000));

  d = ssv_download_store_get (f->store, id, NULL);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_QUEUED);
  g_assert_cmpstr (ssv_download_get_reference (d), ==, f->infohash);
  g_assert_cmpuint (f->retried->len, ==, 1);
}

/* Six releases tried: it fails with the reason, and the wanted item says so. */
static void
test_budget (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SsvRetryEngine) engine = NULL;
  g_autoptr(SsvWishlistStore) wishlist = ssv_wishlist_store_new (f->db);
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  g_autofree char *state = NULL;
  gint64 id, key = 1;

  if (f->daemon == NULL)
    return;

  ssv_database_exec (f->db, "INSERT INTO wishlist (id, kind, source, source_id, title, year)"
                            " VALUES (1, 'movie', 'tmdb', '949', 'Heat', 1995)", &error);
  g_assert_no_error (error);
  id = grab_heat (f, 1, release (f, "Heat.1995.720p.BluRay.x264-GRP", "/dl/good.torrent", 1200));
  ssv_database_exec (f->db, "UPDATE downloads SET attempts = 6", &error);

  engine = new_engine (f);
  last = ssv_retry_engine_run_sync (engine, id, NULL, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (last, "gave up: Gave up after 6 releases: the retry budget is reached."));
  /* the candidate left was not sent */
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT tried FROM download_candidates WHERE position = 1"), ==, 0);

  states = ssv_wishlist_store_dup_download_states (wishlist, &error);
  g_assert_no_error (error);
  state = ssv_wish_download_state_describe (g_hash_table_lookup (states, &key));
  g_assert_cmpstr (state, ==, "failed: Gave up after 6 releases: the retry budget is reached.");
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist"), ==, 1);
}

/* "Retry with another" and "Block" by hand: the transfer leaves its client; a candidate
 * no client takes is passed over with the reason; the blocked one never comes back. */
static void
test_by_hand (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SsvRetryEngine) engine = NULL;
  g_autoptr(SsvGrabRequest) request = ssv_grab_request_new ();
  g_autoptr(SsvDownloadClient) client = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = ssv_test_random_infohash ();
  g_autofree char *last = NULL;
  g_autofree char *events = NULL;
  g_autofree char *blocked = NULL;
  SsvDownloadCandidate *usenet, *magnet;
  const char *refs[] = { NULL, NULL };
  gint64 id;

  if (f->daemon == NULL)
    return;

  request->wanted.kind = SSV_DOWNLOAD_KIND_MOVIE;
  request->wanted.title = g_strdup ("Heat");
  request->wanted.year = 1995;
  g_ptr_array_add (request->candidates, release (f, "Heat.1995.720p.BluRay.x264-GRP", "/dl/good.torrent", 1200));
  usenet = ssv_download_candidate_new ("usenet", "Heat.1995.1080p.WEB-DL-NZB");
  usenet->download_url = g_strdup ("http://127.0.0.1:9/nzb/1");
  g_ptr_array_add (request->candidates, usenet);
  magnet = ssv_download_candidate_new ("torrent", "Heat.1995.1080p.WEB-DL.x264-MAG");
  magnet->magnet_url = g_strdup_printf ("magnet:?xt=urn:btih:%s", hash);
  g_ptr_array_add (request->candidates, magnet);
  id = ssv_grabber_grab (f->grabber, request, NULL, NULL, &error);
  g_assert_no_error (error);

  engine = new_engine (f);
  last = ssv_retry_engine_run_sync (engine, id, "Wrong language.", TRUE, NULL, &error);
  g_assert_no_error (error);

  d = ssv_download_store_get (f->store, id, NULL);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_QUEUED);
  g_assert_cmpstr (ssv_download_get_reference (d), ==, hash);
  g_assert_cmpint (ssv_download_get_attempts (d), ==, 3);
  events = timeline (f, id);
  g_assert_nonnull (strstr (events, "Blocklisted “Heat.1995.720p.BluRay.x264-GRP”: Wrong language."));
  g_assert_nonnull (strstr (events, "failed: Wrong language. → trying Heat.1995.1080p.WEB-DL-NZB"));
  g_assert_nonnull (strstr (events, "failed: No download client takes usenet releases"));

  /* the old transfer left the client */
  client = ssv_test_client_daemon_client (f->daemon, f->http, NULL);
  refs[0] = f->infohash;
  left = ssv_download_client_list (client, refs, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 0);

  /* blocklisted by hand, by its infohash too */
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT manual FROM blocklist"), ==, 1);
  blocked = ssv_test_query_text (f->db, "SELECT infohash FROM blocklist");
  g_assert_cmpstr (blocked, ==, f->infohash);
}

/* ---- the whole way: a stall, the blocklist, the next release from a real peer, the import ---- */

#define PEER_NAME  "Heat.1995.720p.WEB-DL.x264-PEER.mkv"
#define PEER_SIZE  (1024 * 1024)
#define PEER_SEED  1996u

typedef struct
{
  Fixture           *f;
  SsvDownloadClient *seeder;
  char              *seed_reference;
  char              *leecher_peer;     /* "127.0.0.1:<transmission's peer port>" */
  gint64             stalled_at;       /* monotonic µs of the stall verdict */
  gint64             started_at;       /* … of the next release's start */
  char              *stall_reason;
  char              *library_path;
  char              *rejected;
} Scenario;

static void
scenario_stalled (SsvDownloadMonitor *monitor,
                  SsvDownload        *d,
                  const char         *reason,
                  Scenario           *sc)
{
  if (sc->stalled_at == 0)
    sc->stalled_at = g_get_monotonic_time ();
  g_free (sc->stall_reason);
  sc->stall_reason = g_strdup (reason);
}

static void
scenario_retried (SsvRetryEngine *engine,
                  gint64          id,
                  gboolean        gave_up,
                  const char     *message,
                  Scenario       *sc)
{
  if (sc->started_at == 0 && !gave_up)
    sc->started_at = g_get_monotonic_time ();
}

static void
scenario_imported (SsvImporter *importer,
                   SsvDownload *d,
                   const char  *path,
                   gint64       title_id,
                   Scenario    *sc)
{
  sc->library_path = g_strdup (path);
}

static void
scenario_rejected (SsvImporter *importer,
                   SsvDownload *d,
                   const char  *reason,
                   Scenario    *sc)
{
  sc->rejected = g_strdup (reason);
}

/* Transmission 3 dials no 127.x peer: the seeder dials it, again each second until connected. */
static gboolean
dial_leecher (gpointer data)
{
  Scenario *sc = data;
  const char *peers[] = { sc->leecher_peer, NULL };

  ssv_qbittorrent_add_peers (SSV_QBITTORRENT (sc->seeder), sc->seed_reference, peers, NULL, NULL);
  return G_SOURCE_CONTINUE;
}

static gboolean
scenario_imported_or_rejected (gpointer data)
{
  Scenario *sc = data;

  return sc->library_path != NULL || sc->rejected != NULL;
}

/* qbittorrent-nox seeds the second release's payload; its .torrent is on the indexer. */
static SsvTestClientDaemon *
start_peer (Fixture  *f,
            Scenario *sc)
{
  static const SsvTestTorrentFile video = { NULL, PEER_SIZE };
  g_autoptr(GBytes) torrent = ssv_test_torrent_new (PEER_NAME, &video, 1, 65536, PEER_SEED, NULL);
  g_autofree char *seed_dir = g_build_filename (f->dir, "seed", NULL);
  g_autoptr(SsvAddRequest) request = ssv_add_request_new_torrent (torrent);
  g_autoptr(GError) error = NULL;
  SsvTestClientDaemon *seeder;

  g_mkdir_with_parents (seed_dir, 0700);
  g_assert_true (ssv_test_torrent_write_payload (seed_dir, PEER_NAME, &video, 1, PEER_SEED, &error));
  seeder = ssv_test_client_daemon_start (SSV_CLIENT_QBITTORRENT, seed_dir, 0, &error);
  g_assert_no_error (error);
  sc->seeder = ssv_test_client_daemon_client (seeder, f->http, NULL);
  ssv_add_request_set_save_path (request, seed_dir);
  sc->seed_reference = ssv_download_client_add (sc->seeder, request, NULL, &error);
  g_assert_no_error (error);
  for (gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;;)
    {
      g_autoptr(SsvTransfer) seeding = ssv_download_client_get (sc->seeder, sc->seed_reference, NULL, &error);

      g_assert_no_error (error);
      if (seeding->state == SSV_TRANSFER_SEEDING)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (100 * 1000);
    }
  ssv_fake_server_add_bytes (f->files, "/dl/peer.torrent", 200, "application/x-bittorrent", torrent);
  sc->leecher_peer = g_strdup_printf ("127.0.0.1:%u", f->daemon->peer_port);
  return seeder;
}

/* A grab whose first release is a magnet nobody has: its metadata never arrives, the
 * stall rule gives up on it, it is blocklisted and taken out of transmission, the next
 * candidate (seeded by a real peer) is started, completes, and is imported. */
static void
test_stall_then_next_imported (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(SsvTestClientDaemon) peer = NULL;
  g_autoptr(SsvDownloadMonitor) monitor = NULL;
  g_autoptr(SsvRetryEngine) engine = NULL;
  g_autoptr(SsvImporter) importer = NULL;
  g_autoptr(SsvGrabRequest) request = ssv_grab_request_new ();
  g_autoptr(SsvDownloadClient) client = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = ssv_test_random_infohash ();
  g_autofree char *library = g_build_filename (f->dir, "Library", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *blocked = NULL;
  g_autofree char *events = NULL;
  g_autofree char *seeded = g_build_filename (f->dir, "seed", PEER_NAME, NULL);
  g_autofree char *imported = NULL;
  g_autofree char *original = NULL;
  gsize imported_length = 0, original_length = 0;
  SsvImportSettings settings = { .movies_folder = library, .min_video_bytes = -1 };
  Scenario sc = { f };
  SsvDownloadCandidate *stuck;
  SsvStallRules rules;
  const char *refs[] = { NULL, NULL };
  guint dialing;
  gint64 id;

  if (f->daemon == NULL)
    return;
  if (!ssv_test_have_program ("qbittorrent-nox"))
    {
      g_test_skip ("qbittorrent-nox is not installed");
      return;
    }
  peer = start_peer (f, &sc);

  monitor = new_monitor (f);
  /* seconds for a magnet's metadata; a minute for the rest, so the real transfer is never struck */
  ssv_stall_rules_init (&rules);
  rules.metadata_seconds = 2;
  rules.stall_seconds = 60;
  rules.min_speed_kbps = 0;
  rules.max_eta_hours = 0;
  ssv_download_monitor_set_stall_rules (monitor, &rules);
  engine = new_engine (f);
  ssv_retry_engine_watch (engine, monitor);
  importer = ssv_importer_new (f->db, f->store, f->profiles, NULL);
  ssv_importer_set_settings (importer, &settings);
  ssv_importer_watch (importer, monitor);
  g_signal_connect (monitor, "download-stalled", G_CALLBACK (scenario_stalled), &sc);
  g_signal_connect (engine, "retried", G_CALLBACK (scenario_retried), &sc);
  g_signal_connect (importer, "imported", G_CALLBACK (scenario_imported), &sc);
  g_signal_connect (importer, "import-rejected", G_CALLBACK (scenario_rejected), &sc);
  ssv_download_monitor_start (monitor);
  g_assert_true (ssv_test_wait_for (monitor_loaded, monitor, 10000));

  request->wanted.kind = SSV_DOWNLOAD_KIND_MOVIE;
  request->wanted.title = g_strdup ("Heat");
  request->wanted.year = 1995;
  request->wanted.tmdb_id = 949;
  stuck = ssv_download_candidate_new ("torrent", "Heat.1995.1080p.BluRay.x264-NOPEER");
  stuck->indexer = g_strdup ("Jackett");
  stuck->magnet_url = g_strdup_printf ("magnet:?xt=urn:btih:%s&dn=Heat.1995.1080p.BluRay.x264-NOPEER", hash);
  stuck->score = 1450;
  g_ptr_array_add (request->candidates, stuck);
  g_ptr_array_add (request->candidates, release (f, "Heat.1995.720p.WEB-DL.x264-PEER", "/dl/peer.torrent", 1200));
  id = ssv_grabber_grab (f->grabber, request, NULL, NULL, &error);
  g_assert_no_error (error);

  dialing = g_timeout_add (1000, dial_leecher, &sc);
  if (!ssv_test_wait_for (scenario_imported_or_rejected, &sc, 90000))
    g_free (timeline (f, id));
  g_source_remove (dialing);
  g_assert_null (sc.rejected);
  g_assert_nonnull (sc.library_path);

  /* the stall rule gave up on the magnet, with its reason */
  g_assert_nonnull (sc.stall_reason);
  g_assert_true (g_str_has_prefix (sc.stall_reason, "The torrent’s metadata never arrived: waited "));
  g_assert_cmpint (sc.started_at, >, sc.stalled_at);
  /* blocklisted by its infohash, and out of transmission */
  blocked = ssv_test_query_text (f->db, "SELECT infohash FROM blocklist");
  g_assert_cmpstr (blocked, ==, hash);
  client = ssv_test_client_daemon_client (f->daemon, f->http, NULL);
  refs[0] = hash;
  left = ssv_download_client_list (client, refs, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 0);

  /* the same download took the next release, got it whole from the peer, and it is in the library */
  d = ssv_download_store_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_COMPLETED);
  g_assert_cmpstr (ssv_download_get_release_title (d), ==, "Heat.1995.720p.WEB-DL.x264-PEER");
  g_assert_cmpstr (ssv_download_get_reference (d), ==, sc.seed_reference);
  g_assert_cmpint (ssv_download_get_attempts (d), ==, 2);
  expected = g_build_filename (library, "Heat (1995)", "Heat (1995) - 720p WEB-DL.mkv", NULL);
  g_assert_cmpstr (sc.library_path, ==, expected);
  g_assert_true (g_file_get_contents (expected, &imported, &imported_length, NULL));
  g_assert_true (g_file_get_contents (seeded, &original, &original_length, NULL));
  g_assert_cmpuint (imported_length, ==, PEER_SIZE);
  g_assert_cmpuint (original_length, ==, PEER_SIZE);
  g_assert_true (memcmp (imported, original, PEER_SIZE) == 0);
  events = timeline (f, id);
  g_assert_nonnull (strstr (events, "Blocklisted “Heat.1995.1080p.BluRay.x264-NOPEER”: The torrent’s metadata never"));
  g_assert_nonnull (strstr (events, "→ trying Heat.1995.720p.WEB-DL.x264-PEER (score 1200)"));
  g_assert_nonnull (strstr (events, "state: Importing into the library.\ncompleted: Imported as "));
  g_test_message ("from the stall to the next release's start: %.0f ms", (sc.started_at - sc.stalled_at) / 1000.0);

  finish_monitor (&monitor, &engine);
  g_clear_object (&importer);
  g_clear_object (&sc.seeder);
  g_free (sc.seed_reference);
  g_free (sc.leecher_peer);
  g_free (sc.stall_reason);
  g_free (sc.library_path);
}

typedef struct
{
  gboolean  done;
  char     *last;
  GError   *error;
} Finished;

static void
retry_now_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Finished *finished = data;

  finished->last = ssv_retry_engine_retry_now_finish (SSV_RETRY_ENGINE (source), result, &finished->error);
  finished->done = TRUE;
}

/* Cancelled while the engine searches again (a slow indexer): the person's cancel
 * stands. The search's answer starts no release and the download stays cancelled. */
static void
test_cancel_while_searching (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SsvRetryEngine) engine = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(SsvDownloadClient) client = NULL;
  g_autoptr(GPtrArray) held = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;
  Finished finished = { FALSE, NULL, NULL };
  const char *refs[] = { NULL, NULL };
  gint64 id;

  if (f->daemon == NULL)
    return;

  ssv_fake_indexer_set_body (f->indexer, NULL, 200, "application/rss+xml",
                             heat_feed (ssv_fake_server_get_url (f->files)));
  use_profile_any (f);
  ssv_fake_indexer_hold (f->indexer);
  id = grab_heat (f, 0, NULL);

  engine = new_engine (f);
  ssv_retry_engine_retry_now (engine, id, NULL, retry_now_cb, &finished);
  g_assert_true (ssv_fake_indexer_wait_searches (f->indexer, 1, 20000));
  d = ssv_download_store_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_SEARCHING);

  /* the person cancels while the indexer has not answered yet */
  g_assert_true (ssv_grabber_cancel (f->grabber, id, NULL, &error));
  g_assert_no_error (error);
  ssv_fake_indexer_release (f->indexer);
  ssv_test_wait_for_flag (&finished.done, 25000);
  g_assert_error (finished.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (finished.last);
  g_clear_error (&finished.error);

  g_clear_object (&d);
  d = ssv_download_store_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_CANCELLED);
  g_assert_cmpstr (ssv_download_get_release_title (d), ==, "Heat.1995.1080p.BluRay.x264-GRP");
  g_assert_cmpint (ssv_download_get_attempts (d), ==, 1);
  events = timeline (f, id);
  g_assert_null (strstr (events, "→ trying"));
  /* the release the search found was never sent to the client */
  client = ssv_test_client_daemon_client (f->daemon, f->http, NULL);
  refs[0] = f->infohash;
  held = ssv_download_client_list (client, refs, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (held->len, ==, 0);
  g_assert_true (ssv_test_wait_for (engine_idle, engine, 5000));
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/daemons/retry/next-candidate", test_next_candidate);
  ADD ("/daemons/retry/requery", test_requery);
  ADD ("/daemons/retry/requery-server-error", test_requery_server_error);
  ADD ("/daemons/retry/adopt-searching", test_adopt_searching);
  ADD ("/daemons/retry/budget", test_budget);
  ADD ("/daemons/retry/by-hand", test_by_hand);
  ADD ("/daemons/retry/cancel-while-searching", test_cancel_while_searching);
  ADD ("/daemons/retry/stall-then-next-imported", test_stall_then_next_imported);
#undef ADD

  return g_test_run ();
}
