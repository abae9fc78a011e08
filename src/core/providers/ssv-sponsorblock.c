/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-sponsorblock.c: SponsorBlock segments. The request names only a prefix of
 * the video id's hash, so the service cannot tell which video was looked up. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-json.h"
#include "providers/ssv-sponsorblock.h"

char *
ssv_sponsorblock_prefix (const char *video_id)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, video_id, -1);

  return g_strndup (hash, 4);
}

static SsvSegment *
read_segment (JsonObject *object)
{
  g_autoptr(SsvSegment) segment = ssv_segment_new ();
  JsonArray *range = ssv_json_get_array (object, "segment");
  JsonNode *start = range && json_array_get_length (range) == 2 ? json_array_get_element (range, 0) : NULL;
  JsonNode *end = range && json_array_get_length (range) == 2 ? json_array_get_element (range, 1) : NULL;

  segment->category = ssv_json_dup_string (object, "category");
  if (segment->category == NULL || start == NULL || end == NULL ||
      !JSON_NODE_HOLDS_VALUE (start) || !JSON_NODE_HOLDS_VALUE (end) ||
      json_node_get_value_type (start) == G_TYPE_STRING || json_node_get_value_type (end) == G_TYPE_STRING)
    return NULL;

  segment->start_s = json_node_get_double (start);
  segment->end_s = json_node_get_double (end);
  if (!(segment->start_s >= 0 && segment->end_s >= segment->start_s && segment->end_s < 1e7))
    return NULL;

  segment->action = ssv_json_dup_string (object, "actionType");
  segment->uuid = ssv_json_dup_string (object, "UUID");
  segment->votes = ssv_json_get_int_or (object, "votes", 0);
  segment->locked = ssv_json_get_int_or (object, "locked", 0) != 0;
  return g_steal_pointer (&segment);
}

/* Returns: (transfer full) (element-type SsvSegment): by start time */
GPtrArray *
ssv_sponsorblock_parse (JsonNode    *root,
                        const char  *video_id,
                        GError     **error)
{
  JsonArray *videos = ssv_json_node_array (root);
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_segment_free);

  if (videos == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_CHANGED, _("SponsorBlock sent an answer of an unknown shape."));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (videos); i++)
    {
      JsonObject *video = ssv_json_array_object (videos, i);
      JsonArray *list = ssv_json_get_array (video, "segments");

      if (g_strcmp0 (ssv_json_get_string (video, "videoID"), video_id) != 0)
        continue;

      for (guint k = 0; list != NULL && k < json_array_get_length (list); k++)
        {
          SsvSegment *segment = read_segment (ssv_json_array_object (list, k));

          if (segment != NULL)
            g_ptr_array_add (segments, segment);
        }
    }

  return g_steal_pointer (&segments);
}

GPtrArray *
ssv_sponsorblock_fetch (SsvHttp       *http,
                        const char    *video_id,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *prefix = ssv_sponsorblock_prefix (video_id);
  g_autofree char *path = g_strconcat ("/api/skipSegments/", prefix, NULL);
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("sponsorblock", "GET", path);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;

  ssv_http_request_add_query (request, "categories", SSV_SPONSORBLOCK_CATEGORIES);
  root = ssv_http_send_json (http, request, cancellable, &local_error);
  if (root == NULL)
    {
      /* 404: no video of this prefix has segments. */
      if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
        return g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_segment_free);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return ssv_sponsorblock_parse (root, video_id, error);
}
