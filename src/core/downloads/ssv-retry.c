/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-retry.c: the retry planner and the blocklist as a set, both pure: no I/O, no GObject, so
 * every branch is a table test and the engine (ssv-retry-engine.c) only carries out the plan. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "downloads/ssv-grab-hits.h"
#include "downloads/ssv-judge.h"
#include "downloads/ssv-retry.h"

struct _SsvBlocklist
{
  gatomicrefcount  ref;
  GPtrArray       *entries;   /* SsvBlockEntry */
  GHashTable      *by_key;    /* "kind\x1fvalue…" → SsvBlockEntry (borrowed from @entries) */
};

/* ---- entries ------------------------------------------------------------- */

SsvBlockEntry *
ssv_block_entry_new (void)
{
  return g_new0 (SsvBlockEntry, 1);
}

SsvBlockEntry *
ssv_block_entry_copy (const SsvBlockEntry *entry)
{
  SsvBlockEntry *copy = g_new0 (SsvBlockEntry, 1);

  *copy = *entry;
  copy->protocol = g_strdup (entry->protocol);
  copy->indexer = g_strdup (entry->indexer);
  copy->release_title = g_strdup (entry->release_title);
  copy->infohash = g_strdup (entry->infohash);
  copy->guid = g_strdup (entry->guid);
  copy->url = g_strdup (entry->url);
  copy->slskd_user = g_strdup (entry->slskd_user);
  copy->slskd_file = g_strdup (entry->slskd_file);
  copy->reason = g_strdup (entry->reason);

  return copy;
}

void
ssv_block_entry_free (SsvBlockEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->protocol);
  g_free (entry->indexer);
  g_free (entry->release_title);
  g_free (entry->infohash);
  g_free (entry->guid);
  g_free (entry->url);
  g_free (entry->slskd_user);
  g_free (entry->slskd_file);
  g_free (entry->reason);
  g_free (entry);
}

/* The entry that blocks @candidate from now on: its keys, its first file for Soulseek. */
SsvBlockEntry *
ssv_block_entry_new_for_candidate (const SsvDownloadCandidate *candidate,
                                   const char                 *reason,
                                   gboolean                    manual)
{
  SsvBlockEntry *entry = ssv_block_entry_new ();

  g_return_val_if_fail (candidate != NULL && reason != NULL, entry);

  entry->protocol = g_strdup (candidate->protocol);
  entry->indexer = g_strdup (candidate->indexer);
  entry->release_title = g_strdup (candidate->release_title);
  entry->infohash = candidate->infohash != NULL ? g_ascii_strdown (candidate->infohash, -1) : NULL;
  entry->guid = g_strdup (candidate->guid);
  entry->url = g_strdup (candidate->download_url != NULL ? candidate->download_url : candidate->magnet_url);
  entry->slskd_user = g_strdup (candidate->slskd_user);
  if (candidate->slskd_user != NULL && candidate->files != NULL && candidate->files->len > 0)
    entry->slskd_file = g_strdup (((SsvCandidateFile *) g_ptr_array_index (candidate->files, 0))->path);
  entry->reason = g_strdup (reason);
  entry->manual = manual;

  return entry;
}

/* ---- the set ------------------------------------------------------------- */

SsvBlocklist *
ssv_blocklist_new (void)
{
  SsvBlocklist *self = g_new0 (SsvBlocklist, 1);

  g_atomic_ref_count_init (&self->ref);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_block_entry_free);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

SsvBlocklist *
ssv_blocklist_ref (SsvBlocklist *blocklist)
{
  g_atomic_ref_count_inc (&blocklist->ref);
  return blocklist;
}

void
ssv_blocklist_unref (SsvBlocklist *blocklist)
{
  if (blocklist == NULL || !g_atomic_ref_count_dec (&blocklist->ref))
    return;

  g_hash_table_unref (blocklist->by_key);
  g_ptr_array_unref (blocklist->entries);
  g_free (blocklist);
}

