/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-clock.c: the wall clock and its timers, or a manual one that tests move by hand. */

#include "config.h"

#include "ssv-clock.h"

/* A manual clock's timer: it fires when the clock is moved to or past @deadline. */
typedef struct
{
  guint           id;
  gint64          deadline;
  GSourceFunc     func;
  gpointer        data;
  GDestroyNotify  destroy;
} ManualTimer;

struct _SsvClock
{
  GObject     parent_instance;

  gboolean    manual;
  gint64      now;        /* manual clocks only */
  guint       next_id;
  GPtrArray  *timers;     /* ManualTimer*, manual clocks only */
};

enum {
  JUMPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsvClock, ssv_clock, G_TYPE_OBJECT)

static void
manual_timer_free (gpointer data)
{
  ManualTimer *timer = data;

  if (timer->destroy != NULL)
    timer->destroy (timer->data);
  g_free (timer);
}

static void
ssv_clock_finalize (GObject *object)
{
  SsvClock *self = SSV_CLOCK (object);

  g_clear_pointer (&self->timers, g_ptr_array_unref);

  G_OBJECT_CLASS (ssv_clock_parent_class)->finalize (object);
}

static void
ssv_clock_class_init (SsvClockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssv_clock_finalize;

  /**
   * SsvClock::jumped:
   *
   * A manual clock was moved; whoever keeps time by it looks again.
   */
  signals[JUMPED] = g_signal_new ("jumped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ssv_clock_init (SsvClock *self)
{
  self->next_id = 1;
  self->timers = g_ptr_array_new_with_free_func (manual_timer_free);
}

/* The wall clock, with GLib's timers. */
SsvClock *
ssv_clock_new (void)
{
  return g_object_new (SSV_TYPE_CLOCK, NULL);
}

/* A clock that stands at @now (Unix seconds) until it is moved. */
SsvClock *
ssv_clock_new_manual (gint64 now)
{
  SsvClock *self = g_object_new (SSV_TYPE_CLOCK, NULL);

  self->manual = TRUE;
  self->now = now;

  return self;
}

gboolean
ssv_clock_is_manual (SsvClock *self)
{
  g_return_val_if_fail (SSV_IS_CLOCK (self), FALSE);

  return self->manual;
}

/* Unix seconds. */
gint64
ssv_clock_get_now (SsvClock *self)
{
  g_return_val_if_fail (SSV_IS_CLOCK (self), 0);

  return self->manual ? self->now : g_get_real_time () / G_USEC_PER_SEC;
}

/**
 * ssv_clock_add_timeout:
 * @func: called once on the main context; its return value is ignored
 *
 * Returns: an id for ssv_clock_remove_timeout(), never 0
 */
guint
ssv_clock_add_timeout (SsvClock       *self,
                       gint64          seconds,
                       GSourceFunc     func,
                       gpointer        data,
                       GDestroyNotify  destroy)
{
  ManualTimer *timer;

  g_return_val_if_fail (SSV_IS_CLOCK (self), 0);

  seconds = CLAMP (seconds, 0, G_MAXUINT / 1000);
  if (!self->manual)
    return g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, (guint) seconds, func, data, destroy);

  timer = g_new0 (ManualTimer, 1);
  timer->id = self->next_id++;
  timer->deadline = self->now + seconds;
  timer->func = func;
  timer->data = data;
  timer->destroy = destroy;
  g_ptr_array_add (self->timers, timer);

  return timer->id;
}

void
ssv_clock_remove_timeout (SsvClock *self,
                          guint     id)
{
  g_return_if_fail (SSV_IS_CLOCK (self));

  if (id == 0)
    return;

  if (!self->manual)
    {
      g_source_remove (id);
      return;
    }

  for (guint i = 0; i < self->timers->len; i++)
    if (((ManualTimer *) g_ptr_array_index (self->timers, i))->id == id)
      {
        g_ptr_array_remove_index (self->timers, i);
        return;
      }
}

/* The due timer with the earliest deadline, taken out of the list; NULL when none is due. */
static ManualTimer *
steal_due_timer (SsvClock *self)
{
  guint best = G_MAXUINT;

  for (guint i = 0; i < self->timers->len; i++)
    {
      ManualTimer *timer = g_ptr_array_index (self->timers, i);

      if (timer->deadline <= self->now &&
          (best == G_MAXUINT || timer->deadline < ((ManualTimer *) g_ptr_array_index (self->timers, best))->deadline))
        best = i;
    }

  return best == G_MAXUINT ? NULL : g_ptr_array_steal_index (self->timers, best);
}

/**
 * ssv_clock_set_now:
 *
 * Moves a manual clock to @now and fires, in order, the timers that came due
 * (also ones they add that are due already). Then emits #SsvClock::jumped.
 */
void
ssv_clock_set_now (SsvClock *self,
                   gint64    now)
{
  ManualTimer *timer;

  g_return_if_fail (SSV_IS_CLOCK (self));
  g_return_if_fail (self->manual);

  self->now = now;
  g_object_ref (self);
  while ((timer = steal_due_timer (self)) != NULL)
    {
      timer->func (timer->data);
      manual_timer_free (timer);
    }
  g_signal_emit (self, signals[JUMPED], 0);
  g_object_unref (self);
}

void
ssv_clock_advance (SsvClock *self,
                   gint64    seconds)
{
  g_return_if_fail (SSV_IS_CLOCK (self));

  ssv_clock_set_now (self, self->now + seconds);
}

/**
 * ssv_clock_sleep:
 *
 * As if the machine slept for @seconds: a manual clock's time moves on, but its
 * timers, like GLib's monotonic ones, do not count the sleep and fire as late.
 * Nothing fires and #SsvClock::jumped is not emitted: only the wake says so.
 */
void
ssv_clock_sleep (SsvClock *self,
                 gint64    seconds)
{
  g_return_if_fail (SSV_IS_CLOCK (self));
  g_return_if_fail (self->manual);

  self->now += seconds;
  for (guint i = 0; i < self->timers->len; i++)
    ((ManualTimer *) g_ptr_array_index (self->timers, i))->deadline += seconds;
}
