/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-youtube-types.h: what the YouTube readers find, as plain data. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A video as one answer describes it. Unknown numbers are -1; an unknown date
 * has published == 0 (no channel uploads in 1970). */
typedef struct
{
  char      *video_id;       /* 11 characters */
  char      *title;
  char      *thumbnail_url;
  gint64     duration_s;
  gint64     views;
  gint64     published;      /* unix seconds */
  gboolean   date_exact;     /* FALSE: read from "3 months ago" */
  gint64     date_unit;      /* an approximate date's unit in seconds (a month, a day…) */
  gboolean   is_short;
  gboolean   upcoming;       /* a premiere or a live stream that has not started */
} SsvYtVideo;

/* A channel's header and metadata. Unknown numbers are -1. */
typedef struct
{
  char    *channel_id;       /* UC… */
  char    *handle;           /* "@name" */
  char    *title;
  char    *description;
  char    *avatar_url;
  char    *banner_url;
  gint64   subscribers;
  gint64   video_count;
} SsvYtChannelMeta;

/* One page of a channel's catalog (InnerTube browse, or a proxy's list). */
typedef struct
{
  SsvYtChannelMeta *channel;       /* the first page's header, or NULL */
  GPtrArray        *videos;        /* SsvYtVideo* (never Shorts) */
  GPtrArray        *shorts;        /* SsvYtVideo*, is_short set */
  char             *continuation;  /* the next page's token, or NULL at the end */
} SsvYtPage;

/* A channel's RSS feed: its newest uploads with exact dates. */
typedef struct
{
  char       *channel_id;
  char       *title;
  GPtrArray  *entries;             /* SsvYtVideo*, date_exact set */
} SsvYtFeed;

/* A SponsorBlock segment of a video. */
typedef struct
{
  char    *category;          /* "sponsor", "intro", … */
  char    *action;            /* "skip", "mute", … */
  double   start_s;
  double   end_s;
  char    *uuid;
  gint64   votes;
  gboolean locked;
} SsvSegment;

SsvYtVideo       *ssv_yt_video_new            (void);
SsvYtVideo       *ssv_yt_video_copy           (const SsvYtVideo       *video);
void              ssv_yt_video_free           (SsvYtVideo             *video);
SsvYtChannelMeta *ssv_yt_channel_meta_new     (void);
void              ssv_yt_channel_meta_free    (SsvYtChannelMeta       *meta);
SsvYtPage        *ssv_yt_page_new             (void);
void              ssv_yt_page_free            (SsvYtPage              *page);
SsvYtFeed        *ssv_yt_feed_new             (void);
void              ssv_yt_feed_free            (SsvYtFeed              *feed);

SsvSegment       *ssv_segment_new             (void);
void              ssv_segment_free            (SsvSegment             *segment);

gboolean          ssv_yt_is_video_id          (const char             *text);
gboolean          ssv_yt_is_channel_id        (const char             *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvYtVideo, ssv_yt_video_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvYtChannelMeta, ssv_yt_channel_meta_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvYtPage, ssv_yt_page_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvYtFeed, ssv_yt_feed_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvSegment, ssv_segment_free)

G_END_DECLS
