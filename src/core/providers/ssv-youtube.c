/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-youtube.c: YouTube without a key. The readers are pure (ssv-youtube-*.c);
 * this file only asks. Answers are requested in English (hl=en) because the
 * readers understand "3 months ago" and "2.6M views" in English. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "providers/ssv-youtube.h"
#include "providers/ssv-youtube-browse.h"
#include "providers/ssv-youtube-rss.h"

static void
add_common_headers (SsvHttpRequest *request)
{
  ssv_http_request_set_header (request, "Accept-Language", "en-US,en;q=0.8");
  /* Skips the cookie-consent page YouTube shows some regions instead. */
  ssv_http_request_set_header (request, "Cookie", "SOCS=CAI");
}

static JsonNode *
innertube_body (const char *first_key,
                const char *first_value,
                const char *second_key,
                const char *second_value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "context");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "client");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "hl");
  json_builder_add_string_value (builder, "en");
  json_builder_set_member_name (builder, "gl");
  json_builder_add_string_value (builder, "US");
  json_builder_set_member_name (builder, "clientName");
  json_builder_add_string_value (builder, SSV_YT_CLIENT_NAME);
  json_builder_set_member_name (builder, "clientVersion");
  json_builder_add_string_value (builder, SSV_YT_CLIENT_VERSION);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, first_key);
  json_builder_add_string_value (builder, first_value);
  if (second_key != NULL && second_value != NULL)
    {
      json_builder_set_member_name (builder, second_key);
      json_builder_add_string_value (builder, second_value);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
innertube_post (SsvHttp       *http,
                const char    *endpoint,
                JsonNode      *body,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("youtube", "POST", endpoint);

  ssv_http_request_add_query (request, "prettyPrint", "false");
  add_common_headers (request);
  ssv_http_request_set_header (request, "X-YouTube-Client-Name", "1");
  ssv_http_request_set_header (request, "X-YouTube-Client-Version", SSV_YT_CLIENT_VERSION);
  ssv_http_request_set_json_body (request, body);

  return ssv_http_send_json (http, request, cancellable, error);
}

static gboolean
is_fatal (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, SSV_ERROR, SSV_ERROR_RATE_LIMITED);
}

static char *
resolve_with_page (SsvHttp                *http,
                   const SsvYtChannelRef  *ref,
                   GCancellable           *cancellable,
                   GError                **error)
{
  g_autofree char *path = ssv_yt_channel_ref_dup_path (ref);
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("youtube", "GET", path);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local_error = NULL;
  char *id;
  gsize size;
  const char *html;

  add_common_headers (request);
  body = ssv_http_send (http, request, cancellable, &local_error);
  if (body == NULL)
    {
      if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
        g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                     _("YouTube has no channel at “%s”. Check the address."), ref->value);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  html = g_bytes_get_data (body, &size);
  id = ssv_yt_page_find_channel_id (html, size);
  if (id == NULL)
    g_set_error (error, SSV_ERROR, SSV_ERROR_CHANGED,
                 _("YouTube changed its page: the channel at “%s” could not be recognised."), ref->value);

  return id;
}

/**
 * ssv_youtube_resolve:
 *
 * Returns: (transfer full): the channel's UC… id, or %NULL with @error set
 */
char *
ssv_youtube_resolve (SsvHttp                *http,
                     const SsvYtChannelRef  *ref,
                     GCancellable           *cancellable,
                     GError                **error)
{
  g_autofree char *path = NULL;
  g_autofree char *url = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) local_error = NULL;
  char *id;

  if (ref->kind == SSV_YT_REF_CHANNEL_ID)
    return g_strdup (ref->value);

  /* InnerTube wants the public address, whatever base URL we talk to. */
  path = ssv_yt_channel_ref_dup_path (ref);
  url = g_strconcat ("https://www.youtube.com", path, NULL);
  body = innertube_body ("url", url, NULL, NULL);
  answer = innertube_post (http, "/youtubei/v1/navigation/resolve_url", body, cancellable, &local_error);
  if (answer != NULL)
    {
      id = ssv_yt_parse_resolve_url (answer, &local_error);
      if (id != NULL)
        return id;
    }

  if (is_fatal (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* The page is bigger, but the id in it has been stable for years. */
  g_debug ("resolve_url failed for %s (%s); reading the channel page", ref->value, local_error->message);
  return resolve_with_page (http, ref, cancellable, error);
}

/**
 * ssv_youtube_browse:
 *
 * Returns: (transfer full): the page, or %NULL with @error set (NOT_FOUND for
 *   a channel that does not exist, CHANGED for an answer of an unknown shape)
 */
SsvYtPage *
ssv_youtube_browse (SsvHttp       *http,
                    const char    *channel_id,
                    const char    *params,
                    const char    *continuation,
                    gint64         now,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) local_error = NULL;

  if (continuation != NULL)
    body = innertube_body ("continuation", continuation, NULL, NULL);
  else
    body = innertube_body ("browseId", channel_id, "params", params);

  answer = innertube_post (http, "/youtubei/v1/browse", body, cancellable, &local_error);
  if (answer == NULL)
    {
      if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
        g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                     _("YouTube has no channel %s. It may have been deleted."), channel_id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return ssv_yt_browse_parse (answer, now, error);
}

/**
 * ssv_youtube_fetch_feed:
 *
 * Returns: (transfer full): the feed, or %NULL with @error set
 */
SsvYtFeed *
ssv_youtube_fetch_feed (SsvHttp       *http,
                        const char    *channel_id,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("youtube", "GET", "/feeds/videos.xml");
  g_autoptr(GBytes) body = NULL;
  const char *data;
  gsize size;

  ssv_http_request_add_query (request, "channel_id", channel_id);
  add_common_headers (request);
  body = ssv_http_send (http, request, cancellable, error);
  if (body == NULL)
    return NULL;

  data = g_bytes_get_data (body, &size);
  return ssv_yt_rss_parse (data, size, error);
}
