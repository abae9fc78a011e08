/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-store.c: indexers, download clients and downloads in the library file. A grab
 * writes its download, candidate pool, tries and first event in one transaction. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "stores/ssv-download-store.h"
#include "model/ssv-download-private.h"
#include "stores/ssv-download-store-private.h"

struct _SsvDownloadStore
{
  SsvStore parent_instance;
};

G_DEFINE_FINAL_TYPE (SsvDownloadStore, ssv_download_store, SSV_TYPE_STORE)

#define DOWNLOAD_COLUMNS \
  "id, kind, wishlist_id, tmdb_id, tvdb_id, imdb_id, title, year, season_number, episode_number," \
  " air_date, absolute_number, poster_url, release_title, indexer, protocol, client_id, client_name," \
  " client_reference, size_bytes, quality, profile_id, status, progress, speed, eta, error," \
  " content_path, attempts, created_at, updated_at, completed_at"

const char * const ssv_download_store_active_sql =
  "SELECT " DOWNLOAD_COLUMNS " FROM downloads"
  " WHERE status IN ('queued', 'downloading', 'stalled', 'importing', 'searching')"
  " ORDER BY status, updated_at DESC";

const char * const ssv_download_store_recent_sql =
  "SELECT " DOWNLOAD_COLUMNS " FROM downloads ORDER BY updated_at DESC, id DESC LIMIT ?1";

const char * const ssv_download_store_unimported_sql =
  "SELECT " DOWNLOAD_COLUMNS " FROM downloads"
  " WHERE status IN ('completed', 'importing') AND imported_at IS NULL AND content_path IS NOT NULL"
  " ORDER BY id";

const char * const ssv_download_store_events_sql =
  "SELECT at, kind, message FROM download_events WHERE download_id = ?1 ORDER BY id";

const char * const ssv_download_store_candidates_sql =
  "SELECT position, release_title, indexer, protocol, guid, download_url, magnet_url, infohash,"
  " size_bytes, quality, score, seeders, slskd_user, tried"
  " FROM download_candidates WHERE download_id = ?1 ORDER BY position";

static void
ssv_download_store_class_init (SsvDownloadStoreClass *klass)
{
}

static void
ssv_download_store_init (SsvDownloadStore *self)
{
}

SsvDownloadStore *
ssv_download_store_new (SsvDatabase *database)
{
  return g_object_new (SSV_TYPE_DOWNLOAD_STORE, "database", database, NULL);
}

SsvDatabase *
ssv_download_store_db (SsvDownloadStore *self)
{
  return ssv_store_get_database (SSV_STORE (self));
}

gboolean
ssv_download_store_step_done (SsvStmt  *stmt,
                              GError  **error)
{
  return stmt != NULL && ssv_stmt_step_done (stmt, error);
}

gint64
ssv_download_store_column_int64_or (SsvStmt *stmt,
                 int      column,
                 gint64   unknown)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? unknown : sqlite3_column_int64 (stmt, column);
}

const char *
ssv_download_protocol_of_client (SsvClientKind kind)
{
  switch (kind)
    {
    case SSV_CLIENT_NZBGET:
    case SSV_CLIENT_SABNZBD:
      return "usenet";
    case SSV_CLIENT_SLSKD:
      return "slskd";
    case SSV_CLIENT_QBITTORRENT:
    case SSV_CLIENT_TRANSMISSION:
    case SSV_CLIENT_DELUGE:
    case SSV_CLIENT_ARIA2:
    case SSV_CLIENT_N_KINDS:
    default:
      return "torrent";
    }
}

/* The wishlist row of a wanted film, so its download shows there; 0 when it is not wanted. */
gint64
ssv_download_store_find_wanted_movie (SsvDownloadStore  *self,
                                      gint64             tmdb_id,
                                      GError           **error)
{
  g_autoptr(SsvStmt) stmt = NULL;
  g_autofree char *source_id = NULL;
  int rc;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), 0);

  stmt = ssv_database_prepare (ssv_download_store_db (self),
    "SELECT id FROM wishlist WHERE kind = 'movie' AND source = 'tmdb' AND source_id = ?1", error);
  if (stmt == NULL)
    return 0;
  source_id = g_strdup_printf ("%" G_GINT64_FORMAT, tmdb_id);
  ssv_stmt_bind_text (stmt, 1, source_id);
  rc = ssv_stmt_step (stmt, error);

  return rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gint64
