/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-video.h: one video of a YouTube channel (properties with notify). */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SSV_TYPE_VIDEO (ssv_video_get_type ())

G_DECLARE_FINAL_TYPE (SsvVideo, ssv_video, SSV, VIDEO, GObject)

SsvVideo   *ssv_video_new                  (void);
gboolean    ssv_video_update_from          (SsvVideo *self,
                                            SsvVideo *other);
gint64      ssv_video_get_id               (SsvVideo *self);
const char *ssv_video_get_video_id         (SsvVideo *self);
const char *ssv_video_get_channel_id       (SsvVideo *self);
const char *ssv_video_get_channel_title    (SsvVideo *self);
const char *ssv_video_get_title            (SsvVideo *self);
const char *ssv_video_get_dearrow_title    (SsvVideo *self);
const char *ssv_video_get_display_title    (SsvVideo *self,
                                            gboolean  prefer_dearrow);
const char *ssv_video_get_thumbnail_url    (SsvVideo *self);
gint64      ssv_video_get_duration         (SsvVideo *self);
gint64      ssv_video_get_views            (SsvVideo *self);
gint64      ssv_video_get_published        (SsvVideo *self);
gboolean    ssv_video_get_date_exact       (SsvVideo *self);
char       *ssv_video_dup_date             (SsvVideo *self);
int         ssv_video_get_year             (SsvVideo *self);
gboolean    ssv_video_get_is_short         (SsvVideo *self);
gboolean    ssv_video_get_upcoming         (SsvVideo *self);
gint64      ssv_video_get_likes            (SsvVideo *self);
gint64      ssv_video_get_dislikes         (SsvVideo *self);
gboolean    ssv_video_get_wished           (SsvVideo *self);
const char *ssv_video_get_downloaded_path  (SsvVideo *self);
const char *ssv_video_get_download_state   (SsvVideo *self);
const char *ssv_video_get_download_error   (SsvVideo *self);
int         ssv_video_get_download_attempts (SsvVideo *self);

G_END_DECLS
