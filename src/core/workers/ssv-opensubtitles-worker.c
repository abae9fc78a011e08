/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-opensubtitles-worker.c: the OpenSubtitles worker: which subtitle languages exist. */

#include "config.h"

#include "workers/ssv-opensubtitles-worker.h"
#include "providers/ssv-opensubtitles.h"

struct _SsvOpensubtitlesWorker
{
  SsvWorker parent_instance;
};

G_DEFINE_FINAL_TYPE (SsvOpensubtitlesWorker, ssv_opensubtitles_worker, SSV_TYPE_WORKER)

static gboolean
ssv_opensubtitles_worker_process_item (SsvWorker          *worker,
                                       const SsvWorkItem  *item,
                                       const char         *key,
                                       SsvOutcome         *outcome,
                                       GCancellable       *cancellable,
                                       GError            **error)
{
  g_autoptr(SsvMeta) meta = ssv_opensubtitles_fetch (ssv_worker_get_http (worker), key, item->kind,
                                                     item->imdb_id, item->tmdb_id, cancellable, error);

  if (meta == NULL)
    return FALSE;

  return ssv_worker_record_match (worker, item, meta, outcome, error);
}

static gboolean
ssv_opensubtitles_worker_test_key (SsvWorker     *worker,
                                   const char    *key,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  return ssv_opensubtitles_test_key (ssv_worker_get_http (worker), key, cancellable, error);
}

static void
ssv_opensubtitles_worker_class_init (SsvOpensubtitlesWorkerClass *klass)
{
  SsvWorkerClass *worker_class = SSV_WORKER_CLASS (klass);

  worker_class->process_item = ssv_opensubtitles_worker_process_item;
  worker_class->test_key = ssv_opensubtitles_worker_test_key;

  ssv_worker_class_set_provider (worker_class, "opensubtitles", "OpenSubtitles");
  ssv_worker_class_add_kind (worker_class, SSV_ITEM_MOVIE, SSV_REQUIRE_TMDB_OR_IMDB);
  ssv_worker_class_add_kind (worker_class, SSV_ITEM_SHOW, SSV_REQUIRE_TMDB_OR_IMDB);
}

static void
ssv_opensubtitles_worker_init (SsvOpensubtitlesWorker *self)
{
}
