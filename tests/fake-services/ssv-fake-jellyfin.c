/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-jellyfin.c: answers the Jellyfin endpoints the library scan uses, from items in
 * memory shaped like the recorded responses in tests/fixtures/jellyfin. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ssv-fake-catalog.h"
#include "ssv-fake-jellyfin.h"

#define USER_ID   "a1b2c3d4e5f60718293a4b5c6d7e8f90"
#define SERVER_ID "dc3a12fa42114b4b9e119db7af393829"

static const SsvFakeMembers members = {
  .id = "Id", .type = "Type", .episode_type = "Episode",
  .show = "SeriesId", .season = "ParentIndexNumber", .episode = "IndexNumber",
};

struct _SsvFakeJellyfin
{
  SsvFakeServer *server;
  char          *api_key;

  GMutex         lock;
  GPtrArray     *libraries;   /* JsonObject */
  SsvFakeCatalog *catalog;
  gint64         clock;
  GPtrArray     *played_calls;   /* "played <id>", "unplayed <id>" */
  guint          refreshes;      /* POST /Library/Refresh answered */
};

static char *
iso_date (gint64 when)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (when);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S.0000000Z");
}

static gboolean
authorized (SsvFakeJellyfin      *self,
            const SsvFakeRequest *request)
{
  const char *token = g_hash_table_lookup (request->headers, "x-emby-token");

  return token != NULL && g_strcmp0 (token, self->api_key) == 0;
}

static gboolean
answer (guint      *status,
        char      **content_type,
        GBytes    **body,
        guint       code,
        JsonNode   *node)
{
  *status = code;
  *content_type = g_strdup ("application/json; charset=utf-8");
  *body = node ? ssv_fake_json_bytes (node) : g_bytes_new_static ("", 0);
  return TRUE;
}

static JsonNode *
items_answer (GPtrArray *objects,
              guint      start,
              guint      limit)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint end = MIN (objects->len, start + limit);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Items");
  json_builder_begin_array (builder);
  ssv_fake_json_add_objects (builder, objects, start, end);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "TotalRecordCount");
  json_builder_add_int_value (builder, objects->len);
  json_builder_set_member_name (builder, "StartIndex");
  json_builder_add_int_value (builder, start);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gint64
param_int (GHashTable *params,
           const char *name,
           gint64      fallback)
{
  const char *value = params ? g_hash_table_lookup (params, name) : NULL;

  return value ? g_ascii_strtoll (value, NULL, 10) : fallback;
}

static gboolean
type_allowed (const char *types,
              const char *type)
{
  g_auto(GStrv) list = NULL;

  if (types == NULL)
    return TRUE;

  list = g_strsplit (types, ",", -1);
  return g_strv_contains ((const char * const *) list, type);
}

static gint64
date_member (JsonObject *object,
             const char *member)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;
  const char *text = json_object_get_string_member_with_default (object, member, NULL);

  when = text != NULL ? g_date_time_new_from_iso8601 (text, utc) : NULL;
  return when != NULL ? g_date_time_to_unix (when) : G_MININT64;
}

/* The user's last played date, or G_MININT64 for never (sorts first ascending, as on the server). */
static gint64
last_played (JsonObject *item)
{
  JsonObject *user_data = json_object_get_object_member (item, "UserData");

  return user_data != NULL ? date_member (user_data, "LastPlayedDate") : G_MININT64;
}

typedef struct
{
  gboolean by_date_played;
  gboolean descending;
} SortOrder;

/* SortBy=SortName (the default) or DatePlayed[,SortName]; SortOrder=Ascending|Descending. */
static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SortOrder *order = user_data;
  JsonObject *oa = *(JsonObject * const *) a;
  JsonObject *ob = *(JsonObject * const *) b;
  int result = 0;

  if (order->by_date_played)
    {
      gint64 pa = last_played (oa), pb = last_played (ob);
      result = pa < pb ? -1 : pa > pb ? 1 : 0;
    }
  if (result == 0)
    result = g_ascii_strcasecmp (json_object_get_string_member_with_default (oa, "Name", ""),
                                 json_object_get_string_member_with_default (ob, "Name", ""));

  return order->descending ? -result : result;
}

