/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-edit-details-dialog.h: a title's details typed by hand, with a lock per field. */

#pragma once

#include <adwaita.h>

#include "model/ssv-title.h"
#include "ssv-context.h"

G_BEGIN_DECLS

#define SSV_TYPE_EDIT_DETAILS_DIALOG (ssv_edit_details_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SsvEditDetailsDialog, ssv_edit_details_dialog, SSV, EDIT_DETAILS_DIALOG, AdwWindow)

SsvEditDetailsDialog *ssv_edit_details_dialog_new        (SsvContext           *context,
                                                          SsvTitle             *title);
const char           *ssv_edit_details_dialog_get_state  (SsvEditDetailsDialog *self);
AdwEntryRow          *ssv_edit_details_dialog_get_row    (SsvEditDetailsDialog *self,
                                                          const char           *field);
GtkToggleButton      *ssv_edit_details_dialog_get_lock   (SsvEditDetailsDialog *self,
                                                          const char           *field);
const char           *ssv_edit_details_dialog_get_error  (SsvEditDetailsDialog *self);

G_END_DECLS