find_wanted_episode (SsvDownloadStore         *self,
                     const SsvDownloadWanted  *wanted,
                     GError                  **error)
{
  g_autoptr(SsvStmt) stmt = NULL;
  g_autofree char *tmdb = NULL;
  g_autofree char *tvdb = NULL;
  int rc;

  stmt = ssv_database_prepare (ssv_download_store_db (self),
    "SELECT w.id FROM wishlist w JOIN wishlist_shows s ON s.id = w.wishlist_show_id"
    " WHERE w.kind = 'episode' AND w.season_number = ?3 AND w.episode_number = ?4"
    "   AND ((s.source = 'tmdb' AND s.source_id = ?1) OR (s.source = 'tvdb' AND s.source_id = ?2))", error);
  if (stmt == NULL)
    return 0;
  tmdb = g_strdup_printf ("%" G_GINT64_FORMAT, wanted->tmdb_id);
  tvdb = g_strdup_printf ("%" G_GINT64_FORMAT, wanted->tvdb_id);
  ssv_stmt_bind_text (stmt, 1, wanted->tmdb_id > 0 ? tmdb : NULL);
  ssv_stmt_bind_text (stmt, 2, wanted->tvdb_id > 0 ? tvdb : NULL);
  sqlite3_bind_int (stmt, 3, wanted->season);
  sqlite3_bind_int (stmt, 4, wanted->episode);
  rc = ssv_stmt_step (stmt, error);

  return rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/**
 * ssv_download_store_find_wanted:
 *
 * The wishlist row of a wanted film (by its TMDB id) or episode (by its
 * show's TMDB or TheTVDB id, season and episode), so a grab shows on it.
 *
 * Returns: the row's id, or 0 when it is not on the wishlist
 */
gint64
ssv_download_store_find_wanted (SsvDownloadStore         *self,
                                const SsvDownloadWanted  *wanted,
                                GError                  **error)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), 0);
  g_return_val_if_fail (wanted != NULL, 0);

  if (wanted->wishlist_id > 0)
    return wanted->wishlist_id;
  if (wanted->kind == SSV_DOWNLOAD_KIND_MOVIE && wanted->tmdb_id > 0)
    return ssv_download_store_find_wanted_movie (self, wanted->tmdb_id, error);
  if (wanted->kind == SSV_DOWNLOAD_KIND_EPISODE && (wanted->tmdb_id > 0 || wanted->tvdb_id > 0) &&
      wanted->season >= 0 && wanted->episode > 0)
    return find_wanted_episode (self, wanted, error);

  return 0;
}

/* ---------------------------------------------------------------------- */
/* Grabs */

