/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-youtube-text.c: the numbers YouTube writes as words. We ask for English
 * (hl=en), so "1,234" groups thousands and "2.6M" has a decimal point. */

#include "config.h"

#include <string.h>

#include "providers/ssv-youtube-text.h"

#define MAX_COUNT G_GINT64_CONSTANT (1000000000000000)

static const char *
skip_spaces (const char *p)
{
  /* U+00A0 and U+202F (no-break spaces) come in some labels. */
  for (;;)
    {
      if (*p == ' ' || *p == '\t')
        p++;
      else if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
        p += 2;
      else if ((guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0xAF)
        p += 3;
      else
        return p;
    }
}

static gboolean
word_is (const char *p,
         const char *word,
         const char **end)
{
  gsize len = strlen (word);

  if (g_ascii_strncasecmp (p, word, len) != 0 || g_ascii_isalpha (p[len]))
    return FALSE;

  if (end != NULL)
    *end = p + len;
  return TRUE;
}

gboolean
ssv_yt_parse_duration (const char *text,
                       gint64     *seconds)
{
  gint64 parts[3];
  guint n = 0;
  const char *p;

  if (text == NULL)
    return FALSE;

  p = skip_spaces (text);
  for (;;)
    {
      gint64 value = 0;
      guint digits = 0;

      while (g_ascii_isdigit (*p) && digits < 9)
        {
          value = value * 10 + (*p - '0');
          p++;
          digits++;
        }
      if (digits == 0 || n == G_N_ELEMENTS (parts))
        return FALSE;
      /* Minutes and seconds after the first part are two digits, under 60. */
      if (n > 0 && (digits != 2 || value > 59))
        return FALSE;
      parts[n++] = value;

      if (*p != ':')
        break;
      p++;
    }

  if (*skip_spaces (p) != '\0' || n < 2)
    return FALSE;

  *seconds = 0;
  for (guint i = 0; i < n; i++)
    *seconds = *seconds * 60 + parts[i];
  return TRUE;
}

/* Reads "1,234.5" into a number of thousandths; *end after it. */
static gboolean
read_number (const char  *p,
             gint64      *milli,
             const char **end)
{
  gint64 whole = 0;
  gint64 fraction = 0;
  guint fraction_digits = 0;
  gboolean any = FALSE;

  while (g_ascii_isdigit (*p) || (*p == ',' && any && g_ascii_isdigit (p[1])))
    {
      if (*p != ',')
        {
          whole = whole * 10 + (*p - '0');
          any = TRUE;
          if (whole > MAX_COUNT)
            return FALSE;
        }
      p++;
    }

  if (!any)
    return FALSE;

  if (*p == '.' && g_ascii_isdigit (p[1]))
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          if (fraction_digits < 3)
            {
              fraction = fraction * 10 + (*p - '0');
              fraction_digits++;
            }
          p++;
        }
    }

  while (fraction_digits < 3)
    {
      fraction *= 10;
      fraction_digits++;
    }

  *milli = whole * 1000 + fraction;
  *end = p;
  return TRUE;
}

static gboolean
parse_count_end (const char  *text,
                 gint64      *count,
                 const char **rest)
{
  static const struct { const char *word; gint64 factor; } words[] = {
    { "thousand", 1000 }, { "million", 1000000 }, { "billion", 1000000000 },
  };
  const char *p;
  const char *after;
  gint64 milli;
  gint64 factor = 1;

  if (text == NULL)
    return FALSE;

  p = skip_spaces (text);
  if (word_is (p, "no", &after))
    {
      *count = 0;
      *rest = skip_spaces (after);
      return TRUE;
    }

  if (!read_number (p, &milli, &p))
    return FALSE;

  /* A suffix letter sticks to the number: "2.6M", "25m", "8.84k". */
  if (strchr ("kKmMbB", *p) != NULL && *p != '\0' && !g_ascii_isalpha (p[1]))
    {
      factor = g_ascii_tolower (*p) == 'k' ? 1000 : g_ascii_tolower (*p) == 'm' ? 1000000 : 1000000000;
      p++;
    }
  else
    {
      const char *word = skip_spaces (p);

      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        if (word_is (word, words[i].word, &after))
          {
            factor = words[i].factor;
            p = after;
            break;
          }
    }

  /* Glued to a letter ("12abc") is no count. */
  if (g_ascii_isalpha (*p))
    return FALSE;

  if (milli / 1000 > MAX_COUNT / factor)
    return FALSE;

  /* Rounded to the nearest whole: 2.6M is 2,600,000. */
  *count = (milli * factor + 500) / 1000;
  *rest = skip_spaces (p);
  return TRUE;
}

