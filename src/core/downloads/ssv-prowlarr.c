/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-prowlarr.c: searches through Prowlarr's own API, one request per indexer it manages. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "downloads/ssv-bencode.h"
#include "ssv-error.h"
#include "downloads/ssv-indexer-private.h"
#include "ssv-json.h"
#include "downloads/ssv-prowlarr.h"
#include "downloads/ssv-quality-profile.h"

#define DEFAULT_LIMIT  100
#define MAX_ITEMS      5000

void
ssv_prowlarr_indexer_free (SsvProwlarrIndexer *indexer)
{
  if (indexer == NULL)
    return;
  g_free (indexer->name);
  g_clear_pointer (&indexer->caps, ssv_indexer_caps_unref);
  g_free (indexer);
}

/* The answer as JSON, or NULL with @error saying what came instead. */
static JsonNode *
parse_answer (const char  *data,
              gssize       length,
              const char  *name,
              GError     **error)
{
  g_autoptr(JsonNode) root = ssv_parse_json_answer (data, length, name, error);
  JsonObject *object;

  if (root == NULL)
    return NULL;

  object = ssv_json_node_object (root);
  /* Prowlarr explains a refused search as {"message": "…"} */
  if (object != NULL && ssv_json_get_string (object, "message") != NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_FAILED, _("%s refused the search: %s"), name,
                   ssv_json_get_string (object, "message"));
      return NULL;
    }
  if (ssv_json_node_array (root) == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED, _("%s sent something other than a list of releases."),
                   name);
      return NULL;
    }
  return g_steal_pointer (&root);
}

/* "torrent"/"usenet", or the enum's number (1 usenet, 2 torrent) of old versions. */
static SsvProtocol
protocol_of (JsonObject  *object,
             SsvProtocol  fallback)
{
  const char *text = ssv_json_get_string (object, "protocol");
  gint64 number;

  if (text != NULL)
    return g_ascii_strcasecmp (text, "usenet") == 0 ? SSV_PROTOCOL_USENET :
           g_ascii_strcasecmp (text, "torrent") == 0 ? SSV_PROTOCOL_TORRENT : fallback;
  if (ssv_json_get_int (object, "protocol", &number))
    return number == 1 ? SSV_PROTOCOL_USENET : number == 2 ? SSV_PROTOCOL_TORRENT : fallback;
  return fallback;
}

static gint64
date_of (JsonObject *object,
         const char *member)
{
  const char *text = ssv_json_get_string (object, member);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GTimeZone) utc = NULL;

  if (text == NULL)
    return 0;
  utc = g_time_zone_new_utc ();
  when = g_date_time_new_from_iso8601 (text, utc);
  return when ? g_date_time_to_unix (when) : 0;
}

static int
count_of (JsonObject *object,
          const char *member)
{
  gint64 value;

  return ssv_json_get_int (object, member, &value) && value >= 0 ? (int) MIN (value, G_MAXINT) : -1;
}

static void
read_flags (SsvReleaseHit *hit,
            JsonArray     *flags)
{
  for (guint i = 0; flags != NULL && i < json_array_get_length (flags); i++)
    {
      const char *flag = ssv_json_array_string (flags, i);
      JsonObject *object = ssv_json_array_object (flags, i);
      g_autofree char *lower = NULL;

      if (flag == NULL && object != NULL)
        flag = ssv_json_get_string (object, "name");
      if (flag == NULL)
        continue;
      lower = g_ascii_strdown (flag, -1);
      /* "freeleech75" and "freeleech25" are not free */
      if (strcmp (lower, "freeleech") == 0)
        hit->indexer_flags |= SSV_INDEXER_FLAG_FREELEECH;
      else if (strcmp (lower, "halfleech") == 0)
        hit->indexer_flags |= SSV_INDEXER_FLAG_HALFLEECH;
      else if (strcmp (lower, "doubleupload") == 0 || strcmp (lower, "double-upload") == 0)
        hit->indexer_flags |= SSV_INDEXER_FLAG_DOUBLE_UPLOAD;
      else
        hit->indexer_flags |= ssv_indexer_flags_from_string (lower);
    }
}

