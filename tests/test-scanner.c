/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-scanner.c: scans of fake Plex and Jellyfin servers: ids, paging, incremental scans,
 * faults that must not lose or prune anything, prune safety, idempotence, tokens. */

#include "config.h"

#include <string.h>

#include "stores/ssv-activity-store.h"
#include "model/ssv-episode.h"
#include "model/ssv-movie.h"
#include "model/ssv-show.h"
#include "ssv-error.h"
#include "ssv-fake-jellyfin.h"
#include "ssv-fake-plex.h"
#include "sources/ssv-folder-source.h"
#include "sources/ssv-jellyfin-source.h"
#include "sources/ssv-plex-source.h"
#include "sources/ssv-scanner.h"
#include "stores/ssv-server-store.h"
#include "ssv-server-token.h"
#include "sources/ssv-source-factory.h"
#include "ssv-test-utils.h"

#define JELLYFIN_KEY "jf-4f1d6c2b9a8e47d1b3c5a7e9f0d2b4c6"
#define PLEX_TOKEN   "plex-Zx8qT3vL9mN2pR5sW7yB"
#define ADMIN_ID     "a1b2c3d4e5f60718293a4b5c6d7e8f90"

typedef struct
{
  char             *dir;
  char             *db_path;
  SsvDatabase      *db;
  SsvLibraryStore  *store;
  SsvHttp          *http;
  SsvSecrets       *secrets;
  SsvScanner       *scanner;
  SsvFakeServer    *server;
  SsvFakeJellyfin  *jellyfin;
  SsvFakePlex      *plex;
  SsvMediaSource   *source;
  gint64            row;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = ssv_test_make_temp_dir ();
  f->db_path = g_build_filename (f->dir, "library.db", NULL);
  f->db = ssv_database_open (f->db_path, &error);
  g_assert_no_error (error);
  f->store = ssv_library_store_new (f->db);
  f->http = ssv_http_new ();
  /* Faults are meant: retry once, quickly. */
  ssv_http_set_retry_policy (f->http, 1, 5);
  ssv_http_set_timeout (f->http, 5);
  f->secrets = ssv_secrets_new ();
  f->scanner = ssv_scanner_new (f->db, f->store, f->http, f->secrets);
  f->server = ssv_fake_server_new ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->source);
  g_clear_pointer (&f->server, ssv_fake_server_free);
  g_clear_pointer (&f->jellyfin, ssv_fake_jellyfin_free);
  g_clear_pointer (&f->plex, ssv_fake_plex_free);
  g_clear_object (&f->scanner);
  g_clear_object (&f->secrets);
  g_clear_object (&f->http);
  g_clear_object (&f->store);
  g_clear_object (&f->db);
  ssv_test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static void
map_libraries (Fixture            *f,
               const char * const *keys_and_kinds)
{
  g_autoptr(GPtrArray) libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; keys_and_kinds[i] != NULL; i += 2)
    g_ptr_array_add (libraries, ssv_media_library_new (keys_and_kinds[i], keys_and_kinds[i],
                                                       ssv_library_kind_from_string (keys_and_kinds[i + 1])));

  g_assert_true (ssv_server_store_set_libraries (f->db, f->row, libraries, &error));
  g_assert_no_error (error);
}

/* Adds the fake server to the library as a @kind server, its libraries mapped by @mapping. */
static void
add_server (Fixture            *f,
            const char         *kind,
            const char         *name,
            const char * const *mapping)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_server_store_add (f->db, kind, name, ssv_fake_server_get_url (f->server),
                                       NULL, &f->row, NULL, &error));
  g_assert_no_error (error);
  map_libraries (f, mapping);
}

static void
setup_jellyfin (Fixture    *f,
                const char *key)
{
  const char *mapping[] = { "lib-movies", "movies", "lib-shows", "shows", "lib-music", "none", NULL };

  f->jellyfin = ssv_fake_jellyfin_new (f->server, JELLYFIN_KEY);
  ssv_fake_jellyfin_add_library (f->jellyfin, "lib-movies", "Films", "movies");
  ssv_fake_jellyfin_add_library (f->jellyfin, "lib-shows", "TV", "tvshows");
  ssv_fake_jellyfin_add_library (f->jellyfin, "lib-music", "Music", "music");

  add_server (f, "jellyfin", "Home", mapping);
  f->source = SSV_MEDIA_SOURCE (ssv_jellyfin_source_new (f->http, ssv_fake_server_get_url (f->server),
                                                         key, NULL));
}

static void
setup_plex (Fixture    *f,
            const char *token)
{
  const char *mapping[] = { "1", "movies", "2", "shows", "3", "none", NULL };

  f->plex = ssv_fake_plex_new (f->server, PLEX_TOKEN);
  ssv_fake_plex_add_section (f->plex, "1", "Movies", "movie");
  ssv_fake_plex_add_section (f->plex, "2", "TV shows", "show");
  ssv_fake_plex_add_section (f->plex, "3", "Photos", "photo");

  add_server (f, "plex", "Living Room", mapping);
  f->source = SSV_MEDIA_SOURCE (ssv_plex_source_new (f->http, ssv_fake_server_get_url (f->server), token));
}

