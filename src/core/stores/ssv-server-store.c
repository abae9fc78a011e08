/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-server-store.c: rows of the servers and server_libraries tables. Never tokens. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "stores/ssv-server-store.h"

void
ssv_server_library_free (SsvServerLibrary *library)
{
  if (library == NULL)
    return;

  g_free (library->key);
  g_free (library->name);
  g_free (library);
}

void
ssv_server_info_free (SsvServerInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->kind);
  g_free (info->name);
  g_free (info->url);
  g_free (info->user_id);
  g_free (info->user_name);
  g_free (info->machine_id);
  g_free (info->uuid);
  g_free (info->legacy_token_key);
  g_clear_pointer (&info->libraries, g_ptr_array_unref);
  g_free (info);
}

/**
 * ssv_server_store_add:
 * @kind: "plex", "jellyfin" or "folder"
 * @url: the server's address, or the folder's path
 * @id: (out): the row, new or the existing one for this @kind and @url
 * @created: (out) (optional): whether the row is new. %FALSE means @kind and @url were
 *   in the library already: that server (with its titles) is what @id names, and
 *   undoing this call must not remove it.
 *
 * Adding the same server twice keeps one row; the second time updates its name
 * and enables it again.
 */
gboolean
ssv_server_store_add (SsvDatabase  *db,
                      const char   *kind,
                      const char   *name,
                      const char   *url,
                      const char   *user_id,
                      gint64       *id,
                      gboolean     *created,
                      GError      **error)
{
  g_autoptr(SsvStmt) insert = NULL;
  g_autoptr(SsvStmt) update = NULL;
  const char *shown_name = name && name[0] ? name : url;
  gboolean inserted;
  int rc;

  if (url == NULL || url[0] == '\0')
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("Enter the server’s address."));
      return FALSE;
    }

  if (!ssv_database_begin (db, error))
    return FALSE;

  /* Insert-or-nothing first: only a row this call inserted counts as created. */
  insert = ssv_database_prepare (db,
                                 "INSERT INTO servers (kind, name, url, user_id) VALUES (?1, ?2, ?3, ?4) "
                                 "ON CONFLICT (kind, url) DO NOTHING RETURNING id",
                                 error);
  if (insert == NULL)
    goto failed;

  sqlite3_bind_text (insert, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, shown_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, url, -1, SQLITE_STATIC);
  ssv_stmt_bind_text (insert, 4, user_id);

  rc = ssv_stmt_step (insert, error);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    goto failed;

  inserted = rc == SQLITE_ROW;
  if (inserted)
    {
      if (id != NULL)
        *id = sqlite3_column_int64 (insert, 0);
    }
  else
    {
      update = ssv_database_prepare (db,
                                     "UPDATE servers SET name = ?1, user_id = coalesce (?2, user_id), enabled = 1 "
                                     "WHERE kind = ?3 AND url = ?4 RETURNING id",
                                     error);
      if (update == NULL)
        goto failed;

      sqlite3_bind_text (update, 1, shown_name, -1, SQLITE_STATIC);
      ssv_stmt_bind_text (update, 2, user_id);
      sqlite3_bind_text (update, 3, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (update, 4, url, -1, SQLITE_STATIC);
      if (ssv_stmt_step (update, error) != SQLITE_ROW)
        goto failed;
      if (id != NULL)
        *id = sqlite3_column_int64 (update, 0);
    }

  g_clear_pointer (&insert, ssv_stmt_release);
  g_clear_pointer (&update, ssv_stmt_release);
  if (!ssv_database_commit (db, error))
    return FALSE;

  if (created != NULL)
    *created = inserted;
  return TRUE;

failed:
  g_clear_pointer (&insert, ssv_stmt_release);
  g_clear_pointer (&update, ssv_stmt_release);
  ssv_database_rollback (db);
  return FALSE;
}

/**
 * ssv_server_store_forget_new:
 * @id: a row ssv_server_store_add() reported as created
 *
 * Undoes the add of a server that was never scanned, as when its token could not
 * be kept. A server that has been scanned (and so has titles) stays: its removal
 * is the person's decision, through ssv_server_store_remove().
 *
 * Returns: %TRUE if the row is gone; %FALSE with no error if it stays
 */
gboolean
ssv_server_store_forget_new (SsvDatabase  *db,
                             gint64        id,
                             GError      **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  stmt = ssv_database_prepare (db,
                               "DELETE FROM servers WHERE id = ? AND last_scan_at IS NULL "
                               "  AND last_full_scan_at IS NULL",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!ssv_stmt_step_done (stmt, error))
    return FALSE;

  return ssv_database_changes (db) > 0;
}

