/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-youtube-browse.c: libFuzzer target: the InnerTube browse reader on one arbitrary JSON answer. */

#include "config.h"

#include <stdint.h>

#include "net/ssv-http.h"
#include "providers/ssv-youtube-browse.h"
#include "providers/ssv-youtube-proxy.h"
#include "providers/ssv-youtube-url.h"

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

  ssv_yt_page_free (ssv_yt_browse_parse (root, 1779364800, NULL));
  ssv_yt_page_free (ssv_piped_parse_channel (root, NULL));
  ssv_yt_page_free (ssv_invidious_parse_videos (root, NULL));
  g_free (ssv_yt_parse_resolve_url (root, NULL));
  return 0;
}
