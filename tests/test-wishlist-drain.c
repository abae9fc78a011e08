/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-wishlist-drain.c: the automatic search of the wishlist against fake Torznab indexers and a
 * real transmission-daemon: what is due is searched and grabbed, what is not out, owned at the
 * cutoff or downloading is not; upgrades, indexer failures, the backoff, the catch-up after a
 * (mocked logind) wake and the RSS feed. */

#include "config.h"

#include <string.h>

#include "downloads/ssv-client-pool.h"
#include "ssv-error.h"
#include "ssv-fake-indexer.h"
#include "downloads/ssv-grabber.h"
#include "ssv-test-daemon.h"
#include "ssv-test-logind.h"
#include "ssv-test-utils.h"
#include "downloads/ssv-wishlist-drain.h"
#include "stores/ssv-blocklist-store.h"
#include "stores/ssv-profile-store.h"
#include "stores/ssv-wishlist-store.h"

#define INDEXER_KEY "drain-key-0451"
#define HOUR        ((gint64) 3600)
#define DAY         (24 * HOUR)
/* 2026-03-01 12:00 UTC */
#define NOW         ((gint64) 1772366400)

#define HASH_HEAT    "1111111111111111111111111111111111111111"
#define HASH_FUTURE  "2222222222222222222222222222222222222222"
#define HASH_S02E03  "3333333333333333333333333333333333333333"
#define HASH_S02E04  "4444444444444444444444444444444444444444"
#define HASH_ALIEN   "5555555555555555555555555555555555555555"
#define HASH_BLADE   "6666666666666666666666666666666666666666"
#define HASH_S02E05  "7777777777777777777777777777777777777777"

/* One feed answers every search; the judge keeps each item's own releases. */
#define ITEM(title, hash) \
  "<item><title>" title "</title><guid>" hash "</guid>" \
  "<pubDate>Sat, 28 Feb 2026 21:34:00 +0000</pubDate><size>4294967296</size>" \
  "<link>magnet:?xt=urn:btih:" hash "</link>" \
  "<torznab:attr name=\"magneturl\" value=\"magnet:?xt=urn:btih:" hash "\"/>" \
  "<torznab:attr name=\"seeders\" value=\"50\"/><torznab:attr name=\"peers\" value=\"60\"/>" \
  "<torznab:attr name=\"infohash\" value=\"" hash "\"/></item>"

