/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-videos.h: the Wishlist's Videos tab: wished YouTube videos by channel, with their downloads. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"
#include "model/ssv-video.h"
#include "stores/ssv-wishlist-store.h"

G_BEGIN_DECLS

#define SSV_TYPE_WISHLIST_VIDEOS (ssv_wishlist_videos_get_type ())

G_DECLARE_FINAL_TYPE (SsvWishlistVideos, ssv_wishlist_videos, SSV, WISHLIST_VIDEOS, GtkWidget)

GtkWidget  *ssv_wishlist_videos_new               (SsvContext        *context);
char       *ssv_wishlist_videos_describe_download (SsvVideo          *video);
void        ssv_wishlist_videos_set_search        (SsvWishlistVideos *self,
                                                   const char        *search);
SsvWishlistSort ssv_wishlist_videos_get_sort      (SsvWishlistVideos *self);
void        ssv_wishlist_videos_set_sort          (SsvWishlistVideos *self,
                                                   SsvWishlistSort    sort);
GListModel *ssv_wishlist_videos_get_videos        (SsvWishlistVideos *self);
const char *ssv_wishlist_videos_get_state         (SsvWishlistVideos *self);
GtkWidget  *ssv_wishlist_videos_find_row          (SsvWishlistVideos *self,
                                                   const char        *video_id);

G_END_DECLS
