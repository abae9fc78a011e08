/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-channels.c: YouTube channels end to end against the fake: follow, refresh, open from
 * the cache, dates, faults, new uploads, Piped/Invidious and the network-activity record. */

#include "config.h"

#include <string.h>
#include <time.h>

#include "ssv-error.h"
#include "ssv-channel-service.h"
#include "ssv-network-activity.h"
#include "ssv-test-utils.h"
#include "ssv-fake-youtube.h"
#include "providers/ssv-youtube-text.h"
#include "stores/ssv-network-activity-store.h"
#include "stores/ssv-settings-store.h"

#define SYNTH_ID      "UCaaaaaaaaaaaaaaaaaaaaa1"
#define SYNTH_HANDLE  "@madeup"

typedef struct
{
  char              *dir;
  SsvDatabase       *db;
  SsvFakeServer     *server;
  SsvFakeYoutube    *youtube;
  SsvHttp           *http;
  SsvChannelStore   *store;
  SsvWatchlistStore *watchlist;
  SsvWishlistStore  *wishlist;
  SsvChannelService *service;
  gint64             now;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->server = ssv_fake_server_new ();
  f->youtube = ssv_fake_youtube_new (f->server);
  f->http = ssv_http_new ();
  ssv_http_set_retry_policy (f->http, 1, 10);
  ssv_http_set_rate_limit (f->http, "youtube", 0.0, 1);
  ssv_fake_youtube_point_http (f->youtube, f->http);
  f->store = ssv_channel_store_new (f->db);
  f->watchlist = ssv_watchlist_store_new (f->db);
  f->wishlist = ssv_wishlist_store_new (f->db);
  f->service = ssv_channel_service_new (f->http, f->store, f->watchlist, f->wishlist);
  f->now = g_get_real_time () / G_USEC_PER_SEC;
  ssv_fake_youtube_set_now (f->youtube, f->now);
  /* 95 uploads, one a day: four catalog pages. */
  ssv_fake_youtube_add_synthetic (f->youtube, SYNTH_ID, SYNTH_HANDLE, "Made Up", 95, f->now - 3 * 86400, 86400);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->service);
  g_clear_object (&f->store);
  g_clear_object (&f->watchlist);
  g_clear_object (&f->wishlist);
  g_clear_object (&f->http);
  g_clear_pointer (&f->youtube, ssv_fake_youtube_free);
  g_clear_pointer (&f->server, ssv_fake_server_free);
  ssv_test_close_temp_database (&f->db, &f->dir);
}

static SsvVideo *
find_video (GPtrArray  *videos,
            const char *video_id)
{
  for (guint i = 0; i < videos->len; i++)
    if (g_str_equal (ssv_video_get_video_id (g_ptr_array_index (videos, i)), video_id))
      return g_ptr_array_index (videos, i);

  return NULL;
}

static GPtrArray *
list_videos (Fixture    *f,
             const char *channel_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *videos = ssv_channel_store_list_videos (f->store, channel_id, SSV_VIDEOS_ALL, &error);

  g_assert_no_error (error);
  return videos;
}

static SsvChannel *
get_channel (Fixture    *f,
             const char *channel_id)
{
  g_autoptr(GError) error = NULL;
  SsvChannel *channel = ssv_channel_store_get_channel (f->store, channel_id, &error);

  g_assert_no_error (error);
  return channel;
}

static char *
follow (Fixture    *f,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  char *id = ssv_channel_service_follow (f->service, text, NULL, &error);

  g_assert_no_error (error);
  return id;
}

/* ---- the store's rules ---------------------------------------------------------- */

static SsvYtVideo *
yt_video (const char *id,
          gint64      published,
          gboolean    exact,
          gint64      unit)
{
  SsvYtVideo *video = ssv_yt_video_new ();

  video->video_id = g_strdup (id);
  video->title = g_strdup ("A title");
  video->published = published;
  video->date_exact = exact;
  video->date_unit = exact ? 0 : unit;
  return video;
}

static void
save_one (Fixture    *f,
          SsvYtVideo *video)
{
  g_autoptr(GPtrArray) videos = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (videos, video);
  ssv_channel_store_save_videos (f->store, SYNTH_ID, videos, TRUE, -1, &error);
  g_assert_no_error (error);
}

static void
assert_date (Fixture    *f,
             const char *id,
             gint64      published,
             gboolean    exact)
{
  g_autoptr(GPtrArray) videos = list_videos (f, SYNTH_ID);
  SsvVideo *video = find_video (videos, id);

  g_assert_nonnull (video);
  g_assert_cmpint (ssv_video_get_published (video), ==, published);
  g_assert_cmpint (ssv_video_get_date_exact (video), ==, exact);
}

