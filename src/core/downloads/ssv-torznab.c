/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-torznab.c: Torznab/Newznab: t=caps, t=search/tvsearch/movie, their feeds and their errors. */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "downloads/ssv-bencode.h"
#include "ssv-error.h"
#include "downloads/ssv-indexer-private.h"
#include "downloads/ssv-quality-profile.h"
#include "downloads/ssv-torznab.h"
#include "net/ssv-xml.h"

#define DEFAULT_LIMIT  100
#define MAX_ITEMS      5000

/* ---- errors ------------------------------------------------------------------ */

/* <error code="100" description="Incorrect user credentials"/>, sent with 200 by Newznab. */
static void
set_newznab_error (GError     **error,
                   SsvXmlNode  *node,
                   const char  *name)
{
  const char *code_text = ssv_xml_node_get_attr (node, "code");
  const char *description = ssv_xml_node_get_attr (node, "description");
  int code = code_text ? atoi (code_text) : 0;

  if (description == NULL || description[0] == '\0')
    description = _("no reason given");

  if (code >= 100 && code < 200)
    g_set_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED,
                 _("%s refused the API key (“%s”). Check the key in Preferences → Indexers."), name, description);
  else if (code == 500 || code == 501 || code == 429)
    g_set_error (error, SSV_ERROR, SSV_ERROR_QUOTA,
                 _("%s says its limit of requests is reached (“%s”); it is searched again later."), name,
                 description);
  else if (code >= 200 && code < 300)
    g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                 _("%s did not take the search (“%s”)."), name, description);
  else if (code == 300)
    g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("%s has no such item (“%s”)."), name, description);
  else if (code == 910)
    g_set_error (error, SSV_ERROR, SSV_ERROR_REFUSED, _("%s has its API turned off (“%s”)."), name, description);
  else
    g_set_error (error, SSV_ERROR, SSV_ERROR_FAILED, _("%s answered with an error (%d: “%s”)."), name, code,
                 description);
}

/* The document's root, or NULL with @error saying what came instead. */
static SsvXmlNode *
parse_document (const char  *data,
                gssize       length,
                const char  *name,
                const char  *expected,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SsvXmlNode) root = NULL;

  if (length < 0)
    length = data ? strlen (data) : 0;

  if (length == 0)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED, _("%s sent an empty answer."), name);
      return NULL;
    }

  root = ssv_xml_parse (data, length, &local_error);
  if (root == NULL || g_ascii_strcasecmp (root->name, "html") == 0)
    {
      if (ssv_body_looks_like_html (data, length) || root != NULL)
        ssv_set_web_page_error (error, name);
      else
        g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                     _("%s sent an answer that is not a Torznab or Newznab feed (%s)."), name, local_error->message);
      return NULL;
    }

  if (strcmp (root->name, "error") == 0)
    {
      set_newznab_error (error, root, name);
      return NULL;
    }

  if (strcmp (root->name, expected) != 0)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                   _("%s sent “%s” where a Torznab or Newznab answer starts with “%s”."), name, root->name,
                   expected);
      return NULL;
    }

  return g_steal_pointer (&root);
}

/* ---- caps ------------------------------------------------------------------ */

static int
attr_int (SsvXmlNode *node,
          const char *attr)
{
  const char *text = ssv_xml_node_get_attr (node, attr);
  gint64 value = 0;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 0, G_MAXINT, &value, NULL))
    return 0;
  return (int) value;
}

