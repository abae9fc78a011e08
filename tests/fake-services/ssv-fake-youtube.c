/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-youtube.c: YouTube and its keyless helpers on one fake server. Recorded
 * channels answer with the recorded bodies (Kurzgesagt: its Videos page as the whole
 * catalog, continuation item removed; Creative Commons: its two recorded pages, the
 * second's continuation item removed). Made-up channels answer in the recorded
 * lockupViewModel shape: each item is a copy of the first recorded item with its id,
 * title, counts and date changed. Channel pages, resolve_url, Piped, Invidious and
 * DeArrow have no recordings: they are built from the projects' documentation. */

#include "config.h"

#include <string.h>

#include "ssv-fake-youtube.h"

#define PAGE_SIZE      30
#define FEED_SIZE      15
#define SB_VIDEO       "fy9jO8JHaPo"
#define RYD_VIDEO      "kxOuG8jMIgI"

typedef struct
{
  char     *video_id;
  char     *title;
  gint64    published;
  gint64    duration;
  gint64    views;
  gboolean  is_short;
  gboolean  upcoming;
} FakeVideo;

typedef struct
{
  char       *channel_id;
  char       *handle;
  char       *title;
  GBytes     *first_page;      /* recorded channels */
  GBytes     *feed;            /* recorded feed, or NULL */
  GPtrArray  *videos;          /* made-up channels: FakeVideo, newest first */
  gboolean    changed;
} FakeChannel;

struct _SsvFakeYoutube
{
  SsvFakeServer *server;
  GMutex         lock;
  GHashTable    *channels;     /* UC… → FakeChannel */
  GHashTable    *tokens;       /* recorded continuation token → GBytes */
  JsonNode      *page_template;
  JsonNode      *continuation_template;
  JsonNode      *shorts_template;
  gboolean       resolve_url_works;
  gint64         now;
  guint          browse_count;
};

static void
fake_video_free (gpointer data)
{
  FakeVideo *video = data;

  g_free (video->video_id);
  g_free (video->title);
  g_free (video);
}

static void
fake_channel_free (gpointer data)
{
  FakeChannel *channel = data;

  g_free (channel->channel_id);
  g_free (channel->handle);
  g_free (channel->title);
  g_clear_pointer (&channel->first_page, g_bytes_unref);
  g_clear_pointer (&channel->feed, g_bytes_unref);
  g_clear_pointer (&channel->videos, g_ptr_array_unref);
  g_free (channel);
}

/* ---- fixtures ------------------------------------------------------------------- */

GBytes *
ssv_fake_youtube_load_mock_body (const char *relative)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load (relative);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *body;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  body = json_object_get_string_member (json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                                                       "response"), "responseBody");
  return g_bytes_new (body, strlen (body));
}

static JsonNode *
parse_bytes (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

JsonNode *
ssv_fake_youtube_load_json (const char *relative)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load (relative);

  return parse_bytes (bytes);
}

/* json_node_copy() shares objects and arrays; the made-up pages change their copies. */
static JsonNode *
deep_copy (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);
  JsonNode *copy = json_from_string (text, NULL);

  g_assert_nonnull (copy);
  return copy;
}

static GBytes *
to_bytes (JsonNode *node)
{
  gsize length;
  char *text = json_to_string (node, FALSE);

  length = strlen (text);
  return g_bytes_new_take (text, length);
}

static JsonObject *
get_path (JsonNode   *root,
          const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_ascii_isdigit (parts[i][0]))
        node = json_array_get_element (json_node_get_array (node), (guint) atoi (parts[i]));
      else
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      g_assert_nonnull (node);
    }

  return json_node_get_object (node);
}

/* The selected tab's grid items of a first page. */
static JsonArray *
grid_items (JsonNode *page)
{
  JsonArray *tabs = json_object_get_array_member (get_path (page, "contents.twoColumnBrowseResultsRenderer"), "tabs");

  for (guint i = 0; i < json_array_get_length (tabs); i++)
    {
      JsonObject *tab = json_object_get_object_member (json_array_get_object_element (tabs, i), "tabRenderer");

      if (tab != NULL && json_object_has_member (tab, "selected") && json_object_get_boolean_member (tab, "selected"))
        return json_object_get_array_member (json_object_get_object_member (json_object_get_object_member (tab, "content"),
                                                                            "richGridRenderer"), "contents");
    }

  g_assert_not_reached ();
}

static JsonArray *
continuation_items (JsonNode *page)
{
  return json_object_get_array_member (get_path (page, "onResponseReceivedActions.0.appendContinuationItemsAction"),
                                       "continuationItems");
}

/* Drops a trailing continuationItemRenderer: the recorded page becomes the last. */
static void
drop_continuation (JsonArray *items)
{
  guint n = json_array_get_length (items);

  if (n > 0 && json_object_has_member (json_array_get_object_element (items, n - 1), "continuationItemRenderer"))
    json_array_remove_element (items, n - 1);
}

static const char *
continuation_token (JsonArray *items)
{
  guint n = json_array_get_length (items);
  JsonNode *last = n > 0 ? json_array_get_element (items, n - 1) : NULL;

  return json_object_get_string_member (get_path (last, "continuationItemRenderer.continuationEndpoint"
                                                        ".continuationCommand"), "token");
}

