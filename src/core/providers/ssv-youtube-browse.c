/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-youtube-browse.c: InnerTube browse answers. YouTube serves two shapes at
 * once (richItemRenderer → videoRenderer, and the newer lockupViewModel); both
 * are read, Shorts (shortsLockupViewModel, reelItemRenderer) are kept apart,
 * and anything else is "YouTube changed its page", never an empty channel. */

#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-json.h"
#include "providers/ssv-youtube-browse.h"
#include "providers/ssv-youtube-text.h"

typedef struct
{
  gint64    now;
  guint     known;       /* items of a shape we read */
  guint     unknown;     /* items of a shape we do not know */
  SsvYtPage *page;
} Reader;

/* Walks object members: dig (o, "a", "b", NULL) is o.a.b, or NULL. */
static JsonObject *
dig (JsonObject *object,
     ...)
{
  va_list args;
  const char *member;

  va_start (args, object);
  while (object != NULL && (member = va_arg (args, const char *)) != NULL)
    object = ssv_json_get_object (object, member);
  va_end (args);

  return object;
}

/* {"simpleText": "…"}, {"runs": [{"text": "…"}, …]} or {"content": "…"}. */
static char *
dup_text (JsonObject *text)
{
  JsonArray *runs;
  GString *joined;
  const char *simple;

  if (text == NULL)
    return NULL;

  simple = ssv_json_get_string (text, "simpleText");
  if (simple == NULL)
    simple = ssv_json_get_string (text, "content");
  if (simple != NULL)
    return simple[0] != '\0' ? g_strdup (simple) : NULL;

  runs = ssv_json_get_array (text, "runs");
  if (runs == NULL)
    return NULL;

  joined = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (runs); i++)
    {
      const char *part = ssv_json_get_string (ssv_json_array_object (runs, i), "text");

      if (part != NULL)
        g_string_append (joined, part);
    }

  if (joined->len == 0)
    {
      g_string_free (joined, TRUE);
      return NULL;
    }
  return g_string_free (joined, FALSE);
}

/* The widest of [{"url", "width", "height"}, …]. */
static char *
dup_best_image (JsonArray *sources)
{
  const char *best = NULL;
  gint64 best_width = -1;

  if (sources == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonObject *source = ssv_json_array_object (sources, i);
      const char *url = ssv_json_get_string (source, "url");
      gint64 width = ssv_json_get_int_or (source, "width", 0);

      if (url != NULL && url[0] != '\0' && width >= best_width)
        {
          best = url;
          best_width = width;
        }
    }

  if (best == NULL)
    return NULL;

  /* Avatars come protocol-relative ("//yt3.ggpht.com/…"). */
  return g_str_has_prefix (best, "//") ? g_strconcat ("https:", best, NULL) : g_strdup (best);
}

static void
take_views (SsvYtVideo *video,
            const char *text)
{
  gint64 views;

  if (video->views < 0 && ssv_yt_parse_views (text, &views))
    video->views = views;
}

static void
take_relative_date (Reader     *reader,
                    SsvYtVideo *video,
                    const char *text)
{
  gint64 when, unit;

  if (video->published == 0 && ssv_yt_parse_relative_date (text, reader->now, &when, &unit))
    {
      video->published = when;
      video->date_exact = FALSE;
      video->date_unit = unit;
    }
}

/* One label of a lockup or a badge: a view count, a date, or a state. */
static void
take_label (Reader     *reader,
            SsvYtVideo *video,
            const char *text)
{
  gint64 seconds;

  if (text == NULL)
    return;

  if (ssv_yt_text_is_upcoming (text))
    video->upcoming = TRUE;
  else if (g_ascii_strcasecmp (text, "SHORTS") == 0)
    video->is_short = TRUE;
  else if (video->duration_s < 0 && ssv_yt_parse_duration (text, &seconds))
    video->duration_s = seconds;
  else
    {
      take_views (video, text);
      take_relative_date (reader, video, text);
    }
}

/* ---- the older shape: videoRenderer, gridVideoRenderer, reelItemRenderer ---- */

