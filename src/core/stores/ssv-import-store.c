/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-import-store.c: the rows imports read (owned files, wanted items) and write (wishlist_import). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "stores/ssv-import-store.h"

/* The biggest file of the film: by its TMDB id, else by title (and year). */
const char * const ssv_import_store_owned_movie_sql =
  "SELECT mf.path FROM movies m JOIN media_files mf ON mf.movie_id = m.id"
  " WHERE m.tmdb_id = ?1 OR (m.title = ?2 COLLATE NOCASE AND (?3 IS NULL OR m.year IS NULL OR m.year = ?3))"
  " ORDER BY mf.size_bytes DESC LIMIT 1";

const char * const ssv_import_store_owned_episode_sql =
  "SELECT mf.path FROM shows s JOIN episodes e ON e.show_id = s.id JOIN media_files mf ON mf.episode_id = e.id"
  " WHERE (s.tmdb_id = ?1 OR s.tvdb_id = ?4 OR s.title = ?2 COLLATE NOCASE)"
  "   AND e.season_number = ?5 AND e.episode_number = ?6"
  " ORDER BY mf.size_bytes DESC LIMIT 1";

void
ssv_download_wanted_free (SsvDownloadWanted *wanted)
{
  if (wanted == NULL)
    return;
  ssv_download_wanted_clear (wanted);
  g_free (wanted);
}

/**
 * ssv_import_store_dup_owned_path:
 * @season: @episode: the episode of a show (@wanted's own when -1)
 *
 * Returns: (transfer full) (nullable): the path of the library's file of the
 *   wanted item, NULL with no @error when it has none
 */
char *
ssv_import_store_dup_owned_path (SsvDatabase              *db,
                                 const SsvDownloadWanted  *wanted,
                                 int                       season,
                                 int                       episode,
                                 GError                  **error)
{
  gboolean movie = wanted->kind == SSV_DOWNLOAD_KIND_MOVIE;
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, movie ? ssv_import_store_owned_movie_sql
                                                             : ssv_import_store_owned_episode_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  ssv_stmt_bind_int64_or_null (stmt, 1, wanted->tmdb_id, wanted->tmdb_id > 0);
  ssv_stmt_bind_text (stmt, 2, wanted->title);
  ssv_stmt_bind_int64_or_null (stmt, 3, wanted->year, wanted->year > 0);
  if (!movie)
    {
      ssv_stmt_bind_int64_or_null (stmt, 4, wanted->tvdb_id, wanted->tvdb_id > 0);
      sqlite3_bind_int (stmt, 5, season >= 0 ? season : wanted->season);
      sqlite3_bind_int (stmt, 6, episode >= 0 ? episode : wanted->episode);
    }
  rc = ssv_stmt_step (stmt, error);
  if (rc != SQLITE_ROW)
    return NULL;
  return ssv_stmt_dup_text (stmt, 0);
}

/**
 * ssv_import_store_find_title:
 * @path: a file in the library
 *
 * Returns: the library's film (or the show of the episode) that has the file at
 *   @path; 0 when none has (yet), and with @error only when the query failed
 */
