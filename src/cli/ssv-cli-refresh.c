/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli-refresh.c: `soulsync-video-cli refresh` (re-enrichment now, printing what changed)
 * and `tasks` (the scheduled jobs with their last and next runs). */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ssv-cli.h"
#include "ssv-error.h"
#include "ssv-library-jobs.h"
#include "providers/ssv-meta.h"
#include "stores/ssv-refresh-store.h"
#include "workers/ssv-refresher.h"

static void
print_report (const SsvRefreshReport *report)
{
  g_autofree char *summary = ssv_refresh_report_dup_summary (report);

  for (guint i = 0; i < report->changes->len; i++)
    {
      g_autofree char *text = ssv_refresh_change_dup_text (g_ptr_array_index (report->changes, i));
      g_print ("%s\n", text);
    }
  for (guint i = 0; i < report->messages->len; i++)
    g_printerr ("soulsync-video-cli refresh: %s\n", (char *) g_ptr_array_index (report->messages, i));
  g_print ("%s\n", summary);
}

/* Adds @other's changes and counts to @into. */
static void
merge_report (SsvRefreshReport *into,
              SsvRefreshReport *other)
{
  into->titles += other->titles;
  into->changed += other->changed;
  into->failed += other->failed;
  g_ptr_array_extend_and_steal (into->changes, g_steal_pointer (&other->changes));
  g_ptr_array_extend_and_steal (into->messages, g_steal_pointer (&other->messages));
  other->changes = g_ptr_array_new ();
  other->messages = g_ptr_array_new ();
}

/* "show:12", "movie:7", or a bare row id: every matched movie or show with that id. */
static gboolean
parse_title (const char   *text,
             SsvItemKind  *kinds,
             guint        *n_kinds,
             gint64       *id)
{
  const char *colon = strchr (text, ':');
  const char *number = colon ? colon + 1 : text;
  char *end = NULL;

  *id = g_ascii_strtoll (number, &end, 10);
  if (end == number || *end != '\0' || *id <= 0)
    return FALSE;

  *n_kinds = 0;
  if (colon == NULL || g_str_has_prefix (text, "movie:"))
    kinds[(*n_kinds)++] = SSV_ITEM_MOVIE;
  if (colon == NULL || g_str_has_prefix (text, "show:"))
    kinds[(*n_kinds)++] = SSV_ITEM_SHOW;

  return *n_kinds > 0;
}

static SsvRefreshReport *
refresh_title (SsvRefresher  *refresher,
               const char    *title,
               GError       **error)
{
  g_autoptr(SsvRefreshReport) total = NULL;
  g_autoptr(GError) last_error = NULL;
  SsvItemKind kinds[2];
  guint n_kinds;
  gint64 id;

  if (!parse_title (title, kinds, &n_kinds, &id))
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                   _("“%s” is not a title: give its id, as “show:12”, “movie:7” or “12”."), title);
      return NULL;
    }

  for (guint i = 0; i < n_kinds; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(SsvRefreshReport) report = ssv_refresher_run_sync (refresher, SSV_REFRESH_TITLE, kinds[i], id,
                                                                   1, NULL, &local_error);

      if (report == NULL)
        {
          /* A bare id names a movie or a show: the other not being there is no error. */
          if (!g_error_matches (local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          g_clear_error (&last_error);
          last_error = g_steal_pointer (&local_error);
          continue;
        }

      if (total == NULL)
        total = g_steal_pointer (&report);
      else
        merge_report (total, report);
    }

  if (total == NULL)
    g_propagate_error (error, g_steal_pointer (&last_error));

  return g_steal_pointer (&total);
}

int
ssv_cli_refresh (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(SsvRefreshReport) report = NULL;
  g_autofree char *title = NULL;
  gboolean airing = FALSE;
  gboolean all = FALSE;
  SsvRefresher *refresher;
  GOptionEntry entries[] = {
    { "airing", 0, 0, G_OPTION_ARG_NONE, &airing, N_("Every show still airing, now"), NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Every title TMDB matched, now"), NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("One title: show:ID, movie:ID or ID"), N_("ID") },
    { NULL },
  };

  if (!ssv_cli_parse_options ("refresh", NULL,
                              _("Read titles again from TMDB (and TheTVDB for air times) and print what "
                                "changed. Without an option: the titles that are due, as the nightly "
                                "tasks would."),
                              entries, &argc, &argv))
    return 2;
  if ((airing ? 1 : 0) + (all ? 1 : 0) + (title ? 1 : 0) > 1 || argc > 1)
    {
      g_printerr (_("soulsync-video-cli refresh: choose one of --airing, --all and --title.\n"));
      return 2;
    }

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);
  refresher = ssv_context_get_refresher (context);

  if (title != NULL)
    report = refresh_title (refresher, title, &error);
  else if (all || airing)
    report = ssv_refresher_run_sync (refresher, all ? SSV_REFRESH_ALL : SSV_REFRESH_AIRING_NOW, SSV_ITEM_SHOW,
                                     0, G_MAXUINT, NULL, &error);
  else
    {
      report = ssv_refresher_run_sync (refresher, SSV_REFRESH_AIRING, SSV_ITEM_SHOW, 0, G_MAXUINT, NULL, &error);
      if (report != NULL)
        {
          g_autoptr(SsvRefreshReport) due = ssv_refresher_run_sync (refresher, SSV_REFRESH_DUE, SSV_ITEM_SHOW, 0,
                                                                    G_MAXUINT, NULL, &error);
          if (due == NULL)
            g_clear_pointer (&report, ssv_refresh_report_free);
          else
            merge_report (report, due);
        }
    }

  if (report == NULL)
    return ssv_cli_fail (error);

  print_report (report);
  return report->failed > 0 ? 1 : 0;
}

/* ---- tasks ------------------------------------------------------------------------- */

static char *
format_time (gint64 when)
{
  g_autoptr(GDateTime) local = NULL;

  if (when <= 0)
    return g_strdup (_("never"));
  local = g_date_time_new_from_unix_local (when);

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("?");
}

static char *
format_interval (gint64 seconds)
{
  if (seconds % 86400 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every day", "every %d days", (gulong) (seconds / 86400)),
                            (int) (seconds / 86400));
  if (seconds % 3600 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every hour", "every %d hours", (gulong) (seconds / 3600)),
                            (int) (seconds / 3600));

  return g_strdup_printf (_("every %d minutes"), (int) (seconds / 60));
}

static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       when)
{
  json_builder_set_member_name (builder, member);
  if (when > 0)
    json_builder_add_int_value (builder, when);
  else
    json_builder_add_null_value (builder);
}

