/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-grab-hits.c: what a search found, made into a grab: the chosen hit first, then the other
 * accepted ones in their order; and the configured indexers as live SsvIndexer objects. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "downloads/ssv-grab-hits.h"

SsvDownloadCandidate *
ssv_download_candidate_new_from_judged (const SsvJudgedHit *judged)
{
  const SsvReleaseHit *hit;
  SsvDownloadCandidate *c;

  g_return_val_if_fail (judged != NULL, NULL);

  hit = judged->hit;
  c = ssv_download_candidate_new (ssv_protocol_to_string (hit->protocol), hit->title);
  c->indexer = g_strdup (hit->indexer);
  c->guid = g_strdup (hit->guid);
  c->download_url = g_strdup (hit->download_url);
  c->magnet_url = g_strdup (hit->magnet_url);
  c->infohash = g_strdup (hit->infohash);
  c->size = hit->size;
  c->quality = g_strdup (ssv_quality_get_label (judged->decision->quality));
  c->score = judged->decision->score;
  c->seeders = hit->seeders;
  c->slskd_user = g_strdup (hit->slskd_user);
  for (guint i = 0; hit->files != NULL && i < hit->files->len; i++)
    {
      const SsvHitFile *file = g_ptr_array_index (hit->files, i);

      /* Soulseek: only the wanted files are fetched; a torrent's list is only read. */
      if (hit->protocol != SSV_PROTOCOL_SLSKD || file->wanted)
        ssv_download_candidate_add_file (c, file->path, file->size);
    }

  return c;
}

static SsvDownloadKind
kind_of (const SsvSearchItem *item)
{
  switch (item->kind)
    {
    case SSV_SEARCH_ITEM_EPISODE:
      return SSV_DOWNLOAD_KIND_EPISODE;
    case SSV_SEARCH_ITEM_SEASON:
      return SSV_DOWNLOAD_KIND_SEASON;
    case SSV_SEARCH_ITEM_MOVIE:
    default:
      return SSV_DOWNLOAD_KIND_MOVIE;
    }
}

/**
 * ssv_grab_request_new_from_hits:
 * @hits: (element-type SsvJudgedHit): judged and sorted
 * @pick: the index of the hit to grab in @hits
 *
 * Returns: (transfer full): the grab of @hits[@pick], the other accepted hits as its pool
 */
SsvGrabRequest *
ssv_grab_request_new_from_hits (const SsvSearchItem     *item,
                                const SsvQualityProfile *profile,
                                GPtrArray               *hits,
                                guint                    pick)
{
  SsvGrabRequest *request;

  g_return_val_if_fail (item != NULL && hits != NULL && pick < hits->len, NULL);

  request = ssv_grab_request_new ();
  request->wanted.kind = kind_of (item);
  request->wanted.title = g_strdup (item->title);
  request->wanted.year = (int) item->year;
  request->wanted.tmdb_id = item->tmdb_id;
  request->wanted.tvdb_id = item->tvdb_id;
  request->wanted.imdb_id = g_strdup (item->imdb_id);
  request->wanted.air_date = g_strdup (item->air_date);
  request->wanted.absolute = (int) item->absolute;
  if (item->kind != SSV_SEARCH_ITEM_MOVIE)
    request->wanted.season = (int) item->season;
  if (item->kind == SSV_SEARCH_ITEM_EPISODE)
    request->wanted.episode = (int) item->episode;
  request->profile_id = profile != NULL ? profile->id : 0;
  {
    /* the text query every search sends first: a retry searches with the others */
    g_autoptr(GPtrArray) texts = ssv_search_item_text_queries (item);

    if (texts->len > 0)
      request->queries = g_strdupv ((char *[]) { g_ptr_array_index (texts, 0), NULL });
  }

  g_ptr_array_add (request->candidates, ssv_download_candidate_new_from_judged (g_ptr_array_index (hits, pick)));
  for (guint i = 0; i < hits->len; i++)
    {
      const SsvJudgedHit *judged = g_ptr_array_index (hits, i);

      if (i != pick && judged->decision->accepted)
        g_ptr_array_add (request->candidates, ssv_download_candidate_new_from_judged (judged));
    }

  return request;
}