static void
add_recorded (SsvFakeYoutube *self)
{
  FakeChannel *kurzgesagt = g_new0 (FakeChannel, 1);
  FakeChannel *cc = g_new0 (FakeChannel, 1);
  g_autoptr(GBytes) k_body = ssv_fake_youtube_load_mock_body ("youtube-innertube/browse_channel_videos_kurzgesagt.mock.json.gz");
  g_autoptr(JsonNode) k_page = parse_bytes (k_body);
  g_autoptr(JsonNode) cc_p1 = ssv_fake_youtube_load_json ("youtube-innertube/browse_channel_videos_lockup_creativecommons_p1.trimmed.json");
  g_autoptr(JsonNode) cc_p2 = ssv_fake_youtube_load_json ("youtube-innertube/browse_channel_videos_lockup_creativecommons_p2.trimmed.json");

  drop_continuation (grid_items (k_page));
  kurzgesagt->channel_id = g_strdup (SSV_FAKE_KURZGESAGT_ID);
  kurzgesagt->handle = g_strdup ("@kurzgesagt");
  kurzgesagt->title = g_strdup ("Kurzgesagt – In a Nutshell");
  kurzgesagt->first_page = to_bytes (k_page);
  kurzgesagt->feed = ssv_fixture_load ("youtube-rss/videos_kurzgesagt.xml");
  g_hash_table_insert (self->channels, kurzgesagt->channel_id, kurzgesagt);

  cc->channel_id = g_strdup (SSV_FAKE_CREATIVECOMMONS_ID);
  cc->handle = g_strdup ("@creativecommons");
  cc->title = g_strdup ("Creative Commons");
  cc->first_page = to_bytes (cc_p1);
  drop_continuation (continuation_items (cc_p2));
  g_hash_table_insert (self->tokens, g_strdup (continuation_token (grid_items (cc_p1))), to_bytes (cc_p2));
  g_hash_table_insert (self->channels, cc->channel_id, cc);
}

/* ---- made-up pages ---------------------------------------------------------------- */

static char *
relative_text (gint64 now,
               gint64 published)
{
  static const struct { gint64 seconds; const char *one; const char *many; } units[] = {
    { 31556952, "year", "years" }, { 2629746, "month", "months" }, { 604800, "week", "weeks" },
    { 86400, "day", "days" }, { 3600, "hour", "hours" }, { 60, "minute", "minutes" }, { 1, "second", "seconds" },
  };
  gint64 age = MAX (now - published, 1);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      gint64 n = age / units[i].seconds;

      /* Like YouTube: days up to a week, weeks up to a month. */
      if (n >= 1 && !(units[i].seconds == 2629746 && age < 30 * 86400))
        return g_strdup_printf ("%" G_GINT64_FORMAT " %s ago", n, n == 1 ? units[i].one : units[i].many);
    }

  return g_strdup ("1 second ago");
}

