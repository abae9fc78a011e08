/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-download-store.c: indexers, clients and downloads in the library file: a grab is all or
 * nothing, the CHECKs hold, the timeline and candidates read back, lists walk indexes. */

#include "config.h"

#include <string.h>

#include "stores/ssv-download-store.h"
#include "ssv-error.h"
#include "stores/ssv-wishlist-store.h"
#include "ssv-test-utils.h"

typedef struct
{
  char             *dir;
  SsvDatabase      *db;
  SsvDownloadStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->store = ssv_download_store_new (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  ssv_test_close_temp_database (&f->db, &f->dir);
}

static SsvDownloadCandidate *
candidate (const char *title,
           const char *protocol,
           int         score)
{
  SsvDownloadCandidate *c = ssv_download_candidate_new (protocol, title);

  c->indexer = g_strdup ("Jackett");
  c->magnet_url = g_strdup_printf ("magnet:?xt=urn:btih:%040d", score);
  c->size = 4000000000 + score;
  c->quality = g_strdup ("1080p · BluRay");
  c->score = score;
  c->seeders = 12;
  return c;
}

static gint64
grab_heat (Fixture              *f,
           SsvDownloadCandidate *bad_other,
           GError              **error)
{
  SsvDownloadWanted wanted = { .kind = SSV_DOWNLOAD_KIND_MOVIE, .tmdb_id = 949, .title = (char *) "Heat",
                               .year = 1995, .season = -1, .episode = -1 };
  g_autoptr(SsvDownloadCandidate) chosen = candidate ("Heat.1995.1080p.BluRay.x264-GRP", "torrent", 1450);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_download_candidate_free);
  const char *queries[] = { "Heat 1995", "Heat", NULL };
  SsvGrabRecord record = { 0 };

  ssv_download_candidate_add_file (chosen, "Heat.1995.1080p.BluRay.x264-GRP/heat.mkv", 4000000000);
  g_ptr_array_add (others, candidate ("Heat.1995.720p.BluRay.x264-GRP", "torrent", 900));
  g_ptr_array_add (others, candidate ("Heat.1995.1080p.WEB-DL-XYZ", "torrent", 800));
  if (bad_other != NULL)
    g_ptr_array_add (others, bad_other);

  record.wanted = &wanted;
  record.chosen = chosen;
  record.others = others;
  record.client_name = "Home";
  record.reference = "0123456789abcdef0123456789abcdef01234567";
  record.status = SSV_DOWNLOAD_QUEUED;
  record.event = "Grabbed “Heat.1995.1080p.BluRay.x264-GRP” from Jackett into Home (qBittorrent).";
  record.queries = queries;

  return ssv_download_store_record_grab (f->store, &record, error);
}

static void
test_grab_reads_back (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *label = NULL;
  gint64 id = grab_heat (f, NULL, &error);
  SsvDownloadCandidate *c;

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  d = ssv_download_store_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_QUEUED);
  g_assert_cmpstr (ssv_download_get_release_title (d), ==, "Heat.1995.1080p.BluRay.x264-GRP");
  g_assert_cmpstr (ssv_download_get_reference (d), ==, "0123456789abcdef0123456789abcdef01234567");
  g_assert_cmpint (ssv_download_get_attempts (d), ==, 1);
  label = ssv_download_dup_label (d);
  g_assert_cmpstr (label, ==, "Heat (1995)");

  /* The chosen release is candidate 0, tried; the others follow in order, untried. */
  candidates = ssv_download_store_list_candidates (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 3);
  c = g_ptr_array_index (candidates, 0);
  g_assert_cmpstr (c->release_title, ==, "Heat.1995.1080p.BluRay.x264-GRP");
  g_assert_true (c->tried);
  g_assert_cmpuint (c->files->len, ==, 1);
  c = g_ptr_array_index (candidates, 2);
  g_assert_cmpstr (c->release_title, ==, "Heat.1995.1080p.WEB-DL-XYZ");
  g_assert_false (c->tried);
  g_assert_cmpint (c->score, ==, 800);
  g_assert_cmpint (c->seeders, ==, 12);

  events = ssv_download_store_list_events (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (((SsvDownloadEvent *) g_ptr_array_index (events, 0))->kind, ==, "grabbed");

  queries = ssv_download_store_list_tries (f->store, id, "query", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queries->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (queries, 0), ==, "Heat 1995");
  files = ssv_download_store_list_tries (f->store, id, "file", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
}

/* A candidate the database refuses takes the whole grab with it: no half download. */
static void
test_grab_all_or_nothing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = grab_heat (f, candidate ("Heat.1995.DVDRip", "ftp", 10), &error);

  g_assert_error (error, SSV_ERROR, SSV_ERROR_DATABASE);
  g_assert_cmpint (id, ==, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM downloads"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM download_candidates"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM download_events"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM download_tries"), ==, 0);
}

