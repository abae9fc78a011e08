/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-tasks-preferences.c: the Scheduled Tasks page of Preferences: each job of the scheduler
 * with its last run and result, its next run, how often it runs (a choice where the job allows
 * one) and a Run Now button. Rows follow the job objects as the scheduler changes them. */

#include "config.h"

#include <glib/gi18n.h>

#include "preferences/ssv-tasks-preferences.h"
#include "ssv-ui-utils.h"
#include "model/ssv-scheduler-job.h"
#include "ssv-scheduler.h"

struct _SsvTasksPreferences
{
  SsvPreferencesPage  parent_instance;

  /* Template widgets */
  GtkListBox         *list;
};

G_DEFINE_FINAL_TYPE (SsvTasksPreferences, ssv_tasks_preferences, SSV_TYPE_PREFERENCES_PAGE)

#define MINUTE G_GINT64_CONSTANT (60)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)
#define WEEK   (7 * DAY)

/* The choices of how often a job runs, where it lets a person choose. */
static const gint64 presets[] = { 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, WEEK };

/* What a row keeps besides its widgets: the job it shows and the intervals its choice offers. */
typedef struct
{
  SsvSchedulerJob *job;
  GtkDropDown     *interval_choice;   /* (nullable): only where the interval is editable */
  GtkLabel        *interval_label;    /* (nullable): only where it is not */
  GArray          *intervals;         /* gint64 seconds, one per item of the choice */
} TaskRow;

static GQuark task_row_quark;

static void
task_row_free (TaskRow *task)
{
  g_clear_object (&task->job);
  g_clear_pointer (&task->intervals, g_array_unref);
  g_free (task);
}

/* ---- text ---------------------------------------------------------------------- */

static char *
format_interval (gint64 seconds)
{
  if (seconds >= WEEK && seconds % WEEK == 0)
    return seconds == WEEK ? g_strdup (_("Every week"))
                           : g_strdup_printf (g_dngettext (NULL, "Every %d week", "Every %d weeks", seconds / WEEK),
                                              (int) (seconds / WEEK));
  if (seconds >= DAY && seconds % DAY == 0)
    return seconds == DAY ? g_strdup (_("Every day"))
                          : g_strdup_printf (g_dngettext (NULL, "Every %d day", "Every %d days", seconds / DAY),
                                             (int) (seconds / DAY));
  if (seconds >= HOUR && seconds % HOUR == 0)
    return seconds == HOUR ? g_strdup (_("Every hour"))
                           : g_strdup_printf (g_dngettext (NULL, "Every %d hour", "Every %d hours", seconds / HOUR),
                                              (int) (seconds / HOUR));
  return g_strdup_printf (g_dngettext (NULL, "Every %d minute", "Every %d minutes", MAX (seconds / MINUTE, 1)),
                          (int) MAX (seconds / MINUTE, 1));
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  /* TRANSLATORS: a date and time of a task's run, as g_date_time_format() spells it */
  return time != NULL ? g_date_time_format (time, _("%x %H:%M")) : g_strdup ("");
}

static const char *
describe_result (const char *result)
{
  if (g_strcmp0 (result, SSV_JOB_RESULT_OK) == 0)
    return _("Done");
  if (g_strcmp0 (result, SSV_JOB_RESULT_FAILED) == 0)
    return _("Failed");
  if (g_strcmp0 (result, SSV_JOB_RESULT_CANCELLED) == 0)
    return _("Stopped");
  if (g_strcmp0 (result, SSV_JOB_RESULT_SKIPPED) == 0)
    return _("Skipped");
  return NULL;
}