static const char feed[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<rss version=\"1.0\" xmlns:torznab=\"http://torznab.com/schemas/2015/feed\"><channel><title>Fake</title>"
  ITEM ("Heat.1995.1080p.WEB-DL.DDP5.1.H.264-GRP", HASH_HEAT)
  ITEM ("Future.Film.2026.1080p.WEB-DL.DDP5.1.H.264-GRP", HASH_FUTURE)
  ITEM ("Severance.S02E03.1080p.WEB-DL.DDP5.1.H.264-GRP", HASH_S02E03)
  ITEM ("Severance.S02E04.1080p.WEB-DL.DDP5.1.H.264-GRP", HASH_S02E04)
  ITEM ("Severance.S02E05.1080p.WEB-DL.DDP5.1.H.264-GRP", HASH_S02E05)
  ITEM ("Alien.1979.1080p.BluRay.x264-GRP", HASH_ALIEN)
  ITEM ("Blade.Runner.1982.1080p.BluRay.x264-GRP", HASH_BLADE)
  "</channel></rss>";

/* The wanted items: 1 Heat (out), 2 Future Film (out in June), 3 Severance S02E03 (aired
 * yesterday), 4 S02E04 (airs next week), 5 Alien (owned in 720p: below the cutoff),
 * 6 Blade Runner (owned in 1080p WEB-DL: at the cutoff). */
static const char library[] =
  "INSERT INTO wishlist (id, kind, source, source_id, title, year) VALUES"
  "  (1, 'movie', 'tmdb', '949', 'Heat', 1995),"
  "  (2, 'movie', 'tmdb', '900001', 'Future Film', 2026),"
  "  (5, 'movie', 'tmdb', '348', 'Alien', 1979),"
  "  (6, 'movie', 'tmdb', '78', 'Blade Runner', 1982);"
  "INSERT INTO wishlist_search (wishlist_id, home_release_date, release_checked_at) VALUES (2, '2026-06-01', 1772366400);"
  "INSERT INTO wishlist_shows (id, source, source_id, title, year, wanted) VALUES (1, 'tmdb', '95396', 'Severance', 2022, 3);"
  "INSERT INTO wishlist (id, kind, wishlist_show_id, season_number, episode_number, title, air_date) VALUES"
  "  (3, 'episode', 1, 2, 3, 'Who Is Alive?', '2026-02-28'),"
  "  (4, 'episode', 1, 2, 4, 'Woe''s Hollow', '2026-03-07');"
  "INSERT INTO servers (id, kind, name, url) VALUES (1, 'folder', 'Films', '/srv/films');"
  "INSERT INTO movies (id, server_source, server_id, title, year, tmdb_id) VALUES"
  "  (1, 1, 'alien', 'Alien', 1979, 348), (2, 1, 'blade', 'Blade Runner', 1982, 78);"
  "INSERT INTO media_files (movie_id, path, video_height) VALUES"
  "  (1, '/srv/films/Alien (1979)/Alien.1979.720p.HDTV.x264-OLD.mkv', 720),"
  "  (2, '/srv/films/Blade Runner (1982)/Blade.Runner.1982.1080p.WEB-DL.H.264-OLD.mkv', 1080);";

typedef struct
{
  char                *dir;
  SsvDatabase         *db;
  SsvDownloadStore    *store;
  SsvHttp             *http;
  SsvSecrets          *secrets;
  SsvClientPool       *pool;
  SsvGrabber          *grabber;
  SsvClock            *clock;
  SsvWishlistDrain    *drain;
  SsvTestClientDaemon *daemon;
  SsvFakeIndexer      *alpha;
} Fixture;

static SsvFakeIndexer *
add_indexer (Fixture    *f,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  SsvFakeIndexer *fake = ssv_fake_indexer_new (INDEXER_KEY, "torznab/newznab_caps.xml");
  g_autofree char *secret_key = NULL;
  gint64 id;

  id = ssv_download_store_add_indexer (f->store, "torznab", name, ssv_fake_indexer_get_url (fake), &error);
  g_assert_no_error (error);
  secret_key = ssv_secrets_indexer_key (id);
  ssv_secrets_store_sync (f->secrets, secret_key, "test", INDEXER_KEY, NULL, &error);
  g_assert_no_error (error);

  return fake;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *client_key = NULL;
  g_autofree char *save_dir = NULL;
  gint64 client_id;

  if (!ssv_test_have_program ("transmission-daemon"))
    {
      g_test_skip ("transmission-daemon is not installed");
      return;
    }

  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  ssv_database_exec (f->db, library, &error);
  g_assert_no_error (error);
  f->store = ssv_download_store_new (f->db);
  f->http = ssv_http_new ();
  ssv_http_set_retry_policy (f->http, 1, 50);
  f->secrets = ssv_secrets_new ();

  save_dir = g_build_filename (f->dir, "downloads", NULL);
  g_mkdir_with_parents (save_dir, 0700);
  f->daemon = ssv_test_client_daemon_start (SSV_CLIENT_TRANSMISSION, save_dir, 0, &error);
  g_assert_no_error (error);
  client_id = ssv_download_store_add_client (f->store, SSV_CLIENT_TRANSMISSION, "Home", f->daemon->url,
                                             SSV_TEST_USER, &error);
  g_assert_no_error (error);
  client_key = ssv_secrets_client_key (client_id);
  ssv_secrets_store_sync (f->secrets, client_key, "test", SSV_TEST_PASSWORD, NULL, &error);
  g_assert_no_error (error);

  f->alpha = add_indexer (f, "Alpha");
  ssv_fake_indexer_set_body (f->alpha, NULL, 200, "application/rss+xml", feed);

  f->pool = ssv_client_pool_new (f->store, f->http, f->secrets);
  f->grabber = ssv_grabber_new (f->pool);
  f->clock = ssv_clock_new_manual (NOW);
  f->drain = ssv_wishlist_drain_new (f->db, f->http, f->secrets, f->store, f->grabber, f->clock);
  ssv_wishlist_drain_set_time_zone (f->drain, utc);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->drain);
  g_clear_object (&f->grabber);
  g_clear_object (&f->pool);
  g_clear_object (&f->clock);
  g_clear_pointer (&f->daemon, ssv_test_client_daemon_free);
  g_clear_pointer (&f->alpha, ssv_fake_indexer_free);
  g_clear_object (&f->secrets);
  g_clear_object (&f->http);
  g_clear_object (&f->store);
  if (f->db != NULL)
    ssv_test_close_temp_database (&f->db, &f->dir);
}

