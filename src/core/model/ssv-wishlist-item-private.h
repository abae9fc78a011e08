/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-item-private.h: the fields the wishlist store fills in. */

#pragma once

#include "model/ssv-wishlist-item.h"

G_BEGIN_DECLS

struct _SsvWishlistItem
{
  GObject          parent_instance;

  SsvWishlistKind  kind;
  gint64           id;             /* wishlist row, or wishlist_shows row for groups */
  gint64           group_id;       /* the wishlist_shows row of an episode or season */
  char            *source;
  char            *source_id;
  gint64           library_id;     /* the library movie or show, 0 when none */
  char            *title;
  char            *show_title;
  int              year;
  char            *overview;
  char            *poster_url;
  char            *backdrop_url;
  char            *still_url;
  char            *season_poster_url;
  char            *air_date;
  gint64           added_at;
  int              season_number;
  int              episode_number;
  guint            wanted;         /* units: 1; groups: their episodes */
  guint            done;           /* of those, how many are in the library */
  GListStore      *children;       /* groups only */
  char            *search_state;   /* "Searched 2 h ago: …"; NULL before it is known */
  char            *download_state; /* "downloading 42 %", …; NULL before it is known */
  gint64           profile_id;     /* the quality profile it is judged under (a show's, for its
                                    * seasons and episodes); 0: the default one */
};

SsvWishlistItem *ssv_wishlist_item_new (SsvWishlistKind kind);

G_END_DECLS
