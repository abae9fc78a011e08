/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-due.h: when a wanted item is searched (released, aired, below the cutoff, backoff); pure. */

#pragma once

#include <glib.h>

#include "downloads/ssv-quality-profile.h"

G_BEGIN_DECLS

typedef enum
{
  SSV_WISH_DUE_SEARCH,            /* wanted and out: search it */
  SSV_WISH_DUE_UPGRADE,           /* owned below the profile's cutoff: search for a better release */
  SSV_WISH_DUE_NOT_RELEASED,      /* a film not out at home yet */
  SSV_WISH_DUE_RELEASE_UNKNOWN,   /* a film TMDB gives no date for */
  SSV_WISH_DUE_NOT_AIRED,         /* an episode still to air */
  SSV_WISH_DUE_AT_CUTOFF,         /* owned, good enough: never searched */
  SSV_WISH_DUE_DOWNLOADING,       /* a download of it is under way: the monitor and retries own it */
  SSV_WISH_DUE_WAITING,           /* searched lately without luck: the backoff holds it */
} SsvWishDueState;

/* What is known of one wanted item. */
typedef struct
{
  gboolean    episode;          /* an episode (aired) rather than a film (out at home) */
  gint64      available_at;     /* home release (film) or air moment (episode), Unix s; 0 unknown */
  gboolean    owned;
  SsvQuality  owned_quality;    /* SSV_QUALITY_UNKNOWN when the file's name says nothing */
  gboolean    downloading;
  guint       fruitless;        /* searches in a row that grabbed nothing */
  gint64      last_search_at;   /* 0: never searched */
} SsvWishDueFacts;

typedef struct
{
  SsvWishDueState  state;
  gint64           next_at;     /* when it is due (again); 0: at the next drain, whenever that is */
  gboolean         catch_up;    /* out since it was last looked at: searched before the rest */
} SsvWishDue;

/* The backoff after fruitless searches: 1 h, 3 h, 6 h, 12 h, then daily. */
#define SSV_WISH_BACKOFF_MAX_S (24 * 3600)

void         ssv_wishlist_due              (const SsvWishDueFacts   *facts,
                                            const SsvQualityProfile *profile,
                                            gint64                   now,
                                            SsvWishDue              *due);
gint64       ssv_wishlist_backoff_s        (guint                    fruitless);
gboolean     ssv_wishlist_meets_cutoff     (const SsvQualityProfile *profile,
                                            SsvQuality               quality);
gint64       ssv_wishlist_day_start        (const char              *date,
                                            GTimeZone               *zone);
gint64       ssv_wishlist_movie_available_at (const char           *home_release_date,
                                            int                      year,
                                            GTimeZone               *zone);
gint64       ssv_wishlist_aired_at         (const char              *air_date,
                                            const char              *air_time,
                                            const char              *air_time_zone,
                                            GTimeZone               *local_zone);
const char  *ssv_wish_due_state_describe   (SsvWishDueState          state);
const char  *ssv_wish_due_state_to_string  (SsvWishDueState          state);
gboolean     ssv_wish_due_is_search        (SsvWishDueState          state);

G_END_DECLS
