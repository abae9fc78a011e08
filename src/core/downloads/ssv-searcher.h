/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-searcher.h: searches every indexer for one wanted item at once; results arrive as each answers. */

#pragma once

#include <gio/gio.h>

#include "net/ssv-http.h"
#include "downloads/ssv-indexer.h"
#include "downloads/ssv-judge.h"
#include "downloads/ssv-retry.h"
#include "downloads/ssv-search-item.h"

G_BEGIN_DECLS

#define SSV_TYPE_SEARCHER (ssv_searcher_get_type ())
#define SSV_TYPE_SEARCH (ssv_search_get_type ())
#define SSV_TYPE_SEARCH_BATCH (ssv_search_batch_get_type ())

G_DECLARE_FINAL_TYPE (SsvSearcher, ssv_searcher, SSV, SEARCHER, GObject)
G_DECLARE_FINAL_TYPE (SsvSearch, ssv_search, SSV, SEARCH, GObject)

/* What one source answered to one query: the hits not seen before, judged and sorted. */
typedef struct
{
  gatomicrefcount  ref;
  char            *source;        /* "NZBgeek", "1337x (via Prowlarr)", "Soulseek" */
  char            *query;         /* the query in plain words */
  GPtrArray       *hits;          /* SsvJudgedHit */
  guint            duplicates;    /* hits left out: another source (or query) had them first */
  gint64           elapsed_us;    /* since the search started */
} SsvSearchBatch;

/* A source that could not be searched, and why, in plain words. */
typedef struct
{
  char   *source;
  char   *message;
  GQuark  domain;
  int     code;
} SsvSearchFailure;

GType             ssv_search_batch_get_type  (void) G_GNUC_CONST;
SsvSearchBatch   *ssv_search_batch_ref       (SsvSearchBatch          *batch);
void              ssv_search_batch_unref     (SsvSearchBatch          *batch);

SsvSearcher      *ssv_searcher_new           (SsvHttp                 *http);
void              ssv_searcher_add_indexer   (SsvSearcher             *self,
                                              SsvIndexer              *indexer);
void              ssv_searcher_remove_indexer (SsvSearcher            *self,
                                              SsvIndexer              *indexer);
GPtrArray        *ssv_searcher_dup_indexers  (SsvSearcher             *self);
void              ssv_searcher_set_blocklist (SsvSearcher             *self,
                                              SsvBlocklist            *blocklist);
SsvSearch        *ssv_searcher_start         (SsvSearcher             *self,
                                              SsvSearchItem           *item,
                                              SsvQualityProfile       *profile,
                                              const SsvOwnedFile      *owned,
                                              GCancellable            *cancellable);
SsvSearch        *ssv_searcher_search_sync   (SsvSearcher             *self,
                                              SsvSearchItem           *item,
                                              SsvQualityProfile       *profile,
                                              const SsvOwnedFile      *owned,
                                              GCancellable            *cancellable);

SsvSearch        *ssv_searcher_search_text_sync (SsvSearcher         *self,
                                              SsvSearchItem           *item,
                                              SsvQualityProfile       *profile,
                                              const char              *text,
                                              GCancellable            *cancellable);

SsvSearchItem    *ssv_search_get_item        (SsvSearch               *self);
gboolean          ssv_search_is_running      (SsvSearch               *self);
guint             ssv_search_get_n_sources   (SsvSearch               *self);
guint             ssv_search_get_n_answered  (SsvSearch               *self);
GPtrArray        *ssv_search_dup_results     (SsvSearch               *self);
GPtrArray        *ssv_search_dup_failures    (SsvSearch               *self);
void              ssv_search_cancel          (SsvSearch               *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvSearchBatch, ssv_search_batch_unref)

G_END_DECLS
