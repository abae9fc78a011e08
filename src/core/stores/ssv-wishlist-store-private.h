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
/* The group wished under a show's key: 0 when none, -1 on error (ssv-wishlist-shows.c). */
gint64      ssv_wishlist_find_keyed_group  (SsvDatabase      *db,
                                            const char       *source,
                                            const char       *source_id,
                                            GError          **error);
gint64      ssv_wishlist_find_target_group (SsvDatabase      *db,
                                            SsvWishTarget     target,
                                            gint64            library_id,
                                            int              *season_number,
                                            int              *episode_number,
                                            GError          **error);


/* Shared by the library's shows (ssv-wishlist-store.c) and those it lacks (ssv-wishlist-shows.c). */
char       *ssv_wishlist_format_day        (GDateTime        *now);
gint64      ssv_wishlist_count_wanted      (SsvDatabase      *db,
                                            gint64            group_id);
gboolean    ssv_wishlist_recount_group     (SsvDatabase      *db,
                                            gint64            group_id,
                                            gboolean          touched,
                                            GError          **error);
gboolean    ssv_wishlist_subscribe         (SsvDatabase      *db,
                                            gint64            group_id,
                                            int               season_number,
                                            const char       *through,
                                            GError          **error);
gboolean    ssv_wishlist_remove_season     (SsvDatabase      *db,
                                            gint64            group_id,
                                            int               season_number,
                                            GError          **error);
gboolean    ssv_wishlist_remove_episode    (SsvDatabase      *db,
                                            gint64            group_id,
                                            int               season_number,
                                            int               episode_number,
                                            GError          **error);
gboolean    ssv_wishlist_insert_listed_episodes (SsvDatabase *db,
                                                 gint64       group_id,
                                                 int          season_number,
                                                 int          episode_number,
                                                 const char  *after,
                                                 const char  *through,
                                                 GError     **error);

G_END_DECLS
