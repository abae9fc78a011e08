/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-discovery.c: finding beyond the library (search marked owned, wished, followed;
 * title and person pages kept for a second visit; where to watch) and following people
 * (monitored movies join the wishlist on their home release date). */

#include "config.h"

#include <string.h>

#include "ssv-discovery.h"
#include "ssv-error.h"
#include "ssv-fake-providers.h"
#include "ssv-people-follower.h"
#include "ssv-test-utils.h"
#include "stores/ssv-streaming-store.h"

/* Monday 2 March 2026, 12:00 UTC. */
#define T0 ((gint64) 1772452800)

typedef struct
{
  char              *dir;
  SsvDatabase       *db;
  SsvFakeServer     *server;
  SsvFakeProviders  *fake;
  SsvHttp           *http;
  SsvSecrets        *secrets;
  SsvClock          *clock;
  SsvWatchlistStore *watchlist;
  SsvWishlistStore  *wishlist;
  SsvDiscovery      *discovery;
  SsvPeopleFollower *follower;
} Fixture;

static void
exec (SsvDatabase *db,
      const char  *sql)
{
  g_autoptr(GError) error = NULL;

  ssv_database_exec (db, sql, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->server = ssv_fake_server_new ();
  f->fake = ssv_fake_providers_new (f->server);
  ssv_fake_providers_set_key (f->fake, "tmdb", "discovery-key");
  f->http = ssv_http_new ();
  ssv_http_set_retry_policy (f->http, 1, 10);
  ssv_fake_providers_point_http (f->fake, f->http);
  f->secrets = ssv_secrets_new ();
  g_assert_true (ssv_secrets_store_sync (f->secrets, "api-key:tmdb", "test", "discovery-key", NULL, &error));
  g_assert_no_error (error);
  f->clock = ssv_clock_new_manual (T0);
  f->watchlist = ssv_watchlist_store_new (f->db);
  f->wishlist = ssv_wishlist_store_new (f->db);
  f->discovery = ssv_discovery_new (f->db, f->http, f->secrets, f->watchlist, f->clock);
  f->follower = ssv_people_follower_new (f->db, f->http, f->secrets, f->watchlist, f->wishlist, f->clock);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->follower);
  g_clear_object (&f->discovery);
  g_clear_object (&f->wishlist);
  g_clear_object (&f->watchlist);
  g_clear_object (&f->clock);
  g_clear_object (&f->secrets);
  g_clear_object (&f->http);
  g_clear_pointer (&f->fake, ssv_fake_providers_free);
  g_clear_pointer (&f->server, ssv_fake_server_free);
  ssv_test_close_temp_database (&f->db, &f->dir);
}

static SsvFoundTitle *
find_in (GPtrArray  *found,
         const char *kind,
         gint64      tmdb_id)
{
  for (guint i = 0; i < found->len; i++)
    {
      SsvFoundTitle *title = g_ptr_array_index (found, i);

      if (g_str_equal (ssv_found_title_get_kind (title), kind) && ssv_found_title_get_tmdb_id (title) == tmdb_id)
        return title;
    }

  return NULL;
}

