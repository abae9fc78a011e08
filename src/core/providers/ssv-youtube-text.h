/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-youtube-text.h: the numbers YouTube writes as words: durations, counts, "3 months ago". */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Units of an approximate date, in seconds (a month and a year are averages). */
#define SSV_YT_UNIT_MINUTE  60
#define SSV_YT_UNIT_HOUR    3600
#define SSV_YT_UNIT_DAY     86400
#define SSV_YT_UNIT_WEEK    604800
#define SSV_YT_UNIT_MONTH   2629746
#define SSV_YT_UNIT_YEAR    31556952

/* "12:34" → 754, "1:02:03" → 3723. FALSE for anything else ("LIVE", "SHORTS"). */
gboolean  ssv_yt_parse_duration       (const char  *text,
                                       gint64      *seconds);

/* "1,234", "2.6M", "25m subscribers", "8.84k", "1.5 million views", "No views" → a
 * number; the words after it are not checked. FALSE when there is no number. */
gboolean  ssv_yt_parse_count          (const char  *text,
                                       gint64      *count);

/* Like ssv_yt_parse_count(), but only for a view count ("… views", "1 view",
 * "No views"): "15 watching" and "3 months ago" are not. */
gboolean  ssv_yt_parse_views          (const char  *text,
                                       gint64      *views);

/* "3 months ago", "Streamed 2 years ago", "1 day ago" at @now → an approximate
 * moment and the unit it was given in. FALSE for anything else. */
gboolean  ssv_yt_parse_relative_date  (const char  *text,
                                       gint64       now,
                                       gint64      *when,
                                       gint64      *unit);

/* An ISO 8601 moment with a zone ("2026-01-22T15:01:42+00:00") → unix seconds. */
gboolean  ssv_yt_parse_iso_date       (const char  *text,
                                       gint64      *when);

/* Whether a label says the video has not started: "Premieres 5/30/26", "Upcoming",
 * "Scheduled for …". */
gboolean  ssv_yt_text_is_upcoming     (const char  *text);

G_END_DECLS
