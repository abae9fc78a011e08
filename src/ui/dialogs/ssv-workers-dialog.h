/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-workers-dialog.h: Manage Workers: every metadata worker, and the titles TMDB could not match. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"

G_BEGIN_DECLS

#define SSV_TYPE_WORKERS_DIALOG (ssv_workers_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SsvWorkersDialog, ssv_workers_dialog, SSV, WORKERS_DIALOG, AdwWindow)

SsvWorkersDialog *ssv_workers_dialog_new              (SsvContext       *context);
void              ssv_workers_dialog_show_unmatched   (SsvWorkersDialog *self);
GtkListBox       *ssv_workers_dialog_get_unmatched_list (SsvWorkersDialog *self);
guint             ssv_workers_dialog_get_n_unmatched  (SsvWorkersDialog *self);
gboolean          ssv_workers_dialog_is_loading       (SsvWorkersDialog *self);

G_END_DECLS
