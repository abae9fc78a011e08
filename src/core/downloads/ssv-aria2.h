/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-aria2.h: aria2 through its JSON-RPC ("token:" secret; addUri, addTorrent, tell…). */

#pragma once

#include "downloads/ssv-download-client.h"

G_BEGIN_DECLS

#define SSV_TYPE_ARIA2 (ssv_aria2_get_type ())

G_DECLARE_FINAL_TYPE (SsvAria2, ssv_aria2, SSV, ARIA2, GObject)

SsvAria2   *ssv_aria2_new              (SsvHttp               *http,
                                        const SsvClientConfig *config);

GPtrArray  *ssv_aria2_parse_downloads  (const char            *json,
                                        gssize                 length,
                                        GError               **error);
GPtrArray  *ssv_aria2_parse_files      (const char            *json,
                                        gssize                 length,
                                        const char            *dir,
                                        GError               **error);

G_END_DECLS
