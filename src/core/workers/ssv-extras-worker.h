/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-extras-worker.h: backfill workers for the per-video extras: SponsorBlock, DeArrow, Return YouTube Dislike. */

#pragma once

#include "workers/ssv-worker.h"
#include "stores/ssv-channel-store.h"

G_BEGIN_DECLS

#define SSV_TYPE_EXTRAS_WORKER (ssv_extras_worker_get_type ())

G_DECLARE_DERIVABLE_TYPE (SsvExtrasWorker, ssv_extras_worker, SSV, EXTRAS_WORKER, SsvWorker)

struct _SsvExtrasWorkerClass
{
  SsvWorkerClass parent_class;

  /* "sponsorblock", "dearrow", "ryd": the store's column and the HTTP service. */
  const char *extra;

  /* Worker thread: asks about one video and saves the answer. */
  gboolean (*fetch_and_save) (SsvExtrasWorker  *self,
                              SsvVideo         *video,
                              GCancellable     *cancellable,
                              GError          **error);
};

#define SSV_TYPE_SPONSORBLOCK_WORKER (ssv_sponsorblock_worker_get_type ())
#define SSV_TYPE_DEARROW_WORKER      (ssv_dearrow_worker_get_type ())
#define SSV_TYPE_RYD_WORKER          (ssv_ryd_worker_get_type ())

GType      ssv_sponsorblock_worker_get_type  (void) G_GNUC_CONST;
GType      ssv_dearrow_worker_get_type       (void) G_GNUC_CONST;
GType      ssv_ryd_worker_get_type           (void) G_GNUC_CONST;

/* @type: one of the three above. */
SsvWorker *ssv_extras_worker_new             (GType             type,
                                              SsvDatabase      *database,
                                              SsvHttp          *http,
                                              SsvChannelStore  *store,
                                              gboolean          enabled);
/* A disabled worker asks nothing (the person turned the feature off). */
void       ssv_extras_worker_set_enabled     (SsvExtrasWorker  *self,
                                              gboolean          enabled);
gboolean   ssv_extras_worker_get_enabled     (SsvExtrasWorker  *self);

G_END_DECLS
