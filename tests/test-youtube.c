/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-youtube.c: the YouTube readers on recorded answers: addresses, feeds, InnerTube pages, words. */

#include "config.h"

#include <string.h>

#include "ssv-error.h"
#include "ssv-test-utils.h"
#include "ssv-fake-youtube.h"
#include "providers/ssv-youtube-browse.h"
#include "providers/ssv-youtube-proxy.h"
#include "providers/ssv-youtube-rss.h"
#include "providers/ssv-youtube-text.h"
#include "providers/ssv-youtube-url.h"

/* 2026-05-21 12:00:00 UTC */
#define NOW G_GINT64_CONSTANT (1779364800)

static gint64
utc (int year, int month, int day, int hour, int minute, int second)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (year, month, day, hour, minute, second);

  return g_date_time_to_unix (when);
}

static void
test_duration (void)
{
  static const struct { const char *text; gint64 seconds; } good[] = {
    { "12:34", 754 }, { "1:02:03", 3723 }, { "0:45", 45 }, { "3:03", 183 }, { "1:07:34", 4054 },
    { " 25:00:00 ", 90000 },
  };
  static const char * const bad[] = { "LIVE", "SHORTS", "1:2", "12:60", "1:00:75", "", ":30", "1:02:03:04", "12", "1:2a" };
  gint64 seconds;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (ssv_yt_parse_duration (good[i].text, &seconds));
      g_assert_cmpint (seconds, ==, good[i].seconds);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (ssv_yt_parse_duration (bad[i], &seconds));
  g_assert_false (ssv_yt_parse_duration (NULL, &seconds));
}

static void
test_counts (void)
{
  static const struct { const char *text; gint64 count; } views[] = {
    { "2.6M views", 2600000 }, { "1,234 views", 1234 }, { "No views", 0 }, { "1 view", 1 },
    { "1.5m views", 1500000 }, { "895k views", 895000 }, { "1,545,374 views", 1545374 },
    { "1.5 million views", 1500000 }, { "28 views", 28 }, { "1.2B views", 1200000000 },
  };
  static const struct { const char *text; gint64 count; } counts[] = {
    { "8.84k subscribers", 8840 }, { "25m subscribers", 25000000 }, { "258 videos", 258 },
    { "1 video", 1 }, { "No videos", 0 }, { "3.1k", 3100 },
  };
  static const char * const not_views[] = { "15 watching", "3 months ago", "views", "", "12abc views", "Premieres soon" };
  gint64 n;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (ssv_yt_parse_views (views[i].text, &n));
      g_assert_cmpint (n, ==, views[i].count);
    }
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_assert_true (ssv_yt_parse_count (counts[i].text, &n));
      g_assert_cmpint (n, ==, counts[i].count);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_views); i++)
    g_assert_false (ssv_yt_parse_views (not_views[i], &n));
  /* Absurd numbers are no count. */
  g_assert_false (ssv_yt_parse_count ("99999999999999999999 views", &n));
}

static void
test_relative_dates (void)
{
  static const struct { const char *text; gint64 when; gint64 unit; } good[] = {
    { "3 months ago", 0, SSV_YT_UNIT_MONTH },
    { "1 year ago", 0, SSV_YT_UNIT_YEAR },
    { "10 days ago", 0, SSV_YT_UNIT_DAY },
    { "2 weeks ago", 0, SSV_YT_UNIT_WEEK },
    { "5 hours ago", 0, SSV_YT_UNIT_HOUR },
    { "30 minutes ago", 0, SSV_YT_UNIT_MINUTE },
    { "Streamed 2 years ago", 0, SSV_YT_UNIT_YEAR },
  };
  const gint64 expected[] = {
    utc (2026, 2, 21, 12, 0, 0), utc (2025, 5, 21, 12, 0, 0), utc (2026, 5, 11, 12, 0, 0),
    utc (2026, 5, 7, 12, 0, 0), utc (2026, 5, 21, 7, 0, 0), utc (2026, 5, 21, 11, 30, 0),
    utc (2024, 5, 21, 12, 0, 0),
  };
  static const char * const bad[] = { "Premieres 5/30/26", "ago", "3 months", "3 fortnights ago", "", "999999 years ago",
                                      "3 months ago today" };
  gint64 when, unit;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (ssv_yt_parse_relative_date (good[i].text, NOW, &when, &unit));
      g_assert_cmpint (when, ==, expected[i]);
      g_assert_cmpint (unit, ==, good[i].unit);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (ssv_yt_parse_relative_date (bad[i], NOW, &when, &unit));

  g_assert_true (ssv_yt_text_is_upcoming ("Premieres 5/30/26, 5:00 PM"));
  g_assert_true (ssv_yt_text_is_upcoming ("Scheduled for 6/1/26"));
  g_assert_false (ssv_yt_text_is_upcoming ("3 months ago"));
}

