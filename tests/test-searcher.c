/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-searcher.c: one search across fake indexers: errors per indexer, dedup, strategies, budget, 429, order. */

#include "config.h"

#include <string.h>

#include "ssv-error.h"
#include "ssv-fake-indexer.h"
#include "ssv-fake-slskd.h"
#include "downloads/ssv-grab-hits.h"
#include "downloads/ssv-searcher.h"
#include "ssv-test-utils.h"
#include "downloads/ssv-torznab.h"

#define GEEK_FEED "torznab/newznab_nzbgeek_tvsearch_extended.DERIVED-escaped.xml"

static const char tvdb_caps[] =
  "<caps><limits max=\"100\" default=\"50\"/><searching><search available=\"yes\" supportedParams=\"q\"/>"
  "<tv-search available=\"yes\" supportedParams=\"q,season,ep,tvdbid\"/>"
  "<movie-search available=\"yes\" supportedParams=\"q,imdbid\"/></searching>"
  "<categories><category id=\"5000\" name=\"TV\"><subcat id=\"5040\" name=\"TV/HD\"/></category></categories></caps>";

static const char empty_feed[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>x</title></channel></rss>";

typedef struct
{
  SsvHttp           *http;
  SsvSearcher       *searcher;
  GPtrArray         *fakes;       /* SsvFakeIndexer */
  GPtrArray         *formats;
  GPtrArray         *profiles;
  SsvQualityProfile *any;

  /* what the search said, in order */
  GPtrArray         *events;      /* char *: "batch NAME N", "failed NAME: message", "finished" */
  GPtrArray         *batches;     /* SsvSearchBatch */
  gboolean           finished;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->http = ssv_http_new ();
  ssv_http_set_retry_policy (f->http, 1, 10);
  f->searcher = ssv_searcher_new (f->http);
  f->fakes = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_fake_indexer_free);
  f->formats = ssv_custom_format_new_defaults ();
  f->profiles = ssv_quality_profile_new_defaults (f->formats);
  f->any = g_ptr_array_index (f->profiles, 2);
  f->events = g_ptr_array_new_with_free_func (g_free);
  f->batches = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_search_batch_unref);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->searcher);
  g_clear_object (&f->http);
  g_ptr_array_unref (f->fakes);
  g_ptr_array_unref (f->profiles);
  g_ptr_array_unref (f->formats);
  g_ptr_array_unref (f->events);
  g_ptr_array_unref (f->batches);
}

static SsvIndexer *
add_torznab (Fixture        *f,
             const char     *name,
             const char     *caps_fixture,
             const char     *results_fixture,
             SsvFakeIndexer **fake_out)
{
  SsvFakeIndexer *fake = ssv_fake_indexer_new ("key", caps_fixture ? caps_fixture : "torznab/newznab_caps.xml");
  g_autoptr(SsvIndexer) indexer = ssv_indexer_new (SSV_INDEXER_TORZNAB, name, ssv_fake_indexer_get_url (fake), "key");

  if (results_fixture != NULL)
    ssv_fake_indexer_set_results (fake, NULL, results_fixture);
  ssv_indexer_set_rate (indexer, 0, 1);
  ssv_searcher_add_indexer (f->searcher, indexer);
  g_ptr_array_add (f->fakes, fake);
  if (fake_out != NULL)
    *fake_out = fake;
  /* borrowed: the searcher holds it */
  return indexer;
}

/* An indexer whose caps are given here rather than asked for. */
static void
set_caps_text (SsvIndexer *indexer,
               const char *xml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvIndexerCaps) caps = ssv_torznab_parse_caps (xml, -1, "Test", &error);

  g_assert_no_error (error);
  ssv_indexer_set_caps (indexer, caps);
}

static void
batch_cb (SsvSearch      *search,
          SsvSearchBatch *batch,
          Fixture        *f)
{
  g_ptr_array_add (f->events, g_strdup_printf ("batch %s %u", batch->source, batch->hits->len));
  g_ptr_array_add (f->batches, ssv_search_batch_ref (batch));
}

static void
failed_cb (SsvSearch  *search,
           const char *source,
           const char *message,
           Fixture    *f)
{
  g_test_message ("%s: %s", source, message);
  g_ptr_array_add (f->events, g_strdup_printf ("failed %s: %s", source, message));
}