static void
set_url (char       **field,
         const char  *url)
{
  if (*field == NULL && url != NULL && url[0] != '\0')
    *field = g_strdup (url);
}

static SsvReleaseHit *
read_release (JsonObject *object,
              const char *name)
{
  g_autoptr(SsvReleaseHit) hit = NULL;
  const char *title = ssv_json_get_string (object, "title");
  const char *indexer = ssv_json_get_string (object, "indexer");
  const char *magnet = ssv_json_get_string (object, "magnetUrl");
  JsonArray *categories = ssv_json_get_array (object, "categories");
  g_autofree char *clean = g_strstrip (g_strdup (title ? title : ""));
  gint64 number;

  if (clean[0] == '\0')
    return NULL;

  hit = ssv_release_hit_new (protocol_of (object, SSV_PROTOCOL_TORRENT));
  hit->title = g_steal_pointer (&clean);
  hit->indexer = indexer ? g_strdup_printf (_("%s (via %s)"), indexer, name) : g_strdup (name);
  hit->guid = ssv_json_dup_string (object, "guid");
  hit->size = ssv_json_get_int (object, "size", &number) && number > 0 ? number : -1;
  hit->publish_date = date_of (object, "publishDate");
  hit->grabs = count_of (object, "grabs");
  hit->n_files = count_of (object, "files");
  set_url (&hit->download_url, ssv_json_get_string (object, "downloadUrl"));
  set_url (&hit->info_url, ssv_json_get_string (object, "infoUrl"));
  set_url (&hit->info_url, ssv_json_get_string (object, "commentUrl"));
  /* Prowlarr hands magnets out as its own http links; those are downloads */
  if (magnet != NULL && g_ascii_strncasecmp (magnet, "magnet:", 7) == 0)
    hit->magnet_url = g_strdup (magnet);
  else
    set_url (&hit->download_url, magnet);

  if (hit->protocol == SSV_PROTOCOL_TORRENT)
    {
      int leechers = count_of (object, "leechers");

      hit->seeders = count_of (object, "seeders");
      hit->peers = hit->seeders >= 0 && leechers >= 0 ? hit->seeders + leechers : -1;
      hit->infohash = ssv_infohash_normalize (ssv_json_get_string (object, "infoHash"));
    }

  if (ssv_json_get_int (object, "imdbId", &number) && number > 0)
    hit->imdb_id = g_strdup_printf ("tt%07" G_GINT64_FORMAT, number);
  if (ssv_json_get_int (object, "tmdbId", &number) && number > 0)
    hit->tmdb_id = number;
  if (ssv_json_get_int (object, "tvdbId", &number) && number > 0)
    hit->tvdb_id = number;
  for (guint i = 0; categories != NULL && i < json_array_get_length (categories); i++)
    {
      JsonObject *category = ssv_json_array_object (categories, i);

      if (category != NULL && ssv_json_get_int (category, "id", &number) && number > 0 && number < G_MAXINT)
        ssv_release_hit_add_category (hit, (int) number);
    }
  read_flags (hit, ssv_json_get_array (object, "indexerFlags"));
  ssv_release_hit_finish (hit);
  return g_steal_pointer (&hit);
}

/**
 * ssv_prowlarr_parse_results:
 *
 * Reads the answer of `GET /api/v1/search`: a list of Prowlarr's
 * ReleaseResource. Each hit is named after the indexer that found it.
 *
 * Returns: (transfer container) (element-type SsvReleaseHit)
 */
GPtrArray *
ssv_prowlarr_parse_results (const char  *data,
                            gssize       length,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(JsonNode) root = parse_answer (data, length, name, error);
  JsonArray *releases;
  GPtrArray *hits;

  if (root == NULL)
    return NULL;

  releases = ssv_json_node_array (root);
  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_release_hit_unref);
  for (guint i = 0; i < json_array_get_length (releases) && hits->len < MAX_ITEMS; i++)
    {
      JsonObject *object = ssv_json_array_object (releases, i);
      SsvReleaseHit *hit = object ? read_release (object, name) : NULL;

      if (hit != NULL)
        g_ptr_array_add (hits, hit);
    }
  return hits;
}

