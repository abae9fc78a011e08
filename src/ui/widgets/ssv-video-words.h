/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-video-words.h: how a video's numbers read: duration, views, date (approximate ones marked), counts. */

#pragma once

#include "model/ssv-video.h"

G_BEGIN_DECLS

char *ssv_video_words_duration (gint64    duration_s);
char *ssv_video_words_views    (gint64    views);
char *ssv_video_words_count    (gint64    count);
char *ssv_video_words_date     (gint64    published,
                                gboolean  exact);
char *ssv_video_words_meta     (gint64    views,
                                gint64    published,
                                gboolean  exact);
char *ssv_video_words_clock    (double    seconds);

G_END_DECLS
