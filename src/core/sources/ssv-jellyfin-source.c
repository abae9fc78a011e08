/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-jellyfin-source.c: reads a Jellyfin server's libraries through its REST API. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-jellyfin-source.h"
#include "ssv-source-json.h"

#define DEFAULT_PAGE_SIZE 500
#define TICKS_PER_SECOND  10000000

/* What the scanner reads; the server sends only the fields asked for. */
#define ITEM_FIELDS "Overview,Genres,Studios,Taglines,ProviderIds,MediaSources,MediaStreams," \
                    "DateCreated,DateLastSaved,Path,SortName,OriginalTitle,PremiereDate,EndDate," \
                    "OfficialRating,CommunityRating,CriticRating,Status"

struct _SsvJellyfinSource
{
  GObject   parent_instance;

  SsvHttp  *http;
  char     *url;
  char     *token;
  guint     page_size;

  GMutex    lock;
  char     *user_id;
  char     *user_name;
  gboolean  user_checked;
  char     *server_name;
};

static void media_source_iface_init (SsvMediaSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SsvJellyfinSource, ssv_jellyfin_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SSV_TYPE_MEDIA_SOURCE, media_source_iface_init))

static SsvHttpRequest *
request_new (SsvJellyfinSource *self,
             const char        *path)
{
  SsvHttpRequest *request = ssv_http_request_new ("jellyfin", "GET", path);

  ssv_http_request_set_base_url (request, self->url);
  if (self->token != NULL)
    ssv_http_request_set_header (request, "X-Emby-Token", self->token);

  return request;
}

static JsonObject *
send_object (SsvJellyfinSource  *self,
             SsvHttpRequest     *request,
             JsonNode          **root_out,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autoptr(JsonNode) root = ssv_http_send_json (self->http, request, cancellable, error);

  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                   _("Jellyfin sent an answer that could not be read (%s)."),
                   _("not an object"));
      return NULL;
    }

  *root_out = g_steal_pointer (&root);
  return json_node_get_object (*root_out);
}

static char *
format_since (gint64 since)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (since);

  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%S.0000000Z");
}

/* ---- parsing ------------------------------------------------------------- */

static char *
image_url (const char *base_url,
           const char *item_id,
           const char *type,
           const char *tag)
{
  g_autofree char *base = g_strdup (base_url);
  gsize len = strlen (base);

  while (len > 0 && base[len - 1] == '/')
    base[--len] = '\0';

  return g_strdup_printf ("%s/Items/%s/Images/%s?tag=%s", base, item_id, type, tag);
}

static void
parse_provider_ids (SsvMediaItem *item,
                    JsonObject   *ids)
{
  const char *tmdb = ssv_json_member_ci (ids, "Tmdb");
  const char *imdb = ssv_json_member_ci (ids, "Imdb");
  const char *tvdb = ssv_json_member_ci (ids, "Tvdb");

  if (tmdb != NULL)
    item->tmdb_id = g_ascii_strtoll (tmdb, NULL, 10);
  if (imdb != NULL && g_str_has_prefix (imdb, "tt"))
    item->imdb_id = g_strdup (imdb);
  if (tvdb != NULL)
    item->tvdb_id = g_ascii_strtoll (tvdb, NULL, 10);
}