/* ["q", "season", "imdbId"] → SsvSearchParams */
static guint32
params_of (JsonObject *caps,
           const char *member,
           const char *fallback)
{
  JsonArray *list = ssv_json_get_array (caps, member);
  guint32 params = 0;

  if (list == NULL)
    return ssv_search_params_from_string (fallback);
  for (guint i = 0; i < json_array_get_length (list); i++)
    params |= ssv_search_params_from_string (ssv_json_array_string (list, i));
  return params;
}

static SsvIndexerCaps *
read_caps (JsonObject *object)
{
  SsvIndexerCaps *caps = ssv_indexer_caps_new ();
  JsonObject *capabilities = ssv_json_get_object (object, "capabilities");
  JsonArray *categories = ssv_json_get_array (capabilities, "categories");

  caps->params[SSV_SEARCH_GENERIC] = params_of (capabilities, "searchParams", "q");
  caps->params[SSV_SEARCH_TV] = params_of (capabilities, "tvSearchParams", "q,season,ep");
  caps->params[SSV_SEARCH_MOVIE] = params_of (capabilities, "movieSearchParams", "q");
  caps->limit_max = (int) CLAMP (ssv_json_get_int_or (capabilities, "limitsMax", 0), 0, G_MAXINT);
  caps->limit_default = (int) CLAMP (ssv_json_get_int_or (capabilities, "limitsDefault", 0), 0, G_MAXINT);

  for (guint i = 0; categories != NULL && i < json_array_get_length (categories); i++)
    {
      JsonObject *category = ssv_json_array_object (categories, i);
      JsonArray *subs = ssv_json_get_array (category, "subCategories");
      gint64 id = ssv_json_get_int_or (category, "id", 0);

      if (id <= 0 || id >= G_MAXINT)
        continue;
      ssv_indexer_caps_add_category (caps, (int) id, 0, ssv_json_get_string (category, "name"));
      for (guint j = 0; subs != NULL && j < json_array_get_length (subs); j++)
        {
          JsonObject *sub = ssv_json_array_object (subs, j);
          gint64 sub_id = ssv_json_get_int_or (sub, "id", 0);

          if (sub_id > 0 && sub_id < G_MAXINT)
            ssv_indexer_caps_add_category (caps, (int) sub_id, (int) id, ssv_json_get_string (sub, "name"));
        }
    }
  return caps;
}

/**
 * ssv_prowlarr_parse_indexers:
 *
 * Reads `GET /api/v1/indexer`: the indexers that are on and can search.
 *
 * Returns: (transfer container) (element-type SsvProwlarrIndexer)
 */
GPtrArray *
ssv_prowlarr_parse_indexers (const char  *data,
                             gssize       length,
                             const char  *name,
                             GError     **error)
{
  g_autoptr(JsonNode) root = parse_answer (data, length, name, error);
  GPtrArray *indexers;
  JsonArray *list;

  if (root == NULL)
    return NULL;

  list = ssv_json_node_array (root);
  indexers = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_prowlarr_indexer_free);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *object = ssv_json_array_object (list, i);
      SsvProwlarrIndexer *indexer;
      gint64 id;

      if (object == NULL || !ssv_json_get_int (object, "id", &id) || id <= 0 ||
          ssv_json_get_string (object, "name") == NULL ||
          !ssv_json_get_bool_or (object, "enable", TRUE) || !ssv_json_get_bool_or (object, "supportsSearch", TRUE))
        continue;

      indexer = g_new0 (SsvProwlarrIndexer, 1);
      indexer->id = id;
      indexer->name = ssv_json_dup_string (object, "name");
      indexer->protocol = protocol_of (object, SSV_PROTOCOL_TORRENT);
      indexer->caps = read_caps (object);
      g_ptr_array_add (indexers, indexer);
    }
  return indexers;
}

/**
 * ssv_prowlarr_build_query:
 *
 * Prowlarr's search takes ids, season and episode written into the query
 * ("The Fix {TvdbId:354629}{Season:1}{Episode:1}"), and reads them back out.
 *
 * Returns: (transfer full)
 */
