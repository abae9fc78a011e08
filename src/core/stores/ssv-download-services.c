/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-services.c: the indexers and download clients of SsvDownloadStore: where releases
 * are searched and where they are sent (their secrets live in the keyring). */

#include "config.h"

#include <math.h>

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "stores/ssv-download-store.h"
#include "stores/ssv-download-store-private.h"

/* A UNIQUE name taken, in plain words; other database errors pass as they are. */
static void
explain_name_taken (GError     **error,
                    const char  *what,
                    const char  *name)
{
  if (error == NULL || *error == NULL || strstr ((*error)->message, "UNIQUE") == NULL)
    return;

  g_clear_error (error);
  g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
               /* Translators: "An indexer called “Jackett” exists already." */
               _("%s called “%s” exists already; pick another name."), what, name);
}

/* ---------------------------------------------------------------------- */
/* Indexers */

void
ssv_indexer_row_free (SsvIndexerRow *row)
{
  if (row == NULL)
    return;

  g_free (row->kind);
  g_free (row->name);
  g_free (row->url);
  g_clear_pointer (&row->categories, g_array_unref);
  g_free (row);
}

gint64
ssv_download_store_add_indexer (SsvDownloadStore  *self,
                                const char        *kind,
                                const char        *name,
                                const char        *url,
                                GError           **error)
{
  g_autoptr(SsvStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), 0);

  stmt = ssv_database_prepare (ssv_download_store_db (self),
    "INSERT INTO indexers (kind, name, url) VALUES (?1, ?2, ?3) RETURNING id", error);
  if (stmt == NULL)
    return 0;
  ssv_stmt_bind_text (stmt, 1, kind);
  ssv_stmt_bind_text (stmt, 2, name);
  ssv_stmt_bind_text (stmt, 3, url);
  if (ssv_stmt_step (stmt, error) != SQLITE_ROW)
    {
      explain_name_taken (error, _("An indexer"), name);
      return 0;
    }
  id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, ssv_stmt_release);
  ssv_store_emit_changed (SSV_STORE (self), "indexer");

  return id;
}

static gpointer
read_indexer (SsvStmt *stmt)
{
  SsvIndexerRow *row = g_new0 (SsvIndexerRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->kind = ssv_stmt_dup_text (stmt, 1);
  row->name = ssv_stmt_dup_text (stmt, 2);
  row->url = ssv_stmt_dup_text (stmt, 3);
  row->enabled = sqlite3_column_int (stmt, 4) != 0;
  row->categories = g_array_new (FALSE, FALSE, sizeof (int));

  return row;
}

static gboolean
read_indexer_categories (SsvDownloadStore  *self,
                         SsvIndexerRow     *row,
                         GError           **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (ssv_download_store_db (self),
    "SELECT category FROM indexer_categories WHERE indexer_id = ?1 AND selected ORDER BY category", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->id);
  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      int category = sqlite3_column_int (stmt, 0);
      g_array_append_val (row->categories, category);
    }

  return rc == SQLITE_DONE;
}

GPtrArray *
ssv_download_store_list_indexers (SsvDownloadStore  *self,
                                  gboolean           enabled_only,
                                  GError           **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_indexer_row_free);
  g_autoptr(SsvStmt) stmt = NULL;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), NULL);

  stmt = ssv_database_prepare (ssv_download_store_db (self),
    "SELECT id, kind, name, url, enabled FROM indexers WHERE enabled OR NOT ?1 ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, enabled_only);
  if (!ssv_stmt_collect_rows (stmt, read_indexer, rows, error))
    return NULL;
  g_clear_pointer (&stmt, ssv_stmt_release);

  for (guint i = 0; i < rows->len; i++)
    if (!read_indexer_categories (self, g_ptr_array_index (rows, i), error))
      return NULL;

  return g_steal_pointer (&rows);
}

