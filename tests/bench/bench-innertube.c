/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-innertube.c: how fast the recorded InnerTube pages are read (JSON parse and
 * browse reader, MB of answer per second on one core), and how long listing a cached
 * channel of 5,000 videos from the library takes (what a channel page waits for). */

#include "config.h"

#include <stdio.h>

#include "ssv-test-utils.h"
#include "ssv-fake-youtube.h"
#include "net/ssv-http.h"
#include "providers/ssv-youtube-browse.h"
#include "stores/ssv-channel-store.h"

#define SECONDS 3.0
#define CHANNEL "UCaaaaaaaaaaaaaaaaaaaaa1"

static void
bench_parse (void)
{
  static const char * const pages[] = {
    "youtube-innertube/browse_channel_videos_kurzgesagt.mock.json.gz",
    "youtube-innertube/browse_channel_videos_lockup_creativecommons_p1.mock.json.gz",
    "youtube-innertube/browse_channel_videos_lockup_creativecommons_p2.mock.json.gz",
  };
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  guint64 bytes = 0;
  guint videos = 0;
  gint64 start, elapsed;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_ptr_array_add (bodies, ssv_fake_youtube_load_mock_body (pages[i]));

  start = g_get_monotonic_time ();
  do
    {
      for (guint i = 0; i < bodies->len; i++)
        {
          GBytes *body = g_ptr_array_index (bodies, i);
          g_autoptr(JsonNode) root = ssv_json_parse_bytes (body, "bench", NULL);
          g_autoptr(SsvYtPage) page = ssv_yt_browse_parse (root, 1779364800, NULL);

          g_assert_nonnull (page);
          videos += page->videos->len;
          bytes += g_bytes_get_size (body);
        }
      elapsed = g_get_monotonic_time () - start;
    }
  while (elapsed < SECONDS * G_USEC_PER_SEC);

  printf ("BENCH innertube.parse_mb_per_s %.1f MB/s\n", bytes / 1e6 / (elapsed / 1e6));
  printf ("BENCH innertube.videos_per_s %.0f videos/s\n", videos / (elapsed / 1e6));
}

static void
bench_list (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(SsvChannelStore) store = ssv_channel_store_new (db);
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  g_autoptr(GError) error = NULL;
  gint64 start, best = G_MAXINT64;

  for (guint i = 0; i < 5000; i++)
    {
      SsvYtVideo *video = ssv_yt_video_new ();

      video->video_id = g_strdup_printf ("v%010u", i);
      video->title = g_strdup_printf ("A video of a made-up channel, number %u", i);
      video->thumbnail_url = g_strdup_printf ("https://i.ytimg.com/vi/v%010u/hqdefault.jpg", i);
      video->duration_s = 60 + i % 3600;
      video->views = 1000 + i;
      video->published = 1779364800 - (gint64) i * 86400;
      video->date_exact = i % 3 == 0;
      video->date_unit = 86400;
      g_ptr_array_add (made, video);
    }
  g_assert_true (ssv_channel_store_save_videos (store, CHANNEL, made, TRUE, 0, &error));

  for (guint round = 0; round < 5; round++)
    {
      g_autoptr(GPtrArray) videos = NULL;

      start = g_get_monotonic_time ();
      videos = ssv_channel_store_list_videos (store, CHANNEL, SSV_VIDEOS_ALL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (videos->len, ==, 5000);
      best = MIN (best, g_get_monotonic_time () - start);
    }

  printf ("BENCH channel.list_cached_5000_ms %.1f ms\n", best / 1000.0);
  g_clear_object (&store);
  ssv_test_close_temp_database (&db, &dir);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  bench_parse ();
  bench_list ();
  return 0;
}
