/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fanart-worker.h: the fanart.tv worker: logos, clear art, banners, backgrounds. */

#pragma once

#include "workers/ssv-worker.h"

G_BEGIN_DECLS

#define SSV_TYPE_FANART_WORKER (ssv_fanart_worker_get_type ())

G_DECLARE_FINAL_TYPE (SsvFanartWorker, ssv_fanart_worker, SSV, FANART_WORKER, SsvWorker)

G_END_DECLS
