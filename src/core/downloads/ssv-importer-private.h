/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-importer-private.h: the importer's test hook and its file work, for tests and benchmarks. */

#pragma once

#include "downloads/ssv-importer.h"

G_BEGIN_DECLS

/* Called with the temporary file complete and synced, just before its rename. */
typedef void (*SsvImportHook) (const char *temporary,
                               const char *destination,
                               gpointer    user_data);

void      ssv_importer_set_hook   (SsvImporter   *self,
                                   SsvImportHook  hook,
                                   gpointer       user_data);

/* One file into place atomically: a temporary beside @destination, the size
 * checked, synced, renamed. @linked says whether it was hardlinked. */
gboolean  ssv_import_place_file   (const char    *source,
                                   const char    *destination,
                                   SsvImportMode  mode,
                                   SsvImportHook  hook,
                                   gpointer       hook_data,
                                   gboolean      *linked,
                                   GCancellable  *cancellable,
                                   GError       **error);

gboolean   ssv_import_same_file         (const char    *source,
                                         const char    *destination,
                                         GCancellable  *cancellable);
gboolean   ssv_import_trash             (const char    *path,
                                         GCancellable  *cancellable,
                                         GError       **error);
void       ssv_import_clean_temporaries (const char    *folder);
gboolean   ssv_import_is_temporary      (const char    *name);
GPtrArray *ssv_import_list_files        (const char    *path,
                                         char         **base,
                                         GCancellable  *cancellable,
                                         GError       **error);

G_END_DECLS
