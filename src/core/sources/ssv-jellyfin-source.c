/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-jellyfin-source.c: reads a Jellyfin server's libraries through its REST API. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "sources/ssv-jellyfin-source.h"
#include "ssv-json.h"
#include "sources/ssv-source-common.h"

#define DEFAULT_PAGE_SIZE 500

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
    ssv_http_request_set_secret_header (request, "X-Emby-Token", self->token);

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

/* ---- answers ------------------------------------------------------------- */

static gboolean
read_page (GBytes     *body,
           const char *base_url,
           GPtrArray  *items,
           gint64     *total,
           GError    **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (body, &size);

  return ssv_jellyfin_parse_page (data, size, base_url, items, total, error);
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
      JsonObject *policy = ssv_json_get_object (user, "Policy");

      if (user == NULL || ssv_json_get_string (user, "Id") == NULL)
        continue;

      g_mutex_lock (&self->lock);
      if (self->user_id != NULL)
        {
          if (g_strcmp0 (self->user_id, ssv_json_get_string (user, "Id")) == 0)
            chosen = user;
        }
      else if (chosen == NULL && ssv_json_get_bool_or (policy, "IsAdministrator", FALSE))
        chosen = user;
      g_mutex_unlock (&self->lock);
    }

  g_mutex_lock (&self->lock);
  if (chosen == NULL && self->user_id == NULL)
    chosen = ssv_json_array_object (users, 0);
  if (chosen != NULL)
    {
      g_free (self->user_id);
      self->user_id = g_strdup (ssv_json_get_string (chosen, "Id"));
      g_free (self->user_name);
      self->user_name = g_strdup (ssv_json_get_string (chosen, "Name"));
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
  return ssv_source_dup_locked (&self->lock, &self->user_id);
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

  name = ssv_json_get_string (info, "ServerName");
  version = ssv_json_get_string (info, "Version");

  ssv_source_set_locked (&self->lock, &self->server_name, name);

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

  items = ssv_json_get_array (answer, "Items");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *view = ssv_json_array_object (items, i);
      const char *collection = ssv_json_get_string (view, "CollectionType");
      SsvLibraryKind kind = g_strcmp0 (collection, "movies") == 0 ? SSV_LIBRARY_KIND_MOVIES :
                            g_strcmp0 (collection, "tvshows") == 0 ? SSV_LIBRARY_KIND_SHOWS :
                            SSV_LIBRARY_KIND_NONE;

      if (ssv_json_get_string (view, "Id") == NULL)
        continue;
      g_ptr_array_add (libraries, ssv_media_library_new (ssv_json_get_string (view, "Id"),
                                                         ssv_json_get_string (view, "Name"), kind));
    }

  return g_steal_pointer (&libraries);
}

/* One page of a listing: @query (name, value pairs) and StartIndex/Limit
 * (@limit, or the source's page size when 0). */
typedef struct
{
  SsvJellyfinSource  *self;
  const char         *path;
  const char * const *query;
  guint               limit;
} PageRequest;

static gboolean
read_items_page (guint          start,
                 GPtrArray     *items,
                 gint64        *total,
                 gpointer       read_data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  PageRequest *page = read_data;
  g_autoptr(SsvHttpRequest) request = request_new (page->self, page->path);
  g_autoptr(GBytes) body = NULL;

  for (guint i = 0; page->query != NULL && page->query[i] != NULL; i += 2)
    ssv_http_request_add_query (request, page->query[i], page->query[i + 1]);
  ssv_http_request_add_query_int (request, "StartIndex", start);
  ssv_http_request_add_query_int (request, "Limit", page->limit > 0 ? page->limit : page->self->page_size);
  ssv_http_request_set_header (request, "Accept", "application/json");

  body = ssv_http_send (page->self->http, request, cancellable, error);
  return body != NULL && read_page (body, page->self->url, items, total, error);
}

/* Walks StartIndex/Limit pages until TotalRecordCount. */
static gboolean
fetch_pages (SsvJellyfinSource  *self,
             const char         *path,
             const char * const *query,
             SsvMediaPageFunc    func,
             gpointer            user_data,
             GCancellable       *cancellable,
             GError            **error)
{
  PageRequest page = { self, path, query, 0 };

  return ssv_source_fetch_pages ("Jellyfin", read_items_page, &page, func, user_data, cancellable, error);
}

