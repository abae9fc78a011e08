/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-wishlist.c: wanted movies and episodes, shows and seasons that roll them up. */

#include "config.h"

#include "ssv-error.h"
#include "ssv-test-utils.h"
#include "stores/ssv-profile-store.h"
#include "stores/ssv-wishlist-search-store.h"
#include "stores/ssv-wishlist-store.h"

typedef struct
{
  char             *dir;
  SsvDatabase      *db;
  SsvWishlistStore *store;
} Fixture;

static GDateTime *
day (int year,
     int month,
     int day_of_month)
{
  return g_date_time_new_local (year, month, day_of_month, 12, 0, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->store = ssv_wishlist_store_new (f->db);

  /* Severance: S1 aired, S2E1 aired, S2E2 airs on 2025-06-20, one special.
   * Andor has no external id. Two movies, one owned. */
  ssv_database_exec (f->db,
    "INSERT INTO servers (id, kind, name, url) VALUES (1, 'jellyfin', 'Home', 'http://nas');"
    "INSERT INTO shows (id, server_source, server_id, title, sort_title, status, tmdb_id, poster_url, year) VALUES"
    " (1, 1, 's1', 'Severance', 'severance', 'Returning Series', 95396, 'https://img/sev.jpg', 2022),"
    " (2, 1, 's2', 'Andor', 'andor', NULL, NULL, NULL, 2022);"
    "INSERT INTO seasons (show_id, season_number, poster_url) VALUES (1, 1, 'https://img/sev-s1.jpg'),"
    " (1, 2, NULL);"
    "INSERT INTO episodes (id, show_id, season_number, episode_number, title, overview, still_url, air_date) VALUES"
    " (1, 1, 1, 1, 'Good News About Hell', 'Mark is promoted.', 'https://img/e1.jpg', '2022-02-18'),"
    " (2, 1, 1, 2, 'Half Loop', NULL, NULL, '2022-02-18'),"
    " (3, 1, 1, 3, 'In Perpetuity', NULL, NULL, '2022-02-25'),"
    " (4, 1, 2, 1, 'Hello, Ms. Cobel', NULL, NULL, '2025-01-17'),"
    " (5, 1, 2, 2, 'Goodbye, Mrs. Selvig', NULL, NULL, '2025-06-20'),"
    " (6, 1, 0, 1, 'Special', NULL, NULL, '2022-01-01'),"
    " (7, 1, 2, 3, 'Who Is Alive?', NULL, NULL, NULL),"
    " (8, 2, 1, 1, 'Kassa', NULL, NULL, '2022-09-21'),"
    " (9, 2, 1, 2, 'That Would Be Me', NULL, NULL, '2022-09-21');"
    "INSERT INTO media_files (episode_id, path) VALUES (1, '/tv/sev/s01e01.mkv');"
    "INSERT INTO movies (id, server_source, server_id, title, year, tmdb_id, imdb_id, poster_url) VALUES"
    " (1, 1, 'm1', 'Heat', 1995, 949, 'tt0113277', NULL),"
    " (2, 1, 'm2', 'Thief', 1981, NULL, 'tt0083190', 'https://img/thief.jpg');"
    "INSERT INTO media_files (movie_id, path) VALUES (2, '/movies/thief.mkv');",
    &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  ssv_test_close_temp_database (&f->db, &f->dir);
}

static guint
add (Fixture       *f,
     SsvWishTarget  target,
     gint64         id,
     int            season,
     GDateTime     *now)
{
  g_autoptr(GError) error = NULL;
  guint n_added = G_MAXUINT;

  g_assert_true (ssv_wishlist_store_add (f->store, target, id, season, now, &n_added, &error));
  g_assert_no_error (error);
  return n_added;
}

static void
remove_target (Fixture       *f,
               SsvWishTarget  target,
               gint64         id,
               int            season)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_wishlist_store_remove (f->store, target, id, season, &error));
  g_assert_no_error (error);
}

/* "S01E01 S01E02 …" wanted in the wishlist, by code. */
static char *
wanted_codes (Fixture *f)
{
  return ssv_test_query_text (f->db,
    "SELECT group_concat (printf ('S%02dE%02d', season_number, episode_number), ' ')"
    "  FROM (SELECT * FROM wishlist WHERE kind = 'episode' ORDER BY wishlist_show_id, season_number, episode_number)");
}