static SsvScanResult *
scan (Fixture     *f,
      SsvScanMode  mode)
{
  g_autoptr(GError) error = NULL;
  SsvScanResult *result = ssv_scan_result_new (mode);

  g_assert_true (ssv_scanner_scan_source_sync (f->scanner, f->source, f->row, mode, result, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < result->messages->len; i++)
    g_test_message ("scan message: %s", (char *) g_ptr_array_index (result->messages, i));

  return result;
}

static gboolean
messages_contain (SsvScanResult *result,
                  const char    *needle)
{
  for (guint i = 0; i < result->messages->len; i++)
    if (strstr (g_ptr_array_index (result->messages, i), needle) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
contains_bytes (const char *haystack,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return ssv_test_query_int (f->db, sql);
}

static void
add_shows (Fixture *f,
           guint    n_shows,
           guint    n_episodes)
{
  for (guint s = 0; s < n_shows; s++)
    {
      g_autofree char *id = g_strdup_printf ("series-%u", s);
      g_autofree char *name = g_strdup_printf ("Show Number %u", s);

      ssv_fake_jellyfin_add_series (f->jellyfin, "lib-shows", id, name, 2000 + (int) s);
      for (guint e = 0; e < n_episodes; e++)
        {
          g_autofree char *episode_id = g_strdup_printf ("series-%u-ep-%u", s, e);
          g_autofree char *title = g_strdup_printf ("Episode %u", e + 1);

          ssv_fake_jellyfin_add_episode (f->jellyfin, id, episode_id, 1 + (int) (e / 10),
                                         1 + (int) (e % 10), title);
        }
    }
}

static void
add_movie_range (Fixture *f,
                 guint    from,
                 guint    to)
{
  for (guint i = from; i < to; i++)
    {
      g_autofree char *id = g_strdup_printf ("movie-%03u", i);
      g_autofree char *name = g_strdup_printf ("Generated Movie %03u", i);

      ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-movies", id, name, 1980 + (int) (i % 40));
    }
}

static void
add_movies (Fixture *f,
            guint    n)
{
  add_movie_range (f, 0, n);
}

/* ---- the library as the UI reads it ------------------------------------------ */

/* Returns: (transfer full): the movie card titled @title, as the Library page lists it */
static SsvMovie *
movie_card (Fixture    *f,
            const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) movies = ssv_library_store_list_movies (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < movies->len; i++)
    if (g_strcmp0 (ssv_movie_get_title (g_ptr_array_index (movies, i)), title) == 0)
      return g_object_ref (g_ptr_array_index (movies, i));

  g_error ("No movie “%s” in the library", title);
}

static SsvShow *
show_card (Fixture    *f,
           const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shows = ssv_library_store_list_shows (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < shows->len; i++)
    if (g_strcmp0 (ssv_show_get_title (g_ptr_array_index (shows, i)), title) == 0)
      return g_object_ref (g_ptr_array_index (shows, i));

  g_error ("No show “%s” in the library", title);
}

static gboolean
movie_watched (Fixture    *f,
               const char *title)
{
  g_autoptr(SsvMovie) movie = movie_card (f, title);

  return ssv_movie_get_watched (movie);
}

/* How many episodes of the show are watched: "2 of 4 episodes watched". */
static int
show_watched_count (Fixture    *f,
                    const char *title)
{
  g_autoptr(SsvShow) show = show_card (f, title);

  return ssv_show_get_watched_count (show);
}

/* Whether an episode is watched, as the show's page lists it. */
static gboolean
episode_watched (Fixture    *f,
                 const char *show_title,
                 int         season,
                 int         number)
{
  g_autoptr(SsvShow) show = show_card (f, show_title);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvTitle) title = ssv_library_store_load_title (f->store, SSV_MEDIA_KIND_SHOW,
                                                            ssv_show_get_id (show), &error);
  GListModel *episodes;

  g_assert_no_error (error);
  episodes = ssv_title_get_episodes (title);
  for (guint i = 0; i < g_list_model_get_n_items (episodes); i++)
    {
      g_autoptr(SsvEpisode) episode = g_list_model_get_item (episodes, i);

      if (ssv_episode_get_season_number (episode) == season && ssv_episode_get_episode_number (episode) == number)
        return ssv_episode_get_watched (episode);
    }

  g_error ("No episode S%02dE%02d of “%s” in the library", season, number, show_title);
}

/* Requests to @path whose query contains every one of @needles (NULL-terminated). */
static guint
count_requests (Fixture    *f,
                const char *path,
                ...)
{
  g_autoptr(GPtrArray) requests = ssv_fake_server_dup_requests (f->server);
  guint n = 0;

  for (guint i = 0; i < requests->len; i++)
    {
      SsvFakeRequest *request = g_ptr_array_index (requests, i);
      gboolean all = g_str_equal (request->path, path);
      const char *needle;
      va_list args;

      va_start (args, path);
      while (all && (needle = va_arg (args, const char *)) != NULL)
        all = request->query != NULL && strstr (request->query, needle) != NULL;
      va_end (args);

      n += all ? 1 : 0;
    }

  return n;
}

/* ---- Jellyfin ------------------------------------------------------------- */

static void
test_jellyfin_fixtures (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SsvScanResult) result = NULL;
  g_autofree char *imdb = NULL;
  g_autofree char *poster = NULL;
  g_autofree char *range = NULL;
  g_autofree char *container = NULL;
  g_autofree char *genres = NULL;
  g_autofree char *user = NULL;

  setup_jellyfin (f, JELLYFIN_KEY);
  /* Recorded answers of a real server: three movies, three shows. */
  g_assert_cmpuint (ssv_fake_jellyfin_add_fixture_items (f->jellyfin, "lib-movies",
                                                         "jellyfin/mediux_list-movies.json"), ==, 3);
  g_assert_cmpuint (ssv_fake_jellyfin_add_fixture_items (f->jellyfin, "lib-shows",
                                                         "jellyfin/mediux_list-shows.json"), ==, 3);
  ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-movies", "local-1", "The Matrix", 1999);
  ssv_fake_jellyfin_add_episode (f->jellyfin, "7e211800601353873a968de4ef3f75b1", "bfq-1", 1, 1, "Episode 1");
  ssv_fake_jellyfin_add_episode (f->jellyfin, "7e211800601353873a968de4ef3f75b1", "bfq-2", 1, 2, "Episode 2");

  result = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (result->errors, ==, 0);
  g_assert_cmpuint (result->skipped, ==, 0);

  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM shows"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 2);
  g_assert_cmpuint (result->added, ==, 4 + 3 + 2);

  /* Ids from ProviderIds, whatever their case. */
  g_assert_cmpint (count (f, "SELECT tmdb_id FROM movies WHERE title = 'Despicable Me'"), ==, 20352);
  imdb = ssv_test_query_text (f->db, "SELECT imdb_id FROM movies WHERE title = 'Despicable Me'");
  g_assert_cmpstr (imdb, ==, "tt1323594");
  g_assert_cmpint (count (f, "SELECT tvdb_id FROM shows WHERE title = 'Big Fat Quiz'"), ==, 81068);
  g_assert_cmpint (count (f, "SELECT year FROM movies WHERE title = 'Porco Rosso'"), ==, 1992);
  /* Critic ratings are kept out of ten. */
  g_assert_cmpint (count (f, "SELECT round (critic_rating * 10) FROM movies WHERE title = 'Porco Rosso'"), ==, 96);

  poster = ssv_test_query_text (f->db, "SELECT poster_url FROM movies WHERE title = 'Despicable Me'");
  g_assert_true (g_str_has_suffix (poster, "/Items/f6890000cdb1434c4ab3208fdf02da30/Images/Primary"
                                   "?tag=61926754abfed70dc5e75964fb5a1db9"));

  /* Media sources become files, with the stream facts. */
  range = ssv_test_query_text (f->db, "SELECT video_range FROM media_files f JOIN movies m ON m.id = f.movie_id "
                                      "WHERE m.title = 'The Matrix'");
  g_assert_cmpstr (range, ==, "DV");
  container = ssv_test_query_text (f->db, "SELECT container FROM media_files f JOIN movies m ON m.id = f.movie_id "
                                          "WHERE m.title = 'The Matrix'");
  g_assert_cmpstr (container, ==, "mkv");
  g_assert_cmpint (count (f, "SELECT video_height FROM media_files f JOIN movies m ON m.id = f.movie_id "
                             "WHERE m.title = 'The Matrix'"), ==, 2160);
  genres = ssv_test_query_text (f->db, "SELECT group_concat (g.name) FROM movie_genres mg "
                                       "JOIN genres g ON g.id = mg.genre_id JOIN movies m ON m.id = mg.movie_id "
                                       "WHERE m.title = 'The Matrix'");
  g_assert_cmpstr (genres, ==, "Drama");

  /* Seasons come with the episodes; the played one is watched. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM seasons"), ==, 1);
  g_assert_cmpint (count (f, "SELECT watched FROM episodes WHERE episode_number = 1"), ==, 1);
  g_assert_cmpint (count (f, "SELECT watched FROM episodes WHERE episode_number = 2"), ==, 0);

  /* The first administrator is the user, and it is remembered. */
  user = ssv_test_query_text (f->db, "SELECT user_name FROM servers");
  g_assert_cmpstr (user, ==, "admin");

  /* The music library is not mapped: never asked for. */
  {
    g_autoptr(GPtrArray) requests = ssv_fake_server_dup_requests (f->server);

    for (guint i = 0; i < requests->len; i++)
      {
        SsvFakeRequest *request = g_ptr_array_index (requests, i);
        g_assert_null (strstr (request->query ? request->query : "", "lib-music"));
      }
  }
}