/* The library's own title first; TMDB's others after it, each marked. */
static void
test_find_marks (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *note = NULL;
  SsvFoundTitle *owned, *wished, *followed, *other;

  exec (f->db, "INSERT INTO shows (id, title, year, tmdb_id) VALUES (5, 'Game of Thrones', 2011, 1399);"
               "INSERT INTO wishlist (kind, source, source_id, title) VALUES ('movie', 'tmdb', '738562', 'So Far');");
  g_assert_true (ssv_watchlist_store_set_followed (f->watchlist, SSV_WATCH_KIND_SHOW, "tmdb", "94997", TRUE,
                                                   "House of the Dragon", NULL, &error));
  ssv_fake_providers_set_tmdb_fixture (f->fake, "/search/multi", "tmdb/search-multi.json");

  found = ssv_discovery_find_sync (f->discovery, "Game of Thrones", FALSE, &note, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (note);

  owned = g_ptr_array_index (found, 0);
  g_assert_cmpstr (ssv_found_title_get_kind (owned), ==, SSV_FOUND_SHOW);
  g_assert_cmpint (ssv_found_title_get_tmdb_id (owned), ==, 1399);
  g_assert_true (ssv_found_title_get_owned (owned));
  g_assert_cmpint (ssv_found_title_get_library_id (owned), ==, 5);
  /* TMDB's Game of Thrones is the library's, listed once. */
  for (guint i = 1; i < found->len; i++)
    g_assert_false (ssv_found_title_get_tmdb_id (g_ptr_array_index (found, i)) == 1399);

  wished = find_in (found, SSV_FOUND_MOVIE, 738562);
  g_assert_nonnull (wished);
  g_assert_true (ssv_found_title_get_wished (wished));
  g_assert_false (ssv_found_title_get_owned (wished));
  followed = find_in (found, SSV_FOUND_SHOW, 94997);
  g_assert_true (ssv_found_title_get_followed (followed));
  other = find_in (found, SSV_FOUND_MOVIE, 322484);
  g_assert_false (ssv_found_title_get_owned (other) || ssv_found_title_get_wished (other) ||
                  ssv_found_title_get_followed (other));
  g_assert_cmpuint (found->len, ==, 13);
}

/* People come with what they are known for; collections are not titles. */
static void
test_find_people (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  SsvFoundTitle *person;

  ssv_fake_providers_set_tmdb_fixture (f->fake, "/search/multi", "tmdb/ceg_search-multi.json");
  found = ssv_discovery_find_sync (f->discovery, "Star Wars", FALSE, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (found->len, ==, 3);
  person = find_in (found, SSV_FOUND_PERSON, 12835);
  g_assert_nonnull (person);
  g_assert_cmpstr (ssv_found_title_get_title (person), ==, "Vin Diesel");
  g_assert_nonnull (ssv_found_title_get_known_for (person));
  g_assert_null (find_in (found, SSV_FOUND_MOVIE, 1703735));
}

/* Without a key, or with TMDB down, the library's results still come, and say why. */
static void
test_find_without_tmdb (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *note = NULL;

  exec (f->db, "INSERT INTO movies (title, year) VALUES ('Heat', 1995)");
  g_assert_true (ssv_secrets_clear_sync (f->secrets, "api-key:tmdb", NULL, NULL));

  found = ssv_discovery_find_sync (f->discovery, "heat", FALSE, &note, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (ssv_found_title_get_owned (g_ptr_array_index (found, 0)));
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "TMDB API key"));
}

/* A show outside the library with its seasons; the second visit asks TMDB nothing. */
static void
test_title_page_cached (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvMeta) first = NULL;
  g_autoptr(SsvMeta) second = NULL;
  guint hits;

  first = ssv_discovery_title_sync (f->discovery, SSV_ITEM_SHOW, 1399, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->title, ==, "Game of Thrones");
  g_assert_cmpuint (first->episodes->len, >, 10);
  g_assert_cmpuint (first->credits->len, >, 0);
  hits = ssv_fake_server_get_total_hits (f->server);
  g_assert_cmpuint (hits, ==, 1);

  second = ssv_discovery_title_sync (f->discovery, SSV_ITEM_SHOW, 1399, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->server), ==, hits);
  g_assert_cmpuint (second->episodes->len, ==, first->episodes->len);

  /* A week later it is read again. */
  ssv_clock_advance (f->clock, SSV_DISCOVERY_TITLE_AGE_S + 1);
  g_clear_pointer (&second, ssv_meta_free);
  second = ssv_discovery_title_sync (f->discovery, SSV_ITEM_SHOW, 1399, NULL, &error);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->server), ==, hits + 1);
}

