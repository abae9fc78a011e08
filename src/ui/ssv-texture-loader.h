/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-texture-loader.h: images as textures at the size shown: decoded off the UI thread,
 * kept in a memory-bounded LRU, identical requests merged, cancellable per asker. */

#pragma once

#include <gtk/gtk.h>

#include "ssv-context.h"

G_BEGIN_DECLS

#define SSV_TYPE_TEXTURE_LOADER (ssv_texture_loader_get_type ())

G_DECLARE_FINAL_TYPE (SsvTextureLoader, ssv_texture_loader, SSV, TEXTURE_LOADER, GObject)

SsvTextureLoader *ssv_texture_loader_new          (SsvImageCache     *cache,
                                                   gsize              max_bytes);
SsvTextureLoader *ssv_texture_loader_get_default  (SsvContext        *context);
GdkTexture       *ssv_texture_loader_dup_texture  (SsvTextureLoader  *self,
                                                   const char        *uri,
                                                   int                height);
void              ssv_texture_loader_load_async   (SsvTextureLoader  *self,
                                                   const char        *uri,
                                                   int                height,
                                                   GCancellable      *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer           user_data);
GdkTexture       *ssv_texture_loader_load_finish  (SsvTextureLoader  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
void              ssv_texture_loader_load_picture (SsvTextureLoader  *self,
                                                   GtkPicture        *picture,
                                                   const char        *uri,
                                                   int                height,
                                                   GCancellable      *cancellable);
void              ssv_texture_loader_hold_queued  (SsvTextureLoader  *self);
void              ssv_texture_loader_hold_all     (SsvTextureLoader  *self);
guint             ssv_texture_loader_get_held     (SsvTextureLoader  *self);
void              ssv_texture_loader_release      (SsvTextureLoader  *self);
gsize             ssv_texture_loader_get_bytes    (SsvTextureLoader  *self);
guint             ssv_texture_loader_get_decodes  (SsvTextureLoader  *self);
guint             ssv_texture_loader_get_pending  (SsvTextureLoader  *self);

G_END_DECLS
