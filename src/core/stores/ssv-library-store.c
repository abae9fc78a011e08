/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-store.c: the library's rows. */

#include "config.h"

#include "ssv-library-store.h"

struct _SsvLibraryStore
{
  SsvStore parent_instance;
};

G_DEFINE_FINAL_TYPE (SsvLibraryStore, ssv_library_store, SSV_TYPE_STORE)

static void
ssv_library_store_class_init (SsvLibraryStoreClass *klass)
{
}

static void
ssv_library_store_init (SsvLibraryStore *self)
{
}

SsvLibraryStore *
ssv_library_store_new (SsvDatabase *database)
{
  return g_object_new (SSV_TYPE_LIBRARY_STORE, "database", database, NULL);
}

gboolean
ssv_library_store_get_counts (SsvLibraryStore   *self,
                              SsvLibraryCounts  *counts,
                              GError           **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  g_autoptr(SsvStmt) stmt = NULL;

  stmt = ssv_database_prepare (db,
                               "SELECT (SELECT count(*) FROM movies),"
                               "       (SELECT count(*) FROM shows),"
                               "       (SELECT count(*) FROM episodes),"
                               "       (SELECT count(*) FROM media_files),"
                               "       (SELECT count(*) FROM servers)",
                               error);
  if (stmt == NULL || ssv_stmt_step (stmt, error) != SQLITE_ROW)
    return FALSE;

  counts->movies = sqlite3_column_int64 (stmt, 0);
  counts->shows = sqlite3_column_int64 (stmt, 1);
  counts->episodes = sqlite3_column_int64 (stmt, 2);
  counts->files = sqlite3_column_int64 (stmt, 3);
  counts->servers = sqlite3_column_int64 (stmt, 4);
  return TRUE;
}

static gpointer
get_counts_func (SsvStore      *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  SsvLibraryCounts *counts = g_new0 (SsvLibraryCounts, 1);

  if (!ssv_library_store_get_counts (SSV_LIBRARY_STORE (store), counts, error))
    g_clear_pointer (&counts, g_free);

  return counts;
}

void
ssv_library_store_get_counts_async (SsvLibraryStore     *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  ssv_store_run_async (SSV_STORE (self), ssv_library_store_get_counts_async,
                       get_counts_func, NULL, NULL, g_free,
                       cancellable, callback, user_data);
}

gboolean
ssv_library_store_get_counts_finish (SsvLibraryStore   *self,
                                     GAsyncResult      *result,
                                     SsvLibraryCounts  *counts,
                                     GError           **error)
{
  g_autofree SsvLibraryCounts *found = ssv_store_run_finish (SSV_STORE (self), result, error);

  if (found == NULL)
    return FALSE;

  *counts = *found;
  return TRUE;
}
