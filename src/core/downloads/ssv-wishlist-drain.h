/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-drain.h: searches the wishlist on its own: what is due, what came out while the
 * machine was off or asleep first, and the indexers' recent feeds between drains. */

#pragma once

#include <gio/gio.h>

#include "ssv-clock.h"
#include "ssv-database.h"
#include "downloads/ssv-grabber.h"
#include "ssv-scheduler.h"
#include "ssv-secrets.h"
#include "ssv-sleep-monitor.h"
#include "downloads/ssv-wishlist-due.h"
#include "net/ssv-http.h"
#include "stores/ssv-wishlist-search-store.h"

G_BEGIN_DECLS

#define SSV_TYPE_WISHLIST_DRAIN (ssv_wishlist_drain_get_type ())

G_DECLARE_FINAL_TYPE (SsvWishlistDrain, ssv_wishlist_drain, SSV, WISHLIST_DRAIN, GObject)

#define SSV_WISHLIST_DRAIN_JOB      "wishlist-search"
#define SSV_WISHLIST_RSS_JOB        "wishlist-rss"
#define SSV_WISHLIST_DRAIN_INTERVAL (3600)
#define SSV_WISHLIST_RSS_INTERVAL   (15 * 60)
#define SSV_WISHLIST_DRAIN_CONCURRENCY 3
/* Requests each indexer answers per drain at most (caps included); what is left waits. */
#define SSV_WISHLIST_DRAIN_INDEXER_BUDGET 60

typedef enum
{
  SSV_DRAIN_DUE,        /* what is due now: the hourly drain */
  SSV_DRAIN_CATCH_UP,   /* only what came out since it was last looked at (start, wake) */
  SSV_DRAIN_NOW,        /* the chosen items now, backoff or not ("Search now") */
} SsvDrainMode;

/* What became of one wanted item in a drain. */
typedef struct
{
  gint64           wishlist_id;
  char            *label;         /* "Heat (1995)", "Severance · S02E03" */
  SsvWishDueState  state;
  gboolean         searched;
  gboolean         catch_up;
  guint            n_hits;
  guint            n_accepted;
  char            *grabbed;       /* the release sent to a client; NULL: none */
  gint64           download_id;
  char            *result;        /* in plain words */
  gint64           next_at;       /* the next search; 0: the next drain */
} SsvDrainItem;

typedef struct
{
  GPtrArray  *items;              /* SsvDrainItem: the searched ones in search order, then the rest */
  guint       n_searched;
  guint       n_grabbed;
  GPtrArray  *problems;           /* char *: sources that could not be read, in plain words */
} SsvDrainReport;

void              ssv_drain_report_free          (SsvDrainReport      *report);
char             *ssv_drain_report_dup_summary   (const SsvDrainReport *report);

SsvWishlistDrain *ssv_wishlist_drain_new         (SsvDatabase         *database,
                                                  SsvHttp             *http,
                                                  SsvSecrets          *secrets,
                                                  SsvDownloadStore    *store,
                                                  SsvGrabber          *grabber,
                                                  SsvClock            *clock);
void              ssv_wishlist_drain_set_concurrency (SsvWishlistDrain *self,
                                                  guint                n_items);
void              ssv_wishlist_drain_set_indexer_budget (SsvWishlistDrain *self,
                                                  guint                requests);
void              ssv_wishlist_drain_set_time_zone (SsvWishlistDrain  *self,
                                                  GTimeZone           *zone);
void              ssv_wishlist_drain_register_jobs (SsvWishlistDrain  *self,
                                                  SsvScheduler        *scheduler);
void              ssv_wishlist_drain_start       (SsvWishlistDrain    *self,
                                                  SsvSleepMonitor     *sleep_monitor);
gboolean          ssv_wishlist_drain_get_running (SsvWishlistDrain    *self);

/* Blocking: the CLI, tests and worker threads. */
SsvDrainReport   *ssv_wishlist_drain_run_sync    (SsvWishlistDrain    *self,
                                                  SsvDrainMode         mode,
                                                  const SsvWishSearchFilter *filter,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
SsvDrainReport   *ssv_wishlist_drain_rss_sync    (SsvWishlistDrain    *self,
                                                  GCancellable        *cancellable,
                                                  GError             **error);

/* @wishlist_id 0: every wanted item. */
void              ssv_wishlist_drain_run_async   (SsvWishlistDrain    *self,
                                                  SsvDrainMode         mode,
                                                  gint64               wishlist_id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
void              ssv_wishlist_drain_run_filtered_async (SsvWishlistDrain          *self,
                                                  SsvDrainMode               mode,
                                                  const SsvWishSearchFilter *filter,
                                                  GCancellable              *cancellable,
                                                  GAsyncReadyCallback        callback,
                                                  gpointer                   user_data);
void              ssv_wishlist_drain_rss_async   (SsvWishlistDrain    *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
SsvDrainReport   *ssv_wishlist_drain_run_finish  (SsvWishlistDrain    *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvDrainReport, ssv_drain_report_free)

G_END_DECLS
