/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-slskd-search.h: Soulseek searches through slskd, grouped into releases (one per folder). */

#pragma once

#include <json-glib/json-glib.h>

#include "downloads/ssv-indexer.h"

G_BEGIN_DECLS

/* Pure: slskd's answers in, releases out; @name is the source's, for hits and errors. */
GPtrArray *ssv_slskd_group_responses  (JsonNode      *responses,
                                       const char    *name);
GPtrArray *ssv_slskd_parse_responses  (const char    *data,
                                       gssize         length,
                                       const char    *name,
                                       GError       **error);

/* Blocking: starts a search, polls it, reads its answers and deletes it. */
GPtrArray *ssv_slskd_search           (SsvIndexer    *indexer,
                                       SsvHttp       *http,
                                       const char    *text,
                                       GCancellable  *cancellable,
                                       GError       **error);
char      *ssv_slskd_test             (SsvIndexer    *indexer,
                                       SsvHttp       *http,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
