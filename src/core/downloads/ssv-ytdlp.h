/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-ytdlp.h: what yt-dlp is told and what it says: arguments, progress lines, where a video goes. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The progress template: one line per update, easy to read back. */
#define SSV_YTDLP_PROGRESS_PREFIX "SSVPROGRESS"

typedef struct
{
  const char  *url;            /* the video's watch address */
  const char  *video_id;       /* names the file in the staging folder */
  const char  *staging_dir;
  int          max_height;     /* 0 = the best there is */
  const char  *codec;          /* "any", "av1", "vp9", "h264" */
  gboolean     sponsorblock_chapters;
  const char  *sponsorblock_api;  /* or NULL for yt-dlp's own default */
} SsvYtdlpJob;

/* Pure: the arguments after the program's path (NULL-terminated). */
GStrv     ssv_ytdlp_build_args       (const SsvYtdlpJob  *job);

/* Pure: a progress line → the fraction done (0–1), or FALSE when the line is
 * no progress line or knows no total yet. */
gboolean  ssv_ytdlp_parse_progress   (const char         *line,
                                      double             *fraction);

/* Pure: one path component made safe: no separators, no characters Windows
 * shares refuse, no control characters, not "." or "..", at most 200 bytes. */
char     *ssv_ytdlp_safe_component   (const char         *text);

/* Pure: where a finished video goes under @root:
 * "{Channel}/Season {Year}/{Channel} - s{Year}e{MMDD} - {Title}.{ext}", the
 * date of its upload (local), or of @fallback when it has none. NULL (with
 * @error) when the result would not lie under @root. */
GFile    *ssv_ytdlp_target_file      (GFile              *root,
                                      const char         *channel,
                                      const char         *title,
                                      gint64              published,
                                      gint64              fallback,
                                      const char         *extension,
                                      GError            **error);

/* yt-dlp on PATH, else in the app's own prefix; NULL when neither has it. */
char     *ssv_ytdlp_find_program     (void);

G_END_DECLS
