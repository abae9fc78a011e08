/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-episode-row.h: a wanted episode in a wishlist tile: still, title, synopsis, air date. */

#pragma once

#include <gtk/gtk.h>

#include "model/ssv-wishlist-item.h"
#include "ssv-texture-loader.h"

G_BEGIN_DECLS

#define SSV_TYPE_WISHLIST_EPISODE_ROW (ssv_wishlist_episode_row_get_type ())

G_DECLARE_FINAL_TYPE (SsvWishlistEpisodeRow, ssv_wishlist_episode_row, SSV, WISHLIST_EPISODE_ROW, GtkListBoxRow)

GtkWidget       *ssv_wishlist_episode_row_new      (SsvWishlistItem       *episode,
                                                    SsvTextureLoader      *loader);
SsvWishlistItem *ssv_wishlist_episode_row_get_item (SsvWishlistEpisodeRow *self);

G_END_DECLS
