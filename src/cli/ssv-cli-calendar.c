/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli-calendar.c: `soulsync-video-cli calendar`: this week (as text or --json), or an iCal
 * file; the episodes of followed shows and, as the app's calendar has them, the uploads of
 * followed channels. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ssv-cli.h"
#include "model/ssv-calendar-entry.h"
#include "model/ssv-video.h"
#include "stores/ssv-calendar-store.h"

#define YOUTUBE_WATCH_URL "https://www.youtube.com/watch?v="

/* ---- text ------------------------------------------------------------------------- */

static void
print_entry (SsvCalendarEntry *entry)
{
  GDateTime *airs = ssv_calendar_entry_get_airs (entry);
  g_autofree char *time = ssv_calendar_entry_get_anytime (entry)
                          ? g_strdup (_("Anytime")) : g_date_time_format (airs, "%H:%M");
  g_autofree char *code = ssv_calendar_entry_dup_code (entry);

  g_print ("  %-8s %s %s %s%s\n", time, ssv_calendar_entry_get_show_title (entry), code,
           ssv_calendar_entry_get_title (entry) ? ssv_calendar_entry_get_title (entry) : "",
           ssv_calendar_entry_get_owned (entry) ? _(" (in library)") : "");
}

static void
print_upload (SsvVideo  *video,
              GDateTime *published)
{
  g_autofree char *time = g_date_time_format (published, "%H:%M");

  /* A channel's upload, marked as one; the channel and title are YouTube's words.
   * Translators: follows an upload's title in the calendar's list */
  g_print ("  %-8s %s · %s %s\n", time,
           ssv_video_get_channel_title (video) ? ssv_video_get_channel_title (video) : "",
           ssv_video_get_title (video) ? ssv_video_get_title (video) : "", _("(YouTube)"));
}

/* When @video was published, in @zone. */
static GDateTime *
dup_published (SsvVideo  *video,
               GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ssv_video_get_published (video));

  return g_date_time_to_timezone (utc, zone);
}

/* The day's heading, before its first line; a blank line between days. */
static void
print_day_header (GDateTime *day,
                  gboolean  *header,
                  gboolean  *printed)
{
  g_autofree char *title = NULL;

  if (*header)
    return;
  title = g_date_time_format (day, "%A %x");
  g_print ("%s%s\n", *printed ? "\n" : "", title);
  *header = *printed = TRUE;
}

/* Day by day from @from: the episodes, then the lane of uploads, as the app shows a day. */
static void
print_days (GPtrArray *entries,
            GPtrArray *uploads,
            GDateTime *from,
            GDateTime *to)
{
  GTimeZone *zone = g_date_time_get_timezone (from);
  g_autoptr(GDateTime) day = g_date_time_ref (from);
  guint next_entry = 0;
  guint next_upload = 0;
  gboolean printed = FALSE;

  while (g_date_time_compare (day, to) < 0)
    {
      g_autoptr(GDateTime) end = g_date_time_add_days (day, 1);
      gint64 end_unix = g_date_time_to_unix (end);
      gboolean header = FALSE;

      for (; next_entry < entries->len; next_entry++)
        {
          SsvCalendarEntry *entry = g_ptr_array_index (entries, next_entry);

          if (g_date_time_compare (ssv_calendar_entry_get_airs (entry), end) >= 0)
            break;
          print_day_header (day, &header, &printed);
          print_entry (entry);
        }

      for (; next_upload < uploads->len; next_upload++)
        {
          SsvVideo *video = g_ptr_array_index (uploads, next_upload);
          g_autoptr(GDateTime) published = NULL;

          if (ssv_video_get_published (video) >= end_unix)
            break;
          published = dup_published (video, zone);
          print_day_header (day, &header, &printed);
          print_upload (video, published);
        }

      g_date_time_unref (g_steal_pointer (&day));
      day = g_steal_pointer (&end);
    }

  if (!printed)
    g_print ("%s\n", _("Nothing of the shows and channels you follow airs in these days."));
}

/* ---- JSON ------------------------------------------------------------------------- */

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_entry_json (JsonBuilder      *builder,
                SsvCalendarEntry *entry)
{
  g_autofree char *airs = g_date_time_format_iso8601 (ssv_calendar_entry_get_airs (entry));
  g_autofree char *code = ssv_calendar_entry_dup_code (entry);
  g_autofree char *uid = ssv_calendar_entry_dup_uid (entry);

  json_builder_begin_object (builder);
  ssv_cli_json_add_string (builder, "show", ssv_calendar_entry_get_show_title (entry));
  add_int (builder, "season", ssv_calendar_entry_get_season_number (entry));
  add_int (builder, "episode", ssv_calendar_entry_get_episode_number (entry));
  ssv_cli_json_add_string (builder, "code", code);
  ssv_cli_json_add_string (builder, "title", ssv_calendar_entry_get_title (entry));
  ssv_cli_json_add_string (builder, "airs", airs);
  json_builder_set_member_name (builder, "anytime");
  json_builder_add_boolean_value (builder, ssv_calendar_entry_get_anytime (entry));
  json_builder_set_member_name (builder, "owned");
  json_builder_add_boolean_value (builder, ssv_calendar_entry_get_owned (entry));
  ssv_cli_json_add_string (builder, "uid", uid);
  json_builder_end_object (builder);
}

