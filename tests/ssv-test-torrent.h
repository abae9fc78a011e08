/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-test-torrent.h: deterministic payloads and the .torrent files (bencode) that describe them. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *path;     /* "Folder/File.mkv" inside the torrent's folder */
  gsize       size;
} SsvTestTorrentFile;

GBytes *ssv_test_payload          (gsize                      size,
                                   guint32                    seed);
GBytes *ssv_test_torrent_new      (const char                *name,
                                   const SsvTestTorrentFile  *files,
                                   guint                      n_files,
                                   gsize                      piece_length,
                                   guint32                    seed,
                                   GBytes                   **info_out);
gboolean ssv_test_torrent_write_payload (const char               *folder,
                                         const char               *name,
                                         const SsvTestTorrentFile *files,
                                         guint                     n_files,
                                         guint32                   seed,
                                         GError                  **error);
char    *ssv_test_random_infohash (void);

G_END_DECLS
