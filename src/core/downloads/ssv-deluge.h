/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-deluge.h: Deluge through deluge-web's JSON-RPC (auth.login, web.connect, core.…). */

#pragma once

#include "downloads/ssv-download-client.h"

G_BEGIN_DECLS

#define SSV_TYPE_DELUGE (ssv_deluge_get_type ())

G_DECLARE_FINAL_TYPE (SsvDeluge, ssv_deluge, SSV, DELUGE, GObject)

SsvDeluge        *ssv_deluge_new             (SsvHttp               *http,
                                              const SsvClientConfig *config);

SsvTransferState  ssv_deluge_map_state       (const char            *state,
                                              double                 progress,
                                              gboolean               has_metadata);
GPtrArray        *ssv_deluge_parse_torrents  (const char            *json,
                                              gssize                 length,
                                              GError               **error);
GPtrArray        *ssv_deluge_parse_files     (const char            *json,
                                              gssize                 length,
                                              GError               **error);
char             *ssv_deluge_clean_message   (const char            *message);

G_END_DECLS
