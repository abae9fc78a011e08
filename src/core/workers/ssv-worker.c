/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-worker.c: base of the enrichment workers: a run loop in its own thread, the
 * outcome rules, pause/hold/cooldown/key waits, stats and main-context signals. */

#include "config.h"

#include <string.h>
#include <time.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-worker.h"
#include "stores/ssv-activity-store.h"
#include "stores/ssv-settings-store.h"

#define BATCH_SIZE              50
#define DEFAULT_RETRY_WINDOW_S  (30 * 24 * 3600)
#define IDLE_RECHECK_S          60
#define KEY_RECHECK_S           60
#define STATS_REFRESH_US        (2 * G_USEC_PER_SEC)
#define TRANSPORT_FAILURES_BEFORE_BACKOFF 3

enum {
  NOTIFY_STATE = 1 << 0,
  NOTIFY_ITEM  = 1 << 1,
};

typedef struct
{
  SsvItemKind kind;
  gint64      id;
  SsvOutcome  outcome;
  char       *label;
} ItemDone;

static void
item_done_free (gpointer data)
{
  ItemDone *done = data;

  g_free (done->label);
  g_free (done);
}

typedef struct
{
  SsvItemKind kind;
  gint64      id;
} Request;

typedef enum
{
  WAIT_GO,
  WAIT_CANCELLED,
  WAIT_CHECK_KEY,
} WaitResult;

typedef struct
{
  SsvDatabase        *database;
  SsvHttp            *http;
  SsvSecrets         *secrets;
  SsvEnrichmentStore *store;
  GMainContext       *main_context;

  GMutex              lock;
  GCond               cond;

  /* Guarded by @lock. */
  SsvWorkerState      state;
  char               *note;
  char               *current_item;
  SsvKindStats        stats[SSV_N_ITEM_KINDS];
  GCancellable       *cancellable;
  gboolean            running;
  gboolean            once;
  gboolean            user_paused;
  gboolean            user_touched_pause;
  guint               hold_count;
  gint64              cooldown_until_us;
  char               *cooldown_note;     /* why it cools down */
  gint64              quota_until;
  gboolean            key_wait;
  char               *key_note;          /* why it waits for a key */
  gboolean            key_check;
  gboolean            key_reload;
  gboolean            retry_rejected_key;
  gboolean            woken;
  GQueue              requests;          /* Request* */
  GQueue              retry_first;       /* SsvWorkItem* put back by a cooldown */
  gint64              retry_window_s;
  gint64              cpu_us;
  guint               pending_notify;
  gboolean            pending_progress;
  gboolean            dispatch_scheduled;
  GQueue              done;              /* ItemDone* */

  /* Only the worker thread touches these. */
  char               *key;
  char               *rejected_key;
  GPtrArray          *batch;
  guint               batch_pos;
  char               *language;
  char               *region;
  gint64              last_stats_us;
  guint               transport_failures;
} SsvWorkerPrivate;

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

/* Always through an idle source, never directly: the caller may hold the lock. */
static void
schedule_dispatch_locked (SsvWorker *self)
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

static void
set_state_locked (SsvWorker      *self,
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
  schedule_dispatch_locked (self);
}

static void
set_state (SsvWorker      *self,
           SsvWorkerState  state,
           const char     *note)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  g_mutex_lock (&priv->lock);
  set_state_locked (self, state, note);
  g_mutex_unlock (&priv->lock);
}

static void
set_current_item (SsvWorker  *self,
                  const char *label)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  g_mutex_lock (&priv->lock);
  if (g_strcmp0 (priv->current_item, label) != 0)
    {
      g_free (priv->current_item);
      priv->current_item = g_strdup (label);
      priv->pending_notify |= NOTIFY_ITEM;
      schedule_dispatch_locked (self);
    }
  g_mutex_unlock (&priv->lock);
}

/* ---- helpers of the worker thread --------------------------------------------- */

static SsvWorkerClass *
klass_of (SsvWorker *self)
{
  return SSV_WORKER_GET_CLASS (self);
}