static void
assert_refused (Fixture    *f,
                const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ssv_database_exec (f->db, sql, &error));
  g_assert_nonnull (error);
  g_test_message ("%s → %s", sql, error->message);
  g_assert_nonnull (strstr (error->message, "CHECK"));
}

static void
test_checks (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  grab_heat (f, NULL, &error);
  g_assert_no_error (error);

  assert_refused (f, "UPDATE downloads SET status = 'paused'");
  assert_refused (f, "UPDATE downloads SET status = 'failed', error = NULL");
  assert_refused (f, "UPDATE downloads SET progress = 1.5");
  assert_refused (f, "UPDATE downloads SET status = 'completed'");
  assert_refused (f, "INSERT INTO downloads (kind, title, release_title, protocol) VALUES ('episode', 'GoT', 'x', 'torrent')");
  assert_refused (f, "INSERT INTO downloads (kind, title, release_title, protocol) VALUES ('song', 'x', 'x', 'torrent')");
  assert_refused (f, "INSERT INTO download_clients (kind, name, url) VALUES ('utorrent', 'u', 'http://x')");
  assert_refused (f, "INSERT INTO indexers (kind, name, url) VALUES ('rss', 'r', 'http://x')");
  assert_refused (f, "INSERT INTO download_events (download_id, kind, message) VALUES (1, 'whatever', 'x')");

  /* Every status the issue names is allowed. */
  for (guint s = 0; s < SSV_DOWNLOAD_N_STATUSES; s++)
    {
      g_autoptr(GError) local_error = NULL;

      ssv_download_store_set_status (f->store, 1, s, s == SSV_DOWNLOAD_FAILED ? "No seeds." : NULL, NULL,
                                     NULL, NULL, &local_error);
      g_assert_no_error (local_error);
    }
}

