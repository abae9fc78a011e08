/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-worker-loop.c: the run loop of an enrichment worker, on the worker's own thread: the
 * waits (pause, hold, cooldown, quota, key), the key, the queue, and the outcome rules of
 * ssv-worker-rules.c applied to each answer. */

#include "config.h"

#include <string.h>
#include <time.h>
#include <glib/gi18n-lib.h>

#include "ssv-database.h"
#include "ssv-error.h"
#include "workers/ssv-worker-private.h"
#include "workers/ssv-worker-rules.h"
#include "stores/ssv-activity-store.h"
#include "stores/ssv-settings-store.h"

#define BATCH_SIZE              50
#define IDLE_RECHECK_S          60
#define KEY_RECHECK_S           60
#define STATS_REFRESH_US        (2 * G_USEC_PER_SEC)

typedef enum
{
  WAIT_GO,
  WAIT_CANCELLED,
  WAIT_CHECK_KEY,
} WaitResult;

/* ---- helpers of the worker thread --------------------------------------------- */

static void
log_activity (SsvWorker        *self,
              SsvActivityLevel  level,
              const char       *message)
{
  SsvWorkerPrivate *priv = ssv_worker_get_private (self);
  g_autoptr(GError) error = NULL;

  if (!ssv_activity_store_log (priv->database, "enrichment", level, klass_of (self)->display_name,
                               message, NULL, &error))
    g_debug ("Could not log “%s”: %s", message, error->message);
}

static void
load_persisted_state (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_private (self);
  g_autofree char *paused_key = ssv_worker_settings_key (self, "paused");
  g_autofree char *quota_key = ssv_worker_settings_key (self, "quota-until");
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
      g_autofree char *note = ssv_worker_rules_quota_note (klass_of (self)->display_name, quota_until);

      priv->quota_until = quota_until;
      ssv_worker_set_state_locked (self, SSV_WORKER_QUOTA, note);
    }
  g_mutex_unlock (&priv->lock);
}

static void
load_language (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_private (self);
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
  SsvWorkerPrivate *priv = ssv_worker_get_private (self);
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
  ssv_worker_schedule_dispatch_locked (self);
  g_mutex_unlock (&priv->lock);
}

static void
item_finished (SsvWorker         *self,
               const SsvWorkItem *item,
               SsvOutcome         outcome)
{
  SsvWorkerPrivate *priv = ssv_worker_get_private (self);
  ItemDone *done = g_new0 (ItemDone, 1);

  done->kind = item->kind;
  done->id = item->id;
  done->outcome = outcome;
  done->label = ssv_work_item_dup_label (item);

  g_mutex_lock (&priv->lock);
  /* A worker's own queue (next_items) holds no library titles: they count in no kind. */
  if (item->kind < SSV_N_ITEM_KINDS)
    ssv_worker_rules_count (&priv->stats[item->kind], item->previous, outcome);
  g_queue_push_tail (&priv->done, done);
  priv->pending_progress = TRUE;
  ssv_worker_schedule_dispatch_locked (self);
  g_mutex_unlock (&priv->lock);
}

