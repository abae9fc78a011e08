/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scheduler.c: runs registered jobs at their interval, persists their runs, and runs a
 * job missed while the machine was off or asleep once, at start or wake. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-scheduler.h"
#include "model/ssv-scheduler-job-private.h"
#include "stores/ssv-scheduler-store.h"

/* The wall clock can jump (a suspend the bus did not tell of, a changed clock):
 * with the real clock, look again at least this often. */
#define MAX_WAIT_S (15 * 60)

typedef struct
{
  SsvSchedulerJob *job;
  SsvJobFunc       func;
  gpointer         user_data;
  GDestroyNotify   destroy;
  int              at_hour;
  GCancellable    *cancellable;   /* of the run under way */
} Entry;

struct _SsvScheduler
{
  GObject          parent_instance;

  SsvDatabase     *database;
  SsvClock        *clock;
  SsvSleepMonitor *sleep_monitor;
  gulong           resumed_handler;
  gulong           jumped_handler;
  GMainContext    *main_context;

  GListStore      *jobs;          /* SsvSchedulerJob, in registration order */
  GHashTable      *entries;       /* name → Entry */
  GHashTable      *stored;        /* name → SsvSchedulerJob read from the database */
  gboolean         started;
  gboolean         loaded;
  guint            timer;
  guint            n_running;     /* runs started whose task has not completed */

  /* One writer thread keeps the rows' writes in order, off the main thread. */
  GThreadPool     *writer;
  GMutex           lock;
  GCond            idle;
  guint            pending;       /* guarded by @lock */
};

enum {
  PROP_0,
  PROP_LOADED,
  PROP_BUSY,
  N_PROPS
};

enum {
  JOB_STARTED,
  JOB_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsvScheduler, ssv_scheduler, G_TYPE_OBJECT)

static void reschedule (SsvScheduler *self);

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  if (entry->destroy != NULL)
    entry->destroy (entry->user_data);
  g_clear_object (&entry->cancellable);
  g_clear_object (&entry->job);
  g_free (entry);
}

/* ---- the writer thread ------------------------------------------------------ */

typedef enum
{
  OP_SAVE,
  OP_LOAD,
} OpKind;

typedef struct
{
  SsvScheduler    *self;      /* a reference */
  OpKind           kind;
  SsvSchedulerJob *row;       /* OP_SAVE: a snapshot, owned by the op */
} Op;

static void loaded (SsvScheduler *self,
                    GPtrArray    *rows);

typedef struct
{
  SsvScheduler *self;
  GPtrArray    *rows;
} Loaded;

static gboolean
loaded_cb (gpointer data)
{
  Loaded *result = data;

  loaded (result->self, result->rows);
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_object_unref (result->self);
  g_free (result);

  return G_SOURCE_REMOVE;
}

static void
writer_func (gpointer data,
             gpointer user_data)
{
  Op *op = data;
  SsvScheduler *self = op->self;
  g_autoptr(GError) error = NULL;

  if (op->kind == OP_SAVE)
    {
      if (!ssv_scheduler_store_save (self->database, op->row, &error))
        g_warning ("Could not save the job “%s”: %s", op->row->name, error->message);
    }
  else
    {
      Loaded *result = g_new0 (Loaded, 1);

      result->rows = ssv_scheduler_store_load (self->database, &error);
      if (result->rows == NULL)
        {
          /* The jobs still run, from their defaults; their rows are written anew. */
          g_warning ("Could not read the scheduled jobs: %s", error->message);
          result->rows = g_ptr_array_new_with_free_func (g_object_unref);
        }
      result->self = g_object_ref (self);
      g_main_context_invoke_full (self->main_context, G_PRIORITY_DEFAULT, loaded_cb, result, NULL);
    }

  g_clear_object (&op->row);
  g_free (op);

  g_mutex_lock (&self->lock);
  self->pending--;
  g_cond_broadcast (&self->idle);
  g_mutex_unlock (&self->lock);
  g_object_unref (self);
}

