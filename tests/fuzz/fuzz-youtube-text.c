/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-youtube-text.c: libFuzzer target: durations, counts, relative dates, addresses and
 * channel pages as YouTube writes them, on one arbitrary string. */

#include "config.h"

#include <stdint.h>

#include "providers/ssv-youtube-text.h"
#include "providers/ssv-youtube-url.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  gint64 a, b;

  ssv_yt_parse_duration (text, &a);
  ssv_yt_parse_count (text, &a);
  ssv_yt_parse_views (text, &a);
  ssv_yt_parse_relative_date (text, 1779364800, &a, &b);
  ssv_yt_parse_iso_date (text, &a);
  ssv_yt_text_is_upcoming (text);
  ssv_yt_channel_ref_free (ssv_yt_channel_ref_parse (text, NULL));
  g_free (ssv_yt_page_find_channel_id ((const char *) data, size));
  return 0;
}