/* A video's year season is its year where the person lives: just after New Year in UTC is
 * still the old year in Honolulu, and just before it is already the new one in Kiritimati. */
static void
test_year_in_local_zone (Fixture       *f,
                         gconstpointer  data)
{
  static const char * const zones[] = { "Pacific/Kiritimati", "Pacific/Honolulu", "UTC" };
  /* 2025-12-31 12:00 UTC, 2026-01-01 00:30 UTC, 2026-07-01 00:00 UTC */
  static const gint64 times[] = { 1767182400, 1767227400, 1782864000 };
  g_autofree char *old_tz = g_strdup (g_getenv ("TZ"));
  guint years_seen = 0;

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *id = g_strdup_printf ("year%07u", i);

      save_one (f, yt_video (id, times[i], TRUE, 0));
    }

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GPtrArray) videos = NULL;

      g_setenv ("TZ", zones[z], TRUE);
      tzset ();
      videos = list_videos (f, SYNTH_ID);
      for (guint i = 0; i < G_N_ELEMENTS (times); i++)
        {
          g_autofree char *id = g_strdup_printf ("year%07u", i);
          g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (times[i]);
          SsvVideo *video = find_video (videos, id);

          g_assert_nonnull (video);
          g_test_message ("%s in %s", id, zones[z]);
          g_assert_cmpint (ssv_video_get_year (video), ==, g_date_time_get_year (local));
          years_seen |= 1u << (g_date_time_get_year (local) - 2025);
        }
    }
  /* both sides of New Year were seen */
  g_assert_cmpuint (years_seen, ==, 3);

  if (old_tz != NULL)
    g_setenv ("TZ", old_tz, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
}

static void
test_exact_beats_approximate (Fixture       *f,
                              gconstpointer  data)
{
  const gint64 exact = 1768000000;

  /* Approximate first, then exact: the exact date wins. */
  save_one (f, yt_video ("aaaaaaaaaaa", exact + 5000, FALSE, SSV_YT_UNIT_DAY));
  save_one (f, yt_video ("aaaaaaaaaaa", exact, TRUE, 0));
  assert_date (f, "aaaaaaaaaaa", exact, TRUE);

  /* A later approximate reading never overwrites it (the seed system's bug). */
  save_one (f, yt_video ("aaaaaaaaaaa", exact + 86400 * 30, FALSE, SSV_YT_UNIT_MONTH));
  save_one (f, yt_video ("aaaaaaaaaaa", exact - 7, FALSE, SSV_YT_UNIT_HOUR));
  assert_date (f, "aaaaaaaaaaa", exact, TRUE);

  /* Nor does an answer without a date. */
  save_one (f, yt_video ("aaaaaaaaaaa", 0, FALSE, 0));
  assert_date (f, "aaaaaaaaaaa", exact, TRUE);

  /* Of two approximate dates the finer unit wins, whatever the order. */
  save_one (f, yt_video ("bbbbbbbbbbb", exact, FALSE, SSV_YT_UNIT_WEEK));
  save_one (f, yt_video ("bbbbbbbbbbb", exact + 100, FALSE, SSV_YT_UNIT_DAY));
  assert_date (f, "bbbbbbbbbbb", exact + 100, FALSE);
  save_one (f, yt_video ("bbbbbbbbbbb", exact + 999, FALSE, SSV_YT_UNIT_MONTH));
  assert_date (f, "bbbbbbbbbbb", exact + 100, FALSE);

  /* A newer exact date (RSS after a proxy) replaces an exact one. */
  save_one (f, yt_video ("aaaaaaaaaaa", exact + 1, TRUE, 0));
  assert_date (f, "aaaaaaaaaaa", exact + 1, TRUE);
}

static void
test_meta_never_loses_a_field (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(SsvYtChannelMeta) full = ssv_yt_channel_meta_new ();
  g_autoptr(SsvYtChannelMeta) thin = ssv_yt_channel_meta_new ();
  g_autoptr(SsvChannel) channel = NULL;
  g_autoptr(GError) error = NULL;

  full->channel_id = g_strdup (SYNTH_ID);
  full->handle = g_strdup ("@madeup");
  full->title = g_strdup ("Made Up");
  full->description = g_strdup ("About things");
  full->avatar_url = g_strdup ("https://yt3.example/avatar");
  full->banner_url = g_strdup ("https://yt3.example/banner");
  full->subscribers = 8840;
  full->video_count = 258;
  ssv_channel_store_save_meta (f->store, full, &error);
  g_assert_no_error (error);

  /* The feed knows only the title, and a new one. */
  thin->channel_id = g_strdup (SYNTH_ID);
  thin->title = g_strdup ("Made Up (renamed)");
  thin->description = g_strdup ("");
  ssv_channel_store_save_meta (f->store, thin, &error);
  g_assert_no_error (error);

  channel = get_channel (f, SYNTH_ID);
  g_assert_cmpstr (ssv_channel_get_title (channel), ==, "Made Up (renamed)");
  g_assert_cmpstr (ssv_channel_get_handle (channel), ==, "@madeup");
  g_assert_cmpstr (ssv_channel_get_description (channel), ==, "About things");
  g_assert_cmpstr (ssv_channel_get_avatar_url (channel), ==, "https://yt3.example/avatar");
  g_assert_cmpstr (ssv_channel_get_banner_url (channel), ==, "https://yt3.example/banner");
  g_assert_cmpint (ssv_channel_get_subscribers (channel), ==, 8840);
  g_assert_cmpint (ssv_channel_get_video_count (channel), ==, 258);
}

