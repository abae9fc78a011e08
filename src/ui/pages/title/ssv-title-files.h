/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-files.h: a movie's files, each with its name, its facts and its path. */

#pragma once

#include <adwaita.h>

#include "sources/ssv-media-item.h"

G_BEGIN_DECLS

#define SSV_TYPE_TITLE_FILES (ssv_title_files_get_type ())

G_DECLARE_FINAL_TYPE (SsvTitleFiles, ssv_title_files, SSV, TITLE_FILES, AdwPreferencesGroup)

GtkWidget  *ssv_title_files_new          (void);
GListModel *ssv_title_files_get_files    (SsvTitleFiles *self);
void        ssv_title_files_set_files    (SsvTitleFiles *self,
                                          GListModel    *files);
char       *ssv_title_files_describe     (const SsvMediaFile *file);
GtkListBox *ssv_title_files_get_list     (SsvTitleFiles *self);

G_END_DECLS