static void
test_jellyfin_paging (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SsvScanResult) result = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  const char *starts[] = { "0", "5", "10", "15", "20", "none" };
  guint item_pages = 0;

  setup_jellyfin (f, JELLYFIN_KEY);
  add_movies (f, 23);
  add_shows (f, 3, 12);
  ssv_jellyfin_source_set_page_size (SSV_JELLYFIN_SOURCE (f->source), 5);

  result = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (result->errors, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 23);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 36);
  g_assert_cmpint (count (f, "SELECT count(DISTINCT season_number) FROM episodes"), ==, 2);

  /* 23 movies in pages of 5 is five requests, each further on. */
  requests = ssv_fake_server_dup_requests (f->server);
  for (guint i = 0; i < requests->len; i++)
    {
      SsvFakeRequest *request = g_ptr_array_index (requests, i);
      g_autoptr(GHashTable) params = NULL;

      if (!g_str_has_suffix (request->path, "/Items") || request->query == NULL)
        continue;
      params = g_uri_parse_params (request->query, -1, "&", G_URI_PARAMS_NONE, NULL);
      if (g_strcmp0 (g_hash_table_lookup (params, "IncludeItemTypes"), "Movie") != 0)
        continue;
      g_assert_cmpstr (g_hash_table_lookup (params, "StartIndex"), ==, starts[item_pages]);
      g_assert_cmpstr (g_hash_table_lookup (params, "Limit"), ==, "5");
      item_pages++;
    }
  g_assert_cmpuint (item_pages, ==, 5);
  (void) starts[5];
  /* Episodes are paged as well (12 per show, pages of 5). */
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/Shows/series-0/Episodes"), ==, 3);
}

static void
test_jellyfin_incremental (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) second = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  JsonObject *changed;
  gboolean asked_since = FALSE;

  setup_jellyfin (f, JELLYFIN_KEY);
  add_movies (f, 10);
  add_shows (f, 4, 5);

  first = scan (f, SSV_SCAN_INCREMENTAL);
  /* Never scanned before: incremental reads everything. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 10);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 20);
  g_assert_cmpint (count (f, "SELECT count(*) FROM servers WHERE last_scan_at > 0"), ==, 1);

  /* Now, on the server: one new movie, one renamed, one new episode of a show
   * that itself did not change. */
  ssv_fake_jellyfin_set_clock (f->jellyfin, g_get_real_time () / G_USEC_PER_SEC);
  ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-movies", "movie-new", "A Brand New Movie", 2024);
  changed = ssv_fake_jellyfin_lookup (f->jellyfin, "movie-003");
  json_object_set_string_member (changed, "Name", "Generated Movie 003 (Director's Cut)");
  ssv_fake_jellyfin_touch (f->jellyfin, "movie-003");
  ssv_fake_jellyfin_add_episode (f->jellyfin, "series-2", "series-2-ep-new", 1, 6, "Episode 6");
  ssv_fake_server_reset_log (f->server);

  second = scan (f, SSV_SCAN_INCREMENTAL);
  g_assert_cmpuint (second->errors, ==, 0);
  g_assert_cmpuint (second->added, ==, 2);
  g_assert_cmpuint (second->updated, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 11);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies WHERE title LIKE '%Director''s Cut%'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 21);

  /* Only the changed show's episodes were asked for. */
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/Shows/series-2/Episodes"), ==, 1);
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/Shows/series-0/Episodes"), ==, 0);
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/Shows/series-1/Episodes"), ==, 0);

  requests = ssv_fake_server_dup_requests (f->server);
  for (guint i = 0; i < requests->len; i++)
    {
      SsvFakeRequest *request = g_ptr_array_index (requests, i);

      if (request->query != NULL && strstr (request->query, "MinDateLastSaved=") != NULL)
        asked_since = TRUE;
    }
  g_assert_true (asked_since);
}

/* Marking an episode or a movie played changes only the user's data on the
 * server, not the item's DateLastSaved: an incremental scan must still see it. */
static void
test_jellyfin_incremental_watched (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) second = NULL;
  g_autoptr(SsvScanResult) third = NULL;
  const char *items_path = "/Users/" ADMIN_ID "/Items";

  setup_jellyfin (f, JELLYFIN_KEY);
  /* Small pages: the played listing must stop after its first. */
  ssv_jellyfin_source_set_page_size (SSV_JELLYFIN_SOURCE (f->source), 2);
  add_movies (f, 6);
  add_shows (f, 3, 4);   /* each show's first episode is played already */

  first = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (first->errors, ==, 0);
  g_assert_false (movie_watched (f, "Generated Movie 002"));
  g_assert_cmpint (show_watched_count (f, "Show Number 1"), ==, 1);
  g_assert_false (episode_watched (f, "Show Number 1", 1, 3));
  g_assert_true (episode_watched (f, "Show Number 2", 1, 1));

  /* On the server, now: a movie and an episode marked played, an episode
   * marked unplayed. */
  ssv_fake_jellyfin_set_clock (f->jellyfin, g_get_real_time () / G_USEC_PER_SEC);
  ssv_fake_jellyfin_mark_played (f->jellyfin, "movie-002", TRUE);
  ssv_fake_jellyfin_mark_played (f->jellyfin, "series-1-ep-2", TRUE);
  ssv_fake_jellyfin_mark_played (f->jellyfin, "series-2-ep-0", FALSE);
  ssv_fake_server_reset_log (f->server);

  second = scan (f, SSV_SCAN_INCREMENTAL);
  g_assert_cmpuint (second->errors, ==, 0);
  g_assert_cmpuint (second->added, ==, 0);

  /* The card has its check, the show counts one more watched episode, its
   * page lists the episode watched; the Library's watched filter reads the same. */
  g_assert_true (movie_watched (f, "Generated Movie 002"));
  g_assert_false (movie_watched (f, "Generated Movie 001"));
  g_assert_cmpint (show_watched_count (f, "Show Number 1"), ==, 2);
  g_assert_true (episode_watched (f, "Show Number 1", 1, 3));
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies WHERE watched = 1"), ==, 1);

  /* Only what changed was asked for: the movies saved since (none), then the
   * movies by last played, newest first, one short page (it stopped at the
   * first movie played before the last scan); one show's episodes. */
  g_assert_cmpuint (count_requests (f, items_path, "ParentId=lib-movies", NULL), ==, 2);
  g_assert_cmpuint (count_requests (f, items_path, "ParentId=lib-movies", "MinDateLastSaved=",
                                    "MinDateLastSavedForUser=", NULL), ==, 1);
  g_assert_cmpuint (count_requests (f, items_path, "ParentId=lib-movies", "SortBy=DatePlayed",
                                    "SortOrder=Descending", "StartIndex=0", NULL), ==, 1);
  g_assert_cmpuint (count_requests (f, items_path, "ParentId=lib-shows", "IncludeItemTypes=Episode",
                                    "SortBy=DatePlayed", NULL), ==, 1);
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/Shows/series-1/Episodes"), >=, 1);
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/Shows/series-0/Episodes"), ==, 0);
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/Shows/series-2/Episodes"), ==, 0);

  /* Unplayed clears the last played date instead of moving it: nothing an
   * incremental scan can ask for. The episode stays watched until a full scan. */
  g_assert_true (episode_watched (f, "Show Number 2", 1, 1));
  third = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (third->errors, ==, 0);
  g_assert_false (episode_watched (f, "Show Number 2", 1, 1));
}

