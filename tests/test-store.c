/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: stores announce changes on the thread that owns their main context, and
 * hand list reads back in the order asked for. */

#include "config.h"

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

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/core/store/changed-on-main-thread", test_changed_on_main_thread);
  g_test_add_func ("/core/store/list-in-order", test_list_in_order);

  return g_test_run ();
}
