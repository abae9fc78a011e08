/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-store-private.h: what the wishlist store's writes and queries share. */

#pragma once

#include "stores/ssv-wishlist-store.h"

G_BEGIN_DECLS

const char *ssv_wishlist_kind_to_string    (SsvWishlistKind   kind);

/* The wishlist row of a library movie: 0 when it is not wanted, -1 on error. */
gint64      ssv_wishlist_find_movie_row    (SsvDatabase      *db,
                                            gint64            movie_id,
                                            GError          **error);
gint64      ssv_wishlist_find_target_group (SsvDatabase      *db,
                                            SsvWishTarget     target,
                                            gint64            library_id,
                                            int              *season_number,
                                            int              *episode_number,
                                            GError          **error);

G_END_DECLS
