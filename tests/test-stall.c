/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-stall.c: the stall and junk rules: every rule fires with its reason, strikes need consecutive
 * polls and a recovery starts over, and only the rules that fit a protocol ever strike. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "downloads/ssv-stall.h"

#define STEP 120     /* seconds between polls in the table */

/* One poll, repeated: what the client says each time. */
typedef struct
{
  const char       *name;
  SsvProtocol       protocol;
  SsvTransferState  state;
  gboolean          progressing;   /* downloaded grows by 1 MB a poll */
  int               seeds;
  int               peers;
  gint64            speed;         /* bytes per second, -1 unknown */
  gint64            eta;           /* seconds, -1 unknown */
  double            availability;  /* NAN unknown */
  const char       *error;
  SsvStallRule      expect;
  int               fires_at;      /* the poll that gives up; -1 never (within 12) */
  const char       *reason;        /* the reason, exactly */
  const char       *client_state;  /* the client's own word for the state; NULL: none */
} Row;

static const Row rows[] = {
  /* Each rule, alone. Rules: 600 s stall, 300 s metadata, 10 KiB/s, 168 h, 3 strikes. */
  { "magnet without metadata", SSV_PROTOCOL_TORRENT, SSV_TRANSFER_METADATA, FALSE, 0, 0, 0, -1, NAN, NULL,
    SSV_STALL_METADATA, 3, "The torrent’s metadata never arrived: waited 6 min, 0 seeds." },
  { "no progress", SSV_PROTOCOL_TORRENT, SSV_TRANSFER_STALLED, FALSE, 2, 1, 0, -1, 1.5, NULL,
    SSV_STALL_NO_PROGRESS, 5, "No progress for 10 min, 2 seeds, 1 peer." },
  { "no progress, nobody there", SSV_PROTOCOL_TORRENT, SSV_TRANSFER_STALLED, FALSE, 0, 0, 0, -1, 0.0, NULL,
    SSV_STALL_NO_PROGRESS, 5, "No progress for 10 min, 0 seeds." },
  { "no seeds or peers", SSV_PROTOCOL_TORRENT, SSV_TRANSFER_DOWNLOADING, TRUE, 0, 0, 50 * 1024, 600, 1.0, NULL,
    SSV_STALL_NO_SEEDS, 5, "No seeds or peers to download from for 10 min." },
  { "availability under a copy", SSV_PROTOCOL_TORRENT, SSV_TRANSFER_DOWNLOADING, TRUE, 0, 3, 50 * 1024, 600,
    0.625, NULL, SSV_STALL_AVAILABILITY, 5, "Only 62 % of it is available from peers, for 10 min; it cannot complete." },
  { "under the speed floor", SSV_PROTOCOL_TORRENT, SSV_TRANSFER_DOWNLOADING, TRUE, 3, 0, 2 * 1024, 3600, 2.0,
    NULL, SSV_STALL_SLOW, 5, "Slower than 10 KB/s for 10 min (2 KB/s now)." },
  { "ETA beyond the limit", SSV_PROTOCOL_TORRENT, SSV_TRANSFER_DOWNLOADING, TRUE, 3, 0, 100 * 1024,
    30 * 86400 + 7200, 2.0, NULL, SSV_STALL_ETA, 5, "It would take 30 d 2 h more, beyond the limit of 7 d." },
  { "client error", SSV_PROTOCOL_TORRENT, SSV_TRANSFER_ERROR, FALSE, -1, -1, -1, -1, NAN,
    "qBittorrent cannot find this torrent's files on disk.",
    SSV_STALL_CLIENT_ERROR, 0, "qBittorrent cannot find this torrent's files on disk." },
  { "client error without words", SSV_PROTOCOL_TORRENT, SSV_TRANSFER_ERROR, FALSE, -1, -1, -1, -1, NAN, NULL,
    SSV_STALL_CLIENT_ERROR, 0, "The download client reports an error on this torrent." },
  { "slskd rejected", SSV_PROTOCOL_SLSKD, SSV_TRANSFER_ERROR, FALSE, 0, 0, 0, -1, NAN,
    "The peer refused the download: Too many files", SSV_STALL_SLSKD_FAILED, 0,
    "The peer refused the download: Too many files" },
  { "usenet failed", SSV_PROTOCOL_USENET, SSV_TRANSFER_ERROR, FALSE, -1, -1, -1, -1, NAN,
    "SABnzbd reports a failure: Repair failed, not enough repair blocks", SSV_STALL_USENET_FAILED, 0,
    "SABnzbd reports a failure: Repair failed, not enough repair blocks" },
  /* Healthy, or waiting where waiting is normal. */
  { "healthy torrent", SSV_PROTOCOL_TORRENT, SSV_TRANSFER_DOWNLOADING, TRUE, 5, 2, 900 * 1024, 1800, 4.0, NULL,
    SSV_STALL_NONE, -1, NULL },
  { "queued torrent", SSV_PROTOCOL_TORRENT, SSV_TRANSFER_QUEUED, FALSE, 0, 0, 0, -1, 0.0, NULL,
    SSV_STALL_NONE, -1, NULL },
  { "paused torrent", SSV_PROTOCOL_TORRENT, SSV_TRANSFER_PAUSED, FALSE, 0, 0, 0, -1, 0.0, NULL,
    SSV_STALL_NONE, -1, NULL },
  { "checking torrent", SSV_PROTOCOL_TORRENT, SSV_TRANSFER_CHECKING, FALSE, 0, 0, 0, -1, 0.0, NULL,
    SSV_STALL_NONE, -1, NULL },
  /* A field the client does not report never strikes. */
  { "torrent reporting nothing", SSV_PROTOCOL_TORRENT, SSV_TRANSFER_DOWNLOADING, TRUE, -1, -1, -1, -1, NAN, NULL,
    SSV_STALL_NONE, -1, NULL },
  /* Swarm rules are torrents': Soulseek's seeds are made up, NZBGet's availability is health. */
  { "slskd queued remotely", SSV_PROTOCOL_SLSKD, SSV_TRANSFER_QUEUED, FALSE, 0, 0, 0, -1, NAN, NULL,
    SSV_STALL_NONE, -1, NULL },
  { "slskd queued locally", SSV_PROTOCOL_SLSKD, SSV_TRANSFER_QUEUED, FALSE, 0, 0, 0, -1, NAN, NULL,
    SSV_STALL_NONE, -1, NULL, "Queued, Locally" },
  /* The peer's own queue is no progress: nothing the app does makes it move. */
  { "slskd in the peer's queue", SSV_PROTOCOL_SLSKD, SSV_TRANSFER_QUEUED, FALSE, 0, 0, 0, -1, NAN, NULL,
    SSV_STALL_NO_PROGRESS, 5, "Waiting in the peer’s queue for 10 min; nothing arrived.", "Queued, Remotely" },
  { "torrent with a state named like slskd's", SSV_PROTOCOL_TORRENT, SSV_TRANSFER_QUEUED, FALSE, 0, 0, 0, -1, 0.0,
    NULL, SSV_STALL_NONE, -1, NULL, "Queued, Remotely" },
  { "slskd with no seeds", SSV_PROTOCOL_SLSKD, SSV_TRANSFER_DOWNLOADING, TRUE, 0, 0, 500 * 1024, 60, NAN, NULL,
    SSV_STALL_NONE, -1, NULL },
  { "usenet with low health", SSV_PROTOCOL_USENET, SSV_TRANSFER_DOWNLOADING, TRUE, 0, 0, 5000 * 1024, 60, 0.4,
    NULL, SSV_STALL_NONE, -1, NULL },
  { "usenet in metadata", SSV_PROTOCOL_USENET, SSV_TRANSFER_METADATA, FALSE, -1, -1, -1, -1, NAN, NULL,
    SSV_STALL_NONE, -1, NULL },
  /* But progress, speed and ETA apply to every protocol. */
  { "slskd without progress", SSV_PROTOCOL_SLSKD, SSV_TRANSFER_DOWNLOADING, FALSE, 1, 0, 0, -1, NAN, NULL,
    SSV_STALL_NO_PROGRESS, 5, "No progress for 10 min, 1 seed." },
  { "slow usenet", SSV_PROTOCOL_USENET, SSV_TRANSFER_DOWNLOADING, TRUE, -1, -1, 1024, 60, 1.0, NULL,
    SSV_STALL_SLOW, 5, "Slower than 10 KB/s for 10 min (1 KB/s now)." },
};

