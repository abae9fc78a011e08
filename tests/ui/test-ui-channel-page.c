/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-channel-page.c: a YouTube channel's page and a video's dialog: a saved channel shows
 * from the database with no request to YouTube and no loading state, its videos in year
 * seasons (approximate dates marked, Earlier videos, Shorts apart) with DeArrow titles when
 * that is on; a refresh that meets a changed YouTube says so while the videos stay; a channel
 * never read shows the loading state first; the video dialog draws and lists the SponsorBlock
 * segments, shows likes and dislikes, and Wish puts the video on the wishlist. */

#include "config.h"

#include <string.h>

#include "pages/ssv-channel-page-private.h"
#include "ssv-fake-youtube.h"
#include "widgets/ssv-segment-bar.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "widgets/ssv-video-card.h"
#include "dialogs/ssv-video-dialog.h"
#include "stores/ssv-channel-store.h"
#include "ssv-image-cache.h"
#include "ssv-texture-loader.h"

#define CACHED_ID "UCcccccccccccccccccccccc"
#define SYNTH_ID  "UCaaaaaaaaaaaaaaaaaaaaa1"
#define VIDEO_A   "aaaaaaaaaa1"
#define BIG_ID    "UCdddddddddddddddddddddd"
#define BIG_COUNT 300

static char *tmp_dir;

/* ---- the saved channel ------------------------------------------------------------------ */

static gint64
unix_of (int year,
         int month,
         int day)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, 12, 0, 0);

  return g_date_time_to_unix (when);
}

static void
add_video (GPtrArray  *videos,
           const char *id,
           const char *title,
           gint64      published,
           gboolean    exact,
           gint64      duration_s,
           gboolean    is_short)
{
  SsvYtVideo *video = ssv_yt_video_new ();

  video->video_id = g_strdup (id);
  video->title = g_strdup (title);
  video->published = published;
  video->date_exact = exact;
  video->date_unit = exact ? 0 : 30 * 86400;
  video->duration_s = duration_s;
  video->views = 2600000;
  video->is_short = is_short;
  g_ptr_array_add (videos, video);
}

static void
add_segment (GPtrArray  *segments,
             const char *category,
             double      start_s,
             double      end_s)
{
  SsvSegment *segment = ssv_segment_new ();

  segment->category = g_strdup (category);
  segment->action = g_strdup ("skip");
  segment->start_s = start_s;
  segment->end_s = end_s;
  segment->uuid = g_strdup_printf ("%s-%g", category, start_s);
  g_ptr_array_add (segments, segment);
}

/* A channel read @refreshed_ago seconds ago, whole: two videos of 2024, one of 2023 known
 * only as "about" a month, one undated, one Short; the first has segments, votes and a
 * DeArrow title. */
static void
seed_channel (const char *db_path,
              gint64      refreshed_ago)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);
  g_autoptr(SsvChannelStore) store = NULL;
  g_autoptr(SsvYtChannelMeta) meta = ssv_yt_channel_meta_new ();
  g_autoptr(GPtrArray) videos = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  g_autoptr(GPtrArray) shorts = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_segment_free);
  SsvChannelRefresh refresh = { "innertube", TRUE, NULL, NULL };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_no_error (error);
  store = ssv_channel_store_new (db);
  meta->channel_id = g_strdup (CACHED_ID);
  meta->handle = g_strdup ("@cached");
  meta->title = g_strdup ("Cached Channel");
  meta->subscribers = 1234567;
  meta->video_count = 4;
  g_assert_true (ssv_channel_store_save_meta (store, meta, &error));

  add_video (videos, VIDEO_A, "You Will NOT Believe This", unix_of (2024, 3, 3), TRUE, 754, FALSE);
  add_video (videos, "aaaaaaaaaa2", "The second of 2024", unix_of (2024, 1, 10), TRUE, 3723, FALSE);
  add_video (videos, "aaaaaaaaaa3", "Some time in 2023", unix_of (2023, 6, 15), FALSE, 60, FALSE);
  add_video (videos, "aaaaaaaaaa4", "Nobody knows when", 0, FALSE, -1, FALSE);
  add_video (shorts, "aaaaaaaaaa5", "A Short", unix_of (2024, 2, 2), TRUE, 30, TRUE);
  g_assert_true (ssv_channel_store_save_videos (store, CACHED_ID, videos, TRUE, 0, &error));
  g_assert_true (ssv_channel_store_save_videos (store, CACHED_ID, shorts, TRUE, -1, &error));
  g_assert_true (ssv_channel_store_record_refresh (store, CACHED_ID, &refresh, now - refreshed_ago, &error));

  add_segment (segments, "sponsor", 30, 90);
  add_segment (segments, "intro", 0, 10);
  g_assert_true (ssv_channel_store_save_segments (store, VIDEO_A, segments, now, &error));
  g_assert_true (ssv_channel_store_save_votes (store, VIDEO_A, 12000, 340, now, &error));
  g_assert_true (ssv_channel_store_save_dearrow_title (store, VIDEO_A, "A plain title", now, &error));
  g_assert_no_error (error);
}

