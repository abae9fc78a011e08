/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-tmdb-worker.h: the TMDB worker: match, details, credits, artwork and the episode cascade. */

#pragma once

#include "workers/ssv-worker.h"

G_BEGIN_DECLS

#define SSV_TYPE_TMDB_WORKER (ssv_tmdb_worker_get_type ())

G_DECLARE_FINAL_TYPE (SsvTmdbWorker, ssv_tmdb_worker, SSV, TMDB_WORKER, SsvWorker)

/* For a person picking the right title by hand (re-match). */
void       ssv_tmdb_worker_search_async   (SsvTmdbWorker        *self,
                                           SsvItemKind           kind,
                                           const char           *query,
                                           int                   year,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray *ssv_tmdb_worker_search_finish  (SsvTmdbWorker        *self,
                                           GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