static void
short_rules (SsvStallRules *rules)
{
  ssv_stall_rules_init (rules);
  rules->stall_seconds = 600;
  rules->metadata_seconds = 300;
}

static SsvTransfer *
transfer_for (const Row *row,
              int        poll)
{
  SsvTransfer *t = ssv_transfer_new ();

  t->reference = g_strdup ("0123456789abcdef0123456789abcdef01234567");
  t->state = row->state;
  t->size = 4000000000;
  t->downloaded = 100000000 + (row->progressing ? poll * 1000000 : 0);
  t->progress = (double) t->downloaded / (double) t->size;
  t->seeds = row->seeds;
  t->peers = row->peers;
  t->down_speed = row->speed;
  t->eta = row->eta;
  t->availability = row->availability;
  t->error = g_strdup (row->error);
  t->client_state = g_strdup (row->client_state);
  return t;
}

static void
test_table (gconstpointer data)
{
  const Row *row = data;
  SsvStallRules rules;
  g_autoptr(SsvStallTracker) tracker = ssv_stall_tracker_new ();

  short_rules (&rules);
  for (int poll = 0; poll < 12; poll++)
    {
      g_autoptr(SsvTransfer) t = transfer_for (row, poll);
      g_autofree char *reason = NULL;
      SsvStallRule rule = ssv_stall_check (&rules, tracker, t, row->protocol, 1000 + poll * STEP, &reason);

      if (poll < row->fires_at || row->fires_at < 0)
        {
          if (rule != SSV_STALL_NONE)
            g_error ("%s: %s fired at poll %d: %s", row->name, ssv_stall_rule_to_string (rule), poll, reason);
          g_assert_null (reason);
          continue;
        }
      g_assert_cmpstr (ssv_stall_rule_to_string (rule), ==, ssv_stall_rule_to_string (row->expect));
      g_assert_cmpstr (reason, ==, row->reason);
      return;
    }
  g_assert_cmpint (row->fires_at, ==, -1);
}