static void
test_save_is_one_transaction (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) videos = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  g_autoptr(GError) error = NULL;

  /* A write that fails half-way leaves nothing of the batch behind. */
  ssv_database_exec (f->db, "CREATE TRIGGER refuse BEFORE INSERT ON yt_videos WHEN NEW.video_id = 'ccccccccccc'"
                            " BEGIN SELECT RAISE (ABORT, 'refused'); END", &error);
  g_assert_no_error (error);
  g_ptr_array_add (videos, yt_video ("aaaaaaaaaaa", 1768000000, TRUE, 0));
  g_ptr_array_add (videos, yt_video ("bbbbbbbbbbb", 1768000000, TRUE, 0));
  g_ptr_array_add (videos, yt_video ("ccccccccccc", 1768000000, TRUE, 0));
  g_assert_false (ssv_channel_store_save_videos (f->store, SYNTH_ID, videos, TRUE, 0, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count (*) FROM yt_videos"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count (*) FROM yt_channels"), ==, 0);
}

static void
test_lists_use_indexes (Fixture       *f,
                        gconstpointer  data)
{
  const char * const queries[] = { ssv_channel_store_videos_sql, ssv_channel_store_followed_sql,
                                   ssv_channel_store_uploads_sql };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *plan = NULL;
      g_autoptr(GError) error = NULL;
      gboolean indexed = ssv_database_explain_uses_index (f->db, queries[i], &plan, &error);

      g_assert_no_error (error);
      if (!indexed)
        g_error ("a full scan:\n%s", plan);
    }
}

/* A channel page reads its newest screenful first: the catalog's order comes from an
 * index, so those few are read without sorting (and checking the wishlist for) every
 * video. The order stays: newest first, one day's uploads by their rank, the undated last. */