static char *
duration_text (gint64 seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

static void
set_string (JsonObject *object,
            const char *member,
            const char *value)
{
  json_object_set_string_member (object, member, value);
}

static JsonNode *
lockup_item (SsvFakeYoutube *self,
             JsonNode       *template_item,
             FakeVideo      *video)
{
  JsonNode *item = deep_copy (template_item);
  JsonObject *lockup = get_path (item, "richItemRenderer.content.lockupViewModel");
  JsonObject *meta = get_path (item, "richItemRenderer.content.lockupViewModel.metadata.lockupMetadataViewModel");
  JsonArray *parts = json_object_get_array_member (get_path (item, "richItemRenderer.content.lockupViewModel.metadata"
                                                                   ".lockupMetadataViewModel.metadata.contentMetadataViewModel"
                                                                   ".metadataRows.0"), "metadataParts");
  JsonArray *sources = json_object_get_array_member (get_path (item, "richItemRenderer.content.lockupViewModel"
                                                                     ".contentImage.thumbnailViewModel.image"), "sources");
  JsonObject *badge = get_path (item, "richItemRenderer.content.lockupViewModel.contentImage.thumbnailViewModel"
                                      ".overlays.0.thumbnailBottomOverlayViewModel.badges.0.thumbnailBadgeViewModel");
  g_autofree char *views = g_strdup_printf ("%" G_GINT64_FORMAT " views", video->views);
  g_autofree char *when = video->upcoming ? g_strdup ("Premieres 6/1/26, 5:00 PM") : relative_text (self->now, video->published);
  g_autofree char *length = duration_text (video->duration);
  g_autofree char *thumbnail = g_strdup_printf ("https://i.ytimg.com/vi/%s/hqdefault.jpg", video->video_id);

  set_string (lockup, "contentId", video->video_id);
  set_string (json_object_get_object_member (meta, "title"), "content", video->title);
  set_string (json_object_get_object_member (json_array_get_object_element (parts, 0), "text"), "content", views);
  set_string (json_object_get_object_member (json_array_get_object_element (parts, 1), "text"), "content", when);
  for (guint i = 0; i < json_array_get_length (sources); i++)
    set_string (json_array_get_object_element (sources, i), "url", thumbnail);
  set_string (badge, "text", video->upcoming ? "UPCOMING" : length);
  return item;
}

static JsonNode *
shorts_item (JsonNode  *template_item,
             FakeVideo *video)
{
  JsonNode *item = deep_copy (template_item);
  JsonObject *lockup = get_path (item, "richItemRenderer.content.shortsLockupViewModel");
  g_autofree char *entity = g_strconcat ("shorts-shelf-item-", video->video_id, NULL);
  g_autofree char *views = g_strdup_printf ("%" G_GINT64_FORMAT " views", video->views);

  set_string (lockup, "entityId", entity);
  set_string (get_path (item, "richItemRenderer.content.shortsLockupViewModel.onTap.innertubeCommand.reelWatchEndpoint"),
              "videoId", video->video_id);
  set_string (get_path (item, "richItemRenderer.content.shortsLockupViewModel.overlayMetadata.primaryText"),
              "content", video->title);
  set_string (get_path (item, "richItemRenderer.content.shortsLockupViewModel.overlayMetadata.secondaryText"),
              "content", views);
  return item;
}

static JsonNode *
continuation_item (JsonNode   *template_item,
                   const char *token)
{
  JsonNode *item = deep_copy (template_item);

  set_string (get_path (item, "continuationItemRenderer.continuationEndpoint.continuationCommand"), "token", token);
  return item;
}

/* Fills @items with the channel's videos (not Shorts) from @offset, and a
 * continuation item when more follow. */
static void
fill_items (SsvFakeYoutube *self,
            FakeChannel    *channel,
            JsonArray      *items,
            guint           offset)
{
  JsonNode *template_item = deep_copy (json_array_get_element (items, 0));
  JsonNode *more = deep_copy (json_array_get_element (items, json_array_get_length (items) - 1));
  guint skipped = 0;
  guint added = 0;

  while (json_array_get_length (items) > 0)
    json_array_remove_element (items, 0);

  for (guint i = 0; i < channel->videos->len && added < PAGE_SIZE; i++)
    {
      FakeVideo *video = g_ptr_array_index (channel->videos, i);

      if (video->is_short)
        continue;
      if (skipped++ < offset)
        continue;
      json_array_add_element (items, lockup_item (self, template_item, video));
      added++;
    }

  if (added == PAGE_SIZE)
    {
      g_autofree char *token = g_strdup_printf ("synthetic:%s:%u", channel->channel_id, offset + PAGE_SIZE);

      json_array_add_element (items, continuation_item (more, token));
    }

  json_node_unref (template_item);
  json_node_unref (more);
}

static GBytes *
synthetic_first_page (SsvFakeYoutube *self,
                      FakeChannel    *channel)
{
  g_autoptr(JsonNode) page = deep_copy (self->page_template);
  JsonObject *header = get_path (page, "header.pageHeaderRenderer.content.pageHeaderViewModel");
  JsonArray *rows = json_object_get_array_member (get_path (page, "header.pageHeaderRenderer.content.pageHeaderViewModel"
                                                                  ".metadata.contentMetadataViewModel"), "metadataRows");
  JsonObject *metadata = get_path (page, "metadata.channelMetadataRenderer");
  g_autofree char *vanity = g_strconcat ("http://www.youtube.com/", channel->handle, NULL);
  g_autofree char *count = g_strdup_printf ("%u videos", channel->videos->len);

  set_string (get_path (page, "header.pageHeaderRenderer.content.pageHeaderViewModel.title.dynamicTextViewModel.text"),
              "content", channel->title);
  set_string (json_object_get_object_member (json_array_get_object_element (
                json_object_get_array_member (json_array_get_object_element (rows, 0), "metadataParts"), 0), "text"),
              "content", channel->handle);
  set_string (json_object_get_object_member (json_array_get_object_element (
                json_object_get_array_member (json_array_get_object_element (rows, 1), "metadataParts"), 1), "text"),
              "content", count);
  set_string (metadata, "externalId", channel->channel_id);
  set_string (metadata, "title", channel->title);
  set_string (metadata, "vanityChannelUrl", vanity);
  (void) header;

  fill_items (self, channel, grid_items (page), 0);
  return to_bytes (page);
}

static GBytes *
synthetic_next_page (SsvFakeYoutube *self,
                     FakeChannel    *channel,
                     guint           offset)
{
  g_autoptr(JsonNode) page = deep_copy (self->continuation_template);

  fill_items (self, channel, continuation_items (page), offset);
  return to_bytes (page);
}

static GBytes *
synthetic_shorts_page (FakeChannel    *channel,
                       SsvFakeYoutube *self)
{
  g_autoptr(JsonNode) page = deep_copy (self->shorts_template);
  JsonArray *items = grid_items (page);
  JsonNode *template_item = deep_copy (json_array_get_element (items, 0));

  while (json_array_get_length (items) > 0)
    json_array_remove_element (items, 0);
  for (guint i = 0; i < channel->videos->len; i++)
    {
      FakeVideo *video = g_ptr_array_index (channel->videos, i);

      if (video->is_short)
        json_array_add_element (items, shorts_item (template_item, video));
    }
  json_node_unref (template_item);

  return to_bytes (page);
}

static char *
synthetic_feed (FakeChannel *channel)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<feed xmlns:yt=\"http://www.youtube.com/xml/schemas/2015\""
                               " xmlns:media=\"http://search.yahoo.com/mrss/\" xmlns=\"http://www.w3.org/2005/Atom\">\n");
  guint n = 0;

  g_string_append_printf (xml, " <yt:channelId>%s</yt:channelId>\n", channel->channel_id + 2);
  g_string_append_printf (xml, " <title>%s</title>\n", channel->title);
  for (guint i = 0; i < channel->videos->len && n < FEED_SIZE; i++)
    {
      FakeVideo *video = g_ptr_array_index (channel->videos, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (video->published);
      g_autofree char *iso = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S+00:00");
      g_autofree char *entry = g_markup_printf_escaped (
        " <entry>\n  <id>yt:video:%s</id>\n  <yt:videoId>%s</yt:videoId>\n  <title>%s</title>\n"
        "  <link rel=\"alternate\" href=\"https://www.youtube.com/%s%s\"/>\n  <published>%s</published>\n"
        "  <media:group><media:thumbnail url=\"https://i.ytimg.com/vi/%s/hqdefault.jpg\" width=\"480\" height=\"360\"/>"
        "<media:community><media:statistics views=\"%" G_GINT64_FORMAT "\"/></media:community></media:group>\n </entry>\n",
        video->video_id, video->video_id, video->title, video->is_short ? "shorts/" : "watch?v=",
        video->video_id, iso, video->video_id, video->views);

      if (video->upcoming)
        continue;
      g_string_append (xml, entry);
      n++;
    }
  g_string_append (xml, "</feed>\n");
  return g_string_free (xml, FALSE);
}

