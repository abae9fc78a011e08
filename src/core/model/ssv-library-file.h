/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-file.h: one file of a movie or an episode as the library has it (read-only properties). */

#pragma once

#include <glib-object.h>

#include "sources/ssv-media-item.h"

G_BEGIN_DECLS

#define SSV_TYPE_LIBRARY_FILE (ssv_library_file_get_type ())

G_DECLARE_FINAL_TYPE (SsvLibraryFile, ssv_library_file, SSV, LIBRARY_FILE, GObject)

SsvLibraryFile     *ssv_library_file_new      (const SsvMediaFile *file);
const SsvMediaFile *ssv_library_file_get_file (SsvLibraryFile     *self);
const char         *ssv_library_file_get_path (SsvLibraryFile     *self);

G_END_DECLS
