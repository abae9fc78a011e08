/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-due.c: the rules that say when a wanted item is searched: films once out at home,
 * episodes once aired, owned items only while below the cutoff, and a backoff after searches
 * that found nothing, so a drain every hour does not ask the indexers the same thing every hour. */

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "ssv-air-time.h"
#include "downloads/ssv-wishlist-due.h"

/* Searches in a row that grabbed nothing → the wait before the next one. */
static const gint64 backoff_s[] = { 0, 3600, 3 * 3600, 6 * 3600, 12 * 3600, SSV_WISH_BACKOFF_MAX_S };

gint64
ssv_wishlist_backoff_s (guint fruitless)
{
  return backoff_s[MIN (fruitless, G_N_ELEMENTS (backoff_s) - 1)];
}

/* An unknown quality (a name that says nothing) is below every cutoff: it is worth upgrading. */
gboolean
ssv_wishlist_meets_cutoff (const SsvQualityProfile *profile,
                           SsvQuality               quality)
{
  int rank, cutoff;

  g_return_val_if_fail (profile != NULL, FALSE);

  rank = ssv_quality_profile_get_rank (profile, quality);
  cutoff = ssv_quality_profile_get_rank (profile, profile->cutoff);

  return rank >= 0 && cutoff >= 0 && rank >= cutoff;
}

/**
 * ssv_wishlist_due:
 * @now: Unix seconds
 * @due: (out caller-allocates): whether it is searched now, and if not, when
 *
 * The order matters: a download under way wins over everything (nothing is grabbed
 * twice), then what is owned (at the cutoff: never; below: upgrades), then the
 * release or air date, then the backoff. Something that came out since it was
 * last looked at skips the backoff and is searched first (catch-up).
 */
void
ssv_wishlist_due (const SsvWishDueFacts   *facts,
                  const SsvQualityProfile *profile,
                  gint64                   now,
                  SsvWishDue              *due)
{
  gint64 wait;

  g_return_if_fail (facts != NULL && profile != NULL && due != NULL);

  due->next_at = 0;
  due->catch_up = FALSE;

  if (facts->downloading)
    {
      due->state = SSV_WISH_DUE_DOWNLOADING;
      return;
    }
  if (facts->owned && (!profile->upgrades_allowed || ssv_wishlist_meets_cutoff (profile, facts->owned_quality)))
    {
      due->state = SSV_WISH_DUE_AT_CUTOFF;
      return;
    }
  if (!facts->owned && facts->available_at <= 0)
    {
      due->state = facts->episode ? SSV_WISH_DUE_NOT_AIRED : SSV_WISH_DUE_RELEASE_UNKNOWN;
      return;
    }
  if (!facts->owned && facts->available_at > now)
    {
      due->state = facts->episode ? SSV_WISH_DUE_NOT_AIRED : SSV_WISH_DUE_NOT_RELEASED;
      due->next_at = facts->available_at;
      return;
    }

  due->state = facts->owned ? SSV_WISH_DUE_UPGRADE : SSV_WISH_DUE_SEARCH;
  due->catch_up = !facts->owned && facts->available_at > facts->last_search_at;
  if (due->catch_up || facts->last_search_at <= 0)
    return;

  wait = ssv_wishlist_backoff_s (facts->fruitless);
  if (facts->last_search_at + wait > now)
    {
      due->state = SSV_WISH_DUE_WAITING;
      due->next_at = facts->last_search_at + wait;
    }
}

/* The start of @date ("YYYY-MM-DD") in @zone, Unix seconds; 0 when it is no date. */
gint64
ssv_wishlist_day_start (const char *date,
                        GTimeZone  *zone)
{
  g_autoptr(GDateTime) start = NULL;
  int year, month, day;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return 0;
  start = g_date_time_new (zone, year, month, day, 0, 0, 0);

  return start != NULL ? g_date_time_to_unix (start) : 0;
}

/* When a film is out at home: its home release date (TMDB release_dates: the earliest digital,
 * physical or TV date, else the cinema date plus 90 days); with none known, a film of an
 * earlier year is taken to be out since the new year. 0: not known. */
gint64
ssv_wishlist_movie_available_at (const char *home_release_date,
                                 int         year,
                                 GTimeZone  *zone)
{
  g_autoptr(GDateTime) new_year = NULL;

  if (home_release_date != NULL)
    return ssv_wishlist_day_start (home_release_date, zone);
  if (year <= 0 || year >= 9999)
    return 0;
  new_year = g_date_time_new (zone, year + 1, 1, 1, 0, 0, 0);

  return new_year != NULL ? g_date_time_to_unix (new_year) : 0;
}

/* When an episode has aired: its air moment; with no air time known, the end of its air day
 * (a show that airs "sometime that day" is out by the next morning). 0: no date. */
gint64
ssv_wishlist_aired_at (const char *air_date,
                       const char *air_time,
                       const char *air_time_zone,
                       GTimeZone  *local_zone)
{
  g_autoptr(GDateTime) moment = NULL;
  gboolean anytime = TRUE;

  if (air_date == NULL)
    return 0;
  moment = ssv_air_time_resolve (air_date, air_time, air_time_zone, local_zone, &anytime);
  if (moment == NULL)
    return 0;
  if (anytime)
    {
      gint64 start = ssv_wishlist_day_start (air_date, local_zone);

      return start > 0 ? start + 24 * 3600 : 0;
    }

  return g_date_time_to_unix (moment);
}

/* A stable name for JSON: "search", "upgrade", "not-released", … */
const char *
ssv_wish_due_state_to_string (SsvWishDueState state)
{
  static const char * const names[] = {
    "search", "upgrade", "not-released", "release-unknown", "not-aired", "at-cutoff", "downloading", "waiting",
  };

  return (guint) state < G_N_ELEMENTS (names) ? names[state] : "unknown";
}

gboolean
ssv_wish_due_is_search (SsvWishDueState state)
{
  return state == SSV_WISH_DUE_SEARCH || state == SSV_WISH_DUE_UPGRADE;
}

const char *
ssv_wish_due_state_describe (SsvWishDueState state)
{
  switch (state)
    {
    case SSV_WISH_DUE_SEARCH:
      return _("Searched: it is out");
    case SSV_WISH_DUE_UPGRADE:
      return _("Searched for an upgrade: the file you have is below the profile’s cutoff");
    case SSV_WISH_DUE_NOT_RELEASED:
      return _("Not searched: not out yet");
    case SSV_WISH_DUE_RELEASE_UNKNOWN:
      return _("Not searched: TMDB knows no release date yet");
    case SSV_WISH_DUE_NOT_AIRED:
      return _("Not searched: it has not aired yet");
    case SSV_WISH_DUE_AT_CUTOFF:
      return _("Not searched: the file you have is good enough (the profile’s cutoff, or no upgrades)");
    case SSV_WISH_DUE_DOWNLOADING:
      return _("Not searched: a download of it is under way");
    case SSV_WISH_DUE_WAITING:
    default:
      return _("Not searched: searched lately without luck; waiting before the next try");
    }
}