/* /Users/{uid}/Items?ParentId=…&IncludeItemTypes=…&StartIndex=…&Limit=…&MinDateLastSaved=…
 * &SortBy=…&SortOrder=…; the date filters as the server applies them (see below). */
static JsonNode *
list_items (SsvFakeJellyfin *self,
            GHashTable      *params,
            guint           *status)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  const char *parent = params ? g_hash_table_lookup (params, "ParentId") : NULL;
  const char *types = params ? g_hash_table_lookup (params, "IncludeItemTypes") : NULL;
  const char *min_saved = params ? g_hash_table_lookup (params, "MinDateLastSaved") : NULL;
  const char *min_saved_for_user = params ? g_hash_table_lookup (params, "MinDateLastSavedForUser") : NULL;
  const char *sort_by = params ? g_hash_table_lookup (params, "SortBy") : NULL;
  const char *sort_order = params ? g_hash_table_lookup (params, "SortOrder") : NULL;
  GPtrArray *entries = ssv_fake_catalog_entries (self->catalog);
  SortOrder order = { g_str_has_prefix (sort_by ? sort_by : "", "DatePlayed"),
                      g_strcmp0 (sort_order, "Descending") == 0 };
  gint64 min_date = G_MININT64;

  /* Jellyfin 10.8 to 10.10 build the MinDateLastSaved filter with the
   * parameter of MinDateLastSavedForUser: alone, it fails the query. */
  if (min_saved != NULL && min_saved_for_user == NULL)
    {
      *status = 500;
      return json_from_string ("{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.6.1\","
                               "\"title\":\"Must add values for the following parameters: "
                               "@MinDateLastSavedForUser\",\"status\":500}", NULL);
    }

  /* Both filters compare the item's DateLastSaved; the user's data (played,
   * last played) is no part of it, whatever the second one's name says. */
  for (guint k = 0; k < 2; k++)
    {
      const char *text = k == 0 ? min_saved : min_saved_for_user;
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) when = text != NULL ? g_date_time_new_from_iso8601 (text, utc) : NULL;

      if (when != NULL)
        min_date = MAX (min_date, g_date_time_to_unix (when));
    }

  for (guint i = 0; i < entries->len; i++)
    {
      SsvFakeEntry *entry = g_ptr_array_index (entries, i);
      const char *type = json_object_get_string_member_with_default (entry->object, "Type", "");

      if (parent != NULL && g_strcmp0 (parent, entry->library) != 0)
        continue;
      if (!type_allowed (types, type))
        continue;
      if (min_date != G_MININT64 && date_member (entry->object, "DateLastSaved") < min_date)
        continue;
      g_ptr_array_add (matches, entry->object);
    }

  g_ptr_array_sort_with_data (matches, compare_items, &order);
  *status = 200;
  return items_answer (matches, (guint) param_int (params, "StartIndex", 0),
                       (guint) param_int (params, "Limit", G_MAXUINT));
}

static JsonNode *
list_seasons (SsvFakeJellyfin *self,
              const char      *series_id)
{
  g_autoptr(GPtrArray) episodes = ssv_fake_catalog_episodes_of (self->catalog, series_id);
  g_autoptr(GPtrArray) seasons = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  gint64 last = G_MININT64;

  for (guint i = 0; i < episodes->len; i++)
    {
      JsonObject *episode = g_ptr_array_index (episodes, i);
      gint64 number = json_object_get_int_member_with_default (episode, "ParentIndexNumber", 0);
      JsonObject *season;
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;

      if (number == last)
        continue;
      last = number;

      season = json_object_new ();
      id = g_strdup_printf ("%s-season-%" G_GINT64_FORMAT, series_id, number);
      name = number == 0 ? g_strdup ("Specials") : g_strdup_printf ("Season %" G_GINT64_FORMAT, number);
      json_object_set_string_member (season, "Id", id);
      json_object_set_string_member (season, "Name", name);
      json_object_set_int_member (season, "IndexNumber", number);
      json_object_set_string_member (season, "Type", "Season");
      json_object_set_string_member (season, "SeriesId", series_id);
      g_ptr_array_add (seasons, season);
    }

  return items_answer (seasons, 0, G_MAXUINT);
}