/* ---- handlers --------------------------------------------------------------------- */

static gboolean
answer_json (const char  *text,
             guint        code,
             guint       *status,
             char       **content_type,
             GBytes     **body)
{
  *status = code;
  *content_type = g_strdup ("application/json");
  *body = g_bytes_new (text, strlen (text));
  return TRUE;
}

static gboolean
not_found (guint   *status,
           char   **content_type,
           GBytes **body)
{
  return answer_json ("{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\",\"status\":\"NOT_FOUND\"}}",
                      404, status, content_type, body);
}

static JsonObject *
request_json (const SsvFakeRequest *request,
              JsonParser           *parser)
{
  if (request->body == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (request->body, NULL), g_bytes_get_size (request->body), NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  return json_node_get_object (json_parser_get_root (parser));
}

/* A catalog in a shape nobody knows: the grid renamed. */
static GBytes *
reshape (GBytes *page)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (page, NULL), g_bytes_get_size (page));
  g_autoptr(GString) changed = g_string_new (text);

  g_string_replace (changed, "richGridRenderer", "richGridShelfViewModel", 0);
  g_string_replace (changed, "appendContinuationItemsAction", "appendItemsCommand", 0);
  return g_string_free_to_bytes (g_steal_pointer (&changed));
}

static GBytes *
browse_locked (SsvFakeYoutube *self,
               JsonObject     *body)
{
  const char *token = json_object_has_member (body, "continuation") ? json_object_get_string_member (body, "continuation") : NULL;
  const char *browse_id = json_object_has_member (body, "browseId") ? json_object_get_string_member (body, "browseId") : NULL;
  const char *params = json_object_has_member (body, "params") ? json_object_get_string_member (body, "params") : "";
  FakeChannel *channel;
  GBytes *page;

  if (token != NULL && g_str_has_prefix (token, "synthetic:"))
    {
      g_auto(GStrv) parts = g_strsplit (token, ":", 3);

      channel = g_hash_table_lookup (self->channels, parts[1]);
      if (channel == NULL || parts[2] == NULL)
        return NULL;
      page = synthetic_next_page (self, channel, (guint) atoi (parts[2]));
      return channel->changed ? reshape (page) : page;
    }
  if (token != NULL)
    {
      page = g_hash_table_lookup (self->tokens, token);
      return page ? g_bytes_ref (page) : NULL;
    }

  channel = browse_id ? g_hash_table_lookup (self->channels, browse_id) : NULL;
  if (channel == NULL)
    return NULL;

  if (g_str_has_prefix (params, "EgZzaG9ydH"))
    return channel->videos ? synthetic_shorts_page (channel, self) : NULL;

  page = channel->first_page ? g_bytes_ref (channel->first_page) : synthetic_first_page (self, channel);
  if (channel->changed)
    {
      GBytes *changed = reshape (page);

      g_bytes_unref (page);
      return changed;
    }
  return page;
}

static gboolean
handle_browse (SsvFakeServer        *server,
               const SsvFakeRequest *request,
               guint                *status,
               char                **content_type,
               GBytes              **body,
               gpointer              user_data)
{
  SsvFakeYoutube *self = user_data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *json = request_json (request, parser);
  GBytes *page = NULL;

  if (json == NULL)
    return answer_json ("{\"error\":{\"code\":400,\"message\":\"Request contains an invalid argument.\"}}",
                        400, status, content_type, body);

  g_mutex_lock (&self->lock);
  self->browse_count++;
  page = browse_locked (self, json);
  g_mutex_unlock (&self->lock);

  if (page == NULL)
    return not_found (status, content_type, body);

  *status = 200;
  *content_type = g_strdup ("application/json; charset=UTF-8");
  *body = page;
  return TRUE;
}

