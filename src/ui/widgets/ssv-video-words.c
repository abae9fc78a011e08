/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-video-words.c: a video's numbers in words, shared by the video card and the video dialog. */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/ssv-video-words.h"

/* "12:34", "1:02:03"; NULL when unknown. */
char *
ssv_video_words_duration (gint64 duration_s)
{
  if (duration_s < 0)
    return NULL;

  return ssv_video_words_clock ((double) duration_s);
}

/* A position in a video: "0:42", "12:34", "1:02:03". */
char *
ssv_video_words_clock (double seconds)
{
  gint64 s = (gint64) MAX (seconds, 0);

  if (s >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", s / 3600, (int) (s / 60 % 60), (int) (s % 60));
  return g_strdup_printf ("%d:%02d", (int) (s / 60), (int) (s % 60));
}

/* "2.6M", "12k", "1,234"-like short counts. */
char *
ssv_video_words_count (gint64 count)
{
  if (count >= 1000000000)
    return g_strdup_printf ("%.1fB", count / 1e9);
  if (count >= 1000000)
    return g_strdup_printf ("%.1fM", count / 1e6);
  if (count >= 10000)
    return g_strdup_printf ("%.0fk", count / 1e3);
  if (count >= 1000)
    return g_strdup_printf ("%.1fk", count / 1e3);
  return g_strdup_printf ("%" G_GINT64_FORMAT, MAX (count, 0));
}

/* "2.6M views", "No views"; NULL when unknown. */
char *
ssv_video_words_views (gint64 views)
{
  g_autofree char *count = NULL;

  if (views < 0)
    return NULL;
  if (views == 0)
    return g_strdup (_("No views"));

  count = ssv_video_words_count (views);
  /* Translators: "2.6M views" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s view", "%s views", (gulong) MIN (views, G_MAXINT)), count);
}

/* "3 Mar 2024"; an approximate date only to the month, marked: "about Mar 2024". */
char *
ssv_video_words_date (gint64   published,
                      gboolean exact)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *month = NULL;

  if (published <= 0)
    return g_strdup (_("Date unknown"));

  when = g_date_time_new_from_unix_local (published);
  if (when == NULL)
    return g_strdup (_("Date unknown"));
  if (exact)
    /* Translators: an upload date in g_date_time_format() notation, "3 Mar 2024" */
    return g_date_time_format (when, _("%-d %b %Y"));

  /* Translators: a month in g_date_time_format() notation, "Mar 2024" */
  month = g_date_time_format (when, _("%b %Y"));
  /* Translators: an upload date read from "3 months ago", so only roughly known */
  return g_strdup_printf (_("about %s"), month);
}

/* "2.6M views · 3 Mar 2024": what a card says under its title. */
char *
ssv_video_words_meta (gint64   views,
                      gint64   published,
                      gboolean exact)
{
  g_autofree char *seen = ssv_video_words_views (views);
  g_autofree char *date = ssv_video_words_date (published, exact);

  if (seen == NULL)
    return g_steal_pointer (&date);
  return g_strdup_printf ("%s · %s", seen, date);
}
