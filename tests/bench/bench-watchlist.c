/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-watchlist.c: the daily loop's queries on the library issue's generated library
 * (10,000 movies, 2,000 shows, 100,000 episodes): the effective watchlist, a grouped
 * wishlist page, a calendar week and an airing check. Prints their times and shows
 * their plans use indexes. */

#include "config.h"

#include "ssv-airing-monitor.h"
#include "ssv-bench-library.h"
#include "stores/ssv-calendar-store.h"
#include "stores/ssv-settings-store.h"
#include "ssv-test-utils.h"
#include "stores/ssv-watchlist-store.h"
#include "stores/ssv-wishlist-store.h"

#define RUNS                25

/* The generated library as a scan writes it, then what the daily loop reads that a
 * scan does not bring: air times, and air dates around today. The generator's
 * shows still air for a third ("Continuing"), the rest ended; the airing ones air
 * weekly, their last episodes up to two weeks ahead; ended ones stopped years ago. */
static void
fill_library (SsvDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  SsvBenchLibrary library;

  ssv_bench_library_init_default (&library);
  g_assert_true (ssv_bench_library_fill (&library, db, &error));
  g_assert_no_error (error);
  ssv_bench_library_clear (&library);

  g_assert_true (ssv_database_begin (db, &error));
  g_assert_true (ssv_database_exec (db,
    "UPDATE shows SET air_time = CASE WHEN id % 4 = 0 THEN NULL ELSE '21:00' END,"
    "                 air_time_zone = CASE WHEN id % 5 = 0 THEN 'America/New_York' END",
    &error));
  {
    g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
      "UPDATE episodes SET air_date = date (?1, ((r.k - r.n + CASE WHEN r.airing THEN 3 ELSE -300 END) * 7"
      "                                          + episodes.show_id % 7) || ' days')"
      "  FROM (SELECT e.id,"
      "               row_number () OVER (PARTITION BY e.show_id ORDER BY e.season_number, e.episode_number) AS k,"
      "               count (*) OVER (PARTITION BY e.show_id) AS n,"
      "               s.status IS NULL OR lower (s.status) NOT IN ('ended', 'canceled', 'cancelled') AS airing"
      "          FROM episodes e JOIN shows s ON s.id = e.show_id) AS r"
      " WHERE r.id = episodes.id", &error);

    ssv_stmt_bind_text (stmt, 1, today);
    g_assert_true (ssv_stmt_step_done (stmt, &error));
  }
  g_assert_true (ssv_database_commit (db, &error));
  g_assert_no_error (error);
}

/* Library row ids of @table, in order. */
static GArray *
ids_of (SsvDatabase *db,
        const char  *table)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s ORDER BY id", table);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, sql, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  while (ssv_stmt_step (stmt, &error) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  g_assert_no_error (error);
  return ids;
}

/* 150 mutes and 100 follows; 300 wanted shows (their aired episodes) and 1,000 movies. */
static void
fill_lists (SsvDatabase       *db,
            SsvWatchlistStore *watchlist,
            SsvWishlistStore  *wishlist)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GArray) shows = ids_of (db, "shows");
  g_autoptr(GArray) movies = ids_of (db, "movies");

  for (guint s = 0; s < 250; s++)
    {
      char id[24];

      g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, g_array_index (shows, gint64, (s * 7) % shows->len));
      g_assert_true (ssv_watchlist_store_set_followed (watchlist, SSV_WATCH_KIND_SHOW, "library", id,
                                                       s >= 150, NULL, NULL, &error));
    }
  for (guint s = 0; s < 300; s++)
    g_assert_true (ssv_wishlist_store_add (wishlist, SSV_WISH_TARGET_SHOW,
                                           g_array_index (shows, gint64, (s * 5 + 1) % shows->len), 0, now,
                                           NULL, &error));
  for (guint m = 0; m < 1000; m++)
    g_assert_true (ssv_wishlist_store_add (wishlist, SSV_WISH_TARGET_MOVIE,
                                           g_array_index (movies, gint64, (m * 9) % movies->len), 0, now,
                                           NULL, &error));
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
  g_autofree char *dir = NULL;
  Bench b = { 0 };
  struct { const char *name; QueryFunc func; } queries[] = {
    { "query.watchlist_ms", run_watchlist },
    { "query.wishlist_ms", run_wishlist },
    { "query.calendar_ms", run_calendar },
    { "query.airing_ms", run_airing },
  };

  b.db = ssv_test_open_temp_database (&dir, NULL);
  b.watchlist = ssv_watchlist_store_new (b.db);
  b.wishlist = ssv_wishlist_store_new (b.db);
  b.calendar = ssv_calendar_store_new (b.db);
  b.monitor = ssv_airing_monitor_new (b.calendar);

  fill_library (b.db);
  fill_lists (b.db, b.watchlist, b.wishlist);
  g_print ("# library: %" G_GINT64_FORMAT " movies, %" G_GINT64_FORMAT " shows (%" G_GINT64_FORMAT
           " still airing), %" G_GINT64_FORMAT " episodes (%" G_GINT64_FORMAT " in the coming week);"
           " %" G_GINT64_FORMAT " wanted episodes, %" G_GINT64_FORMAT " wanted movies\n",
           ssv_test_query_int (b.db, "SELECT count(*) FROM movies"),
           ssv_test_query_int (b.db, "SELECT count(*) FROM shows"),
           ssv_test_query_int (b.db, "SELECT count(*) FROM shows WHERE status IS NULL"
                                     " OR lower(status) NOT IN ('ended', 'canceled', 'cancelled')"),
           ssv_test_query_int (b.db, "SELECT count(*) FROM episodes"),
           ssv_test_query_int (b.db, "SELECT count(*) FROM episodes"
                                     " WHERE air_date >= date('now', 'localtime')"
                                     "   AND air_date < date('now', 'localtime', '+7 days')"),
           ssv_test_query_int (b.db, "SELECT count(*) FROM wishlist WHERE kind = 'episode'"),
           ssv_test_query_int (b.db, "SELECT count(*) FROM wishlist WHERE kind = 'movie'"));

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
  ssv_test_close_temp_database (&b.db, &dir);
  return 0;
}
