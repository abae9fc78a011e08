/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wish-profile-choice.h: the "Quality Profile" choice a wanted movie's or show's menus share. */

#pragma once

#include <gtk/gtk.h>

#include "model/ssv-wishlist-item.h"
#include "ssv-types.h"

G_BEGIN_DECLS

#define SSV_TYPE_WISH_PROFILE_CHOICE (ssv_wish_profile_choice_get_type ())

G_DECLARE_FINAL_TYPE (SsvWishProfileChoice, ssv_wish_profile_choice, SSV, WISH_PROFILE_CHOICE, GObject)

SsvWishProfileChoice *ssv_wish_profile_choice_new         (GtkWidget            *owner);
void                  ssv_wish_profile_choice_set_stores  (SsvWishProfileChoice *self,
                                                           SsvProfileStore      *profiles,
                                                           SsvWishlistStore     *wishlist);
SsvWishlistItem      *ssv_wish_profile_choice_get_item    (SsvWishProfileChoice *self);
void                  ssv_wish_profile_choice_set_item    (SsvWishProfileChoice *self,
                                                           SsvWishlistItem      *item);
gint64                ssv_wish_profile_choice_get_profile_id (SsvWishProfileChoice *self);
GMenuModel           *ssv_wish_profile_choice_get_section (SsvWishProfileChoice *self);
void                  ssv_wish_profile_choice_attach      (SsvWishProfileChoice *self,
                                                           GtkMenuButton        *button);
gboolean              ssv_wish_profile_choice_get_loaded  (SsvWishProfileChoice *self);
void                  ssv_wish_profile_choice_stop        (SsvWishProfileChoice *self);

G_END_DECLS
