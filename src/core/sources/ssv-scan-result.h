/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scan-result.h: what a scan did, and the scan modes. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SSV_TYPE_SCAN_RESULT (ssv_scan_result_get_type ())

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

GType           ssv_scan_result_get_type          (void) G_GNUC_CONST;
SsvScanResult  *ssv_scan_result_new               (SsvScanMode           mode);
SsvScanResult  *ssv_scan_result_copy              (const SsvScanResult  *result);
void            ssv_scan_result_free              (SsvScanResult        *result);
char           *ssv_scan_result_dup_summary       (const SsvScanResult  *result);

const char     *ssv_scan_mode_to_string           (SsvScanMode           mode);
gboolean        ssv_scan_mode_from_string         (const char           *text,
                                                   SsvScanMode          *mode);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvScanResult, ssv_scan_result_free)

G_END_DECLS
