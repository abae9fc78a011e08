/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-rss.c: the drain's RSS sync: each Torznab/Newznab indexer's feed of new releases
 * read once, matched to the wanted items by their parsed names, judged, the best grabbed. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "downloads/ssv-wishlist-drain-private.h"

/* Every Torznab/Newznab feed read once (t=search with no query: the newest releases). */
static GPtrArray *
read_feeds (SsvWishlistDrain *self,
            const Run        *run,
            SsvDrainReport   *report,
            GCancellable     *cancellable)
{
  GPtrArray *hits = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_release_hit_unref);
  g_autoptr(SsvIndexerQuery) query = ssv_indexer_query_new (SSV_SEARCH_GENERIC, NULL);

  for (guint i = 0; i < run->indexers->len; i++)
    {
      SsvIndexer *indexer = g_ptr_array_index (run->indexers, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) feed = ssv_indexer_search (indexer, self->http, query, cancellable, &error);

      if (feed == NULL)
        {
          g_ptr_array_add (report->problems, g_strdup (error->message));
          continue;
        }
      for (guint j = 0; j < feed->len; j++)
        g_ptr_array_add (hits, ssv_release_hit_ref (g_ptr_array_index (feed, j)));
    }

  return hits;
}

/* The feed's hits judged for one wanted item; only those whose name is the item's title. */
static GPtrArray *
judge_feed (const SsvQualityProfile *profile,
            SsvSearchItem           *item,
            const SsvOwnedFile      *owned,
            GPtrArray               *hits,
            const SsvRelease        *parsed,
            const SsvBlocklist      *blocklist)
{
  GPtrArray *judged = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_judged_hit_unref);

  for (guint i = 0; i < hits->len; i++)
    if (ssv_title_matches_keys (&parsed[i], (const char * const *) item->title_keys))
      {
        SsvJudgedHit *hit = ssv_judge_hit (profile, item, owned, g_ptr_array_index (hits, i));
        const char *blocked = ssv_blocklist_match_hit (blocklist, g_ptr_array_index (hits, i));

        if (blocked != NULL)
          ssv_decision_reject (hit->decision, _("Blocklisted: %s"), blocked);
        g_ptr_array_add (judged, hit);
      }
  ssv_judged_hits_sort (judged);

  return judged;
}

static void
match_feed (SsvWishlistDrain *self,
            const Run        *run,
            Job              *job,
            GPtrArray        *hits,
            const SsvRelease *parsed,
            SsvDrainReport   *report)
{
  const SsvQualityProfile *profile = ssv_drain_profile_of (run, job->row);
  g_autoptr(SsvSearchItem) search_item = ssv_drain_search_item_of (job->row);
  g_autoptr(GPtrArray) judged = judge_feed (profile, search_item, job->row->owned_path ? &job->owned : NULL,
                                            hits, parsed, run->blocklist);
  g_autoptr(GError) error = NULL;
  g_autofree char *outcome = NULL;
  guint pick;

  for (pick = 0; pick < judged->len; pick++)
    if (((SsvJudgedHit *) g_ptr_array_index (judged, pick))->decision->accepted)
      break;
  if (pick == judged->len)
    return;

  job->item->n_hits = judged->len;
  job->item->n_accepted = 1;
  outcome = ssv_drain_grab_best (job, search_item, profile, judged, pick);
  if (job->item->grabbed == NULL)
    return;

  job->item->result = g_strdup_printf (_("%s Seen in an indexer’s feed of new releases."), outcome);
  report->n_grabbed++;
  if (!ssv_wishlist_search_store_record (self->database, job->row->wishlist_id, run->now, TRUE,
                                         job->item->result, 0, &error))
    g_warning ("Could not record the grab of %s: %s", job->item->label, error->message);
  ssv_drain_announce (self, job->row->wishlist_id, job->item->result);
}

/*
 * ssv_drain_rss_sync:
 *
 * Reads each Torznab/Newznab indexer's feed of new releases once, matches them to
 * the wanted items that are out (backoff or not: a feed costs one request whatever
 * is wanted), judges them under each item's profile and grabs the best. Blocks.
 *
 * Returns: (transfer full): the items something was grabbed for, and the feeds that
 *   could not be read (in problems)
 */
SsvDrainReport *
ssv_drain_rss_sync (SsvWishlistDrain  *self,
          GCancellable      *cancellable,
          GError           **error)
{
  g_auto(Run) run = { NULL, };
  g_autoptr(SsvDrainReport) report = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree SsvRelease *parsed = NULL;
  gboolean ok;

  run.now = ssv_clock_get_now (self->clock);
  report = ssv_drain_report_new ();
  ok = ssv_drain_load_profiles (self, &run, error) && (rows = ssv_wishlist_search_store_list (self->database, NULL, error)) &&
       ssv_drain_load_indexers (self, &run, TRUE, cancellable, error);
  if (ok)
    {
      hits = read_feeds (self, &run, report, cancellable);
      parsed = g_new0 (SsvRelease, MAX (hits->len, 1));
      for (guint i = 0; i < hits->len; i++)
        ssv_release_parse (((SsvReleaseHit *) g_ptr_array_index (hits, i))->title, &parsed[i]);
    }

  for (guint i = 0; ok && hits->len > 0 && i < rows->len; i++)
    {
      SsvWishSearchRow *row = g_ptr_array_index (rows, i);
      SsvDrainItem *item = g_new0 (SsvDrainItem, 1);
      g_autofree char *owned_name = NULL;
      Job job = { self, &run, row, item, { SSV_QUALITY_UNKNOWN, 1, NULL }, NULL, cancellable };
      SsvWishDue due;

      ssv_drain_judge_due (self, &run, row, &due);
      item->wishlist_id = row->wishlist_id;
      item->label = ssv_drain_label_of (row);
      item->state = due.state;
      if (ssv_wish_due_is_search (due.state) || due.state == SSV_WISH_DUE_WAITING)
        {
          if (row->owned_path != NULL)
            {
              owned_name = g_path_get_basename (row->owned_path);
              job.owned.quality = ssv_drain_owned_quality (row->owned_path);
              job.owned.name = owned_name;
            }
          match_feed (self, &run, &job, hits, parsed, report);
        }
      if (item->grabbed != NULL)
        g_ptr_array_add (report->items, item);
      else
        ssv_drain_item_free (item);
    }

  return ok ? g_steal_pointer (&report) : NULL;
}

SsvDrainReport *
ssv_wishlist_drain_rss_sync (SsvWishlistDrain  *self,
                             GCancellable      *cancellable,
                             GError           **error)
{
  SsvDrainReport *report;

  g_return_val_if_fail (SSV_IS_WISHLIST_DRAIN (self), NULL);

  if (!ssv_drain_begin_run (self, error))
    return NULL;
  report = ssv_drain_rss_sync (self, cancellable, error);
  ssv_drain_end_run (self);

  return report;
}
