/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-jobs.h: the scheduled jobs that keep the library current: scans, refreshes,
 * followed people, the image cache. */

#pragma once

#include "ssv-scheduler.h"
#include "ssv-types.h"

G_BEGIN_DECLS

typedef struct
{
  const char   *name;
  const char   *title;       /* N_(), translated when registered */
  gint64        interval;
  int           at_hour;
  SsvJobFlags   flags;
  SsvJobFunc    func;
} SsvLibraryJobSpec;

/* How much the image cache may hold after its daily trim. */
#define SSV_IMAGE_CACHE_BUDGET ((guint64) 512 * 1024 * 1024)
/* Titles one run of the continuous re-enrichment reads again. */
#define SSV_REFRESH_BATCH 25

/* The objects the library's jobs work on. */
typedef struct
{
  SsvScanner        *scanner;
  SsvRefresher      *refresher;
  SsvPeopleFollower *people_follower;
  SsvDiscovery      *discovery;
  SsvWishlistStore  *wishlist;
  SsvImageCache     *image_cache;
} SsvLibraryJobObjects;

const SsvLibraryJobSpec *ssv_library_jobs_get_specs (guint                      *n_specs);
void                     ssv_library_jobs_register  (SsvScheduler               *scheduler,
                                                     const SsvLibraryJobObjects *objects);

G_END_DECLS
