/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-bencode.h: reads .torrent files (bencode) and magnet links, pure: infohash, name, files. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One file a torrent holds (padding files are left out). */
typedef struct
{
  char   *path;     /* relative to the torrent's folder, '/' separated; the name for one file */
  gint64  size;
} SsvTorrentEntry;

typedef struct
{
  char       *infohash;      /* 40 lower-case hex digits: SHA-1 of the bencoded info dict */
  char       *name;
  gint64      total_size;
  gint64      piece_length;
  guint       n_pieces;
  gboolean    is_private;
  gboolean    multi_file;    /* the files live in a folder called @name */
  GPtrArray  *files;         /* SsvTorrentEntry */
  GPtrArray  *trackers;      /* char *, announce URLs, first tier first */
} SsvTorrentInfo;

SsvTorrentInfo *ssv_torrent_info_parse       (const guint8          *data,
                                              gsize                  length,
                                              GError               **error);
SsvTorrentInfo *ssv_torrent_info_parse_bytes (GBytes                *bytes,
                                              GError               **error);
char           *ssv_torrent_info_dup_magnet  (const SsvTorrentInfo  *info);
void            ssv_torrent_info_free        (SsvTorrentInfo        *info);

char           *ssv_magnet_parse_infohash    (const char            *magnet,
                                              char                 **display_name,
                                              GError               **error);
gboolean        ssv_infohash_is_valid        (const char            *text);
char           *ssv_infohash_normalize       (const char            *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvTorrentInfo, ssv_torrent_info_free)

G_END_DECLS