static void
finished_cb (SsvSearch *search,
             Fixture   *f)
{
  g_ptr_array_add (f->events, g_strdup ("finished"));
  f->finished = TRUE;
}

static SsvSearch *
start (Fixture       *f,
       SsvSearchItem *item)
{
  SsvSearch *search;

  f->finished = FALSE;
  g_ptr_array_set_size (f->events, 0);
  g_ptr_array_set_size (f->batches, 0);
  search = ssv_searcher_start (f->searcher, item, f->any, NULL, NULL);
  g_signal_connect (search, "batch", G_CALLBACK (batch_cb), f);
  g_signal_connect (search, "source-failed", G_CALLBACK (failed_cb), f);
  g_signal_connect (search, "finished", G_CALLBACK (finished_cb), f);
  return search;
}

static void
wait_finished (Fixture *f)
{
  while (!f->finished)
    g_main_context_iteration (NULL, TRUE);
}

static SsvSearch *
run (Fixture       *f,
     SsvSearchItem *item)
{
  SsvSearch *search = start (f, item);

  wait_finished (f);
  return search;
}

static gboolean
has_event (Fixture    *f,
           const char *prefix,
           const char *part)
{
  for (guint i = 0; i < f->events->len; i++)
    {
      const char *event = g_ptr_array_index (f->events, i);

      if (g_str_has_prefix (event, prefix) && (part == NULL || strstr (event, part) != NULL))
        return TRUE;
    }
  return FALSE;
}

static SsvSearchItem *
the_fix (void)
{
  SsvSearchItem *item = ssv_search_item_new_episode ("The Fix", 1, 1);

  ssv_search_item_set_ids (item, 0, 354629, NULL);
  return item;
}

/* ---- tests ----------------------------------------------------------------------- */

static void
test_errors_per_indexer (Fixture       *f,
                         gconstpointer  data)
{
  SsvFakeIndexer *html, *broken, *down;
  add_torznab (f, "Good", NULL, GEEK_FEED, NULL);
  add_torznab (f, "Cloudy", NULL, NULL, &html);
  add_torznab (f, "Broken", NULL, NULL, &broken);
  add_torznab (f, "Down", NULL, GEEK_FEED, &down);
  g_autoptr(SsvFakeIndexer) keyed = ssv_fake_indexer_new ("right", "torznab/newznab_caps.xml");
  g_autoptr(SsvIndexer) wrong_key = ssv_indexer_new (SSV_INDEXER_NEWZNAB, "Keyed", ssv_fake_indexer_get_url (keyed),
                                                     "wrong");
  g_autoptr(SsvFakeServer) slskd_server = ssv_fake_server_new ();
  g_autoptr(SsvFakeSlskd) slskd = ssv_fake_slskd_new (slskd_server, "k");
  g_autoptr(SsvIndexer) soulseek = ssv_indexer_new (SSV_INDEXER_SLSKD, "Soulseek", ssv_fake_server_get_url (slskd_server),
                                                    "k");
  g_autoptr(SsvSearchItem) item = the_fix ();
  g_autoptr(SsvSearch) search = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  SsvFakeFault unavailable = { SSV_FAKE_FAULT_STATUS, 503, -1, 0, -1 };

  ssv_fake_indexer_set_body (html, NULL, 200, "text/html",
                             "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body></body></html>");
  ssv_fake_indexer_set_body (broken, NULL, 200, "application/xml", "<rss><channel><item><title>The Fix S01E01");
  ssv_fake_server_set_fault (ssv_fake_indexer_get_server (down), "GET /api?t=search", &unavailable);
  ssv_searcher_add_indexer (f->searcher, wrong_key);
  ssv_fake_slskd_set_responses_fixture (slskd, "slskd/get_search_responses.listenarr-anon.json");
  ssv_indexer_set_slskd_timing (soulseek, 0, 10, 2000);
  ssv_searcher_add_indexer (f->searcher, soulseek);

  search = run (f, item);
  results = ssv_search_dup_results (search);
  failures = ssv_search_dup_failures (search);

  /* the good indexer's hits are all there… */
  g_assert_true (has_event (f, "batch Good", NULL));
  g_assert_cmpuint (results->len, ==, 2);
  /* …and every other one says, in its own name, what went wrong */
  g_assert_true (has_event (f, "failed Cloudy", "web page"));
  g_assert_true (has_event (f, "failed Broken", "not a Torznab or Newznab feed"));
  g_assert_true (has_event (f, "failed Down", "HTTP 503"));
  g_assert_true (has_event (f, "failed Keyed", "refused the API key"));
  g_assert_true (has_event (f, "failed Soulseek", "video files"));
  g_assert_cmpuint (failures->len, ==, 5);
  g_assert_cmpuint (ssv_search_get_n_answered (search), ==, 6);
  g_assert_cmpstr (g_ptr_array_index (f->events, f->events->len - 1), ==, "finished");
  g_assert_false (ssv_search_is_running (search));
}