static void
test_url_forms (void)
{
  static const struct { const char *text; SsvYtRefKind kind; const char *value; const char *path; } forms[] = {
    { "https://www.youtube.com/@kurzgesagt", SSV_YT_REF_HANDLE, "@kurzgesagt", "/@kurzgesagt" },
    { "youtube.com/@kurzgesagt/videos", SSV_YT_REF_HANDLE, "@kurzgesagt", "/@kurzgesagt" },
    { "https://m.youtube.com/@creativecommons?si=x", SSV_YT_REF_HANDLE, "@creativecommons", "/@creativecommons" },
    { "  @kurzgesagt  ", SSV_YT_REF_HANDLE, "@kurzgesagt", "/@kurzgesagt" },
    { "https://music.youtube.com/channel/UCsXVk37bltHxD1rDPwtNM8Q", SSV_YT_REF_CHANNEL_ID,
      "UCsXVk37bltHxD1rDPwtNM8Q", "/channel/UCsXVk37bltHxD1rDPwtNM8Q" },
    { "http://youtube.com/channel/UCsXVk37bltHxD1rDPwtNM8Q/featured", SSV_YT_REF_CHANNEL_ID,
      "UCsXVk37bltHxD1rDPwtNM8Q", NULL },
    { "UCsXVk37bltHxD1rDPwtNM8Q", SSV_YT_REF_CHANNEL_ID, "UCsXVk37bltHxD1rDPwtNM8Q", NULL },
    { "https://www.youtube.com/c/Kurzgesagt", SSV_YT_REF_CUSTOM, "Kurzgesagt", "/c/Kurzgesagt" },
    { "www.youtube.com/user/Kurzgesagt", SSV_YT_REF_USER, "Kurzgesagt", "/user/Kurzgesagt" },
    { "https://www.youtube.com/kurzgesagt", SSV_YT_REF_CUSTOM, "kurzgesagt", "/c/kurzgesagt" },
    { "https://www.youtube.com/@%E6%97%A5%E6%9C%AC", SSV_YT_REF_HANDLE, "@日本", "/@%E6%97%A5%E6%9C%AC" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SsvYtChannelRef) ref = ssv_yt_channel_ref_parse (forms[i].text, &error);

      g_assert_no_error (error);
      g_assert_cmpint (ref->kind, ==, forms[i].kind);
      g_assert_cmpstr (ref->value, ==, forms[i].value);
      if (forms[i].path != NULL)
        {
          g_autofree char *path = ssv_yt_channel_ref_dup_path (ref);
          g_assert_cmpstr (path, ==, forms[i].path);
        }
    }
}

