/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release-search.c: a searcher over the configured indexers, and a grab made from its judged hits. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-release-search.h"

void
ssv_release_search_setup_free (SsvReleaseSearchSetup *setup)
{
  if (setup == NULL)
    return;

  g_clear_object (&setup->searcher);
  g_clear_pointer (&setup->profile, ssv_quality_profile_unref);
  g_free (setup);
}

/* An indexer row as an SsvIndexer with its key from the keyring; NULL for a kind we cannot search. */
static SsvIndexer *
indexer_from_row (SsvContext          *context,
                  const SsvIndexerRow *row,
                  GCancellable        *cancellable)
{
  g_autofree char *secret_key = ssv_secrets_indexer_key (row->id);
  g_autofree char *api_key = NULL;
  SsvIndexerKind kind;
  SsvIndexer *indexer;

  if (!ssv_indexer_kind_from_string (row->kind, &kind))
    return NULL;
  api_key = ssv_secrets_lookup_sync (ssv_context_get_secrets (context), secret_key, cancellable, NULL);
  indexer = ssv_indexer_new (kind, row->name, row->url, api_key);
  if (row->categories != NULL && row->categories->len > 0)
    ssv_indexer_set_categories (indexer, (const int *) (gpointer) row->categories->data, row->categories->len);

  return indexer;
}

