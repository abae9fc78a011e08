/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-plex.c: answers the Plex endpoints the library scan uses, from items in memory
 * shaped like the recorded responses in tests/fixtures/plex. */

#include "config.h"

#include <string.h>

#include "ssv-fake-catalog.h"
#include "ssv-fake-plex.h"

static const SsvFakeMembers members = {
  .id = "ratingKey", .type = "type", .episode_type = "episode",
  .show = "grandparentRatingKey", .season = "parentIndex", .episode = "index",
};

struct _SsvFakePlex
{
  SsvFakeServer *server;
  char          *token;

  GMutex         lock;
  GPtrArray     *sections;   /* JsonObject */
  SsvFakeCatalog *catalog;
  GPtrArray     *watched_calls;   /* "scrobble <key>", "unscrobble <key>" */
  GPtrArray     *refresh_calls;   /* "refresh <section>" */
};

static const char *
str (JsonObject *object,
     const char *member)
{
  return json_object_get_string_member_with_default (object, member, "");
}

/* MediaContainer { size, totalSize, offset, <member>: [start, start + size) } */
static JsonNode *
container (GPtrArray  *objects,
           const char *member,
           guint       start,
           guint       size,
           gboolean    paged)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint end = MIN (objects->len, start + size);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "MediaContainer");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, end > start ? end - start : 0);
  if (paged)
    {
      json_builder_set_member_name (builder, "totalSize");
      json_builder_add_int_value (builder, objects->len);
      json_builder_set_member_name (builder, "offset");
      json_builder_add_int_value (builder, start);
    }
  json_builder_set_member_name (builder, "identifier");
  json_builder_add_string_value (builder, "com.plexapp.plugins.library");
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  ssv_fake_json_add_objects (builder, objects, start, end);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  return g_ascii_strcasecmp (str (*(JsonObject * const *) a, "title"), str (*(JsonObject * const *) b, "title"));
}

static void
page_of (const SsvFakeRequest *request,
         GHashTable           *params,
         guint                *start,
         guint                *size,
         gboolean             *paged)
{
  const char *s = g_hash_table_lookup (request->headers, "x-plex-container-start");
  const char *n = g_hash_table_lookup (request->headers, "x-plex-container-size");

  if (s == NULL && params != NULL)
    s = g_hash_table_lookup (params, "X-Plex-Container-Start");
  if (n == NULL && params != NULL)
    n = g_hash_table_lookup (params, "X-Plex-Container-Size");

  *paged = s != NULL || n != NULL;
  *start = s ? (guint) g_ascii_strtoull (s, NULL, 10) : 0;
  *size = n ? (guint) g_ascii_strtoull (n, NULL, 10) : G_MAXUINT;
}

/* Plex's filters on numbers, as written in the query: field>=N and field<=N
 * (g_uri_parse_params() hands them over as "field>" = "N"). Like Plex, an
 * item without the field (lastViewedAt of something never viewed) does not
 * match. */
static gboolean
matches_filters (JsonObject *object,
                 GHashTable *params)
{
  GHashTableIter iter;
  const char *key, *value;

  if (params == NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    {
      gsize len = strlen (key);
      g_autofree char *field = NULL;
      gint64 bound, actual;

      if (len < 2 || (key[len - 1] != '>' && key[len - 1] != '<'))
        continue;

      field = g_strndup (key, len - 1);
      if (!json_object_has_member (object, field))
        return FALSE;

      bound = g_ascii_strtoll (value, NULL, 10);
      actual = json_object_get_int_member (object, field);
      if (key[len - 1] == '>' ? actual < bound : actual > bound)
        return FALSE;
    }

  return TRUE;
}

static JsonNode *
section_all (SsvFakePlex          *self,
             const char           *section,
             const SsvFakeRequest *request,
             GHashTable           *params)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  GPtrArray *entries = ssv_fake_catalog_entries (self->catalog);
  const char *type = params ? g_hash_table_lookup (params, "type") : NULL;
  const char *wanted = g_strcmp0 (type, "4") == 0 ? "episode" : g_strcmp0 (type, "2") == 0 ? "show" : NULL;
  guint start, size;
  gboolean paged;

  for (guint i = 0; i < entries->len; i++)
    {
      SsvFakeEntry *entry = g_ptr_array_index (entries, i);
      const char *item_type = str (entry->object, "type");

      if (g_strcmp0 (entry->library, section) != 0)
        continue;
      if (wanted != NULL ? !g_str_equal (item_type, wanted) : g_str_equal (item_type, "episode"))
        continue;
      if (!matches_filters (entry->object, params))
        continue;
      g_ptr_array_add (matches, entry->object);
    }

  g_ptr_array_sort (matches, compare_titles);
  page_of (request, params, &start, &size, &paged);
  return container (matches, "Metadata", start, size, paged);
}

