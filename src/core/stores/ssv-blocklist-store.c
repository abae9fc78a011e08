/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-blocklist-store.c: the blocklist table: add, remove, list, "is this release blocked?" by
 * each key through its index, and the whole list as an SsvBlocklist for judging a search. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "stores/ssv-blocklist-store.h"

struct _SsvBlocklistStore
{
  SsvStore parent_instance;
};

G_DEFINE_FINAL_TYPE (SsvBlocklistStore, ssv_blocklist_store, SSV_TYPE_STORE)

#define COLUMNS \
  "id, protocol, indexer, release_title, infohash, guid, url, slskd_user, slskd_file, reason, manual, created_at"

/* One per key: infohash, guid, URL, Soulseek peer and file, title on an indexer. */
const char * const ssv_blocklist_store_lookup_sql[] = {
  "SELECT reason FROM blocklist WHERE infohash = lower (?1) ORDER BY id LIMIT 1",
  "SELECT reason FROM blocklist WHERE guid = ?1 ORDER BY id LIMIT 1",
  "SELECT reason FROM blocklist WHERE url = ?1 ORDER BY id LIMIT 1",
  "SELECT reason FROM blocklist WHERE slskd_user = ?1 AND slskd_file = ?2 ORDER BY id LIMIT 1",
  "SELECT reason FROM blocklist WHERE release_title = ?1 COLLATE NOCASE AND indexer IS ?2"
  " AND (slskd_user IS NULL OR slskd_file IS NULL) ORDER BY id LIMIT 1",
  NULL,
};

const char * const ssv_blocklist_store_list_sql =
  "SELECT " COLUMNS " FROM blocklist ORDER BY created_at DESC, id DESC";

static void
ssv_blocklist_store_class_init (SsvBlocklistStoreClass *klass)
{
}

static void
ssv_blocklist_store_init (SsvBlocklistStore *self)
{
}

SsvBlocklistStore *
ssv_blocklist_store_new (SsvDatabase *database)
{
  return g_object_new (SSV_TYPE_BLOCKLIST_STORE, "database", database, NULL);
}

static SsvDatabase *
db_of (SsvBlocklistStore *self)
{
  return ssv_store_get_database (SSV_STORE (self));
}

/**
 * ssv_blocklist_store_add:
 * @download_id: the download it failed in, or 0
 *
 * Returns: the new entry's id, or 0 with @error set
 */
gint64
ssv_blocklist_store_add (SsvBlocklistStore    *self,
                         const SsvBlockEntry  *entry,
                         gint64                download_id,
                         GError              **error)
{
  g_autoptr(SsvStmt) stmt = NULL;
  g_autofree char *hash = NULL;
  gint64 id;

  g_return_val_if_fail (SSV_IS_BLOCKLIST_STORE (self), 0);
  g_return_val_if_fail (entry != NULL, 0);

  if (entry->release_title == NULL || *entry->release_title == '\0' || entry->reason == NULL ||
      *entry->reason == '\0' || entry->protocol == NULL)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID,
                           _("A blocked release needs its name, its protocol and a reason."));
      return 0;
    }

  stmt = ssv_database_prepare (db_of (self),
    "INSERT INTO blocklist (protocol, indexer, release_title, infohash, guid, url, slskd_user, slskd_file,"
    " reason, manual, download_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id", error);
  if (stmt == NULL)
    return 0;
  hash = entry->infohash != NULL ? g_ascii_strdown (entry->infohash, -1) : NULL;
  ssv_stmt_bind_text (stmt, 1, entry->protocol);
  ssv_stmt_bind_text (stmt, 2, entry->indexer);
  ssv_stmt_bind_text (stmt, 3, entry->release_title);
  ssv_stmt_bind_text (stmt, 4, hash);
  ssv_stmt_bind_text (stmt, 5, entry->guid);
  ssv_stmt_bind_text (stmt, 6, entry->url);
  ssv_stmt_bind_text (stmt, 7, entry->slskd_user);
  ssv_stmt_bind_text (stmt, 8, entry->slskd_file);
  ssv_stmt_bind_text (stmt, 9, entry->reason);
  sqlite3_bind_int (stmt, 10, entry->manual ? 1 : 0);
  ssv_stmt_bind_int64_or_null (stmt, 11, download_id, download_id > 0);
  if (ssv_stmt_step (stmt, error) != SQLITE_ROW)
    return 0;
  id = sqlite3_column_int64 (stmt, 0);
  ssv_store_emit_changed (SSV_STORE (self), "blocklist");

  return id;
}

gboolean
ssv_blocklist_store_remove (SsvBlocklistStore  *self,
                            gint64              id,
                            GError            **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  g_return_val_if_fail (SSV_IS_BLOCKLIST_STORE (self), FALSE);

  stmt = ssv_database_prepare (db_of (self), "DELETE FROM blocklist WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ssv_stmt_step_done (stmt, error))
    return FALSE;
  if (ssv_database_changes (db_of (self)) == 0)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                   _("There is no blocked release %" G_GINT64_FORMAT "."), id);
      return FALSE;
    }
  ssv_store_emit_changed (SSV_STORE (self), "blocklist");

  return TRUE;
}

