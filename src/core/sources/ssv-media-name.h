/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-media-name.h: what a video file's path says it is (movie, or show/season/episode). */

#pragma once

#include <glib.h>

#include "sources/ssv-media-item.h"

G_BEGIN_DECLS

typedef struct
{
  SsvMediaKind  kind;            /* MOVIE or EPISODE */
  char         *title;           /* the movie's or the show's */
  int           year;            /* 0 = unknown */
  int           season;          /* episodes */
  int           episode;
  int           episode_end;     /* last episode of a multi-episode file, or 0 */
  char         *episode_title;
  char         *air_date;        /* daily shows: "2024-03-14" */
  guint         part;            /* "Part 2" of an episode or of a day's show, or 0 */
  char         *container;       /* the extension, lower case */
  char         *show_dir;        /* relative folder of the show, when it has one */
  gboolean      title_from_folder;  /* the title is a folder's name, not read from the file's */
} SsvMediaName;

gboolean  ssv_media_name_parse     (const char    *relative_path,
                                    SsvMediaName  *name);
void      ssv_media_name_clear     (SsvMediaName  *name);
gboolean  ssv_media_name_is_video  (const char    *filename);
gboolean  ssv_media_name_is_extra  (const char    *relative_path);
char     *ssv_media_name_key       (const char    *title,
                                    int            year);

G_END_DECLS
