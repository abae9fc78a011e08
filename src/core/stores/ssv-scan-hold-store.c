/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scan-hold-store.c: removals a scan held back for the person to confirm, and the disk
 * each folder source was last read from. Nothing here removes a title unless the person
 * confirmed its hold. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "stores/ssv-scan-hold-store-private.h"

static const char * const reason_names[] = { "empty", "most", "disk" };

static const char *
kind_name (SsvMediaKind kind)
{
  return kind == SSV_MEDIA_KIND_MOVIE ? "movies" : "shows";
}

static SsvHoldReason
reason_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (reason_names); i++)
    if (g_strcmp0 (name, reason_names[i]) == 0)
      return (SsvHoldReason) i;

  return SSV_HOLD_MOST;
}

void
ssv_scan_hold_free (SsvScanHold *hold)
{
  if (hold == NULL)
    return;

  g_free (hold->server_name);
  g_free (hold->library_key);
  g_free (hold->library_name);
  g_free (hold->path);
  g_free (hold);
}

/* ---- written by a scan ------------------------------------------------------------- */

/**
 * ssv_scan_hold_clear:
 *
 * Forgets the hold of one library (its listing was trusted, or replaced).
 * Runs in the caller's transaction.
 */
gboolean
ssv_scan_hold_clear (SsvDatabase   *db,
                     gint64         server_row,
                     const char    *library_key,
                     SsvMediaKind   kind,
                     GError       **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "DELETE FROM scan_holds WHERE server_id = ?1 AND library_key IS ?2 AND kind = ?3", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, server_row);
  ssv_stmt_bind_text (stmt, 2, library_key);
  sqlite3_bind_text (stmt, 3, kind_name (kind), -1, SQLITE_STATIC);
  return ssv_stmt_step_done (stmt, error);
}

/**
 * ssv_scan_hold_write_titles:
 * @ids: (element-type gint64): the movie or show rows the listing lacked
 *
 * Replaces the library's hold by one for @ids. Runs in the caller's transaction.
 */
