/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-service.h: follow, open and refresh YouTube channels; tell about new uploads. */

#pragma once

#include <gio/gio.h>

#include "net/ssv-http.h"
#include "stores/ssv-channel-store.h"
#include "stores/ssv-watchlist-store.h"
#include "stores/ssv-wishlist-store.h"

G_BEGIN_DECLS

#define SSV_TYPE_CHANNEL_SERVICE (ssv_channel_service_get_type ())

G_DECLARE_FINAL_TYPE (SsvChannelService, ssv_channel_service, SSV, CHANNEL_SERVICE, GObject)

typedef enum
{
  SSV_REFRESH_QUICK,      /* the newest page, the Shorts and the feed */
  SSV_REFRESH_FULL,       /* every page of the catalog */
} SsvRefreshDepth;

/* A longer gap than this between looks for uploads makes the next report a catch-up. */
#define SSV_UPLOADS_CATCH_UP_GAP_S  (7 * 3600)
/* The bookmark's key in the library's settings table (unix seconds). */
#define SSV_UPLOADS_BOOKMARK_KEY    "youtube.uploads-checked-until"

SsvChannelService *ssv_channel_service_new            (SsvHttp            *http,
                                                       SsvChannelStore    *store,
                                                       SsvWatchlistStore  *watchlist,
                                                       SsvWishlistStore   *wishlist);
SsvChannelStore   *ssv_channel_service_get_store      (SsvChannelService  *self);
void               ssv_channel_service_set_proxies    (SsvChannelService  *self,
                                                       const char * const *instances);
gboolean           ssv_channel_service_has_proxies    (SsvChannelService  *self);
void               ssv_channel_service_set_max_pages  (SsvChannelService  *self,
                                                       guint               max_pages);

/* Blocking: worker and CLI threads. */
char              *ssv_channel_service_resolve        (SsvChannelService  *self,
                                                       const char         *text,
                                                       GCancellable       *cancellable,
                                                       GError            **error);
gboolean           ssv_channel_service_refresh        (SsvChannelService  *self,
                                                       const char         *channel_id,
                                                       SsvRefreshDepth     depth,
                                                       GCancellable       *cancellable,
                                                       GError            **error);
char              *ssv_channel_service_follow         (SsvChannelService  *self,
                                                       const char         *text,
                                                       GCancellable       *cancellable,
                                                       GError            **error);
gboolean           ssv_channel_service_unfollow       (SsvChannelService  *self,
                                                       const char         *channel_id,
                                                       GError            **error);
GPtrArray         *ssv_channel_service_check_uploads  (SsvChannelService  *self,
                                                       gint64              now,
                                                       gboolean           *catching_up,
                                                       GError            **error);

/* For the UI: the saved channel at once (no network), then a quiet refresh
 * that ends in ::refreshed; a channel never read is read first. */
void               ssv_channel_service_open_async     (SsvChannelService  *self,
                                                       const char         *channel_id,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
SsvChannel        *ssv_channel_service_open_finish    (SsvChannelService  *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);
void               ssv_channel_service_follow_async   (SsvChannelService  *self,
                                                       const char         *text,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
char              *ssv_channel_service_follow_finish  (SsvChannelService  *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);
void               ssv_channel_service_unfollow_async (SsvChannelService  *self,
                                                       const char         *channel_id,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
gboolean           ssv_channel_service_unfollow_finish (SsvChannelService *self,
                                                        GAsyncResult      *result,
                                                        GError           **error);

G_END_DECLS
