/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-retry.c: the retry planner's every branch as tables (plan, next query, merge), the blocklist
 * as a set and as a table, blocklisted hits rejected in a search, and the retry's writes. */

#include "config.h"

#include <string.h>

#include "ssv-error.h"
#include "ssv-fake-indexer.h"
#include "downloads/ssv-retry.h"
#include "downloads/ssv-searcher.h"
#include "ssv-test-utils.h"
#include "stores/ssv-blocklist-store.h"
#include "stores/ssv-download-store-retry.h"

#define HASH_A "aaaabbbbccccddddeeeeffff0000111122223333"
#define HASH_B "1111222233334444555566667777888899990000"

/* ---- next query --------------------------------------------------------------- */

static SsvSearchItem *
item_for (const char *kind,
          const char *title,
          guint       year,
          guint       season,
          guint       episode,
          const char *air_date,
          gboolean    daily,
          guint       absolute)
{
  SsvSearchItem *item;

  if (g_str_equal (kind, "movie"))
    item = ssv_search_item_new_movie (title, year);
  else if (g_str_equal (kind, "season"))
    item = ssv_search_item_new_season (title, season);
  else
    item = ssv_search_item_new_episode (title, season, episode);
  if (air_date != NULL)
    ssv_search_item_set_air_date (item, air_date, daily);
  if (absolute > 0)
    ssv_search_item_set_absolute (item, absolute);

  return item;
}