static void
read_search_caps (SsvIndexerCaps *caps,
                  SsvXmlNode     *searching)
{
  static const struct { const char *element; SsvSearchType type; const char *defaults; } kinds[] = {
    /* Without supportedParams, what Newznab servers have always taken (as Sonarr assumes). */
    { "search", SSV_SEARCH_GENERIC, "q" },
    { "tv-search", SSV_SEARCH_TV, "q,rid,season,ep" },
    { "movie-search", SSV_SEARCH_MOVIE, "q,imdbid" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      SsvXmlNode *node = ssv_xml_node_child (searching, kinds[i].element);
      const char *available = ssv_xml_node_get_attr (node, "available");
      const char *params = ssv_xml_node_get_attr (node, "supportedParams");

      if (searching == NULL && kinds[i].type != SSV_SEARCH_MOVIE)
        caps->params[kinds[i].type] = ssv_search_params_from_string (kinds[i].defaults);
      if (node == NULL || available == NULL || g_ascii_strcasecmp (available, "yes") != 0)
        continue;
      caps->params[kinds[i].type] = ssv_search_params_from_string (params && params[0] ? params
                                                                                          : kinds[i].defaults);
    }
}

SsvIndexerCaps *
ssv_torznab_parse_caps (const char  *data,
                        gssize       length,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(SsvXmlNode) root = parse_document (data, length, name, "caps", error);
  g_autoptr(SsvIndexerCaps) caps = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  SsvXmlNode *limits;

  if (root == NULL)
    return NULL;

  caps = ssv_indexer_caps_new ();
  limits = ssv_xml_node_child (root, "limits");
  caps->limit_max = attr_int (limits, "max");
  caps->limit_default = attr_int (limits, "default");
  read_search_caps (caps, ssv_xml_node_child (root, "searching"));

  categories = ssv_xml_node_children (ssv_xml_node_child (root, "categories"), "category");
  for (guint i = 0; i < categories->len; i++)
    {
      SsvXmlNode *category = g_ptr_array_index (categories, i);
      g_autoptr(GPtrArray) subcats = ssv_xml_node_children (category, "subcat");
      int id = attr_int (category, "id");

      if (id <= 0)
        continue;
      ssv_indexer_caps_add_category (caps, id, 0, ssv_xml_node_get_attr (category, "name"));
      for (guint j = 0; j < subcats->len; j++)
        {
          SsvXmlNode *subcat = g_ptr_array_index (subcats, j);
          int sub_id = attr_int (subcat, "id");

          if (sub_id > 0)
            ssv_indexer_caps_add_category (caps, sub_id, id, ssv_xml_node_get_attr (subcat, "name"));
        }
    }

  return g_steal_pointer (&caps);
}

/* ---- results ------------------------------------------------------------------ */

static char *
trimmed (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static gint64
parse_date (const char *text)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *clean = trimmed (text);

  if (clean == NULL)
    return 0;
  when = soup_date_time_new_from_http_string (clean);
  if (when == NULL)
    when = g_date_time_new_from_iso8601 (clean, NULL);
  return when ? g_date_time_to_unix (when) : 0;
}

static gboolean
parse_int64 (const char *text,
             gint64     *value)
{
  g_autofree char *clean = trimmed (text);
  double d;
  char *end = NULL;

  if (clean == NULL)
    return FALSE;
  if (g_ascii_string_to_signed (clean, 10, G_MININT64, G_MAXINT64, value, NULL))
    return TRUE;
  /* "1.0", "3.2e9": some indexers write counts and sizes as decimals */
  d = g_ascii_strtod (clean, &end);
  if (end == clean || *end != '\0' || !(d > -9.2e18 && d < 9.2e18))
    return FALSE;
  *value = (gint64) d;
  return TRUE;
}

static int
count_of (const char *text)
{
  gint64 value;

  return parse_int64 (text, &value) && value >= 0 ? (int) MIN (value, G_MAXINT) : -1;
}

/* "0039689", "tt0039689", "39689" → "tt0039689"; anything else NULL. */
static char *
imdb_id_of (const char *text)
{
  g_autofree char *clean = trimmed (text);
  const char *digits = clean;
  gint64 number;

  if (clean == NULL)
    return NULL;
  if (g_ascii_strncasecmp (digits, "tt", 2) == 0)
    digits += 2;
  if (!g_ascii_string_to_signed (digits, 10, 1, 999999999, &number, NULL))
    return NULL;
  return g_strdup_printf ("tt%07" G_GINT64_FORMAT, number);
}

static void
set_link (SsvReleaseHit *hit,
          const char    *url)
{
  g_autofree char *clean = trimmed (url);

  if (clean == NULL)
    return;
  if (g_ascii_strncasecmp (clean, "magnet:", 7) == 0)
    {
      if (hit->magnet_url == NULL)
        hit->magnet_url = g_steal_pointer (&clean);
    }
  else if (hit->download_url == NULL && (g_str_has_prefix (clean, "http://") || g_str_has_prefix (clean, "https://")))
    hit->download_url = g_steal_pointer (&clean);
}

static void
read_volume_factors (SsvReleaseHit *hit,
                     const char    *name,
                     const char    *value)
{
  double factor = g_ascii_strtod (value, NULL);

  if (g_ascii_strcasecmp (name, "downloadvolumefactor") == 0)
    {
      if (factor == 0.0)
        hit->indexer_flags |= SSV_INDEXER_FLAG_FREELEECH;
      else if (factor > 0.0 && factor <= 0.5)
        hit->indexer_flags |= SSV_INDEXER_FLAG_HALFLEECH;
    }
  else if (g_ascii_strcasecmp (name, "uploadvolumefactor") == 0 && factor >= 2.0)
    hit->indexer_flags |= SSV_INDEXER_FLAG_DOUBLE_UPLOAD;
}

/* One <torznab:attr name="…" value="…"/> (or newznab:attr). */
static void
read_attr (SsvReleaseHit *hit,
           const char    *name,
           const char    *value,
           int           *leechers)
{
  gint64 number;

  if (g_ascii_strcasecmp (name, "seeders") == 0)
    hit->seeders = count_of (value);
  else if (g_ascii_strcasecmp (name, "peers") == 0)
    hit->peers = count_of (value);
  else if (g_ascii_strcasecmp (name, "leechers") == 0)
    *leechers = count_of (value);
  else if (g_ascii_strcasecmp (name, "grabs") == 0)
    hit->grabs = count_of (value);
  else if (g_ascii_strcasecmp (name, "files") == 0)
    hit->n_files = count_of (value);
  else if (g_ascii_strcasecmp (name, "size") == 0 && parse_int64 (value, &number) && number > 0)
    hit->size = number;
  else if (g_ascii_strcasecmp (name, "infohash") == 0)
    {
      g_free (hit->infohash);
      hit->infohash = ssv_infohash_normalize (value);
    }
  else if (g_ascii_strcasecmp (name, "magneturl") == 0)
    set_link (hit, value);
  else if (g_ascii_strcasecmp (name, "category") == 0 && parse_int64 (value, &number) && number > 0 &&
           number < G_MAXINT)
    ssv_release_hit_add_category (hit, (int) number);
  else if (g_ascii_strcasecmp (name, "tvdbid") == 0 && parse_int64 (value, &number) && number > 0)
    hit->tvdb_id = number;
  else if (g_ascii_strcasecmp (name, "tmdbid") == 0 && parse_int64 (value, &number) && number > 0)
    hit->tmdb_id = number;
  else if ((g_ascii_strcasecmp (name, "imdb") == 0 || g_ascii_strcasecmp (name, "imdbid") == 0) &&
           hit->imdb_id == NULL)
    hit->imdb_id = imdb_id_of (value);
  else if (g_ascii_strcasecmp (name, "usenetdate") == 0)
    hit->usenet_date = parse_date (value);
  else if (g_ascii_strcasecmp (name, "tag") == 0 || g_ascii_strcasecmp (name, "flags") == 0)
    hit->indexer_flags |= ssv_indexer_flags_from_string (value);
  else
    read_volume_factors (hit, name, value);
}

static gboolean
is_attr (const char *element)
{
  const char *colon = strchr (element, ':');

  return colon != NULL && strcmp (colon + 1, "attr") == 0;
}

static void
read_elements (SsvReleaseHit *hit,
               SsvXmlNode    *item,
               gboolean      *nzb,
               gboolean      *torrent,
               int           *leechers)
{
  for (guint i = 0; i < item->children->len; i++)
    {
      SsvXmlNode *child = g_ptr_array_index (item->children, i);
      const char *text = child->text->str;
      gint64 number;

      if (is_attr (child->name))
        {
          const char *name = ssv_xml_node_get_attr (child, "name");
          const char *value = ssv_xml_node_get_attr (child, "value");

          if (name != NULL && value != NULL)
            read_attr (hit, name, value, leechers);
          *torrent |= g_str_has_prefix (child->name, "torznab:");
        }
      else if (strcmp (child->name, "enclosure") == 0)
        {
          const char *type = ssv_xml_node_get_attr (child, "type");

          set_link (hit, ssv_xml_node_get_attr (child, "url"));
          if (parse_int64 (ssv_xml_node_get_attr (child, "length"), &number) && number > 0 && hit->size < 0)
            hit->size = number;
          *nzb |= type != NULL && strstr (type, "nzb") != NULL;
          *torrent |= type != NULL && strstr (type, "bittorrent") != NULL;
        }
      else if (strcmp (child->name, "size") == 0 && parse_int64 (text, &number) && number > 0)
        hit->size = number;
      else if (strcmp (child->name, "grabs") == 0)
        hit->grabs = count_of (text);
      else if (strcmp (child->name, "files") == 0)
        hit->n_files = count_of (text);
      else if (strcmp (child->name, "category") == 0 && parse_int64 (text, &number) && number > 0 &&
               number < G_MAXINT)
        ssv_release_hit_add_category (hit, (int) number);
    }
}

static SsvReleaseHit *
read_item (SsvXmlNode  *item,
           const char  *name,
           SsvProtocol  protocol)
{
  g_autoptr(SsvReleaseHit) hit = ssv_release_hit_new (protocol);
  gboolean nzb = FALSE;
  gboolean torrent = FALSE;
  int leechers = -1;

  hit->title = trimmed (ssv_xml_node_child_text (item, "title"));
  if (hit->title == NULL)
    return NULL;
  hit->indexer = g_strdup (name);
  hit->guid = trimmed (ssv_xml_node_child_text (item, "guid"));
  hit->info_url = trimmed (ssv_xml_node_child_text (item, "comments"));
  hit->publish_date = parse_date (ssv_xml_node_child_text (item, "pubDate"));

  /* The enclosure is the download; <link> is the download or a details page. */
  read_elements (hit, item, &nzb, &torrent, &leechers);
  set_link (hit, ssv_xml_node_child_text (item, "link"));

  if (nzb)
    hit->protocol = SSV_PROTOCOL_USENET;
  else if (torrent || hit->magnet_url != NULL || hit->infohash != NULL)
    hit->protocol = SSV_PROTOCOL_TORRENT;

  if (hit->protocol == SSV_PROTOCOL_TORRENT && hit->peers < 0 && hit->seeders >= 0 && leechers >= 0)
    hit->peers = hit->seeders + leechers;
  ssv_release_hit_finish (hit);

  return g_steal_pointer (&hit);
}

/**
 * ssv_torznab_parse_results:
 * @protocol: what the indexer deals in, when an item does not say
 *
 * Reads an RSS feed of Torznab/Newznab results. A Newznab `<error>`, an HTML
 * page (a login page, a Cloudflare check) and anything else that is not a
 * feed is an error in plain words naming @name.
 *
 * Returns: (transfer container) (element-type SsvReleaseHit)
 */
GPtrArray *
ssv_torznab_parse_results (const char   *data,
                           gssize        length,
                           const char   *name,
                           SsvProtocol   protocol,
                           GError      **error)
{
  g_autoptr(SsvXmlNode) root = parse_document (data, length, name, "rss", error);
  g_autoptr(GPtrArray) items = NULL;
  GPtrArray *hits;
  SsvXmlNode *channel;

  if (root == NULL)
    return NULL;

  channel = ssv_xml_node_child (root, "channel");
  if (channel == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED, _("%s sent a feed without a channel."), name);
      return NULL;
    }

  items = ssv_xml_node_children (channel, "item");
  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_release_hit_unref);
  for (guint i = 0; i < items->len && hits->len < MAX_ITEMS; i++)
    {
      SsvReleaseHit *hit = read_item (g_ptr_array_index (items, i), name, protocol);

      if (hit != NULL)
        g_ptr_array_add (hits, hit);
    }
  return hits;
}