/* A saved channel of BIG_COUNT videos, one every three days back from the last day of 2024. */
static void
seed_big_channel (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);
  g_autoptr(SsvChannelStore) store = NULL;
  g_autoptr(SsvYtChannelMeta) meta = ssv_yt_channel_meta_new ();
  g_autoptr(GPtrArray) videos = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  SsvChannelRefresh refresh = { "innertube", TRUE, NULL, NULL };
  gint64 last = unix_of (2024, 12, 31);

  g_assert_no_error (error);
  store = ssv_channel_store_new (db);
  meta->channel_id = g_strdup (BIG_ID);
  meta->title = g_strdup ("Big Channel");
  meta->video_count = BIG_COUNT;
  g_assert_true (ssv_channel_store_save_meta (store, meta, &error));
  for (guint i = 0; i < BIG_COUNT; i++)
    {
      g_autofree char *id = g_strdup_printf ("big%08u", i);
      g_autofree char *title = g_strdup_printf ("Upload number %u", BIG_COUNT - i);

      add_video (videos, id, title, last - (gint64) i * 3 * 86400, TRUE, 600, FALSE);
    }
  g_assert_true (ssv_channel_store_save_videos (store, BIG_ID, videos, TRUE, 0, &error));
  g_assert_true (ssv_channel_store_record_refresh (store, BIG_ID, &refresh, g_get_real_time () / G_USEC_PER_SEC,
                                                   &error));
  g_assert_no_error (error);
}

static gint64
wished_videos (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

  g_assert_no_error (error);
  return ssv_test_query_int (db, "SELECT count(*) FROM wishlist WHERE kind = 'video' AND source_id = '" VIDEO_A "'");
}

/* ---- waits ---------------------------------------------------------------------------- */

static void
wait_until (gboolean    (*condition) (gpointer),
            gpointer      data,
            const char   *what)
{
  if (!ssv_test_wait_for (condition, data, 30000))
    g_error ("Timed out waiting for %s", what);
}

static gboolean
videos_shown (gpointer data)
{
  return g_strcmp0 (ssv_channel_page_get_state (data), "content") == 0 &&
         g_list_model_get_n_items (ssv_channel_page_get_shown (data)) > 0;
}

static gboolean
all_videos_read (gpointer data)
{
  return g_list_model_get_n_items (ssv_channel_page_get_videos (data)) == BIG_COUNT;
}

static gboolean
error_shown (gpointer data)
{
  return g_strcmp0 (ssv_channel_page_get_state (data), "error") == 0;
}

static gboolean
notice_shown (gpointer data)
{
  return ssv_channel_page_get_notice (data) != NULL;
}