static void
test_next_query (void)
{
  static const struct
  {
    const char *kind, *title;
    guint       year, season, episode;
    const char *air_date;
    gboolean    daily;
    guint       absolute;
    const char *tried[5];
    const char *expected;
  } rows[] = {
    { "movie", "Heat", 1995, 0, 0, NULL, FALSE, 0, { NULL }, "Heat 1995" },
    { "movie", "Heat", 1995, 0, 0, NULL, FALSE, 0, { "heat 1995", NULL }, "Heat" },
    { "movie", "Heat", 1995, 0, 0, NULL, FALSE, 0, { "Heat 1995", "HEAT", NULL }, NULL },
    { "movie", "Heat", 0, 0, 0, NULL, FALSE, 0, { NULL }, "Heat" },
    { "movie", "Amélie", 2001, 0, 0, NULL, FALSE, 0, { "AMÉLIE 2001", NULL }, "Amélie" },
    { "episode", "The Bear", 0, 1, 2, NULL, FALSE, 0, { NULL }, "The Bear S01E02" },
    { "episode", "The Bear", 0, 1, 2, NULL, FALSE, 0, { "The Bear S01E02", NULL }, "The Bear S1E02" },
    { "episode", "The Bear", 0, 1, 2, NULL, FALSE, 0, { "The Bear S01E02", "The Bear S1E02", NULL }, NULL },
    /* an episode with an air date: the date forms after the numbers */
    { "episode", "The Bear", 0, 1, 2, "2022-06-23", FALSE, 0, { "The Bear S01E02", "The Bear S1E02", NULL },
      "The Bear 2022.06.23" },
    { "episode", "The Bear", 0, 1, 2, "2022-06-23", FALSE, 0,
      { "The Bear S01E02", "The Bear S1E02", "The Bear 2022.06.23", NULL }, "The Bear 2022 06 23" },
    /* a daily show: the dates first */
    { "episode", "The Daily Show", 0, 2026, 41, "2026-07-08", TRUE, 0, { NULL }, "The Daily Show 2026.07.08" },
    { "episode", "The Daily Show", 0, 2026, 41, "2026-07-08", TRUE, 0, { "The Daily Show 2026.07.08", NULL },
      "The Daily Show 2026 07 08" },
    /* anime: the absolute number first */
    { "episode", "One Piece", 0, 21, 5, NULL, FALSE, 1090, { NULL }, "One Piece 1090" },
    { "episode", "One Piece", 0, 21, 5, NULL, FALSE, 1090, { "One Piece 1090", NULL }, "One Piece S21E05" },
    { "episode", "Frieren", 0, 1, 7, NULL, FALSE, 7, { NULL }, "Frieren 07" },
    /* a season pack */
    { "season", "The Bear", 0, 1, 0, NULL, FALSE, 0, { NULL }, "The Bear S01" },
    { "season", "The Bear", 0, 1, 0, NULL, FALSE, 0, { "The Bear S01", NULL }, "The Bear Season 1" },
    { "season", "The Bear", 0, 1, 0, NULL, FALSE, 0, { "The Bear S01", "the bear season 1", NULL }, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(SsvSearchItem) item = item_for (rows[i].kind, rows[i].title, rows[i].year, rows[i].season,
                                                rows[i].episode, rows[i].air_date, rows[i].daily, rows[i].absolute);
      g_autofree char *next = ssv_retry_next_query (item, rows[i].tried);

      g_test_message ("row %u: %s", i, next);
      g_assert_cmpstr (next, ==, rows[i].expected);
    }
}

/* ---- the plan ----------------------------------------------------------------- */

static SsvDownloadCandidate *
candidate (const char *title,
           const char *infohash,
           gboolean    tried)
{
  SsvDownloadCandidate *c = ssv_download_candidate_new ("torrent", title);

  c->indexer = g_strdup ("Jackett");
  c->infohash = g_strdup (infohash);
  c->tried = tried;
  return c;
}

static SsvBlocklist *
blocklist_of_hash (const char *infohash,
                   const char *reason)
{
  SsvBlocklist *blocklist = ssv_blocklist_new ();
  g_autoptr(SsvBlockEntry) entry = ssv_block_entry_new ();

  entry->protocol = g_strdup ("torrent");
  entry->release_title = g_strdup ("Something.Else");
  entry->infohash = g_strdup (infohash);
  entry->reason = g_strdup (reason);
  ssv_blocklist_add (blocklist, entry);

  return blocklist;
}

static void
test_plan (void)
{
  static const struct
  {
    int             attempts;
    const char     *pool;         /* one letter a candidate: t tried, u untried, b untried but blocklisted */
    gboolean        with_item;
    const char     *tried[3];
    SsvRetryAction  action;
    guint           index;
    const char     *words;        /* in the query or the reason */
  } rows[] = {
    { 6, "tu", TRUE, { NULL }, SSV_RETRY_FAIL, 0, "retry budget is reached" },
    { 9, "u", TRUE, { NULL }, SSV_RETRY_FAIL, 0, "retry budget is reached" },
    { 1, "tu", TRUE, { NULL }, SSV_RETRY_CANDIDATE, 1, NULL },
    { 5, "tuu", TRUE, { NULL }, SSV_RETRY_CANDIDATE, 1, NULL },
    { 2, "tbu", TRUE, { NULL }, SSV_RETRY_CANDIDATE, 2, NULL },
    { 2, "ttb", TRUE, { "Heat 1995", NULL }, SSV_RETRY_REQUERY, 0, "Heat" },
    { 2, "t", TRUE, { NULL }, SSV_RETRY_REQUERY, 0, "Heat 1995" },
    { 2, "", TRUE, { NULL }, SSV_RETRY_REQUERY, 0, "Heat 1995" },
    { 2, "tt", TRUE, { "Heat 1995", "Heat", NULL }, SSV_RETRY_FAIL, 0, "Nothing else to try" },
    { 2, "tb", FALSE, { NULL }, SSV_RETRY_FAIL, 0, "Nothing else to try" },
  };
  g_autoptr(SsvBlocklist) blocklist = blocklist_of_hash (HASH_B, "stalled");
  g_autoptr(SsvSearchItem) item = ssv_search_item_new_movie ("Heat", 1995);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_download_candidate_free);
      g_autoptr(SsvRetryPlan) plan = NULL;
      SsvRetryDownload download = { rows[i].attempts, pool, rows[i].tried, rows[i].with_item ? item : NULL };

      for (const char *p = rows[i].pool; *p != '\0'; p++)
        {
          g_autofree char *title = g_strdup_printf ("Heat.1995.%d.1080p.BluRay.x264-GRP", (int) (p - rows[i].pool));
          g_autofree char *hash = g_strdup_printf ("%039x%c", (unsigned) (p - rows[i].pool), 'a');

          g_ptr_array_add (pool, candidate (title, *p == 'b' ? HASH_B : hash, *p == 't'));
        }
      plan = ssv_retry_plan (&download, blocklist);
      g_test_message ("row %u: action %d, %u, %s %s", i, plan->action, plan->candidate, plan->query, plan->reason);
      g_assert_cmpint (plan->action, ==, rows[i].action);
      switch (rows[i].action)
        {
        case SSV_RETRY_CANDIDATE:
          g_assert_cmpuint (plan->candidate, ==, rows[i].index);
          break;
        case SSV_RETRY_REQUERY:
          g_assert_cmpstr (plan->query, ==, rows[i].words);
          break;
        case SSV_RETRY_FAIL:
        default:
          g_assert_nonnull (strstr (plan->reason, rows[i].words));
          break;
        }
    }
}