static void
add_job_json (JsonBuilder     *builder,
              SsvSchedulerJob *job)
{
  const char *result = ssv_scheduler_job_get_last_result (job);
  const char *message = ssv_scheduler_job_get_last_message (job);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, ssv_scheduler_job_get_name (job));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, ssv_scheduler_job_get_title (job));
  json_builder_set_member_name (builder, "interval_s");
  json_builder_add_int_value (builder, ssv_scheduler_job_get_interval (job));
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, ssv_scheduler_job_get_enabled (job));
  add_time (builder, "last_run", ssv_scheduler_job_get_last_run (job));
  add_time (builder, "last_finished", ssv_scheduler_job_get_last_finished (job));
  ssv_cli_json_add_string (builder, "last_result", result);
  ssv_cli_json_add_string (builder, "last_message", message);
  add_time (builder, "next_run", ssv_scheduler_job_get_next_run (job));
  json_builder_end_object (builder);
}

int
ssv_cli_tasks (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean json = FALSE;
  SsvScheduler *scheduler;
  GListModel *jobs;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL },
  };

  if (!ssv_cli_parse_options ("tasks", NULL, _("List the scheduled tasks with their last and next runs."),
                              entries, &argc, &argv))
    return 2;

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);
  scheduler = ssv_context_get_scheduler (context);
  if (!ssv_scheduler_load_sync (scheduler, &error))
    return ssv_cli_fail (error);
  /* A job never run before gets its first row now: its next run is then fixed. */
  ssv_scheduler_flush (scheduler);
  jobs = ssv_scheduler_get_jobs (scheduler);

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (jobs); i++)
    {
      g_autoptr(SsvSchedulerJob) job = g_list_model_get_item (jobs, i);
      g_autofree char *last = format_time (ssv_scheduler_job_get_last_run (job));
      g_autofree char *next = format_time (ssv_scheduler_job_get_next_run (job));
      g_autofree char *every = format_interval (ssv_scheduler_job_get_interval (job));
      const char *result = ssv_scheduler_job_get_last_result (job);

      if (json)
        {
          add_job_json (builder, job);
          continue;
        }

      g_print ("%s: %s (%s%s)\n", ssv_scheduler_job_get_name (job), ssv_scheduler_job_get_title (job), every,
               ssv_scheduler_job_get_enabled (job) ? "" : _(", off"));
      if (result != NULL && ssv_scheduler_job_get_last_message (job) != NULL)
        g_print ("  %s %s (%s: %s)\n", _("last run:"), last, result, ssv_scheduler_job_get_last_message (job));
      else if (result != NULL)
        g_print ("  %s %s (%s)\n", _("last run:"), last, result);
      else
        g_print ("  %s %s\n", _("last run:"), last);
      g_print ("  %s %s%s\n", _("next run:"), next,
               ssv_scheduler_job_get_running (job) ? _(" (running)") : "");
    }
  json_builder_end_array (builder);

  if (json)
    ssv_cli_print_json (builder);

  return 0;
}