static gboolean
insert_download (SsvDatabase          *db,
                 const SsvGrabRecord  *record,
                 gint64               *id,
                 GError              **error)
{
  const SsvDownloadWanted *w = record->wanted;
  const SsvDownloadCandidate *c = record->chosen;
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "INSERT INTO downloads (kind, wishlist_id, tmdb_id, tvdb_id, imdb_id, title, year, season_number,"
    " episode_number, air_date, absolute_number, poster_url, release_title, indexer, protocol, client_id,"
    " client_name, client_reference, size_bytes, quality, profile_id, status, error)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
    " ?21, ?22, ?23) RETURNING id", error);

  if (stmt == NULL)
    return FALSE;
  ssv_stmt_bind_text (stmt, 1, ssv_download_kind_to_string (w->kind));
  ssv_stmt_bind_int64_or_null (stmt, 2, w->wishlist_id, w->wishlist_id > 0);
  ssv_stmt_bind_int64_or_null (stmt, 3, w->tmdb_id, w->tmdb_id > 0);
  ssv_stmt_bind_int64_or_null (stmt, 4, w->tvdb_id, w->tvdb_id > 0);
  ssv_stmt_bind_text (stmt, 5, w->imdb_id);
  ssv_stmt_bind_text (stmt, 6, w->title);
  ssv_stmt_bind_int64_or_null (stmt, 7, w->year, w->year > 0);
  ssv_stmt_bind_int64_or_null (stmt, 8, w->season, w->season >= 0 && w->kind != SSV_DOWNLOAD_KIND_MOVIE);
  ssv_stmt_bind_int64_or_null (stmt, 9, w->episode, w->episode >= 0 && w->kind == SSV_DOWNLOAD_KIND_EPISODE);
  ssv_stmt_bind_text (stmt, 10, w->air_date);
  ssv_stmt_bind_int64_or_null (stmt, 11, w->absolute, w->absolute > 0);
  ssv_stmt_bind_text (stmt, 12, w->poster_url);
  ssv_stmt_bind_text (stmt, 13, c->release_title);
  ssv_stmt_bind_text (stmt, 14, c->indexer);
  ssv_stmt_bind_text (stmt, 15, c->protocol);
  ssv_stmt_bind_int64_or_null (stmt, 16, record->client_id, record->client_id > 0);
  ssv_stmt_bind_text (stmt, 17, record->client_name);
  ssv_stmt_bind_text (stmt, 18, record->reference);
  ssv_stmt_bind_int64_or_null (stmt, 19, c->size, c->size >= 0);
  ssv_stmt_bind_text (stmt, 20, c->quality);
  ssv_stmt_bind_int64_or_null (stmt, 21, record->profile_id, record->profile_id > 0);
  ssv_stmt_bind_text (stmt, 22, ssv_download_status_to_string (record->status));
  ssv_stmt_bind_text (stmt, 23, record->error);
  if (ssv_stmt_step (stmt, error) != SQLITE_ROW)
    return FALSE;
  *id = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