static void
log_activity (SsvWorker        *self,
              SsvActivityLevel  level,
              const char       *message)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  if (!ssv_activity_store_log (priv->database, "enrichment", level, klass_of (self)->display_name,
                               message, NULL, &error))
    g_debug ("Could not log “%s”: %s", message, error->message);
}

static char *
settings_key (SsvWorker  *self,
              const char *what)
{
  return g_strdup_printf ("worker.%s.%s", klass_of (self)->name, what);
}

static char *
format_clock (gint64 unix_time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (unix_time);

  return when ? g_date_time_format (when, "%H:%M") : g_strdup ("?");
}

static char *
quota_note (SsvWorker *self,
            gint64     until)
{
  g_autofree char *clock = format_clock (until);

  /* Translators: "OMDb daily limit reached, resuming at 01:00" */
  return g_strdup_printf (_("%s daily limit reached, resuming at %s"), klass_of (self)->display_name, clock);
}

static void
load_persisted_state (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  g_autofree char *paused_key = settings_key (self, "paused");
  g_autofree char *quota_key = settings_key (self, "quota-until");
  gint64 paused = ssv_settings_store_get_int (priv->database, paused_key, 0);
  gint64 quota_until = ssv_settings_store_get_int (priv->database, quota_key, 0);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_mutex_lock (&priv->lock);
  if (!priv->user_touched_pause)
    priv->user_paused = paused != 0;
  /* The library's record wins over what an earlier run of this object saw. */
  priv->quota_until = quota_until;
  if (quota_until > now)
    {
      g_autofree char *note = quota_note (self, quota_until);

      priv->quota_until = quota_until;
      set_state_locked (self, SSV_WORKER_QUOTA, note);
    }
  g_mutex_unlock (&priv->lock);
}

static void
load_language (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  g_autofree char *language = ssv_settings_store_get (priv->database, "metadata.language", NULL);
  g_autofree char *region = ssv_settings_store_get (priv->database, "metadata.region", NULL);

  g_free (priv->language);
  priv->language = language && language[0] ? g_steal_pointer (&language) : g_strdup ("en-US");
  g_free (priv->region);
  priv->region = region && region[0] ? g_steal_pointer (&region) : g_strdup ("US");
}

static void
refresh_stats (SsvWorker *self,
               gboolean   force)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  SsvWorkerClass *klass = klass_of (self);
  SsvKindStats fresh[SSV_N_ITEM_KINDS] = { { 0, }, };
  gint64 now = g_get_monotonic_time ();

  if (!force && now - priv->last_stats_us < STATS_REFRESH_US)
    return;
  priv->last_stats_us = now;

  for (guint kind = 0; kind < SSV_N_ITEM_KINDS; kind++)
    {
      g_autoptr(GError) error = NULL;

      if (!(klass->kinds & (1u << kind)))
        continue;
      if (!ssv_enrichment_store_get_stats (priv->store, klass->name, kind, klass->requirements[kind],
                                           &fresh[kind], &error))
        {
          g_debug ("%s: could not count: %s", klass->name, error->message);
          return;
        }
    }

  g_mutex_lock (&priv->lock);
  memcpy (priv->stats, fresh, sizeof fresh);
  priv->pending_progress = TRUE;
  schedule_dispatch_locked (self);
  g_mutex_unlock (&priv->lock);
}

static gint64 *
stat_slot (SsvKindStats *stats,
           int           outcome)
{
  switch (outcome)
    {
    case SSV_OUTCOME_MATCHED: return &stats->matched;
    case SSV_OUTCOME_NOT_FOUND: return &stats->not_found;
    case SSV_OUTCOME_ERROR: return &stats->errors;
    default: return &stats->pending;
    }
}

