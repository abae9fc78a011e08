/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-identity.c: what a person fixed or chose outlives scans: locks, rematches, and
 * follows, mutes and wishes that never pass to another title. */

#include "config.h"

#include <string.h>

#include "stores/ssv-enrichment-store.h"
#include "model/ssv-episode.h"
#include "ssv-error.h"
#include "ssv-fake-jellyfin.h"
#include "sources/ssv-jellyfin-source.h"
#include "providers/ssv-meta.h"
#include "model/ssv-movie.h"
#include "sources/ssv-scanner.h"
#include "stores/ssv-server-store.h"
#include "model/ssv-show.h"
#include "ssv-test-utils.h"
#include "stores/ssv-watchlist-store.h"
#include "stores/ssv-wishlist-store.h"

#define JELLYFIN_KEY "jf-0a9b8c7d6e5f40312a3b4c5d6e7f8091"

typedef struct
{
  char               *dir;
  SsvDatabase        *db;
  SsvLibraryStore    *store;
  SsvEnrichmentStore *enrichment;
  SsvWatchlistStore  *watchlist;
  SsvWishlistStore   *wishlist;
  SsvHttp            *http;
  SsvSecrets         *secrets;
  SsvScanner         *scanner;
  SsvFakeServer      *server;
  SsvFakeJellyfin    *jellyfin;
  SsvMediaSource     *source;
  gint64              row;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->store = ssv_library_store_new (f->db);
  f->enrichment = ssv_enrichment_store_new (f->db);
  f->watchlist = ssv_watchlist_store_new (f->db);
  f->wishlist = ssv_wishlist_store_new (f->db);
  f->http = ssv_http_new ();
  ssv_http_set_retry_policy (f->http, 1, 5);
  f->secrets = ssv_secrets_new ();
  f->scanner = ssv_scanner_new (f->db, f->store, f->http, f->secrets);
  f->server = ssv_fake_server_new ();

  f->jellyfin = ssv_test_add_jellyfin_server (f->db, f->server, JELLYFIN_KEY, "TV", &f->row);

  f->source = SSV_MEDIA_SOURCE (ssv_jellyfin_source_new (f->http, ssv_fake_server_get_url (f->server),
                                                         JELLYFIN_KEY, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->source);
  g_clear_pointer (&f->jellyfin, ssv_fake_jellyfin_free);
  g_clear_pointer (&f->server, ssv_fake_server_free);
  g_clear_object (&f->scanner);
  g_clear_object (&f->secrets);
  g_clear_object (&f->http);
  g_clear_object (&f->wishlist);
  g_clear_object (&f->watchlist);
  g_clear_object (&f->enrichment);
  g_clear_object (&f->store);
  ssv_test_close_temp_database (&f->db, &f->dir);
}

static void
scan (Fixture     *f,
      SsvScanMode  mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvScanResult) result = ssv_scan_result_new (mode);

  g_assert_true (ssv_scanner_scan_source_sync (f->scanner, f->source, f->row, mode, result, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < result->messages->len; i++)
    g_test_message ("scan message: %s", (char *) g_ptr_array_index (result->messages, i));
  g_assert_cmpuint (result->errors, ==, 0);
}

/* The server edits an item: new values, saved now. */
static JsonObject *
edit_on_server (Fixture    *f,
                const char *id)
{
  JsonObject *item = ssv_fake_jellyfin_lookup (f->jellyfin, id);

  g_assert_nonnull (item);
  ssv_fake_jellyfin_set_clock (f->jellyfin, g_get_real_time () / G_USEC_PER_SEC + 60);
  ssv_fake_jellyfin_touch (f->jellyfin, id);
  return item;
}

static void
set_provider_id (JsonObject *item,
                 const char *provider,
                 const char *id)
{
  JsonObject *ids = json_object_new ();

  json_object_set_string_member (ids, provider, id);
  json_object_set_object_member (item, "ProviderIds", ids);
}

static void
set_genres (JsonObject          *item,
            const char * const  *names)
{
  JsonArray *genres = json_array_new ();

  for (guint i = 0; names[i] != NULL; i++)
    json_array_add_string_element (genres, names[i]);
  json_object_set_array_member (item, "Genres", genres);
}

/* ---- the library as the pages read it ------------------------------------------- */

static gint64
row_of (Fixture    *f,
        const char *table,
        const char *server_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE server_id = '%s'", table, server_id);
  gint64 id = ssv_test_query_int (f->db, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

/* What the title page shows of a movie: "Title (year) tmdb=… | overview | genres". */
static char *
describe_movie (Fixture *f,
                gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvTitle) detail = ssv_library_store_load_title (f->store, SSV_MEDIA_KIND_MOVIE, id, &error);
  SsvMovie *movie;

  g_assert_no_error (error);
  movie = SSV_MOVIE (ssv_title_get_item (detail));
  return g_strdup_printf ("%s (%d) tmdb=%" G_GINT64_FORMAT " | %s | %s",
                          ssv_movie_get_title (movie), ssv_movie_get_year (movie),
                          ssv_movie_get_tmdb_id (movie), ssv_movie_get_overview (movie),
                          ssv_movie_get_genres (movie));
}

/* Every movie and show as the Library page lists them, one line each. */
static char *
describe_library (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) movies = ssv_library_store_list_movies (f->store, &error);
  g_autoptr(GPtrArray) shows = ssv_library_store_list_shows (f->store, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < movies->len; i++)
    {
      g_autofree char *line = describe_movie (f, ssv_movie_get_id (g_ptr_array_index (movies, i)));
      g_string_append_printf (out, "%s\n", line);
    }
  for (guint i = 0; i < shows->len; i++)
    {
      SsvShow *show = g_ptr_array_index (shows, i);
      g_string_append_printf (out, "show %s (%d) %s tmdb=%" G_GINT64_FORMAT " %d episodes | %s | %s\n",
                              ssv_show_get_title (show), ssv_show_get_year (show), ssv_show_get_status (show),
                              ssv_show_get_tmdb_id (show), ssv_show_get_episode_count (show),
                              ssv_show_get_overview (show), ssv_show_get_genres (show));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The library less the lines that start with one of @skip (NULL-terminated),
 * to see that nothing else changed. */
static char *
describe_library_without (Fixture    *f,
                          const char *skip,
                          ...)
{
  g_autofree char *all = describe_library (f);
  g_auto(GStrv) lines = g_strsplit (all, "\n", -1);
  g_autoptr(GPtrArray) prefixes = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  const char *prefix;
  va_list args;

  va_start (args, skip);
  for (prefix = skip; prefix != NULL; prefix = va_arg (args, const char *))
    g_ptr_array_add (prefixes, (gpointer) prefix);
  va_end (args);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean keep = TRUE;

      for (guint j = 0; j < prefixes->len; j++)
        keep &= !g_str_has_prefix (lines[i], g_ptr_array_index (prefixes, j));
      if (keep)
        g_string_append_printf (out, "%s\n", lines[i]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- locks and rematches ------------------------------------------------------------- */

static void
add_films (Fixture *f)
{
  /* The server matched Heat to the wrong TMDB title. */
  set_provider_id (ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-movies", "film-heat", "Heat", 1995), "Tmdb", "111");
  ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-movies", "film-ronin", "Ronin", 1998);
  ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-movies", "film-up", "Up", 2009);
  ssv_fake_jellyfin_add_series (f->jellyfin, "lib-shows", "series-news", "Local News", 2001);
  ssv_fake_jellyfin_add_episode (f->jellyfin, "series-news", "news-1", 1, 1, "Monday");
}

/* A rematch is the person's choice: the next scan, with the server still
 * saying the wrong id, keeps it, while the rest of the title follows the server. */
static void
test_rematch_survives_scan (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *others_before = NULL;
  g_autofree char *others_after = NULL;
  g_autofree char *heat = NULL;
  gint64 id;

  add_films (f);
  scan (f, SSV_SCAN_FULL);
  id = row_of (f, "movies", "film-heat");
  heat = describe_movie (f, id);
  g_assert_cmpstr (heat, ==, "Heat (1995) tmdb=111 | A movie made up for the tests. | Drama");
  others_before = describe_library_without (f, "Heat", NULL);

  g_assert_true (ssv_enrichment_store_rematch (f->enrichment, SSV_ITEM_MOVIE, id, 949, &error));
  g_assert_no_error (error);

  /* The server edits the movie and still says 111. */
  json_object_set_string_member (edit_on_server (f, "film-heat"), "Overview", "A group of professional bank robbers.");
  scan (f, SSV_SCAN_FULL);
  scan (f, SSV_SCAN_INCREMENTAL);

  g_clear_pointer (&heat, g_free);
  heat = describe_movie (f, id);
  g_assert_cmpstr (heat, ==, "Heat (1995) tmdb=949 | A group of professional bank robbers. | Drama");
  others_after = describe_library_without (f, "Heat", NULL);
  g_assert_cmpstr (others_after, ==, others_before);
}

/* Locked fields keep what they hold through scans, whatever form the lock is
 * in; unlocked ones follow the server, and an unlock lets it change them again. */
static void
test_lock_survives_scan (Fixture       *f,
                         gconstpointer  data)
{
  static const char * const action[] = { "Action", "Crime", NULL };
  const char * const movie_lock[] = { "title", "overview", "genres", NULL };
  const char * const title_only[] = { "title", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvTitle) news = NULL;
  g_autoptr(SsvEpisode) monday = NULL;
  g_autofree char *others_before = NULL;
  g_autofree char *others_after = NULL;
  g_autofree char *heat = NULL;
  JsonObject *item;
  gint64 heat_id, news_id, monday_id;

  add_films (f);
  scan (f, SSV_SCAN_FULL);
  heat_id = row_of (f, "movies", "film-heat");
  news_id = row_of (f, "shows", "series-news");
  monday_id = row_of (f, "episodes", "news-1");
  others_before = describe_library_without (f, "Heat", "show Local News", NULL);

  g_assert_true (ssv_library_store_set_locked_fields (f->store, SSV_MEDIA_KIND_MOVIE, heat_id, movie_lock, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ssv_library_store_set_locked_fields (f->store, SSV_MEDIA_KIND_EPISODE, monday_id, title_only, NULL,
                                                      &error));
  g_assert_no_error (error);
  /* A lock as builds before schema 6 could leave it: names with spaces after commas. */
  g_assert_true (ssv_database_exec (f->db, "UPDATE shows SET locked_fields = 'status, overview' WHERE server_id = 'series-news'",
                                    &error));
  g_assert_no_error (error);

  item = edit_on_server (f, "film-heat");
  json_object_set_string_member (item, "Name", "Heat (Director's Definitive Edition)");
  json_object_set_string_member (item, "Overview", "Overwritten by the server.");
  json_object_set_int_member (item, "ProductionYear", 1996);
  set_genres (item, action);
  item = edit_on_server (f, "series-news");
  json_object_set_string_member (item, "Status", "Ended");
  json_object_set_string_member (item, "Overview", "Overwritten by the server.");
  json_object_set_string_member (item, "Name", "Local News Tonight");
  json_object_set_string_member (edit_on_server (f, "news-1"), "Name", "Overwritten by the server");
  scan (f, SSV_SCAN_FULL);

  /* The year was not locked: it follows the server. */
  heat = describe_movie (f, heat_id);
  g_assert_cmpstr (heat, ==, "Heat (1996) tmdb=111 | A movie made up for the tests. | Drama");
  news = ssv_library_store_load_title (f->store, SSV_MEDIA_KIND_SHOW, news_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ssv_show_get_status (SSV_SHOW (ssv_title_get_item (news))), ==, "Continuing");
  g_assert_null (ssv_show_get_overview (SSV_SHOW (ssv_title_get_item (news))));
  g_assert_cmpstr (ssv_show_get_title (SSV_SHOW (ssv_title_get_item (news))), ==, "Local News Tonight");
  g_assert_cmpuint (g_list_model_get_n_items (ssv_title_get_episodes (news)), ==, 1);
  monday = g_list_model_get_item (ssv_title_get_episodes (news), 0);
  g_assert_cmpstr (ssv_episode_get_title (monday), ==, "Monday");
  /* The other films are as they were. */
  others_after = describe_library_without (f, "Heat", "show Local News", NULL);
  g_assert_cmpstr (others_after, ==, others_before);

  /* Unlocked, the title follows the server at the next change. */
  g_assert_true (ssv_library_store_set_locked_fields (f->store, SSV_MEDIA_KIND_MOVIE, heat_id, NULL, title_only, &error));
  g_assert_no_error (error);
  json_object_set_int_member (edit_on_server (f, "film-heat"), "ProductionYear", 1995);
  scan (f, SSV_SCAN_FULL);
  g_clear_pointer (&heat, g_free);
  heat = describe_movie (f, heat_id);
  g_assert_cmpstr (heat, ==, "Heat (Director's Definitive Edition) (1995) tmdb=111 | A movie made up for the tests. | Drama");
}

/* A lock is also the providers' limit: enrichment leaves a locked field as
 * the person left it, empty or not, and fills the others. */
static void
test_enrichment_respects_lock (Fixture       *f,
                               gconstpointer  data)
{
  const char * const lock[] = { "tagline", "genres", "credits", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvWorkItem) item = NULL;
  g_autoptr(SsvMeta) meta = ssv_meta_new (SSV_ITEM_MOVIE);
  g_autoptr(SsvTitle) billboard = NULL;
  g_autofree char *others_before = NULL;
  g_autofree char *others_after = NULL;
  gint64 id;

  add_films (f);
  json_object_remove_member (ssv_fake_jellyfin_lookup (f->jellyfin, "film-up"), "Genres");
  scan (f, SSV_SCAN_FULL);
  id = row_of (f, "movies", "film-up");
  others_before = describe_library_without (f, "Up", NULL);

  g_assert_true (ssv_library_store_set_locked_fields (f->store, SSV_MEDIA_KIND_MOVIE, id, lock, NULL, &error));
  g_assert_no_error (error);

  item = ssv_enrichment_store_load_item (f->enrichment, "tmdb", SSV_ITEM_MOVIE, id, &error);
  g_assert_no_error (error);
  meta->tmdb_id = 14160;
  meta->tagline = g_strdup ("The adventure of a lifetime");
  meta->tmdb_rating = 8.0;
  meta->collection = g_strdup ("Pixar shorts");
  ssv_meta_add_genre (meta, "Animation");
  ssv_meta_add_credit (meta, SSV_CREDIT_CAST, "Ed Asner")->character = g_strdup ("Carl Fredricksen");
  g_assert_true (ssv_enrichment_store_record (f->enrichment, "tmdb", item, meta, SSV_OUTCOME_MATCHED, FALSE, NULL,
                                              &error));
  g_assert_no_error (error);

  billboard = ssv_library_store_load_title (f->store, SSV_MEDIA_KIND_MOVIE, id, &error);
  g_assert_no_error (error);
  g_assert_null (ssv_title_get_tagline (billboard));
  g_assert_null (ssv_title_get_genres (billboard)[0]);
  g_assert_cmpuint (g_list_model_get_n_items (ssv_title_get_cast (billboard)), ==, 0);
  /* What was not locked was filled. */
  g_assert_cmpfloat (ssv_title_get_tmdb_rating (billboard), ==, 8.0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT tmdb_id FROM movies WHERE server_id = 'film-up'"), ==, 14160);

  /* A rematch clears what providers filled, but not what the person locked,
   * and adds its own lock to theirs. */
  g_assert_true (ssv_enrichment_store_rematch (f->enrichment, SSV_ITEM_MOVIE, id, 14161, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM movies WHERE server_id = 'film-up'"
                                              " AND locked_fields = '[\"credits\",\"genres\",\"tagline\",\"tmdb_id\"]'"),
                   ==, 1);

  others_after = describe_library_without (f, "Up", NULL);
  g_assert_cmpstr (others_after, ==, others_before);
}

/* A lock names something a title has; anything else is refused and changes nothing. */
static void
test_lock_names_checked (Fixture       *f,
                         gconstpointer  data)
{
  const char * const bad[] = { "title", "title; DROP TABLE movies", NULL };
  const char * const good[] = { "poster_url", "credits", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *locked = NULL;
  gint64 id;

  add_films (f);
  scan (f, SSV_SCAN_FULL);
  id = row_of (f, "movies", "film-ronin");

  g_assert_false (ssv_library_store_set_locked_fields (f->store, SSV_MEDIA_KIND_MOVIE, id, bad, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM movies WHERE locked_fields IS NOT NULL"), ==, 0);

  g_assert_false (ssv_library_store_set_locked_fields (f->store, SSV_MEDIA_KIND_MOVIE, 4242, good, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (ssv_library_store_set_locked_fields (f->store, SSV_MEDIA_KIND_MOVIE, id, good, NULL, &error));
  g_assert_no_error (error);
  locked = ssv_test_query_text (f->db, "SELECT locked_fields FROM movies WHERE server_id = 'film-ronin'");
  g_assert_cmpstr (locked, ==, "[\"credits\",\"poster_url\"]");
}

/* ---- follows, mutes and wishes never pass to another title ------------------------ */

static gboolean
followed (Fixture *f,
          gint64   show_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, show_id);
  gboolean result = FALSE;

  g_assert_true (ssv_watchlist_store_is_followed (f->watchlist, SSV_WATCH_KIND_SHOW, "library", id, &result, &error));
  g_assert_no_error (error);
  return result;
}

static void
set_followed (Fixture  *f,
              gint64    show_id,
              gboolean  follow)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, show_id);

  g_assert_true (ssv_watchlist_store_set_followed (f->watchlist, SSV_WATCH_KIND_SHOW, "library", id, follow,
                                                   NULL, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
wanted (Fixture       *f,
        SsvWishTarget  target,
        gint64         id)
{
  g_autoptr(GError) error = NULL;
  gboolean result = FALSE;

  g_assert_true (ssv_wishlist_store_contains (f->wishlist, target, id, 0, &result, &error));
  g_assert_no_error (error);
  return result;
}

static void
add_series (Fixture    *f,
            const char *id,
            const char *name,
            const char *status)
{
  g_autofree char *episode = g_strconcat (id, "-1", NULL);

  ssv_fake_jellyfin_set_clock (f->jellyfin, g_get_real_time () / G_USEC_PER_SEC + 60);
  json_object_set_string_member (ssv_fake_jellyfin_add_series (f->jellyfin, "lib-shows", id, name, 2010),
                                 "Status", status);
  ssv_fake_jellyfin_add_episode (f->jellyfin, id, episode, 1, 1, "Pilot");
}

static void
remove_series (Fixture    *f,
               const char *id)
{
  g_autofree char *episode = g_strconcat (id, "-1", NULL);

  ssv_fake_jellyfin_remove_item (f->jellyfin, episode);
  ssv_fake_jellyfin_remove_item (f->jellyfin, id);
}

/* "Title (followed) (wanted)" for every show and movie the person sees. */
static char *
describe_lists (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) watch = ssv_watchlist_store_list (f->watchlist, SSV_WATCH_KIND_SHOW, &error);
  g_autoptr(GPtrArray) wishes = ssv_wishlist_store_list_titles (f->wishlist, SSV_WISHLIST_KIND_MOVIE, NULL,
                                                                SSV_WISHLIST_SORT_TITLE, 0, 100, &error);
  g_autoptr(GPtrArray) groups = ssv_wishlist_store_list_shows (f->wishlist, NULL, SSV_WISHLIST_SORT_TITLE, 0, 100,
                                                               &error);
  g_autoptr(GString) out = g_string_new ("watching:");

  g_assert_no_error (error);
  for (guint i = 0; i < watch->len; i++)
    g_string_append_printf (out, " %s", ssv_watch_item_get_title (g_ptr_array_index (watch, i)));
  g_string_append (out, "; wanted:");
  for (guint i = 0; i < wishes->len; i++)
    g_string_append_printf (out, " %s#%" G_GINT64_FORMAT, ssv_wishlist_item_get_title (g_ptr_array_index (wishes, i)),
                            ssv_wishlist_item_get_library_id (g_ptr_array_index (wishes, i)));
  for (guint i = 0; i < groups->len; i++)
    g_string_append_printf (out, " %s#%" G_GINT64_FORMAT, ssv_wishlist_item_get_title (g_ptr_array_index (groups, i)),
                            ssv_wishlist_item_get_library_id (g_ptr_array_index (groups, i)));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* SQLite gives a new row the id of the last one pruned. A title that takes a
 * pruned title's id must not take its follow, its mute or its wish. */
static void
test_reused_row_ids_inherit_nothing (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *lists = NULL;
  gint64 delta, echo, mike, foxtrot, golf, november;

  add_series (f, "series-a", "Alpha", "Continuing");
  add_series (f, "series-b", "Bravo", "Ended");
  add_series (f, "series-c", "Charlie", "Continuing");
  scan (f, SSV_SCAN_FULL);
  add_series (f, "series-d", "Delta", "Ended");
  scan (f, SSV_SCAN_FULL);
  add_series (f, "series-e", "Echo", "Continuing");
  scan (f, SSV_SCAN_FULL);
  delta = row_of (f, "shows", "series-d");
  echo = row_of (f, "shows", "series-e");
  ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-movies", "film-k", "Kilo", 2001);
  ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-movies", "film-l", "Lima", 2002);
  ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-movies", "film-m", "Mike", 2003);
  scan (f, SSV_SCAN_FULL);
  mike = row_of (f, "movies", "film-m");
  g_assert_cmpint (mike, ==, ssv_test_query_int (f->db, "SELECT max (id) FROM movies"));
  g_assert_cmpint (echo, ==, ssv_test_query_int (f->db, "SELECT max (id) FROM shows"));

  /* The person follows Delta (ended), mutes Echo (airing), wants Mike and Echo. */
  set_followed (f, delta, TRUE);
  set_followed (f, echo, FALSE);
  g_assert_true (ssv_wishlist_store_add (f->wishlist, SSV_WISH_TARGET_MOVIE, mike, 0, now, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ssv_wishlist_store_add (f->wishlist, SSV_WISH_TARGET_SHOW, echo, 0, now, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (followed (f, delta));
  g_assert_false (followed (f, echo));
  g_assert_true (wanted (f, SSV_WISH_TARGET_MOVIE, mike));

  /* They leave the server and a deep scan prunes them… */
  remove_series (f, "series-d");
  remove_series (f, "series-e");
  ssv_fake_jellyfin_remove_item (f->jellyfin, "film-m");
  scan (f, SSV_SCAN_DEEP);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM shows"), ==, 3);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM movies"), ==, 2);

  /* …and new titles come, which get the same row ids. */
  add_series (f, "series-f", "Foxtrot", "Ended");
  scan (f, SSV_SCAN_FULL);
  add_series (f, "series-g", "Golf", "Continuing");
  ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-movies", "film-n", "November", 2004);
  scan (f, SSV_SCAN_FULL);
  foxtrot = row_of (f, "shows", "series-f");
  golf = row_of (f, "shows", "series-g");
  november = row_of (f, "movies", "film-n");
  g_assert_cmpint (foxtrot, ==, delta);
  g_assert_cmpint (golf, ==, echo);
  g_assert_cmpint (november, ==, mike);

  /* Foxtrot ended and nobody follows it; Golf airs and nobody muted it. */
  g_assert_false (followed (f, foxtrot));
  g_assert_true (followed (f, golf));
  g_assert_false (wanted (f, SSV_WISH_TARGET_MOVIE, november));
  g_assert_false (wanted (f, SSV_WISH_TARGET_SHOW, golf));
  g_assert_false (wanted (f, SSV_WISH_TARGET_SHOW, foxtrot));

  /* The person's lists still hold what they chose, by name, linked to no new
   * title (Delta's follow is forgotten only a day later). */
  lists = describe_lists (f);
  g_assert_cmpstr (lists, ==, "watching: Alpha Charlie Delta Golf; wanted: Mike#0 Echo#0");
}

/* Follows and mutes of a title gone for good are forgotten: gone at the end
 * of a complete full scan, and still gone at the end of one a day later. Not
 * sooner, not after a scan that failed, and never when the title came back. */
static void
test_gone_follows_forgotten (Fixture       *f,
                             gconstpointer  data)
{
  SsvFakeFault fault = { SSV_FAKE_FAULT_STATUS, 500, -1, 0, -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvScanResult) failed = ssv_scan_result_new (SSV_SCAN_DEEP);
  gint64 delta, echo;

  /* Five shows: two going is less than half, which a scan removes without asking. */
  add_series (f, "series-a", "Alpha", "Continuing");
  add_series (f, "series-b", "Bravo", "Ended");
  add_series (f, "series-c", "Charlie", "Ended");
  add_series (f, "series-d", "Delta", "Ended");
  scan (f, SSV_SCAN_FULL);
  add_series (f, "series-e", "Echo", "Continuing");
  scan (f, SSV_SCAN_FULL);
  delta = row_of (f, "shows", "series-d");
  echo = row_of (f, "shows", "series-e");
  set_followed (f, delta, TRUE);
  set_followed (f, echo, FALSE);
  /* A show outside the library, followed by its TMDB id, and a person. */
  g_assert_true (ssv_watchlist_store_set_followed (f->watchlist, SSV_WATCH_KIND_SHOW, "tmdb", "1399", TRUE,
                                                   "Game of Thrones", NULL, &error));
  g_assert_true (ssv_watchlist_store_set_followed (f->watchlist, SSV_WATCH_KIND_PERSON, "tmdb", "819", TRUE,
                                                   "Edward Norton", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM watchlist"), ==, 4);

  /* Delta and Echo go; the scan that prunes them forgets nothing yet. */
  remove_series (f, "series-d");
  remove_series (f, "series-e");
  scan (f, SSV_SCAN_DEEP);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM shows"), ==, 3);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM watchlist"), ==, 4);

  /* Echo comes back; Delta does not, but the next full scan is minutes later
   * (a folder source scans at every change): Delta may be on its way back. */
  add_series (f, "series-e", "Echo", "Continuing");
  scan (f, SSV_SCAN_FULL);
  echo = row_of (f, "shows", "series-e");
  g_assert_false (followed (f, echo));
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM watchlist"), ==, 4);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM watchlist WHERE missing_since IS NOT NULL"), ==, 1);

  /* A day later, a scan that fails part-way forgets nothing. */
  g_assert_true (ssv_database_exec (f->db, "UPDATE watchlist SET missing_since = missing_since - 86400", &error));
  g_assert_no_error (error);
  ssv_fake_server_set_fault (f->server, "GET /Shows/*", &fault);
  g_assert_true (ssv_scanner_scan_source_sync (f->scanner, f->source, f->row, SSV_SCAN_DEEP, failed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (failed->errors, >, 0);
  ssv_fake_server_clear_faults (f->server);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM watchlist"), ==, 4);

  /* A complete one does: Delta is gone for good. */
  scan (f, SSV_SCAN_FULL);
  g_assert_false (followed (f, echo));
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM watchlist"), ==, 3);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM watchlist WHERE source = 'tmdb'"), ==, 2);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM activity WHERE message LIKE 'Forgot 1 %'"), ==, 1);

  /* Echo's mute stays through more scans; nothing else goes. */
  scan (f, SSV_SCAN_DEEP);
  scan (f, SSV_SCAN_FULL);
  g_assert_false (followed (f, echo));
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM watchlist"), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/identity/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("locks/rematch-survives-scan", test_rematch_survives_scan);
  ADD ("locks/lock-survives-scan", test_lock_survives_scan);
  ADD ("locks/enrichment-respects-lock", test_enrichment_respects_lock);
  ADD ("locks/names-checked", test_lock_names_checked);
  ADD ("rows/reused-row-ids-inherit-nothing", test_reused_row_ids_inherit_nothing);
  ADD ("rows/gone-follows-forgotten", test_gone_follows_forgotten);
#undef ADD

  return g_test_run ();
}