gboolean
ssv_yt_parse_count (const char *text,
                    gint64     *count)
{
  const char *rest;

  return parse_count_end (text, count, &rest);
}

gboolean
ssv_yt_parse_views (const char *text,
                    gint64     *views)
{
  const char *rest;
  gint64 count;

  if (!parse_count_end (text, &count, &rest))
    return FALSE;

  if (!word_is (rest, "views", NULL) && !word_is (rest, "view", NULL))
    return FALSE;

  *views = count;
  return TRUE;
}

static gint64
shift_back (gint64 now,
            gint64 n,
            gint64 unit)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) then = NULL;

  if (at == NULL)
    return now - n * unit;

  /* Calendar months and years: "3 months ago" on 21 May is 21 February. */
  if (unit == SSV_YT_UNIT_MONTH)
    then = g_date_time_add_months (at, (int) -n);
  else if (unit == SSV_YT_UNIT_YEAR)
    then = g_date_time_add_years (at, (int) -n);

  return then != NULL ? g_date_time_to_unix (then) : now - n * unit;
}

gboolean
ssv_yt_parse_relative_date (const char *text,
                            gint64      now,
                            gint64     *when,
                            gint64     *unit)
{
  static const char * const prefixes[] = { "streamed", "premiered", "updated" };
  static const struct { const char *word; gint64 seconds; } units[] = {
    { "seconds", 1 }, { "second", 1 },
    { "minutes", SSV_YT_UNIT_MINUTE }, { "minute", SSV_YT_UNIT_MINUTE },
    { "hours", SSV_YT_UNIT_HOUR }, { "hour", SSV_YT_UNIT_HOUR },
    { "days", SSV_YT_UNIT_DAY }, { "day", SSV_YT_UNIT_DAY },
    { "weeks", SSV_YT_UNIT_WEEK }, { "week", SSV_YT_UNIT_WEEK },
    { "months", SSV_YT_UNIT_MONTH }, { "month", SSV_YT_UNIT_MONTH },
    { "years", SSV_YT_UNIT_YEAR }, { "year", SSV_YT_UNIT_YEAR },
  };
  const char *p;
  const char *after;
  gint64 n = 0;
  guint digits = 0;

  if (text == NULL)
    return FALSE;

  p = skip_spaces (text);
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (word_is (p, prefixes[i], &after))
      {
        p = skip_spaces (after);
        break;
      }

  while (g_ascii_isdigit (*p) && digits < 6)
    {
      n = n * 10 + (*p - '0');
      p++;
      digits++;
    }
  if (digits == 0 || g_ascii_isdigit (*p))
    return FALSE;

  p = skip_spaces (p);
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (word_is (p, units[i].word, &after))
      {
        const char *tail = skip_spaces (after);

        if (!word_is (tail, "ago", &after) || *skip_spaces (after) != '\0')
          return FALSE;
        /* No channel is older than YouTube; a bigger number is no date. */
        if (n * units[i].seconds > 40 * (gint64) SSV_YT_UNIT_YEAR)
          return FALSE;

        *unit = units[i].seconds;
        *when = shift_back (now, n, units[i].seconds);
        return TRUE;
      }

  return FALSE;
}

gboolean
ssv_yt_parse_iso_date (const char *text,
                       gint64     *when)
{
  g_autoptr(GDateTime) moment = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (text == NULL || text[0] == '\0')
    return FALSE;

  moment = g_date_time_new_from_iso8601 (text, utc);
  if (moment == NULL)
    return FALSE;

  *when = g_date_time_to_unix (moment);
  return TRUE;
}

gboolean
ssv_yt_text_is_upcoming (const char *text)
{
  const char *p;

  if (text == NULL)
    return FALSE;

  p = skip_spaces (text);
  return word_is (p, "premieres", NULL) || word_is (p, "upcoming", NULL) ||
         word_is (p, "scheduled", NULL) || word_is (p, "waiting", NULL);
}
