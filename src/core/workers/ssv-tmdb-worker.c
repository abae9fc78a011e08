/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-tmdb-worker.c: the TMDB worker: match, details, credits, artwork and the episode cascade. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "workers/ssv-tmdb-worker.h"
#include "providers/ssv-tmdb.h"
#include "stores/ssv-settings-store.h"
#include "ssv-thread.h"

struct _SsvTmdbWorker
{
  SsvWorker parent_instance;
};

G_DEFINE_FINAL_TYPE (SsvTmdbWorker, ssv_tmdb_worker, SSV_TYPE_WORKER)

static gboolean
ssv_tmdb_worker_process_item (SsvWorker          *worker,
                              const SsvWorkItem  *item,
                              const char         *key,
                              SsvOutcome         *outcome,
                              GCancellable       *cancellable,
                              GError            **error)
{
  SsvHttp *http = ssv_worker_get_http (worker);
  g_autofree char *image_base = ssv_http_dup_base_url (http, "tmdb-images");
  SsvTmdbOptions options = {
    image_base ? image_base : "https://image.tmdb.org/t/p",
    ssv_worker_get_language (worker),
    ssv_worker_get_region (worker),
  };
  g_autoptr(SsvMeta) meta = NULL;
  g_autoptr(GError) season_error = NULL;
  g_autofree char *message = NULL;
  gint64 tmdb_id = item->tmdb_id;
  gboolean complete = TRUE;
  int failed_season = -1;

  if (item->kind == SSV_ITEM_EPISODE)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, "TMDB fills episodes through their show");
      return FALSE;
    }

  /* A known id skips the search. */
  if (tmdb_id <= 0)
    {
      g_autoptr(GPtrArray) results = NULL;
      int best;

      if (item->title == NULL || item->title[0] == '\0')
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("The title has no name to search for."));
          return FALSE;
        }

      results = ssv_tmdb_search (http, key, item->kind, item->title, item->year, &options, cancellable, error);
      if (results == NULL)
        return FALSE;

      best = ssv_search_pick_best (results, item->title, item->year);
      if (best < 0)
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("TMDB found nothing like “%s”."), item->title);
          return FALSE;
        }
      tmdb_id = ((SsvSearchResult *) g_ptr_array_index (results, best))->id;
    }

  meta = ssv_tmdb_fetch_details (http, key, item->kind, tmdb_id, &options, cancellable, error);
  if (meta == NULL)
    return FALSE;

  /* The cascade: every season the show lists. Seasons that fail do not stop the
   * others; what did arrive is written, but the show is not synced. */
  if (item->kind == SSV_ITEM_SHOW)
    {
      g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (int));

      for (guint i = 0; i < meta->seasons->len; i++)
        g_array_append_val (numbers, ((SsvMetaSeason *) g_ptr_array_index (meta->seasons, i))->season_number);

      for (guint i = 0; i < numbers->len; i++)
        {
          g_autoptr(GError) local_error = NULL;
          int number = g_array_index (numbers, int, i);

          if (ssv_tmdb_fetch_season (http, key, tmdb_id, number, &options, meta, cancellable, &local_error))
            continue;

          if (ssv_worker_error_stops_item (local_error))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }

          /* A season TMDB lists but does not have has answered: there is nothing in it. */
          if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
            continue;

          complete = FALSE;
          if (season_error == NULL)
            {
              season_error = g_steal_pointer (&local_error);
              failed_season = number;
            }
        }
    }

  if (!complete)
    /* Translators: "Season 3: TMDB had a problem (HTTP 500)…" */
    message = g_strdup_printf (_("Season %d: %s"), failed_season, season_error->message);

  *outcome = complete ? SSV_OUTCOME_MATCHED : SSV_OUTCOME_ERROR;
  return ssv_enrichment_store_record (ssv_worker_get_store (worker), "tmdb", item, meta, *outcome,
                                      complete && item->kind == SSV_ITEM_SHOW, message, error);
}

static gboolean
ssv_tmdb_worker_test_key (SsvWorker     *worker,
                          const char    *key,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return ssv_tmdb_test_key (ssv_worker_get_http (worker), key, cancellable, error);
}

typedef struct
{
  SsvItemKind  kind;
  char        *query;
  int          year;
} Search;

static void
search_free (gpointer data)
{
  Search *search = data;

  g_free (search->query);
  g_free (search);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SsvWorker *worker = source_object;
  Search *search = task_data;
  SsvHttp *http = ssv_worker_get_http (worker);
  SsvDatabase *db = ssv_worker_get_database (worker);
  g_autofree char *secret_key = ssv_worker_dup_secret_key (worker);
  g_autofree char *image_base = ssv_http_dup_base_url (http, "tmdb-images");
  g_autofree char *language = ssv_settings_store_get (db, "metadata.language", NULL);
  g_autofree char *region = ssv_settings_store_get (db, "metadata.region", NULL);
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) results = NULL;
  SsvTmdbOptions options = { NULL, };
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  key = ssv_secrets_lookup_sync (ssv_worker_get_secrets (worker), secret_key, cancellable, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (key == NULL)
    {
      g_task_return_new_error (task, SSV_ERROR, SSV_ERROR_INVALID, _("Add your TMDB API key in Preferences"));
      return;
    }

  options.image_base = image_base ? image_base : "https://image.tmdb.org/t/p";
  options.language = language && language[0] ? language : "en-US";
  options.region = region && region[0] ? region : "US";

  results = ssv_tmdb_search (http, key, search->kind, search->query, search->year, &options,
                             cancellable, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * ssv_tmdb_worker_search_async:
 * @year: 0 when unknown
 *
 * Searches TMDB with the stored key, off the UI thread, in TMDB's order.
 */
void
ssv_tmdb_worker_search_async (SsvTmdbWorker       *self,
                              SsvItemKind          kind,
                              const char          *query,
                              int                  year,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *trimmed = g_strstrip (g_strdup (query ? query : ""));
  Search *search;

  g_return_if_fail (SSV_IS_TMDB_WORKER (self));

  g_task_set_source_tag (task, ssv_tmdb_worker_search_async);
  if (trimmed[0] == '\0')
    {
      g_task_return_new_error (task, SSV_ERROR, SSV_ERROR_INVALID, _("Type a title to search for."));
      return;
    }

  search = g_new0 (Search, 1);
  search->kind = kind;
  search->query = g_steal_pointer (&trimmed);
  search->year = year;
  g_task_set_task_data (task, search, search_free);
  g_task_run_in_thread (task, search_thread);
}

/* Returns: (transfer full) (element-type SsvSearchResult): the results, maybe none */
GPtrArray *
ssv_tmdb_worker_search_finish (SsvTmdbWorker  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
ssv_tmdb_worker_class_init (SsvTmdbWorkerClass *klass)
{
  SsvWorkerClass *worker_class = SSV_WORKER_CLASS (klass);

  worker_class->process_item = ssv_tmdb_worker_process_item;
  worker_class->test_key = ssv_tmdb_worker_test_key;

  ssv_worker_class_set_provider (worker_class, "tmdb", "TMDB");
  ssv_worker_class_add_kind (worker_class, SSV_ITEM_MOVIE, SSV_REQUIRE_NOTHING);
  ssv_worker_class_add_kind (worker_class, SSV_ITEM_SHOW, SSV_REQUIRE_NOTHING);
  /* Episodes come with their show; counted here for the progress bars. */
  ssv_worker_class_count_kind (worker_class, SSV_ITEM_EPISODE);
}

static void
ssv_tmdb_worker_init (SsvTmdbWorker *self)
{
}