gint64
ssv_import_store_find_title (SsvDatabase  *db,
                             const char   *path,
                             GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT coalesce(mf.movie_id, e.show_id) FROM media_files mf LEFT JOIN episodes e ON e.id = mf.episode_id"
    " WHERE mf.path = ?1 AND coalesce(mf.movie_id, e.show_id) IS NOT NULL LIMIT 1", error);

  if (stmt == NULL)
    return 0;
  ssv_stmt_bind_text (stmt, 1, path);
  if (ssv_stmt_step (stmt, error) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

static const char *
state_to_string (SsvWishImportState state)
{
  return state == SSV_WISH_IMPORT_RESOLVED ? "resolved" : "upgrade-wanted";
}

/* What an import did for a wanted item; the row's earlier import is replaced. */
gboolean
ssv_import_store_record (SsvDatabase         *db,
                         gint64               wishlist_id,
                         gint64               download_id,
                         SsvWishImportState   state,
                         const char          *quality_key,
                         const char          *path,
                         GError             **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  g_return_val_if_fail (state != SSV_WISH_IMPORT_NONE, FALSE);

  stmt = ssv_database_prepare (db,
    "INSERT INTO wishlist_import (wishlist_id, state, quality, path, download_id)"
    " SELECT ?1, ?2, ?3, ?4, (SELECT id FROM downloads WHERE id = ?5) WHERE EXISTS (SELECT 1 FROM wishlist WHERE id = ?1)"
    " ON CONFLICT (wishlist_id) DO UPDATE SET state = excluded.state, quality = excluded.quality,"
    "   path = excluded.path, download_id = excluded.download_id, imported_at = unixepoch()", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, wishlist_id);
  ssv_stmt_bind_text (stmt, 2, state_to_string (state));
  ssv_stmt_bind_text (stmt, 3, quality_key);
  ssv_stmt_bind_text (stmt, 4, path);
  sqlite3_bind_int64 (stmt, 5, download_id);
  return ssv_stmt_step_done (stmt, error);
}

SsvWishImportState
ssv_import_store_get_state (SsvDatabase  *db,
                            gint64        wishlist_id,
                            char        **quality_key,
                            GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT state, quality FROM wishlist_import WHERE wishlist_id = ?1", error);
  SsvWishImportState state;

  if (stmt == NULL)
    return SSV_WISH_IMPORT_NONE;
  sqlite3_bind_int64 (stmt, 1, wishlist_id);
  if (ssv_stmt_step (stmt, error) != SQLITE_ROW)
    return SSV_WISH_IMPORT_NONE;
  state = g_strcmp0 (ssv_stmt_column_text (stmt, 0), "resolved") == 0 ? SSV_WISH_IMPORT_RESOLVED
                                                                       : SSV_WISH_IMPORT_UPGRADE_WANTED;
  if (quality_key != NULL)
    *quality_key = ssv_stmt_dup_text (stmt, 1);
  return state;
}

static gpointer
read_wanted (SsvStmt *stmt)
{
  SsvDownloadWanted *wanted = g_new0 (SsvDownloadWanted, 1);
  const char *source = ssv_stmt_column_text (stmt, 2);
  const char *kind = ssv_stmt_column_text (stmt, 0);

  ssv_download_kind_from_string (kind, &wanted->kind);
  wanted->wishlist_id = sqlite3_column_int64 (stmt, 1);
  if (g_strcmp0 (source, "tmdb") == 0)
    wanted->tmdb_id = g_ascii_strtoll (ssv_stmt_column_text (stmt, 3), NULL, 10);
  else if (g_strcmp0 (source, "tvdb") == 0)
    wanted->tvdb_id = g_ascii_strtoll (ssv_stmt_column_text (stmt, 3), NULL, 10);
  wanted->title = ssv_stmt_dup_text (stmt, 4);
  wanted->year = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? 0 : sqlite3_column_int (stmt, 5);
  wanted->season = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 6);
  wanted->episode = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 7);
  wanted->absolute = -1;
  return wanted;
}

/**
 * ssv_import_store_list_wanted:
 *
 * What a file imported by hand can be: the wishlist's films and episodes
 * first, then the library's films and shows (an upgrade of an owned title;
 * a show's season and episode come from the file's name).
 *
 * Returns: (transfer full) (element-type SsvDownloadWanted): the items
 */
GPtrArray *
ssv_import_store_list_wanted (SsvDatabase  *db,
                              GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_download_wanted_free);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT 'movie', w.id, w.source, w.source_id, w.title, w.year, NULL, NULL"
    "  FROM wishlist w WHERE w.kind = 'movie' AND w.title IS NOT NULL"
    " UNION ALL "
    "SELECT 'episode', w.id, ws.source, ws.source_id, ws.title, ws.year, w.season_number, w.episode_number"
    "  FROM wishlist w JOIN wishlist_shows ws ON ws.id = w.wishlist_show_id WHERE w.kind = 'episode'"
    " UNION ALL "
    "SELECT 'movie', 0, 'tmdb', m.tmdb_id, m.title, m.year, NULL, NULL FROM movies m"
    " UNION ALL "
    "SELECT 'episode', 0, CASE WHEN s.tmdb_id IS NULL THEN 'tvdb' ELSE 'tmdb' END,"
    "       coalesce (s.tmdb_id, s.tvdb_id), s.title, s.year, NULL, NULL FROM shows s", error);

  if (stmt == NULL || !ssv_stmt_collect_rows (stmt, read_wanted, items, error))
    return NULL;
  return g_steal_pointer (&items);
}