static void
item_finished (SsvWorker         *self,
               const SsvWorkItem *item,
               SsvOutcome         outcome)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  ItemDone *done = g_new0 (ItemDone, 1);
  gint64 *from;

  done->kind = item->kind;
  done->id = item->id;
  done->outcome = outcome;
  done->label = ssv_work_item_dup_label (item);

  g_mutex_lock (&priv->lock);
  if (item->kind < SSV_N_ITEM_KINDS)
    {
      from = stat_slot (&priv->stats[item->kind], item->previous);
      if (*from > 0)
        (*from)--;
      (*stat_slot (&priv->stats[item->kind], outcome))++;
    }
  g_queue_push_tail (&priv->done, done);
  priv->pending_progress = TRUE;
  schedule_dispatch_locked (self);
  g_mutex_unlock (&priv->lock);
}

static void
update_cpu_time (SsvWorker *self,
                 gint64    *thread_start_us)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  struct timespec ts;
  gint64 now_us;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return;

  now_us = (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
  g_mutex_lock (&priv->lock);
  priv->cpu_us += now_us - *thread_start_us;
  g_mutex_unlock (&priv->lock);
  *thread_start_us = now_us;
}

/* Waits while the person paused, a scan holds, the provider cools down, the
 * allowance is used up or a key is missing. Sets the state that explains it. */
static WaitResult
wait_until_allowed (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  WaitResult result = WAIT_GO;

  g_mutex_lock (&priv->lock);
  for (;;)
    {
      gint64 now_us = g_get_monotonic_time ();
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;

      if (g_cancellable_is_cancelled (priv->cancellable))
        {
          result = WAIT_CANCELLED;
          break;
        }

      /* A single pass does not wait for a person or for tomorrow. */
      if (priv->once && (priv->user_paused || priv->quota_until > now || (priv->key_wait && !priv->key_check)))
        {
          if (priv->user_paused)
            set_state_locked (self, SSV_WORKER_PAUSED, NULL);
          result = WAIT_CANCELLED;
          break;
        }

      if (priv->user_paused)
        {
          set_state_locked (self, SSV_WORKER_PAUSED, NULL);
          g_cond_wait (&priv->cond, &priv->lock);
          continue;
        }

      if (priv->hold_count > 0)
        {
          set_state_locked (self, SSV_WORKER_HELD, _("Waiting for the library scan to finish"));
          g_cond_wait (&priv->cond, &priv->lock);
          continue;
        }

      if (priv->quota_until > now)
        {
          g_autofree char *note = quota_note (self, priv->quota_until);

          set_state_locked (self, SSV_WORKER_QUOTA, note);
          /* Wake now and then: a suspended laptop's clock jumps. */
          g_cond_wait_until (&priv->cond, &priv->lock,
                             now_us + MIN (priv->quota_until - now, 60) * G_USEC_PER_SEC);
          continue;
        }

      if (priv->cooldown_until_us > now_us)
        {
          set_state_locked (self, SSV_WORKER_COOLDOWN, priv->cooldown_note);
          g_cond_wait_until (&priv->cond, &priv->lock, priv->cooldown_until_us);
          continue;
        }

      if (priv->key_wait)
        {
          if (priv->key_check)
            {
              priv->key_check = FALSE;
              result = WAIT_CHECK_KEY;
              break;
            }
          set_state_locked (self, SSV_WORKER_NEEDS_KEY, priv->key_note);
          if (!g_cond_wait_until (&priv->cond, &priv->lock, now_us + KEY_RECHECK_S * G_USEC_PER_SEC))
            priv->key_check = TRUE;
          continue;
        }

      break;
    }
  g_mutex_unlock (&priv->lock);

  return result;
}

static void
wait_for_wake (SsvWorker *self,
               guint      seconds)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  g_mutex_lock (&priv->lock);
  while (!priv->woken && !g_cancellable_is_cancelled (priv->cancellable) &&
         priv->requests.length == 0 && !priv->user_paused && priv->hold_count == 0 &&
         !priv->key_reload)
    if (!g_cond_wait_until (&priv->cond, &priv->lock, deadline))
      break;
  priv->woken = FALSE;
  g_mutex_unlock (&priv->lock);
}

