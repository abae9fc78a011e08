/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-youtube-model-private.h: the fields of SsvChannel and SsvVideo, for the store that fills them. */

#pragma once

#include <glib-object.h>

/* The types only: a file that calls their API includes their own headers. */
#include "ssv-types.h"

G_BEGIN_DECLS

struct _SsvChannel
{
  GObject parent_instance;

  gint64    id;                 /* the yt_channels row */
  char     *channel_id;         /* UC… */
  char     *handle;             /* "@name" */
  char     *title;
  char     *description;
  char     *avatar_url;
  char     *banner_url;
  gint64    subscribers;        /* -1 if unknown */
  gint64    video_count;        /* -1 if unknown */
  gboolean  followed;
  gint64    followed_at;        /* unix seconds, 0 if not followed */
  gboolean  wish_new_uploads;
  gint64    refreshed_at;       /* 0 = never */
  char     *enriched_by;        /* "innertube", "rss", "proxy" or NULL */
  gboolean  complete;
  char     *error_kind;         /* "changed", "not-found", … or NULL */
  char     *last_error;
  int       cached_videos;      /* videos saved (Shorts too) */
  int       new_count;          /* uploads since the follow or the last visit */
};

struct _SsvVideo
{
  GObject parent_instance;

  gint64    id;                 /* the yt_videos row */
  char     *video_id;
  char     *channel_id;         /* UC… */
  char     *channel_title;
  char     *title;
  char     *dearrow_title;
  char     *thumbnail_url;
  gint64    duration_s;         /* -1 if unknown */
  gint64    views;              /* -1 if unknown */
  gint64    published;          /* unix seconds, 0 if unknown */
  gboolean  date_exact;
  int       year;               /* the year season, 0 = "Earlier videos" */
  gboolean  is_short;
  gboolean  upcoming;
  gint64    likes;              /* -1 if unknown */
  gint64    dislikes;           /* -1 if unknown */
  gboolean  wished;
  char     *downloaded_path;
  char     *download_state;     /* "queued", "running", "done", "failed" or NULL */
  char     *download_error;     /* why the last try failed, or NULL */
  int       download_attempts;
};

G_END_DECLS
