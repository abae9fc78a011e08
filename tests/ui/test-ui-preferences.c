/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-preferences.c: Preferences as its template lists it: every page there with the
 * app's context and a screenshot of each; each page alone, given a context, fills itself
 * and goes away whole; Scheduled Tasks lists the jobs and runs one on request; the stall
 * thresholds on the Downloads page follow their keys both ways. */

#include "config.h"

#include <string.h>

#include "downloads/ssv-download-monitor.h"
#include "preferences/ssv-downloads-preferences.h"
#include "preferences/ssv-general-preferences.h"
#include "preferences/ssv-metadata-preferences.h"
#include "preferences/ssv-preferences-window.h"
#include "stores/ssv-server-store.h"
#include "preferences/ssv-sources-preferences.h"
#include "preferences/ssv-tasks-preferences.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "model/ssv-scheduler-job.h"
#include "ssv-scheduler.h"

static char *tmp_dir;

/* A library with a server (two libraries mapped) and a folder, written as a scan would. */
static void
add_sources (SsvContext *context)
{
  SsvDatabase *db = ssv_context_get_database (context);
  g_autoptr(GPtrArray) libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);
  g_autoptr(GPtrArray) folder = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (ssv_server_store_add (db, "jellyfin", "Living Room", "http://nas.local:8096", NULL, &id, NULL, &error));
  g_ptr_array_add (libraries, ssv_media_library_new ("lib-movies", "Films", SSV_LIBRARY_KIND_MOVIES));
  g_ptr_array_add (libraries, ssv_media_library_new ("lib-shows", "Series", SSV_LIBRARY_KIND_SHOWS));
  g_assert_true (ssv_server_store_set_libraries (db, id, libraries, &error));

  g_assert_true (ssv_server_store_add (db, "folder", "Videos", "/srv/media/Videos", NULL, &id, NULL, &error));
  g_ptr_array_add (folder, ssv_media_library_new ("movies", "Movies", SSV_LIBRARY_KIND_MOVIES));
  g_assert_true (ssv_server_store_set_libraries (db, id, folder, &error));
  g_assert_no_error (error);
}

static gboolean
has_no_other_owner (gpointer data)
{
  return G_OBJECT (data)->ref_count == 1;
}

static gboolean
downloads_listed (gpointer data)
{
  return ssv_preferences_window_show_page (data, "downloads");
}

