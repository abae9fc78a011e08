/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-tvdb-worker.c: the TheTVDB worker: network-local air times, genres, episode gaps. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "workers/ssv-tvdb-worker.h"
#include "providers/ssv-tvdb.h"

struct _SsvTvdbWorker
{
  SsvWorker      parent_instance;

  /* Only the worker thread uses it: the login token lives as long as the key. */
  SsvTvdbClient *client;
};

G_DEFINE_FINAL_TYPE (SsvTvdbWorker, ssv_tvdb_worker, SSV_TYPE_WORKER)

static gboolean
ssv_tvdb_worker_process_item (SsvWorker          *worker,
                              const SsvWorkItem  *item,
                              const char         *key,
                              SsvOutcome         *outcome,
                              GCancellable       *cancellable,
                              GError            **error)
{
  SsvTvdbWorker *self = SSV_TVDB_WORKER (worker);
  SsvEnrichmentStore *store = ssv_worker_get_store (worker);
  g_autoptr(SsvMeta) meta = NULL;
  g_autoptr(GError) episodes_error = NULL;
  g_autofree char *message = NULL;
  gint64 tvdb_id = item->tvdb_id;
  gboolean complete;

  if (self->client == NULL)
    self->client = ssv_tvdb_client_new (ssv_worker_get_http (worker), key);

  if (tvdb_id <= 0)
    {
      g_autoptr(GPtrArray) results = NULL;
      int best;

      if (item->title == NULL || item->title[0] == '\0')
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("The title has no name to search for."));
          return FALSE;
        }

      results = ssv_tvdb_client_search (self->client, item->title, item->year, cancellable, error);
      if (results == NULL)
        return FALSE;

      best = ssv_search_pick_best (results, item->title, item->year);
      if (best < 0)
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("TheTVDB found nothing like “%s”."), item->title);
          return FALSE;
        }
      tvdb_id = ((SsvSearchResult *) g_ptr_array_index (results, best))->id;
    }

  meta = ssv_tvdb_client_fetch_series (self->client, tvdb_id, cancellable, error);
  if (meta == NULL)
    return FALSE;

  complete = ssv_tvdb_client_fetch_episodes (self->client, tvdb_id, meta, cancellable, &episodes_error);
  if (!complete)
    {
      if (ssv_worker_error_stops_item (episodes_error))
        {
          g_propagate_error (error, g_steal_pointer (&episodes_error));
          return FALSE;
        }
      message = g_strdup_printf (_("Episodes: %s"), episodes_error->message);
    }

  /* Where TMDB already gave the full episode list, TheTVDB only fills its gaps:
   * the two number some shows differently, and one list must rule. */
  meta->no_new_episodes = ssv_enrichment_store_is_synced (store, "tmdb", SSV_ITEM_SHOW, item->id, NULL);

  *outcome = complete ? SSV_OUTCOME_MATCHED : SSV_OUTCOME_ERROR;
  return ssv_enrichment_store_record (store, "tvdb", item, meta, *outcome, complete, message, error);
}

static gboolean
ssv_tvdb_worker_test_key (SsvWorker     *worker,
                          const char    *key,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(SsvTvdbClient) client = ssv_tvdb_client_new (ssv_worker_get_http (worker), key);

  return ssv_tvdb_client_login (client, cancellable, error);
}

static void
ssv_tvdb_worker_key_changed (SsvWorker *worker)
{
  g_clear_pointer (&SSV_TVDB_WORKER (worker)->client, ssv_tvdb_client_free);
}

static void
ssv_tvdb_worker_finalize (GObject *object)
{
  g_clear_pointer (&SSV_TVDB_WORKER (object)->client, ssv_tvdb_client_free);

  G_OBJECT_CLASS (ssv_tvdb_worker_parent_class)->finalize (object);
}

static void
ssv_tvdb_worker_class_init (SsvTvdbWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsvWorkerClass *worker_class = SSV_WORKER_CLASS (klass);

  object_class->finalize = ssv_tvdb_worker_finalize;
  worker_class->process_item = ssv_tvdb_worker_process_item;
  worker_class->test_key = ssv_tvdb_worker_test_key;
  worker_class->key_changed = ssv_tvdb_worker_key_changed;

  ssv_worker_class_set_provider (worker_class, "tvdb", "TheTVDB");
  ssv_worker_class_add_kind (worker_class, SSV_ITEM_SHOW, SSV_REQUIRE_NOTHING);
  ssv_worker_class_count_kind (worker_class, SSV_ITEM_EPISODE);
}

static void
ssv_tvdb_worker_init (SsvTvdbWorker *self)
{
}
