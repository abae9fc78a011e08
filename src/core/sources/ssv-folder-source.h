/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-folder-source.h: a folder on disk as a media source (files named in the common layouts). */

#pragma once

#include "ssv-media-source.h"

G_BEGIN_DECLS

#define SSV_TYPE_FOLDER_SOURCE (ssv_folder_source_get_type ())

G_DECLARE_FINAL_TYPE (SsvFolderSource, ssv_folder_source, SSV, FOLDER_SOURCE, GObject)

#define SSV_FOLDER_LIBRARY_MOVIES "movies"
#define SSV_FOLDER_LIBRARY_SHOWS  "shows"

SsvFolderSource *ssv_folder_source_new       (const char       *path);
const char      *ssv_folder_source_get_path  (SsvFolderSource  *self);

G_END_DECLS
