/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-writer.h: what a scan writes into the library (upserts, prunes), apart from
 * what the pages read. Only the scanner calls these, on its own thread. */

#pragma once

#include "stores/ssv-library-store.h"
#include "stores/ssv-scan-hold-store.h"

G_BEGIN_DECLS

/* What a scan write did; every kind of row counts (movies, shows, episodes). */
typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
  guint removed;
  guint skipped;
} SsvWriteCounts;

/* What a deep scan's prune of one library did. */
typedef struct
{
  guint          stored;    /* titles the library had */
  guint          listed;    /* titles the listing had */
  guint          removed;
  guint          held;      /* titles kept until the person confirms */
  SsvHoldReason  reason;    /* why they were held */
} SsvPruneOutcome;

/* Writes of a scan (worker threads). */
gboolean          ssv_library_store_save_titles       (SsvLibraryStore   *self,
                                                       gint64             server_row,
                                                       GPtrArray         *items,
                                                       GHashTable        *seen,
                                                       SsvWriteCounts    *counts,
                                                       GPtrArray         *problems,
                                                       GError           **error);
gboolean          ssv_library_store_save_show_tree    (SsvLibraryStore   *self,
                                                       gint64             server_row,
                                                       const SsvMediaItem *show,
                                                       const char        *show_server_id,
                                                       const SsvShowTree *tree,
                                                       gboolean           prune,
                                                       SsvWriteCounts    *counts,
                                                       GPtrArray         *problems,
                                                       GError           **error);
gint64            ssv_library_store_count_titles      (SsvLibraryStore   *self,
                                                       SsvMediaKind       kind,
                                                       gint64             server_row,
                                                       const char        *library_key,
                                                       GError           **error);
gboolean          ssv_library_store_prune_titles      (SsvLibraryStore   *self,
                                                       SsvMediaKind       kind,
                                                       gint64             server_row,
                                                       const char        *library_key,
                                                       const char        *library_name,
                                                       GHashTable        *seen,
                                                       SsvPruneOutcome   *outcome,
                                                       GError           **error);
gboolean          ssv_library_store_prune_unmapped    (SsvLibraryStore   *self,
                                                       gint64             server_row,
                                                       guint             *removed,
                                                       GError           **error);

G_END_DECLS
