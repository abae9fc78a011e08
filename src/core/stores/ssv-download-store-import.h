/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-store-import.h: what the importer writes to a download: taking it, and how its import ended. */

#pragma once

#include "stores/ssv-download-store.h"

G_BEGIN_DECLS

gboolean  ssv_download_store_take_for_import  (SsvDownloadStore  *self,
                                               gint64             id,
                                               const char        *event,
                                               GError           **error);
gboolean  ssv_download_store_finish_import    (SsvDownloadStore  *self,
                                               gint64             id,
                                               SsvDownloadStatus  status,
                                               const char        *error_message,
                                               const char        *event_kind,
                                               const char        *event,
                                               GError           **error);

G_END_DECLS