static void
test_add_show_adds_aired (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) now = day (2025, 6, 1);
  g_autofree char *codes = NULL;

  /* Aired regular episodes only: no special, nothing in the future or undated. */
  g_assert_cmpuint (add (f, SSV_WISH_TARGET_SHOW, 1, 0, now), ==, 4);
  codes = wanted_codes (f);
  g_assert_cmpstr (codes, ==, "S01E01 S01E02 S01E03 S02E01");
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT wanted FROM wishlist_shows"), ==, 4);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist_subscriptions"
                                              " WHERE season_number IS NULL AND joined_through = '2025-06-01'"), ==, 1);
  /* The group is keyed by TMDB; the text and art come along. */
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist_shows WHERE source = 'tmdb'"
                                              " AND source_id = '95396' AND poster_url = 'https://img/sev.jpg'"), ==, 1);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE still_url = 'https://img/e1.jpg'"
                                              " AND overview = 'Mark is promoted.'"
                                              " AND season_poster_url = 'https://img/sev-s1.jpg'"), ==, 1);

  /* Adding again adds nothing. */
  g_assert_cmpuint (add (f, SSV_WISH_TARGET_SHOW, 1, 0, now), ==, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist"), ==, 4);
}

static void
test_future_episodes_join (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) now = day (2025, 6, 1);
  g_autoptr(GDateTime) before = day (2025, 6, 19);
  g_autoptr(GDateTime) aired = day (2025, 6, 20);
  g_autoptr(GDateTime) later = day (2025, 7, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  guint joined = G_MAXUINT;

  add (f, SSV_WISH_TARGET_SHOW, 1, 0, now);
  ssv_database_exec (f->db, "UPDATE wishlist_shows SET updated_at = 1000", NULL);

  g_assert_true (ssv_wishlist_store_join_aired (f->store, before, &joined, &error));
  g_assert_cmpuint (joined, ==, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT updated_at FROM wishlist_shows"), ==, 1000);

  g_assert_true (ssv_wishlist_store_join_aired (f->store, aired, &joined, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (joined, ==, 1);
  codes = wanted_codes (f);
  g_assert_cmpstr (codes, ==, "S01E01 S01E02 S01E03 S02E01 S02E02");
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT wanted FROM wishlist_shows"), ==, 5);
  /* Something new joined: the show moves up in "newest first". */
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT updated_at FROM wishlist_shows"), >, 1000);

  /* An episode a person removed does not come back. */
  remove_target (f, SSV_WISH_TARGET_EPISODE, 5, 0);
  ssv_database_exec (f->db, "UPDATE episodes SET air_date = '2025-06-25' WHERE id = 7", NULL);
  g_assert_true (ssv_wishlist_store_join_aired (f->store, later, &joined, &error));
  g_assert_cmpuint (joined, ==, 1);
  g_clear_pointer (&codes, g_free);
  codes = wanted_codes (f);
  g_assert_cmpstr (codes, ==, "S01E01 S01E02 S01E03 S02E01 S02E03");
}

static void
test_add_season (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) now = day (2025, 6, 1);
  g_autoptr(GDateTime) later = day (2025, 7, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  gboolean wanted;

  g_assert_cmpuint (add (f, SSV_WISH_TARGET_SEASON, 1, 2, now), ==, 1);
  g_assert_true (ssv_wishlist_store_contains (f->store, SSV_WISH_TARGET_SEASON, 1, 2, &wanted, &error));
  g_assert_true (wanted);
  g_assert_true (ssv_wishlist_store_contains (f->store, SSV_WISH_TARGET_SEASON, 1, 1, &wanted, &error));
  g_assert_false (wanted);

  /* A season's later episodes join, other seasons' do not. */
  ssv_database_exec (f->db, "INSERT INTO episodes (show_id, season_number, episode_number, air_date)"
                            " VALUES (1, 3, 1, '2025-06-21')", NULL);
  g_assert_true (ssv_wishlist_store_join_aired (f->store, later, NULL, &error));
  codes = wanted_codes (f);
  g_assert_cmpstr (codes, ==, "S02E01 S02E02");

  /* A single episode joins nothing later. */
  add (f, SSV_WISH_TARGET_EPISODE, 8, 0, now);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist_subscriptions"), ==, 1);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist_shows WHERE source = 'server'"
                                              " AND source_id = (SELECT uuid FROM servers WHERE id = 1) || ':s2'"
                                              " AND wanted = 1"), ==, 1);
}

static void
test_readd_fills_missing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) now = day (2025, 6, 1);

  add (f, SSV_WISH_TARGET_EPISODE, 2, 0, now);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE still_url IS NULL"), ==, 1);

  /* Enrichment finds a still and renames the episode; a re-add takes the
   * still (it was missing) but keeps the title it had. */
  ssv_database_exec (f->db, "UPDATE episodes SET still_url = 'https://img/e2.jpg', title = 'Renamed'"
                            " WHERE id = 2", NULL);
  g_assert_cmpuint (add (f, SSV_WISH_TARGET_SEASON, 1, 1, now), ==, 2);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist"), ==, 3);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE episode_number = 2"
                                              " AND still_url = 'https://img/e2.jpg'"
                                              " AND title = 'Half Loop'"), ==, 1);

  /* The partial unique index refuses a duplicate episode outright. */
  g_assert_false (ssv_database_exec (f->db,
                                     "INSERT INTO wishlist (kind, wishlist_show_id, season_number, episode_number)"
                                     " SELECT 'episode', id, 1, 2 FROM wishlist_shows", NULL));
}