static FakeChannel *
find_by_path_locked (SsvFakeYoutube *self,
                     const char     *path)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->channels);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FakeChannel *channel = value;
      g_autofree char *by_id = g_strconcat ("/channel/", channel->channel_id, NULL);

      if (g_ascii_strcasecmp (path, channel->handle) == 0 || g_str_equal (path, by_id) ||
          (path[0] == '/' && g_ascii_strcasecmp (path + 1, channel->handle) == 0))
        return channel;
    }

  return NULL;
}

static gboolean
handle_resolve (SsvFakeServer        *server,
                const SsvFakeRequest *request,
                guint                *status,
                char                **content_type,
                GBytes              **body,
                gpointer              user_data)
{
  SsvFakeYoutube *self = user_data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *json = request_json (request, parser);
  const char *url = json && json_object_has_member (json, "url") ? json_object_get_string_member (json, "url") : "";
  const char *path = strstr (url, "youtube.com") ? strstr (url, "youtube.com") + strlen ("youtube.com") : url;
  g_autofree char *answer = NULL;
  FakeChannel *channel;

  g_mutex_lock (&self->lock);
  if (!self->resolve_url_works)
    {
      g_mutex_unlock (&self->lock);
      return answer_json ("{\"error\":{\"code\":500,\"message\":\"Internal error encountered.\"}}", 500,
                          status, content_type, body);
    }
  channel = find_by_path_locked (self, path);
  if (channel != NULL)
    answer = g_strdup_printf ("{\"endpoint\":{\"browseEndpoint\":{\"browseId\":\"%s\",\"canonicalBaseUrl\":\"/%s\"},"
                              "\"commandMetadata\":{\"webCommandMetadata\":{\"url\":\"/%s\",\"webPageType\":\"WEB_PAGE_TYPE_CHANNEL\"}}}}",
                              channel->channel_id, channel->handle, channel->handle);
  g_mutex_unlock (&self->lock);

  if (answer == NULL)
    return not_found (status, content_type, body);
  return answer_json (answer, 200, status, content_type, body);
}

static gboolean
handle_page (SsvFakeServer        *server,
             const SsvFakeRequest *request,
             guint                *status,
             char                **content_type,
             GBytes              **body,
             gpointer              user_data)
{
  SsvFakeYoutube *self = user_data;
  const char *path = request->path + strlen ("/youtube");
  g_autofree char *html = NULL;
  FakeChannel *channel;

  g_mutex_lock (&self->lock);
  channel = find_by_path_locked (self, path);
  if (channel != NULL)
    html = g_strdup_printf ("<!DOCTYPE html><html lang=\"en\"><head><title>%s - YouTube</title>"
                            "<link rel=\"canonical\" href=\"https://www.youtube.com/channel/%s\">"
                            "</head><body><script>var ytInitialData = {\"metadata\":{\"channelMetadataRenderer\":"
                            "{\"externalId\":\"%s\"}}};</script></body></html>",
                            channel->title, channel->channel_id, channel->channel_id);
  g_mutex_unlock (&self->lock);

  *status = html ? 200 : 404;
  *content_type = g_strdup ("text/html; charset=utf-8");
  if (html == NULL)
    html = g_strdup ("<!DOCTYPE html><html><body>404 Not Found</body></html>");
  *body = g_bytes_new (html, strlen (html));
  return TRUE;
}

static gboolean
handle_feed (SsvFakeServer        *server,
             const SsvFakeRequest *request,
             guint                *status,
             char                **content_type,
             GBytes              **body,
             gpointer              user_data)
{
  SsvFakeYoutube *self = user_data;
  g_autoptr(GHashTable) query = request->query ? g_uri_parse_params (request->query, -1, "&", G_URI_PARAMS_NONE, NULL)
                                               : NULL;
  const char *id = query ? g_hash_table_lookup (query, "channel_id") : NULL;
  FakeChannel *channel;

  g_mutex_lock (&self->lock);
  channel = id ? g_hash_table_lookup (self->channels, id) : NULL;
  if (channel != NULL && channel->feed != NULL)
    *body = g_bytes_ref (channel->feed);
  else if (channel != NULL && channel->videos != NULL)
    {
      char *xml = synthetic_feed (channel);

      *body = g_bytes_new_take (xml, strlen (xml));
    }
  g_mutex_unlock (&self->lock);

  if (*body == NULL)
    {
      /* What the recorded request for a channel that does not exist got. */
      g_autoptr(JsonNode) mock = ssv_fake_youtube_load_json ("youtube-rss/notavailable.mock.json");
      const char *html = json_object_get_string_member (get_path (mock, "response"), "responseBody");

      *status = 404;
      *content_type = g_strdup ("text/html; charset=UTF-8");
      *body = g_bytes_new (html, strlen (html));
      return TRUE;
    }

  *status = 200;
  *content_type = g_strdup ("text/xml; charset=UTF-8");
  return TRUE;
}

static gboolean
handle_skip_segments (SsvFakeServer        *server,
                      const SsvFakeRequest *request,
                      guint                *status,
                      char                **content_type,
                      GBytes              **body,
                      gpointer              user_data)
{
  const char *prefix = strrchr (request->path, '/') + 1;
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, SB_VIDEO, -1);

  if (strlen (prefix) < 4 || !g_str_has_prefix (hash, prefix))
    return answer_json ("Not Found", 404, status, content_type, body);

  *status = 200;
  *content_type = g_strdup ("application/json");
  *body = ssv_fixture_load ("sponsorblock/skipSegments_hashprefix.json");
  return TRUE;
}

