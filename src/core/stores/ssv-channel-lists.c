/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-lists.c: the channel store's lists for other pages than the channel's own:
 * wished videos with their downloads (the wishlist's Videos), a week's uploads (the
 * calendar's lane), and the "wish new uploads" switch, each with its async call for the UI. */

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

typedef struct
{
  char     *channel_id;
  gint64    from;
  gint64    to;
  gboolean  wish;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->channel_id);
  g_free (request);
}

static gpointer
list_wished_func (SsvStore      *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return ssv_channel_store_list_wished_videos (SSV_CHANNEL_STORE (store), error);
}

/* Finished by ssv_channel_store_list_finish(). */
void
ssv_channel_store_list_wished_videos_async (SsvChannelStore     *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  ssv_store_run_async (SSV_STORE (self), ssv_channel_store_list_wished_videos_async, list_wished_func,
                       g_new0 (Request, 1), request_free, (GDestroyNotify) g_ptr_array_unref,
                       cancellable, callback, user_data);
}

static gpointer
list_uploads_func (SsvStore      *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  Request *request = data;

  return ssv_channel_store_list_uploads_between (SSV_CHANNEL_STORE (store), request->from, request->to, error);
}

/* Uploads of followed channels in [@from, @to) (unix seconds); finished by ssv_channel_store_list_finish(). */
void
ssv_channel_store_list_uploads_between_async (SsvChannelStore     *self,
                                              gint64               from,
                                              gint64               to,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->from = from;
  request->to = to;
  ssv_store_run_async (SSV_STORE (self), ssv_channel_store_list_uploads_between_async, list_uploads_func,
                       request, request_free, (GDestroyNotify) g_ptr_array_unref,
                       cancellable, callback, user_data);
}

static gpointer
set_wish_new_uploads_func (SsvStore      *store,
                           gpointer       data,
                           GCancellable  *cancellable,
                           GError       **error)
{
  Request *request = data;

  if (!ssv_channel_store_set_wish_new_uploads (SSV_CHANNEL_STORE (store), request->channel_id, request->wish, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

void
ssv_channel_store_set_wish_new_uploads_async (SsvChannelStore     *self,
                                              const char          *channel_id,
                                              gboolean             wish,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->channel_id = g_strdup (channel_id);
  request->wish = wish;
  ssv_store_run_async (SSV_STORE (self), ssv_channel_store_set_wish_new_uploads_async, set_wish_new_uploads_func,
                       request, request_free, NULL, cancellable, callback, user_data);
}

gboolean
ssv_channel_store_set_wish_new_uploads_finish (SsvChannelStore  *self,
                                               GAsyncResult     *result,
                                               GError          **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error) != NULL;
}