char *
ssv_prowlarr_build_query (const SsvIndexerQuery *query)
{
  GString *q = g_string_new (query->q);

  if (query->imdb_id != NULL)
    g_string_append_printf (q, "{ImdbId:%s}", query->imdb_id);
  if (query->tvdb_id > 0 && query->type == SSV_SEARCH_TV)
    g_string_append_printf (q, "{TvdbId:%" G_GINT64_FORMAT "}", query->tvdb_id);
  if (query->tmdb_id > 0)
    g_string_append_printf (q, "{TmdbId:%" G_GINT64_FORMAT "}", query->tmdb_id);
  if (query->season >= 0 && query->type == SSV_SEARCH_TV)
    g_string_append_printf (q, "{Season:%d}", query->season);
  if (query->ep != NULL && query->type == SSV_SEARCH_TV)
    g_string_append_printf (q, "{Episode:%s}", query->ep);
  return g_string_free (q, FALSE);
}

static SsvHttpRequest *
api_request (SsvIndexer *indexer,
             const char *path)
{
  return ssv_indexer_json_request_new (indexer, "GET", path, "X-Api-Key");
}

/**
 * ssv_prowlarr_list_sources:
 *
 * Returns: (transfer container) (element-type SsvIndexer): one source per
 *   indexer that Prowlarr has on and that can search
 */
GPtrArray *
ssv_prowlarr_list_sources (SsvIndexer    *prowlarr,
                           SsvHttp       *http,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(SsvHttpRequest) request = api_request (prowlarr, "/api/v1/indexer");
  g_autoptr(GBytes) body = ssv_indexer_send (prowlarr, http, request, cancellable, error);
  g_autoptr(GPtrArray) indexers = NULL;
  GPtrArray *sources;
  gsize size;
  const char *data;

  if (body == NULL)
    return NULL;
  data = g_bytes_get_data (body, &size);
  indexers = ssv_prowlarr_parse_indexers (data, size, ssv_indexer_get_name (prowlarr), error);
  if (indexers == NULL)
    return NULL;

  if (indexers->len == 0)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                   _("%s has no indexer that is on and can search. Add one in Prowlarr."),
                   ssv_indexer_get_name (prowlarr));
      return NULL;
    }

  sources = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < indexers->len; i++)
    {
      SsvProwlarrIndexer *indexer = g_ptr_array_index (indexers, i);

      g_ptr_array_add (sources, ssv_indexer_new_source (prowlarr, indexer->id, indexer->name, indexer->protocol,
                                                        indexer->caps));
    }
  return sources;
}

GPtrArray *
ssv_prowlarr_search (SsvIndexer            *source,
                     SsvHttp               *http,
                     const SsvIndexerQuery *query,
                     GCancellable          *cancellable,
                     GError               **error)
{
  g_autoptr(SsvHttpRequest) request = api_request (source, "/api/v1/search");
  g_autoptr(GArray) categories = ssv_indexer_dup_categories (source, query->tv, query->anime);
  g_autofree char *q = ssv_prowlarr_build_query (query);
  g_autoptr(GBytes) body = NULL;
  gint64 remote_id = ssv_indexer_get_remote_id (source);
  gsize size;
  const char *data;

  ssv_http_request_add_query (request, "query", q);
  ssv_http_request_add_query (request, "type", ssv_search_type_to_string (query->type));
  if (remote_id > 0)
    ssv_http_request_add_query_int (request, "indexerIds", remote_id);
  for (guint i = 0; i < categories->len; i++)
    ssv_http_request_add_query_int (request, "categories", g_array_index (categories, int, i));
  ssv_http_request_add_query_int (request, "limit", DEFAULT_LIMIT);
  ssv_http_request_add_query_int (request, "offset", 0);

  body = ssv_indexer_send (source, http, request, cancellable, error);
  if (body == NULL)
    return NULL;

  data = g_bytes_get_data (body, &size);
  return ssv_prowlarr_parse_results (data, size, ssv_indexer_get_owner_name (source), error);
}