static void
setup_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SsvContext *context = task_data;
  SsvProfileStore *profiles = ssv_context_get_profile_store (context);
  g_autoptr(SsvReleaseSearchSetup) setup = g_new0 (SsvReleaseSearchSetup, 1);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) all_profiles = NULL;
  GError *error = NULL;

  rows = ssv_download_store_list_indexers (ssv_context_get_download_store (context), TRUE, &error);
  if (rows == NULL || !ssv_profile_store_ensure_defaults (profiles, &error)
      || (all_profiles = ssv_profile_store_list (profiles, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (all_profiles->len == 0)
    {
      g_task_return_new_error (task, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                               _("There is no quality profile to judge releases with."));
      return;
    }
  setup->profile = ssv_quality_profile_ref (g_ptr_array_index (all_profiles, 0));
  setup->searcher = ssv_searcher_new (ssv_context_get_http (context));
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(SsvIndexer) indexer = indexer_from_row (context, g_ptr_array_index (rows, i), cancellable);

      if (indexer == NULL)
        continue;
      ssv_searcher_add_indexer (setup->searcher, indexer);
      setup->n_indexers++;
    }

  g_task_return_pointer (task, g_steal_pointer (&setup), (GDestroyNotify) ssv_release_search_setup_free);
}

/**
 * ssv_release_search_setup_async:
 *
 * Reads the enabled indexers, their keys and the default quality profile in a
 * thread: the keyring and the database are never waited on by the caller.
 */
void
ssv_release_search_setup_async (SsvContext          *context,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (context, cancellable, callback, user_data);

  g_task_set_source_tag (task, ssv_release_search_setup_async);
  g_task_set_task_data (task, g_object_ref (context), g_object_unref);
  g_task_run_in_thread (task, setup_thread);
}

/* Returns: (transfer full): the searcher and profile, or NULL with @error */
SsvReleaseSearchSetup *
ssv_release_search_setup_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* "1080p · BluRay · x265": what a chip shows of a hit's quality. */
char *
ssv_judged_hit_dup_quality_label (const SsvJudgedHit *judged)
{
  GString *label = g_string_new (ssv_quality_get_label (judged->decision->quality));
  const char *source = ssv_release_source_label (judged->release.source);
  const char *codec = ssv_release_codec_to_string (judged->release.video_codec);

  if (source != NULL && *source != '\0' && strstr (label->str, source) == NULL)
    g_string_append_printf (label, " · %s", source);
  if (codec != NULL && *codec != '\0' && g_strcmp0 (codec, "unknown") != 0)
    g_string_append_printf (label, " · %s", codec);

  return g_string_free (label, FALSE);
}

/* Returns: (transfer full): the hit as a grab sends it to a client */
SsvDownloadCandidate *
ssv_download_candidate_new_from_hit (const SsvJudgedHit *judged)
{
  const SsvReleaseHit *hit = judged->hit;
  SsvDownloadCandidate *candidate = ssv_download_candidate_new (ssv_protocol_to_string (hit->protocol), hit->title);

  candidate->indexer = g_strdup (hit->indexer);
  candidate->guid = g_strdup (hit->guid);
  candidate->download_url = g_strdup (hit->download_url);
  candidate->magnet_url = g_strdup (hit->magnet_url);
  candidate->infohash = g_strdup (hit->infohash);
  candidate->size = hit->size;
  candidate->quality = ssv_judged_hit_dup_quality_label (judged);
  candidate->score = judged->decision->score;
  candidate->seeders = hit->seeders;
  candidate->slskd_user = g_strdup (hit->slskd_user);
  for (guint i = 0; hit->files != NULL && i < hit->files->len; i++)
    {
      const SsvHitFile *file = g_ptr_array_index (hit->files, i);

      if (file->wanted || hit->protocol != SSV_PROTOCOL_SLSKD)
        ssv_download_candidate_add_file (candidate, file->path, file->size);
    }

  return candidate;
}

void
ssv_download_wanted_from_item (SsvDownloadWanted   *wanted,
                               const SsvSearchItem *item)
{
  static const SsvDownloadKind kinds[] = {
    [SSV_SEARCH_ITEM_MOVIE] = SSV_DOWNLOAD_KIND_MOVIE,
    [SSV_SEARCH_ITEM_EPISODE] = SSV_DOWNLOAD_KIND_EPISODE,
    [SSV_SEARCH_ITEM_SEASON] = SSV_DOWNLOAD_KIND_SEASON,
  };

  ssv_download_wanted_clear (wanted);
  wanted->kind = kinds[item->kind];
  wanted->tmdb_id = item->tmdb_id;
  wanted->tvdb_id = item->tvdb_id;
  wanted->imdb_id = g_strdup (item->imdb_id);
  wanted->title = g_strdup (item->title);
  wanted->year = (int) item->year;
  wanted->season = item->kind == SSV_SEARCH_ITEM_MOVIE ? -1 : (int) item->season;
  wanted->episode = item->kind == SSV_SEARCH_ITEM_EPISODE ? (int) item->episode : -1;
  wanted->air_date = g_strdup (item->air_date);
  wanted->absolute = (int) item->absolute;
}

/**
 * ssv_grab_request_new_from_hits:
 * @judged: (element-type SsvJudgedHit): every hit of the search, sorted
 * @chosen: the index in @judged of the hit to send
 *
 * The chosen hit first, then the other accepted ones, best first, kept for a retry.
 */
SsvGrabRequest *
ssv_grab_request_new_from_hits (const SsvSearchItem *item,
                                const char          *poster_url,
                                GPtrArray           *judged,
                                guint                chosen,
                                gint64               profile_id)
{
  SsvGrabRequest *request = ssv_grab_request_new ();

  g_return_val_if_fail (chosen < judged->len, request);

  ssv_download_wanted_from_item (&request->wanted, item);
  request->wanted.poster_url = g_strdup (poster_url);
  request->profile_id = profile_id;
  g_ptr_array_add (request->candidates, ssv_download_candidate_new_from_hit (g_ptr_array_index (judged, chosen)));
  for (guint i = 0; i < judged->len; i++)
    {
      const SsvJudgedHit *other = g_ptr_array_index (judged, i);

      if (i != chosen && other->decision->accepted)
        g_ptr_array_add (request->candidates, ssv_download_candidate_new_from_hit (other));
    }

  return request;
}

static void
grab_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SsvContext *context = source_object;
  const SsvGrabRequest *request = task_data;
  GError *error = NULL;
  SsvDownload *download;
  gint64 id;

  id = ssv_grabber_grab (ssv_context_get_grabber (context), request, NULL, cancellable, &error);
  if (id == 0 || (download = ssv_download_store_get (ssv_context_get_download_store (context), id, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, download, g_object_unref);
}

/**
 * ssv_release_search_grab_async:
 * @request: (transfer full): what to grab
 *
 * Grabs in a thread and reads the download back, so the caller can say which
 * client took it without a query of its own.
 */
void
ssv_release_search_grab_async (SsvContext          *context,
                               SsvGrabRequest      *request,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (context, cancellable, callback, user_data);

  g_task_set_source_tag (task, ssv_release_search_grab_async);
  g_task_set_task_data (task, request, (GDestroyNotify) ssv_grab_request_free);
  g_task_run_in_thread (task, grab_thread);
}

/* Returns: (transfer full): the queued download, or NULL with @error in plain words */
SsvDownload *
ssv_release_search_grab_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