static void
test_newest_read_in_index_order (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) videos = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) newest = NULL;
  g_autofree char *plan = NULL;
  g_autoptr(GError) error = NULL;
  const char * const expected[] = { "ddddddddddd", "bbbbbbbbbbb", "ccccccccccc", "aaaaaaaaaaa", "eeeeeeeeeee" };

  g_ptr_array_add (videos, yt_video ("aaaaaaaaaaa", 1767000000, TRUE, 0));
  g_ptr_array_add (videos, yt_video ("eeeeeeeeeee", 0, FALSE, 0));
  g_ptr_array_add (videos, yt_video ("bbbbbbbbbbb", 1768000000, TRUE, 0));
  g_ptr_array_add (videos, yt_video ("ccccccccccc", 1768000000, TRUE, 0));
  g_ptr_array_add (videos, yt_video ("ddddddddddd", 1769000000, TRUE, 0));
  g_assert_true (ssv_channel_store_save_videos (f->store, SYNTH_ID, videos, TRUE, 0, &error));
  g_assert_no_error (error);

  listed = list_videos (f, SYNTH_ID);
  g_assert_cmpuint (listed->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (ssv_video_get_video_id (g_ptr_array_index (listed, i)), ==, expected[i]);
  newest = ssv_channel_store_list_newest_videos (f->store, SYNTH_ID, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (newest->len, ==, 2);
  g_assert_cmpstr (ssv_video_get_video_id (g_ptr_array_index (newest, 0)), ==, expected[0]);
  g_assert_cmpstr (ssv_video_get_video_id (g_ptr_array_index (newest, 1)), ==, expected[1]);

  g_assert_true (ssv_database_explain_uses_index (f->db, ssv_channel_store_videos_sql, &plan, &error));
  g_assert_no_error (error);
  if (strstr (plan, "TEMP B-TREE FOR ORDER BY") != NULL)
    g_error ("every video sorted:\n%s", plan);
}

/* ---- following and refreshing -------------------------------------------------------- */

static void
test_follow_recorded (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = follow (f, "https://www.youtube.com/@kurzgesagt");
  g_autoptr(SsvChannel) channel = get_channel (f, id);
  g_autoptr(GPtrArray) videos = list_videos (f, id);
  g_autoptr(GError) error = NULL;
  SsvVideo *from_both;
  SsvVideo *short_video;
  gboolean followed = FALSE;

  g_assert_cmpstr (id, ==, SSV_FAKE_KURZGESAGT_ID);
  g_assert_cmpstr (ssv_channel_get_title (channel), ==, "Kurzgesagt – In a Nutshell");
  g_assert_cmpint (ssv_channel_get_subscribers (channel), ==, 25000000);
  g_assert_cmpstr (ssv_channel_get_enriched_by (channel), ==, "innertube");
  g_assert_true (ssv_channel_get_complete (channel));
  g_assert_true (ssv_channel_get_followed (channel));
  g_assert_null (ssv_channel_get_error_kind (channel));

  ssv_watchlist_store_is_followed (f->watchlist, SSV_WATCH_KIND_CHANNEL, "youtube", id, &followed, &error);
  g_assert_no_error (error);
  g_assert_true (followed);

  /* The catalog's 30 videos and the feed's Shorts. */
  g_assert_cmpuint (videos->len, >=, 30);
  from_both = find_video (videos, "D0WQK7cMJn8");
  g_assert_nonnull (from_both);
  g_assert_cmpint (ssv_video_get_duration (from_both), ==, 183);
  short_video = find_video (videos, "zg40FHOAqC0");
  g_assert_nonnull (short_video);
  g_assert_true (ssv_video_get_is_short (short_video));
  g_assert_true (ssv_video_get_date_exact (short_video));

  /* Newest first: the list is ordered by date. */
  for (guint i = 1; i < videos->len; i++)
    {
      gint64 a = ssv_video_get_published (g_ptr_array_index (videos, i - 1));
      gint64 b = ssv_video_get_published (g_ptr_array_index (videos, i));

      g_assert_true (b == 0 || a >= b);
    }
}

static void
test_calendar_lane (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = follow (f, SYNTH_HANDLE);
  g_autoptr(GPtrArray) week = NULL;
  g_autoptr(GError) error = NULL;

  /* The made-up channel uploads one a day, the newest three days ago: days 3 to 7 back. */
  week = ssv_channel_store_list_uploads_between (f->store, f->now - 7 * 86400, f->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (week->len, ==, 5);
  for (guint i = 1; i < week->len; i++)
    g_assert_cmpint (ssv_video_get_published (g_ptr_array_index (week, i - 1)), <=,
                     ssv_video_get_published (g_ptr_array_index (week, i)));

  /* Unfollowed: its uploads leave the calendar. */
  ssv_channel_service_unfollow (f->service, id, &error);
  g_assert_no_error (error);
  g_clear_pointer (&week, g_ptr_array_unref);
  week = ssv_channel_store_list_uploads_between (f->store, f->now - 7 * 86400, f->now, &error);
  g_assert_cmpuint (week->len, ==, 0);
}

static void
test_follow_paged (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id = follow (f, "youtube.com/@creativecommons");
  g_autofree char *synth = follow (f, "https://m.youtube.com/@madeup/videos");
  g_autoptr(GPtrArray) cc = list_videos (f, id);
  g_autoptr(GPtrArray) made_up = list_videos (f, synth);
  g_autoptr(SsvChannel) channel = get_channel (f, synth);

  /* Two recorded pages of three. */
  g_assert_cmpuint (cc->len, ==, 6);
  g_assert_nonnull (find_video (cc, "BD-LB23rRBE"));
  g_assert_nonnull (find_video (cc, "CIFHx7_z3Vc"));

  /* Four made-up pages, all followed to the end. */
  g_assert_cmpuint (made_up->len, ==, 95);
  g_assert_true (ssv_channel_get_complete (channel));
  g_assert_cmpstr (ssv_channel_get_handle (channel), ==, SYNTH_HANDLE);
  /* The feed's fifteen newest have exact dates; the rest are approximate. */
  {
    guint exact = 0;

    for (guint i = 0; i < made_up->len; i++)
      exact += ssv_video_get_date_exact (g_ptr_array_index (made_up, i));
    g_assert_cmpuint (exact, ==, 15);
    g_assert_true (ssv_video_get_date_exact (g_ptr_array_index (made_up, 0)));
  }
}

static void
test_resolve_through_page (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  ssv_fake_youtube_set_resolve_url (f->youtube, FALSE);
  id = ssv_channel_service_resolve (f->service, "https://www.youtube.com/@creativecommons", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, SSV_FAKE_CREATIVECOMMONS_ID);
}

/* ---- faults ----------------------------------------------------------------------- */

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = ssv_channel_service_follow (f->service, "@nosuchchannel", NULL, &error);
  g_autoptr(GPtrArray) followed = NULL;
  g_autofree char *kind = NULL;

  g_assert_null (id);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "@nosuchchannel"));
  g_clear_error (&error);

  /* A UC… id YouTube does not know: nothing followed, the reason kept. */
  g_assert_null (ssv_channel_service_follow (f->service, "UCzzzzzzzzzzzzzzzzzzzzzz", NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  followed = ssv_channel_store_list_channels (f->store, TRUE, NULL);
  g_assert_cmpuint (followed->len, ==, 0);
  kind = ssv_test_query_text (f->db, "SELECT error_kind FROM yt_channels");
  g_assert_cmpstr (kind, ==, "not-found");
}

static void
test_rate_limited (Fixture       *f,
                   gconstpointer  data)
{
  SsvFakeFault fault = { SSV_FAKE_FAULT_STATUS, 429, 120, 0, -1 };
  g_autofree char *id = follow (f, SYNTH_HANDLE);
  g_autoptr(GPtrArray) before = list_videos (f, id);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(SsvChannel) channel = NULL;
  g_autoptr(GError) error = NULL;

  ssv_fake_server_set_fault (f->server, "POST /youtube/youtubei/v1/browse", &fault);
  g_assert_false (ssv_channel_service_refresh (f->service, id, SSV_REFRESH_FULL, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_RATE_LIMITED);
  /* YouTube cools down for its Retry-After; nothing saved was lost. */
  g_assert_cmpint (ssv_http_get_cooldown_remaining (f->http, "youtube"), >, 60);
  after = list_videos (f, id);
  g_assert_cmpuint (after->len, ==, before->len);
  channel = get_channel (f, id);
  g_assert_cmpstr (ssv_channel_get_error_kind (channel), ==, "rate-limited");
  g_assert_cmpstr (ssv_channel_get_enriched_by (channel), ==, "innertube");
  g_assert_true (ssv_channel_get_complete (channel));
}

static void
test_feed_down (Fixture       *f,
                gconstpointer  data)
{
  SsvFakeFault fault = { SSV_FAKE_FAULT_STATUS, 503, -1, 0, -1 };
  g_autofree char *id = follow (f, SYNTH_HANDLE);
  g_autoptr(GPtrArray) before = list_videos (f, id);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  ssv_fake_server_set_fault (f->server, "GET /youtube/feeds/videos.xml", &fault);
  g_assert_true (ssv_channel_service_refresh (f->service, id, SSV_REFRESH_QUICK, NULL, &error));
  g_assert_no_error (error);
  after = list_videos (f, id);
  g_assert_cmpuint (after->len, ==, before->len);
  /* The exact dates read before stay. */
  g_assert_true (ssv_video_get_date_exact (g_ptr_array_index (after, 0)));

  /* YouTube wholly unreachable: the refresh fails, the cache stays whole. */
  ssv_fake_server_set_fault (f->server, "POST /youtube/youtubei/v1/browse", &fault);
  g_assert_false (ssv_channel_service_refresh (f->service, id, SSV_REFRESH_QUICK, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_SERVER);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = list_videos (f, id);
  g_assert_cmpuint (after->len, ==, before->len);
}

static void
test_changed_shape (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = follow (f, SYNTH_HANDLE);
  g_autoptr(GPtrArray) before = list_videos (f, id);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(SsvChannel) channel = NULL;
  g_autoptr(GError) error = NULL;

  ssv_fake_youtube_add_upload (f->youtube, SYNTH_ID, "newupload01", "Fresh", f->now - 3600, FALSE, FALSE);
  ssv_fake_youtube_set_changed_shape (f->youtube, SYNTH_ID, TRUE);
  g_assert_false (ssv_channel_service_refresh (f->service, id, SSV_REFRESH_QUICK, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, "YouTube changed its page"));

  /* A clear state, the saved catalog kept, and the feed's new upload in. */
  channel = get_channel (f, id);
  g_assert_cmpstr (ssv_channel_get_error_kind (channel), ==, "changed");
  g_assert_nonnull (strstr (ssv_channel_get_last_error (channel), "YouTube changed its page"));
  after = list_videos (f, id);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_nonnull (find_video (after, "newupload01"));

  /* Once YouTube is readable again, the state clears. */
  ssv_fake_youtube_set_changed_shape (f->youtube, SYNTH_ID, FALSE);
  g_assert_true (ssv_channel_service_refresh (f->service, id, SSV_REFRESH_QUICK, NULL, &error));
  g_clear_object (&channel);
  channel = get_channel (f, id);
  g_assert_null (ssv_channel_get_error_kind (channel));
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  SsvFakeFault fault = { SSV_FAKE_FAULT_MALFORMED, 0, -1, 0, -1 };
  g_autofree char *id = follow (f, SYNTH_HANDLE);
  g_autoptr(GPtrArray) before = list_videos (f, id);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(SsvChannel) channel = NULL;
  g_autoptr(GError) error = NULL;

  /* Broken JSON from InnerTube, broken XML from the feed. */
  ssv_fake_server_set_fault (f->server, "POST /youtube/youtubei/v1/browse", &fault);
  ssv_fake_server_set_fault (f->server, "GET /youtube/feeds/videos.xml", &fault);
  g_assert_false (ssv_channel_service_refresh (f->service, id, SSV_REFRESH_FULL, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
  after = list_videos (f, id);
  g_assert_cmpuint (after->len, ==, before->len);
  channel = get_channel (f, id);
  g_assert_cmpstr (ssv_channel_get_error_kind (channel), ==, "failed");
  g_assert_true (ssv_channel_get_complete (channel));
}

/* ---- new uploads ------------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *videos;
  gboolean   catching_up;
} Told;

static void
on_new_uploads (SsvChannelService *service,
                GPtrArray         *videos,
                gboolean           catching_up,
                Told              *told)
{
  g_clear_pointer (&told->videos, g_ptr_array_unref);
  told->videos = g_ptr_array_ref (videos);
  told->catching_up = catching_up;
}

static gboolean
told_something (gpointer data)
{
  return ((Told *) data)->videos != NULL;
}

static void
test_new_uploads (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = follow (f, SYNTH_HANDLE);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  Told told = { NULL, FALSE };
  gboolean catching_up = TRUE;

  /* Times count from the follow, however long a slow machine took to get there. */
  gint64 t = ssv_test_query_int (f->db, "SELECT added_at FROM watchlist");

  g_signal_connect (f->service, "new-uploads", G_CALLBACK (on_new_uploads), &told);

  /* Nothing the channel had when followed is news. */
  first = ssv_channel_service_check_uploads (f->service, t, &catching_up, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 0);
  g_assert_false (catching_up);

  /* A video, a Short and a premiere to come appear after the follow. */
  ssv_fake_youtube_add_upload (f->youtube, SYNTH_ID, "newvideo001", "Fresh", t + 60, FALSE, FALSE);
  ssv_fake_youtube_add_upload (f->youtube, SYNTH_ID, "newshort001", "Quick", t + 60, TRUE, FALSE);
  ssv_fake_youtube_add_upload (f->youtube, SYNTH_ID, "premiere001", "Soon", t + 86400, FALSE, TRUE);
  ssv_fake_youtube_set_now (f->youtube, t + 120);
  g_assert_true (ssv_channel_service_refresh (f->service, id, SSV_REFRESH_QUICK, NULL, &error));
  g_assert_no_error (error);

  g_clear_pointer (&first, g_ptr_array_unref);
  first = ssv_channel_service_check_uploads (f->service, t + 180, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpstr (ssv_video_get_video_id (g_ptr_array_index (first, 0)), ==, "newvideo001");
  g_assert_cmpstr (ssv_video_get_channel_title (g_ptr_array_index (first, 0)), ==, "Made Up");

  /* The signal reaches the main context. */
  g_assert_true (ssv_test_wait_for (told_something, &told, 5000));
  g_assert_cmpuint (told.videos->len, ==, 1);
  g_assert_false (told.catching_up);

  /* Told once, ever: the next look (and a restart) finds nothing. */
  again = ssv_channel_service_check_uploads (f->service, t + 240, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);
  g_clear_pointer (&told.videos, g_ptr_array_unref);
}

static void
test_new_uploads_catch_up_and_wish (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *id = follow (f, SYNTH_HANDLE);
  g_autoptr(GPtrArray) told = NULL;
  g_autoptr(GPtrArray) wished = NULL;
  g_autoptr(GError) error = NULL;
  gboolean catching_up = FALSE;
  gint64 t = ssv_test_query_int (f->db, "SELECT added_at FROM watchlist");

  ssv_channel_store_set_wish_new_uploads (f->store, id, TRUE, &error);
  g_assert_no_error (error);
  ssv_settings_store_set_int (f->db, SSV_UPLOADS_BOOKMARK_KEY, t - 86400, &error);
  g_assert_no_error (error);

  ssv_fake_youtube_add_upload (f->youtube, SYNTH_ID, "newvideo001", "One", t + 60, FALSE, FALSE);
  ssv_fake_youtube_add_upload (f->youtube, SYNTH_ID, "newvideo002", "Two", t + 90, FALSE, FALSE);
  ssv_fake_youtube_set_now (f->youtube, t + 120);
  g_assert_true (ssv_channel_service_refresh (f->service, id, SSV_REFRESH_QUICK, NULL, &error));

  /* A day without a look: one report, marked as a catch-up, oldest first. */
  told = ssv_channel_service_check_uploads (f->service, t + 180, &catching_up, &error);
  g_assert_no_error (error);
  g_assert_true (catching_up);
  g_assert_cmpuint (told->len, ==, 2);
  g_assert_cmpstr (ssv_video_get_video_id (g_ptr_array_index (told, 0)), ==, "newvideo001");

  /* The channel says "wish new uploads": both joined the wishlist. */
  wished = ssv_channel_store_list_wished_videos (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wished->len, ==, 2);
  g_assert_true (ssv_video_get_wished (g_ptr_array_index (wished, 0)));
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count (*) FROM wishlist WHERE kind = 'video'"
                                              " AND source = 'youtube'"), ==, 2);
}

/* ---- opening from the cache ------------------------------------------------------------ */

typedef struct
{
  SsvChannel *channel;
  GError     *error;
  gboolean    done;
  gboolean    refreshed;
  GError     *refresh_error;
} Opened;

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Opened *opened = user_data;

  opened->channel = ssv_channel_service_open_finish (SSV_CHANNEL_SERVICE (source), result, &opened->error);
  opened->done = TRUE;
}

static void
on_refreshed (SsvChannelService *service,
              const char        *channel_id,
              const GError      *error,
              Opened            *opened)
{
  opened->refreshed = TRUE;
  g_clear_error (&opened->refresh_error);
  opened->refresh_error = error ? g_error_copy (error) : NULL;
}

static void
test_open_cache_first (Fixture       *f,
                       gconstpointer  data)
{
  SsvFakeFault dead = { SSV_FAKE_FAULT_RESET, 0, -1, 0, -1 };
  g_autofree char *id = follow (f, SYNTH_HANDLE);
  Opened opened = { NULL, };
  guint hits;

  g_signal_connect (f->service, "refreshed", G_CALLBACK (on_refreshed), &opened);

  /* YouTube is gone: the saved channel opens all the same, at once. */
  ssv_fake_server_set_fault (f->server, "/youtube/*", &dead);
  hits = ssv_fake_server_get_total_hits (f->server);
  ssv_channel_service_open_async (f->service, id, NULL, opened_cb, &opened);
  ssv_test_wait_for_flag (&opened.done, 5000);
  g_assert_no_error (opened.error);
  g_assert_cmpstr (ssv_channel_get_title (opened.channel), ==, "Made Up");
  g_assert_cmpint (ssv_channel_get_cached_videos (opened.channel), ==, 95);
  g_clear_object (&opened.channel);

  /* It was fresh: no quiet refresh, no request. */
  g_assert_false (opened.refreshed);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->server), ==, hits);

  /* Stale: it still opens at once from the library, then a quiet refresh
   * fails with a reason and the videos stay. */
  ssv_database_exec (f->db, "UPDATE yt_channels SET refreshed_at = refreshed_at - 86400", NULL);
  opened.done = FALSE;
  ssv_channel_service_open_async (f->service, id, NULL, opened_cb, &opened);
  ssv_test_wait_for_flag (&opened.done, 5000);
  g_assert_nonnull (opened.channel);
  ssv_test_wait_for_flag (&opened.refreshed, 20000);
  g_assert_nonnull (opened.refresh_error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count (*) FROM yt_videos"), ==, 95);
  g_clear_object (&opened.channel);
  g_clear_error (&opened.refresh_error);
}

static void
test_open_never_seen (Fixture       *f,
                      gconstpointer  data)
{
  Opened opened = { NULL, };

  g_signal_connect (f->service, "refreshed", G_CALLBACK (on_refreshed), &opened);

  /* A channel never read waits for YouTube, then shows its newest page. */
  ssv_channel_service_open_async (f->service, SSV_FAKE_CREATIVECOMMONS_ID, NULL, opened_cb, &opened);
  ssv_test_wait_for_flag (&opened.done, 20000);
  g_assert_no_error (opened.error);
  g_assert_cmpstr (ssv_channel_get_title (opened.channel), ==, "Creative Commons");
  g_assert_false (ssv_channel_get_followed (opened.channel));
  g_assert_cmpint (ssv_channel_get_cached_videos (opened.channel), >=, 3);
  g_clear_object (&opened.channel);

  /* Only part of it was read: the rest follows quietly. */
  ssv_test_wait_for_flag (&opened.refreshed, 20000);
  g_assert_no_error (opened.refresh_error);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count (*) FROM yt_videos"), ==, 6);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT complete FROM yt_channels"), ==, 1);
}

