/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-watchlist-page.h: the Watchlist page: what a person follows, by kind. */

#pragma once

#include "ssv-follow-set.h"
#include "ssv-page.h"
#include "model/ssv-watch-item.h"

G_BEGIN_DECLS

#define SSV_TYPE_WATCHLIST_PAGE (ssv_watchlist_page_get_type ())

G_DECLARE_FINAL_TYPE (SsvWatchlistPage, ssv_watchlist_page, SSV, WATCHLIST_PAGE, SsvPage)

/* SsvWatchItems; for SSV_WATCH_KIND_CHANNEL, SsvChannels (the grid is then a GtkFlowBox of cards). */
GListModel   *ssv_watchlist_page_get_items       (SsvWatchlistPage *self,
                                                  SsvWatchKind      kind);
GtkWidget    *ssv_watchlist_page_get_grid        (SsvWatchlistPage *self,
                                                  SsvWatchKind      kind);
SsvFollowSet *ssv_watchlist_page_get_follow_set  (SsvWatchlistPage *self,
                                                  SsvWatchKind      kind);
const char   *ssv_watchlist_page_get_state       (SsvWatchlistPage *self,
                                                  SsvWatchKind      kind);
void          ssv_watchlist_page_show_kind       (SsvWatchlistPage *self,
                                                  SsvWatchKind      kind);

G_END_DECLS