static void
test_episode_500_keeps_episodes (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) second = NULL;
  g_autoptr(GPtrArray) activity = NULL;
  SsvFakeFault fault = { SSV_FAKE_FAULT_STATUS, 500, -1, 0, -1 };
  gboolean logged = FALSE;

  setup_jellyfin (f, JELLYFIN_KEY);
  add_shows (f, 3, 8);
  first = scan (f, SSV_SCAN_FULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 24);

  /* The server fails one show's episodes, and has dropped an episode of it
   * (and of another show) meanwhile. A deep scan must not treat the failed
   * show as empty. */
  ssv_fake_server_set_fault (f->server, "GET /Shows/series-1/Episodes", &fault);
  ssv_fake_jellyfin_remove_item (f->jellyfin, "series-1-ep-0");
  ssv_fake_jellyfin_remove_item (f->jellyfin, "series-2-ep-7");

  second = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (second->errors, ==, 1);
  g_assert_true (messages_contain (second, "Show Number 1"));
  g_assert_true (messages_contain (second, "HTTP 500"));

  /* All eight of the failed show are kept with their files; the other show lost
   * its one file (the episode has an air date, so its row stays, without it). */
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes e JOIN shows s ON s.id = e.show_id "
                             "WHERE s.title = 'Show Number 1'"), ==, 8);
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files m JOIN episodes e ON e.id = m.episode_id "
                             "JOIN shows s ON s.id = e.show_id WHERE s.title = 'Show Number 1'"), ==, 8);
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files m JOIN episodes e ON e.id = m.episode_id "
                             "JOIN shows s ON s.id = e.show_id WHERE s.title = 'Show Number 2'"), ==, 7);
  g_assert_cmpint (count (f, "SELECT count(*) FROM shows"), ==, 3);

  activity = ssv_activity_store_list_recent (f->db, "scan", 50, NULL);
  for (guint i = 0; i < activity->len; i++)
    {
      SsvActivityEntry *entry = g_ptr_array_index (activity, i);

      if (entry->level == SSV_ACTIVITY_ERROR && strstr (entry->message, "Show Number 1") != NULL)
        logged = TRUE;
    }
  g_assert_true (logged);
}

static void
test_server_dies_mid_scan (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 marked;
  SsvFakeFault fault = { SSV_FAKE_FAULT_RESET, 0, -1, 0, -1 };

  setup_jellyfin (f, JELLYFIN_KEY);
  add_movies (f, 40);
  add_shows (f, 6, 4);
  ssv_jellyfin_source_set_page_size (SSV_JELLYFIN_SOURCE (f->source), 10);
  first = scan (f, SSV_SCAN_FULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 40);
  before = ssv_test_dump_table (f->db, "movies", "id, server_id, title");
  marked = count (f, "SELECT last_scan_at FROM servers");

  /* Ten movies are gone from the server (a complete deep scan would remove
   * them), but it stops answering after the first page. */
  for (guint i = 30; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("movie-%03u", i);
      ssv_fake_jellyfin_remove_item (f->jellyfin, id);
    }
  ssv_fake_server_set_fault (f->server, "GET /Users/" ADMIN_ID "/Items?StartIndex=10", &fault);

  second = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (second->errors, ==, 1);
  g_assert_cmpuint (second->removed, ==, 0);
  g_assert_true (messages_contain (second, "The connection to Jellyfin was cut off"));

  /* Nothing was pruned or lost; the mark incremental scans count from stayed. */
  after = ssv_test_dump_table (f->db, "movies", "id, server_id, title");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM shows"), ==, 6);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 24);
  g_assert_cmpint (count (f, "SELECT last_scan_at FROM servers"), ==, marked);
}

static void
test_server_dies_during_shows (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) second = NULL;
  SsvFakeFault fault = { SSV_FAKE_FAULT_RESET, 0, -1, 0, -1 };

  setup_jellyfin (f, JELLYFIN_KEY);
  add_movies (f, 3);
  add_shows (f, 12, 3);
  first = scan (f, SSV_SCAN_FULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM shows"), ==, 12);

  /* Three shows are gone from the server (a quarter: a prune would take them),
   * but it dies while episodes are read. */
  ssv_fake_jellyfin_remove_item (f->jellyfin, "series-9");
  ssv_fake_jellyfin_remove_item (f->jellyfin, "series-10");
  ssv_fake_jellyfin_remove_item (f->jellyfin, "series-11");
  ssv_fake_server_set_fault (f->server, "GET /Shows/*", &fault);

  second = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (second->errors, ==, 1);
  g_assert_cmpuint (second->removed, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM shows"), ==, 12);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 36);
}

static void
test_malformed_json (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SsvScanResult) result = NULL;
  SsvFakeFault fault = { SSV_FAKE_FAULT_MALFORMED, 0, -1, 0, -1 };

  setup_jellyfin (f, JELLYFIN_KEY);
  add_movies (f, 5);
  add_shows (f, 2, 2);
  ssv_fake_server_set_fault (f->server, "GET /Users/" ADMIN_ID "/Items", &fault);

  result = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (result->errors, >=, 1);
  g_assert_true (messages_contain (result, "Jellyfin sent an answer that could not be read"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM shows"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM servers WHERE last_scan_at IS NOT NULL"), ==, 0);
}

static void
test_key_rejected (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SsvScanResult) result = NULL;

  setup_jellyfin (f, "not-the-key");
  add_movies (f, 5);
  add_shows (f, 2, 2);

  result = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (result->errors, ==, 1);
  g_assert_true (messages_contain (result, "Jellyfin rejected the key or token. Check it in Preferences."));
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 0);
  /* A rejected key is not retried: one request, then the source is given up. */
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->server), ==, 1);
}

static void
test_prune_safety (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) refused = NULL;
  g_autoptr(SsvScanResult) full = NULL;
  g_autoptr(SsvScanResult) allowed = NULL;

  setup_jellyfin (f, JELLYFIN_KEY);
  add_movies (f, 150);
  first = scan (f, SSV_SCAN_FULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 150);

  /* 100 of 150 gone: more than half of a library over 100 is refused. */
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = g_strdup_printf ("movie-%03u", i);
      ssv_fake_jellyfin_remove_item (f->jellyfin, id);
    }
  refused = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (refused->removed, ==, 0);
  g_assert_true (messages_contain (refused, "Not removing 100 of 150 titles"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 150);

  /* 10 gone: a full scan never removes, a deep scan does. */
  add_movie_range (f, 10, 100);
  full = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (full->removed, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 150);

  allowed = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (allowed->removed, ==, 10);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 140);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies WHERE server_id = 'movie-005'"), ==, 0);
  /* Their files went with them. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files"), ==, 140);
}

/* A library the person sets to "none" loses its titles at the next scan, in any
 * mode; the other library keeps its titles, and the person's own lists keep
 * their rows (they name titles by provider ids, not by library rows). */