static gboolean
named (GtkWidget     *widget,
       gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static void
screenshot_page (SsvPreferencesWindow *prefs,
                 const char           *page,
                 const char           *name)
{
  g_assert_true (ssv_preferences_window_show_page (prefs, page));
  ssv_ui_test_iterate (300);
  ssv_ui_test_screenshot (GTK_WIDGET (prefs), name);
}

static void
test_pages (void)
{
  static const char * const pages[] = { "general", "sources", "metadata", "downloads", "acquire", "tasks" };
  g_autofree char *db_path = g_build_filename (tmp_dir, "pages.db", NULL);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvContext *context = ssv_application_get_context (app);
  SsvPreferencesWindow *prefs;
  GtkWidget *server_row;

  add_sources (context);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ssv_ui_test_iterate (300);
  prefs = SSV_PREFERENCES_WINDOW (ssv_ui_test_find_window (SSV_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  /* Part of the app, over its window: app actions reach it, and it closes with the window. */
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_application (GTK_WINDOW (prefs)) == GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (prefs), 640, 760);
  g_assert_true (ssv_test_wait_for (downloads_listed, prefs, 10000));

  /* Every page the template lists shows, with the context the window was given. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      AdwPreferencesPage *page;

      g_assert_true (ssv_preferences_window_show_page (prefs, pages[i]));
      page = adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs));
      g_assert_true (SSV_IS_PREFERENCES_PAGE (page));
      g_assert_cmpstr (adw_preferences_page_get_name (page), ==, pages[i]);
      g_assert_true (ssv_preferences_page_get_context (SSV_PREFERENCES_PAGE (page)) == context);
    }
  g_assert_false (ssv_preferences_window_show_page (prefs, "no-such-page"));

  screenshot_page (prefs, "general", "preferences-page-general");
  g_assert_true (ssv_preferences_window_show_page (prefs, "sources"));
  server_row = ssv_ui_test_find_widget_of_type (GTK_WIDGET (prefs), ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (server_row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (server_row)), ==, "Living Room");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (server_row), TRUE);
  g_assert_nonnull (ssv_ui_test_find_widget (GTK_WIDGET (prefs), named, "add-folder"));
  screenshot_page (prefs, "sources", "preferences-page-sources");
  screenshot_page (prefs, "metadata", "preferences-page-metadata");
  screenshot_page (prefs, "downloads", "preferences-page-downloads");
  screenshot_page (prefs, "tasks", "preferences-page-tasks");

  /* Closing the main window closes Preferences with it. */
  gtk_window_destroy (GTK_WINDOW (window));
  ssv_ui_test_iterate (100);
  g_assert_null (ssv_ui_test_find_window (SSV_TYPE_PREFERENCES_WINDOW));

  ssv_ui_test_stop_app (app);
}

/* Each page alone, as g_object_new() makes it: it loads from its context, and once its
 * work is done nothing but its owner holds it. */
static void
test_page_alone (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  g_autofree char *db_path = g_build_filename (tmp_dir, "alone.db", NULL);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvContext *context;
  GtkWidget *page;

  ssv_ui_test_wait_for_window (app);
  context = ssv_application_get_context (app);

  page = g_object_ref_sink (g_object_new (type, "context", context, NULL));
  g_assert_true (ssv_preferences_page_get_context (SSV_PREFERENCES_PAGE (page)) == context);
  g_assert_true (ssv_test_wait_for (has_no_other_owner, page, 10000));
  ssv_ui_test_iterate (100);
  g_assert_finalize_object (page);

  ssv_ui_test_stop_app (app);
}

static GtkSpinButton *
threshold_spin (GtkWidget  *page,
                const char *name)
{
  GtkWidget *spin = ssv_ui_test_find_widget (page, named, name);
  GtkWidget *row;

  g_assert_nonnull (spin);
  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  /* On a row that says what it does, in words. */
  row = gtk_widget_get_ancestor (spin, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_cmpuint (strlen (adw_action_row_get_subtitle (ADW_ACTION_ROW (row))), >, 20);
  return GTK_SPIN_BUTTON (spin);
}

typedef struct
{
  GtkSpinButton *spin;
  double         value;
} SpinShows;

static gboolean
spin_shows (gpointer data)
{
  SpinShows *s = data;
  return gtk_spin_button_get_value (s->spin) == s->value;
}

/* The stall thresholds on the Downloads page: each row shows its key in the row's unit, a
 * change on the row reaches the key and the download monitor, and a key set elsewhere
 * (gsettings) shows on the row. */
static void
test_stall_thresholds (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "stall.db", NULL);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  SsvDownloadMonitor *monitor;
  SsvContext *context;
  GtkWidget *page;
  GtkSpinButton *stall, *metadata, *speed, *eta;
  SsvStallRules rules;
  SpinShows shows;

  ssv_ui_test_wait_for_window (app);
  context = ssv_application_get_context (app);
  monitor = ssv_context_get_download_monitor (context);
  page = g_object_ref_sink (g_object_new (SSV_TYPE_DOWNLOADS_PREFERENCES, "context", context, NULL));
  stall = threshold_spin (page, "stall-minutes");
  metadata = threshold_spin (page, "metadata-minutes");
  speed = threshold_spin (page, "min-speed");
  eta = threshold_spin (page, "max-eta-hours");

  /* The defaults, in minutes, KB/s and hours. */
  g_assert_cmpfloat (gtk_spin_button_get_value (stall), ==, 180);
  g_assert_cmpfloat (gtk_spin_button_get_value (metadata), ==, 60);
  g_assert_cmpfloat (gtk_spin_button_get_value (speed), ==, 10);
  g_assert_cmpfloat (gtk_spin_button_get_value (eta), ==, 168);

  gtk_spin_button_set_value (stall, 90);
  gtk_spin_button_set_value (speed, 0);
  ssv_ui_test_iterate (100);
  g_assert_cmpint (g_settings_get_int (settings, "download-stall-seconds"), ==, 5400);
  g_assert_cmpint (g_settings_get_int (settings, "download-min-speed-kbps"), ==, 0);
  ssv_download_monitor_get_stall_rules (monitor, &rules);
  g_assert_cmpint (rules.stall_seconds, ==, 5400);
  g_assert_cmpint (rules.min_speed_kbps, ==, 0);

  g_settings_set_int (settings, "download-metadata-seconds", 1200);
  shows = (SpinShows) { metadata, 20 };
  g_assert_true (ssv_test_wait_for (spin_shows, &shows, 5000));
  ssv_download_monitor_get_stall_rules (monitor, &rules);
  g_assert_cmpint (rules.metadata_seconds, ==, 1200);

  g_settings_reset (settings, "download-stall-seconds");
  g_settings_reset (settings, "download-metadata-seconds");
  g_settings_reset (settings, "download-min-speed-kbps");
  g_object_unref (page);
  ssv_ui_test_stop_app (app);
}

static GtkWidget *
task_row (GtkWidget  *page,
          const char *name)
{
  GtkWidget *row = ssv_ui_test_find_widget (page, named, name);

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  return row;
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (data);
}

static gboolean
job_finished (gpointer data)
{
  return !ssv_scheduler_job_get_running (data) && ssv_scheduler_job_get_last_result (data) != NULL;
}

/* Scheduled Tasks on a fresh context: a row for every job the context registered, with its
 * title and how often it runs, a choice of which changes the job; Run Now on the image-cache
 * trim runs it, and its row says when it ran and how that went. A second Run Now while it
 * runs is refused in words. */
static void
test_tasks_run_now (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "tasks.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = ssv_context_new (path, &error);
  SsvScheduler *scheduler;
  SsvSchedulerJob *trim;
  SsvSchedulerJob *scan;
  GtkDropDown *choice;
  GListModel *jobs;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *row;
  GtkWidget *run;
  const char *subtitle;
  guint n_rows = 0;

  g_assert_no_error (error);
  scheduler = ssv_context_get_scheduler (context);
  jobs = ssv_scheduler_get_jobs (scheduler);
  g_assert_cmpuint (g_list_model_get_n_items (jobs), >, 0);

  page = g_object_ref_sink (g_object_new (SSV_TYPE_TASKS_PREFERENCES, "context", context, NULL));
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 760);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  for (GtkWidget *child = gtk_widget_get_first_child (ssv_ui_test_find_widget (page, named, "task-list"));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n_rows += ADW_IS_ACTION_ROW (child);
  g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (jobs));
  for (guint i = 0; i < g_list_model_get_n_items (jobs); i++)
    {
      g_autoptr(SsvSchedulerJob) job = g_list_model_get_item (jobs, i);

      row = task_row (page, ssv_scheduler_job_get_name (job));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       ssv_scheduler_job_get_title (job));
      /* Every row says how often it runs: a choice where it may change, words where not. */
      if (ssv_scheduler_job_get_interval_editable (job))
        g_assert_nonnull (ssv_ui_test_find_widget_of_type (row, GTK_TYPE_DROP_DOWN));
      else
        g_assert_nonnull (ssv_ui_test_find_widget_of_type (row, GTK_TYPE_LABEL));
    }

  /* The trim runs every day, whatever a person says. */
  row = task_row (page, "image-cache-trim");
  g_assert_null (ssv_ui_test_find_widget_of_type (row, GTK_TYPE_DROP_DOWN));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Never run"));

  /* An icon-only button: a tooltip and a label a screen reader reads. */
  run = ssv_ui_test_find_widget (row, named, "run-now");
  g_assert_nonnull (run);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (run), ==, "Run Now");

  g_assert_true (ssv_test_wait_for (is_sensitive, run, 10000));

  trim = ssv_scheduler_lookup (scheduler, "image-cache-trim");
  g_signal_emit_by_name (run, "clicked");
  g_assert_true (ssv_scheduler_job_get_running (trim));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Running since"));

  /* Asked again while it runs: refused, and said (in no window of the app: to the log). */
  g_test_expect_message ("SoulSync", G_LOG_LEVEL_MESSAGE, "*running already*");
  g_signal_emit_by_name (run, "clicked");
  g_test_assert_expected_messages ();

  g_assert_true (ssv_test_wait_for (job_finished, trim, 10000));
  g_assert_cmpstr (ssv_scheduler_job_get_last_result (trim), ==, "ok");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_true (g_str_has_prefix (subtitle, "Last run "));
  g_assert_nonnull (strstr (subtitle, "Done"));

  /* Choosing how often a scan runs changes the job, and the choice keeps showing it. */
  scan = ssv_scheduler_lookup (scheduler, "incremental-scan");
  choice = GTK_DROP_DOWN (ssv_ui_test_find_widget_of_type (task_row (page, "incremental-scan"), GTK_TYPE_DROP_DOWN));
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (choice)), ==, "Every hour");
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (choice)); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (gtk_drop_down_get_model (choice), i);

      if (g_str_equal (gtk_string_object_get_string (item), "Every 6 hours"))
        gtk_drop_down_set_selected (choice, i);
    }
  g_assert_cmpint (ssv_scheduler_job_get_interval (scan), ==, 6 * 3600);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (choice)), ==, "Every 6 hours");

  ssv_ui_test_iterate (300);
  ssv_ui_test_screenshot (window, "preferences-tasks-after-run");

  gtk_window_destroy (GTK_WINDOW (window));
  ssv_scheduler_flush (scheduler);
  g_assert_true (ssv_test_wait_for (has_no_other_owner, page, 10000));
  g_assert_finalize_object (page);
}

