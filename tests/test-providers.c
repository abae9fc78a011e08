/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-providers.c: the providers' pure parsers, fed the recorded answers and broken ones. */

#include "config.h"

#include <string.h>

#include "ssv-error.h"
#include "ssv-fake-server.h"
#include "ssv-test-utils.h"
#include "net/ssv-http.h"
#include "providers/ssv-fanart.h"
#include "providers/ssv-omdb.h"
#include "providers/ssv-opensubtitles.h"
#include "providers/ssv-tmdb.h"
#include "providers/ssv-tvdb.h"

static const SsvTmdbOptions options = { "http://images.test/t/p", "en-US", "US" };

static JsonNode *
fixture_json (const char *name)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load (name);
  g_autoptr(GError) error = NULL;
  JsonNode *node = ssv_json_parse_bytes (bytes, name, &error);

  g_assert_no_error (error);
  return node;
}

static JsonNode *
text_json (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return ssv_json_parse_bytes (bytes, "test", NULL);
}

/* movie/550 with its appended parts, as the real API nests them. */
static JsonNode *
composed_movie (void)
{
  JsonNode *details = fixture_json ("tmdb/movie-details.json");
  JsonObject *object = json_node_get_object (details);

  json_object_set_member (object, "external_ids", fixture_json ("tmdb/movie-external-ids.json"));
  json_object_set_member (object, "credits", fixture_json ("tmdb/movie-credits.trimmed.json"));
  json_object_set_member (object, "images", fixture_json ("tmdb/movie-images.trimmed.json"));

  return details;
}

static const SsvMetaCredit *
find_credit (SsvMeta       *meta,
             SsvCreditRole  role,
             guint          nth)
{
  for (guint i = 0; i < meta->credits->len; i++)
    {
      SsvMetaCredit *credit = g_ptr_array_index (meta->credits, i);

      if (credit->role == role && nth-- == 0)
        return credit;
    }

  return NULL;
}

static void
test_tmdb_movie (void)
{
  g_autoptr(JsonNode) root = composed_movie ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvMeta) meta = ssv_tmdb_parse_details (root, SSV_ITEM_MOVIE, &options, &error);
  const SsvMetaCredit *first_cast;
  const SsvMetaCredit *director;

  g_assert_no_error (error);
  g_assert_cmpint (meta->tmdb_id, ==, 550);
  g_assert_cmpstr (meta->title, ==, "Fight Club");
  g_assert_cmpstr (meta->imdb_id, ==, "tt0137523");
  g_assert_cmpint (meta->year, ==, 1999);
  g_assert_cmpint (meta->runtime_minutes, ==, 139);
  g_assert_cmpstr (meta->tagline, ==, "Mischief. Mayhem. Soap.");
  g_assert_cmpstr (meta->status, ==, "Released");
  g_assert_nonnull (meta->studio);
  g_assert_cmpfloat (meta->tmdb_rating, >, 8.0);
  g_assert_true (g_str_has_prefix (meta->poster_url, "http://images.test/t/p/w500/"));
  g_assert_true (g_str_has_prefix (meta->backdrop_url, "http://images.test/t/p/w1280/"));
  g_assert_cmpuint (meta->genres->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (meta->genres, 0), ==, "Drama");

  /* The best-voted English logo. */
  g_assert_cmpstr (meta->logo_url, ==, "http://images.test/t/p/w500/7Uqhv24pGJs4Ns31NoOPWFJGWNG.png");

  /* Cast in billing order with characters; the director from the crew; writers from Writing. */
  first_cast = find_credit (meta, SSV_CREDIT_CAST, 0);
  g_assert_nonnull (first_cast);
  g_assert_cmpstr (first_cast->name, ==, "Edward Norton");
  g_assert_cmpstr (first_cast->character, ==, "Narrator");
  g_assert_cmpint (first_cast->tmdb_id, ==, 819);
  g_assert_true (g_str_has_prefix (first_cast->profile_url, "http://images.test/t/p/w185/"));
  director = find_credit (meta, SSV_CREDIT_DIRECTOR, 0);
  g_assert_nonnull (director);
  g_assert_cmpstr (director->name, ==, "David Fincher");
  g_assert_nonnull (find_credit (meta, SSV_CREDIT_WRITER, 0));
  g_assert_cmpstr (find_credit (meta, SSV_CREDIT_WRITER, 0)->job, ==, "Novel");
}

