/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-clock.h: the wall clock and its timers, or a manual one that tests move by hand. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SSV_TYPE_CLOCK (ssv_clock_get_type ())

G_DECLARE_FINAL_TYPE (SsvClock, ssv_clock, SSV, CLOCK, GObject)

SsvClock *ssv_clock_new             (void);
SsvClock *ssv_clock_new_manual      (gint64          now);
gboolean  ssv_clock_is_manual       (SsvClock       *self);
gint64    ssv_clock_get_now         (SsvClock       *self);
guint     ssv_clock_add_timeout     (SsvClock       *self,
                                     gint64          seconds,
                                     GSourceFunc     func,
                                     gpointer        data,
                                     GDestroyNotify  destroy);
void      ssv_clock_remove_timeout  (SsvClock       *self,
                                     guint           id);
void      ssv_clock_advance         (SsvClock       *self,
                                     gint64          seconds);
void      ssv_clock_set_now         (SsvClock       *self,
                                     gint64          now);
void      ssv_clock_sleep           (SsvClock       *self,
                                     gint64          seconds);

G_END_DECLS
