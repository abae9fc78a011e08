/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-plex-source.c: reads a Plex Media Server's sections, titles, seasons and episodes. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "sources/ssv-plex-source.h"
#include "ssv-json.h"
#include "sources/ssv-source-common.h"
#include "ssv-utils.h"

#define DEFAULT_PAGE_SIZE 500

struct _SsvPlexSource
{
  GObject   parent_instance;

  SsvHttp  *http;
  char     *url;
  char     *token;
  guint     page_size;

  GMutex    lock;
  char     *machine_id;
  char     *server_name;
};

/* Plex answers XML unless asked otherwise, and some servers ignore the asking.
 * Its JSON is the XML with attributes as members and children grouped into
 * arrays by element name, items ("Video", "Directory") under "Metadata".
 * Recursive: ssv_xml_parse() refuses trees deeper than SSV_XML_MAX_DEPTH. */
static JsonNode *
plex_xml_to_json (SsvXmlNode *node)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  GHashTable *groups;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  JsonNode *result;

  groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);

  json_builder_begin_object (builder);
  for (guint i = 0; node->attr_names != NULL && node->attr_names[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, node->attr_names[i]);
      json_builder_add_string_value (builder, node->attr_values[i]);
    }

  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      SsvXmlNode *child = g_ptr_array_index (node->children, i);
      const char *group = child->name;
      GPtrArray *members;

      if (g_str_equal (group, "Video") ||
          (g_str_equal (group, "Directory") && g_str_equal (node->name, "MediaContainer") &&
           ssv_xml_node_get_attr (child, "ratingKey") != NULL))
        group = "Metadata";

      members = g_hash_table_lookup (groups, group);
      if (members == NULL)
        {
          members = g_ptr_array_new ();
          g_hash_table_insert (groups, (gpointer) group, members);
          g_ptr_array_add (order, (gpointer) group);
        }
      g_ptr_array_add (members, child);
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *group = g_ptr_array_index (order, i);
      GPtrArray *members = g_hash_table_lookup (groups, group);

      json_builder_set_member_name (builder, group);
      json_builder_begin_array (builder);
      for (guint j = 0; j < members->len; j++)
        json_builder_add_value (builder, plex_xml_to_json (g_ptr_array_index (members, j)));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  g_hash_table_unref (groups);
  result = json_builder_get_root (builder);
  return result;
}

static void media_source_iface_init (SsvMediaSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SsvPlexSource, ssv_plex_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SSV_TYPE_MEDIA_SOURCE, media_source_iface_init))

static SsvHttpRequest *
request_new (SsvPlexSource *self,
             const char    *path)
{
  SsvHttpRequest *request = ssv_http_request_new ("plex", "GET", path);

  ssv_http_request_set_base_url (request, self->url);
  ssv_http_request_set_header (request, "Accept", "application/json");
  ssv_http_request_set_header (request, "X-Plex-Product", "SoulSync Video");
  ssv_http_request_set_header (request, "X-Plex-Client-Identifier", "com.soulsync.Video");
  if (self->token != NULL)
    ssv_http_request_set_secret_header (request, "X-Plex-Token", self->token);

  return request;
}

static JsonNode *
parse_xml_container (const char  *data,
                     gsize        size,
                     GError     **error)
{
  g_autoptr(GError) xml_error = NULL;
  g_autoptr(SsvXmlNode) xml = ssv_xml_parse (data, (gssize) size, &xml_error);
  g_autoptr(JsonBuilder) builder = NULL;

  if (xml == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                   _("Plex sent an answer that could not be read (%s)."), xml_error->message);
      return NULL;
    }

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, xml->name);
  json_builder_add_value (builder, plex_xml_to_json (xml));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * ssv_plex_parse_container:
 * @data: an answer of a Plex server, JSON or XML
 *
 * Pure: both forms come back as the JSON shape, rooted at MediaContainer.
 *
 * Returns: (transfer full): the answer, or %NULL with @error set when it is
 *   neither, or has no MediaContainer object
 */
