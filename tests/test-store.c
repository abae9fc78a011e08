/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: stores announce changes on the thread that owns their main context. */

#include "config.h"

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

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/core/store/changed-on-main-thread", test_changed_on_main_thread);

  return g_test_run ();
}
