/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-worker.c: base of the enrichment workers: the object, its main-thread API (start,
 * stop, shut down, pause, hold, keys, requests), stats and main-context signals. The run
 * loop is in ssv-worker-loop.c, the outcome rules it applies in ssv-worker-rules.c. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "workers/ssv-worker-private.h"
#include "workers/ssv-worker-rules.h"
#include "stores/ssv-settings-store.h"
#include "ssv-thread.h"

#define DEFAULT_RETRY_WINDOW_S  (30 * 24 * 3600)

static void
item_done_free (gpointer data)
{
  ItemDone *done = data;

  g_free (done->label);
  g_free (done);
}

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_HTTP,
  PROP_SECRETS,
  PROP_STORE,
  PROP_NAME,
  PROP_DISPLAY_NAME,
  PROP_STATE,
  PROP_NOTE,
  PROP_CURRENT_ITEM,
  N_PROPS
};

enum {
  PROGRESS,
  STATE_CHANGED,
  ITEM_DONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SsvWorker, ssv_worker, G_TYPE_OBJECT)

static const GEnumValue state_values[] = {
  { SSV_WORKER_STOPPED, "SSV_WORKER_STOPPED", "stopped" },
  { SSV_WORKER_IDLE, "SSV_WORKER_IDLE", "idle" },
  { SSV_WORKER_WORKING, "SSV_WORKER_WORKING", "working" },
  { SSV_WORKER_PAUSED, "SSV_WORKER_PAUSED", "paused" },
  { SSV_WORKER_HELD, "SSV_WORKER_HELD", "held" },
  { SSV_WORKER_COOLDOWN, "SSV_WORKER_COOLDOWN", "cooldown" },
  { SSV_WORKER_NEEDS_KEY, "SSV_WORKER_NEEDS_KEY", "needs-key" },
  { SSV_WORKER_QUOTA, "SSV_WORKER_QUOTA", "quota" },
  { 0, NULL, NULL },
};

GType
ssv_worker_state_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("SsvWorkerState", state_values));

  return type;
}

/* "working", "paused", … */
const char *
ssv_worker_state_to_string (SsvWorkerState state)
{
  for (guint i = 0; state_values[i].value_nick != NULL; i++)
    if (state_values[i].value == (int) state)
      return state_values[i].value_nick;

  return "stopped";
}

/* ---- class setup ------------------------------------------------------------ */

void
ssv_worker_class_set_provider (SsvWorkerClass *klass,
                               const char     *name,
                               const char     *display_name)
{
  klass->name = name;
  klass->display_name = display_name;
}

void
ssv_worker_class_add_kind (SsvWorkerClass *klass,
                           SsvItemKind     kind,
                           SsvRequirement  requirement)
{
  g_return_if_fail (kind < SSV_N_ITEM_KINDS);

  klass->kinds |= 1u << kind;
  klass->queued_kinds |= 1u << kind;
  klass->requirements[kind] = requirement;
}

/* Counts @kind in the worker's progress without queueing it (a show's episodes come with it). */
void
ssv_worker_class_count_kind (SsvWorkerClass *klass,
                             SsvItemKind     kind)
{
  g_return_if_fail (kind < SSV_N_ITEM_KINDS);

  klass->kinds |= 1u << kind;
  klass->requirements[kind] = SSV_REQUIRE_NOTHING;
}

/* ---- main-context delivery -------------------------------------------------- */

static gboolean
dispatch_cb (gpointer data)
{
  SsvWorker *self = data;
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  GQueue done = G_QUEUE_INIT;
  guint notify;
  gboolean progress;
  ItemDone *item;

  g_mutex_lock (&priv->lock);
  priv->dispatch_scheduled = FALSE;
  notify = priv->pending_notify;
  progress = priv->pending_progress;
  priv->pending_notify = 0;
  priv->pending_progress = FALSE;
  done = priv->done;
  g_queue_init (&priv->done);
  g_mutex_unlock (&priv->lock);

  if (notify & NOTIFY_STATE)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
      g_signal_emit (self, signals[STATE_CHANGED], 0);
    }
  if (notify & NOTIFY_ITEM)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_ITEM]);

  while ((item = g_queue_pop_head (&done)) != NULL)
    {
      g_signal_emit (self, signals[ITEM_DONE], 0, (guint) item->kind, item->id, (guint) item->outcome,
                     item->label);
      item_done_free (item);
    }

  if (progress)
    g_signal_emit (self, signals[PROGRESS], 0);

  return G_SOURCE_REMOVE;
}

