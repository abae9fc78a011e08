/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-slskd.h: Soulseek downloads through slskd's API (transfers/downloads, X-API-Key). */

#pragma once

#include "downloads/ssv-download-client.h"

G_BEGIN_DECLS

#define SSV_TYPE_SLSKD (ssv_slskd_get_type ())

G_DECLARE_FINAL_TYPE (SsvSlskd, ssv_slskd, SSV, SLSKD, GObject)

SsvSlskd         *ssv_slskd_new               (SsvHttp               *http,
                                               const SsvClientConfig *config);

char             *ssv_slskd_reference_new     (const char            *user,
                                               const char            *filename);
gboolean          ssv_slskd_reference_parse   (const char            *reference,
                                               char                 **user,
                                               char                 **filename);
SsvTransferState  ssv_slskd_map_state         (const char            *state);
GPtrArray        *ssv_slskd_parse_downloads   (const char            *json,
                                               gssize                 length,
                                               const char            *downloads_dir,
                                               GError               **error);
gint64            ssv_slskd_parse_timespan    (const char            *text);

G_END_DECLS
