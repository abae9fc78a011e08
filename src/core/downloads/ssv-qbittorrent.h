/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-qbittorrent.h: qBittorrent through its WebAPI v2 (cookie login, torrents/…). */

#pragma once

#include "downloads/ssv-download-client.h"

G_BEGIN_DECLS

#define SSV_TYPE_QBITTORRENT (ssv_qbittorrent_get_type ())

G_DECLARE_FINAL_TYPE (SsvQbittorrent, ssv_qbittorrent, SSV, QBITTORRENT, GObject)

/* qBittorrent's ETA for "no idea" (100 days). */
#define SSV_QBITTORRENT_ETA_UNKNOWN 8640000

SsvQbittorrent   *ssv_qbittorrent_new             (SsvHttp               *http,
                                                   const SsvClientConfig *config);
gboolean          ssv_qbittorrent_add_peers       (SsvQbittorrent        *self,
                                                   const char            *reference,
                                                   const char * const    *peers,
                                                   GCancellable          *cancellable,
                                                   GError               **error);

SsvTransferState  ssv_qbittorrent_map_state       (const char            *state,
                                                   double                 progress);
GPtrArray        *ssv_qbittorrent_parse_torrents  (const char            *json,
                                                   gssize                 length,
                                                   GError               **error);
GPtrArray        *ssv_qbittorrent_parse_files     (const char            *json,
                                                   gssize                 length,
                                                   GError               **error);

G_END_DECLS
