/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-notifications.c: the real app as a background service sends real
 * notifications to a fake org.gtk.Notifications on a private session bus; a
 * click on "Add to Wishlist" comes back over D-Bus as the shell would send it. */

#include "config.h"

#include "ssv-autostart.h"
#include "ssv-channel-service.h"
#include "ssv-fake-youtube.h"
#include "stores/ssv-settings-store.h"
#include "stores/ssv-watchlist-store.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "ssv-airing-monitor.h"
#include "ssv-context.h"
#include "ssv-import-notifier.h"
#include "ssv-scheduler.h"
#include "downloads/ssv-importer.h"
#include "sources/ssv-folder-source.h"
#include "stores/ssv-download-store.h"
#include "stores/ssv-server-store.h"

static const char introspection[] =
  "<node><interface name='org.gtk.Notifications'>"
  " <method name='AddNotification'><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "  <arg type='a{sv}' direction='in'/></method>"
  " <method name='RemoveNotification'><arg type='s' direction='in'/><arg type='s' direction='in'/></method>"
  "</interface></node>";

typedef struct
{
  GDBusConnection *bus;          /* our own connection: the "shell" */
  guint            owner_id;
  guint            object_id;
  gboolean         owned;
  GPtrArray       *received;     /* GVariant (ssa{sv}) */
} FakeShell;

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *object_path,
             const char            *interface_name,
             const char            *method_name,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  FakeShell *shell = user_data;

  if (g_strcmp0 (method_name, "AddNotification") == 0)
    {
      g_autofree char *text = g_variant_print (parameters, FALSE);
      g_test_message ("notification: %s", text);
      g_ptr_array_add (shell->received, g_variant_ref (parameters));
    }
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable vtable = { method_call, NULL, NULL };

static void
name_acquired (GDBusConnection *connection,
               const char      *name,
               gpointer         user_data)
{
  ((FakeShell *) user_data)->owned = TRUE;
}

static void
fake_shell_start (FakeShell *shell)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection, &error);
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);

  g_assert_no_error (error);
  shell->received = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  shell->bus = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  shell->object_id = g_dbus_connection_register_object (shell->bus, "/org/gtk/Notifications",
                                                        info->interfaces[0], &vtable, shell, NULL, &error);
  g_assert_no_error (error);
  shell->owner_id = g_bus_own_name_on_connection (shell->bus, "org.gtk.Notifications",
                                                  G_BUS_NAME_OWNER_FLAGS_NONE,
                                                  name_acquired, NULL, shell, NULL);
  ssv_test_wait_for_flag (&shell->owned, 5000);
}

static void
fake_shell_stop (FakeShell *shell)
{
  g_bus_unown_name (shell->owner_id);
  g_dbus_connection_unregister_object (shell->bus, shell->object_id);
  g_clear_object (&shell->bus);
  g_clear_pointer (&shell->received, g_ptr_array_unref);
}

static GVariant *
find_notification (FakeShell  *shell,
                   const char *id_prefix)
{
  for (guint i = 0; i < shell->received->len; i++)
    {
      GVariant *call = g_ptr_array_index (shell->received, i);
      const char *id = NULL;

      g_variant_get_child (call, 1, "&s", &id);
      if (g_str_has_prefix (id, id_prefix))
        return call;
    }

  return NULL;
}

typedef struct
{
  FakeShell  *shell;
  guint       count;
} WaitCount;

static gboolean
has_count (gpointer data)
{
  WaitCount *wait = data;

  return wait->shell->received->len >= wait->count;
}

/* A library with episodes that aired minutes ago (and one far back), and the
 * monitor's bookmark @bookmark_minutes_ago. Times are local: the test runs
 * with TZ set. */
static char *
make_library (const char *dir,
              int         bookmark_minutes_ago)
{
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) aired = g_date_time_add_minutes (now, -5);
  g_autoptr(GDateTime) earlier = g_date_time_add_minutes (now, -6);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *aired_day = g_date_time_format (aired, "%Y-%m-%d");
  g_autofree char *aired_time = g_date_time_format (aired, "%H:%M");
  g_autofree char *earlier_day = g_date_time_format (earlier, "%Y-%m-%d");
  g_autofree char *earlier_time = g_date_time_format (earlier, "%H:%M");
  g_autofree char *yesterday_day = g_date_time_format (yesterday, "%Y-%m-%d");
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (path, &error);

  g_assert_no_error (error);
  /* 00:00 reads as "no time": keep the live episodes off midnight. */
  if (g_str_equal (aired_time, "00:00") || g_str_equal (earlier_time, "00:00"))
    g_test_skip ("too close to midnight to place a timed episode");

  sql = g_strdup_printf (
    "INSERT INTO shows (id, title, status, tmdb_id) VALUES (1, 'Severance', 'Returning Series', 95396),"
    " (2, 'Slow Horses', NULL, 95480), (3, 'Breaking Bad', 'Ended', 1396);"
    "INSERT INTO episodes (id, show_id, season_number, episode_number, title, air_date, air_time) VALUES"
    " (11, 1, 2, 1, 'Hello, Ms. Cobel', '%s', '%s'),"
    " (21, 2, 4, 1, 'Identity Theft', '%s', '%s'),"
    " (22, 2, 4, 2, 'Hello Goodbye', '%s', '%s'),"
    " (23, 2, 3, 6, 'Last Stand', '%s', '23:30'),"
    " (31, 3, 5, 16, 'Felina', '%s', '%s');",
    aired_day, aired_time, earlier_day, earlier_time, aired_day, aired_time, yesterday_day,
    aired_day, aired_time);
  g_assert_true (ssv_database_exec (db, sql, &error));
  g_assert_no_error (error);
  g_assert_true (ssv_settings_store_set_int (db, SSV_AIRING_BOOKMARK_KEY,
                                             g_date_time_to_unix (now) - bookmark_minutes_ago * 60,
                                             &error));

  return g_steal_pointer (&path);
}