static SsvMediaFile *
parse_media_source (JsonObject *source,
                    gint64      added_at)
{
  SsvMediaFile *file = ssv_media_file_new ();
  JsonArray *streams = ssv_json_array (source, "MediaStreams");
  gint64 ticks = ssv_json_int (source, "RunTimeTicks", -1);
  gboolean have_audio = FALSE;
  const char *container = ssv_json_string (source, "Container");

  file->server_id = g_strdup (ssv_json_string (source, "Id"));
  file->path = g_strdup (ssv_json_string (source, "Path"));
  file->size_bytes = ssv_json_int (source, "Size", -1);
  /* Jellyfin lists every name of a format ("mov,mp4,m4a,…"); the first is the family. */
  if (container != NULL)
    file->container = g_strndup (container, strcspn (container, ","));
  file->duration_s = ticks > 0 ? ticks / TICKS_PER_SECOND : -1;
  file->added_at = added_at;

  for (guint i = 0; streams != NULL && i < json_array_get_length (streams); i++)
    {
      JsonObject *stream = ssv_json_array_object (streams, i);
      const char *type = ssv_json_string (stream, "Type");

      if (g_strcmp0 (type, "Video") == 0 && file->video_codec == NULL)
        {
          file->video_codec = g_strdup (ssv_json_string (stream, "Codec"));
          file->video_height = (int) ssv_json_int (stream, "Height", 0);
          file->video_range = g_strdup (ssv_video_range_normalize (ssv_json_string (stream, "VideoRange"),
                                                                   ssv_json_string (stream, "VideoRangeType")));
        }
      else if (g_strcmp0 (type, "Audio") == 0 &&
               (!have_audio || ssv_json_bool (stream, "IsDefault")))
        {
          g_free (file->audio_codec);
          file->audio_codec = g_strdup (ssv_json_string (stream, "Codec"));
          file->audio_channels = (int) ssv_json_int (stream, "Channels", 0);
          have_audio = TRUE;
        }
    }

  return file;
}

/**
 * ssv_jellyfin_parse_item:
 * @object: one BaseItemDto (Movie, Series or Episode)
 *
 * Pure: JSON in, item out. An item the scanner cannot store comes back with
 * its problem set rather than as %NULL, so it can be reported.
 *
 * Returns: (transfer full): the item
 */