SsvWorkerPrivate *
ssv_worker_get_private (SsvWorker *self)
{
  return ssv_worker_get_instance_private (self);
}

/* Always through an idle source, never directly: the caller may hold the lock. */
void
ssv_worker_schedule_dispatch_locked (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  GSource *source;

  if (priv->dispatch_scheduled)
    return;

  priv->dispatch_scheduled = TRUE;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, dispatch_cb, g_object_ref (self), g_object_unref);
  g_source_set_static_name (source, "[ssv] worker dispatch");
  g_source_attach (source, priv->main_context);
  g_source_unref (source);
}

void
ssv_worker_set_state_locked (SsvWorker      *self,
                             SsvWorkerState  state,
                             const char     *note)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  char *copy;

  if (priv->state == state && g_strcmp0 (priv->note, note) == 0)
    return;

  /* Copy first: @note may be one of this worker's own strings. */
  copy = g_strdup (note);
  priv->state = state;
  g_free (priv->note);
  priv->note = copy;
  priv->pending_notify |= NOTIFY_STATE;
  ssv_worker_schedule_dispatch_locked (self);
}

void
ssv_worker_set_state (SsvWorker      *self,
                      SsvWorkerState  state,
                      const char     *note)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  g_mutex_lock (&priv->lock);
  ssv_worker_set_state_locked (self, state, note);
  g_mutex_unlock (&priv->lock);
}

void
ssv_worker_set_current_item (SsvWorker  *self,
                             const char *label)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  g_mutex_lock (&priv->lock);
  if (g_strcmp0 (priv->current_item, label) != 0)
    {
      g_free (priv->current_item);
      priv->current_item = g_strdup (label);
      priv->pending_notify |= NOTIFY_ITEM;
      ssv_worker_schedule_dispatch_locked (self);
    }
  g_mutex_unlock (&priv->lock);
}

/* "worker.tmdb.paused": where the worker keeps what it remembers across restarts. */
char *
ssv_worker_settings_key (SsvWorker  *self,
                         const char *what)
{
  return g_strdup_printf ("worker.%s.%s", klass_of (self)->name, what);
}

/* ---- the loop's thread ------------------------------------------------------------ */

/* Tells whoever waits in ssv_worker_shutdown_async() that the loop has ended. */
static void
complete_shutdowns (GPtrArray *waiting)
{
  for (guint i = 0; i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);
      GSource *cancel_source = g_task_get_task_data (task);

      /* From here on this thread answers, not a cancelled wait. */
      if (cancel_source != NULL)
        g_source_destroy (cancel_source);
      g_task_return_boolean (task, TRUE);
    }
}

/* The loop has ended: the worker is stopped, and whoever waits for that is taken along. */
static GPtrArray *
end_loop (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  GPtrArray *waiting = g_ptr_array_new_with_free_func (g_object_unref);

  g_mutex_lock (&priv->lock);
  {
    /* Why a single pass ended early stays readable. */
    gboolean keep = priv->state == SSV_WORKER_NEEDS_KEY || priv->state == SSV_WORKER_QUOTA;
    g_autofree char *note = keep ? g_strdup (priv->note) : NULL;

    priv->running = FALSE;
    g_clear_pointer (&priv->current_item, g_free);
    priv->pending_notify |= NOTIFY_ITEM;
    ssv_worker_set_state_locked (self, SSV_WORKER_STOPPED, note);
    /* The main context hears of the end even when the state was "stopped" already. */
    ssv_worker_schedule_dispatch_locked (self);
  }
  g_ptr_array_extend_and_steal (waiting, g_steal_pointer (&priv->shutdowns));
  priv->shutdowns = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_unlock (&priv->lock);

  return waiting;
}

/* The thread holds a reference to the worker until the loop has ended and every wait for
 * that is answered: those answers arrive on the waiters' main context, after the state. */
