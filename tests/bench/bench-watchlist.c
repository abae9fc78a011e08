/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-watchlist.c: the daily loop's queries on a 100k-episode library: the
 * effective watchlist, a grouped wishlist page, a calendar week and an airing
 * check. Prints their times and shows their plans use indexes. */

#include "config.h"

#include "ssv-airing-monitor.h"
#include "ssv-calendar-store.h"
#include "ssv-settings-store.h"
#include "ssv-test-utils.h"
#include "ssv-watchlist-store.h"
#include "ssv-wishlist-store.h"

#define N_MOVIES            10000
#define N_SHOWS             2000
#define EPISODES_PER_SHOW   50
#define RUNS                25

/* The library issue's shape: 10,000 movies, 2,000 shows, 100,000 episodes. A
 * third of the shows still air, weekly, up to a few weeks ahead; the rest ended. */
static void
fill_library (SsvDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_assert_true (ssv_database_begin (db, &error));
  ssv_database_exec (db, "INSERT INTO servers (id, kind, name, url) VALUES (1, 'jellyfin', 'b', 'http://b')", &error);

  for (guint i = 0; i < N_MOVIES; i++)
    {
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
        "INSERT INTO movies (id, server_source, server_id, title, sort_title, year, tmdb_id, poster_url)"
        " VALUES (?1, 1, 'm' || ?1, 'Movie ' || ?1, 'movie ' || ?1, 1990 + ?1 % 35, 100000 + ?1,"
        "         'https://img/m' || ?1 || '.jpg')", &error);
      sqlite3_bind_int (stmt, 1, (int) i + 1);
      g_assert_true (ssv_stmt_step_done (stmt, &error));
    }

  for (guint s = 0; s < N_SHOWS; s++)
    {
      gboolean airs = s % 3 == 0;
      g_autoptr(SsvStmt) show = ssv_database_prepare (db,
        "INSERT INTO shows (id, server_source, server_id, title, sort_title, status, tmdb_id, air_time,"
        "                   air_time_zone, poster_url, overview)"
        " VALUES (?1, 1, 's' || ?1, 'Show ' || ?1, 'show ' || ?1, ?2, 200000 + ?1, ?3, ?4,"
        "         'https://img/s' || ?1 || '.jpg', 'What the show is about.')", &error);

      sqlite3_bind_int (show, 1, (int) s + 1);
      ssv_stmt_bind_text (show, 2, airs ? (s % 2 ? "Returning Series" : NULL) : "Ended");
      ssv_stmt_bind_text (show, 3, s % 4 == 0 ? NULL : "21:00");
      ssv_stmt_bind_text (show, 4, s % 5 == 0 ? "America/New_York" : NULL);
      g_assert_true (ssv_stmt_step_done (show, &error));

      for (guint e = 0; e < EPISODES_PER_SHOW; e++)
        {
          /* Airing shows' last episodes lie ahead; ended ones stopped years ago. */
          int weeks_back = airs ? (int) (EPISODES_PER_SHOW - e) - 3 : (int) (EPISODES_PER_SHOW - e) + 300;
          g_autoptr(GDateTime) aired = g_date_time_add_days (now, -weeks_back * 7 + (int) (s % 7));
          g_autofree char *air_date = g_date_time_format (aired, "%Y-%m-%d");
          g_autoptr(SsvStmt) episode = ssv_database_prepare (db,
            "INSERT INTO episodes (id, show_id, season_number, episode_number, title, overview, air_date, still_url)"
            " VALUES (?1, ?2, ?3, ?4, 'Episode ' || ?4, 'What happens.', ?5, 'https://img/e' || ?1 || '.jpg')",
            &error);
          int id = (int) (s * EPISODES_PER_SHOW + e + 1);

          sqlite3_bind_int (episode, 1, id);
          sqlite3_bind_int (episode, 2, (int) s + 1);
          sqlite3_bind_int (episode, 3, (int) e / 10 + 1);
          sqlite3_bind_int (episode, 4, (int) e % 10 + 1);
          ssv_stmt_bind_text (episode, 5, air_date);
          g_assert_true (ssv_stmt_step_done (episode, &error));

          if (e % 2 == 0)
            {
              g_autoptr(SsvStmt) file = ssv_database_prepare (db,
                "INSERT INTO media_files (episode_id, path) VALUES (?1, '/tv/' || ?1 || '.mkv')", &error);
              sqlite3_bind_int (file, 1, id);
              g_assert_true (ssv_stmt_step_done (file, &error));
            }
        }
    }
  g_assert_true (ssv_database_commit (db, &error));
}

