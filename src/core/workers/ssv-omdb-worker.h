/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-omdb-worker.h: the OMDb worker: IMDb, Rotten Tomatoes and Metacritic ratings. */

#pragma once

#include "workers/ssv-worker.h"

G_BEGIN_DECLS

#define SSV_TYPE_OMDB_WORKER (ssv_omdb_worker_get_type ())

G_DECLARE_FINAL_TYPE (SsvOmdbWorker, ssv_omdb_worker, SSV, OMDB_WORKER, SsvWorker)

G_END_DECLS