static gpointer
loop_thread_main (gpointer data)
{
  SsvWorker *self = data;
  g_autoptr(GPtrArray) waiting = NULL;

  ssv_worker_run_loop (self);
  waiting = end_loop (self);
  complete_shutdowns (waiting);
  g_object_unref (self);

  return NULL;
}

/* ---- public API (main thread) --------------------------------------------------- */

static void
start (SsvWorker *self,
       gboolean   once)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *thread_name = NULL;
  GThread *thread;

  g_mutex_lock (&priv->lock);
  if (priv->running)
    {
      g_mutex_unlock (&priv->lock);
      return;
    }
  priv->running = TRUE;
  priv->once = once;
  g_clear_object (&priv->cancellable);
  priv->cancellable = g_cancellable_new ();
  g_mutex_unlock (&priv->lock);

  /* A thread of its own, not one of GLib's shared GTask threads: the loop lives as long as
   * the app, and five long loops there would starve the UI's short tasks. */
  thread_name = g_strdup_printf ("ssv-%s", klass_of (self)->name);
  thread = g_thread_try_new (thread_name, loop_thread_main, g_object_ref (self), &error);
  if (thread == NULL)
    {
      g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func (g_object_unref);

      g_warning ("Could not start the %s worker: %s", klass_of (self)->name, error->message);
      g_mutex_lock (&priv->lock);
      priv->running = FALSE;
      g_ptr_array_extend_and_steal (waiting, g_steal_pointer (&priv->shutdowns));
      priv->shutdowns = g_ptr_array_new_with_free_func (g_object_unref);
      g_mutex_unlock (&priv->lock);
      complete_shutdowns (waiting);
      g_object_unref (self);
      return;
    }
  g_thread_unref (thread);
}

/* Starts the run loop in its own thread; it keeps going until stopped. */
void
ssv_worker_start (SsvWorker *self)
{
  g_return_if_fail (SSV_IS_WORKER (self));

  start (self, FALSE);
}

/* Starts the run loop until the queue is empty (or a key is missing), then stops. */
void
ssv_worker_start_once (SsvWorker *self)
{
  g_return_if_fail (SSV_IS_WORKER (self));

  start (self, TRUE);
}

/* Ends the run loop; a call in flight is cancelled and its item left unmarked.
 * ssv_worker_shutdown_async() also says when the loop has ended. */
void
ssv_worker_stop (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  g_return_if_fail (SSV_IS_WORKER (self));

  g_mutex_lock (&priv->lock);
  if (priv->cancellable != NULL)
    g_cancellable_cancel (priv->cancellable);
  g_cond_broadcast (&priv->cond);
  g_mutex_unlock (&priv->lock);
}

gboolean
ssv_worker_is_running (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  gboolean running;

  g_mutex_lock (&priv->lock);
  running = priv->running;
  g_mutex_unlock (&priv->lock);

  return running;
}

/* The caller gave up waiting: answered now, unless the loop's end answered first. */
static gboolean
shutdown_cancelled_cb (GCancellable *cancellable,
                       gpointer      data)
{
  GTask *task = data;
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (g_task_get_source_object (task));
  gboolean waiting;
  guint index;

  g_mutex_lock (&priv->lock);
  waiting = g_ptr_array_find (priv->shutdowns, task, &index);
  if (waiting)
    g_ptr_array_steal_index (priv->shutdowns, index);
  g_mutex_unlock (&priv->lock);

  if (waiting)
    {
      g_task_return_error_if_cancelled (task);
      g_object_unref (task);
    }

  return G_SOURCE_REMOVE;
}

/**
 * ssv_worker_shutdown_async:
 * @cancellable: (nullable): gives up waiting; the loop still ends
 *
 * Ends the run loop as ssv_worker_stop() does (the call in hand cancelled, its item left
 * unmarked), and calls back on the caller's main context once the loop's thread has let go:
 * the worker is stopped, and its state says so. A worker that is not running calls back
 * at once.
 */