/* ---- the blocklist as a set ---------------------------------------------------- */

static void
add_entry (SsvBlocklist *blocklist,
           const char   *protocol,
           const char   *indexer,
           const char   *title,
           const char   *infohash,
           const char   *guid,
           const char   *url,
           const char   *user,
           const char   *file,
           const char   *reason)
{
  g_autoptr(SsvBlockEntry) e = ssv_block_entry_new ();

  e->protocol = g_strdup (protocol);
  e->indexer = g_strdup (indexer);
  e->release_title = g_strdup (title);
  e->infohash = g_strdup (infohash);
  e->guid = g_strdup (guid);
  e->url = g_strdup (url);
  e->slskd_user = g_strdup (user);
  e->slskd_file = g_strdup (file);
  e->reason = g_strdup (reason);
  ssv_blocklist_add (blocklist, e);
}

static void
test_blocklist_match (void)
{
  static const struct
  {
    const char *protocol, *indexer, *title, *infohash, *guid, *url, *user, *file;
    const char *reason;   /* NULL: not blocked */
  } rows[] = {
    { "torrent", "Other", "Renamed", "AAAABBBBCCCCDDDDEEEEFFFF0000111122223333", NULL, NULL, NULL, NULL, "by hash" },
    { "usenet", "NZBgeek", "Whatever", NULL, "guid-7", NULL, NULL, NULL, "by guid" },
    { "usenet", "NZBgeek", "Whatever", NULL, NULL, "http://nzb/get/9", NULL, NULL, "by url" },
    { "slskd", "Soulseek", "Heat (1995)", NULL, NULL, NULL, "peer", "@@v\\Heat\\heat.mkv", "by peer" },
    /* another peer's copy is another chance, also when its folder has the same name */
    { "slskd", "Soulseek", "Heat (1995)", NULL, NULL, NULL, "other", "@@v\\Heat\\heat.mkv", NULL },
    { "slskd", "Soulseek", "Alien (1979)", NULL, NULL, NULL, "peer", "@@v\\Alien\\alien.mkv", "peer's folder" },
    { "slskd", "Soulseek", "Alien (1979)", NULL, NULL, NULL, "other", "@@v\\Alien\\alien.mkv", NULL },
    { "torrent", "Jackett", "heat.1995.720P.bluray.x264-grp", NULL, NULL, NULL, NULL, NULL, "by title" },
    /* the same name on another indexer is another upload */
    { "torrent", "Elsewhere", "Heat.1995.720p.BluRay.x264-GRP", NULL, NULL, NULL, NULL, NULL, NULL },
    { "torrent", "Jackett", "Heat.1995.2160p.BluRay.x265-GRP", HASH_B, NULL, NULL, NULL, NULL, NULL },
  };
  g_autoptr(SsvBlocklist) blocklist = ssv_blocklist_new ();

  add_entry (blocklist, "torrent", "Jackett", "Heat.1995.1080p", HASH_A, NULL, NULL, NULL, NULL, "by hash");
  add_entry (blocklist, "usenet", "NZBgeek", "Heat.NZB", NULL, "guid-7", NULL, NULL, NULL, "by guid");
  add_entry (blocklist, "usenet", "NZBgeek", "Heat.NZB2", NULL, NULL, "http://nzb/get/9", NULL, NULL, "by url");
  add_entry (blocklist, "slskd", NULL, "Heat", NULL, NULL, NULL, "peer", "@@v\\Heat\\heat.mkv", "by peer");
  add_entry (blocklist, "torrent", "Jackett", "Heat.1995.720p.BluRay.x264-GRP", NULL, NULL, NULL, NULL, NULL,
             "by title");
  /* as the retry engine writes a Soulseek release: with its indexer and folder name too */
  add_entry (blocklist, "slskd", "Soulseek", "Alien (1979)", NULL, NULL, NULL, "peer", "@@v\\Alien\\alien.mkv",
             "peer's folder");
  g_assert_cmpuint (ssv_blocklist_get_size (blocklist), ==, 6);
  g_assert_null (ssv_blocklist_match_candidate (NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(SsvDownloadCandidate) c = ssv_download_candidate_new (rows[i].protocol, rows[i].title);
      g_autoptr(SsvReleaseHit) hit = ssv_release_hit_new (g_str_equal (rows[i].protocol, "slskd") ? SSV_PROTOCOL_SLSKD
                                                          : g_str_equal (rows[i].protocol, "usenet") ? SSV_PROTOCOL_USENET
                                                          : SSV_PROTOCOL_TORRENT);

      c->indexer = g_strdup (rows[i].indexer);
      c->infohash = g_strdup (rows[i].infohash);
      c->guid = g_strdup (rows[i].guid);
      c->download_url = g_strdup (rows[i].url);
      c->slskd_user = g_strdup (rows[i].user);
      if (rows[i].file != NULL)
        {
          ssv_download_candidate_add_file (c, "@@v\\Heat\\sample.mkv", 10);
          ssv_download_candidate_add_file (c, rows[i].file, 100);
        }
      hit->title = g_strdup (rows[i].title);
      hit->indexer = g_strdup (rows[i].indexer);
      hit->infohash = rows[i].infohash != NULL ? g_ascii_strdown (rows[i].infohash, -1) : NULL;
      hit->guid = g_strdup (rows[i].guid);
      hit->download_url = g_strdup (rows[i].url);
      hit->slskd_user = g_strdup (rows[i].user);
      if (rows[i].file != NULL)
        ssv_release_hit_add_file (hit, rows[i].file, 100, TRUE);

      g_test_message ("row %u", i);
      g_assert_cmpstr (ssv_blocklist_match_candidate (blocklist, c), ==, rows[i].reason);
      g_assert_cmpstr (ssv_blocklist_match_hit (blocklist, hit), ==, rows[i].reason);
    }
}

/* ---- merging a search's hits --------------------------------------------------- */

typedef struct
{
  GPtrArray          *formats;
  GPtrArray          *profiles;
  SsvSearchItem      *item;
} Judge;

static SsvJudgedHit *
judged (Judge      *j,
        SsvProtocol protocol,
        const char *title,
        const char *infohash,
        const char *user,
        const char *file)
{
  g_autoptr(SsvReleaseHit) hit = ssv_release_hit_new (protocol);

  hit->title = g_strdup (title);
  hit->indexer = g_strdup (protocol == SSV_PROTOCOL_SLSKD ? "Soulseek" : "Jackett");
  hit->infohash = g_strdup (infohash);
  hit->size = 8000000000;
  hit->seeders = 20;
  hit->slskd_user = g_strdup (user);
  if (file != NULL)
    ssv_release_hit_add_file (hit, file, 8000000000, TRUE);
  if (protocol != SSV_PROTOCOL_SLSKD)
    hit->magnet_url = g_strdup_printf ("magnet:?xt=urn:btih:%s", infohash != NULL ? infohash : title);
  ssv_release_hit_finish (hit);

  return ssv_judge_hit (g_ptr_array_index (j->profiles, 0), j->item, NULL, hit);
}

static void
test_merge (void)
{
  Judge j = { ssv_custom_format_new_defaults (), NULL, ssv_search_item_new_movie ("Heat", 1995) };
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_download_candidate_free);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_judged_hit_unref);
  g_autoptr(GPtrArray) merged = NULL;
  g_autoptr(SsvBlocklist) blocklist = blocklist_of_hash (HASH_B, "stalled");
  SsvDownloadCandidate *peer;
  static const char *expected[] = { "Heat.1995.1080p.WEB-DL.x264-NEW", "Heat (1995)" };

  j.profiles = ssv_quality_profile_new_defaults (j.formats);
  g_ptr_array_add (pool, candidate ("Heat.1995.1080p.BluRay.x264-GRP", HASH_A, TRUE));
  g_ptr_array_add (pool, candidate ("Heat.1995.1080p.BluRay.x264-TWO", NULL, FALSE));
  peer = ssv_download_candidate_new ("slskd", "Heat (1995)");
  peer->slskd_user = g_strdup ("peer");
  ssv_download_candidate_add_file (peer, "@@v\\Heat (1995)\\Heat.1995.1080p.mkv", 8000000000);
  g_ptr_array_add (pool, peer);

  /* in the pool by infohash (in capitals), by name; rejected; blocklisted */
  g_ptr_array_add (fresh, judged (&j, SSV_PROTOCOL_TORRENT, "Heat.1995.1080p.BluRay.x264-RENAMED",
                                  "AAAABBBBCCCCDDDDEEEEFFFF0000111122223333", NULL, NULL));
  g_ptr_array_add (fresh, judged (&j, SSV_PROTOCOL_TORRENT, "heat.1995.1080p.bluray.x264-two", NULL, NULL, NULL));
  g_ptr_array_add (fresh, judged (&j, SSV_PROTOCOL_TORRENT, "Heat.1995.CAM.x264-BAD", NULL, NULL, NULL));
  g_ptr_array_add (fresh, judged (&j, SSV_PROTOCOL_TORRENT, "Heat.1995.1080p.BluRay.x264-BLOCKED", HASH_B, NULL,
                                  NULL));
  /* new, then the same again */
  g_ptr_array_add (fresh, judged (&j, SSV_PROTOCOL_TORRENT, "Heat.1995.1080p.WEB-DL.x264-NEW", NULL, NULL, NULL));
  g_ptr_array_add (fresh, judged (&j, SSV_PROTOCOL_TORRENT, "Heat.1995.1080p.WEB-DL.x264-NEW", NULL, NULL, NULL));
  /* the same file from the same peer; from another peer it is a fresh chance */
  g_ptr_array_add (fresh, judged (&j, SSV_PROTOCOL_SLSKD, "Heat (1995)", NULL, "peer",
                                  "@@v\\Heat (1995)\\Heat.1995.1080p.mkv"));
  g_ptr_array_add (fresh, judged (&j, SSV_PROTOCOL_SLSKD, "Heat (1995)", NULL, "other",
                                  "@@v\\Heat (1995)\\Heat.1995.1080p.mkv"));
  g_assert_false (((SsvJudgedHit *) g_ptr_array_index (fresh, 2))->decision->accepted);
  for (guint i = 0; i < fresh->len; i++)
    if (i != 2)
      g_assert_true (((SsvJudgedHit *) g_ptr_array_index (fresh, i))->decision->accepted);

  merged = ssv_retry_merge_candidates (pool, fresh, blocklist);
  g_assert_cmpuint (merged->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < merged->len; i++)
    {
      SsvDownloadCandidate *c = g_ptr_array_index (merged, i);

      g_assert_cmpstr (c->release_title, ==, expected[i]);
      g_assert_false (c->tried);
    }
  g_assert_cmpstr (((SsvDownloadCandidate *) g_ptr_array_index (merged, 1))->slskd_user, ==, "other");

  /* nothing fresh, nothing blocklisted: an empty pool takes all accepted ones once */
  g_clear_pointer (&merged, g_ptr_array_unref);
  merged = ssv_retry_merge_candidates (NULL, fresh, NULL);
  g_assert_cmpuint (merged->len, ==, 6);

  g_ptr_array_unref (j.profiles);
  g_ptr_array_unref (j.formats);
  ssv_search_item_unref (j.item);
}

