/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-worker.h: sweeps followed YouTube channels in the background and tells of new uploads. */

#pragma once

#include "workers/ssv-worker.h"
#include "ssv-channel-service.h"

G_BEGIN_DECLS

#define SSV_TYPE_CHANNEL_WORKER (ssv_channel_worker_get_type ())

G_DECLARE_FINAL_TYPE (SsvChannelWorker, ssv_channel_worker, SSV, CHANNEL_WORKER, SsvWorker)

SsvWorker *ssv_channel_worker_new (SsvDatabase       *database,
                                   SsvHttp           *http,
                                   SsvChannelService *service);

G_END_DECLS
