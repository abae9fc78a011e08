/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel.h: a YouTube channel (properties with notify). */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SSV_TYPE_CHANNEL (ssv_channel_get_type ())

G_DECLARE_FINAL_TYPE (SsvChannel, ssv_channel, SSV, CHANNEL, GObject)

SsvChannel *ssv_channel_new                  (void);
gboolean    ssv_channel_update_from          (SsvChannel *self,
                                              SsvChannel *other);
gint64      ssv_channel_get_id               (SsvChannel *self);
const char *ssv_channel_get_channel_id       (SsvChannel *self);
const char *ssv_channel_get_handle           (SsvChannel *self);
const char *ssv_channel_get_title            (SsvChannel *self);
const char *ssv_channel_get_description      (SsvChannel *self);
const char *ssv_channel_get_avatar_url       (SsvChannel *self);
const char *ssv_channel_get_banner_url       (SsvChannel *self);
gint64      ssv_channel_get_subscribers      (SsvChannel *self);
gint64      ssv_channel_get_video_count      (SsvChannel *self);
gboolean    ssv_channel_get_followed         (SsvChannel *self);
gint64      ssv_channel_get_followed_at      (SsvChannel *self);
gboolean    ssv_channel_get_wish_new_uploads (SsvChannel *self);
gint64      ssv_channel_get_refreshed_at     (SsvChannel *self);
const char *ssv_channel_get_enriched_by      (SsvChannel *self);
gboolean    ssv_channel_get_complete         (SsvChannel *self);
const char *ssv_channel_get_error_kind       (SsvChannel *self);
const char *ssv_channel_get_last_error       (SsvChannel *self);
int         ssv_channel_get_cached_videos    (SsvChannel *self);
int         ssv_channel_get_new_count        (SsvChannel *self);

G_END_DECLS