JsonNode *
ssv_plex_parse_container (const char  *data,
                          gsize        size,
                          GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  gsize at = 0;

  while (at < size && g_ascii_isspace (data[at]))
    at++;

  if (at < size && data[at] == '<')
    root = parse_xml_container (data, size, error);
  else
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
      root = ssv_json_parse_bytes (bytes, "Plex", error);
    }

  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      ssv_json_get_object (json_node_get_object (root), "MediaContainer") == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                   _("Plex sent an answer that could not be read (%s)."), _("no MediaContainer"));
      return NULL;
    }

  return g_steal_pointer (&root);
}

/* Plex answers JSON when asked, XML otherwise (older servers, some proxies). */
static JsonObject *
send_container (SsvPlexSource   *self,
                SsvHttpRequest  *request,
                JsonNode       **root_out,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autoptr(GBytes) body = ssv_http_send (self->http, request, cancellable, error);
  const char *data;
  gsize size = 0;

  if (body == NULL)
    return NULL;

  data = g_bytes_get_data (body, &size);
  *root_out = ssv_plex_parse_container (data, size, error);
  if (*root_out == NULL)
    return NULL;

  return ssv_json_get_object (json_node_get_object (*root_out), "MediaContainer");
}

/* ---- parsing ------------------------------------------------------------- */

/**
 * ssv_plex_parse_guid:
 * @guid: "imdb://tt0137523", "tmdb://550", "tvdb://81189", or a legacy agent
 *   guid such as "com.plexapp.agents.imdb://tt0137523?lang=en"
 *
 * Sets the id @guid names on @item. Legacy TheTVDB guids of episodes name the
 * show ("…thetvdb://81189/1/2"), so they are not taken as the episode's id.
 *
 * Returns: whether @guid named an id this library keeps
 */
gboolean
ssv_plex_parse_guid (const char   *guid,
                     SsvMediaItem *item)
{
  static const struct { const char *scheme; const char *kind; } schemes[] = {
    { "imdb://", "imdb" },
    { "tmdb://", "tmdb" },
    { "tvdb://", "tvdb" },
    { "com.plexapp.agents.imdb://", "imdb" },
    { "com.plexapp.agents.themoviedb://", "tmdb" },
    { "com.plexapp.agents.tmdb://", "tmdb" },
    { "com.plexapp.agents.thetvdb://", "tvdb" },
    { "com.plexapp.agents.tvdb://", "tvdb" },
  };
  g_autofree char *value = NULL;

  if (guid == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      const char *rest;
      gboolean legacy = g_str_has_prefix (schemes[i].scheme, "com.");

      if (!g_str_has_prefix (guid, schemes[i].scheme))
        continue;

      rest = guid + strlen (schemes[i].scheme);
      value = g_strndup (rest, strcspn (rest, "?/"));
      if (value[0] == '\0')
        return FALSE;

      if (legacy && item->kind == SSV_MEDIA_KIND_EPISODE && strchr (rest, '/') != NULL &&
          (rest + strlen (value))[0] == '/')
        return FALSE;

      if (g_str_equal (schemes[i].kind, "imdb"))
        {
          if (!g_str_has_prefix (value, "tt"))
            return FALSE;
          g_free (item->imdb_id);
          item->imdb_id = g_steal_pointer (&value);
        }
      else
        {
          char *end = NULL;
          gint64 id = g_ascii_strtoll (value, &end, 10);

          if (end == value || *end != '\0' || id <= 0)
            return FALSE;
          if (g_str_equal (schemes[i].kind, "tmdb"))
            item->tmdb_id = id;
          else
            item->tvdb_id = id;
        }
      return TRUE;
    }

  return FALSE;
}

