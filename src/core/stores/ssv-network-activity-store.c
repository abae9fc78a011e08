/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-network-activity-store.c: requests per host, feature and day. */

#include "config.h"

#include "stores/ssv-network-activity-store.h"

SsvHostActivity *
ssv_host_activity_new (const char *day,
                       const char *feature,
                       const char *host,
                       gint64      requests)
{
  SsvHostActivity *activity = g_new0 (SsvHostActivity, 1);

  activity->day = g_strdup (day);
  activity->feature = g_strdup (feature);
  activity->host = g_strdup (host);
  activity->requests = requests;
  return activity;
}

void
ssv_host_activity_free (SsvHostActivity *activity)
{
  if (activity == NULL)
    return;

  g_free (activity->day);
  g_free (activity->feature);
  g_free (activity->host);
  g_free (activity);
}

gboolean
ssv_network_activity_store_add (SsvDatabase  *db,
                                GPtrArray    *rows,
                                GError      **error)
{
  if (rows->len == 0)
    return TRUE;

  if (!ssv_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      SsvHostActivity *row = g_ptr_array_index (rows, i);
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
        "INSERT INTO network_activity (day, feature, host, requests) VALUES (?1, ?2, ?3, ?4)"
        " ON CONFLICT (day, feature, host) DO UPDATE SET requests = requests + excluded.requests", error);

      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, row->day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, row->feature, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, row->host, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, row->requests);
      if (!ssv_stmt_step_done (stmt, error))
        goto failed;
    }

  return ssv_database_commit (db, error);

failed:
  ssv_database_rollback (db);
  return FALSE;
}

static gpointer
read_row (SsvStmt *stmt)
{
  return ssv_host_activity_new (ssv_stmt_column_text (stmt, 0), ssv_stmt_column_text (stmt, 1),
                                ssv_stmt_column_text (stmt, 2), sqlite3_column_int64 (stmt, 3));
}

/* Returns: (transfer full) (element-type SsvHostActivity) */
GPtrArray *
ssv_network_activity_store_list (SsvDatabase  *db,
                                 const char   *since_day,
                                 GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_host_activity_free);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT day, feature, host, requests FROM network_activity"
    " WHERE ?1 IS NULL OR day >= ?1 ORDER BY day DESC, feature, host", error);

  if (stmt == NULL)
    return NULL;

  ssv_stmt_bind_text (stmt, 1, since_day);
  if (!ssv_stmt_collect_rows (stmt, read_row, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}
