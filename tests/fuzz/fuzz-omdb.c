/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-omdb.c: libFuzzer target: the OMDb ratings parser on one arbitrary JSON answer. */

#include "config.h"

#include <stdint.h>

#include "net/ssv-http.h"
#include "providers/ssv-omdb.h"

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
    ssv_meta_free (ssv_omdb_parse (root, SSV_ITEM_MOVIE, NULL));
    ssv_meta_free (ssv_omdb_parse (root, SSV_ITEM_EPISODE, NULL));
  }
  return 0;
}
