/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-youtube-settings.h: the YouTube preferences (GSettings), read where core needs them. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gboolean   sponsorblock;            /* segments from SponsorBlock (on) */
  gboolean   dearrow;                 /* crowd titles from DeArrow (on) */
  gboolean   ryd;                     /* Return YouTube Dislike (off: privacy) */
  gboolean   sponsorblock_chapters;   /* downloads get SponsorBlock chapters (off) */
  char     **proxies;                 /* Piped/Invidious instances, in order (none) */
  int        max_height;              /* downloads: the tallest video, 0 = any (1080) */
  char      *codec;                   /* downloads: "any", "av1", "vp9", "h264" */
  char      *download_dir;            /* downloads: the root folder; NULL = Videos/YouTube */
} SsvYoutubeSettings;

/* Reads the app's settings when its schema is installed (the app, the tests
 * of the app); else the defaults, as for a CLI built without the GUI. */
SsvYoutubeSettings *ssv_youtube_settings_load     (void);
SsvYoutubeSettings *ssv_youtube_settings_defaults (void);
void                ssv_youtube_settings_free     (SsvYoutubeSettings *settings);
char               *ssv_youtube_settings_dup_download_dir (const SsvYoutubeSettings *settings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvYoutubeSettings, ssv_youtube_settings_free)

G_END_DECLS
