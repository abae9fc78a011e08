/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-find-dialog.h: Find Anything (Ctrl+K): the library and TMDB searched as one types. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"

G_BEGIN_DECLS

#define SSV_TYPE_FIND_DIALOG (ssv_find_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SsvFindDialog, ssv_find_dialog, SSV, FIND_DIALOG, AdwWindow)

GtkWidget  *ssv_find_dialog_new          (SsvContext    *context);
void        ssv_find_dialog_set_query    (SsvFindDialog *self,
                                          const char    *query);
gboolean    ssv_find_dialog_is_searching (SsvFindDialog *self);
GListModel *ssv_find_dialog_get_results  (SsvFindDialog *self);
const char *ssv_find_dialog_get_note     (SsvFindDialog *self);
gboolean    ssv_find_dialog_open_result  (SsvFindDialog *self,
                                          guint          position);

G_END_DECLS
