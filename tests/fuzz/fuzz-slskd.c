/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-slskd.c: libFuzzer target: slskd's search answers through the grouper that makes releases of them. */

#include "config.h"

#include <stdint.h>

#include "downloads/ssv-slskd-search.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) hits = ssv_slskd_parse_responses ((const char *) data, size, "fuzz", NULL);

  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      SsvReleaseHit *hit = g_ptr_array_index (hits, i);
      g_autoptr(GPtrArray) keys = ssv_release_hit_dup_keys (hit);

      g_assert (keys->len == 1 && hit->title != NULL && ssv_release_hit_can_download (hit));
    }
  return 0;
}