gboolean
ssv_scan_hold_write_titles (SsvDatabase    *db,
                            gint64          server_row,
                            const char     *library_key,
                            const char     *library_name,
                            SsvMediaKind    kind,
                            SsvHoldReason   reason,
                            guint           listed,
                            guint           stored,
                            GArray         *ids,
                            GError        **error)
{
  gboolean movie = kind == SSV_MEDIA_KIND_MOVIE;
  gint64 hold_id;

  if (!ssv_scan_hold_clear (db, server_row, library_key, kind, error))
    return FALSE;

  {
    g_autoptr(SsvStmt) insert = ssv_database_prepare (db,
      "INSERT INTO scan_holds (server_id, library_key, library_name, kind, reason, listed, stored) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);

    if (insert == NULL)
      return FALSE;
    sqlite3_bind_int64 (insert, 1, server_row);
    ssv_stmt_bind_text (insert, 2, library_key);
    ssv_stmt_bind_text (insert, 3, library_name);
    sqlite3_bind_text (insert, 4, kind_name (kind), -1, SQLITE_STATIC);
    sqlite3_bind_text (insert, 5, reason_names[reason], -1, SQLITE_STATIC);
    sqlite3_bind_int64 (insert, 6, listed);
    sqlite3_bind_int64 (insert, 7, stored);
    if (!ssv_stmt_step_done (insert, error))
      return FALSE;
    hold_id = ssv_database_last_insert_rowid (db);
  }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SsvStmt) title = ssv_database_prepare (db, movie
        ? "INSERT INTO scan_hold_titles (hold_id, movie_id) VALUES (?1, ?2)"
        : "INSERT INTO scan_hold_titles (hold_id, show_id) VALUES (?1, ?2)", error);

      if (title == NULL)
        return FALSE;
      sqlite3_bind_int64 (title, 1, hold_id);
      sqlite3_bind_int64 (title, 2, g_array_index (ids, gint64, i));
      if (!ssv_stmt_step_done (title, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * ssv_scan_hold_store_release_listed:
 * @listed: (element-type utf8): server ids a listing of the library had
 *
 * Titles listed again are no longer held; a hold with none left goes. Used
 * after listings that do not prune (incremental and full scans), so a hold
 * never names a title its server has again.
 */
gboolean
ssv_scan_hold_store_release_listed (SsvDatabase   *db,
                                    gint64         server_row,
                                    const char    *library_key,
                                    SsvMediaKind   kind,
                                    GHashTable    *listed,
                                    GError       **error)
{
  g_autoptr(GArray) back = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean movie = kind == SSV_MEDIA_KIND_MOVIE;
  gint64 held;
  int rc;

  /* Most scans find no hold: one cheap look first. */
  {
    g_autoptr(SsvStmt) any = ssv_database_prepare (db,
      "SELECT count(*) FROM scan_holds WHERE server_id = ?1 AND library_key IS ?2 AND kind = ?3", error);

    if (any == NULL)
      return FALSE;
    sqlite3_bind_int64 (any, 1, server_row);
    ssv_stmt_bind_text (any, 2, library_key);
    sqlite3_bind_text (any, 3, kind_name (kind), -1, SQLITE_STATIC);
    if (ssv_stmt_step (any, error) != SQLITE_ROW)
      return FALSE;
    held = sqlite3_column_int64 (any, 0);
  }
  if (held == 0)
    return TRUE;

  if (!ssv_database_begin (db, error))
    return FALSE;

  {
    g_autoptr(SsvStmt) titles = ssv_database_prepare (db, movie
      ? "SELECT t.rowid, m.server_id FROM scan_hold_titles t JOIN scan_holds h ON h.id = t.hold_id "
        "JOIN movies m ON m.id = t.movie_id WHERE h.server_id = ?1 AND h.library_key IS ?2 AND h.kind = 'movies'"
      : "SELECT t.rowid, s.server_id FROM scan_hold_titles t JOIN scan_holds h ON h.id = t.hold_id "
        "JOIN shows s ON s.id = t.show_id WHERE h.server_id = ?1 AND h.library_key IS ?2 AND h.kind = 'shows'",
      error);

    if (titles == NULL)
      goto failed;
    sqlite3_bind_int64 (titles, 1, server_row);
    ssv_stmt_bind_text (titles, 2, library_key);
    while ((rc = ssv_stmt_step (titles, error)) == SQLITE_ROW)
      if (g_hash_table_contains (listed, ssv_stmt_column_text (titles, 1)))
        {
          gint64 row = sqlite3_column_int64 (titles, 0);
          g_array_append_val (back, row);
        }
    if (rc != SQLITE_DONE)
      goto failed;
  }

  for (guint i = 0; i < back->len; i++)
    if (!ssv_database_exec_with_id (db, "DELETE FROM scan_hold_titles WHERE rowid = ?1",
                                    g_array_index (back, gint64, i), error))
      goto failed;

  {
    g_autoptr(SsvStmt) empty = ssv_database_prepare (db,
      "DELETE FROM scan_holds WHERE server_id = ?1 AND library_key IS ?2 AND kind = ?3 "
      "AND NOT EXISTS (SELECT 1 FROM scan_hold_titles t WHERE t.hold_id = scan_holds.id)", error);

    if (empty == NULL)
      goto failed;
    sqlite3_bind_int64 (empty, 1, server_row);
    ssv_stmt_bind_text (empty, 2, library_key);
    sqlite3_bind_text (empty, 3, kind_name (kind), -1, SQLITE_STATIC);
    if (!ssv_stmt_step_done (empty, error))
      goto failed;
  }

  return ssv_database_commit (db, error);

failed:
  ssv_database_rollback (db);
  return FALSE;
}

/**
 * ssv_scan_hold_store_hold_disk:
 * @device: the disk the folder is on now
 *
 * Remembers that a folder was not read because it is on another disk than at
 * its last scan, so the person can say it moved there.
 */
gboolean
ssv_scan_hold_store_hold_disk (SsvDatabase  *db,
                               gint64        server_row,
                               const char   *path,
                               guint64       device,
                               GError      **error)
{
  if (!ssv_database_begin (db, error))
    return FALSE;

  if (!ssv_database_exec_with_id (db, "DELETE FROM scan_holds WHERE server_id = ?1 AND reason = 'disk'",
                                  server_row, error))
    goto failed;

  {
    g_autoptr(SsvStmt) insert = ssv_database_prepare (db,
      "INSERT INTO scan_holds (server_id, library_name, reason, device) VALUES (?1, ?2, 'disk', ?3)", error);

    if (insert == NULL)
      goto failed;
    sqlite3_bind_int64 (insert, 1, server_row);
    ssv_stmt_bind_text (insert, 2, path);
    sqlite3_bind_int64 (insert, 3, (gint64) device);
    if (!ssv_stmt_step_done (insert, error))
      goto failed;
  }

  return ssv_database_commit (db, error);

failed:
  ssv_database_rollback (db);
  return FALSE;
}

/* ---- folder roots -------------------------------------------------------------------- */

/**
 * ssv_scan_hold_store_get_root_device:
 * @device: (out): the disk @path was on at its last complete scan, or 0 when
 *   it was never recorded (or the folder's path changed since)
 */
gboolean
ssv_scan_hold_store_get_root_device (SsvDatabase  *db,
                                     gint64        server_row,
                                     const char   *path,
                                     guint64      *device,
                                     GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT device FROM folder_roots WHERE server_id = ?1 AND path = ?2", error);
  int rc;

  *device = 0;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, server_row);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_TRANSIENT);
  rc = ssv_stmt_step (stmt, error);
  if (rc == SQLITE_ROW)
    *device = (guint64) sqlite3_column_int64 (stmt, 0);

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

gboolean
ssv_scan_hold_store_set_root_device (SsvDatabase  *db,
                                     gint64        server_row,
                                     const char   *path,
                                     guint64       device,
                                     GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "INSERT INTO folder_roots (server_id, path, device, seen_at) VALUES (?1, ?2, ?3, unixepoch ()) "
    "ON CONFLICT (server_id) DO UPDATE SET path = excluded.path, device = excluded.device, "
    "seen_at = excluded.seen_at", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, server_row);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, (gint64) device);
  return ssv_stmt_step_done (stmt, error);
}