SsvMediaItem *
ssv_jellyfin_parse_item (JsonObject *object,
                         const char *base_url)
{
  const char *type = ssv_json_string (object, "Type");
  SsvMediaKind kind = g_strcmp0 (type, "Series") == 0 ? SSV_MEDIA_KIND_SHOW :
                      g_strcmp0 (type, "Episode") == 0 ? SSV_MEDIA_KIND_EPISODE :
                      SSV_MEDIA_KIND_MOVIE;
  g_autoptr(SsvMediaItem) item = ssv_media_item_new (kind);
  JsonObject *user_data = ssv_json_object (object, "UserData");
  JsonObject *image_tags = ssv_json_object (object, "ImageTags");
  JsonArray *array;
  gint64 ticks;
  double critic;

  item->server_id = g_strdup (ssv_json_string (object, "Id"));
  item->title = g_strdup (ssv_json_string (object, "Name"));
  if (item->server_id == NULL || item->title == NULL || item->title[0] == '\0')
    {
      item->problem = g_strdup (item->server_id == NULL ? _("The server sent an item without an id")
                                                        : _("The server sent an item without a name"));
      return g_steal_pointer (&item);
    }

  item->original_title = g_strdup (ssv_json_string (object, "OriginalTitle"));
  item->year = (int) ssv_json_int (object, "ProductionYear", 0);
  item->overview = g_strdup (ssv_json_string (object, "Overview"));
  item->content_rating = g_strdup (ssv_json_string (object, "OfficialRating"));
  item->release_date = ssv_date_only (ssv_json_string (object, "PremiereDate"));
  item->end_date = ssv_date_only (ssv_json_string (object, "EndDate"));
  item->status = g_strdup (ssv_json_string (object, "Status"));
  item->community_rating = ssv_json_double (object, "CommunityRating");
  /* Jellyfin's critic rating is a percentage; the library keeps 0–10. */
  critic = ssv_json_double (object, "CriticRating");
  item->critic_rating = isnan (critic) ? NAN : critic / 10.0;
  ticks = ssv_json_int (object, "RunTimeTicks", 0);
  item->runtime_minutes = (int) ((ticks / TICKS_PER_SECOND + 30) / 60);
  item->added_at = ssv_parse_iso_date (ssv_json_string (object, "DateCreated"));
  item->updated_at = ssv_parse_iso_date (ssv_json_string (object, "DateLastSaved"));
  if (item->year == 0 && item->release_date != NULL)
    item->year = atoi (item->release_date);

  array = ssv_json_array (object, "Taglines");
  if (array != NULL && json_array_get_length (array) > 0 &&
      JSON_NODE_HOLDS_VALUE (json_array_get_element (array, 0)))
    item->tagline = g_strdup (json_array_get_string_element (array, 0));

  array = ssv_json_array (object, "Genres");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (JSON_NODE_HOLDS_VALUE (json_array_get_element (array, i)))
      ssv_media_item_add_genre (item, json_array_get_string_element (array, i));

  array = ssv_json_array (object, "Studios");
  if (array != NULL && json_array_get_length (array) > 0)
    item->studio = g_strdup (ssv_json_string (ssv_json_array_object (array, 0), "Name"));

  parse_provider_ids (item, ssv_json_object (object, "ProviderIds"));

  if (user_data != NULL)
    {
      item->watched = ssv_json_bool (user_data, "Played");
      item->play_count = (int) ssv_json_int (user_data, "PlayCount", 0);
      ticks = ssv_json_int (user_data, "PlaybackPositionTicks", 0);
      item->resume_position_s = ticks > 0 ? ticks / TICKS_PER_SECOND : -1;
    }

  if (base_url != NULL)
    {
      const char *tag = ssv_json_string (image_tags, "Primary");

      if (tag != NULL)
        item->poster_url = image_url (base_url, item->server_id, "Primary", tag);
      tag = ssv_json_string (image_tags, "Logo");
      if (tag != NULL)
        item->logo_url = image_url (base_url, item->server_id, "Logo", tag);
      array = ssv_json_array (object, "BackdropImageTags");
      if (array != NULL && json_array_get_length (array) > 0 &&
          JSON_NODE_HOLDS_VALUE (json_array_get_element (array, 0)))
        item->backdrop_url = image_url (base_url, item->server_id, "Backdrop/0",
                                        json_array_get_string_element (array, 0));
    }

  array = ssv_json_array (object, "MediaSources");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *source = ssv_json_array_object (array, i);

      if (source == NULL || ssv_json_string (source, "Path") == NULL)
        continue;
      if (item->files == NULL)
        item->files = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_file_free);
      g_ptr_array_add (item->files, parse_media_source (source, item->added_at));
    }

  if (item->files == NULL && kind != SSV_MEDIA_KIND_SHOW &&
      ssv_json_string (object, "Path") != NULL &&
      g_strcmp0 (ssv_json_string (object, "LocationType"), "Virtual") != 0)
    {
      SsvMediaFile *file = ssv_media_file_new ();
      const char *container = ssv_json_string (object, "Container");

      file->path = g_strdup (ssv_json_string (object, "Path"));
      if (container != NULL)
        file->container = g_strndup (container, strcspn (container, ","));
      file->added_at = item->added_at;
      item->files = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_file_free);
      g_ptr_array_add (item->files, file);
    }

  if (kind == SSV_MEDIA_KIND_EPISODE)
    {
      item->show_server_id = g_strdup (ssv_json_string (object, "SeriesId"));
      item->season_number = (int) ssv_json_int (object, "ParentIndexNumber", -1);
      item->episode_number = (int) ssv_json_int (object, "IndexNumber", -1);
      item->episode_number_end = (int) ssv_json_int (object, "IndexNumberEnd", 0);
      if (item->season_number < 0 || item->episode_number < 0)
        item->problem = g_strdup (_("The episode has no season or episode number"));
    }

  return g_steal_pointer (&item);
}

/* ---- the user -------------------------------------------------------------- */

/* Scans read a user's view of the library (watched state is per user): the
 * configured one, else the first administrator. */