/* A rating out of ten, or NAN: 1e300 is not one. */
static double
rating_or_nan (JsonObject *object,
               const char *member)
{
  double value = ssv_json_get_double_or_nan (object, member);

  return isfinite (value) && value >= 0 && value <= 10 ? value : NAN;
}

static int
height_from_resolution (const char *resolution)
{
  if (resolution == NULL)
    return 0;
  if (g_ascii_strcasecmp (resolution, "4k") == 0)
    return 2160;
  if (g_ascii_strcasecmp (resolution, "sd") == 0)
    return 480;
  return ssv_int_in_range (g_ascii_strtoll (resolution, NULL, 10), 0, 100000, 0);
}

static const char *
range_from_streams (JsonArray *streams)
{
  for (guint i = 0; streams != NULL && i < json_array_get_length (streams); i++)
    {
      JsonObject *stream = ssv_json_array_object (streams, i);
      const char *transfer = ssv_json_get_string (stream, "colorTrc");

      if (ssv_json_get_int_or (stream, "streamType", 0) != 1)
        continue;

      if (ssv_json_get_bool_or (stream, "DOVIPresent", FALSE))
        return "DV";
      if (g_strcmp0 (transfer, "smpte2084") == 0)
        return "HDR10";
      if (g_strcmp0 (transfer, "arib-std-b67") == 0)
        return "HLG";
      return transfer != NULL ? "SDR" : NULL;
    }

  return NULL;
}

static void
parse_media (SsvMediaItem *item,
             JsonArray    *media)
{
  for (guint i = 0; media != NULL && i < json_array_get_length (media); i++)
    {
      JsonObject *m = ssv_json_array_object (media, i);
      JsonArray *parts = ssv_json_get_array (m, "Part");

      for (guint j = 0; parts != NULL && j < json_array_get_length (parts); j++)
        {
          JsonObject *part = ssv_json_array_object (parts, j);
          SsvMediaFile *file;
          gint64 duration_ms;
          const char *range;

          if (ssv_json_get_string (part, "file") == NULL)
            continue;

          file = ssv_media_file_new ();
          file->server_id = g_strdup_printf ("%" G_GINT64_FORMAT, ssv_json_get_int_or (part, "id", 0));
          file->path = g_strdup (ssv_json_get_string (part, "file"));
          file->size_bytes = ssv_json_get_int_or (part, "size", -1);
          file->container = g_strdup (ssv_json_get_string (part, "container") ? :
                                      ssv_json_get_string (m, "container"));
          file->video_codec = g_strdup (ssv_json_get_string (m, "videoCodec"));
          file->video_height = ssv_int_in_range (ssv_json_get_int_or (m, "height", 0), 0, 100000, 0);
          if (file->video_height == 0)
            file->video_height = height_from_resolution (ssv_json_get_string (m, "videoResolution"));
          file->audio_codec = g_strdup (ssv_json_get_string (m, "audioCodec"));
          file->audio_channels = ssv_int_in_range (ssv_json_get_int_or (m, "audioChannels", 0), 0, 256, 0);
          duration_ms = ssv_json_get_int_or (part, "duration", ssv_json_get_int_or (m, "duration", -1));
          file->duration_s = duration_ms >= 0 ? duration_ms / 1000 : -1;
          file->added_at = item->added_at;
          range = range_from_streams (ssv_json_get_array (part, "Stream"));
          if (range == NULL)
            range = ssv_video_range_normalize (ssv_json_get_string (m, "videoDynamicRange"), NULL);
          file->video_range = g_strdup (range);

          if (item->files == NULL)
            item->files = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_file_free);
          g_ptr_array_add (item->files, file);
        }
    }
}

/**
 * ssv_plex_parse_item:
 * @object: one entry of MediaContainer.Metadata (movie, show or episode)
 *
 * Pure: JSON in, item out; an item that cannot be stored has its problem set.
 *
 * Returns: (transfer full): the item
 */
