/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-lists.c: the channel store's lists for other pages than the channel's own:
 * wished videos with their downloads (the wishlist's Videos) and a week's uploads (the
 * calendar's lane). Their async calls live with the others in ssv-channel-store-async.c. */

#include "config.h"

#include "stores/ssv-channel-store-private.h"
#include "model/ssv-youtube-model-private.h"

/* Grouped by channel (by its title), newest first in each, with the download if any. */
const char * const ssv_channel_store_wished_sql =
  "SELECT " SSV_CHANNEL_STORE_VIDEO_COLUMNS ", d.state, d.last_error, coalesce (d.attempts, 0)"
  "  FROM wishlist w"
  "  JOIN yt_videos v ON v.video_id = w.source_id"
  "  JOIN yt_channels c ON c.id = v.channel_row"
  "  LEFT JOIN yt_downloads d ON d.video_row = v.id"
  " WHERE w.kind = 'video' AND w.source = 'youtube'"
  " ORDER BY c.title COLLATE NOCASE, c.id, v.published IS NULL, v.published DESC, v.id";

static gpointer
read_wished_video (SsvStmt *stmt)
{
  SsvVideo *video = ssv_channel_store_read_video (stmt);

  video->download_state = ssv_stmt_dup_text (stmt, 17);
  video->download_error = ssv_stmt_dup_text (stmt, 18);
  video->download_attempts = sqlite3_column_int (stmt, 19);
  return video;
}

/**
 * ssv_channel_store_list_wished_videos:
 *
 * Wished videos grouped by channel (by its title), newest first in each; only
 * those whose channel was read. Each carries its download's state, attempts and
 * last error when yt-dlp has it queued, running, done or failed.
 *
 * Returns: (transfer full) (element-type SsvVideo): the videos, or %NULL
 */
GPtrArray *
ssv_channel_store_list_wished_videos (SsvChannelStore  *self,
                                      GError          **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (ssv_store_get_database (SSV_STORE (self)),
                                                  ssv_channel_store_wished_sql, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (stmt == NULL || !ssv_stmt_collect_rows (stmt, read_wished_video, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}

/* ---- async ------------------------------------------------------------------------ */
