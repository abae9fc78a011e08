/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-tmdb.c: libFuzzer target: every TMDB parser on one arbitrary JSON answer. */

#include "config.h"

#include <stdint.h>

#include "net/ssv-http.h"
#include "providers/ssv-tmdb.h"

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
    static const SsvTmdbOptions options = { "https://image.tmdb.org/t/p", "de-DE", "DE" };
    g_autoptr(GPtrArray) movies = ssv_tmdb_parse_search (root, SSV_ITEM_MOVIE, &options, NULL);
    g_autoptr(GPtrArray) shows = ssv_tmdb_parse_search (root, SSV_ITEM_SHOW, &options, NULL);
    g_autoptr(SsvMeta) show = ssv_tmdb_parse_details (root, SSV_ITEM_SHOW, &options, NULL);
    g_autoptr(SsvMeta) seasons = ssv_meta_new (SSV_ITEM_SHOW);

    ssv_meta_free (ssv_tmdb_parse_details (root, SSV_ITEM_MOVIE, &options, NULL));
    g_strfreev (ssv_tmdb_parse_alternative_titles (root, NULL));

    ssv_tmdb_parse_season (root, 1, &options, seasons, NULL);
    if (show != NULL)
      ssv_tmdb_parse_season (root, 0, &options, show, NULL);
    if (movies != NULL)
      ssv_search_pick_best (movies, "Fight Club", 1999);
    if (shows != NULL)
      ssv_search_pick_best (shows, "", 0);
  }
  return 0;
}
