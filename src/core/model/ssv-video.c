/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-video.c: one video of a YouTube channel. */

#include "config.h"

#include "model/ssv-video.h"
#include "model/ssv-model-props.h"
#include "model/ssv-youtube-model-private.h"

G_DEFINE_FINAL_TYPE (SsvVideo, ssv_video, G_TYPE_OBJECT)

static const SsvModelProp props[] = {
  { "id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvVideo, id) },
  { "video-id", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvVideo, video_id) },
  { "channel-id", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvVideo, channel_id) },
  { "channel-title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvVideo, channel_title) },
  { "title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvVideo, title) },
  { "dearrow-title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvVideo, dearrow_title) },
  { "thumbnail-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvVideo, thumbnail_url) },
  { "duration-s", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvVideo, duration_s) },
  { "views", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvVideo, views) },
  { "published", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvVideo, published) },
  { "date-exact", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvVideo, date_exact) },
  { "year", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvVideo, year) },
  { "is-short", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvVideo, is_short) },
  { "upcoming", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvVideo, upcoming) },
  { "likes", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvVideo, likes) },
  { "dislikes", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvVideo, dislikes) },
  { "wished", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvVideo, wished) },
  { "downloaded-path", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvVideo, downloaded_path) },
  { "download-state", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvVideo, download_state) },
  { "download-error", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvVideo, download_error) },
  { "download-attempts", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvVideo, download_attempts) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props) + 1];

SSV_MODEL_DEFINE_PROPERTY_FUNCS (SsvVideo, ssv_video, props, pspecs)

static void
ssv_video_class_init (SsvVideoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_video_finalize;
  object_class->get_property = ssv_video_get_property;
  object_class->set_property = ssv_video_set_property;

  ssv_model_install_props (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
ssv_video_init (SsvVideo *self)
{
  self->duration_s = -1;
  self->views = -1;
  self->likes = -1;
  self->dislikes = -1;
}

SsvVideo *
ssv_video_new (void)
{
  return g_object_new (SSV_TYPE_VIDEO, NULL);
}

gint64
ssv_video_get_id (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), 0);

  return self->id;
}

const char *
ssv_video_get_video_id (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), NULL);

  return self->video_id;
}

const char *
ssv_video_get_channel_id (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), NULL);

  return self->channel_id;
}

const char *
ssv_video_get_channel_title (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), NULL);

  return self->channel_title;
}

const char *
ssv_video_get_title (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), NULL);

  return self->title;
}

const char *
ssv_video_get_dearrow_title (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), NULL);

  return self->dearrow_title;
}

const char *
ssv_video_get_thumbnail_url (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), NULL);

  return self->thumbnail_url;
}

gint64
ssv_video_get_views (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), 0);

  return self->views;
}

gint64
ssv_video_get_published (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), 0);

  return self->published;
}

gboolean
ssv_video_get_date_exact (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), FALSE);

  return self->date_exact;
}

int
ssv_video_get_year (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), 0);

  return self->year;
}

gboolean
ssv_video_get_is_short (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), FALSE);

  return self->is_short;
}

gboolean
ssv_video_get_upcoming (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), FALSE);

  return self->upcoming;
}

gint64
ssv_video_get_likes (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), 0);

  return self->likes;
}

gint64
ssv_video_get_dislikes (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), 0);

  return self->dislikes;
}

gboolean
ssv_video_get_wished (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), FALSE);

  return self->wished;
}

const char *
ssv_video_get_downloaded_path (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), NULL);

  return self->downloaded_path;
}

/* Returns: (nullable): "queued", "running", "done" or "failed" where the video
 * was read with its download (the wishlist's Videos), else %NULL */
const char *
ssv_video_get_download_state (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), NULL);

  return self->download_state;
}

/* Returns: (nullable): why the last download try failed */
const char *
ssv_video_get_download_error (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), NULL);

  return self->download_error;
}

int
ssv_video_get_download_attempts (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), 0);

  return self->download_attempts;
}

/* The DeArrow title when asked for and known, else the original. */
const char *
ssv_video_get_display_title (SsvVideo *self,
                             gboolean  prefer_dearrow)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), NULL);

  if (prefer_dearrow && self->dearrow_title != NULL && self->dearrow_title[0] != '\0')
    return self->dearrow_title;
  return self->title;
}

gint64
ssv_video_get_duration (SsvVideo *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO (self), -1);

  return self->duration_s;
}

/* Returns: (nullable): the upload's day in the local zone, "2026-01-22", or NULL when unknown */
char *
ssv_video_dup_date (SsvVideo *self)
{
  g_autoptr(GDateTime) when = NULL;

  g_return_val_if_fail (SSV_IS_VIDEO (self), NULL);

  if (self->published == 0)
    return NULL;

  when = g_date_time_new_from_unix_local (self->published);
  return when ? g_date_time_format (when, "%Y-%m-%d") : NULL;
}