static void
push_op (SsvScheduler    *self,
         OpKind           kind,
         SsvSchedulerJob *job)
{
  Op *op = g_new0 (Op, 1);

  op->self = g_object_ref (self);
  op->kind = kind;
  if (job != NULL)
    {
      /* A copy: the job itself changes on the main thread while the write waits. */
      op->row = ssv_scheduler_job_new (job->name, NULL, job->interval);
      ssv_scheduler_job_update_from (op->row, job);
    }

  g_mutex_lock (&self->lock);
  self->pending++;
  g_mutex_unlock (&self->lock);
  g_thread_pool_push (self->writer, op, NULL);
}

static void
save_job (SsvScheduler    *self,
          SsvSchedulerJob *job)
{
  push_op (self, OP_SAVE, job);
}

/**
 * ssv_scheduler_flush:
 *
 * Waits until every row written so far is in the database (the CLI before it
 * exits; tests).
 */
void
ssv_scheduler_flush (SsvScheduler *self)
{
  g_return_if_fail (SSV_IS_SCHEDULER (self));

  g_mutex_lock (&self->lock);
  while (self->pending > 0)
    g_cond_wait (&self->idle, &self->lock);
  g_mutex_unlock (&self->lock);
}

/* ---- times ---------------------------------------------------------------------- */

/* The first HH:00 local time after @after. */
static gint64
next_hour_after (gint64 after,
                 int    hour)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_local (after);
  g_autoptr(GDateTime) candidate = NULL;

  if (then == NULL)
    return after + 24 * 3600;

  candidate = g_date_time_new_local (g_date_time_get_year (then), g_date_time_get_month (then),
                                     g_date_time_get_day_of_month (then), hour, 0, 0);
  for (int day = 0; candidate != NULL && g_date_time_to_unix (candidate) <= after && day < 3; day++)
    {
      g_autoptr(GDateTime) next_day = g_date_time_add_days (then, day + 1);

      g_clear_pointer (&candidate, g_date_time_unref);
      candidate = g_date_time_new_local (g_date_time_get_year (next_day), g_date_time_get_month (next_day),
                                         g_date_time_get_day_of_month (next_day), hour, 0, 0);
    }

  return candidate != NULL ? g_date_time_to_unix (candidate) : after + 24 * 3600;
}

/* When a run that starts at @from is followed by the next. A job kept to an
 * hour (the nightly ones) runs at that hour, about one interval later. */
static gint64
next_run_after (Entry  *entry,
                gint64  from)
{
  gint64 interval = MAX (entry->job->interval, 1);

  if (entry->at_hour < 0)
    return from + interval;

  return next_hour_after (from + interval / 2, entry->at_hour);
}

gint64
ssv_scheduler_next_after (SsvScheduler *self,
                          const char   *name,
                          gint64        from)
{
  Entry *entry;

  g_return_val_if_fail (SSV_IS_SCHEDULER (self), 0);

  entry = g_hash_table_lookup (self->entries, name);
  return entry != NULL ? next_run_after (entry, from) : 0;
}

/* ---- running -------------------------------------------------------------------- */

static gboolean
job_is_due (Entry  *entry,
            gint64  now)
{
  return entry->job->enabled && !entry->job->running && entry->job->next_run <= now;
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SsvScheduler *self = SSV_SCHEDULER (source);
  g_autofree char *name = user_data;
  Entry *entry = g_hash_table_lookup (self->entries, name);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = g_task_propagate_pointer (G_TASK (result), &error);
  const char *outcome = SSV_JOB_RESULT_OK;

  if (entry == NULL)
    return;

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        outcome = SSV_JOB_RESULT_CANCELLED;
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY))
        outcome = SSV_JOB_RESULT_SKIPPED;
      else
        outcome = SSV_JOB_RESULT_FAILED;
      g_free (message);
      message = g_strdup (error->message);
    }

  g_clear_object (&entry->cancellable);
  self->n_running--;
  g_object_set (entry->job,
                "running", FALSE,
                "last-finished", ssv_clock_get_now (self->clock),
                "last-result", outcome,
                "last-message", message,
                NULL);
  save_job (self, entry->job);
  g_signal_emit (self, signals[JOB_FINISHED], 0, entry->job);
  if (self->n_running == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  if (self->started)
    ssv_scheduler_check_due (self);
}

