/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-import-store.h: what imports read and write: the owned file of a wanted item, what an
 * import did for a wishlist row, and the wanted items a file by hand can be. */

#pragma once

#include "ssv-database.h"
#include "model/ssv-download.h"

G_BEGIN_DECLS

typedef enum
{
  SSV_WISH_IMPORT_NONE,
  SSV_WISH_IMPORT_RESOLVED,        /* the file meets the cutoff */
  SSV_WISH_IMPORT_UPGRADE_WANTED,  /* owned, but a better file is still wanted */
} SsvWishImportState;

extern const char * const ssv_import_store_owned_movie_sql;
extern const char * const ssv_import_store_owned_episode_sql;

char               *ssv_import_store_dup_owned_path  (SsvDatabase              *db,
                                                      const SsvDownloadWanted  *wanted,
                                                      int                       season,
                                                      int                       episode,
                                                      GError                  **error);
gboolean            ssv_import_store_record          (SsvDatabase              *db,
                                                      gint64                    wishlist_id,
                                                      gint64                    download_id,
                                                      SsvWishImportState        state,
                                                      const char               *quality_key,
                                                      const char               *path,
                                                      GError                  **error);
SsvWishImportState  ssv_import_store_get_state       (SsvDatabase              *db,
                                                      gint64                    wishlist_id,
                                                      char                    **quality_key,
                                                      GError                  **error);
gint64              ssv_import_store_find_title      (SsvDatabase              *db,
                                                      const char               *path,
                                                      GError                  **error);
GPtrArray          *ssv_import_store_list_wanted     (SsvDatabase              *db,
                                                      GError                  **error);
void                ssv_download_wanted_free         (SsvDownloadWanted        *wanted);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvDownloadWanted, ssv_download_wanted_free)

G_END_DECLS