/* ---- Piped and Invidious ------------------------------------------------------------- */

static void
test_proxies_fill_dates (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *dead = g_strdup ("invidious:http://127.0.0.1:9");
  g_autofree char *piped = g_strdup_printf ("piped:%s", ssv_fake_youtube_dup_url (f->youtube, "piped"));
  const char *instances[] = { dead, piped, NULL };
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) videos = NULL;
  g_autoptr(SsvChannel) channel = NULL;

  /* The first instance is dead: skipped; the second brings every exact date. */
  ssv_channel_service_set_proxies (f->service, instances);
  g_assert_true (ssv_channel_service_has_proxies (f->service));
  id = follow (f, SYNTH_HANDLE);
  videos = list_videos (f, id);
  g_assert_cmpuint (videos->len, ==, 95);
  for (guint i = 0; i < videos->len; i++)
    g_assert_true (ssv_video_get_date_exact (g_ptr_array_index (videos, i)));
  channel = get_channel (f, id);
  g_assert_cmpstr (ssv_channel_get_enriched_by (channel), ==, "innertube");
}

static void
test_proxy_slow_is_skipped (Fixture       *f,
                            gconstpointer  data)
{
  SsvFakeFault slow = { SSV_FAKE_FAULT_DELAY, 0, -1, 30000, -1 };
  g_autofree char *invidious = g_strdup_printf ("invidious:%s", ssv_fake_youtube_dup_url (f->youtube, "invidious"));
  const char *instances[] = { invidious, NULL };
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) videos = NULL;
  gint64 started;

  /* An instance that does not answer costs its short deadline, not the refresh. */
  ssv_fake_server_set_fault (f->server, "/invidious/*", &slow);
  ssv_channel_service_set_proxies (f->service, instances);
  started = g_get_monotonic_time ();
  id = follow (f, SYNTH_HANDLE);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 25 * G_USEC_PER_SEC);
  videos = list_videos (f, id);
  g_assert_cmpuint (videos->len, ==, 95);
  g_assert_false (ssv_video_get_date_exact (g_ptr_array_index (videos, 50)));
}