static void
start_job (SsvScheduler *self,
           Entry        *entry)
{
  gint64 now = ssv_clock_get_now (self->clock);
  g_autoptr(GTask) task = NULL;

  entry->cancellable = g_cancellable_new ();
  if (self->n_running++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  /* The next run counts from this one, however many were missed: a job
   * missed for days runs once. */
  g_object_set (entry->job,
                "running", TRUE,
                "last-run", now,
                "next-run", next_run_after (entry, now),
                NULL);
  save_job (self, entry->job);
  g_signal_emit (self, signals[JOB_STARTED], 0, entry->job);

  task = g_task_new (self, entry->cancellable, job_done_cb, g_strdup (entry->job->name));
  g_task_set_source_tag (task, start_job);
  g_task_set_name (task, entry->job->name);
  entry->func (self, entry->job, task, entry->user_data);
}

/**
 * ssv_scheduler_check_due:
 *
 * Starts every enabled job whose next run has come and that is not running,
 * once each, then sets the timer for the next. The scheduler calls it itself
 * at start, on its timer, at wake and when a job ends.
 */
void
ssv_scheduler_check_due (SsvScheduler *self)
{
  g_autoptr(GPtrArray) due = g_ptr_array_new ();
  gint64 now;

  g_return_if_fail (SSV_IS_SCHEDULER (self));

  if (!self->started || !self->loaded)
    return;

  now = ssv_clock_get_now (self->clock);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->jobs)); i++)
    {
      g_autoptr(SsvSchedulerJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i);
      Entry *entry = g_hash_table_lookup (self->entries, job->name);

      if (job_is_due (entry, now))
        g_ptr_array_add (due, entry);
    }

  /* Started after the look: a job that ends at once must not be seen due again. */
  for (guint i = 0; i < due->len && self->started; i++)
    start_job (self, g_ptr_array_index (due, i));

  reschedule (self);
}

static gboolean
timer_cb (gpointer data)
{
  SsvScheduler *self = data;

  self->timer = 0;
  ssv_scheduler_check_due (self);

  return G_SOURCE_REMOVE;
}

static void
reschedule (SsvScheduler *self)
{
  gint64 now = ssv_clock_get_now (self->clock);
  gint64 earliest = G_MAXINT64;

  if (self->timer != 0)
    ssv_clock_remove_timeout (self->clock, self->timer);
  self->timer = 0;

  if (!self->started || !self->loaded)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->jobs)); i++)
    {
      g_autoptr(SsvSchedulerJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i);

      if (job->enabled && !job->running)
        earliest = MIN (earliest, job->next_run);
    }

  if (earliest == G_MAXINT64)
    return;

  self->timer = ssv_clock_add_timeout (self->clock,
                                       ssv_clock_is_manual (self->clock) ? MAX (earliest - now, 0)
                                                                         : CLAMP (earliest - now, 1, MAX_WAIT_S),
                                       timer_cb, self, NULL);
}

/* ---- loading -------------------------------------------------------------------- */

/* Takes the stored row of @entry's job, or makes one that runs one interval from now. */
static void
merge_stored (SsvScheduler *self,
              Entry        *entry)
{
  SsvSchedulerJob *row = g_hash_table_lookup (self->stored, entry->job->name);
  SsvSchedulerJob *job = entry->job;

  if (row != NULL)
    {
      g_object_set (job,
                    "interval", job->interval_editable ? row->interval : job->interval,
                    "enabled", row->enabled,
                    "last-run", row->last_run,
                    "last-finished", row->last_finished,
                    /* A run cut short by a crash or a kill ended, without a word. */
                    "last-result", row->last_result != NULL ? row->last_result
                                   : row->last_run > 0 ? SSV_JOB_RESULT_CANCELLED : NULL,
                    "last-message", row->last_message,
                    "next-run", row->next_run,
                    NULL);
      return;
    }

  g_object_set (job, "next-run", next_run_after (entry, ssv_clock_get_now (self->clock)), NULL);
  save_job (self, job);
}

