/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-store.h: YouTube channels, their videos, dates, stats and SponsorBlock segments. */

#pragma once

#include "stores/ssv-store.h"
#include "model/ssv-channel.h"
#include "model/ssv-video.h"
#include "providers/ssv-youtube-types.h"

G_BEGIN_DECLS

#define SSV_TYPE_CHANNEL_STORE (ssv_channel_store_get_type ())

G_DECLARE_FINAL_TYPE (SsvChannelStore, ssv_channel_store, SSV, CHANNEL_STORE, SsvStore)

typedef enum
{
  SSV_VIDEOS_ALL,          /* videos and Shorts */
  SSV_VIDEOS_NO_SHORTS,
  SSV_VIDEOS_SHORTS,
} SsvVideoFilter;

/* How a refresh went, for ssv_channel_store_record_refresh(). */
typedef struct
{
  const char  *enriched_by;   /* "innertube", "rss", "proxy"; NULL when nothing could be read */
  gboolean     complete;      /* the whole catalog was read */
  const char  *error_kind;    /* "changed", "not-found", "rate-limited", "unreachable", "failed" or NULL */
  const char  *error;         /* for people, or NULL */
} SsvChannelRefresh;

SsvChannelStore *ssv_channel_store_new                  (SsvDatabase       *database);

/* Writes (worker or CLI threads). Each is one transaction and emits "changed". */
gboolean    ssv_channel_store_save_meta                 (SsvChannelStore   *self,
                                                         const SsvYtChannelMeta *meta,
                                                         GError           **error);
gboolean    ssv_channel_store_save_videos               (SsvChannelStore   *self,
                                                         const char        *channel_id,
                                                         GPtrArray         *videos,
                                                         gboolean           knows_upcoming,
                                                         int                first_rank,
                                                         GError           **error);
gboolean    ssv_channel_store_record_refresh            (SsvChannelStore   *self,
                                                         const char        *channel_id,
                                                         const SsvChannelRefresh *refresh,
                                                         gint64             now,
                                                         GError           **error);
gboolean    ssv_channel_store_mark_all_announced        (SsvChannelStore   *self,
                                                         const char        *channel_id,
                                                         gint64             now,
                                                         GError           **error);
gboolean    ssv_channel_store_set_wish_new_uploads      (SsvChannelStore   *self,
                                                         const char        *channel_id,
                                                         gboolean           wish,
                                                         GError           **error);
gboolean    ssv_channel_store_mark_opened               (SsvChannelStore   *self,
                                                         const char        *channel_id,
                                                         gint64             now,
                                                         GError           **error);
GPtrArray  *ssv_channel_store_take_new_uploads          (SsvChannelStore   *self,
                                                         gint64             now,
                                                         guint             *n_wished,
                                                         GError           **error);

gint64      ssv_channel_store_ensure_channel            (SsvChannelStore   *self,
                                                         const char        *channel_id,
                                                         GError           **error);

/* Reads. */
SsvChannel *ssv_channel_store_get_channel_by_row        (SsvChannelStore   *self,
                                                         gint64             row,
                                                         GError           **error);
SsvChannel *ssv_channel_store_get_channel               (SsvChannelStore   *self,
                                                         const char        *channel_id,
                                                         GError           **error);
char       *ssv_channel_store_find_channel_id           (SsvChannelStore   *self,
                                                         const char        *handle,
                                                         GError           **error);
GPtrArray  *ssv_channel_store_list_channels             (SsvChannelStore   *self,
                                                         gboolean           followed_only,
                                                         GError           **error);
GPtrArray  *ssv_channel_store_list_videos               (SsvChannelStore   *self,
                                                         const char        *channel_id,
                                                         SsvVideoFilter     filter,
                                                         GError           **error);
GPtrArray  *ssv_channel_store_list_newest_videos        (SsvChannelStore   *self,
                                                         const char        *channel_id,
                                                         guint              limit,
                                                         GError           **error);
GPtrArray  *ssv_channel_store_list_wished_videos        (SsvChannelStore   *self,
                                                         GError           **error);
GPtrArray  *ssv_channel_store_list_uploads_between      (SsvChannelStore   *self,
                                                         gint64             from,
                                                         gint64             to,
                                                         GError           **error);
SsvVideo   *ssv_channel_store_get_video                 (SsvChannelStore   *self,
                                                         const char        *video_id,
                                                         GError           **error);
GPtrArray  *ssv_channel_store_list_due                  (SsvChannelStore   *self,
                                                         gint64             now,
                                                         gboolean           have_proxies,
                                                         GError           **error);