/* ---- the blocklist table ------------------------------------------------------- */

typedef struct
{
  char              *dir;
  SsvDatabase       *db;
  SsvBlocklistStore *blocklist;
  SsvDownloadStore  *downloads;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->blocklist = ssv_blocklist_store_new (f->db);
  f->downloads = ssv_download_store_new (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->blocklist);
  g_clear_object (&f->downloads);
  ssv_test_close_temp_database (&f->db, &f->dir);
}

static void
test_blocklist_store (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SsvDownloadCandidate) c = candidate ("Heat.1995.1080p.BluRay.x264-GRP", HASH_A, TRUE);
  g_autoptr(SsvDownloadCandidate) other = candidate ("Heat.1995.720p.BluRay.x264-GRP", HASH_B, FALSE);
  g_autoptr(SsvDownloadCandidate) peer = ssv_download_candidate_new ("slskd", "Heat (1995)");
  g_autoptr(SsvBlockEntry) entry = NULL;
  g_autoptr(SsvBlockEntry) bad = ssv_block_entry_new ();
  g_autoptr(SsvBlocklist) set = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  gint64 id, peer_id;

  /* a torrent by its hash in capitals: stored lower-case, found either way */
  g_free (c->infohash);
  c->infohash = g_ascii_strup (HASH_A, -1);
  entry = ssv_block_entry_new_for_candidate (c, "No seeds for 3 hours.", FALSE);
  id = ssv_blocklist_store_add (f->blocklist, entry, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  reason = ssv_blocklist_store_contains (f->blocklist, c, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reason, ==, "No seeds for 3 hours.");
  g_clear_pointer (&reason, g_free);
  g_assert_null (ssv_blocklist_store_contains (f->blocklist, other, &error));
  g_assert_no_error (error);

  /* Soulseek by peer and file */
  peer->slskd_user = g_strdup ("peer");
  ssv_download_candidate_add_file (peer, "@@v\\Heat (1995)\\heat.mkv", 100);
  g_clear_pointer (&entry, ssv_block_entry_free);
  entry = ssv_block_entry_new_for_candidate (peer, "Blocked by hand.", TRUE);
  peer_id = ssv_blocklist_store_add (f->blocklist, entry, 0, &error);
  g_assert_no_error (error);
  reason = ssv_blocklist_store_contains (f->blocklist, peer, &error);
  g_assert_cmpstr (reason, ==, "Blocked by hand.");
  g_clear_pointer (&reason, g_free);

  /* bad input: said, nothing written */
  bad->protocol = g_strdup ("torrent");
  bad->release_title = g_strdup ("Heat");
  g_assert_cmpint (ssv_blocklist_store_add (f->blocklist, bad, 0, &error), ==, 0);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
  g_clear_error (&error);
  bad->reason = g_strdup ("x");
  bad->slskd_user = g_strdup ("only-a-user");
  g_assert_cmpint (ssv_blocklist_store_add (f->blocklist, bad, 0, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM blocklist"), ==, 2);

  /* listed newest first with what the view shows */
  rows = ssv_blocklist_store_list (f->blocklist, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (((SsvBlockEntry *) g_ptr_array_index (rows, 0))->id, ==, peer_id);
  g_assert_true (((SsvBlockEntry *) g_ptr_array_index (rows, 0))->manual);
  g_assert_cmpstr (((SsvBlockEntry *) g_ptr_array_index (rows, 1))->infohash, ==, HASH_A);
  g_assert_cmpint (((SsvBlockEntry *) g_ptr_array_index (rows, 1))->created_at, >, 0);

  set = ssv_blocklist_store_load (f->blocklist, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ssv_blocklist_match_candidate (set, c), ==, "No seeds for 3 hours.");
  g_assert_cmpstr (ssv_blocklist_match_candidate (set, peer), ==, "Blocked by hand.");

  /* unblock; twice is said */
  g_assert_true (ssv_blocklist_store_remove (f->blocklist, id, &error));
  g_assert_no_error (error);
  g_assert_null (ssv_blocklist_store_contains (f->blocklist, c, &error));
  g_assert_false (ssv_blocklist_store_remove (f->blocklist, id, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
}

static void
test_blocklist_lookups_use_indexes (Fixture       *f,
                                    gconstpointer  data)
{
  for (guint i = 0; ssv_blocklist_store_lookup_sql[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *plan = NULL;
      gboolean indexed = ssv_database_explain_uses_index (f->db, ssv_blocklist_store_lookup_sql[i], &plan, &error);

      g_assert_no_error (error);
      g_test_message ("%s\n%s", ssv_blocklist_store_lookup_sql[i], plan);
      g_assert_true (indexed);
    }
}

/* ---- blocklisted hits in a search ---------------------------------------------- */

static void
finished_cb (SsvSearch *search,
             gboolean  *done)
{
  *done = TRUE;
}

static void
test_search_shows_blocklisted (void)
{
  g_autoptr(SsvFakeIndexer) fake = ssv_fake_indexer_new ("key", "torznab/newznab_caps.xml");
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvSearcher) searcher = ssv_searcher_new (http);
  g_autoptr(SsvIndexer) indexer = ssv_indexer_new (SSV_INDEXER_TORZNAB, "Jackett", ssv_fake_indexer_get_url (fake),
                                                   "key");
  g_autoptr(SsvBlocklist) blocklist = ssv_blocklist_new ();
  g_autoptr(GPtrArray) formats = ssv_custom_format_new_defaults ();
  g_autoptr(GPtrArray) profiles = ssv_quality_profile_new_defaults (formats);
  g_autoptr(SsvSearchItem) item = ssv_search_item_new_movie ("Heat", 1995);
  g_autoptr(SsvSearch) search = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *feed = g_strdup (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<rss version=\"2.0\" xmlns:torznab=\"http://torznab.com/schemas/2015/feed\"><channel><title>Jackett</title>"
    "<item><title>Heat.1995.1080p.BluRay.x264-GRP</title><guid>good</guid>"
    "<link>http://127.0.0.1:9/dl/good.torrent</link><size>9000000000</size>"
    "<torznab:attr name=\"seeders\" value=\"40\"/><torznab:attr name=\"category\" value=\"2040\"/></item>"
    "<item><title>Heat.1995.1080p.BluRay.x264-STALL</title><guid>stall</guid>"
    "<link>http://127.0.0.1:9/dl/stall.torrent</link><size>9000000000</size>"
    "<torznab:attr name=\"seeders\" value=\"400\"/><torznab:attr name=\"category\" value=\"2040\"/></item>"
    "</channel></rss>");
  gboolean done = FALSE;
  guint blocked = 0;

  ssv_fake_indexer_set_body (fake, NULL, 200, "application/rss+xml", feed);
  ssv_indexer_set_rate (indexer, 0, 1);
  ssv_searcher_add_indexer (searcher, indexer);
  add_entry (blocklist, "torrent", "Jackett", "Heat.1995.1080p.BluRay.x264-STALL", NULL, NULL, NULL, NULL, NULL,
             "No seeds for 3 hours.");
  ssv_searcher_set_blocklist (searcher, blocklist);

  search = ssv_searcher_start (searcher, item, g_ptr_array_index (profiles, 0), NULL, NULL);
  g_signal_connect (search, "finished", G_CALLBACK (finished_cb), &done);
  ssv_test_wait_for_flag (&done, 20000);
  hits = ssv_search_dup_results (search);
  g_assert_cmpuint (hits->len, ==, 2);
  for (guint i = 0; i < hits->len; i++)
    {
      const SsvJudgedHit *h = g_ptr_array_index (hits, i);
      g_autofree char *reasons = ssv_judged_hit_dup_reasons (h, SSV_REASON_REJECT);

      if (g_str_equal (h->hit->title, "Heat.1995.1080p.BluRay.x264-STALL"))
        {
          blocked++;
          g_assert_false (h->decision->accepted);
          g_assert_nonnull (strstr (reasons, "Blocklisted: No seeds for 3 hours."));
        }
      else
        g_assert_true (h->decision->accepted);
    }
  g_assert_cmpuint (blocked, ==, 1);
  /* still visible, after the accepted one */
  g_assert_cmpstr (((SsvJudgedHit *) g_ptr_array_index (hits, 1))->hit->title, ==,
                   "Heat.1995.1080p.BluRay.x264-STALL");
}

/* ---- the retry's writes -------------------------------------------------------- */

static gint64
record_heat (Fixture *f)
{
  SsvDownloadWanted wanted = { SSV_DOWNLOAD_KIND_MOVIE, 0, 949, 0, NULL, "Heat", 1995, -1, -1, NULL, 0, NULL };
  g_autoptr(SsvDownloadCandidate) chosen = candidate ("Heat.1995.1080p.BluRay.x264-GRP", HASH_A, TRUE);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_download_candidate_free);
  const char *queries[] = { "Heat 1995", NULL };
  SsvGrabRecord rec = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_ptr_array_add (others, candidate ("Heat.1995.720p.BluRay.x264-GRP", HASH_B, FALSE));
  g_ptr_array_add (others, candidate ("Heat.1995.1080p.WEB-DL.x264-NEW", NULL, FALSE));
  rec.wanted = &wanted;
  rec.chosen = chosen;
  rec.others = others;
  rec.reference = HASH_A;
  rec.client_name = "Home";
  rec.status = SSV_DOWNLOAD_QUEUED;
  rec.event = "Grabbed.";
  rec.queries = queries;
  id = ssv_download_store_record_grab (f->downloads, &rec, &error);
  g_assert_no_error (error);

  return id;
}

static void
test_store_switch (Fixture       *f,
                   gconstpointer  data)
{
  gint64 id = record_heat (f);
  g_autoptr(GPtrArray) candidates = ssv_download_store_list_candidates (f->downloads, id, NULL);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_download_candidate_free);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GError) error = NULL;
  SsvReleaseSwitch change = { 1, g_ptr_array_index (candidates, 1), 0, "Home", HASH_B, NULL,
                              "failed: stalled → trying Heat.1995.720p.BluRay.x264-GRP (score 0)" };

  g_assert_true (ssv_download_store_switch_release (f->downloads, id, &change, &error));
  g_assert_no_error (error);
  d = ssv_download_store_get (f->downloads, id, &error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_QUEUED);
  g_assert_cmpstr (ssv_download_get_release_title (d), ==, "Heat.1995.720p.BluRay.x264-GRP");
  g_assert_cmpstr (ssv_download_get_reference (d), ==, HASH_B);
  g_assert_cmpint (ssv_download_get_attempts (d), ==, 2);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT tried FROM download_candidates WHERE position = 1"), ==, 1);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT tried FROM download_candidates WHERE position = 2"), ==, 0);
  g_clear_object (&d);

  /* refused by the client: failed with the refusal, still one more attempt */
  change = (SsvReleaseSwitch) { 2, g_ptr_array_index (candidates, 2), 0, "Home", NULL, "Home refused it.",
                                "failed: x → trying Heat.1995.1080p.WEB-DL.x264-NEW (score 0)" };
  g_assert_true (ssv_download_store_switch_release (f->downloads, id, &change, &error));
  d = ssv_download_store_get (f->downloads, id, &error);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_FAILED);
  g_assert_cmpstr (ssv_download_get_error (d), ==, "Home refused it.");
  g_assert_cmpint (ssv_download_get_attempts (d), ==, 3);

  /* a search's fresh ones join the pool at its end, with the query */
  g_ptr_array_add (fresh, candidate ("Heat.1995.2160p.UHD.BluRay.x265-NEW", NULL, FALSE));
  g_assert_true (ssv_download_store_add_candidates (f->downloads, id, fresh, "Heat", "Searching “Heat” found 1.",
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT max (position) FROM download_candidates"), ==, 3);
  queries = ssv_download_store_list_tries (f->downloads, id, "query", &error);
  g_assert_cmpuint (queries->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (queries, 1), ==, "Heat");
  events = ssv_download_store_list_events (f->downloads, id, &error);
  g_assert_cmpuint (events->len, ==, 4);
  g_assert_cmpstr (((SsvDownloadEvent *) g_ptr_array_index (events, 1))->kind, ==, "retry");

  /* all or nothing: a download that is gone changes nothing */
  change.event = "never";
  g_assert_false (ssv_download_store_switch_release (f->downloads, id + 100, &change, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ssv_download_store_add_candidates (f->downloads, id + 100, fresh, "Heat Again", "never", &error));
  g_assert_nonnull (error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM download_events WHERE message = 'never'"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM download_tries WHERE value = 'Heat Again'"), ==,
                   0);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/core/retry/next-query", test_next_query);
  g_test_add_func ("/core/retry/plan", test_plan);
  g_test_add_func ("/core/retry/blocklist-match", test_blocklist_match);
  g_test_add_func ("/core/retry/merge", test_merge);
  g_test_add_func ("/core/retry/search-shows-blocklisted", test_search_shows_blocklisted);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/retry/blocklist-store", test_blocklist_store);
  ADD ("/core/retry/blocklist-lookups-use-indexes", test_blocklist_lookups_use_indexes);
  ADD ("/core/retry/store-switch", test_store_switch);
#undef ADD

  return g_test_run ();
}
