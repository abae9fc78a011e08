/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-acquire-dialog.h: Add Indexer… and Add Client…: kind, name, address and key, saved off the UI thread. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"

G_BEGIN_DECLS

#define SSV_TYPE_ACQUIRE_DIALOG (ssv_acquire_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SsvAcquireDialog, ssv_acquire_dialog, SSV, ACQUIRE_DIALOG, AdwWindow)

/* @clients: FALSE adds an indexer, TRUE a download client. */
SsvAcquireDialog *ssv_acquire_dialog_new        (SsvContext       *context,
                                                 gboolean          clients);
/* Picks the kind by its short name ("torznab", "qbittorrent"); FALSE if there is none such. */
gboolean          ssv_acquire_dialog_set_kind   (SsvAcquireDialog *self,
                                                 const char       *kind);
gboolean          ssv_acquire_dialog_get_saving (SsvAcquireDialog *self);

G_END_DECLS
