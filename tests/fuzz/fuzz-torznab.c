/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-torznab.c: libFuzzer target: the Torznab/Newznab readers (results and caps) on one arbitrary answer. */

#include "config.h"

#include <stdint.h>

#include "downloads/ssv-torznab.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) hits = ssv_torznab_parse_results ((const char *) data, size, "fuzz", SSV_PROTOCOL_TORRENT, NULL);
  g_autoptr(SsvIndexerCaps) caps = ssv_torznab_parse_caps ((const char *) data, size, "fuzz", NULL);

  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      g_autoptr(GPtrArray) keys = ssv_release_hit_dup_keys (g_ptr_array_index (hits, i));

      /* a hit that can be downloaded can be told apart from the others */
      g_assert (keys->len > 0 || !ssv_release_hit_can_download (g_ptr_array_index (hits, i)));
    }
  if (caps != NULL)
    {
      g_autoptr(GArray) tv = ssv_indexer_caps_pick_categories (caps, TRUE, TRUE);
      g_autoptr(GArray) films = ssv_indexer_caps_pick_categories (caps, FALSE, FALSE);

      g_assert (tv->len > 0 && films->len > 0);
    }
  return 0;
}