static gboolean
handle (SsvFakeServer        *server,
        const SsvFakeRequest *request,
        guint                *status,
        char                **content_type,
        GBytes              **body,
        gpointer              user_data)
{
  SsvFakeJellyfin *self = user_data;
  g_autoptr(GHashTable) params = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint code = 200;
  guint n;

  if (!authorized (self, request))
    return answer (status, content_type, body, 401, NULL);

  if (request->query != NULL)
    params = g_uri_parse_params (request->query, -1, "&", G_URI_PARAMS_NONE, NULL);

  parts = g_strsplit (request->path + 1, "/", -1);
  n = g_strv_length (parts);

  g_mutex_lock (&self->lock);

  if (n == 2 && g_str_equal (parts[0], "System") && g_str_equal (parts[1], "Info"))
    {
      node = json_from_string ("{\"ServerName\":\"Fake Jellyfin\",\"Version\":\"10.9.11\","
                               "\"Id\":\"" SERVER_ID "\",\"OperatingSystem\":\"Linux\"}", NULL);
    }
  else if (n == 1 && g_str_equal (parts[0], "Users"))
    {
      node = json_from_string ("[{\"Name\":\"viewer\",\"Id\":\"00000000000000000000000000000001\","
                               "\"Policy\":{\"IsAdministrator\":false}},"
                               "{\"Name\":\"admin\",\"Id\":\"" USER_ID "\","
                               "\"Policy\":{\"IsAdministrator\":true}}]", NULL);
    }
  else if (n == 3 && g_str_equal (parts[0], "Users") && g_str_equal (parts[2], "Views"))
    {
      node = items_answer (self->libraries, 0, G_MAXUINT);
    }
  else if (n == 3 && g_str_equal (parts[0], "Users") && g_str_equal (parts[2], "Items"))
    {
      node = list_items (self, params, &code);
    }
  else if (n == 3 && g_str_equal (parts[0], "Shows") && g_str_equal (parts[2], "Seasons"))
    {
      if (ssv_fake_catalog_lookup (self->catalog, parts[1]) != NULL)
        node = list_seasons (self, parts[1]);
    }
  else if (n == 3 && g_str_equal (parts[0], "Shows") && g_str_equal (parts[2], "Episodes"))
    {
      if (ssv_fake_catalog_lookup (self->catalog, parts[1]) != NULL)
        {
          g_autoptr(GPtrArray) episodes = ssv_fake_catalog_episodes_of (self->catalog, parts[1]);

          node = items_answer (episodes, (guint) param_int (params, "StartIndex", 0),
                               (guint) param_int (params, "Limit", G_MAXUINT));
        }
    }

  g_mutex_unlock (&self->lock);

  if (node == NULL)
    return FALSE;

  return answer (status, content_type, body, code, node);
}

/* POST /Library/Refresh: "scan all libraries", counted. */
static gboolean
handle_refresh (SsvFakeServer        *server,
                const SsvFakeRequest *request,
                guint                *status,
                char                **content_type,
                GBytes              **body,
                gpointer              user_data)
{
  SsvFakeJellyfin *self = user_data;

  if (!g_str_equal (request->path, "/Library/Refresh"))
    return FALSE;
  if (!authorized (self, request))
    return answer (status, content_type, body, 401, NULL);
  g_mutex_lock (&self->lock);
  self->refreshes++;
  g_mutex_unlock (&self->lock);
  return answer (status, content_type, body, 204, NULL);
}

guint
ssv_fake_jellyfin_get_refreshes (SsvFakeJellyfin *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->refreshes;
  g_mutex_unlock (&self->lock);
  return n;
}

