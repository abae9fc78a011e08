/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-monitor.h: watches active downloads in their clients; a list model of active and recent ones. */

#pragma once

#include <gio/gio.h>

#include "downloads/ssv-client-pool.h"
#include "downloads/ssv-stall.h"

G_BEGIN_DECLS

#define SSV_TYPE_DOWNLOAD_MONITOR (ssv_download_monitor_get_type ())

G_DECLARE_FINAL_TYPE (SsvDownloadMonitor, ssv_download_monitor, SSV, DOWNLOAD_MONITOR, GObject)

#define SSV_DOWNLOAD_MONITOR_MIN_INTERVAL_MS 3000
#define SSV_DOWNLOAD_MONITOR_MAX_INTERVAL_MS 60000

SsvDownloadMonitor *ssv_download_monitor_new          (SsvClientPool      *pool);
GListModel         *ssv_download_monitor_get_model    (SsvDownloadMonitor *self);
void                ssv_download_monitor_start        (SsvDownloadMonitor *self);
void                ssv_download_monitor_stop         (SsvDownloadMonitor *self);
void                ssv_download_monitor_set_intervals (SsvDownloadMonitor *self,
                                                       guint               min_ms,
                                                       guint               max_ms);
guint               ssv_download_monitor_get_n_active (SsvDownloadMonitor *self);
gboolean            ssv_download_monitor_is_polling   (SsvDownloadMonitor *self);
guint               ssv_download_monitor_get_interval (SsvDownloadMonitor *self);
guint64             ssv_download_monitor_get_n_polls  (SsvDownloadMonitor *self);
void                ssv_download_monitor_poll_now     (SsvDownloadMonitor *self);
SsvDownload        *ssv_download_monitor_find         (SsvDownloadMonitor *self,
                                                       gint64              id);
void                ssv_download_monitor_set_stall_rules (SsvDownloadMonitor  *self,
                                                          const SsvStallRules *rules);
void                ssv_download_monitor_get_stall_rules (SsvDownloadMonitor  *self,
                                                          SsvStallRules       *rules);
void                ssv_download_monitor_follow_settings (SsvDownloadMonitor  *self);

/* One poll of every active download, blocking (benchmarks, the CLI's --once). */
guint               ssv_download_monitor_poll_sync    (SsvClientPool      *pool,
                                                       GCancellable       *cancellable,
                                                       GError            **error);

G_END_DECLS
