/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-stall.c: the stall and junk rules: which apply to which protocol, strikes over consecutive polls, the verdict in plain words. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "downloads/ssv-stall.h"

struct _SsvStallTracker
{
  gint64   since[SSV_STALL_N_RULES];    /* when the rule's condition began; -1: it does not hold */
  guint    strikes[SSV_STALL_N_RULES];  /* consecutive polls it held */
  gboolean seen;                        /* a poll was fed: last_done is a baseline */
  double   last_done;                   /* bytes (or the fraction) done at the last poll */
};

void
ssv_stall_rules_init (SsvStallRules *rules)
{
  g_return_if_fail (rules != NULL);

  rules->stall_seconds = SSV_STALL_DEFAULT_STALL_SECONDS;
  rules->metadata_seconds = SSV_STALL_DEFAULT_METADATA_SECONDS;
  rules->min_speed_kbps = SSV_STALL_DEFAULT_MIN_SPEED_KBPS;
  rules->max_eta_hours = SSV_STALL_DEFAULT_MAX_ETA_HOURS;
  rules->strikes = SSV_STALL_DEFAULT_STRIKES;
  rules->missing_seconds = SSV_STALL_DEFAULT_MISSING_SECONDS;
}

SsvStallTracker *
ssv_stall_tracker_new (void)
{
  SsvStallTracker *tracker = g_new0 (SsvStallTracker, 1);

  for (guint i = 0; i < SSV_STALL_N_RULES; i++)
    tracker->since[i] = -1;
  return tracker;
}

void
ssv_stall_tracker_free (SsvStallTracker *tracker)
{
  g_free (tracker);
}

guint
ssv_stall_tracker_get_strikes (const SsvStallTracker *tracker,
                               SsvStallRule           rule)
{
  g_return_val_if_fail (tracker != NULL, 0);
  g_return_val_if_fail (rule < SSV_STALL_N_RULES, 0);

  return tracker->strikes[rule];
}

/* Soulseek's seeds are made up (one peer, sending or not) and a usenet
 * job's "availability" is NZBGet's health: the swarm rules are torrents'. */
gboolean
ssv_stall_rule_applies (SsvStallRule rule,
                        SsvProtocol  protocol)
{
  switch (rule)
    {
    case SSV_STALL_CLIENT_ERROR:
    case SSV_STALL_METADATA:
    case SSV_STALL_NO_SEEDS:
    case SSV_STALL_AVAILABILITY:
      return protocol == SSV_PROTOCOL_TORRENT;
    case SSV_STALL_SLSKD_FAILED:
      return protocol == SSV_PROTOCOL_SLSKD;
    case SSV_STALL_USENET_FAILED:
      return protocol == SSV_PROTOCOL_USENET;
    case SSV_STALL_NO_PROGRESS:
    case SSV_STALL_SLOW:
    case SSV_STALL_ETA:
      return TRUE;
    case SSV_STALL_NONE:
    case SSV_STALL_N_RULES:
    default:
      return FALSE;
    }
}

const char *
ssv_stall_rule_to_string (SsvStallRule rule)
{
  static const char * const names[] = {
    "none", "client-error", "slskd-failed", "usenet-failed", "metadata", "no-progress", "no-seeds",
    "availability", "slow", "eta",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == SSV_STALL_N_RULES);
  return rule < SSV_STALL_N_RULES ? names[rule] : "none";
}

/* "3 h", "1 h 30 min", "45 min", "20 s", "2 d 4 h" */
static char *
format_span (gint64 seconds)
{
  if (seconds < 60)
    return g_strdup_printf (_("%d s"), (int) MAX (seconds, 0));
  if (seconds < 3600)
    return g_strdup_printf (_("%d min"), (int) (seconds / 60));
  if (seconds < 86400)
    return seconds % 3600 >= 60 ? g_strdup_printf (_("%d h %d min"), (int) (seconds / 3600),
                                                   (int) (seconds % 3600 / 60))
                                : g_strdup_printf (_("%d h"), (int) (seconds / 3600));
  return seconds % 86400 >= 3600 ? g_strdup_printf (_("%d d %d h"), (int) (seconds / 86400),
                                                    (int) (seconds % 86400 / 3600))
                                 : g_strdup_printf (_("%d d"), (int) (seconds / 86400));
}

static gboolean
is_moving (SsvTransferState state)
{
  return state == SSV_TRANSFER_DOWNLOADING || state == SSV_TRANSFER_STALLED;
}

/* Whether @rule's condition holds in this poll. Fields the client did not
 * report (-1, NAN) never hold. No progress is judged apart (it needs the
 * last poll). */