/* ---- requests ------------------------------------------------------------------ */

/* "https://host/api" stays; "…/results/torznab/" gets "api", as Sonarr adds it. A
 * query in the address ("…/api?apikey=…", Prowlarr's Torznab links) is kept. */
static SsvHttpRequest *
api_request (SsvIndexer *indexer,
             const char *function)
{
  const char *url = ssv_indexer_get_url (indexer);
  g_autofree char *base = g_strdup (url ? url : "");
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(SsvHttpRequest) request = NULL;
  char *question = strchr (base, '?');
  gsize len;

  if (question != NULL)
    {
      params = g_uri_parse_params (question + 1, -1, "&", G_URI_PARAMS_NONE, NULL);
      *question = '\0';
    }
  len = strlen (base);
  while (len > 0 && base[len - 1] == '/')
    base[--len] = '\0';

  request = ssv_indexer_request_new (indexer, "GET", g_str_has_suffix (base, "/api") ? "" : "api");
  ssv_http_request_set_base_url (request, base);
  ssv_http_request_set_header (request, "Accept", "application/rss+xml, application/xml, text/xml");
  ssv_http_request_add_query (request, "t", function);

  if (params != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, params);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (g_ascii_strcasecmp (key, "apikey") == 0)
          ssv_http_request_add_secret_query (request, key, value);
        else if (g_ascii_strcasecmp (key, "t") != 0)
          ssv_http_request_add_query (request, key, value);
    }
  if (ssv_indexer_get_api_key (indexer) != NULL && ssv_indexer_get_api_key (indexer)[0] != '\0')
    ssv_http_request_add_secret_query (request, "apikey", ssv_indexer_get_api_key (indexer));

  return g_steal_pointer (&request);
}