static gboolean
window_shown (gpointer data)
{
  return ssv_ui_test_find_window (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
dialog_idle (gpointer data)
{
  return !ssv_video_dialog_is_busy (data);
}

static gboolean
segments_read (gpointer data)
{
  SsvSegmentBar *bar = SSV_SEGMENT_BAR (ssv_video_dialog_get_part (data, "segment_bar"));

  return strstr (ssv_segment_bar_get_description (bar), "Sponsor") != NULL &&
         ssv_segment_bar_get_n_drawn (bar) == 2;
}

static gboolean
bar_drawn (gpointer data)
{
  return ssv_segment_bar_get_n_drawn (data) > 0;
}

static gboolean
card_wished (gpointer data)
{
  return g_strcmp0 (ssv_video_card_get_state (data), "Wished") == 0;
}

static void
point_at_fake (SsvFakeYoutube *youtube)
{
  g_auto(GStrv) envp = ssv_fake_youtube_environ (youtube, NULL);

  for (guint i = 0; envp[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (envp[i], "=", 2);

      g_setenv (pair[0], pair[1], TRUE);
    }
}

/* No per-video extras asking the fake in the background while a test ends: they are not
 * what these tests look at. */
static void
quiet_extras (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_set_boolean (settings, "youtube-sponsorblock", FALSE);
  g_settings_set_boolean (settings, "youtube-dearrow", FALSE);
  g_settings_set_boolean (settings, "youtube-return-dislikes", FALSE);
}

/* Every YouTube service at an address where nothing listens. */
static void
point_nowhere (void)
{
  const char * const services[] = { "SSV_YOUTUBE_URL", "SSV_SPONSORBLOCK_URL", "SSV_RYD_URL", "SSV_DEARROW_URL" };

  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    g_setenv (services[i], "http://127.0.0.1:9", TRUE);
}

static gboolean
channel_page_visible (gpointer data)
{
  return SSV_IS_CHANNEL_PAGE (ssv_window_get_visible_page (data));
}

/* The channel's page, once the window shows it: with its first read done, or after a
 * moment at most. */
static SsvChannelPage *
open_channel (SsvWindow  *window,
              const char *channel_id)
{
  SsvPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-channel", "s", channel_id));
  wait_until (channel_page_visible, window, "the channel page");
  page = ssv_window_get_visible_page (window);
  g_assert_cmpstr (ssv_channel_page_get_channel_id (SSV_CHANNEL_PAGE (page)), ==, channel_id);
  return SSV_CHANNEL_PAGE (page);
}

/* The card the grid shows for the first video of the season chosen. */
static SsvVideoCard *
first_card (SsvChannelPage *page)
{
  g_autoptr(SsvVideo) first = g_list_model_get_item (ssv_channel_page_get_shown (page), 0);
  GtkWidget *grid = ssv_channel_page_get_grid (page);

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = ssv_ui_test_find_widget_of_type (child, SSV_TYPE_VIDEO_CARD);

      if (card != NULL && ssv_video_card_get_video (SSV_VIDEO_CARD (card)) == first)
        return SSV_VIDEO_CARD (card);
    }
  return NULL;
}

static void
assert_seasons (SsvChannelPage      *page,
                const char * const  *expected)
{
  GListModel *seasons = ssv_channel_page_get_seasons (page);

  g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (seasons), i), ==, expected[i]);
}

/* ---- the flows ------------------------------------------------------------------------- */

/* A saved channel's page comes with its newest videos: the window keeps the page left
 * that moment rather than showing a blank page first. */
static void
test_comes_with_its_videos (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "comes.db", NULL);
  g_autoptr(SsvFakeServer) server = ssv_fake_server_new ();
  g_autoptr(SsvFakeYoutube) youtube = ssv_fake_youtube_new (server);
  SsvApplication *app;
  SsvWindow *window;
  SsvPage *left;
  SsvPage *page;
  gint64 deadline;

  seed_channel (db_path, 60);
  point_at_fake (youtube);
  quiet_extras ();

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  ssv_ui_test_iterate (300);
  left = ssv_window_get_visible_page (window);
  g_assert_false (SSV_IS_CHANNEL_PAGE (left));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-channel", "s", CACHED_ID));
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!SSV_IS_CHANNEL_PAGE (ssv_window_get_visible_page (window)) && g_get_monotonic_time () < deadline)
    {
      /* Meanwhile the page left stays, whole. */
      g_assert_true (ssv_window_get_visible_page (window) == left);
      g_main_context_iteration (NULL, TRUE);
    }
  page = ssv_window_get_visible_page (window);
  g_assert_true (SSV_IS_CHANNEL_PAGE (page));

  /* The first moment it shows, its videos are there. */
  g_assert_cmpstr (ssv_channel_page_get_state (SSV_CHANNEL_PAGE (page)), ==, "content");
  g_assert_cmpuint (g_list_model_get_n_items (ssv_channel_page_get_shown (SSV_CHANNEL_PAGE (page))), >, 0);
  g_assert_cmpstr (ssv_page_get_title (page), ==, "Cached Channel");

  ssv_ui_test_stop_app (app);
}

