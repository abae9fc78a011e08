/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-extras.c: the channel store's per-video extras: SponsorBlock segments,
 * Return YouTube Dislike votes, DeArrow titles, the downloaded file, and which videos
 * each extra still has to ask about. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "stores/ssv-channel-store-private.h"
#include "model/ssv-youtube-model-private.h"

static gint64
video_row (SsvDatabase  *db,
           const char   *video_id,
           GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, "SELECT id FROM yt_videos WHERE video_id = ?1", error);

  if (stmt == NULL)
    return -1;
  ssv_stmt_bind_text (stmt, 1, video_id);
  if (!ssv_stmt_step_row (stmt, _("This video is not saved."), error))
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

typedef struct
{
  const char *video_id;
  GPtrArray  *segments;
  gint64      now;
} SaveSegments;

static gboolean
save_segments_func (SsvDatabase    *db,
                    gconstpointer   data,
                    GError        **error)
{
  const SaveSegments *save = data;
  gint64 row = video_row (db, save->video_id, error);
  g_autoptr(SsvStmt) clear = NULL;
  g_autoptr(SsvStmt) stamp = NULL;

  if (row < 0)
    return FALSE;

  /* The answer is the whole list: what it no longer has was voted away. */
  clear = ssv_database_prepare (db, "DELETE FROM yt_segments WHERE video_row = ?1", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, row);
  if (!ssv_stmt_step_done (clear, error))
    return FALSE;

  for (guint i = 0; i < save->segments->len; i++)
    {
      const SsvSegment *segment = g_ptr_array_index (save->segments, i);
      g_autoptr(SsvStmt) insert = ssv_database_prepare (db,
        "INSERT INTO yt_segments (video_row, category, action, start_s, end_s, uuid, votes, locked)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);

      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, row);
      ssv_stmt_bind_text (insert, 2, segment->category);
      ssv_stmt_bind_text (insert, 3, segment->action);
      sqlite3_bind_double (insert, 4, segment->start_s);
      sqlite3_bind_double (insert, 5, MAX (segment->end_s, segment->start_s));
      ssv_stmt_bind_text (insert, 6, segment->uuid);
      sqlite3_bind_int64 (insert, 7, segment->votes);
      sqlite3_bind_int (insert, 8, segment->locked ? 1 : 0);
      if (!ssv_stmt_step_done (insert, error))
        return FALSE;
    }

  stamp = ssv_database_prepare (db, "UPDATE yt_videos SET sponsorblock_at = ?2 WHERE id = ?1", error);
  if (stamp == NULL)
    return FALSE;
  sqlite3_bind_int64 (stamp, 1, row);
  sqlite3_bind_int64 (stamp, 2, save->now);
  return ssv_stmt_step_done (stamp, error);
}

/**
 * ssv_channel_store_save_segments:
 * @segments: (element-type SsvSegment): the video's segments now (maybe none)
 *
 * Replaces a video's SponsorBlock segments and notes when they were asked.
 */
gboolean
ssv_channel_store_save_segments (SsvChannelStore  *self,
                                 const char       *video_id,
                                 GPtrArray        *segments,
                                 gint64            now,
                                 GError          **error)
{
  SaveSegments save = { video_id, segments, now };

  return ssv_channel_store_in_transaction (self, save_segments_func, &save, "video", error);
}

static gpointer
read_segment (SsvStmt *stmt)
{
  SsvSegment *segment = ssv_segment_new ();

  segment->category = ssv_stmt_dup_text (stmt, 0);
  segment->action = ssv_stmt_dup_text (stmt, 1);
  segment->start_s = sqlite3_column_double (stmt, 2);
  segment->end_s = sqlite3_column_double (stmt, 3);
  segment->uuid = ssv_stmt_dup_text (stmt, 4);
  segment->votes = sqlite3_column_int64 (stmt, 5);
  segment->locked = sqlite3_column_int (stmt, 6) != 0;
  return segment;
}

/* Returns: (transfer full) (element-type SsvSegment): by start time */
GPtrArray *
ssv_channel_store_list_segments (SsvChannelStore  *self,
                                 const char       *video_id,
                                 GError          **error)
{
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_segment_free);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (ssv_store_get_database (SSV_STORE (self)),
    "SELECT s.category, s.action, s.start_s, s.end_s, s.uuid, s.votes, s.locked"
    "  FROM yt_segments s JOIN yt_videos v ON v.id = s.video_row"
    " WHERE v.video_id = ?1 ORDER BY s.start_s", error);

  if (stmt == NULL)
    return NULL;
  ssv_stmt_bind_text (stmt, 1, video_id);
  if (!ssv_stmt_collect_rows (stmt, read_segment, segments, error))
    return NULL;

  return g_steal_pointer (&segments);
}

typedef struct
{
  const char *video_id;
  const char *sql;
  gint64      a;
  gint64      b;
  const char *text;
  gint64      now;
} VideoUpdate;

