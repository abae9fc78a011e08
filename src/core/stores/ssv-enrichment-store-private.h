/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-enrichment-store-private.h: the gap-only write of a provider's answer, for stores
 * that write more in the same transaction (the refresh). */

#pragma once

#include "ssv-enrichment-store.h"

G_BEGIN_DECLS

gboolean ssv_enrichment_store_record_in_transaction (SsvEnrichmentStore  *self,
                                                     const char          *provider,
                                                     const SsvWorkItem   *item,
                                                     const SsvMeta       *meta,
                                                     SsvOutcome           outcome,
                                                     gboolean             episodes_synced,
                                                     const char          *message,
                                                     GError             **error);

G_END_DECLS