static JsonNode *
children (SsvFakePlex *self,
          const char  *show_key)
{
  g_autoptr(GPtrArray) episodes = ssv_fake_catalog_episodes_of (self->catalog, show_key);
  g_autoptr(GPtrArray) seasons = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  gint64 last = G_MININT64;

  for (guint i = 0; i < episodes->len; i++)
    {
      JsonObject *episode = g_ptr_array_index (episodes, i);
      gint64 number = json_object_get_int_member_with_default (episode, "parentIndex", 0);
      g_autofree char *key = NULL;
      g_autofree char *title = NULL;
      JsonObject *season;

      if (number == last)
        {
          season = g_ptr_array_index (seasons, seasons->len - 1);
          json_object_set_int_member (season, "leafCount", json_object_get_int_member (season, "leafCount") + 1);
          continue;
        }
      last = number;

      season = json_object_new ();
      key = g_strdup_printf ("%s%03" G_GINT64_FORMAT, show_key, number);
      title = number == 0 ? g_strdup ("Specials") : g_strdup_printf ("Season %" G_GINT64_FORMAT, number);
      json_object_set_string_member (season, "ratingKey", key);
      json_object_set_string_member (season, "type", "season");
      json_object_set_string_member (season, "title", title);
      json_object_set_int_member (season, "index", number);
      json_object_set_int_member (season, "leafCount", 1);
      json_object_set_string_member (season, "parentRatingKey", show_key);
      g_ptr_array_add (seasons, season);
    }

  return container (seasons, "Metadata", 0, G_MAXUINT, FALSE);
}