SsvMediaItem *
ssv_plex_parse_item (JsonObject *object,
                     const char *base_url)
{
  const char *type = ssv_json_get_string (object, "type");
  SsvMediaKind kind = g_strcmp0 (type, "show") == 0 ? SSV_MEDIA_KIND_SHOW :
                      g_strcmp0 (type, "episode") == 0 ? SSV_MEDIA_KIND_EPISODE :
                      SSV_MEDIA_KIND_MOVIE;
  g_autoptr(SsvMediaItem) item = ssv_media_item_new (kind);
  const char *rating_key = ssv_json_get_string (object, "ratingKey");
  JsonArray *array;
  gint64 number;

  if (rating_key != NULL)
    item->server_id = g_strdup (rating_key);
  else if ((number = ssv_json_get_int_or (object, "ratingKey", 0)) > 0)
    item->server_id = g_strdup_printf ("%" G_GINT64_FORMAT, number);

  item->title = g_strdup (ssv_json_get_string (object, "title"));
  if (!ssv_source_check_identity (item))
    return g_steal_pointer (&item);

  item->sort_title = g_strdup (ssv_json_get_string (object, "titleSort"));
  item->original_title = g_strdup (ssv_json_get_string (object, "originalTitle"));
  item->year = ssv_int_in_range (ssv_json_get_int_or (object, "year", 0), 0, 9999, 0);
  item->overview = g_strdup (ssv_json_get_string (object, "summary"));
  item->tagline = g_strdup (ssv_json_get_string (object, "tagline"));
  item->content_rating = g_strdup (ssv_json_get_string (object, "contentRating"));
  item->release_date = ssv_date_only (ssv_json_get_string (object, "originallyAvailableAt"));
  item->studio = g_strdup (ssv_json_get_string (object, "studio"));
  item->community_rating = rating_or_nan (object, "audienceRating");
  item->critic_rating = rating_or_nan (object, "rating");
  item->runtime_minutes = ssv_int_in_range ((ssv_json_get_int_or (object, "duration", 0) / 1000 + 30) / 60,
                                            0, 100000, 0);
  item->added_at = ssv_json_get_int_or (object, "addedAt", 0);
  item->updated_at = ssv_json_get_int_or (object, "updatedAt", 0);
  item->play_count = ssv_int_in_range (ssv_json_get_int_or (object, "viewCount", 0), 0, G_MAXINT, 0);
  item->last_played_at = ssv_json_get_int_or (object, "lastViewedAt", 0);
  number = ssv_json_get_int_or (object, "viewOffset", 0);
  item->resume_position_s = number > 0 ? number / 1000 : -1;
  item->poster_url = ssv_source_absolute_url (base_url, ssv_json_get_string (object, "thumb"));
  item->backdrop_url = ssv_source_absolute_url (base_url, ssv_json_get_string (object, "art"));

  if (kind == SSV_MEDIA_KIND_SHOW)
    {
      gint64 leaves = ssv_json_get_int_or (object, "leafCount", 0);
      item->watched = leaves > 0 && ssv_json_get_int_or (object, "viewedLeafCount", 0) >= leaves;
    }
  else
    item->watched = item->play_count > 0;

  if (item->year == 0 && item->release_date != NULL)
    item->year = atoi (item->release_date);

  array = ssv_json_get_array (object, "Genre");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    ssv_media_item_add_genre (item, ssv_json_get_string (ssv_json_array_object (array, i), "tag"));

  /* New agents: Guid[] of imdb:// tmdb:// tvdb://; legacy agents: one guid attribute. */
  array = ssv_json_get_array (object, "Guid");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    ssv_plex_parse_guid (ssv_json_get_string (ssv_json_array_object (array, i), "id"), item);
  ssv_plex_parse_guid (ssv_json_get_string (object, "guid"), item);

  array = ssv_json_get_array (object, "Image");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *image = ssv_json_array_object (array, i);

      if (g_strcmp0 (ssv_json_get_string (image, "type"), "clearLogo") == 0 && item->logo_url == NULL)
        item->logo_url = ssv_source_absolute_url (base_url, ssv_json_get_string (image, "url"));
    }

  parse_media (item, ssv_json_get_array (object, "Media"));

  if (kind == SSV_MEDIA_KIND_EPISODE)
    {
      const char *show = ssv_json_get_string (object, "grandparentRatingKey");

      if (show != NULL)
        item->show_server_id = g_strdup (show);
      else if ((number = ssv_json_get_int_or (object, "grandparentRatingKey", 0)) > 0)
        item->show_server_id = g_strdup_printf ("%" G_GINT64_FORMAT, number);
      item->season_number = ssv_int_in_range (ssv_json_get_int_or (object, "parentIndex", -1),
                                              0, SSV_MAX_SEASON_NUMBER, -1);
      item->episode_number = ssv_int_in_range (ssv_json_get_int_or (object, "index", -1),
                                               0, SSV_MAX_EPISODE_NUMBER, -1);
      if (item->season_number < 0 || item->episode_number < 0)
        item->problem = g_strdup (_("The episode has no season or episode number"));
    }

  return g_steal_pointer (&item);
}

