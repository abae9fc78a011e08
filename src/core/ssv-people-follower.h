/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-people-follower.h: following people: their new and upcoming movies join the wishlist,
 * unreleased ones wait as monitored until their home release date. */

#pragma once

#include <gio/gio.h>

#include "ssv-clock.h"
#include "ssv-database.h"
#include "ssv-secrets.h"
#include "net/ssv-http.h"
#include "stores/ssv-followed-release-store.h"
#include "stores/ssv-watchlist-store.h"
#include "stores/ssv-wishlist-store.h"

G_BEGIN_DECLS

#define SSV_TYPE_PEOPLE_FOLLOWER (ssv_people_follower_get_type ())

G_DECLARE_FINAL_TYPE (SsvPeopleFollower, ssv_people_follower, SSV, PEOPLE_FOLLOWER, GObject)

/* What following or a look at followed people did. */
typedef struct
{
  char   *name;           /* the person followed, for follow */
  guint   found;          /* movies new to the list */
  guint   wanted;         /* joined the wishlist now */
  guint   monitored;      /* wait for their home release */
  guint   failed;         /* people or movies TMDB could not tell about this time */
} SsvFollowReport;

SsvPeopleFollower *ssv_people_follower_new          (SsvDatabase        *database,
                                                     SsvHttp            *http,
                                                     SsvSecrets         *secrets,
                                                     SsvWatchlistStore  *watchlist,
                                                     SsvWishlistStore   *wishlist,
                                                     SsvClock           *clock);
gboolean           ssv_people_follower_follow_sync  (SsvPeopleFollower  *self,
                                                     gint64              person_tmdb_id,
                                                     int                 lookback_years,
                                                     SsvFollowReport    *report,
                                                     GCancellable       *cancellable,
                                                     GError            **error);
gboolean           ssv_people_follower_sync_sync    (SsvPeopleFollower  *self,
                                                     gboolean            force,
                                                     SsvFollowReport    *report,
                                                     GCancellable       *cancellable,
                                                     GError            **error);
void               ssv_people_follower_follow_async (SsvPeopleFollower  *self,
                                                     gint64              person_tmdb_id,
                                                     int                 lookback_years,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
char              *ssv_people_follower_follow_finish (SsvPeopleFollower *self,
                                                     GAsyncResult       *result,
                                                     GError            **error);
void               ssv_people_follower_sync_async   (SsvPeopleFollower  *self,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
char              *ssv_people_follower_sync_finish  (SsvPeopleFollower  *self,
                                                     GAsyncResult       *result,
                                                     GError            **error);

char              *ssv_follow_report_dup_summary    (const SsvFollowReport *report);
void               ssv_follow_report_clear          (SsvFollowReport    *report);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SsvFollowReport, ssv_follow_report_clear)

G_END_DECLS
