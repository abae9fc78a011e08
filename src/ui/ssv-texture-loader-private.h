/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-texture-loader-private.h: the texture loader's decoder, for tests. */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Larger images are refused before they are decoded: 8K UHD (7680 × 4320) fits. */
#define SSV_MAX_IMAGE_SIDE    8192
#define SSV_MAX_IMAGE_PIXELS  ((gint64) 34 * 1000 * 1000)

GdkPixbuf *ssv_texture_loader_decode_file (const char    *path,
                                           int            height,
                                           GCancellable  *cancellable,
                                           GError       **error);

G_END_DECLS