/* Jellyfin cannot filter by when an item was played: MinDateLastSavedForUser,
 * despite its name, compares the item's own DateLastSaved, which a watched mark
 * or a finished playback leaves alone. It can sort by the user's last played
 * date, newest first, so an incremental scan reads that listing until the first
 * item played before @since. The pages are small: few things are played between
 * two scans. */
#define PLAYED_PAGE_SIZE 100

static gboolean
fetch_played_since (SsvJellyfinSource  *self,
                    const char         *path,
                    const char         *library_key,
                    const char         *item_types,
                    const char         *fields,     /* nullable */
                    gint64              since,
                    GHashTable         *listed,
                    SsvMediaPageFunc    func,
                    gpointer            user_data,
                    GCancellable       *cancellable,
                    GError            **error)
{
  SsvSourcePlayed played = { since, listed, func, user_data, FALSE };
  const char *query[] = {
    "ParentId", library_key,
    "IncludeItemTypes", item_types,
    "Recursive", "true",
    "SortBy", "DatePlayed,SortName",
    "SortOrder", "Descending",
    "EnableUserData", "true",
    fields != NULL ? "Fields" : NULL, fields,
    NULL,
  };
  PageRequest page = { self, path, query, MIN (self->page_size, PLAYED_PAGE_SIZE) };

  return ssv_source_fetch_pages_until ("Jellyfin", read_items_page, &page, ssv_source_played_page, &played,
                                       &played.reached_older, cancellable, error);
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
  g_autoptr(GHashTable) listed = NULL;
  SsvSourceTitles data = { library_key, func, user_data, NULL, NULL };
  const char *query[] = {
    "ParentId", library_key,
    "IncludeItemTypes", kind == SSV_MEDIA_KIND_SHOW ? "Series" : "Movie",
    "Recursive", "true",
    "Fields", ITEM_FIELDS,
    "SortBy", "SortName",
    "SortOrder", "Ascending",
    "EnableUserData", "true",
    NULL, NULL,
    NULL, NULL,
    NULL,
  };

  if (!ensure_user (self, cancellable, error))
    return FALSE;

  /* Both dates, the same: servers 10.8 to 10.10 build the MinDateLastSaved
   * filter with the other one's parameter and fail (or match nothing) when it
   * comes alone; both compare DateLastSaved. */
  if (changed_since > 0)
    {
      since = format_since (changed_since);
      query[14] = "MinDateLastSaved";
      query[15] = since;
      query[16] = "MinDateLastSavedForUser";
      query[17] = since;
      data.listed = listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  user_id = dup_user_id (self);
  path = g_strdup_printf ("/Users/%s/Items", user_id);
  if (!fetch_pages (self, path, query, ssv_source_titles_page, &data, cancellable, error))
    return FALSE;

  /* A show's watched state is its episodes': list_changed_shows() finds those. */
  if (changed_since > 0 && kind == SSV_MEDIA_KIND_MOVIE)
    return fetch_played_since (self, path, library_key, "Movie", ITEM_FIELDS, changed_since, listed,
                               ssv_source_titles_page, &data, cancellable, error);

  return TRUE;
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
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GPtrArray) seasons = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_item_free);
  g_autofree char *user_id = NULL;
  g_autofree char *path = NULL;
  SsvSourceTitles data = { NULL, NULL, NULL, tree->episodes };
  gint64 total;

  if (!ensure_user (self, cancellable, error))
    return NULL;
  user_id = dup_user_id (self);

  path = g_strdup_printf ("/Shows/%s/Seasons", show_server_id);
  request = request_new (self, path);
  ssv_http_request_add_query (request, "UserId", user_id);
  ssv_http_request_add_query (request, "Fields", "Overview,PremiereDate");
  ssv_http_request_set_header (request, "Accept", "application/json");
  body = ssv_http_send (self->http, request, cancellable, error);
  if (body == NULL || !read_page (body, self->url, seasons, &total, error))
    return NULL;

  /* Seasons read as items: IndexNumber is the season's number. */
  for (guint i = 0; i < seasons->len; i++)
    {
      SsvMediaItem *item = g_ptr_array_index (seasons, i);
      SsvMediaSeason *season;

      if (item->episode_number < 0 || item->episode_number > SSV_MAX_SEASON_NUMBER || item->server_id == NULL)
        continue;

      season = ssv_media_season_new (item->episode_number);
      season->server_id = g_strdup (item->server_id);
      season->title = g_strdup (item->title);
      season->overview = g_strdup (item->overview);
      season->air_date = g_strdup (item->release_date);
      season->poster_url = g_strdup (item->poster_url);
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

    if (!fetch_pages (self, path, query, ssv_source_titles_page, &data, cancellable, error))
      return NULL;
  }

  ssv_source_set_show_id (tree->episodes, show_server_id);
  return g_steal_pointer (&tree);
}