SsvIndexerRow *
ssv_download_store_find_indexer (SsvDownloadStore  *self,
                                 const char        *name,
                                 GError           **error)
{
  g_autoptr(SsvStmt) stmt = NULL;
  g_autoptr(SsvIndexerRow) row = NULL;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), NULL);

  stmt = ssv_database_prepare (ssv_download_store_db (self),
    "SELECT id, kind, name, url, enabled FROM indexers WHERE name = ?1", error);
  if (stmt == NULL)
    return NULL;
  ssv_stmt_bind_text (stmt, 1, name);
  if (ssv_stmt_step (stmt, error) != SQLITE_ROW)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                     _("There is no indexer called “%s”; “indexer list” shows the ones there are."), name);
      return NULL;
    }
  row = read_indexer (stmt);
  g_clear_pointer (&stmt, ssv_stmt_release);
  if (!read_indexer_categories (self, row, error))
    return NULL;

  return g_steal_pointer (&row);
}

/* The selection each category has now: category → 1 + selected. */
static GHashTable *
read_selection (SsvDatabase  *db,
                gint64        indexer_id,
                GError      **error)
{
  g_autoptr(GHashTable) selection = g_hash_table_new (NULL, NULL);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT category, selected FROM indexer_categories WHERE indexer_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, indexer_id);
  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    g_hash_table_insert (selection, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)),
                         GINT_TO_POINTER (1 + (sqlite3_column_int (stmt, 1) != 0)));

  return rc == SQLITE_DONE ? g_steal_pointer (&selection) : NULL;
}

/**
 * ssv_download_store_set_indexer_categories:
 * @selected_if_new: (nullable): whether a category not listed before is
 *   searched; NULL: all are
 *
 * Replaces the categories an indexer's caps list. A category listed before
 * keeps the person's choice; one gone from caps goes.
 */
gboolean
ssv_download_store_set_indexer_categories (SsvDownloadStore   *self,
                                           gint64              indexer_id,
                                           const int          *ids,
                                           const int          *parents,
                                           const char * const *names,
                                           const gboolean     *selected_if_new,
                                           guint               n_categories,
                                           GError            **error)
{
  g_autoptr(GHashTable) selection = NULL;
  SsvDatabase *db;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), FALSE);

  db = ssv_download_store_db (self);
  if (!ssv_database_begin (db, error))
    return FALSE;

  selection = read_selection (db, indexer_id, error);
  if (selection == NULL ||
      !ssv_database_exec_with_id (db, "DELETE FROM indexer_categories WHERE indexer_id = ?1",
                                  indexer_id, error))
    goto fail;

  for (guint i = 0; i < n_categories; i++)
    {
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
        "INSERT OR REPLACE INTO indexer_categories (indexer_id, category, parent, name, selected)"
        " VALUES (?1, ?2, ?3, ?4, ?5)", error);
      int before = GPOINTER_TO_INT (g_hash_table_lookup (selection, GINT_TO_POINTER (ids[i])));
      gboolean selected = before != 0 ? before == 2 : selected_if_new == NULL || selected_if_new[i];

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, indexer_id);
      sqlite3_bind_int (stmt, 2, ids[i]);
      sqlite3_bind_int (stmt, 3, parents != NULL ? parents[i] : 0);
      ssv_stmt_bind_text (stmt, 4, names != NULL ? names[i] : NULL);
      sqlite3_bind_int (stmt, 5, selected);
      if (!ssv_download_store_step_done (stmt, error))
        goto fail;
    }

  if (!ssv_database_commit (db, error))
    goto fail;
  ssv_store_emit_changed (SSV_STORE (self), "indexer");
  return TRUE;

fail:
  ssv_database_rollback (db);
  return FALSE;
}

/* The person's choice: @ids are searched, the indexer's other categories are not. */
gboolean
ssv_download_store_select_indexer_categories (SsvDownloadStore  *self,
                                              gint64             indexer_id,
                                              const int         *ids,
                                              guint              n_ids,
                                              GError           **error)
{
  SsvDatabase *db;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), FALSE);

  db = ssv_download_store_db (self);
  if (!ssv_database_begin (db, error))
    return FALSE;
  if (!ssv_database_exec_with_id (db, "UPDATE indexer_categories SET selected = 0 WHERE indexer_id = ?1",
                                  indexer_id, error))
    goto fail;

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
        "UPDATE indexer_categories SET selected = 1 WHERE indexer_id = ?1 AND category = ?2", error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, indexer_id);
      sqlite3_bind_int (stmt, 2, ids[i]);
      if (!ssv_download_store_step_done (stmt, error))
        goto fail;
    }

  if (!ssv_database_commit (db, error))
    goto fail;
  ssv_store_emit_changed (SSV_STORE (self), "indexer");
  return TRUE;