static gboolean
handle (SsvFakeServer        *server,
        const SsvFakeRequest *request,
        guint                *status,
        char                **content_type,
        GBytes              **body,
        gpointer              user_data)
{
  SsvFakePlex *self = user_data;
  const char *token = g_hash_table_lookup (request->headers, "x-plex-token");
  g_autoptr(GHashTable) params = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint n;

  if (request->query != NULL)
    params = g_uri_parse_params (request->query, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (token == NULL && params != NULL)
    token = g_hash_table_lookup (params, "X-Plex-Token");

  if (g_strcmp0 (token, self->token) != 0)
    {
      *status = 401;
      *content_type = g_strdup ("text/html");
      *body = g_bytes_new_static ("<html><head><title>Unauthorized</title></head></html>", 53);
      return TRUE;
    }

  parts = g_strsplit (request->path + 1, "/", -1);
  n = g_strv_length (parts);

  g_mutex_lock (&self->lock);

  if (g_str_equal (request->path, "/"))
    node = json_from_string ("{\"MediaContainer\":{\"size\":0,\"friendlyName\":\"Fake Plex\","
                             "\"version\":\"1.41.3.9314\",\"machineIdentifier\":"
                             "\"62ad4ec510d34450a8d2a6ee04e195c515f65ddf\",\"platform\":\"Linux\"}}", NULL);
  else if (n == 2 && g_str_equal (parts[0], "library") && g_str_equal (parts[1], "sections"))
    node = container (self->sections, "Directory", 0, G_MAXUINT, FALSE);
  else if (n == 4 && g_str_equal (parts[1], "sections") && g_str_equal (parts[3], "all"))
    node = section_all (self, parts[2], request, params);
  else if (n == 4 && g_str_equal (parts[1], "metadata") && g_str_equal (parts[3], "children") &&
           ssv_fake_catalog_lookup (self->catalog, parts[2]) != NULL)
    node = children (self, parts[2]);
  else if (n == 4 && g_str_equal (parts[1], "metadata") && g_str_equal (parts[3], "allLeaves") &&
           ssv_fake_catalog_lookup (self->catalog, parts[2]) != NULL)
    {
      g_autoptr(GPtrArray) episodes = ssv_fake_catalog_episodes_of (self->catalog, parts[2]);
      guint start, size;
      gboolean paged;

      page_of (request, params, &start, &size, &paged);
      node = container (episodes, "Metadata", start, size, paged);
    }

  g_mutex_unlock (&self->lock);

  if (node == NULL)
    return FALSE;

  *status = 200;
  *content_type = g_strdup ("application/json");
  *body = ssv_fake_json_bytes (node);
  return TRUE;
}

/* GET /:/scrobble?identifier=com.plexapp.plugins.library&key=… (and /:/unscrobble). */
static gboolean
handle_scrobble (SsvFakeServer        *server,
                 const SsvFakeRequest *request,
                 guint                *status,
                 char                **content_type,
                 GBytes              **body,
                 gpointer              user_data)
{
  SsvFakePlex *self = user_data;
  const char *token = g_hash_table_lookup (request->headers, "x-plex-token");
  g_autoptr(GHashTable) params = NULL;
  gboolean watched = g_str_equal (request->path, "/:/scrobble");
  const char *key;
  gboolean known;

  if (!watched && !g_str_equal (request->path, "/:/unscrobble"))
    return FALSE;

  params = request->query ? g_uri_parse_params (request->query, -1, "&", G_URI_PARAMS_NONE, NULL) : NULL;
  key = params ? g_hash_table_lookup (params, "key") : NULL;
  *content_type = g_strdup ("text/plain");
  *body = g_bytes_new_static ("", 0);

  if (g_strcmp0 (token, self->token) != 0)
    {
      *status = 401;
      return TRUE;
    }

  g_mutex_lock (&self->lock);
  known = key != NULL && ssv_fake_catalog_lookup (self->catalog, key) != NULL &&
          g_strcmp0 (g_hash_table_lookup (params, "identifier"), "com.plexapp.plugins.library") == 0;
  if (known)
    g_ptr_array_add (self->watched_calls, g_strdup_printf ("%s %s", watched ? "scrobble" : "unscrobble", key));
  g_mutex_unlock (&self->lock);

  if (!known)
    {
      *status = 404;
      return TRUE;
    }

  ssv_fake_plex_mark_watched (self, key, watched, g_get_real_time () / G_USEC_PER_SEC);
  *status = 200;
  return TRUE;
}

/* Returns: (transfer full): the scrobbles so far, "scrobble <key>", in order, joined by ";" */
/* GET /library/sections/{key}/refresh: "Scan Library Files", recorded. */
static gboolean
handle_refresh (SsvFakeServer        *server,
                const SsvFakeRequest *request,
                guint                *status,
                char                **content_type,
                GBytes              **body,
                gpointer              user_data)
{
  SsvFakePlex *self = user_data;
  const char *token = g_hash_table_lookup (request->headers, "x-plex-token");
  g_auto(GStrv) parts = g_strsplit (request->path + 1, "/", -1);

  /* the one route for /library/sections/…: everything else as before */
  if (g_strv_length (parts) != 4 || !g_str_equal (parts[1], "sections") || !g_str_equal (parts[3], "refresh"))
    return handle (server, request, status, content_type, body, user_data);
  *content_type = g_strdup ("text/plain");
  *body = g_bytes_new_static ("", 0);
  if (g_strcmp0 (token, self->token) != 0)
    {
      *status = 401;
      return TRUE;
    }
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->refresh_calls, g_strdup_printf ("refresh %s", parts[2]));
  g_mutex_unlock (&self->lock);
  *status = 200;
  return TRUE;
}

