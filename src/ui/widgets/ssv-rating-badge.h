/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-rating-badge.h: one rating (IMDb, Rotten Tomatoes, Metacritic, TMDB), coloured by its score. */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SSV_TYPE_RATING_BADGE (ssv_rating_badge_get_type ())

G_DECLARE_FINAL_TYPE (SsvRatingBadge, ssv_rating_badge, SSV, RATING_BADGE, GtkWidget)

typedef enum
{
  SSV_RATING_IMDB,
  SSV_RATING_ROTTEN_TOMATOES,
  SSV_RATING_METACRITIC,
  SSV_RATING_TMDB,
} SsvRatingSource;

GtkWidget   *ssv_rating_badge_new        (SsvRatingSource  source,
                                          double           value);
const char  *ssv_rating_badge_get_look   (SsvRatingBadge  *self);
const char  *ssv_rating_badge_get_text   (SsvRatingBadge  *self);
const char  *ssv_rating_look_for         (SsvRatingSource  source,
                                          double           value);

G_END_DECLS