/* Keys are case-folded: an infohash in capitals or a title in other case is the same release. */
static char *
make_key (const char *kind,
          const char *first,
          const char *second)
{
  g_autofree char *a = first != NULL ? g_utf8_casefold (first, -1) : g_strdup ("");
  g_autofree char *b = second != NULL ? g_utf8_casefold (second, -1) : NULL;

  return b != NULL ? g_strconcat (kind, "\x1f", a, "\x1f", b, NULL) : g_strconcat (kind, "\x1f", a, NULL);
}

static void
index_key (SsvBlocklist  *self,
           char          *key,
           SsvBlockEntry *entry)
{
  /* the first entry (the oldest) keeps its reason */
  if (g_hash_table_contains (self->by_key, key))
    g_free (key);
  else
    g_hash_table_insert (self->by_key, key, entry);
}

/**
 * ssv_blocklist_add:
 *
 * Adds a copy of @entry. Only while the blocklist is being built, before it is
 * shared. A release matches by infohash, guid, URL, Soulseek peer and file, or
 * by its title on the same indexer.
 */
void
ssv_blocklist_add (SsvBlocklist        *blocklist,
                   const SsvBlockEntry *entry)
{
  SsvBlockEntry *copy;

  g_return_if_fail (blocklist != NULL && entry != NULL);

  copy = ssv_block_entry_copy (entry);
  g_ptr_array_add (blocklist->entries, copy);
  if (copy->infohash != NULL)
    index_key (blocklist, make_key ("h", copy->infohash, NULL), copy);
  if (copy->guid != NULL)
    index_key (blocklist, make_key ("g", copy->guid, NULL), copy);
  if (copy->url != NULL)
    index_key (blocklist, make_key ("u", copy->url, NULL), copy);
  if (copy->slskd_user != NULL && copy->slskd_file != NULL)
    index_key (blocklist, make_key ("s", copy->slskd_user, copy->slskd_file), copy);
  /* a Soulseek release is the peer's file: another peer's folder of the same name is another copy */
  if (copy->release_title != NULL && (copy->slskd_user == NULL || copy->slskd_file == NULL))
    index_key (blocklist, make_key ("t", copy->indexer, copy->release_title), copy);
}

guint
ssv_blocklist_get_size (const SsvBlocklist *blocklist)
{
  return blocklist != NULL ? blocklist->entries->len : 0;
}

static const char *
lookup (const SsvBlocklist *self,
        const char         *kind,
        const char         *first,
        const char         *second)
{
  g_autofree char *key = NULL;
  const SsvBlockEntry *entry;

  if (first == NULL)
    return NULL;
  key = make_key (kind, first, second);
  entry = g_hash_table_lookup (self->by_key, key);

  return entry != NULL ? entry->reason : NULL;
}

/* What every release offers to be recognised by. */
typedef struct
{
  const char *indexer;
  const char *title;
  const char *infohash;
  const char *guid;
  const char *url;
  const char *magnet;
  const char *user;
} Keys;

static const char *
match_keys (const SsvBlocklist *self,
            const Keys         *k)
{
  const char *reason;

  if ((reason = lookup (self, "h", k->infohash, NULL)) != NULL ||
      (reason = lookup (self, "g", k->guid, NULL)) != NULL ||
      (reason = lookup (self, "u", k->url, NULL)) != NULL ||
      (reason = lookup (self, "u", k->magnet, NULL)) != NULL ||
      (reason = lookup (self, "t", k->indexer, k->title)) != NULL)
    return reason;

  return NULL;
}

/* Returns: (nullable): why @candidate is blocklisted, or NULL when it is not */
const char *
ssv_blocklist_match_candidate (const SsvBlocklist         *blocklist,
                               const SsvDownloadCandidate *candidate)
{
  Keys k;
  const char *reason;

  if (blocklist == NULL || blocklist->entries->len == 0 || candidate == NULL)
    return NULL;

  k = (Keys) { candidate->indexer, candidate->release_title, candidate->infohash, candidate->guid,
               candidate->download_url, candidate->magnet_url, candidate->slskd_user };
  if ((reason = match_keys (blocklist, &k)) != NULL)
    return reason;
  for (guint i = 0; k.user != NULL && candidate->files != NULL && i < candidate->files->len; i++)
    {
      const SsvCandidateFile *file = g_ptr_array_index (candidate->files, i);

      if ((reason = lookup (blocklist, "s", k.user, file->path)) != NULL)
        return reason;
    }

  return NULL;
}