static gboolean
holds (SsvStallRule        rule,
       const SsvStallRules *rules,
       const SsvTransfer   *t)
{
  switch (rule)
    {
    case SSV_STALL_CLIENT_ERROR:
    case SSV_STALL_SLSKD_FAILED:
    case SSV_STALL_USENET_FAILED:
      return t->state == SSV_TRANSFER_ERROR;
    case SSV_STALL_METADATA:
      return t->state == SSV_TRANSFER_METADATA;
    case SSV_STALL_NO_SEEDS:
      return is_moving (t->state) && t->seeds == 0 && t->peers <= 0;
    case SSV_STALL_AVAILABILITY:
      return is_moving (t->state) && !isnan (t->availability) && t->availability >= 0 &&
             t->availability < 1.0;
    case SSV_STALL_SLOW:
      return rules->min_speed_kbps > 0 && is_moving (t->state) && t->down_speed >= 0 &&
             t->down_speed < rules->min_speed_kbps * 1024;
    case SSV_STALL_ETA:
      return rules->max_eta_hours > 0 && t->state == SSV_TRANSFER_DOWNLOADING && t->eta >= 0 &&
             t->eta > rules->max_eta_hours * 3600;
    case SSV_STALL_NO_PROGRESS:
    case SSV_STALL_NONE:
    case SSV_STALL_N_RULES:
    default:
      return FALSE;
    }
}

static void
strike (SsvStallTracker *tracker,
        SsvStallRule     rule,
        gboolean         bad,
        gint64           now)
{
  if (!bad)
    {
      tracker->since[rule] = -1;
      tracker->strikes[rule] = 0;
      return;
    }
  if (tracker->strikes[rule] == 0 || tracker->since[rule] < 0)
    tracker->since[rule] = now;
  tracker->strikes[rule]++;
}

/* A Soulseek transfer waiting in the peer's own queue ("Queued, Remotely"): nothing
 * comes, and unlike a queue of the app's own client, nothing here can make it move. */
static gboolean
in_peer_queue (const SsvTransfer *t)
{
  return t->state == SSV_TRANSFER_QUEUED && t->client_state != NULL && strstr (t->client_state, "Remotely") != NULL;
}

/* No progress counts from the last poll that brought some (or the first
 * poll seen), so its time includes the poll that set the baseline. */
static void
strike_progress (SsvStallTracker   *tracker,
                 const SsvTransfer *t,
                 SsvProtocol        protocol,
                 gint64             now)
{
  double done = t->downloaded >= 0 ? (double) t->downloaded : t->progress;
  gboolean moving = is_moving (t->state) || (protocol == SSV_PROTOCOL_SLSKD && in_peer_queue (t));

  if (!moving || !tracker->seen || done > tracker->last_done)
    {
      tracker->since[SSV_STALL_NO_PROGRESS] = moving ? now : -1;
      tracker->strikes[SSV_STALL_NO_PROGRESS] = 0;
    }
  else
    tracker->strikes[SSV_STALL_NO_PROGRESS]++;

  tracker->seen = moving;
  tracker->last_done = done;
}

static gint64
window (SsvStallRule         rule,
        const SsvStallRules *rules)
{
  switch (rule)
    {
    case SSV_STALL_CLIENT_ERROR:
    case SSV_STALL_SLSKD_FAILED:
    case SSV_STALL_USENET_FAILED:
      return 0;
    case SSV_STALL_METADATA:
      return MAX (rules->metadata_seconds, 0);
    case SSV_STALL_NO_PROGRESS:
    case SSV_STALL_NO_SEEDS:
    case SSV_STALL_AVAILABILITY:
    case SSV_STALL_SLOW:
    case SSV_STALL_ETA:
    case SSV_STALL_NONE:
    case SSV_STALL_N_RULES:
    default:
      return MAX (rules->stall_seconds, 0);
    }
}

static gboolean
gives_up (const SsvStallTracker *tracker,
          const SsvStallRules   *rules,
          SsvStallRule           rule,
          gint64                 now)
{
  guint needed = rule <= SSV_STALL_USENET_FAILED ? 1 : MAX (rules->strikes, 1);

  return tracker->strikes[rule] >= needed && tracker->since[rule] >= 0 &&
         now - tracker->since[rule] >= window (rule, rules);
}

static char *
peers_words (const SsvTransfer *t)
{
  g_autofree char *seeds = NULL;

  if (t->seeds < 0)
    return g_strdup ("");
  seeds = g_strdup_printf (ngettext ("%d seed", "%d seeds", (gulong) t->seeds), t->seeds);
  if (t->peers > 0)
    {
      g_autofree char *peers = g_strdup_printf (ngettext ("%d peer", "%d peers",
                                                             (gulong) t->peers), t->peers);
      return g_strdup_printf (", %s, %s", seeds, peers);
    }
  return g_strdup_printf (", %s", seeds);
}