gboolean
ssv_download_store_insert_candidate (SsvDatabase                 *db,
                  gint64                       download_id,
                  guint                        position,
                  const SsvDownloadCandidate  *c,
                  gboolean                     tried,
                  GError                     **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "INSERT INTO download_candidates (download_id, position, release_title, indexer, protocol, guid,"
    " download_url, magnet_url, infohash, size_bytes, quality, score, seeders, slskd_user, tried)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, download_id);
  sqlite3_bind_int (stmt, 2, position);
  ssv_stmt_bind_text (stmt, 3, c->release_title);
  ssv_stmt_bind_text (stmt, 4, c->indexer);
  ssv_stmt_bind_text (stmt, 5, c->protocol);
  ssv_stmt_bind_text (stmt, 6, c->guid);
  ssv_stmt_bind_text (stmt, 7, c->download_url);
  ssv_stmt_bind_text (stmt, 8, c->magnet_url);
  ssv_stmt_bind_text (stmt, 9, c->infohash);
  ssv_stmt_bind_int64_or_null (stmt, 10, c->size, c->size >= 0);
  ssv_stmt_bind_text (stmt, 11, c->quality);
  sqlite3_bind_int (stmt, 12, c->score);
  ssv_stmt_bind_int64_or_null (stmt, 13, c->seeders, c->seeders >= 0);
  ssv_stmt_bind_text (stmt, 14, c->slskd_user);
  sqlite3_bind_int (stmt, 15, tried || c->tried);
  if (!ssv_download_store_step_done (stmt, error))
    return FALSE;

  for (guint i = 0; c->files != NULL && i < c->files->len; i++)
    {
      const SsvCandidateFile *file = g_ptr_array_index (c->files, i);
      g_autoptr(SsvStmt) fstmt = ssv_database_prepare (db,
        "INSERT INTO download_candidate_files (download_id, position, file_index, path, size_bytes)"
        " VALUES (?1, ?2, ?3, ?4, ?5)", error);

      if (fstmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (fstmt, 1, download_id);
      sqlite3_bind_int (fstmt, 2, position);
      sqlite3_bind_int (fstmt, 3, i);
      ssv_stmt_bind_text (fstmt, 4, file->path);
      ssv_stmt_bind_int64_or_null (fstmt, 5, file->size, file->size >= 0);
      if (!ssv_download_store_step_done (fstmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Runs @sql, an INSERT of (download id, text, text). */
static gboolean
insert_pair (SsvDatabase  *db,
             const char   *sql,
             gint64        download_id,
             const char   *first,
             const char   *second,
             GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, download_id);
  ssv_stmt_bind_text (stmt, 2, first);
  ssv_stmt_bind_text (stmt, 3, second);

  return ssv_download_store_step_done (stmt, error);
}

gboolean
ssv_download_store_insert_try (SsvDatabase  *db,
            gint64        download_id,
            const char   *kind,
            const char   *value,
            GError      **error)
{
  return insert_pair (db, "INSERT OR IGNORE INTO download_tries (download_id, kind, value) VALUES (?1, ?2, ?3)",
                      download_id, kind, value, error);
}

gboolean
ssv_download_store_insert_event (SsvDatabase  *db,
              gint64        download_id,
              const char   *kind,
              const char   *message,
              GError      **error)
{
  return insert_pair (db, "INSERT INTO download_events (download_id, kind, message) VALUES (?1, ?2, ?3)",
                      download_id, kind, message, error);
}

/**
 * ssv_download_store_record_grab:
 *
 * Writes the download, its chosen release (candidate 0, tried) and the others,
 * the queries tried and the first event, all or nothing.
 *
 * Returns: the new download's id, or 0 with @error set
 */
gint64
ssv_download_store_record_grab (SsvDownloadStore     *self,
                                const SsvGrabRecord  *record,
                                GError              **error)
{
  SsvDatabase *db;
  gint64 id = 0;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), 0);
  g_return_val_if_fail (record != NULL && record->wanted != NULL && record->chosen != NULL, 0);
  g_return_val_if_fail (record->event != NULL, 0);

  db = ssv_download_store_db (self);
  if (!ssv_database_begin (db, error))
    return 0;

  if (!insert_download (db, record, &id, error) ||
      !ssv_download_store_insert_candidate (db, id, 0, record->chosen, TRUE, error))
    goto fail;

  for (guint i = 0; record->others != NULL && i < record->others->len; i++)
    if (!ssv_download_store_insert_candidate (db, id, i + 1, g_ptr_array_index (record->others, i), FALSE, error))
      goto fail;

  for (guint i = 0; record->queries != NULL && record->queries[i] != NULL; i++)
    if (!ssv_download_store_insert_try (db, id, "query", record->queries[i], error))
      goto fail;
  for (guint i = 0; record->chosen->files != NULL && i < record->chosen->files->len; i++)
    {
      const SsvCandidateFile *file = g_ptr_array_index (record->chosen->files, i);
      if (!ssv_download_store_insert_try (db, id, "file", file->path, error))
        goto fail;
    }

  if (!ssv_download_store_insert_event (db, id, record->status == SSV_DOWNLOAD_FAILED ? "failed" : "grabbed", record->event, error))
    goto fail;

  if (!ssv_database_commit (db, error))
    goto fail;
  ssv_store_emit_changed (SSV_STORE (self), "download");
  return id;

fail:
  ssv_database_rollback (db);
  return 0;
}

/* ---------------------------------------------------------------------- */
/* Reading downloads */

static gpointer
read_download (SsvStmt *stmt)
{
  SsvDownload *d = ssv_download_new ();
  SsvDownloadWanted *w = &d->wanted;

  d->id = sqlite3_column_int64 (stmt, 0);
  d->kind_name = ssv_stmt_dup_text (stmt, 1);
  if (!ssv_download_kind_from_string (d->kind_name, &w->kind))
    w->kind = SSV_DOWNLOAD_KIND_MOVIE;
  w->wishlist_id = ssv_download_store_column_int64_or (stmt, 2, 0);
  w->tmdb_id = ssv_download_store_column_int64_or (stmt, 3, 0);
  w->tvdb_id = ssv_download_store_column_int64_or (stmt, 4, 0);
  w->imdb_id = ssv_stmt_dup_text (stmt, 5);
  w->title = ssv_stmt_dup_text (stmt, 6);
  w->year = (int) ssv_download_store_column_int64_or (stmt, 7, 0);
  w->season = (int) ssv_download_store_column_int64_or (stmt, 8, -1);
  w->episode = (int) ssv_download_store_column_int64_or (stmt, 9, -1);
  w->air_date = ssv_stmt_dup_text (stmt, 10);
  w->absolute = (int) ssv_download_store_column_int64_or (stmt, 11, 0);
  w->poster_url = ssv_stmt_dup_text (stmt, 12);
  d->release_title = ssv_stmt_dup_text (stmt, 13);
  d->indexer = ssv_stmt_dup_text (stmt, 14);
  d->protocol = ssv_stmt_dup_text (stmt, 15);
  d->client_id = ssv_download_store_column_int64_or (stmt, 16, 0);
  d->client_name = ssv_stmt_dup_text (stmt, 17);
  d->reference = ssv_stmt_dup_text (stmt, 18);
  d->size = ssv_download_store_column_int64_or (stmt, 19, -1);
  d->quality = ssv_stmt_dup_text (stmt, 20);
  d->profile_id = ssv_download_store_column_int64_or (stmt, 21, 0);
  d->status_name = ssv_stmt_dup_text (stmt, 22);
  if (!ssv_download_status_from_string (d->status_name, &d->status))
    d->status = SSV_DOWNLOAD_FAILED;
  d->progress = sqlite3_column_double (stmt, 23);
  d->speed = ssv_download_store_column_int64_or (stmt, 24, -1);
  d->eta = ssv_download_store_column_int64_or (stmt, 25, -1);
  d->error = ssv_stmt_dup_text (stmt, 26);
  d->content_path = ssv_stmt_dup_text (stmt, 27);
  d->attempts = sqlite3_column_int (stmt, 28);
  d->created_at = sqlite3_column_int64 (stmt, 29);
  d->updated_at = sqlite3_column_int64 (stmt, 30);
  d->completed_at = ssv_download_store_column_int64_or (stmt, 31, 0);

  return d;
}

SsvDownload *
ssv_download_store_get (SsvDownloadStore  *self,
                        gint64             id,
                        GError           **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), NULL);

  stmt = ssv_database_prepare (ssv_download_store_db (self), "SELECT " DOWNLOAD_COLUMNS " FROM downloads WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ssv_stmt_step_row (stmt, _("That download is no longer there."), error))
    return NULL;

  return read_download (stmt);
}

/* Active downloads (those a client holds, and those being searched again), or
 * the @limit most recently changed of all. */
GPtrArray *
ssv_download_store_list (SsvDownloadStore  *self,
                         gboolean           active_only,
                         guint              limit,
                         GError           **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SsvStmt) stmt = NULL;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), NULL);

  stmt = ssv_database_prepare (ssv_download_store_db (self),
                               active_only ? ssv_download_store_active_sql : ssv_download_store_recent_sql,
                               error);
  if (stmt == NULL)
    return NULL;
  if (!active_only)
    sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  if (!ssv_stmt_collect_rows (stmt, read_download, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}

/* Downloads their client finished that never went into the library, and those a
 * crash left "importing": what the importer takes up at start, oldest first. */
GPtrArray *
ssv_download_store_list_unimported (SsvDownloadStore  *self,
                                    GError           **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SsvStmt) stmt = NULL;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), NULL);

  stmt = ssv_database_prepare (ssv_download_store_db (self), ssv_download_store_unimported_sql, error);
  if (stmt == NULL || !ssv_stmt_collect_rows (stmt, read_download, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}

gint64
ssv_download_store_count_active (SsvDownloadStore  *self,
                                 GError           **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), -1);

  stmt = ssv_database_prepare (ssv_download_store_db (self),
    "SELECT count(*) FROM downloads WHERE status IN ('queued', 'downloading', 'stalled', 'importing')", error);
  if (stmt == NULL || ssv_stmt_step (stmt, error) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

/* ---------------------------------------------------------------------- */
/* Changes while downloading */

static gboolean
update_one (SsvDatabase                *db,
            const SsvDownloadProgress  *u,
            GError                    **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "UPDATE downloads SET status = ?2, progress = ?3, speed = ?4, eta = ?5, error = ?6,"
    " content_path = coalesce (?7, content_path),"
    " completed_at = CASE WHEN ?2 = 'completed' THEN coalesce (completed_at, unixepoch()) END,"
    " updated_at = unixepoch()"
    " WHERE id = ?1 AND (status IS NOT ?2 OR progress IS NOT ?3 OR speed IS NOT ?4 OR eta IS NOT ?5"
    "  OR error IS NOT ?6 OR (?7 IS NOT NULL AND content_path IS NOT ?7))", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, u->id);
  ssv_stmt_bind_text (stmt, 2, ssv_download_status_to_string (u->status));
  sqlite3_bind_double (stmt, 3, CLAMP (u->progress, 0.0, 1.0));
  ssv_stmt_bind_int64_or_null (stmt, 4, u->speed, u->speed >= 0);
  ssv_stmt_bind_int64_or_null (stmt, 5, u->eta, u->eta >= 0);
  ssv_stmt_bind_text (stmt, 6, u->error);
  ssv_stmt_bind_text (stmt, 7, u->content_path);

  return ssv_download_store_step_done (stmt, error);
}