static void
test_dedup (Fixture       *f,
            gconstpointer  data)
{
  SsvFakeIndexer *fake_a, *fake_b;
  SsvIndexer *a = add_torznab (f, "Direct", NULL, "torznab/torznab_tpb.xml", &fake_a);
  add_torznab (f, "Via Jackett", NULL, "torznab/torznab_tpb.xml", &fake_b);
  g_autoptr(SsvSearchItem) item = the_fix ();
  g_autoptr(SsvSearch) search = NULL;
  g_autoptr(GPtrArray) results = NULL;
  guint duplicates = 0;
  guint delivered = 0;

  /* the same five releases from two indexers, and again for the id query of one */
  set_caps_text (a, tvdb_caps);
  search = run (f, item);
  results = ssv_search_dup_results (search);

  for (guint i = 0; i < f->batches->len; i++)
    {
      SsvSearchBatch *batch = g_ptr_array_index (f->batches, i);

      duplicates += batch->duplicates;
      delivered += batch->hits->len;
    }
  g_assert_cmpuint (results->len, ==, 5);
  g_assert_cmpuint (delivered, ==, 5);
  g_assert_cmpuint (duplicates, ==, 10);
}

static GHashTable *
search_at (SsvFakeIndexer *fake,
           guint           i)
{
  g_autoptr(GPtrArray) searches = ssv_fake_indexer_dup_searches (fake);

  g_assert_cmpuint (i, <, searches->len);
  return g_hash_table_ref (g_ptr_array_index (searches, i));
}

static guint
n_searches (SsvFakeIndexer *fake)
{
  g_autoptr(GPtrArray) searches = ssv_fake_indexer_dup_searches (fake);

  return searches->len;
}

static void
test_strategies_from_caps (Fixture       *f,
                           gconstpointer  data)
{
  SsvFakeIndexer *ids, *text_only, *empty;
  SsvIndexer *a = add_torznab (f, "WithIds", NULL, GEEK_FEED, &ids);
  add_torznab (f, "TextOnly", "torznab/torznab_animetosho_caps.xml", GEEK_FEED, &text_only);
  add_torznab (f, "FindsNothing", NULL, NULL, &empty);
  g_autoptr(SsvSearchItem) item = the_fix ();
  g_autoptr(SsvSearch) search = NULL;
  g_autoptr(GHashTable) first = NULL;
  g_autoptr(GHashTable) second = NULL;
  g_autoptr(GHashTable) plain = NULL;
  g_autoptr(GHashTable) fallback = NULL;

  set_caps_text (a, tvdb_caps);
  ssv_fake_indexer_set_body (empty, NULL, 200, "application/rss+xml", empty_feed);
  search = run (f, item);

  /* ids where caps take them: TheTVDB id with season and episode, then the text */
  g_assert_cmpuint (n_searches (ids), ==, 2);
  first = search_at (ids, 0);
  g_assert_cmpstr (g_hash_table_lookup (first, "t"), ==, "tvsearch");
  g_assert_cmpstr (g_hash_table_lookup (first, "tvdbid"), ==, "354629");
  g_assert_cmpstr (g_hash_table_lookup (first, "season"), ==, "1");
  g_assert_cmpstr (g_hash_table_lookup (first, "ep"), ==, "1");
  g_assert_cmpstr (g_hash_table_lookup (first, "cat"), ==, "5000");
  second = search_at (ids, 1);
  g_assert_cmpstr (g_hash_table_lookup (second, "t"), ==, "search");
  g_assert_cmpstr (g_hash_table_lookup (second, "q"), ==, "The Fix S01E01");

  /* an indexer without TV search gets the text alone, in its own categories; it found
   * something, so no other form of the text is tried */
  g_assert_cmpuint (n_searches (text_only), ==, 1);
  plain = search_at (text_only, 0);
  g_assert_cmpstr (g_hash_table_lookup (plain, "t"), ==, "search");
  g_assert_cmpstr (g_hash_table_lookup (plain, "q"), ==, "The Fix S01E01");
  g_assert_cmpstr (g_hash_table_lookup (plain, "cat"), ==, "5070");

  /* nothing found: the next form of the text */
  g_assert_cmpuint (n_searches (empty), ==, 2);
  fallback = search_at (empty, 1);
  g_assert_cmpstr (g_hash_table_lookup (fallback, "q"), ==, "The Fix S1E01");
}

