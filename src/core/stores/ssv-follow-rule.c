/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-follow-rule.c: how the watchlist and the wishlist name a library show. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "stores/ssv-follow-rule-private.h"

/* The lasting key of a movie or show row (see ssv-follow-rule-private.h). */
static gboolean
dup_title_key (SsvDatabase  *db,
               const char   *sql,
               const char   *second_source,
               gint64        id,
               char        **source,
               char        **source_id,
               GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!ssv_stmt_step_row (stmt, _("The title is no longer in the library. Reload the page and try again."),
                          error))
    return FALSE;

  for (int column = 0; column < 3; column++)
    if (sqlite3_column_type (stmt, column) != SQLITE_NULL)
      {
        *source = g_strdup (column == 0 ? "tmdb" : column == 1 ? second_source : "server");
        *source_id = ssv_stmt_dup_text (stmt, column);
        return TRUE;
      }

  g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("This title has no id to keep it by."));
  return FALSE;
}

/**
 * ssv_show_dup_key:
 *
 * The key a new watchlist or wishlist row uses for a library show: its TMDB id
 * when known (it survives the show leaving and coming back to a server), else
 * its TVDB id, else its server's UUID and its id on that server. Never the
 * library's row id, which a prune frees for another title.
 */
gboolean
ssv_show_dup_key (SsvDatabase  *db,
                  gint64        show_id,
                  char        **source,
                  char        **source_id,
                  GError      **error)
{
  return dup_title_key (db, "SELECT s.tmdb_id, s.tvdb_id, " SSV_SQL_SERVER_KEY ("s") " FROM shows s WHERE s.id = ?1",
                        "tvdb", show_id, source, source_id, error);
}

/* The same for a library movie: TMDB id, IMDb id, else its server key. */
gboolean
ssv_movie_dup_key (SsvDatabase  *db,
                   gint64        movie_id,
                   char        **source,
                   char        **source_id,
                   GError      **error)
{
  return dup_title_key (db, "SELECT m.tmdb_id, m.imdb_id, " SSV_SQL_SERVER_KEY ("m") " FROM movies m WHERE m.id = ?1",
                        "imdb", movie_id, source, source_id, error);
}

/**
 * ssv_show_find_id:
 * @source: a stored key's source ("tmdb", "tvdb", "server"; "library" names nothing)
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

/**
 * ssv_show_find_named:
 *
 * Like ssv_show_find_id() for a key a page sent, which may also be
 * "library" and a row id the page shows right now.
 */
gint64
ssv_show_find_named (SsvDatabase  *db,
                     const char   *source,
                     const char   *source_id,
                     GError      **error)
{
  if (g_strcmp0 (source, "library") == 0)
    {
      gint64 id = g_ascii_strtoll (source_id, NULL, 10);

      return id > 0 ? ssv_database_find_id (db, "SELECT id FROM shows WHERE id = ?1", id, error) : 0;
    }

  return ssv_show_find_id (db, source, source_id, error);
}
