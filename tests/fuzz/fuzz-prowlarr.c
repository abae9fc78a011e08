/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-prowlarr.c: libFuzzer target: the Prowlarr readers (search results, indexer list) on one arbitrary answer. */

#include "config.h"

#include <stdint.h>

#include "downloads/ssv-prowlarr.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) hits = ssv_prowlarr_parse_results ((const char *) data, size, "fuzz", NULL);
  g_autoptr(GPtrArray) indexers = ssv_prowlarr_parse_indexers ((const char *) data, size, "fuzz", NULL);

  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      g_autoptr(GPtrArray) keys = ssv_release_hit_dup_keys (g_ptr_array_index (hits, i));

      g_assert (keys->len > 0 || !ssv_release_hit_can_download (g_ptr_array_index (hits, i)));
    }
  for (guint i = 0; indexers != NULL && i < indexers->len; i++)
    {
      SsvProwlarrIndexer *indexer = g_ptr_array_index (indexers, i);
      g_autoptr(GArray) tv = ssv_indexer_caps_pick_categories (indexer->caps, TRUE, FALSE);

      g_assert (tv->len > 0);
    }
  return 0;
}
