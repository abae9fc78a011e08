/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-store-import.c: the importer's writes to a download, each one transaction: it takes
 * the download ("importing", unless it went into the library already or the person cancelled it),
 * then says how the import ended: in the library (completed, the time noted), refused (failed), or
 * not done (completed again with the reason, so the next start tries once more). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "stores/ssv-download-store-import.h"
#include "stores/ssv-download-store-private.h"

/* Anything but a person's cancel. */
#define IMPORT_FROM (SSV_DOWNLOAD_STATUS_ANY & ~SSV_DOWNLOAD_STATUS_BIT (SSV_DOWNLOAD_CANCELLED))

static gboolean
check_not_imported (SsvDatabase  *db,
                    gint64        id,
                    GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, "SELECT imported_at FROM downloads WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ssv_stmt_step_row (stmt, _("That download is no longer there."), error))
    return FALSE;
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return TRUE;

  g_set_error_literal (error, SSV_ERROR, SSV_ERROR_REFUSED, _("That download is in the library already."));
  return FALSE;
}

/**
 * ssv_download_store_take_for_import:
 *
 * The importer takes the download: it is "importing" from now on. Refused
 * (%SSV_ERROR_REFUSED) when it went into the library already or the person
 * cancelled it; a row a crash left "importing" is taken again.
 */
gboolean
ssv_download_store_take_for_import (SsvDownloadStore  *self,
                                    gint64             id,
                                    const char        *event,
                                    GError           **error)
{
  SsvDatabase *db;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), FALSE);

  db = ssv_download_store_db (self);
  if (!ssv_database_begin (db, error))
    return FALSE;
  if (!check_not_imported (db, id, error) || !ssv_download_store_check_status (db, id, IMPORT_FROM, error) ||
      !ssv_download_store_write_status (db, id, SSV_DOWNLOAD_IMPORTING, NULL, NULL, error) ||
      (event != NULL && !ssv_download_store_insert_event (db, id, "state", event, error)) ||
      !ssv_database_commit (db, error))
    {
      ssv_database_rollback (db);
      return FALSE;
    }

  ssv_store_emit_changed (SSV_STORE (self), "download");
  return TRUE;
}

/**
 * ssv_download_store_finish_import:
 * @status: %SSV_DOWNLOAD_COMPLETED, or %SSV_DOWNLOAD_FAILED when its files were refused
 * @error_message: (nullable): why it is not in the library (then it is not noted as imported)
 *
 * How the import of a download it took ended, with its line in the timeline.
 * Completed without @error_message: in the library, never imported again.
 */
gboolean
ssv_download_store_finish_import (SsvDownloadStore  *self,
                                  gint64             id,
                                  SsvDownloadStatus  status,
                                  const char        *error_message,
                                  const char        *event_kind,
                                  const char        *event,
                                  GError           **error)
{
  SsvDatabase *db;
  gboolean imported = status == SSV_DOWNLOAD_COMPLETED && error_message == NULL;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), FALSE);
  g_return_val_if_fail (status == SSV_DOWNLOAD_COMPLETED || status == SSV_DOWNLOAD_FAILED, FALSE);

  db = ssv_download_store_db (self);
  if (!ssv_database_begin (db, error))
    return FALSE;
  if (!ssv_download_store_check_status (db, id, IMPORT_FROM, error) ||
      !ssv_download_store_write_status (db, id, status, error_message, NULL, error))
    goto fail;
  {
    g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
      "UPDATE downloads SET imported_at = CASE WHEN ?2 THEN unixepoch() END WHERE id = ?1", error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, id);
    sqlite3_bind_int (stmt, 2, imported);
    if (!ssv_download_store_step_done (stmt, error))
      goto fail;
  }
  if ((event != NULL && !ssv_download_store_insert_event (db, id, event_kind, event, error)) ||
      !ssv_database_commit (db, error))
    goto fail;

  ssv_store_emit_changed (SSV_STORE (self), "download");
  return TRUE;

fail:
  ssv_database_rollback (db);
  return FALSE;
}
