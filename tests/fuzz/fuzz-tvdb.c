/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-tvdb.c: libFuzzer target: every TheTVDB v4 parser on one arbitrary JSON answer. */

#include "config.h"

#include <stdint.h>

#include "net/ssv-http.h"
#include "providers/ssv-tvdb.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(JsonNode) root = ssv_json_parse_bytes (bytes, "fuzz", NULL);

  if (root == NULL)
    return 0;

  {
    g_autoptr(GPtrArray) results = ssv_tvdb_parse_search (root, NULL);
    g_autoptr(SsvMeta) episodes = ssv_meta_new (SSV_ITEM_SHOW);
    gboolean has_next;

    g_free (ssv_tvdb_parse_login (root, NULL));
    ssv_meta_free (ssv_tvdb_parse_series (root, NULL));

    ssv_tvdb_parse_episodes (root, episodes, &has_next, NULL);
    if (results != NULL)
      ssv_search_pick_best (results, "Saint Seiya", 1986);
  }
  return 0;
}
