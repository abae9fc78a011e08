/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-omdb-worker.c: the OMDb worker: IMDb, Rotten Tomatoes and Metacritic ratings. */

#include "config.h"

#include "workers/ssv-omdb-worker.h"
#include "providers/ssv-omdb.h"

struct _SsvOmdbWorker
{
  SsvWorker parent_instance;
};

G_DEFINE_FINAL_TYPE (SsvOmdbWorker, ssv_omdb_worker, SSV_TYPE_WORKER)

static gboolean
ssv_omdb_worker_process_item (SsvWorker          *worker,
                              const SsvWorkItem  *item,
                              const char         *key,
                              SsvOutcome         *outcome,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_autoptr(SsvMeta) meta = ssv_omdb_fetch (ssv_worker_get_http (worker), key, item->kind, item->imdb_id,
                                            cancellable, error);

  if (meta == NULL)
    return FALSE;

  return ssv_worker_record_match (worker, item, meta, outcome, error);
}

static gboolean
ssv_omdb_worker_test_key (SsvWorker     *worker,
                          const char    *key,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return ssv_omdb_test_key (ssv_worker_get_http (worker), key, cancellable, error);
}

static gint64
ssv_omdb_worker_quota_reset_at (SsvWorker *worker,
                                gint64     now)
{
  return ssv_omdb_next_reset (now);
}

static void
ssv_omdb_worker_class_init (SsvOmdbWorkerClass *klass)
{
  SsvWorkerClass *worker_class = SSV_WORKER_CLASS (klass);

  worker_class->process_item = ssv_omdb_worker_process_item;
  worker_class->test_key = ssv_omdb_worker_test_key;
  worker_class->quota_reset_at = ssv_omdb_worker_quota_reset_at;

  ssv_worker_class_set_provider (worker_class, "omdb", "OMDb");
  ssv_worker_class_add_kind (worker_class, SSV_ITEM_MOVIE, SSV_REQUIRE_IMDB);
  ssv_worker_class_add_kind (worker_class, SSV_ITEM_SHOW, SSV_REQUIRE_IMDB);
  ssv_worker_class_add_kind (worker_class, SSV_ITEM_EPISODE, SSV_REQUIRE_IMDB);
}

static void
ssv_omdb_worker_init (SsvOmdbWorker *self)
{
}
