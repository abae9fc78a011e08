/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-folder-source.h: a folder on disk as a media source (files named in the common layouts). */

#pragma once

#include "sources/ssv-media-source.h"

G_BEGIN_DECLS

#define SSV_TYPE_FOLDER_SOURCE (ssv_folder_source_get_type ())

G_DECLARE_FINAL_TYPE (SsvFolderSource, ssv_folder_source, SSV, FOLDER_SOURCE, GObject)

#define SSV_FOLDER_LIBRARY_MOVIES "movies"
#define SSV_FOLDER_LIBRARY_SHOWS  "shows"

/* Whether a folder's root can be read as the library it was. */
typedef enum
{
  SSV_FOLDER_ROOT_AVAILABLE,
  SSV_FOLDER_ROOT_MISSING,      /* not there, or not a folder */
  SSV_FOLDER_ROOT_UNREADABLE,
  SSV_FOLDER_ROOT_EMPTY,        /* nothing in it: an unmounted disk leaves its mount point so */
  SSV_FOLDER_ROOT_OTHER_DISK,   /* on another device than the one it was read from before */
} SsvFolderRootState;

SsvFolderSource    *ssv_folder_source_new         (const char       *path);
const char         *ssv_folder_source_get_path    (SsvFolderSource  *self);
SsvFolderRootState  ssv_folder_source_check_root  (SsvFolderSource  *self,
                                                   guint64           known_device,
                                                   guint64          *device,
                                                   GError          **error);

G_END_DECLS
