/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-decision.h: should this release be grabbed for that wanted item? With every reason. */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "downloads/ssv-quality-profile.h"
#include "downloads/ssv-release.h"

G_BEGIN_DECLS

typedef enum
{
  SSV_WANTED_MOVIE,
  SSV_WANTED_EPISODE,
} SsvWantedKind;

/* What a person wants: a film, or an episode (or a whole season) of a show. */
typedef struct
{
  SsvWantedKind        kind;
  const char          *title;
  const char * const  *aliases;            /* NULL-terminated other titles, or NULL */
  guint                year;               /* 0: unknown */
  guint                season;
  guint                episode;            /* 0: the whole season is wanted */
  guint                absolute;           /* anime numbering, 0: unknown */
  const char          *air_date;           /* "YYYY-MM-DD" for daily shows, or NULL */
  guint                runtime_minutes;    /* for size limits; 0: unknown */
  gboolean             accept_season_pack; /* a pack is fine although one episode is wanted */
  const char * const  *title_keys;         /* ssv_title_keys() of title and aliases, made once;
                                            * NULL: made for each decision */
} SsvWantedItem;

/* A release an indexer offers. */
typedef struct
{
  const char          *name;
  const SsvRelease    *release;            /* the parsed name, or NULL to parse @name */
  guint64              size_bytes;         /* 0: unknown */
  guint32              indexer_flags;      /* SsvIndexerFlags */
} SsvCandidate;

/* What is already on disk for the wanted item. */
typedef struct
{
  SsvQuality           quality;
  guint                revision_version;   /* 0 or 1: the first release */
  const char          *name;               /* its release name, to score its custom formats; may be NULL */
} SsvOwnedFile;

typedef enum
{
  SSV_REASON_REJECT,    /* why it is not taken */
  SSV_REASON_SCORE,     /* what added to or took from its score */
  SSV_REASON_UPGRADE,   /* why it replaces what is owned */
  SSV_REASON_NOTE,      /* worth knowing, changes nothing */
} SsvReasonKind;

typedef struct
{
  SsvReasonKind  kind;
  int            score;
  char          *text;   /* translated, one line */
} SsvReason;

typedef struct
{
  gboolean    accepted;
  gboolean    upgrade;
  SsvQuality  quality;
  int         score;
  GPtrArray  *reasons;   /* SsvReason *, in the order they were found; the decision's own: no ref outlives it */
  /* private: the bytes after the decision in its block that hold reasons
   * (0: each reason is its own block, freed by @reasons), and how many are used */
  gsize       arena_size;
  gsize       arena_used;
} SsvDecision;

SsvDecision *ssv_decide             (const SsvQualityProfile *profile,
                                     const SsvCandidate      *candidate,
                                     const SsvWantedItem     *wanted,
                                     const SsvOwnedFile      *owned);
void         ssv_decision_free      (SsvDecision             *decision);
void         ssv_decision_build_json (const SsvDecision      *decision,
                                      JsonBuilder            *builder);
char        *ssv_decision_to_json   (const SsvDecision       *decision,
                                     const char              *profile_name,
                                     const char              *release_name);
gboolean     ssv_decision_has_reason (const SsvDecision      *decision,
                                      SsvReasonKind           kind,
                                      const char             *text_part);
void         ssv_decision_reject    (SsvDecision             *decision,
                                     const char              *format,
                                     ...) G_GNUC_PRINTF (2, 3);

char        *ssv_title_normalize    (const char              *title);
gboolean     ssv_title_matches      (const SsvRelease        *release,
                                     const char              *title,
                                     const char * const      *aliases);
char       **ssv_title_keys         (const char              *title,
                                     const char * const      *aliases);
gboolean     ssv_title_matches_keys (const SsvRelease        *release,
                                     const char * const      *keys);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvDecision, ssv_decision_free)

G_END_DECLS