static void
test_tmdb_logo_language (void)
{
  g_autoptr(JsonNode) root = fixture_json ("tmdb/tv-details.json");
  JsonObject *object = json_node_get_object (root);
  g_autoptr(SsvMeta) meta = NULL;
  g_autoptr(SsvMeta) hebrew = NULL;
  SsvTmdbOptions he = { "http://i", "he-IL", "IL" };

  json_object_set_member (object, "images", fixture_json ("tmdb/tv-images.trimmed.json"));

  /* The first logo listed is Hebrew; English comes first for an English library… */
  meta = ssv_tmdb_parse_details (root, SSV_ITEM_SHOW, &options, NULL);
  g_assert_nonnull (meta);
  g_assert_true (g_str_has_suffix (meta->logo_url, ".png"));
  g_assert_false (g_str_has_suffix (meta->logo_url, "/c1KLulrIhUqY5fT42nmC5aERGCp.png"));

  /* …and the metadata language first for a Hebrew one. */
  hebrew = ssv_tmdb_parse_details (root, SSV_ITEM_SHOW, &he, NULL);
  g_assert_cmpstr (hebrew->logo_url, ==, "http://i/w500/c1KLulrIhUqY5fT42nmC5aERGCp.png");
}

static void
test_tmdb_show_and_season (void)
{
  g_autoptr(JsonNode) root = fixture_json ("tmdb/tv-details.json");
  g_autoptr(JsonNode) season = fixture_json ("tmdb/tv-season-details.trimmed.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvMeta) meta = ssv_tmdb_parse_details (root, SSV_ITEM_SHOW, &options, &error);
  SsvMetaEpisode *first;

  g_assert_no_error (error);
  g_assert_cmpint (meta->tmdb_id, ==, 1399);
  g_assert_cmpstr (meta->network, ==, "HBO");
  g_assert_cmpstr (meta->first_air_date, ==, "2011-04-17");
  g_assert_cmpint (meta->year, ==, 2011);
  g_assert_cmpuint (meta->seasons->len, ==, 9);
  g_assert_nonnull (find_credit (meta, SSV_CREDIT_CREATOR, 1));
  g_assert_cmpuint (meta->episodes->len, ==, 0);

  g_assert_true (ssv_tmdb_parse_season (season, 1, &options, meta, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (meta->episodes->len, ==, 10);
  first = g_ptr_array_index (meta->episodes, 0);
  g_assert_cmpint (first->season_number, ==, 1);
  g_assert_cmpint (first->episode_number, ==, 1);
  g_assert_cmpstr (first->title, ==, "Winter Is Coming");
  g_assert_cmpstr (first->air_date, ==, "2011-04-17");
  g_assert_cmpint (first->runtime_minutes, ==, 62);
  g_assert_true (g_str_has_prefix (first->still_url, "http://images.test/t/p/w300/"));

  /* A body for another season than asked for is not taken. */
  g_assert_false (ssv_tmdb_parse_season (season, 4, &options, meta, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
  g_assert_cmpuint (meta->episodes->len, ==, 10);
}

static void
test_tmdb_search (void)
{
  g_autoptr(JsonNode) root = fixture_json ("tmdb/search-tv.json");
  g_autoptr(GPtrArray) results = ssv_tmdb_parse_search (root, SSV_ITEM_SHOW, &options, NULL);
  g_autoptr(JsonNode) empty = text_json ("{\"page\":1,\"results\":[],\"total_results\":0}");
  g_autoptr(GPtrArray) none = ssv_tmdb_parse_search (empty, SSV_ITEM_MOVIE, &options, NULL);

  g_assert_cmpuint (results->len, ==, 4);
  g_assert_cmpint (ssv_search_pick_best (results, "Game of Thrones", 2011), ==, 0);
  /* The year decides between titles that both contain the words. */
  g_assert_cmpint (ssv_search_pick_best (results, "House of the Dragon", 2022), ==, 2);
  /* A year nothing is near, and no title that matches: not this. */
  g_assert_cmpint (ssv_search_pick_best (results, "Dragons", 1950), ==, -1);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpint (ssv_search_pick_best (none, "Anything", 0), ==, -1);
}

static void
test_tmdb_alternative_titles (void)
{
  g_autoptr(JsonNode) movie = fixture_json ("tmdb/movie-alternative-titles.json");
  g_autoptr(JsonNode) show = text_json ("{\"id\": 1399, \"results\": [{\"iso_3166_1\": \"FR\", \"title\": "
                                        "\"Le Trône de fer\", \"type\": \"\"}, {\"title\": 4}, {\"title\": "
                                        "\"Le Trône de fer\"}, null]}");
  g_autoptr(JsonNode) odd = text_json ("{\"id\": 1, \"titles\": \"none\"}");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) films = ssv_tmdb_parse_alternative_titles (movie, NULL);
  g_auto(GStrv) shows = ssv_tmdb_parse_alternative_titles (show, NULL);
  g_auto(GStrv) none = ssv_tmdb_parse_alternative_titles (odd, &error);

  g_assert_cmpuint (g_strv_length (films), ==, 18);
  g_assert_true (g_strv_contains ((const char * const *) films, "El club de la lucha"));
  g_assert_true (g_strv_contains ((const char * const *) films, "파이트 클럽"));
  /* TV answers name the list "results"; repeats and wrong types are left out */
  g_assert_cmpuint (g_strv_length (shows), ==, 1);
  g_assert_cmpstr (shows[0], ==, "Le Trône de fer");
  g_assert_null (none);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
}

static void
test_tmdb_wrong_types (void)
{
  static const char * const bodies[] = {
    "[]",
    "{\"id\": \"550\"}",
    ("{\"id\": 550, \"title\": 7, \"genres\": {\"name\": 1}, \"credits\": [], \"images\": \"no\","
     " \"runtime\": \"long\", \"vote_average\": \"NaN\", \"poster_path\": \"http://evil/x.jpg\"}"),
    "{\"id\": 550, \"credits\": {\"cast\": [1, null, {\"name\": null}, {\"name\": \"A\", \"order\": \"x\"}]}}",
    "{\"id\": 1e308, \"release_date\": \"19\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(JsonNode) root = text_json (bodies[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(SsvMeta) meta = ssv_tmdb_parse_details (root, SSV_ITEM_MOVIE, &options, &error);

      g_test_message ("%s", bodies[i]);
      if (meta == NULL)
        g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
      else
        {
          /* Wrong types read as absent, never as garbage. */
          g_assert_null (meta->title);
          g_assert_null (meta->poster_url);
          g_assert_cmpint (meta->runtime_minutes, ==, 0);
        }
    }
}

static void
test_tvdb (void)
{
  g_autoptr(JsonNode) series = fixture_json ("tvdb/series_78878_extended.json");
  g_autoptr(JsonNode) episodes = fixture_json ("tvdb/series_75978_episodes_default.json");
  g_autoptr(JsonNode) search = fixture_json ("tvdb/search_saint_seiya_type_series.json");
  g_autoptr(JsonNode) login = text_json ("{\"status\":\"success\",\"data\":{\"token\":\"abc.def\"}}");
  g_autoptr(JsonNode) failure = fixture_json ("tvdb/error_400_query_required.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvMeta) meta = ssv_tvdb_parse_series (series, &error);
  g_autoptr(GPtrArray) results = ssv_tvdb_parse_search (search, NULL);
  g_autofree char *token = ssv_tvdb_parse_login (login, NULL);
  SsvSearchResult *first;
  gboolean has_next = TRUE;

  g_assert_no_error (error);
  g_assert_cmpint (meta->tvdb_id, ==, 78878);
  /* airsTime is the broadcaster's local time; the latest network is American. */
  g_assert_cmpstr (meta->air_time, ==, "13:00");
  g_assert_cmpstr (meta->air_time_zone, ==, "America/New_York");
  g_assert_cmpstr (meta->network, ==, "Anime OAV");
  g_assert_cmpstr (meta->status, ==, "Ended");
  g_assert_cmpuint (meta->genres->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (meta->genres, 0), ==, "Science Fiction");
  g_assert_cmpint (meta->runtime_minutes, ==, 24);

  g_assert_true (ssv_tvdb_parse_episodes (episodes, meta, &has_next, &error));
  g_assert_false (has_next);
  g_assert_cmpuint (meta->episodes->len, >, 0);
  g_assert_cmpstr (((SsvMetaEpisode *) g_ptr_array_index (meta->episodes, 0))->title, ==,
                   "Stewie Griffin: The Untold Story");

  g_assert_cmpuint (results->len, ==, 1);
  first = g_ptr_array_index (results, 0);
  g_assert_cmpint (first->id, ==, 72775);
  g_assert_cmpint (first->year, ==, 1986);

  g_assert_cmpstr (token, ==, "abc.def");
  g_assert_null (ssv_tvdb_parse_series (failure, &error) ? (gpointer) 1 : NULL);
}

static void
test_omdb (void)
{
  g_autoptr(JsonNode) movie = fixture_json ("omdb/movie_tt0137523.SHAPE.json");
  g_autoptr(JsonNode) episode = fixture_json ("omdb/episode_tt2161930.json");
  g_autoptr(JsonNode) limit = fixture_json ("omdb/error_limit.json");
  g_autoptr(JsonNode) bad_key = fixture_json ("omdb/error_invalid_key.SHAPE.json");
  g_autoptr(JsonNode) unknown = fixture_json ("omdb/error_not_found.SHAPE.json");
  g_autoptr(SsvMeta) ratings = ssv_omdb_parse (movie, SSV_ITEM_MOVIE, NULL);
  g_autoptr(SsvMeta) episode_ratings = ssv_omdb_parse (episode, SSV_ITEM_EPISODE, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpfloat_with_epsilon (ratings->imdb_rating, 8.8, 0.001);
  g_assert_cmpint (ratings->imdb_votes, ==, 2412375);
  g_assert_cmpint (ratings->rt_score, ==, 79);
  g_assert_cmpint (ratings->metascore, ==, 67);

  /* "N/A" is nothing, not zero. */
  g_assert_cmpfloat_with_epsilon (episode_ratings->imdb_rating, 8.7, 0.001);
  g_assert_cmpint (episode_ratings->metascore, ==, -1);
  g_assert_cmpint (episode_ratings->rt_score, ==, -1);

  g_assert_null (ssv_omdb_parse (limit, SSV_ITEM_MOVIE, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_QUOTA);
  g_clear_error (&error);
  g_assert_null (ssv_omdb_parse (bad_key, SSV_ITEM_MOVIE, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED);
  g_clear_error (&error);
  g_assert_null (ssv_omdb_parse (unknown, SSV_ITEM_MOVIE, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);

  /* The allowance comes back at the next midnight, UTC. */
  g_assert_cmpint (ssv_omdb_next_reset (1700000000), ==, 1700006400);
  g_assert_cmpint (ssv_omdb_next_reset (1700006400), ==, 1700092800);
}

static void
test_fanart (void)
{
  g_autoptr(JsonNode) v3 = fixture_json ("fanart/movies_550_v3.SHAPE.json");
  g_autoptr(JsonNode) legacy = fixture_json ("fanart/movie_thg.json");
  g_autoptr(JsonNode) tv = fixture_json ("fanart/tv_239761.json");
  g_autoptr(JsonNode) missing = text_json ("{\"status\":\"error\",\"error message\":\"Not found\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvMeta) meta = ssv_fanart_parse (v3, SSV_ITEM_MOVIE, "en-US", &error);
  g_autoptr(SsvMeta) hebrew = ssv_fanart_parse (v3, SSV_ITEM_MOVIE, "he-IL", NULL);
  g_autoptr(SsvMeta) old = ssv_fanart_parse (legacy, SSV_ITEM_MOVIE, "en", NULL);
  g_autoptr(SsvMeta) show = ssv_fanart_parse (tv, SSV_ITEM_SHOW, "en", NULL);

  g_assert_no_error (error);
  /* English or text-free, then the most liked: the Hebrew logo has more likes but loses. */
  g_assert_cmpstr (meta->logo_url, ==, "https://assets.fanart.tv/fanart/movies/550/hdmovielogo/fight-club-00.png");
  g_assert_cmpstr (hebrew->logo_url, ==, "https://assets.fanart.tv/fanart/movies/550/hdmovielogo/fight-club-he.png");
  g_assert_cmpstr (meta->backdrop_url, ==, "https://assets.fanart.tv/fanart/movies/550/moviebackground/fight-club-2.jpg");
  g_assert_nonnull (meta->clearart_url);
  g_assert_nonnull (meta->banner_url);
  g_assert_cmpint (meta->tmdb_id, ==, 550);

  /* The 2013 layout wraps the lists in the title's name. */
  g_assert_nonnull (old);
  g_assert_cmpint (old->tmdb_id, ==, 70160);
  g_assert_nonnull (old->logo_url);
  g_assert_nonnull (show);
  g_assert_nonnull (show->clearart_url);

  g_assert_null (ssv_fanart_parse (missing, SSV_ITEM_MOVIE, "en", &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
}

static void
test_opensubtitles (void)
{
  g_autoptr(JsonNode) page = fixture_json ("opensubtitles/subtitles_imdb_137523.SHAPE.json");
  g_autoptr(JsonNode) broken = text_json ("{\"data\": {\"language\": \"en\"}}");
  g_autoptr(GHashTable) languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *joined = NULL;
  g_autoptr(GError) error = NULL;
  int pages = 0;

  g_assert_true (ssv_opensubtitles_parse_page (page, languages, &pages, &error));
  g_assert_cmpint (pages, ==, 1);
  joined = ssv_opensubtitles_join (languages);
  g_assert_cmpstr (joined, ==, "en,fr,pt-br");

  g_assert_false (ssv_opensubtitles_parse_page (broken, languages, &pages, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/providers/tmdb/movie", test_tmdb_movie);
  g_test_add_func ("/providers/tmdb/logo-language", test_tmdb_logo_language);
  g_test_add_func ("/providers/tmdb/show-and-season", test_tmdb_show_and_season);
  g_test_add_func ("/providers/tmdb/search", test_tmdb_search);
  g_test_add_func ("/providers/tmdb/alternative-titles", test_tmdb_alternative_titles);
  g_test_add_func ("/providers/tmdb/wrong-types", test_tmdb_wrong_types);
  g_test_add_func ("/providers/tvdb", test_tvdb);
  g_test_add_func ("/providers/omdb", test_omdb);
  g_test_add_func ("/providers/fanart", test_fanart);
  g_test_add_func ("/providers/opensubtitles", test_opensubtitles);

  return g_test_run ();
}