/* ---- read and decided by the person ------------------------------------------------- */

static gpointer
read_hold (SsvStmt *stmt)
{
  SsvScanHold *hold = g_new0 (SsvScanHold, 1);

  hold->id = sqlite3_column_int64 (stmt, 0);
  hold->server_id = sqlite3_column_int64 (stmt, 1);
  hold->server_name = ssv_stmt_dup_text (stmt, 2);
  hold->library_key = ssv_stmt_dup_text (stmt, 3);
  hold->library_name = ssv_stmt_dup_text (stmt, 4);
  hold->kind = g_strcmp0 (ssv_stmt_column_text (stmt, 5), "shows") == 0 ? SSV_MEDIA_KIND_SHOW
                                                                          : SSV_MEDIA_KIND_MOVIE;
  hold->reason = reason_from_name (ssv_stmt_column_text (stmt, 6));
  hold->listed = (guint) sqlite3_column_int64 (stmt, 7);
  hold->stored = (guint) sqlite3_column_int64 (stmt, 8);
  hold->device = (guint64) sqlite3_column_int64 (stmt, 9);
  hold->path = ssv_stmt_dup_text (stmt, 10);
  hold->found_at = sqlite3_column_int64 (stmt, 11);
  hold->titles = (guint) sqlite3_column_int64 (stmt, 12);

  return hold;
}

/**
 * ssv_scan_hold_store_list:
 * @server_row: one source, or 0 for every one
 *
 * Returns: (transfer full) (element-type SsvScanHold): the holds waiting for
 *   the person, oldest first; a hold whose titles all went otherwise is left out
 */
GPtrArray *
ssv_scan_hold_store_list (SsvDatabase  *db,
                          gint64        server_row,
                          GError      **error)
{
  g_autoptr(GPtrArray) holds = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_scan_hold_free);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT * FROM (SELECT h.id, h.server_id, s.name, h.library_key, h.library_name, h.kind, h.reason, "
    "h.listed, h.stored, h.device, s.url, h.found_at, "
    "(SELECT count(*) FROM scan_hold_titles t WHERE t.hold_id = h.id) AS titles "
    "FROM scan_holds h JOIN servers s ON s.id = h.server_id WHERE ?1 = 0 OR h.server_id = ?1) "
    "WHERE reason = 'disk' OR titles > 0 ORDER BY found_at, id", error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, server_row);
  if (!ssv_stmt_collect_rows (stmt, read_hold, holds, error))
    return NULL;

  return g_steal_pointer (&holds);
}

