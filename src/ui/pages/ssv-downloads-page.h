/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-downloads-page.h: the Downloads page: a card for each active and recent download. */

#pragma once

#include "ssv-page.h"

G_BEGIN_DECLS

#define SSV_TYPE_DOWNLOADS_PAGE (ssv_downloads_page_get_type ())

G_DECLARE_FINAL_TYPE (SsvDownloadsPage, ssv_downloads_page, SSV, DOWNLOADS_PAGE, SsvPage)

GtkWidget *ssv_downloads_page_find_card (SsvDownloadsPage *self,
                                         gint64            download_id);
gboolean   ssv_downloads_page_is_empty  (SsvDownloadsPage *self);

G_END_DECLS
