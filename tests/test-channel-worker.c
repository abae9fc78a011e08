/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-channel-worker.c: the background channel worker: what is due, sweeps, partial channels
 * read again once, 429 cooldowns, holding during scans, new uploads told from a sweep. */

#include "config.h"

#include <string.h>

#include "ssv-error.h"
#include "ssv-channel-service.h"
#include "ssv-test-utils.h"
#include "ssv-fake-youtube.h"
#include "workers/ssv-channel-worker.h"

#define SYNTH_ID "UCaaaaaaaaaaaaaaaaaaaaa1"

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
  SsvWorker         *worker;
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
  f->worker = ssv_channel_worker_new (f->db, f->http, f->service);
  f->now = g_get_real_time () / G_USEC_PER_SEC;
  ssv_fake_youtube_set_now (f->youtube, f->now);
  ssv_fake_youtube_add_synthetic (f->youtube, SYNTH_ID, "@madeup", "Made Up", 95, f->now - 3 * 86400, 86400);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ssv_worker_stop (f->worker);
  ssv_test_wait_for_worker_state (f->worker, SSV_WORKER_STOPPED, 20000);
  g_clear_object (&f->worker);
  g_clear_object (&f->service);
  g_clear_object (&f->store);
  g_clear_object (&f->watchlist);
  g_clear_object (&f->wishlist);
  g_clear_object (&f->http);
  g_clear_pointer (&f->youtube, ssv_fake_youtube_free);
  g_clear_pointer (&f->server, ssv_fake_server_free);
  ssv_test_close_temp_database (&f->db, &f->dir);
}

/* Followed from another page: a watchlist row and nothing read yet. */
static void
follow_elsewhere (Fixture    *f,
                  const char *channel_id)
{
  g_autoptr(GError) error = NULL;

  ssv_watchlist_store_set_followed (f->watchlist, SSV_WATCH_KIND_CHANNEL, "youtube", channel_id, TRUE,
                                    "Made Up", NULL, &error);
  g_assert_no_error (error);
}

static guint
due_count (Fixture  *f,
           gint64    now,
           gboolean  proxies)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = ssv_channel_store_list_due (f->store, now, proxies, &error);

  g_assert_no_error (error);
  return due->len;
}

static void
test_due (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gint64 read_at;

  /* Followed, never read: due. */
  follow_elsewhere (f, SYNTH_ID);
  g_assert_cmpuint (due_count (f, f->now, FALSE), ==, 1);

  /* Read whole just now: not due; six hours on, due. (Times count from the
   * read itself, however long a slow machine took to get there.) */
  id = ssv_channel_service_follow (f->service, "@madeup", NULL, &error);
  g_assert_no_error (error);
  read_at = ssv_test_query_int (f->db, "SELECT refreshed_at FROM yt_channels");
  g_assert_cmpuint (due_count (f, read_at + 60, FALSE), ==, 0);
  g_assert_cmpuint (due_count (f, read_at + 5 * 3600, FALSE), ==, 0);
  g_assert_cmpuint (due_count (f, read_at + 6 * 3600 + 60, FALSE), ==, 1);

  /* Approximate dates are "missing" only when a Piped/Invidious instance could
   * fill them: then an hour is enough. */
  g_assert_cmpuint (due_count (f, read_at + 3600 + 60, TRUE), ==, 1);
  g_assert_cmpuint (due_count (f, read_at + 3600 + 60, FALSE), ==, 0);

  /* A video without any date: due after an hour. */
  ssv_database_exec (f->db, "UPDATE yt_videos SET published = NULL, date_exact = 0"
                            " WHERE id = (SELECT max (id) FROM yt_videos WHERE is_short = 0)", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due_count (f, read_at + 3600 + 60, FALSE), ==, 1);

  /* A failed try waits half an hour before the next. */
  ssv_database_exec (f->db, "UPDATE yt_channels SET refreshed_at = refreshed_at - 86400", &error);
  ssv_database_exec (f->db, "UPDATE yt_channels SET attempted_at = refreshed_at + 86400 + 10", &error);
  g_assert_cmpuint (due_count (f, read_at + 60, FALSE), ==, 0);
  g_assert_cmpuint (due_count (f, read_at + 1900, FALSE), ==, 1);

  /* Unfollowed: never due. */
  ssv_channel_service_unfollow (f->service, SYNTH_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due_count (f, read_at + 86400, TRUE), ==, 0);
}

static gboolean
channel_read (gpointer data)
{
  Fixture *f = data;

  return ssv_test_query_int (f->db, "SELECT count (*) FROM yt_channels WHERE refreshed_at IS NOT NULL") > 0;
}

static void
test_sweeps_followed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SsvChannel) channel = NULL;
  g_autoptr(GError) error = NULL;

  follow_elsewhere (f, SYNTH_ID);
  ssv_worker_start (f->worker);
  g_assert_true (ssv_test_wait_for (channel_read, f, 30000));
  ssv_test_wait_for_worker_state (f->worker, SSV_WORKER_IDLE, 30000);

  channel = ssv_channel_store_get_channel (f->store, SYNTH_ID, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_channel_get_complete (channel));
  g_assert_cmpint (ssv_channel_get_cached_videos (channel), ==, 95);
  /* What the channel had when it was first read is not news. */
  {
    g_autoptr(GPtrArray) told = ssv_channel_service_check_uploads (f->service, f->now + 60, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (told->len, ==, 0);
  }
}