static void
test_status_and_progress (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) active = NULL;
  gint64 id = grab_heat (f, NULL, &error);
  SsvDownloadProgress progress = { id, SSV_DOWNLOAD_DOWNLOADING, 0.42, 1048576, 600, NULL, NULL };

  g_assert_no_error (error);
  g_assert_cmpint (ssv_download_store_count_active (f->store, &error), ==, 1);

  g_assert_true (ssv_download_store_update_progress (f->store, &progress, 1, &error));
  g_assert_no_error (error);
  d = ssv_download_store_get (f->store, id, &error);
  g_assert_cmpfloat (ssv_download_get_progress (d), ==, 0.42);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_DOWNLOADING);
  g_clear_object (&d);

  g_assert_true (ssv_download_store_set_status (f->store, id, SSV_DOWNLOAD_COMPLETED, NULL, "/data/Heat/heat.mkv",
                                                "completed", "Downloaded to /data/Heat/heat.mkv.", &error));
  g_assert_no_error (error);
  d = ssv_download_store_get (f->store, id, &error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_COMPLETED);
  g_assert_cmpfloat (ssv_download_get_progress (d), ==, 1.0);
  g_assert_cmpstr (ssv_download_get_content_path (d), ==, "/data/Heat/heat.mkv");
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT completed_at IS NOT NULL FROM downloads"), ==, 1);
  g_assert_cmpint (ssv_download_store_count_active (f->store, &error), ==, 0);
  active = ssv_download_store_list (f->store, TRUE, 0, &error);
  g_assert_cmpuint (active->len, ==, 0);

  events = ssv_download_store_list_events (f->store, id, &error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (((SsvDownloadEvent *) g_ptr_array_index (events, 1))->message, ==,
                   "Downloaded to /data/Heat/heat.mkv.");

  /* A download that is gone says so. */
  g_assert_false (ssv_download_store_set_status (f->store, id + 100, SSV_DOWNLOAD_CANCELLED, NULL, NULL,
                                                 "cancelled", "Cancelled.", &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM download_events"), ==, 2);
}

static void
test_clients_and_indexers (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvClientRow) torrent = NULL;
  g_autoptr(SsvClientRow) usenet = NULL;
  g_autoptr(SsvClientRow) missing = NULL;
  g_autoptr(SsvIndexerRow) indexer = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  const int ids[] = { 2000, 2040 };
  const int parents[] = { 0, 2000 };
  const char *names[] = { "Movies", "Movies/HD" };
  gint64 qbit, trans, nzbget, jackett;

  qbit = ssv_download_store_add_client (f->store, SSV_CLIENT_QBITTORRENT, "Home", "http://nas:8080", "admin", &error);
  g_assert_no_error (error);
  trans = ssv_download_store_add_client (f->store, SSV_CLIENT_TRANSMISSION, "Seedbox", "http://box:9091", NULL, &error);
  g_assert_no_error (error);
  nzbget = ssv_download_store_add_client (f->store, SSV_CLIENT_NZBGET, "News", "http://nas:6789", "nzbget", &error);
  g_assert_no_error (error);
  g_assert_cmpint (trans, >, qbit);

  /* The first client of a protocol is its default. */
  torrent = ssv_download_store_dup_default_client (f->store, "torrent", &error);
  g_assert_no_error (error);
  g_assert_cmpint (torrent->id, ==, qbit);
  usenet = ssv_download_store_dup_default_client (f->store, "usenet", &error);
  g_assert_cmpint (usenet->id, ==, nzbget);
  missing = ssv_download_store_dup_default_client (f->store, "slskd", &error);
  g_assert_null (missing);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "client add"));
  g_clear_error (&error);

  g_assert_true (ssv_download_store_set_default_client (f->store, "torrent", trans, &error));
  g_clear_pointer (&torrent, ssv_client_row_free);
  torrent = ssv_download_store_dup_default_client (f->store, "torrent", &error);
  g_assert_cmpint (torrent->id, ==, trans);

  /* A name is taken once, said in plain words. */
  g_assert_cmpint (ssv_download_store_add_client (f->store, SSV_CLIENT_DELUGE, "Home", "http://x:8112", NULL, &error),
                   ==, 0);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Home"));
  g_clear_error (&error);
  clients = ssv_download_store_list_clients (f->store, &error);
  g_assert_cmpuint (clients->len, ==, 3);

  jackett = ssv_download_store_add_indexer (f->store, "torznab", "Jackett", "http://nas:9117/api", &error);
  g_assert_no_error (error);
  g_assert_true (ssv_download_store_set_indexer_categories (f->store, jackett, ids, parents, names, NULL, 2, &error));
  indexer = ssv_download_store_find_indexer (f->store, "Jackett", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (indexer->kind, ==, "torznab");
  g_assert_cmpuint (indexer->categories->len, ==, 2);
  g_assert_cmpint (g_array_index (indexer->categories, int, 1), ==, 2040);
  g_assert_null (ssv_download_store_find_indexer (f->store, "NZBgeek", &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
}

static void
test_lists_use_indexes (Fixture       *f,
                        gconstpointer  data)
{
  const char *queries[] = {
    ssv_download_store_active_sql,
    ssv_download_store_recent_sql,
    ssv_download_store_events_sql,
    ssv_download_store_candidates_sql,
    ssv_wishlist_store_download_states_sql,
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *plan = NULL;
      gboolean indexed = ssv_database_explain_uses_index (f->db, queries[i], &plan, &error);

      g_assert_no_error (error);
      g_test_message ("%s\n%s", queries[i], plan);
      g_assert_true (indexed);
    }
}

/* The wishlist shows what became of each wanted item: its latest download. */
static void
test_wishlist_states (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvWishlistStore) wishlist = ssv_wishlist_store_new (f->db);
  g_autoptr(GHashTable) states = NULL;
  g_autofree char *heat = NULL;
  g_autofree char *ronin = NULL;
  g_autofree char *thief = NULL;
  gint64 key;

  ssv_database_exec (f->db,
    "INSERT INTO wishlist (id, kind, source, source_id, title, year) VALUES"
    " (1, 'movie', 'tmdb', '949', 'Heat', 1995), (2, 'movie', 'tmdb', '8195', 'Ronin', 1998),"
    " (3, 'movie', 'tmdb', '11524', 'Thief', 1981);"
    "INSERT INTO downloads (wishlist_id, kind, title, release_title, protocol, status, error)"
    " VALUES (1, 'movie', 'Heat', 'Heat.1995.720p', 'torrent', 'failed', 'No seeds for 3 hours.');"
    "INSERT INTO downloads (wishlist_id, kind, title, release_title, protocol, status, progress)"
    " VALUES (1, 'movie', 'Heat', 'Heat.1995.1080p', 'torrent', 'downloading', 0.42);"
    "INSERT INTO downloads (wishlist_id, kind, title, release_title, protocol, status, error)"
    " VALUES (2, 'movie', 'Ronin', 'Ronin.1998.1080p', 'torrent', 'failed', 'The client refused the torrent.');",
    &error);
  g_assert_no_error (error);

  states = ssv_wishlist_store_dup_download_states (wishlist, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (states), ==, 2);
  key = 1;
  heat = ssv_wish_download_state_describe (g_hash_table_lookup (states, &key));
  key = 2;
  ronin = ssv_wish_download_state_describe (g_hash_table_lookup (states, &key));
  key = 3;
  thief = ssv_wish_download_state_describe (g_hash_table_lookup (states, &key));
  g_assert_cmpstr (heat, ==, "downloading 42 %");
  g_assert_cmpstr (ronin, ==, "failed: The client refused the torrent.");
  g_assert_cmpstr (thief, ==, "wanted");

  /* A grab of a wanted film finds its row by TMDB id. */
  g_assert_cmpint (ssv_download_store_find_wanted_movie (f->store, 8195, &error), ==, 2);
  g_assert_cmpint (ssv_download_store_find_wanted_movie (f->store, 550, &error), ==, 0);
  g_assert_no_error (error);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

/* A fresh read of the same row notifies only what changed, for bound widgets. */
static void
test_model_notifies_changes (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDownload) shown = NULL;
  g_autoptr(SsvDownload) fresh = NULL;
  g_autoptr(SsvDownload) same = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gint64 id = grab_heat (f, NULL, &error);
  SsvDownloadProgress progress = { id, SSV_DOWNLOAD_DOWNLOADING, 0.5, 2000, 30, NULL, NULL };

  shown = ssv_download_store_get (f->store, id, &error);
  g_signal_connect (shown, "notify", G_CALLBACK (on_notify), names);
  same = ssv_download_store_get (f->store, id, &error);
  g_assert_false (ssv_download_update_from (shown, same));
  g_assert_cmpuint (names->len, ==, 0);

  ssv_download_store_update_progress (f->store, &progress, 1, &error);
  g_assert_no_error (error);
  fresh = ssv_download_store_get (f->store, id, &error);
  g_assert_true (ssv_download_update_from (shown, fresh));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "progress", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "status", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (names, "title", g_str_equal, NULL));
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/downloads/store/grab-reads-back", test_grab_reads_back);
  ADD ("/downloads/store/grab-all-or-nothing", test_grab_all_or_nothing);
  ADD ("/downloads/store/checks", test_checks);
  ADD ("/downloads/store/status-and-progress", test_status_and_progress);
  ADD ("/downloads/store/clients-and-indexers", test_clients_and_indexers);
  ADD ("/downloads/store/lists-use-indexes", test_lists_use_indexes);
  ADD ("/downloads/store/wishlist-states", test_wishlist_states);
  ADD ("/downloads/store/model-notifies-changes", test_model_notifies_changes);
#undef ADD

  return g_test_run ();
}
