/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-tmdb-cache-store.c: TMDB answers kept for pages of titles and people outside the library. */

#include "config.h"

#include "stores/ssv-tmdb-cache-store.h"

/**
 * ssv_tmdb_cache_store_get:
 * @newer_than: only an answer fetched after this (Unix seconds) counts
 *
 * Returns: (transfer full) (nullable): the kept answer, or %NULL when there is
 *   none fresh enough (@error is set only when the library could not be read)
 */
char *
ssv_tmdb_cache_store_get (SsvDatabase  *db,
                          const char   *key,
                          gint64        newer_than,
                          GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, "SELECT body FROM tmdb_cache WHERE key = ?1 "
                                                      "AND fetched_at > ?2", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, newer_than);
  rc = ssv_stmt_step (stmt, error);

  return rc == SQLITE_ROW ? ssv_stmt_dup_text (stmt, 0) : NULL;
}

gboolean
ssv_tmdb_cache_store_put (SsvDatabase  *db,
                          const char   *key,
                          const char   *body,
                          gint64        now,
                          GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "INSERT INTO tmdb_cache (key, body, fetched_at) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (key) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, now);

  return ssv_stmt_step_done (stmt, error);
}

/* Forgets answers fetched before @older_than (one statement). */
gboolean
ssv_tmdb_cache_store_prune (SsvDatabase  *db,
                            gint64        older_than,
                            guint        *removed,
                            GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, "DELETE FROM tmdb_cache WHERE fetched_at < ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, older_than);
  if (!ssv_stmt_step_done (stmt, error))
    return FALSE;
  if (removed != NULL)
    *removed = (guint) ssv_database_changes (db);

  return TRUE;
}
