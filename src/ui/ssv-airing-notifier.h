/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-airing-notifier.h: turns "episode-aired" into desktop notifications. */

#pragma once

#include <gio/gio.h>

#include "ssv-airing-monitor.h"

G_BEGIN_DECLS

#define SSV_TYPE_AIRING_NOTIFIER (ssv_airing_notifier_get_type ())

G_DECLARE_FINAL_TYPE (SsvAiringNotifier, ssv_airing_notifier, SSV, AIRING_NOTIFIER, GObject)

SsvAiringNotifier *ssv_airing_notifier_new     (GApplication      *application,
                                                SsvAiringMonitor  *monitor);
void               ssv_airing_notifier_notify  (SsvAiringNotifier *self,
                                                GPtrArray         *episodes,
                                                gboolean           catching_up);

G_END_DECLS