/* ---- the interface ------------------------------------------------------- */

static char *
ssv_plex_source_test_connection (SsvMediaSource  *source,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  SsvPlexSource *self = SSV_PLEX_SOURCE (source);
  g_autoptr(SsvHttpRequest) request = request_new (self, "/");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *container;
  const char *name;
  const char *version;

  container = send_container (self, request, &root, cancellable, error);
  if (container == NULL)
    return NULL;

  name = ssv_json_get_string (container, "friendlyName");
  version = ssv_json_get_string (container, "version");

  g_mutex_lock (&self->lock);
  g_free (self->machine_id);
  self->machine_id = g_strdup (ssv_json_get_string (container, "machineIdentifier"));
  g_free (self->server_name);
  self->server_name = g_strdup (name);
  g_mutex_unlock (&self->lock);

  /* Translators: "<server name> (Plex <version>)" */
  return g_strdup_printf (_("%s (Plex %s)"), name ? name : "Plex", version ? version : "?");
}

static GPtrArray *
ssv_plex_source_list_libraries (SsvMediaSource  *source,
                                GCancellable    *cancellable,
                                GError         **error)
{
  SsvPlexSource *self = SSV_PLEX_SOURCE (source);
  g_autoptr(GPtrArray) libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);
  g_autoptr(SsvHttpRequest) request = request_new (self, "/library/sections");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *container;
  JsonArray *directories;

  container = send_container (self, request, &root, cancellable, error);
  if (container == NULL)
    return NULL;

  directories = ssv_json_get_array (container, "Directory");
  for (guint i = 0; directories != NULL && i < json_array_get_length (directories); i++)
    {
      JsonObject *section = ssv_json_array_object (directories, i);
      const char *type = ssv_json_get_string (section, "type");
      const char *key = ssv_json_get_string (section, "key");
      SsvLibraryKind kind = g_strcmp0 (type, "movie") == 0 ? SSV_LIBRARY_KIND_MOVIES :
                            g_strcmp0 (type, "show") == 0 ? SSV_LIBRARY_KIND_SHOWS :
                            SSV_LIBRARY_KIND_NONE;

      if (key == NULL)
        continue;
      g_ptr_array_add (libraries, ssv_media_library_new (key, ssv_json_get_string (section, "title"), kind));
    }

  return g_steal_pointer (&libraries);
}

/* One page of a listing with the X-Plex-Container-Start/Size headers. */
typedef struct
{
  SsvPlexSource *self;
  const char    *path;
} PageRequest;

