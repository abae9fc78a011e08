/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-store-retry.c: the retry engine's writes to a download, each one transaction: the
 * release it moves to (attempts + 1, the candidate marked tried, the timeline), and the fresh
 * candidates a search again found with the query it made. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "stores/ssv-download-store-private.h"
#include "stores/ssv-download-store-retry.h"

static gboolean
update_release (SsvDatabase             *db,
                gint64                   id,
                const SsvReleaseSwitch  *change,
                GError                 **error)
{
  const SsvDownloadCandidate *c = change->candidate;
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "UPDATE downloads SET release_title = ?2, indexer = ?3, protocol = ?4, client_id = ?5, client_name = ?6,"
    " client_reference = ?7, size_bytes = ?8, quality = ?9,"
    " status = CASE WHEN ?7 IS NULL THEN 'failed' ELSE 'queued' END, error = ?10,"
    " progress = 0, speed = NULL, eta = NULL, content_path = NULL, completed_at = NULL,"
    " attempts = attempts + 1, updated_at = unixepoch() WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  ssv_stmt_bind_text (stmt, 2, c->release_title);
  ssv_stmt_bind_text (stmt, 3, c->indexer);
  ssv_stmt_bind_text (stmt, 4, c->protocol);
  ssv_stmt_bind_int64_or_null (stmt, 5, change->client_id, change->client_id > 0);
  ssv_stmt_bind_text (stmt, 6, change->client_name);
  ssv_stmt_bind_text (stmt, 7, change->reference);
  ssv_stmt_bind_int64_or_null (stmt, 8, c->size, c->size >= 0);
  ssv_stmt_bind_text (stmt, 9, c->quality);
  ssv_stmt_bind_text (stmt, 10, change->reference == NULL ? change->error : NULL);
  if (!ssv_download_store_step_done (stmt, error))
    return FALSE;
  if (ssv_database_changes (db) == 0)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("That download is no longer there."));
      return FALSE;
    }

  return TRUE;
}

/**
 * ssv_download_store_switch_release:
 *
 * The download takes @change's candidate: its release, client and reference
 * (queued), or its refusal (failed with @change->error); either way one more
 * attempt, the candidate tried, its files noted, the event written. All or nothing.
 * A download cancelled meanwhile stays so (%SSV_ERROR_REFUSED).
 */
gboolean
ssv_download_store_switch_release (SsvDownloadStore        *self,
                                   gint64                   id,
                                   const SsvReleaseSwitch  *change,
                                   GError                 **error)
{
  SsvDatabase *db;
  const SsvDownloadCandidate *c;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), FALSE);
  g_return_val_if_fail (change != NULL && change->candidate != NULL && change->event != NULL, FALSE);
  g_return_val_if_fail (change->reference != NULL || change->error != NULL, FALSE);

  db = ssv_download_store_db (self);
  c = change->candidate;
  if (!ssv_database_begin (db, error))
    return FALSE;

  /* a person's cancel made meanwhile stands: the release is not taken */
  if (!ssv_download_store_check_status (db, id, SSV_DOWNLOAD_RETRY_FROM, error) ||
      !update_release (db, id, change, error))
    goto fail;
  {
    g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
      "UPDATE download_candidates SET tried = 1 WHERE download_id = ?1 AND position = ?2", error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, id);
    sqlite3_bind_int (stmt, 2, change->position);
    if (!ssv_download_store_step_done (stmt, error))
      goto fail;
  }
  for (guint i = 0; c->files != NULL && i < c->files->len; i++)
    {
      const SsvCandidateFile *file = g_ptr_array_index (c->files, i);

      if (!ssv_download_store_insert_try (db, id, "file", file->path, error))
        goto fail;
    }
  if (!ssv_download_store_insert_event (db, id, "retry", change->event, error) ||
      !ssv_database_commit (db, error))
    goto fail;

  ssv_store_emit_changed (SSV_STORE (self), "download");
  return TRUE;

fail:
  ssv_database_rollback (db);
  return FALSE;
}

/**
 * ssv_download_store_add_candidates:
 * @candidates: (element-type SsvDownloadCandidate): appended to the pool, in order
 * @query: (nullable): the query that found them, noted as tried
 * @event: (nullable): a line for the timeline
 *
 * All or nothing.
 */
gboolean
ssv_download_store_add_candidates (SsvDownloadStore  *self,
                                   gint64             id,
                                   GPtrArray         *candidates,
                                   const char        *query,
                                   const char        *event,
                                   GError           **error)
{
  SsvDatabase *db;
  guint next = 0;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), FALSE);

  db = ssv_download_store_db (self);
  if (!ssv_database_begin (db, error))
    return FALSE;
  {
    g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
      "SELECT coalesce (max (position) + 1, 0) FROM download_candidates WHERE download_id = ?1", error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, id);
    if (ssv_stmt_step (stmt, error) != SQLITE_ROW)
      goto fail;
    next = (guint) sqlite3_column_int (stmt, 0);
  }
  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    if (!ssv_download_store_insert_candidate (db, id, next + i, g_ptr_array_index (candidates, i), FALSE, error))
      goto fail;
  if ((query != NULL && !ssv_download_store_insert_try (db, id, "query", query, error)) ||
      (event != NULL && !ssv_download_store_insert_event (db, id, "note", event, error)) ||
      !ssv_database_commit (db, error))
    goto fail;

  ssv_store_emit_changed (SSV_STORE (self), "event");
  return TRUE;

fail:
  ssv_database_rollback (db);
  return FALSE;
}