static void
test_unmapped_library_pruned (Fixture       *f,
                              gconstpointer  data)
{
  const char *mapping[] = { "lib-films", "movies", "lib-kids", "movies", NULL };
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) after = NULL;
  g_autoptr(SsvScanResult) again = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *ids = NULL;

  f->jellyfin = ssv_fake_jellyfin_new (f->server, JELLYFIN_KEY);
  ssv_fake_jellyfin_add_library (f->jellyfin, "lib-films", "Films", "movies");
  ssv_fake_jellyfin_add_library (f->jellyfin, "lib-kids", "Kids", "movies");
  add_server (f, "jellyfin", "Home", mapping);
  f->source = SSV_MEDIA_SOURCE (ssv_jellyfin_source_new (f->http, ssv_fake_server_get_url (f->server),
                                                         JELLYFIN_KEY, NULL));

  ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-films", "film-1", "Heat", 1995);
  ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-films", "film-2", "Ronin", 1998);
  ids = json_object_new ();
  json_object_set_string_member (ids, "Tmdb", "862");
  json_object_set_object_member (ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-kids", "kid-1", "Toy Story", 1995),
                                 "ProviderIds", ids);
  ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-kids", "kid-2", "Up", 2009);
  ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-kids", "kid-3", "Coco", 2017);

  first = scan (f, SSV_SCAN_INCREMENTAL);
  g_assert_cmpuint (first->added, ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies WHERE library_key = 'lib-kids'"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies WHERE tmdb_id = 862"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files"), ==, 5);

  /* The person wants Toy Story and follows a show by its ids: their rows. */
  g_assert_true (ssv_database_exec (f->db,
                                    "INSERT INTO wishlist (kind, source, source_id, title) "
                                    "VALUES ('movie', 'tmdb', '862', 'Toy Story');"
                                    "INSERT INTO watchlist (kind, source, source_id, title) "
                                    "VALUES ('person', 'tmdb', '7879', 'John Lasseter');",
                                    &error));
  g_assert_no_error (error);

  /* What Preferences does when the Kids library is set to "None". */
  g_assert_true (ssv_server_store_set_library_kind (f->db, f->row, "lib-kids", SSV_LIBRARY_KIND_NONE, &error));
  g_assert_no_error (error);

  /* An incremental scan with nothing new on the server still removes them. */
  after = scan (f, SSV_SCAN_INCREMENTAL);
  g_assert_cmpuint (after->removed, ==, 3);
  g_assert_cmpuint (after->errors, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies WHERE library_key = 'lib-kids'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies WHERE library_key = 'lib-films'"), ==, 2);
  {
    /* The Library page lists the Films only. */
    g_autoptr(GPtrArray) movies = ssv_library_store_list_movies (f->store, &error);
    g_autoptr(SsvMovie) heat = movie_card (f, "Heat");

    g_assert_no_error (error);
    g_assert_nonnull (heat);
    g_assert_cmpuint (movies->len, ==, 2);
    for (guint i = 0; i < movies->len; i++)
      g_assert_cmpstr (ssv_movie_get_title (g_ptr_array_index (movies, i)), !=, "Toy Story");
  }
  /* Their files went through the cascade; the person's lists did not. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM wishlist WHERE source = 'tmdb' AND source_id = '862'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM watchlist WHERE source_id = '7879'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM activity WHERE message LIKE 'Removed 3 titles%'"), ==, 1);

  /* Nothing more to remove; and the other library is untouched. */
  again = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (again->removed, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 2);

  /* Removing the server takes the rest through the cascades, lists stay. */
  g_assert_true (ssv_server_store_remove (f->db, f->row, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM server_libraries"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM wishlist"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM watchlist"), ==, 1);
}

/* A show library remapped to movies, then its mapping row gone (the server
 * dialog saved without it): its shows, seasons and episodes go. */
static void
test_remapped_show_library_pruned (Fixture       *f,
                                   gconstpointer  data)
{
  const char *without_shows[] = { "lib-movies", "movies", "lib-music", "none", NULL };
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) after = NULL;

  setup_jellyfin (f, JELLYFIN_KEY);
  add_movies (f, 4);
  add_shows (f, 2, 3);
  first = scan (f, SSV_SCAN_FULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM shows"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 6);

  map_libraries (f, without_shows);
  after = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (after->removed, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM shows"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM seasons"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files WHERE episode_id IS NOT NULL"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 4);
}

static void
test_rescan_idempotent (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) second = NULL;
  const char *tables[] = { "movies", "shows", "seasons", "episodes", "media_files", "genres",
                           "movie_genres", NULL };
  const char *columns[] = { "*", "*", "*", "*", "*", "*", "movie_id, genre_id" };
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);

  setup_jellyfin (f, JELLYFIN_KEY);
  ssv_fake_jellyfin_add_fixture_items (f->jellyfin, "lib-movies", "jellyfin/mediux_list-movies.json");
  add_movies (f, 12);
  add_shows (f, 3, 11);

  first = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (first->added, ==, 15 + 3 + 33);
  for (guint i = 0; tables[i] != NULL; i++)
    g_ptr_array_add (before, ssv_test_dump_table (f->db, tables[i], columns[i]));

  second = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (second->added, ==, 0);
  g_assert_cmpuint (second->updated, ==, 0);
  g_assert_cmpuint (second->removed, ==, 0);
  g_assert_cmpuint (second->unchanged, ==, 15 + 3 + 33);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *after = ssv_test_dump_table (f->db, tables[i], columns[i]);
      g_test_message ("table %s", tables[i]);
      g_assert_cmpstr (after, ==, g_ptr_array_index (before, i));
    }
}

/* ---- Plex ------------------------------------------------------------------- */

static void
test_plex_guids (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SsvScanResult) result = NULL;
  g_autofree char *imdb = NULL;
  g_autofree char *legacy = NULL;
  g_autofree char *poster = NULL;
  g_autofree char *path = NULL;
  JsonObject *show;

  setup_plex (f, PLEX_TOKEN);
  /* New agents: Guid arrays (recorded JSON). */
  g_assert_cmpuint (ssv_fake_plex_add_fixture_items (f->plex, "1", "plex/mediux_list-movies.json"), ==, 3);
  g_assert_cmpuint (ssv_fake_plex_add_fixture_items (f->plex, "2", "plex/mediux_list-shows.json"), ==, 3);
  show = json_object_ref (json_node_get_object (json_from_string (
    "{\"ratingKey\":\"9001\",\"type\":\"show\",\"title\":\"Legacy Show\",\"year\":2005,"
    "\"guid\":\"com.plexapp.agents.thetvdb://78874?lang=en\"}", NULL)));
  ssv_fake_plex_add_item (f->plex, "2", show);
  ssv_fake_plex_add_episode (f->plex, "9001", "9101", 1, 1, "Pilot");
  ssv_fake_plex_add_episode (f->plex, "9001", "9102", 1, 2, "Second");
  ssv_fake_plex_add_episode (f->plex, "109448", "9201", 1, 1, "Slumber Party Panic");

  /* Legacy agents: one guid attribute, and XML (a recorded answer). */
  ssv_fake_plex_add_section (f->plex, "4", "Old Movies", "movie");
  ssv_fake_server_add_fixture (f->server, "GET /library/sections/4/all",
                               "plex/library_sections_1_all_legacy_guid.xml", "text/xml");
  {
    const char *mapping[] = { "1", "movies", "2", "shows", "4", "movies", NULL };
    map_libraries (f, mapping);
  }

  result = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (result->errors, ==, 0);
  g_assert_cmpuint (result->skipped, ==, 0);

  g_assert_cmpint (count (f, "SELECT tmdb_id FROM movies WHERE title = '5 Centimeters per Second'"), ==, 38142);
  g_assert_cmpint (count (f, "SELECT tvdb_id FROM movies WHERE title = '5 Centimeters per Second'"), ==, 3000);
  imdb = ssv_test_query_text (f->db, "SELECT imdb_id FROM movies WHERE title = '5 Centimeters per Second'");
  g_assert_cmpstr (imdb, ==, "tt0983213");
  g_assert_cmpint (count (f, "SELECT tvdb_id FROM shows WHERE title = 'Adventure Time'"), ==, 152831);
  g_assert_cmpint (count (f, "SELECT tvdb_id FROM shows WHERE title = 'Legacy Show'"), ==, 78874);

  /* Five legacy movies from the XML, each with its imdb id. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies WHERE library_key = '4'"), ==, 5);
  legacy = ssv_test_query_text (f->db, "SELECT imdb_id FROM movies WHERE title = 'Movie 1'");
  g_assert_cmpstr (legacy, ==, "tt0123456");
  g_assert_cmpint (count (f, "SELECT watched FROM movies WHERE title = 'Movie 1'"), ==, 1);

  /* Files and art: the token never goes into the URL that is stored. */
  poster = ssv_test_query_text (f->db, "SELECT poster_url FROM movies WHERE title = '5 Centimeters per Second'");
  g_assert_true (g_str_has_suffix (poster, "/library/metadata/102969/thumb/1744674504"));
  g_assert_null (strstr (poster, "Token"));
  path = ssv_test_query_text (f->db, "SELECT path FROM media_files f JOIN movies m ON m.id = f.movie_id "
                                     "WHERE m.title = '5 Centimeters per Second'");
  g_assert_true (g_str_has_suffix (path, "5-Centimeters-per-Second_(2007).mp4"));

  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes e JOIN shows s ON s.id = e.show_id "
                             "WHERE s.title = 'Legacy Show'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM seasons s JOIN shows t ON t.id = s.show_id "
                             "WHERE t.title = 'Legacy Show'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files WHERE episode_id IS NOT NULL"), ==, 3);
}

