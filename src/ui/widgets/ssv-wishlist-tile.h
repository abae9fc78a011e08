/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-tile.h: a wanted show as a tile that expands into its wanted episodes. */

#pragma once

#include <gtk/gtk.h>

#include "ssv-context.h"
#include "ssv-texture-loader.h"
#include "model/ssv-wishlist-item.h"

G_BEGIN_DECLS

#define SSV_TYPE_WISHLIST_TILE (ssv_wishlist_tile_get_type ())

G_DECLARE_FINAL_TYPE (SsvWishlistTile, ssv_wishlist_tile, SSV, WISHLIST_TILE, GtkWidget)

GtkWidget       *ssv_wishlist_tile_new                (SsvTextureLoader *loader,
                                                       SsvContext       *context);
void             ssv_wishlist_tile_set_item           (SsvWishlistTile  *self,
                                                       SsvWishlistItem  *item);
SsvWishlistItem *ssv_wishlist_tile_get_item           (SsvWishlistTile  *self);
gboolean         ssv_wishlist_tile_get_expanded       (SsvWishlistTile  *self);
void             ssv_wishlist_tile_set_expanded       (SsvWishlistTile  *self,
                                                       gboolean          expanded);
const char      *ssv_wishlist_tile_get_progress_text  (SsvWishlistTile  *self);
double           ssv_wishlist_tile_get_fraction       (SsvWishlistTile  *self);
guint            ssv_wishlist_tile_count_episode_rows (SsvWishlistTile  *self);
GtkListBoxRow   *ssv_wishlist_tile_get_episode_row    (SsvWishlistTile  *self,
                                                       guint             index);

G_END_DECLS
