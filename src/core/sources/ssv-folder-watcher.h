/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-folder-watcher.h: watches folder sources (GFileMonitor) and rescans one when it changes. */

#pragma once

#include <gio/gio.h>

#include "sources/ssv-scanner.h"

G_BEGIN_DECLS

#define SSV_TYPE_FOLDER_WATCHER (ssv_folder_watcher_get_type ())

G_DECLARE_FINAL_TYPE (SsvFolderWatcher, ssv_folder_watcher, SSV, FOLDER_WATCHER, GObject)

SsvFolderWatcher *ssv_folder_watcher_new             (SsvDatabase       *database,
                                                      SsvLibraryStore   *store,
                                                      SsvScanner        *scanner);
void              ssv_folder_watcher_start           (SsvFolderWatcher  *self);
void              ssv_folder_watcher_stop            (SsvFolderWatcher  *self);
void              ssv_folder_watcher_set_delay       (SsvFolderWatcher  *self,
                                                      guint              milliseconds);
guint             ssv_folder_watcher_get_n_monitors  (SsvFolderWatcher  *self);
guint             ssv_folder_watcher_get_n_scans     (SsvFolderWatcher  *self);

G_END_DECLS
