/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release-search-dialog.h: searches every indexer for one film, episode or season; grab a hit. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"
#include "downloads/ssv-search-item.h"

G_BEGIN_DECLS

#define SSV_TYPE_RELEASE_SEARCH_DIALOG (ssv_release_search_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SsvReleaseSearchDialog, ssv_release_search_dialog, SSV, RELEASE_SEARCH_DIALOG, AdwWindow)

GtkWidget  *ssv_release_search_dialog_new              (SsvContext             *context,
                                                        SsvSearchItem          *item,
                                                        const char             *poster_url,
                                                        gint64                  wishlist_id);
void        ssv_release_search_dialog_present          (GtkWidget              *parent,
                                                        SsvContext             *context,
                                                        SsvSearchItem          *item,
                                                        const char             *poster_url,
                                                        gint64                  wishlist_id);
gboolean    ssv_release_search_dialog_is_searching     (SsvReleaseSearchDialog *self);
const char *ssv_release_search_dialog_get_progress     (SsvReleaseSearchDialog *self);
const char *ssv_release_search_dialog_get_last_message (SsvReleaseSearchDialog *self);

G_END_DECLS
