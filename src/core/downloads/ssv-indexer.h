/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-indexer.h: where releases are searched: Torznab/Newznab indexers, Prowlarr, Soulseek (slskd). */

#pragma once

#include <gio/gio.h>

#include "net/ssv-http.h"
#include "downloads/ssv-release-hit.h"

G_BEGIN_DECLS

#define SSV_TYPE_INDEXER (ssv_indexer_get_type ())
#define SSV_TYPE_INDEXER_CAPS (ssv_indexer_caps_get_type ())

G_DECLARE_FINAL_TYPE (SsvIndexer, ssv_indexer, SSV, INDEXER, GObject)

typedef enum
{
  SSV_INDEXER_TORZNAB,    /* a Torznab indexer, or Jackett's Torznab feed of one */
  SSV_INDEXER_NEWZNAB,
  SSV_INDEXER_PROWLARR,   /* Prowlarr's own API: every indexer it manages */
  SSV_INDEXER_SLSKD,      /* Soulseek, through slskd */
  SSV_INDEXER_N_KINDS,
} SsvIndexerKind;

/* Which Newznab function a query calls. */
typedef enum
{
  SSV_SEARCH_GENERIC,     /* t=search */
  SSV_SEARCH_TV,          /* t=tvsearch */
  SSV_SEARCH_MOVIE,       /* t=movie */
  SSV_SEARCH_N_TYPES,
} SsvSearchType;

/* The parameters a search function takes, as caps list them. */
typedef enum
{
  SSV_PARAM_Q        = 1 << 0,
  SSV_PARAM_SEASON   = 1 << 1,
  SSV_PARAM_EP       = 1 << 2,
  SSV_PARAM_IMDBID   = 1 << 3,
  SSV_PARAM_TVDBID   = 1 << 4,
  SSV_PARAM_TMDBID   = 1 << 5,
  SSV_PARAM_RID      = 1 << 6,
  SSV_PARAM_TVMAZEID = 1 << 7,
} SsvSearchParams;

typedef struct
{
  int   id;
  int   parent;   /* 0 for a top category */
  char *name;
} SsvIndexerCategory;

/* What an indexer can do (t=caps). params[type] == 0: that function is not offered. */
typedef struct
{
  gatomicrefcount  ref;
  guint32          params[SSV_SEARCH_N_TYPES];
  int              limit_max;       /* results per page; 0 unknown */
  int              limit_default;
  GArray          *categories;      /* SsvIndexerCategory */
} SsvIndexerCaps;

/* One request to one indexer. Unset: NULL strings, season -1, ids 0. */
typedef struct
{
  SsvSearchType  type;
  char          *q;
  int            season;
  char          *ep;          /* "2"; "07/08" for a daily show (season is then the year) */
  char          *imdb_id;     /* "tt0039689" */
  gint64         tvdb_id;
  gint64         tmdb_id;
  gboolean       tv;          /* for a show: TV categories, not film ones */
  gboolean       anime;
  gboolean       fallback;    /* only sent when the queries before it found nothing */
} SsvIndexerQuery;

GType            ssv_indexer_caps_get_type        (void) G_GNUC_CONST;
SsvIndexerCaps  *ssv_indexer_caps_new             (void);
SsvIndexerCaps  *ssv_indexer_caps_ref             (SsvIndexerCaps       *caps);
void             ssv_indexer_caps_unref           (SsvIndexerCaps       *caps);
void             ssv_indexer_caps_add_category    (SsvIndexerCaps       *caps,
                                                   int                   id,
                                                   int                   parent,
                                                   const char           *name);
gboolean         ssv_indexer_caps_supports        (const SsvIndexerCaps *caps,
                                                   SsvSearchType         type,
                                                   guint32               params);
GArray          *ssv_indexer_caps_pick_categories (const SsvIndexerCaps *caps,
                                                   gboolean              tv,
                                                   gboolean              anime);
guint32          ssv_search_params_from_string    (const char           *list);

SsvIndexerQuery *ssv_indexer_query_new            (SsvSearchType         type,
                                                   const char           *q);
SsvIndexerQuery *ssv_indexer_query_copy           (const SsvIndexerQuery *query);
void             ssv_indexer_query_free           (SsvIndexerQuery      *query);
char            *ssv_indexer_query_describe       (const SsvIndexerQuery *query);
guint32          ssv_indexer_query_params         (const SsvIndexerQuery *query);

const char      *ssv_indexer_kind_to_string       (SsvIndexerKind        kind);
gboolean         ssv_indexer_kind_from_string     (const char           *text,
                                                   SsvIndexerKind       *kind);
const char      *ssv_search_type_to_string        (SsvSearchType         type);

SsvIndexer      *ssv_indexer_new                  (SsvIndexerKind        kind,
                                                   const char           *name,
                                                   const char           *url,
                                                   const char           *api_key);
SsvIndexerKind   ssv_indexer_get_kind             (SsvIndexer           *self);
const char      *ssv_indexer_get_name             (SsvIndexer           *self);
const char      *ssv_indexer_get_url              (SsvIndexer           *self);
SsvProtocol      ssv_indexer_get_protocol         (SsvIndexer           *self);
void             ssv_indexer_set_categories       (SsvIndexer           *self,
                                                   const int            *categories,
                                                   guint                 n_categories);
GArray          *ssv_indexer_dup_categories       (SsvIndexer           *self,
                                                   gboolean              tv,
                                                   gboolean              anime);
void             ssv_indexer_set_rate             (SsvIndexer           *self,
                                                   double                per_second,
                                                   guint                 burst);
void             ssv_indexer_set_budget           (SsvIndexer           *self,
                                                   guint                 requests,
                                                   guint                 window_seconds);
guint            ssv_indexer_get_requests_left    (SsvIndexer           *self);
void             ssv_indexer_set_slskd_timing     (SsvIndexer           *self,
                                                   guint                 min_gap_ms,
                                                   guint                 poll_ms,
                                                   guint                 deadline_ms);
SsvIndexerCaps  *ssv_indexer_dup_caps             (SsvIndexer           *self);
void             ssv_indexer_set_caps             (SsvIndexer           *self,
                                                   SsvIndexerCaps       *caps);

/* Blocking: call them from a worker thread. */
SsvIndexerCaps  *ssv_indexer_fetch_caps           (SsvIndexer           *self,
                                                   SsvHttp              *http,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
GPtrArray       *ssv_indexer_list_sources         (SsvIndexer           *self,
                                                   SsvHttp              *http,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
GPtrArray       *ssv_indexer_search               (SsvIndexer           *self,
                                                   SsvHttp              *http,
                                                   const SsvIndexerQuery *query,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
char            *ssv_indexer_test                 (SsvIndexer           *self,
                                                   SsvHttp              *http,
                                                   GCancellable         *cancellable,
                                                   GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvIndexerCaps, ssv_indexer_caps_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvIndexerQuery, ssv_indexer_query_free)

G_END_DECLS