static void
test_partial_read_again_once (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SsvChannel) channel = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint browses;

  /* Two pages a read: the 95 videos never fit, the channel stays partial. */
  ssv_channel_service_set_max_pages (f->service, 2);
  id = ssv_channel_service_follow (f->service, "@madeup", NULL, &error);
  g_assert_no_error (error);
  channel = ssv_channel_store_get_channel (f->store, SYNTH_ID, &error);
  g_assert_false (ssv_channel_get_complete (channel));
  g_assert_cmpuint (due_count (f, f->now + 60, FALSE), ==, 1);

  /* The worker reads it again once, then leaves it to the six-hourly sweep. */
  browses = ssv_fake_youtube_get_browse_count (f->youtube);
  ssv_worker_start (f->worker);
  ssv_test_wait_for_worker_state (f->worker, SSV_WORKER_IDLE, 30000);
  g_assert_cmpuint (ssv_fake_youtube_get_browse_count (f->youtube), ==, browses + 3);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT reenriched FROM yt_channels"), ==, 1);
  g_assert_cmpuint (due_count (f, g_get_real_time () / G_USEC_PER_SEC + 60, FALSE), ==, 0);
}

static void
test_rate_limited (Fixture       *f,
                   gconstpointer  data)
{
  SsvFakeFault fault = { SSV_FAKE_FAULT_STATUS, 429, 300, 0, -1 };
  g_autofree char *note = NULL;
  g_autofree char *kind = NULL;

  follow_elsewhere (f, SYNTH_ID);
  ssv_fake_server_set_fault (f->server, "POST /youtube/youtubei/v1/browse", &fault);
  ssv_worker_start (f->worker);
  ssv_test_wait_for_worker_state (f->worker, SSV_WORKER_COOLDOWN, 30000);

  note = ssv_worker_dup_note (f->worker);
  g_assert_nonnull (strstr (note, "slow down"));
  g_assert_cmpint (ssv_http_get_cooldown_remaining (f->http, "youtube"), >, 200);
  kind = ssv_test_query_text (f->db, "SELECT error_kind FROM yt_channels");
  g_assert_cmpstr (kind, ==, "rate-limited");
}

static void
test_held_during_scan (Fixture       *f,
                       gconstpointer  data)
{
  follow_elsewhere (f, SYNTH_ID);
  ssv_worker_hold (f->worker);
  ssv_worker_start (f->worker);
  ssv_test_wait_for_worker_state (f->worker, SSV_WORKER_HELD, 30000);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->server), ==, 0);

  ssv_worker_release (f->worker);
  g_assert_true (ssv_test_wait_for (channel_read, f, 30000));
  ssv_test_wait_for_worker_state (f->worker, SSV_WORKER_IDLE, 30000);
}

typedef struct
{
  GPtrArray *videos;
} Told;

static void
on_new_uploads (SsvChannelService *service,
                GPtrArray         *videos,
                gboolean           catching_up,
                Told              *told)
{
  g_clear_pointer (&told->videos, g_ptr_array_unref);
  told->videos = g_ptr_array_ref (videos);
}

static gboolean
told_something (gpointer data)
{
  return ((Told *) data)->videos != NULL;
}

static void
test_new_uploads_from_sweep (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = ssv_channel_service_follow (f->service, "@madeup", NULL, &error);
  Told told = { NULL };

  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, SYNTH_ID);
  g_signal_connect (f->service, "new-uploads", G_CALLBACK (on_new_uploads), &told);

  /* Followed and read seven hours ago; a new video went up a minute ago. The
   * sweep finds and tells it. */
  ssv_database_exec (f->db, "UPDATE yt_channels SET refreshed_at = refreshed_at - 7 * 3600,"
                            " attempted_at = attempted_at - 7 * 3600", &error);
  g_assert_no_error (error);
  ssv_database_exec (f->db, "UPDATE watchlist SET added_at = added_at - 7 * 3600", &error);
  g_assert_no_error (error);
  ssv_fake_youtube_add_upload (f->youtube, SYNTH_ID, "newvideo001", "Fresh", f->now - 60, FALSE, FALSE);

  ssv_worker_start (f->worker);
  g_assert_true (ssv_test_wait_for (told_something, &told, 30000));
  g_assert_cmpuint (told.videos->len, ==, 1);
  g_assert_cmpstr (ssv_video_get_video_id (g_ptr_array_index (told.videos, 0)), ==, "newvideo001");
  g_clear_pointer (&told.videos, g_ptr_array_unref);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/channel-worker/due", test_due);
  ADD ("/channel-worker/sweeps-followed", test_sweeps_followed);
  ADD ("/channel-worker/partial-read-again-once", test_partial_read_again_once);
  ADD ("/channel-worker/rate-limited", test_rate_limited);
  ADD ("/channel-worker/held-during-scan", test_held_during_scan);
  ADD ("/channel-worker/new-uploads-from-sweep", test_new_uploads_from_sweep);
#undef ADD

  return g_test_run ();
}