/* ---- the network-activity record ------------------------------------------------------ */

static void
test_network_activity (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SsvNetworkActivity) activity = ssv_network_activity_new (f->db);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  SsvHostActivity *row;

  ssv_network_activity_watch (activity, f->http);
  id = follow (f, SYNTH_HANDLE);
  g_assert_true (ssv_network_activity_flush (activity, &error));
  g_assert_no_error (error);

  /* Every request is counted, under its feature and host, today. */
  rows = ssv_network_activity_store_list (f->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->feature, ==, "youtube");
  g_assert_cmpstr (row->host, ==, "127.0.0.1");
  g_assert_cmpint (row->requests, ==, ssv_fake_server_get_total_hits (f->server));
  g_assert_cmpint (row->requests, >, 4);

  /* Counts add up across flushes. */
  g_assert_true (ssv_channel_service_refresh (f->service, id, SSV_REFRESH_QUICK, NULL, &error));
  g_assert_true (ssv_network_activity_flush (activity, &error));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = ssv_network_activity_store_list (f->db, NULL, &error);
  g_assert_cmpint (((SsvHostActivity *) g_ptr_array_index (rows, 0))->requests, ==,
                   ssv_fake_server_get_total_hits (f->server));
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/channels/store/exact-beats-approximate", test_exact_beats_approximate);
  ADD ("/channels/store/year-in-local-zone", test_year_in_local_zone);
  ADD ("/channels/store/meta-never-loses-a-field", test_meta_never_loses_a_field);
  ADD ("/channels/store/one-transaction", test_save_is_one_transaction);
  ADD ("/channels/store/lists-use-indexes", test_lists_use_indexes);
  ADD ("/channels/store/newest-read-in-index-order", test_newest_read_in_index_order);
  ADD ("/channels/follow/recorded", test_follow_recorded);
  ADD ("/channels/follow/paged", test_follow_paged);
  ADD ("/channels/follow/resolve-through-page", test_resolve_through_page);
  ADD ("/channels/calendar-lane", test_calendar_lane);
  ADD ("/channels/faults/not-found", test_not_found);
  ADD ("/channels/faults/rate-limited", test_rate_limited);
  ADD ("/channels/faults/feed-down", test_feed_down);
  ADD ("/channels/faults/changed-shape", test_changed_shape);
  ADD ("/channels/faults/malformed", test_malformed);
  ADD ("/channels/uploads/new", test_new_uploads);
  ADD ("/channels/uploads/catch-up-and-wish", test_new_uploads_catch_up_and_wish);
  ADD ("/channels/open/cache-first", test_open_cache_first);
  ADD ("/channels/open/never-seen", test_open_never_seen);
  ADD ("/channels/proxies/fill-dates", test_proxies_fill_dates);
  ADD ("/channels/proxies/slow-is-skipped", test_proxy_slow_is_skipped);
  ADD ("/channels/network-activity", test_network_activity);
#undef ADD

  return g_test_run ();
}
