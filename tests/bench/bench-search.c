/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-search.c: hits judged per second under a profile of 20 custom formats, judging against parsing
 * alone (same run), and the time to the first results when one indexer is ten times slower.
 * SSV_BENCH_DECIDE_ONCE=parse or =judge parses, or judges, the 10,000 hits once and stops
 * (=setup only prepares them): runs under `valgrind --tool=cachegrind` give the ratio in
 * instructions, which a busy machine does not move. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "ssv-fake-indexer.h"
#include "downloads/ssv-judge.h"
#include "downloads/ssv-searcher.h"
#include "ssv-test-utils.h"
#include "providers/ssv-tmdb.h"

#define N_HITS     10000
#define N_FORMATS  20
#define ROUNDS     15

/* 10,000 hits named after the corpus' names (3,329 of them, so each comes about three times). */
static GPtrArray *
load_hits (void)
{
  g_autoptr(GPtrArray) names = ssv_test_load_corpus_names ();
  GPtrArray *hits = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_release_hit_unref);

  g_assert_cmpuint (names->len, >, 0);
  for (guint i = 0; i < N_HITS; i++)
    {
      SsvReleaseHit *hit = ssv_release_hit_new (SSV_PROTOCOL_TORRENT);

      hit->title = g_strdup (g_ptr_array_index (names, i % names->len));
      hit->indexer = g_strdup ("Bench");
      hit->download_url = g_strdup_printf ("https://bench/%u.torrent", i);
      hit->size = 700000000 + (gint64) (i % 50) * 200000000;
      hit->seeders = i % 97;
      g_ptr_array_add (hits, hit);
    }
  return hits;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static double
judge_seconds (GPtrArray               *hits,
               const SsvQualityProfile *profile,
               SsvSearchItem          **items,
               guint                   *accepted)
{
  gint64 start = g_get_monotonic_time ();

  *accepted = 0;
  for (guint i = 0; i < hits->len; i++)
    {
      SsvJudgedHit *judged = ssv_judge_hit (profile, items[i], NULL, g_ptr_array_index (hits, i));

      *accepted += judged->decision->accepted;
      ssv_judged_hit_unref (judged);
    }
  return seconds_since (start);
}

static void
bench_decide (void)
{
  g_autoptr(GPtrArray) hits = load_hits ();
  g_autoptr(GPtrArray) formats = ssv_custom_format_new_defaults ();
  g_autoptr(SsvQualityProfile) profile = ssv_test_profile_with_formats (formats, N_FORMATS);
  g_autoptr(SsvSearchItem) item = ssv_search_item_new_movie ("Fight Club", 1999);
  g_autoptr(GBytes) titles = ssv_fixture_load ("tmdb/movie-alternative-titles.json");
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (titles, NULL), NULL);
  g_auto(GStrv) aliases = ssv_tmdb_parse_alternative_titles (root, NULL);
  g_autofree SsvSearchItem **same = g_new (SsvSearchItem *, N_HITS);
  g_autofree SsvSearchItem **own = g_new (SsvSearchItem *, N_HITS);
  double parse_best = G_MAXDOUBLE, judge_best = G_MAXDOUBLE, own_best = G_MAXDOUBLE;
  guint accepted = 0, own_accepted = 0;
  SsvRelease r;

  g_assert_cmpuint (profile->format_scores->len, >=, N_FORMATS);
  ssv_search_item_set_ids (item, 550, 0, "tt0137523");
  ssv_search_item_set_aliases (item, (const char * const *) aliases);
  for (guint i = 0; i < N_HITS; i++)
    {
      same[i] = item;
      own[i] = ssv_test_item_named_by (((SsvReleaseHit *) g_ptr_array_index (hits, i))->title);
    }

  if (g_getenv ("SSV_BENCH_DECIDE_ONCE") != NULL)
    {
      gboolean parse = g_str_equal (g_getenv ("SSV_BENCH_DECIDE_ONCE"), "parse");
      gboolean judge = g_str_equal (g_getenv ("SSV_BENCH_DECIDE_ONCE"), "judge");

      for (guint i = 0; parse && i < hits->len; i++)
        ssv_release_parse (((SsvReleaseHit *) g_ptr_array_index (hits, i))->title, &r);
      if (judge)
        judge_seconds (hits, profile, same, &accepted);
      for (guint i = 0; i < N_HITS; i++)
        ssv_search_item_unref (own[i]);
      return;
    }

  /* Alternate them, best of several rounds each: all see the same machine. */
  for (guint round = 0; round < ROUNDS; round++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < hits->len; i++)
        ssv_release_parse (((SsvReleaseHit *) g_ptr_array_index (hits, i))->title, &r);
      parse_best = MIN (parse_best, seconds_since (start));
      judge_best = MIN (judge_best, judge_seconds (hits, profile, same, &accepted));
      own_best = MIN (own_best, judge_seconds (hits, profile, own, &own_accepted));
    }

  g_printerr ("parsing %.2f µs a hit; judging for Fight Club (%u of %u accepted) %.2f µs; judging each for the "
              "title it names (%u accepted) %.2f µs, %.2f× parsing\n",
              parse_best * 1e6 / N_HITS, accepted, N_HITS, judge_best * 1e6 / N_HITS, own_accepted,
              own_best * 1e6 / N_HITS, own_best / parse_best);
  printf ("BENCH decide.hits_per_s %.0f hits/s\n", hits->len / judge_best);
  printf ("BENCH decide.vs_parse_ratio %.2f x\n", judge_best / parse_best);
  for (guint i = 0; i < N_HITS; i++)
    ssv_search_item_unref (own[i]);
}

