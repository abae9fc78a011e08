/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel.c: a YouTube channel. */

#include "config.h"

#include "model/ssv-channel.h"
#include "model/ssv-model-props.h"
#include "model/ssv-youtube-model-private.h"

G_DEFINE_FINAL_TYPE (SsvChannel, ssv_channel, G_TYPE_OBJECT)

static const SsvModelProp props[] = {
  { "id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvChannel, id) },
  { "channel-id", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvChannel, channel_id) },
  { "handle", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvChannel, handle) },
  { "title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvChannel, title) },
  { "description", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvChannel, description) },
  { "avatar-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvChannel, avatar_url) },
  { "banner-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvChannel, banner_url) },
  { "subscribers", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvChannel, subscribers) },
  { "video-count", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvChannel, video_count) },
  { "followed", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvChannel, followed) },
  { "followed-at", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvChannel, followed_at) },
  { "wish-new-uploads", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvChannel, wish_new_uploads) },
  { "refreshed-at", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvChannel, refreshed_at) },
  { "enriched-by", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvChannel, enriched_by) },
  { "complete", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvChannel, complete) },
  { "error-kind", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvChannel, error_kind) },
  { "last-error", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvChannel, last_error) },
  { "cached-videos", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvChannel, cached_videos) },
  { "new-count", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvChannel, new_count) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props) + 1];

SSV_MODEL_DEFINE_PROPERTY_FUNCS (SsvChannel, ssv_channel, props, pspecs)

static void
ssv_channel_class_init (SsvChannelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_channel_finalize;
  object_class->get_property = ssv_channel_get_property;
  object_class->set_property = ssv_channel_set_property;

  ssv_model_install_props (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
ssv_channel_init (SsvChannel *self)
{
  self->subscribers = -1;
  self->video_count = -1;
}

SsvChannel *
ssv_channel_new (void)
{
  return g_object_new (SSV_TYPE_CHANNEL, NULL);
}

gint64
ssv_channel_get_id (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), 0);

  return self->id;
}

const char *
ssv_channel_get_channel_id (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), NULL);

  return self->channel_id;
}

const char *
ssv_channel_get_handle (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), NULL);

  return self->handle;
}

const char *
ssv_channel_get_title (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), NULL);

  return self->title;
}

const char *
ssv_channel_get_description (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), NULL);

  return self->description;
}

const char *
ssv_channel_get_avatar_url (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), NULL);

  return self->avatar_url;
}

const char *
ssv_channel_get_banner_url (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), NULL);

  return self->banner_url;
}

gint64
ssv_channel_get_subscribers (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), 0);

  return self->subscribers;
}

gint64
ssv_channel_get_video_count (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), 0);

  return self->video_count;
}

gboolean
ssv_channel_get_followed (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), FALSE);

  return self->followed;
}

gint64
ssv_channel_get_followed_at (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), 0);

  return self->followed_at;
}

gboolean
ssv_channel_get_wish_new_uploads (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), FALSE);

  return self->wish_new_uploads;
}

gint64
ssv_channel_get_refreshed_at (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), 0);

  return self->refreshed_at;
}

const char *
ssv_channel_get_enriched_by (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), NULL);

  return self->enriched_by;
}

gboolean
ssv_channel_get_complete (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), FALSE);

  return self->complete;
}

const char *
ssv_channel_get_error_kind (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), NULL);

  return self->error_kind;
}

const char *
ssv_channel_get_last_error (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), NULL);

  return self->last_error;
}

int
ssv_channel_get_cached_videos (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), 0);

  return self->cached_videos;
}

int
ssv_channel_get_new_count (SsvChannel *self)
{
  g_return_val_if_fail (SSV_IS_CHANNEL (self), 0);

  return self->new_count;
}