static gboolean
read_page (guint          start,
           GPtrArray     *items,
           gint64        *total,
           gpointer       read_data,
           GCancellable  *cancellable,
           GError       **error)
{
  PageRequest *page = read_data;
  g_autoptr(SsvHttpRequest) request = request_new (page->self, page->path);
  g_autoptr(JsonNode) root = NULL;
  char start_text[16], size_text[16];
  JsonObject *container;
  JsonArray *metadata;

  g_snprintf (start_text, sizeof start_text, "%u", start);
  g_snprintf (size_text, sizeof size_text, "%u", page->self->page_size);
  ssv_http_request_set_header (request, "X-Plex-Container-Start", start_text);
  ssv_http_request_set_header (request, "X-Plex-Container-Size", size_text);

  container = send_container (page->self, request, &root, cancellable, error);
  if (container == NULL)
    return FALSE;

  metadata = ssv_json_get_array (container, "Metadata");
  for (guint i = 0; metadata != NULL && i < json_array_get_length (metadata); i++)
    {
      JsonObject *object = ssv_json_array_object (metadata, i);
      SsvMediaItem *item;

      if (object == NULL)
        {
          item = ssv_media_item_new (SSV_MEDIA_KIND_MOVIE);
          item->problem = g_strdup (_("The server sent something that is not an item"));
        }
      else
        item = ssv_plex_parse_item (object, page->self->url);
      g_ptr_array_add (items, item);
    }

  *total = ssv_json_get_int_or (container, "totalSize", -1);
  return TRUE;
}

/* Plex pages with the X-Plex-Container-Start/Size headers; a server that does
 * not page (no totalSize) answered everything at once. */
static gboolean
fetch_pages (SsvPlexSource     *self,
             const char        *path,
             SsvMediaPageFunc   func,
             gpointer           user_data,
             GCancellable      *cancellable,
             GError           **error)
{
  PageRequest page = { self, path };

  return ssv_source_fetch_pages ("Plex", read_page, &page, func, user_data, cancellable, error);
}

/* @path with one filter more: Plex writes filters as operators in the query (updatedAt>=…). */
static char *
with_filter (const char *path,
             const char *field,
             gint64      since)
{
  return g_strdup_printf ("%s&%s>=%" G_GINT64_FORMAT, path, field, since);
}

/* A watched mark (or a finished playback) moves lastViewedAt and viewCount but
 * not updatedAt, so an incremental scan also asks for what was viewed since.
 * Un-marking clears lastViewedAt instead of moving it: no filter finds that,
 * only a full scan. */
static gboolean
fetch_viewed_since (SsvPlexSource     *self,
                    const char        *path,
                    gint64             since,
                    GHashTable        *listed,
                    SsvMediaPageFunc   func,
                    gpointer           user_data,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autofree char *viewed = with_filter (path, "lastViewedAt", since);
  SsvSourcePlayed played = { 0, listed, func, user_data, FALSE };

  return fetch_pages (self, viewed, ssv_source_played_page, &played, cancellable, error);
}

static gboolean
ssv_plex_source_list_titles (SsvMediaSource    *source,
                             const char        *library_key,
                             SsvMediaKind       kind,
                             gint64             changed_since,
                             SsvMediaPageFunc   func,
                             gpointer           user_data,
                             GCancellable      *cancellable,
                             GError           **error)
{
  SsvPlexSource *self = SSV_PLEX_SOURCE (source);
  g_autofree char *escaped = g_uri_escape_string (library_key, NULL, FALSE);
  g_autofree char *all = NULL;
  g_autofree char *updated = NULL;
  g_autoptr(GHashTable) listed = NULL;
  SsvSourceTitles data = { library_key, func, user_data, NULL, NULL };

  all = g_strdup_printf ("/library/sections/%s/all?type=%d&includeGuids=1", escaped,
                         kind == SSV_MEDIA_KIND_SHOW ? 2 : 1);
  if (changed_since <= 0)
    return fetch_pages (self, all, ssv_source_titles_page, &data, cancellable, error);

  updated = with_filter (all, "updatedAt", changed_since);
  data.listed = listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!fetch_pages (self, updated, ssv_source_titles_page, &data, cancellable, error))
    return FALSE;

  /* A show's watched state is its episodes': list_changed_shows() finds those. */
  if (kind == SSV_MEDIA_KIND_MOVIE)
    return fetch_viewed_since (self, all, changed_since, listed, ssv_source_titles_page, &data,
                               cancellable, error);

  return TRUE;
}

