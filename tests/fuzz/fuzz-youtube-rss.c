/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-youtube-rss.c: libFuzzer target: the channel feed reader on one arbitrary answer. */

#include "config.h"

#include <stdint.h>

#include "providers/ssv-youtube-rss.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  ssv_yt_feed_free (ssv_yt_rss_parse ((const char *) data, size, NULL));
  return 0;
}
