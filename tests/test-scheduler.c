/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-scheduler.c: scheduled jobs: intervals on a manual clock, every library job's
 * missed-run rule, no overlap, persisted results, and wake-ups from a mocked logind. */

#include "config.h"

#include <string.h>

#include "ssv-error.h"
#include "ssv-library-jobs.h"
#include "ssv-scheduler.h"
#include "ssv-test-logind.h"
#include "ssv-test-utils.h"
#include "model/ssv-scheduler-job-private.h"

/* Monday 2 March 2026, 12:00 UTC: the tests run with TZ unset (UTC). */
#define T0 ((gint64) 1772452800)
#define HOUR 3600
#define DAY (24 * HOUR)

typedef struct
{
  GHashTable *runs;        /* name → count */
  GPtrArray  *held;        /* tasks not yet completed (GTask*) */
  gboolean    hold;        /* new runs wait until completed by the test */
  guint       running;
  guint       most_running;
  const char *fail_with;   /* a run ends with this error */
  gboolean    busy;        /* a run is skipped */
} Counter;

static void
counter_init (Counter *counter)
{
  memset (counter, 0, sizeof *counter);
  counter->runs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  counter->held = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
counter_clear (Counter *counter)
{
  g_clear_pointer (&counter->runs, g_hash_table_unref);
  g_clear_pointer (&counter->held, g_ptr_array_unref);
}

static guint
runs_of (Counter    *counter,
         const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counter->runs, name));
}

static void
finish_run (Counter *counter,
            GTask   *task)
{
  counter->running--;
  if (counter->fail_with != NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", counter->fail_with);
  else if (counter->busy)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "A scan was already running.");
  else
    g_task_return_pointer (task, g_strdup ("done"), g_free);
}

static void
counting_job (SsvScheduler    *scheduler,
              SsvSchedulerJob *job,
              GTask           *task,
              gpointer         user_data)
{
  Counter *counter = user_data;
  const char *name = ssv_scheduler_job_get_name (job);

  g_hash_table_insert (counter->runs, g_strdup (name), GUINT_TO_POINTER (runs_of (counter, name) + 1));
  counter->running++;
  counter->most_running = MAX (counter->most_running, counter->running);

  if (counter->hold)
    g_ptr_array_add (counter->held, g_object_ref (task));
  else
    finish_run (counter, task);
}

static gboolean
is_loaded (gpointer data)
{
  return ssv_scheduler_get_loaded (data);
}

