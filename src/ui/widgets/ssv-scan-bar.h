/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scan-bar.h: a bar under the header while a scan runs: what it reads, how far, Stop;
 * and the question a scan left (Keep or Remove). */

#pragma once

#include <gtk/gtk.h>

#include "ssv-context.h"

G_BEGIN_DECLS

#define SSV_TYPE_SCAN_BAR (ssv_scan_bar_get_type ())

G_DECLARE_FINAL_TYPE (SsvScanBar, ssv_scan_bar, SSV, SCAN_BAR, GtkWidget)

GtkWidget  *ssv_scan_bar_new             (SsvContext *context);
const char *ssv_scan_bar_get_status_text (SsvScanBar *self);
gboolean    ssv_scan_bar_get_revealed    (SsvScanBar *self);
const char *ssv_scan_bar_get_question    (SsvScanBar *self);

G_END_DECLS
