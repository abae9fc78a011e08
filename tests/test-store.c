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

typedef struct
{
  GPtrArray *movies;
  GPtrArray *shows;
  guint      reads_done;
} Lists;

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
list_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Lists *lists = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *items = ssv_library_store_list_finish (SSV_LIBRARY_STORE (source), result, &error);

  g_assert_no_error (error);
  if (g_task_get_source_tag (G_TASK (result)) == ssv_library_store_list_movies_async)
    lists->movies = items;
  else
    lists->shows = items;
  lists->reads_done++;
}

static gboolean
both_read (gpointer data)
{
  return ((Lists *) data)->reads_done == 2;
}

static void
test_list_in_order (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(SsvLibraryStore) store = ssv_library_store_new (db);
  g_autoptr(GError) error = NULL;
  Lists lists = { NULL, NULL, 0 };
  const char *expected[] = { "Thief", "Ronin", "Heat" };

  g_assert_true (ssv_database_exec (db,
                                    "INSERT INTO movies (id, title) VALUES (1, 'Heat'), (2, 'Thief'), (3, 'Ronin');"
                                    "INSERT INTO shows (id, title) VALUES (1, 'Ronin'), (2, 'Heat'), (3, 'Thief');",
                                    &error));
  g_assert_no_error (error);

  ssv_library_store_list_movies_async (store, compare_titles_descending, "descending", NULL,
                                       NULL, list_ready_cb, &lists);
  ssv_library_store_list_shows_async (store, compare_titles_descending, "descending", NULL,
                                      NULL, list_ready_cb, &lists);
  g_assert_true (ssv_test_wait_for (both_read, &lists, 5000));

  /* Each read in the order given, whatever order the rows were written in. */
  g_assert_cmpuint (lists.movies->len, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (lists.shows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (title_of (g_ptr_array_index (lists.movies, i)), ==, expected[i]);
      g_assert_cmpstr (title_of (g_ptr_array_index (lists.shows, i)), ==, expected[i]);
    }

  g_ptr_array_unref (lists.movies);
  g_ptr_array_unref (lists.shows);
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

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/core/store/changed-on-main-thread", test_changed_on_main_thread);
  g_test_add_func ("/core/store/list-in-order", test_list_in_order);
  g_test_add_func ("/core/store/idle-thread-gives-back-pages", test_idle_thread_gives_back_pages);

  return g_test_run ();
}