static gboolean
ensure_user (SsvJellyfinSource  *self,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *users;
  JsonObject *chosen = NULL;
  gboolean have_user;

  g_mutex_lock (&self->lock);
  have_user = self->user_checked;
  g_mutex_unlock (&self->lock);
  if (have_user)
    return TRUE;

  request = request_new (self, "/Users");
  root = ssv_http_send_json (self->http, request, cancellable, error);
  if (root == NULL)
    return FALSE;

  users = JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root) : NULL;
  for (guint i = 0; users != NULL && i < json_array_get_length (users); i++)
    {
      JsonObject *user = ssv_json_array_object (users, i);
      JsonObject *policy = ssv_json_object (user, "Policy");

      if (user == NULL || ssv_json_string (user, "Id") == NULL)
        continue;

      g_mutex_lock (&self->lock);
      if (self->user_id != NULL)
        {
          if (g_strcmp0 (self->user_id, ssv_json_string (user, "Id")) == 0)
            chosen = user;
        }
      else if (chosen == NULL && ssv_json_bool (policy, "IsAdministrator"))
        chosen = user;
      g_mutex_unlock (&self->lock);
    }

  g_mutex_lock (&self->lock);
  if (chosen == NULL && self->user_id == NULL)
    chosen = ssv_json_array_object (users, 0);
  if (chosen != NULL)
    {
      g_free (self->user_id);
      self->user_id = g_strdup (ssv_json_string (chosen, "Id"));
      g_free (self->user_name);
      self->user_name = g_strdup (ssv_json_string (chosen, "Name"));
    }
  have_user = self->user_id != NULL;
  self->user_checked = have_user;
  g_mutex_unlock (&self->lock);

  if (!have_user)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                   _("The Jellyfin server has no user to read the library as."));
      return FALSE;
    }

  /* A configured id the server does not know is still used: the server says
   * so on the next request, in its own words. */
  return TRUE;
}

static char *
dup_user_id (SsvJellyfinSource *self)
{
  char *id;

  g_mutex_lock (&self->lock);
  id = g_strdup (self->user_id);
  g_mutex_unlock (&self->lock);

  return id;
}

/* ---- the interface ------------------------------------------------------- */

static char *
ssv_jellyfin_source_test_connection (SsvMediaSource  *source,
                                     GCancellable    *cancellable,
                                     GError         **error)
{
  SsvJellyfinSource *self = SSV_JELLYFIN_SOURCE (source);
  g_autoptr(SsvHttpRequest) request = request_new (self, "/System/Info");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *info;
  const char *name;
  const char *version;

  info = send_object (self, request, &root, cancellable, error);
  if (info == NULL)
    return NULL;

  if (!ensure_user (self, cancellable, error))
    return NULL;

  name = ssv_json_string (info, "ServerName");
  version = ssv_json_string (info, "Version");

  g_mutex_lock (&self->lock);
  g_free (self->server_name);
  self->server_name = g_strdup (name);
  g_mutex_unlock (&self->lock);

  /* Translators: "<server name> (Jellyfin <version>)" */
  return g_strdup_printf (_("%s (Jellyfin %s)"), name ? name : "Jellyfin", version ? version : "?");
}

static GPtrArray *
ssv_jellyfin_source_list_libraries (SsvMediaSource  *source,
                                    GCancellable    *cancellable,
                                    GError         **error)
{
  SsvJellyfinSource *self = SSV_JELLYFIN_SOURCE (source);
  g_autoptr(GPtrArray) libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *path = NULL;
  JsonObject *answer;
  JsonArray *items;

  if (!ensure_user (self, cancellable, error))
    return NULL;

  user_id = dup_user_id (self);
  path = g_strdup_printf ("/Users/%s/Views", user_id);
  request = request_new (self, path);
  answer = send_object (self, request, &root, cancellable, error);
  if (answer == NULL)
    return NULL;

  items = ssv_json_array (answer, "Items");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *view = ssv_json_array_object (items, i);
      const char *collection = ssv_json_string (view, "CollectionType");
      SsvLibraryKind kind = g_strcmp0 (collection, "movies") == 0 ? SSV_LIBRARY_KIND_MOVIES :
                            g_strcmp0 (collection, "tvshows") == 0 ? SSV_LIBRARY_KIND_SHOWS :
                            SSV_LIBRARY_KIND_NONE;

      if (ssv_json_string (view, "Id") == NULL)
        continue;
      g_ptr_array_add (libraries, ssv_media_library_new (ssv_json_string (view, "Id"),
                                                         ssv_json_string (view, "Name"), kind));
    }

  return g_steal_pointer (&libraries);
}