int
main (int    argc,
      char **argv)
{
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-ui-preferences-XXXXXX", NULL);

  g_test_add_func ("/ui/preferences/pages", test_pages);
  g_test_add_data_func ("/ui/preferences/general-alone", GSIZE_TO_POINTER (SSV_TYPE_GENERAL_PREFERENCES),
                        test_page_alone);
  g_test_add_data_func ("/ui/preferences/sources-alone", GSIZE_TO_POINTER (SSV_TYPE_SOURCES_PREFERENCES),
                        test_page_alone);
  g_test_add_data_func ("/ui/preferences/metadata-alone", GSIZE_TO_POINTER (SSV_TYPE_METADATA_PREFERENCES),
                        test_page_alone);
  g_test_add_data_func ("/ui/preferences/downloads-alone", GSIZE_TO_POINTER (SSV_TYPE_DOWNLOADS_PREFERENCES),
                        test_page_alone);
  g_test_add_data_func ("/ui/preferences/tasks-alone", GSIZE_TO_POINTER (SSV_TYPE_TASKS_PREFERENCES),
                        test_page_alone);
  g_test_add_func ("/ui/preferences/tasks-run-now", test_tasks_run_now);
  g_test_add_func ("/ui/preferences/stall-thresholds", test_stall_thresholds);

  result = g_test_run ();

  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