static gboolean
handle_votes (SsvFakeServer        *server,
              const SsvFakeRequest *request,
              guint                *status,
              char                **content_type,
              GBytes              **body,
              gpointer              user_data)
{
  g_autoptr(GHashTable) query = request->query ? g_uri_parse_params (request->query, -1, "&", G_URI_PARAMS_NONE, NULL)
                                               : NULL;
  const char *id = query ? g_hash_table_lookup (query, "videoId") : NULL;

  if (g_strcmp0 (id, RYD_VIDEO) != 0)
    return answer_json ("{\"type\":\"https://tools.ietf.org/html/rfc7231#section-6.5.4\",\"title\":\"Not Found\",\"status\":404}",
                        404, status, content_type, body);

  *status = 200;
  *content_type = g_strdup ("application/json");
  *body = ssv_fixture_load ("returnyoutubedislike/votes_kxOuG8jMIgI.json");
  return TRUE;
}

static FakeVideo *
find_video_locked (SsvFakeYoutube *self,
                   const char     *video_id)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->channels);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FakeChannel *channel = value;

      for (guint i = 0; channel->videos != NULL && i < channel->videos->len; i++)
        {
          FakeVideo *video = g_ptr_array_index (channel->videos, i);

          if (g_str_equal (video->video_id, video_id))
            return video;
        }
    }

  return NULL;
}

/* DeArrow's branding answer as its API documentation describes it: crowd titles
 * (the original among them, marked), thumbnails, randomTime, videoDuration. */
static gboolean
handle_branding (SsvFakeServer        *server,
                 const SsvFakeRequest *request,
                 guint                *status,
                 char                **content_type,
                 GBytes              **body,
                 gpointer              user_data)
{
  SsvFakeYoutube *self = user_data;
  g_autoptr(GHashTable) query = request->query ? g_uri_parse_params (request->query, -1, "&", G_URI_PARAMS_NONE, NULL)
                                               : NULL;
  const char *id = query ? g_hash_table_lookup (query, "videoID") : NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *crowd = NULL;
  FakeVideo *video;

  g_mutex_lock (&self->lock);
  video = id ? find_video_locked (self, id) : NULL;
  if (video != NULL)
    crowd = g_strdup_printf ("%s, explained plainly", video->title);
  g_mutex_unlock (&self->lock);

  if (crowd == NULL)
    return answer_json ("Not Found", 404, status, content_type, body);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "titles");
  json_builder_begin_array (builder);
  /* The original first, as a voted entry: the reader must skip it. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "original title");
  json_builder_set_member_name (builder, "original");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "votes");
  json_builder_add_int_value (builder, 7);
  json_builder_set_member_name (builder, "locked");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "UUID");
  json_builder_add_string_value (builder, "0b5ee59f3f1d5e3ad1f5b3d5e0b1c2d3");
  json_builder_end_object (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, crowd);
  json_builder_set_member_name (builder, "original");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "votes");
  json_builder_add_int_value (builder, 3);
  json_builder_set_member_name (builder, "locked");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "UUID");
  json_builder_add_string_value (builder, "5a8f2f6f0d7e4b7e9c1c7d1e2f3a4b5c");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "thumbnails");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "randomTime");
  json_builder_add_double_value (builder, 0.41);
  json_builder_set_member_name (builder, "videoDuration");
  json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  *status = 200;
  *content_type = g_strdup ("application/json");
  *body = to_bytes (root);
  return TRUE;
}

static FakeChannel *
channel_of_path_locked (SsvFakeYoutube *self,
                        const char     *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_has_prefix (parts[i], "UC"))
      return g_hash_table_lookup (self->channels, parts[i]);

  return NULL;
}

/* Piped's /channel/{id} and /nextpage/channel/{id}, from its API documentation. */
static gboolean
handle_piped (SsvFakeServer        *server,
              const SsvFakeRequest *request,
              guint                *status,
              char                **content_type,
              GBytes              **body,
              gpointer              user_data)
{
  SsvFakeYoutube *self = user_data;
  g_autoptr(GHashTable) query = request->query ? g_uri_parse_params (request->query, -1, "&", G_URI_PARAMS_NONE, NULL)
                                               : NULL;
  const char *next = query ? g_hash_table_lookup (query, "nextpage") : NULL;
  guint offset = next ? (guint) atoi (next) : 0;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  FakeChannel *channel;
  guint n = 0;

  g_mutex_lock (&self->lock);
  channel = channel_of_path_locked (self, request->path);
  if (channel == NULL || channel->videos == NULL)
    {
      g_mutex_unlock (&self->lock);
      return answer_json ("{\"error\":\"Channel not found\"}", 500, status, content_type, body);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, channel->channel_id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, channel->title);
  json_builder_set_member_name (builder, "subscriberCount");
  json_builder_add_int_value (builder, 1200);
  json_builder_set_member_name (builder, "relatedStreams");
  json_builder_begin_array (builder);
  for (guint i = offset; i < channel->videos->len && n < PAGE_SIZE; i++, n++)
    {
      FakeVideo *video = g_ptr_array_index (channel->videos, i);
      g_autofree char *url = g_strconcat ("/watch?v=", video->video_id, NULL);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, url);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "stream");
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, video->title);
      json_builder_set_member_name (builder, "uploaded");
      json_builder_add_int_value (builder, video->published * 1000);
      json_builder_set_member_name (builder, "duration");
      json_builder_add_int_value (builder, video->duration);
      json_builder_set_member_name (builder, "views");
      json_builder_add_int_value (builder, video->views);
      json_builder_set_member_name (builder, "isShort");
      json_builder_add_boolean_value (builder, video->is_short);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "nextpage");
  if (offset + n < channel->videos->len)
    {
      g_autofree char *token = g_strdup_printf ("%u", offset + n);
      json_builder_add_string_value (builder, token);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  g_mutex_unlock (&self->lock);

  root = json_builder_get_root (builder);
  *status = 200;
  *content_type = g_strdup ("application/json");
  *body = to_bytes (root);
  return TRUE;
}