static void
test_cached_channel (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "cached.db", NULL);
  g_autoptr(SsvFakeServer) server = ssv_fake_server_new ();
  g_autoptr(SsvFakeYoutube) youtube = ssv_fake_youtube_new (server);
  const char * const seasons[] = { "2024", "2023", "Earlier videos", "Shorts", NULL };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  SsvApplication *app;
  SsvWindow *window;
  SsvChannelPage *page;
  SsvVideoCard *card;

  seed_channel (db_path, 60);
  point_at_fake (youtube);
  quiet_extras ();
  g_settings_set_boolean (settings, "youtube-dearrow-titles", FALSE);

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  page = open_channel (window, CACHED_ID);
  wait_until (videos_shown, page, "the saved videos");

  /* From the database: no loading state, nothing asked of YouTube, no notice. */
  g_assert_false (ssv_channel_page_get_showed_loading (page));
  g_assert_cmpuint (ssv_fake_youtube_get_browse_count (youtube), ==, 0);
  g_assert_null (ssv_channel_page_get_notice (page));
  g_assert_cmpstr (ssv_channel_get_title (ssv_channel_page_get_channel (page)), ==, "Cached Channel");
  g_assert_cmpuint (g_list_model_get_n_items (ssv_channel_page_get_videos (page)), ==, 5);

  /* Year seasons, newest first; the undated, then Shorts, apart. */
  assert_seasons (page, seasons);
  g_assert_cmpuint (g_list_model_get_n_items (ssv_channel_page_get_shown (page)), ==, 2);
  ssv_ui_test_iterate (300);
  card = first_card (page);
  g_assert_nonnull (card);
  g_assert_cmpstr (ssv_video_card_get_title (card), ==, "You Will NOT Believe This");
  g_assert_cmpstr (ssv_video_card_get_badge (card), ==, "12:34");
  g_assert_cmpstr (ssv_video_card_get_meta (card), ==, "2.6M views · 3 Mar 2024");
  ssv_ui_test_screenshot (GTK_WIDGET (window), "channel-page-cached");

  /* DeArrow's titles, once switched on, on the cards already shown. */
  g_settings_set_boolean (settings, "youtube-dearrow-titles", TRUE);
  ssv_ui_test_iterate (100);
  g_assert_cmpstr (ssv_video_card_get_title (card), ==, "A plain title");
  g_settings_set_boolean (settings, "youtube-dearrow-titles", FALSE);
  ssv_ui_test_iterate (100);
  g_assert_cmpstr (ssv_video_card_get_title (card), ==, "You Will NOT Believe This");

  ssv_channel_page_select_season (page, 1);
  ssv_ui_test_iterate (300);
  g_assert_cmpuint (g_list_model_get_n_items (ssv_channel_page_get_shown (page)), ==, 1);
  card = first_card (page);
  g_assert_nonnull (card);
  g_assert_cmpstr (ssv_video_card_get_meta (card), ==, "2.6M views · about Jun 2023");

  ssv_channel_page_select_season (page, 2);
  ssv_ui_test_iterate (300);
  card = first_card (page);
  g_assert_cmpstr (ssv_video_card_get_title (card), ==, "Nobody knows when");
  g_assert_cmpstr (ssv_video_card_get_meta (card), ==, "2.6M views · Date unknown");
  /* No duration known: no badge drawn. */
  g_assert_cmpstr (ssv_video_card_get_badge (card), ==, "");

  ssv_channel_page_select_season (page, 3);
  ssv_ui_test_iterate (300);
  card = first_card (page);
  g_assert_cmpstr (ssv_video_card_get_title (card), ==, "A Short");
  g_assert_cmpuint (ssv_fake_youtube_get_browse_count (youtube), ==, 0);

  ssv_ui_test_stop_app (app);
}

static void
test_video_dialog (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "dialog.db", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *uri = NULL;
  SsvApplication *app;
  SsvWindow *window;
  SsvChannelPage *page;
  SsvVideoDialog *dialog;
  SsvVideoCard *card;
  GtkWidget *votes;

  seed_channel (db_path, 60);
  point_nowhere ();
  quiet_extras ();
  g_settings_set_boolean (settings, "youtube-return-dislikes", TRUE);

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  page = open_channel (window, CACHED_ID);
  wait_until (videos_shown, page, "the saved videos");
  ssv_ui_test_iterate (300);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "channel.open-video", "s", VIDEO_A));
  wait_until (window_shown, GSIZE_TO_POINTER (SSV_TYPE_VIDEO_DIALOG), "the video dialog");
  dialog = g_object_ref (SSV_VIDEO_DIALOG (ssv_ui_test_find_window (SSV_TYPE_VIDEO_DIALOG)));
  wait_until (segments_read, dialog, "the segments drawn");

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ssv_video_dialog_get_part (dialog, "title_label"))), ==,
                   "You Will NOT Believe This");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ssv_video_dialog_get_part (dialog, "dearrow_label"))), ==,
                   "DeArrow: A plain title");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ssv_video_dialog_get_part (dialog, "facts_label"))), ==,
                   "3 Mar 2024 · 12:34 · 2.6M views");
  votes = ssv_video_dialog_get_part (dialog, "votes_label");
  g_assert_true (gtk_widget_get_visible (votes));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (votes)), "12k likes · 340 dislikes"));
  g_assert_cmpstr (ssv_segment_bar_get_description (SSV_SEGMENT_BAR (ssv_video_dialog_get_part (dialog, "segment_bar"))),
                   ==, "Intro from 0:00 to 0:10; Sponsor from 0:30 to 1:30");
  uri = ssv_video_dialog_dup_watch_uri (dialog);
  g_assert_cmpstr (uri, ==, "https://www.youtube.com/watch?v=" VIDEO_A);
  ssv_ui_test_screenshot (GTK_WIDGET (dialog), "video-dialog");

  /* Return YouTube Dislike off: no likes or dislikes. */
  g_settings_set_boolean (settings, "youtube-return-dislikes", FALSE);
  ssv_ui_test_iterate (100);
  g_assert_false (gtk_widget_get_visible (votes));

  /* Wish: on the wishlist, and the card says so. */
  g_assert_cmpint (wished_videos (db_path), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "video.wish", NULL);
  wait_until (dialog_idle, dialog, "the wish");
  g_assert_cmpint (wished_videos (db_path), ==, 1);
  g_assert_true (ssv_video_get_wished (ssv_video_dialog_get_video (dialog)));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ssv_video_dialog_get_part (dialog, "wish_button"))), ==,
                   "_Remove from Wishlist");
  card = first_card (page);
  g_assert_nonnull (card);
  wait_until (card_wished, card, "the card's wished mark");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "video.wish", NULL);
  wait_until (dialog_idle, dialog, "the unwish");
  g_assert_cmpint (wished_videos (db_path), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  ssv_ui_test_iterate (100);
  g_assert_finalize_object (dialog);

  ssv_ui_test_stop_app (app);
}

