/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-retry-engine.h: a failed download moves to its next release, or searches again, or gives up with the reason. */

#pragma once

#include <gio/gio.h>

#include "downloads/ssv-download-monitor.h"
#include "downloads/ssv-grabber.h"
#include "stores/ssv-blocklist-store.h"
#include "stores/ssv-profile-store.h"

G_BEGIN_DECLS

#define SSV_TYPE_RETRY_ENGINE (ssv_retry_engine_get_type ())

G_DECLARE_FINAL_TYPE (SsvRetryEngine, ssv_retry_engine, SSV, RETRY_ENGINE, GObject)

SsvRetryEngine *ssv_retry_engine_new              (SsvClientPool       *pool,
                                                   SsvGrabber          *grabber,
                                                   SsvProfileStore     *profiles,
                                                   SsvBlocklistStore   *blocklist);
void            ssv_retry_engine_watch            (SsvRetryEngine      *self,
                                                   SsvDownloadMonitor  *monitor);
void            ssv_retry_engine_start            (SsvRetryEngine      *self);
guint           ssv_retry_engine_get_n_running    (SsvRetryEngine      *self);

void            ssv_retry_engine_retry_now        (SsvRetryEngine      *self,
                                                   gint64               download_id,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
char           *ssv_retry_engine_retry_now_finish (SsvRetryEngine      *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void            ssv_retry_engine_block_async      (SsvRetryEngine      *self,
                                                   gint64               download_id,
                                                   const char          *reason,
                                                   gboolean             manual,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
char           *ssv_retry_engine_block_finish     (SsvRetryEngine      *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void            ssv_retry_engine_block_and_retry  (SsvRetryEngine      *self,
                                                   SsvDownload         *download,
                                                   const char          *reason);

SsvBlockEntry  *ssv_retry_engine_dup_block_entry  (SsvRetryEngine      *self,
                                                   gint64               download_id,
                                                   const char          *reason,
                                                   gboolean             manual,
                                                   GError             **error);

/* The same work, blocking (the CLI, tests): the timeline line it ended with. */
char           *ssv_retry_engine_run_sync         (SsvRetryEngine      *self,
                                                   gint64               download_id,
                                                   const char          *block_reason,
                                                   gboolean             manual,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

G_END_DECLS