void
ssv_worker_shutdown_async (SsvWorker           *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SSV_IS_WORKER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ssv_worker_shutdown_async);
  g_task_set_name (task, "[ssv] worker shutdown");

  g_mutex_lock (&priv->lock);
  if (!priv->running)
    {
      g_mutex_unlock (&priv->lock);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (cancellable != NULL)
    {
      GSource *cancel_source = g_cancellable_source_new (cancellable);

      g_task_set_task_data (task, g_source_ref (cancel_source), (GDestroyNotify) g_source_unref);
      g_task_attach_source (task, cancel_source, G_SOURCE_FUNC (shutdown_cancelled_cb));
      g_source_unref (cancel_source);
    }
  g_ptr_array_add (priv->shutdowns, g_object_ref (task));
  if (priv->cancellable != NULL)
    g_cancellable_cancel (priv->cancellable);
  g_cond_broadcast (&priv->cond);
  g_mutex_unlock (&priv->lock);
}

/* Returns: %TRUE once the loop has ended; %FALSE with G_IO_ERROR_CANCELLED if the wait was
 * given up first */
gboolean
ssv_worker_shutdown_finish (SsvWorker     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ssv_worker_shutdown_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
persist_pause_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  SsvWorker *self = source_object;
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  g_autofree char *key = ssv_worker_settings_key (self, "paused");
  g_autoptr(GError) error = NULL;
  gboolean paused;

  g_assert (!SSV_IS_MAIN_THREAD ());

  /* The latest wish wins, whatever order these tasks run in. */
  g_mutex_lock (&priv->lock);
  paused = priv->user_paused;
  g_mutex_unlock (&priv->lock);

  if (!ssv_settings_store_set_int (priv->database, key, paused, &error))
    g_warning ("Could not remember that %s is paused: %s", klass_of (self)->name, error->message);

  g_task_return_boolean (task, TRUE);
}

static void
set_user_paused (SsvWorker *self,
                 gboolean   paused)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  g_autoptr(GTask) task = NULL;

  g_mutex_lock (&priv->lock);
  priv->user_paused = paused;
  priv->user_touched_pause = TRUE;
  if (!paused && priv->key_wait)
    {
      /* "Resume" on a rejected key means: try it again. */
      priv->key_check = TRUE;
      priv->retry_rejected_key = TRUE;
    }
  /* A running loop says for itself what it does next; a stopped one stays stopped,
   * but whoever shows the pause should look again. */
  if (!priv->running)
    {
      priv->pending_notify |= NOTIFY_STATE;
      ssv_worker_schedule_dispatch_locked (self);
    }
  g_cond_broadcast (&priv->cond);
  g_mutex_unlock (&priv->lock);

  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_source_tag (task, set_user_paused);
  g_task_run_in_thread (task, persist_pause_thread);
}

/* The person's pause: takes effect after the item in hand, and is remembered. */
void
ssv_worker_pause (SsvWorker *self)
{
  g_return_if_fail (SSV_IS_WORKER (self));

  set_user_paused (self, TRUE);
}

void
ssv_worker_resume (SsvWorker *self)
{
  g_return_if_fail (SSV_IS_WORKER (self));

  set_user_paused (self, FALSE);
}

gboolean
ssv_worker_get_user_paused (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  gboolean paused;

  g_mutex_lock (&priv->lock);
  paused = priv->user_paused;
  g_mutex_unlock (&priv->lock);

  return paused;
}

/* A scan writes: wait after the item in hand. Counted; never touches the person's pause. */
void
ssv_worker_hold (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  g_return_if_fail (SSV_IS_WORKER (self));

  g_mutex_lock (&priv->lock);
  priv->hold_count++;
  g_cond_broadcast (&priv->cond);
  g_mutex_unlock (&priv->lock);
}

void
ssv_worker_release (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  g_return_if_fail (SSV_IS_WORKER (self));

  g_mutex_lock (&priv->lock);
  if (priv->hold_count > 0)
    priv->hold_count--;
  /* The scan may have brought new titles. */
  priv->woken = TRUE;
  g_cond_broadcast (&priv->cond);
  g_mutex_unlock (&priv->lock);
}

/* The key in the keyring changed: read it again, and leave a key wait. */
void
ssv_worker_key_changed (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  g_return_if_fail (SSV_IS_WORKER (self));

  g_mutex_lock (&priv->lock);
  priv->key_reload = TRUE;
  priv->key_check = TRUE;
  priv->woken = TRUE;
  g_cond_broadcast (&priv->cond);
  g_mutex_unlock (&priv->lock);
}