static SsvApplication *
start_service (const char *db_path)
{
  static guint serial;
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("com.soulsync.Video.NotifyTest%u", ++serial);
  SsvApplication *app;

  g_setenv ("SSV_DATABASE_PATH", db_path, TRUE);
  app = ssv_application_new ();
  g_application_set_application_id (G_APPLICATION (app), app_id);
  /* As `soulsync-video --gapplication-service` runs: no window. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_IS_SERVICE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

static GVariant *
lookup_button (GVariant   *call,
               const char *label)
{
  g_autoptr(GVariant) notification = g_variant_get_child_value (call, 2);
  g_autoptr(GVariant) buttons = g_variant_lookup_value (notification, "buttons", G_VARIANT_TYPE ("aa{sv}"));
  GVariantIter iter;
  GVariant *button;

  g_assert_nonnull (buttons);
  g_variant_iter_init (&iter, buttons);
  while ((button = g_variant_iter_next_value (&iter)) != NULL)
    {
      const char *text = NULL;

      g_variant_lookup (button, "label", "&s", &text);
      if (g_strcmp0 (text, label) == 0)
        return button;
      g_variant_unref (button);
    }

  return NULL;
}

static char *
lookup_string (GVariant   *call,
               const char *key)
{
  g_autoptr(GVariant) notification = g_variant_get_child_value (call, 2);
  char *value = NULL;

  g_variant_lookup (notification, key, "s", &value);
  return value;
}

static void
call_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GVariant **reply = user_data;

  *reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
wishlist_has_episode (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (data, &error);

  return db != NULL && ssv_test_query_int (db, "SELECT count(*) FROM wishlist WHERE kind = 'episode'") > 0;
}

static void
test_live (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = make_library (dir, 10);
  FakeShell shell = { 0 };
  WaitCount wait = { &shell, 2 };
  SsvApplication *app;
  GVariant *episode, *show;
  g_autoptr(GVariant) open = NULL;
  g_autoptr(GVariant) wish = NULL;
  g_autofree char *title = NULL;
  g_autofree char *show_title = NULL;
  g_autofree char *body = NULL;
  const char *action = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  fake_shell_start (&shell);
  app = start_service (db_path);

  /* One for Severance's episode, one for Slow Horses' two; none for the ended show. */
  g_assert_true (ssv_test_wait_for (has_count, &wait, 20000));
  ssv_ui_test_iterate (300);
  g_assert_cmpuint (shell.received->len, ==, 2);
  g_assert_null (find_notification (&shell, "aired-catch-up"));

  episode = find_notification (&shell, "aired-episode-11");
  g_assert_nonnull (episode);
  title = lookup_string (episode, "title");
  g_assert_cmpstr (title, ==, "New Episode of Severance");
  body = lookup_string (episode, "body");
  g_assert_cmpstr (body, ==, "S02E01 · Hello, Ms. Cobel");

  show = find_notification (&shell, "aired-show-2");
  g_assert_nonnull (show);
  show_title = lookup_string (show, "title");
  g_assert_cmpstr (show_title, ==, "2 New Episodes of Slow Horses");

  open = lookup_button (episode, "Open");
  g_assert_nonnull (open);
  g_assert_true (g_variant_lookup (open, "action", "&s", &action));
  g_assert_cmpstr (action, ==, "app.open-show");

  /* Click "Add to Wishlist" as the shell does: ActivateAction on the app. */
  wish = lookup_button (show, "Add to Wishlist");
  g_assert_nonnull (wish);
  g_assert_true (g_variant_lookup (wish, "action", "&s", &action));
  g_assert_cmpstr (action, ==, "app.wishlist-episodes");
  target = g_variant_lookup_value (wish, "target", G_VARIANT_TYPE ("ax"));
  g_assert_nonnull (target);
  g_assert_cmpuint (g_variant_n_children (target), ==, 2);

  {
    GVariantBuilder params;

    g_variant_builder_init (&params, G_VARIANT_TYPE ("av"));
    g_variant_builder_add (&params, "v", target);
    /* Asynchronously: the app answers from this very main loop. */
    g_dbus_connection_call (shell.bus,
                            g_application_get_application_id (G_APPLICATION (app)),
                            g_application_get_dbus_object_path (G_APPLICATION (app)),
                            "org.freedesktop.Application", "ActivateAction",
                            g_variant_new ("(sava{sv})", "wishlist-episodes", &params, NULL),
                            NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, call_done_cb, &reply);
    while (reply == NULL)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_no_error (error);
  g_assert_true (ssv_test_wait_for (wishlist_has_episode, db_path, 10000));
  {
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);
    g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM wishlist WHERE kind = 'episode'"
                                             " AND title IN ('Identity Theft', 'Hello Goodbye')"), ==, 2);
  }

  ssv_ui_test_stop_app (app);
  fake_shell_stop (&shell);
  ssv_test_remove_tree (dir);
}

/* A show wished from TMDB's page alone (no library row): its episode that aired today
 * (TMDB gives a date, so at midnight) with the monitor's bookmark just before. */