static SsvYtVideo *
read_video_renderer (Reader     *reader,
                     JsonObject *renderer)
{
  g_autoptr(SsvYtVideo) video = ssv_yt_video_new ();
  g_autofree char *length = dup_text (ssv_json_get_object (renderer, "lengthText"));
  g_autofree char *views = dup_text (ssv_json_get_object (renderer, "viewCountText"));
  g_autofree char *published = dup_text (ssv_json_get_object (renderer, "publishedTimeText"));
  JsonObject *upcoming = ssv_json_get_object (renderer, "upcomingEventData");
  JsonArray *overlays = ssv_json_get_array (renderer, "thumbnailOverlays");
  const char *start_time;
  gint64 seconds;

  video->video_id = g_strdup (ssv_json_get_string (renderer, "videoId"));
  if (!ssv_yt_is_video_id (video->video_id))
    return NULL;

  video->title = dup_text (ssv_json_get_object (renderer, "title"));
  video->thumbnail_url = dup_best_image (ssv_json_get_array (ssv_json_get_object (renderer, "thumbnail"),
                                                             "thumbnails"));
  if (ssv_yt_parse_duration (length, &seconds))
    video->duration_s = seconds;
  take_views (video, views);
  take_relative_date (reader, video, published);

  /* A premiere knows its start time exactly. */
  start_time = ssv_json_get_string (upcoming, "startTime");
  if (upcoming != NULL)
    {
      gint64 when = g_ascii_strtoll (start_time ? start_time : "", NULL, 10);

      video->upcoming = TRUE;
      if (when > 0)
        {
          video->published = when;
          video->date_exact = TRUE;
          video->date_unit = 0;
        }
    }

  for (guint i = 0; overlays != NULL && i < json_array_get_length (overlays); i++)
    {
      JsonObject *status = dig (ssv_json_array_object (overlays, i), "thumbnailOverlayTimeStatusRenderer", NULL);
      const char *style = ssv_json_get_string (status, "style");
      g_autofree char *text = dup_text (ssv_json_get_object (status, "text"));

      if (g_strcmp0 (style, "SHORTS") == 0)
        video->is_short = TRUE;
      else if (g_strcmp0 (style, "UPCOMING") == 0)
        video->upcoming = TRUE;
      else if (video->duration_s < 0 && ssv_yt_parse_duration (text, &seconds))
        video->duration_s = seconds;
    }

  return g_steal_pointer (&video);
}

static SsvYtVideo *
read_reel_item (JsonObject *renderer)
{
  g_autoptr(SsvYtVideo) video = ssv_yt_video_new ();
  g_autofree char *views = dup_text (ssv_json_get_object (renderer, "viewCountText"));

  video->video_id = g_strdup (ssv_json_get_string (renderer, "videoId"));
  if (!ssv_yt_is_video_id (video->video_id))
    return NULL;

  video->is_short = TRUE;
  video->title = dup_text (ssv_json_get_object (renderer, "headline"));
  video->thumbnail_url = dup_best_image (ssv_json_get_array (ssv_json_get_object (renderer, "thumbnail"),
                                                             "thumbnails"));
  take_views (video, views);
  return g_steal_pointer (&video);
}

/* ---- the newer shape: lockupViewModel, shortsLockupViewModel ------------------- */

/* Badges sit in overlays under names that change: look in any overlay for a
 * "badges" or "thumbnailBadges" list of thumbnailBadgeViewModel. */
static void
read_badges (Reader     *reader,
             SsvYtVideo *video,
             JsonArray  *overlays)
{
  static const char * const lists[] = { "badges", "thumbnailBadges" };

  for (guint i = 0; overlays != NULL && i < json_array_get_length (overlays); i++)
    {
      JsonObject *overlay = ssv_json_array_object (overlays, i);
      g_autoptr(GList) members = overlay ? json_object_get_members (overlay) : NULL;

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonObject *view_model = ssv_json_get_object (overlay, l->data);

          for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
            {
              JsonArray *badges = ssv_json_get_array (view_model, lists[k]);

              for (guint b = 0; badges != NULL && b < json_array_get_length (badges); b++)
                {
                  JsonObject *badge = dig (ssv_json_array_object (badges, b), "thumbnailBadgeViewModel", NULL);

                  take_label (reader, video, ssv_json_get_string (badge, "text"));
                }
            }
        }
    }
}

