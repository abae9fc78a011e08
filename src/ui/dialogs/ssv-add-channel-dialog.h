/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-add-channel-dialog.h: follow a YouTube channel from a pasted address or @handle. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"

G_BEGIN_DECLS

#define SSV_TYPE_ADD_CHANNEL_DIALOG (ssv_add_channel_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SsvAddChannelDialog, ssv_add_channel_dialog, SSV, ADD_CHANNEL_DIALOG, AdwWindow)

SsvAddChannelDialog *ssv_add_channel_dialog_new            (SsvContext          *context);
void                 ssv_add_channel_dialog_set_text       (SsvAddChannelDialog *self,
                                                            const char          *text);
gboolean             ssv_add_channel_dialog_is_busy        (SsvAddChannelDialog *self);
const char          *ssv_add_channel_dialog_get_error      (SsvAddChannelDialog *self);
const char          *ssv_add_channel_dialog_get_followed   (SsvAddChannelDialog *self);

G_END_DECLS
