/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-rematch-dialog.h: pick the right TMDB title (or TheTVDB show) for a title by hand. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"
#include "providers/ssv-meta.h"

G_BEGIN_DECLS

#define SSV_TYPE_REMATCH_DIALOG (ssv_rematch_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SsvRematchDialog, ssv_rematch_dialog, SSV, REMATCH_DIALOG, AdwWindow)

SsvRematchDialog *ssv_rematch_dialog_new          (SsvContext       *context,
                                                   SsvItemKind       kind,
                                                   gint64            id,
                                                   const char       *title,
                                                   int               year);
const char       *ssv_rematch_dialog_get_state    (SsvRematchDialog *self);
GtkListBox       *ssv_rematch_dialog_get_results  (SsvRematchDialog *self);
const char       *ssv_rematch_dialog_get_provider (SsvRematchDialog *self);
void              ssv_rematch_dialog_set_provider (SsvRematchDialog *self,
                                                   const char       *provider);

G_END_DECLS