/* The server of @kind at @url, or NULL (and no error) when the library has none. */
SsvServerInfo *
ssv_server_store_lookup (SsvDatabase  *db,
                         const char   *kind,
                         const char   *url,
                         GError      **error)
{
  g_autoptr(SsvStmt) stmt = NULL;
  gint64 id;
  int rc;

  stmt = ssv_database_prepare (db, "SELECT id FROM servers WHERE kind = ? AND url = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, url, -1, SQLITE_STATIC);
  rc = ssv_stmt_step (stmt, error);
  if (rc != SQLITE_ROW)
    return NULL;

  id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, ssv_stmt_release);
  return ssv_server_store_get (db, id, error);
}

/* Removes the server and, through the cascades, every title it brought in. */
gboolean
ssv_server_store_remove (SsvDatabase  *db,
                         gint64        id,
                         GError      **error)
{
  if (!ssv_database_begin (db, error))
    return FALSE;

  if (!ssv_database_exec_with_id (db, "DELETE FROM servers WHERE id = ?", id, error))
    {
      ssv_database_rollback (db);
      return FALSE;
    }

  return ssv_database_commit (db, error);
}

static gpointer
info_from_row (SsvStmt *stmt)
{
  SsvServerInfo *info = g_new0 (SsvServerInfo, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->kind = ssv_stmt_dup_text (stmt, 1);
  info->name = ssv_stmt_dup_text (stmt, 2);
  info->url = ssv_stmt_dup_text (stmt, 3);
  info->user_id = ssv_stmt_dup_text (stmt, 4);
  info->user_name = ssv_stmt_dup_text (stmt, 5);
  info->machine_id = ssv_stmt_dup_text (stmt, 6);
  info->enabled = sqlite3_column_int (stmt, 7) != 0;
  info->last_scan_at = sqlite3_column_int64 (stmt, 8);
  info->last_full_scan_at = sqlite3_column_int64 (stmt, 9);
  info->uuid = ssv_stmt_dup_text (stmt, 10);
  info->legacy_token_key = ssv_stmt_dup_text (stmt, 11);
  info->libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_server_library_free);

  return info;
}

static gpointer
library_from_row (SsvStmt *stmt)
{
  SsvServerLibrary *library = g_new0 (SsvServerLibrary, 1);

  library->key = ssv_stmt_dup_text (stmt, 0);
  library->name = ssv_stmt_dup_text (stmt, 1);
  library->kind = ssv_library_kind_from_string (ssv_stmt_column_text (stmt, 2));

  return library;
}

static gboolean
load_libraries (SsvDatabase    *db,
                SsvServerInfo  *info,
                GError        **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  stmt = ssv_database_prepare (db,
                               "SELECT library_key, name, kind FROM server_libraries "
                               "WHERE server_id = ? ORDER BY name, library_key",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, info->id);
  return ssv_stmt_collect_rows (stmt, library_from_row, info->libraries, error);
}

#define SERVER_COLUMNS "id, kind, name, url, user_id, user_name, machine_id, enabled, " \
                       "last_scan_at, last_full_scan_at, uuid, legacy_token_key"

/**
 * ssv_server_store_list:
 *
 * Returns: (transfer full) (element-type SsvServerInfo): every source, servers first
 */
GPtrArray *
ssv_server_store_list (SsvDatabase  *db,
                       GError      **error)
{
  g_autoptr(GPtrArray) servers = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_server_info_free);
  g_autoptr(SsvStmt) stmt = NULL;

  stmt = ssv_database_prepare (db,
                               "SELECT " SERVER_COLUMNS " FROM servers "
                               "ORDER BY kind = 'folder', name COLLATE NOCASE, id",
                               error);
  if (stmt == NULL || !ssv_stmt_collect_rows (stmt, info_from_row, servers, error))
    return NULL;

  for (guint i = 0; i < servers->len; i++)
    if (!load_libraries (db, g_ptr_array_index (servers, i), error))
      return NULL;

  return g_steal_pointer (&servers);
}

SsvServerInfo *
ssv_server_store_get (SsvDatabase  *db,
                      gint64        id,
                      GError      **error)
{
  g_autoptr(SsvStmt) stmt = NULL;
  g_autoptr(SsvServerInfo) info = NULL;
  int rc;

  stmt = ssv_database_prepare (db, "SELECT " SERVER_COLUMNS " FROM servers WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = ssv_stmt_step (stmt, error);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                   _("There is no source number %" G_GINT64_FORMAT "."), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    return NULL;

  info = info_from_row (stmt);
  g_clear_pointer (&stmt, ssv_stmt_release);
  if (!load_libraries (db, info, error))
    return NULL;

  return g_steal_pointer (&info);
}

/* A source by its number, its name, or its address / folder path. */
SsvServerInfo *
ssv_server_store_find (SsvDatabase  *db,
                       const char   *name_or_id,
                       GError      **error)
{
  g_autoptr(GPtrArray) servers = NULL;
  char *end = NULL;
  gint64 id;

  id = g_ascii_strtoll (name_or_id, &end, 10);
  if (end != name_or_id && *end == '\0')
    return ssv_server_store_get (db, id, error);

  servers = ssv_server_store_list (db, error);
  if (servers == NULL)
    return NULL;

  for (guint i = 0; i < servers->len; i++)
    {
      SsvServerInfo *info = g_ptr_array_index (servers, i);

      if (g_utf8_collate (info->name, name_or_id) == 0 || g_strcmp0 (info->url, name_or_id) == 0)
        return g_ptr_array_steal_index (servers, i);
    }

  g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
               _("There is no source called “%s”."), name_or_id);
  return NULL;
}