/* One configured indexer, live, with its key from the keyring (blocking). */
static SsvIndexer *
load_indexer (const SsvIndexerRow  *row,
              SsvSecrets           *secrets,
              GCancellable         *cancellable,
              GError              **error)
{
  g_autofree char *key = NULL;
  SsvIndexerKind kind;
  SsvIndexer *indexer;

  if (!ssv_indexer_kind_from_string (row->kind, &kind))
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("%s is not a kind of indexer this app knows."), row->name);
      return NULL;
    }
  if (secrets != NULL)
    {
      g_autofree char *secret_key = ssv_secrets_indexer_key (row->id);
      g_autoptr(GError) local_error = NULL;

      key = ssv_secrets_lookup_sync (secrets, secret_key, cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  indexer = ssv_indexer_new (kind, row->name, row->url, key);
  if (row->categories->len > 0)
    ssv_indexer_set_categories (indexer, (const int *) (gpointer) row->categories->data, row->categories->len);

  return indexer;
}

/**
 * ssv_grab_load_indexers:
 *
 * The enabled indexers with their keys from the keyring (blocking).
 *
 * Returns: (transfer full) (element-type SsvIndexer)
 */
GPtrArray *
ssv_grab_load_indexers (SsvDownloadStore  *store,
                        SsvSecrets        *secrets,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) indexers = g_ptr_array_new_with_free_func (g_object_unref);

  rows = ssv_download_store_list_indexers (store, TRUE, error);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      SsvIndexerRow *row = g_ptr_array_index (rows, i);
      SsvIndexerKind kind;
      SsvIndexer *indexer;

      if (!ssv_indexer_kind_from_string (row->kind, &kind))
        continue;
      indexer = load_indexer (row, secrets, cancellable, error);
      if (indexer == NULL)
        return NULL;
      g_ptr_array_add (indexers, indexer);
    }

  return g_steal_pointer (&indexers);
}

static gboolean
contains (GArray *ids,
          int     id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, int, i) == id)
      return TRUE;
  return FALSE;
}

/* What caps list, kept as the indexer's categories: a new one is searched when
 * it is what a film or show search would pick; an old one keeps its choice. */
static gboolean
store_caps (SsvDownloadStore     *store,
            gint64                indexer_id,
            const SsvIndexerCaps *caps,
            GError              **error)
{
  g_autoptr(GArray) films = ssv_indexer_caps_pick_categories (caps, FALSE, FALSE);
  g_autoptr(GArray) shows = ssv_indexer_caps_pick_categories (caps, TRUE, FALSE);
  guint n = caps->categories->len;
  g_autofree int *ids = g_new0 (int, n + 1);
  g_autofree int *parents = g_new0 (int, n + 1);
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autofree gboolean *selected = g_new0 (gboolean, n + 1);

  for (guint i = 0; i < n; i++)
    {
      const SsvIndexerCategory *c = &g_array_index (caps->categories, SsvIndexerCategory, i);

      ids[i] = c->id;
      parents[i] = c->parent;
      names[i] = c->name;
      selected[i] = contains (films, c->id) || contains (shows, c->id);
    }

  return ssv_download_store_set_indexer_categories (store, indexer_id, ids, parents, (const char * const *) names,
                                                    selected, n, error);
}

/**
 * ssv_grab_test_indexer:
 *
 * Checks a configured indexer (blocking) and, for Torznab and Newznab, reads
 * its caps again and keeps their categories in the store, so searches send
 * what the indexer lists today.
 *
 * Returns: (transfer full): a line saying what was found, or NULL with @error
 */
char *
ssv_grab_test_indexer (SsvDownloadStore     *store,
                       SsvSecrets           *secrets,
                       SsvHttp              *http,
                       const SsvIndexerRow  *row,
                       GCancellable         *cancellable,
                       GError              **error)
{
  g_autoptr(SsvIndexer) indexer = NULL;
  g_autoptr(SsvIndexerCaps) caps = NULL;
  g_autofree char *said = NULL;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (store), NULL);
  g_return_val_if_fail (row != NULL, NULL);

  indexer = load_indexer (row, secrets, cancellable, error);
  if (indexer == NULL)
    return NULL;
  said = ssv_indexer_test (indexer, http, cancellable, error);
  if (said == NULL)
    return NULL;

  if (ssv_indexer_get_kind (indexer) == SSV_INDEXER_TORZNAB || ssv_indexer_get_kind (indexer) == SSV_INDEXER_NEWZNAB)
    {
      caps = ssv_indexer_dup_caps (indexer);
      if (caps != NULL && !store_caps (store, row->id, caps, error))
        return NULL;
    }

  return g_steal_pointer (&said);
}