/* The row's subtitle: the last run with how it ended, then the next run. */
static char *
describe_runs (SsvSchedulerJob *job)
{
  GString *text = g_string_new (NULL);
  gint64 last_run = ssv_scheduler_job_get_last_run (job);
  gint64 next_run = ssv_scheduler_job_get_next_run (job);
  const char *message = ssv_scheduler_job_get_last_message (job);
  const char *result = describe_result (ssv_scheduler_job_get_last_result (job));

  if (ssv_scheduler_job_get_running (job))
    {
      g_autofree char *when = format_time (last_run);

      g_string_append_printf (text, _("Running since %s"), when);
    }
  else if (last_run <= 0)
    g_string_append (text, _("Never run"));
  else
    {
      g_autofree char *when = format_time (last_run);

      g_string_append_printf (text, _("Last run %s"), when);
      if (result != NULL)
        g_string_append_printf (text, " — %s", result);
      if (message != NULL && *message != '\0')
        g_string_append_printf (text, ": %s", message);
    }

  g_string_append_c (text, '\n');
  if (!ssv_scheduler_job_get_enabled (job))
    g_string_append (text, _("Turned off"));
  else if (next_run > 0)
    {
      g_autofree char *when = format_time (next_run);

      g_string_append_printf (text, _("Next run %s"), when);
    }
  else
    g_string_append (text, _("Next run not planned yet"));

  return g_string_free (text, FALSE);
}

/* ---- rows ---------------------------------------------------------------------- */

static void on_interval_chosen (GtkDropDown *choice,
                                GParamSpec  *pspec,
                                AdwActionRow *row);

static void
update_interval (AdwActionRow *row,
                 TaskRow      *task)
{
  gint64 interval = ssv_scheduler_job_get_interval (task->job);
  g_autofree char *text = format_interval (interval);
  guint found = GTK_INVALID_LIST_POSITION;

  if (task->interval_label != NULL)
    {
      gtk_label_set_text (task->interval_label, text);
      return;
    }

  for (guint i = 0; i < task->intervals->len; i++)
    if (g_array_index (task->intervals, gint64, i) == interval)
      found = i;

  g_signal_handlers_block_by_func (task->interval_choice, on_interval_chosen, row);
  if (found == GTK_INVALID_LIST_POSITION)
    {
      /* An interval none of the choices names (set elsewhere): offer it too. */
      GtkStringList *items = GTK_STRING_LIST (gtk_drop_down_get_model (task->interval_choice));

      g_array_append_val (task->intervals, interval);
      gtk_string_list_append (items, text);
      found = task->intervals->len - 1;
    }
  gtk_drop_down_set_selected (task->interval_choice, found);
  g_signal_handlers_unblock_by_func (task->interval_choice, on_interval_chosen, row);
}

static void
on_job_notify (SsvSchedulerJob *job,
               GParamSpec      *pspec,
               AdwActionRow    *row)
{
  TaskRow *task = g_object_get_qdata (G_OBJECT (row), task_row_quark);
  g_autofree char *runs = NULL;

  if (g_str_equal (pspec->name, "interval"))
    {
      update_interval (row, task);
      return;
    }

  runs = describe_runs (job);
  adw_action_row_set_subtitle (row, runs);
}

static void
on_interval_chosen (GtkDropDown  *choice,
                    GParamSpec   *pspec,
                    AdwActionRow *row)
{
  TaskRow *task = g_object_get_qdata (G_OBJECT (row), task_row_quark);
  guint selected = gtk_drop_down_get_selected (choice);

  if (selected >= task->intervals->len)
    return;

  gtk_widget_activate_action (GTK_WIDGET (row), "tasks.set-interval", "(sx)",
                              ssv_scheduler_job_get_name (task->job),
                              g_array_index (task->intervals, gint64, selected));
}

static GtkWidget *
make_interval_widget (AdwActionRow *row,
                      TaskRow      *task)
{
  g_autoptr(GtkStringList) items = NULL;
  GtkWidget *widget;

  if (!ssv_scheduler_job_get_interval_editable (task->job))
    {
      widget = gtk_label_new (NULL);
      gtk_widget_add_css_class (widget, "dim-label");
      task->interval_label = GTK_LABEL (widget);
      return widget;
    }

  items = gtk_string_list_new (NULL);
  task->intervals = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autofree char *text = format_interval (presets[i]);

      gtk_string_list_append (items, text);
      g_array_append_val (task->intervals, presets[i]);
    }

  widget = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&items)), NULL);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (widget, _("How often it runs"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("How often it runs"), -1);
  task->interval_choice = GTK_DROP_DOWN (widget);
  g_signal_connect_object (widget, "notify::selected", G_CALLBACK (on_interval_chosen), row, 0);
  return widget;
}