/* One poll's news about many downloads, in one transaction. Plain numbers
 * only: state changes with a timeline line go through set_status. */
gboolean
ssv_download_store_update_progress (SsvDownloadStore           *self,
                                    const SsvDownloadProgress  *updates,
                                    guint                       n_updates,
                                    GError                    **error)
{
  SsvDatabase *db;
  int changed = 0;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), FALSE);

  if (n_updates == 0)
    return TRUE;

  db = ssv_download_store_db (self);
  if (!ssv_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < n_updates; i++)
    {
      if (!update_one (db, &updates[i], error))
        {
          ssv_database_rollback (db);
          return FALSE;
        }
      changed += ssv_database_changes (db);
    }
  if (!ssv_database_commit (db, error))
    {
      ssv_database_rollback (db);
      return FALSE;
    }
  if (changed > 0)
    ssv_store_emit_changed (SSV_STORE (self), "progress");

  return TRUE;
}

/* The row's status now, inside the caller's transaction: FALSE with @error when it is gone,
 * or when it is not one of @from (SSV_DOWNLOAD_STATUS_BIT). */
gboolean
ssv_download_store_check_status (SsvDatabase  *db,
                                 gint64        id,
                                 guint         from,
                                 GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, "SELECT status FROM downloads WHERE id = ?1", error);
  SsvDownloadStatus now;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ssv_stmt_step_row (stmt, _("That download is no longer there."), error))
    return FALSE;
  if (!ssv_download_status_from_string ((const char *) sqlite3_column_text (stmt, 0), &now))
    now = SSV_DOWNLOAD_FAILED;
  if ((from & SSV_DOWNLOAD_STATUS_BIT (now)) != 0)
    return TRUE;

  /* Translators: "That download is cancelled now; it was left as it is." */
  g_set_error (error, SSV_ERROR, SSV_ERROR_REFUSED, _("That download is %s now; it was left as it is."),
               ssv_download_status_to_string (now));
  return FALSE;
}

