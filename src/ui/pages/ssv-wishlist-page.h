/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-page.h: the Wishlist page: wanted movies, and wanted shows with their episodes. */

#pragma once

#include "ssv-page.h"
#include "model/ssv-wishlist-item.h"

G_BEGIN_DECLS

#define SSV_TYPE_WISHLIST_PAGE (ssv_wishlist_page_get_type ())

G_DECLARE_FINAL_TYPE (SsvWishlistPage, ssv_wishlist_page, SSV, WISHLIST_PAGE, SsvPage)

GListModel  *ssv_wishlist_page_get_items     (SsvWishlistPage *self,
                                              SsvWishlistKind  kind);
const char  *ssv_wishlist_page_get_state     (SsvWishlistPage *self,
                                              SsvWishlistKind  kind);
gboolean     ssv_wishlist_page_get_loading   (SsvWishlistPage *self);
GtkWidget   *ssv_wishlist_page_find_tile     (SsvWishlistPage *self,
                                              const char      *title);
void         ssv_wishlist_page_show_kind     (SsvWishlistPage *self,
                                              SsvWishlistKind  kind);
const char  *ssv_wishlist_page_get_last_drain_message (SsvWishlistPage *self);

G_END_DECLS