static GtkWidget *
make_run_button (SsvSchedulerJob *job)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("media-playback-start-symbolic");
  g_autofree char *label = g_strdup_printf (_("Run “%s” now"), ssv_scheduler_job_get_title (job));

  gtk_widget_set_name (button, "run-now");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Run Now"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "tasks.run-now");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", ssv_scheduler_job_get_name (job));
  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SsvSchedulerJob *job = SSV_SCHEDULER_JOB (item);
  GtkWidget *row = adw_action_row_new ();
  TaskRow *task = g_new0 (TaskRow, 1);
  g_autofree char *runs = describe_runs (job);

  task->job = g_object_ref (job);
  g_object_set_qdata_full (G_OBJECT (row), task_row_quark, task, (GDestroyNotify) task_row_free);

  gtk_widget_set_name (row, ssv_scheduler_job_get_name (job));
  g_object_bind_property (job, "title", row, "title", G_BINDING_SYNC_CREATE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), runs);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_interval_widget (ADW_ACTION_ROW (row), task));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_run_button (job));
  update_interval (ADW_ACTION_ROW (row), task);

  g_signal_connect_object (job, "notify", G_CALLBACK (on_job_notify), row, 0);
  return row;
}

/* ---- actions ---------------------------------------------------------------------- */

static SsvScheduler *
get_scheduler (SsvTasksPreferences *self)
{
  SsvContext *context = ssv_preferences_page_get_context (SSV_PREFERENCES_PAGE (self));

  return context != NULL ? ssv_context_get_scheduler (context) : NULL;
}

static void
run_now_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SsvScheduler *scheduler = get_scheduler (SSV_TASKS_PREFERENCES (widget));
  g_autoptr(GError) error = NULL;

  if (scheduler == NULL)
    return;

  /* Refused when it runs already: the toast says so. */
  if (!ssv_scheduler_run_now (scheduler, g_variant_get_string (parameter, NULL), &error))
    ssv_ui_toast (widget, error->message);
}

static void
set_interval_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SsvScheduler *scheduler = get_scheduler (SSV_TASKS_PREFERENCES (widget));
  g_autoptr(GError) error = NULL;
  const char *name = NULL;
  gint64 interval = 0;

  if (scheduler == NULL)
    return;

  g_variant_get (parameter, "(&sx)", &name, &interval);
  if (!ssv_scheduler_set_interval (scheduler, name, interval, &error))
    ssv_ui_toast (widget, error->message);
}

/* ---- the page ---------------------------------------------------------------------- */

static void
ssv_tasks_preferences_load (SsvPreferencesPage *page,
                            SsvContext         *context)
{
  SsvTasksPreferences *self = SSV_TASKS_PREFERENCES (page);
  GListModel *jobs = ssv_scheduler_get_jobs (ssv_context_get_scheduler (context));

  gtk_list_box_bind_model (self->list, jobs, create_row, NULL, NULL);
}

static void
ssv_tasks_preferences_dispose (GObject *object)
{
  SsvTasksPreferences *self = SSV_TASKS_PREFERENCES (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_TASKS_PREFERENCES);

  G_OBJECT_CLASS (ssv_tasks_preferences_parent_class)->dispose (object);
}

static void
ssv_tasks_preferences_class_init (SsvTasksPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsvPreferencesPageClass *page_class = SSV_PREFERENCES_PAGE_CLASS (klass);

  object_class->dispose = ssv_tasks_preferences_dispose;
  page_class->load = ssv_tasks_preferences_load;

  task_row_quark = g_quark_from_static_string ("ssv-task-row");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/preferences/ssv-tasks-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvTasksPreferences, list);
  gtk_widget_class_install_action (widget_class, "tasks.run-now", "s", run_now_action);
  gtk_widget_class_install_action (widget_class, "tasks.set-interval", "(sx)", set_interval_action);
}

static void
ssv_tasks_preferences_init (SsvTasksPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