static void
test_plex_paging_incremental (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) second = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  setup_plex (f, PLEX_TOKEN);
  ssv_plex_source_set_page_size (SSV_PLEX_SOURCE (f->source), 2);
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"ratingKey\":\"%u\",\"type\":\"movie\",\"title\":\"Film %u\","
                                               "\"year\":%u,\"Guid\":[{\"id\":\"tmdb://%u\"}]}",
                                               100 + i, i, 1990 + i, 500 + i);
      ssv_fake_plex_add_item (f->plex, "1", json_object_ref (json_node_get_object (json_from_string (json, NULL))));
    }
  ssv_fake_plex_add_item (f->plex, "2", json_object_ref (json_node_get_object (json_from_string (
    "{\"ratingKey\":\"700\",\"type\":\"show\",\"title\":\"Paged Show\"}", NULL))));
  for (guint e = 1; e <= 5; e++)
    {
      g_autofree char *key = g_strdup_printf ("70%u", e);
      g_autofree char *title = g_strdup_printf ("Part %u", e);
      ssv_fake_plex_add_episode (f->plex, "700", key, 1, (int) e, title);
    }

  first = scan (f, SSV_SCAN_INCREMENTAL);
  g_assert_cmpuint (first->errors, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 7);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 5);
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/library/sections/1/all"), ==, 4);

  /* One movie changed, one episode added: an incremental scan asks with updatedAt>=. */
  ssv_fake_plex_touch (f->plex, "103", now);
  {
    JsonObject *episode = ssv_fake_plex_add_episode (f->plex, "700", "706", 1, 6, "Part 6");
    json_object_set_int_member (episode, "updatedAt", now);
  }
  ssv_fake_server_reset_log (f->server);

  second = scan (f, SSV_SCAN_INCREMENTAL);
  g_assert_cmpuint (second->errors, ==, 0);
  g_assert_cmpuint (second->added, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 6);
  /* Only the changed movie came back: one page of what was updated since, one
   * (empty) of what was viewed since. */
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/library/sections/1/all"), ==, 2);
  g_assert_cmpuint (count_requests (f, "/library/sections/1/all", "updatedAt>=", NULL), ==, 1);
  g_assert_cmpuint (count_requests (f, "/library/sections/1/all", "lastViewedAt>=", NULL), ==, 1);
}

static void
add_plex_show (Fixture    *f,
               const char *key,
               const char *title,
               guint       n_episodes)
{
  g_autofree char *json = g_strdup_printf ("{\"ratingKey\":\"%s\",\"type\":\"show\",\"title\":\"%s\"}",
                                           key, title);

  ssv_fake_plex_add_item (f->plex, "2", json_object_ref (json_node_get_object (json_from_string (json, NULL))));
  for (guint e = 1; e <= n_episodes; e++)
    {
      g_autofree char *episode_key = g_strdup_printf ("%s%u", key, e);
      g_autofree char *episode_title = g_strdup_printf ("Part %u", e);

      ssv_fake_plex_add_episode (f->plex, key, episode_key, 1, (int) e, episode_title);
    }
}

/* A watched mark in Plex moves viewCount and lastViewedAt, not updatedAt: an
 * incremental scan must still see it. */
static void
test_plex_incremental_watched (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) second = NULL;
  g_autoptr(SsvScanResult) third = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  setup_plex (f, PLEX_TOKEN);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"ratingKey\":\"%u\",\"type\":\"movie\",\"title\":\"Film %u\","
                                               "\"year\":%u,\"Guid\":[{\"id\":\"tmdb://%u\"}]}",
                                               100 + i, i, 1990 + i, 500 + i);
      ssv_fake_plex_add_item (f->plex, "1", json_object_ref (json_node_get_object (json_from_string (json, NULL))));
    }
  add_plex_show (f, "700", "Watched Show", 4);   /* Part 1 of each is viewed already */
  add_plex_show (f, "800", "Untouched Show", 3);

  first = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (first->errors, ==, 0);
  g_assert_false (movie_watched (f, "Film 2"));
  g_assert_cmpint (show_watched_count (f, "Watched Show"), ==, 1);
  g_assert_false (episode_watched (f, "Watched Show", 1, 3));

  /* In Plex, now: a movie and an episode marked watched, one marked unwatched. */
  ssv_fake_plex_mark_watched (f->plex, "102", TRUE, now);
  ssv_fake_plex_mark_watched (f->plex, "7003", TRUE, now);
  ssv_fake_plex_mark_watched (f->plex, "7001", FALSE, now);
  ssv_fake_server_reset_log (f->server);

  second = scan (f, SSV_SCAN_INCREMENTAL);
  g_assert_cmpuint (second->errors, ==, 0);
  g_assert_cmpuint (second->added, ==, 0);
  g_assert_true (movie_watched (f, "Film 2"));
  g_assert_false (movie_watched (f, "Film 1"));
  g_assert_true (episode_watched (f, "Watched Show", 1, 3));

  /* Every listing asked with a filter; only the changed show's episodes were read. */
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/library/sections/1/all"), ==, 2);
  g_assert_cmpuint (count_requests (f, "/library/sections/1/all", "updatedAt>=", NULL), ==, 1);
  g_assert_cmpuint (count_requests (f, "/library/sections/1/all", "lastViewedAt>=", NULL), ==, 1);
  g_assert_cmpuint (count_requests (f, "/library/sections/2/all", "type=4", "lastViewedAt>=", NULL), ==, 1);
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/library/metadata/700/allLeaves"), ==, 1);
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/library/metadata/800/allLeaves"), ==, 0);
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/library/metadata/800/children"), ==, 0);

  /* Unwatched clears lastViewedAt: Part 1 was read again with its show, so it
   * is right here; had it been the only change, only a full scan would see it. */
  g_assert_false (episode_watched (f, "Watched Show", 1, 1));
  g_assert_cmpint (show_watched_count (f, "Watched Show"), ==, 1);

  ssv_fake_plex_mark_watched (f->plex, "8001", FALSE, now);
  ssv_fake_server_reset_log (f->server);
  third = scan (f, SSV_SCAN_INCREMENTAL);
  g_assert_true (episode_watched (f, "Untouched Show", 1, 1));
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/library/metadata/800/allLeaves"), ==, 0);
  g_clear_pointer (&third, ssv_scan_result_free);
  third = scan (f, SSV_SCAN_FULL);
  g_assert_false (episode_watched (f, "Untouched Show", 1, 1));
}