static char *
make_wished_library (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (path, &error);

  g_assert_no_error (error);
  sql = g_strdup_printf (
    "INSERT INTO wishlist_shows (id, source, source_id, title) VALUES (1, 'tmdb', '136311', 'Shrinking');"
    "INSERT INTO wishlist_subscriptions (wishlist_show_id, season_number, joined_through) VALUES (1, NULL, '2000-01-01');"
    "INSERT INTO wishlist_show_episodes (wishlist_show_id, season_number, episode_number, title, air_date)"
    " VALUES (1, 2, 2, 'Coming Up', '%s');", today);
  g_assert_true (ssv_database_exec (db, sql, &error));
  g_assert_no_error (error);
  g_assert_true (ssv_settings_store_set_int (db, SSV_AIRING_BOOKMARK_KEY, g_date_time_to_unix (midnight) - 60,
                                             &error));

  return g_steal_pointer (&path);
}

/* The show is told like an owned one; "Open" goes to the calendar, which lists it (there
 * is no library page), and no "Add to Wishlist": it is wanted already. */
static void
test_wished_not_owned (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = make_wished_library (dir);
  FakeShell shell = { 0 };
  WaitCount wait = { &shell, 1 };
  SsvApplication *app;
  GVariant *call;
  g_autoptr(GVariant) open = NULL;
  g_autoptr(GVariant) wish = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  const char *action = NULL;

  fake_shell_start (&shell);
  app = start_service (db_path);

  g_assert_true (ssv_test_wait_for (has_count, &wait, 20000));
  ssv_ui_test_iterate (300);
  g_assert_cmpuint (shell.received->len, ==, 1);
  call = find_notification (&shell, "aired-episode-");
  g_assert_nonnull (call);
  title = lookup_string (call, "title");
  g_assert_cmpstr (title, ==, "New Episode of Shrinking");
  body = lookup_string (call, "body");
  g_assert_cmpstr (body, ==, "S02E02 · Coming Up");

  open = lookup_button (call, "Open");
  g_assert_nonnull (open);
  g_assert_true (g_variant_lookup (open, "action", "&s", &action));
  g_assert_cmpstr (action, ==, "app.open-calendar");
  wish = lookup_button (call, "Add to Wishlist");
  g_assert_null (wish);

  ssv_ui_test_stop_app (app);
  fake_shell_stop (&shell);
  ssv_test_remove_tree (dir);
}

static void
test_catch_up (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  /* The laptop was off for two days. */
  g_autofree char *db_path = make_library (dir, 2 * 24 * 60);
  FakeShell shell = { 0 };
  WaitCount wait = { &shell, 1 };
  SsvApplication *app;
  GVariant *call;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GVariant) wish = NULL;
  g_autoptr(GVariant) target = NULL;

  fake_shell_start (&shell);
  app = start_service (db_path);

  /* Four episodes of two shows, including last night's at 23:30: ONE notification. */
  g_assert_true (ssv_test_wait_for (has_count, &wait, 20000));
  ssv_ui_test_iterate (1000);
  g_assert_cmpuint (shell.received->len, ==, 1);
  call = find_notification (&shell, "aired-catch-up");
  g_assert_nonnull (call);
  title = lookup_string (call, "title");
  g_assert_cmpstr (title, ==, "4 Episodes Aired While You Were Away");
  body = lookup_string (call, "body");
  g_assert_nonnull (strstr (body, "Slow Horses (3)"));
  g_assert_nonnull (strstr (body, "Severance (1)"));
  g_assert_null (strstr (body, "Breaking Bad"));

  wish = lookup_button (call, "Add to Wishlist");
  g_assert_nonnull (wish);
  target = g_variant_lookup_value (wish, "target", G_VARIANT_TYPE ("ax"));
  g_assert_cmpuint (g_variant_n_children (target), ==, 4);

  ssv_ui_test_stop_app (app);
  fake_shell_stop (&shell);
  ssv_test_remove_tree (dir);
}

/* The scheduler's announcements, from the moment the app's library is open. */
typedef struct
{
  SsvApplication *app;
  SsvScheduler   *scheduler;     /* the app's, once its library is open */
  const char     *name;          /* of the job watched */
  guint           started;       /* runs of it started */
  SsvSchedulerJob *finished;     /* it, once a run of it ended */
} JobWatch;

static void
on_job_started (SsvScheduler    *scheduler,
                SsvSchedulerJob *job,
                JobWatch        *watch)
{
  if (g_str_equal (ssv_scheduler_job_get_name (job), watch->name))
    watch->started++;
}

static void
on_job_finished (SsvScheduler    *scheduler,
                 SsvSchedulerJob *job,
                 JobWatch        *watch)
{
  if (g_str_equal (ssv_scheduler_job_get_name (job), watch->name) && watch->finished == NULL)
    watch->finished = g_object_ref (job);
}

/* The scheduler starts (and reads its jobs) after the library opens: its signals are
 * connected before any job can run. */
static void
on_context_notify (SsvApplication *app,
                   GParamSpec     *pspec,
                   JobWatch       *watch)
{
  SsvContext *context = ssv_application_get_context (app);

  if (context == NULL || watch->scheduler != NULL)
    return;

  watch->scheduler = ssv_context_get_scheduler (context);
  g_signal_connect (watch->scheduler, "job-started", G_CALLBACK (on_job_started), watch);
  g_signal_connect (watch->scheduler, "job-finished", G_CALLBACK (on_job_finished), watch);
}

static void
job_watch_start (JobWatch       *watch,
                 SsvApplication *app,
                 const char     *name)
{
  watch->app = app;
  watch->name = name;
  g_signal_connect (app, "notify::context", G_CALLBACK (on_context_notify), watch);
  on_context_notify (app, NULL, watch);
}

