/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-movie-corner.h: the corner of a wanted movie's card: its download, its searches, "Search Now" and the star. */

#pragma once

#include <gtk/gtk.h>

#include "model/ssv-wishlist-item.h"

G_BEGIN_DECLS

#define SSV_TYPE_WISHLIST_MOVIE_CORNER (ssv_wishlist_movie_corner_get_type ())

G_DECLARE_FINAL_TYPE (SsvWishlistMovieCorner, ssv_wishlist_movie_corner, SSV, WISHLIST_MOVIE_CORNER, GtkWidget)

GtkWidget       *ssv_wishlist_movie_corner_new           (void);
SsvWishlistItem *ssv_wishlist_movie_corner_get_item      (SsvWishlistMovieCorner *self);
void             ssv_wishlist_movie_corner_set_item      (SsvWishlistMovieCorner *self,
                                                          SsvWishlistItem        *item);
const char      *ssv_wishlist_movie_corner_get_download_text (SsvWishlistMovieCorner *self);
void             ssv_wishlist_movie_corner_add_menu      (SsvWishlistMovieCorner *self,
                                                          GtkWidget              *menu);

G_END_DECLS