static GPtrArray *
ssv_jellyfin_source_list_changed_shows (SsvMediaSource  *source,
                                        const char      *library_key,
                                        gint64           changed_since,
                                        GCancellable    *cancellable,
                                        GError         **error)
{
  SsvJellyfinSource *self = SSV_JELLYFIN_SOURCE (source);
  g_autofree char *user_id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *since = format_since (changed_since);
  SsvSourceShowIds data;
  const char *query[] = {
    "ParentId", library_key,
    "IncludeItemTypes", "Episode",
    "Recursive", "true",
    "MinDateLastSaved", since,
    "MinDateLastSavedForUser", since,
    NULL,
  };

  if (!ensure_user (self, cancellable, error))
    return NULL;

  user_id = dup_user_id (self);
  path = g_strdup_printf ("/Users/%s/Items", user_id);
  ssv_source_show_ids_init (&data);
  /* Episodes saved since, then episodes played since (SeriesId comes with every episode). */
  if (!fetch_pages (self, path, query, ssv_source_show_ids_page, &data, cancellable, error) ||
      !fetch_played_since (self, path, library_key, "Episode", NULL, changed_since, NULL,
                           ssv_source_show_ids_page, &data, cancellable, error))
    {
      ssv_source_show_ids_clear (&data);
      return NULL;
    }

  return ssv_source_show_ids_finish (&data);
}

/* Jellyfin's played state of the user the library is read as:
 * POST (watched) or DELETE (unwatched) /Users/{user}/PlayedItems/{item}. */
static gboolean
ssv_jellyfin_source_set_watched (SsvMediaSource      *source,
                                 const char * const  *server_ids,
                                 gboolean             watched,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  SsvJellyfinSource *self = SSV_JELLYFIN_SOURCE (source);
  g_autofree char *user_id = NULL;

  if (!ensure_user (self, cancellable, error))
    return FALSE;
  user_id = dup_user_id (self);

  for (guint i = 0; server_ids[i] != NULL; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (server_ids[i], NULL, FALSE);
      g_autofree char *path = g_strdup_printf ("/Users/%s/PlayedItems/%s", user_id, escaped);
      g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("jellyfin", watched ? "POST" : "DELETE", path);
      g_autoptr(GBytes) body = NULL;

      ssv_http_request_set_base_url (request, self->url);
      if (self->token != NULL)
        ssv_http_request_set_header (request, "X-Emby-Token", self->token);
      body = ssv_http_send (self->http, request, cancellable, error);
      if (body == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Jellyfin scans every library at once: POST /Library/Refresh. */
static gboolean
ssv_jellyfin_source_refresh_library (SsvMediaSource  *source,
                                     const char      *library_key,
                                     GCancellable    *cancellable,
                                     GError         **error)
{
  SsvJellyfinSource *self = SSV_JELLYFIN_SOURCE (source);
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("jellyfin", "POST", "/Library/Refresh");
  g_autoptr(GBytes) body = NULL;

  ssv_http_request_set_base_url (request, self->url);
  if (self->token != NULL)
    ssv_http_request_set_secret_header (request, "X-Emby-Token", self->token);
  body = ssv_http_send (self->http, request, cancellable, error);
  return body != NULL;
}

static void
media_source_iface_init (SsvMediaSourceInterface *iface)
{
  iface->set_watched = ssv_jellyfin_source_set_watched;
  iface->refresh_library = ssv_jellyfin_source_refresh_library;
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
  return ssv_source_dup_locked (&self->lock, &self->user_name);
}

/* The server's own name, once a connection test learned it. */
char *
ssv_jellyfin_source_dup_server_name (SsvJellyfinSource *self)
{
  return ssv_source_dup_locked (&self->lock, &self->server_name);
}