/* POST (played) and DELETE (unplayed) /Users/{user}/PlayedItems/{item}. */
static gboolean
handle_played (SsvFakeServer        *server,
               const SsvFakeRequest *request,
               guint                *status,
               char                **content_type,
               GBytes              **body,
               gpointer              user_data)
{
  SsvFakeJellyfin *self = user_data;
  g_auto(GStrv) parts = g_strsplit (request->path + 1, "/", -1);
  gboolean played = g_str_equal (request->method, "POST");
  gboolean known;

  if (g_strv_length (parts) != 4 || !g_str_equal (parts[2], "PlayedItems"))
    return FALSE;
  if (!authorized (self, request))
    return answer (status, content_type, body, 401, NULL);
  if (!g_str_equal (parts[1], USER_ID))
    return answer (status, content_type, body, 404, NULL);

  g_mutex_lock (&self->lock);
  known = ssv_fake_catalog_lookup (self->catalog, parts[3]) != NULL;
  if (known)
    g_ptr_array_add (self->played_calls, g_strdup_printf ("%s %s", played ? "played" : "unplayed", parts[3]));
  g_mutex_unlock (&self->lock);

  if (!known)
    return answer (status, content_type, body, 404, NULL);

  ssv_fake_jellyfin_mark_played (self, parts[3], played);
  /* A series marked played is every episode of it played, as Jellyfin does. */
  {
    g_autoptr(GPtrArray) episodes = NULL;

    g_mutex_lock (&self->lock);
    episodes = ssv_fake_catalog_episodes_of (self->catalog, parts[3]);
    g_mutex_unlock (&self->lock);
    for (guint i = 0; i < episodes->len; i++)
      ssv_fake_jellyfin_mark_played (self, json_object_get_string_member (g_ptr_array_index (episodes, i), "Id"),
                                     played);
  }
  {
    g_autoptr(JsonNode) node = json_from_string (played ? "{\"Played\":true,\"PlayCount\":1}"
                                                        : "{\"Played\":false,\"PlayCount\":0}", NULL);
    return answer (status, content_type, body, 200, node);
  }
}

/* Returns: (transfer full): what clients marked so far, "played <id>", in order, joined by ";" */
char *
ssv_fake_jellyfin_dup_played_calls (SsvFakeJellyfin *self)
{
  g_autoptr(GString) calls = g_string_new (NULL);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->played_calls->len; i++)
    g_string_append_printf (calls, "%s%s", i ? ";" : "", (char *) g_ptr_array_index (self->played_calls, i));
  g_mutex_unlock (&self->lock);

  return g_string_free (g_steal_pointer (&calls), FALSE);
}

SsvFakeJellyfin *
ssv_fake_jellyfin_new (SsvFakeServer *server,
                       const char    *api_key)
{
  SsvFakeJellyfin *self = g_new0 (SsvFakeJellyfin, 1);

  self->server = server;
  self->api_key = g_strdup (api_key);
  g_mutex_init (&self->lock);
  self->libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->catalog = ssv_fake_catalog_new (&members);
  /* Items start out saved two days ago, so an incremental scan skips them. */
  self->clock = g_get_real_time () / G_USEC_PER_SEC - 2 * 24 * 3600;

  ssv_fake_server_add_handler (server, "GET /System/*", handle, self, NULL);
  ssv_fake_server_add_handler (server, "GET /Users*", handle, self, NULL);
  ssv_fake_server_add_handler (server, "GET /Shows/*", handle, self, NULL);
  ssv_fake_server_add_handler (server, "POST /Users/*", handle_played, self, NULL);
  ssv_fake_server_add_handler (server, "POST /Library/*", handle_refresh, self, NULL);
  ssv_fake_server_add_handler (server, "DELETE /Users/*", handle_played, self, NULL);
  self->played_calls = g_ptr_array_new_with_free_func (g_free);

  return self;
}

