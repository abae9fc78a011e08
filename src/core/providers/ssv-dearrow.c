/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-dearrow.c: DeArrow titles. No recording of its answer exists; the reader
 * follows the API documentation (wiki.sponsor.ajay.app, API Docs: DeArrow):
 * {"titles": [{"title", "original", "votes", "locked", "UUID"}, …], "thumbnails": […], …},
 * best first. A leading ">" asks clients not to reformat the title. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-json.h"
#include "providers/ssv-dearrow.h"

/**
 * ssv_dearrow_parse:
 * @known: (out): whether the answer was readable (a NULL title then means "none")
 *
 * Returns: (transfer full) (nullable): the title
 */
char *
ssv_dearrow_parse (JsonNode  *root,
                   gboolean  *known,
                   GError   **error)
{
  JsonArray *titles = ssv_json_get_array (ssv_json_node_object (root), "titles");

  *known = FALSE;
  if (titles == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_CHANGED, _("DeArrow sent an answer of an unknown shape."));
      return NULL;
    }

  *known = TRUE;
  for (guint i = 0; i < json_array_get_length (titles); i++)
    {
      JsonObject *entry = ssv_json_array_object (titles, i);
      g_autofree char *title = ssv_json_dup_string (entry, "title");
      const char *text = title;

      if (title == NULL || ssv_json_get_bool_or (entry, "original", FALSE))
        continue;

      if (text[0] == '>')
        text = g_strchug (title + 1);
      if (text[0] == '\0' || !g_utf8_validate (text, -1, NULL))
        continue;
      return g_strdup (text);
    }

  return NULL;
}

char *
ssv_dearrow_fetch (SsvHttp       *http,
                   const char    *video_id,
                   gboolean      *known,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("dearrow", "GET", "/api/branding");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;

  *known = FALSE;
  ssv_http_request_add_query (request, "videoID", video_id);
  root = ssv_http_send_json (http, request, cancellable, &local_error);
  if (root == NULL)
    {
      if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
        {
          *known = TRUE;
          return NULL;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return ssv_dearrow_parse (root, known, error);
}
