/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-transmission.h: Transmission through its RPC (the 409 session-id dance, torrent-…). */

#pragma once

#include "downloads/ssv-download-client.h"

G_BEGIN_DECLS

#define SSV_TYPE_TRANSMISSION (ssv_transmission_get_type ())

G_DECLARE_FINAL_TYPE (SsvTransmission, ssv_transmission, SSV, TRANSMISSION, GObject)

SsvTransmission  *ssv_transmission_new             (SsvHttp               *http,
                                                    const SsvClientConfig *config);

SsvTransferState  ssv_transmission_map_state       (gint64                 status,
                                                    gint64                 error,
                                                    double                 percent_done,
                                                    double                 metadata_done,
                                                    gboolean               stalled);
GPtrArray        *ssv_transmission_parse_torrents  (const char            *json,
                                                    gssize                 length,
                                                    GError               **error);
GPtrArray        *ssv_transmission_parse_files     (const char            *json,
                                                    gssize                 length,
                                                    GError               **error);

G_END_DECLS
