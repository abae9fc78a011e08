/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scanner.h: reads every source into the library: upserts, prune, progress, cancel. */

#pragma once

#include <gio/gio.h>

#include "ssv-database.h"
#include "ssv-http.h"
#include "ssv-media-source.h"
#include "ssv-secrets.h"
#include "stores/ssv-library-store.h"

G_BEGIN_DECLS

#define SSV_TYPE_SCANNER (ssv_scanner_get_type ())
#define SSV_TYPE_SCAN_RESULT (ssv_scan_result_get_type ())

G_DECLARE_FINAL_TYPE (SsvScanner, ssv_scanner, SSV, SCANNER, GObject)

typedef enum
{
  SSV_SCAN_INCREMENTAL,   /* what changed since the last complete scan */
  SSV_SCAN_FULL,          /* everything; only titles of unmapped libraries removed */
  SSV_SCAN_DEEP,          /* full, and what the source no longer has is removed */
} SsvScanMode;

typedef struct
{
  SsvScanMode  mode;
  guint        sources;
  guint        added;
  guint        updated;
  guint        unchanged;
  guint        removed;
  guint        skipped;     /* items that could not be stored (logged in activity) */
  guint        errors;      /* sources or shows that could not be read */
  guint        held;        /* titles a deep scan did not remove: they wait for the
                             * person's confirmation, as do folders found on another
                             * disk (ssv_scan_hold_store_list()) */
  gboolean     cancelled;
  GPtrArray   *messages;    /* what went wrong, in plain words (utf8) */
} SsvScanResult;

/* Called on the scanning thread; for tools without a main loop (the CLI). */
typedef void (*SsvScanProgressFunc) (SsvScanner *scanner,
                                     const char *phase,
                                     const char *source_name,
                                     guint       done,
                                     guint       total,
                                     gpointer    user_data);

GType           ssv_scan_result_get_type          (void) G_GNUC_CONST;
SsvScanResult  *ssv_scan_result_new               (SsvScanMode           mode);
SsvScanResult  *ssv_scan_result_copy              (const SsvScanResult  *result);
void            ssv_scan_result_free              (SsvScanResult        *result);
char           *ssv_scan_result_dup_summary       (const SsvScanResult  *result);

const char     *ssv_scan_mode_to_string           (SsvScanMode           mode);
gboolean        ssv_scan_mode_from_string         (const char           *text,
                                                   SsvScanMode          *mode);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvScanResult, ssv_scan_result_free)

G_END_DECLS
