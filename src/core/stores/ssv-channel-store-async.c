/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-store-async.c: the channel store's _async/_finish pairs, which run its plain
 * functions in a GTask thread for the UI. */

#include "config.h"

#include "stores/ssv-channel-store.h"
#include "stores/ssv-store.h"

/* ---- async wrappers for the UI ------------------------------------------------ */

typedef struct
{
  char           *channel_id;   /* or a video id */
  SsvVideoFilter  filter;
  int             limit;        /* list_videos: -1 for all */
  gboolean        followed_only;
  gboolean        wished;       /* set_wished; set_wish_new_uploads */
  gint64          from;         /* list_uploads_between */
  gint64          to;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->channel_id);
  g_free (request);
}

static gpointer
get_channel_func (SsvStore      *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  Request *request = data;

  return ssv_channel_store_get_channel (SSV_CHANNEL_STORE (store), request->channel_id, error);
}

void
ssv_channel_store_get_channel_async (SsvChannelStore     *self,
                                     const char          *channel_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->channel_id = g_strdup (channel_id);
  ssv_store_run_async (SSV_STORE (self), ssv_channel_store_get_channel_async, get_channel_func,
                       request, request_free, g_object_unref, cancellable, callback, user_data);
}

SsvChannel *
ssv_channel_store_get_channel_finish (SsvChannelStore  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error);
}

static gpointer
list_videos_func (SsvStore      *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  Request *request = data;

  if (request->limit >= 0)
    return ssv_channel_store_list_newest_videos (SSV_CHANNEL_STORE (store), request->channel_id,
                                                 (guint) request->limit, error);
  return ssv_channel_store_list_videos (SSV_CHANNEL_STORE (store), request->channel_id, request->filter, error);
}

void
ssv_channel_store_list_videos_async (SsvChannelStore     *self,
                                     const char          *channel_id,
                                     SsvVideoFilter       filter,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->channel_id = g_strdup (channel_id);
  request->filter = filter;
  request->limit = -1;
  ssv_store_run_async (SSV_STORE (self), ssv_channel_store_list_videos_async, list_videos_func,
                       request, request_free, (GDestroyNotify) g_ptr_array_unref,
                       cancellable, callback, user_data);
}

void
ssv_channel_store_list_newest_videos_async (SsvChannelStore     *self,
                                            const char          *channel_id,
                                            guint                limit,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->channel_id = g_strdup (channel_id);
  request->filter = SSV_VIDEOS_ALL;
  request->limit = (int) MIN (limit, (guint) G_MAXINT);
  ssv_store_run_async (SSV_STORE (self), ssv_channel_store_list_newest_videos_async, list_videos_func,
                       request, request_free, (GDestroyNotify) g_ptr_array_unref,
                       cancellable, callback, user_data);
}

static gpointer
list_channels_func (SsvStore      *store,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  Request *request = data;

  return ssv_channel_store_list_channels (SSV_CHANNEL_STORE (store), request->followed_only, error);
}

void
ssv_channel_store_list_channels_async (SsvChannelStore     *self,
                                       gboolean             followed_only,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->followed_only = followed_only;
  ssv_store_run_async (SSV_STORE (self), ssv_channel_store_list_channels_async, list_channels_func,
                       request, request_free, (GDestroyNotify) g_ptr_array_unref,
                       cancellable, callback, user_data);
}

static gpointer
list_segments_func (SsvStore      *store,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  Request *request = data;

  return ssv_channel_store_list_segments (SSV_CHANNEL_STORE (store), request->channel_id, error);
}

/* A video's SponsorBlock segments (SsvSegment), finished by list_finish. */
void
ssv_channel_store_list_segments_async (SsvChannelStore     *self,
                                       const char          *video_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->channel_id = g_strdup (video_id);
  ssv_store_run_async (SSV_STORE (self), ssv_channel_store_list_segments_async, list_segments_func,
                       request, request_free, (GDestroyNotify) g_ptr_array_unref,
                       cancellable, callback, user_data);
}

static gpointer
set_wished_func (SsvStore      *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  Request *request = data;

  if (!ssv_channel_store_set_wished (SSV_CHANNEL_STORE (store), request->channel_id, request->wished, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

void
ssv_channel_store_set_wished_async (SsvChannelStore     *self,
                                    const char          *video_id,
                                    gboolean             wished,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->channel_id = g_strdup (video_id);
  request->wished = wished;
  ssv_store_run_async (SSV_STORE (self), ssv_channel_store_set_wished_async, set_wished_func,
                       request, request_free, NULL, cancellable, callback, user_data);
}

gboolean
ssv_channel_store_set_wished_finish (SsvChannelStore  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error) != NULL;
}

/* Returns: (transfer full): the list of a list_videos, list_channels or list_segments call */
GPtrArray *
ssv_channel_store_list_finish (SsvChannelStore  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error);
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

  if (!ssv_channel_store_set_wish_new_uploads (SSV_CHANNEL_STORE (store), request->channel_id, request->wished, error))
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
  request->wished = wish;
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