static char *
explain (SsvStallRule          rule,
         const SsvStallRules  *rules,
         const SsvStallTracker *tracker,
         const SsvTransfer    *t,
         gint64                now)
{
  g_autofree char *span = format_span (now - tracker->since[rule]);
  g_autofree char *limit = NULL;
  g_autofree char *peers = NULL;

  switch (rule)
    {
    case SSV_STALL_CLIENT_ERROR:
      return g_strdup (t->error != NULL ? t->error : _("The download client reports an error on this torrent."));
    case SSV_STALL_SLSKD_FAILED:
      return g_strdup (t->error != NULL ? t->error : _("The Soulseek transfer failed."));
    case SSV_STALL_USENET_FAILED:
      return g_strdup (t->error != NULL ? t->error : _("The usenet download failed."));
    case SSV_STALL_METADATA:
      peers = peers_words (t);
      return g_strdup_printf (_("The torrent’s metadata never arrived: waited %s%s."), span, peers);
    case SSV_STALL_NO_PROGRESS:
      if (in_peer_queue (t))
        return g_strdup_printf (_("Waiting in the peer’s queue for %s; nothing arrived."), span);
      peers = peers_words (t);
      return g_strdup_printf (_("No progress for %s%s."), span, peers);
    case SSV_STALL_NO_SEEDS:
      return g_strdup_printf (_("No seeds or peers to download from for %s."), span);
    case SSV_STALL_AVAILABILITY:
      return g_strdup_printf (_("Only %d %% of it is available from peers, for %s; it cannot complete."),
                              (int) floor (t->availability * 100.0), span);
    case SSV_STALL_SLOW:
      return g_strdup_printf (_("Slower than %d KB/s for %s (%d KB/s now)."), (int) rules->min_speed_kbps,
                              span, (int) (t->down_speed / 1024));
    case SSV_STALL_ETA:
      g_clear_pointer (&span, g_free);
      span = format_span (t->eta);
      limit = format_span (rules->max_eta_hours * 3600);
      return g_strdup_printf (_("It would take %s more, beyond the limit of %s."), span, limit);
    case SSV_STALL_NONE:
    case SSV_STALL_N_RULES:
    default:
      return NULL;
    }
}

SsvStallRule
ssv_stall_check (const SsvStallRules  *rules,
                 SsvStallTracker      *tracker,
                 const SsvTransfer    *transfer,
                 SsvProtocol           protocol,
                 gint64                now,
                 char                **reason)
{
  g_return_val_if_fail (rules != NULL, SSV_STALL_NONE);
  g_return_val_if_fail (tracker != NULL, SSV_STALL_NONE);
  g_return_val_if_fail (transfer != NULL, SSV_STALL_NONE);

  if (reason != NULL)
    *reason = NULL;

  /* Every rule is fed every poll, so a good poll resets each one. */
  for (SsvStallRule rule = SSV_STALL_NONE + 1; rule < SSV_STALL_N_RULES; rule++)
    {
      if (!ssv_stall_rule_applies (rule, protocol))
        strike (tracker, rule, FALSE, now);
      else if (rule == SSV_STALL_NO_PROGRESS)
        strike_progress (tracker, transfer, protocol, now);
      else
        strike (tracker, rule, holds (rule, rules, transfer), now);
    }

  for (SsvStallRule rule = SSV_STALL_NONE + 1; rule < SSV_STALL_N_RULES; rule++)
    if (ssv_stall_rule_applies (rule, protocol) && gives_up (tracker, rules, rule, now))
      {
        if (reason != NULL)
          *reason = explain (rule, rules, tracker, transfer, now);
        return rule;
      }

  return SSV_STALL_NONE;
}

gboolean
ssv_seeding_goal_met (double              ratio,
                      gint64              minutes,
                      const SsvTransfer  *transfer,
                      char              **why)
{
  g_return_val_if_fail (transfer != NULL, FALSE);

  if (why != NULL)
    *why = NULL;
  /* Only what is finished, and not while the client checks it again. */
  if (!ssv_transfer_state_is_done (transfer->state))
    return FALSE;

  if (!isnan (ratio) && !isnan (transfer->ratio) && transfer->ratio >= ratio)
    {
      if (why != NULL)
        *why = g_strdup_printf (_("ratio %.2f of %.2f"), transfer->ratio, ratio);
      return TRUE;
    }
  if (minutes >= 0 && transfer->seeding_time >= 0 && transfer->seeding_time >= minutes * 60)
    {
      g_autofree char *span = format_span (transfer->seeding_time);
      g_autofree char *goal = format_span (minutes * 60);

      if (why != NULL)
        *why = g_strdup_printf (_("seeded %s of %s"), span, goal);
      return TRUE;
    }

  return FALSE;
}
