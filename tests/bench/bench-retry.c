/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-retry.c: retry plans per second for a download with a full pool (40 candidates, most tried)
 * against a blocklist of 5,000 releases: what every failure costs before anything is sent. */

#include "config.h"

#include <stdio.h>

#include "downloads/ssv-retry.h"

#define N_CANDIDATES  40
#define N_BLOCKED     5000
#define N_PLANS       200000
#define ROUNDS        5

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_download_candidate_free);
  g_autoptr(SsvBlocklist) blocklist = ssv_blocklist_new ();
  g_autoptr(SsvSearchItem) item = ssv_search_item_new_episode ("The Bear", 2, 7);
  const char *tried[] = { "The Bear S02E07", NULL };
  SsvRetryDownload download = { 3, pool, tried, item };
  double best = G_MAXDOUBLE;
  guint found = 0;

  for (guint i = 0; i < N_BLOCKED; i++)
    {
      g_autoptr(SsvBlockEntry) e = ssv_block_entry_new ();

      e->protocol = g_strdup ("torrent");
      e->indexer = g_strdup ("Jackett");
      e->release_title = g_strdup_printf ("Blocked.Release.%u.1080p.WEB-DL-GRP", i);
      e->infohash = g_strdup_printf ("%040x", i);
      e->reason = g_strdup ("No seeds for 3 hours.");
      ssv_blocklist_add (blocklist, e);
    }
  /* the earlier ones tried, some blocklisted, the last one free */
  for (guint i = 0; i < N_CANDIDATES; i++)
    {
      SsvDownloadCandidate *c = ssv_download_candidate_new ("torrent", "");

      g_free (c->release_title);
      c->release_title = g_strdup_printf ("The.Bear.S02E07.%u.1080p.WEB-DL-GRP", i);
      c->indexer = g_strdup ("Jackett");
      c->infohash = g_strdup_printf ("%040x", i % 2 == 0 ? i : N_BLOCKED + i);
      c->tried = i < N_CANDIDATES / 2;
      g_ptr_array_add (pool, c);
    }

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double seconds;

      for (guint i = 0; i < N_PLANS; i++)
        {
          g_autoptr(SsvRetryPlan) plan = ssv_retry_plan (&download, blocklist);

          found += plan->action == SSV_RETRY_CANDIDATE && plan->candidate == N_CANDIDATES / 2 + 1;
        }
      seconds = (g_get_monotonic_time () - start) / 1e6;
      best = MIN (best, seconds);
    }

  /* the planner skipped the tried and the blocklisted and took the first free one, every time */
  if (found != (guint) N_PLANS * ROUNDS)
    {
      fprintf (stderr, "The plan took the wrong candidate (%u of %u right).\n", found, N_PLANS * ROUNDS);
      return 1;
    }
  printf ("BENCH retry.plan_per_s %.0f plans/s\n", N_PLANS / best);

  return 0;
}
