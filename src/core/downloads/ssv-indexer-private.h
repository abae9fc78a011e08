/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-indexer-private.h: what the protocol files (Torznab, Prowlarr, slskd) share with SsvIndexer. */

#pragma once

#include <json-glib/json-glib.h>

#include "downloads/ssv-indexer.h"

G_BEGIN_DECLS

/* Every request to an indexer goes through these: its address, its request
 * budget, its own rate limit and 429 cooldown in SsvHttp, and errors that name it. */
SsvHttpRequest *ssv_indexer_request_new       (SsvIndexer      *self,
                                               const char      *method,
                                               const char      *path);
SsvHttpRequest *ssv_indexer_json_request_new  (SsvIndexer      *self,
                                               const char      *method,
                                               const char      *path,
                                               const char      *key_header);
GBytes         *ssv_indexer_send              (SsvIndexer      *self,
                                               SsvHttp         *http,
                                               SsvHttpRequest  *request,
                                               GCancellable    *cancellable,
                                               GError         **error);
const char     *ssv_indexer_get_api_key       (SsvIndexer      *self);
gint64          ssv_indexer_get_remote_id     (SsvIndexer      *self);
const char     *ssv_indexer_get_owner_name    (SsvIndexer      *self);
gboolean        ssv_indexer_is_source         (SsvIndexer      *self);
SsvIndexer     *ssv_indexer_new_source        (SsvIndexer      *parent,
                                               gint64           remote_id,
                                               const char      *name,
                                               SsvProtocol      protocol,
                                               SsvIndexerCaps  *caps);
void            ssv_indexer_get_slskd_timing  (SsvIndexer      *self,
                                               guint           *min_gap_ms,
                                               guint           *poll_ms,
                                               guint           *deadline_ms);
gboolean        ssv_indexer_wait_slskd_gap    (SsvIndexer      *self,
                                               GCancellable    *cancellable);
void            ssv_indexer_slskd_search_sent (SsvIndexer      *self);

/* Shared by the readers: what an answer that is not the expected kind looks like. */
gboolean        ssv_body_looks_like_html      (const char      *data,
                                               gsize            length);
void            ssv_set_web_page_error        (GError         **error,
                                               const char      *name);
JsonNode       *ssv_parse_json_answer         (const char      *data,
                                               gssize           length,
                                               const char      *name,
                                               GError         **error);

G_END_DECLS
