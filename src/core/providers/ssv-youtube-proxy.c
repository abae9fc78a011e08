/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-youtube-proxy.c: Piped and Invidious instances a person may list in
 * Preferences. Never required: each is asked with a short deadline and no
 * retries, and a silent one is simply skipped. No recorded answers exist; the
 * readers follow the projects' API documentation. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-json.h"
#include "providers/ssv-youtube-proxy.h"

/* ---- Piped ---------------------------------------------------------------------- */

static SsvYtVideo *
read_piped_stream (JsonObject *stream)
{
  g_autoptr(SsvYtVideo) video = ssv_yt_video_new ();
  const char *url = ssv_json_get_string (stream, "url");
  const char *type = ssv_json_get_string (stream, "type");
  gint64 value;

  if (type != NULL && g_strcmp0 (type, "stream") != 0)
    return NULL;
  if (url == NULL || !g_str_has_prefix (url, "/watch?v="))
    return NULL;

  video->video_id = g_strndup (url + strlen ("/watch?v="), 11);
  if (!ssv_yt_is_video_id (video->video_id))
    return NULL;

  video->title = ssv_json_dup_string (stream, "title");
  video->thumbnail_url = ssv_json_dup_string (stream, "thumbnail");
  if (ssv_json_get_int (stream, "duration", &value) && value > 0)
    video->duration_s = value;
  if (ssv_json_get_int (stream, "views", &value) && value >= 0)
    video->views = value;
  /* Milliseconds since 1970; -1 or 0 when Piped does not know. */
  if (ssv_json_get_int (stream, "uploaded", &value) && value > 0)
    {
      video->published = value / 1000;
      video->date_exact = TRUE;
    }
  video->is_short = ssv_json_get_bool_or (stream, "isShort", FALSE);
  return g_steal_pointer (&video);
}

SsvYtPage *
ssv_piped_parse_channel (JsonNode  *root,
                         GError   **error)
{
  JsonObject *object = ssv_json_node_object (root);
  JsonArray *streams = ssv_json_get_array (object, "relatedStreams");
  g_autoptr(SsvYtPage) page = NULL;
  const char *id = ssv_json_get_string (object, "id");
  const char *next = ssv_json_get_string (object, "nextpage");

  if (streams == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_CHANGED, _("The Piped instance sent an answer of an unknown shape."));
      return NULL;
    }

  page = ssv_yt_page_new ();
  if (ssv_yt_is_channel_id (id))
    {
      gint64 subscribers;

      page->channel = ssv_yt_channel_meta_new ();
      page->channel->channel_id = g_strdup (id);
      page->channel->title = ssv_json_dup_string (object, "name");
      page->channel->avatar_url = ssv_json_dup_string (object, "avatarUrl");
      page->channel->banner_url = ssv_json_dup_string (object, "bannerUrl");
      if (ssv_json_get_int (object, "subscriberCount", &subscribers) && subscribers >= 0)
        page->channel->subscribers = subscribers;
    }

  for (guint i = 0; i < json_array_get_length (streams); i++)
    {
      SsvYtVideo *video = read_piped_stream (ssv_json_array_object (streams, i));

      if (video != NULL)
        g_ptr_array_add (video->is_short ? page->shorts : page->videos, video);
    }

  if (next != NULL && next[0] != '\0')
    page->continuation = g_strdup (next);
  return g_steal_pointer (&page);
}

/* ---- Invidious ------------------------------------------------------------------ */

static char *
best_invidious_thumbnail (JsonArray *thumbnails)
{
  const char *best = NULL;
  gint64 best_width = -1;

  for (guint i = 0; thumbnails != NULL && i < json_array_get_length (thumbnails); i++)
    {
      JsonObject *thumbnail = ssv_json_array_object (thumbnails, i);
      const char *url = ssv_json_get_string (thumbnail, "url");
      gint64 width = ssv_json_get_int_or (thumbnail, "width", 0);

      if (url != NULL && g_str_has_prefix (url, "http") && width > best_width)
        {
          best = url;
          best_width = width;
        }
    }

  return g_strdup (best);
}

static SsvYtVideo *
read_invidious_video (JsonObject *item)
{
  g_autoptr(SsvYtVideo) video = ssv_yt_video_new ();
  const char *type = ssv_json_get_string (item, "type");
  gint64 value;

  if (type != NULL && g_strcmp0 (type, "video") != 0 && g_strcmp0 (type, "shortVideo") != 0)
    return NULL;

  video->video_id = ssv_json_dup_string (item, "videoId");
  if (!ssv_yt_is_video_id (video->video_id))
    return NULL;

  video->title = ssv_json_dup_string (item, "title");
  video->thumbnail_url = best_invidious_thumbnail (ssv_json_get_array (item, "videoThumbnails"));
  if (ssv_json_get_int (item, "lengthSeconds", &value) && value > 0)
    video->duration_s = value;
  if (ssv_json_get_int (item, "viewCount", &value) && value >= 0)
    video->views = value;
  video->upcoming = ssv_json_get_bool_or (item, "isUpcoming", FALSE);
  if (video->upcoming && ssv_json_get_int (item, "premiereTimestamp", &value) && value > 0)
    {
      video->published = value;
      video->date_exact = TRUE;
    }
  else if (ssv_json_get_int (item, "published", &value) && value > 0)
    {
      video->published = value;
      video->date_exact = TRUE;
    }
  video->is_short = g_strcmp0 (type, "shortVideo") == 0;
  return g_steal_pointer (&video);
}