fail:
  ssv_database_rollback (db);
  return FALSE;
}

gboolean
ssv_download_store_remove_indexer (SsvDownloadStore  *self,
                                   gint64             indexer_id,
                                   GError           **error)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), FALSE);

  if (!ssv_database_exec_with_id (ssv_download_store_db (self), "DELETE FROM indexers WHERE id = ?1", indexer_id, error))
    return FALSE;
  ssv_store_emit_changed (SSV_STORE (self), "indexer");

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Download clients */

void
ssv_client_row_free (SsvClientRow *row)
{
  if (row == NULL)
    return;

  g_free (row->name);
  g_free (row->url);
  g_free (row->username);
  g_free (row->category);
  g_free (row->save_path);
  g_free (row);
}

#define CLIENT_SELECT \
  "SELECT c.id, c.kind, c.name, c.url, c.username, c.category, c.save_path, c.enabled," \
  " d.client_id IS NOT NULL, c.seed_ratio, c.seed_minutes FROM download_clients c" \
  " LEFT JOIN default_clients d ON d.client_id = c.id"

static gpointer
read_client (SsvStmt *stmt)
{
  SsvClientRow *row = g_new0 (SsvClientRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  if (!ssv_client_kind_from_string (ssv_stmt_column_text (stmt, 1), &row->kind))
    row->kind = SSV_CLIENT_QBITTORRENT;
  row->name = ssv_stmt_dup_text (stmt, 2);
  row->url = ssv_stmt_dup_text (stmt, 3);
  row->username = ssv_stmt_dup_text (stmt, 4);
  row->category = ssv_stmt_dup_text (stmt, 5);
  row->save_path = ssv_stmt_dup_text (stmt, 6);
  row->enabled = sqlite3_column_int (stmt, 7) != 0;
  row->is_default = sqlite3_column_int (stmt, 8) != 0;
  row->seed_ratio = sqlite3_column_type (stmt, 9) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 9);
  row->seed_minutes = ssv_download_store_column_int64_or (stmt, 10, -1);

  return row;
}

/* The first client of a protocol becomes its default. */
gint64
ssv_download_store_add_client (SsvDownloadStore  *self,
                               SsvClientKind      kind,
                               const char        *name,
                               const char        *url,
                               const char        *username,
                               GError           **error)
{
  SsvDatabase *db;
  gint64 id = 0;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), 0);

  db = ssv_download_store_db (self);
  if (!ssv_database_begin (db, error))
    return 0;

  {
    g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
      "INSERT INTO download_clients (kind, name, url, username) VALUES (?1, ?2, ?3, ?4) RETURNING id", error);

    if (stmt == NULL)
      goto fail;
    ssv_stmt_bind_text (stmt, 1, ssv_client_kind_to_string (kind));
    ssv_stmt_bind_text (stmt, 2, name);
    ssv_stmt_bind_text (stmt, 3, url);
    ssv_stmt_bind_text (stmt, 4, username);
    if (ssv_stmt_step (stmt, error) != SQLITE_ROW)
      {
        explain_name_taken (error, _("A download client"), name);
        goto fail;
      }
    id = sqlite3_column_int64 (stmt, 0);
  }

  {
    g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
      "INSERT INTO default_clients (protocol, client_id) VALUES (?1, ?2)"
      " ON CONFLICT (protocol) DO NOTHING", error);

    if (stmt == NULL)
      goto fail;
    ssv_stmt_bind_text (stmt, 1, ssv_download_protocol_of_client (kind));
    sqlite3_bind_int64 (stmt, 2, id);
    if (!ssv_download_store_step_done (stmt, error))
      goto fail;
  }

  if (!ssv_database_commit (db, error))
    goto fail;
  ssv_store_emit_changed (SSV_STORE (self), "client");
  return id;

fail:
  ssv_database_rollback (db);
  return 0;
}

/* A ratio (NAN: none) and a time (-1: none) after which a finished torrent
 * leaves this client; both none: it seeds as long as the client does. */
