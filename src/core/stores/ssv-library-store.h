/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-store.h: movies, shows, seasons, episodes, files, people, genres. */

#pragma once

#include "ssv-store.h"

G_BEGIN_DECLS

#define SSV_TYPE_LIBRARY_STORE (ssv_library_store_get_type ())

G_DECLARE_FINAL_TYPE (SsvLibraryStore, ssv_library_store, SSV, LIBRARY_STORE, SsvStore)

typedef struct
{
  gint64 movies;
  gint64 shows;
  gint64 episodes;
  gint64 files;
  gint64 servers;
} SsvLibraryCounts;

SsvLibraryStore  *ssv_library_store_new            (SsvDatabase       *database);
gboolean          ssv_library_store_get_counts     (SsvLibraryStore   *self,
                                                    SsvLibraryCounts  *counts,
                                                    GError           **error);
void              ssv_library_store_get_counts_async  (SsvLibraryStore     *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          ssv_library_store_get_counts_finish (SsvLibraryStore   *self,
                                                       GAsyncResult      *result,
                                                       SsvLibraryCounts  *counts,
                                                       GError           **error);

G_END_DECLS
