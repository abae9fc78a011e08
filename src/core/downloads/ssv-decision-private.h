/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-decision-private.h: a decision written into a block of its caller's, with room for its reasons. */

#pragma once

#include "downloads/ssv-decision.h"

G_BEGIN_DECLS

/* The bytes a decision from ssv_decide() has after it for its reasons:
 * most decisions' reasons fit, so a judged hit costs no allocation a reason. */
#define SSV_DECISION_ARENA_SIZE 448

typedef struct
{
  SsvDecision decision;
  SsvReason   arena[SSV_DECISION_ARENA_SIZE / sizeof (SsvReason)];   /* for the alignment: holds reasons and their texts */
} SsvDecisionBlock;

SsvDecision *ssv_decide_in      (SsvDecisionBlock        *block,
                                 const SsvQualityProfile *profile,
                                 const SsvCandidate      *candidate,
                                 const SsvWantedItem     *wanted,
                                 const SsvOwnedFile      *owned);
void         ssv_decision_clear (SsvDecision             *decision);

G_END_DECLS