typedef struct
{
  gint64   started;
  gint64   first_us;
  gboolean finished;
} Timing;

static void
batch_cb (SsvSearch      *search,
          SsvSearchBatch *batch,
          Timing         *timing)
{
  if (timing->first_us == 0 && batch->hits->len > 0)
    timing->first_us = g_get_monotonic_time () - timing->started;
}

static void
finished_cb (SsvSearch *search,
             Timing    *timing)
{
  timing->finished = TRUE;
}

static SsvIndexer *
delayed_indexer (const char      *name,
                 guint            delay_ms,
                 SsvFakeIndexer **fake_out)
{
  SsvFakeIndexer *fake = ssv_fake_indexer_new ("key", "torznab/newznab_caps.xml");
  SsvFakeFault delay = { SSV_FAKE_FAULT_DELAY, 0, -1, delay_ms, -1 };
  SsvIndexer *indexer = ssv_indexer_new (SSV_INDEXER_NEWZNAB, name, ssv_fake_indexer_get_url (fake), "key");

  ssv_fake_indexer_set_results (fake, NULL, "torznab/newznab_nzbgeek_tvsearch_extended.DERIVED-escaped.xml");
  ssv_fake_server_set_fault (ssv_fake_indexer_get_server (fake), "GET /api?t=search", &delay);
  *fake_out = fake;
  return indexer;
}

static void
bench_first_result (void)
{
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvSearcher) searcher = ssv_searcher_new (http);
  g_autoptr(SsvFakeIndexer) fast_fake = NULL;
  g_autoptr(SsvFakeIndexer) slow_fake = NULL;
  g_autoptr(SsvIndexer) fast = delayed_indexer ("Fast", 300, &fast_fake);
  g_autoptr(SsvIndexer) slow = delayed_indexer ("Slow", 3000, &slow_fake);
  g_autoptr(GPtrArray) formats = ssv_custom_format_new_defaults ();
  g_autoptr(GPtrArray) profiles = ssv_quality_profile_new_defaults (formats);
  g_autoptr(SsvSearchItem) item = ssv_search_item_new_episode ("The Fix", 1, 1);
  g_autoptr(SsvSearch) search = NULL;
  Timing timing = { 0 };

  ssv_searcher_add_indexer (searcher, slow);
  ssv_searcher_add_indexer (searcher, fast);
  timing.started = g_get_monotonic_time ();
  search = ssv_searcher_start (searcher, item, g_ptr_array_index (profiles, 2), NULL, NULL);
  g_signal_connect (search, "batch", G_CALLBACK (batch_cb), &timing);
  g_signal_connect (search, "finished", G_CALLBACK (finished_cb), &timing);
  while (!timing.finished)
    g_main_context_iteration (NULL, TRUE);

  g_printerr ("all answered after %.0f ms\n", seconds_since (timing.started) * 1000);
  printf ("BENCH search.first_result_ms %.0f ms\n", timing.first_us / 1000.0);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);
  bench_decide ();
  if (g_getenv ("SSV_BENCH_DECIDE_ONCE") == NULL)
    bench_first_result ();
  return 0;
}