static SsvYtVideo *
read_lockup (Reader     *reader,
             JsonObject *lockup,
             gboolean   *is_video)
{
  g_autoptr(SsvYtVideo) video = ssv_yt_video_new ();
  JsonObject *meta = dig (lockup, "metadata", "lockupMetadataViewModel", NULL);
  JsonObject *thumbnail = dig (lockup, "contentImage", "thumbnailViewModel", NULL);
  JsonArray *rows = ssv_json_get_array (dig (meta, "metadata", "contentMetadataViewModel", NULL), "metadataRows");
  const char *type = ssv_json_get_string (lockup, "contentType");

  /* Playlists and the like in a Videos tab are not videos; they are not unknown either. */
  *is_video = type == NULL || g_str_equal (type, "LOCKUP_CONTENT_TYPE_VIDEO");
  if (!*is_video)
    return NULL;

  video->video_id = g_strdup (ssv_json_get_string (lockup, "contentId"));
  if (!ssv_yt_is_video_id (video->video_id))
    return NULL;

  video->title = dup_text (ssv_json_get_object (meta, "title"));
  video->thumbnail_url = dup_best_image (ssv_json_get_array (ssv_json_get_object (thumbnail, "image"), "sources"));
  read_badges (reader, video, ssv_json_get_array (thumbnail, "overlays"));

  for (guint r = 0; rows != NULL && r < json_array_get_length (rows); r++)
    {
      JsonArray *parts = ssv_json_get_array (ssv_json_array_object (rows, r), "metadataParts");

      for (guint p = 0; parts != NULL && p < json_array_get_length (parts); p++)
        {
          g_autofree char *text = dup_text (ssv_json_get_object (ssv_json_array_object (parts, p), "text"));

          take_label (reader, video, text);
        }
    }

  return g_steal_pointer (&video);
}

static SsvYtVideo *
read_shorts_lockup (JsonObject *lockup)
{
  g_autoptr(SsvYtVideo) video = ssv_yt_video_new ();
  JsonObject *reel = dig (lockup, "onTap", "innertubeCommand", "reelWatchEndpoint", NULL);
  JsonObject *overlay = ssv_json_get_object (lockup, "overlayMetadata");
  JsonObject *image = dig (lockup, "thumbnailViewModel", "thumbnailViewModel", "image", NULL);
  const char *entity = ssv_json_get_string (lockup, "entityId");
  g_autofree char *views = dup_text (ssv_json_get_object (overlay, "secondaryText"));

  video->video_id = g_strdup (ssv_json_get_string (reel, "videoId"));
  if (!ssv_yt_is_video_id (video->video_id) && entity != NULL &&
      g_str_has_prefix (entity, "shorts-shelf-item-"))
    {
      g_free (video->video_id);
      video->video_id = g_strdup (entity + strlen ("shorts-shelf-item-"));
    }
  if (!ssv_yt_is_video_id (video->video_id))
    return NULL;

  video->is_short = TRUE;
  video->title = dup_text (ssv_json_get_object (overlay, "primaryText"));
  if (image == NULL)
    image = dig (lockup, "thumbnail", NULL);
  video->thumbnail_url = dup_best_image (ssv_json_get_array (image, "sources"));
  take_views (video, views);
  return g_steal_pointer (&video);
}

/* ---- items ------------------------------------------------------------------- */

static void
add_video (Reader     *reader,
           SsvYtVideo *video)
{
  if (video->is_short)
    g_ptr_array_add (reader->page->shorts, video);
  else
    g_ptr_array_add (reader->page->videos, video);
}

static void
read_item (Reader     *reader,
           JsonObject *item)
{
  JsonObject *content = dig (item, "richItemRenderer", "content", NULL);
  JsonObject *renderer;
  SsvYtVideo *video = NULL;
  gboolean is_video = TRUE;

  if (item == NULL)
    return;

  if ((renderer = dig (item, "continuationItemRenderer", NULL)) != NULL)
    {
      const char *token = ssv_json_get_string (dig (renderer, "continuationEndpoint", "continuationCommand", NULL),
                                               "token");

      if (token != NULL && token[0] != '\0' && reader->page->continuation == NULL)
        reader->page->continuation = g_strdup (token);
      return;
    }

  /* Shelves between rows ("Latest Shorts") carry no videos of this list. */
  if (ssv_json_get_object (item, "richSectionRenderer") != NULL)
    return;

  if (content == NULL)
    content = item;

  if ((renderer = ssv_json_get_object (content, "videoRenderer")) != NULL ||
      (renderer = ssv_json_get_object (content, "gridVideoRenderer")) != NULL)
    video = read_video_renderer (reader, renderer);
  else if ((renderer = ssv_json_get_object (content, "lockupViewModel")) != NULL)
    video = read_lockup (reader, renderer, &is_video);
  else if ((renderer = ssv_json_get_object (content, "shortsLockupViewModel")) != NULL)
    video = read_shorts_lockup (renderer);
  else if ((renderer = ssv_json_get_object (content, "reelItemRenderer")) != NULL)
    video = read_reel_item (renderer);
  else
    {
      reader->unknown++;
      return;
    }

  if (video != NULL)
    {
      reader->known++;
      add_video (reader, video);
    }
  else if (is_video)
    /* A known wrapper without a usable id is no item we can read. */
    reader->unknown++;
}

