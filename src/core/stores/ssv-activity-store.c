/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-activity-store.c: the activity log. */

#include "config.h"

#include "stores/ssv-activity-store.h"

static const char * const level_names[] = { "info", "warning", "error" };

gboolean
ssv_activity_store_log (SsvDatabase       *db,
                        const char        *kind,
                        SsvActivityLevel   level,
                        const char        *source,
                        const char        *message,
                        const char        *detail,
                        GError           **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  stmt = ssv_database_prepare (db,
                               "INSERT INTO activity (kind, level, source, message, detail) "
                               "VALUES (?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, level_names[CLAMP (level, 0, 2)], -1, SQLITE_STATIC);
  ssv_stmt_bind_text (stmt, 3, source);
  sqlite3_bind_text (stmt, 4, message ? message : "", -1, SQLITE_STATIC);
  ssv_stmt_bind_text (stmt, 5, detail);

  return ssv_stmt_step_done (stmt, error);
}

void
ssv_activity_entry_free (SsvActivityEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->kind);
  g_free (entry->source);
  g_free (entry->message);
  g_free (entry->detail);
  g_free (entry);
}

/**
 * ssv_activity_store_list_recent:
 * @kind: (nullable): only this kind, or every kind
 *
 * Returns: (transfer full) (element-type SsvActivityEntry): newest first
 */
GPtrArray *
ssv_activity_store_list_recent (SsvDatabase  *db,
                                const char   *kind,
                                guint         limit,
                                GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_activity_entry_free);
  g_autoptr(SsvStmt) stmt = NULL;
  int rc;

  stmt = ssv_database_prepare (db,
                               "SELECT id, at, kind, level, source, message, detail FROM activity "
                               "WHERE ?1 IS NULL OR kind = ?1 ORDER BY id DESC LIMIT ?2",
                               error);
  if (stmt == NULL)
    return NULL;

  if (kind != NULL)
    sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) limit);

  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      SsvActivityEntry *entry = g_new0 (SsvActivityEntry, 1);
      const char *level = ssv_stmt_column_text (stmt, 3);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = sqlite3_column_int64 (stmt, 1);
      entry->kind = ssv_stmt_dup_text (stmt, 2);
      entry->level = g_strcmp0 (level, "error") == 0 ? SSV_ACTIVITY_ERROR :
                     g_strcmp0 (level, "warning") == 0 ? SSV_ACTIVITY_WARNING : SSV_ACTIVITY_INFO;
      entry->source = ssv_stmt_dup_text (stmt, 4);
      entry->message = ssv_stmt_dup_text (stmt, 5);
      entry->detail = ssv_stmt_dup_text (stmt, 6);
      g_ptr_array_add (entries, entry);
    }

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&entries);
}
