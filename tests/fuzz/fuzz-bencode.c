/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-bencode.c: libFuzzer target: the .torrent reader, and the magnet reader, on arbitrary bytes. */

#include "config.h"

#include <stdint.h>

#include "downloads/ssv-bencode.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SsvTorrentInfo) info = ssv_torrent_info_parse (data, size, NULL);
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *name = NULL;
  g_autofree char *hash = ssv_magnet_parse_infohash (text, &name, NULL);

  /* What the reader accepts must hold together. */
  if (info != NULL)
    {
      g_autofree char *magnet = ssv_torrent_info_dup_magnet (info);
      g_autofree char *again = ssv_magnet_parse_infohash (magnet, NULL, NULL);

      g_assert_cmpstr (again, ==, info->infohash);
      g_assert_cmpuint (info->files->len, >, 0);
      g_assert_cmpint (info->total_size, >=, 0);
    }
  if (hash != NULL)
    g_assert_true (ssv_infohash_is_valid (hash));

  return 0;
}