gboolean
ssv_download_store_set_seeding_goal (SsvDownloadStore  *self,
                                     gint64             client_id,
                                     double             ratio,
                                     gint64             minutes,
                                     GError           **error)
{
  g_autoptr(SsvStmt) stmt = NULL;
  SsvDatabase *db;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), FALSE);

  if ((!isnan (ratio) && ratio < 0) || minutes < -1)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID,
                           _("A seeding goal is a ratio or a number of minutes, zero or more."));
      return FALSE;
    }
  db = ssv_download_store_db (self);
  stmt = ssv_database_prepare (db, "UPDATE download_clients SET seed_ratio = ?2, seed_minutes = ?3,"
                                   " updated_at = unixepoch() WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  if (isnan (ratio))
    sqlite3_bind_null (stmt, 2);
  else
    sqlite3_bind_double (stmt, 2, ratio);
  if (minutes < 0)
    sqlite3_bind_null (stmt, 3);
  else
    sqlite3_bind_int64 (stmt, 3, minutes);
  if (!ssv_download_store_step_done (stmt, error))
    return FALSE;
  if (ssv_database_changes (db) == 0)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("That download client is no longer there."));
      return FALSE;
    }
  ssv_store_emit_changed (SSV_STORE (self), "client");
  return TRUE;
}

GPtrArray *
ssv_download_store_list_clients (SsvDownloadStore  *self,
                                 GError           **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_client_row_free);
  g_autoptr(SsvStmt) stmt = NULL;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), NULL);

  stmt = ssv_database_prepare (ssv_download_store_db (self), CLIENT_SELECT " ORDER BY c.name", error);
  if (stmt == NULL || !ssv_stmt_collect_rows (stmt, read_client, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}

static SsvClientRow *
find_client_where (SsvDownloadStore  *self,
                   const char        *where,
                   const char        *text,
                   gint64             number,
                   const char        *gone,
                   GError           **error)
{
  g_autofree char *sql = g_strconcat (CLIENT_SELECT, " WHERE ", where, NULL);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (ssv_download_store_db (self), sql, error);

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    ssv_stmt_bind_text (stmt, 1, text);
  else
    sqlite3_bind_int64 (stmt, 1, number);
  if (!ssv_stmt_step_row (stmt, gone, error))
    return NULL;

  return read_client (stmt);
}

SsvClientRow *
ssv_download_store_find_client (SsvDownloadStore  *self,
                                const char        *name,
                                GError           **error)
{
  g_autofree char *gone = NULL;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  gone = g_strdup_printf (_("There is no download client called “%s”; “client list” shows the ones there are."),
                          name);
  return find_client_where (self, "c.name = ?1", name, 0, gone, error);
}

SsvClientRow *
ssv_download_store_get_client (SsvDownloadStore  *self,
                               gint64             client_id,
                               GError           **error)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), NULL);

  return find_client_where (self, "c.id = ?1", NULL, client_id,
                            _("The download client this download went to was removed."), error);
}

SsvClientRow *
ssv_download_store_dup_default_client (SsvDownloadStore  *self,
                                       const char        *protocol,
                                       GError           **error)
{
  g_autofree char *gone = NULL;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), NULL);

  gone = g_strdup_printf (_("No download client takes %s releases; add one with “client add”."), protocol);
  return find_client_where (self, "d.protocol = ?1 AND c.enabled", protocol, 0, gone, error);
}

gboolean
ssv_download_store_set_default_client (SsvDownloadStore  *self,
                                       const char        *protocol,
                                       gint64             client_id,
                                       GError           **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), FALSE);

  stmt = ssv_database_prepare (ssv_download_store_db (self),
    "INSERT OR REPLACE INTO default_clients (protocol, client_id) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  ssv_stmt_bind_text (stmt, 1, protocol);
  sqlite3_bind_int64 (stmt, 2, client_id);
  if (!ssv_download_store_step_done (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, ssv_stmt_release);
  ssv_store_emit_changed (SSV_STORE (self), "client");

  return TRUE;
}

gboolean
ssv_download_store_remove_client (SsvDownloadStore  *self,
                                  gint64             client_id,
                                  GError           **error)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), FALSE);

  if (!ssv_database_exec_with_id (ssv_download_store_db (self), "DELETE FROM download_clients WHERE id = ?1", client_id, error))
    return FALSE;
  ssv_store_emit_changed (SSV_STORE (self), "client");

  return TRUE;
}
