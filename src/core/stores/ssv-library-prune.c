/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-prune.c: what a scan removes: episodes a show no longer lists (demoted when
 * they have an identity), titles a complete listing lacked (or held for the person's word),
 * and titles of libraries no longer mapped. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "stores/ssv-library-writer-private.h"
#include "stores/ssv-scan-hold-store-private.h"

static SsvDatabase *
get_db (SsvLibraryStore *self)
{
  return ssv_store_get_database (SSV_STORE (self));
}

/* An episode with something a person or enrichment would miss: an air date, an
 * id of a provider, a provider that added or matched it, or the person's viewing. */
#define EPISODE_HAS_IDENTITY \
  "(coalesce (e.air_date, '') <> '' OR coalesce (e.tvdb_id, 0) > 0 OR coalesce (e.tmdb_id, 0) > 0 " \
  "OR coalesce (e.imdb_id, '') <> '' OR e.source IS NOT NULL OR e.watched OR e.play_count > 0 " \
  "OR e.resume_position_s IS NOT NULL OR EXISTS (SELECT 1 FROM enrichment_status s " \
  "WHERE s.episode_id = e.id AND s.status = 'matched'))"

/* Came from the source: it has the source's id, or a file. Enrichment's rows have neither. */
#define EPISODE_FROM_SOURCE \
  "(e.server_id IS NOT NULL OR EXISTS (SELECT 1 FROM media_files f WHERE f.episode_id = e.id))"

/* Deep scans only: episodes of the show the source no longer lists. Demote,
 * don't delete: one with an identity keeps its row and loses its files (and
 * the source's id, so it is not stale again); only a source's episode with
 * nothing else to it goes. What enrichment added is not the source's to take. */
gboolean
ssv_library_prune_episodes (SsvDatabase     *db,
                            gint64           show_id,
                            const char      *show_title,
                            GHashTable      *present,
                            guint            unreadable,
                            SsvWriteCounts  *counts,
                            GPtrArray       *problems,
                            GError         **error)
{
  g_autoptr(GArray) demote = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) remove = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SsvStmt) stmt = NULL;
  guint total = 0;
  guint stale;
  int rc;

  stmt = ssv_database_prepare (db,
                               "SELECT e.id, e.season_number, e.episode_number, " EPISODE_HAS_IDENTITY
                               " FROM episodes e WHERE e.show_id = ? AND " EPISODE_FROM_SOURCE,
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, show_id);
  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      char key[32];
      gint64 id = sqlite3_column_int64 (stmt, 0);

      total++;
      g_snprintf (key, sizeof key, "%d:%d", sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2));
      if (!g_hash_table_contains (present, key))
        g_array_append_val (sqlite3_column_int (stmt, 3) ? demote : remove, id);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  g_clear_pointer (&stmt, ssv_stmt_release);

  stale = demote->len + remove->len;
  if (stale == 0)
    return TRUE;

  /* An episode the source sent but nobody could read may be any of them. */
  if (unreadable > 0)
    {
      if (problems != NULL)
        g_ptr_array_add (problems,
                         g_strdup_printf (ngettext ("“%s”: no episode was removed, because %u of them "
                                                    "could not be read.",
                                                    "“%s”: no episode was removed, because %u of them "
                                                    "could not be read.", unreadable),
                                          show_title, unreadable));
      return TRUE;
    }

  /* A server that suddenly lists none (or few) of a show's many episodes is
   * more likely broken than the episodes gone. */
  if (g_hash_table_size (present) == 0 || (total > 100 && stale * 2 > total))
    {
      if (problems != NULL)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("“%s”: not removing %u of %u episodes; the server listed too few. "
                                            "Check the server, then scan again."),
                                          show_title, stale, total));
      return TRUE;
    }

  for (guint i = 0; i < demote->len; i++)
    {
      gint64 id = g_array_index (demote, gint64, i);

      /* No scan hash: when the source lists it again, its files are written again. */
      if (!ssv_database_exec_with_id (db, "DELETE FROM media_files WHERE episode_id = ?1", id, error) ||
          !ssv_database_exec_with_id (db, "UPDATE episodes SET server_id = NULL, scan_hash = NULL WHERE id = ?1",
                                      id, error))
        return FALSE;
    }

  for (guint i = 0; i < remove->len; i++)
    if (!ssv_database_exec_with_id (db, "DELETE FROM episodes WHERE id = ?", g_array_index (remove, gint64, i), error))
      return FALSE;

  if (counts != NULL)
    {
      counts->updated += demote->len;
      counts->removed += remove->len;
    }

  return TRUE;
}