static gboolean
video_update_func (SsvDatabase    *db,
                   gconstpointer   data,
                   GError        **error)
{
  const VideoUpdate *update = data;
  gint64 row = video_row (db, update->video_id, error);
  g_autoptr(SsvStmt) stmt = NULL;

  if (row < 0)
    return FALSE;

  stmt = ssv_database_prepare (db, update->sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row);
  ssv_stmt_bind_int64_or_null (stmt, 2, update->a, update->a >= 0);
  ssv_stmt_bind_int64_or_null (stmt, 3, update->b, update->b >= 0);
  ssv_stmt_bind_text (stmt, 4, update->text);
  sqlite3_bind_int64 (stmt, 5, update->now);
  return ssv_stmt_step_done (stmt, error);
}

/* Return YouTube Dislike's estimates; an unknown count keeps the last one. */
gboolean
ssv_channel_store_save_votes (SsvChannelStore  *self,
                              const char       *video_id,
                              gint64            likes,
                              gint64            dislikes,
                              gint64            now,
                              GError          **error)
{
  VideoUpdate update = { video_id,
                         "UPDATE yt_videos SET likes = coalesce (?2, likes), dislikes = coalesce (?3, dislikes),"
                         " ryd_at = ?5 WHERE id = ?1",
                         likes, dislikes, NULL, now };

  return ssv_channel_store_in_transaction (self, video_update_func, &update, "video", error);
}

/* DeArrow's title, or NULL when the crowd has none that differs from the original. */
gboolean
ssv_channel_store_save_dearrow_title (SsvChannelStore  *self,
                                      const char       *video_id,
                                      const char       *title,
                                      gint64            now,
                                      GError          **error)
{
  VideoUpdate update = { video_id,
                         "UPDATE yt_videos SET dearrow_title = ?4, dearrow_at = ?5"
                         " WHERE id = ?1",
                         -1, -1, title, now };

  return ssv_channel_store_in_transaction (self, video_update_func, &update, "video", error);
}

gboolean
ssv_channel_store_set_downloaded_path (SsvChannelStore  *self,
                                       const char       *video_id,
                                       const char       *path,
                                       GError          **error)
{
  VideoUpdate update = { video_id,
                         "UPDATE yt_videos SET downloaded_path = ?4"
                         " WHERE id = ?1",
                         -1, -1, path, 0 };

  return ssv_channel_store_in_transaction (self, video_update_func, &update, "video", error);
}

static const char *
extra_column (const char  *extra,
              GError     **error)
{
  if (g_strcmp0 (extra, "sponsorblock") == 0)
    return "sponsorblock_at";
  if (g_strcmp0 (extra, "dearrow") == 0)
    return "dearrow_at";
  if (g_strcmp0 (extra, "ryd") == 0)
    return "ryd_at";

  g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, "no such extra: %s", extra ? extra : "");
  return NULL;
}

/**
 * ssv_channel_store_next_for_extra:
 * @extra: "sponsorblock", "dearrow" or "ryd"
 *
 * Videos of followed channels (not upcoming) never asked about @extra, or
 * asked more than a week ago while less than a month old: newest first.
 *
 * Returns: (transfer full) (element-type SsvVideo): the videos
 */
GPtrArray *
ssv_channel_store_next_for_extra (SsvChannelStore  *self,
                                  const char       *extra,
                                  gint64            now,
                                  guint             limit,
                                  GError          **error)
{
  g_autoptr(SsvStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  const char *column = extra_column (extra, error);

  if (column == NULL)
    return NULL;

  /* The column is one of three names above, never input. */
  sql = g_strdup_printf ("SELECT " SSV_CHANNEL_STORE_VIDEO_COLUMNS " FROM watchlist w INDEXED BY watchlist_kind"
                         "  JOIN yt_channels c ON c.channel_id = w.source_id"
                         "  JOIN yt_videos v ON v.channel_row = c.id"
                         " WHERE w.kind = 'channel' AND w.muted = 0 AND w.source = 'youtube'"
                         "   AND v.upcoming = 0"
                         "   AND (v.%s IS NULL OR (v.%s <= ?1 - 604800 AND v.published > ?1 - 2629746))"
                         " ORDER BY v.published IS NULL, v.published DESC LIMIT ?2", column, column);
  stmt = ssv_database_prepare (ssv_store_get_database (SSV_STORE (self)), sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, limit);
  return ssv_channel_store_collect_videos (stmt, error);
}

/* Notes that @extra was asked about the video and had nothing (a 404). */
gboolean
ssv_channel_store_mark_extra_asked (SsvChannelStore  *self,
                                    const char       *video_id,
                                    const char       *extra,
                                    gint64            now,
                                    GError          **error)
{
  g_autofree char *sql = NULL;
  const char *column = extra_column (extra, error);
  VideoUpdate update = { video_id, NULL, -1, -1, NULL, now };

  if (column == NULL)
    return FALSE;

  sql = g_strdup_printf ("UPDATE yt_videos SET %s = ?5 WHERE id = ?1", column);
  update.sql = sql;
  return ssv_channel_store_in_transaction (self, video_update_func, &update, NULL, error);
}