/* A person's filmography, newest first, marked; followed shows as followed. */
static void
test_person_page (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvPersonPage) page = NULL;
  SsvFoundTitle *towers;

  exec (f->db, "INSERT INTO movies (id, title, tmdb_id) VALUES (3, 'The Two Towers', 121)");
  g_assert_true (ssv_watchlist_store_set_followed (f->watchlist, SSV_WATCH_KIND_PERSON, "tmdb", "12312", TRUE,
                                                   "Richard Anderson", NULL, &error));
  ssv_fake_providers_set_tmdb_fixture (f->fake, "/person/12312",
                                       "tmdb/ceg_person-12312-append-combined_credits.trimmed.json");

  page = ssv_discovery_person_sync (f->discovery, 12312, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (page->person->name, ==, "Richard Anderson");
  g_assert_true (page->followed);
  g_assert_cmpuint (page->filmography->len, ==, page->person->credits->len);
  towers = find_in (page->filmography, SSV_FOUND_MOVIE, 121);
  g_assert_true (ssv_found_title_get_owned (towers));
  g_assert_cmpint (ssv_found_title_get_library_id (towers), ==, 3);
  /* Newest first. */
  g_assert_cmpint (ssv_found_title_get_year (g_ptr_array_index (page->filmography, 0)), >=,
                   ssv_found_title_get_year (g_ptr_array_index (page->filmography, page->filmography->len - 1)));
}

/* Where to watch in one region: streaming first, by TMDB's priority; none elsewhere. */
static void
test_watch_providers (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) here = NULL;
  g_autoptr(GPtrArray) nowhere = NULL;
  g_autofree char *link = NULL;

  /* The shape TMDB documents for /movie/{id}/watch/providers; no recording was found. */
  ssv_fake_providers_set_tmdb (f->fake, "/movie/550/watch/providers", 200,
    "{\"id\":550,\"results\":{\"DE\":{\"link\":\"https://www.themoviedb.org/movie/550/watch?locale=DE\","
    "\"buy\":[{\"logo_path\":\"/a.jpg\",\"provider_id\":2,\"provider_name\":\"Apple TV\",\"display_priority\":4}],"
    "\"flatrate\":[{\"logo_path\":\"/b.jpg\",\"provider_id\":8,\"provider_name\":\"Netflix\",\"display_priority\":9},"
    "{\"logo_path\":\"/c.jpg\",\"provider_id\":337,\"provider_name\":\"Disney Plus\",\"display_priority\":1}]}}}");

  here = ssv_discovery_watch_providers_sync (f->discovery, SSV_ITEM_MOVIE, 550, "DE", &link, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (here->len, ==, 3);
  g_assert_cmpstr (((SsvWatchProvider *) g_ptr_array_index (here, 0))->name, ==, "Disney Plus");
  g_assert_cmpstr (((SsvWatchProvider *) g_ptr_array_index (here, 1))->name, ==, "Netflix");
  g_assert_cmpstr (((SsvWatchProvider *) g_ptr_array_index (here, 2))->kind, ==, "buy");
  g_assert_nonnull (strstr (link, "locale=DE"));

  nowhere = ssv_discovery_watch_providers_sync (f->discovery, SSV_ITEM_MOVIE, 550, "US", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nowhere->len, ==, 0);
}

/* ---- following people ------------------------------------------------------------------ */

static void
answer_person (Fixture *f)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load ("tmdb/ceg_person-12312-append-combined_credits.trimmed.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  JsonObject *credits;
  JsonArray *cast;
  JsonObject *recent = json_object_new ();
  JsonObject *upcoming = json_object_new ();

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             (gssize) g_bytes_get_size (bytes), NULL));
  credits = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                           "combined_credits");
  cast = json_object_get_array_member (credits, "cast");

  /* A part two years ago, and one in a movie only announced. */
  json_object_set_int_member (recent, "id", 900001);
  json_object_set_string_member (recent, "media_type", "movie");
  json_object_set_string_member (recent, "title", "The Harbour");
  json_object_set_string_member (recent, "release_date", "2024-05-10");
  json_object_set_string_member (recent, "character", "The Captain");
  json_array_add_object_element (cast, recent);
  json_object_set_int_member (upcoming, "id", 900002);
  json_object_set_string_member (upcoming, "media_type", "movie");
  json_object_set_string_member (upcoming, "title", "The Long Tide");
  json_object_set_string_member (upcoming, "character", "The Keeper");
  json_array_add_object_element (cast, upcoming);

  text = json_to_string (json_parser_get_root (parser), FALSE);
  ssv_fake_providers_set_tmdb (f->fake, "/person/12312", 200, text);
}