static void
test_plex_token_rejected (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SsvScanResult) result = NULL;

  setup_plex (f, "wrong-token");
  ssv_fake_plex_add_fixture_items (f->plex, "1", "plex/mediux_list-movies.json");

  result = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (result->errors, ==, 1);
  g_assert_true (messages_contain (result, "Plex rejected the key or token. Check it in Preferences."));
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 0);
}

static void
test_plex_parse_guid (void)
{
  struct { const char *guid; SsvMediaKind kind; gint64 tmdb; const char *imdb; gint64 tvdb; } cases[] = {
    { "imdb://tt0137523", SSV_MEDIA_KIND_MOVIE, 0, "tt0137523", 0 },
    { "tmdb://550", SSV_MEDIA_KIND_MOVIE, 550, NULL, 0 },
    { "tvdb://81189", SSV_MEDIA_KIND_SHOW, 0, NULL, 81189 },
    { "com.plexapp.agents.imdb://tt0123456?lang=en", SSV_MEDIA_KIND_MOVIE, 0, "tt0123456", 0 },
    { "com.plexapp.agents.themoviedb://12345?lang=en", SSV_MEDIA_KIND_MOVIE, 12345, NULL, 0 },
    { "com.plexapp.agents.thetvdb://78874?lang=en", SSV_MEDIA_KIND_SHOW, 0, NULL, 78874 },
    /* An episode's legacy guid names its show: not the episode's id. */
    { "com.plexapp.agents.thetvdb://78874/1/2?lang=en", SSV_MEDIA_KIND_EPISODE, 0, NULL, 0 },
    { "plex://movie/5d77686c103a2d001f571373", SSV_MEDIA_KIND_MOVIE, 0, NULL, 0 },
    { "imdb://nm0000123", SSV_MEDIA_KIND_MOVIE, 0, NULL, 0 },
    { "tmdb://", SSV_MEDIA_KIND_MOVIE, 0, NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SsvMediaItem) item = ssv_media_item_new (cases[i].kind);

      ssv_plex_parse_guid (cases[i].guid, item);
      g_test_message ("%s", cases[i].guid);
      g_assert_cmpint (item->tmdb_id, ==, cases[i].tmdb);
      g_assert_cmpstr (item->imdb_id, ==, cases[i].imdb);
      g_assert_cmpint (item->tvdb_id, ==, cases[i].tvdb);
    }
}

/* ---- per-item isolation ------------------------------------------------------ */

static void
test_bad_item_skipped (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SsvScanResult) result = NULL;
  g_autoptr(GPtrArray) activity = NULL;
  JsonObject *bad;
  gboolean logged = FALSE;

  setup_jellyfin (f, JELLYFIN_KEY);
  add_movies (f, 6);
  bad = json_object_new ();
  json_object_set_string_member (bad, "Id", "nameless");
  json_object_set_string_member (bad, "Type", "Movie");
  ssv_fake_jellyfin_add_item (f->jellyfin, "lib-movies", bad);
  add_shows (f, 1, 2);
  bad = ssv_fake_jellyfin_add_episode (f->jellyfin, "series-0", "unnumbered", 1, 3, "Unnumbered");
  json_object_remove_member (bad, "IndexNumber");

  result = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (result->errors, ==, 0);
  g_assert_cmpuint (result->skipped, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 6);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 2);

  activity = ssv_activity_store_list_recent (f->db, "scan", 50, NULL);
  for (guint i = 0; i < activity->len; i++)
    {
      SsvActivityEntry *entry = g_ptr_array_index (activity, i);

      g_test_message ("activity: %s", entry->message);
      if (entry->level == SSV_ACTIVITY_WARNING && strstr (entry->message, "without a name") != NULL)
        logged = TRUE;
    }
  g_assert_true (logged);
}

/* ---- progress, cancel, signals ------------------------------------------------ */

typedef struct
{
  guint        calls;
  guint        last_done;
  gboolean     went_backwards;
  GCancellable *cancel_after_first_movies;
} Progress;

static void
progress_cb (SsvScanner *scanner,
             const char *phase,
             const char *source_name,
             guint       done,
             guint       total,
             gpointer    user_data)
{
  Progress *progress = user_data;

  progress->calls++;
  if (done < progress->last_done)
    progress->went_backwards = TRUE;
  progress->last_done = done;
  g_assert_cmpuint (done, <=, total);
  if (progress->cancel_after_first_movies != NULL && g_strcmp0 (phase, "movies") == 0 && done >= 10)
    g_cancellable_cancel (progress->cancel_after_first_movies);
}

static void
test_progress_and_cancel (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SsvScanResult) result = ssv_scan_result_new (SSV_SCAN_DEEP);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };

  setup_jellyfin (f, JELLYFIN_KEY);
  add_movies (f, 120);
  add_shows (f, 3, 2);
  ssv_jellyfin_source_set_page_size (SSV_JELLYFIN_SOURCE (f->source), 10);
  /* The database already has a movie the server lacks: a finished deep scan
   * would prune it, a cancelled one must not. */
  ssv_database_exec (f->db, "INSERT INTO movies (server_source, server_id, library_key, title) "
                            "VALUES (1, 'left-over', 'lib-movies', 'Left Over')", &error);
  g_assert_no_error (error);

  progress.cancel_after_first_movies = cancellable;
  ssv_scanner_set_progress_func (f->scanner, progress_cb, &progress);
  g_assert_true (ssv_scanner_scan_source_sync (f->scanner, f->source, f->row, SSV_SCAN_DEEP, result,
                                               cancellable, &error));
  g_assert_no_error (error);

  g_assert_true (result->cancelled);
  g_assert_cmpuint (progress.calls, >, 1);
  g_assert_false (progress.went_backwards);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies WHERE server_id = 'left-over'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), <, 121);
  g_assert_cmpint (count (f, "SELECT count(*) FROM shows"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM servers WHERE last_scan_at IS NOT NULL"), ==, 0);
}

typedef struct
{
  GPtrArray *events;
  gboolean   finished;
  guint      added;
} Events;

static void
on_started (SsvScanner *scanner,
            Events     *events)
{
  g_ptr_array_add (events->events, g_strdup ("started"));
}

static void
on_writing (SsvScanner *scanner,
            GParamSpec *pspec,
            Events     *events)
{
  g_ptr_array_add (events->events, g_strdup (ssv_scanner_get_writing (scanner) ? "writing" : "idle"));
}

static void
on_finished (SsvScanner    *scanner,
             SsvScanResult *result,
             Events        *events)
{
  g_ptr_array_add (events->events, g_strdup ("finished"));
  events->added = result->added;
  events->finished = TRUE;
}

static void
scan_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvScanResult) result = ssv_scanner_scan_finish (SSV_SCANNER (source), res, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
}

