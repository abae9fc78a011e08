/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release-row.h: one judged hit in the release search dialog: what it is, the verdict, Grab. */

#pragma once

#include <gtk/gtk.h>

#include "downloads/ssv-judge.h"

G_BEGIN_DECLS

#define SSV_TYPE_RELEASE_ROW (ssv_release_row_get_type ())

G_DECLARE_FINAL_TYPE (SsvReleaseRow, ssv_release_row, SSV, RELEASE_ROW, GtkListBoxRow)

GtkWidget    *ssv_release_row_new        (SsvJudgedHit  *judged,
                                          guint          index);
SsvJudgedHit *ssv_release_row_get_hit    (SsvReleaseRow *self);
const char   *ssv_release_row_get_reasons (SsvReleaseRow *self);

G_END_DECLS