/* The row's new status, inside the caller's transaction. */
gboolean
ssv_download_store_write_status (SsvDatabase        *db,
                                 gint64              id,
                                 SsvDownloadStatus   status,
                                 const char         *error_message,
                                 const char         *content_path,
                                 GError            **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "UPDATE downloads SET status = ?2, error = ?3, content_path = coalesce (?4, content_path),"
    " progress = CASE WHEN ?2 = 'completed' THEN 1 ELSE progress END,"
    " speed = CASE WHEN ?2 IN ('downloading', 'stalled') THEN speed END,"
    " eta = CASE WHEN ?2 IN ('downloading', 'stalled') THEN eta END,"
    " completed_at = CASE WHEN ?2 = 'completed' THEN coalesce (completed_at, unixepoch()) END,"
    " updated_at = unixepoch() WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  ssv_stmt_bind_text (stmt, 2, ssv_download_status_to_string (status));
  ssv_stmt_bind_text (stmt, 3, error_message);
  ssv_stmt_bind_text (stmt, 4, content_path);
  return ssv_download_store_step_done (stmt, error);
}

/**
 * ssv_download_store_move_status:
 * @from: the statuses it may move from (SSV_DOWNLOAD_STATUS_BIT)
 *
 * As ssv_download_store_set_status(), only when the row's status is one of
 * @from, checked in the transaction that writes: whoever changed it meanwhile
 * (a person's cancel) wins, and @error is %SSV_ERROR_REFUSED.
 */
