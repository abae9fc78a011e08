/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-torznab.h: Torznab and Newznab indexers (and Jackett's Torznab feeds): caps and searches. */

#pragma once

#include "downloads/ssv-indexer.h"

G_BEGIN_DECLS

/* Pure: an answer in, records out; @name is the indexer's, for the errors. */
SsvIndexerCaps *ssv_torznab_parse_caps     (const char             *data,
                                            gssize                  length,
                                            const char             *name,
                                            GError                **error);
GPtrArray      *ssv_torznab_parse_results  (const char             *data,
                                            gssize                  length,
                                            const char             *name,
                                            SsvProtocol             protocol,
                                            GError                **error);

/* Blocking, through the indexer's budget and rate. */
SsvIndexerCaps *ssv_torznab_fetch_caps     (SsvIndexer             *indexer,
                                            SsvHttp                *http,
                                            GCancellable           *cancellable,
                                            GError                **error);
GPtrArray      *ssv_torznab_search         (SsvIndexer             *indexer,
                                            SsvHttp                *http,
                                            const SsvIndexerQuery  *query,
                                            GCancellable           *cancellable,
                                            GError                **error);

G_END_DECLS