/* What a successful connection test learned; NULL values keep what is stored. */
gboolean
ssv_server_store_update_identity (SsvDatabase  *db,
                                  gint64        id,
                                  const char   *name,
                                  const char   *user_id,
                                  const char   *user_name,
                                  const char   *machine_id,
                                  GError      **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  stmt = ssv_database_prepare (db,
                               "UPDATE servers SET name = coalesce (?2, name), "
                               "  user_id = coalesce (?3, user_id), user_name = coalesce (?4, user_name), "
                               "  machine_id = coalesce (?5, machine_id) WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  ssv_stmt_bind_text (stmt, 2, name);
  ssv_stmt_bind_text (stmt, 3, user_id);
  ssv_stmt_bind_text (stmt, 4, user_name);
  ssv_stmt_bind_text (stmt, 5, machine_id);
  return ssv_stmt_step_done (stmt, error);
}

/**
 * ssv_server_store_set_libraries:
 * @libraries: (element-type SsvMediaLibrary): the server's libraries, each
 *   with the kind the person chose (or %SSV_LIBRARY_KIND_NONE)
 *
 * Replaces the mapping in one transaction. Libraries the server no longer has
 * are forgotten; their titles go at the next scan
 * (ssv_library_store_prune_unmapped()).
 */
gboolean
ssv_server_store_set_libraries (SsvDatabase  *db,
                                gint64        id,
                                GPtrArray    *libraries,
                                GError      **error)
{
  if (!ssv_database_begin (db, error))
    return FALSE;

  if (!ssv_database_exec_with_id (db, "DELETE FROM server_libraries WHERE server_id = ?", id, error))
    goto failed;

  for (guint i = 0; i < libraries->len; i++)
    {
      SsvMediaLibrary *library = g_ptr_array_index (libraries, i);
      g_autoptr(SsvStmt) stmt = NULL;

      stmt = ssv_database_prepare (db,
                                   "INSERT INTO server_libraries (server_id, library_key, name, kind) "
                                   "VALUES (?, ?, ?, ?)",
                                   error);
      if (stmt == NULL)
        goto failed;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, library->key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, library->name ? library->name : library->key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, ssv_library_kind_to_string (library->kind), -1, SQLITE_STATIC);
      if (!ssv_stmt_step_done (stmt, error))
        goto failed;
    }

  return ssv_database_commit (db, error);

failed:
  ssv_database_rollback (db);
  return FALSE;
}

/* A library set to %SSV_LIBRARY_KIND_NONE (or the other kind) loses its titles
 * at the next scan of the server (ssv_library_store_prune_unmapped()). */
gboolean
ssv_server_store_set_library_kind (SsvDatabase     *db,
                                   gint64           id,
                                   const char      *library_key,
                                   SsvLibraryKind   kind,
                                   GError         **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  stmt = ssv_database_prepare (db,
                               "UPDATE server_libraries SET kind = ?3 WHERE server_id = ?1 AND library_key = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, library_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, ssv_library_kind_to_string (kind), -1, SQLITE_STATIC);
  return ssv_stmt_step_done (stmt, error);
}

gboolean
ssv_server_store_mark_scanned (SsvDatabase  *db,
                               gint64        id,
                               gint64        when,
                               gboolean      full,
                               GError      **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  stmt = ssv_database_prepare (db,
                               "UPDATE servers SET last_scan_at = ?2, "
                               "  last_full_scan_at = CASE WHEN ?3 THEN ?2 ELSE last_full_scan_at END "
                               "WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, when);
  sqlite3_bind_int (stmt, 3, full);
  return ssv_stmt_step_done (stmt, error);
}

/* The server's token lives under its UUID now: the entry it had before is not read again. */
gboolean
ssv_server_store_forget_legacy_token_key (SsvDatabase  *db,
                                          gint64        id,
                                          GError      **error)
{
  return ssv_database_exec_with_id (db, "UPDATE servers SET legacy_token_key = NULL "
                                        "WHERE id = ?1 AND legacy_token_key IS NOT NULL", id, error);
}
