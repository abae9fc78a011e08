/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-settings-store.c: the key/value table. */

#include "config.h"

#include "stores/ssv-settings-store.h"

/* Returns NULL without an error when @key is not set. */
char *
ssv_settings_store_get (SsvDatabase  *db,
                        const char   *key,
                        GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, "SELECT value FROM settings WHERE key = ?", error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (ssv_stmt_step (stmt, error) == SQLITE_ROW)
    return ssv_stmt_dup_text (stmt, 0);

  return NULL;
}

gint64
ssv_settings_store_get_int (SsvDatabase *db,
                            const char  *key,
                            gint64       fallback)
{
  g_autofree char *value = ssv_settings_store_get (db, key, NULL);
  char *end = NULL;
  gint64 parsed;

  if (value == NULL)
    return fallback;

  parsed = g_ascii_strtoll (value, &end, 10);
  return end != value ? parsed : fallback;
}

gboolean
ssv_settings_store_set (SsvDatabase  *db,
                        const char   *key,
                        const char   *value,
                        GError      **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  if (value == NULL)
    {
      stmt = ssv_database_prepare (db, "DELETE FROM settings WHERE key = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      return ssv_stmt_step_done (stmt, error);
    }

  stmt = ssv_database_prepare (db,
                               "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return ssv_stmt_step_done (stmt, error);
}

gboolean
ssv_settings_store_set_int (SsvDatabase  *db,
                            const char   *key,
                            gint64        value,
                            GError      **error)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  return ssv_settings_store_set (db, key, buf, error);
}
