/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hostile-input.c: numbers no episode has (IndexNumberEnd 2^31, 1e300, past 99,999) and
 * redirects to other hosts, through the real sources, store, image cache and providers. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ssv-error.h"
#include "ssv-fake-jellyfin.h"
#include "ssv-fake-plex.h"
#include "ssv-fake-server.h"
#include "ssv-image-cache.h"
#include "sources/ssv-jellyfin-source.h"
#include "stores/ssv-library-store.h"
#include "stores/ssv-library-writer.h"
#include "sources/ssv-plex-source.h"
#include "sources/ssv-scanner.h"
#include "stores/ssv-server-store.h"
#include "ssv-test-utils.h"
#include "providers/ssv-opensubtitles.h"
#include "providers/ssv-tmdb.h"

#define JELLYFIN_KEY "jf-hostile-key-0123456789abcdef"
#define PLEX_TOKEN   "plex-hostile-token"

/* ---- numbers -------------------------------------------------------------- */

static SsvMediaItem *
parse_jellyfin (const char *json)
{
  g_autoptr(GError) error = NULL;
  SsvMediaItem *item = ssv_jellyfin_parse_item (json, -1, "http://jf", &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

/* What Jellyfin says of an episode is kept only when an episode could say it. */
static void
test_jellyfin_numbers (void)
{
  g_autoptr(SsvMediaItem) endless = NULL;
  g_autoptr(SsvMediaItem) double_episode = NULL;
  g_autoptr(SsvMediaItem) wrapped = NULL;
  g_autoptr(SsvMediaItem) huge = NULL;

  endless = parse_jellyfin ("{\"Id\":\"e1\",\"Name\":\"Pilot\",\"Type\":\"Episode\",\"ParentIndexNumber\":1,"
                            "\"IndexNumber\":1,\"IndexNumberEnd\":2147483647}");
  g_assert_null (endless->problem);
  g_assert_cmpint (endless->episode_number, ==, 1);
  g_assert_cmpint (endless->episode_number_end, ==, 0);

  double_episode = parse_jellyfin ("{\"Id\":\"e2\",\"Name\":\"Two-parter\",\"Type\":\"Episode\","
                                   "\"ParentIndexNumber\":1,\"IndexNumber\":4,\"IndexNumberEnd\":5}");
  g_assert_cmpint (double_episode->episode_number_end, ==, 5);

  /* 2^32 + 1 is not episode 1. */
  wrapped = parse_jellyfin ("{\"Id\":\"e3\",\"Name\":\"Wrapped\",\"Type\":\"Episode\","
                            "\"ParentIndexNumber\":4294967297,\"IndexNumber\":4294967297}");
  g_assert_cmpint (wrapped->episode_number, ==, -1);
  g_assert_nonnull (wrapped->problem);

  /* 1e300 ticks, years and ratings: no number, not undefined behaviour. */
  huge = parse_jellyfin ("{\"Id\":\"m1\",\"Name\":\"Huge\",\"Type\":\"Movie\",\"RunTimeTicks\":1e300,"
                         "\"ProductionYear\":1e300,\"CommunityRating\":1e999,\"CriticRating\":-1e300,"
                         "\"UserData\":{\"PlayCount\":-1e300}}");
  g_assert_null (huge->problem);
  g_assert_cmpint (huge->runtime_minutes, ==, 0);
  g_assert_cmpint (huge->year, ==, 0);
  g_assert_true (isnan (huge->community_rating));
  g_assert_true (isnan (huge->critic_rating));
  g_assert_cmpint (huge->play_count, ==, 0);
}

static SsvMediaItem *
parse_plex (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  return ssv_plex_parse_item (json_node_get_object (json_parser_get_root (parser)), "http://plex");
}

static void
test_plex_numbers (void)
{
  g_autoptr(SsvMediaItem) wrapped = NULL;
  g_autoptr(SsvMediaItem) long_movie = NULL;

  /* Plex's XML sends numbers as text: 2^32 + 1 wrapped to episode 1 through an (int). */
  wrapped = parse_plex ("{\"ratingKey\":\"9\",\"title\":\"Wrapped\",\"type\":\"episode\","
                        "\"parentIndex\":\"1\",\"index\":\"4294967297\"}");
  g_assert_cmpint (wrapped->episode_number, ==, -1);
  g_assert_nonnull (wrapped->problem);

  long_movie = parse_plex ("{\"ratingKey\":\"10\",\"title\":\"Long\",\"type\":\"movie\","
                           "\"duration\":\"99999999999999999999\",\"year\":\"99999999999\","
                           "\"viewCount\":\"-5\",\"audienceRating\":1e299,\"rating\":\"57\"}");
  g_assert_null (long_movie->problem);
  g_assert_true (isnan (long_movie->community_rating));
  g_assert_true (isnan (long_movie->critic_rating));
  g_assert_cmpint (long_movie->runtime_minutes, ==, 0);
  g_assert_cmpint (long_movie->year, ==, 0);
  g_assert_cmpint (long_movie->play_count, ==, 0);
}

/* ---- the store --------------------------------------------------------------- */

typedef struct
{
  char            *dir;
  SsvDatabase     *db;
  SsvLibraryStore *store;
  gint64           server;
} Store;

static void
store_set_up (Store         *s,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  s->db = ssv_test_open_temp_database (&s->dir, NULL);
  s->store = ssv_library_store_new (s->db);
  g_assert_true (ssv_server_store_add (s->db, "folder", "Shows", "/srv/shows", NULL, &s->server, NULL, &error));
  g_assert_no_error (error);
}

static void
store_tear_down (Store         *s,
                 gconstpointer  data)
{
  g_clear_object (&s->store);
  ssv_test_close_temp_database (&s->db, &s->dir);
}

static SsvMediaItem *
episode_new (const char *id,
             int         season,
             int         number,
             int         number_end,
             const char *title)
{
  SsvMediaItem *episode = ssv_media_item_new (SSV_MEDIA_KIND_EPISODE);

  episode->server_id = g_strdup (id);
  episode->show_server_id = g_strdup ("show");
  episode->season_number = season;
  episode->episode_number = number;
  episode->episode_number_end = number_end;
  episode->title = g_strdup (title);
  return episode;
}

static void
save_tree (Store       *s,
           SsvShowTree *tree)
{
  g_autoptr(SsvMediaItem) show = ssv_media_item_new (SSV_MEDIA_KIND_SHOW);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  SsvWriteCounts counts = { 0 };

  show->server_id = g_strdup ("show");
  show->title = g_strdup ("A Show");
  g_assert_true (ssv_library_store_save_show_tree (s->store, s->server, show, "show", tree, TRUE,
                                                   &counts, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* A source that does not check (a folder's name, another server) says a file
 * holds episodes 1 to 2^31 - 1: one row, not a loop to a full disk. */
static void
test_store_episode_range (Store         *s,
                          gconstpointer  data)
{
  g_autoptr(SsvShowTree) tree = ssv_show_tree_new ();

  g_ptr_array_add (tree->episodes, episode_new ("a", 1, 1, G_MAXINT, "Endless"));
  g_ptr_array_add (tree->episodes, episode_new ("b", 1, 10, 12, "Three in one"));
  g_ptr_array_add (tree->episodes, episode_new ("c", 2, G_MAXINT - 1, G_MAXINT, "At the edge"));
  save_tree (s, tree);

  g_assert_cmpint (ssv_test_query_int (s->db, "SELECT count(*) FROM episodes WHERE season_number = 1"), ==, 4);
  g_assert_cmpint (ssv_test_query_int (s->db, "SELECT count(*) FROM episodes WHERE season_number = 2"), ==, 2);
  g_assert_cmpint (ssv_test_query_int (s->db, "SELECT episode_count FROM seasons WHERE season_number = 1"), ==, 4);
}

/* Season 0 episode 100000 and season 1 episode 0 are two episodes, scan after scan. */
static void
test_store_episode_key_collision (Store         *s,
                                  gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (guint scan = 0; scan < 2; scan++)
    {
      g_autoptr(SsvShowTree) tree = ssv_show_tree_new ();

      g_ptr_array_add (tree->episodes, episode_new ("special", 0, 100000, 0, "A special"));
      g_ptr_array_add (tree->episodes, episode_new ("pilot", 1, 0, 0, "An unaired pilot"));
      g_ptr_array_add (tree->episodes, episode_new ("daily", 2, 100005, 0, "A daily episode"));
      g_ptr_array_add (tree->episodes, episode_new ("fifth", 3, 5, 0, "The fifth"));
      save_tree (s, tree);

      g_clear_pointer (&after, g_free);
      after = ssv_test_dump_table (s->db, "episodes", "season_number, episode_number, title, server_id");
      if (scan == 0)
        before = g_strdup (after);
    }

  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (ssv_test_query_int (s->db, "SELECT count(*) FROM episodes"), ==, 4);
  g_assert_cmpint (ssv_test_query_int (s->db, "SELECT count(*) FROM episodes WHERE season_number = 0 "
                                              "AND episode_number = 100000 AND title = 'A special'"), ==, 1);
  g_assert_cmpint (ssv_test_query_int (s->db, "SELECT count(*) FROM episodes WHERE season_number = 1 "
                                              "AND episode_number = 0 AND title = 'An unaired pilot'"), ==, 1);
}

/* ---- a scan of a server that sends an endless episode ---------------------- */

static void
test_jellyfin_endless_episode_scan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvFakeServer) server = ssv_fake_server_new ();
  g_autoptr(SsvFakeJellyfin) jellyfin = ssv_fake_jellyfin_new (server, JELLYFIN_KEY);
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  g_autoptr(SsvLibraryStore) store = NULL;
  g_autoptr(SsvScanner) scanner = NULL;
  g_autoptr(SsvJellyfinSource) source = NULL;
  g_autoptr(SsvScanResult) result = ssv_scan_result_new (SSV_SCAN_FULL);
  g_autoptr(GPtrArray) libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);
  g_autofree char *dir = NULL;
  SsvDatabase *db = ssv_test_open_temp_database (&dir, NULL);
  JsonObject *episode;
  gint64 row;

  ssv_fake_jellyfin_add_library (jellyfin, "lib-shows", "TV", "tvshows");
  ssv_fake_jellyfin_add_series (jellyfin, "lib-shows", "series", "The Long Show", 2020);
  ssv_fake_jellyfin_add_episode (jellyfin, "series", "ep-1", 1, 1, "Pilot");
  episode = ssv_fake_jellyfin_add_episode (jellyfin, "series", "ep-2", 1, 2, "Forever");
  json_object_set_int_member (episode, "IndexNumberEnd", G_MAXINT);

  g_assert_true (ssv_server_store_add (db, "jellyfin", "Home", ssv_fake_server_get_url (server), NULL, &row, NULL, &error));
  g_ptr_array_add (libraries, ssv_media_library_new ("lib-shows", "TV", SSV_LIBRARY_KIND_SHOWS));
  g_assert_true (ssv_server_store_set_libraries (db, row, libraries, &error));
  g_assert_no_error (error);

  store = ssv_library_store_new (db);
  scanner = ssv_scanner_new (db, store, http, secrets);
  source = ssv_jellyfin_source_new (http, ssv_fake_server_get_url (server), JELLYFIN_KEY, NULL);
  g_assert_true (ssv_scanner_scan_source_sync (scanner, SSV_MEDIA_SOURCE (source), row, SSV_SCAN_FULL,
                                               result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->errors, ==, 0);

  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM episodes"), ==, 2);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT episode_count FROM seasons WHERE season_number = 1"), ==, 2);

  g_clear_object (&scanner);
  g_clear_object (&store);
  ssv_test_close_temp_database (&db, &dir);
}

static gboolean
count_page (GPtrArray  *items,
            guint       total,
            gpointer    user_data,
            GError    **error)
{
  (*(guint *) user_data)++;
  return TRUE;
}

/* A server that says its library holds 99,999,999,999 items, and answers every
 * page with one: the listing is refused, not paged until the end of time. */
static void
test_jellyfin_endless_paging (void)
{
  g_autoptr(SsvFakeServer) server = ssv_fake_server_new ();
  g_autoptr(SsvFakeJellyfin) jellyfin = ssv_fake_jellyfin_new (server, JELLYFIN_KEY);
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvJellyfinSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user = NULL;
  g_autofree char *route = NULL;
  guint pages = 0;

  ssv_fake_jellyfin_add_library (jellyfin, "lib-movies", "Films", "movies");
  source = ssv_jellyfin_source_new (http, ssv_fake_server_get_url (server), JELLYFIN_KEY, NULL);
  g_free (ssv_media_source_test_connection (SSV_MEDIA_SOURCE (source), NULL, &error));
  g_assert_no_error (error);
  user = ssv_jellyfin_source_dup_user_id (source);
  route = g_strdup_printf ("GET /Users/%s/Items", user);
  ssv_fake_server_add_body (server, route, 200, "application/json",
                            "{\"Items\":[{\"Id\":\"m\",\"Name\":\"Again\",\"Type\":\"Movie\"}],"
                            "\"TotalRecordCount\":99999999999}");

  g_assert_false (ssv_media_source_list_titles (SSV_MEDIA_SOURCE (source), "lib-movies", SSV_MEDIA_KIND_MOVIE, 0,
                                                count_page, &pages, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "Jellyfin says a library holds 99999999999 items"));
  g_assert_cmpuint (pages, ==, 0);
}

/* ---- tokens and redirects ------------------------------------------------------ */

typedef struct
{
  SsvFakeServer *home;    /* the configured server */
  SsvFakeServer *away;    /* where it redirects: another port */
  SsvHttp       *http;
} Redirect;

static void
redirect_set_up (Redirect      *r,
                 gconstpointer  data)
{
  SsvFakeFault away;

  r->home = ssv_fake_server_new ();
  r->away = ssv_fake_server_new ();
  r->http = ssv_http_new ();
  ssv_http_set_retry_policy (r->http, 0, 5);
  ssv_http_set_rate_limit (r->http, "images", 0, 1);

  away = (SsvFakeFault) { SSV_FAKE_FAULT_REDIRECT, 302, -1, 0, -1, NULL, ssv_fake_server_get_url (r->away) };
  ssv_fake_server_set_fault (r->home, "*", &away);
}

static void
redirect_tear_down (Redirect      *r,
                    gconstpointer  data)
{
  g_clear_object (&r->http);
  g_clear_pointer (&r->home, ssv_fake_server_free);
  g_clear_pointer (&r->away, ssv_fake_server_free);
}

/* The first request @server saw, with every header: none may carry @secret. */
static void
assert_secret_kept_home (Redirect   *r,
                         const char *header,
                         const char *secret)
{
  g_autoptr(GPtrArray) home = ssv_fake_server_dup_requests (r->home);
  g_autoptr(GPtrArray) away = ssv_fake_server_dup_requests (r->away);

  g_assert_cmpuint (home->len, >=, 1);
  g_assert_cmpuint (away->len, >=, 1);
  g_assert_nonnull (strstr (g_hash_table_lookup (((SsvFakeRequest *) g_ptr_array_index (home, 0))->headers,
                                                 header), secret));

  for (guint i = 0; i < away->len; i++)
    {
      SsvFakeRequest *seen = g_ptr_array_index (away, i);
      GHashTableIter iter;
      gpointer name, value;

      g_assert_null (g_hash_table_lookup (seen->headers, header));
      g_hash_table_iter_init (&iter, seen->headers);
      while (g_hash_table_iter_next (&iter, &name, &value))
        g_assert_null (strstr (value, secret));
      g_assert_true (seen->query == NULL || strstr (seen->query, secret) == NULL);
    }
}

static void
test_redirect_plex (Redirect      *r,
                    gconstpointer  data)
{
  g_autoptr(SsvPlexSource) plex = ssv_plex_source_new (r->http, ssv_fake_server_get_url (r->home), PLEX_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  ssv_fake_server_add_body (r->away, "GET /", 200, "application/json",
                            "{\"MediaContainer\":{\"friendlyName\":\"Elsewhere\"}}");
  name = ssv_media_source_test_connection (SSV_MEDIA_SOURCE (plex), NULL, &error);
  g_assert_no_error (error);
  assert_secret_kept_home (r, "x-plex-token", PLEX_TOKEN);
}

static void
test_redirect_jellyfin (Redirect      *r,
                        gconstpointer  data)
{
  g_autoptr(SsvJellyfinSource) jellyfin = ssv_jellyfin_source_new (r->http, ssv_fake_server_get_url (r->home),
                                                                   JELLYFIN_KEY, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  name = ssv_media_source_test_connection (SSV_MEDIA_SOURCE (jellyfin), NULL, &error);
  /* The other host knows nothing of it: an error, in the server's words. */
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  assert_secret_kept_home (r, "x-emby-token", JELLYFIN_KEY);
}

static void
test_redirect_image_cache (Redirect      *r,
                           gconstpointer  data)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0 };
  g_autoptr(GBytes) bytes = g_bytes_new_static (png, sizeof png);
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autoptr(SsvImageCache) cache = ssv_image_cache_new (r->http, dir);
  g_autofree char *uri = g_strconcat (ssv_fake_server_get_url (r->home), "/Items/abc/Images/Primary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  ssv_fake_server_add_bytes (r->away, "GET /Items/abc/Images/Primary", 200, "image/png", bytes);
  ssv_image_cache_add_server (cache, "jellyfin", ssv_fake_server_get_url (r->home), JELLYFIN_KEY);
  file = ssv_image_cache_fetch (cache, uri, 0, NULL, &error);
  g_assert_no_error (error);
  assert_secret_kept_home (r, "x-emby-token", JELLYFIN_KEY);
  ssv_test_remove_tree (dir);
}

static void
test_redirect_tmdb_bearer (Redirect      *r,
                           gconstpointer  data)
{
  /* A v4 read token (a JWT) goes in the Authorization header. */
  const char *token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJob3N0aWxlLXRlc3QiLCJzY29wZXMiOlsiYXBpX3JlYWQiXX0.c2lnbmF0dXJl";
  g_autoptr(GError) error = NULL;

  ssv_http_set_base_url (r->http, "tmdb", ssv_fake_server_get_url (r->home));
  ssv_fake_server_add_fixture (r->away, "GET /movie/550", "tmdb/movie-details.json", NULL);
  ssv_meta_free (ssv_tmdb_fetch_details (r->http, token, SSV_ITEM_MOVIE, 550, NULL, NULL, &error));
  assert_secret_kept_home (r, "authorization", token);
}

static void
test_redirect_opensubtitles (Redirect      *r,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  ssv_http_set_base_url (r->http, "opensubtitles", ssv_fake_server_get_url (r->home));
  ssv_meta_free (ssv_opensubtitles_fetch (r->http, "os-secret-key", SSV_ITEM_MOVIE, "tt0137523", 550, NULL, &error));
  assert_secret_kept_home (r, "api-key", "os-secret-key");
}

/* A key in the query (TMDB v3, OMDb, fanart.tv) rides in the address the
 * server redirects to: that redirect is not followed at all. */
static void
test_redirect_tmdb_query_key (Redirect      *r,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvMeta) meta = NULL;

  ssv_http_set_base_url (r->http, "tmdb", ssv_fake_server_get_url (r->home));
  meta = ssv_tmdb_fetch_details (r->http, "0123456789abcdef0123456789abcdef", SSV_ITEM_MOVIE, 550, NULL, NULL, &error);
  g_assert_null (meta);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_REFUSED);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (r->away), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/hostile/numbers/jellyfin", test_jellyfin_numbers);
  g_test_add_func ("/hostile/numbers/plex", test_plex_numbers);
  g_test_add_func ("/hostile/numbers/jellyfin-endless-episode-scan", test_jellyfin_endless_episode_scan);
  g_test_add_func ("/hostile/numbers/jellyfin-endless-paging", test_jellyfin_endless_paging);
  g_test_add ("/hostile/numbers/store-episode-range", Store, NULL, store_set_up, test_store_episode_range,
              store_tear_down);
  g_test_add ("/hostile/numbers/store-episode-key-collision", Store, NULL, store_set_up,
              test_store_episode_key_collision, store_tear_down);

#define REDIRECT(path, func) g_test_add ("/hostile/redirect/" path, Redirect, NULL, redirect_set_up, func, \
                                         redirect_tear_down)
  REDIRECT ("plex-token", test_redirect_plex);
  REDIRECT ("jellyfin-token", test_redirect_jellyfin);
  REDIRECT ("image-cache-token", test_redirect_image_cache);
  REDIRECT ("tmdb-bearer", test_redirect_tmdb_bearer);
  REDIRECT ("opensubtitles-key", test_redirect_opensubtitles);
  REDIRECT ("tmdb-query-key", test_redirect_tmdb_query_key);
#undef REDIRECT

  return g_test_run ();
}