static void
job_watch_stop (JobWatch *watch)
{
  g_signal_handlers_disconnect_by_data (watch->app, watch);
  if (watch->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (watch->scheduler, watch);
  g_clear_object (&watch->finished);
}

/* The service runs the scheduled work: a trim missed while the machine was off runs once
 * when the app starts, with no window. */
static void
test_scheduler_runs_missed (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = make_library (dir, 10);
  g_autoptr(GError) error = NULL;
  FakeShell shell = { 0 };
  JobWatch watch = { 0 };
  SsvApplication *app;

  {
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_no_error (error);
    g_assert_true (ssv_database_exec (db,
                                      "INSERT INTO scheduled_jobs (name, interval_s, last_run_at, last_finished_at, "
                                      "  last_result, next_run_at) "
                                      "VALUES ('image-cache-trim', 86400, 1000, 1001, 'ok', 87400);",
                                      &error));
    g_assert_no_error (error);
  }

  fake_shell_start (&shell);
  app = start_service (db_path);
  job_watch_start (&watch, app, "image-cache-trim");

  /* No clock in the waits, however slow the machine: what is due runs as the scheduler's
   * rows are read, so the trim has started by then; then it announces its end. */
  while (watch.scheduler == NULL || !ssv_scheduler_get_loaded (watch.scheduler))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (watch.started, ==, 1);
  while (watch.finished == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (watch.started, ==, 1);
  g_assert_cmpstr (ssv_scheduler_job_get_last_result (watch.finished), ==, SSV_JOB_RESULT_OK);
  g_assert_cmpint (ssv_scheduler_job_get_last_run (watch.finished), >, 1000);

  /* And the run is what the library remembers. */
  ssv_scheduler_flush (watch.scheduler);
  {
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM scheduled_jobs WHERE name = 'image-cache-trim' "
                                             "AND last_run_at > 1000 AND last_result = 'ok'"), ==, 1);
  }

  job_watch_stop (&watch);
  ssv_ui_test_stop_app (app);
  fake_shell_stop (&shell);
  ssv_test_remove_tree (dir);
}

/* A scheduled job whose thread, once cancelled, still writes for a moment. */
typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean cancelled;   /* guarded by @lock */
  gint     ended;       /* atomic: the thread's last write is done */
} SlowJob;

static void
slow_job_cancelled (GCancellable *cancellable,
                    SlowJob      *slow)
{
  g_mutex_lock (&slow->lock);
  slow->cancelled = TRUE;
  g_cond_broadcast (&slow->cond);
  g_mutex_unlock (&slow->lock);
}

static void
slow_job_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SlowJob *slow = task_data;
  gulong handler = g_cancellable_connect (cancellable, G_CALLBACK (slow_job_cancelled), slow, NULL);

  g_mutex_lock (&slow->lock);
  while (!slow->cancelled)
    g_cond_wait (&slow->cond, &slow->lock);
  g_mutex_unlock (&slow->lock);
  g_cancellable_disconnect (cancellable, handler);

  /* What a job does after its cancellation (a last row, a file closed) takes a moment. */
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  g_atomic_int_set (&slow->ended, TRUE);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
}

static void
slow_job (SsvScheduler    *scheduler,
          SsvSchedulerJob *job,
          GTask           *task,
          gpointer         user_data)
{
  g_task_set_task_data (task, user_data, NULL);
  g_task_run_in_thread (task, slow_job_thread);
}

/* The app's shutdown (and a test's end) waits for a scheduled job under way to end after
 * its cancellation: nothing writes to the library once it returns. */
static void
test_stop_waits_for_running_job (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = make_library (dir, 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvSchedulerJob) job = NULL;
  FakeShell shell = { 0 };
  JobWatch watch = { 0 };
  SlowJob slow = { 0 };
  SsvApplication *app;

  g_mutex_init (&slow.lock);
  g_cond_init (&slow.cond);
  fake_shell_start (&shell);
  app = start_service (db_path);
  job_watch_start (&watch, app, "slow-test-job");
  while (watch.scheduler == NULL)
    g_main_context_iteration (NULL, TRUE);

  ssv_scheduler_register (watch.scheduler, "slow-test-job", "Slow test job", 86400, SSV_JOB_NO_HOUR,
                          SSV_JOB_NONE, slow_job, &slow, NULL);
  g_assert_true (ssv_scheduler_run_now (watch.scheduler, "slow-test-job", &error));
  g_assert_no_error (error);
  job = g_object_ref (ssv_scheduler_lookup (watch.scheduler, "slow-test-job"));
  g_assert_true (ssv_scheduler_job_get_running (job));

  ssv_application_stop_work (app);
  g_assert_true (g_atomic_int_get (&slow.ended));
  g_assert_false (ssv_scheduler_job_get_running (job));
  g_assert_cmpstr (ssv_scheduler_job_get_last_result (job), ==, SSV_JOB_RESULT_CANCELLED);
  g_assert_false (ssv_scheduler_get_busy (watch.scheduler));

  job_watch_stop (&watch);
  ssv_ui_test_stop_app (app);
  fake_shell_stop (&shell);
  ssv_test_remove_tree (dir);
  g_mutex_clear (&slow.lock);
  g_cond_clear (&slow.cond);
}

