/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-search-store.h: each wanted item's automatic search: attempts, last and next search, result. */

#pragma once

#include "ssv-database.h"

G_BEGIN_DECLS

/* A wanted film or episode with what the drain needs to decide and search. */
typedef struct
{
  gint64    wishlist_id;
  gboolean  episode;
  char     *title;              /* the film's, or the show's */
  int       year;               /* 0 unknown */
  int       season;
  int       number;             /* the episode */
  gint64    tmdb_id;            /* the film's or the show's; 0 unknown */
  gint64    tvdb_id;
  char     *imdb_id;
  char     *air_date;           /* episodes */
  char     *air_time;
  char     *air_time_zone;
  char     *poster_url;
  char     *home_release_date;  /* films: cached from TMDB */
  gint64    release_checked_at;
  guint     attempts;
  guint     fruitless;
  gint64    last_search_at;
  char     *last_result;
  gint64    next_search_at;
  gint64    profile_id;         /* the film's or the show's own; 0: the first profile */
  char     *owned_path;         /* the best file the library has of it; NULL: none */
  gboolean  downloading;        /* a download of it is active */
} SsvWishSearchRow;

/* Which wanted items: all (all unset), one by its wishlist id, a film by title, or a show
 * by title or by its wishlist show id (and a season, or -1). */
typedef struct
{
  gint64       wishlist_id;
  const char  *movie;
  const char  *show;
  int          season;
  gint64       wishlist_show_id;
} SsvWishSearchFilter;

void        ssv_wish_search_row_free                (SsvWishSearchRow          *row);
GPtrArray  *ssv_wishlist_search_store_list          (SsvDatabase               *db,
                                                     const SsvWishSearchFilter *filter,
                                                     GError                   **error);
SsvWishSearchRow *ssv_wishlist_search_store_get     (SsvDatabase               *db,
                                                     gint64                     wishlist_id,
                                                     GError                   **error);
gboolean    ssv_wishlist_search_store_record        (SsvDatabase               *db,
                                                     gint64                     wishlist_id,
                                                     gint64                     now,
                                                     gboolean                   grabbed,
                                                     const char                *result,
                                                     gint64                     next_at,
                                                     GError                   **error);
gboolean    ssv_wishlist_search_store_set_next      (SsvDatabase               *db,
                                                     const gint64              *ids,
                                                     const gint64              *next_at,
                                                     guint                      n,
                                                     GError                   **error);
gboolean    ssv_wishlist_search_store_set_home_release (SsvDatabase            *db,
                                                     gint64                     wishlist_id,
                                                     const char                *date,
                                                     gint64                     now,
                                                     GError                   **error);
gboolean    ssv_wishlist_search_store_is_downloading (SsvDatabase             *db,
                                                     gint64                     wishlist_id,
                                                     gboolean                  *downloading,
                                                     GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvWishSearchRow, ssv_wish_search_row_free)

G_END_DECLS