static SsvTransfer *
simple (SsvTransferState state,
        gint64           downloaded)
{
  SsvTransfer *t = ssv_transfer_new ();

  t->state = state;
  t->size = 1000000;
  t->downloaded = downloaded;
  t->seeds = 1;
  t->peers = 0;
  return t;
}

static SsvStallRule
feed (const SsvStallRules *rules,
      SsvStallTracker     *tracker,
      SsvTransferState     state,
      gint64               downloaded,
      gint64               now)
{
  g_autoptr(SsvTransfer) t = simple (state, downloaded);
  g_autofree char *reason = NULL;
  SsvStallRule rule = ssv_stall_check (rules, tracker, t, SSV_PROTOCOL_TORRENT, now, &reason);

  g_assert_true ((rule == SSV_STALL_NONE) == (reason == NULL));
  return rule;
}

/* Even with no time to wait at all, one bad poll (or two) is not a stall. */
static void
test_single_poll (void)
{
  SsvStallRules rules;
  g_autoptr(SsvStallTracker) tracker = ssv_stall_tracker_new ();

  ssv_stall_rules_init (&rules);
  rules.metadata_seconds = 0;
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_METADATA, -1, 0), ==, SSV_STALL_NONE);
  g_assert_cmpuint (ssv_stall_tracker_get_strikes (tracker, SSV_STALL_METADATA), ==, 1);
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_METADATA, -1, 1), ==, SSV_STALL_NONE);
  g_assert_cmpuint (ssv_stall_tracker_get_strikes (tracker, SSV_STALL_METADATA), ==, 2);
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_METADATA, -1, 2), ==, SSV_STALL_METADATA);
}

/* Hours between two polls (a backoff, a sleeping laptop) still need the strikes. */
static void
test_time_alone (void)
{
  SsvStallRules rules;
  g_autoptr(SsvStallTracker) tracker = ssv_stall_tracker_new ();

  short_rules (&rules);
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_METADATA, -1, 0), ==, SSV_STALL_NONE);
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_METADATA, -1, 36000), ==, SSV_STALL_NONE);
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_METADATA, -1, 36001), ==, SSV_STALL_METADATA);
}