/* Per-video extras. */
gboolean    ssv_channel_store_save_segments             (SsvChannelStore   *self,
                                                         const char        *video_id,
                                                         GPtrArray         *segments,
                                                         gint64             now,
                                                         GError           **error);
GPtrArray  *ssv_channel_store_list_segments             (SsvChannelStore   *self,
                                                         const char        *video_id,
                                                         GError           **error);
gboolean    ssv_channel_store_save_votes                (SsvChannelStore   *self,
                                                         const char        *video_id,
                                                         gint64             likes,
                                                         gint64             dislikes,
                                                         gint64             now,
                                                         GError           **error);
gboolean    ssv_channel_store_save_dearrow_title        (SsvChannelStore   *self,
                                                         const char        *video_id,
                                                         const char        *title,
                                                         gint64             now,
                                                         GError           **error);
GPtrArray  *ssv_channel_store_next_for_extra            (SsvChannelStore   *self,
                                                         const char        *extra,
                                                         gint64             now,
                                                         guint              limit,
                                                         GError           **error);
gboolean    ssv_channel_store_mark_extra_asked          (SsvChannelStore   *self,
                                                         const char        *video_id,
                                                         const char        *extra,
                                                         gint64             now,
                                                         GError           **error);
SsvVideo   *ssv_channel_store_get_video_by_row          (SsvChannelStore   *self,
                                                         gint64             row,
                                                         GError           **error);
gboolean    ssv_channel_store_set_wished                (SsvChannelStore   *self,
                                                         const char        *video_id,
                                                         gboolean           wished,
                                                         GError           **error);
gboolean    ssv_channel_store_set_downloaded_path       (SsvChannelStore   *self,
                                                         const char        *video_id,
                                                         const char        *path,
                                                         GError           **error);

/* Async for the UI: results on the caller's main context. */
void        ssv_channel_store_get_channel_async         (SsvChannelStore   *self,
                                                         const char        *channel_id,
                                                         GCancellable      *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer           user_data);
SsvChannel *ssv_channel_store_get_channel_finish        (SsvChannelStore   *self,
                                                         GAsyncResult      *result,
                                                         GError           **error);
void        ssv_channel_store_list_videos_async         (SsvChannelStore   *self,
                                                         const char        *channel_id,
                                                         SsvVideoFilter     filter,
                                                         GCancellable      *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer           user_data);
void        ssv_channel_store_list_newest_videos_async  (SsvChannelStore   *self,
                                                         const char        *channel_id,
                                                         guint              limit,
                                                         GCancellable      *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer           user_data);
void        ssv_channel_store_list_channels_async       (SsvChannelStore   *self,
                                                         gboolean           followed_only,
                                                         GCancellable      *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer           user_data);
void        ssv_channel_store_list_segments_async       (SsvChannelStore   *self,
                                                         const char        *video_id,
                                                         GCancellable      *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer           user_data);
void        ssv_channel_store_set_wished_async          (SsvChannelStore   *self,
                                                         const char        *video_id,
                                                         gboolean           wished,
                                                         GCancellable      *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer           user_data);
gboolean    ssv_channel_store_set_wished_finish         (SsvChannelStore   *self,
                                                         GAsyncResult      *result,
                                                         GError           **error);
void        ssv_channel_store_list_wished_videos_async  (SsvChannelStore   *self,
                                                         GCancellable      *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer           user_data);
void        ssv_channel_store_list_uploads_between_async (SsvChannelStore  *self,
                                                         gint64             from,
                                                         gint64             to,
                                                         GCancellable      *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer           user_data);
void        ssv_channel_store_set_wish_new_uploads_async (SsvChannelStore  *self,
                                                         const char        *channel_id,
                                                         gboolean           wish,
                                                         GCancellable      *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer           user_data);
gboolean    ssv_channel_store_set_wish_new_uploads_finish (SsvChannelStore *self,
                                                         GAsyncResult      *result,
                                                         GError           **error);
/* Finishes list_videos, list_newest_videos, list_channels, list_segments, list_wished_videos and
 * list_uploads_between. */
GPtrArray  *ssv_channel_store_list_finish               (SsvChannelStore   *self,
                                                         GAsyncResult      *result,
                                                         GError           **error);

/* The SQL of the lists, for query-plan tests. */
extern const char * const ssv_channel_store_videos_sql;
extern const char * const ssv_channel_store_followed_sql;
extern const char * const ssv_channel_store_uploads_sql;
extern const char * const ssv_channel_store_wished_sql;

G_END_DECLS