/* Invidious' /api/v1/channels/{id}/videos, from its API documentation. */
static gboolean
handle_invidious (SsvFakeServer        *server,
                  const SsvFakeRequest *request,
                  guint                *status,
                  char                **content_type,
                  GBytes              **body,
                  gpointer              user_data)
{
  SsvFakeYoutube *self = user_data;
  g_autoptr(GHashTable) query = request->query ? g_uri_parse_params (request->query, -1, "&", G_URI_PARAMS_NONE, NULL)
                                               : NULL;
  const char *next = query ? g_hash_table_lookup (query, "continuation") : NULL;
  guint offset = next ? (guint) atoi (next) : 0;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  FakeChannel *channel;
  guint n = 0;

  g_mutex_lock (&self->lock);
  channel = channel_of_path_locked (self, request->path);
  if (channel == NULL || channel->videos == NULL)
    {
      g_mutex_unlock (&self->lock);
      return answer_json ("{\"error\":\"This channel does not exist.\"}", 404, status, content_type, body);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "videos");
  json_builder_begin_array (builder);
  for (guint i = offset; i < channel->videos->len && n < PAGE_SIZE; i++, n++)
    {
      FakeVideo *video = g_ptr_array_index (channel->videos, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, video->is_short ? "shortVideo" : "video");
      json_builder_set_member_name (builder, "videoId");
      json_builder_add_string_value (builder, video->video_id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, video->title);
      json_builder_set_member_name (builder, "authorId");
      json_builder_add_string_value (builder, channel->channel_id);
      json_builder_set_member_name (builder, "published");
      json_builder_add_int_value (builder, video->published);
      json_builder_set_member_name (builder, "lengthSeconds");
      json_builder_add_int_value (builder, video->duration);
      json_builder_set_member_name (builder, "viewCount");
      json_builder_add_int_value (builder, video->views);
      json_builder_set_member_name (builder, "isUpcoming");
      json_builder_add_boolean_value (builder, video->upcoming);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (offset + n < channel->videos->len)
    {
      g_autofree char *token = g_strdup_printf ("%u", offset + n);

      json_builder_set_member_name (builder, "continuation");
      json_builder_add_string_value (builder, token);
    }
  json_builder_end_object (builder);
  g_mutex_unlock (&self->lock);

  root = json_builder_get_root (builder);
  *status = 200;
  *content_type = g_strdup ("application/json");
  *body = to_bytes (root);
  return TRUE;
}

/* ---- the fake ---------------------------------------------------------------------- */

SsvFakeYoutube *
ssv_fake_youtube_new (SsvFakeServer *server)
{
  SsvFakeYoutube *self = g_new0 (SsvFakeYoutube, 1);

  g_mutex_init (&self->lock);
  self->server = server;
  self->channels = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, fake_channel_free);
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  self->page_template = ssv_fake_youtube_load_json ("youtube-innertube/browse_channel_videos_lockup_creativecommons_p1.trimmed.json");
  self->continuation_template = ssv_fake_youtube_load_json ("youtube-innertube/browse_channel_videos_lockup_creativecommons_p2.trimmed.json");
  self->shorts_template = ssv_fake_youtube_load_json ("youtube-innertube/browse_channel_shorts_lockup_doobydobap_p1.trimmed.json");
  self->resolve_url_works = TRUE;
  self->now = g_get_real_time () / G_USEC_PER_SEC;
  add_recorded (self);

  ssv_fake_server_add_handler (server, "POST /youtube/youtubei/v1/browse", handle_browse, self, NULL);
  ssv_fake_server_add_handler (server, "POST /youtube/youtubei/v1/navigation/resolve_url", handle_resolve, self, NULL);
  ssv_fake_server_add_handler (server, "GET /youtube/feeds/videos.xml", handle_feed, self, NULL);
  ssv_fake_server_add_handler (server, "GET /youtube/*", handle_page, self, NULL);
  ssv_fake_server_add_handler (server, "GET /sponsorblock/api/skipSegments/*", handle_skip_segments, self, NULL);
  ssv_fake_server_add_handler (server, "GET /ryd/votes", handle_votes, self, NULL);
  ssv_fake_server_add_handler (server, "GET /dearrow/api/branding", handle_branding, self, NULL);
  ssv_fake_server_add_handler (server, "GET /piped/*", handle_piped, self, NULL);
  ssv_fake_server_add_handler (server, "GET /invidious/*", handle_invidious, self, NULL);
  return self;
}