/* A good poll starts the rule over: its strikes and its clock. */
static void
test_recovery_resets (void)
{
  SsvStallRules rules;
  g_autoptr(SsvStallTracker) tracker = ssv_stall_tracker_new ();

  short_rules (&rules);
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_METADATA, -1, 0), ==, SSV_STALL_NONE);
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_METADATA, -1, 200), ==, SSV_STALL_NONE);
  /* The metadata arrived; then the client went back (a re-check). */
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_DOWNLOADING, 10, 250), ==, SSV_STALL_NONE);
  g_assert_cmpuint (ssv_stall_tracker_get_strikes (tracker, SSV_STALL_METADATA), ==, 0);
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_METADATA, -1, 400), ==, SSV_STALL_NONE);
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_METADATA, -1, 500), ==, SSV_STALL_NONE);
  /* Three strikes again, but only 300 s since the recovery counts, not 600. */
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_METADATA, -1, 650), ==, SSV_STALL_NONE);
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_METADATA, -1, 700), ==, SSV_STALL_METADATA);
}

/* Progress resets no-progress; a byte more is progress. */
static void
test_progress_resets (void)
{
  SsvStallRules rules;
  g_autoptr(SsvStallTracker) tracker = ssv_stall_tracker_new ();

  short_rules (&rules);
  rules.min_speed_kbps = 0;
  for (int i = 0; i < 5; i++)
    g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_STALLED, 500, i * 120), ==, SSV_STALL_NONE);
  g_assert_cmpuint (ssv_stall_tracker_get_strikes (tracker, SSV_STALL_NO_PROGRESS), ==, 4);
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_DOWNLOADING, 501, 600), ==, SSV_STALL_NONE);
  g_assert_cmpuint (ssv_stall_tracker_get_strikes (tracker, SSV_STALL_NO_PROGRESS), ==, 0);
  for (int i = 1; i < 5; i++)
    g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_STALLED, 501, 600 + i * 120), ==, SSV_STALL_NONE);
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_STALLED, 501, 1200), ==, SSV_STALL_NO_PROGRESS);

  /* A pause in between is not a stall either, and starts the clock over. */
  g_clear_pointer (&tracker, ssv_stall_tracker_free);
  tracker = ssv_stall_tracker_new ();
  for (int i = 0; i < 4; i++)
    g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_STALLED, 500, i * 120), ==, SSV_STALL_NONE);
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_PAUSED, 500, 480), ==, SSV_STALL_NONE);
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_STALLED, 500, 10000), ==, SSV_STALL_NONE);
  g_assert_cmpint (feed (&rules, tracker, SSV_TRANSFER_STALLED, 500, 10100), ==, SSV_STALL_NONE);
}

/* 0 turns the speed floor and the ETA limit off. */
static void
test_off_switches (void)
{
  SsvStallRules rules;
  g_autoptr(SsvStallTracker) tracker = ssv_stall_tracker_new ();

  short_rules (&rules);
  rules.min_speed_kbps = 0;
  rules.max_eta_hours = 0;
  for (int i = 0; i < 12; i++)
    {
      g_autoptr(SsvTransfer) t = simple (SSV_TRANSFER_DOWNLOADING, 1000 + i);
      g_autofree char *reason = NULL;

      t->seeds = 4;
      t->down_speed = 1;
      t->eta = 400 * 86400;
      g_assert_cmpint (ssv_stall_check (&rules, tracker, t, SSV_PROTOCOL_TORRENT, i * 120, &reason), ==,
                       SSV_STALL_NONE);
    }
}

static void
test_applicability (void)
{
  /* torrent, usenet, slskd */
  static const gboolean expect[SSV_STALL_N_RULES][3] = {
    [SSV_STALL_NONE] = { FALSE, FALSE, FALSE },
    [SSV_STALL_CLIENT_ERROR] = { TRUE, FALSE, FALSE },
    [SSV_STALL_SLSKD_FAILED] = { FALSE, FALSE, TRUE },
    [SSV_STALL_USENET_FAILED] = { FALSE, TRUE, FALSE },
    [SSV_STALL_METADATA] = { TRUE, FALSE, FALSE },
    [SSV_STALL_NO_PROGRESS] = { TRUE, TRUE, TRUE },
    [SSV_STALL_NO_SEEDS] = { TRUE, FALSE, FALSE },
    [SSV_STALL_AVAILABILITY] = { TRUE, FALSE, FALSE },
    [SSV_STALL_SLOW] = { TRUE, TRUE, TRUE },
    [SSV_STALL_ETA] = { TRUE, TRUE, TRUE },
  };
  SsvProtocol protocols[] = { SSV_PROTOCOL_TORRENT, SSV_PROTOCOL_USENET, SSV_PROTOCOL_SLSKD };

  for (SsvStallRule rule = SSV_STALL_NONE; rule < SSV_STALL_N_RULES; rule++)
    for (guint p = 0; p < G_N_ELEMENTS (protocols); p++)
      if (ssv_stall_rule_applies (rule, protocols[p]) != expect[rule][p])
        g_error ("%s on %s", ssv_stall_rule_to_string (rule), ssv_protocol_to_string (protocols[p]));
}

