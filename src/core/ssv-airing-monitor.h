/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-airing-monitor.h: decides which followed episodes aired since it last looked. */

#pragma once

#include "stores/ssv-calendar-store.h"

G_BEGIN_DECLS

#define SSV_TYPE_AIRING_MONITOR (ssv_airing_monitor_get_type ())

G_DECLARE_FINAL_TYPE (SsvAiringMonitor, ssv_airing_monitor, SSV, AIRING_MONITOR, GObject)

/* Longer than this without a look, and what aired meanwhile is a catch-up. */
#define SSV_AIRING_CATCH_UP_GAP_S  (30 * 60)
/* Older than this is not news any more. */
#define SSV_AIRING_MAX_AGE_DAYS    7

typedef void (*SsvAiringHook) (GPtrArray *aired,
                               GDateTime *now,
                               gpointer   user_data);

SsvAiringMonitor *ssv_airing_monitor_new          (SsvCalendarStore  *calendar);
GPtrArray        *ssv_airing_monitor_check        (SsvAiringMonitor  *self,
                                                   GDateTime         *now,
                                                   gboolean          *catching_up,
                                                   GError           **error);
void              ssv_airing_monitor_set_hook     (SsvAiringMonitor  *self,
                                                   SsvAiringHook      hook,
                                                   gpointer           user_data,
                                                   GDestroyNotify     destroy);
void              ssv_airing_monitor_start        (SsvAiringMonitor  *self);
void              ssv_airing_monitor_stop         (SsvAiringMonitor  *self);
gboolean          ssv_airing_monitor_is_running   (SsvAiringMonitor  *self);

/* The bookmark's key in the library's settings table (unix seconds). */
#define SSV_AIRING_BOOKMARK_KEY "airing.checked-until"

G_END_DECLS