/* Free only after the server: its handlers point here. */
void
ssv_fake_jellyfin_free (SsvFakeJellyfin *self)
{
  if (self == NULL)
    return;

  ssv_fake_catalog_free (self->catalog);
  g_ptr_array_unref (self->libraries);
  g_ptr_array_unref (self->played_calls);
  g_free (self->api_key);
  g_mutex_clear (&self->lock);
  g_free (self);
}

void
ssv_fake_jellyfin_add_library (SsvFakeJellyfin *self,
                               const char      *id,
                               const char      *name,
                               const char      *collection_type)
{
  JsonObject *library = json_object_new ();

  json_object_set_string_member (library, "Id", id);
  json_object_set_string_member (library, "Name", name);
  json_object_set_string_member (library, "Type", "CollectionFolder");
  if (collection_type != NULL)
    json_object_set_string_member (library, "CollectionType", collection_type);

  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->libraries, library);
  g_mutex_unlock (&self->lock);
}

/* Set the clock new and touched items are saved at. */
void
ssv_fake_jellyfin_set_clock (SsvFakeJellyfin *self,
                             gint64           unix_seconds)
{
  g_mutex_lock (&self->lock);
  self->clock = unix_seconds;
  g_mutex_unlock (&self->lock);
}

/**
 * ssv_fake_jellyfin_add_item:
 * @item: (transfer full): a BaseItemDto with at least Id and Type
 *
 * Returns: (transfer none): the stored item, to change before a scan
 */
JsonObject *
ssv_fake_jellyfin_add_item (SsvFakeJellyfin *self,
                            const char      *library_id,
                            JsonObject      *item)
{
  g_autofree char *saved = NULL;

  g_mutex_lock (&self->lock);
  saved = iso_date (self->clock);
  if (!json_object_has_member (item, "DateLastSaved"))
    json_object_set_string_member (item, "DateLastSaved", saved);
  if (!json_object_has_member (item, "DateCreated"))
    json_object_set_string_member (item, "DateCreated", saved);
  if (!json_object_has_member (item, "ServerId"))
    json_object_set_string_member (item, "ServerId", SERVER_ID);

  ssv_fake_catalog_add (self->catalog, library_id, item);
  g_mutex_unlock (&self->lock);

  return item;
}

/* Every item of a recorded response ("Items": […]); returns how many. */
guint
ssv_fake_jellyfin_add_fixture_items (SsvFakeJellyfin *self,
                                     const char      *library_id,
                                     const char      *fixture)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *items = ssv_fake_fixture_array (fixture, NULL, "Items", &parser);
  guint n = json_array_get_length (items);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *copy = json_node_copy (json_array_get_element (items, i));

      ssv_fake_jellyfin_add_item (self, library_id, json_object_ref (json_node_get_object (copy)));
      json_node_unref (copy);
    }

  return n;
}