static void
start_cooldown (SsvWorker  *self,
                gint64      seconds,
                const char *note)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  g_mutex_lock (&priv->lock);
  priv->cooldown_until_us = g_get_monotonic_time () + MAX (seconds, 1) * G_USEC_PER_SEC;
  g_free (priv->cooldown_note);
  priv->cooldown_note = g_strdup (note);
  set_state_locked (self, SSV_WORKER_COOLDOWN, note);
  g_mutex_unlock (&priv->lock);
}

/* Waits for a (new) key, and says why. */
static void
start_key_wait (SsvWorker  *self,
                const char *note)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  g_mutex_lock (&priv->lock);
  priv->key_wait = TRUE;
  g_free (priv->key_note);
  priv->key_note = g_strdup (note);
  set_state_locked (self, SSV_WORKER_NEEDS_KEY, note);
  g_mutex_unlock (&priv->lock);
}

/* The library could not be written: not the title's fault, so it stays unmarked
 * and the worker tries again after a pause. */
static void
cool_down_after_write_error (SsvWorker    *self,
                             const GError *error)
{
  g_autofree char *note = g_strdup_printf (_("The library could not be written: %s"), error->message);

  g_warning ("%s: %s", klass_of (self)->name, error->message);
  start_cooldown (self, 10, note);
}

/* Reads the key from the keyring. FALSE when there is none (the worker waits). */
static gboolean
load_key (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  SsvWorkerClass *klass = klass_of (self);
  g_autofree char *secret_key = ssv_worker_dup_secret_key (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = ssv_secrets_lookup_sync (priv->secrets, secret_key, priv->cancellable, &error);
  g_autofree char *note = NULL;

  if (key != NULL && key[0] != '\0')
    {
      gboolean retry_same;

      g_mutex_lock (&priv->lock);
      retry_same = priv->retry_rejected_key;
      priv->retry_rejected_key = FALSE;
      g_mutex_unlock (&priv->lock);

      /* A rejected key stays rejected until it changes (or the person says to try again). */
      if (priv->rejected_key == NULL || retry_same || g_strcmp0 (priv->rejected_key, key) != 0)
        {
          g_clear_pointer (&priv->rejected_key, g_free);
          g_free (priv->key);
          priv->key = g_steal_pointer (&key);
          g_mutex_lock (&priv->lock);
          priv->key_wait = FALSE;
          g_mutex_unlock (&priv->lock);
          if (klass->key_changed != NULL)
            klass->key_changed (self);
          return TRUE;
        }
      return FALSE;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;

  if (error != NULL)
    note = g_strdup (error->message);
  else
    /* Translators: "Add your TMDB API key in Preferences" */
    note = g_strdup_printf (_("Add your %s API key in Preferences"), klass->display_name);

  start_key_wait (self, note);
  return FALSE;
}

static gboolean
meets_requirement (const SsvWorkItem *item,
                   SsvRequirement     requirement)
{
  switch (requirement)
    {
    case SSV_REQUIRE_IMDB: return item->imdb_id != NULL && item->imdb_id[0] != '\0';
    case SSV_REQUIRE_TVDB: return item->tvdb_id > 0;
    case SSV_REQUIRE_TMDB_OR_IMDB: return item->tmdb_id > 0 || (item->imdb_id != NULL && item->imdb_id[0] != '\0');
    case SSV_REQUIRE_NOTHING:
    case SSV_N_REQUIREMENTS:
    default: return TRUE;
    }
}

static int
compare_fresh_first (gconstpointer a,
                     gconstpointer b)
{
  const SsvWorkItem *x = *(SsvWorkItem * const *) a;
  const SsvWorkItem *y = *(SsvWorkItem * const *) b;

  return (x->previous >= 0) - (y->previous >= 0);
}

/* The next item: one put back by a cooldown, one a person asked for, then the queue. */
static SsvWorkItem *
next_item (SsvWorker  *self,
           GError    **error)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  SsvWorkerClass *klass = klass_of (self);
  SsvWorkItem *item;

  for (;;)
    {
      Request *request;

      g_mutex_lock (&priv->lock);
      item = g_queue_pop_head (&priv->retry_first);
      request = item ? NULL : g_queue_pop_head (&priv->requests);
      g_mutex_unlock (&priv->lock);

      if (item != NULL)
        return item;
      if (request == NULL)
        break;

      item = ssv_enrichment_store_load_item (priv->store, klass->name, request->kind, request->id, NULL);
      g_free (request);
      if (item != NULL && meets_requirement (item, klass->requirements[item->kind]))
        return item;
      ssv_work_item_free (item);
    }

  if (priv->batch != NULL && priv->batch_pos < priv->batch->len)
    return ssv_work_item_copy (g_ptr_array_index (priv->batch, priv->batch_pos++));

  /* Refill: never-attempted items of every kind before the failures that are due. */
  g_clear_pointer (&priv->batch, g_ptr_array_unref);
  priv->batch_pos = 0;
  priv->batch = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_work_item_free);
  load_language (self);
  refresh_stats (self, FALSE);

  if (klass->next_items != NULL)
    {
      g_autoptr(GPtrArray) some = klass->next_items (self, g_get_real_time () / G_USEC_PER_SEC, BATCH_SIZE, error);

      if (some == NULL)
        return NULL;
      g_ptr_array_extend_and_steal (priv->batch, g_steal_pointer (&some));
    }

  for (guint kind = 0; klass->next_items == NULL && kind < SSV_N_ITEM_KINDS; kind++)
    {
      g_autoptr(GPtrArray) some = NULL;
      gint64 window;

      if (!(klass->queued_kinds & (1u << kind)))
        continue;

      g_mutex_lock (&priv->lock);
      window = priv->retry_window_s;
      g_mutex_unlock (&priv->lock);

      some = ssv_enrichment_store_next_items (priv->store, klass->name, kind, klass->requirements[kind],
                                              g_get_real_time () / G_USEC_PER_SEC, window,
                                              BATCH_SIZE, error);
      if (some == NULL)
        return NULL;
      g_ptr_array_extend_and_steal (priv->batch, g_steal_pointer (&some));
    }

  g_ptr_array_sort (priv->batch, compare_fresh_first);

  if (priv->batch->len == 0)
    return NULL;

  return ssv_work_item_copy (g_ptr_array_index (priv->batch, priv->batch_pos++));
}

