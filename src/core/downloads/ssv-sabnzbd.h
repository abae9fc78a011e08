/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-sabnzbd.h: SABnzbd through its API (api?mode=addurl/addfile/queue/history, apikey). */

#pragma once

#include "downloads/ssv-download-client.h"

G_BEGIN_DECLS

#define SSV_TYPE_SABNZBD (ssv_sabnzbd_get_type ())

G_DECLARE_FINAL_TYPE (SsvSabnzbd, ssv_sabnzbd, SSV, SABNZBD, GObject)

SsvSabnzbd  *ssv_sabnzbd_new             (SsvHttp               *http,
                                          const SsvClientConfig *config);

GPtrArray   *ssv_sabnzbd_parse_queue     (const char            *json,
                                          gssize                 length,
                                          GError               **error);
GPtrArray   *ssv_sabnzbd_parse_history   (const char            *json,
                                          gssize                 length,
                                          GError               **error);
GPtrArray   *ssv_sabnzbd_parse_files     (const char            *json,
                                          gssize                 length,
                                          GError               **error);
gint64       ssv_sabnzbd_parse_timeleft  (const char            *text);

G_END_DECLS
