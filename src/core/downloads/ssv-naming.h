/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-naming.h: Sonarr-style naming templates ({Title} ({Year})/…) expanded to safe relative paths. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SSV_NAMING_DEFAULT_MOVIE   "{Title} ({Year})/{Title} ({Year}) - {Quality}.{ext}"
#define SSV_NAMING_DEFAULT_EPISODE \
  "{Show}/Season {season:00}/{Show} - S{season:00}E{episode:00} - {Episode Title}.{ext}"

/* What the tokens stand for. NULL text and numbers below 0 (0 for the year) are
 * unknown: their token expands to nothing and the separators around it go too. */
typedef struct
{
  const char *title;          /* {Title}, {Movie Title} */
  int         year;           /* {Year}, {Release Year} */
  const char *quality;        /* {Quality}, {Quality Full}, {Quality Title} */
  const char *show;           /* {Show}, {Series Title} */
  int         season;         /* {season}, {season:00} */
  int         episode;        /* {episode}, {episode:00} */
  const char *episode_title;  /* {Episode Title} */
  const char *air_date;       /* {Air Date} */
  const char *release_group;  /* {Release Group} */
  const char *ext;            /* {ext}: without the dot */
} SsvNamingValues;

/* Longest name of one path component, in bytes (ext4, btrfs, NTFS in UTF-16 allow more). */
#define SSV_NAMING_MAX_COMPONENT 240

char     *ssv_naming_expand       (const char            *template_,
                                   const SsvNamingValues *values);
char     *ssv_naming_sanitize     (const char            *component);
gboolean  ssv_naming_is_safe_path (const char            *relative);
gboolean  ssv_naming_check        (const char            *template_,
                                   gboolean               episode,
                                   GError               **error);
char     *ssv_naming_preview      (const char            *template_,
                                   gboolean               episode,
                                   const char            *quality,
                                   GError               **error);

G_END_DECLS