static void
put_back (SsvWorker         *self,
          const SsvWorkItem *item)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);

  g_mutex_lock (&priv->lock);
  g_queue_push_head (&priv->retry_first, ssv_work_item_copy (item));
  g_mutex_unlock (&priv->lock);
}

static gboolean
is_transport_failure (const GError *error)
{
  return g_error_matches (error, SSV_ERROR, SSV_ERROR_UNREACHABLE) ||
         g_error_matches (error, SSV_ERROR, SSV_ERROR_TIMEOUT);
}

/* The outcome rules for a call that wrote nothing. Returns FALSE to stop the loop. */
static gboolean
apply_failure (SsvWorker         *self,
               const SsvWorkItem *item,
               const GError      *error)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  SsvWorkerClass *klass = klass_of (self);
  g_autoptr(GError) record_error = NULL;
  SsvOutcome outcome;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;

  if (g_error_matches (error, SSV_ERROR, SSV_ERROR_RATE_LIMITED))
    {
      gint64 wait_s = ssv_http_get_cooldown_remaining (priv->http, klass->name);
      g_autofree char *clock = format_clock (g_get_real_time () / G_USEC_PER_SEC + MAX (wait_s, 1));
      /* Translators: "TMDB asked to slow down; continuing at 14:03" */
      g_autofree char *note = g_strdup_printf (_("%s asked to slow down; continuing at %s"),
                                               klass->display_name, clock);

      put_back (self, item);
      start_cooldown (self, wait_s > 0 ? wait_s : 5, note);
      return TRUE;
    }

  if (g_error_matches (error, SSV_ERROR, SSV_ERROR_QUOTA))
    {
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;
      gint64 until = klass->quota_reset_at ? klass->quota_reset_at (self, now) : now + 24 * 3600;
      g_autofree char *quota_key = settings_key (self, "quota-until");
      g_autofree char *note = quota_note (self, until);
      g_autoptr(GError) settings_error = NULL;

      put_back (self, item);
      if (!ssv_settings_store_set_int (priv->database, quota_key, until, &settings_error))
        g_debug ("%s: could not remember the quota: %s", klass->name, settings_error->message);
      log_activity (self, SSV_ACTIVITY_WARNING, note);

      g_mutex_lock (&priv->lock);
      priv->quota_until = until;
      set_state_locked (self, SSV_WORKER_QUOTA, note);
      g_mutex_unlock (&priv->lock);
      return TRUE;
    }

  if (!klass->keyless && g_error_matches (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED))
    {
      /* Translators: "TMDB rejected the API key" */
      g_autofree char *note = g_strdup_printf (_("%s rejected the API key"), klass->display_name);

      put_back (self, item);
      g_free (priv->rejected_key);
      priv->rejected_key = g_steal_pointer (&priv->key);
      log_activity (self, SSV_ACTIVITY_WARNING, note);
      start_key_wait (self, note);
      return TRUE;
    }

  if (error->domain == SSV_ERROR && error->code == SSV_ERROR_DATABASE)
    {
      cool_down_after_write_error (self, error);
      return TRUE;
    }

  outcome = g_error_matches (error, SSV_ERROR, SSV_ERROR_NOT_FOUND) ? SSV_OUTCOME_NOT_FOUND : SSV_OUTCOME_ERROR;
  if (klass->record_failure != NULL
      ? !klass->record_failure (self, item, outcome, error, &record_error)
      : !ssv_enrichment_store_record (priv->store, klass->name, item, NULL, outcome, FALSE,
                                      error->message, &record_error))
    {
      cool_down_after_write_error (self, record_error);
      return TRUE;
    }

  item_finished (self, item, outcome);

  if (is_transport_failure (error))
    {
      priv->transport_failures++;
      if (priv->transport_failures >= TRANSPORT_FAILURES_BEFORE_BACKOFF)
        {
          guint steps = MIN (priv->transport_failures - TRANSPORT_FAILURES_BEFORE_BACKOFF, 4);
          gint64 wait_s = 60 << steps;
          g_autofree char *clock = format_clock (g_get_real_time () / G_USEC_PER_SEC + wait_s);
          /* Translators: "Could not reach TMDB; trying again at 14:05" */
          g_autofree char *note = g_strdup_printf (_("Could not reach %s; trying again at %s"),
                                                   klass->display_name, clock);

          start_cooldown (self, wait_s, note);
        }
    }
  else
    priv->transport_failures = 0;

  return TRUE;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  SsvWorker *self = source_object;
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  SsvWorkerClass *klass = klass_of (self);
  gint64 cpu_mark = 0;
  struct timespec ts;
  gboolean once;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) == 0)
    cpu_mark = (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;

  g_mutex_lock (&priv->lock);
  once = priv->once;
  g_mutex_unlock (&priv->lock);

  load_persisted_state (self);
  load_language (self);
  refresh_stats (self, TRUE);

  for (;;)
    {
      g_autoptr(SsvWorkItem) item = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *label = NULL;
      SsvOutcome outcome = SSV_OUTCOME_ERROR;
      WaitResult wait;
      gboolean reload;

      g_mutex_lock (&priv->lock);
      reload = priv->key_reload;
      priv->key_reload = FALSE;
      g_mutex_unlock (&priv->lock);
      if (reload)
        g_clear_pointer (&priv->key, g_free);

      wait = wait_until_allowed (self);
      if (wait == WAIT_CANCELLED)
        break;
      if (!klass->keyless && (wait == WAIT_CHECK_KEY || priv->key == NULL))
        {
          if (!load_key (self))
            {
              if (once)
                break;
              continue;
            }
        }

      item = next_item (self, &error);
      if (item == NULL)
        {
          if (error != NULL)
            {
              g_autofree char *note = g_strdup_printf (_("The library could not be read: %s"), error->message);

              g_warning ("%s: %s", klass->name, error->message);
              start_cooldown (self, 30, note);
              continue;
            }

          refresh_stats (self, TRUE);
          set_current_item (self, NULL);
          if (once)
            break;
          set_state (self, SSV_WORKER_IDLE, NULL);
          wait_for_wake (self, IDLE_RECHECK_S);
          continue;
        }

      label = ssv_work_item_dup_label (item);
      set_current_item (self, label);
      set_state (self, SSV_WORKER_WORKING, NULL);

      if (klass->process_item (self, item, priv->key, &outcome, priv->cancellable, &error))
        {
          priv->transport_failures = 0;
          item_finished (self, item, outcome);
        }
      else
        {
          if (error == NULL)
            g_set_error (&error, SSV_ERROR, SSV_ERROR_FAILED, _("%s failed without saying why."),
                         klass->display_name);
          if (!apply_failure (self, item, error))
            break;
        }

      update_cpu_time (self, &cpu_mark);
      refresh_stats (self, FALSE);
    }

  update_cpu_time (self, &cpu_mark);
  g_clear_pointer (&priv->batch, g_ptr_array_unref);

  g_mutex_lock (&priv->lock);
  {
    /* Why a single pass ended early stays readable. */
    gboolean keep = priv->state == SSV_WORKER_NEEDS_KEY || priv->state == SSV_WORKER_QUOTA;
    g_autofree char *note = keep ? g_strdup (priv->note) : NULL;

    priv->running = FALSE;
    g_clear_pointer (&priv->current_item, g_free);
    priv->pending_notify |= NOTIFY_ITEM;
    set_state_locked (self, SSV_WORKER_STOPPED, note);
  }
  g_mutex_unlock (&priv->lock);

  g_task_return_boolean (task, TRUE);
}

