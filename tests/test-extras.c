/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-extras.c: SponsorBlock, DeArrow and Return YouTube Dislike: their readers on recorded
 * (and documented) answers, and their backfill workers against the fake. */

#include "config.h"

#include <string.h>

#include "ssv-error.h"
#include "ssv-channel-service.h"
#include "ssv-test-utils.h"
#include "ssv-fake-youtube.h"
#include "providers/ssv-dearrow.h"
#include "providers/ssv-ryd.h"
#include "providers/ssv-sponsorblock.h"
#include "workers/ssv-extras-worker.h"

#define SYNTH_ID "UCaaaaaaaaaaaaaaaaaaaaa1"
#define SB_VIDEO "fy9jO8JHaPo"
#define RYD_VIDEO "kxOuG8jMIgI"

static JsonNode *
parse_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return ssv_json_parse_bytes (bytes, "test", NULL);
}

static void
test_sponsorblock_parse (void)
{
  g_autoptr(JsonNode) root = ssv_fake_youtube_load_json ("sponsorblock/skipSegments_hashprefix.json");
  g_autoptr(JsonNode) wrong = parse_text ("{\"message\":\"Not Found\"}");
  g_autoptr(JsonNode) odd = parse_text ("[{\"videoID\":\"fy9jO8JHaPo\",\"segments\":[{\"category\":\"sponsor\","
                                        "\"segment\":[\"1\",2]},{\"category\":\"intro\",\"segment\":[9,3]},"
                                        "{\"segment\":[1,2]},{\"category\":\"outro\",\"segment\":[5.5,7]}]}]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = ssv_sponsorblock_parse (root, SB_VIDEO, &error);
  g_autoptr(GPtrArray) others = ssv_sponsorblock_parse (root, "dQw4w9WgXcQ", &error);
  g_autoptr(GPtrArray) some = ssv_sponsorblock_parse (odd, SB_VIDEO, &error);
  g_autofree char *prefix = ssv_sponsorblock_prefix (SB_VIDEO);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, SB_VIDEO, -1);
  SsvSegment *first;

  g_assert_no_error (error);
  g_assert_cmpuint (segments->len, ==, 3);
  first = g_ptr_array_index (segments, 0);
  g_assert_cmpstr (first->category, ==, "sponsor");
  g_assert_cmpstr (first->action, ==, "skip");
  g_assert_cmpfloat_with_epsilon (first->start_s, 53.433, 0.0001);
  g_assert_cmpfloat_with_epsilon (first->end_s, 57.705, 0.0001);
  g_assert_cmpint (((SsvSegment *) g_ptr_array_index (segments, 1))->votes, ==, -1);

  /* Other videos sharing the prefix are none of ours. */
  g_assert_cmpuint (others->len, ==, 0);

  /* Segments without a category, with text for a time, or ending before they start, are skipped. */
  g_assert_cmpuint (some->len, ==, 1);
  g_assert_cmpstr (((SsvSegment *) g_ptr_array_index (some, 0))->category, ==, "outro");

  g_assert_null (ssv_sponsorblock_parse (wrong, SB_VIDEO, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_CHANGED);

  /* Only four characters of the hash leave the machine. */
  g_assert_cmpuint (strlen (prefix), ==, 4);
  g_assert_true (g_str_has_prefix (hash, prefix));
}

static void
test_ryd_parse (void)
{
  g_autoptr(JsonNode) root = ssv_fake_youtube_load_json ("returnyoutubedislike/votes_kxOuG8jMIgI.json");
  g_autoptr(JsonNode) wrong = parse_text ("{\"title\":\"Not Found\",\"status\":404}");
  g_autoptr(GError) error = NULL;
  gint64 likes, dislikes;

  g_assert_true (ssv_ryd_parse (root, &likes, &dislikes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (likes, ==, 31885);
  g_assert_cmpint (dislikes, ==, 579721);

  g_assert_false (ssv_ryd_parse (wrong, &likes, &dislikes, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_CHANGED);
}

static void
test_dearrow_parse (void)
{
  /* Shapes from the API documentation; no recording exists. */
  g_autoptr(JsonNode) crowd = parse_text ("{\"titles\":[{\"title\":\"Original\",\"original\":true,\"votes\":9},"
                                          "{\"title\":\"What it is really about\",\"original\":false,\"votes\":2},"
                                          "{\"title\":\"Another\",\"original\":false,\"votes\":1}],"
                                          "\"thumbnails\":[],\"randomTime\":0.3,\"videoDuration\":null}");
  g_autoptr(JsonNode) only_original = parse_text ("{\"titles\":[{\"title\":\"Original\",\"original\":true}],"
                                                  "\"thumbnails\":[]}");
  g_autoptr(JsonNode) keep_format = parse_text ("{\"titles\":[{\"title\":\"> iPhone tips, as written\","
                                                "\"original\":false}]}");
  g_autoptr(JsonNode) wrong = parse_text ("[\"nope\"]");
  g_autoptr(GError) error = NULL;
  gboolean known;
  g_autofree char *a = ssv_dearrow_parse (crowd, &known, &error);
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_assert_no_error (error);
  g_assert_true (known);
  g_assert_cmpstr (a, ==, "What it is really about");

  b = ssv_dearrow_parse (only_original, &known, &error);
  g_assert_no_error (error);
  g_assert_true (known);
  g_assert_null (b);

  c = ssv_dearrow_parse (keep_format, &known, &error);
  g_assert_cmpstr (c, ==, "iPhone tips, as written");

  g_assert_null (ssv_dearrow_parse (wrong, &known, &error));
  g_assert_false (known);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_CHANGED);
}

/* ---- the workers ------------------------------------------------------------------ */

typedef struct
{
  char              *dir;
  SsvDatabase       *db;
  SsvFakeServer     *server;
  SsvFakeYoutube    *youtube;
  SsvHttp           *http;
  SsvChannelStore   *store;
  SsvWatchlistStore *watchlist;
  SsvChannelService *service;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->server = ssv_fake_server_new ();
  f->youtube = ssv_fake_youtube_new (f->server);
  f->http = ssv_http_new ();
  ssv_http_set_retry_policy (f->http, 1, 10);
  for (const char * const *s = (const char * const[]) { "youtube", "sponsorblock", "dearrow", "ryd", NULL }; *s; s++)
    ssv_http_set_rate_limit (f->http, *s, 0.0, 1);
  ssv_fake_youtube_point_http (f->youtube, f->http);
  f->store = ssv_channel_store_new (f->db);
  f->watchlist = ssv_watchlist_store_new (f->db);
  f->service = ssv_channel_service_new (f->http, f->store, f->watchlist, NULL);

  ssv_fake_youtube_set_now (f->youtube, now);
  ssv_fake_youtube_add_synthetic (f->youtube, SYNTH_ID, "@madeup", "Made Up", 3, now - 5 * 86400, 86400);
  ssv_fake_youtube_add_upload (f->youtube, SYNTH_ID, RYD_VIDEO, "Voted on", now - 2 * 86400, FALSE, FALSE);
  ssv_fake_youtube_add_upload (f->youtube, SYNTH_ID, SB_VIDEO, "With a sponsor", now - 86400, FALSE, FALSE);
  id = ssv_channel_service_follow (f->service, "@madeup", NULL, &error);
  g_assert_no_error (error);
  ssv_fake_server_reset_log (f->server);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->service);
  g_clear_object (&f->store);
  g_clear_object (&f->watchlist);
  g_clear_object (&f->http);
  g_clear_pointer (&f->youtube, ssv_fake_youtube_free);
  g_clear_pointer (&f->server, ssv_fake_server_free);
  ssv_test_close_temp_database (&f->db, &f->dir);
}

static gboolean
worker_ended (gpointer data)
{
  return !ssv_worker_is_running (data);
}

/* One pass over the queue; "running" is set at once, so the wait cannot end early. */
static void
run_once (SsvWorker *worker)
{
  ssv_worker_start_once (worker);
  g_assert_true (ssv_worker_is_running (worker));
  g_assert_true (ssv_test_wait_for (worker_ended, worker, 30000));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_sponsorblock_worker (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SsvWorker) worker = ssv_extras_worker_new (SSV_TYPE_SPONSORBLOCK_WORKER, f->db, f->http, f->store, TRUE);
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;

  run_once (worker);

  segments = ssv_channel_store_list_segments (f->store, SB_VIDEO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (segments->len, ==, 3);
  g_assert_cmpfloat_with_epsilon (((SsvSegment *) g_ptr_array_index (segments, 2))->start_s, 927.803, 0.0001);

  /* Every video was asked about (none has segments but one), and no request
   * named a video: only hash prefixes left the machine. */
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count (*) FROM yt_videos WHERE sponsorblock_at IS NULL"), ==, 0);
  requests = ssv_fake_server_dup_requests (f->server);
  g_assert_cmpuint (requests->len, ==, 5);
  for (guint i = 0; i < requests->len; i++)
    {
      SsvFakeRequest *request = g_ptr_array_index (requests, i);

      g_assert_true (g_str_has_prefix (request->path, "/sponsorblock/api/skipSegments/"));
      g_assert_cmpuint (strlen (request->path), ==, strlen ("/sponsorblock/api/skipSegments/") + 4);
      g_assert_null (strstr (request->query ? request->query : "", SB_VIDEO));
    }

  /* Asked again a day later: nothing is due yet. */
  ssv_fake_server_reset_log (f->server);
  run_once (worker);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->server), ==, 0);
}

static void
test_dearrow_worker (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SsvWorker) worker = ssv_extras_worker_new (SSV_TYPE_DEARROW_WORKER, f->db, f->http, f->store, TRUE);
  g_autoptr(SsvVideo) video = NULL;
  g_autoptr(GError) error = NULL;

  run_once (worker);
  video = ssv_channel_store_get_video (f->store, SB_VIDEO, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ssv_video_get_dearrow_title (video), ==, "With a sponsor, explained plainly");
  g_assert_cmpstr (ssv_video_get_title (video), ==, "With a sponsor");
  g_assert_cmpstr (ssv_video_get_display_title (video, TRUE), ==, "With a sponsor, explained plainly");
  g_assert_cmpstr (ssv_video_get_display_title (video, FALSE), ==, "With a sponsor");
}

