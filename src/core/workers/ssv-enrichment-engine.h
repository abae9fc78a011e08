/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-enrichment-engine.h: owns and lists the enrichment workers; holds them while scans write. */

#pragma once

#include <gio/gio.h>

#include "workers/ssv-worker.h"
#include "stores/ssv-store.h"

G_BEGIN_DECLS

#define SSV_TYPE_ENRICHMENT_ENGINE (ssv_enrichment_engine_get_type ())

G_DECLARE_FINAL_TYPE (SsvEnrichmentEngine, ssv_enrichment_engine, SSV, ENRICHMENT_ENGINE, GObject)

SsvEnrichmentEngine *ssv_enrichment_engine_new          (SsvDatabase          *database,
                                                        SsvHttp              *http,
                                                        SsvSecrets           *secrets,
                                                        SsvStore             *library_store);
GListModel          *ssv_enrichment_engine_get_workers  (SsvEnrichmentEngine  *self);
SsvWorker           *ssv_enrichment_engine_lookup       (SsvEnrichmentEngine  *self,
                                                        const char           *name);
SsvEnrichmentStore  *ssv_enrichment_engine_get_store    (SsvEnrichmentEngine  *self);
void                 ssv_enrichment_engine_add_worker   (SsvEnrichmentEngine  *self,
                                                        SsvWorker            *worker);

void                 ssv_enrichment_engine_start        (SsvEnrichmentEngine  *self);
void                 ssv_enrichment_engine_stop         (SsvEnrichmentEngine  *self);
void                 ssv_enrichment_engine_shutdown_async  (SsvEnrichmentEngine  *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             ssv_enrichment_engine_shutdown_finish (SsvEnrichmentEngine  *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
gboolean             ssv_enrichment_engine_is_running   (SsvEnrichmentEngine  *self);

/* A library scan is writing: workers finish the item in hand and wait.
 * Counted, and separate from the person's pause. */
void                 ssv_enrichment_engine_hold         (SsvEnrichmentEngine  *self);
void                 ssv_enrichment_engine_release      (SsvEnrichmentEngine  *self);
gboolean             ssv_enrichment_engine_is_held      (SsvEnrichmentEngine  *self);
void                 ssv_enrichment_engine_follow_scanner (SsvEnrichmentEngine *self,
                                                        GObject              *scanner);

void                 ssv_enrichment_engine_request      (SsvEnrichmentEngine  *self,
                                                        SsvItemKind           kind,
                                                        gint64                id);
void                 ssv_enrichment_engine_key_changed  (SsvEnrichmentEngine  *self,
                                                        const char           *name);

void                 ssv_enrichment_engine_rematch_async  (SsvEnrichmentEngine  *self,
                                                          SsvItemKind           kind,
                                                          gint64                id,
                                                          gint64                tmdb_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean             ssv_enrichment_engine_rematch_finish (SsvEnrichmentEngine  *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
void                 ssv_enrichment_engine_retry_failed_async  (SsvEnrichmentEngine  *self,
                                                               const char           *name,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
gint64               ssv_enrichment_engine_retry_failed_finish (SsvEnrichmentEngine  *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);

/* The metadata language and region ("de-DE", "DE"), kept with the library. */
void                 ssv_enrichment_engine_load_language_async  (SsvEnrichmentEngine  *self,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean             ssv_enrichment_engine_load_language_finish (SsvEnrichmentEngine  *self,
                                                                GAsyncResult         *result,
                                                                char                **language,
                                                                char                **region,
                                                                GError              **error);
void                 ssv_enrichment_engine_save_language_async  (SsvEnrichmentEngine  *self,
                                                                const char           *language,
                                                                const char           *region,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean             ssv_enrichment_engine_save_language_finish (SsvEnrichmentEngine  *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

G_END_DECLS