/* Two indexers with different caps: each gets its own categories, ids only where caps take them. */
static const char wide_caps[] =
  "<caps><searching><search available=\"yes\" supportedParams=\"q\"/>"
  "<tv-search available=\"yes\" supportedParams=\"q,season,ep,tvdbid\"/>"
  "<movie-search available=\"yes\" supportedParams=\"q,imdbid\"/></searching>"
  "<categories><category id=\"2000\" name=\"Movies\"><subcat id=\"2040\" name=\"Movies/HD\"/></category>"
  "<category id=\"5000\" name=\"TV\"><subcat id=\"5040\" name=\"TV/HD\"/></category></categories></caps>";

static const char narrow_caps[] =
  "<caps><searching><search available=\"yes\" supportedParams=\"q\"/>"
  "<tv-search available=\"yes\" supportedParams=\"q,season,ep\"/>"
  "<movie-search available=\"yes\" supportedParams=\"q\"/></searching>"
  "<categories><category id=\"2040\" name=\"Movies/HD\"/><category id=\"5030\" name=\"TV/SD\"/>"
  "<category id=\"5040\" name=\"TV/HD\"/><category id=\"100001\" name=\"Ebooks\"/></categories></caps>";

static const char narrow_caps_later[] =
  "<caps><searching><search available=\"yes\" supportedParams=\"q\"/>"
  "<tv-search available=\"yes\" supportedParams=\"q,season,ep,tvdbid\"/>"
  "<movie-search available=\"yes\" supportedParams=\"q\"/></searching>"
  "<categories><category id=\"2040\" name=\"Movies/HD\"/><category id=\"5030\" name=\"TV/SD\"/>"
  "<category id=\"5040\" name=\"TV/HD\"/><category id=\"5045\" name=\"TV/UHD\"/></categories></caps>";

static gint64
add_stored (SsvDownloadStore *store,
            const char       *name,
            SsvFakeIndexer   *fake)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ssv_download_store_add_indexer (store, "torznab", name, ssv_fake_indexer_get_url (fake), &error);

  g_assert_no_error (error);
  return id;
}

static void
test_indexer (SsvDownloadStore *store,
              SsvHttp          *http,
              const char       *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvIndexerRow) row = ssv_download_store_find_indexer (store, name, &error);
  g_autofree char *said = NULL;

  g_assert_no_error (error);
  said = ssv_grab_test_indexer (store, NULL, http, row, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", said);
}

/* A searcher over the indexers as the store has them now. */
static void
load_stored (Fixture          *f,
             SsvDownloadStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) indexers = ssv_grab_load_indexers (store, NULL, NULL, &error);

  g_assert_no_error (error);
  g_clear_object (&f->searcher);
  f->searcher = ssv_searcher_new (f->http);
  for (guint i = 0; i < indexers->len; i++)
    ssv_searcher_add_indexer (f->searcher, g_ptr_array_index (indexers, i));
}

/* Every search the fake saw since @from sent @cat, and @param only if @with_param. */
static void
assert_searches (SsvFakeIndexer *fake,
                 guint           from,
                 const char     *cat,
                 const char     *param,
                 gboolean        with_param)
{
  g_autoptr(GPtrArray) searches = ssv_fake_indexer_dup_searches (fake);
  gboolean seen_param = FALSE;

  g_assert_cmpuint (searches->len, >, from);
  for (guint i = from; i < searches->len; i++)
    {
      GHashTable *params = g_ptr_array_index (searches, i);

      g_assert_cmpstr (g_hash_table_lookup (params, "cat"), ==, cat);
      seen_param |= g_hash_table_contains (params, param);
    }
  g_assert_cmpint (seen_param, ==, with_param);
}