static gpointer
read_entry (SsvStmt *stmt)
{
  SsvBlockEntry *e = ssv_block_entry_new ();

  e->id = sqlite3_column_int64 (stmt, 0);
  e->protocol = ssv_stmt_dup_text (stmt, 1);
  e->indexer = ssv_stmt_dup_text (stmt, 2);
  e->release_title = ssv_stmt_dup_text (stmt, 3);
  e->infohash = ssv_stmt_dup_text (stmt, 4);
  e->guid = ssv_stmt_dup_text (stmt, 5);
  e->url = ssv_stmt_dup_text (stmt, 6);
  e->slskd_user = ssv_stmt_dup_text (stmt, 7);
  e->slskd_file = ssv_stmt_dup_text (stmt, 8);
  e->reason = ssv_stmt_dup_text (stmt, 9);
  e->manual = sqlite3_column_int (stmt, 10) != 0;
  e->created_at = sqlite3_column_int64 (stmt, 11);

  return e;
}

/* Returns: (transfer full) (element-type SsvBlockEntry): newest first */
GPtrArray *
ssv_blocklist_store_list (SsvBlocklistStore  *self,
                          GError            **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_block_entry_free);
  g_autoptr(SsvStmt) stmt = NULL;

  g_return_val_if_fail (SSV_IS_BLOCKLIST_STORE (self), NULL);

  stmt = ssv_database_prepare (db_of (self), ssv_blocklist_store_list_sql, error);
  if (stmt == NULL || !ssv_stmt_collect_rows (stmt, read_entry, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}

/* The reason of the first match of lookup @which, NULL when none; FALSE on an error. */
static gboolean
lookup (SsvBlocklistStore  *self,
        guint               which,
        const char         *first,
        const char         *second,
        char              **reason,
        GError            **error)
{
  g_autoptr(SsvStmt) stmt = NULL;
  int rc;

  if (first == NULL || *reason != NULL)
    return TRUE;
  stmt = ssv_database_prepare (db_of (self), ssv_blocklist_store_lookup_sql[which], error);
  if (stmt == NULL)
    return FALSE;
  ssv_stmt_bind_text (stmt, 1, first);
  ssv_stmt_bind_text (stmt, 2, second);
  rc = ssv_stmt_step (stmt, error);
  if (rc == SQLITE_ROW)
    *reason = ssv_stmt_dup_text (stmt, 0);

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/**
 * ssv_blocklist_store_contains:
 *
 * Whether @candidate is blocked, by any of its keys (each through an index).
 *
 * Returns: (transfer full) (nullable): the reason, or NULL when it is not
 *   blocked (or on an error, then with @error set)
 */
char *
ssv_blocklist_store_contains (SsvBlocklistStore           *self,
                              const SsvDownloadCandidate  *candidate,
                              GError                     **error)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (SSV_IS_BLOCKLIST_STORE (self), NULL);
  g_return_val_if_fail (candidate != NULL, NULL);

  if (!lookup (self, 0, candidate->infohash, NULL, &reason, error) ||
      !lookup (self, 1, candidate->guid, NULL, &reason, error) ||
      !lookup (self, 2, candidate->download_url, NULL, &reason, error) ||
      !lookup (self, 2, candidate->magnet_url, NULL, &reason, error) ||
      !lookup (self, 4, candidate->release_title, candidate->indexer, &reason, error))
    return NULL;
  for (guint i = 0; candidate->slskd_user != NULL && candidate->files != NULL && i < candidate->files->len; i++)
    {
      const SsvCandidateFile *file = g_ptr_array_index (candidate->files, i);

      if (!lookup (self, 3, candidate->slskd_user, file->path, &reason, error))
        return NULL;
    }

  return g_steal_pointer (&reason);
}

/* Returns: (transfer full): every entry as a set to judge a search's hits with */
SsvBlocklist *
ssv_blocklist_store_load (SsvBlocklistStore  *self,
                          GError            **error)
{
  g_autoptr(GPtrArray) rows = ssv_blocklist_store_list (self, error);
  SsvBlocklist *blocklist;

  if (rows == NULL)
    return NULL;
  blocklist = ssv_blocklist_new ();
  /* oldest first, so a release blocked twice shows its first reason */
  for (guint i = rows->len; i > 0; i--)
    ssv_blocklist_add (blocklist, g_ptr_array_index (rows, i - 1));

  return blocklist;
}

/* ---- async wrappers for the UI -------------------------------------------- */

static gpointer
list_thread (SsvStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return ssv_blocklist_store_list (SSV_BLOCKLIST_STORE (store), error);
}

void
ssv_blocklist_store_list_async (SsvBlocklistStore   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ssv_store_run_async (SSV_STORE (self), ssv_blocklist_store_list_async, list_thread, NULL, NULL,
                       (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
ssv_blocklist_store_list_finish (SsvBlocklistStore  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error);
}

static gpointer
remove_thread (SsvStore      *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  if (!ssv_blocklist_store_remove (SSV_BLOCKLIST_STORE (store), *(gint64 *) data, error))
    return NULL;

  return GINT_TO_POINTER (1);
}

void
ssv_blocklist_store_remove_async (SsvBlocklistStore   *self,
                                  gint64               id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  ssv_store_run_async (SSV_STORE (self), ssv_blocklist_store_remove_async, remove_thread,
                       g_memdup2 (&id, sizeof id), g_free, NULL, cancellable, callback, user_data);
}

gboolean
ssv_blocklist_store_remove_finish (SsvBlocklistStore  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error) != NULL;
}
