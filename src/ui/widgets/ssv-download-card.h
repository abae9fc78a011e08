/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-card.h: one download on the Downloads page: poster, what, progress, state, timeline. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"
#include "model/ssv-download.h"

G_BEGIN_DECLS

#define SSV_TYPE_DOWNLOAD_CARD (ssv_download_card_get_type ())

G_DECLARE_FINAL_TYPE (SsvDownloadCard, ssv_download_card, SSV, DOWNLOAD_CARD, AdwBin)

GtkWidget   *ssv_download_card_new          (SsvContext      *context,
                                             SsvDownload     *download);
SsvDownload *ssv_download_card_get_download (SsvDownloadCard *self);
const char  *ssv_download_card_get_summary  (SsvDownloadCard *self);
double       ssv_download_card_get_fraction (SsvDownloadCard *self);
GtkWidget   *ssv_download_card_get_cancel_button (SsvDownloadCard *self);
GtkWidget   *ssv_download_card_get_retry_button  (SsvDownloadCard *self);
GtkWidget   *ssv_download_card_get_block_button  (SsvDownloadCard *self);

G_END_DECLS