static void
update_cpu_time (SsvWorker *self,
                 gint64    *thread_start_us)
{
  SsvWorkerPrivate *priv = ssv_worker_get_private (self);
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

/* Waits on the worker's condition (its lock held) until woken, or until @deadline_us
 * unless it is 0. A worker may wait for minutes, or for a key that never comes: the
 * pages its thread read go back first. */
static gboolean
rest (SsvWorkerPrivate *priv,
      gint64            deadline_us)
{
  ssv_database_release_thread_memory ();
  if (deadline_us == 0)
    {
      g_cond_wait (&priv->cond, &priv->lock);
      return TRUE;
    }
  return g_cond_wait_until (&priv->cond, &priv->lock, deadline_us);
}

/* Waits while the person paused, a scan holds, the provider cools down, the
 * allowance is used up or a key is missing. Sets the state that explains it. */
static WaitResult
wait_until_allowed (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_private (self);
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
            ssv_worker_set_state_locked (self, SSV_WORKER_PAUSED, NULL);
          result = WAIT_CANCELLED;
          break;
        }

      if (priv->user_paused)
        {
          ssv_worker_set_state_locked (self, SSV_WORKER_PAUSED, NULL);
          rest (priv, 0);
          continue;
        }

      if (priv->hold_count > 0)
        {
          ssv_worker_set_state_locked (self, SSV_WORKER_HELD, _("Waiting for the library scan to finish"));
          rest (priv, 0);
          continue;
        }

      if (priv->quota_until > now)
        {
          g_autofree char *note = ssv_worker_rules_quota_note (klass_of (self)->display_name, priv->quota_until);

          ssv_worker_set_state_locked (self, SSV_WORKER_QUOTA, note);
          /* Wake now and then: a suspended laptop's clock jumps. */
          rest (priv, now_us + MIN (priv->quota_until - now, 60) * G_USEC_PER_SEC);
          continue;
        }

      if (priv->cooldown_until_us > now_us)
        {
          ssv_worker_set_state_locked (self, SSV_WORKER_COOLDOWN, priv->cooldown_note);
          rest (priv, priv->cooldown_until_us);
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
          ssv_worker_set_state_locked (self, SSV_WORKER_NEEDS_KEY, priv->key_note);
          if (!rest (priv, now_us + KEY_RECHECK_S * G_USEC_PER_SEC))
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
  SsvWorkerPrivate *priv = ssv_worker_get_private (self);
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  g_mutex_lock (&priv->lock);
  while (!priv->woken && !g_cancellable_is_cancelled (priv->cancellable) &&
         priv->requests.length == 0 && !priv->user_paused && priv->hold_count == 0 &&
         !priv->key_reload)
    if (!rest (priv, deadline))
      break;
  priv->woken = FALSE;
  g_mutex_unlock (&priv->lock);
}

static void
start_cooldown (SsvWorker  *self,
                gint64      seconds,
                const char *note)
{
  SsvWorkerPrivate *priv = ssv_worker_get_private (self);

  g_mutex_lock (&priv->lock);
  priv->cooldown_until_us = g_get_monotonic_time () + MAX (seconds, 1) * G_USEC_PER_SEC;
  g_free (priv->cooldown_note);
  priv->cooldown_note = g_strdup (note);
  ssv_worker_set_state_locked (self, SSV_WORKER_COOLDOWN, note);
  g_mutex_unlock (&priv->lock);
}

/* Waits for a (new) key, and says why. */
static void
start_key_wait (SsvWorker  *self,
                const char *note)
{
  SsvWorkerPrivate *priv = ssv_worker_get_private (self);

  g_mutex_lock (&priv->lock);
  priv->key_wait = TRUE;
  g_free (priv->key_note);
  priv->key_note = g_strdup (note);
  ssv_worker_set_state_locked (self, SSV_WORKER_NEEDS_KEY, note);
  g_mutex_unlock (&priv->lock);
}

/* Reads the key from the keyring. FALSE when there is none (the worker waits). */
static gboolean
load_key (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_private (self);
  SsvWorkerClass *klass = klass_of (self);
  g_autofree char *secret_key = ssv_worker_dup_secret_key (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = ssv_secrets_lookup_sync (priv->secrets, secret_key, priv->cancellable, &error);
  g_autofree char *note = NULL;

  /* Cancelled: the loop ends without waiting for a key. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;

  if (key != NULL && key[0] != '\0')
    {
      gboolean retry_same;

      g_mutex_lock (&priv->lock);
      retry_same = priv->retry_rejected_key;
      priv->retry_rejected_key = FALSE;
      g_mutex_unlock (&priv->lock);

      if (ssv_worker_rules_may_use_key (key, priv->rejected_key, retry_same))
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

  note = ssv_worker_rules_missing_key_note (klass->display_name, error);
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
  SsvWorkerPrivate *priv = ssv_worker_get_private (self);
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
  SsvWorkerPrivate *priv = ssv_worker_get_private (self);

  g_mutex_lock (&priv->lock);
  g_queue_push_head (&priv->retry_first, ssv_work_item_copy (item));
  g_mutex_unlock (&priv->lock);
}

/* The rules' verdict on an answer, from what the worker knows now. */
static void
judge (SsvWorker        *self,
       gboolean          processed,
       SsvOutcome        outcome,
       const GError     *error,
       SsvWorkerVerdict *verdict)
{
  SsvWorkerPrivate *priv = ssv_worker_get_private (self);
  SsvWorkerClass *klass = klass_of (self);
  SsvWorkerSituation situation = { 0 };

  situation.display_name = klass->display_name;
  situation.keyless = klass->keyless;
  situation.now = g_get_real_time () / G_USEC_PER_SEC;
  situation.transport_failures = priv->transport_failures;
  if (!processed)
    {
      situation.provider_wait_s = ssv_http_get_cooldown_remaining (priv->http, klass->name);
      if (klass->quota_reset_at != NULL)
        situation.quota_reset_at = klass->quota_reset_at (self, situation.now);
    }

  ssv_worker_rules_judge (&situation, processed, outcome, error, verdict);
}

/* A wait until the allowance comes back, remembered across restarts. */
static void
start_quota_wait (SsvWorker  *self,
                  gint64      until,
                  const char *note)
{
  SsvWorkerPrivate *priv = ssv_worker_get_private (self);
  g_autofree char *quota_key = ssv_worker_settings_key (self, "quota-until");
  g_autoptr(GError) settings_error = NULL;

  if (!ssv_settings_store_set_int (priv->database, quota_key, until, &settings_error))
    g_debug ("%s: could not remember the quota: %s", klass_of (self)->name, settings_error->message);
  log_activity (self, SSV_ACTIVITY_WARNING, note);

  g_mutex_lock (&priv->lock);
  priv->quota_until = until;
  ssv_worker_set_state_locked (self, SSV_WORKER_QUOTA, note);
  g_mutex_unlock (&priv->lock);
}

/* A worker with a queue of its own (next_items) notes a failure its own way. */
static gboolean
record_own_failure (SsvWorker              *self,
                    const SsvWorkItem      *item,
                    const SsvWorkerVerdict *verdict,
                    GError                **record_error)
{
  g_autoptr(GError) failure = g_error_new_literal (SSV_ERROR,
                                                   verdict->outcome == SSV_OUTCOME_NOT_FOUND ? SSV_ERROR_NOT_FOUND
                                                                                             : SSV_ERROR_FAILED,
                                                   verdict->message ? verdict->message : "");

  return klass_of (self)->record_failure (self, item, verdict->outcome, failure, record_error);
}

/* Does what the rules decided for the item in hand and for the worker. Returns FALSE to
 * end the loop. */
static gboolean
apply_verdict (SsvWorker              *self,
               const SsvWorkItem      *item,
               const SsvWorkerVerdict *verdict)
{
  SsvWorkerPrivate *priv = ssv_worker_get_private (self);
  SsvWorkerClass *klass = klass_of (self);

  if (verdict->next == SSV_WORKER_NEXT_STOP)
    return FALSE;

  if (verdict->item == SSV_ITEM_FATE_PUT_BACK)
    put_back (self, item);

  if (verdict->item == SSV_ITEM_FATE_DONE)
    {
      g_autoptr(GError) record_error = NULL;

      if (verdict->record &&
          (klass->record_failure != NULL
           ? !record_own_failure (self, item, verdict, &record_error)
           : !ssv_enrichment_store_record (priv->store, klass->name, item, NULL, verdict->outcome, FALSE,
                                           verdict->message, &record_error)))
        {
          g_auto(SsvWorkerVerdict) unwritten = { 0 };

          ssv_worker_rules_write_failed (record_error, &unwritten);
          return apply_verdict (self, item, &unwritten);
        }

      item_finished (self, item, verdict->outcome);
      priv->transport_failures = verdict->transport_failures;
    }

  if (verdict->warn)
    g_warning ("%s: %s", klass->name, verdict->message);

  switch (verdict->next)
    {
    case SSV_WORKER_NEXT_COOL_DOWN:
      start_cooldown (self, verdict->wait_s, verdict->note);
      break;

    case SSV_WORKER_NEXT_QUOTA:
      start_quota_wait (self, verdict->until, verdict->note);
      break;

    case SSV_WORKER_NEXT_KEY:
      g_free (priv->rejected_key);
      priv->rejected_key = g_steal_pointer (&priv->key);
      log_activity (self, SSV_ACTIVITY_WARNING, verdict->note);
      start_key_wait (self, verdict->note);
      break;

    case SSV_WORKER_NEXT_ITEM:
    case SSV_WORKER_NEXT_STOP:
    default:
      break;
    }

  return TRUE;
}

void
ssv_worker_run_loop (SsvWorker *self)
{
  SsvWorkerPrivate *priv = ssv_worker_get_private (self);
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
      g_auto(SsvWorkerVerdict) verdict = { 0 };
      g_autofree char *label = NULL;
      SsvOutcome outcome = SSV_OUTCOME_ERROR;
      WaitResult wait;
      gboolean reload;
      gboolean processed;

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
              ssv_worker_rules_read_failed (error, &verdict);
              apply_verdict (self, NULL, &verdict);
              continue;
            }

          refresh_stats (self, TRUE);
          ssv_worker_set_current_item (self, NULL);
          if (once)
            break;
          ssv_worker_set_state (self, SSV_WORKER_IDLE, NULL);
          wait_for_wake (self, IDLE_RECHECK_S);
          continue;
        }

      label = ssv_work_item_dup_label (item);
      ssv_worker_set_current_item (self, label);
      ssv_worker_set_state (self, SSV_WORKER_WORKING, NULL);

      processed = klass->process_item (self, item, priv->key, &outcome, priv->cancellable, &error);
      judge (self, processed, outcome, processed ? NULL : error, &verdict);
      if (!apply_verdict (self, item, &verdict))
        break;

      update_cpu_time (self, &cpu_mark);
      refresh_stats (self, FALSE);
    }

  update_cpu_time (self, &cpu_mark);
  g_clear_pointer (&priv->batch, g_ptr_array_unref);
}