typedef gboolean (*PageObjectsFunc) (JsonArray  *items,
                                     guint       total,
                                     gpointer    user_data,
                                     GError    **error);

/* Walks StartIndex/Limit pages until TotalRecordCount; fewer items than the
 * server promised is an incomplete answer, not the end of the library. */
static gboolean
fetch_pages (SsvJellyfinSource  *self,
             const char         *path,
             const char * const *query,
             PageObjectsFunc     func,
             gpointer            user_data,
             GCancellable       *cancellable,
             GError            **error)
{
  guint start = 0;

  for (;;)
    {
      g_autoptr(SsvHttpRequest) request = request_new (self, path);
      g_autoptr(JsonNode) root = NULL;
      JsonObject *answer;
      JsonArray *items;
      gint64 total;
      guint n;

      for (guint i = 0; query != NULL && query[i] != NULL; i += 2)
        ssv_http_request_add_query (request, query[i], query[i + 1]);
      ssv_http_request_add_query_int (request, "StartIndex", start);
      ssv_http_request_add_query_int (request, "Limit", self->page_size);

      answer = send_object (self, request, &root, cancellable, error);
      if (answer == NULL)
        return FALSE;

      items = ssv_json_array (answer, "Items");
      if (items == NULL)
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                       _("Jellyfin sent an answer that could not be read (%s)."),
                       _("no list of items"));
          return FALSE;
        }

      n = json_array_get_length (items);
      total = ssv_json_int (answer, "TotalRecordCount", -1);
      if (total < 0)
        total = start + n;

      if (n > 0 && !func (items, (guint) total, user_data, error))
        return FALSE;

      start += n;
      if (start >= total)
        return TRUE;

      if (n == 0)
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_INCOMPLETE,
                       _("Jellyfin stopped after %u of %" G_GINT64_FORMAT " items."),
                       start, total);
          return FALSE;
        }
    }
}

typedef struct
{
  SsvJellyfinSource *self;
  const char        *library_key;
  SsvMediaPageFunc   func;
  gpointer           user_data;
  GPtrArray         *collect;     /* for show trees: every parsed item */
} PageData;

static gboolean
titles_page_cb (JsonArray  *items,
                guint       total,
                gpointer    user_data,
                GError    **error)
{
  PageData *data = user_data;
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_item_free);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *object = ssv_json_array_object (items, i);
      SsvMediaItem *item;

      if (object == NULL)
        {
          item = ssv_media_item_new (SSV_MEDIA_KIND_MOVIE);
          item->problem = g_strdup (_("The server sent something that is not an item"));
        }
      else
        item = ssv_jellyfin_parse_item (object, data->self->url);

      g_free (item->library_key);
      item->library_key = g_strdup (data->library_key);
      g_ptr_array_add (page, item);
    }

  if (data->collect != NULL)
    {
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (data->collect, g_steal_pointer (&page->pdata[i]));
      return TRUE;
    }

  return data->func (page, total, data->user_data, error);
}

