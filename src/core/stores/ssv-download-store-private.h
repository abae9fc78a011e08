/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-store-private.h: what the two files of SsvDownloadStore share. */

#pragma once

#include "stores/ssv-download-store.h"

G_BEGIN_DECLS

SsvDatabase *ssv_download_store_db             (SsvDownloadStore  *self);
gboolean     ssv_download_store_step_done      (SsvStmt           *stmt,
                                                GError           **error);
gint64       ssv_download_store_column_int64_or (SsvStmt          *stmt,
                                                int                column,
                                                gint64             unknown);

gboolean     ssv_download_store_check_status (SsvDatabase     *db,
                                              gint64           id,
                                              guint            from,
                                              GError         **error);
gboolean     ssv_download_store_write_status (SsvDatabase       *db,
                                              gint64             id,
                                              SsvDownloadStatus  status,
                                              const char        *error_message,
                                              const char        *content_path,
                                              GError           **error);
gboolean     ssv_download_store_insert_candidate (SsvDatabase                *db,
                                                 gint64                      download_id,
                                                 guint                       position,
                                                 const SsvDownloadCandidate *c,
                                                 gboolean                    tried,
                                                 GError                    **error);
gboolean     ssv_download_store_insert_try     (SsvDatabase       *db,
                                                gint64             download_id,
                                                const char        *kind,
                                                const char        *value,
                                                GError           **error);
gboolean     ssv_download_store_insert_event   (SsvDatabase       *db,
                                                gint64             download_id,
                                                const char        *kind,
                                                const char        *message,
                                                GError           **error);

G_END_DECLS