/* The calls recorded in @list, ";"-joined. */
static char *
dup_calls (SsvFakePlex *self,
           GPtrArray   *list)
{
  g_autoptr(GString) calls = g_string_new (NULL);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (calls, "%s%s", i ? ";" : "", (char *) g_ptr_array_index (list, i));
  g_mutex_unlock (&self->lock);

  return g_string_free (g_steal_pointer (&calls), FALSE);
}

char *
ssv_fake_plex_dup_refresh_calls (SsvFakePlex *self)
{
  return dup_calls (self, self->refresh_calls);
}

char *
ssv_fake_plex_dup_watched_calls (SsvFakePlex *self)
{
  return dup_calls (self, self->watched_calls);
}

SsvFakePlex *
ssv_fake_plex_new (SsvFakeServer *server,
                   const char    *token)
{
  SsvFakePlex *self = g_new0 (SsvFakePlex, 1);

  self->server = server;
  self->token = g_strdup (token);
  g_mutex_init (&self->lock);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->catalog = ssv_fake_catalog_new (&members);
  self->watched_calls = g_ptr_array_new_with_free_func (g_free);
  self->refresh_calls = g_ptr_array_new_with_free_func (g_free);

  ssv_fake_server_add_handler (server, "GET /:/*", handle_scrobble, self, NULL);
  ssv_fake_server_add_handler (server, "GET /", handle, self, NULL);
  ssv_fake_server_add_handler (server, "GET /library/*", handle, self, NULL);
  ssv_fake_server_add_handler (server, "GET /library/sections/*", handle_refresh, self, NULL);

  return self;
}

/* Free only after the server: its handlers point here. */
void
ssv_fake_plex_free (SsvFakePlex *self)
{
  if (self == NULL)
    return;

  ssv_fake_catalog_free (self->catalog);
  g_ptr_array_unref (self->sections);
  g_ptr_array_unref (self->watched_calls);
  g_ptr_array_unref (self->refresh_calls);
  g_free (self->token);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/* @type: "movie" or "show" (or anything else a server may have, "photo"…) */
void
ssv_fake_plex_add_section (SsvFakePlex *self,
                           const char  *key,
                           const char  *title,
                           const char  *type)
{
  JsonObject *section = json_object_new ();

  json_object_set_string_member (section, "key", key);
  json_object_set_string_member (section, "title", title);
  json_object_set_string_member (section, "type", type);
  json_object_set_string_member (section, "agent", g_str_equal (type, "show") ? "tv.plex.agents.series"
                                                                               : "tv.plex.agents.movie");

  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->sections, section);
  g_mutex_unlock (&self->lock);
}

/**
 * ssv_fake_plex_add_item:
 * @item: (transfer full): a Metadata entry with at least ratingKey and type
 *
 * Returns: (transfer none): the stored item
 */
JsonObject *
ssv_fake_plex_add_item (SsvFakePlex *self,
                        const char  *section_key,
                        JsonObject  *item)
{
  gint64 long_ago = g_get_real_time () / G_USEC_PER_SEC - 2 * 24 * 3600;

  if (!json_object_has_member (item, "updatedAt"))
    json_object_set_int_member (item, "updatedAt", long_ago);
  if (!json_object_has_member (item, "addedAt"))
    json_object_set_int_member (item, "addedAt", long_ago);

  g_mutex_lock (&self->lock);
  ssv_fake_catalog_add (self->catalog, section_key, item);
  g_mutex_unlock (&self->lock);

  return item;
}

/* Every Metadata entry of a recorded response; returns how many. */
guint
ssv_fake_plex_add_fixture_items (SsvFakePlex *self,
                                 const char  *section_key,
                                 const char  *fixture)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *metadata = ssv_fake_fixture_array (fixture, "MediaContainer", "Metadata", &parser);
  guint n = json_array_get_length (metadata);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonNode) copy = json_node_copy (json_array_get_element (metadata, i));

      ssv_fake_plex_add_item (self, section_key, json_object_ref (json_node_get_object (copy)));
    }

  return n;
}