/* New work may exist (a scan finished, another provider found an id). */
void
ssv_worker_wake (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  g_return_if_fail (SSV_IS_WORKER (self));

  g_mutex_lock (&priv->lock);
  priv->woken = TRUE;
  g_cond_broadcast (&priv->cond);
  g_mutex_unlock (&priv->lock);
}

/* A person wants this title now (a detail page opened, a re-match): it goes first. */
void
ssv_worker_request (SsvWorker   *self,
                    SsvItemKind  kind,
                    gint64       id)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  Request *request;

  g_return_if_fail (SSV_IS_WORKER (self));

  if (kind >= SSV_N_ITEM_KINDS || !(klass_of (self)->queued_kinds & (1u << kind)))
    return;

  g_mutex_lock (&priv->lock);
  for (GList *l = priv->requests.head; l != NULL; l = l->next)
    {
      Request *queued = l->data;

      if (queued->kind == kind && queued->id == id)
        {
          g_mutex_unlock (&priv->lock);
          return;
        }
    }
  request = g_new0 (Request, 1);
  request->kind = kind;
  request->id = id;
  g_queue_push_tail (&priv->requests, request);
  priv->woken = TRUE;
  g_cond_broadcast (&priv->cond);
  g_mutex_unlock (&priv->lock);
}

void
ssv_worker_set_retry_window (SsvWorker *self,
                             gint64     seconds)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  g_mutex_lock (&priv->lock);
  priv->retry_window_s = MAX (seconds, 0);
  g_mutex_unlock (&priv->lock);
}

const char *
ssv_worker_get_name (SsvWorker *self)
{
  g_return_val_if_fail (SSV_IS_WORKER (self), NULL);

  return klass_of (self)->name;
}

const char *
ssv_worker_get_display_name (SsvWorker *self)
{
  g_return_val_if_fail (SSV_IS_WORKER (self), NULL);

  return klass_of (self)->display_name;
}

/* An item of a worker's own queue (next_items): no library title, so no kind. */
SsvWorkItem *
ssv_worker_item_new (gint64      id,
                     const char *label,
                     gboolean    attempted)
{
  SsvWorkItem *item = g_new0 (SsvWorkItem, 1);

  item->kind = SSV_N_ITEM_KINDS;
  item->id = id;
  item->title = g_strdup (label);
  item->previous = attempted ? SSV_OUTCOME_MATCHED : -1;
  return item;
}

/* Errors that say "not now" about the whole provider, not about this title:
 * nothing of the item may be written, and the base class waits. For subclasses
 * that make several calls per item and go on past some failures. */
gboolean
ssv_worker_error_stops_item (const GError *error)
{
  return ssv_worker_rules_error_stops_item (error);
}

/* Records @meta as this worker's match of @item and sets @outcome: the end of a
 * process_item that has one answer per item. */
gboolean
ssv_worker_record_match (SsvWorker          *self,
                         const SsvWorkItem  *item,
                         const SsvMeta      *meta,
                         SsvOutcome         *outcome,
                         GError            **error)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  *outcome = SSV_OUTCOME_MATCHED;
  return ssv_enrichment_store_record (priv->store, klass_of (self)->name, item, meta, *outcome,
                                      FALSE, NULL, error);
}

/* The keyring entry of the worker's key: "api-key:tmdb". */
char *
ssv_worker_dup_secret_key (SsvWorker *self)
{
  return g_strconcat ("api-key:", ssv_worker_get_name (self), NULL);
}

gboolean
ssv_worker_handles_kind (SsvWorker   *self,
                         SsvItemKind  kind)
{
  g_return_val_if_fail (SSV_IS_WORKER (self), FALSE);

  return kind < SSV_N_ITEM_KINDS && (klass_of (self)->kinds & (1u << kind)) != 0;
}

SsvWorkerState
ssv_worker_get_state (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  SsvWorkerState state;

  g_mutex_lock (&priv->lock);
  state = priv->state;
  g_mutex_unlock (&priv->lock);

  return state;
}

/* Returns: (nullable): why the worker waits, for people */
char *
ssv_worker_dup_note (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  char *note;

  g_mutex_lock (&priv->lock);
  note = g_strdup (priv->note);
  g_mutex_unlock (&priv->lock);

  return note;
}

