/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-tmdb-worker.h: the TMDB worker: match, details, credits, artwork and the episode cascade. */

#pragma once

#include "ssv-worker.h"

G_BEGIN_DECLS

#define SSV_TYPE_TMDB_WORKER (ssv_tmdb_worker_get_type ())

G_DECLARE_FINAL_TYPE (SsvTmdbWorker, ssv_tmdb_worker, SSV, TMDB_WORKER, SsvWorker)

G_END_DECLS
