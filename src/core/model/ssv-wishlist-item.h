/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-item.h: a wanted movie or episode, or a show or season that groups them. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  SSV_WISHLIST_KIND_MOVIE,
  SSV_WISHLIST_KIND_EPISODE,
  SSV_WISHLIST_KIND_VIDEO,
  SSV_WISHLIST_KIND_SHOW,      /* a group: its seasons are the children */
  SSV_WISHLIST_KIND_SEASON,    /* a group: its episodes are the children */
} SsvWishlistKind;

#define SSV_TYPE_WISHLIST_ITEM (ssv_wishlist_item_get_type ())

G_DECLARE_FINAL_TYPE (SsvWishlistItem, ssv_wishlist_item, SSV, WISHLIST_ITEM, GObject)

SsvWishlistKind  ssv_wishlist_item_get_kind               (SsvWishlistItem *self);
gint64           ssv_wishlist_item_get_id                 (SsvWishlistItem *self);
gint64           ssv_wishlist_item_get_group_id           (SsvWishlistItem *self);
const char      *ssv_wishlist_item_get_source             (SsvWishlistItem *self);
const char      *ssv_wishlist_item_get_source_id          (SsvWishlistItem *self);
gint64           ssv_wishlist_item_get_library_id         (SsvWishlistItem *self);
const char      *ssv_wishlist_item_get_title              (SsvWishlistItem *self);
const char      *ssv_wishlist_item_get_show_title         (SsvWishlistItem *self);
int              ssv_wishlist_item_get_year               (SsvWishlistItem *self);
const char      *ssv_wishlist_item_get_overview           (SsvWishlistItem *self);
const char      *ssv_wishlist_item_get_poster_url         (SsvWishlistItem *self);
const char      *ssv_wishlist_item_get_backdrop_url       (SsvWishlistItem *self);
const char      *ssv_wishlist_item_get_still_url          (SsvWishlistItem *self);
const char      *ssv_wishlist_item_get_season_poster_url  (SsvWishlistItem *self);
const char      *ssv_wishlist_item_get_air_date           (SsvWishlistItem *self);
gint64           ssv_wishlist_item_get_added_at           (SsvWishlistItem *self);
int              ssv_wishlist_item_get_season_number      (SsvWishlistItem *self);
int              ssv_wishlist_item_get_episode_number     (SsvWishlistItem *self);
guint            ssv_wishlist_item_get_wanted             (SsvWishlistItem *self);
guint            ssv_wishlist_item_get_done               (SsvWishlistItem *self);
gint64           ssv_wishlist_item_get_profile_id         (SsvWishlistItem *self);
GListModel      *ssv_wishlist_item_get_children           (SsvWishlistItem *self);
const char      *ssv_wishlist_item_get_search_state       (SsvWishlistItem *self);
void             ssv_wishlist_item_set_search_state       (SsvWishlistItem *self,
                                                           const char      *state);
const char      *ssv_wishlist_item_get_download_state     (SsvWishlistItem *self);
void             ssv_wishlist_item_set_download_state     (SsvWishlistItem *self,
                                                           const char      *state);

G_END_DECLS