char *
ssv_worker_dup_current_item (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  char *item;

  g_mutex_lock (&priv->lock);
  item = g_strdup (priv->current_item);
  g_mutex_unlock (&priv->lock);

  return item;
}

/* Returns: whether the worker handles @kind; @stats is zeroed when not */
gboolean
ssv_worker_get_stats (SsvWorker    *self,
                      SsvItemKind   kind,
                      SsvKindStats *stats)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  memset (stats, 0, sizeof *stats);
  if (!ssv_worker_handles_kind (self, kind))
    return FALSE;

  g_mutex_lock (&priv->lock);
  *stats = priv->stats[kind];
  g_mutex_unlock (&priv->lock);

  return TRUE;
}

/* CPU time the run loop's thread spent, in microseconds. */
gint64
ssv_worker_get_cpu_time (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  gint64 cpu;

  g_mutex_lock (&priv->lock);
  cpu = priv->cpu_us;
  g_mutex_unlock (&priv->lock);

  return cpu;
}

SsvHttp *
ssv_worker_get_http (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  return priv->http;
}

SsvEnrichmentStore *
ssv_worker_get_store (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  return priv->store;
}

SsvDatabase *
ssv_worker_get_database (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  return priv->database;
}

SsvSecrets *
ssv_worker_get_secrets (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  return priv->secrets;
}

/* The metadata language ("en-US"); valid on the worker thread during an item. */
const char *
ssv_worker_get_language (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  return priv->language ? priv->language : "en-US";
}

const char *
ssv_worker_get_region (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  return priv->region ? priv->region : "US";
}

