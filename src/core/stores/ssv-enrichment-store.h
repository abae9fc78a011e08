/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-enrichment-store.h: per-provider match status, the work queue, gap-only metadata writes. */

#pragma once

#include "stores/ssv-store.h"
#include "providers/ssv-meta.h"

G_BEGIN_DECLS

#define SSV_TYPE_ENRICHMENT_STORE (ssv_enrichment_store_get_type ())

G_DECLARE_FINAL_TYPE (SsvEnrichmentStore, ssv_enrichment_store, SSV, ENRICHMENT_STORE, SsvStore)

typedef enum
{
  SSV_OUTCOME_MATCHED,
  SSV_OUTCOME_NOT_FOUND,
  SSV_OUTCOME_ERROR,
  SSV_N_OUTCOMES
} SsvOutcome;

/* What a title must already have before a provider can be asked about it. */
typedef enum
{
  SSV_REQUIRE_NOTHING,
  SSV_REQUIRE_IMDB,
  SSV_REQUIRE_TVDB,
  SSV_REQUIRE_TMDB_OR_IMDB,
  SSV_N_REQUIREMENTS
} SsvRequirement;

typedef struct
{
  SsvItemKind  kind;
  gint64       id;
  char        *title;         /* for episodes: the show's title */
  int          year;
  gint64       tmdb_id;
  gint64       tvdb_id;
  char        *imdb_id;
  gint64       show_id;
  int          season_number;
  int          episode_number;
  int          previous;      /* an SsvOutcome, or -1: never attempted */
  gboolean     forced;        /* asked for by a person: outside the queue's order */
} SsvWorkItem;

typedef struct
{
  gint64 matched;
  gint64 not_found;
  gint64 errors;
  gint64 pending;
} SsvKindStats;

typedef struct
{
  char        *provider;
  SsvItemKind  kind;
  gint64       id;
  char        *title;
  int          year;
  SsvOutcome   status;
  char        *last_error;
  gint64       last_attempt_at;
} SsvUnmatched;

SsvEnrichmentStore *ssv_enrichment_store_new          (SsvDatabase         *database);

GPtrArray   *ssv_enrichment_store_next_items          (SsvEnrichmentStore  *self,
                                                       const char          *provider,
                                                       SsvItemKind          kind,
                                                       SsvRequirement       requirement,
                                                       gint64               now,
                                                       gint64               retry_window_s,
                                                       guint                limit,
                                                       GError             **error);
SsvWorkItem *ssv_enrichment_store_load_item           (SsvEnrichmentStore  *self,
                                                       const char          *provider,
                                                       SsvItemKind          kind,
                                                       gint64               id,
                                                       GError             **error);
gboolean     ssv_enrichment_store_record              (SsvEnrichmentStore  *self,
                                                       const char          *provider,
                                                       const SsvWorkItem   *item,
                                                       const SsvMeta       *meta,
                                                       SsvOutcome           outcome,
                                                       gboolean             episodes_synced,
                                                       const char          *message,
                                                       GError             **error);
gboolean     ssv_enrichment_store_get_stats           (SsvEnrichmentStore  *self,
                                                       const char          *provider,
                                                       SsvItemKind          kind,
                                                       SsvRequirement       requirement,
                                                       SsvKindStats        *stats,
                                                       GError             **error);
gint64       ssv_enrichment_store_retry_failed        (SsvEnrichmentStore  *self,
                                                       const char          *provider,
                                                       GError             **error);
GPtrArray   *ssv_enrichment_store_list_unmatched      (SsvEnrichmentStore  *self,
                                                       const char          *provider,
                                                       const char          *search,
                                                       guint                limit,
                                                       GError             **error);
gboolean     ssv_enrichment_store_rematch             (SsvEnrichmentStore  *self,
                                                       SsvItemKind          kind,
                                                       gint64               id,
                                                       gint64               tmdb_id,
                                                       GError             **error);
gboolean     ssv_enrichment_store_is_synced           (SsvEnrichmentStore  *self,
                                                       const char          *provider,
                                                       SsvItemKind          kind,
                                                       gint64               id,
                                                       GError             **error);

/* For the UI thread. */
void         ssv_enrichment_store_list_unmatched_async  (SsvEnrichmentStore  *self,
                                                         const char          *provider,
                                                         const char          *search,
                                                         guint                limit,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
GPtrArray   *ssv_enrichment_store_list_unmatched_finish (SsvEnrichmentStore  *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
void         ssv_enrichment_store_rematch_async         (SsvEnrichmentStore  *self,
                                                         SsvItemKind          kind,
                                                         gint64               id,
                                                         gint64               tmdb_id,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean     ssv_enrichment_store_rematch_finish        (SsvEnrichmentStore  *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
void         ssv_enrichment_store_retry_failed_async    (SsvEnrichmentStore  *self,
                                                         const char          *provider,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gint64       ssv_enrichment_store_retry_failed_finish   (SsvEnrichmentStore  *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

const char  *ssv_outcome_to_string                    (SsvOutcome           outcome);
SsvWorkItem *ssv_work_item_copy                       (const SsvWorkItem   *item);
void         ssv_work_item_free                       (SsvWorkItem         *item);
char        *ssv_work_item_dup_label                  (const SsvWorkItem   *item);
void         ssv_unmatched_free                       (SsvUnmatched        *unmatched);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvWorkItem, ssv_work_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvUnmatched, ssv_unmatched_free)

G_END_DECLS
