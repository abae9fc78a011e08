/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-rate-limiter.c: token bucket with reservations, so waiting callers keep their order. */

#include "config.h"

#include "net/ssv-rate-limiter.h"
#include "ssv-utils.h"

/* A rate so low that the wait comes out longer is a mistake; wait this long. */
#define MAX_WAIT_US  ((gint64) 3600 * G_USEC_PER_SEC)

struct _SsvRateLimiter
{
  GMutex  lock;
  double  per_second;   /* 0 = unlimited */
  double  burst;
  double  tokens;
  gint64  last_us;
};

SsvRateLimiter *
ssv_rate_limiter_new (double per_second,
                      guint  burst)
{
  SsvRateLimiter *self = g_new0 (SsvRateLimiter, 1);

  g_mutex_init (&self->lock);
  ssv_rate_limiter_set_rate (self, per_second, burst);
  self->tokens = self->burst;
  self->last_us = g_get_monotonic_time ();

  return self;
}

void
ssv_rate_limiter_free (SsvRateLimiter *self)
{
  if (self == NULL)
    return;

  g_mutex_clear (&self->lock);
  g_free (self);
}

void
ssv_rate_limiter_set_rate (SsvRateLimiter *self,
                           double          per_second,
                           guint           burst)
{
  g_mutex_lock (&self->lock);
  self->per_second = MAX (per_second, 0.0);
  self->burst = MAX (burst, 1);
  self->tokens = MIN (self->tokens, self->burst);
  g_mutex_unlock (&self->lock);
}

/**
 * ssv_rate_limiter_reserve:
 *
 * Takes one token, possibly on credit, and returns how long the caller must
 * wait before using it (0 when one was available). Credit makes the bucket go
 * negative, so the next caller waits behind this one.
 */
gint64
ssv_rate_limiter_reserve (SsvRateLimiter *self,
                          gint64          now_us)
{
  gint64 wait_us = 0;

  g_mutex_lock (&self->lock);

  if (self->per_second > 0)
    {
      double elapsed = (now_us - self->last_us) / (double) G_USEC_PER_SEC;

      if (elapsed > 0)
        {
          self->tokens = MIN (self->burst, self->tokens + elapsed * self->per_second);
          self->last_us = now_us;
        }

      self->tokens -= 1.0;
      if (self->tokens < 0 &&
          (!ssv_double_to_int64 (-self->tokens / self->per_second * G_USEC_PER_SEC + 0.5, &wait_us) ||
           wait_us > MAX_WAIT_US))
        wait_us = MAX_WAIT_US;
    }

  g_mutex_unlock (&self->lock);

  return wait_us;
}

gboolean
ssv_rate_limiter_acquire (SsvRateLimiter *self,
                          GCancellable   *cancellable)
{
  gint64 wait_us = ssv_rate_limiter_reserve (self, g_get_monotonic_time ());

  return wait_us == 0 || ssv_sleep_cancellable (wait_us, cancellable);
}

/* Sleeps up to @duration_us; returns FALSE early if @cancellable fires. */
gboolean
ssv_sleep_cancellable (gint64        duration_us,
                       GCancellable *cancellable)
{
  gint64 deadline = g_get_monotonic_time () + duration_us;
  GPollFD pollfd;
  gboolean have_fd;

  if (g_cancellable_is_cancelled (cancellable))
    return FALSE;

  have_fd = cancellable != NULL && g_cancellable_make_pollfd (cancellable, &pollfd);

  for (;;)
    {
      gint64 remaining = deadline - g_get_monotonic_time ();

      if (remaining <= 0 || g_cancellable_is_cancelled (cancellable))
        break;

      if (have_fd)
        g_poll (&pollfd, 1, (int) MIN ((remaining + 999) / 1000, G_MAXINT));
      else
        g_usleep (MIN (remaining, 50 * 1000));
    }

  if (have_fd)
    g_cancellable_release_fd (cancellable);

  return !g_cancellable_is_cancelled (cancellable);
}
