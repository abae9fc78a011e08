/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-judge.h: every hit judged for the wanted item under its profile, with reasons, and sorted. */

#pragma once

#include <glib-object.h>

#include "downloads/ssv-decision.h"
#include "downloads/ssv-release-hit.h"
#include "downloads/ssv-search-item.h"

G_BEGIN_DECLS

#define SSV_TYPE_JUDGED_HIT (ssv_judged_hit_get_type ())

/* A hit and its decision. Immutable; share it between threads freely. */
typedef struct
{
  gatomicrefcount  ref;
  SsvReleaseHit   *hit;
  SsvRelease       release;       /* the hit's title, parsed */
  SsvDecision     *decision;      /* accepted, quality, score and every reason */
  int              quality_rank;  /* the quality's place in the profile, -1 if not in it */
} SsvJudgedHit;

GType         ssv_judged_hit_get_type    (void) G_GNUC_CONST;
SsvJudgedHit *ssv_judge_hit              (const SsvQualityProfile *profile,
                                          const SsvSearchItem     *item,
                                          const SsvOwnedFile      *owned,
                                          SsvReleaseHit           *hit);
SsvJudgedHit *ssv_judged_hit_ref         (SsvJudgedHit            *judged);
void          ssv_judged_hit_unref       (SsvJudgedHit            *judged);
int           ssv_judged_hit_compare     (const SsvJudgedHit      *a,
                                          const SsvJudgedHit      *b);
void          ssv_judged_hits_sort       (GPtrArray               *judged);
char         *ssv_judged_hit_dup_reasons (const SsvJudgedHit      *judged,
                                          SsvReasonKind            kind);
char         *ssv_judged_hit_to_json     (const SsvJudgedHit      *judged,
                                          const char              *profile_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvJudgedHit, ssv_judged_hit_unref)

G_END_DECLS