static void
test_remove (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GDateTime) now = day (2025, 6, 1);
  g_autoptr(GError) error = NULL;
  gboolean wanted;

  add (f, SSV_WISH_TARGET_SHOW, 1, 0, now);
  add (f, SSV_WISH_TARGET_SHOW, 2, 0, now);
  add (f, SSV_WISH_TARGET_MOVIE, 1, 0, now);

  remove_target (f, SSV_WISH_TARGET_EPISODE, 3, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT wanted FROM wishlist_shows WHERE source = 'tmdb'"), ==, 3);
  remove_target (f, SSV_WISH_TARGET_SEASON, 1, 1);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT wanted FROM wishlist_shows WHERE source = 'tmdb'"), ==, 1);

  /* The show's own subscription stays: it still waits for new episodes. */
  remove_target (f, SSV_WISH_TARGET_EPISODE, 4, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist_shows WHERE source = 'tmdb'"), ==, 1);
  g_assert_true (ssv_wishlist_store_contains (f->store, SSV_WISH_TARGET_SHOW, 1, 0, &wanted, &error));
  g_assert_true (wanted);

  remove_target (f, SSV_WISH_TARGET_SHOW, 1, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist_shows WHERE source = 'tmdb'"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist_subscriptions"), ==, 1);
  g_assert_true (ssv_wishlist_store_contains (f->store, SSV_WISH_TARGET_SHOW, 1, 0, &wanted, &error));
  g_assert_false (wanted);

  /* A season added alone, once removed, leaves no empty group behind. */
  add (f, SSV_WISH_TARGET_SEASON, 1, 1, now);
  remove_target (f, SSV_WISH_TARGET_SEASON, 1, 1);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist_shows WHERE source = 'tmdb'"), ==, 0);

  remove_target (f, SSV_WISH_TARGET_MOVIE, 1, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE kind = 'movie'"), ==, 0);
  /* Removing what is not there is fine. */
  remove_target (f, SSV_WISH_TARGET_MOVIE, 1, 0);
  remove_target (f, SSV_WISH_TARGET_EPISODE, 1, 0);
}

static char *
describe_titles (GPtrArray *items)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      SsvWishlistItem *item = g_ptr_array_index (items, i);
      g_string_append_printf (text, "%s%s%s", i ? "," : "", ssv_wishlist_item_get_title (item),
                              ssv_wishlist_item_get_done (item) ? "+" : "");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
list_titles (Fixture         *f,
             const char      *search,
             SsvWishlistSort  sort,
             guint            offset,
             guint            limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = ssv_wishlist_store_list_titles (f->store, SSV_WISHLIST_KIND_MOVIE, search,
                                                              sort, offset, limit, &error);

  g_assert_no_error (error);
  return describe_titles (items);
}

static void
test_movies (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GDateTime) now = day (2025, 6, 1);
  g_autoptr(GError) error = NULL;
  SsvWishlistTitle collateral = { "tmdb", "1538", "Collateral", 2004, NULL, NULL, NULL };
  SsvWishlistTitle again = { "tmdb", "1538", "Collateral (2004)", 0, "Max drives Vincent.", "https://img/c.jpg", NULL };
  SsvWishlistTitle percent = { "tmdb", "1", "100% Wolf", 2020, NULL, NULL, NULL };
  g_autofree char *newest = NULL;
  g_autofree char *oldest = NULL;
  g_autofree char *by_title = NULL;
  g_autofree char *page = NULL;
  g_autofree char *found = NULL;
  g_autofree char *literal = NULL;
  gboolean wanted;

  add (f, SSV_WISH_TARGET_MOVIE, 1, 0, now);
  add (f, SSV_WISH_TARGET_MOVIE, 2, 0, now);
  g_assert_true (ssv_wishlist_store_add_title (f->store, SSV_WISHLIST_KIND_MOVIE, &collateral, &error));
  g_assert_true (ssv_wishlist_store_add_title (f->store, SSV_WISHLIST_KIND_MOVIE, &again, &error));
  g_assert_true (ssv_wishlist_store_add_title (f->store, SSV_WISHLIST_KIND_MOVIE, &percent, &error));
  g_assert_no_error (error);
  ssv_database_exec (f->db, "UPDATE wishlist SET added_at = 100 + id", NULL);

  /* Keys: TMDB when known, IMDb otherwise. Re-adds fill in and keep the title. */
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE source = 'tmdb' AND source_id = '949'"), ==, 1);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE source = 'imdb' AND source_id = 'tt0083190'"), ==, 1);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE title = 'Collateral'"
                                              " AND overview = 'Max drives Vincent.' AND year = 2004"), ==, 1);

  /* Thief is owned: done. */
  newest = list_titles (f, NULL, SSV_WISHLIST_SORT_NEWEST, 0, 10);
  g_assert_cmpstr (newest, ==, "100% Wolf,Collateral,Thief+,Heat");
  oldest = list_titles (f, NULL, SSV_WISHLIST_SORT_OLDEST, 0, 10);
  g_assert_cmpstr (oldest, ==, "Heat,Thief+,Collateral,100% Wolf");
  by_title = list_titles (f, NULL, SSV_WISHLIST_SORT_TITLE, 0, 10);
  g_assert_cmpstr (by_title, ==, "100% Wolf,Collateral,Heat,Thief+");
  page = list_titles (f, NULL, SSV_WISHLIST_SORT_TITLE, 1, 2);
  g_assert_cmpstr (page, ==, "Collateral,Heat");
  found = list_titles (f, "ea", SSV_WISHLIST_SORT_TITLE, 0, 10);
  g_assert_cmpstr (found, ==, "Heat");
  literal = list_titles (f, "0%", SSV_WISHLIST_SORT_TITLE, 0, 10);
  g_assert_cmpstr (literal, ==, "100% Wolf");

  g_assert_true (ssv_wishlist_store_contains (f->store, SSV_WISH_TARGET_MOVIE, 2, 0, &wanted, &error));
  g_assert_true (wanted);
  /* When Heat arrives on another server with only its IMDb id, it is the same movie. */
  ssv_database_exec (f->db, "INSERT INTO movies (id, title, imdb_id) VALUES (3, 'Heat', 'tt0113277');"
                            "UPDATE movies SET tmdb_id = NULL WHERE id = 1", NULL);
  g_assert_true (ssv_wishlist_store_contains (f->store, SSV_WISH_TARGET_MOVIE, 3, 0, &wanted, &error));
  g_assert_false (wanted);
}

