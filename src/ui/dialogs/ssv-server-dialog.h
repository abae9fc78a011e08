/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-server-dialog.h: connect a Plex or Jellyfin server: address, token, test, libraries. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"

G_BEGIN_DECLS

#define SSV_TYPE_SERVER_DIALOG (ssv_server_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SsvServerDialog, ssv_server_dialog, SSV, SERVER_DIALOG, AdwWindow)

SsvServerDialog *ssv_server_dialog_new        (SsvContext      *context);
void             ssv_server_dialog_fill       (SsvServerDialog *self,
                                               const char      *kind,
                                               const char      *url,
                                               const char      *token);
const char      *ssv_server_dialog_get_status (SsvServerDialog *self);
const char      *ssv_server_dialog_get_notice (SsvServerDialog *self);
gboolean         ssv_server_dialog_get_saving (SsvServerDialog *self);

G_END_DECLS
