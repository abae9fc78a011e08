/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release-search.h: a searcher over the configured indexers, and a grab made from its judged hits. */

#pragma once

#include <gio/gio.h>

#include "ssv-context.h"
#include "downloads/ssv-grabber.h"
#include "downloads/ssv-searcher.h"

G_BEGIN_DECLS

/* Everything a search for one item needs, read off the main thread. */
typedef struct
{
  SsvSearcher       *searcher;    /* every enabled indexer, with its key */
  SsvQualityProfile *profile;     /* the wanted item's own quality profile, or the default one */
  guint              n_indexers;
  SsvSearchItem     *item;        /* the wanted item with its ids; NULL when not searching for one */
  char              *poster_url;  /* the wanted item's poster */
} SsvReleaseSearchSetup;

void                    ssv_release_search_setup_async   (SsvContext          *context,
                                                          gint64               wishlist_id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
SsvReleaseSearchSetup  *ssv_release_search_setup_finish  (GAsyncResult        *result,
                                                          GError             **error);
void                    ssv_release_search_setup_free    (SsvReleaseSearchSetup *setup);

char                   *ssv_judged_hit_dup_quality_label (const SsvJudgedHit  *judged);
SsvGrabRequest         *ssv_release_search_grab_request  (const SsvSearchItem     *item,
                                                          const SsvQualityProfile *profile,
                                                          const char              *poster_url,
                                                          GPtrArray               *judged,
                                                          guint                    chosen);
void                    ssv_release_search_grab_async    (SsvContext          *context,
                                                          SsvGrabRequest      *request,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
SsvDownload            *ssv_release_search_grab_finish   (GAsyncResult        *result,
                                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvReleaseSearchSetup, ssv_release_search_setup_free)

G_END_DECLS
