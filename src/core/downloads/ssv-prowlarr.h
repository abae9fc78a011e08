/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-prowlarr.h: Prowlarr's own API (/api/v1/search, /api/v1/indexer, X-Api-Key). */

#pragma once

#include "downloads/ssv-indexer.h"

G_BEGIN_DECLS

/* One indexer Prowlarr manages, as /api/v1/indexer lists it. */
typedef struct
{
  gint64          id;
  char           *name;
  SsvProtocol     protocol;
  SsvIndexerCaps *caps;
} SsvProwlarrIndexer;

void        ssv_prowlarr_indexer_free      (SsvProwlarrIndexer    *indexer);

/* Pure: an answer in, records out; @name is the Prowlarr's, for the errors. */
GPtrArray  *ssv_prowlarr_parse_results     (const char            *data,
                                            gssize                 length,
                                            const char            *name,
                                            GError               **error);
GPtrArray  *ssv_prowlarr_parse_indexers    (const char            *data,
                                            gssize                 length,
                                            const char            *name,
                                            GError               **error);
char       *ssv_prowlarr_build_query       (const SsvIndexerQuery *query);

/* Blocking. */
GPtrArray  *ssv_prowlarr_list_sources      (SsvIndexer            *prowlarr,
                                            SsvHttp               *http,
                                            GCancellable          *cancellable,
                                            GError               **error);
GPtrArray  *ssv_prowlarr_search            (SsvIndexer            *source,
                                            SsvHttp               *http,
                                            const SsvIndexerQuery *query,
                                            GCancellable          *cancellable,
                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvProwlarrIndexer, ssv_prowlarr_indexer_free)

G_END_DECLS