static gboolean
ssv_jellyfin_source_list_titles (SsvMediaSource    *source,
                                 const char        *library_key,
                                 SsvMediaKind       kind,
                                 gint64             changed_since,
                                 SsvMediaPageFunc   func,
                                 gpointer           user_data,
                                 GCancellable      *cancellable,
                                 GError           **error)
{
  SsvJellyfinSource *self = SSV_JELLYFIN_SOURCE (source);
  g_autofree char *user_id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *since = NULL;
  PageData data = { self, library_key, func, user_data, NULL };
  const char *query[] = {
    "ParentId", library_key,
    "IncludeItemTypes", kind == SSV_MEDIA_KIND_SHOW ? "Series" : "Movie",
    "Recursive", "true",
    "Fields", ITEM_FIELDS,
    "SortBy", "SortName",
    "SortOrder", "Ascending",
    "EnableUserData", "true",
    NULL, NULL,
    NULL,
  };

  if (!ensure_user (self, cancellable, error))
    return FALSE;

  if (changed_since > 0)
    {
      since = format_since (changed_since);
      query[14] = "MinDateLastSaved";
      query[15] = since;
    }

  user_id = dup_user_id (self);
  path = g_strdup_printf ("/Users/%s/Items", user_id);
  return fetch_pages (self, path, query, titles_page_cb, &data, cancellable, error);
}

static SsvShowTree *
ssv_jellyfin_source_list_show_tree (SsvMediaSource  *source,
                                    const char      *show_server_id,
                                    GCancellable    *cancellable,
                                    GError         **error)
{
  SsvJellyfinSource *self = SSV_JELLYFIN_SOURCE (source);
  g_autoptr(SsvShowTree) tree = ssv_show_tree_new ();
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *path = NULL;
  PageData data = { self, NULL, NULL, NULL, tree->episodes };
  JsonObject *answer;
  JsonArray *items;

  if (!ensure_user (self, cancellable, error))
    return NULL;
  user_id = dup_user_id (self);

  path = g_strdup_printf ("/Shows/%s/Seasons", show_server_id);
  request = request_new (self, path);
  ssv_http_request_add_query (request, "UserId", user_id);
  ssv_http_request_add_query (request, "Fields", "Overview,PremiereDate");
  answer = send_object (self, request, &root, cancellable, error);
  if (answer == NULL)
    return NULL;

  items = ssv_json_array (answer, "Items");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *object = ssv_json_array_object (items, i);
      gint64 number = ssv_json_int (object, "IndexNumber", -1);
      const char *tag = ssv_json_string (ssv_json_object (object, "ImageTags"), "Primary");
      SsvMediaSeason *season;

      if (object == NULL || number < 0)
        continue;

      season = ssv_media_season_new ((int) number);
      season->server_id = g_strdup (ssv_json_string (object, "Id"));
      season->title = g_strdup (ssv_json_string (object, "Name"));
      season->overview = g_strdup (ssv_json_string (object, "Overview"));
      season->air_date = ssv_date_only (ssv_json_string (object, "PremiereDate"));
      if (tag != NULL && season->server_id != NULL)
        season->poster_url = image_url (self->url, season->server_id, "Primary", tag);
      season->episode_count = (int) ssv_json_int (object, "ChildCount", 0);
      g_ptr_array_add (tree->seasons, season);
    }

  g_free (path);
  path = g_strdup_printf ("/Shows/%s/Episodes", show_server_id);
  {
    const char *query[] = {
      "UserId", user_id,
      "Fields", ITEM_FIELDS,
      "EnableUserData", "true",
      NULL,
    };

    if (!fetch_pages (self, path, query, titles_page_cb, &data, cancellable, error))
      return NULL;
  }

  for (guint i = 0; i < tree->episodes->len; i++)
    {
      SsvMediaItem *episode = g_ptr_array_index (tree->episodes, i);

      if (episode->show_server_id == NULL)
        episode->show_server_id = g_strdup (show_server_id);
    }

  return g_steal_pointer (&tree);
}

typedef struct
{
  GHashTable *seen;
  GPtrArray  *ids;
} ChangedData;

static gboolean
changed_page_cb (JsonArray  *items,
                 guint       total,
                 gpointer    user_data,
                 GError    **error)
{
  ChangedData *data = user_data;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      const char *series = ssv_json_string (ssv_json_array_object (items, i), "SeriesId");

      if (series != NULL && !g_hash_table_contains (data->seen, series))
        {
          char *copy = g_strdup (series);

          g_hash_table_add (data->seen, copy);
          g_ptr_array_add (data->ids, g_strdup (copy));
        }
    }

  return TRUE;
}