static void
test_autostart (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autofree char *path = ssv_autostart_dup_path ();
  g_autofree char *exec = NULL;

  /* The test's own XDG config folder, never the person's. */
  g_assert_true (g_str_has_prefix (path, g_get_user_config_dir ()));
  g_assert_false (ssv_autostart_is_enabled ());

  g_assert_true (ssv_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (ssv_autostart_is_enabled ());
  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error));
  exec = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
  g_assert_cmpstr (exec, ==, "soulsync-video --gapplication-service");
  g_assert_true (g_key_file_get_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", NULL));

  g_assert_true (ssv_autostart_set_enabled (FALSE, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Turning off what is off is fine. */
  g_assert_true (ssv_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);
}

/* ---- "Ready" after an import ------------------------------------------------------- */

static void
write_file (const char *path,
            gsize       size)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *data = g_malloc0 (size);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
}

/* An empty library whose one folder source is @library. */
static char *
make_folder_library (const char *dir,
                     const char *library)
{
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (path, &error);
  g_autoptr(SsvFolderSource) source = ssv_folder_source_new (library);
  g_autoptr(GPtrArray) libraries = NULL;
  gint64 server_id = 0;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (library, 0755), ==, 0);
  g_assert_true (ssv_server_store_add (db, "folder", "Films", library, NULL, &server_id, NULL, &error));
  libraries = ssv_media_source_list_libraries (SSV_MEDIA_SOURCE (source), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_server_store_set_libraries (db, server_id, libraries, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static gboolean
has_context (gpointer data)
{
  return ssv_application_get_context (data) != NULL;
}

static SsvDownload *
grab (SsvContext              *context,
      const SsvDownloadWanted *wanted,
      const char              *release)
{
  g_autoptr(SsvDownloadCandidate) chosen = ssv_download_candidate_new ("torrent", release);
  SsvGrabRecord record = { .wanted = wanted, .chosen = chosen, .client_name = "Home",
                           .reference = release, .status = SSV_DOWNLOAD_QUEUED, .event = "Grabbed." };
  SsvDownloadStore *store = ssv_context_get_download_store (context);
  g_autoptr(GError) error = NULL;
  gint64 id = ssv_download_store_record_grab (store, &record, &error);
  SsvDownload *download;

  g_assert_no_error (error);
  download = ssv_download_store_get (store, id, &error);
  g_assert_no_error (error);
  return download;
}

static SsvDownload *
grab_heat (SsvContext *context,
           const char *release)
{
  SsvDownloadWanted wanted = { .kind = SSV_DOWNLOAD_KIND_MOVIE, .tmdb_id = 949, .title = (char *) "Heat",
                               .year = 1995, .season = -1, .episode = -1 };

  return grab (context, &wanted, release);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  /* what came of it the signals and the notifications say */
  ssv_import_outcome_free (ssv_importer_import_finish (SSV_IMPORTER (source), result, NULL));
  *(gboolean *) user_data = TRUE;
}

static guint
count_prefixed (FakeShell  *shell,
                const char *id_prefix)
{
  guint n = 0;

  for (guint i = 0; i < shell->received->len; i++)
    {
      const char *id = NULL;

      g_variant_get_child (g_ptr_array_index (shell->received, i), 1, "&s", &id);
      n += g_str_has_prefix (id, id_prefix);
    }
  return n;
}

/* A finished download imported into the library raises exactly one "Ready: Heat (1995)"
 * whose Open goes to the film's page in the library and whose Play plays the imported file;
 * a release refused on import raises none. */
static void
test_import_ready (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *library = g_build_filename (dir, "Films", NULL);
  g_autofree char *db_path = make_folder_library (dir, library);
  g_autofree char *bad = g_build_filename (dir, "Downloads", "bad", NULL);
  g_autofree char *setup = g_build_filename (bad, "setup.exe", NULL);
  g_autofree char *good = g_build_filename (dir, "Downloads", "Heat.1995.1080p.BluRay.x264-GRP", NULL);
  g_autofree char *video = g_build_filename (good, "Heat.1995.1080p.BluRay.x264-GRP.mkv", NULL);
  g_autofree char *placed = g_build_filename (library, "Heat (1995)", "Heat (1995) - 1080p Bluray.mkv", NULL);
  g_autofree char *placed_uri = g_filename_to_uri (placed, NULL, NULL);
  SsvImportSettings settings = { .movies_folder = library, .min_video_bytes = -1 };
  FakeShell shell = { 0 };
  WaitCount wait = { &shell, 1 };
  SsvApplication *app;
  SsvContext *context;
  SsvImporter *importer;
  g_autoptr(SsvDownload) refused = NULL;
  g_autoptr(SsvDownload) heat = NULL;
  g_autoptr(GVariant) open = NULL;
  g_autoptr(GVariant) play = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GVariant) file = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  const char *action = NULL;
  gboolean done = FALSE;
  GVariant *call;

  write_file (setup, 10);
  write_file (video, 4096);
  fake_shell_start (&shell);
  app = start_service (db_path);
  g_assert_true (ssv_test_wait_for (has_context, app, 20000));
  context = ssv_application_get_context (app);
  importer = ssv_context_get_importer (context);
  ssv_importer_set_settings (importer, &settings);

  /* Refused on import (a program, no video): nothing to tell. */
  refused = grab_heat (context, "Heat.1995.1080p.BluRay-FAKE");
  ssv_importer_import_async (importer, refused, bad, NULL, import_done_cb, &done);
  ssv_test_wait_for_flag (&done, 20000);
  ssv_ui_test_iterate (300);
  g_assert_cmpuint (count_prefixed (&shell, "imported-"), ==, 0);

  done = FALSE;
  heat = grab_heat (context, "Heat.1995.1080p.BluRay.x264-GRP");
  ssv_importer_import_async (importer, heat, good, NULL, import_done_cb, &done);
  ssv_test_wait_for_flag (&done, 20000);
  g_assert_true (ssv_test_wait_for (has_count, &wait, 20000));
  ssv_ui_test_iterate (500);
  g_assert_cmpuint (count_prefixed (&shell, "imported-"), ==, 1);
  g_assert_cmpuint (shell.received->len, ==, 1);

  call = find_notification (&shell, "imported-");
  title = lookup_string (call, "title");
  g_assert_cmpstr (title, ==, "Ready: Heat (1995)");
  body = lookup_string (call, "body");
  g_assert_cmpstr (body, ==, "In your library as “Heat (1995) - 1080p Bluray.mkv”.");

  /* Open: the film's page in the library, which now has it. */
  open = lookup_button (call, "Open");
  g_assert_nonnull (open);
  g_assert_true (g_variant_lookup (open, "action", "&s", &action));
  g_assert_cmpstr (action, ==, "app.open-movie");
  target = g_variant_lookup_value (open, "target", G_VARIANT_TYPE_INT64);
  g_assert_nonnull (target);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_cmpint (g_variant_get_int64 (target), >, 0);
    g_assert_cmpint (g_variant_get_int64 (target), ==,
                     ssv_test_query_int (db, "SELECT id FROM movies WHERE title = 'Heat' AND year = 1995"));
  }

  /* Play: the imported file itself. */
  play = lookup_button (call, "Play");
  g_assert_nonnull (play);
  g_assert_true (g_variant_lookup (play, "action", "&s", &action));
  g_assert_cmpstr (action, ==, "app.play-file");
  file = g_variant_lookup_value (play, "target", G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (file, NULL), ==, placed_uri);
  g_assert_true (g_file_test (placed, G_FILE_TEST_IS_REGULAR));

  /* Both buttons name actions the app has, taking what they carry. */
  g_assert_true (g_variant_type_equal (g_action_group_get_action_parameter_type (G_ACTION_GROUP (app), "open-movie"),
                                       G_VARIANT_TYPE_INT64));
  g_assert_true (g_variant_type_equal (g_action_group_get_action_parameter_type (G_ACTION_GROUP (app), "play-file"),
                                       G_VARIANT_TYPE_STRING));

  ssv_ui_test_stop_app (app);
  fake_shell_stop (&shell);
  ssv_test_remove_tree (dir);
}

/* An episode reads as the show and its number; one the app's library does not show (it
 * went to a Plex library) opens the show's page from TMDB. */
static void
test_import_ready_episode (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *library = g_build_filename (dir, "Shows", NULL);
  g_autofree char *db_path = make_folder_library (dir, library);
  SsvDownloadWanted wanted = { .kind = SSV_DOWNLOAD_KIND_EPISODE, .tmdb_id = 95396, .title = (char *) "Severance",
                               .year = 2022, .season = 1, .episode = 2 };
  FakeShell shell = { 0 };
  WaitCount wait = { &shell, 1 };
  SsvApplication *app;
  g_autoptr(SsvImportNotifier) notifier = NULL;
  g_autoptr(SsvDownload) download = NULL;
  g_autoptr(GVariant) open = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *title = NULL;
  const char *action = NULL;
  GVariant *call;

  fake_shell_start (&shell);
  app = start_service (db_path);
  g_assert_true (ssv_test_wait_for (has_context, app, 20000));
  download = grab (ssv_application_get_context (app), &wanted, "Severance.S01E02.1080p.WEB-DL-GRP");
  notifier = ssv_import_notifier_new (G_APPLICATION (app), ssv_context_get_importer (ssv_application_get_context (app)));

  ssv_import_notifier_notify (notifier, download, "/srv/Plex/Severance/Season 01/Severance - S01E02.mkv", 0);
  g_assert_true (ssv_test_wait_for (has_count, &wait, 20000));
  call = find_notification (&shell, "imported-");
  g_assert_nonnull (call);
  title = lookup_string (call, "title");
  g_assert_cmpstr (title, ==, "Ready: Severance S01E02");
  open = lookup_button (call, "Open");
  g_assert_nonnull (open);
  g_assert_true (g_variant_lookup (open, "action", "&s", &action));
  g_assert_cmpstr (action, ==, "app.open-tmdb-show");
  target = g_variant_lookup_value (open, "target", G_VARIANT_TYPE_INT64);
  g_assert_cmpint (g_variant_get_int64 (target), ==, 95396);

  g_clear_object (&notifier);
  ssv_ui_test_stop_app (app);
  fake_shell_stop (&shell);
  ssv_test_remove_tree (dir);
}

/* ---- the Background portal ---------------------------------------------------------- */

static const char portal_xml[] =
  "<node><interface name='org.freedesktop.portal.Background'>"
  "<method name='RequestBackground'><arg type='s' direction='in'/><arg type='a{sv}' direction='in'/>"
  "<arg type='o' direction='out'/></method></interface></node>";

typedef struct
{
  GDBusConnection *bus;
  guint            object_id;
  guint32          response;     /* what the person answers: 0 allowed, 1 cancelled */
  guint            calls;
  gboolean         asked_autostart;
  char            *commandline;
  char            *reason;
} FakePortal;

static void
portal_method (GDBusConnection       *connection,
               const char            *sender,
               const char            *path,
               const char            *interface,
               const char            *method,
               GVariant              *parameters,
               GDBusMethodInvocation *invocation,
               gpointer               user_data)
{
  FakePortal *portal = user_data;
  g_autoptr(GVariant) options = g_variant_get_child_value (parameters, 1);
  g_autofree const char **commandline = NULL;
  g_autofree char *escaped = g_strdup (sender + 1);
  g_autofree char *handle = NULL;
  const char *token = "t";
  GVariantBuilder results;

  portal->calls++;
  g_variant_lookup (options, "handle_token", "&s", &token);
  g_variant_lookup (options, "autostart", "b", &portal->asked_autostart);
  g_variant_lookup (options, "commandline", "^a&s", &commandline);
  g_variant_lookup (options, "reason", "s", &portal->reason);
  g_free (portal->commandline);
  portal->commandline = commandline ? g_strjoinv (" ", (char **) commandline) : NULL;

  g_strdelimit (escaped, ".", '_');
  handle = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", escaped, token);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (portal->response == 0));
  g_variant_builder_add (&results, "{sv}", "autostart",
                         g_variant_new_boolean (portal->response == 0 && portal->asked_autostart));
  g_dbus_connection_emit_signal (connection, sender, handle, "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(ua{sv})", portal->response, &results), NULL);
}

