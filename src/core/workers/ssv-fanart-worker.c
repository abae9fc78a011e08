/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fanart-worker.c: the fanart.tv worker: logos, clear art, banners, backgrounds. */

#include "config.h"

#include "workers/ssv-fanart-worker.h"
#include "providers/ssv-fanart.h"

struct _SsvFanartWorker
{
  SsvWorker parent_instance;
};

G_DEFINE_FINAL_TYPE (SsvFanartWorker, ssv_fanart_worker, SSV_TYPE_WORKER)

static gboolean
ssv_fanart_worker_process_item (SsvWorker          *worker,
                                const SsvWorkItem  *item,
                                const char         *key,
                                SsvOutcome         *outcome,
                                GCancellable       *cancellable,
                                GError            **error)
{
  g_autofree char *id = NULL;
  g_autoptr(SsvMeta) meta = NULL;

  /* Movies by TMDB id (or IMDb id), shows by TheTVDB id. */
  if (item->kind == SSV_ITEM_SHOW)
    id = g_strdup_printf ("%" G_GINT64_FORMAT, item->tvdb_id);
  else if (item->tmdb_id > 0)
    id = g_strdup_printf ("%" G_GINT64_FORMAT, item->tmdb_id);
  else
    id = g_strdup (item->imdb_id);

  meta = ssv_fanart_fetch (ssv_worker_get_http (worker), key, item->kind, id,
                           ssv_worker_get_language (worker), cancellable, error);
  if (meta == NULL)
    return FALSE;

  return ssv_worker_record_match (worker, item, meta, outcome, error);
}

static gboolean
ssv_fanart_worker_test_key (SsvWorker     *worker,
                            const char    *key,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return ssv_fanart_test_key (ssv_worker_get_http (worker), key, cancellable, error);
}

static void
ssv_fanart_worker_class_init (SsvFanartWorkerClass *klass)
{
  SsvWorkerClass *worker_class = SSV_WORKER_CLASS (klass);

  worker_class->process_item = ssv_fanart_worker_process_item;
  worker_class->test_key = ssv_fanart_worker_test_key;

  ssv_worker_class_set_provider (worker_class, "fanart", "fanart.tv");
  ssv_worker_class_add_kind (worker_class, SSV_ITEM_MOVIE, SSV_REQUIRE_TMDB_OR_IMDB);
  ssv_worker_class_add_kind (worker_class, SSV_ITEM_SHOW, SSV_REQUIRE_TVDB);
}

static void
ssv_fanart_worker_init (SsvFanartWorker *self)
{
}