static void
add_media_source (JsonObject *item,
                  const char *path,
                  gint64      size)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Id");
  json_builder_add_string_value (builder, json_object_get_string_member (item, "Id"));
  json_builder_set_member_name (builder, "Path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "Container");
  json_builder_add_string_value (builder, "mkv");
  json_builder_set_member_name (builder, "Size");
  json_builder_add_int_value (builder, size);
  json_builder_set_member_name (builder, "RunTimeTicks");
  json_builder_add_int_value (builder, 61827610000);
  json_builder_set_member_name (builder, "MediaStreams");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Type");
  json_builder_add_string_value (builder, "Video");
  json_builder_set_member_name (builder, "Codec");
  json_builder_add_string_value (builder, "hevc");
  json_builder_set_member_name (builder, "Height");
  json_builder_add_int_value (builder, 2160);
  json_builder_set_member_name (builder, "VideoRange");
  json_builder_add_string_value (builder, "HDR");
  json_builder_set_member_name (builder, "VideoRangeType");
  json_builder_add_string_value (builder, "DOVIWithHDR10");
  json_builder_end_object (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Type");
  json_builder_add_string_value (builder, "Audio");
  json_builder_set_member_name (builder, "Codec");
  json_builder_add_string_value (builder, "eac3");
  json_builder_set_member_name (builder, "Channels");
  json_builder_add_int_value (builder, 6);
  json_builder_set_member_name (builder, "IsDefault");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_object_set_member (item, "MediaSources", json_builder_get_root (builder));
}

JsonObject *
ssv_fake_jellyfin_add_movie (SsvFakeJellyfin *self,
                             const char      *library_id,
                             const char      *id,
                             const char      *name,
                             int              year)
{
  JsonObject *item = json_object_new ();
  g_autofree char *path = g_strdup_printf ("/media/movies/%s (%d)/%s (%d).mkv", name, year, name, year);
  g_autofree char *premiere = g_strdup_printf ("%d-06-01T00:00:00.0000000Z", year);
  JsonArray *genres = json_array_new ();
  JsonObject *user_data = json_object_new ();
  JsonObject *ids = json_object_new ();
  JsonObject *tags = json_object_new ();

  json_object_set_string_member (item, "Id", id);
  json_object_set_string_member (item, "Name", name);
  json_object_set_string_member (item, "Type", "Movie");
  json_object_set_int_member (item, "ProductionYear", year);
  json_object_set_string_member (item, "PremiereDate", premiere);
  json_object_set_string_member (item, "Overview", "A movie made up for the tests.");
  json_object_set_string_member (item, "OfficialRating", "PG-13");
  json_object_set_double_member (item, "CommunityRating", 7.1);
  json_object_set_int_member (item, "CriticRating", 84);
  json_object_set_int_member (item, "RunTimeTicks", 61827610000);
  json_array_add_string_element (genres, "Drama");
  json_object_set_array_member (item, "Genres", genres);
  json_object_set_boolean_member (user_data, "Played", FALSE);
  json_object_set_int_member (user_data, "PlayCount", 0);
  json_object_set_object_member (item, "UserData", user_data);
  json_object_set_object_member (item, "ProviderIds", ids);
  json_object_set_string_member (tags, "Primary", "0123456789abcdef");
  json_object_set_object_member (item, "ImageTags", tags);
  add_media_source (item, path, 4000000000);

  return ssv_fake_jellyfin_add_item (self, library_id, item);
}

JsonObject *
ssv_fake_jellyfin_add_series (SsvFakeJellyfin *self,
                              const char      *library_id,
                              const char      *id,
                              const char      *name,
                              int              year)
{
  JsonObject *item = json_object_new ();
  g_autofree char *premiere = g_strdup_printf ("%d-01-10T00:00:00.0000000Z", year);

  json_object_set_string_member (item, "Id", id);
  json_object_set_string_member (item, "Name", name);
  json_object_set_string_member (item, "Type", "Series");
  json_object_set_boolean_member (item, "IsFolder", TRUE);
  json_object_set_int_member (item, "ProductionYear", year);
  json_object_set_string_member (item, "PremiereDate", premiere);
  json_object_set_string_member (item, "Status", "Continuing");
  json_object_set_object_member (item, "ProviderIds", json_object_new ());

  return ssv_fake_jellyfin_add_item (self, library_id, item);
}

JsonObject *
ssv_fake_jellyfin_add_episode (SsvFakeJellyfin *self,
                               const char      *series_id,
                               const char      *id,
                               int              season,
                               int              episode,
                               const char      *name)
{
  JsonObject *item = json_object_new ();
  JsonObject *user_data = json_object_new ();
  SsvFakeEntry *series;
  g_autofree char *library_id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *season_id = g_strdup_printf ("%s-season-%d", series_id, season);

  g_mutex_lock (&self->lock);
  series = ssv_fake_catalog_lookup (self->catalog, series_id);
  g_assert_nonnull (series);
  library_id = g_strdup (series->library);
  path = g_strdup_printf ("/media/tv/%s/Season %02d/%s - S%02dE%02d.mkv",
                          json_object_get_string_member (series->object, "Name"), season,
                          json_object_get_string_member (series->object, "Name"), season, episode);
  json_object_set_string_member (item, "SeriesName", json_object_get_string_member (series->object, "Name"));
  g_mutex_unlock (&self->lock);

  json_object_set_string_member (item, "Id", id);
  json_object_set_string_member (item, "Name", name);
  json_object_set_string_member (item, "Type", "Episode");
  json_object_set_string_member (item, "SeriesId", series_id);
  json_object_set_string_member (item, "SeasonId", season_id);
  json_object_set_int_member (item, "ParentIndexNumber", season);
  json_object_set_int_member (item, "IndexNumber", episode);
  json_object_set_string_member (item, "PremiereDate", "2011-04-17T00:00:00.0000000Z");
  json_object_set_boolean_member (user_data, "Played", episode == 1);
  json_object_set_int_member (user_data, "PlayCount", episode == 1 ? 1 : 0);
  json_object_set_object_member (item, "UserData", user_data);
  add_media_source (item, path, 1200000000);

  return ssv_fake_jellyfin_add_item (self, library_id, item);
}

void
ssv_fake_jellyfin_remove_item (SsvFakeJellyfin *self,
                               const char      *id)
{
  g_mutex_lock (&self->lock);
  ssv_fake_catalog_remove (self->catalog, id);
  g_mutex_unlock (&self->lock);
}

/* Marks an item as saved now (by the clock), as an edit on the server would. */
void
ssv_fake_jellyfin_touch (SsvFakeJellyfin *self,
                         const char      *id)
{
  SsvFakeEntry *entry;

  g_mutex_lock (&self->lock);
  entry = ssv_fake_catalog_lookup (self->catalog, id);
  if (entry != NULL)
    {
      g_autofree char *saved = iso_date (self->clock);
      json_object_set_string_member (entry->object, "DateLastSaved", saved);
    }
  g_mutex_unlock (&self->lock);
}

/* Returns: (transfer none) (nullable): the stored item; change it only between scans */
JsonObject *
ssv_fake_jellyfin_lookup (SsvFakeJellyfin *self,
                          const char      *id)
{
  SsvFakeEntry *entry;

  g_mutex_lock (&self->lock);
  entry = ssv_fake_catalog_lookup (self->catalog, id);
  g_mutex_unlock (&self->lock);

  return entry ? entry->object : NULL;
}

/**
 * ssv_fake_jellyfin_mark_played:
 *
 * What marking an item played (or unplayed) in a Jellyfin client does: only
 * the user's data changes. Played sets the last played date to the clock;
 * unplayed clears it, with the play count. DateLastSaved stays as it was.
 */
void
ssv_fake_jellyfin_mark_played (SsvFakeJellyfin *self,
                               const char      *id,
                               gboolean         played)
{
  SsvFakeEntry *entry;

  g_mutex_lock (&self->lock);
  entry = ssv_fake_catalog_lookup (self->catalog, id);
  g_assert_nonnull (entry);
  {
    JsonObject *user_data = json_object_has_member (entry->object, "UserData")
                            ? json_object_get_object_member (entry->object, "UserData") : NULL;
    g_autofree char *now = iso_date (self->clock);

    if (user_data == NULL)
      {
        user_data = json_object_new ();
        json_object_set_object_member (entry->object, "UserData", user_data);
      }
    json_object_set_boolean_member (user_data, "Played", played);
    json_object_set_int_member (user_data, "PlaybackPositionTicks", 0);
    if (played)
      {
        json_object_set_int_member (user_data, "PlayCount",
                                    MAX (json_object_get_int_member_with_default (user_data, "PlayCount", 0), 1));
        json_object_set_string_member (user_data, "LastPlayedDate", now);
      }
    else
      {
        json_object_set_int_member (user_data, "PlayCount", 0);
        if (json_object_has_member (user_data, "LastPlayedDate"))
          json_object_remove_member (user_data, "LastPlayedDate");
      }
  }
  g_mutex_unlock (&self->lock);
}
