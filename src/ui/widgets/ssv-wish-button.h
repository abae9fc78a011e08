/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wish-button.h: a title's wishlist button: a movie's "Add to Wishlist", a show's menu of
 * every aired episode or a season. Its items name the page's title.wish and title.unwish. */

#pragma once

#include <gtk/gtk.h>

#include "model/ssv-title.h"
#include "ssv-types.h"
#include "stores/ssv-wishlist-store.h"
#include "widgets/ssv-wish-profile-choice.h"

G_BEGIN_DECLS

#define SSV_TYPE_WISH_BUTTON (ssv_wish_button_get_type ())

G_DECLARE_FINAL_TYPE (SsvWishButton, ssv_wish_button, SSV, WISH_BUTTON, GtkWidget)

GtkWidget *ssv_wish_button_new        (SsvWishlistStore *store);
SsvTitle  *ssv_wish_button_get_item   (SsvWishButton    *self);
void       ssv_wish_button_set_item   (SsvWishButton    *self,
                                       SsvTitle         *item);
void       ssv_wish_button_set_store  (SsvWishButton    *self,
                                       SsvWishlistStore *store);
void       ssv_wish_button_set_discovery (SsvWishButton *self,
                                          SsvDiscovery  *discovery);
void       ssv_wish_button_set_profile_store (SsvWishButton   *self,
                                              SsvProfileStore *store);
SsvWishProfileChoice *ssv_wish_button_get_profile_choice (SsvWishButton *self);
gboolean   ssv_wish_button_get_wanted (SsvWishButton    *self);
gboolean   ssv_wish_button_get_busy   (SsvWishButton    *self);
GtkWidget *ssv_wish_button_get_button (SsvWishButton    *self);
GtkWidget *ssv_wish_button_get_menu_button (SsvWishButton *self);
void       ssv_wish_button_change_async  (SsvWishButton       *self,
                                          gboolean             add,
                                          GVariant            *target,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
char      *ssv_wish_button_change_finish (SsvWishButton       *self,
                                          GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
