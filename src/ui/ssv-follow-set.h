/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-follow-set.h: what a page's eye buttons read: the followed keys of one kind, loaded in
 * one query and kept current from the watchlist store's follow-changed signal. */

#pragma once

#include <gio/gio.h>

#include "ssv-context.h"
#include "model/ssv-watch-item.h"

G_BEGIN_DECLS

#define SSV_TYPE_FOLLOW_SET (ssv_follow_set_get_type ())

G_DECLARE_FINAL_TYPE (SsvFollowSet, ssv_follow_set, SSV, FOLLOW_SET, GObject)

SsvFollowSet      *ssv_follow_set_new            (SsvWatchlistStore   *store,
                                                  SsvWatchKind         kind);
SsvWatchlistStore *ssv_follow_set_get_store      (SsvFollowSet        *self);
SsvWatchKind       ssv_follow_set_get_kind       (SsvFollowSet        *self);
void               ssv_follow_set_load           (SsvFollowSet        *self);
gboolean           ssv_follow_set_get_loaded     (SsvFollowSet        *self);
gboolean           ssv_follow_set_contains_any   (SsvFollowSet        *self,
                                                  const char * const  *keys);
guint              ssv_follow_set_get_n_loads    (SsvFollowSet        *self);

G_END_DECLS
