/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-airing-monitor.c: looks at the calendar from its bookmark up to now, reports
 * what aired, and moves the bookmark. The bookmark lives in the library, so a
 * laptop that was off for a day catches up with one report, not a flood. */

#include "config.h"

#include "ssv-airing-monitor.h"
#include "stores/ssv-settings-store.h"
#include "ssv-thread.h"

/* How often to look when nothing is due sooner; the next airing is looked up too. */
#define IDLE_CHECK_S  (15 * 60)
#define MIN_CHECK_S   20

struct _SsvAiringMonitor
{
  GObject           parent_instance;

  SsvCalendarStore *calendar;
  GMutex            lock;          /* one check at a time */
  SsvAiringHook     hook;
  gpointer          hook_data;
  GDestroyNotify    hook_destroy;

  GCancellable     *cancellable;
  guint             timeout_id;
  gboolean          running;
  gboolean          checking;
};

G_DEFINE_FINAL_TYPE (SsvAiringMonitor, ssv_airing_monitor, G_TYPE_OBJECT)

enum {
  EPISODE_AIRED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_check (SsvAiringMonitor *self,
                            guint             seconds);

static void
ssv_airing_monitor_dispose (GObject *object)
{
  SsvAiringMonitor *self = SSV_AIRING_MONITOR (object);

  ssv_airing_monitor_stop (self);
  g_clear_object (&self->calendar);

  G_OBJECT_CLASS (ssv_airing_monitor_parent_class)->dispose (object);
}

static void
ssv_airing_monitor_finalize (GObject *object)
{
  SsvAiringMonitor *self = SSV_AIRING_MONITOR (object);

  if (self->hook_destroy != NULL)
    self->hook_destroy (self->hook_data);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ssv_airing_monitor_parent_class)->finalize (object);
}

static void
ssv_airing_monitor_class_init (SsvAiringMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_airing_monitor_dispose;
  object_class->finalize = ssv_airing_monitor_finalize;

  /**
   * SsvAiringMonitor::episode-aired:
   * @episodes: (element-type SsvCalendarEntry): every episode of a followed
   *   show that aired since the last look, in airing order
   * @catching_up: %TRUE when the monitor had not looked for a while (the app
   *   was not running, the laptop was off): tell about them all at once
   *
   * Emitted on the main context, once per look that found something.
   */
  signals[EPISODE_AIRED] =
    g_signal_new ("episode-aired",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_PTR_ARRAY, G_TYPE_BOOLEAN);
}

static void
ssv_airing_monitor_init (SsvAiringMonitor *self)
{
  g_mutex_init (&self->lock);
}

SsvAiringMonitor *
ssv_airing_monitor_new (SsvCalendarStore *calendar)
{
  SsvAiringMonitor *self = g_object_new (SSV_TYPE_AIRING_MONITOR, NULL);

  self->calendar = g_object_ref (calendar);
  return self;
}

/**
 * ssv_airing_monitor_set_hook:
 *
 * @hook runs on the checking thread after each look, with what aired (possibly
 * nothing); the wishlist uses it to let newly aired episodes join.
 */
void
ssv_airing_monitor_set_hook (SsvAiringMonitor *self,
                             SsvAiringHook     hook,
                             gpointer          user_data,
                             GDestroyNotify    destroy)
{
  g_return_if_fail (self->hook == NULL);

  self->hook = hook;
  self->hook_data = user_data;
  self->hook_destroy = destroy;
}

/**
 * ssv_airing_monitor_check:
 * @now: this moment, in the person's zone
 * @catching_up: (out) (optional): whether the last look was long ago
 *
 * Finds the episodes of followed shows that aired after the bookmark and up to
 * @now, then moves the bookmark to @now. The very first look only sets the
 * bookmark: a new library does not announce its past. Runs SQL: call it off the
 * UI thread.
 *
 * Returns: (transfer full) (element-type SsvCalendarEntry): the aired episodes
 *   (maybe none), or %NULL on error with the bookmark unchanged
 */
GPtrArray *
ssv_airing_monitor_check (SsvAiringMonitor  *self,
                          GDateTime         *now,
                          gboolean          *catching_up,
                          GError           **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self->calendar));
  g_autoptr(GPtrArray) aired = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) oldest = NULL;
  g_autoptr(GDateTime) until = NULL;
  gint64 bookmark, now_s;

  g_return_val_if_fail (SSV_IS_AIRING_MONITOR (self), NULL);

  g_mutex_lock (&self->lock);

  now_s = g_date_time_to_unix (now);
  bookmark = ssv_settings_store_get_int (db, SSV_AIRING_BOOKMARK_KEY, -1);

  if (catching_up != NULL)
    *catching_up = bookmark >= 0 && now_s - bookmark > SSV_AIRING_CATCH_UP_GAP_S;

  if (bookmark < 0 || bookmark >= now_s)
    {
      /* First look, or the clock went back: nothing new, start from here. */
      aired = g_ptr_array_new_with_free_func (g_object_unref);
    }
  else
    {
      /* The list is half-open, [since, until): an episode airing exactly at
       * the bookmark was reported by the look that set it. */
      GTimeZone *zone = g_date_time_get_timezone (now);
      g_autoptr(GDateTime) after_bookmark = g_date_time_new_from_unix_utc (bookmark + 1);

      since = g_date_time_to_timezone (after_bookmark, zone);
      oldest = g_date_time_add_days (now, -SSV_AIRING_MAX_AGE_DAYS);
      if (g_date_time_compare (since, oldest) < 0)
        {
          g_date_time_unref (since);
          since = g_date_time_ref (oldest);
        }
      until = g_date_time_add_seconds (now, 1);

      aired = ssv_calendar_store_list_between (self->calendar, since, until, error);
      if (aired == NULL)
        {
          g_mutex_unlock (&self->lock);
          return NULL;
        }
    }

  if (!ssv_settings_store_set_int (db, SSV_AIRING_BOOKMARK_KEY, now_s, error))
    {
      g_mutex_unlock (&self->lock);
      return NULL;
    }

  if (self->hook != NULL)
    self->hook (aired, now, self->hook_data);

  g_mutex_unlock (&self->lock);
  return g_steal_pointer (&aired);
}

