/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scanner.h: reads every source into the library: upserts, prune, progress, cancel. */

#pragma once

#include <gio/gio.h>

#include "ssv-database.h"
#include "net/ssv-http.h"
#include "sources/ssv-media-source.h"
#include "sources/ssv-scan-result.h"
#include "ssv-secrets.h"
#include "stores/ssv-library-store.h"

G_BEGIN_DECLS

#define SSV_TYPE_SCANNER (ssv_scanner_get_type ())

G_DECLARE_FINAL_TYPE (SsvScanner, ssv_scanner, SSV, SCANNER, GObject)

/* Called on the scanning thread; for tools without a main loop (the CLI). */
typedef void (*SsvScanProgressFunc) (SsvScanner *scanner,
                                     const char *phase,
                                     const char *source_name,
                                     guint       done,
                                     guint       total,
                                     gpointer    user_data);

SsvScanner     *ssv_scanner_new                   (SsvDatabase          *database,
                                                   SsvLibraryStore      *store,
                                                   SsvHttp              *http,
                                                   SsvSecrets           *secrets);
gboolean        ssv_scanner_get_running           (SsvScanner           *self);
gboolean        ssv_scanner_get_writing           (SsvScanner           *self);
const char     *ssv_scanner_get_phase             (SsvScanner           *self);
const char     *ssv_scanner_get_source_name       (SsvScanner           *self);
double          ssv_scanner_get_fraction          (SsvScanner           *self);
void            ssv_scanner_set_fetch_threads     (SsvScanner           *self,
                                                   guint                 n_threads);
void            ssv_scanner_set_progress_func     (SsvScanner           *self,
                                                   SsvScanProgressFunc   func,
                                                   gpointer              user_data);
SsvMediaSource *ssv_scanner_create_source         (SsvScanner           *self,
                                                   gint64                server_row,
                                                   GCancellable         *cancellable,
                                                   GError              **error);

SsvScanResult  *ssv_scanner_scan_sync             (SsvScanner           *self,
                                                   SsvScanMode           mode,
                                                   gint64                server_row,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
gboolean        ssv_scanner_scan_source_sync      (SsvScanner           *self,
                                                   SsvMediaSource       *source,
                                                   gint64                server_row,
                                                   SsvScanMode           mode,
                                                   SsvScanResult        *result,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
void            ssv_scanner_scan_async            (SsvScanner           *self,
                                                   SsvScanMode           mode,
                                                   gint64                server_row,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
void            ssv_scanner_scan_saved_mode_async (SsvScanner           *self,
                                                   gint64                server_row,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
SsvScanResult  *ssv_scanner_scan_finish           (SsvScanner           *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
