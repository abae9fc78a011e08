/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: stores announce changes on the thread that owns their main context, hand
 * list reads back in the order asked for, and a thread back in the pool after an async read
 * holds none of the pages it read. */

#include "config.h"

#include <sqlite3.h>

#include "model/ssv-movie.h"
#include "model/ssv-show.h"
#include "stores/ssv-library-store.h"
#include "ssv-test-utils.h"

typedef struct
{
  GThread *handler_thread;
  char    *detail;
  guint    calls;
} Seen;

static void
on_changed (SsvStore   *store,
            const char *detail,
            Seen       *seen)
{
  seen->handler_thread = g_thread_self ();
  g_free (seen->detail);
  seen->detail = g_strdup (detail);
  seen->calls++;
}

static gpointer
emit_from_worker (gpointer data)
{
  ssv_store_emit_changed (data, "movie");
  return NULL;
}

static gboolean
called (gpointer data)
{
  return ((Seen *) data)->calls > 0;
}

static void
test_changed_on_main_thread (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(SsvLibraryStore) store = NULL;
  Seen seen = { NULL, NULL, 0 };
  GThread *worker;

  store = ssv_library_store_new (db);
  g_signal_connect (store, "changed::movie", G_CALLBACK (on_changed), &seen);

  /* The main thread is busy (not iterating) while a worker commits: the
   * announcement must wait for the main loop, not run on the worker. */
  worker = g_thread_new ("store-worker", emit_from_worker, store);
  g_thread_join (worker);
  g_assert_cmpuint (seen.calls, ==, 0);

  g_assert_true (ssv_test_wait_for (called, &seen, 5000));
  g_assert_true (seen.handler_thread == g_thread_self ());
  g_assert_cmpstr (seen.detail, ==, "movie");
  g_assert_cmpuint (seen.calls, ==, 1);

  g_free (seen.detail);
  g_clear_object (&store);
  ssv_test_close_temp_database (&db, &dir);
}

static const char *
title_of (gconstpointer item)
{
  gpointer title = (gpointer) item;

  return SSV_IS_MOVIE (title) ? ssv_movie_get_title (title) : ssv_show_get_title (title);
}

/* Z to A by title: not the order the rows were written in. */
static int
compare_titles_descending (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  g_assert_cmpstr (user_data, ==, "descending");
  return -g_strcmp0 (title_of (a), title_of (b));
}