static void
fake_portal_start (FakePortal *portal)
{
  static const GDBusInterfaceVTable portal_vtable = { portal_method, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariant) owned = NULL;

  g_assert_no_error (error);
  portal->bus = g_dbus_connection_new_for_address_sync (address, G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                        G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                        NULL, NULL, &error);
  g_assert_no_error (error);
  portal->object_id = g_dbus_connection_register_object (portal->bus, "/org/freedesktop/portal/desktop",
                                                         info->interfaces[0], &portal_vtable, portal, NULL, &error);
  g_assert_no_error (error);
  owned = g_dbus_connection_call_sync (portal->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.portal.Desktop", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

static void
fake_portal_stop (FakePortal *portal)
{
  g_dbus_connection_unregister_object (portal->bus, portal->object_id);
  g_dbus_connection_close_sync (portal->bus, NULL, NULL);
  g_clear_object (&portal->bus);
  g_free (portal->commandline);
  g_free (portal->reason);
}

static void
on_set (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  GError **error = user_data;
  GError *local_error = NULL;

  if (!ssv_autostart_set_enabled_finish (result, &local_error) && local_error == NULL)
    local_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "failed without an error");
  *error = local_error ? local_error : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "ok");
}

/* Returns: what ssv_autostart_set_enabled_async() said: NULL when it succeeded. */
static GError *
set_through_portal (gboolean enabled)
{
  GError *error = NULL;

  ssv_autostart_set_enabled_async (enabled, NULL, on_set, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&error);

  return error;
}

