/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-enrichment-store-private.h: what the enrichment store's files share: the whitelist of
 * columns providers may write, the readers of a title's locks and filled lists, and the
 * gap-only write of a provider's answer for stores that write more in the same transaction
 * (the refresh). */

#pragma once

#include "stores/ssv-enrichment-store.h"

G_BEGIN_DECLS

/* The whitelist (ssv-enrichment-store.c): providers may write these columns and no others. */
typedef enum
{
  COL_TEXT,      /* char*, non-empty UTF-8 */
  COL_DATE,      /* char*, YYYY-MM-DD */
  COL_TIME,      /* char*, HH:MM */
  COL_URL,       /* char*, http(s) */
  COL_IMDB,      /* char*, tt1234567 */
  COL_INT,       /* int, > 0 */
  COL_INT64,     /* gint64, > 0 */
  COL_REAL,      /* double, > 0 */
  COL_SCORE,     /* int, 0…100 (-1 = none) */
} ColumnType;

typedef struct
{
  const char *name;
  ColumnType  type;
  gsize       offset;
} Column;

typedef struct
{
  const char   *table;
  const char   *status_column;   /* its foreign key in enrichment_status */
  const Column *columns;
  guint         n_columns;
} TableInfo;

/* A season, and an episode in a show's cascade. */
extern const TableInfo ssv_enrichment_season_table;
extern const TableInfo ssv_enrichment_episode_table;

const TableInfo *ssv_enrichment_table_for_kind  (SsvItemKind   kind);
SsvOutcome       ssv_outcome_from_string        (const char   *text);
GHashTable      *ssv_enrichment_parse_name_list (const char   *text);
GHashTable      *ssv_enrichment_read_locked     (SsvDatabase  *db,
                                                 const char   *table,
                                                 gint64        id,
                                                 gboolean     *exists,
                                                 GError      **error);

gboolean ssv_enrichment_store_record_in_transaction (SsvEnrichmentStore  *self,
                                                     const char          *provider,
                                                     const SsvWorkItem   *item,
                                                     const SsvMeta       *meta,
                                                     SsvOutcome           outcome,
                                                     gboolean             episodes_synced,
                                                     const char          *message,
                                                     GError             **error);

G_END_DECLS
