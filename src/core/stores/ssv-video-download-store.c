/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-video-download-store.c: wished YouTube videos on their way to disk. */

#include "config.h"

#include "stores/ssv-video-download-store.h"

#define DOWNLOAD_COLUMNS \
  "v.id, v.video_id, v.title, c.title, v.published, d.state, d.attempts, d.last_error, d.path"

void
ssv_video_download_free (SsvVideoDownload *download)
{
  if (download == NULL)
    return;

  g_free (download->video_id);
  g_free (download->title);
  g_free (download->channel_title);
  g_free (download->state);
  g_free (download->last_error);
  g_free (download->path);
  g_free (download);
}

static gpointer
read_download (SsvStmt *stmt)
{
  SsvVideoDownload *download = g_new0 (SsvVideoDownload, 1);

  download->row = sqlite3_column_int64 (stmt, 0);
  download->video_id = ssv_stmt_dup_text (stmt, 1);
  download->title = ssv_stmt_dup_text (stmt, 2);
  download->channel_title = ssv_stmt_dup_text (stmt, 3);
  download->published = sqlite3_column_int64 (stmt, 4);
  download->state = ssv_stmt_dup_text (stmt, 5);
  download->attempts = sqlite3_column_int (stmt, 6);
  download->last_error = ssv_stmt_dup_text (stmt, 7);
  download->path = ssv_stmt_dup_text (stmt, 8);
  return download;
}

gboolean
ssv_video_download_store_queue_wished (SsvDatabase  *db,
                                       guint        *n_queued,
                                       GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "INSERT INTO yt_downloads (video_row, state)"
    " SELECT v.id, 'queued' FROM wishlist w JOIN yt_videos v ON v.video_id = w.source_id"
    "  WHERE w.kind = 'video' AND w.source = 'youtube' AND w.kind <> 'episode'"
    "    AND v.downloaded_path IS NULL AND v.upcoming = 0"
    " ON CONFLICT (video_row) DO NOTHING", error);

  if (stmt == NULL || !ssv_stmt_step_done (stmt, error))
    return FALSE;

  if (n_queued != NULL)
    *n_queued = (guint) ssv_database_changes (db);
  return TRUE;
}

gboolean
ssv_video_download_store_reset_running (SsvDatabase  *db,
                                        GError      **error)
{
  return ssv_database_exec (db, "UPDATE yt_downloads SET state = 'queued' WHERE state = 'running'", error);
}

SsvVideoDownload *
ssv_video_download_store_take_next (SsvDatabase  *db,
                                    int           max_attempts,
                                    gint64        now,
                                    gint64        retry_delay_s,
                                    GError      **error)
{
  g_autoptr(SsvStmt) select = NULL;
  g_autoptr(SsvStmt) mark = NULL;
  g_autoptr(SsvVideoDownload) download = NULL;
  int rc;

  if (!ssv_database_begin (db, error))
    return NULL;

  select = ssv_database_prepare (db,
    "SELECT " DOWNLOAD_COLUMNS
    "  FROM yt_downloads d"
    "  JOIN yt_videos v ON v.id = d.video_row JOIN yt_channels c ON c.id = v.channel_row"
    " WHERE d.state = 'queued'"
    "    OR (d.state = 'failed' AND d.attempts < ?1 AND d.updated_at <= ?2 - ?3 * d.attempts)"
    " ORDER BY d.state = 'failed', d.updated_at LIMIT 1", error);
  if (select == NULL)
    goto failed;

  sqlite3_bind_int (select, 1, max_attempts);
  sqlite3_bind_int64 (select, 2, now);
  sqlite3_bind_int64 (select, 3, retry_delay_s);
  rc = ssv_stmt_step (select, error);
  if (rc == SQLITE_DONE)
    {
      ssv_database_rollback (db);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    goto failed;
  download = read_download (select);

  mark = ssv_database_prepare (db, "UPDATE yt_downloads SET state = 'running', attempts = attempts + 1,"
                                   " updated_at = ?2 WHERE video_row = ?1", error);
  if (mark == NULL)
    goto failed;
  sqlite3_bind_int64 (mark, 1, download->row);
  sqlite3_bind_int64 (mark, 2, now);
  if (!ssv_stmt_step_done (mark, error) || !ssv_database_commit (db, error))
    goto failed;

  download->attempts++;
  g_free (download->state);
  download->state = g_strdup ("running");
  return g_steal_pointer (&download);

failed:
  ssv_database_rollback (db);
  return NULL;
}

static gboolean
exec_row (SsvDatabase  *db,
          const char   *sql,
          gint64        row,
          const char   *text,
          gint64        now,
          GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row);
  ssv_stmt_bind_text (stmt, 2, text);
  sqlite3_bind_int64 (stmt, 3, now);
  return ssv_stmt_step_done (stmt, error);
}

/* Done: the download and the video both know the file, in one transaction. */
gboolean
ssv_video_download_store_finish (SsvDatabase  *db,
                                 gint64        row,
                                 const char   *path,
                                 gint64        now,
                                 GError      **error)
{
  if (!ssv_database_begin (db, error))
    return FALSE;

  if (!exec_row (db, "UPDATE yt_downloads SET state = 'done', path = ?2, last_error = NULL, updated_at = ?3"
                     " WHERE video_row = ?1", row, path, now, error) ||
      !exec_row (db, "UPDATE yt_videos SET downloaded_path = ?2 WHERE id = ?1 AND ?3 IS NOT NULL",
                 row, path, now, error) ||
      !ssv_database_commit (db, error))
    {
      ssv_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/* Failed: the reason stays for people to read. */
gboolean
ssv_video_download_store_fail (SsvDatabase  *db,
                               gint64        row,
                               const char   *reason,
                               gint64        now,
                               GError      **error)
{
  return exec_row (db, "UPDATE yt_downloads SET state = 'failed', last_error = ?2, updated_at = ?3"
                       " WHERE video_row = ?1", row, reason, now, error);
}

/* Returns: (transfer full) (element-type SsvVideoDownload): newest change first */
GPtrArray *
ssv_video_download_store_list (SsvDatabase  *db,
                               GError      **error)
{
  g_autoptr(GPtrArray) downloads = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_video_download_free);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT " DOWNLOAD_COLUMNS
    "  FROM yt_downloads d JOIN yt_videos v ON v.id = d.video_row JOIN yt_channels c ON c.id = v.channel_row"
    " ORDER BY d.updated_at DESC, v.id", error);

  if (stmt == NULL || !ssv_stmt_collect_rows (stmt, read_download, downloads, error))
    return NULL;

  return g_steal_pointer (&downloads);
}