/* Seconds until the next followed episode airs, at most IDLE_CHECK_S. */
static guint
seconds_to_next_airing (SsvAiringMonitor *self,
                        GDateTime        *now)
{
  g_autoptr(GDateTime) horizon = g_date_time_add_seconds (now, IDLE_CHECK_S);
  g_autoptr(GDateTime) after = g_date_time_add_seconds (now, 1);
  g_autoptr(GPtrArray) upcoming = NULL;
  gint64 seconds;

  upcoming = ssv_calendar_store_list_between (self->calendar, after, horizon, NULL);
  if (upcoming == NULL || upcoming->len == 0)
    return IDLE_CHECK_S;

  seconds = g_date_time_difference (ssv_calendar_entry_get_airs (g_ptr_array_index (upcoming, 0)),
                                    now) / G_TIME_SPAN_SECOND;
  return (guint) CLAMP (seconds + 1, MIN_CHECK_S, IDLE_CHECK_S);
}

typedef struct
{
  GPtrArray *aired;
  gboolean   catching_up;
  guint      next_s;
} CheckResult;

static void
check_result_free (gpointer data)
{
  CheckResult *result = data;

  g_clear_pointer (&result->aired, g_ptr_array_unref);
  g_free (result);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SsvAiringMonitor *self = source_object;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  CheckResult *result = g_new0 (CheckResult, 1);
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  result->aired = ssv_airing_monitor_check (self, now, &result->catching_up, &error);
  if (result->aired == NULL)
    {
      g_warning ("Could not check for aired episodes: %s", error->message);
      g_clear_error (&error);
    }
  result->next_s = seconds_to_next_airing (self, now);
  g_task_return_pointer (task, result, check_result_free);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  SsvAiringMonitor *self = SSV_AIRING_MONITOR (source);
  CheckResult *result = g_task_propagate_pointer (G_TASK (res), NULL);

  g_assert (SSV_IS_MAIN_THREAD ());

  self->checking = FALSE;
  if (result == NULL)
    return;

  if (result->aired != NULL && result->aired->len > 0)
    g_signal_emit (self, signals[EPISODE_AIRED], 0, result->aired, result->catching_up);

  if (self->running)
    schedule_check (self, result->next_s);

  check_result_free (result);
}

static void
check_now (SsvAiringMonitor *self)
{
  g_autoptr(GTask) task = NULL;

  g_assert (SSV_IS_MAIN_THREAD ());

  if (self->checking)
    return;

  self->checking = TRUE;
  task = g_task_new (self, self->cancellable, check_done_cb, NULL);
  g_task_set_source_tag (task, check_now);
  g_task_run_in_thread (task, check_thread);
}

static gboolean
timeout_cb (gpointer user_data)
{
  SsvAiringMonitor *self = user_data;

  self->timeout_id = 0;
  check_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (SsvAiringMonitor *self,
                guint             seconds)
{
  /* The timeout goes to the default main context. */
  g_assert (SSV_IS_MAIN_THREAD ());

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_seconds (seconds, timeout_cb, self);
}

/**
 * ssv_airing_monitor_start:
 *
 * Looks now (in a worker thread), then again when the next followed episode
 * airs or every quarter of an hour. #SsvAiringMonitor::episode-aired reports.
 */
void
ssv_airing_monitor_start (SsvAiringMonitor *self)
{
  g_return_if_fail (SSV_IS_AIRING_MONITOR (self));
  g_assert (SSV_IS_MAIN_THREAD ());

  if (self->running)
    return;

  self->running = TRUE;
  self->cancellable = g_cancellable_new ();
  check_now (self);
}

void
ssv_airing_monitor_stop (SsvAiringMonitor *self)
{
  g_return_if_fail (SSV_IS_AIRING_MONITOR (self));
  g_assert (SSV_IS_MAIN_THREAD ());

  self->running = FALSE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

gboolean
ssv_airing_monitor_is_running (SsvAiringMonitor *self)
{
  g_return_val_if_fail (SSV_IS_AIRING_MONITOR (self), FALSE);

  return self->running;
}