/* Inside Flatpak, starting at login is asked of the Background portal (never an
 * autostart file the sandbox cannot reach); a refusal says so and changes nothing. */
static void
test_autostart_portal (void)
{
  FakePortal portal = { NULL, };
  g_autofree char *path = ssv_autostart_dup_path ();
  g_autoptr(GError) refused = NULL;
  GError *error = NULL;

  g_setenv ("SSV_BACKGROUND_PORTAL", "1", TRUE);
  fake_portal_start (&portal);
  g_assert_true (ssv_autostart_uses_portal ());
  g_assert_false (ssv_autostart_is_enabled ());

  error = set_through_portal (TRUE);
  g_assert_no_error (error);
  g_assert_cmpuint (portal.calls, ==, 1);
  g_assert_true (portal.asked_autostart);
  g_assert_cmpstr (portal.commandline, ==, "soulsync-video --gapplication-service");
  g_assert_nonnull (portal.reason);
  g_assert_true (ssv_autostart_is_enabled ());
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The person says no to turning it off again: it stays on, and the error says so. */
  portal.response = 1;
  refused = set_through_portal (FALSE);
  g_assert_error (refused, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (ssv_autostart_is_enabled ());

  portal.response = 0;
  error = set_through_portal (FALSE);
  g_assert_no_error (error);
  g_assert_false (portal.asked_autostart);
  g_assert_false (ssv_autostart_is_enabled ());
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  fake_portal_stop (&portal);
  g_unsetenv ("SSV_BACKGROUND_PORTAL");
}

/* ---- new uploads of followed channels ------------------------------------------------ */

#define UPLOADS_A "UCaaaaaaaaaaaaaaaaaaaaa1"
#define UPLOADS_B "UCaaaaaaaaaaaaaaaaaaaaa2"

/* Two channels followed three days ago: A uploaded daily (three since the follow, and a
 * Short and a premiere still to come), B every ten days (one since), unless not
 * @follow_b. The uploads bookmark is @bookmark_minutes_ago, or unset for < 0. */
static char *
make_followed (const char     *dir,
               SsvFakeYoutube *youtube,
               gboolean        follow_b,
               int             bookmark_minutes_ago)
{
  g_autofree char *path = g_build_filename (dir, "uploads.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (path, &error);
  g_autoptr(SsvWatchlistStore) watchlist = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_auto(GStrv) envp = ssv_fake_youtube_environ (youtube, NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_assert_no_error (error);
  ssv_fake_youtube_add_synthetic (youtube, UPLOADS_A, "@daily", "Daily Channel", 10, now - 3600, 86400);
  ssv_fake_youtube_add_upload (youtube, UPLOADS_A, "shortshort1", "A Short", now - 600, TRUE, FALSE);
  ssv_fake_youtube_add_upload (youtube, UPLOADS_A, "premiere001", "A Premiere", now + 86400, FALSE, TRUE);
  ssv_fake_youtube_add_synthetic (youtube, UPLOADS_B, "@seldom", "Seldom Channel", 5, now - 7200, 10 * 86400);
  for (guint i = 0; envp[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (envp[i], "=", 2);

      g_setenv (pair[0], pair[1], TRUE);
    }
  /* Only the channel worker asks the fake; the per-video extras are not what is tested. */
  g_settings_set_boolean (settings, "youtube-sponsorblock", FALSE);
  g_settings_set_boolean (settings, "youtube-dearrow", FALSE);

  watchlist = ssv_watchlist_store_new (db);
  g_assert_true (ssv_watchlist_store_set_followed (watchlist, SSV_WATCH_KIND_CHANNEL, "youtube", UPLOADS_A, TRUE,
                                                   "Daily Channel", NULL, &error));
  if (follow_b)
    g_assert_true (ssv_watchlist_store_set_followed (watchlist, SSV_WATCH_KIND_CHANNEL, "youtube", UPLOADS_B, TRUE,
                                                     "Seldom Channel", NULL, &error));
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE watchlist SET added_at = %" G_GINT64_FORMAT
                                            " WHERE kind = 'channel'", now - 3 * 86400);

    g_assert_true (ssv_database_exec (db, sql, &error));
  }
  if (bookmark_minutes_ago >= 0)
    g_assert_true (ssv_settings_store_set_int (db, SSV_UPLOADS_BOOKMARK_KEY, now - bookmark_minutes_ago * 60, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_uploads_live (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autoptr(SsvFakeServer) server = ssv_fake_server_new ();
  g_autoptr(SsvFakeYoutube) youtube = ssv_fake_youtube_new (server);
  g_autofree char *db_path = make_followed (dir, youtube, TRUE, -1);
  FakeShell shell = { 0 };
  WaitCount wait = { &shell, 2 };
  SsvApplication *app;
  GVariant *daily, *seldom;
  g_autoptr(GVariant) open = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *daily_title = NULL;
  g_autofree char *daily_body = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *seldom_title = NULL;
  const char *action = NULL;

  fake_shell_start (&shell);
  app = start_service (db_path);

  /* One per channel, its uploads since the follow listed; no Short, no premiere. */
  g_assert_true (ssv_test_wait_for (has_count, &wait, 60000));
  ssv_ui_test_iterate (1000);
  g_assert_cmpuint (shell.received->len, ==, 2);

  daily = find_notification (&shell, "uploads-" UPLOADS_A);
  g_assert_nonnull (daily);
  daily_title = lookup_string (daily, "title");
  g_assert_cmpstr (daily_title, ==, "3 New Videos from Daily Channel");
  daily_body = lookup_string (daily, "body");
  g_assert_null (strstr (daily_body, "A Short"));
  g_assert_null (strstr (daily_body, "A Premiere"));
  lines = g_strsplit (daily_body, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);

  seldom = find_notification (&shell, "uploads-" UPLOADS_B);
  g_assert_nonnull (seldom);
  seldom_title = lookup_string (seldom, "title");
  g_assert_cmpstr (seldom_title, ==, "New Video from Seldom Channel");

  open = lookup_button (daily, "Open");
  g_assert_nonnull (open);
  g_assert_true (g_variant_lookup (open, "action", "&s", &action));
  g_assert_cmpstr (action, ==, "app.open-channel");
  target = g_variant_lookup_value (open, "target", G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, UPLOADS_A);

  ssv_ui_test_stop_app (app);
  fake_shell_stop (&shell);
  ssv_test_remove_tree (dir);
}

static void
test_uploads_catch_up (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autoptr(SsvFakeServer) server = ssv_fake_server_new ();
  g_autoptr(SsvFakeYoutube) youtube = ssv_fake_youtube_new (server);
  /* Nobody looked for two days. (One channel: each channel's refresh is a look.) */
  g_autofree char *db_path = make_followed (dir, youtube, FALSE, 2 * 24 * 60);
  FakeShell shell = { 0 };
  WaitCount wait = { &shell, 1 };
  SsvApplication *app;
  GVariant *call;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  fake_shell_start (&shell);
  app = start_service (db_path);

  g_assert_true (ssv_test_wait_for (has_count, &wait, 60000));
  ssv_ui_test_iterate (1000);
  call = find_notification (&shell, "uploads-catch-up");
  g_assert_nonnull (call);
  title = lookup_string (call, "title");
  g_assert_cmpstr (title, ==, "3 Videos Uploaded While You Were Away");
  body = lookup_string (call, "body");
  g_assert_cmpstr (body, ==, "Daily Channel (3)");
  g_assert_null (find_notification (&shell, "uploads-" UPLOADS_A));

  ssv_ui_test_stop_app (app);
  fake_shell_stop (&shell);
  ssv_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);
  gtk_init ();

  g_test_add_func ("/ui/notifications/live", test_live);
  g_test_add_func ("/ui/notifications/catch-up", test_catch_up);
  g_test_add_func ("/ui/notifications/wished-not-owned", test_wished_not_owned);
  g_test_add_func ("/ui/notifications/uploads-per-channel", test_uploads_live);
  g_test_add_func ("/ui/notifications/uploads-catch-up", test_uploads_catch_up);
  g_test_add_func ("/ui/notifications/scheduler-runs-missed", test_scheduler_runs_missed);
  g_test_add_func ("/ui/notifications/stop-waits-for-running-job", test_stop_waits_for_running_job);
  g_test_add_func ("/ui/notifications/import-ready", test_import_ready);
  g_test_add_func ("/ui/notifications/import-ready-episode", test_import_ready_episode);
  g_test_add_func ("/ui/notifications/autostart", test_autostart);
  g_test_add_func ("/ui/notifications/autostart-portal", test_autostart_portal);

  return g_test_run ();
}