static void
test_url_refused (void)
{
  /* Each says what it is and what to paste instead. */
  static const struct { const char *text; const char *says; } refused[] = {
    { "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "address of a video" },
    { "https://youtu.be/dQw4w9WgXcQ", "address of a video" },
    { "https://www.youtube.com/playlist?list=PL123", "address of a playlist" },
    { "https://www.youtube.com/shorts/l-X5WbDSH2o", "address of a Short" },
    { "https://www.youtube.com/", "home page" },
    { "youtube.com", "home page" },
    { "https://www.youtube.com/feed/subscriptions", "not a channel" },
    { "https://vimeo.com/@someone", "not a YouTube address" },
    { "", "Paste the address" },
    { "https://www.youtube.com/channel/notanid", "names no channel" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SsvYtChannelRef) ref = ssv_yt_channel_ref_parse (refused[i].text, &error);

      g_assert_null (ref);
      g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
      if (strstr (error->message, refused[i].says) == NULL)
        g_error ("“%s”: “%s” does not say “%s”", refused[i].text, error->message, refused[i].says);
      if (i < 7)
        g_assert_nonnull (strstr (error->message, "youtube.com/@name"));
    }
}

static void
test_page_channel_id (void)
{
  static const char canonical[] =
    "<html><head><link rel=\"canonical\" href=\"https://www.youtube.com/channel/UCsXVk37bltHxD1rDPwtNM8Q\"></head>"
    "<body>\"browseId\":\"UCaaaaaaaaaaaaaaaaaaaaaa\"</body></html>";
  static const char external[] = "<script>var ytInitialData = {\"metadata\":{\"channelMetadataRenderer\":"
                                 "{\"title\":\"x\",\"externalId\":\"UCTwECeGqMZee77BjdoYtI2Q\"}}};</script>";
  static const char browse[] = "{\"browseEndpoint\":{\"browseId\":\"UCh8gHdtzO2tXd593_bjErWg\"}}";
  static const char none[] = "<html><body>\"browseId\":\"UCshort\" \"externalId\":\"UCsXVk37bltHxD1rDPwtNM8Qxx\"</body></html>";
  g_autofree char *a = ssv_yt_page_find_channel_id (canonical, strlen (canonical));
  g_autofree char *b = ssv_yt_page_find_channel_id (external, strlen (external));
  g_autofree char *c = ssv_yt_page_find_channel_id (browse, strlen (browse));
  g_autofree char *d = ssv_yt_page_find_channel_id (none, strlen (none));

  g_assert_cmpstr (a, ==, "UCsXVk37bltHxD1rDPwtNM8Q");
  g_assert_cmpstr (b, ==, "UCTwECeGqMZee77BjdoYtI2Q");
  g_assert_cmpstr (c, ==, "UCh8gHdtzO2tXd593_bjErWg");
  g_assert_null (d);
}

static JsonNode *
parse_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return ssv_json_parse_bytes (bytes, "test", NULL);
}

