/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli-calendar.c: `soulsync-video-cli calendar`: this week, or an iCal file. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ssv-cli.h"
#include "ssv-ical.h"
#include "model/ssv-calendar-entry.h"
#include "stores/ssv-calendar-store.h"

static void
print_week (GPtrArray *entries)
{
  g_autofree char *last_day = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      SsvCalendarEntry *entry = g_ptr_array_index (entries, i);
      GDateTime *airs = ssv_calendar_entry_get_airs (entry);
      g_autofree char *day = g_date_time_format (airs, "%A %x");
      g_autofree char *time = ssv_calendar_entry_get_anytime (entry)
                              ? g_strdup (_("Anytime")) : g_date_time_format (airs, "%H:%M");
      g_autofree char *code = ssv_calendar_entry_dup_code (entry);

      if (g_strcmp0 (day, last_day) != 0)
        {
          g_print ("%s%s\n", i ? "\n" : "", day);
          g_free (last_day);
          last_day = g_strdup (day);
        }
      g_print ("  %-8s %s %s %s%s\n", time, ssv_calendar_entry_get_show_title (entry), code,
               ssv_calendar_entry_get_title (entry) ? ssv_calendar_entry_get_title (entry) : "",
               ssv_calendar_entry_get_owned (entry) ? _(" (in library)") : "");
    }

  if (entries->len == 0)
    g_print ("%s\n", _("Nothing of the shows you follow airs in these days."));
}

int
ssv_cli_calendar (int    argc,
                  char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *output = NULL;
  gboolean ics = FALSE;
  int past_days = -1;
  int future_days = -1;
  GOptionEntry entries_spec[] = {
    { "ics", 0, 0, G_OPTION_ARG_NONE, &ics, N_("Write an iCalendar file (RFC 5545) instead of a list"), NULL },
    { "past-days", 0, 0, G_OPTION_ARG_INT, &past_days, N_("Days before today to include (iCal: 7)"), "N" },
    { "future-days", 0, 0, G_OPTION_ARG_INT, &future_days, N_("Days from today on to include (list: 7, iCal: 30)"), "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  if (!ssv_cli_parse_options ("calendar", NULL,
                              _("What the shows you follow air, by day, in your time zone."),
                              entries_spec, &argc, &argv))
    return 2;

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

  today = ssv_calendar_day_start (now);
  from = g_date_time_add_days (today, -past_days);
  to = g_date_time_add_days (today, future_days);
  entries = ssv_calendar_store_list_between (ssv_context_get_calendar_store (context), from, to, &error);
  if (entries == NULL)
    return ssv_cli_fail (error);

  if (!ics)
    {
      print_week (entries);
      return 0;
    }

  {
    g_autofree char *text = ssv_ical_build (entries, now);

    if (output == NULL)
      {
        fwrite (text, 1, strlen (text), stdout);
        return 0;
      }

    if (!g_file_set_contents (output, text, -1, &error))
      return ssv_cli_fail (error);

    g_printerr (ngettext ("Wrote %u episode to %s\n", "Wrote %u episodes to %s\n", entries->len),
                entries->len, output);
  }

  return 0;
}
