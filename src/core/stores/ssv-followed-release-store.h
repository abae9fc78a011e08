/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-followed-release-store.h: followed people (how far back their movies count) and their
 * movies that wait for a home release before they join the wishlist. */

#pragma once

#include "ssv-database.h"
#include "stores/ssv-wishlist-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  tmdb_id;
  char   *name;
  int     lookback_years;    /* 0: only upcoming movies */
  gint64  synced_at;         /* 0: never read */
} SsvFollowedPerson;

typedef struct
{
  gint64  id;
  gint64  person_tmdb_id;
  gint64  movie_tmdb_id;
  char   *title;
  int     year;
  char   *overview;
  char   *poster_url;
  char   *backdrop_url;
  char   *release_date;        /* the first release TMDB lists */
  char   *home_release_date;   /* when it can be had at home; NULL: not known yet */
  char   *state;               /* "monitored" or "wanted" */
} SsvFollowedRelease;

gboolean    ssv_followed_release_store_set_lookback   (SsvDatabase          *db,
                                                       gint64                person_tmdb_id,
                                                       int                   lookback_years,
                                                       GError              **error);
GPtrArray  *ssv_followed_release_store_list_people    (SsvDatabase          *db,
                                                       GError              **error);
gboolean    ssv_followed_release_store_add            (SsvDatabase          *db,
                                                       gint64                person_tmdb_id,
                                                       GPtrArray            *releases,
                                                       gint64                now,
                                                       guint                *added,
                                                       GError              **error);
GPtrArray  *ssv_followed_release_store_list           (SsvDatabase          *db,
                                                       gint64                person_tmdb_id,
                                                       gboolean              monitored_only,
                                                       GError              **error);
gboolean    ssv_followed_release_store_set_dates      (SsvDatabase          *db,
                                                       gint64                id,
                                                       const char           *release_date,
                                                       const char           *home_release_date,
                                                       GError              **error);
gboolean    ssv_followed_release_store_want           (SsvDatabase          *db,
                                                       SsvWishlistStore     *wishlist,
                                                       const SsvFollowedRelease *release,
                                                       gint64                now,
                                                       GError              **error);

void        ssv_followed_person_free                  (SsvFollowedPerson    *person);
void        ssv_followed_release_free                 (SsvFollowedRelease   *release);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvFollowedRelease, ssv_followed_release_free)

G_END_DECLS
