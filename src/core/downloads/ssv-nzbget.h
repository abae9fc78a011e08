/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-nzbget.h: NZBGet through its JSON-RPC (append, listgroups, history, editqueue). */

#pragma once

#include "downloads/ssv-download-client.h"

G_BEGIN_DECLS

#define SSV_TYPE_NZBGET (ssv_nzbget_get_type ())

G_DECLARE_FINAL_TYPE (SsvNzbget, ssv_nzbget, SSV, NZBGET, GObject)

SsvNzbget  *ssv_nzbget_new             (SsvHttp               *http,
                                        const SsvClientConfig *config);

GPtrArray  *ssv_nzbget_parse_groups    (const char            *json,
                                        gssize                 length,
                                        gint64                 download_rate,
                                        GError               **error);
GPtrArray  *ssv_nzbget_parse_history   (const char            *json,
                                        gssize                 length,
                                        GError               **error);
GPtrArray  *ssv_nzbget_parse_files     (const char            *json,
                                        gssize                 length,
                                        GError               **error);

G_END_DECLS