static void
test_signals_and_token (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *wal_path = NULL;
  g_autofree char *joined = NULL;
  gsize length = 0;
  Events events = { g_ptr_array_new_with_free_func (g_free), FALSE, 0 };

  setup_jellyfin (f, JELLYFIN_KEY);
  add_movies (f, 8);
  add_shows (f, 2, 3);

  /* The way the app does it: the token in the keyring, the scan from the rows. */
  key = ssv_server_token_dup_key (f->db, f->row, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_server_token_store_sync (f->secrets, f->db, f->row, "Jellyfin token", JELLYFIN_KEY, NULL,
                                              &error));
  g_assert_no_error (error);

  g_signal_connect (f->scanner, "scan-started", G_CALLBACK (on_started), &events);
  g_signal_connect (f->scanner, "notify::writing", G_CALLBACK (on_writing), &events);
  g_signal_connect (f->scanner, "scan-finished", G_CALLBACK (on_finished), &events);
  ssv_scanner_scan_async (f->scanner, SSV_SCAN_FULL, 0, NULL, scan_done_cb, NULL);
  ssv_test_wait_for_flag (&events.finished, 30000);

  g_ptr_array_add (events.events, NULL);
  joined = g_strjoinv (",", (char **) events.events->pdata);
  g_assert_cmpstr (joined, ==, "started,writing,idle,finished");
  g_assert_cmpuint (events.added, ==, 8 + 2 + 6);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 8);

  /* Nowhere in the library file, nor in its write-ahead log, is the token. */
  g_assert_true (g_file_get_contents (f->db_path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 0);
  g_assert_false (contains_bytes (contents, length, JELLYFIN_KEY));
  wal_path = g_strconcat (f->db_path, "-wal", NULL);
  if (g_file_get_contents (wal_path, &wal, &length, NULL))
    g_assert_false (contains_bytes (wal, length, JELLYFIN_KEY));

  ssv_secrets_clear_sync (f->secrets, key, NULL, NULL);
  g_ptr_array_unref (events.events);
}

static void
test_no_token_stored (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvScanResult) result = NULL;

  setup_jellyfin (f, JELLYFIN_KEY);
  add_movies (f, 2);

  result = ssv_scanner_scan_sync (f->scanner, SSV_SCAN_FULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->errors, ==, 1);
  g_assert_true (messages_contain (result, "No token is stored for “Home”"));
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->server), ==, 0);
}

/* Reads who a server said it is, after a connection test: what the server dialog saves. */
static void
read_identity (Fixture        *f,
               SsvMediaSource *source,
               char          **name,
               char          **machine_id,
               char          **user_id,
               char          **user_name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = ssv_media_source_test_connection (source, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (description);
  ssv_source_factory_read_identity (source, name, machine_id, user_id, user_name);
}

/* The factory makes each kind of source from a stored server (its token from the keyring)
 * or from what a person typed, and reads each kind's identity. */
static void
test_source_factory (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SsvMediaSource) plex = NULL;
  g_autoptr(SsvMediaSource) jellyfin = NULL;
  g_autoptr(SsvMediaSource) stored = NULL;
  g_autoptr(SsvMediaSource) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *machine_id = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *user_name = NULL;
  g_autofree char *folder_name = NULL;
  g_autofree char *folder_user = NULL;
  const char *no_libraries[] = { NULL };

  setup_plex (f, PLEX_TOKEN);
  plex = ssv_source_factory_new (f->http, "plex", ssv_fake_server_get_url (f->server), PLEX_TOKEN, NULL);
  g_assert_true (SSV_IS_PLEX_SOURCE (plex));
  read_identity (f, plex, &name, &machine_id, &user_id, &user_name);
  g_assert_cmpstr (name, ==, "Fake Plex");
  g_assert_cmpstr (machine_id, ==, "62ad4ec510d34450a8d2a6ee04e195c515f65ddf");
  g_assert_null (user_id);
  g_assert_null (user_name);
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&machine_id, g_free);

  /* A stored server without a token in the keyring: a clear word, and no request. */
  g_assert_null (ssv_source_factory_new_for_server (f->db, f->http, f->secrets, f->row, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED);
  g_assert_nonnull (strstr (error->message, "No token is stored for “Living Room”"));
  g_clear_error (&error);

  g_assert_true (ssv_server_token_store_sync (f->secrets, f->db, f->row, "Plex token", PLEX_TOKEN, NULL, &error));
  g_assert_no_error (error);
  stored = ssv_source_factory_new_for_server (f->db, f->http, f->secrets, f->row, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (SSV_IS_PLEX_SOURCE (stored));
  read_identity (f, stored, NULL, &machine_id, NULL, NULL);
  g_assert_cmpstr (machine_id, ==, "62ad4ec510d34450a8d2a6ee04e195c515f65ddf");

  f->jellyfin = ssv_fake_jellyfin_new (f->server, JELLYFIN_KEY);
  jellyfin = ssv_source_factory_new (f->http, "jellyfin", ssv_fake_server_get_url (f->server), JELLYFIN_KEY, NULL);
  g_assert_true (SSV_IS_JELLYFIN_SOURCE (jellyfin));
  read_identity (f, jellyfin, &name, NULL, &user_id, &user_name);
  g_assert_cmpstr (name, ==, "Fake Jellyfin");
  g_assert_cmpstr (user_id, ==, ADMIN_ID);
  g_assert_cmpstr (user_name, ==, "admin");

  /* A folder needs no token, and has no server to say who it is. */
  add_server (f, "folder", "Films", no_libraries);
  folder = ssv_source_factory_new_for_server (f->db, f->http, f->secrets, f->row, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (SSV_IS_FOLDER_SOURCE (folder));
  g_assert_cmpstr (ssv_folder_source_get_path (SSV_FOLDER_SOURCE (folder)), ==, ssv_fake_server_get_url (f->server));
  ssv_source_factory_read_identity (folder, &folder_name, NULL, &folder_user, NULL);
  g_assert_null (folder_name);
  g_assert_null (folder_user);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/scanner/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("jellyfin/fixtures", test_jellyfin_fixtures);
  ADD ("jellyfin/paging", test_jellyfin_paging);
  ADD ("jellyfin/incremental", test_jellyfin_incremental);
  ADD ("jellyfin/incremental-watched", test_jellyfin_incremental_watched);
  ADD ("faults/episode-500-keeps-episodes", test_episode_500_keeps_episodes);
  ADD ("faults/server-dies-mid-scan", test_server_dies_mid_scan);
  ADD ("faults/server-dies-during-shows", test_server_dies_during_shows);
  ADD ("faults/malformed-json", test_malformed_json);
  ADD ("faults/key-rejected", test_key_rejected);
  ADD ("faults/bad-item-skipped", test_bad_item_skipped);
  ADD ("prune-safety", test_prune_safety);
  ADD ("rescan-idempotent", test_rescan_idempotent);
  ADD ("unmapped-library-pruned", test_unmapped_library_pruned);
  ADD ("remapped-show-library-pruned", test_remapped_show_library_pruned);
  ADD ("plex/guids", test_plex_guids);
  ADD ("plex/paging-incremental", test_plex_paging_incremental);
  ADD ("plex/incremental-watched", test_plex_incremental_watched);
  ADD ("plex/token-rejected", test_plex_token_rejected);
  ADD ("progress-and-cancel", test_progress_and_cancel);
  ADD ("signals-and-token-not-in-db", test_signals_and_token);
  ADD ("no-token-stored", test_no_token_stored);
  ADD ("source-factory", test_source_factory);
#undef ADD
  g_test_add_func ("/scanner/plex/parse-guid", test_plex_parse_guid);

  return g_test_run ();
}