/* Returns: (nullable): why @hit is blocklisted, or NULL when it is not */
const char *
ssv_blocklist_match_hit (const SsvBlocklist  *blocklist,
                         const SsvReleaseHit *hit)
{
  Keys k;
  const char *reason;

  if (blocklist == NULL || blocklist->entries->len == 0 || hit == NULL)
    return NULL;

  k = (Keys) { hit->indexer, hit->title, hit->infohash, hit->guid, hit->download_url, hit->magnet_url,
               hit->slskd_user };
  if ((reason = match_keys (blocklist, &k)) != NULL)
    return reason;
  for (guint i = 0; k.user != NULL && hit->files != NULL && i < hit->files->len; i++)
    {
      const SsvHitFile *file = g_ptr_array_index (hit->files, i);

      if ((reason = lookup (blocklist, "s", k.user, file->path)) != NULL)
        return reason;
    }

  return NULL;
}

/* ---- queries ------------------------------------------------------------- */

static gboolean
was_tried (const char * const *tried,
           const char         *query)
{
  g_autofree char *folded = g_utf8_casefold (query, -1);

  for (guint i = 0; tried != NULL && tried[i] != NULL; i++)
    {
      g_autofree char *other = g_utf8_casefold (tried[i], -1);

      if (g_strcmp0 (g_strstrip (other), folded) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * ssv_retry_next_query:
 * @context: the wanted item
 * @tried: (nullable): the queries already made
 *
 * The alternate forms of a search, in order (film "Title Year" → "Title";
 * episode "Title S01E02" → "Title S1E02" → "Title 2026.07.08" → "Title 2026 07 08",
 * the dates first for a daily show, an anime's absolute number before all;
 * season "Title S01" → "Title Season 1"): the first not tried yet.
 *
 * Returns: (transfer full) (nullable): the query, or NULL when all were tried
 */
char *
ssv_retry_next_query (const SsvSearchItem *context,
                      const char * const  *tried)
{
  g_autoptr(GPtrArray) queries = NULL;

  g_return_val_if_fail (context != NULL, NULL);

  queries = ssv_search_item_text_queries (context);
  for (guint i = 0; i < queries->len; i++)
    if (!was_tried (tried, g_ptr_array_index (queries, i)))
      return g_strdup (g_ptr_array_index (queries, i));

  return NULL;
}

/* ---- the plan ------------------------------------------------------------ */

static SsvRetryPlan *
plan_new (SsvRetryAction action)
{
  SsvRetryPlan *plan = g_new0 (SsvRetryPlan, 1);

  plan->action = action;
  return plan;
}

void
ssv_retry_plan_free (SsvRetryPlan *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->query);
  g_free (plan->reason);
  g_free (plan);
}

/**
 * ssv_retry_plan:
 * @blocklist: (nullable)
 *
 * Fail when the budget is spent; else the next untried, not blocklisted
 * candidate of the pool, in its order; else a search with the next alternate
 * query; else fail: nothing is left to try.
 *
 * Returns: (transfer full): what to do
 */
SsvRetryPlan *
ssv_retry_plan (const SsvRetryDownload *download,
                const SsvBlocklist     *blocklist)
{
  SsvRetryPlan *plan;
  char *query = NULL;

  g_return_val_if_fail (download != NULL, NULL);

  if (download->attempts >= SSV_RETRY_MAX_ATTEMPTS)
    {
      plan = plan_new (SSV_RETRY_FAIL);
      /* Translators: %d is the number of releases tried, 6 */
      plan->reason = g_strdup_printf (_("Gave up after %d releases: the retry budget is reached."), download->attempts);
      return plan;
    }

  for (guint i = 0; download->candidates != NULL && i < download->candidates->len; i++)
    {
      const SsvDownloadCandidate *c = g_ptr_array_index (download->candidates, i);

      if (c->tried || ssv_blocklist_match_candidate (blocklist, c) != NULL)
        continue;
      plan = plan_new (SSV_RETRY_CANDIDATE);
      plan->candidate = i;
      return plan;
    }

  if (download->item != NULL)
    query = ssv_retry_next_query (download->item, download->tried_queries);
  if (query != NULL)
    {
      plan = plan_new (SSV_RETRY_REQUERY);
      plan->query = query;
      return plan;
    }

  plan = plan_new (SSV_RETRY_FAIL);
  plan->reason = g_strdup (_("Nothing else to try: every release found was tried or blocklisted, and every search was made."));
  return plan;
}

/* ---- merging a search's hits into the pool -------------------------------- */

static gboolean
same_text (const char *a,
           const char *b)
{
  return a != NULL && b != NULL && g_ascii_strcasecmp (a, b) == 0;
}

static gboolean
share_a_file (const SsvDownloadCandidate *a,
              const SsvDownloadCandidate *b)
{
  for (guint i = 0; a->files != NULL && i < a->files->len; i++)
    for (guint j = 0; b->files != NULL && j < b->files->len; j++)
      if (g_strcmp0 (((SsvCandidateFile *) g_ptr_array_index (a->files, i))->path,
                     ((SsvCandidateFile *) g_ptr_array_index (b->files, j))->path) == 0)
        return TRUE;

  return FALSE;
}

/* Whether @a and @b are one release: Soulseek by peer and file (another peer's copy is
 * another chance), the rest by infohash, guid, link or name. */
gboolean
ssv_retry_candidate_same (const SsvDownloadCandidate *a,
                          const SsvDownloadCandidate *b)
{
  if (a->slskd_user != NULL || b->slskd_user != NULL)
    return same_text (a->slskd_user, b->slskd_user) &&
           (share_a_file (a, b) || same_text (a->release_title, b->release_title));

  return same_text (a->infohash, b->infohash) || same_text (a->guid, b->guid) ||
         same_text (a->download_url, b->download_url) || same_text (a->magnet_url, b->magnet_url) ||
         same_text (a->release_title, b->release_title);
}

static gboolean
seen_in (GPtrArray                  *candidates,
         const SsvDownloadCandidate *c)
{
  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    if (ssv_retry_candidate_same (g_ptr_array_index (candidates, i), c))
      return TRUE;

  return FALSE;
}

/**
 * ssv_retry_merge_candidates:
 * @pool: (element-type SsvDownloadCandidate) (nullable): what the download has (tried or not)
 * @fresh: (element-type SsvJudgedHit): a new search's hits, judged and sorted
 * @blocklist: (nullable)
 *
 * The accepted hits of @fresh that are neither in @pool, nor blocklisted, nor
 * twice in @fresh, as candidates in their order.
 *
 * Returns: (transfer full) (element-type SsvDownloadCandidate)
 */
GPtrArray *
ssv_retry_merge_candidates (GPtrArray          *pool,
                            GPtrArray          *fresh,
                            const SsvBlocklist *blocklist)
{
  GPtrArray *merged = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_download_candidate_free);

  for (guint i = 0; fresh != NULL && i < fresh->len; i++)
    {
      const SsvJudgedHit *judged = g_ptr_array_index (fresh, i);
      g_autoptr(SsvDownloadCandidate) c = NULL;

      if (!judged->decision->accepted || ssv_blocklist_match_hit (blocklist, judged->hit) != NULL)
        continue;
      c = ssv_download_candidate_new_from_judged (judged);
      if (seen_in (pool, c) || seen_in (merged, c))
        continue;
      g_ptr_array_add (merged, g_steal_pointer (&c));
    }

  return merged;
}