static void
read_items (Reader    *reader,
            JsonArray *items)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    read_item (reader, ssv_json_array_object (items, i));
}

/* ---- the channel's header and metadata ---------------------------------------- */

static void
take_header_part (SsvYtChannelMeta *meta,
                  const char       *text)
{
  gint64 count;

  if (text == NULL)
    return;

  if (text[0] == '@' && meta->handle == NULL && strchr (text, ' ') == NULL)
    meta->handle = g_strdup (text);
  else if (strstr (text, "subscriber") != NULL && ssv_yt_parse_count (text, &count))
    meta->subscribers = count;
  else if (strstr (text, "video") != NULL && ssv_yt_parse_count (text, &count))
    meta->video_count = count;
}

static void
read_page_header (SsvYtChannelMeta *meta,
                  JsonObject       *header)
{
  JsonArray *rows = ssv_json_get_array (dig (header, "metadata", "contentMetadataViewModel", NULL), "metadataRows");
  JsonObject *avatar = dig (header, "image", "decoratedAvatarViewModel", "avatar", "avatarViewModel", "image", NULL);
  JsonObject *banner = dig (header, "banner", "imageBannerViewModel", "image", NULL);

  meta->title = dup_text (dig (header, "title", "dynamicTextViewModel", "text", NULL));
  meta->avatar_url = dup_best_image (ssv_json_get_array (avatar, "sources"));
  meta->banner_url = dup_best_image (ssv_json_get_array (banner, "sources"));
  meta->description = dup_text (dig (header, "description", "descriptionPreviewViewModel", "description", NULL));

  for (guint r = 0; rows != NULL && r < json_array_get_length (rows); r++)
    {
      JsonArray *parts = ssv_json_get_array (ssv_json_array_object (rows, r), "metadataParts");

      for (guint p = 0; parts != NULL && p < json_array_get_length (parts); p++)
        {
          g_autofree char *text = dup_text (ssv_json_get_object (ssv_json_array_object (parts, p), "text"));

          take_header_part (meta, text);
        }
    }
}

static void
read_c4_header (SsvYtChannelMeta *meta,
                JsonObject       *header)
{
  g_autofree char *subscribers = dup_text (ssv_json_get_object (header, "subscriberCountText"));
  g_autofree char *videos = dup_text (ssv_json_get_object (header, "videosCountText"));
  g_autofree char *handle = dup_text (ssv_json_get_object (header, "channelHandleText"));

  meta->channel_id = g_strdup (ssv_json_get_string (header, "channelId"));
  meta->title = g_strdup (ssv_json_get_string (header, "title"));
  meta->avatar_url = dup_best_image (ssv_json_get_array (ssv_json_get_object (header, "avatar"), "thumbnails"));
  meta->banner_url = dup_best_image (ssv_json_get_array (ssv_json_get_object (header, "banner"), "thumbnails"));
  take_header_part (meta, subscribers);
  take_header_part (meta, videos);
  take_header_part (meta, handle);
}

/* Fills gaps in @meta from channelMetadataRenderer, which has the full
 * description, the id and a bigger avatar. */
static void
read_channel_metadata (SsvYtChannelMeta *meta,
                       JsonObject       *metadata)
{
  const char *id = ssv_json_get_string (metadata, "externalId");
  const char *vanity = ssv_json_get_string (metadata, "vanityChannelUrl");
  g_autofree char *avatar = dup_best_image (ssv_json_get_array (ssv_json_get_object (metadata, "avatar"),
                                                                "thumbnails"));
  const char *description = ssv_json_get_string (metadata, "description");

  if (ssv_yt_is_channel_id (id))
    {
      g_free (meta->channel_id);
      meta->channel_id = g_strdup (id);
    }
  if (meta->title == NULL)
    meta->title = g_strdup (ssv_json_get_string (metadata, "title"));
  if (description != NULL && description[0] != '\0')
    {
      g_free (meta->description);
      meta->description = g_strdup (description);
    }
  if (avatar != NULL)
    {
      g_free (meta->avatar_url);
      meta->avatar_url = g_steal_pointer (&avatar);
    }
  if (meta->handle == NULL && vanity != NULL && strstr (vanity, "/@") != NULL)
    meta->handle = g_strdup (strstr (vanity, "/@") + 1);
}