static void
test_key_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SsvWorker *self = source_object;
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  g_autofree char *stored = NULL;
  const char *key = task_data;
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (klass_of (self)->test_key == NULL)
    {
      g_task_return_new_error (task, SSV_ERROR, SSV_ERROR_INVALID, _("%s needs no key."),
                               klass_of (self)->display_name);
      return;
    }

  if (key == NULL)
    {
      g_autofree char *secret_key = ssv_worker_dup_secret_key (self);

      stored = ssv_secrets_lookup_sync (priv->secrets, secret_key, cancellable, &error);
      if (error != NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      if (stored == NULL || stored[0] == '\0')
        {
          g_autofree char *missing = ssv_worker_rules_missing_key_note (klass_of (self)->display_name, NULL);

          g_task_return_new_error (task, SSV_ERROR, SSV_ERROR_INVALID, "%s", missing);
          return;
        }
      key = stored;
    }

  if (klass_of (self)->test_key (self, key, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ssv_worker_test_key_async:
 * @key: (nullable): a key to try before storing it, or %NULL for the stored one
 *
 * Tries a key with one cheap call, off the UI thread. It changes nothing: not
 * the stored key, not the worker's state.
 */
void
ssv_worker_test_key_async (SsvWorker           *self,
                           const char          *key,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (SSV_IS_WORKER (self));

  g_task_set_source_tag (task, ssv_worker_test_key_async);
  if (key != NULL && key[0] == '\0')
    {
      g_task_return_new_error (task, SSV_ERROR, SSV_ERROR_INVALID, _("Enter a key first."));
      return;
    }

  g_task_set_task_data (task, g_strdup (key), g_free);
  g_task_run_in_thread (task, test_key_thread);
}

gboolean
ssv_worker_test_key_finish (SsvWorker     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- GObject -------------------------------------------------------------------- */

static void
ssv_worker_dispose (GObject *object)
{
  SsvWorker *self = SSV_WORKER (object);

  ssv_worker_stop (self);

  G_OBJECT_CLASS (ssv_worker_parent_class)->dispose (object);
}

static void
ssv_worker_finalize (GObject *object)
{
  SsvWorker *self = SSV_WORKER (object);
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  g_clear_object (&priv->database);
  g_clear_object (&priv->http);
  g_clear_object (&priv->secrets);
  g_clear_object (&priv->store);
  g_clear_object (&priv->cancellable);
  g_clear_pointer (&priv->main_context, g_main_context_unref);
  g_clear_pointer (&priv->batch, g_ptr_array_unref);
  g_queue_clear_full (&priv->requests, g_free);
  g_queue_clear_full (&priv->retry_first, (GDestroyNotify) ssv_work_item_free);
  g_queue_clear_full (&priv->done, item_done_free);
  g_clear_pointer (&priv->shutdowns, g_ptr_array_unref);
  g_free (priv->note);
  g_free (priv->cooldown_note);
  g_free (priv->key_note);
  g_free (priv->current_item);
  g_free (priv->key);
  g_free (priv->rejected_key);
  g_free (priv->language);
  g_free (priv->region);
  g_mutex_clear (&priv->lock);
  g_cond_clear (&priv->cond);

  G_OBJECT_CLASS (ssv_worker_parent_class)->finalize (object);
}

static void
ssv_worker_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SsvWorker *self = SSV_WORKER (object);
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, priv->database);
      break;
    case PROP_HTTP:
      g_value_set_object (value, priv->http);
      break;
    case PROP_SECRETS:
      g_value_set_object (value, priv->secrets);
      break;
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_NAME:
      g_value_set_string (value, ssv_worker_get_name (self));
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, ssv_worker_get_display_name (self));
      break;
    case PROP_STATE:
      g_value_set_enum (value, ssv_worker_get_state (self));
      break;
    case PROP_NOTE:
      g_value_take_string (value, ssv_worker_dup_note (self));
      break;
    case PROP_CURRENT_ITEM:
      g_value_take_string (value, ssv_worker_dup_current_item (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_worker_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SsvWorker *self = SSV_WORKER (object);
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DATABASE:
      priv->database = g_value_dup_object (value);
      break;
    case PROP_HTTP:
      priv->http = g_value_dup_object (value);
      break;
    case PROP_SECRETS:
      priv->secrets = g_value_dup_object (value);
      break;
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_worker_constructed (GObject *object)
{
  SsvWorker *self = SSV_WORKER (object);
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  G_OBJECT_CLASS (ssv_worker_parent_class)->constructed (object);

  g_assert (klass_of (self)->name != NULL);
  g_assert (klass_of (self)->process_item != NULL);

  if (priv->store == NULL && priv->database != NULL)
    priv->store = ssv_enrichment_store_new (priv->database);
}

static void
ssv_worker_class_init (SsvWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_worker_dispose;
  object_class->finalize = ssv_worker_finalize;
  object_class->get_property = ssv_worker_get_property;
  object_class->set_property = ssv_worker_set_property;
  object_class->constructed = ssv_worker_constructed;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SSV_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HTTP] =
    g_param_spec_object ("http", NULL, NULL, SSV_TYPE_HTTP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECRETS] =
    g_param_spec_object ("secrets", NULL, NULL, SSV_TYPE_SECRETS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SSV_TYPE_ENRICHMENT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, SSV_TYPE_WORKER_STATE, SSV_WORKER_STOPPED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_ITEM] =
    g_param_spec_string ("current-item", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SsvWorker::progress:
   *
   * The counts changed (ssv_worker_get_stats()). On the main context.
   */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SsvWorker::state-changed:
   *
   * The state or the note changed. On the main context.
   */
  signals[STATE_CHANGED] =
    g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SsvWorker::item-done:
   * @kind: an #SsvItemKind
   * @id: the movie's, show's or episode's row id
   * @outcome: an #SsvOutcome
   * @label: what a person calls the item: "Heat (1995)"
   *
   * An item was marked. On the main context.
   */
  signals[ITEM_DONE] =
    g_signal_new ("item-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4, G_TYPE_UINT, G_TYPE_INT64, G_TYPE_UINT,
                  G_TYPE_STRING);
}

static void
ssv_worker_init (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  g_mutex_init (&priv->lock);
  g_cond_init (&priv->cond);
  g_queue_init (&priv->requests);
  g_queue_init (&priv->retry_first);
  g_queue_init (&priv->done);
  priv->shutdowns = g_ptr_array_new_with_free_func (g_object_unref);
  priv->retry_window_s = DEFAULT_RETRY_WINDOW_S;
  priv->state = SSV_WORKER_STOPPED;
  /* Signals go to whoever created the worker: the app's main loop. */
  priv->main_context = g_main_context_ref_thread_default ();
}
