/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-ical.c: writes airing episodes and followed channels' uploads as iCalendar (RFC 5545):
 * UTC times (all-day dates for Anytime), stable UIDs, escaped text, CRLF lines folded at
 * 75 octets. */

#include "config.h"

#include <string.h>

#include "model/ssv-calendar-entry.h"
#include "model/ssv-video.h"
#include "ssv-ical.h"

#define MAX_OCTETS 75
#define DEFAULT_RUNTIME_MIN 30
#define DEFAULT_VIDEO_S     (10 * 60)

/* TEXT values escape backslash, semicolon, comma and line breaks (3.3.11). */
char *
ssv_ical_escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case ';': g_string_append (out, "\\;"); break;
        case ',': g_string_append (out, "\\,"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': break;
        default:
          /* Other control characters are not allowed in TEXT. */
          if ((guchar) *p < 0x20 && *p != '\t')
            g_string_append_c (out, ' ');
          else
            g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

/* Appends "line" + CRLF, folded so no physical line passes 75 octets and no
 * UTF-8 character is split (3.1). */
void
ssv_ical_append_line (GString    *out,
                      const char *line)
{
  gsize len = strlen (line);
  gsize pos = 0;
  gsize limit = MAX_OCTETS;

  while (len - pos > limit)
    {
      gsize cut = pos + limit;

      /* Back up to the start of a UTF-8 character. */
      while (cut > pos && ((guchar) line[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, line + pos, (gssize) (cut - pos));
      g_string_append (out, "\r\n ");
      pos = cut;
      /* A continuation line starts with one space, which counts. */
      limit = MAX_OCTETS - 1;
    }

  g_string_append (out, line + pos);
  g_string_append (out, "\r\n");
}

static void
append_property (GString    *out,
                 const char *name,
                 const char *text)
{
  g_autofree char *escaped = ssv_ical_escape_text (text);
  g_autofree char *line = g_strconcat (name, ":", escaped, NULL);

  ssv_ical_append_line (out, line);
}

static void
append_raw (GString    *out,
            const char *name,
            const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);

  ssv_ical_append_line (out, line);
}

static char *
format_utc (GDateTime *moment)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (moment);

  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

static void
append_event (GString          *out,
              SsvCalendarEntry *entry,
              const char       *stamp)
{
  GDateTime *airs = ssv_calendar_entry_get_airs (entry);
  g_autofree char *uid = ssv_calendar_entry_dup_uid (entry);
  g_autofree char *code = ssv_calendar_entry_dup_code (entry);
  g_autofree char *summary = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  const char *title = ssv_calendar_entry_get_title (entry);

  if (title != NULL && title[0] != '\0')
    summary = g_strdup_printf ("%s · %s · %s", ssv_calendar_entry_get_show_title (entry), code, title);
  else
    summary = g_strdup_printf ("%s · %s", ssv_calendar_entry_get_show_title (entry), code);

  if (ssv_calendar_entry_get_overview (entry) != NULL)
    g_string_append (description, ssv_calendar_entry_get_overview (entry));
  if (ssv_calendar_entry_get_network (entry) != NULL)
    g_string_append_printf (description, "%s%s", description->len ? "\n\n" : "",
                            ssv_calendar_entry_get_network (entry));

  ssv_ical_append_line (out, "BEGIN:VEVENT");
  append_raw (out, "UID", uid);
  append_raw (out, "DTSTAMP", stamp);

  if (ssv_calendar_entry_get_anytime (entry))
    {
      /* A date without a time is an all-day event in every client's zone. */
      g_autoptr(GDateTime) next = g_date_time_add_days (airs, 1);
      g_autofree char *start = g_date_time_format (airs, "%Y%m%d");
      g_autofree char *end = g_date_time_format (next, "%Y%m%d");

      append_raw (out, "DTSTART;VALUE=DATE", start);
      append_raw (out, "DTEND;VALUE=DATE", end);
    }
  else
    {
      int minutes = ssv_calendar_entry_get_runtime_minutes (entry);
      g_autoptr(GDateTime) ends = g_date_time_add_minutes (airs, minutes > 0 ? minutes : DEFAULT_RUNTIME_MIN);
      g_autofree char *start = format_utc (airs);
      g_autofree char *end = format_utc (ends);

      append_raw (out, "DTSTART", start);
      append_raw (out, "DTEND", end);
    }

  append_property (out, "SUMMARY", summary);
  if (description->len > 0)
    append_property (out, "DESCRIPTION", description->str);
  if (ssv_calendar_entry_get_genres (entry) != NULL)
    {
      /* CATEGORIES is a list: its commas separate, so each genre is escaped alone. */
      const char * const *genres = ssv_calendar_entry_get_genres (entry);
      g_autoptr(GString) list = g_string_new ("CATEGORIES:");

      for (guint i = 0; genres[i] != NULL; i++)
        {
          g_autofree char *escaped = ssv_ical_escape_text (genres[i]);
          g_string_append_printf (list, "%s%s", i ? "," : "", escaped);
        }
      ssv_ical_append_line (out, list->str);
    }
  ssv_ical_append_line (out, "TRANSP:TRANSPARENT");
  ssv_ical_append_line (out, "END:VEVENT");
}

/* An upload: from its publication for its length, its watch address as URL. */
static void
append_upload (GString    *out,
               SsvVideo   *video,
               const char *stamp)
{
  g_autoptr(GDateTime) published = g_date_time_new_from_unix_utc (ssv_video_get_published (video));
  gint64 duration = ssv_video_get_duration (video);
  g_autoptr(GDateTime) ends = NULL;
  g_autofree char *uid = g_strdup_printf ("youtube-%s@soulsync-video", ssv_video_get_video_id (video));
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *url = g_strdup_printf ("https://www.youtube.com/watch?v=%s", ssv_video_get_video_id (video));

  if (published == NULL)
    return;

  ends = g_date_time_add_seconds (published, duration > 0 ? (double) duration : DEFAULT_VIDEO_S);
  start = format_utc (published);
  end = format_utc (ends);
  summary = g_strdup_printf ("%s · %s", ssv_video_get_channel_title (video) ? ssv_video_get_channel_title (video) : "",
                             ssv_video_get_title (video) ? ssv_video_get_title (video) : "");

  ssv_ical_append_line (out, "BEGIN:VEVENT");
  append_raw (out, "UID", uid);
  append_raw (out, "DTSTAMP", stamp);
  append_raw (out, "DTSTART", start);
  append_raw (out, "DTEND", end);
  append_property (out, "SUMMARY", summary);
  append_raw (out, "URL", url);
  ssv_ical_append_line (out, "CATEGORIES:YouTube");
  ssv_ical_append_line (out, "TRANSP:TRANSPARENT");
  ssv_ical_append_line (out, "END:VEVENT");
}

/**
 * ssv_ical_build:
 * @entries: (element-type SsvCalendarEntry): the episodes, one event each
 * @stamp: when the file is made (DTSTAMP)
 *
 * Returns: (transfer full): the iCalendar text
 */
char *
ssv_ical_build (GPtrArray *entries,
                GDateTime *stamp)
{
  return ssv_ical_build_with_uploads (entries, NULL, stamp);
}

/**
 * ssv_ical_build_with_uploads:
 * @entries: (element-type SsvCalendarEntry): the episodes, one event each
 * @uploads: (element-type SsvVideo) (nullable): followed channels' uploads, one event each
 * @stamp: when the file is made (DTSTAMP)
 *
 * Returns: (transfer full): the iCalendar text
 */
char *
ssv_ical_build_with_uploads (GPtrArray *entries,
                             GPtrArray *uploads,
                             GDateTime *stamp)
{
  GString *out = g_string_new (NULL);
  g_autofree char *dtstamp = format_utc (stamp);

  ssv_ical_append_line (out, "BEGIN:VCALENDAR");
  ssv_ical_append_line (out, "VERSION:2.0");
  ssv_ical_append_line (out, "PRODID:-//SoulSync Video//Airing Episodes " PACKAGE_VERSION "//EN");
  ssv_ical_append_line (out, "CALSCALE:GREGORIAN");
  ssv_ical_append_line (out, "METHOD:PUBLISH");
  ssv_ical_append_line (out, "X-WR-CALNAME:SoulSync Video");

  for (guint i = 0; i < entries->len; i++)
    append_event (out, g_ptr_array_index (entries, i), dtstamp);
  for (guint i = 0; uploads != NULL && i < uploads->len; i++)
    append_upload (out, g_ptr_array_index (uploads, i), dtstamp);

  ssv_ical_append_line (out, "END:VCALENDAR");
  return g_string_free (out, FALSE);
}