/* A release_dates answer: a cinema release in the US and, when given, a digital one. */
static void
answer_release_dates (Fixture    *f,
                      gint64      movie,
                      const char *cinema,
                      const char *digital)
{
  g_autofree char *path = g_strdup_printf ("/movie/%" G_GINT64_FORMAT "/release_dates", movie);
  g_autofree char *body = g_strdup_printf (
    "{\"id\":%" G_GINT64_FORMAT ",\"results\":[{\"iso_3166_1\":\"US\",\"release_dates\":["
    "{\"release_date\":\"%sT00:00:00.000Z\",\"type\":3}%s%s%s]}]}",
    movie, cinema, digital ? ",{\"release_date\":\"" : "", digital ? digital : "",
    digital ? "T00:00:00.000Z\",\"type\":4}" : "");

  ssv_fake_providers_set_tmdb (f->fake, path, 200, body);
}

/* Follow with a five-year look back: a movie of two years ago joins the wishlist
 * now; an announced one waits as monitored and joins on its home release date
 * (its cinema date plus 90 days when no digital date is known), once. */
static void
test_follow_person (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(SsvFollowReport) report = { 0, };
  g_auto(SsvFollowReport) later = { 0, };
  g_autofree char *state = NULL;
  gboolean followed = FALSE;

  answer_person (f);
  answer_release_dates (f, 900001, "2024-05-10", "2024-07-01");
  ssv_fake_providers_set_tmdb (f->fake, "/movie/900002/release_dates", 200, "{\"id\":900002,\"results\":[]}");

  g_assert_true (ssv_people_follower_follow_sync (f->follower, 12312, 5, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report.name, ==, "Richard Anderson");
  g_assert_cmpuint (report.found, ==, 2);
  g_assert_cmpuint (report.wanted, ==, 1);
  g_assert_cmpuint (report.monitored, ==, 1);
  g_assert_true (ssv_watchlist_store_is_followed (f->watchlist, SSV_WATCH_KIND_PERSON, "tmdb", "12312",
                                                  &followed, &error));
  g_assert_true (followed);

  /* The Two Towers (2002) is before the look back; appearances as themselves never count. */
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM followed_releases"), ==, 2);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE kind = 'movie' "
                                              "AND source = 'tmdb' AND source_id = '900001'"), ==, 1);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE source_id = '900002'"), ==, 0);

  /* The announced one gets a cinema date in May; at home 90 days later. */
  answer_release_dates (f, 900002, "2026-05-01", NULL);
  ssv_clock_set_now (f->clock, T0 + 30 * 86400);
  g_assert_true (ssv_people_follower_sync_sync (f->follower, FALSE, &later, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (later.wanted, ==, 0);
  state = ssv_test_query_text (f->db, "SELECT state || ' ' || home_release_date FROM followed_releases "
                                      "WHERE movie_tmdb_id = 900002");
  g_assert_cmpstr (state, ==, "monitored 2026-07-30");

  ssv_clock_set_now (f->clock, T0 + 160 * 86400);
  g_assert_true (ssv_people_follower_sync_sync (f->follower, FALSE, &later, NULL, &error));
  g_assert_cmpuint (later.wanted, ==, 1);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE source_id = '900002'"), ==, 1);

  /* Taken off the wishlist by the person, it stays off. */
  exec (f->db, "DELETE FROM wishlist WHERE source_id = '900002'");
  g_assert_true (ssv_people_follower_sync_sync (f->follower, TRUE, &later, NULL, &error));
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE source_id = '900002'"), ==, 0);
}

/* "Only upcoming": nothing already released joins; unfollowed people's movies stop waiting. */
static void
test_follow_only_upcoming (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(SsvFollowReport) report = { 0, };

  answer_person (f);
  answer_release_dates (f, 900002, "2026-05-01", "2026-06-15");
  g_assert_true (ssv_people_follower_follow_sync (f->follower, 12312, 0, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.found, ==, 1);
  g_assert_cmpuint (report.wanted, ==, 0);
  g_assert_cmpuint (report.monitored, ==, 1);

  g_assert_true (ssv_watchlist_store_set_followed (f->watchlist, SSV_WATCH_KIND_PERSON, "tmdb", "12312", FALSE,
                                                   NULL, NULL, &error));
  ssv_clock_set_now (f->clock, T0 + 200 * 86400);
  g_assert_true (ssv_people_follower_sync_sync (f->follower, TRUE, &report, NULL, &error));
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist"), ==, 0);
}

/* A person TMDB does not know: a plain message, nothing followed. */
static void
test_follow_unknown_person (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(SsvFollowReport) report = { 0, };

  ssv_fake_providers_set_tmdb (f->fake, "/person/999", 404, NULL);
  g_assert_false (ssv_people_follower_follow_sync (f->follower, 999, 3, &report, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM watchlist"), ==, 0);
}


/* A show not owned, wished from its TMDB page: every aired regular episode TMDB lists is
 * wanted, with TheTVDB's id for the indexers, the show's page and search say it is wished,
 * and the answer its page read is reused (TMDB hears nothing more). */
static void
test_wish_show_not_owned (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvTitle) title = NULL;
  g_autoptr(SsvTitle) again = NULL;
  guint n_added = 0;
  guint hits;

  title = ssv_discovery_load_title_sync (f->discovery, SSV_ITEM_SHOW, 1399, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (ssv_title_get_wished (title));
  hits = ssv_fake_server_get_total_hits (f->server);

  g_assert_true (ssv_discovery_wish_show_sync (f->discovery, f->wishlist, 1399, SSV_WISH_TARGET_SEASON, 1, 0,
                                               &n_added, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 10);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->server), ==, hits);
  g_assert_cmpint (ssv_test_query_int (f->db,
    "SELECT tvdb_id FROM wishlist_shows WHERE source = 'tmdb' AND source_id = '1399'"), ==, 121361);
  g_assert_cmpint (ssv_test_query_int (f->db,
    "SELECT count(*) FROM wishlist WHERE kind = 'episode' AND season_number = 1 AND air_date IS NOT NULL"), ==, 10);
  g_assert_cmpint (ssv_test_query_int (f->db,
    "SELECT count(*) FROM wishlist WHERE title = 'Winter Is Coming'"), ==, 1);

  /* The whole show: the other regular seasons join; the specials stay out. */
  g_assert_true (ssv_discovery_wish_show_sync (f->discovery, f->wishlist, 1399, SSV_WISH_TARGET_SHOW, -1, 0,
                                               &n_added, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE season_number = 0"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(DISTINCT season_number) FROM wishlist"), ==, 8);
  g_assert_cmpuint (n_added, ==, (guint) ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist") - 10);

  again = ssv_discovery_load_title_sync (f->discovery, SSV_ITEM_SHOW, 1399, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_title_get_wished (again));

  /* TMDB does not know it: nothing is added, and the words say so. */
  g_assert_false (ssv_discovery_wish_show_sync (f->discovery, f->wishlist, 424242, SSV_WISH_TARGET_SHOW, -1, 0,
                                                NULL, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist_shows"), ==, 1);
}


static gboolean
has_key (GHashTable *keys,
         gboolean    show,
         gint64      id)
{
  g_autofree char *key = ssv_streaming_key (show, id);

  return g_hash_table_contains (keys, key);
}

/* Streaming: the services TMDB lists for a country, each once and in its order there; where
 * the wanted titles stream, read once a week and kept; which of them the person's services
 * stream (subscriptions only: a film one can only buy is not "on" a service). */
static void
test_streaming_offers (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GHashTable) streamed = NULL;
  g_autoptr(GHashTable) elsewhere = NULL;
  const gint64 netflix[] = { 8 };
  const gint64 apple[] = { 2 };
  guint n_read = 0;
  guint hits;

  ssv_fake_providers_set_tmdb_fixture (f->fake, "/watch/providers/movie", "tmdb/watch-providers-movie-DE.SHAPE.json");
  ssv_fake_providers_set_tmdb_fixture (f->fake, "/watch/providers/tv", "tmdb/watch-providers-tv-DE.SHAPE.json");
  ssv_fake_providers_set_tmdb_fixture (f->fake, "/movie/550/watch/providers", "tmdb/movie-550-watch-providers-DE.SHAPE.json");
  /* Game of Thrones only to buy there; a film TMDB lost. */
  ssv_fake_providers_set_tmdb (f->fake, "/tv/1399/watch/providers", 200,
    "{\"id\":1399,\"results\":{\"DE\":{\"link\":\"https://www.themoviedb.org/tv/1399/watch?locale=DE\","
    "\"buy\":[{\"logo_path\":\"/a.jpg\",\"provider_id\":2,\"provider_name\":\"Apple TV\",\"display_priority\":4}]}}}");
  ssv_fake_providers_set_tmdb (f->fake, "/movie/949/watch/providers", 404, NULL);

  services = ssv_discovery_streaming_services_sync (f->discovery, "DE", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (services->len, ==, 4);
  g_assert_cmpstr (((SsvWatchProvider *) g_ptr_array_index (services, 0))->name, ==, "Netflix");
  g_assert_cmpstr (((SsvWatchProvider *) g_ptr_array_index (services, 1))->name, ==, "Disney Plus");
  g_assert_cmpstr (((SsvWatchProvider *) g_ptr_array_index (services, 2))->name, ==, "Amazon Prime Video");
  g_assert_cmpstr (((SsvWatchProvider *) g_ptr_array_index (services, 3))->name, ==, "WOW");

  exec (f->db,
    "INSERT INTO wishlist (id, kind, source, source_id, title) VALUES (1, 'movie', 'tmdb', '550', 'Fight Club'),"
    " (2, 'movie', 'tmdb', '949', 'Heat');"
    "INSERT INTO wishlist_shows (id, source, source_id, title, wanted) VALUES (5, 'tmdb', '1399', 'Game of Thrones', 1);");

  hits = ssv_fake_server_get_total_hits (f->server);
  g_assert_true (ssv_discovery_refresh_streaming_sync (f->discovery, "DE", SSV_STREAMING_MAX_AGE_S, &n_read, NULL,
                                                       &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_read, ==, 3);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->server), ==, hits + 3);

  streamed = ssv_streaming_store_dup_streamed (f->db, "DE", netflix, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (streamed), ==, 1);
  g_assert_true (has_key (streamed, FALSE, 1));
  /* Bought, not streamed: nothing is hidden for a store. */
  elsewhere = ssv_streaming_store_dup_streamed (f->db, "DE", apple, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (elsewhere), ==, 0);

  /* Read within the week: not again. A week on: again. */
  g_assert_true (ssv_discovery_refresh_streaming_sync (f->discovery, "DE", SSV_STREAMING_MAX_AGE_S, &n_read, NULL,
                                                       &error));
  g_assert_cmpuint (n_read, ==, 0);
  ssv_clock_advance (f->clock, SSV_STREAMING_MAX_AGE_S + 1);
  g_assert_true (ssv_discovery_refresh_streaming_sync (f->discovery, "DE", SSV_STREAMING_MAX_AGE_S, &n_read, NULL,
                                                       &error));
  g_assert_cmpuint (n_read, ==, 3);

  /* A key TMDB refuses stops the refresh with its words; what was read stays. */
  ssv_fake_providers_set_key (f->fake, "tmdb", "another-key");
  ssv_clock_advance (f->clock, SSV_STREAMING_MAX_AGE_S + 1);
  g_assert_false (ssv_discovery_refresh_streaming_sync (f->discovery, "DE", 60, &n_read, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_pointer (&streamed, g_hash_table_unref);
  streamed = ssv_streaming_store_dup_streamed (f->db, "DE", netflix, 1, &error);
  g_assert_true (has_key (streamed, FALSE, 1));
}


/* A season TMDB lists with one more episode, announced for 3 March 2026: the recorded season 1
 * of Game of Thrones with an eleventh episode added in TMDB's shape of a season's episode. */
static char *
season_with_a_new_episode (void)
{
  g_autoptr(GBytes) recorded = ssv_fixture_load ("tmdb/tv-season-details.trimmed.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *episode = json_object_new ();
  gsize size;
  const char *data = g_bytes_get_data (recorded, &size);

  json_parser_load_from_data (parser, data, (gssize) size, &error);
  g_assert_no_error (error);
  json_object_set_int_member (episode, "id", 9990011);
  json_object_set_int_member (episode, "season_number", 1);
  json_object_set_int_member (episode, "episode_number", 11);
  json_object_set_string_member (episode, "name", "The Long Night Returns");
  json_object_set_string_member (episode, "air_date", "2026-03-03");
  json_array_add_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                               "episodes"), episode);
  return json_to_string (json_parser_get_root (parser), FALSE);
}

/* A wished show the library lacks keeps TMDB's list current: the daily refresh brings an
 * episode announced since, which joins the wishlist the day it airs. */
static void
test_wished_show_refreshed (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *season = season_with_a_new_episode ();
  g_autoptr(GDateTime) aired = g_date_time_new_from_unix_local (T0 + 2 * 86400);
  guint n_read = 0, joined = 0;

  g_assert_true (ssv_discovery_wish_show_sync (f->discovery, f->wishlist, 1399, SSV_WISH_TARGET_SEASON, 1, 0,
                                               NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist_show_episodes WHERE season_number = 1"),
                   ==, 10);

  /* Within the day, TMDB is not asked again. */
  g_assert_true (ssv_discovery_refresh_wished_shows_sync (f->discovery, f->wishlist, &n_read, NULL, &error));
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist_show_episodes WHERE season_number = 1"),
                   ==, 10);

  ssv_fake_providers_set_tmdb (f->fake, "/tv/1399/season/1", 200, season);
  ssv_clock_advance (f->clock, 86400);
  g_assert_true (ssv_discovery_refresh_wished_shows_sync (f->discovery, f->wishlist, &n_read, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_read, ==, 1);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist_show_episodes WHERE season_number = 1"),
                   ==, 11);
  /* Listed, not yet wanted: it has not aired. */
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE episode_number = 11"), ==, 0);

  g_assert_true (ssv_wishlist_store_join_aired (f->wishlist, aired, &joined, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (joined, ==, 1);
  g_assert_cmpint (ssv_test_query_int (f->db,
    "SELECT count(*) FROM wishlist WHERE episode_number = 11 AND title = 'The Long Night Returns'"), ==, 1);

  /* TMDB lost the show: what was wished stays. */
  ssv_fake_providers_set_tmdb (f->fake, "/tv/1399", 404, NULL);
  ssv_clock_advance (f->clock, 86400);
  g_assert_true (ssv_discovery_refresh_wished_shows_sync (f->discovery, f->wishlist, &n_read, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_read, ==, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist"), ==, 11);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);
  g_setenv ("TZ", "UTC", TRUE);

#define ADD(path, func) \
  g_test_add ("/core/discovery/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("find-marks-owned-wished-followed", test_find_marks);
  ADD ("find-people", test_find_people);
  ADD ("find-without-tmdb", test_find_without_tmdb);
  ADD ("title-page-cached", test_title_page_cached);
  ADD ("person-page", test_person_page);
  ADD ("watch-providers", test_watch_providers);
  ADD ("wish-show-not-owned", test_wish_show_not_owned);
  ADD ("streaming-offers", test_streaming_offers);
  ADD ("wished-show-refreshed", test_wished_show_refreshed);
  ADD ("follow-person", test_follow_person);
  ADD ("follow-only-upcoming", test_follow_only_upcoming);
  ADD ("follow-unknown-person", test_follow_unknown_person);

#undef ADD

  return g_test_run ();
}
