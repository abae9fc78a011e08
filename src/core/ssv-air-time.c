/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-air-time.c: air dates and times from providers, turned into local moments. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ssv-air-time.h"

static gboolean
parse_date (const char *text,
            int        *year,
            int        *month,
            int        *day)
{
  GDate date;

  if (text == NULL || strlen (text) < 10 ||
      sscanf (text, "%4d-%2d-%2d", year, month, day) != 3)
    return FALSE;

  if (!g_date_valid_dmy (*day, *month, *year))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, *day, *month, *year);
  return g_date_valid (&date);
}

/**
 * ssv_air_time_parse_time:
 *
 * Reads "21:00", "21:00:00", "9:00 PM" or "9pm". "00:00" reads as no time:
 * providers write it when they do not know.
 *
 * Returns: %TRUE when @air_time names a time of day other than midnight
 */
gboolean
ssv_air_time_parse_time (const char *air_time,
                         int        *hour,
                         int        *minute)
{
  g_autofree char *lower = NULL;
  int h = 0, m = 0;
  const char *p;

  if (air_time == NULL)
    return FALSE;

  lower = g_ascii_strdown (air_time, -1);
  p = g_strstrip (lower);
  if (!g_ascii_isdigit (*p))
    return FALSE;

  while (g_ascii_isdigit (*p))
    h = h * 10 + (*p++ - '0');
  if (*p == ':' || *p == '.')
    {
      p++;
      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
        return FALSE;
      m = (p[0] - '0') * 10 + (p[1] - '0');
      p += 2;
      if (*p == ':')
        {
          p++;
          while (g_ascii_isdigit (*p))
            p++;
        }
    }

  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "pm") || g_str_has_prefix (p, "p.m."))
    {
      if (h < 1 || h > 12)
        return FALSE;
      h = h % 12 + 12;
    }
  else if (g_str_has_prefix (p, "am") || g_str_has_prefix (p, "a.m."))
    {
      if (h < 1 || h > 12)
        return FALSE;
      h = h % 12;
    }
  else if (*p != '\0')
    return FALSE;

  if (h > 23 || m > 59 || (h == 0 && m == 0))
    return FALSE;

  *hour = h;
  *minute = m;
  return TRUE;
}

/**
 * ssv_air_time_resolve:
 * @air_date: "YYYY-MM-DD", the day in the show's own time zone
 * @air_time: (nullable): the time of day there, see ssv_air_time_parse_time()
 * @air_time_zone: (nullable): its IANA zone ("America/New_York"); when missing
 *   or unknown the time is taken as local
 * @local_zone: the person's zone
 * @anytime: (out): set when there is no time of day ("Anytime")
 *
 * An episode with a time is placed at that moment, which can fall on another
 * local day than its air date. One without a time belongs to its air date and
 * is placed at local midnight that day.
 *
 * Returns: (transfer full) (nullable): the moment in @local_zone, or %NULL when
 *   @air_date is not a date
 */
GDateTime *
ssv_air_time_resolve (const char *air_date,
                      const char *air_time,
                      const char *air_time_zone,
                      GTimeZone  *local_zone,
                      gboolean   *anytime)
{
  g_autoptr(GTimeZone) zone = NULL;

  if (air_time_zone != NULL && air_time_zone[0] != '\0')
    zone = g_time_zone_new_identifier (air_time_zone);

  return ssv_air_time_resolve_in (air_date, air_time, zone, local_zone, anytime);
}

/**
 * ssv_air_time_resolve_in:
 * @zone: (nullable): the show's zone, already looked up; %NULL for local
 *
 * ssv_air_time_resolve() for callers that resolve many episodes: reading a
 * zone's rules from disk costs more than the rest together.
 */
GDateTime *
ssv_air_time_resolve_in (const char *air_date,
                         const char *air_time,
                         GTimeZone  *zone,
                         GTimeZone  *local_zone,
                         gboolean   *anytime)
{
  g_autoptr(GDateTime) there = NULL;
  int year, month, day, hour, minute;

  g_return_val_if_fail (local_zone != NULL, NULL);

  if (!parse_date (air_date, &year, &month, &day))
    return NULL;

  if (!ssv_air_time_parse_time (air_time, &hour, &minute))
    {
      *anytime = TRUE;
      return g_date_time_new (local_zone, year, month, day, 0, 0, 0);
    }

  *anytime = FALSE;
  if (zone == NULL)
    return g_date_time_new (local_zone, year, month, day, hour, minute, 0);

  there = g_date_time_new (zone, year, month, day, hour, minute, 0);
  return there ? g_date_time_to_timezone (there, local_zone) : NULL;
}

/* "YYYY-MM-DD" of @moment in its own zone. */
char *
ssv_air_time_format_day (GDateTime *moment)
{
  return g_date_time_format (moment, "%Y-%m-%d");
}