static SsvShowTree *
ssv_plex_source_list_show_tree (SsvMediaSource  *source,
                                const char      *show_server_id,
                                GCancellable    *cancellable,
                                GError         **error)
{
  SsvPlexSource *self = SSV_PLEX_SOURCE (source);
  g_autoptr(SsvShowTree) tree = ssv_show_tree_new ();
  g_autofree char *escaped = g_uri_escape_string (show_server_id, NULL, FALSE);
  g_autofree char *path = NULL;
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autoptr(JsonNode) root = NULL;
  SsvSourceTitles data = { NULL, NULL, NULL, tree->episodes };
  JsonObject *container;
  JsonArray *metadata;

  path = g_strdup_printf ("/library/metadata/%s/children", escaped);
  request = request_new (self, path);
  container = send_container (self, request, &root, cancellable, error);
  if (container == NULL)
    return NULL;

  metadata = ssv_json_get_array (container, "Metadata");
  for (guint i = 0; metadata != NULL && i < json_array_get_length (metadata); i++)
    {
      JsonObject *object = ssv_json_array_object (metadata, i);
      gint64 number = ssv_json_get_int_or (object, "index", -1);
      SsvMediaSeason *season;

      if (object == NULL || number < 0 || number > SSV_MAX_SEASON_NUMBER ||
          g_strcmp0 (ssv_json_get_string (object, "type"), "season") != 0)
        continue;

      season = ssv_media_season_new ((int) number);
      season->server_id = g_strdup (ssv_json_get_string (object, "ratingKey"));
      season->title = g_strdup (ssv_json_get_string (object, "title"));
      season->overview = g_strdup (ssv_json_get_string (object, "summary"));
      season->poster_url = ssv_source_absolute_url (self->url, ssv_json_get_string (object, "thumb"));
      season->air_date = ssv_date_only (ssv_json_get_string (object, "originallyAvailableAt"));
      season->episode_count = ssv_int_in_range (ssv_json_get_int_or (object, "leafCount", 0),
                                                0, SSV_MAX_EPISODE_NUMBER, 0);
      g_ptr_array_add (tree->seasons, season);
    }

  g_free (path);
  path = g_strdup_printf ("/library/metadata/%s/allLeaves?includeGuids=1", escaped);
  if (!fetch_pages (self, path, ssv_source_titles_page, &data, cancellable, error))
    return NULL;

  ssv_source_set_show_id (tree->episodes, show_server_id);
  return g_steal_pointer (&tree);
}

static GPtrArray *
ssv_plex_source_list_changed_shows (SsvMediaSource  *source,
                                    const char      *library_key,
                                    gint64           changed_since,
                                    GCancellable    *cancellable,
                                    GError         **error)
{
  SsvPlexSource *self = SSV_PLEX_SOURCE (source);
  g_autofree char *escaped = g_uri_escape_string (library_key, NULL, FALSE);
  g_autofree char *episodes = NULL;
  g_autofree char *updated = NULL;
  SsvSourceShowIds data;

  episodes = g_strdup_printf ("/library/sections/%s/all?type=4", escaped);
  updated = with_filter (episodes, "updatedAt", changed_since);
  ssv_source_show_ids_init (&data);
  /* Episodes updated since, then episodes viewed since. */
  if (!fetch_pages (self, updated, ssv_source_show_ids_page, &data, cancellable, error) ||
      !fetch_viewed_since (self, episodes, changed_since, NULL, ssv_source_show_ids_page, &data,
                           cancellable, error))
    {
      ssv_source_show_ids_clear (&data);
      return NULL;
    }

  return ssv_source_show_ids_finish (&data);
}