/* A stale channel whose refresh meets a YouTube page in an unknown shape. */
static void
test_changed_youtube (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "changed.db", NULL);
  g_autoptr(SsvFakeServer) server = ssv_fake_server_new ();
  g_autoptr(SsvFakeYoutube) youtube = ssv_fake_youtube_new (server);
  SsvApplication *app;
  SsvWindow *window;
  SsvChannelPage *page;

  seed_channel (db_path, 7 * 86400);
  ssv_fake_youtube_add_synthetic (youtube, CACHED_ID, "@cached", "Cached Channel", 10,
                                  g_get_real_time () / G_USEC_PER_SEC - 86400, 86400);
  ssv_fake_youtube_set_changed_shape (youtube, CACHED_ID, TRUE);
  point_at_fake (youtube);
  quiet_extras ();

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  page = open_channel (window, CACHED_ID);
  wait_until (videos_shown, page, "the saved videos");
  g_assert_false (ssv_channel_page_get_showed_loading (page));
  wait_until (notice_shown, page, "the notice");

  g_assert_nonnull (strstr (ssv_channel_page_get_notice (page), "YouTube changed its page"));
  g_assert_cmpstr (ssv_channel_page_get_state (page), ==, "content");
  g_assert_cmpuint (g_list_model_get_n_items (ssv_channel_page_get_videos (page)), >=, 5);
  g_assert_cmpuint (ssv_fake_youtube_get_browse_count (youtube), >, 0);
  ssv_ui_test_iterate (300);
  ssv_ui_test_screenshot (GTK_WIDGET (window), "channel-page-changed");

  ssv_ui_test_stop_app (app);
}

/* A channel never read: the loading state, then what YouTube said. */
static void
test_first_open (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "first.db", NULL);
  g_autoptr(SsvFakeServer) server = ssv_fake_server_new ();
  g_autoptr(SsvFakeYoutube) youtube = ssv_fake_youtube_new (server);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  SsvApplication *app;
  SsvWindow *window;
  SsvChannelPage *page;

  /* Fewer than a page: read whole at once, so no refresh runs on after the test. */
  ssv_fake_youtube_add_synthetic (youtube, SYNTH_ID, "@madeup", "Made Up", 20, now - 86400, 86400);
  point_at_fake (youtube);
  quiet_extras ();

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  page = open_channel (window, SYNTH_ID);
  wait_until (videos_shown, page, "the channel read from YouTube");
  g_assert_true (ssv_channel_page_get_showed_loading (page));

  g_assert_cmpstr (ssv_channel_get_title (ssv_channel_page_get_channel (page)), ==, "Made Up");
  g_assert_cmpuint (g_list_model_get_n_items (ssv_channel_page_get_videos (page)), ==, 20);
  g_assert_null (ssv_channel_page_get_notice (page));

  ssv_ui_test_stop_app (app);
}

