/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-store-private.h: what the channel store's files share among themselves. */

#pragma once

#include "stores/ssv-channel-store.h"
#include "ssv-database.h"

G_BEGIN_DECLS

/* The columns ssv_channel_store_collect_videos() reads: v is yt_videos, c yt_channels. */
#define SSV_CHANNEL_STORE_VIDEO_COLUMNS \
  "v.id, v.video_id, c.channel_id, c.title, v.title, v.dearrow_title, v.thumbnail_url, v.duration_s," \
  " v.views, v.published, v.date_exact, v.is_short, v.upcoming, v.likes, v.dislikes, v.downloaded_path," \
  " EXISTS (SELECT 1 FROM wishlist wl WHERE wl.kind = 'video' AND wl.source = 'youtube'" \
  "         AND wl.source_id = v.video_id AND wl.kind <> 'episode')"

gboolean   ssv_channel_store_in_transaction (SsvChannelStore  *self,
                                             gboolean        (*func) (SsvDatabase   *db,
                                                                      gconstpointer  data,
                                                                      GError       **error),
                                             gconstpointer     data,
                                             const char       *changed,
                                             GError          **error);
GPtrArray *ssv_channel_store_collect_videos (SsvStmt          *stmt,
                                             GError          **error);
SsvVideo  *ssv_channel_store_read_video     (SsvStmt          *stmt);

G_END_DECLS