static void
test_categories_from_caps (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(SsvDownloadStore) store = ssv_download_store_new (db);
  g_autoptr(SsvFakeIndexer) wide = ssv_fake_indexer_new (NULL, "torznab/newznab_caps.xml");
  g_autoptr(SsvFakeIndexer) narrow = ssv_fake_indexer_new (NULL, "torznab/newznab_caps.xml");
  g_autoptr(SsvSearchItem) show = the_fix ();
  g_autoptr(SsvSearchItem) film = ssv_search_item_new_movie ("Heat", 1995);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvSearch) search = NULL;
  gint64 narrow_id;
  const int chosen[] = { 2040, 5040 };
  guint before, before_narrow;

  ssv_fake_indexer_set_caps_text (wide, wide_caps);
  ssv_fake_indexer_set_caps_text (narrow, narrow_caps);
  ssv_fake_indexer_set_results (wide, NULL, GEEK_FEED);
  ssv_fake_indexer_set_results (narrow, NULL, GEEK_FEED);
  add_stored (store, "Wide", wide);
  narrow_id = add_stored (store, "Narrow", narrow);
  test_indexer (store, f->http, "Wide");
  test_indexer (store, f->http, "Narrow");
  ssv_search_item_set_ids (film, 949, 0, "tt0113277");

  /* each indexer its own categories from its caps; ids only where they are listed */
  load_stored (f, store);
  g_clear_object (&search);
  search = run (f, show);
  assert_searches (wide, 0, "5000", "tvdbid", TRUE);
  assert_searches (narrow, 0, "5030,5040", "tvdbid", FALSE);
  before = n_searches (wide);
  before_narrow = n_searches (narrow);
  g_clear_object (&search);
  search = run (f, film);
  assert_searches (wide, before, "2000", "imdbid", TRUE);
  assert_searches (narrow, before_narrow, "2040", "imdbid", FALSE);

  /* the person leaves SD out; the indexer later lists more: a new test reads the caps
   * again, keeps the person's choice and searches the new category */
  g_assert_true (ssv_download_store_select_indexer_categories (store, narrow_id, chosen, G_N_ELEMENTS (chosen),
                                                               &error));
  g_assert_no_error (error);
  ssv_fake_indexer_set_caps_text (narrow, narrow_caps_later);
  test_indexer (store, f->http, "Narrow");
  load_stored (f, store);
  before = n_searches (narrow);
  g_clear_object (&search);
  search = run (f, show);
  assert_searches (narrow, before, "5040,5045", "tvdbid", TRUE);

  g_clear_object (&search);
  g_clear_object (&store);
  ssv_test_close_temp_database (&db, &dir);
}

static void
test_rate_limit_and_budget (Fixture       *f,
                            gconstpointer  data)
{
  SsvFakeIndexer *busy, *small, *fine;
  add_torznab (f, "Busy", NULL, GEEK_FEED, &busy);
  SsvIndexer *b = add_torznab (f, "Small", NULL, NULL, &small);
  add_torznab (f, "Fine", NULL, GEEK_FEED, &fine);
  g_autoptr(SsvSearchItem) item = the_fix ();
  g_autoptr(SsvSearch) first = NULL;
  g_autoptr(SsvSearch) second = NULL;
  SsvFakeFault slow_down = { SSV_FAKE_FAULT_STATUS, 429, 30, 0, -1 };
  guint busy_hits;

  ssv_fake_server_set_fault (ssv_fake_indexer_get_server (busy), "GET /api?t=search", &slow_down);
  /* caps and one search a day; its first query finds nothing, so it wants a second */
  ssv_indexer_set_budget (b, 2, 86400);
  ssv_fake_indexer_set_body (small, NULL, 200, "application/rss+xml", empty_feed);

  first = run (f, item);
  g_assert_true (has_event (f, "failed Busy", "asked to slow down"));
  g_assert_true (has_event (f, "failed Busy", "30 seconds"));
  g_assert_true (has_event (f, "failed Small", "2 requests"));
  g_assert_true (has_event (f, "batch Fine 2", NULL));
  g_assert_cmpuint (n_searches (small), ==, 1);
  busy_hits = ssv_fake_server_get_total_hits (ssv_fake_indexer_get_server (busy));

  /* searched again at once: Busy is left alone, Small has nothing left, Fine answers */
  second = run (f, item);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (ssv_fake_indexer_get_server (busy)), ==, busy_hits);
  g_assert_true (has_event (f, "failed Busy", "asked to slow down"));
  g_assert_true (has_event (f, "failed Small", "searched again in"));
  g_assert_cmpuint (n_searches (small), ==, 1);
  g_assert_true (has_event (f, "batch Fine", NULL));
}

