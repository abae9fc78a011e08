/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wish-profile-menu.h: a wanted movie's or show's menu with its "Quality Profile" choice. */

#pragma once

#include <gtk/gtk.h>

#include "ssv-context.h"
#include "model/ssv-wishlist-item.h"

G_BEGIN_DECLS

#define SSV_TYPE_WISH_PROFILE_MENU (ssv_wish_profile_menu_get_type ())

G_DECLARE_FINAL_TYPE (SsvWishProfileMenu, ssv_wish_profile_menu, SSV, WISH_PROFILE_MENU, GtkWidget)

GtkWidget       *ssv_wish_profile_menu_new           (SsvContext         *context);
SsvWishlistItem *ssv_wish_profile_menu_get_item      (SsvWishProfileMenu *self);
void             ssv_wish_profile_menu_set_item      (SsvWishProfileMenu *self,
                                                      SsvWishlistItem    *item);
GMenuModel      *ssv_wish_profile_menu_get_menu      (SsvWishProfileMenu *self);
gboolean         ssv_wish_profile_menu_get_loaded    (SsvWishProfileMenu *self);

G_END_DECLS
