/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-retry-engine.c: the retry engine with a real transmission-daemon and a fake Torznab
 * indexer: the next candidate taken inline and completed, a search again when the pool is dry,
 * a "searching" row re-adopted after a restart, the budget, and the bad cases. */

#include "config.h"

#include <string.h>

#include "downloads/ssv-bencode.h"
#include "downloads/ssv-client-pool.h"
#include "downloads/ssv-download-monitor.h"
#include "ssv-error.h"
#include "ssv-fake-indexer.h"
#include "downloads/ssv-grabber.h"
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
#undef ADD

  return g_test_run ();
}
