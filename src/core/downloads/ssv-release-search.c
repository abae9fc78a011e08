/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release-search.c: a searcher over the configured indexers, and a grab made from its judged hits. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "downloads/ssv-grab-hits.h"
#include "downloads/ssv-release-search.h"
#include "downloads/ssv-wishlist-drain-private.h"
#include "ssv-thread.h"
#include "stores/ssv-blocklist-store.h"
#include "stores/ssv-profile-store.h"
#include "stores/ssv-wishlist-search-store.h"

void
ssv_release_search_setup_free (SsvReleaseSearchSetup *setup)
{
  if (setup == NULL)
    return;

  g_clear_object (&setup->searcher);
  g_clear_pointer (&setup->profile, ssv_quality_profile_unref);
  g_clear_pointer (&setup->item, ssv_search_item_unref);
  g_free (setup->poster_url);
  g_free (setup);
}

/* The wanted item @wishlist_id as a search (its ids too), and the profile it is judged under:
 * its own, or the default one (the first) when it has none or it is gone. */
static gboolean
setup_wanted (SsvReleaseSearchSetup  *setup,
              SsvContext             *context,
              gint64                  wishlist_id,
              GPtrArray              *profiles,
              GError                **error)
{
  g_autoptr(SsvWishSearchRow) row = NULL;
  GError *local_error = NULL;

  setup->profile = ssv_quality_profile_ref (g_ptr_array_index (profiles, 0));
  if (wishlist_id <= 0)
    return TRUE;

  /* An item taken off the wishlist meanwhile is searched as the caller described it. */
  row = ssv_wishlist_search_store_get (ssv_context_get_database (context), wishlist_id, &local_error);
  if (row == NULL)
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_clear_pointer (&setup->profile, ssv_quality_profile_unref);
  setup->profile = ssv_quality_profile_ref (ssv_quality_profiles_find_or_first (profiles, row->profile_id));
  setup->item = ssv_drain_search_item_of (row);
  setup->poster_url = g_strdup (row->poster_url);

  return TRUE;
}

typedef struct
{
  SsvContext *context;
  gint64      wishlist_id;
} SetupRequest;

static void
setup_request_free (SetupRequest *request)
{
  g_object_unref (request->context);
  g_free (request);
}

static void
setup_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SetupRequest *request = task_data;
  SsvContext *context = request->context;
  SsvProfileStore *profiles = ssv_context_get_profile_store (context);
  g_autoptr(SsvReleaseSearchSetup) setup = g_new0 (SsvReleaseSearchSetup, 1);
  g_autoptr(GPtrArray) indexers = NULL;
  g_autoptr(GPtrArray) all_profiles = NULL;
  g_autoptr(SsvBlocklist) blocklist = NULL;
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  indexers = ssv_grab_load_indexers (ssv_context_get_download_store (context), ssv_context_get_secrets (context),
                                     cancellable, &error);
  if (indexers == NULL || !ssv_profile_store_ensure_defaults (profiles, &error)
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
  if (!setup_wanted (setup, context, request->wishlist_id, all_profiles, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  blocklist = ssv_blocklist_store_load (ssv_context_get_blocklist_store (context), &error);
  if (blocklist == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  setup->searcher = ssv_searcher_new (ssv_context_get_http (context));
  ssv_searcher_set_blocklist (setup->searcher, blocklist);
  for (guint i = 0; i < indexers->len; i++)
    ssv_searcher_add_indexer (setup->searcher, g_ptr_array_index (indexers, i));
  setup->n_indexers = indexers->len;

  g_task_return_pointer (task, g_steal_pointer (&setup), (GDestroyNotify) ssv_release_search_setup_free);
}

/**
 * ssv_release_search_setup_async:
 *
 * @wishlist_id: the wanted film or episode searched for, or 0
 *
 * Reads the enabled indexers, their keys and the quality profile in a thread:
 * the keyring and the database are never waited on by the caller. For a
 * wanted item the profile is its own (a show's, for an episode) and the setup
 * carries the item as the wishlist's automatic search would search it, ids and all.
 */
void
ssv_release_search_setup_async (SsvContext          *context,
                                gint64               wishlist_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (context, cancellable, callback, user_data);
  SetupRequest *request = g_new0 (SetupRequest, 1);

  request->context = g_object_ref (context);
  request->wishlist_id = wishlist_id;
  g_task_set_source_tag (task, ssv_release_search_setup_async);
  g_task_set_task_data (task, request, (GDestroyNotify) setup_request_free);
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

static void
relabel (SsvDownloadCandidate *candidate,
         const SsvJudgedHit   *judged)
{
  g_free (candidate->quality);
  candidate->quality = ssv_judged_hit_dup_quality_label (judged);
}

/**
 * ssv_release_search_grab_request:
 * @judged: (element-type SsvJudgedHit): every hit of the search, sorted
 * @chosen: the index in @judged of the hit to send
 *
 * The grab of @judged[@chosen] with the other accepted hits as its pool, each
 * with the quality its chip showed, and the poster the Downloads page shows.
 */
SsvGrabRequest *
ssv_release_search_grab_request (const SsvSearchItem     *item,
                                 const SsvQualityProfile *profile,
                                 const char              *poster_url,
                                 GPtrArray               *judged,
                                 guint                    chosen)
{
  SsvGrabRequest *request = ssv_grab_request_new_from_hits (item, profile, judged, chosen);
  guint n = 1;

  if (request == NULL)
    return NULL;
  request->wanted.poster_url = g_strdup (poster_url);
  relabel (g_ptr_array_index (request->candidates, 0), g_ptr_array_index (judged, chosen));
  /* then the other accepted hits, in the order the request took them */
  for (guint i = 0; i < judged->len && n < request->candidates->len; i++)
    {
      const SsvJudgedHit *hit = g_ptr_array_index (judged, i);

      if (i != chosen && hit->decision->accepted)
        relabel (g_ptr_array_index (request->candidates, n++), hit);
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

  g_assert (!SSV_IS_MAIN_THREAD ());

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
