/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-youtube-proxy.h: optional Piped and Invidious instances, for a channel's list with dates. */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "net/ssv-http.h"
#include "providers/ssv-youtube-types.h"

G_BEGIN_DECLS

typedef enum
{
  SSV_PROXY_PIPED,
  SSV_PROXY_INVIDIOUS,
} SsvProxyKind;

/* How long one instance may take to answer before the next one is tried. */
#define SSV_PROXY_TIMEOUT_MS  4000

/* Pure: Piped's /channel/{id} or /nextpage/channel/{id} answer. "uploaded"
 * (milliseconds) is read as an exact date, as Piped's API documents it. */
SsvYtPage *ssv_piped_parse_channel      (JsonNode      *root,
                                         GError       **error);
/* Pure: Invidious' /api/v1/channels/{id}/videos answer (an object with
 * "videos" and "continuation", or the older bare list). */
SsvYtPage *ssv_invidious_parse_videos   (JsonNode      *root,
                                         GError       **error);

/* "piped:https://host", "invidious:https://host", or a bare URL (Invidious). */
gboolean   ssv_proxy_parse_instance     (const char    *text,
                                         SsvProxyKind  *kind,
                                         char         **base_url);

/* One page of @channel_id's uploads from one instance, within
 * SSV_PROXY_TIMEOUT_MS and without retries. */
SsvYtPage *ssv_proxy_fetch_page         (SsvHttp       *http,
                                         const char    *instance,
                                         const char    *channel_id,
                                         const char    *continuation,
                                         GCancellable  *cancellable,
                                         GError       **error);

/* Sends @request, giving up with SSV_ERROR_TIMEOUT after @timeout_ms. Blocking. */
GBytes    *ssv_http_send_with_deadline  (SsvHttp         *http,
                                         SsvHttpRequest  *request,
                                         guint            timeout_ms,
                                         GCancellable    *cancellable,
                                         GError         **error);

G_END_DECLS