static void
test_defaults (void)
{
  SsvStallRules rules;

  ssv_stall_rules_init (&rules);
  g_assert_cmpint (rules.stall_seconds, ==, 3 * 3600);
  g_assert_cmpint (rules.metadata_seconds, ==, 3600);
  g_assert_cmpint (rules.min_speed_kbps, ==, 10);
  g_assert_cmpint (rules.max_eta_hours, ==, 7 * 24);
  g_assert_cmpuint (rules.strikes, ==, 3);
}

static gboolean
goal (double           ratio,
      gint64           minutes,
      SsvTransferState state,
      double           have_ratio,
      gint64           have_seconds,
      const char      *why_expected)
{
  g_autoptr(SsvTransfer) t = ssv_transfer_new ();
  g_autofree char *why = NULL;
  gboolean met;

  t->state = state;
  t->ratio = have_ratio;
  t->seeding_time = have_seconds;
  met = ssv_seeding_goal_met (ratio, minutes, t, &why);
  g_assert_cmpstr (why, ==, why_expected);
  return met;
}

/* Seeding goals: the first one met is enough; unknown numbers and unfinished transfers never meet one. */
static void
test_seeding_goals (void)
{
  g_assert_false (goal (NAN, -1, SSV_TRANSFER_SEEDING, 9.0, 999999, NULL));
  g_assert_true (goal (1.5, -1, SSV_TRANSFER_SEEDING, 1.5, 10, "ratio 1.50 of 1.50"));
  g_assert_false (goal (1.5, -1, SSV_TRANSFER_SEEDING, 1.49, 10, NULL));
  g_assert_true (goal (1.5, 60, SSV_TRANSFER_SEEDING, 0.2, 3600, "seeded 1 h of 1 h"));
  g_assert_false (goal (1.5, 60, SSV_TRANSFER_SEEDING, 0.2, 3599, NULL));
  g_assert_true (goal (NAN, 0, SSV_TRANSFER_COMPLETED, NAN, 0, "seeded 0 s of 0 s"));
  /* Transmission says no ratio (-1, read as NAN) for what it never downloaded. */
  g_assert_false (goal (0.0, -1, SSV_TRANSFER_SEEDING, NAN, 100, NULL));
  g_assert_false (goal (2.0, 30, SSV_TRANSFER_SEEDING, 1.0, -1, NULL));
  /* Checked again, or still downloading: not finished, whatever the numbers. */
  g_assert_false (goal (0.0, 0, SSV_TRANSFER_CHECKING, 5.0, 99999, NULL));
  g_assert_false (goal (0.0, 0, SSV_TRANSFER_DOWNLOADING, 5.0, 99999, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/stall/table/%s", rows[i].name);
      g_strdelimit (path + strlen ("/core/stall/table/"), " ,", '-');
      g_test_add_data_func (path, &rows[i], test_table);
    }
  g_test_add_func ("/core/stall/single-poll", test_single_poll);
  g_test_add_func ("/core/stall/time-alone", test_time_alone);
  g_test_add_func ("/core/stall/recovery-resets", test_recovery_resets);
  g_test_add_func ("/core/stall/progress-resets", test_progress_resets);
  g_test_add_func ("/core/stall/off-switches", test_off_switches);
  g_test_add_func ("/core/stall/applicability", test_applicability);
  g_test_add_func ("/core/stall/defaults", test_defaults);
  g_test_add_func ("/core/stall/seeding-goals", test_seeding_goals);

  return g_test_run ();
}
