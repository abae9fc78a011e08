/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-indexer.h: fake Torznab/Newznab indexers and a fake Prowlarr, replaying recorded answers. */

#pragma once

#include "ssv-fake-server.h"

G_BEGIN_DECLS

typedef struct _SsvFakeIndexer SsvFakeIndexer;

/* A Torznab/Newznab indexer at "<url>/api": t=caps answers @caps_fixture; a
 * wrong apikey gets Newznab's <error code="100">, with 200, as Newznab sends it. */
SsvFakeIndexer *ssv_fake_indexer_new            (const char      *api_key,
                                                 const char      *caps_fixture);
/* A Prowlarr at "<url>": /api/v1/indexer answers @indexers_fixture, /api/v1/search
 * answers per indexerIds; a wrong X-Api-Key gets 401, as Prowlarr sends it. */
SsvFakeIndexer *ssv_fake_prowlarr_new           (const char      *api_key,
                                                 const char      *indexers_fixture);
void            ssv_fake_indexer_free           (SsvFakeIndexer  *self);
const char     *ssv_fake_indexer_get_url        (SsvFakeIndexer  *self);
SsvFakeServer  *ssv_fake_indexer_get_server     (SsvFakeIndexer  *self);

/* What a search answers: @function "search", "tvsearch", "movie" (NULL: all);
 * for Prowlarr, @function is the indexer id as text ("1"). */
void            ssv_fake_indexer_set_results    (SsvFakeIndexer  *self,
                                                 const char      *function,
                                                 const char      *fixture);
void            ssv_fake_indexer_set_caps_text  (SsvFakeIndexer  *self,
                                                 const char      *xml);
void            ssv_fake_indexer_set_body       (SsvFakeIndexer  *self,
                                                 const char      *function,
                                                 guint            status,
                                                 const char      *content_type,
                                                 const char      *body);
/* Searches wait until released (caps and listings do not): a slow indexer, on cue. */
void            ssv_fake_indexer_hold           (SsvFakeIndexer  *self);
void            ssv_fake_indexer_release        (SsvFakeIndexer  *self);
gboolean        ssv_fake_indexer_wait_searches  (SsvFakeIndexer  *self,
                                                 guint            n_searches,
                                                 guint            timeout_ms);
/* The parameters of every search, in order (GHashTable name → value). */
GPtrArray      *ssv_fake_indexer_dup_searches   (SsvFakeIndexer  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvFakeIndexer, ssv_fake_indexer_free)

G_END_DECLS