static void
test_resolve_url (void)
{
  g_autoptr(JsonNode) channel = parse_text ("{\"endpoint\":{\"browseEndpoint\":{\"browseId\":\"UCsXVk37bltHxD1rDPwtNM8Q\"}}}");
  g_autoptr(JsonNode) elsewhere = parse_text ("{\"endpoint\":{\"urlEndpoint\":{\"url\":\"https://example.com\"}}}");
  g_autoptr(JsonNode) unknown = parse_text ("{\"somethingNew\":{}}");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = ssv_yt_parse_resolve_url (channel, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "UCsXVk37bltHxD1rDPwtNM8Q");
  g_assert_null (ssv_yt_parse_resolve_url (elsewhere, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (ssv_yt_parse_resolve_url (unknown, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_CHANGED);
}

static void
test_rss (void)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load ("youtube-rss/videos_kurzgesagt.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvYtFeed) feed = ssv_yt_rss_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  SsvYtVideo *first;
  guint shorts = 0;

  g_assert_no_error (error);
  /* The feed writes yt:channel:sXVk… without the UC. */
  g_assert_cmpstr (feed->channel_id, ==, "UCsXVk37bltHxD1rDPwtNM8Q");
  g_assert_cmpstr (feed->title, ==, "Kurzgesagt – In a Nutshell");
  g_assert_cmpuint (feed->entries->len, ==, 15);

  first = g_ptr_array_index (feed->entries, 0);
  g_assert_cmpstr (first->video_id, ==, "zg40FHOAqC0");
  g_assert_cmpstr (first->title, ==, "Jupiter Made Earth Possible");
  g_assert_true (first->date_exact);
  g_assert_cmpint (first->published, ==, utc (2026, 1, 22, 15, 1, 42));
  g_assert_true (first->is_short);
  g_assert_cmpstr (first->thumbnail_url, ==, "https://i3.ytimg.com/vi/zg40FHOAqC0/hqdefault.jpg");
  g_assert_cmpint (first->views, >, 0);

  for (guint i = 0; i < feed->entries->len; i++)
    {
      SsvYtVideo *entry = g_ptr_array_index (feed->entries, i);

      g_assert_true (ssv_yt_is_video_id (entry->video_id));
      g_assert_true (entry->date_exact);
      shorts += entry->is_short;
    }
  /* Shorts and videos both come in the feed; the /shorts/ link tells them apart. */
  g_assert_cmpuint (shorts, >, 0);
  g_assert_cmpuint (shorts, <, feed->entries->len);
}

static void
test_rss_bad (void)
{
  static const char * const malformed[] = { "<feed><entry>", "", "not xml at all", "<feed></fee>" };
  static const char other[] = "<html><body>Sorry</body></html>";
  static const char nameless[] = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>";
  g_autoptr(JsonNode) mock = ssv_fake_youtube_load_json ("youtube-rss/notavailable.mock.json");
  const char *not_found = json_object_get_string_member (json_object_get_object_member (json_node_get_object (mock),
                                                                                        "response"), "responseBody");
  g_autoptr(GError) error = NULL;

  /* Nothing at all (not even a pointer) is malformed too. */
  g_assert_null (ssv_yt_rss_parse (NULL, 0, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_assert_null (ssv_yt_rss_parse (malformed[i], strlen (malformed[i]), &error));
      g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
      g_clear_error (&error);
    }

  g_assert_null (ssv_yt_rss_parse (other, strlen (other), &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_null (ssv_yt_rss_parse (nameless, strlen (nameless), &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_CHANGED);
  g_clear_error (&error);

  /* YouTube's own 404 page for a feed that does not exist is no feed. */
  g_assert_null (ssv_yt_rss_parse (not_found, strlen (not_found), &error));
  g_assert_nonnull (error);
}

static SsvYtPage *
parse_page (JsonNode *root)
{
  g_autoptr(GError) error = NULL;
  SsvYtPage *page = ssv_yt_browse_parse (root, NOW, &error);

  g_assert_no_error (error);
  return page;
}

static SsvYtVideo *
video_at (GPtrArray *videos,
          guint      i)
{
  g_assert_cmpuint (i, <, videos->len);
  return g_ptr_array_index (videos, i);
}

static void
test_browse_video_renderer (void)
{
  g_autoptr(GBytes) body = ssv_fake_youtube_load_mock_body ("youtube-innertube/browse_channel_videos_kurzgesagt.mock.json.gz");
  g_autoptr(JsonNode) root = ssv_json_parse_bytes (body, "test", NULL);
  g_autoptr(SsvYtPage) page = parse_page (root);
  SsvYtVideo *first = video_at (page->videos, 0);

  g_assert_cmpuint (page->videos->len, ==, 30);
  g_assert_cmpuint (page->shorts->len, ==, 0);
  g_assert_nonnull (page->continuation);
  g_assert_true (g_str_has_prefix (page->continuation, "4qmFsg"));

  g_assert_cmpstr (first->video_id, ==, "D0WQK7cMJn8");
  g_assert_cmpstr (first->title, ==, "We Made A New Channel!");
  g_assert_cmpint (first->duration_s, ==, 183);
  g_assert_cmpint (first->views, ==, 1545374);
  g_assert_false (first->date_exact);
  g_assert_cmpint (first->published, ==, NOW - 10 * SSV_YT_UNIT_DAY);
  g_assert_cmpint (first->date_unit, ==, SSV_YT_UNIT_DAY);
  g_assert_true (g_str_has_prefix (first->thumbnail_url, "https://i.ytimg.com/vi/D0WQK7cMJn8/"));

  for (guint i = 0; i < page->videos->len; i++)
    {
      SsvYtVideo *video = video_at (page->videos, i);

      g_assert_true (ssv_yt_is_video_id (video->video_id));
      g_assert_cmpint (video->duration_s, >, 0);
      g_assert_cmpint (video->views, >, 0);
      g_assert_cmpint (video->published, >, 0);
      g_assert_false (video->is_short);
    }

  g_assert_nonnull (page->channel);
  g_assert_cmpstr (page->channel->channel_id, ==, "UCsXVk37bltHxD1rDPwtNM8Q");
  g_assert_cmpstr (page->channel->title, ==, "Kurzgesagt – In a Nutshell");
  g_assert_cmpstr (page->channel->handle, ==, "@kurzgesagt");
  g_assert_cmpint (page->channel->subscribers, ==, 25000000);
  g_assert_cmpint (page->channel->video_count, ==, 337);
  g_assert_true (g_str_has_prefix (page->channel->avatar_url, "https://yt3.googleusercontent.com/"));
  g_assert_true (g_str_has_prefix (page->channel->banner_url, "https://yt3.googleusercontent.com/"));
  g_assert_nonnull (strstr (page->channel->description, "optimistic nihilism"));
}

static void
test_browse_lockup (void)
{
  g_autoptr(JsonNode) p1 = ssv_fake_youtube_load_json ("youtube-innertube/browse_channel_videos_lockup_creativecommons_p1.trimmed.json");
  g_autoptr(JsonNode) p2 = ssv_fake_youtube_load_json ("youtube-innertube/browse_channel_videos_lockup_creativecommons_p2.trimmed.json");
  g_autoptr(SsvYtPage) first = parse_page (p1);
  g_autoptr(SsvYtPage) next = parse_page (p2);
  SsvYtVideo *video = video_at (first->videos, 0);

  g_assert_cmpuint (first->videos->len, ==, 3);
  g_assert_cmpstr (video->video_id, ==, "BD-LB23rRBE");
  g_assert_true (g_str_has_prefix (video->title, "Expert Panel III"));
  g_assert_cmpint (video->duration_s, ==, 4054);
  g_assert_cmpint (video->views, ==, 28);
  g_assert_false (video->date_exact);
  g_assert_cmpint (video->published, ==, NOW - 13 * SSV_YT_UNIT_DAY);
  g_assert_nonnull (first->continuation);

  g_assert_cmpstr (first->channel->channel_id, ==, "UCTwECeGqMZee77BjdoYtI2Q");
  g_assert_cmpstr (first->channel->handle, ==, "@creativecommons");
  g_assert_cmpint (first->channel->subscribers, ==, 8840);
  g_assert_cmpint (first->channel->video_count, ==, 258);
  g_assert_nonnull (first->channel->banner_url);
  g_assert_nonnull (first->channel->avatar_url);

  /* The continuation page: videos and the next token, no header. */
  g_assert_null (next->channel);
  g_assert_cmpuint (next->videos->len, ==, 3);
  video = video_at (next->videos, 0);
  g_assert_cmpstr (video->video_id, ==, "CIFHx7_z3Vc");
  g_assert_cmpint (video->views, ==, 117);
  g_assert_cmpint (video->published, ==, utc (2025, 5, 21, 12, 0, 0));
  g_assert_cmpint (video->date_unit, ==, SSV_YT_UNIT_YEAR);
  g_assert_nonnull (next->continuation);
  g_assert_cmpstr (next->continuation, !=, first->continuation);
}

static void
test_browse_lockup_whole (void)
{
  g_autoptr(GBytes) body = ssv_fake_youtube_load_mock_body ("youtube-innertube/browse_channel_videos_lockup_creativecommons_p1.mock.json.gz");
  g_autoptr(JsonNode) root = ssv_json_parse_bytes (body, "test", NULL);
  g_autoptr(SsvYtPage) page = parse_page (root);

  g_assert_cmpuint (page->videos->len, ==, 30);
  for (guint i = 0; i < page->videos->len; i++)
    {
      SsvYtVideo *video = video_at (page->videos, i);

      g_assert_cmpint (video->duration_s, >, 0);
      g_assert_cmpint (video->views, >=, 0);
      g_assert_cmpint (video->published, >, 0);
    }
  /* "12k views", "3.1k views" */
  g_assert_cmpint (video_at (page->videos, 16)->views, ==, 12000);
  g_assert_cmpint (video_at (page->videos, 18)->views, ==, 3100);
}

static void
test_browse_shorts (void)
{
  g_autoptr(JsonNode) p1 = ssv_fake_youtube_load_json ("youtube-innertube/browse_channel_shorts_lockup_doobydobap_p1.trimmed.json");
  g_autoptr(JsonNode) p2 = ssv_fake_youtube_load_json ("youtube-innertube/browse_channel_shorts_lockup_doobydobap_p2.trimmed.json");
  g_autoptr(SsvYtPage) first = parse_page (p1);
  g_autoptr(SsvYtPage) next = parse_page (p2);
  SsvYtVideo *short_video;

  /* Shorts never land among the videos. */
  g_assert_cmpuint (first->videos->len, ==, 0);
  g_assert_cmpuint (first->shorts->len, ==, 3);
  short_video = video_at (first->shorts, 0);
  g_assert_cmpstr (short_video->video_id, ==, "l-X5WbDSH2o");
  g_assert_cmpstr (short_video->title, ==, "Packing lunch for my special roommate");
  g_assert_cmpint (short_video->views, ==, 895000);
  g_assert_true (short_video->is_short);
  g_assert_nonnull (short_video->thumbnail_url);
  g_assert_nonnull (first->continuation);

  g_assert_cmpuint (next->videos->len, ==, 0);
  g_assert_cmpuint (next->shorts->len, >, 0);
}

static void
assert_changed (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(JsonNode) root = ssv_json_parse_bytes (bytes, "test", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvYtPage) page = NULL;

  g_assert_nonnull (root);
  page = ssv_yt_browse_parse (root, NOW, &error);
  g_assert_null (page);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, "YouTube changed its page"));
}

static void
test_browse_unknown_shape (void)
{
  g_autoptr(GBytes) p1 = ssv_fixture_load ("youtube-innertube/browse_channel_videos_lockup_creativecommons_p1.trimmed.json");
  g_autoptr(GBytes) p2 = ssv_fixture_load ("youtube-innertube/browse_channel_videos_lockup_creativecommons_p2.trimmed.json");
  g_autofree char *text1 = g_strndup (g_bytes_get_data (p1, NULL), g_bytes_get_size (p1));
  g_autofree char *text2 = g_strndup (g_bytes_get_data (p2, NULL), g_bytes_get_size (p2));
  g_autoptr(GString) items_renamed = g_string_new (text1);
  g_autoptr(GString) grid_renamed = g_string_new (text1);
  g_autoptr(GString) action_renamed = g_string_new (text2);

  /* Videos of a kind nobody knows, a grid under a new name, a continuation
   * under a new name: each is "YouTube changed its page", never an empty channel. */
  g_string_replace (items_renamed, "\"lockupViewModel\"", "\"lockupViewModelV2\"", 0);
  g_string_replace (grid_renamed, "\"richGridRenderer\"", "\"richGridShelfViewModel\"", 0);
  g_string_replace (action_renamed, "\"appendContinuationItemsAction\"", "\"appendItemsCommand\"", 0);
  assert_changed (items_renamed->str);
  assert_changed (grid_renamed->str);
  assert_changed (action_renamed->str);
  assert_changed ("[]");
  assert_changed ("{}");
  assert_changed ("{\"responseContext\":{}}");
}

static void
test_browse_empty_channel (void)
{
  /* A channel without the tab asked for answers with its Home tab. */
  static const char home[] =
    "{\"contents\":{\"twoColumnBrowseResultsRenderer\":{\"tabs\":[{\"tabRenderer\":{\"title\":\"Home\",\"selected\":true,"
    "\"content\":{\"sectionListRenderer\":{\"contents\":[]}}}},{\"tabRenderer\":{\"title\":\"Videos\"}}]}},"
    "\"metadata\":{\"channelMetadataRenderer\":{\"title\":\"Quiet\",\"externalId\":\"UCaaaaaaaaaaaaaaaaaaaaaa\"}}}";
  g_autoptr(JsonNode) root = parse_text (home);
  g_autoptr(SsvYtPage) page = parse_page (root);

  g_assert_cmpuint (page->videos->len, ==, 0);
  g_assert_null (page->continuation);
  g_assert_cmpstr (page->channel->title, ==, "Quiet");
}

static void
test_proxies (void)
{
  g_autoptr(JsonNode) piped = parse_text (
    "{\"id\":\"UCsXVk37bltHxD1rDPwtNM8Q\",\"name\":\"K\",\"nextpage\":\"abc\",\"relatedStreams\":["
    "{\"url\":\"/watch?v=D0WQK7cMJn8\",\"type\":\"stream\",\"title\":\"T\",\"uploaded\":1768000000000,"
    "\"duration\":183,\"views\":5,\"isShort\":false},"
    "{\"url\":\"/watch?v=zg40FHOAqC0\",\"type\":\"stream\",\"title\":\"S\",\"uploaded\":-1,\"isShort\":true},"
    "{\"url\":\"/playlist?list=x\",\"type\":\"playlist\"}]}");
  g_autoptr(JsonNode) invidious = parse_text (
    "{\"videos\":[{\"type\":\"video\",\"videoId\":\"D0WQK7cMJn8\",\"title\":\"T\",\"published\":1768000000,"
    "\"lengthSeconds\":183,\"viewCount\":5,\"videoThumbnails\":[{\"url\":\"https://i.ytimg.com/vi/D0WQK7cMJn8/hq.jpg\","
    "\"width\":480}]}],\"continuation\":\"next\"}");
  g_autoptr(JsonNode) old_invidious = parse_text ("[{\"type\":\"video\",\"videoId\":\"D0WQK7cMJn8\",\"published\":1768000000}]");
  g_autoptr(JsonNode) wrong = parse_text ("{\"error\":\"nope\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvYtPage) a = ssv_piped_parse_channel (piped, &error);
  g_autoptr(SsvYtPage) b = ssv_invidious_parse_videos (invidious, &error);
  g_autoptr(SsvYtPage) c = ssv_invidious_parse_videos (old_invidious, &error);
  SsvProxyKind kind;
  g_autofree char *url = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (a->videos->len, ==, 1);
  g_assert_cmpuint (a->shorts->len, ==, 1);
  g_assert_true (video_at (a->videos, 0)->date_exact);
  g_assert_cmpint (video_at (a->videos, 0)->published, ==, 1768000000);
  g_assert_false (video_at (a->shorts, 0)->date_exact);
  g_assert_cmpstr (a->continuation, ==, "abc");
  g_assert_cmpstr (a->channel->channel_id, ==, "UCsXVk37bltHxD1rDPwtNM8Q");

  g_assert_cmpuint (b->videos->len, ==, 1);
  g_assert_cmpint (video_at (b->videos, 0)->published, ==, 1768000000);
  g_assert_cmpint (video_at (b->videos, 0)->duration_s, ==, 183);
  g_assert_cmpstr (video_at (b->videos, 0)->thumbnail_url, ==, "https://i.ytimg.com/vi/D0WQK7cMJn8/hq.jpg");
  g_assert_cmpstr (b->continuation, ==, "next");
  g_assert_cmpuint (c->videos->len, ==, 1);

  g_assert_null (ssv_piped_parse_channel (wrong, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_null (ssv_invidious_parse_videos (wrong, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_CHANGED);

  g_assert_true (ssv_proxy_parse_instance ("piped:https://pipedapi.example", &kind, &url));
  g_assert_cmpint (kind, ==, SSV_PROXY_PIPED);
  g_assert_cmpstr (url, ==, "https://pipedapi.example");
  g_clear_pointer (&url, g_free);
  g_assert_true (ssv_proxy_parse_instance ("https://yewtu.example", &kind, &url));
  g_assert_cmpint (kind, ==, SSV_PROXY_INVIDIOUS);
  g_assert_false (ssv_proxy_parse_instance ("ftp://x", &kind, &url));
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/youtube/text/duration", test_duration);
  g_test_add_func ("/youtube/text/counts", test_counts);
  g_test_add_func ("/youtube/text/relative-dates", test_relative_dates);
  g_test_add_func ("/youtube/url/forms", test_url_forms);
  g_test_add_func ("/youtube/url/refused", test_url_refused);
  g_test_add_func ("/youtube/url/page-channel-id", test_page_channel_id);
  g_test_add_func ("/youtube/url/resolve-url", test_resolve_url);
  g_test_add_func ("/youtube/rss/kurzgesagt", test_rss);
  g_test_add_func ("/youtube/rss/bad", test_rss_bad);
  g_test_add_func ("/youtube/browse/video-renderer", test_browse_video_renderer);
  g_test_add_func ("/youtube/browse/lockup", test_browse_lockup);
  g_test_add_func ("/youtube/browse/lockup-whole-page", test_browse_lockup_whole);
  g_test_add_func ("/youtube/browse/shorts", test_browse_shorts);
  g_test_add_func ("/youtube/browse/unknown-shape", test_browse_unknown_shape);
  g_test_add_func ("/youtube/browse/empty-channel", test_browse_empty_channel);
  g_test_add_func ("/youtube/proxies", test_proxies);

  return g_test_run ();
}