static void
test_first_batch_before_slowest (Fixture       *f,
                                 gconstpointer  data)
{
  SsvFakeIndexer *slow;
  add_torznab (f, "Slow", NULL, GEEK_FEED, &slow);
  add_torznab (f, "Fast", NULL, "torznab/torznab_tpb.xml", NULL);
  g_autoptr(SsvSearchItem) item = the_fix ();
  g_autoptr(SsvSearch) search = NULL;

  ssv_fake_indexer_hold (slow);
  search = start (f, item);
  while (ssv_search_get_n_answered (search) < 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (has_event (f, "batch Fast 5", NULL));

  /* the fast answer is shown while the slow indexer has not answered at all */
  g_assert_true (ssv_search_is_running (search));
  g_assert_false (has_event (f, "batch Slow", NULL));
  g_assert_cmpuint (ssv_search_get_n_answered (search), ==, 1);
  g_assert_cmpuint (ssv_search_get_n_sources (search), ==, 2);

  ssv_fake_indexer_release (slow);
  wait_finished (f);
  g_assert_true (has_event (f, "batch Slow 2", NULL));
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  SsvFakeIndexer *slow;
  add_torznab (f, "Slow", NULL, GEEK_FEED, &slow);
  g_autoptr(SsvSearchItem) item = the_fix ();
  g_autoptr(SsvSearch) search = NULL;

  ssv_fake_indexer_hold (slow);
  search = start (f, item);
  g_assert_true (ssv_fake_indexer_wait_searches (slow, 1, 10000));
  ssv_search_cancel (search);
  ssv_fake_indexer_release (slow);
  wait_finished (f);
  /* a cancel is no failure to report */
  g_assert_false (has_event (f, "failed", NULL));
  g_assert_false (ssv_search_is_running (search));
}

static void
test_prowlarr_per_indexer (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SsvFakeIndexer) fake = ssv_fake_prowlarr_new ("pk", "prowlarr/indexer.SHAPE.json");
  g_autoptr(SsvIndexer) prowlarr = ssv_indexer_new (SSV_INDEXER_PROWLARR, "Prowlarr", ssv_fake_indexer_get_url (fake),
                                                    "pk");
  g_autoptr(SsvSearchItem) item = the_fix ();
  g_autoptr(SsvSearch) search = NULL;
  g_autoptr(GPtrArray) searches = NULL;
  g_autoptr(GPtrArray) results = NULL;
  gboolean saw_ids = FALSE;

  ssv_fake_indexer_set_results (fake, "1", "prowlarr/search_hdaccess.SHAPE.json");
  ssv_fake_indexer_set_results (fake, "2", "prowlarr/search_tpb.SHAPE.json");
  ssv_indexer_set_rate (prowlarr, 0, 1);
  ssv_searcher_add_indexer (f->searcher, prowlarr);

  search = run (f, item);
  g_assert_cmpuint (ssv_search_get_n_sources (search), ==, 2);
  g_assert_true (has_event (f, "batch HDAccess (via Prowlarr)", NULL));
  g_assert_true (has_event (f, "batch The Pirate Bay (via Prowlarr)", NULL));
  g_assert_false (has_event (f, "failed", NULL));

  searches = ssv_fake_indexer_dup_searches (fake);
  for (guint i = 0; i < searches->len; i++)
    {
      GHashTable *sent = g_ptr_array_index (searches, i);
      const char *query = g_hash_table_lookup (sent, "query");

      g_assert_nonnull (g_hash_table_lookup (sent, "indexerIds"));
      g_assert_cmpstr (g_hash_table_lookup (sent, "categories"), ==, "5000");
      /* HDAccess takes TheTVDB ids: Prowlarr reads them out of the query */
      if (g_strcmp0 (g_hash_table_lookup (sent, "indexerIds"), "1") == 0 &&
          g_strcmp0 (g_hash_table_lookup (sent, "type"), "tvsearch") == 0)
        saw_ids |= g_strcmp0 (query, "{TvdbId:354629}{Season:1}{Episode:1}") == 0;
      /* The Pirate Bay does not: never an id for it */
      if (g_strcmp0 (g_hash_table_lookup (sent, "indexerIds"), "2") == 0)
        g_assert_null (strstr (query, "TvdbId"));
    }
  g_assert_true (saw_ids);
  results = ssv_search_dup_results (search);
  g_assert_cmpuint (results->len, ==, 10);
}

