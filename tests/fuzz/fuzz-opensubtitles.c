/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-opensubtitles.c: libFuzzer target: the OpenSubtitles parser on one arbitrary JSON answer. */

#include "config.h"

#include <stdint.h>

#include "net/ssv-http.h"
#include "providers/ssv-opensubtitles.h"

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
    g_autoptr(GHashTable) languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    int pages = 0;

    ssv_opensubtitles_parse_page (root, languages, &pages, NULL);
    g_free (ssv_opensubtitles_join (languages));
  }
  return 0;
}