static void
loaded (SsvScheduler *self,
        GPtrArray    *rows)
{
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < rows->len; i++)
    {
      SsvSchedulerJob *row = g_ptr_array_index (rows, i);
      g_hash_table_replace (self->stored, g_strdup (row->name), g_object_ref (row));
    }

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    merge_stored (self, value);

  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  ssv_scheduler_check_due (self);
}

/**
 * ssv_scheduler_load_sync:
 *
 * Reads the jobs' rows now, on this thread (the CLI); the app's
 * ssv_scheduler_start() reads them in a thread of their own.
 */
gboolean
ssv_scheduler_load_sync (SsvScheduler  *self,
                         GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (SSV_IS_SCHEDULER (self), FALSE);

  rows = ssv_scheduler_store_load (self->database, error);
  if (rows == NULL)
    return FALSE;

  loaded (self, rows);
  return TRUE;
}

gboolean
ssv_scheduler_get_loaded (SsvScheduler *self)
{
  g_return_val_if_fail (SSV_IS_SCHEDULER (self), FALSE);

  return self->loaded;
}

/**
 * ssv_scheduler_get_busy:
 *
 * Whether a run is under way: started and its job's task not completed yet,
 * also after ssv_scheduler_stop() cancelled it. Shutdown waits for %FALSE
 * before the files the jobs write go.
 */
gboolean
ssv_scheduler_get_busy (SsvScheduler *self)
{
  g_return_val_if_fail (SSV_IS_SCHEDULER (self), FALSE);

  return self->n_running > 0;
}

static void
on_wake (SsvScheduler *self)
{
  ssv_scheduler_check_due (self);
}

/**
 * ssv_scheduler_start:
 *
 * Reads the jobs' rows off this thread, then runs what is due (a run missed
 * while the app was not running, once) and keeps running jobs as they come
 * due, and when the machine wakes.
 */
void
ssv_scheduler_start (SsvScheduler *self)
{
  g_return_if_fail (SSV_IS_SCHEDULER (self));

  if (self->started)
    return;

  self->started = TRUE;
  self->jumped_handler = g_signal_connect_swapped (self->clock, "jumped", G_CALLBACK (on_wake), self);
  if (self->loaded)
    ssv_scheduler_check_due (self);
  else
    push_op (self, OP_LOAD, NULL);
}

/* Stops the timers and cancels the runs under way (they end as "cancelled"). A run
 * ends when its job completes its task: until then the scheduler stays busy. */
void
ssv_scheduler_stop (SsvScheduler *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (SSV_IS_SCHEDULER (self));

  self->started = FALSE;
  if (self->timer != 0)
    ssv_clock_remove_timeout (self->clock, self->timer);
  self->timer = 0;
  g_clear_signal_handler (&self->jumped_handler, self->clock);

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      if (entry->cancellable != NULL)
        g_cancellable_cancel (entry->cancellable);
    }
}

/* ---- registering and changing jobs --------------------------------------------------- */

/**
 * ssv_scheduler_register:
 * @name: the job's key in the database ("airing-refresh")
 * @title: for people, translated
 * @interval_s: how often it runs, unless a person changed it
 * @at_hour: the local hour a job keeps to (a nightly one: 3), or %SSV_JOB_NO_HOUR
 *
 * Adds a job. Later issues register theirs the same way.
 */