static const SsvDrainItem *
find_item (const SsvDrainReport *report,
           gint64                wishlist_id)
{
  for (guint i = 0; i < report->items->len; i++)
    {
      const SsvDrainItem *item = g_ptr_array_index (report->items, i);

      if (item->wishlist_id == wishlist_id)
        return item;
    }
  g_assert_not_reached ();
}

static gint64
downloads_of (Fixture *f,
              gint64   wishlist_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM downloads WHERE wishlist_id = %" G_GINT64_FORMAT,
                                          wishlist_id);

  return ssv_test_query_int (f->db, sql);
}

static gint64
attempts_of (Fixture *f,
             gint64   wishlist_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce ((SELECT attempts FROM wishlist_search"
                                          " WHERE wishlist_id = %" G_GINT64_FORMAT "), 0)", wishlist_id);

  return ssv_test_query_int (f->db, sql);
}

static char *
last_result_of (Fixture *f,
                gint64   wishlist_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT last_result FROM wishlist_search WHERE wishlist_id = %"
                                          G_GINT64_FORMAT, wishlist_id);

  return ssv_test_query_text (f->db, sql);
}

static void
assert_in_client (Fixture    *f,
                  const char *hash)
{
  g_autoptr(SsvDownloadClient) client = ssv_test_client_daemon_client (f->daemon, f->http, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvTransfer) transfer = ssv_download_client_get (client, hash, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (transfer);
}

/* Whether any search sent to @fake named @words in its query. */
static gboolean
searched_for (SsvFakeIndexer *fake,
              const char     *param,
              const char     *words)
{
  g_autoptr(GPtrArray) searches = ssv_fake_indexer_dup_searches (fake);

  for (guint i = 0; i < searches->len; i++)
    {
      const char *value = g_hash_table_lookup (g_ptr_array_index (searches, i), param);

      if (value != NULL && strstr (value, words) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The hourly drain: out and aired items searched and grabbed into the real client, an owned
 * one below the cutoff upgraded; not out, not aired and at the cutoff left alone; a second
 * drain grabs nothing twice. */
static void
test_drain_due (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SsvDrainReport) report = NULL;
  g_autoptr(SsvDrainReport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *heat_result = NULL;

  if (f->daemon == NULL)
    return;

  report = ssv_wishlist_drain_run_sync (f->drain, SSV_DRAIN_DUE, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->items->len; i++)
    {
      const SsvDrainItem *item = g_ptr_array_index (report->items, i);
      g_test_message ("%s: %s", item->label, item->result);
    }

  g_assert_cmpuint (report->n_searched, ==, 3);
  g_assert_cmpuint (report->n_grabbed, ==, 3);
  g_assert_cmpstr (find_item (report, 1)->grabbed, ==, "Heat.1995.1080p.WEB-DL.DDP5.1.H.264-GRP");
  g_assert_cmpstr (find_item (report, 3)->grabbed, ==, "Severance.S02E03.1080p.WEB-DL.DDP5.1.H.264-GRP");
  g_assert_cmpstr (find_item (report, 5)->grabbed, ==, "Alien.1979.1080p.BluRay.x264-GRP");
  assert_in_client (f, HASH_HEAT);
  assert_in_client (f, HASH_S02E03);
  assert_in_client (f, HASH_ALIEN);

  /* Not out, not aired, good enough: not searched at all, and the reason said. */
  g_assert_cmpint (find_item (report, 2)->state, ==, SSV_WISH_DUE_NOT_RELEASED);
  g_assert_cmpint (find_item (report, 2)->next_at, ==, ssv_wishlist_day_start ("2026-06-01", utc));
  g_assert_cmpint (find_item (report, 4)->state, ==, SSV_WISH_DUE_NOT_AIRED);
  g_assert_cmpint (find_item (report, 6)->state, ==, SSV_WISH_DUE_AT_CUTOFF);
  g_assert_false (find_item (report, 2)->searched || find_item (report, 4)->searched ||
                  find_item (report, 6)->searched);
  g_assert_false (searched_for (f->alpha, "q", "Future"));
  g_assert_false (searched_for (f->alpha, "q", "Blade"));
  g_assert_false (searched_for (f->alpha, "tmdbid", "900001"));
  g_assert_true (searched_for (f->alpha, "q", "Heat"));
  for (gint64 id = 1; id <= 6; id++)
    g_assert_cmpint (downloads_of (f, id), ==, id == 1 || id == 3 || id == 5 ? 1 : 0);

  /* Each item's search is kept: attempts, when, and what came of it in plain words. */
  g_assert_cmpint (attempts_of (f, 1), ==, 1);
  g_assert_cmpint (attempts_of (f, 2), ==, 0);
  heat_result = last_result_of (f, 1);
  g_assert_nonnull (strstr (heat_result, "Grabbed “Heat.1995.1080p.WEB-DL.DDP5.1.H.264-GRP”"));
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT last_search_at FROM wishlist_search WHERE wishlist_id = 1"),
                   ==, NOW);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT next_search_at FROM wishlist_search WHERE wishlist_id = 4"),
                   ==, NOW + 6 * DAY + 12 * HOUR);

  /* The next drain: the downloads under way own those items; nothing is grabbed twice. */
  ssv_clock_advance (f->clock, 2 * HOUR);
  again = ssv_wishlist_drain_run_sync (f->drain, SSV_DRAIN_DUE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_grabbed, ==, 0);
  g_assert_cmpint (find_item (again, 1)->state, ==, SSV_WISH_DUE_DOWNLOADING);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM downloads"), ==, 3);
}

/* A release that stalled before (on the blocklist by its infohash) is not grabbed again by
 * the drain: the hit is judged "Blocklisted" and the item's result says so. */
static void
test_blocklisted_not_grabbed (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SsvBlocklistStore) blocklist = ssv_blocklist_store_new (f->db);
  g_autoptr(SsvDrainReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = g_ascii_strdown (HASH_HEAT, -1);
  SsvBlockEntry entry = { .protocol = (char *) "torrent", .release_title = (char *) "Heat.1995.1080p.WEB-DL.DDP5.1.H.264-GRP",
                          .infohash = hash, .reason = (char *) "No progress for 3 h, 0 seeds." };
  const SsvDrainItem *heat;

  if (f->daemon == NULL)
    return;

  g_assert_cmpint (ssv_blocklist_store_add (blocklist, &entry, 0, &error), >, 0);
  g_assert_no_error (error);
  report = ssv_wishlist_drain_run_sync (f->drain, SSV_DRAIN_DUE, NULL, NULL, &error);
  g_assert_no_error (error);
  heat = find_item (report, 1);
  g_test_message ("Heat: %s", heat->result);
  g_assert_true (heat->searched);
  g_assert_cmpstr (heat->grabbed, !=, "Heat.1995.1080p.WEB-DL.DDP5.1.H.264-GRP");
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM downloads WHERE release_title ="
                                             " 'Heat.1995.1080p.WEB-DL.DDP5.1.H.264-GRP'"), ==, 0);
  /* The others are grabbed as ever. */
  g_assert_cmpstr (find_item (report, 5)->grabbed, ==, "Alien.1979.1080p.BluRay.x264-GRP");
}