static void
titles_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SsvLibraryTitles **titles = user_data;
  g_autoptr(GError) error = NULL;

  *titles = ssv_library_store_list_titles_finish (SSV_LIBRARY_STORE (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
titles_read (gpointer data)
{
  return *(SsvLibraryTitles **) data != NULL;
}

static void
test_list_in_order (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(SsvLibraryStore) store = ssv_library_store_new (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvLibraryTitles) lists = NULL;
  const char *expected[] = { "Thief", "Ronin", "Heat" };

  g_assert_true (ssv_database_exec (db,
                                    "INSERT INTO movies (id, title) VALUES (1, 'Heat'), (2, 'Thief'), (3, 'Ronin');"
                                    "INSERT INTO shows (id, title) VALUES (1, 'Ronin'), (2, 'Heat'), (3, 'Thief');",
                                    &error));
  g_assert_no_error (error);

  ssv_library_store_list_titles_async (store, compare_titles_descending, "descending", NULL,
                                       NULL, titles_ready_cb, &lists);
  g_assert_true (ssv_test_wait_for (titles_read, &lists, 5000));

  /* Each read in the order given, whatever order the rows were written in. */
  g_assert_cmpuint (lists->movies->len, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (lists->shows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (title_of (g_ptr_array_index (lists->movies, i)), ==, expected[i]);
      g_assert_cmpstr (title_of (g_ptr_array_index (lists->shows, i)), ==, expected[i]);
    }

  g_clear_pointer (&lists, ssv_library_titles_free);
  g_clear_object (&store);
  ssv_test_close_temp_database (&db, &dir);
}

/* Bytes SQLite holds in page caches now, every connection of the process. */
static gint64
page_cache_bytes (void)
{
  sqlite3_int64 current = 0, high = 0;

  g_assert_cmpint (sqlite3_status64 (SQLITE_STATUS_PAGECACHE_OVERFLOW, &current, &high, FALSE), ==, SQLITE_OK);
  return current;
}

typedef struct
{
  gint64   cached_while_reading;
  gboolean done;
} Read;

static gpointer
read_everything (SsvStore      *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  Read *read = data;
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (ssv_store_get_database (store),
                                                  "SELECT sum (length (body)) FROM pages", error);

  if (stmt == NULL || ssv_stmt_step (stmt, error) != SQLITE_ROW)
    return NULL;
  read->cached_while_reading = page_cache_bytes ();
  return GINT_TO_POINTER (sqlite3_column_int (stmt, 0));
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Read *read = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (GPOINTER_TO_INT (ssv_store_run_finish (SSV_STORE (source), result, &error)), ==, 2000 * 1000);
  g_assert_no_error (error);
  read->done = TRUE;
}

static gint64 page_cache_floor;

/* A few pages may stay (the first page of the file, for one). */
static gboolean
pages_given_back (gpointer data)
{
  return page_cache_bytes () <= page_cache_floor + 64 * 1024;
}

/* The pool keeps its threads and each thread its connection: after a read for the
 * UI, the pages it read (up to 2 MB a connection) go back, not stay in every idle
 * thread. */
static void
test_idle_thread_gives_back_pages (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(SsvLibraryStore) store = ssv_library_store_new (db);
  g_autoptr(GError) error = NULL;
  Read read = { 0, FALSE };

  g_assert_true (ssv_database_exec (db, "CREATE TABLE pages (body TEXT);"
                                        "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                                        " INSERT INTO pages SELECT printf ('%1000d', i) FROM n;", &error));
  g_assert_no_error (error);
  ssv_database_release_thread_memory ();
  page_cache_floor = page_cache_bytes ();

  ssv_store_run_async (SSV_STORE (store), test_idle_thread_gives_back_pages, read_everything, &read, NULL, NULL,
                       NULL, read_cb, &read);
  ssv_test_wait_for_flag (&read.done, 10000);
  /* Some 2 MB of rows: the read filled its connection's cache. */
  g_assert_cmpint (read.cached_while_reading, >, page_cache_floor + 1024 * 1024);
  g_assert_true (ssv_test_wait_for (pages_given_back, NULL, 5000));

  g_clear_object (&store);
  ssv_test_close_temp_database (&db, &dir);
}

static SsvShow *
find_show (GPtrArray  *shows,
           const char *title)
{
  for (guint i = 0; i < shows->len; i++)
    if (g_str_equal (ssv_show_get_title (g_ptr_array_index (shows, i)), title))
      return g_ptr_array_index (shows, i);

  g_assert_not_reached ();
}

/* What a show's card says of its episodes: how many, how many watched, in how many
 * seasons, and whether any has a file; a show with no episode reads as none. */
static void
test_show_rollup (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(SsvLibraryStore) store = ssv_library_store_new (db);
  g_autoptr(GPtrArray) shows = NULL;
  g_autoptr(GError) error = NULL;
  SsvShow *show;

  g_assert_true (ssv_database_exec (db,
    "INSERT INTO shows (id, title) VALUES (1, 'Owned'), (2, 'Followed'), (3, 'Empty');"
    "INSERT INTO episodes (id, show_id, season_number, episode_number, watched) VALUES"
    "  (1, 1, 1, 1, 1), (2, 1, 1, 2, 1), (3, 1, 2, 1, 0), (4, 1, 2, 2, 0),"
    "  (5, 2, 1, 1, 1), (6, 2, 1, 2, 0), (7, 2, 3, 1, 0);"
    "INSERT INTO media_files (episode_id, path) VALUES (4, '/tv/Owned/S02E02.mkv');", &error));
  g_assert_no_error (error);

  shows = ssv_library_store_list_shows (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shows->len, ==, 3);

  show = find_show (shows, "Owned");
  g_assert_cmpint (ssv_show_get_episode_count (show), ==, 4);
  g_assert_cmpint (ssv_show_get_watched_count (show), ==, 2);
  g_assert_cmpint (ssv_show_get_season_count (show), ==, 2);
  g_assert_true (ssv_show_get_has_file (show));
  g_assert_false (ssv_show_get_watched (show));

  show = find_show (shows, "Followed");
  g_assert_cmpint (ssv_show_get_episode_count (show), ==, 3);
  g_assert_cmpint (ssv_show_get_watched_count (show), ==, 1);
  g_assert_cmpint (ssv_show_get_season_count (show), ==, 2);
  g_assert_false (ssv_show_get_has_file (show));

  show = find_show (shows, "Empty");
  g_assert_cmpint (ssv_show_get_episode_count (show), ==, 0);
  g_assert_cmpint (ssv_show_get_season_count (show), ==, 0);
  g_assert_false (ssv_show_get_has_file (show));
  g_assert_false (ssv_show_get_watched (show));

  g_clear_object (&store);
  ssv_test_close_temp_database (&db, &dir);
}

/* The counts come from an index: the read never looks an episode's row up. */
static void
test_show_rollup_from_index (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autofree char *plan = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_database_explain_uses_index (db,
                                                  "SELECT show_id, count(*), sum (watched),"
                                                  " count (DISTINCT season_number) FROM episodes GROUP BY show_id",
                                                  &plan, &error));
  g_assert_no_error (error);
  g_test_message ("plan: %s", plan);
  g_assert_nonnull (strstr (plan, "COVERING INDEX episodes_rollup"));

  ssv_test_close_temp_database (&db, &dir);
}

/* The genres the Library's filter offers: each once, whether movies or shows have
 * it, sorted as people read them. */
static void
test_titles_genres (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(SsvLibraryStore) store = ssv_library_store_new (db);
  g_autoptr(SsvLibraryTitles) titles = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "Action", "Crime", "Drama", "Science Fiction", NULL };

  g_assert_true (ssv_database_exec (db,
    "INSERT INTO movies (id, title) VALUES (1, 'Heat'), (2, 'Alien'), (3, 'Untagged');"
    "INSERT INTO shows (id, title) VALUES (1, 'The Wire');"
    "INSERT INTO genres (id, name) VALUES (1, 'Drama'), (2, 'Crime'), (3, 'Science Fiction'), (4, 'Action');"
    "INSERT INTO movie_genres (movie_id, genre_id) VALUES (1, 4), (1, 2), (2, 3);"
    "INSERT INTO show_genres (show_id, genre_id) VALUES (1, 1), (1, 2);", &error));
  g_assert_no_error (error);

  ssv_library_store_list_titles_async (store, NULL, NULL, NULL, NULL, titles_ready_cb, &titles);
  g_assert_true (ssv_test_wait_for (titles_read, &titles, 5000));

  g_assert_cmpstrv (titles->genres, expected);

  g_clear_object (&store);
  ssv_test_close_temp_database (&db, &dir);
}


/* The Library's opening order: by sort key, then id, as its grids compare titles. */
static int
compare_by_title (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  gpointer ta = (gpointer) a;
  gpointer tb = (gpointer) b;
  const char *ka = SSV_IS_MOVIE (ta) ? ssv_movie_get_sort_title (ta) : ssv_show_get_sort_title (ta);
  const char *kb = SSV_IS_MOVIE (tb) ? ssv_movie_get_sort_title (tb) : ssv_show_get_sort_title (tb);
  gint64 ia = SSV_IS_MOVIE (ta) ? ssv_movie_get_id (ta) : ssv_show_get_id (ta);
  gint64 ib = SSV_IS_MOVIE (tb) ? ssv_movie_get_id (tb) : ssv_show_get_id (tb);
  int cmp = g_strcmp0 (ka, kb);

  if (cmp != 0)
    return cmp;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

static void
assert_first_of (GPtrArray *first,
                 GPtrArray *all,
                 guint      n)
{
  g_assert_cmpuint (first->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      gpointer a = g_ptr_array_index (first, i);
      gpointer b = g_ptr_array_index (all, i);

      g_assert_cmpstr (title_of (a), ==, title_of (b));
      if (SSV_IS_MOVIE (a))
        {
          g_assert_cmpint (ssv_movie_get_id (a), ==, ssv_movie_get_id (b));
          g_assert_cmpstr (ssv_movie_get_genres (a), ==, ssv_movie_get_genres (b));
          g_assert_cmpint (ssv_movie_get_has_file (a), ==, ssv_movie_get_has_file (b));
        }
      else
        {
          g_assert_cmpint (ssv_show_get_id (a), ==, ssv_show_get_id (b));
          g_assert_cmpint (ssv_show_get_episode_count (a), ==, ssv_show_get_episode_count (b));
          g_assert_cmpint (ssv_show_get_watched_count (a), ==, ssv_show_get_watched_count (b));
          g_assert_cmpint (ssv_show_get_season_count (a), ==, ssv_show_get_season_count (b));
        }
    }
}

static void
first_titles (SsvLibraryStore   *store,
              guint              n,
              SsvLibraryTitles **titles)
{
  ssv_library_store_list_first_titles_async (store, n, NULL, titles_ready_cb, titles);
  g_assert_true (ssv_test_wait_for (titles_read, titles, 5000));
}

/* The Library opens on its first screen, read before the rest: the first titles by
 * title, whole (genres, files, episode counts), exactly those the whole read sorted
 * by title starts with, and how many there are in all. A library of no more than a
 * screen comes whole, genres and all. */
static void
test_first_titles (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(SsvLibraryStore) store = ssv_library_store_new (db);
  g_autoptr(SsvLibraryTitles) all = NULL;
  g_autoptr(SsvLibraryTitles) first = NULL;
  g_autoptr(SsvLibraryTitles) small = NULL;
  g_autoptr(GError) error = NULL;

  /* Articles, numbers, accents, sort titles and ties, in no order. */
  g_assert_true (ssv_database_exec (db,
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)"
    " INSERT INTO movies (id, title, sort_title) SELECT (i * 7919) % 100003,"
    "  CASE i % 5 WHEN 0 THEN 'The Part ' || (i % 37) WHEN 1 THEN 'Part ' || (i % 13)"
    "   WHEN 2 THEN '\u00c9lan ' || i WHEN 3 THEN 'Same' ELSE 'a' || (1000 - i) END,"
    "  CASE WHEN i % 7 = 0 THEN 'Aaa ' || i END FROM n;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
    " INSERT INTO shows (id, title) SELECT i, 'Show ' || ((i * 37) % 301) FROM n;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
    " INSERT INTO episodes (id, show_id, season_number, episode_number, watched)"
    "  SELECT i, 1 + i % 300, 1 + i % 3, i, i % 2 FROM n;"
    "INSERT INTO genres (id, name) VALUES (1, 'Drama'), (2, 'Crime');"
    "INSERT INTO movie_genres (movie_id, genre_id) SELECT id, 1 + id % 2 FROM movies WHERE id % 3 = 0;"
    "INSERT INTO media_files (movie_id, path) SELECT id, '/m/' || id FROM movies WHERE id % 4 = 0;",
    &error));
  g_assert_no_error (error);

  ssv_library_store_list_titles_async (store, compare_by_title, NULL, NULL, NULL, titles_ready_cb, &all);
  g_assert_true (ssv_test_wait_for (titles_read, &all, 5000));
  first_titles (store, 40, &first);

  g_assert_cmpuint (first->n_movies, ==, 500);
  g_assert_cmpuint (first->n_shows, ==, 300);
  g_assert_null (first->genres);
  assert_first_of (first->movies, all->movies, 40);
  assert_first_of (first->shows, all->shows, 40);

  /* No more than a screen of each: the whole read. */
  first_titles (store, 500, &small);
  g_assert_cmpuint (small->movies->len, ==, 500);
  g_assert_cmpuint (small->shows->len, ==, 300);
  g_assert_cmpuint (small->n_movies, ==, 500);
  g_assert_cmpuint (small->n_shows, ==, 300);
  g_assert_nonnull (small->genres);
  g_assert_cmpuint (g_strv_length (small->genres), ==, 2);

  g_clear_object (&store);
  ssv_test_close_temp_database (&db, &dir);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/core/store/changed-on-main-thread", test_changed_on_main_thread);
  g_test_add_func ("/core/store/list-in-order", test_list_in_order);
  g_test_add_func ("/core/store/idle-thread-gives-back-pages", test_idle_thread_gives_back_pages);
  g_test_add_func ("/core/store/show-rollup", test_show_rollup);
  g_test_add_func ("/core/store/titles-genres", test_titles_genres);
  g_test_add_func ("/core/store/show-rollup-from-index", test_show_rollup_from_index);
  g_test_add_func ("/core/store/first-titles", test_first_titles);

  return g_test_run ();
}