SsvYtPage *
ssv_invidious_parse_videos (JsonNode  *root,
                            GError   **error)
{
  JsonObject *object = ssv_json_node_object (root);
  JsonArray *videos = object ? ssv_json_get_array (object, "videos") : ssv_json_node_array (root);
  g_autoptr(SsvYtPage) page = NULL;
  const char *next = ssv_json_get_string (object, "continuation");

  if (videos == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_CHANGED,
                   _("The Invidious instance sent an answer of an unknown shape."));
      return NULL;
    }

  page = ssv_yt_page_new ();
  for (guint i = 0; i < json_array_get_length (videos); i++)
    {
      SsvYtVideo *video = read_invidious_video (ssv_json_array_object (videos, i));

      if (video != NULL)
        g_ptr_array_add (video->is_short ? page->shorts : page->videos, video);
    }

  if (next != NULL && next[0] != '\0')
    page->continuation = g_strdup (next);
  return g_steal_pointer (&page);
}

/* ---- asking one instance ---------------------------------------------------------- */

gboolean
ssv_proxy_parse_instance (const char    *text,
                          SsvProxyKind  *kind,
                          char         **base_url)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  const char *url = trimmed;

  *kind = SSV_PROXY_INVIDIOUS;
  if (g_str_has_prefix (trimmed, "piped:"))
    {
      *kind = SSV_PROXY_PIPED;
      url = trimmed + strlen ("piped:");
    }
  else if (g_str_has_prefix (trimmed, "invidious:"))
    url = trimmed + strlen ("invidious:");

  if (!g_str_has_prefix (url, "http://") && !g_str_has_prefix (url, "https://"))
    return FALSE;

  *base_url = g_strdup (url);
  return TRUE;
}

typedef struct
{
  gboolean  done;
  gboolean  timed_out;
  GBytes   *body;
  GError   *error;
  GCancellable *deadline;
} Deadline;

static void
deadline_sent_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Deadline *deadline = user_data;

  deadline->body = ssv_http_send_finish (SSV_HTTP (source), result, &deadline->error);
  deadline->done = TRUE;
}

static gboolean
deadline_passed_cb (gpointer user_data)
{
  Deadline *deadline = user_data;

  deadline->timed_out = TRUE;
  g_cancellable_cancel (deadline->deadline);
  return G_SOURCE_REMOVE;
}

static void
outer_cancelled_cb (GCancellable *outer,
                    gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

GBytes *
ssv_http_send_with_deadline (SsvHttp         *http,
                             SsvHttpRequest  *request,
                             guint            timeout_ms,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GCancellable) inner = g_cancellable_new ();
  Deadline deadline = { FALSE, FALSE, NULL, NULL, inner };
  GSource *timer;
  gulong handler = 0;

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (outer_cancelled_cb), g_object_ref (inner),
                                     g_object_unref);

  g_main_context_push_thread_default (context);
  ssv_http_send_async (http, request, inner, deadline_sent_cb, &deadline);
  timer = g_timeout_source_new (timeout_ms);
  g_source_set_callback (timer, deadline_passed_cb, &deadline, NULL);
  g_source_attach (timer, context);
  while (!deadline.done)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timer);
  g_source_unref (timer);
  g_main_context_pop_thread_default (context);

  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);

  if (deadline.body != NULL)
    return deadline.body;

  if (deadline.timed_out && !g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (&deadline.error);
      g_autofree char *uri = ssv_http_request_dup_uri (request, http, TRUE);
      g_autoptr(GUri) parsed = uri ? g_uri_parse (uri, G_URI_FLAGS_NONE, NULL) : NULL;

      g_set_error (error, SSV_ERROR, SSV_ERROR_TIMEOUT, _("%s did not answer within %u seconds."),
                   parsed && g_uri_get_host (parsed) ? g_uri_get_host (parsed) : _("The server"),
                   (timeout_ms + 999) / 1000);
      return NULL;
    }

  g_propagate_error (error, deadline.error);
  return NULL;
}

SsvYtPage *
ssv_proxy_fetch_page (SsvHttp       *http,
                      const char    *instance,
                      const char    *channel_id,
                      const char    *continuation,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *path = NULL;
  SsvProxyKind kind;

  if (!ssv_proxy_parse_instance (instance, &kind, &base_url))
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                   _("“%s” is not the address of a Piped or Invidious instance."), instance);
      return NULL;
    }

  if (kind == SSV_PROXY_PIPED)
    {
      path = continuation ? g_strdup_printf ("/nextpage/channel/%s", channel_id)
                          : g_strdup_printf ("/channel/%s", channel_id);
      request = ssv_http_request_new ("piped", "GET", path);
      ssv_http_request_add_query (request, "nextpage", continuation);
    }
  else
    {
      path = g_strdup_printf ("/api/v1/channels/%s/videos", channel_id);
      request = ssv_http_request_new ("invidious", "GET", path);
      ssv_http_request_add_query (request, "continuation", continuation);
    }

  ssv_http_request_set_base_url (request, base_url);
  ssv_http_request_set_max_retries (request, 0);
  ssv_http_request_set_header (request, "Accept", "application/json");

  body = ssv_http_send_with_deadline (http, request, SSV_PROXY_TIMEOUT_MS, cancellable, error);
  if (body == NULL)
    return NULL;

  root = ssv_json_parse_bytes (body, kind == SSV_PROXY_PIPED ? "Piped" : "Invidious", error);
  if (root == NULL)
    return NULL;

  return kind == SSV_PROXY_PIPED ? ssv_piped_parse_channel (root, error)
                                 : ssv_invidious_parse_videos (root, error);
}