static GPtrArray *
ssv_jellyfin_source_list_changed_shows (SsvMediaSource  *source,
                                        const char      *library_key,
                                        gint64           changed_since,
                                        GCancellable    *cancellable,
                                        GError         **error)
{
  SsvJellyfinSource *self = SSV_JELLYFIN_SOURCE (source);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *user_id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *since = format_since (changed_since);
  ChangedData data = { seen, ids };
  const char *query[] = {
    "ParentId", library_key,
    "IncludeItemTypes", "Episode",
    "Recursive", "true",
    "MinDateLastSaved", since,
    NULL,
  };

  if (!ensure_user (self, cancellable, error))
    return NULL;

  user_id = dup_user_id (self);
  path = g_strdup_printf ("/Users/%s/Items", user_id);
  if (!fetch_pages (self, path, query, changed_page_cb, &data, cancellable, error))
    return NULL;

  return g_steal_pointer (&ids);
}

static void
media_source_iface_init (SsvMediaSourceInterface *iface)
{
  iface->test_connection = ssv_jellyfin_source_test_connection;
  iface->list_libraries = ssv_jellyfin_source_list_libraries;
  iface->list_titles = ssv_jellyfin_source_list_titles;
  iface->list_show_tree = ssv_jellyfin_source_list_show_tree;
  iface->list_changed_shows = ssv_jellyfin_source_list_changed_shows;
}

static void
ssv_jellyfin_source_finalize (GObject *object)
{
  SsvJellyfinSource *self = (SsvJellyfinSource *) object;

  g_clear_object (&self->http);
  g_free (self->url);
  g_free (self->token);
  g_free (self->user_id);
  g_free (self->user_name);
  g_free (self->server_name);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ssv_jellyfin_source_parent_class)->finalize (object);
}

static void
ssv_jellyfin_source_class_init (SsvJellyfinSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssv_jellyfin_source_finalize;
}

static void
ssv_jellyfin_source_init (SsvJellyfinSource *self)
{
  g_mutex_init (&self->lock);
  self->page_size = DEFAULT_PAGE_SIZE;
}

/**
 * ssv_jellyfin_source_new:
 * @token: the API key; kept in memory only
 * @user_id: (nullable): whose view of the library to read, or %NULL for the
 *   first administrator
 */
SsvJellyfinSource *
ssv_jellyfin_source_new (SsvHttp    *http,
                         const char *url,
                         const char *token,
                         const char *user_id)
{
  SsvJellyfinSource *self = g_object_new (SSV_TYPE_JELLYFIN_SOURCE, NULL);

  self->http = g_object_ref (http);
  self->url = g_strdup (url);
  self->token = g_strdup (token);
  self->user_id = g_strdup (user_id);

  return self;
}

void
ssv_jellyfin_source_set_page_size (SsvJellyfinSource *self,
                                   guint              page_size)
{
  g_return_if_fail (SSV_IS_JELLYFIN_SOURCE (self));

  self->page_size = MAX (page_size, 1);
}

char *
ssv_jellyfin_source_dup_user_id (SsvJellyfinSource *self)
{
  return dup_user_id (self);
}

char *
ssv_jellyfin_source_dup_user_name (SsvJellyfinSource *self)
{
  char *name;

  g_mutex_lock (&self->lock);
  name = g_strdup (self->user_name);
  g_mutex_unlock (&self->lock);

  return name;
}

/* The server's own name, once a connection test learned it. */
char *
ssv_jellyfin_source_dup_server_name (SsvJellyfinSource *self)
{
  char *name;

  g_mutex_lock (&self->lock);
  name = g_strdup (self->server_name);
  g_mutex_unlock (&self->lock);

  return name;
}
