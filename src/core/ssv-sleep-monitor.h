/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-sleep-monitor.h: says when the machine wakes, from logind's PrepareForSleep on the system bus. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SSV_TYPE_SLEEP_MONITOR (ssv_sleep_monitor_get_type ())

G_DECLARE_FINAL_TYPE (SsvSleepMonitor, ssv_sleep_monitor, SSV, SLEEP_MONITOR, GObject)

SsvSleepMonitor *ssv_sleep_monitor_new          (void);
gboolean         ssv_sleep_monitor_get_listening (SsvSleepMonitor *self);

G_END_DECLS