static gboolean
confirm_titles (SsvDatabase  *db,
                gint64        hold_id,
                guint        *removed,
                GError      **error)
{
  static const char * const deletes[] = {
    "DELETE FROM movies WHERE id IN (SELECT movie_id FROM scan_hold_titles WHERE hold_id = ?1)",
    "DELETE FROM shows WHERE id IN (SELECT show_id FROM scan_hold_titles WHERE hold_id = ?1)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      if (!ssv_database_exec_with_id (db, deletes[i], hold_id, error))
        return FALSE;
      *removed += (guint) ssv_database_changes (db);
    }

  return TRUE;
}

/**
 * ssv_scan_hold_store_confirm:
 * @removed: (out) (optional): how many titles went
 *
 * The person said yes: the hold's titles go (with their seasons, episodes,
 * files and enrichment, through the cascades), or, for a folder on another
 * disk, that disk is the folder's from now on. One transaction.
 */
gboolean
ssv_scan_hold_store_confirm (SsvDatabase  *db,
                             gint64        hold_id,
                             guint        *removed,
                             GError      **error)
{
  g_autofree char *reason = NULL;
  guint count = 0;

  if (removed != NULL)
    *removed = 0;

  if (!ssv_database_begin (db, error))
    return FALSE;

  {
    g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, "SELECT reason FROM scan_holds WHERE id = ?1", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, hold_id);
    if (!ssv_stmt_step_row (stmt, _("That question was answered already."), error))
      goto failed;
    reason = ssv_stmt_dup_text (stmt, 0);
  }

  if (g_strcmp0 (reason, "disk") == 0)
    {
      if (!ssv_database_exec_with_id (db,
            "INSERT INTO folder_roots (server_id, path, device, seen_at) "
            "SELECT h.server_id, s.url, h.device, unixepoch () FROM scan_holds h "
            "JOIN servers s ON s.id = h.server_id WHERE h.id = ?1 "
            "ON CONFLICT (server_id) DO UPDATE SET path = excluded.path, device = excluded.device, "
            "seen_at = excluded.seen_at", hold_id, error))
        goto failed;
    }
  else if (!confirm_titles (db, hold_id, &count, error))
    goto failed;

  if (!ssv_database_exec_with_id (db, "DELETE FROM scan_holds WHERE id = ?1", hold_id, error) ||
      !ssv_database_commit (db, error))
    goto failed;

  if (removed != NULL)
    *removed = count;
  return TRUE;

failed:
  ssv_database_rollback (db);
  return FALSE;
}

/**
 * ssv_scan_hold_store_keep:
 *
 * The person said no: nothing is removed, and the question goes. A later
 * scan that finds the same asks again.
 */
gboolean
ssv_scan_hold_store_keep (SsvDatabase  *db,
                          gint64        hold_id,
                          GError      **error)
{
  return ssv_database_exec_with_id (db, "DELETE FROM scan_holds WHERE id = ?1", hold_id, error);
}

/**
 * ssv_scan_hold_dup_question:
 *
 * Returns: (transfer full): what the person is asked, in plain words: "Movies
 *   on Home came back empty. Remove 37 titles, or keep them?"
 */
char *
ssv_scan_hold_dup_question (const SsvScanHold *hold)
{
  const char *library = hold->library_name ? hold->library_name : hold->library_key;

  switch (hold->reason)
    {
    case SSV_HOLD_EMPTY:
      /* Translators: "Movies on Home came back empty. Remove 37 titles, or keep them?" */
      return g_strdup_printf (ngettext ("%s on %s came back empty. Remove %u title, or keep it?",
                                        "%s on %s came back empty. Remove %u titles, or keep them?",
                                        hold->titles),
                              library, hold->server_name, hold->titles);
    case SSV_HOLD_DISK:
      return g_strdup_printf (_("The folder “%s” is on a different disk than at its last scan, so it was "
                                "not read. Read it from this disk from now on, or keep the library as it is?"),
                              hold->path ? hold->path : hold->server_name);
    case SSV_HOLD_MOST:
    default:
      /* Translators: "Movies on Home came back without 120 of its 200 titles. …" */
      return g_strdup_printf (ngettext ("%s on %s came back without %u of its %u titles. Remove it, or keep it?",
                                        "%s on %s came back without %u of its %u titles. Remove them, or keep them?",
                                        hold->titles),
                              library, hold->server_name, hold->titles, hold->stored);
    }
}