static void
start_and_wait (SsvScheduler *scheduler)
{
  ssv_scheduler_start (scheduler);
  g_assert_true (ssv_test_wait_for (is_loaded, scheduler, 5000));
  /* Runs finish through GTask callbacks: deliver them. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
store_row (SsvDatabase *db,
           const char  *name,
           gint64       interval,
           gint64       last_run,
           gint64       next_run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "INSERT INTO scheduled_jobs (name, interval_s, last_run_at, last_finished_at, last_result, next_run_at) "
    "VALUES (?1, ?2, ?3, ?3, 'ok', ?4)", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, interval);
  sqlite3_bind_int64 (stmt, 3, last_run);
  sqlite3_bind_int64 (stmt, 4, next_run);
  g_assert_true (ssv_stmt_step_done (stmt, &error));
}

static gint64
stored_int (SsvDatabase *db,
            const char  *column,
            const char  *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM scheduled_jobs WHERE name = '%s'", column, name);

  return ssv_test_query_int (db, sql);
}

/* A job never run before waits one interval: a first start does not scan at once. */
static void
test_first_run_waits (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(SsvClock) clock = ssv_clock_new_manual (T0);
  g_autoptr(SsvScheduler) scheduler = ssv_scheduler_new (db, clock);
  Counter counter;

  counter_init (&counter);
  ssv_scheduler_register (scheduler, "hourly", "Hourly", HOUR, SSV_JOB_NO_HOUR, SSV_JOB_NONE,
                          counting_job, &counter, NULL);
  start_and_wait (scheduler);
  ssv_scheduler_flush (scheduler);

  g_assert_cmpuint (runs_of (&counter, "hourly"), ==, 0);
  g_assert_cmpint (stored_int (db, "next_run_at", "hourly"), ==, T0 + HOUR);

  ssv_clock_advance (clock, HOUR - 1);
  settle ();
  g_assert_cmpuint (runs_of (&counter, "hourly"), ==, 0);
  ssv_clock_advance (clock, 1);
  settle ();
  g_assert_cmpuint (runs_of (&counter, "hourly"), ==, 1);

  ssv_scheduler_stop (scheduler);
  g_clear_object (&scheduler);
  counter_clear (&counter);
  ssv_test_close_temp_database (&db, &dir);
}

static const SsvLibraryJobSpec *by_next_specs;

static int
by_next_run (gconstpointer a,
             gconstpointer b,
             gpointer      db)
{
  gint64 x = stored_int (db, "next_run_at", by_next_specs[*(const guint *) a].name);
  gint64 y = stored_int (db, "next_run_at", by_next_specs[*(const guint *) b].name);

  return x < y ? -1 : x > y;
}

/* Every job of the library, missed for ten of its intervals while the app was
 * not running: once at start, and then again only when its next run comes. */
static void
test_library_jobs_missed_once (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(SsvClock) clock = ssv_clock_new_manual (T0);
  g_autoptr(SsvScheduler) scheduler = ssv_scheduler_new (db, clock);
  const SsvLibraryJobSpec *specs;
  guint order[16];
  guint n_specs;
  Counter counter;

  counter_init (&counter);
  specs = ssv_library_jobs_get_specs (&n_specs);
  g_assert_cmpuint (n_specs, >=, 5);
  g_assert_cmpuint (n_specs, <=, G_N_ELEMENTS (order));
  for (guint i = 0; i < n_specs; i++)
    order[i] = i;
  by_next_specs = specs;

  for (guint i = 0; i < n_specs; i++)
    {
      store_row (db, specs[i].name, specs[i].interval, T0 - 11 * specs[i].interval, T0 - 10 * specs[i].interval);
      ssv_scheduler_register (scheduler, specs[i].name, specs[i].title, specs[i].interval, specs[i].at_hour,
                              specs[i].flags, counting_job, &counter, NULL);
    }

  start_and_wait (scheduler);
  ssv_scheduler_flush (scheduler);

  for (guint i = 0; i < n_specs; i++)
    {
      gint64 next = stored_int (db, "next_run_at", specs[i].name);

      g_test_message ("%s: next run %" G_GINT64_FORMAT, specs[i].name, next);
      g_assert_cmpuint (runs_of (&counter, specs[i].name), ==, 1);
      g_assert_cmpint (stored_int (db, "last_run_at", specs[i].name), ==, T0);
      g_assert_cmpint (next, >, T0);
      g_assert_cmpint (next, <=, T0 + specs[i].interval + DAY);
      if (specs[i].at_hour >= 0)
        {
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (next);
          g_assert_cmpint (g_date_time_get_hour (when), ==, specs[i].at_hour);
          g_assert_cmpint (g_date_time_get_minute (when), ==, 0);
        }
    }

  /* Each comes again at its own next run, once: in the order they come. */
  g_qsort_with_data (order, n_specs, sizeof (guint), by_next_run, db);
  for (guint k = 0; k < n_specs; k++)
    {
      guint i = order[k];
      gint64 next = stored_int (db, "next_run_at", specs[i].name);
      guint before = runs_of (&counter, specs[i].name);

      if (ssv_clock_get_now (clock) < next - 1)
        ssv_clock_set_now (clock, next - 1);
      settle ();
      g_assert_cmpuint (runs_of (&counter, specs[i].name), ==, before);
      ssv_clock_set_now (clock, MAX (next, ssv_clock_get_now (clock)));
      settle ();
      g_assert_cmpuint (runs_of (&counter, specs[i].name), ==, before + 1);
    }

  ssv_scheduler_stop (scheduler);
  g_clear_object (&scheduler);
  counter_clear (&counter);
  ssv_test_close_temp_database (&db, &dir);
}

/* A long job never runs twice at once: its timer, "Run now" and a wake all see it running. */
static void
test_never_overlaps (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(SsvClock) clock = ssv_clock_new_manual (T0);
  g_autoptr(SsvScheduler) scheduler = ssv_scheduler_new (db, clock);
  g_autoptr(GError) error = NULL;
  Counter counter;

  counter_init (&counter);
  counter.hold = TRUE;
  ssv_scheduler_register (scheduler, "slow", "Slow", HOUR, SSV_JOB_NO_HOUR, SSV_JOB_NONE,
                          counting_job, &counter, NULL);
  start_and_wait (scheduler);

  ssv_clock_advance (clock, HOUR);
  settle ();
  g_assert_cmpuint (runs_of (&counter, "slow"), ==, 1);
  g_assert_true (ssv_scheduler_job_get_running (ssv_scheduler_lookup (scheduler, "slow")));

  for (int i = 0; i < 5; i++)
    {
      ssv_clock_advance (clock, HOUR);
      settle ();
    }
  ssv_scheduler_check_due (scheduler);
  g_assert_false (ssv_scheduler_run_now (scheduler, "slow", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_cmpuint (runs_of (&counter, "slow"), ==, 1);
  g_assert_cmpuint (counter.most_running, ==, 1);

  /* It ends long after its next run was due: that run comes once, now. */
  counter.hold = FALSE;
  finish_run (&counter, g_ptr_array_index (counter.held, 0));
  settle ();
  g_assert_cmpuint (runs_of (&counter, "slow"), ==, 2);
  g_assert_cmpuint (counter.most_running, ==, 1);
  settle ();
  g_assert_cmpuint (runs_of (&counter, "slow"), ==, 2);

  ssv_scheduler_stop (scheduler);
  g_clear_object (&scheduler);
  counter_clear (&counter);
  ssv_test_close_temp_database (&db, &dir);
}

/* Results and intervals are kept in the library and read back by the next start. */
static void
test_results_persist (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, &path);
  g_autoptr(SsvClock) clock = ssv_clock_new_manual (T0);
  g_autoptr(SsvScheduler) scheduler = ssv_scheduler_new (db, clock);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *result = NULL;
  SsvSchedulerJob *job;
  Counter counter;

  counter_init (&counter);
  ssv_scheduler_register (scheduler, "broken", "Broken", HOUR, SSV_JOB_NO_HOUR, SSV_JOB_NONE,
                          counting_job, &counter, NULL);
  ssv_scheduler_register (scheduler, "fixed", "Fixed", DAY, SSV_JOB_NO_HOUR, SSV_JOB_FIXED_INTERVAL,
                          counting_job, &counter, NULL);
  start_and_wait (scheduler);

  counter.fail_with = "TMDB had a problem (HTTP 500).";
  g_assert_true (ssv_scheduler_run_now (scheduler, "broken", &error));
  g_assert_no_error (error);
  settle ();
  g_assert_true (ssv_scheduler_set_interval (scheduler, "broken", 2 * HOUR, &error));
  g_assert_no_error (error);
  g_assert_false (ssv_scheduler_set_interval (scheduler, "fixed", HOUR, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
  g_clear_error (&error);
  counter.fail_with = NULL;
  counter.busy = TRUE;
  g_assert_true (ssv_scheduler_run_now (scheduler, "fixed", &error));
  settle ();
  ssv_scheduler_stop (scheduler);
  ssv_scheduler_flush (scheduler);
  g_clear_object (&scheduler);

  result = ssv_test_query_text (db, "SELECT last_result FROM scheduled_jobs WHERE name = 'broken'");
  message = ssv_test_query_text (db, "SELECT last_message FROM scheduled_jobs WHERE name = 'broken'");
  g_assert_cmpstr (result, ==, "failed");
  g_assert_cmpstr (message, ==, "TMDB had a problem (HTTP 500).");
  g_assert_cmpint (stored_int (db, "interval_s", "broken"), ==, 2 * HOUR);
  g_assert_cmpint (stored_int (db, "next_run_at", "broken"), ==, T0 + 2 * HOUR);
  g_clear_pointer (&result, g_free);
  result = ssv_test_query_text (db, "SELECT last_result FROM scheduled_jobs WHERE name = 'fixed'");
  g_assert_cmpstr (result, ==, "skipped");

  /* The next start (a new process) sees the same. */
  scheduler = ssv_scheduler_new (db, clock);
  ssv_scheduler_register (scheduler, "broken", "Broken", HOUR, SSV_JOB_NO_HOUR, SSV_JOB_NONE,
                          counting_job, &counter, NULL);
  g_assert_true (ssv_scheduler_load_sync (scheduler, &error));
  g_assert_no_error (error);
  job = ssv_scheduler_lookup (scheduler, "broken");
  g_assert_cmpint (ssv_scheduler_job_get_interval (job), ==, 2 * HOUR);
  g_assert_cmpstr (ssv_scheduler_job_get_last_result (job), ==, "failed");
  g_assert_cmpint (ssv_scheduler_job_get_last_run (job), ==, T0);
  g_assert_cmpint (ssv_scheduler_job_get_next_run (job), ==, T0 + 2 * HOUR);
  g_clear_object (&scheduler);

  counter_clear (&counter);
  ssv_test_close_temp_database (&db, &dir);
}

/* ---- wake-ups from logind ---------------------------------------------------------- */

static gboolean
is_listening (gpointer data)
{
  return ssv_sleep_monitor_get_listening (data);
}

typedef struct
{
  Counter *counter;
  guint    wanted;
} RunsWait;

static gboolean
has_runs (gpointer data)
{
  RunsWait *wait = data;

  return runs_of (wait->counter, "hourly") >= wait->wanted;
}

static gboolean
quiet_for (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Signals from the bus arrive in their own time: wait for a round trip past them. */
static void
let_bus_deliver (void)
{
  gboolean done = FALSE;

  g_timeout_add (300, set_flag, &done);
  g_assert_true (ssv_test_wait_for (quiet_for, &done, 5000));
}

/* The machine sleeps ten hours: monotonic timers do not count it, so only the
 * wake (PrepareForSleep(false)) can run the hourly job; it runs once, and a
 * second wake signal runs nothing more. */
static void
test_missed_while_asleep (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(SsvClock) clock = ssv_clock_new_manual (T0);
  g_autoptr(SsvScheduler) scheduler = ssv_scheduler_new (db, clock);
  g_autoptr(SsvSleepMonitor) monitor = NULL;
  SsvTestLogind logind = { 0, };
  Counter counter;
  RunsWait wait;

  ssv_test_logind_up (&logind);
  monitor = ssv_sleep_monitor_new ();
  g_assert_true (ssv_test_wait_for (is_listening, monitor, 5000));

  counter_init (&counter);
  wait.counter = &counter;
  ssv_scheduler_set_sleep_monitor (scheduler, monitor);
  ssv_scheduler_register (scheduler, "hourly", "Hourly", HOUR, SSV_JOB_NO_HOUR, SSV_JOB_NONE,
                          counting_job, &counter, NULL);
  start_and_wait (scheduler);
  ssv_clock_advance (clock, HOUR);
  settle ();
  g_assert_cmpuint (runs_of (&counter, "hourly"), ==, 1);

  ssv_test_logind_prepare_for_sleep (TRUE);
  ssv_clock_sleep (clock, 10 * HOUR);
  let_bus_deliver ();
  g_assert_cmpuint (runs_of (&counter, "hourly"), ==, 1);

  ssv_test_logind_prepare_for_sleep (FALSE);
  wait.wanted = 2;
  g_assert_true (ssv_test_wait_for (has_runs, &wait, 5000));
  settle ();
  g_assert_cmpuint (runs_of (&counter, "hourly"), ==, 2);
  g_assert_cmpint (ssv_scheduler_job_get_next_run (ssv_scheduler_lookup (scheduler, "hourly")), ==,
                   T0 + 12 * HOUR);

  ssv_test_logind_prepare_for_sleep (FALSE);
  let_bus_deliver ();
  g_assert_cmpuint (runs_of (&counter, "hourly"), ==, 2);

  ssv_scheduler_stop (scheduler);
  ssv_scheduler_set_sleep_monitor (scheduler, NULL);
  g_clear_object (&scheduler);
  g_clear_object (&monitor);
  ssv_test_logind_down (&logind);
  counter_clear (&counter);
  ssv_test_close_temp_database (&db, &dir);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* A stopped scheduler stays busy until its cancelled run has ended, so that shutdown can
 * wait for it; then it says so once. */
static void
test_busy_until_cancelled_run_ends (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(SsvClock) clock = ssv_clock_new_manual (T0);
  g_autoptr(SsvScheduler) scheduler = ssv_scheduler_new (db, clock);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  guint notified = 0;
  Counter counter;

  counter_init (&counter);
  counter.hold = TRUE;
  ssv_scheduler_register (scheduler, "hourly", "Hourly", HOUR, SSV_JOB_NO_HOUR, SSV_JOB_NONE,
                          counting_job, &counter, NULL);
  start_and_wait (scheduler);
  g_signal_connect (scheduler, "notify::busy", G_CALLBACK (count_notify), &notified);
  g_assert_false (ssv_scheduler_get_busy (scheduler));

  g_assert_true (ssv_scheduler_run_now (scheduler, "hourly", &error));
  g_assert_no_error (error);
  g_assert_true (ssv_scheduler_get_busy (scheduler));
  g_assert_cmpuint (notified, ==, 1);

  /* Cancelled, but its task is not complete: still busy. */
  ssv_scheduler_stop (scheduler);
  settle ();
  g_assert_true (ssv_scheduler_get_busy (scheduler));
  g_assert_cmpuint (counter.held->len, ==, 1);
  task = g_object_ref (g_ptr_array_index (counter.held, 0));
  g_assert_true (g_cancellable_is_cancelled (g_task_get_cancellable (task)));

  g_ptr_array_set_size (counter.held, 0);
  counter.running--;
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
  settle ();
  g_assert_false (ssv_scheduler_get_busy (scheduler));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (ssv_scheduler_job_get_last_result (ssv_scheduler_lookup (scheduler, "hourly")), ==,
                   SSV_JOB_RESULT_CANCELLED);

  g_signal_handlers_disconnect_by_data (scheduler, &notified);
  g_clear_object (&task);
  g_clear_object (&scheduler);
  counter_clear (&counter);
  ssv_test_close_temp_database (&db, &dir);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);
  g_setenv ("TZ", "UTC", TRUE);

  g_test_add_func ("/core/scheduler/first-run-waits-an-interval", test_first_run_waits);
  g_test_add_func ("/core/scheduler/library-jobs-missed-run-once", test_library_jobs_missed_once);
  g_test_add_func ("/core/scheduler/never-overlaps", test_never_overlaps);
  g_test_add_func ("/core/scheduler/busy-until-cancelled-run-ends", test_busy_until_cancelled_run_ends);
  g_test_add_func ("/core/scheduler/results-persist", test_results_persist);
  g_test_add_func ("/core/scheduler/missed-while-asleep-runs-once-at-wake", test_missed_while_asleep);

  return g_test_run ();
}