/* A copy of the default profile under @name that rejects names with @rejected (NULL: none). */
static gint64
add_profile (SsvProfileStore *profiles,
             const char      *name,
             const char      *rejected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(SsvQualityProfile) profile = NULL;

  g_assert_true (ssv_profile_store_ensure_defaults (profiles, &error));
  all = ssv_profile_store_list (profiles, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 0);
  profile = ssv_quality_profile_copy (g_ptr_array_index (all, 0));
  profile->id = 0;
  g_free (profile->name);
  profile->name = g_strdup (name);
  if (rejected != NULL)
    g_ptr_array_add (profile->rejected_words, g_strdup (rejected));
  g_assert_true (ssv_profile_store_save (profiles, profile, &error));
  g_assert_no_error (error);

  return profile->id;
}

/* A wanted film and a wanted show each judged under their own profile: the same WEB-DL hits the
 * default profile takes are refused under one that rejects "WEB-DL", for the film and for the
 * show's episode alike; the grab records the item's profile (the retry engine requeries under
 * it); a deleted profile sends its items back to the default one. */
static void
test_item_profile (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SsvProfileStore) profiles = ssv_profile_store_new (f->db);
  g_autoptr(SsvWishlistStore) wishlist = ssv_wishlist_store_new (f->db);
  g_autoptr(SsvDrainReport) report = NULL;
  g_autoptr(SsvDrainReport) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 no_web, also;

  if (f->daemon == NULL)
    return;

  no_web = add_profile (profiles, "No WEB-DL", "WEB-DL");
  also = add_profile (profiles, "Also Fine", NULL);
  g_assert_true (ssv_wishlist_store_set_profile (wishlist, SSV_WISHLIST_KIND_MOVIE, 1, no_web, &error));
  g_assert_true (ssv_wishlist_store_set_profile (wishlist, SSV_WISHLIST_KIND_SHOW, 1, no_web, &error));
  g_assert_true (ssv_wishlist_store_set_profile (wishlist, SSV_WISHLIST_KIND_MOVIE, 5, also, &error));
  g_assert_no_error (error);
  /* A profile that does not exist, or an item that is not wanted, is refused and changes nothing. */
  g_assert_false (ssv_wishlist_store_set_profile (wishlist, SSV_WISHLIST_KIND_MOVIE, 1, 9999, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ssv_wishlist_store_set_profile (wishlist, SSV_WISHLIST_KIND_MOVIE, 3, no_web, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT profile_id FROM wishlist WHERE id = 1"), ==, no_web);

  report = ssv_wishlist_drain_run_sync (f->drain, SSV_DRAIN_DUE, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->items->len; i++)
    g_test_message ("%s: %s", ((SsvDrainItem *) g_ptr_array_index (report->items, i))->label,
                    ((SsvDrainItem *) g_ptr_array_index (report->items, i))->result);

  /* Heat and Severance S02E03 were found, and refused under their profile. */
  g_assert_true (find_item (report, 1)->searched && find_item (report, 3)->searched);
  g_assert_null (find_item (report, 1)->grabbed);
  g_assert_null (find_item (report, 3)->grabbed);
  g_assert_cmpuint (find_item (report, 1)->n_hits, >, 0);
  g_assert_cmpuint (find_item (report, 1)->n_accepted, ==, 0);
  g_assert_nonnull (strstr (find_item (report, 1)->result, "none accepted"));
  g_assert_cmpint (downloads_of (f, 1) + downloads_of (f, 3), ==, 0);
  /* Alien's BluRay is grabbed, and its download keeps Alien's profile. */
  g_assert_cmpstr (find_item (report, 5)->grabbed, ==, "Alien.1979.1080p.BluRay.x264-GRP");
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT profile_id FROM downloads WHERE wishlist_id = 5"), ==, also);

  /* The profile is deleted: its items fall back to the default one, and the same hits are taken. */
  g_assert_true (ssv_profile_store_delete (profiles, no_web, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist WHERE profile_id IS NOT NULL"), ==, 1);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM wishlist_shows WHERE profile_id IS NOT NULL"),
                   ==, 0);
  again = ssv_wishlist_drain_run_sync (f->drain, SSV_DRAIN_NOW, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (find_item (again, 1)->grabbed, ==, "Heat.1995.1080p.WEB-DL.DDP5.1.H.264-GRP");
  g_assert_cmpstr (find_item (again, 3)->grabbed, ==, "Severance.S02E03.1080p.WEB-DL.DDP5.1.H.264-GRP");
  assert_in_client (f, HASH_HEAT);
}

/* One indexer answers 429, another 500: each said plainly on the item, and the third indexer is
 * still searched and its release grabbed. With only the broken ones, nothing is found, the
 * backoff holds the item an hour, and "Search now" searches it anyway. */
static void
test_indexer_failures (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SsvFakeIndexer) limited = NULL;
  g_autoptr(SsvFakeIndexer) broken = NULL;
  g_autoptr(SsvDrainReport) report = NULL;
  g_autoptr(SsvDrainReport) waiting = NULL;
  g_autoptr(SsvDrainReport) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  SsvWishSearchFilter heat = { 1, NULL, NULL, -1 };

  if (f->daemon == NULL)
    return;

  limited = add_indexer (f, "Limited");
  ssv_fake_indexer_set_body (limited, NULL, 429, "text/plain", "Too many requests");
  broken = add_indexer (f, "Broken");
  ssv_fake_indexer_set_body (broken, NULL, 500, "text/html", "<html>Internal error</html>");
  /* Alpha finds nothing for now. */
  ssv_fake_indexer_set_body (f->alpha, NULL, 200, "application/rss+xml",
                             "<rss version=\"1.0\"><channel><title>Fake</title></channel></rss>");

  report = ssv_wishlist_drain_run_sync (f->drain, SSV_DRAIN_DUE, &heat, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", find_item (report, 1)->result);
  g_assert_true (find_item (report, 1)->searched);
  g_assert_null (find_item (report, 1)->grabbed);
  result = last_result_of (f, 1);
  g_assert_nonnull (strstr (result, "Nothing found."));
  g_assert_nonnull (strstr (result, "Limited asked to slow down"));
  g_assert_nonnull (strstr (result, "Broken had a problem of its own (HTTP 500)"));
  g_assert_true (searched_for (f->alpha, "q", "Heat"));
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT next_search_at FROM wishlist_search WHERE wishlist_id = 1"),
                   ==, NOW + HOUR);

  /* Half an hour later the hourly drain leaves it alone: the backoff. */
  ssv_clock_advance (f->clock, HOUR / 2);
  waiting = ssv_wishlist_drain_run_sync (f->drain, SSV_DRAIN_DUE, &heat, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_item (waiting, 1)->state, ==, SSV_WISH_DUE_WAITING);
  g_assert_false (find_item (waiting, 1)->searched);
  g_assert_cmpint (attempts_of (f, 1), ==, 1);

  /* "Search now" does not wait; Alpha has it now, and it is grabbed despite the other two. */
  ssv_fake_indexer_set_body (f->alpha, NULL, 200, "application/rss+xml", feed);
  now = ssv_wishlist_drain_run_sync (f->drain, SSV_DRAIN_NOW, &heat, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", find_item (now, 1)->result);
  g_assert_cmpstr (find_item (now, 1)->grabbed, ==, "Heat.1995.1080p.WEB-DL.DDP5.1.H.264-GRP");
  g_assert_nonnull (strstr (find_item (now, 1)->result, "Limited asked to slow down"));
  g_assert_cmpint (attempts_of (f, 1), ==, 2);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT fruitless FROM wishlist_search WHERE wishlist_id = 1"), ==, 0);
  assert_in_client (f, HASH_HEAT);
}

/* The RSS sync: one feed request per indexer (t=search, no query), the wanted items found in
 * it grabbed, backoff or not; a second sync grabs nothing twice. */
static void
test_rss_sync (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SsvDrainReport) report = NULL;
  g_autoptr(SsvDrainReport) again = NULL;
  g_autoptr(GPtrArray) searches = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  GHashTable *params;

  if (f->daemon == NULL)
    return;

  /* Heat was searched ten minutes ago without luck: the drain would wait, the feed need not. */
  ssv_database_exec (f->db, "INSERT INTO wishlist_search (wishlist_id, attempts, fruitless, last_search_at)"
                            " VALUES (1, 1, 1, 1772365800)", &error);
  g_assert_no_error (error);

  report = ssv_wishlist_drain_rss_sync (f->drain, NULL, &error);
  g_assert_no_error (error);
  searches = ssv_fake_indexer_dup_searches (f->alpha);
  g_assert_cmpuint (searches->len, ==, 1);
  params = g_ptr_array_index (searches, 0);
  g_assert_cmpstr (g_hash_table_lookup (params, "t"), ==, "search");
  g_assert_null (g_hash_table_lookup (params, "q"));

  /* Heat, the aired episode and Alien's upgrade; not Future Film, S02E04 or Blade Runner. */
  g_assert_cmpuint (report->n_grabbed, ==, 3);
  g_assert_cmpstr (find_item (report, 1)->grabbed, ==, "Heat.1995.1080p.WEB-DL.DDP5.1.H.264-GRP");
  for (gint64 id = 1; id <= 6; id++)
    g_assert_cmpint (downloads_of (f, id), ==, id == 1 || id == 3 || id == 5 ? 1 : 0);
  assert_in_client (f, HASH_HEAT);
  result = last_result_of (f, 1);
  g_assert_nonnull (strstr (result, "feed"));
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT fruitless FROM wishlist_search WHERE wishlist_id = 1"), ==, 0);

  again = ssv_wishlist_drain_rss_sync (f->drain, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_grabbed, ==, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM downloads"), ==, 3);
}

/* ---- catch-up after a wake, from a mocked logind ---------------------------------------- */

static gboolean
is_listening (gpointer data)
{
  return ssv_sleep_monitor_get_listening (data);
}

typedef struct
{
  guint  finished;
  guint  grabbed;
  GArray *searched;   /* gint64 wishlist ids, in the order searched */
} Heard;

static void
on_finished (SsvWishlistDrain *drain,
             SsvDrainReport   *report,
             Heard            *heard)
{
  heard->finished++;
  heard->grabbed += report->n_grabbed;
}

static void
on_searched (SsvWishlistDrain *drain,
             gint64            wishlist_id,
             const char       *result,
             Heard            *heard)
{
  g_array_append_val (heard->searched, wishlist_id);
}

typedef struct
{
  Heard *heard;
  guint  wanted;
} FinishedWait;

static gboolean
has_finished (gpointer data)
{
  FinishedWait *wait = data;

  return wait->heard->finished >= wait->wanted;
}

/* The app starts: the catch-up pass searches what came out while it was off (Heat; S02E03
 * aired yesterday). The machine sleeps ten hours: S02E05, due to air two hours in, aired
 * meanwhile; the wake's catch-up pass searches it (and only it) and grabs it. */
static void
test_catch_up_after_sleep (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SsvSleepMonitor) monitor = NULL;
  g_autoptr(GError) error = NULL;
  SsvTestLogind logind = { 0, };
  Heard heard = { 0, };
  FinishedWait wait = { &heard, 1 };

  if (f->daemon == NULL)
    return;

  /* Only the two episodes and Heat, which was searched after its release, without luck. */
  ssv_database_exec (f->db,
    "DELETE FROM wishlist WHERE id IN (2, 4, 5, 6);"
    "INSERT INTO wishlist (id, kind, wishlist_show_id, season_number, episode_number, title, air_date) VALUES"
    "  (7, 'episode', 1, 2, 5, 'Trojan''s Horse', '2026-03-01');"
    "INSERT INTO wishlist_search (wishlist_id, attempts, fruitless, last_search_at) VALUES (1, 1, 1, 1772359200);",
    &error);
  g_assert_no_error (error);
  /* S02E05 airs at 14:00 UTC today: a show in the library says when. */
  ssv_database_exec (f->db,
    "INSERT INTO shows (id, server_source, server_id, title, year, tmdb_id, air_time, air_time_zone)"
    "  VALUES (1, 1, 'severance', 'Severance', 2022, 95396, '14:00', 'UTC');"
    "INSERT INTO episodes (show_id, season_number, episode_number, air_date) VALUES (1, 2, 5, '2026-03-01');",
    &error);
  g_assert_no_error (error);

  heard.searched = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (f->drain, "finished", G_CALLBACK (on_finished), &heard);
  g_signal_connect (f->drain, "item-searched", G_CALLBACK (on_searched), &heard);

  ssv_test_logind_up (&logind);
  monitor = ssv_sleep_monitor_new ();
  g_assert_true (ssv_test_wait_for (is_listening, monitor, 5000));

  /* Start: S02E03 aired while the app was off; Heat waits for its backoff; S02E05 is ahead. */
  ssv_wishlist_drain_start (f->drain, monitor);
  g_assert_true (ssv_test_wait_for (has_finished, &wait, 20000));
  g_assert_cmpuint (heard.searched->len, ==, 1);
  g_assert_cmpint (g_array_index (heard.searched, gint64, 0), ==, 3);
  g_assert_cmpint (downloads_of (f, 3), ==, 1);
  g_assert_cmpint (downloads_of (f, 7), ==, 0);

  ssv_test_logind_prepare_for_sleep (TRUE);
  ssv_clock_sleep (f->clock, 10 * HOUR);
  ssv_test_logind_prepare_for_sleep (FALSE);
  wait.wanted = 2;
  g_assert_true (ssv_test_wait_for (has_finished, &wait, 20000));

  /* Only what aired while asleep: S02E05, grabbed; Heat's backoff is the hourly drain's business. */
  g_assert_cmpuint (heard.searched->len, ==, 2);
  g_assert_cmpint (g_array_index (heard.searched, gint64, 1), ==, 7);
  g_assert_cmpint (downloads_of (f, 7), ==, 1);
  assert_in_client (f, HASH_S02E05);
  g_assert_cmpint (attempts_of (f, 1), ==, 1);
  g_assert_cmpuint (heard.grabbed, ==, 2);

  ssv_wishlist_drain_start (f->drain, NULL);
  g_assert_true (ssv_test_wait_for (has_finished, &(FinishedWait) { &heard, 3 }, 20000));
  g_clear_object (&monitor);
  ssv_test_logind_down (&logind);
  g_array_unref (heard.searched);
}

/* The jobs show in the scheduler's list, hourly and every 15 minutes, and Run Now drains. */
static void
test_scheduler_jobs (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SsvScheduler) scheduler = NULL;
  g_autoptr(GError) error = NULL;
  SsvSchedulerJob *job;
  Heard heard = { 0, };
  FinishedWait wait = { &heard, 1 };

  if (f->daemon == NULL)
    return;

  scheduler = ssv_scheduler_new (f->db, f->clock);
  ssv_wishlist_drain_register_jobs (f->drain, scheduler);
  job = ssv_scheduler_lookup (scheduler, SSV_WISHLIST_DRAIN_JOB);
  g_assert_nonnull (job);
  g_assert_cmpstr (ssv_scheduler_job_get_title (job), ==, "Search the wishlist");
  g_assert_cmpint (ssv_scheduler_job_get_interval (job), ==, HOUR);
  job = ssv_scheduler_lookup (scheduler, SSV_WISHLIST_RSS_JOB);
  g_assert_nonnull (job);
  g_assert_cmpint (ssv_scheduler_job_get_interval (job), ==, 15 * 60);

  g_signal_connect (f->drain, "finished", G_CALLBACK (on_finished), &heard);
  g_assert_true (ssv_scheduler_load_sync (scheduler, &error));
  g_assert_no_error (error);
  g_assert_true (ssv_scheduler_run_now (scheduler, SSV_WISHLIST_DRAIN_JOB, &error));
  g_assert_no_error (error);
  g_assert_true (ssv_test_wait_for (has_finished, &wait, 20000));
  g_assert_cmpuint (heard.grabbed, ==, 3);
  ssv_scheduler_stop (scheduler);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/daemons/wishlist-drain/due", test_drain_due);
  ADD ("/daemons/wishlist-drain/blocklisted-not-grabbed", test_blocklisted_not_grabbed);
  ADD ("/daemons/wishlist-drain/judged-under-the-items-profile", test_item_profile);
  ADD ("/daemons/wishlist-drain/indexer-failures", test_indexer_failures);
  ADD ("/daemons/wishlist-drain/rss-sync", test_rss_sync);
  ADD ("/daemons/wishlist-drain/catch-up-after-sleep", test_catch_up_after_sleep);
  ADD ("/daemons/wishlist-drain/scheduler-jobs", test_scheduler_jobs);
#undef ADD

  return g_test_run ();
}
