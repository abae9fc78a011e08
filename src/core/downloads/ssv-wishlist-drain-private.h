/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-drain-private.h: what the drain (ssv-wishlist-drain.c) and its RSS sync
 * (ssv-wishlist-rss.c) share. */

#pragma once

#include "downloads/ssv-judge.h"
#include "downloads/ssv-searcher.h"
#include "downloads/ssv-retry.h"
#include "stores/ssv-blocklist-store.h"
#include "downloads/ssv-wishlist-drain.h"
#include "stores/ssv-profile-store.h"

G_BEGIN_DECLS

struct _SsvWishlistDrain
{
  GObject           parent_instance;

  SsvDatabase      *database;
  SsvDownloadStore *store;
  SsvHttp          *http;
  SsvSecrets       *secrets;
  SsvGrabber       *grabber;
  SsvClock         *clock;
  SsvProfileStore  *profiles;
  SsvBlocklistStore *blocklist;
  GMainContext     *main_context;
  GTimeZone        *zone;

  guint             concurrency;
  guint             indexer_budget;
  int               running;          /* atomic: one drain at a time */

  GMutex            lock;             /* guards in_flight */
  GHashTable       *in_flight;        /* wishlist ids being grabbed now */

  SsvSleepMonitor  *sleep_monitor;
  gulong            resumed_id;
};

typedef struct
{
  GPtrArray          *indexers;    /* SsvIndexer, with this run's budget */
  GPtrArray          *profiles;    /* SsvQualityProfile; [0] is the default */
  SsvBlocklist       *blocklist;   /* what is never grabbed again, read once a run */
  gint64              now;
} Run;

typedef struct
{
  SsvWishlistDrain  *self;
  const Run         *run;
  SsvWishSearchRow  *row;
  SsvDrainItem      *item;
  SsvOwnedFile       owned;
  char              *owned_name;
  GCancellable      *cancellable;
} Job;

void            ssv_drain_run_clear       (Run                     *run);
void            ssv_drain_item_free       (SsvDrainItem            *item);
SsvDrainReport *ssv_drain_report_new      (void);
void            ssv_drain_announce        (SsvWishlistDrain        *self,
                                           gint64                   wishlist_id,
                                           const char              *result);
gboolean        ssv_drain_begin_run       (SsvWishlistDrain        *self,
                                           GError                 **error);
void            ssv_drain_end_run         (SsvWishlistDrain        *self);
SsvQualityProfile *ssv_drain_profile_of   (const Run               *run,
                                           const SsvWishSearchRow  *row);
gboolean        ssv_drain_load_profiles   (SsvWishlistDrain        *self,
                                           Run                     *run,
                                           GError                 **error);
gboolean        ssv_drain_load_indexers   (SsvWishlistDrain        *self,
                                           Run                     *run,
                                           gboolean                 feeds_only,
                                           GCancellable            *cancellable,
                                           GError                 **error);
SsvQuality      ssv_drain_owned_quality   (const char              *path);
void            ssv_drain_judge_due       (SsvWishlistDrain        *self,
                                           const Run               *run,
                                           const SsvWishSearchRow  *row,
                                           SsvWishDue              *due);
char           *ssv_drain_label_of        (const SsvWishSearchRow  *row);
SsvSearchItem  *ssv_drain_search_item_of  (const SsvWishSearchRow  *row);
char           *ssv_drain_grab_best       (Job                     *job,
                                           const SsvSearchItem     *search_item,
                                           const SsvQualityProfile *profile,
                                           GPtrArray               *hits,
                                           guint                    pick);
SsvDrainReport *ssv_drain_rss_sync        (SsvWishlistDrain        *self,
                                           GCancellable            *cancellable,
                                           GError                 **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, ssv_drain_run_clear)

G_END_DECLS