static SsvYtChannelMeta *
read_channel (JsonObject *root)
{
  JsonObject *page_header = dig (root, "header", "pageHeaderRenderer", "content", "pageHeaderViewModel", NULL);
  JsonObject *c4 = dig (root, "header", "c4TabbedHeaderRenderer", NULL);
  JsonObject *metadata = dig (root, "metadata", "channelMetadataRenderer", NULL);
  g_autoptr(SsvYtChannelMeta) meta = NULL;

  if (page_header == NULL && c4 == NULL && metadata == NULL)
    return NULL;

  meta = ssv_yt_channel_meta_new ();
  if (page_header != NULL)
    read_page_header (meta, page_header);
  else if (c4 != NULL)
    read_c4_header (meta, c4);
  if (metadata != NULL)
    read_channel_metadata (meta, metadata);

  if (meta->channel_id != NULL && !ssv_yt_is_channel_id (meta->channel_id))
    g_clear_pointer (&meta->channel_id, g_free);

  return g_steal_pointer (&meta);
}

/* ---- where the items are --------------------------------------------------------- */

typedef enum
{
  GRID_FOUND,
  GRID_EMPTY,       /* the channel has no such tab: nothing to list */
  GRID_UNKNOWN,
} GridResult;

/* The selected tab's grid. A channel without a Videos tab answers with its Home tab. */
static GridResult
find_tab_grid (JsonObject  *root,
               JsonArray  **items)
{
  JsonArray *tabs = ssv_json_get_array (dig (root, "contents", "twoColumnBrowseResultsRenderer", NULL), "tabs");
  JsonObject *selected = NULL;

  if (tabs == NULL)
    return GRID_UNKNOWN;

  for (guint i = 0; i < json_array_get_length (tabs); i++)
    {
      JsonObject *tab = dig (ssv_json_array_object (tabs, i), "tabRenderer", NULL);

      if (tab == NULL)
        continue;
      if (ssv_json_get_bool_or (tab, "selected", FALSE))
        selected = tab;
    }

  if (selected != NULL)
    {
      JsonObject *content = ssv_json_get_object (selected, "content");
      JsonObject *grid = dig (content, "richGridRenderer", NULL);

      if (grid != NULL)
        {
          *items = ssv_json_get_array (grid, "contents");
          return *items != NULL ? GRID_FOUND : GRID_EMPTY;
        }
      /* Asked for a tab the channel does not have, YouTube answers with its
       * Home tab: there is nothing of that kind to list. A list tab without
       * its grid is a shape we do not know. */
      if (g_strcmp0 (ssv_json_get_string (selected, "title"), "Home") == 0)
        return GRID_EMPTY;
    }

  return GRID_UNKNOWN;
}

static JsonArray *
find_continuation_items (JsonObject *root)
{
  static const char * const lists[] = { "onResponseReceivedActions", "onResponseReceivedEndpoints" };
  static const char * const actions[] = { "appendContinuationItemsAction", "reloadContinuationItemsCommand" };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *received = ssv_json_get_array (root, lists[l]);

      for (guint i = 0; received != NULL && i < json_array_get_length (received); i++)
        for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
          {
            JsonArray *items = ssv_json_get_array (dig (ssv_json_array_object (received, i), actions[a], NULL),
                                                   "continuationItems");

            if (items != NULL)
              return items;
          }
    }

  return NULL;
}

static void
set_changed_error (GError    **error,
                   const char *detail)
{
  /* Translators: %s says what was not understood, in a few words */
  g_set_error (error, SSV_ERROR, SSV_ERROR_CHANGED,
               _("YouTube changed its page (%s). What is saved stays; an update of the app will read it again."),
               detail);
}

SsvYtPage *
ssv_yt_browse_parse (JsonNode  *root_node,
                     gint64     now,
                     GError   **error)
{
  JsonObject *root = ssv_json_node_object (root_node);
  g_autoptr(SsvYtPage) page = NULL;
  JsonArray *items = NULL;
  Reader reader = { 0 };
  GridResult grid;

  if (root == NULL)
    {
      set_changed_error (error, _("not an object"));
      return NULL;
    }

  page = ssv_yt_page_new ();
  reader.now = now;
  reader.page = page;
  page->channel = read_channel (root);

  items = find_continuation_items (root);
  grid = items != NULL ? GRID_FOUND : find_tab_grid (root, &items);

  if (grid == GRID_UNKNOWN)
    {
      set_changed_error (error, _("no list of videos where one was"));
      return NULL;
    }

  if (items != NULL)
    read_items (&reader, items);

  if (reader.known == 0 && reader.unknown > 0)
    {
      set_changed_error (error, _("videos of an unknown kind"));
      return NULL;
    }

  return g_steal_pointer (&page);
}
