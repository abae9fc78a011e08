/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-store-private.h: what the two files of SsvDownloadStore share. */

#pragma once

#include "ssv-download-store.h"

G_BEGIN_DECLS

SsvDatabase *ssv_download_store_db             (SsvDownloadStore  *self);
gboolean     ssv_download_store_step_done      (SsvStmt           *stmt,
                                                GError           **error);
gint64       ssv_download_store_column_int64_or (SsvStmt          *stmt,
                                                int                column,
                                                gint64             unknown);

G_END_DECLS