/* Plex's own "mark as played": /:/scrobble (and /:/unscrobble) with the item's ratingKey. */
static gboolean
ssv_plex_source_set_watched (SsvMediaSource      *source,
                             const char * const  *server_ids,
                             gboolean             watched,
                             GCancellable        *cancellable,
                             GError             **error)
{
  SsvPlexSource *self = SSV_PLEX_SOURCE (source);

  for (guint i = 0; server_ids[i] != NULL; i++)
    {
      g_autoptr(SsvHttpRequest) request = request_new (self, watched ? "/:/scrobble" : "/:/unscrobble");
      g_autoptr(GBytes) body = NULL;

      ssv_http_request_add_query (request, "identifier", "com.plexapp.plugins.library");
      ssv_http_request_add_query (request, "key", server_ids[i]);
      body = ssv_http_send (self->http, request, cancellable, error);
      if (body == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Plex's "Scan Library Files" of one section. */
static gboolean
ssv_plex_source_refresh_library (SsvMediaSource  *source,
                                 const char      *library_key,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  SsvPlexSource *self = SSV_PLEX_SOURCE (source);
  g_autofree char *escaped = g_uri_escape_string (library_key, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/library/sections/%s/refresh", escaped);
  g_autoptr(SsvHttpRequest) request = request_new (self, path);
  g_autoptr(GBytes) body = ssv_http_send (self->http, request, cancellable, error);

  return body != NULL;
}

static void
media_source_iface_init (SsvMediaSourceInterface *iface)
{
  iface->set_watched = ssv_plex_source_set_watched;
  iface->refresh_library = ssv_plex_source_refresh_library;
  iface->test_connection = ssv_plex_source_test_connection;
  iface->list_libraries = ssv_plex_source_list_libraries;
  iface->list_titles = ssv_plex_source_list_titles;
  iface->list_show_tree = ssv_plex_source_list_show_tree;
  iface->list_changed_shows = ssv_plex_source_list_changed_shows;
}

static void
ssv_plex_source_finalize (GObject *object)
{
  SsvPlexSource *self = (SsvPlexSource *) object;

  g_clear_object (&self->http);
  g_free (self->url);
  g_free (self->token);
  g_free (self->machine_id);
  g_free (self->server_name);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ssv_plex_source_parent_class)->finalize (object);
}

static void
ssv_plex_source_class_init (SsvPlexSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssv_plex_source_finalize;
}

static void
ssv_plex_source_init (SsvPlexSource *self)
{
  g_mutex_init (&self->lock);
  self->page_size = DEFAULT_PAGE_SIZE;
}

/**
 * ssv_plex_source_new:
 * @token: the X-Plex-Token; kept in memory only
 */
SsvPlexSource *
ssv_plex_source_new (SsvHttp    *http,
                     const char *url,
                     const char *token)
{
  SsvPlexSource *self = g_object_new (SSV_TYPE_PLEX_SOURCE, NULL);

  self->http = g_object_ref (http);
  self->url = g_strdup (url);
  self->token = g_strdup (token);

  return self;
}

void
ssv_plex_source_set_page_size (SsvPlexSource *self,
                               guint          page_size)
{
  g_return_if_fail (SSV_IS_PLEX_SOURCE (self));

  self->page_size = MAX (page_size, 1);
}

char *
ssv_plex_source_dup_machine_id (SsvPlexSource *self)
{
  return ssv_source_dup_locked (&self->lock, &self->machine_id);
}

/* The server's friendly name, once a connection test learned it. */
char *
ssv_plex_source_dup_server_name (SsvPlexSource *self)
{
  return ssv_source_dup_locked (&self->lock, &self->server_name);
}
