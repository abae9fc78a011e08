/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-rate-limiter.h: a thread-safe token bucket that queues callers in order. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _SsvRateLimiter SsvRateLimiter;

SsvRateLimiter *ssv_rate_limiter_new        (double          per_second,
                                             guint           burst);
void            ssv_rate_limiter_free       (SsvRateLimiter *self);
void            ssv_rate_limiter_set_rate   (SsvRateLimiter *self,
                                             double          per_second,
                                             guint           burst);
gint64          ssv_rate_limiter_reserve    (SsvRateLimiter *self,
                                             gint64          now_us);
gboolean        ssv_rate_limiter_acquire    (SsvRateLimiter *self,
                                             GCancellable   *cancellable);

gboolean        ssv_sleep_cancellable       (gint64          duration_us,
                                             GCancellable   *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvRateLimiter, ssv_rate_limiter_free)

G_END_DECLS