/* A channel YouTube does not answer for, never read: the error state in plain words. */
static void
test_first_open_offline (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "offline.db", NULL);
  SsvApplication *app;
  SsvWindow *window;
  SsvChannelPage *page;

  point_nowhere ();
  quiet_extras ();
  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  page = open_channel (window, SYNTH_ID);
  wait_until (error_shown, page, "the error state");

  g_assert_true (ssv_channel_page_get_showed_loading (page));
  ssv_ui_test_iterate (300);
  ssv_ui_test_screenshot (GTK_WIDGET (window), "channel-page-offline");

  ssv_ui_test_stop_app (app);
}

/* ---- widgets alone --------------------------------------------------------------------- */

static void
test_video_card_alone (void)
{
  g_autoptr(SsvVideo) video = g_object_new (SSV_TYPE_VIDEO, "video-id", VIDEO_A, "title", "Original",
                                            "dearrow-title", "Plain", "duration-s", (gint64) 3723,
                                            "views", (gint64) 0, "published", unix_of (2023, 6, 15),
                                            "date-exact", FALSE, NULL);
  GtkWidget *card = g_object_ref_sink (ssv_video_card_new (NULL));

  ssv_video_card_set_video (SSV_VIDEO_CARD (card), video);
  g_assert_cmpstr (ssv_video_card_get_title (SSV_VIDEO_CARD (card)), ==, "Original");
  g_assert_cmpstr (ssv_video_card_get_badge (SSV_VIDEO_CARD (card)), ==, "1:02:03");
  g_assert_cmpstr (ssv_video_card_get_meta (SSV_VIDEO_CARD (card)), ==, "No views · about Jun 2023");
  g_assert_cmpstr (ssv_video_card_get_state (SSV_VIDEO_CARD (card)), ==, "");

  g_object_set (card, "prefer-dearrow", TRUE, NULL);
  g_assert_cmpstr (ssv_video_card_get_title (SSV_VIDEO_CARD (card)), ==, "Plain");
  g_object_set (video, "downloaded-path", "/videos/a.mkv", NULL);
  g_assert_cmpstr (ssv_video_card_get_state (SSV_VIDEO_CARD (card)), ==, "Downloaded");

  ssv_video_card_set_video (SSV_VIDEO_CARD (card), NULL);
  g_assert_finalize_object (card);
}

/* Nodes of @node's tree of @type, counted through the containers, clips and moves a
 * widget's drawing is made of. */
static guint
count_nodes (GskRenderNode  *node,
             GskRenderNodeType type)
{
  guint n = gsk_render_node_get_node_type (node) == type ? 1 : 0;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        n += count_nodes (gsk_container_node_get_child (node, i), type);
      break;
    case GSK_CLIP_NODE:
      n += count_nodes (gsk_clip_node_get_child (node), type);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      n += count_nodes (gsk_rounded_clip_node_get_child (node), type);
      break;
    case GSK_TRANSFORM_NODE:
      n += count_nodes (gsk_transform_node_get_child (node), type);
      break;
    case GSK_OPACITY_NODE:
      n += count_nodes (gsk_opacity_node_get_child (node), type);
      break;
    default:
      break;
    }
  return n;
}

/* What the card draws, as a render node. */
static GskRenderNode *
draw (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

static gboolean
card_has_thumbnail (gpointer data)
{
  return ssv_video_card_get_has_thumbnail (data);
}

static gboolean
card_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_height (data) > 135;
}

/* A grid binds a hundred cards or more on the UI thread, so a card is one widget that
 * draws it all: the thumbnail, its duration badge and wished mark, the title and the
 * words under it, in a cell as high as the thumbnail and two lines. */
