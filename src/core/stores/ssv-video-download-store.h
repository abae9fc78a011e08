/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-video-download-store.h: wished YouTube videos on their way to disk: queue, attempts, reasons. */

#pragma once

#include "ssv-database.h"

G_BEGIN_DECLS

typedef struct
{
  gint64   row;             /* the video's yt_videos row */
  char    *video_id;
  char    *title;
  char    *channel_title;
  gint64   published;       /* 0 when unknown */
  char    *state;           /* "queued", "running", "done", "failed" */
  int      attempts;
  char    *last_error;
  char    *path;
} SsvVideoDownload;

void              ssv_video_download_free            (SsvVideoDownload *download);

/* Wished videos not on disk and not queued yet join the queue. One transaction. */
gboolean          ssv_video_download_store_queue_wished (SsvDatabase  *db,
                                                         guint        *n_queued,
                                                         GError      **error);
/* Downloads a crash left "running" go back to the queue. */
gboolean          ssv_video_download_store_reset_running (SsvDatabase *db,
                                                          GError     **error);
/* The next download to run, marked running with one more attempt; a failed
 * one again after @retry_delay_s × its attempts, while it has attempts left.
 * NULL without @error when there is none. */
SsvVideoDownload *ssv_video_download_store_take_next   (SsvDatabase  *db,
                                                        int           max_attempts,
                                                        gint64        now,
                                                        gint64        retry_delay_s,
                                                        GError      **error);
gboolean          ssv_video_download_store_finish      (SsvDatabase  *db,
                                                        gint64        row,
                                                        const char   *path,
                                                        gint64        now,
                                                        GError      **error);
gboolean          ssv_video_download_store_fail        (SsvDatabase  *db,
                                                        gint64        row,
                                                        const char   *reason,
                                                        gint64        now,
                                                        GError      **error);
GPtrArray        *ssv_video_download_store_list        (SsvDatabase  *db,
                                                        GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvVideoDownload, ssv_video_download_free)

G_END_DECLS
