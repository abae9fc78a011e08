/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-image-cache.h: images fetched once into a disk cache (hashed names); local files as they are. */

#pragma once

#include <gio/gio.h>

#include "net/ssv-http.h"

G_BEGIN_DECLS

#define SSV_TYPE_IMAGE_CACHE (ssv_image_cache_get_type ())

G_DECLARE_FINAL_TYPE (SsvImageCache, ssv_image_cache, SSV, IMAGE_CACHE, GObject)

SsvImageCache *ssv_image_cache_new              (SsvHttp         *http,
                                                 const char      *directory);
const char    *ssv_image_cache_get_directory    (SsvImageCache   *self);
void           ssv_image_cache_add_server       (SsvImageCache   *self,
                                                 const char      *kind,
                                                 const char      *url,
                                                 const char      *token);
void           ssv_image_cache_remove_server    (SsvImageCache   *self,
                                                 const char      *url);
char          *ssv_image_cache_dup_fetch_uri    (SsvImageCache   *self,
                                                 const char      *uri,
                                                 int              height,
                                                 char           **service);
GFile         *ssv_image_cache_dup_cached_file  (SsvImageCache   *self,
                                                 const char      *uri,
                                                 int              height);
GFile         *ssv_image_cache_fetch            (SsvImageCache   *self,
                                                 const char      *uri,
                                                 int              height,
                                                 GCancellable    *cancellable,
                                                 GError         **error);
void           ssv_image_cache_fetch_async      (SsvImageCache   *self,
                                                 const char      *uri,
                                                 int              height,
                                                 GCancellable    *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer         user_data);
GFile         *ssv_image_cache_fetch_finish     (SsvImageCache   *self,
                                                 GAsyncResult    *result,
                                                 GError         **error);
guint          ssv_image_cache_get_downloads    (SsvImageCache   *self);
gboolean       ssv_image_cache_trim             (SsvImageCache   *self,
                                                 guint64          max_bytes,
                                                 guint           *removed,
                                                 guint64         *kept_bytes,
                                                 GCancellable    *cancellable,
                                                 GError         **error);

G_END_DECLS