static void
test_prowlarr_wrong_key (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SsvFakeIndexer) fake = ssv_fake_prowlarr_new ("pk", "prowlarr/indexer.SHAPE.json");
  g_autoptr(SsvIndexer) prowlarr = ssv_indexer_new (SSV_INDEXER_PROWLARR, "Prowlarr", ssv_fake_indexer_get_url (fake),
                                                    "nope");
  g_autoptr(SsvSearchItem) item = the_fix ();
  g_autoptr(SsvSearch) search = NULL;

  ssv_searcher_add_indexer (f->searcher, prowlarr);
  search = run (f, item);
  g_assert_true (has_event (f, "failed Prowlarr", "refused the API key"));
  /* no search was tried with a key it refused */
  g_assert_cmpuint (n_searches (fake), ==, 0);
}

/* Everything judged under the item's profile, accepted first, the rest with reasons. */
static void
test_judged_and_sorted (Fixture       *f,
                        gconstpointer  data)
{
  add_torznab (f, "Geek", NULL, GEEK_FEED, NULL);
  add_torznab (f, "Pirates", NULL, "torznab/torznab_tpb.xml", NULL);
  g_autoptr(SsvSearchItem) item = the_fix ();
  g_autoptr(SsvSearch) search = run (f, item);
  g_autoptr(GPtrArray) results = ssv_search_dup_results (search);
  SsvJudgedHit *best, *last;

  g_assert_cmpuint (results->len, ==, 7);
  best = g_ptr_array_index (results, 0);
  last = g_ptr_array_index (results, results->len - 1);
  g_assert_true (best->decision->accepted);
  g_assert_cmpstr (best->hit->title, ==, "The.Fix.S01E01.1080p.AMZN.WEB-DL");
  g_assert_true (((SsvJudgedHit *) g_ptr_array_index (results, 1))->decision->accepted);
  g_assert_false (last->decision->accepted);
  g_assert_true (ssv_decision_has_reason (last->decision, SSV_REASON_REJECT, "is not “The Fix”"));
}

static void
test_search_sync (Fixture       *f,
                  gconstpointer  data)
{
  add_torznab (f, "Geek", NULL, GEEK_FEED, NULL);
  g_autoptr(SsvSearchItem) item = the_fix ();
  g_autoptr(SsvSearch) search = ssv_searcher_search_sync (f->searcher, item, f->any, NULL, NULL);
  g_autoptr(GPtrArray) results = ssv_search_dup_results (search);

  g_assert_false (ssv_search_is_running (search));
  g_assert_cmpuint (results->len, ==, 2);
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  ADD ("/core/searcher/errors-per-indexer", test_errors_per_indexer);
  ADD ("/core/searcher/dedup", test_dedup);
  ADD ("/core/searcher/strategies-from-caps", test_strategies_from_caps);
  ADD ("/core/searcher/categories-from-caps", test_categories_from_caps);
  ADD ("/core/searcher/rate-limit-and-budget", test_rate_limit_and_budget);
  ADD ("/core/searcher/first-batch-before-slowest", test_first_batch_before_slowest);
  ADD ("/core/searcher/cancel", test_cancel);
  ADD ("/core/searcher/prowlarr-per-indexer", test_prowlarr_per_indexer);
  ADD ("/core/searcher/prowlarr-wrong-key", test_prowlarr_wrong_key);
  ADD ("/core/searcher/judged-and-sorted", test_judged_and_sorted);
  ADD ("/core/searcher/search-sync", test_search_sync);

  return g_test_run ();
}