static void
test_ryd_off_then_on (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SsvWorker) worker = ssv_extras_worker_new (SSV_TYPE_RYD_WORKER, f->db, f->http, f->store, FALSE);
  g_autoptr(SsvVideo) video = NULL;
  g_autoptr(GError) error = NULL;

  /* Off (the default): Return YouTube Dislike hears of no video. */
  run_once (worker);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->server), ==, 0);

  ssv_extras_worker_set_enabled (SSV_EXTRAS_WORKER (worker), TRUE);
  run_once (worker);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->server), ==, 5);
  video = ssv_channel_store_get_video (f->store, RYD_VIDEO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ssv_video_get_likes (video), ==, 31885);
  g_assert_cmpint (ssv_video_get_dislikes (video), ==, 579721);
  /* The others are unknown to it (404): asked, and nothing saved. */
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count (*) FROM yt_videos WHERE ryd_at IS NULL"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count (*) FROM yt_videos WHERE likes IS NOT NULL"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/extras/sponsorblock/parse", test_sponsorblock_parse);
  g_test_add_func ("/extras/ryd/parse", test_ryd_parse);
  g_test_add_func ("/extras/dearrow/parse", test_dearrow_parse);
  g_test_add ("/extras/sponsorblock/worker", Fixture, NULL, fixture_set_up, test_sponsorblock_worker,
              fixture_tear_down);
  g_test_add ("/extras/dearrow/worker", Fixture, NULL, fixture_set_up, test_dearrow_worker, fixture_tear_down);
  g_test_add ("/extras/ryd/off-then-on", Fixture, NULL, fixture_set_up, test_ryd_off_then_on, fixture_tear_down);

  return g_test_run ();
}
