/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-stall.h: the stall and junk rules that give up on a download, pure: thresholds, strikes, verdicts. */

#pragma once

#include <glib.h>

#include "downloads/ssv-download-client.h"
#include "downloads/ssv-release-hit.h"

G_BEGIN_DECLS

/* The rules, in the order they are asked (the first that gives up wins). */
typedef enum
{
  SSV_STALL_NONE,
  SSV_STALL_CLIENT_ERROR,     /* torrent: the client reports an error or missing files */
  SSV_STALL_SLSKD_FAILED,     /* Soulseek: rejected, cancelled, timed out by the peer */
  SSV_STALL_USENET_FAILED,    /* usenet: failed (par repair, unpack, missing articles) */
  SSV_STALL_METADATA,         /* torrent: a magnet whose metadata never arrives */
  SSV_STALL_NO_PROGRESS,      /* not a byte more for a while */
  SSV_STALL_NO_SEEDS,         /* torrent: nobody connected to download from */
  SSV_STALL_AVAILABILITY,     /* torrent: peers together hold less than one whole copy */
  SSV_STALL_SLOW,             /* under the speed floor */
  SSV_STALL_ETA,              /* would take longer than the limit */
  SSV_STALL_N_RULES,
} SsvStallRule;

/* Thresholds. A rule gives up only after `strikes` consecutive bad polls
 * that also span its time: one bad poll is never a stall, and a good poll
 * starts that rule over. The defaults (ssv_stall_rules_init):
 *   stall_seconds     10800 (3 h): no progress, no seeds, availability, slow, ETA
 *   metadata_seconds   3600 (1 h): a magnet's metadata
 *   min_speed_kbps       10 KiB/s, over stall_seconds; 0 turns the rule off
 *   max_eta_hours       168 (a week), over stall_seconds; 0 turns the rule off
 *   strikes               3 consecutive polls
 * Errors the client reports (a failed usenet job, a refused Soulseek
 * transfer, a torrent's missing files) give up at once: the client has
 * already decided. */
typedef struct
{
  gint64 stall_seconds;
  gint64 metadata_seconds;
  gint64 min_speed_kbps;
  gint64 max_eta_hours;
  guint  strikes;
  gint64 missing_seconds;   /* a transfer its client no longer lists fails after this long */
} SsvStallRules;

#define SSV_STALL_DEFAULT_STALL_SECONDS    10800
#define SSV_STALL_DEFAULT_METADATA_SECONDS 3600
#define SSV_STALL_DEFAULT_MIN_SPEED_KBPS   10
#define SSV_STALL_DEFAULT_MAX_ETA_HOURS    168
/* A client that has just started lists its transfers only once it has read its own
 * state back: a minute of absence, over several polls, before "no longer there". */
#define SSV_STALL_DEFAULT_MISSING_SECONDS  60
#define SSV_STALL_DEFAULT_STRIKES          3

/* What one download has looked like over its recent polls. */
typedef struct _SsvStallTracker SsvStallTracker;

void             ssv_stall_rules_init          (SsvStallRules         *rules);

SsvStallTracker *ssv_stall_tracker_new         (void);
void             ssv_stall_tracker_free        (SsvStallTracker       *tracker);
guint            ssv_stall_tracker_get_strikes (const SsvStallTracker *tracker,
                                                SsvStallRule           rule);

gboolean         ssv_stall_rule_applies        (SsvStallRule           rule,
                                                SsvProtocol            protocol);
const char      *ssv_stall_rule_to_string      (SsvStallRule           rule);

/* Feeds one poll of @transfer (seen at @now, seconds on any steady clock)
 * into @tracker. Returns the rule that gives up, with the reason in plain
 * words in @reason, or SSV_STALL_NONE. */
SsvStallRule     ssv_stall_check               (const SsvStallRules   *rules,
                                                SsvStallTracker       *tracker,
                                                const SsvTransfer     *transfer,
                                                SsvProtocol            protocol,
                                                gint64                 now,
                                                char                 **reason);

/* Whether a finished torrent has seeded enough: its ratio reached @ratio
 * (NAN: no ratio goal), or it seeded @minutes (-1: no time goal); the first
 * goal met is enough. @why gets which, in plain words. */
gboolean         ssv_seeding_goal_met          (double                 ratio,
                                                gint64                 minutes,
                                                const SsvTransfer     *transfer,
                                                char                 **why);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvStallTracker, ssv_stall_tracker_free)

G_END_DECLS