gboolean
ssv_download_store_move_status (SsvDownloadStore  *self,
                                gint64             id,
                                guint              from,
                                SsvDownloadStatus  status,
                                const char        *error_message,
                                const char        *content_path,
                                const char        *event_kind,
                                const char        *event,
                                GError           **error)
{
  SsvDatabase *db;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), FALSE);

  db = ssv_download_store_db (self);
  if (!ssv_database_begin (db, error))
    return FALSE;
  if (!ssv_download_store_check_status (db, id, from, error))
    goto fail;

  if (!ssv_download_store_write_status (db, id, status, error_message, content_path, error) ||
      (event != NULL &&
       !ssv_download_store_insert_event (db, id, event_kind != NULL ? event_kind : "state", event, error)))
    goto fail;

  if (!ssv_database_commit (db, error))
    goto fail;
  ssv_store_emit_changed (SSV_STORE (self), "download");
  return TRUE;

fail:
  ssv_database_rollback (db);
  return FALSE;
}

/* A new state with its line in the timeline, together. */
gboolean
ssv_download_store_set_status (SsvDownloadStore  *self,
                               gint64             id,
                               SsvDownloadStatus  status,
                               const char        *error_message,
                               const char        *content_path,
                               const char        *event_kind,
                               const char        *event,
                               GError           **error)
{
  return ssv_download_store_move_status (self, id, SSV_DOWNLOAD_STATUS_ANY, status, error_message, content_path,
                                         event_kind, event, error);
}

gboolean
ssv_download_store_add_event (SsvDownloadStore  *self,
                              gint64             id,
                              const char        *kind,
                              const char        *message,
                              GError           **error)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), FALSE);

  if (!ssv_download_store_insert_event (ssv_download_store_db (self), id, kind, message, error))
    return FALSE;
  ssv_store_emit_changed (SSV_STORE (self), "event");

  return TRUE;
}

/* Finished torrents still in a client that has a seeding goal. */
GPtrArray *
ssv_download_store_list_seeding (SsvDownloadStore  *self,
                                 GError           **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SsvStmt) stmt = NULL;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), NULL);

  stmt = ssv_database_prepare (ssv_download_store_db (self),
    "SELECT " DOWNLOAD_COLUMNS " FROM downloads"
    " WHERE status = 'completed' AND protocol = 'torrent' AND released_at IS NULL"
    " AND client_reference IS NOT NULL AND client_id IN"
    " (SELECT id FROM download_clients WHERE seed_ratio IS NOT NULL OR seed_minutes IS NOT NULL)"
    " ORDER BY id", error);
  if (stmt == NULL || !ssv_stmt_collect_rows (stmt, read_download, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}

/* The finished torrent left its client (its files stay): noted, and never looked at again. */
gboolean
ssv_download_store_mark_released (SsvDownloadStore  *self,
                                  gint64             id,
                                  const char        *event,
                                  GError           **error)
{
  SsvDatabase *db;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  db = ssv_download_store_db (self);
  if (!ssv_database_begin (db, error))
    return FALSE;
  {
    g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
      "UPDATE downloads SET released_at = unixepoch(), updated_at = unixepoch() WHERE id = ?1", error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, id);
    if (!ssv_download_store_step_done (stmt, error))
      goto fail;
  }
  if (!ssv_download_store_insert_event (db, id, "note", event, error) || !ssv_database_commit (db, error))
    goto fail;
  ssv_store_emit_changed (SSV_STORE (self), "event");
  return TRUE;

fail:
  ssv_database_rollback (db);
  return FALSE;
}

/* The rows @sql (taking one id) gives, each made by @read. */
static GPtrArray *
collect_by_id (SsvDownloadStore  *self,
               const char        *sql,
               gint64             id,
               SsvRowReader       read,
               GDestroyNotify     free_func,
               GError           **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (ssv_download_store_db (self), sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ssv_stmt_collect_rows (stmt, read, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}

static gpointer
read_event (SsvStmt *stmt)
{
  SsvDownloadEvent *event = g_new0 (SsvDownloadEvent, 1);

  event->at = sqlite3_column_int64 (stmt, 0);
  event->kind = ssv_stmt_dup_text (stmt, 1);
  event->message = ssv_stmt_dup_text (stmt, 2);

  return event;
}

GPtrArray *
ssv_download_store_list_events (SsvDownloadStore  *self,
                                gint64             id,
                                GError           **error)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), NULL);

  return collect_by_id (self, ssv_download_store_events_sql, id, read_event,
                        (GDestroyNotify) ssv_download_event_free, error);
}