JsonObject *
ssv_fake_plex_add_episode (SsvFakePlex *self,
                           const char  *show_key,
                           const char  *key,
                           int          season,
                           int          episode,
                           const char  *title)
{
  JsonObject *item = json_object_new ();
  SsvFakeEntry *show;
  g_autofree char *section = NULL;
  g_autofree char *path = NULL;
  g_autofree char *media = NULL;
  g_autofree char *guids = NULL;

  g_mutex_lock (&self->lock);
  show = ssv_fake_catalog_lookup (self->catalog, show_key);
  g_assert_nonnull (show);
  section = g_strdup (show->library);
  path = g_strdup_printf ("/data/tv/%s/Season-%02d/%s_S%02dE%02d.mkv", str (show->object, "title"), season,
                          str (show->object, "title"), season, episode);
  json_object_set_string_member (item, "grandparentTitle", str (show->object, "title"));
  g_mutex_unlock (&self->lock);

  json_object_set_string_member (item, "ratingKey", key);
  json_object_set_string_member (item, "type", "episode");
  json_object_set_string_member (item, "title", title);
  json_object_set_string_member (item, "grandparentRatingKey", show_key);
  json_object_set_int_member (item, "parentIndex", season);
  json_object_set_int_member (item, "index", episode);
  json_object_set_string_member (item, "originallyAvailableAt", "2023-08-31");
  json_object_set_int_member (item, "duration", 1506171);
  if (episode == 1)
    json_object_set_int_member (item, "viewCount", 1);

  media = g_strdup_printf ("[{\"videoCodec\":\"h264\",\"height\":1080,\"audioCodec\":\"eac3\","
                           "\"audioChannels\":6,\"container\":\"mkv\",\"Part\":[{\"id\":%u,"
                           "\"file\":\"%s\",\"size\":420997099,\"container\":\"mkv\",\"duration\":1506171}]}]",
                           g_str_hash (key) % 1000000, path);
  json_object_set_member (item, "Media", json_from_string (media, NULL));
  guids = g_strdup_printf ("[{\"id\":\"tvdb://%u\"}]", 8000000 + g_str_hash (key) % 100000);
  json_object_set_member (item, "Guid", json_from_string (guids, NULL));

  return ssv_fake_plex_add_item (self, section, item);
}

void
ssv_fake_plex_remove_item (SsvFakePlex *self,
                           const char  *key)
{
  g_mutex_lock (&self->lock);
  ssv_fake_catalog_remove (self->catalog, key);
  g_mutex_unlock (&self->lock);
}

void
ssv_fake_plex_touch (SsvFakePlex *self,
                     const char  *key,
                     gint64       updated_at)
{
  SsvFakeEntry *entry;

  g_mutex_lock (&self->lock);
  entry = ssv_fake_catalog_lookup (self->catalog, key);
  if (entry != NULL)
    json_object_set_int_member (entry->object, "updatedAt", updated_at);
  g_mutex_unlock (&self->lock);
}

/**
 * ssv_fake_plex_mark_watched:
 * @at: when, in unix seconds
 *
 * What /:/scrobble (watched) and /:/unscrobble (unwatched) do: viewCount and
 * lastViewedAt change, updatedAt does not; unwatched clears both.
 */
void
ssv_fake_plex_mark_watched (SsvFakePlex *self,
                            const char  *key,
                            gboolean     watched,
                            gint64       at)
{
  SsvFakeEntry *entry;

  g_mutex_lock (&self->lock);
  entry = ssv_fake_catalog_lookup (self->catalog, key);
  g_assert_nonnull (entry);
  if (watched)
    {
      json_object_set_int_member (entry->object, "viewCount",
                                  json_object_get_int_member_with_default (entry->object, "viewCount", 0) + 1);
      json_object_set_int_member (entry->object, "lastViewedAt", at);
    }
  else
    {
      if (json_object_has_member (entry->object, "viewCount"))
        json_object_remove_member (entry->object, "viewCount");
      if (json_object_has_member (entry->object, "lastViewedAt"))
        json_object_remove_member (entry->object, "lastViewedAt");
    }
  g_mutex_unlock (&self->lock);
}