static void
add_upload_json (JsonBuilder *builder,
                 SsvVideo    *video,
                 GTimeZone   *zone)
{
  g_autoptr(GDateTime) published = dup_published (video, zone);
  g_autofree char *when = g_date_time_format_iso8601 (published);
  g_autofree char *url = g_strconcat (YOUTUBE_WATCH_URL, ssv_video_get_video_id (video), NULL);

  json_builder_begin_object (builder);
  ssv_cli_json_add_string (builder, "channel", ssv_video_get_channel_title (video));
  ssv_cli_json_add_string (builder, "channel_id", ssv_video_get_channel_id (video));
  ssv_cli_json_add_string (builder, "id", ssv_video_get_video_id (video));
  ssv_cli_json_add_string (builder, "title", ssv_video_get_title (video));
  ssv_cli_json_add_string (builder, "published", when);
  add_int (builder, "duration_s", ssv_video_get_duration (video));
  ssv_cli_json_add_string (builder, "url", url);
  json_builder_end_object (builder);
}

/* {"from", "to", "episodes": […], "uploads": […]}, times in ISO 8601 with the zone. */
static void
print_json (GPtrArray *entries,
            GPtrArray *uploads,
            GDateTime *from,
            GDateTime *to)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *first = g_date_time_format_iso8601 (from);
  g_autofree char *end = g_date_time_format_iso8601 (to);

  json_builder_begin_object (builder);
  ssv_cli_json_add_string (builder, "from", first);
  ssv_cli_json_add_string (builder, "to", end);
  json_builder_set_member_name (builder, "episodes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    add_entry_json (builder, g_ptr_array_index (entries, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "uploads");
  json_builder_begin_array (builder);
  for (guint i = 0; i < uploads->len; i++)
    add_upload_json (builder, g_ptr_array_index (uploads, i), g_date_time_get_timezone (from));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  ssv_cli_print_json (builder);
}

/* ---- iCal ------------------------------------------------------------------------- */

static int
write_ics (SsvCalendarStore *store,
           GDateTime        *from,
           GDateTime        *to,
           const char       *output)
{
  g_autoptr(GError) error = NULL;
  guint n_events = 0;

  if (output == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *text = ssv_calendar_store_dup_ics (store, from, to, now, &n_events, &error);

      if (text == NULL)
        return ssv_cli_fail (error);
      fwrite (text, 1, strlen (text), stdout);
      return 0;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

    if (!ssv_calendar_store_write_ics (store, from, to, file, &n_events, NULL, &error))
      return ssv_cli_fail (error);
  }

  /* Translators: %u episodes and channel uploads, %s a file */
  g_printerr (ngettext ("Wrote %u event to %s\n", "Wrote %u events to %s\n", n_events), n_events, output);
  return 0;
}

int
ssv_cli_calendar (int    argc,
                  char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) uploads = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *output = NULL;
  SsvCalendarStore *store;
  gboolean ics = FALSE;
  gboolean json = FALSE;
  int past_days = -1;
  int future_days = -1;
  GOptionEntry entries_spec[] = {
    { "ics", 0, 0, G_OPTION_ARG_NONE, &ics, N_("Write an iCalendar file (RFC 5545) instead of a list"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the list as JSON"), NULL },
    { "past-days", 0, 0, G_OPTION_ARG_INT, &past_days, N_("Days before today to include (iCal: 7)"), "N" },
    { "future-days", 0, 0, G_OPTION_ARG_INT, &future_days, N_("Days from today on to include (list: 7, iCal: 30)"), "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  if (!ssv_cli_parse_options ("calendar", NULL,
                              _("What the shows and channels you follow air, by day, in your time zone."),
                              entries_spec, &argc, &argv))
    return 2;

  if (ics && json)
    {
      g_printerr ("soulsync-video-cli calendar: %s\n", _("Choose --ics or --json, not both."));
      return 2;
    }
  if (past_days < 0)
    past_days = ics ? 7 : 0;
  if (future_days < 0)
    future_days = ics ? 30 : 7;
  if (past_days > 3660 || future_days > 3660)
    {
      g_printerr ("soulsync-video-cli calendar: %s\n", _("Ask for ten years or less."));
      return 2;
    }

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);
  store = ssv_context_get_calendar_store (context);

  today = ssv_calendar_day_start (now);
  from = g_date_time_add_days (today, -past_days);
  to = g_date_time_add_days (today, future_days);

  if (ics)
    return write_ics (store, from, to, output);

  if (!ssv_calendar_store_list_with_uploads (store, from, to, &entries, &uploads, &error))
    return ssv_cli_fail (error);

  if (json)
    print_json (entries, uploads, from, to);
  else
    print_days (entries, uploads, from, to);
  return 0;
}