/* 150 mutes and 100 follows; 300 wanted shows (~15,000 episodes) and 1,000 movies. */
static void
fill_lists (SsvDatabase       *db,
            SsvWatchlistStore *watchlist,
            SsvWishlistStore  *wishlist)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (guint s = 0; s < 250; s++)
    {
      char id[16];

      g_snprintf (id, sizeof id, "%u", s * 7 + 1);
      g_assert_true (ssv_watchlist_store_set_followed (watchlist, SSV_WATCH_KIND_SHOW, "library", id,
                                                       s >= 150, NULL, NULL, &error));
    }
  for (guint s = 0; s < 300; s++)
    g_assert_true (ssv_wishlist_store_add (wishlist, SSV_WISH_TARGET_SHOW, s * 5 + 2, 0, now, NULL, &error));
  for (guint m = 0; m < 1000; m++)
    g_assert_true (ssv_wishlist_store_add (wishlist, SSV_WISH_TARGET_MOVIE, m * 9 + 1, 0, now, NULL, &error));
  ssv_database_exec (db, "ANALYZE", &error);
  g_assert_no_error (error);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

typedef guint (*QueryFunc) (gpointer data);

/* The median of RUNS runs, after one to warm the cache. */
static double
time_ms (QueryFunc  func,
         gpointer   data,
         guint     *n_rows)
{
  double runs[RUNS];

  *n_rows = func (data);
  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      func (data);
      runs[i] = (double) (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (runs, RUNS, sizeof (double), compare_doubles);
  return runs[RUNS / 2];
}

typedef struct
{
  SsvDatabase       *db;
  SsvWatchlistStore *watchlist;
  SsvWishlistStore  *wishlist;
  SsvCalendarStore  *calendar;
  SsvAiringMonitor  *monitor;
} Bench;

static guint
run_watchlist (gpointer data)
{
  Bench *b = data;
  g_autoptr(GPtrArray) items = ssv_watchlist_store_list (b->watchlist, SSV_WATCH_KIND_SHOW, NULL);

  return items->len;
}

static guint
run_wishlist (gpointer data)
{
  Bench *b = data;
  g_autoptr(GPtrArray) shows = ssv_wishlist_store_list_shows (b->wishlist, NULL, SSV_WISHLIST_SORT_NEWEST,
                                                             0, 24, NULL);

  return shows->len;
}

static guint
run_calendar (gpointer data)
{
  Bench *b = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) week = ssv_calendar_store_list_days (b->calendar, now, 7, NULL);

  return week->len;
}

/* A regular look: the last one was a quarter of an hour ago. */
static guint
run_airing (gpointer data)
{
  Bench *b = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) aired = NULL;

  ssv_settings_store_set_int (b->db, SSV_AIRING_BOOKMARK_KEY, g_date_time_to_unix (now) - 15 * 60, NULL);
  aired = ssv_airing_monitor_check (b->monitor, now, NULL, NULL);
  return aired->len;
}

static void
show_plan (SsvDatabase *db,
           const char  *name,
           const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;
  gboolean uses_index = ssv_database_explain_uses_index (db, sql, &plan, &error);

  g_assert_no_error (error);
  g_print ("# plan of %s (%s):\n%s", name, uses_index ? "indexed" : "NOT INDEXED", plan);
  g_assert_true (uses_index);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GError) error = NULL;
  Bench b = { 0 };
  struct { const char *name; QueryFunc func; } queries[] = {
    { "query.watchlist_ms", run_watchlist },
    { "query.wishlist_ms", run_wishlist },
    { "query.calendar_ms", run_calendar },
    { "query.airing_ms", run_airing },
  };

  b.db = ssv_database_open (path, &error);
  g_assert_no_error (error);
  b.watchlist = ssv_watchlist_store_new (b.db);
  b.wishlist = ssv_wishlist_store_new (b.db);
  b.calendar = ssv_calendar_store_new (b.db);
  b.monitor = ssv_airing_monitor_new (b.calendar);

  fill_library (b.db);
  fill_lists (b.db, b.watchlist, b.wishlist);
  g_print ("# library: %" G_GINT64_FORMAT " movies, %" G_GINT64_FORMAT " shows, %" G_GINT64_FORMAT
           " episodes; %" G_GINT64_FORMAT " wanted episodes\n",
           ssv_test_query_int (b.db, "SELECT count(*) FROM movies"),
           ssv_test_query_int (b.db, "SELECT count(*) FROM shows"),
           ssv_test_query_int (b.db, "SELECT count(*) FROM episodes"),
           ssv_test_query_int (b.db, "SELECT count(*) FROM wishlist WHERE kind = 'episode'"));

  show_plan (b.db, "watchlist", ssv_watchlist_store_shows_sql);
  show_plan (b.db, "wishlist shows", ssv_wishlist_store_get_shows_sql (SSV_WISHLIST_SORT_NEWEST));
  show_plan (b.db, "wishlist episodes", ssv_wishlist_store_episodes_sql);
  show_plan (b.db, "calendar and airing", ssv_calendar_store_sql);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      guint n_rows = 0;
      double ms = time_ms (queries[i].func, &b, &n_rows);

      g_print ("# %s: %u rows\n", queries[i].name, n_rows);
      g_print ("BENCH %s %.2f ms\n", queries[i].name, ms);
    }

  g_clear_object (&b.monitor);
  g_clear_object (&b.calendar);
  g_clear_object (&b.wishlist);
  g_clear_object (&b.watchlist);
  g_clear_object (&b.db);
  ssv_test_remove_tree (dir);
  return 0;
}