static gpointer
read_candidate (SsvStmt *stmt)
{
  SsvDownloadCandidate *c = ssv_download_candidate_new (ssv_stmt_column_text (stmt, 3),
                                                        ssv_stmt_column_text (stmt, 1));

  c->indexer = ssv_stmt_dup_text (stmt, 2);
  c->guid = ssv_stmt_dup_text (stmt, 4);
  c->download_url = ssv_stmt_dup_text (stmt, 5);
  c->magnet_url = ssv_stmt_dup_text (stmt, 6);
  c->infohash = ssv_stmt_dup_text (stmt, 7);
  c->size = ssv_download_store_column_int64_or (stmt, 8, -1);
  c->quality = ssv_stmt_dup_text (stmt, 9);
  c->score = sqlite3_column_int (stmt, 10);
  c->seeders = (int) ssv_download_store_column_int64_or (stmt, 11, -1);
  c->slskd_user = ssv_stmt_dup_text (stmt, 12);
  c->tried = sqlite3_column_int (stmt, 13) != 0;

  return c;
}

static gboolean
read_candidate_files (SsvDownloadStore      *self,
                      gint64                 id,
                      guint                  position,
                      SsvDownloadCandidate  *c,
                      GError               **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (ssv_download_store_db (self),
    "SELECT path, size_bytes FROM download_candidate_files"
    " WHERE download_id = ?1 AND position = ?2 ORDER BY file_index", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, position);
  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    ssv_download_candidate_add_file (c, ssv_stmt_column_text (stmt, 0), ssv_download_store_column_int64_or (stmt, 1, -1));

  return rc == SQLITE_DONE;
}

/* The grab's pool in order: position 0 is the release grabbed first. */
GPtrArray *
ssv_download_store_list_candidates (SsvDownloadStore  *self,
                                    gint64             id,
                                    GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), NULL);

  rows = collect_by_id (self, ssv_download_store_candidates_sql, id, read_candidate,
                        (GDestroyNotify) ssv_download_candidate_free, error);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    if (!read_candidate_files (self, id, i, g_ptr_array_index (rows, i), error))
      return NULL;

  return g_steal_pointer (&rows);
}

GPtrArray *
ssv_download_store_list_tries (SsvDownloadStore  *self,
                               gint64             id,
                               const char        *kind,
                               GError           **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SsvStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (self), NULL);

  stmt = ssv_database_prepare (ssv_download_store_db (self),
    "SELECT value FROM download_tries WHERE download_id = ?1 AND kind = ?2 ORDER BY tried_at, rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  ssv_stmt_bind_text (stmt, 2, kind);
  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (values, ssv_stmt_dup_text (stmt, 0));

  return rc == SQLITE_DONE ? g_steal_pointer (&values) : NULL;
}

/* ---------------------------------------------------------------------- */
/* Async wrappers for the UI */

typedef struct
{
  gboolean  active_only;
  guint     limit;
  gint64    id;
} ListData;

static gpointer
list_thread (SsvStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ListData *list = data;

  return ssv_download_store_list (SSV_DOWNLOAD_STORE (store), list->active_only, list->limit, error);
}

void
ssv_download_store_list_async (SsvDownloadStore    *self,
                               gboolean             active_only,
                               guint                limit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  ListData *data = g_new0 (ListData, 1);

  data->active_only = active_only;
  data->limit = limit;
  ssv_store_run_async (SSV_STORE (self), ssv_download_store_list_async, list_thread, data, g_free,
                       (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
ssv_download_store_list_finish (SsvDownloadStore  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error);
}

static gpointer
events_thread (SsvStore      *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  ListData *list = data;

  return ssv_download_store_list_events (SSV_DOWNLOAD_STORE (store), list->id, error);
}

void
ssv_download_store_list_events_async (SsvDownloadStore    *self,
                                      gint64               id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  ListData *data = g_new0 (ListData, 1);

  data->id = id;
  ssv_store_run_async (SSV_STORE (self), ssv_download_store_list_events_async, events_thread, data, g_free,
                       (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
ssv_download_store_list_events_finish (SsvDownloadStore  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error);
}