void
ssv_scheduler_register (SsvScheduler   *self,
                        const char     *name,
                        const char     *title,
                        gint64          interval_s,
                        int             at_hour,
                        SsvJobFlags     flags,
                        SsvJobFunc      func,
                        gpointer        user_data,
                        GDestroyNotify  destroy)
{
  Entry *entry;

  g_return_if_fail (SSV_IS_SCHEDULER (self));
  g_return_if_fail (name != NULL && func != NULL && interval_s > 0);
  g_return_if_fail (!g_hash_table_contains (self->entries, name));

  entry = g_new0 (Entry, 1);
  entry->job = ssv_scheduler_job_new (name, title, interval_s);
  entry->job->interval_editable = (flags & SSV_JOB_FIXED_INTERVAL) == 0;
  entry->func = func;
  entry->user_data = user_data;
  entry->destroy = destroy;
  entry->at_hour = at_hour >= 0 && at_hour < 24 ? at_hour : SSV_JOB_NO_HOUR;

  g_hash_table_insert (self->entries, g_strdup (name), entry);
  g_list_store_append (self->jobs, entry->job);

  if (self->loaded)
    {
      merge_stored (self, entry);
      ssv_scheduler_check_due (self);
    }
}

/* Returns: (transfer none) (element-type SsvSchedulerJob): the jobs, in registration order */
GListModel *
ssv_scheduler_get_jobs (SsvScheduler *self)
{
  g_return_val_if_fail (SSV_IS_SCHEDULER (self), NULL);

  return G_LIST_MODEL (self->jobs);
}

/* Returns: (transfer none) (nullable): the job called @name */
SsvSchedulerJob *
ssv_scheduler_lookup (SsvScheduler *self,
                      const char   *name)
{
  Entry *entry;

  g_return_val_if_fail (SSV_IS_SCHEDULER (self), NULL);

  entry = g_hash_table_lookup (self->entries, name);
  return entry != NULL ? entry->job : NULL;
}

static Entry *
find_entry (SsvScheduler  *self,
            const char    *name,
            GError       **error)
{
  Entry *entry = g_hash_table_lookup (self->entries, name ? name : "");

  if (entry == NULL)
    g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("There is no scheduled task “%s”."), name);

  return entry;
}

/* Runs @name now (“Run now”), unless it is running already. Its next run counts from now. */
gboolean
ssv_scheduler_run_now (SsvScheduler  *self,
                       const char    *name,
                       GError       **error)
{
  Entry *entry;

  g_return_val_if_fail (SSV_IS_SCHEDULER (self), FALSE);

  entry = find_entry (self, name, error);
  if (entry == NULL)
    return FALSE;

  if (entry->job->running)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("“%s” is running already."), entry->job->title);
      return FALSE;
    }

  start_job (self, entry);
  reschedule (self);
  return TRUE;
}

gboolean
ssv_scheduler_set_interval (SsvScheduler  *self,
                            const char    *name,
                            gint64         interval_s,
                            GError       **error)
{
  Entry *entry;
  gint64 from;

  g_return_val_if_fail (SSV_IS_SCHEDULER (self), FALSE);

  entry = find_entry (self, name, error);
  if (entry == NULL)
    return FALSE;

  if (!entry->job->interval_editable)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("How often “%s” runs cannot be changed."),
                   entry->job->title);
      return FALSE;
    }
  if (interval_s < 60)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID, _("A task runs at most once a minute."));
      return FALSE;
    }

  from = entry->job->last_run > 0 ? entry->job->last_run : ssv_clock_get_now (self->clock);
  g_object_set (entry->job, "interval", interval_s, NULL);
  g_object_set (entry->job, "next-run", next_run_after (entry, from), NULL);
  save_job (self, entry->job);
  ssv_scheduler_check_due (self);

  return TRUE;
}

gboolean
ssv_scheduler_set_enabled (SsvScheduler  *self,
                           const char    *name,
                           gboolean       enabled,
                           GError       **error)
{
  Entry *entry;

  g_return_val_if_fail (SSV_IS_SCHEDULER (self), FALSE);

  entry = find_entry (self, name, error);
  if (entry == NULL)
    return FALSE;

  g_object_set (entry->job, "enabled", enabled, NULL);
  save_job (self, entry->job);
  ssv_scheduler_check_due (self);

  return TRUE;
}

