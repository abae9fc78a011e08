/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-retry.h: what a failed download does next (pure): the next candidate, a search again, or giving up. */

#pragma once

#include <glib.h>

#include "model/ssv-download.h"
#include "downloads/ssv-release-hit.h"
#include "downloads/ssv-search-item.h"

G_BEGIN_DECLS

/* How many releases one download may try before it gives up. */
#define SSV_RETRY_MAX_ATTEMPTS 6

/* A blocklisted release: what identifies it (any of the keys) and why. */
typedef struct
{
  gint64    id;
  char     *protocol;       /* "torrent", "usenet", "slskd" */
  char     *indexer;
  char     *release_title;
  char     *infohash;       /* torrents */
  char     *guid;           /* usenet (and torrents that have one) */
  char     *url;            /* the .torrent or .nzb */
  char     *slskd_user;     /* Soulseek: the peer and the file */
  char     *slskd_file;
  char     *reason;         /* plain words */
  gboolean  manual;         /* blocked by hand, not by a rule */
  gint64    created_at;     /* Unix seconds */
} SsvBlockEntry;

/* The blocklist as a set to test releases against. Built once, then shared
 * read-only between threads. */
typedef struct _SsvBlocklist SsvBlocklist;

typedef enum
{
  SSV_RETRY_FAIL,        /* give up, with the reason */
  SSV_RETRY_CANDIDATE,   /* send candidates[candidate] */
  SSV_RETRY_REQUERY,     /* search again with query */
} SsvRetryAction;

/* What the planner is told about a download. */
typedef struct
{
  int                  attempts;        /* releases sent so far */
  GPtrArray           *candidates;      /* SsvDownloadCandidate, the pool in order, with tried flags */
  const char * const  *tried_queries;   /* may be NULL */
  const SsvSearchItem *item;            /* the wanted item, for the queries; may be NULL: no requery */
} SsvRetryDownload;

typedef struct
{
  SsvRetryAction  action;
  guint           candidate;    /* SSV_RETRY_CANDIDATE: its index in the pool */
  char           *query;        /* SSV_RETRY_REQUERY */
  char           *reason;       /* SSV_RETRY_FAIL: in plain words */
} SsvRetryPlan;

SsvBlockEntry *ssv_block_entry_new              (void);
SsvBlockEntry *ssv_block_entry_copy             (const SsvBlockEntry        *entry);
void           ssv_block_entry_free             (SsvBlockEntry              *entry);
SsvBlockEntry *ssv_block_entry_new_for_candidate (const SsvDownloadCandidate *candidate,
                                                 const char                 *reason,
                                                 gboolean                    manual);

SsvBlocklist  *ssv_blocklist_new                (void);
SsvBlocklist  *ssv_blocklist_ref                (SsvBlocklist               *blocklist);
void           ssv_blocklist_unref              (SsvBlocklist               *blocklist);
void           ssv_blocklist_add                (SsvBlocklist               *blocklist,
                                                 const SsvBlockEntry        *entry);
guint          ssv_blocklist_get_size           (const SsvBlocklist         *blocklist);
const char    *ssv_blocklist_match_candidate    (const SsvBlocklist         *blocklist,
                                                 const SsvDownloadCandidate *candidate);
const char    *ssv_blocklist_match_hit          (const SsvBlocklist         *blocklist,
                                                 const SsvReleaseHit        *hit);

char          *ssv_retry_next_query             (const SsvSearchItem        *context,
                                                 const char * const         *tried);
SsvRetryPlan  *ssv_retry_plan                   (const SsvRetryDownload     *download,
                                                 const SsvBlocklist         *blocklist);
void           ssv_retry_plan_free              (SsvRetryPlan               *plan);
gboolean       ssv_retry_candidate_same         (const SsvDownloadCandidate *a,
                                                 const SsvDownloadCandidate *b);
GPtrArray     *ssv_retry_merge_candidates       (GPtrArray                  *pool,
                                                 GPtrArray                  *fresh,
                                                 const SsvBlocklist         *blocklist);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvBlockEntry, ssv_block_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvBlocklist, ssv_blocklist_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvRetryPlan, ssv_retry_plan_free)

G_END_DECLS