/* A title page's wish: the wanted movie or show (a library one, or one the library lacks, by
 * its key) with its own quality profile, or nothing when it is not wanted. */
static void
test_title_wish (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) now = day (2025, 3, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvWishlistItem) none = NULL;
  g_autoptr(SsvWishlistItem) movie = NULL;
  g_autoptr(SsvWishlistItem) chosen = NULL;
  g_autoptr(SsvWishlistItem) show = NULL;
  g_autoptr(SsvWishlistItem) keyed = NULL;
  g_autoptr(SsvWishlistItem) unknown = NULL;
  g_autoptr(SsvProfileStore) profiles = ssv_profile_store_new (f->db);
  gint64 uhd, row, group;

  g_assert_true (ssv_profile_store_ensure_defaults (profiles, &error));
  uhd = ssv_test_query_int (f->db, "SELECT id FROM quality_profiles WHERE name = 'Ultra-HD'");
  g_assert_cmpint (uhd, >, 0);

  /* Not wanted: nothing, and no error. */
  none = ssv_wishlist_store_dup_wish (f->store, SSV_WISH_TARGET_MOVIE, 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  add (f, SSV_WISH_TARGET_MOVIE, 1, -1, now);
  add (f, SSV_WISH_TARGET_SHOW, 1, -1, now);
  row = ssv_test_query_int (f->db, "SELECT id FROM wishlist WHERE kind = 'movie' AND source_id = '949'");
  group = ssv_test_query_int (f->db, "SELECT id FROM wishlist_shows");

  /* Wanted, under the default profile. */
  movie = ssv_wishlist_store_dup_wish (f->store, SSV_WISH_TARGET_MOVIE, 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (movie);
  g_assert_cmpint (ssv_wishlist_item_get_kind (movie), ==, SSV_WISHLIST_KIND_MOVIE);
  g_assert_cmpint (ssv_wishlist_item_get_id (movie), ==, row);
  g_assert_cmpint (ssv_wishlist_item_get_profile_id (movie), ==, 0);

  /* Its own profile, once chosen. */
  g_assert_true (ssv_wishlist_store_set_profile (f->store, SSV_WISHLIST_KIND_MOVIE, row, uhd, &error));
  chosen = ssv_wishlist_store_dup_wish (f->store, SSV_WISH_TARGET_MOVIE, 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ssv_wishlist_item_get_profile_id (chosen), ==, uhd);

  /* A show: its group, which its seasons' and episodes' searches follow. */
  g_assert_true (ssv_wishlist_store_set_profile (f->store, SSV_WISHLIST_KIND_SHOW, group, uhd, &error));
  show = ssv_wishlist_store_dup_wish (f->store, SSV_WISH_TARGET_SHOW, 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (show);
  g_assert_cmpint (ssv_wishlist_item_get_kind (show), ==, SSV_WISHLIST_KIND_SHOW);
  g_assert_cmpint (ssv_wishlist_item_get_id (show), ==, group);
  g_assert_cmpint (ssv_wishlist_item_get_group_id (show), ==, group);
  g_assert_cmpint (ssv_wishlist_item_get_profile_id (show), ==, uhd);

  /* A show the library lacks, by its key; another key is not wanted. */
  ssv_database_exec (f->db, "INSERT INTO wishlist_shows (id, source, source_id, title, wanted) VALUES"
                            " (50, 'tmdb', '87108', 'Chernobyl', 0)", &error);
  g_assert_no_error (error);
  keyed = ssv_wishlist_store_dup_wish (f->store, SSV_WISH_TARGET_SHOW, 0, "tmdb", "87108", &error);
  g_assert_no_error (error);
  g_assert_nonnull (keyed);
  g_assert_cmpint (ssv_wishlist_item_get_id (keyed), ==, 50);
  g_assert_cmpint (ssv_wishlist_item_get_profile_id (keyed), ==, 0);
  unknown = ssv_wishlist_store_dup_wish (f->store, SSV_WISH_TARGET_SHOW, 0, "tmdb", "1", &error);
  g_assert_no_error (error);
  g_assert_null (unknown);
}

static char *
describe_shows (GPtrArray *shows)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < shows->len; i++)
    {
      SsvWishlistItem *show = g_ptr_array_index (shows, i);
      GListModel *seasons = ssv_wishlist_item_get_children (show);

      g_string_append_printf (text, "%s%s %u/%u [", i ? "; " : "", ssv_wishlist_item_get_title (show),
                              ssv_wishlist_item_get_done (show), ssv_wishlist_item_get_wanted (show));
      for (guint s = 0; s < g_list_model_get_n_items (seasons); s++)
        {
          g_autoptr(SsvWishlistItem) season = g_list_model_get_item (seasons, s);
          GListModel *episodes = ssv_wishlist_item_get_children (season);

          g_string_append_printf (text, "%sS%d %u/%u:", s ? " " : "", ssv_wishlist_item_get_season_number (season),
                                  ssv_wishlist_item_get_done (season), ssv_wishlist_item_get_wanted (season));
          for (guint e = 0; e < g_list_model_get_n_items (episodes); e++)
            {
              g_autoptr(SsvWishlistItem) episode = g_list_model_get_item (episodes, e);
              g_string_append_printf (text, "%s%d%s", e ? "," : "", ssv_wishlist_item_get_episode_number (episode),
                                      ssv_wishlist_item_get_done (episode) ? "+" : "");
            }
        }
      g_string_append (text, "]");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
list_shows (Fixture         *f,
            const char      *search,
            SsvWishlistSort  sort,
            guint            offset,
            guint            limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shows = ssv_wishlist_store_list_shows (f->store, search, sort, offset, limit, &error);

  g_assert_no_error (error);
  return describe_shows (shows);
}

static void
test_grouped (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDateTime) now = day (2025, 6, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shows = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *oldest = NULL;
  g_autofree char *by_title = NULL;
  g_autofree char *most = NULL;
  g_autofree char *page = NULL;
  g_autofree char *by_episode = NULL;
  g_autofree char *nothing = NULL;
  SsvWishlistItem *severance;
  g_autoptr(SsvWishlistItem) first_season = NULL;

  add (f, SSV_WISH_TARGET_SHOW, 1, 0, now);
  add (f, SSV_WISH_TARGET_EPISODE, 9, 0, now);
  ssv_database_exec (f->db, "UPDATE wishlist_shows SET added_at = 100 + id, updated_at = 300 - id", NULL);

  newest = list_shows (f, NULL, SSV_WISHLIST_SORT_NEWEST, 0, 10);
  g_assert_cmpstr (newest, ==, "Severance 1/4 [S1 1/3:1+,2,3 S2 0/1:1]; Andor 0/1 [S1 0/1:2]");
  oldest = list_shows (f, NULL, SSV_WISHLIST_SORT_OLDEST, 0, 10);
  g_assert_cmpstr (oldest, ==, "Severance 1/4 [S1 1/3:1+,2,3 S2 0/1:1]; Andor 0/1 [S1 0/1:2]");
  by_title = list_shows (f, NULL, SSV_WISHLIST_SORT_TITLE, 0, 10);
  g_assert_cmpstr (by_title, ==, "Andor 0/1 [S1 0/1:2]; Severance 1/4 [S1 1/3:1+,2,3 S2 0/1:1]");
  most = list_shows (f, NULL, SSV_WISHLIST_SORT_MOST_WANTED, 0, 10);
  g_assert_cmpstr (most, ==, "Severance 1/4 [S1 1/3:1+,2,3 S2 0/1:1]; Andor 0/1 [S1 0/1:2]");

  ssv_database_exec (f->db, "UPDATE wishlist_shows SET updated_at = 500 WHERE source = 'server'", NULL);
  g_clear_pointer (&newest, g_free);
  newest = list_shows (f, NULL, SSV_WISHLIST_SORT_NEWEST, 0, 10);
  g_assert_cmpstr (newest, ==, "Andor 0/1 [S1 0/1:2]; Severance 1/4 [S1 1/3:1+,2,3 S2 0/1:1]");
  page = list_shows (f, NULL, SSV_WISHLIST_SORT_NEWEST, 1, 1);
  g_assert_cmpstr (page, ==, "Severance 1/4 [S1 1/3:1+,2,3 S2 0/1:1]");

  /* Search finds a show by an episode's title too. */
  by_episode = list_shows (f, "cobel", SSV_WISHLIST_SORT_TITLE, 0, 10);
  g_assert_cmpstr (by_episode, ==, "Severance 1/4 [S1 1/3:1+,2,3 S2 0/1:1]");
  nothing = list_shows (f, "zzz", SSV_WISHLIST_SORT_TITLE, 0, 10);
  g_assert_cmpstr (nothing, ==, "");

  /* Getting a file makes it done, at every level. */
  ssv_database_exec (f->db, "INSERT INTO media_files (episode_id, path) VALUES (4, '/tv/sev/s02e01.mkv')", NULL);
  shows = ssv_wishlist_store_list_shows (f->store, NULL, SSV_WISHLIST_SORT_TITLE, 1, 1, &error);
  severance = g_ptr_array_index (shows, 0);
  g_assert_cmpuint (ssv_wishlist_item_get_done (severance), ==, 2);
  g_assert_cmpint (ssv_wishlist_item_get_library_id (severance), ==, 1);
  g_assert_cmpstr (ssv_wishlist_item_get_poster_url (severance), ==, "https://img/sev.jpg");
  first_season = g_list_model_get_item (ssv_wishlist_item_get_children (severance), 0);
  g_assert_cmpstr (ssv_wishlist_item_get_season_poster_url (first_season), ==, "https://img/sev-s1.jpg");

  /* Removing a season through what the page shows. */
  g_assert_true (ssv_wishlist_store_remove_item (f->store, first_season, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT wanted FROM wishlist_shows WHERE source = 'tmdb'"), ==, 1);
}

static void
test_backfill_art (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = day (2025, 6, 1);
  g_autoptr(GError) error = NULL;
  guint filled = 0;

  ssv_database_exec (f->db, "UPDATE shows SET poster_url = NULL", NULL);
  add (f, SSV_WISH_TARGET_SHOW, 1, 0, now);
  add (f, SSV_WISH_TARGET_MOVIE, 1, 0, now);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE kind = 'episode'"
                                              " AND still_url IS NULL"), ==, 3);

  /* Enrichment caches TMDB's season: stills, synopses, the season poster. */
  ssv_database_exec (f->db,
                     "UPDATE episodes SET still_url = 'https://img/s' || season_number || 'e' || episode_number || '.jpg',"
                     "  overview = coalesce (overview, 'Synopsis ' || episode_number) WHERE show_id = 1;"
                     "UPDATE seasons SET poster_url = 'https://img/sev-s2.jpg' WHERE season_number = 2;"
                     "UPDATE shows SET poster_url = 'https://img/sev-new.jpg' WHERE id = 1;"
                     "UPDATE movies SET poster_url = 'https://img/heat.jpg' WHERE id = 1;", NULL);

  g_assert_true (ssv_wishlist_store_backfill_art (f->store, &filled, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (filled, ==, 3 + 1 + 1);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE kind = 'episode'"
                                              " AND (still_url IS NULL OR overview IS NULL"
                                              "      OR season_poster_url IS NULL)"), ==, 0);
  /* What was there stays. */
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE still_url = 'https://img/e1.jpg'"), ==, 1);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist_shows WHERE poster_url = 'https://img/sev-new.jpg'"), ==, 1);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE poster_url = 'https://img/heat.jpg'"), ==, 1);

  /* Nothing left to fill: a second run changes nothing. */
  g_assert_true (ssv_wishlist_store_backfill_art (f->store, &filled, &error));
  g_assert_cmpuint (filled, ==, 0);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = day (2025, 6, 1);
  g_autoptr(GError) error = NULL;
  SsvWishlistTitle nameless = { "tmdb", NULL, "Nameless", 0, NULL, NULL, NULL };

  g_assert_false (ssv_wishlist_store_add (f->store, SSV_WISH_TARGET_EPISODE, 999, 0, now, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ssv_wishlist_store_add (f->store, SSV_WISH_TARGET_SHOW, 999, 0, now, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ssv_wishlist_store_add_title (f->store, SSV_WISHLIST_KIND_MOVIE, &nameless, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);

  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist_shows"), ==, 0);
}

static void
assert_uses_index (Fixture    *f,
                   const char *sql,
                   const char *index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;

  g_assert_true (ssv_database_explain_uses_index (f->db, sql, &plan, &error));
  g_test_message ("%s", plan);
  g_assert_no_error (error);
  if (index != NULL)
    g_assert_nonnull (strstr (plan, index));
}

static void
test_add_episodes_together (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GDateTime) now = day (2025, 3, 1);
  g_autoptr(GError) error = NULL;
  const gint64 good[] = { 8, 9 };
  const gint64 one_bad[] = { 1, 999 };

  /* Several episodes from a notification arrive together… */
  g_assert_true (ssv_wishlist_store_add_episodes (f->store, good, G_N_ELEMENTS (good), now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE kind = 'episode'"), ==, 2);

  /* …or not at all: one missing episode rolls back the others. */
  g_assert_false (ssv_wishlist_store_add_episodes (f->store, one_bad, G_N_ELEMENTS (one_bad), now, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE kind = 'episode'"), ==, 2);
}

static void
test_query_plans (Fixture       *f,
                  gconstpointer  data)
{
  assert_uses_index (f, ssv_wishlist_store_get_shows_sql (SSV_WISHLIST_SORT_NEWEST), "wishlist_shows_updated");
  assert_uses_index (f, ssv_wishlist_store_get_shows_sql (SSV_WISHLIST_SORT_OLDEST), "wishlist_shows_added");
  assert_uses_index (f, ssv_wishlist_store_get_shows_sql (SSV_WISHLIST_SORT_TITLE), "wishlist_shows_sort_title");
  assert_uses_index (f, ssv_wishlist_store_get_shows_sql (SSV_WISHLIST_SORT_MOST_WANTED), "wishlist_shows_wanted");
  assert_uses_index (f, ssv_wishlist_store_episodes_sql, "wishlist_episode");
  assert_uses_index (f, ssv_wishlist_store_get_titles_sql (SSV_WISHLIST_SORT_NEWEST), "wishlist_added");
  assert_uses_index (f, ssv_wishlist_store_get_titles_sql (SSV_WISHLIST_SORT_OLDEST), "wishlist_added");
  assert_uses_index (f, ssv_wishlist_store_get_titles_sql (SSV_WISHLIST_SORT_TITLE), "wishlist_sort_title");
}


/* The Bear, not in the library, as TMDB lists it: S1 aired, S2E1 aired, S2E2 airs on
 * 2025-06-20, a special, S2E3 with no date yet. */
static SsvWishlistShow *
not_owned_show (void)
{
  static const struct { int s, e; const char *title, *air_date; } listed[] = {
    { 1, 1, "System", "2022-06-23" }, { 1, 2, "Hands", "2022-06-23" }, { 2, 1, "Beef", "2025-01-17" },
    { 2, 2, "Pasta", "2025-06-20" }, { 0, 1, "Special", "2022-01-01" }, { 2, 3, "Sundae", NULL },
  };
  SsvWishlistShow *show = ssv_wishlist_show_new ("tmdb", "136315", "The Bear");

  show->tvdb_id = 403245;
  show->year = 2022;
  show->poster_url = g_strdup ("https://img/bear.jpg");
  for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
    {
      SsvWishlistShowEpisode *episode = ssv_wishlist_show_add_episode (show, listed[i].s, listed[i].e);

      episode->title = g_strdup (listed[i].title);
      episode->air_date = g_strdup (listed[i].air_date);
      episode->tmdb_id = 1000 + i;
    }
  return show;
}

static guint
add_show (Fixture         *f,
          SsvWishlistShow *show,
          SsvWishTarget    target,
          int              season,
          int              episode,
          GDateTime       *now)
{
  g_autoptr(GError) error = NULL;
  guint n_added = G_MAXUINT;

  g_assert_true (ssv_wishlist_store_add_show (f->store, show, target, season, episode, now, &n_added, &error));
  g_assert_no_error (error);
  return n_added;
}

static gboolean
contains_show (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gboolean wanted = FALSE;

  g_assert_true (ssv_wishlist_store_contains_show (f->store, "tmdb", "136315", &wanted, &error));
  g_assert_no_error (error);
  return wanted;
}

/* A show the library lacks is wished as an owned one is: the aired regular episodes now,
 * the next as it airs (from TMDB's list kept with it), and the drain searches by its TVDB id. */
static void
test_show_not_owned (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SsvWishlistShow) show = not_owned_show ();
  g_autoptr(GDateTime) before = day (2025, 6, 1);
  g_autoptr(GDateTime) aired = day (2025, 6, 20);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  SsvWishSearchFilter all = { 0, NULL, NULL, -1 };
  guint joined = 0;

  g_assert_false (contains_show (f));
  g_assert_cmpuint (add_show (f, show, SSV_WISH_TARGET_SHOW, -1, 0, before), ==, 3);
  g_assert_true (contains_show (f));
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT wanted FROM wishlist_shows WHERE source_id = '136315'"), ==, 3);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE season_number = 0"), ==, 0);

  /* Nothing new before its day; on it, Pasta joins; Sundae, with no date, waits. */
  g_assert_true (ssv_wishlist_store_join_aired (f->store, before, &joined, &error));
  g_assert_cmpuint (joined, ==, 0);
  g_assert_true (ssv_wishlist_store_join_aired (f->store, aired, &joined, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (joined, ==, 1);
  g_assert_cmpint (ssv_test_query_int (f->db,
    "SELECT count(*) FROM wishlist WHERE kind = 'episode' AND title = 'Pasta' AND air_date = '2025-06-20'"), ==, 1);

  /* The drain has the show's ids to search by, though the library lacks it. */
  rows = ssv_wishlist_search_store_list (f->db, &all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  for (guint i = 0; i < rows->len; i++)
    {
      SsvWishSearchRow *row = g_ptr_array_index (rows, i);

      g_assert_true (row->episode);
      g_assert_cmpstr (row->title, ==, "The Bear");
      g_assert_cmpint (row->tmdb_id, ==, 136315);
      g_assert_cmpint (row->tvdb_id, ==, 403245);
    }

  /* Removing it takes the group, its list and its episodes. */
  g_assert_true (ssv_wishlist_store_remove_show (f->store, "tmdb", "136315", SSV_WISH_TARGET_SHOW, -1, 0, &error));
  g_assert_no_error (error);
  g_assert_false (contains_show (f));
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist_show_episodes"), ==, 0);
}

/* A season or one episode of a show not owned: the same choices as an owned one's. */
static void
test_show_not_owned_parts (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SsvWishlistShow) show = not_owned_show ();
  g_autoptr(GDateTime) before = day (2025, 6, 1);
  g_autoptr(GDateTime) later = day (2025, 7, 1);
  g_autoptr(GError) error = NULL;

  /* Season 2: its aired episode now, Pasta when it airs; season 1 stays out. */
  g_assert_cmpuint (add_show (f, show, SSV_WISH_TARGET_SEASON, 2, 0, before), ==, 1);
  g_assert_true (ssv_wishlist_store_join_aired (f->store, later, NULL, &error));
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE season_number = 2"), ==, 2);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE season_number = 1"), ==, 0);

  /* One episode, even one still to come; only that one. */
  g_assert_cmpuint (add_show (f, show, SSV_WISH_TARGET_EPISODE, 2, 3, before), ==, 1);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE title = 'Sundae'"), ==, 1);

  /* An episode TMDB does not list: a plain error, nothing added. */
  g_assert_false (ssv_wishlist_store_add_show (f->store, show, SSV_WISH_TARGET_EPISODE, 9, 9, before, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist"), ==, 3);

  /* Season 2 off the wishlist: its episodes go, the group with nothing left goes too. */
  g_assert_true (ssv_wishlist_store_remove_show (f->store, "tmdb", "136315", SSV_WISH_TARGET_SEASON, 2, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist"), ==, 0);
  g_assert_false (contains_show (f));
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/core/wishlist/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("add-show-adds-aired", test_add_show_adds_aired);
  ADD ("future-episodes-join", test_future_episodes_join);
  ADD ("add-season", test_add_season);
  ADD ("readd-fills-missing", test_readd_fills_missing);
  ADD ("remove", test_remove);
  ADD ("movies", test_movies);
  ADD ("title-wish-with-profile", test_title_wish);
  ADD ("grouped", test_grouped);
  ADD ("backfill-art", test_backfill_art);
  ADD ("bad-input", test_bad_input);
  ADD ("add-episodes-together", test_add_episodes_together);
  ADD ("query-plans", test_query_plans);
  ADD ("show-not-owned", test_show_not_owned);
  ADD ("show-not-owned-parts", test_show_not_owned_parts);

  return g_test_run ();
}