static void
test_video_card_draws_it_all (void)
{
  g_autofree char *thumbnail = g_build_filename (tmp_dir, "thumbnail.png", NULL);
  g_autofree char *images = g_build_filename (tmp_dir, "card-images", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 480, 270);
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvImageCache) cache = ssv_image_cache_new (http, images);
  g_autoptr(SsvTextureLoader) loader = ssv_texture_loader_new (cache, 16 * 1024 * 1024);
  g_autoptr(SsvVideo) video = NULL;
  g_autoptr(GskRenderNode) words = NULL;
  g_autoptr(GskRenderNode) all = NULL;
  GtkWidget *card = g_object_ref_sink (ssv_video_card_new (loader));
  GtkWidget *window = gtk_window_new ();

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, thumbnail, "png", NULL, NULL));
  video = g_object_new (SSV_TYPE_VIDEO, "video-id", VIDEO_A, "title", "Out Today",
                        "duration-s", (gint64) 754, "views", (gint64) 2600000, "published", unix_of (2024, 3, 3),
                        "date-exact", TRUE, "wished", TRUE, "thumbnail-url", thumbnail, NULL);
  ssv_video_card_set_video (SSV_VIDEO_CARD (card), video);
  gtk_window_set_child (GTK_WINDOW (window), card);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ssv_test_wait_for (card_drawn, card, 10000));

  /* One widget; no thumbnail yet: the words and the two badges, four lines of text. */
  g_assert_null (gtk_widget_get_first_child (card));
  g_assert_cmpint (gtk_widget_get_width (card), ==, 240);
  words = draw (card);
  g_assert_nonnull (words);
  g_assert_cmpuint (count_nodes (words, GSK_TEXT_NODE), ==, 4);
  g_assert_cmpuint (count_nodes (words, GSK_TEXTURE_NODE), ==, 0);
  g_assert_cmpstr (ssv_video_card_get_badge (SSV_VIDEO_CARD (card)), ==, "12:34");
  g_assert_cmpstr (ssv_video_card_get_state (SSV_VIDEO_CARD (card)), ==, "Wished");

  /* The thumbnail drawn under them once asked for. */
  ssv_video_card_ensure_thumbnail (SSV_VIDEO_CARD (card));
  g_assert_true (ssv_test_wait_for (card_has_thumbnail, card, 10000));
  ssv_ui_test_iterate (100);
  all = draw (card);
  g_assert_nonnull (all);
  g_assert_cmpuint (count_nodes (all, GSK_TEXTURE_NODE), ==, 1);
  g_assert_cmpuint (count_nodes (all, GSK_TEXT_NODE), ==, 4);
  ssv_ui_test_screenshot (window, "video-card");

  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  ssv_ui_test_iterate (50);
  g_assert_finalize_object (card);
}

static void
test_segment_bar_alone (void)
{
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_segment_free);
  GtkWidget *bar = g_object_ref_sink (ssv_segment_bar_new ());
  GtkWidget *window = gtk_window_new ();

  g_assert_cmpstr (ssv_segment_bar_get_description (SSV_SEGMENT_BAR (bar)), ==, "No segments marked by SponsorBlock");
  add_segment (segments, "selfpromo", 3600, 3660);
  add_segment (segments, "poi_highlight", 120, 120);
  ssv_segment_bar_set_segments (SSV_SEGMENT_BAR (bar), segments, 4000);
  g_assert_cmpstr (ssv_segment_bar_get_description (SSV_SEGMENT_BAR (bar)), ==,
                   "Self-promotion from 1:00:00 to 1:01:00; Highlight from 2:00 to 2:00");

  gtk_window_set_child (GTK_WINDOW (window), bar);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 40);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (bar_drawn, bar, "the bar drawn");
  g_assert_cmpuint (ssv_segment_bar_get_n_drawn (SSV_SEGMENT_BAR (bar)), ==, 2);
  ssv_ui_test_screenshot (window, "segment-bar");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (bar);
}

/* A channel of hundreds of videos shows its newest first, without waiting for the whole
 * catalog; the rest join the same grid after, its first cards kept. */
static void
test_newest_first (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "big.db", NULL);
  const char * const seasons[] = { "2024", "2023", "2022", NULL };
  SsvApplication *app;
  SsvWindow *window;
  SsvChannelPage *page;
  SsvVideoCard *card;
  guint first_count;
  guint in_2024 = 0;

  seed_big_channel (db_path);
  point_nowhere ();
  quiet_extras ();

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  page = open_channel (window, BIG_ID);
  wait_until (videos_shown, page, "the first videos");

  /* The first read: the newest screenful, not all of them. */
  first_count = g_list_model_get_n_items (ssv_channel_page_get_videos (page));
  g_assert_cmpuint (first_count, >, 0);
  g_assert_cmpuint (first_count, <, BIG_COUNT);
  g_assert_cmpstr (ssv_channel_get_title (ssv_channel_page_get_channel (page)), ==, "Big Channel");
  ssv_ui_test_iterate (100);
  card = first_card (page);
  g_assert_nonnull (card);
  g_assert_cmpstr (ssv_video_card_get_title (card), ==, "Upload number 300");

  /* Then every video, in year seasons; the card shown stays the same card. */
  wait_until (all_videos_read, page, "the rest of the videos");
  g_assert_cmpuint (g_list_model_get_n_items (ssv_channel_page_get_videos (page)), ==, BIG_COUNT);
  assert_seasons (page, seasons);
  for (guint i = 0; i < BIG_COUNT; i++)
    {
      g_autoptr(SsvVideo) video = g_list_model_get_item (ssv_channel_page_get_videos (page), i);

      in_2024 += ssv_video_get_year (video) == 2024;
    }
  g_assert_cmpuint (g_list_model_get_n_items (ssv_channel_page_get_shown (page)), ==, in_2024);
  ssv_ui_test_iterate (100);
  g_assert_true (first_card (page) == card);

  ssv_ui_test_stop_app (app);
}


