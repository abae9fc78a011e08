/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-follow-rule.c: how the watchlist and the wishlist name a library show. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-follow-rule-private.h"

/**
 * ssv_show_dup_key:
 *
 * The key a new watchlist or wishlist row uses for a library show: its TMDB id
 * when known (it survives the show leaving and coming back to a server), else
 * its TVDB id, else the library's own id. Rows written under an older key keep
 * matching: SSV_SQL_WATCH_ROW_IS_SHOW() tries all three.
 */
gboolean
ssv_show_dup_key (SsvDatabase  *db,
                  gint64        show_id,
                  char        **source,
                  char        **source_id,
                  GError      **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  stmt = ssv_database_prepare (db, "SELECT tmdb_id, tvdb_id FROM shows WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, show_id);
  if (!ssv_stmt_step_row (stmt, _("The show is no longer in the library. Reload the page and try again."),
                          error))
    return FALSE;

  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      *source = g_strdup ("tmdb");
      *source_id = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
    }
  else if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      *source = g_strdup ("tvdb");
      *source_id = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 1));
    }
  else
    {
      *source = g_strdup ("library");
      *source_id = g_strdup_printf ("%" G_GINT64_FORMAT, show_id);
    }

  return TRUE;
}

/**
 * ssv_show_find_id:
 *
 * Returns: the library show a key names (the oldest when two servers hold the
 * same show), 0 when none does, -1 on error
 */
gint64
ssv_show_find_id (SsvDatabase  *db,
                  const char   *source,
                  const char   *source_id,
                  GError      **error)
{
  g_autoptr(SsvStmt) stmt = NULL;
  int rc;

  stmt = ssv_database_prepare (db,
                               "SELECT s.id FROM shows s WHERE "
                               SSV_SQL_SHOW_HAS_KEY ("s", "?1", "?2")
                               " ORDER BY s.id LIMIT 1",
                               error);
  if (stmt == NULL)
    return -1;

  ssv_stmt_bind_text (stmt, 1, source);
  ssv_stmt_bind_text (stmt, 2, source_id);
  rc = ssv_stmt_step (stmt, error);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return rc == SQLITE_DONE ? 0 : -1;
}