void
ssv_fake_youtube_free (SsvFakeYoutube *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->channels);
  g_hash_table_unref (self->tokens);
  json_node_unref (self->page_template);
  json_node_unref (self->continuation_template);
  json_node_unref (self->shorts_template);
  g_mutex_clear (&self->lock);
  g_free (self);
}

char *
ssv_fake_youtube_dup_url (SsvFakeYoutube *self,
                          const char     *service)
{
  return g_strdup_printf ("%s/%s", ssv_fake_server_get_url (self->server), service);
}

void
ssv_fake_youtube_point_http (SsvFakeYoutube *self,
                             SsvHttp        *http)
{
  static const char * const services[] = { "youtube", "sponsorblock", "ryd", "dearrow" };

  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      g_autofree char *url = ssv_fake_youtube_dup_url (self, services[i]);

      ssv_http_set_base_url (http, services[i], url);
    }
}

char **
ssv_fake_youtube_environ (SsvFakeYoutube  *self,
                          char           **envp)
{
  static const struct { const char *variable; const char *service; } services[] = {
    { "SSV_YOUTUBE_URL", "youtube" }, { "SSV_SPONSORBLOCK_URL", "sponsorblock" },
    { "SSV_RYD_URL", "ryd" }, { "SSV_DEARROW_URL", "dearrow" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      g_autofree char *url = ssv_fake_youtube_dup_url (self, services[i].service);

      envp = g_environ_setenv (envp, services[i].variable, url, TRUE);
    }

  return envp;
}

static char *
made_up_id (const char *channel_id,
            guint       n)
{
  g_autofree char *hash = g_strdup_printf ("%s-%u", channel_id, n);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, hash, -1);

  /* Eleven characters of the id alphabet, different for each video. */
  return g_strndup (digest, 11);
}

void
ssv_fake_youtube_add_synthetic (SsvFakeYoutube *self,
                                const char     *channel_id,
                                const char     *handle,
                                const char     *title,
                                guint           n_videos,
                                gint64          newest,
                                gint64          spacing_s)
{
  FakeChannel *channel = g_new0 (FakeChannel, 1);

  channel->channel_id = g_strdup (channel_id);
  channel->handle = g_strdup (handle);
  channel->title = g_strdup (title);
  channel->videos = g_ptr_array_new_with_free_func (fake_video_free);
  for (guint i = 0; i < n_videos; i++)
    {
      FakeVideo *video = g_new0 (FakeVideo, 1);

      video->video_id = made_up_id (channel_id, i);
      video->title = g_strdup_printf ("%s video %u", title, n_videos - i);
      video->published = newest - (gint64) i * spacing_s;
      video->duration = 60 + (i * 37) % 3600;
      video->views = 1000 + i * 13;
      g_ptr_array_add (channel->videos, video);
    }

  g_mutex_lock (&self->lock);
  g_hash_table_replace (self->channels, channel->channel_id, channel);
  g_mutex_unlock (&self->lock);
}

void
ssv_fake_youtube_add_upload (SsvFakeYoutube *self,
                             const char     *channel_id,
                             const char     *video_id,
                             const char     *title,
                             gint64          published,
                             gboolean        is_short,
                             gboolean        upcoming)
{
  FakeVideo *video = g_new0 (FakeVideo, 1);
  FakeChannel *channel;

  video->video_id = g_strdup (video_id);
  video->title = g_strdup (title);
  video->published = published;
  video->duration = is_short ? 42 : 600;
  video->views = 17;
  video->is_short = is_short;
  video->upcoming = upcoming;

  g_mutex_lock (&self->lock);
  channel = g_hash_table_lookup (self->channels, channel_id);
  g_assert_nonnull (channel);
  g_assert_nonnull (channel->videos);
  g_ptr_array_insert (channel->videos, 0, video);
  g_mutex_unlock (&self->lock);
}

void
ssv_fake_youtube_set_changed_shape (SsvFakeYoutube *self,
                                    const char     *channel_id,
                                    gboolean        changed)
{
  FakeChannel *channel;

  g_mutex_lock (&self->lock);
  channel = g_hash_table_lookup (self->channels, channel_id);
  g_assert_nonnull (channel);
  channel->changed = changed;
  g_mutex_unlock (&self->lock);
}

void
ssv_fake_youtube_set_resolve_url (SsvFakeYoutube *self,
                                  gboolean        works)
{
  g_mutex_lock (&self->lock);
  self->resolve_url_works = works;
  g_mutex_unlock (&self->lock);
}

void
ssv_fake_youtube_set_now (SsvFakeYoutube *self,
                          gint64          now)
{
  g_mutex_lock (&self->lock);
  self->now = now;
  g_mutex_unlock (&self->lock);
}

guint
ssv_fake_youtube_get_browse_count (SsvFakeYoutube *self)
{
  guint count;

  g_mutex_lock (&self->lock);
  count = self->browse_count;
  g_mutex_unlock (&self->lock);

  return count;
}