typedef struct
{
  SsvWindow *window;
  guint      first_cards;   /* cards showing a video in the channel's first frame */
  guint      frames;
} FirstScreen;

static guint
count_cards (SsvChannelPage *page)
{
  GtkWidget *grid = ssv_channel_page_get_grid (page);
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = ssv_ui_test_find_widget_of_type (child, SSV_TYPE_VIDEO_CARD);

      n += card != NULL && ssv_video_card_get_video (SSV_VIDEO_CARD (card)) != NULL;
    }
  return n;
}

static void
first_screen_paint_cb (GdkFrameClock *clock,
                       FirstScreen   *first)
{
  SsvPage *page = ssv_window_get_visible_page (first->window);

  if (first->first_cards == 0 && SSV_IS_CHANNEL_PAGE (page))
    first->first_cards = count_cards (SSV_CHANNEL_PAGE (page));
  first->frames++;
}

static gboolean
shows_last_video (gpointer data)
{
  SsvChannelPage *page = data;
  GtkWidget *grid = ssv_channel_page_get_grid (page);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  g_autoptr(SsvVideo) last = g_list_model_get_item (ssv_channel_page_get_shown (page),
                                                    g_list_model_get_n_items (ssv_channel_page_get_shown (page)) - 1);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = ssv_ui_test_find_widget_of_type (child, SSV_TYPE_VIDEO_CARD);

      if (card != NULL && ssv_video_card_get_video (SSV_VIDEO_CARD (card)) == last)
        return TRUE;
    }
  return FALSE;
}

/* GTK 4.8's grid builds thirty rows of cards whatever it shows. The channel's first
 * frame builds those of a screen (the window's height in rows, three to a row), not
 * the 48 videos read first; the rest come after it, and every video can be scrolled to. */
static void
test_first_frame_first_screen (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "first-screen.db", NULL);
  FirstScreen first = { NULL, 0, 0 };
  SsvApplication *app;
  SsvWindow *window;
  SsvChannelPage *page;
  GdkFrameClock *clock;
  guint screen;
  gulong handler;

  seed_big_channel (db_path);
  point_nowhere ();
  quiet_extras ();

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  ssv_ui_test_iterate (300);
  first.window = window;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (first_screen_paint_cb), &first);

  page = open_channel (window, BIG_ID);
  wait_until (videos_shown, page, "the first videos");
  ssv_ui_test_iterate (300);
  g_signal_handler_disconnect (clock, handler);

  screen = gtk_grid_view_get_max_columns (GTK_GRID_VIEW (ssv_channel_page_get_grid (page))) *
           (gtk_widget_get_height (GTK_WIDGET (window)) / 160 + 1);
  g_test_message ("first frame: %u cards (a screen: %u), then %u", first.first_cards, screen, count_cards (page));
  g_assert_cmpuint (first.first_cards, >, 0);
  g_assert_cmpuint (first.first_cards, <=, screen);
  g_assert_cmpuint (count_cards (page), >, first.first_cards);

  wait_until (all_videos_read, page, "the rest of the videos");
  wait_until (shows_last_video, page, "the last video's card");

  ssv_ui_test_stop_app (app);
}

int
main (int    argc,
      char **argv)
{
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-ui-channel-page-XXXXXX", NULL);

  g_test_add_func ("/ui/channel-page/cached-without-network", test_cached_channel);
  g_test_add_func ("/ui/channel-page/comes-with-its-videos", test_comes_with_its_videos);
  g_test_add_func ("/ui/channel-page/newest-first-then-the-rest", test_newest_first);
  g_test_add_func ("/ui/channel-page/first-frame-first-screen", test_first_frame_first_screen);
  g_test_add_func ("/ui/channel-page/changed-youtube-keeps-videos", test_changed_youtube);
  g_test_add_func ("/ui/channel-page/first-open-loads", test_first_open);
  g_test_add_func ("/ui/channel-page/first-open-offline", test_first_open_offline);
  g_test_add_func ("/ui/video-dialog/segments-votes-wish", test_video_dialog);
  g_test_add_func ("/ui/video-card/shows-its-video", test_video_card_alone);
  g_test_add_func ("/ui/video-card/one-widget-draws-it-all", test_video_card_draws_it_all);
  g_test_add_func ("/ui/segment-bar/describes-its-segments", test_segment_bar_alone);

  result = g_test_run ();

  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
