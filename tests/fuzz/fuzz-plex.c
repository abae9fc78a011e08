/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-plex.c: libFuzzer target: a Plex answer (XML turned into Plex's JSON shape, or JSON) and
 * every item of it read as the scanner reads them. */

#include "config.h"

#include <stdint.h>

#include "ssv-json.h"
#include "sources/ssv-plex-source.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
read_items (JsonArray *array)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = ssv_json_array_object (array, i);

      if (object != NULL)
        ssv_media_item_free (ssv_plex_parse_item (object, "http://plex:32400"));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = ssv_plex_parse_container ((const char *) data, size, NULL);
  JsonObject *container;

  if (root == NULL)
    return 0;

  container = ssv_json_get_object (json_node_get_object (root), "MediaContainer");
  read_items (ssv_json_get_array (container, "Metadata"));
  read_items (ssv_json_get_array (container, "Directory"));
  return 0;
}