SsvIndexerCaps *
ssv_torznab_fetch_caps (SsvIndexer    *indexer,
                        SsvHttp       *http,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(SsvHttpRequest) request = api_request (indexer, "caps");
  g_autoptr(GBytes) body = ssv_indexer_send (indexer, http, request, cancellable, error);
  gsize size;
  const char *data;

  if (body == NULL)
    return NULL;
  data = g_bytes_get_data (body, &size);
  return ssv_torznab_parse_caps (data, size, ssv_indexer_get_name (indexer), error);
}

static void
add_categories (SsvHttpRequest *request,
                GArray         *categories)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < categories->len; i++)
    g_string_append_printf (list, "%s%d", i ? "," : "", g_array_index (categories, int, i));
  if (list->len > 0)
    ssv_http_request_add_query (request, "cat", list->str);
}

GPtrArray *
ssv_torznab_search (SsvIndexer            *indexer,
                    SsvHttp               *http,
                    const SsvIndexerQuery *query,
                    GCancellable          *cancellable,
                    GError               **error)
{
  g_autoptr(SsvHttpRequest) request = api_request (indexer, ssv_search_type_to_string (query->type));
  g_autoptr(SsvIndexerCaps) caps = ssv_indexer_dup_caps (indexer);
  g_autoptr(GArray) categories = ssv_indexer_dup_categories (indexer, query->tv, query->anime);
  g_autoptr(GBytes) body = NULL;
  int limit = DEFAULT_LIMIT;
  gsize size;
  const char *data;

  if (caps != NULL && caps->limit_max > 0)
    limit = MIN (limit, caps->limit_max);

  add_categories (request, categories);
  ssv_http_request_add_query (request, "extended", "1");
  ssv_http_request_add_query_int (request, "limit", limit);
  ssv_http_request_add_query_int (request, "offset", 0);
  if (query->q != NULL)
    ssv_http_request_add_query (request, "q", query->q);
  /* Newznab takes the IMDb number without its "tt"; Jackett takes either. */
  if (query->imdb_id != NULL)
    ssv_http_request_add_query (request, "imdbid",
                                g_ascii_strncasecmp (query->imdb_id, "tt", 2) == 0 ? query->imdb_id + 2
                                                                                   : query->imdb_id);
  if (query->tvdb_id > 0)
    ssv_http_request_add_query_int (request, "tvdbid", query->tvdb_id);
  if (query->tmdb_id > 0)
    ssv_http_request_add_query_int (request, "tmdbid", query->tmdb_id);
  if (query->season >= 0)
    ssv_http_request_add_query_int (request, "season", query->season);
  if (query->ep != NULL)
    ssv_http_request_add_query (request, "ep", query->ep);

  body = ssv_indexer_send (indexer, http, request, cancellable, error);
  if (body == NULL)
    return NULL;
  data = g_bytes_get_data (body, &size);
  return ssv_torznab_parse_results (data, size, ssv_indexer_get_name (indexer),
                                    ssv_indexer_get_protocol (indexer), error);
}
