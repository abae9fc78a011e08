/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-tvdb-worker.h: the TheTVDB worker: network-local air times, genres, episode gaps. */

#pragma once

#include "workers/ssv-worker.h"

G_BEGIN_DECLS

#define SSV_TYPE_TVDB_WORKER (ssv_tvdb_worker_get_type ())

G_DECLARE_FINAL_TYPE (SsvTvdbWorker, ssv_tvdb_worker, SSV, TVDB_WORKER, SsvWorker)

G_END_DECLS