/* ---- object ---------------------------------------------------------------------- */

/* Also listens for wakes; %NULL stops listening. */
void
ssv_scheduler_set_sleep_monitor (SsvScheduler    *self,
                                 SsvSleepMonitor *monitor)
{
  g_return_if_fail (SSV_IS_SCHEDULER (self));

  if (self->sleep_monitor != NULL)
    g_clear_signal_handler (&self->resumed_handler, self->sleep_monitor);
  g_set_object (&self->sleep_monitor, monitor);
  if (monitor != NULL)
    self->resumed_handler = g_signal_connect_swapped (monitor, "resumed", G_CALLBACK (on_wake), self);
}

SsvClock *
ssv_scheduler_get_clock (SsvScheduler *self)
{
  g_return_val_if_fail (SSV_IS_SCHEDULER (self), NULL);

  return self->clock;
}

static void
ssv_scheduler_dispose (GObject *object)
{
  SsvScheduler *self = SSV_SCHEDULER (object);

  if (self->clock != NULL)
    ssv_scheduler_stop (self);
  ssv_scheduler_set_sleep_monitor (self, NULL);
  if (self->writer != NULL)
    {
      /* Waits for the writes in the queue: the rows must reach the file. */
      g_thread_pool_free (self->writer, FALSE, TRUE);
      self->writer = NULL;
    }
  if (self->jobs != NULL)
    g_list_store_remove_all (self->jobs);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->stored, g_hash_table_unref);
  g_clear_object (&self->jobs);
  g_clear_object (&self->clock);
  g_clear_object (&self->database);
  g_clear_pointer (&self->main_context, g_main_context_unref);

  G_OBJECT_CLASS (ssv_scheduler_parent_class)->dispose (object);
}

static void
ssv_scheduler_finalize (GObject *object)
{
  SsvScheduler *self = SSV_SCHEDULER (object);

  g_mutex_clear (&self->lock);
  g_cond_clear (&self->idle);

  G_OBJECT_CLASS (ssv_scheduler_parent_class)->finalize (object);
}

static void
ssv_scheduler_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SsvScheduler *self = SSV_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, ssv_scheduler_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_scheduler_class_init (SsvSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_scheduler_dispose;
  object_class->finalize = ssv_scheduler_finalize;
  object_class->get_property = ssv_scheduler_get_property;

  /**
   * SsvScheduler:loaded:
   *
   * The jobs' rows were read; their last and next runs are known.
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SsvScheduler:busy:
   *
   * A run is under way (ssv_scheduler_get_busy()).
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[JOB_STARTED] = g_signal_new ("job-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, SSV_TYPE_SCHEDULER_JOB);
  signals[JOB_FINISHED] = g_signal_new ("job-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, SSV_TYPE_SCHEDULER_JOB);
}

static void
ssv_scheduler_init (SsvScheduler *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->idle);
  self->jobs = g_list_store_new (SSV_TYPE_SCHEDULER_JOB);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  self->stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->writer = g_thread_pool_new (writer_func, NULL, 1, TRUE, NULL);
}

/**
 * ssv_scheduler_new:
 * @clock: the wall clock (ssv_clock_new()), or a manual one in tests
 *
 * Built stopped; jobs run once ssv_scheduler_start() is called. Its signals and
 * jobs run on the calling thread's main context.
 */
SsvScheduler *
ssv_scheduler_new (SsvDatabase *database,
                   SsvClock    *clock)
{
  SsvScheduler *self = g_object_new (SSV_TYPE_SCHEDULER, NULL);

  self->database = g_object_ref (database);
  self->clock = g_object_ref (clock);
  self->main_context = g_main_context_ref_thread_default ();

  return self;
}
