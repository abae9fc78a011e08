/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-ryd.c: Return YouTube Dislike. Off unless the person turns it on: the
 * service learns which videos are looked up. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-json.h"
#include "providers/ssv-ryd.h"

gboolean
ssv_ryd_parse (JsonNode  *root,
               gint64    *likes,
               gint64    *dislikes,
               GError   **error)
{
  JsonObject *object = ssv_json_node_object (root);
  gboolean have_likes = ssv_json_get_int (object, "likes", likes) && *likes >= 0;
  gboolean have_dislikes = ssv_json_get_int (object, "dislikes", dislikes) && *dislikes >= 0;

  if (!have_likes)
    *likes = -1;
  if (!have_dislikes)
    *dislikes = -1;

  if (!have_likes && !have_dislikes)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_CHANGED,
                   _("Return YouTube Dislike sent an answer of an unknown shape."));
      return FALSE;
    }

  return TRUE;
}

gboolean
ssv_ryd_fetch (SsvHttp       *http,
               const char    *video_id,
               gint64        *likes,
               gint64        *dislikes,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("ryd", "GET", "/votes");
  g_autoptr(JsonNode) root = NULL;

  ssv_http_request_add_query (request, "videoId", video_id);
  root = ssv_http_send_json (http, request, cancellable, error);
  if (root == NULL)
    return FALSE;

  return ssv_ryd_parse (root, likes, dislikes, error);
}