/* ---- public API (main thread) --------------------------------------------------- */

static gpointer
loop_thread_main (gpointer data)
{
  g_autoptr(GTask) task = data;

  run_thread (task, g_task_get_source_object (task), NULL, g_task_get_cancellable (task));

  return NULL;
}

static void
start (SsvWorker *self,
       gboolean   once)
{
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  g_autoptr(GTask) task = NULL;
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
  task = g_task_new (self, priv->cancellable, NULL, NULL);
  g_mutex_unlock (&priv->lock);

  g_task_set_source_tag (task, ssv_worker_start);
  g_task_set_name (task, klass_of (self)->name);
  g_task_set_return_on_cancel (task, FALSE);

  /* A thread of its own: the loop lives as long as the app, and would otherwise
   * hold one of GLib's shared GTask threads that the UI's short tasks need. */
  thread_name = g_strdup_printf ("ssv-%s", klass_of (self)->name);
  thread = g_thread_try_new (thread_name, loop_thread_main, g_object_ref (task), &error);
  if (thread == NULL)
    {
      g_warning ("Could not start the %s worker: %s", klass_of (self)->name, error->message);
      g_object_unref (task);
      g_mutex_lock (&priv->lock);
      priv->running = FALSE;
      g_mutex_unlock (&priv->lock);
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

/* Ends the run loop; a call in flight is cancelled and its item left unmarked. */
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

static void
persist_pause_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  SsvWorker *self = source_object;
  SsvWorkerPrivate *priv = ssv_worker_get_instance_private (self);
  g_autofree char *key = settings_key (self, "paused");
  g_autoptr(GError) error = NULL;
  gboolean paused;

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
      schedule_dispatch_locked (self);
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
  return g_error_matches (error, SSV_ERROR, SSV_ERROR_RATE_LIMITED) ||
         g_error_matches (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED) ||
         g_error_matches (error, SSV_ERROR, SSV_ERROR_QUOTA) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
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
          g_task_return_new_error (task, SSV_ERROR, SSV_ERROR_INVALID,
                                   _("Add your %s API key in Preferences"), klass_of (self)->display_name);
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
  priv->retry_window_s = DEFAULT_RETRY_WINDOW_S;
  priv->state = SSV_WORKER_STOPPED;
  /* Signals go to whoever created the worker: the app's main loop. */
  priv->main_context = g_main_context_ref_thread_default ();
}
