/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-video-downloader.h: wished YouTube videos downloaded with yt-dlp, three at a time. */

#pragma once

#include <gio/gio.h>

#include "ssv-database.h"
#include "ssv-network-activity.h"

G_BEGIN_DECLS

#define SSV_TYPE_VIDEO_DOWNLOADER (ssv_video_downloader_get_type ())

G_DECLARE_FINAL_TYPE (SsvVideoDownloader, ssv_video_downloader, SSV, VIDEO_DOWNLOADER, GObject)

/* At most this many yt-dlp processes at once. */
#define SSV_VIDEO_DOWNLOADS_AT_ONCE  3
/* A failed video is tried again this many times, its reason kept. */
#define SSV_VIDEO_DOWNLOAD_RETRIES   3

SsvVideoDownloader *ssv_video_downloader_new              (SsvDatabase         *database,
                                                           SsvNetworkActivity  *activity);
/* yt-dlp's path; by default the one on PATH or in the app's prefix. */
void                ssv_video_downloader_set_program      (SsvVideoDownloader  *self,
                                                           const char          *program);
void                ssv_video_downloader_set_root         (SsvVideoDownloader  *self,
                                                           GFile               *root);
void                ssv_video_downloader_set_quality      (SsvVideoDownloader  *self,
                                                           int                  max_height,
                                                           const char          *codec);
void                ssv_video_downloader_set_sponsorblock (SsvVideoDownloader  *self,
                                                           gboolean             chapters,
                                                           const char          *api_url);
/* Where watch addresses point ("https://www.youtube.com", or SSV_YOUTUBE_URL). */
void                ssv_video_downloader_set_base_url     (SsvVideoDownloader  *self,
                                                           const char          *base_url);
/* Seconds a failed video waits, times its attempts, before the next try. */
void                ssv_video_downloader_set_retry_delay  (SsvVideoDownloader  *self,
                                                           gint64               seconds);
/* Queues wished videos not on disk yet and keeps up to three downloads
 * running until the queue is empty (then ::idle). Main thread; never blocks. */
void                ssv_video_downloader_run              (SsvVideoDownloader  *self);
void                ssv_video_downloader_stop             (SsvVideoDownloader  *self);
guint               ssv_video_downloader_get_running      (SsvVideoDownloader  *self);

G_END_DECLS