gint64
ssv_library_store_count_titles (SsvLibraryStore  *self,
                                SsvMediaKind      kind,
                                gint64            server_row,
                                const char       *library_key,
                                GError          **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  stmt = ssv_database_prepare (get_db (self), kind == SSV_MEDIA_KIND_MOVIE
    ? "SELECT count(*) FROM movies WHERE server_source = ? AND library_key IS ?"
    : "SELECT count(*) FROM shows WHERE server_source = ? AND library_key IS ?", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, server_row);
  ssv_stmt_bind_text (stmt, 2, library_key);
  if (ssv_stmt_step (stmt, error) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

/* Whether removing @unlisted of @stored titles needs the person's word: an
 * empty listing, or one without more than half of the library, is more likely
 * a server (or a disk) that half-answered than titles really gone. */
static gboolean
needs_confirmation (guint listed,
                    guint stored,
                    guint unlisted)
{
  return unlisted > 0 && (listed == 0 || (guint64) unlisted * 2 > stored);
}

/**
 * ssv_library_store_prune_titles:
 * @library_name: (nullable): for the question a hold asks
 * @seen: the server ids a complete listing of the library returned
 * @outcome: (out): what was removed, or held back
 *
 * Removes the library's titles the listing did not have, in one transaction.
 * When the listing was empty, or would take more than half of the library,
 * nothing is removed: the titles are held (ssv_scan_hold_store_list()) until
 * the person confirms or keeps them. Whatever the listing had releases the
 * library's earlier hold.
 */
gboolean
ssv_library_store_prune_titles (SsvLibraryStore  *self,
                                SsvMediaKind      kind,
                                gint64            server_row,
                                const char       *library_key,
                                const char       *library_name,
                                GHashTable       *seen,
                                SsvPruneOutcome  *outcome,
                                GError          **error)
{
  SsvDatabase *db = get_db (self);
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean movie = kind == SSV_MEDIA_KIND_MOVIE;
  guint listed = g_hash_table_size (seen);
  guint total = 0;

  memset (outcome, 0, sizeof *outcome);

  /* Read and decided in the write transaction: nothing changes in between. */
  if (!ssv_database_begin (db, error))
    return FALSE;

  {
    g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, movie
      ? "SELECT id, server_id FROM movies WHERE server_source = ? AND library_key IS ?"
      : "SELECT id, server_id FROM shows WHERE server_source = ? AND library_key IS ?", error);
    int rc;

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, server_row);
    ssv_stmt_bind_text (stmt, 2, library_key);
    while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
      {
        total++;
        if (!g_hash_table_contains (seen, ssv_stmt_column_text (stmt, 1)))
          {
            gint64 id = sqlite3_column_int64 (stmt, 0);
            g_array_append_val (stale, id);
          }
      }
    if (rc != SQLITE_DONE)
      goto failed;
  }

  outcome->stored = total;
  outcome->listed = listed;

  if (needs_confirmation (listed, total, stale->len))
    {
      outcome->reason = listed == 0 ? SSV_HOLD_EMPTY : SSV_HOLD_MOST;
      outcome->held = stale->len;
      if (!ssv_scan_hold_write_titles (db, server_row, library_key, library_name, kind, outcome->reason,
                                       listed, total, stale, error))
        goto failed;
      return ssv_database_commit (db, error);
    }

  if (!ssv_scan_hold_clear (db, server_row, library_key, kind, error))
    goto failed;

  for (guint i = 0; i < stale->len; i++)
    if (!ssv_database_exec_with_id (db, movie ? "DELETE FROM movies WHERE id = ?" : "DELETE FROM shows WHERE id = ?",
                                    g_array_index (stale, gint64, i), error))
      goto failed;

  if (!ssv_database_commit (db, error))
    return FALSE;

  outcome->removed = stale->len;
  return TRUE;

failed:
  ssv_database_rollback (db);
  return FALSE;
}

/**
 * ssv_library_store_prune_unmapped:
 * @server_row: the source whose mapping is read
 * @removed: (out): how many movies and shows went
 *
 * Removes, in one transaction, the source's titles whose library is no longer
 * mapped to their kind: set to "none", switched to the other kind, or gone
 * from the mapping. The person chose this, so no server answer is needed and
 * the half-the-library guard of ssv_library_store_prune_titles() does not
 * apply. Seasons, episodes, files, credits and enrichment go through the
 * cascades; the watchlist and wishlist are keyed on ids, not rows, and stay.
 */
gboolean
ssv_library_store_prune_unmapped (SsvLibraryStore  *self,
                                  gint64            server_row,
                                  guint            *removed,
                                  GError          **error)
{
  static const char * const deletes[] = {
    "DELETE FROM movies WHERE server_source = ?1 AND library_key IS NOT NULL AND NOT EXISTS ("
    "  SELECT 1 FROM server_libraries l WHERE l.server_id = ?1 "
    "  AND l.library_key = movies.library_key AND l.kind = 'movies')",
    "DELETE FROM shows WHERE server_source = ?1 AND library_key IS NOT NULL AND NOT EXISTS ("
    "  SELECT 1 FROM server_libraries l WHERE l.server_id = ?1 "
    "  AND l.library_key = shows.library_key AND l.kind = 'shows')",
  };
  SsvDatabase *db = get_db (self);
  guint count = 0;

  *removed = 0;

  if (!ssv_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, deletes[i], error);

      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, server_row);
      if (!ssv_stmt_step_done (stmt, error))
        goto failed;
      count += (guint) ssv_database_changes (db);
    }

  if (!ssv_database_commit (db, error))
    return FALSE;

  *removed = count;
  return TRUE;

failed:
  ssv_database_rollback (db);
  return FALSE;
}
