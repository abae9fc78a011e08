/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-yt-lanes.c: YouTube beside the shows: the calendar's lane of the followed channels'
 * uploads under each day (no Shorts, no premieres to come, no channel not followed), a card
 * opening the video's dialog; the wishlist's Videos tab grouping wished videos under their
 * channel, newest first, saying where each download stands, with Remove, searched and sorted
 * by the page's search and sort; the Channels page
 * listing followed channels with their unseen uploads; and "Wish New Uploads" on a channel's page. */

#include "config.h"

#include <string.h>

#include "dialogs/ssv-video-dialog.h"
#include "pages/ssv-calendar-page.h"
#include "pages/ssv-channel-page-private.h"
#include "pages/ssv-channels-page.h"
#include "pages/ssv-wishlist-page.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "widgets/ssv-channel-card.h"
#include "widgets/ssv-channel-list.h"
#include "widgets/ssv-video-card.h"
#include "widgets/ssv-wishlist-videos.h"
#include "stores/ssv-channel-store.h"
#include "stores/ssv-watchlist-store.h"

#define ALPHA_ID "UCalphaaaaaaaaaaaaaaaaaa"
#define BETA_ID  "UCbetaaaaaaaaaaaaaaaaaaa"
#define OTHER_ID "UCotheraaaaaaaaaaaaaaaaa"

static char *tmp_dir;

/* ---- seeding ------------------------------------------------------------------------- */

static void
add_video (GPtrArray  *videos,
           const char *id,
           const char *title,
           gint64      published,
           gboolean    is_short,
           gboolean    upcoming)
{
  SsvYtVideo *video = ssv_yt_video_new ();

  video->video_id = g_strdup (id);
  video->title = g_strdup (title);
  video->published = published;
  video->date_exact = TRUE;
  video->duration_s = 600;
  video->views = 1000;
  video->is_short = is_short;
  video->upcoming = upcoming;
  g_ptr_array_add (videos, video);
}

static void
save_channel (SsvChannelStore *store,
              const char      *channel_id,
              const char      *title,
              GPtrArray       *videos)
{
  g_autoptr(SsvYtChannelMeta) meta = ssv_yt_channel_meta_new ();
  g_autoptr(GError) error = NULL;
  SsvChannelRefresh refresh = { "innertube", TRUE, NULL, NULL };

  meta->channel_id = g_strdup (channel_id);
  meta->title = g_strdup (title);
  g_assert_true (ssv_channel_store_save_meta (store, meta, &error));
  g_assert_true (ssv_channel_store_save_videos (store, channel_id, videos, TRUE, 0, &error));
  g_assert_true (ssv_channel_store_record_refresh (store, channel_id, &refresh,
                                                   g_get_real_time () / G_USEC_PER_SEC, &error));
  g_assert_no_error (error);
}

static void
follow (SsvDatabase *db,
        const char  *channel_id,
        const char  *title)
{
  g_autoptr(SsvWatchlistStore) watchlist = ssv_watchlist_store_new (db);
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_watchlist_store_set_followed (watchlist, SSV_WATCH_KIND_CHANNEL, "youtube", channel_id, TRUE,
                                                   title, NULL, &error));
  g_assert_no_error (error);
}

static void
exec (SsvDatabase *db,
      const char  *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* Every YouTube service at an address where nothing listens, and no extras asked. */
static void
quiet_youtube (void)
{
  const char * const services[] = { "SSV_YOUTUBE_URL", "SSV_SPONSORBLOCK_URL", "SSV_RYD_URL", "SSV_DEARROW_URL" };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    g_setenv (services[i], "http://127.0.0.1:9", TRUE);
  g_settings_set_boolean (settings, "youtube-sponsorblock", FALSE);
  g_settings_set_boolean (settings, "youtube-dearrow", FALSE);
  g_settings_set_boolean (settings, "youtube-return-dislikes", FALSE);
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
window_shown (gpointer data)
{
  return ssv_ui_test_find_window (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
calendar_loaded (gpointer data)
{
  return !ssv_calendar_page_get_loading (data) &&
         g_strcmp0 (ssv_calendar_page_get_state (data), "loading") != 0;
}

static void
close_video_dialog (const char *expected_id)
{
  GtkWidget *dialog;

  wait_until (window_shown, GSIZE_TO_POINTER (SSV_TYPE_VIDEO_DIALOG), "the video's dialog");
  dialog = ssv_ui_test_find_window (SSV_TYPE_VIDEO_DIALOG);
  g_assert_cmpstr (ssv_video_get_video_id (ssv_video_dialog_get_video (SSV_VIDEO_DIALOG (dialog))), ==, expected_id);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ssv_ui_test_iterate (100);
}

/* ---- the calendar's lane ---------------------------------------------------------------- */

static void
seed_calendar (const char *db_path,
               gint64      today_at,
               gint64      tomorrow_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);
  g_autoptr(SsvChannelStore) store = NULL;
  g_autoptr(GPtrArray) alpha = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  g_autoptr(GPtrArray) other = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);

  g_assert_no_error (error);
  store = ssv_channel_store_new (db);
  add_video (alpha, "alphatoday1", "Out Today", today_at, FALSE, FALSE);
  add_video (alpha, "alphashort1", "A Short Today", today_at, TRUE, FALSE);
  add_video (alpha, "alphaprem01", "Premiere Tomorrow", tomorrow_at, FALSE, TRUE);
  add_video (alpha, "alphaweek01", "Out Last Week", today_at - 7 * 86400, FALSE, FALSE);
  save_channel (store, ALPHA_ID, "Alpha Channel", alpha);
  add_video (other, "othertoday1", "Not Followed", today_at, FALSE, FALSE);
  save_channel (store, OTHER_ID, "Other Channel", other);
  follow (db, ALPHA_ID, "Alpha Channel");
}

static void
test_calendar_uploads_lane (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "calendar.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now), 0, 0, 0);
  gint64 today_at = MAX (g_date_time_to_unix (now) - 60, g_date_time_to_unix (midnight) + 1);
  SsvApplication *app;
  SsvWindow *window;
  SsvCalendarPage *page;
  GListModel *today;
  GtkWidget *card;

  seed_calendar (db_path, today_at, g_date_time_to_unix (midnight) + 86400 + 3600);
  quiet_youtube ();

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  g_assert_true (ssv_window_show_page (window, "calendar"));
  page = SSV_CALENDAR_PAGE (ssv_window_get_visible_page (window));
  wait_until (calendar_loaded, page, "the calendar");

  /* No episode at all, yet the week is not empty: today has the followed channel's upload,
   * and only it (no Short, no channel not followed); tomorrow's premiere is not out yet. */
  g_assert_cmpstr (ssv_calendar_page_get_state (page), ==, "content");
  today = ssv_calendar_page_get_day_uploads (page, 0);
  g_assert_cmpuint (g_list_model_get_n_items (today), ==, 1);
  {
    g_autoptr(SsvVideo) video = g_list_model_get_item (today, 0);

    g_assert_cmpstr (ssv_video_get_video_id (video), ==, "alphatoday1");
    g_assert_cmpstr (ssv_video_get_channel_title (video), ==, "Alpha Channel");
  }
  for (guint d = 1; d < SSV_CALENDAR_DAYS; d++)
    g_assert_cmpuint (g_list_model_get_n_items (ssv_calendar_page_get_day_uploads (page, d)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ssv_calendar_page_get_day_entries (page, 0)), ==, 0);

  ssv_ui_test_iterate (300);
  card = ssv_calendar_page_find_upload_card (page, "alphatoday1");
  g_assert_nonnull (card);
  g_assert_cmpstr (ssv_video_card_get_title (SSV_VIDEO_CARD (card)), ==, "Out Today");
  g_assert_true (gtk_widget_get_mapped (card));
  g_assert_null (ssv_calendar_page_find_upload_card (page, "alphashort1"));
  ssv_ui_test_screenshot (GTK_WIDGET (window), "calendar-uploads-lane");

  /* A click on the card opens the video's dialog. */
  g_signal_emit_by_name (gtk_widget_get_parent (card), "activate");
  close_video_dialog ("alphatoday1");

  /* The week before has last week's upload on its day. */
  gtk_widget_activate_action (GTK_WIDGET (page), "calendar.previous-week", NULL);
  wait_until (calendar_loaded, page, "the week before");
  g_assert_cmpuint (g_list_model_get_n_items (ssv_calendar_page_get_day_uploads (page, 0)), ==, 1);
  g_assert_nonnull (ssv_calendar_page_find_upload_card (page, "alphaweek01"));

  ssv_ui_test_stop_app (app);
}

/* ---- the wishlist's Videos tab ------------------------------------------------------------ */

static void
seed_wishlist (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);
  g_autoptr(SsvChannelStore) store = NULL;
  g_autoptr(GPtrArray) alpha = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  g_autoptr(GPtrArray) beta = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  const char * const wished[] = { "betaolder01", "alphaold001", "alphanew001", "betanewer01" };

  g_assert_no_error (error);
  store = ssv_channel_store_new (db);
  add_video (alpha, "alphanew001", "Alpha's newest", 1717243200, FALSE, FALSE);     /* 2024-06-01 */
  add_video (alpha, "alphaold001", "Alpha's oldest", 1704110400, FALSE, FALSE);     /* 2024-01-01 */
  add_video (alpha, "alphanot001", "Alpha's unwished", 1710000000, FALSE, FALSE);
  save_channel (store, ALPHA_ID, "Alpha Channel", alpha);
  add_video (beta, "betanewer01", "Beta's newer", 1709294400, FALSE, FALSE);        /* 2024-03-01 */
  add_video (beta, "betaolder01", "Beta's older & <odd>", 1706788800, FALSE, FALSE); /* 2024-02-01 */
  save_channel (store, BETA_ID, "Beta Channel", beta);

  for (guint i = 0; i < G_N_ELEMENTS (wished); i++)
    {
      g_assert_true (ssv_channel_store_set_wished (store, wished[i], TRUE, &error));
      g_assert_no_error (error);
    }

  /* Where yt-dlp stands: one done, one failed for good, one failed to be tried again. */
  exec (db, "INSERT INTO yt_downloads (video_row, state, attempts, last_error, path, updated_at)"
            " SELECT id, 'done', 1, NULL, '/videos/a.mkv', 1 FROM yt_videos WHERE video_id = 'alphanew001'");
  exec (db, "UPDATE yt_videos SET downloaded_path = '/videos/a.mkv' WHERE video_id = 'alphanew001'");
  exec (db, "INSERT INTO yt_downloads (video_row, state, attempts, last_error, updated_at)"
            " SELECT id, 'failed', 4, 'This video is private', 1 FROM yt_videos WHERE video_id = 'alphaold001'");
  exec (db, "INSERT INTO yt_downloads (video_row, state, attempts, last_error, updated_at)"
            " SELECT id, 'failed', 1, 'HTTP Error 403', 1 FROM yt_videos WHERE video_id = 'betanewer01'");
}

static gboolean
videos_loaded (gpointer data)
{
  return g_strcmp0 (ssv_wishlist_videos_get_state (data), "content") == 0;
}

static gboolean
three_videos (gpointer data)
{
  return g_list_model_get_n_items (ssv_wishlist_videos_get_videos (data)) == 3;
}

static const char *
row_header (SsvWishlistVideos *videos,
            const char        *video_id)
{
  GtkWidget *row = ssv_wishlist_videos_find_row (videos, video_id);
  GtkWidget *header;

  g_assert_nonnull (row);
  header = gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row));
  return header != NULL ? gtk_label_get_text (GTK_LABEL (header)) : NULL;
}

static const char *
row_subtitle (SsvWishlistVideos *videos,
              const char        *video_id)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (ssv_wishlist_videos_find_row (videos, video_id)));
}

static void
test_wishlist_videos_tab (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "wishlist.db", NULL);
  const char * const order[] = { "alphanew001", "alphaold001", "betanewer01", "betaolder01" };
  SsvApplication *app;
  SsvWindow *window;
  SsvWishlistPage *page;
  SsvWishlistVideos *videos;
  GListModel *shown;

  seed_wishlist (db_path);
  quiet_youtube ();

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  g_assert_true (ssv_window_show_page (window, "wishlist"));
  page = SSV_WISHLIST_PAGE (ssv_window_get_visible_page (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "wishlist.show-view", "s", "videos"));
  videos = SSV_WISHLIST_VIDEOS (ssv_ui_test_find_widget_of_type (GTK_WIDGET (page), SSV_TYPE_WISHLIST_VIDEOS));
  g_assert_nonnull (videos);
  wait_until (videos_loaded, videos, "the wished videos");

  /* By channel, newest first in each; the unwished video is not there. */
  shown = ssv_wishlist_videos_get_videos (videos);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(SsvVideo) video = g_list_model_get_item (shown, i);

      g_assert_cmpstr (ssv_video_get_video_id (video), ==, order[i]);
    }
  ssv_ui_test_iterate (200);
  g_assert_cmpstr (row_header (videos, "alphanew001"), ==, "Alpha Channel");
  g_assert_null (row_header (videos, "alphaold001"));
  g_assert_cmpstr (row_header (videos, "betanewer01"), ==, "Beta Channel");
  g_assert_null (row_header (videos, "betaolder01"));

  /* Each row says where its download stands, the reason of a failure in plain words. */
  g_assert_nonnull (strstr (row_subtitle (videos, "alphanew001"), "Downloaded"));
  g_assert_nonnull (strstr (row_subtitle (videos, "alphaold001"), "Download failed after 4 tries: This video is private"));
  g_assert_nonnull (strstr (row_subtitle (videos, "betanewer01"), "trying again later: HTTP Error 403"));
  g_assert_nonnull (strstr (row_subtitle (videos, "betaolder01"), "Not downloaded yet"));
  g_assert_nonnull (strstr (row_subtitle (videos, "betanewer01"), "2024"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ssv_wishlist_videos_find_row (videos, "betaolder01"))),
                   ==, "Beta's older & <odd>");
  ssv_ui_test_screenshot (GTK_WIDGET (window), "wishlist-videos");

  /* A row opens the video's dialog. */
  g_signal_emit_by_name (ssv_wishlist_videos_find_row (videos, "betanewer01"), "activate");
  close_video_dialog ("betanewer01");

  /* Remove takes it off the wishlist, and the row goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (videos), "wishlist-videos.remove", "s", "betanewer01"));
  wait_until (three_videos, videos, "the removed video to go");
  g_assert_null (ssv_wishlist_videos_find_row (videos, "betanewer01"));
  g_assert_cmpstr (row_header (videos, "betaolder01"), ==, "Beta Channel");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_cmpint (ssv_test_query_int (db, "SELECT count (*) FROM wishlist WHERE kind = 'video'"), ==, 3);
  }

  ssv_ui_test_stop_app (app);
}

/* The wished videos of seed_wishlist(), then @sql on them. */
static void
seed_wishlist_then (const char *db_path,
                    const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = NULL;

  seed_wishlist (db_path);
  db = ssv_database_open (db_path, &error);
  g_assert_no_error (error);
  exec (db, sql);
}

/* The page with its Videos tab shown, once the wished videos are read. */
static SsvWishlistVideos *
open_videos_tab (SsvApplication   *app,
                 SsvWishlistPage **page_out)
{
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvWishlistPage *page;
  SsvWishlistVideos *videos;

  g_assert_true (ssv_window_show_page (window, "wishlist"));
  page = SSV_WISHLIST_PAGE (ssv_window_get_visible_page (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "wishlist.show-view", "s", "videos"));
  videos = SSV_WISHLIST_VIDEOS (ssv_ui_test_find_widget_of_type (GTK_WIDGET (page), SSV_TYPE_WISHLIST_VIDEOS));
  g_assert_nonnull (videos);
  wait_until (videos_loaded, videos, "the wished videos");
  *page_out = page;
  return videos;
}

/* The shown videos' ids, joined by " ". */
static char *
dup_shown_ids (SsvWishlistVideos *videos)
{
  GListModel *shown = ssv_wishlist_videos_get_videos (videos);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(SsvVideo) video = g_list_model_get_item (shown, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", ssv_video_get_video_id (video));
    }
  return g_string_free (ids, FALSE);
}

typedef struct
{
  SsvWishlistVideos *videos;
  const char        *ids;
} ShownWait;

static gboolean
shows_ids (gpointer data)
{
  ShownWait *wait = data;
  g_autofree char *ids = dup_shown_ids (wait->videos);

  return g_strcmp0 (ids, wait->ids) == 0;
}

/* Waits until exactly @ids (in that order) show, or fails saying what did. */
static void
assert_shown (SsvWishlistVideos *videos,
              const char        *ids)
{
  ShownWait wait = { videos, ids };

  if (!ssv_test_wait_for (shows_ids, &wait, 30000))
    {
      g_autofree char *shown = dup_shown_ids (videos);

      g_error ("Shown: “%s”; expected “%s”", shown, ids);
    }
}

/* Types into the page's search entry, as a person does. */
static void
type_search (SsvWishlistPage *page,
             const char      *text)
{
  GtkWidget *entry = ssv_ui_test_find_widget_of_type (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* The page's search narrows the Videos tab to the videos whose title or channel has the
 * words, the DeArrow title too while those titles are shown; a search that hides them all
 * says so, and clearing it brings every video back. */
static void
test_wishlist_videos_search (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "wishlist-search.db", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  SsvApplication *app;
  SsvWishlistPage *page;
  SsvWishlistVideos *videos;

  seed_wishlist_then (db_path, "UPDATE yt_videos SET dearrow_title = 'How gamma rays work'"
                               " WHERE video_id = 'alphaold001'");
  quiet_youtube ();
  g_settings_set_boolean (settings, "youtube-dearrow-titles", FALSE);

  app = ssv_ui_test_start_app (db_path);
  videos = open_videos_tab (app, &page);
  assert_shown (videos, "alphanew001 alphaold001 betanewer01 betaolder01");

  /* By title, any case: Beta's older one only, under its channel's name. */
  type_search (page, "OLDER");
  assert_shown (videos, "betaolder01");
  g_assert_cmpstr (ssv_wishlist_videos_get_state (videos), ==, "content");
  ssv_ui_test_iterate (100);
  g_assert_cmpstr (row_header (videos, "betaolder01"), ==, "Beta Channel");
  ssv_ui_test_screenshot (GTK_WIDGET (page), "wishlist-videos-search");

  /* By channel name. */
  type_search (page, "alpha chan");
  assert_shown (videos, "alphanew001 alphaold001");

  /* The DeArrow title counts only while those titles are shown. */
  type_search (page, "gamma");
  assert_shown (videos, "");
  g_assert_cmpstr (ssv_wishlist_videos_get_state (videos), ==, "no-match");
  ssv_ui_test_screenshot (GTK_WIDGET (page), "wishlist-videos-no-match");
  g_settings_set_boolean (settings, "youtube-dearrow-titles", TRUE);
  assert_shown (videos, "alphaold001");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ssv_wishlist_videos_find_row (videos, "alphaold001"))),
                   ==, "How gamma rays work");
  g_settings_set_boolean (settings, "youtube-dearrow-titles", FALSE);

  /* Cleared: everything again. */
  type_search (page, "");
  assert_shown (videos, "alphanew001 alphaold001 betanewer01 betaolder01");
  g_assert_cmpstr (ssv_wishlist_videos_get_state (videos), ==, "content");

  ssv_ui_test_stop_app (app);
}

/* The page's sort orders each channel's videos: newest, oldest or by title; the channels stay
 * grouped, by name, whatever the sort. */
static void
test_wishlist_videos_sort (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "wishlist-sort.db", NULL);
  SsvApplication *app;
  SsvWishlistPage *page;
  SsvWishlistVideos *videos;

  /* By title Alpha's newest comes last, so no sort by date gives the title order. */
  seed_wishlist_then (db_path, "UPDATE yt_videos SET title = 'Zebra crossings' WHERE video_id = 'alphanew001'");
  quiet_youtube ();

  app = ssv_ui_test_start_app (db_path);
  videos = open_videos_tab (app, &page);
  assert_shown (videos, "alphanew001 alphaold001 betanewer01 betaolder01");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "wishlist.sort", "s", "oldest"));
  assert_shown (videos, "alphaold001 alphanew001 betaolder01 betanewer01");
  ssv_ui_test_iterate (100);
  g_assert_cmpstr (row_header (videos, "alphaold001"), ==, "Alpha Channel");
  g_assert_null (row_header (videos, "alphanew001"));
  g_assert_cmpstr (row_header (videos, "betaolder01"), ==, "Beta Channel");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "wishlist.sort", "s", "title"));
  assert_shown (videos, "alphaold001 alphanew001 betanewer01 betaolder01");
  ssv_ui_test_screenshot (GTK_WIDGET (page), "wishlist-videos-by-title");

  /* Sorted and searched at once. */
  type_search (page, "beta");
  assert_shown (videos, "betanewer01 betaolder01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "wishlist.sort", "s", "oldest"));
  assert_shown (videos, "betaolder01 betanewer01");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "wishlist.sort", "s", "newest"));
  type_search (page, "");
  assert_shown (videos, "alphanew001 alphaold001 betanewer01 betaolder01");

  ssv_ui_test_stop_app (app);
}

/* The tab alone, without a context: empty, and it goes away whole. */
static void
test_wishlist_videos_alone (void)
{
  GtkWidget *videos = g_object_ref_sink (ssv_wishlist_videos_new (NULL));

  g_assert_cmpstr (ssv_wishlist_videos_get_state (SSV_WISHLIST_VIDEOS (videos)), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (ssv_wishlist_videos_get_videos (SSV_WISHLIST_VIDEOS (videos))), ==, 0);
  g_assert_finalize_object (videos);
}

/* ---- the Channels page and "Wish New Uploads" -------------------------------------------- */

/* Alpha followed a day ago with two uploads since and one before; Beta saved, not followed. */
static void
seed_channels (const char *db_path,
               gint64      now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);
  g_autoptr(SsvChannelStore) store = NULL;
  g_autoptr(GPtrArray) alpha = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  g_autoptr(GPtrArray) beta = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  g_autofree char *backdate = g_strdup_printf ("UPDATE watchlist SET added_at = %" G_GINT64_FORMAT, now - 86400);

  g_assert_no_error (error);
  store = ssv_channel_store_new (db);
  add_video (alpha, "alphanew001", "New one", now - 3600, FALSE, FALSE);
  add_video (alpha, "alphanew002", "New two", now - 7200, FALSE, FALSE);
  add_video (alpha, "alphaold001", "Seen before", now - 3 * 86400, FALSE, FALSE);
  save_channel (store, ALPHA_ID, "Alpha Channel", alpha);
  add_video (beta, "betaolder01", "Beta's", now - 3600, FALSE, FALSE);
  save_channel (store, BETA_ID, "Beta Channel", beta);
  follow (db, ALPHA_ID, "Alpha Channel");
  exec (db, backdate);
}

static gboolean
channels_shown (gpointer data)
{
  return g_strcmp0 (ssv_channel_list_get_state (data), "grid") == 0;
}

static gboolean
not_following (gpointer data)
{
  return !ssv_channel_list_is_following (data);
}

/* The window shows a channel's page once the page has read its first screenful. */
static gboolean
channel_page_visible (gpointer data)
{
  return SSV_IS_CHANNEL_PAGE (ssv_window_get_visible_page (data));
}

static gboolean
channel_read (gpointer data)
{
  return ssv_channel_page_get_channel (data) != NULL;
}

static gboolean
badge_gone (gpointer data)
{
  return ssv_channel_card_get_new_text (data) == NULL;
}

static gboolean
is_wish_toggle (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "channel.wish-new-uploads") == 0;
}

typedef struct
{
  const char *db_path;
  GtkWidget  *toggle;
  gint64      expected;
} WishState;

static gboolean
wish_stored (gpointer data)
{
  WishState *state = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (state->db_path, &error);

  g_assert_no_error (error);
  return ssv_test_query_int (db, "SELECT wish_new_uploads FROM yt_channels WHERE channel_id = '" ALPHA_ID "'") ==
         state->expected &&
         gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (state->toggle)) == (state->expected != 0);
}

static void
test_channels_page (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "channels.db", NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  SsvApplication *app;
  SsvWindow *window;
  SsvChannelsPage *page;
  SsvChannelList *list;
  SsvChannelCard *card;
  SsvPage *visible;
  GtkWidget *toggle;
  WishState wish = { db_path, NULL, 1 };

  seed_channels (db_path, now);
  quiet_youtube ();

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  g_assert_true (ssv_window_show_page (window, "channels"));
  page = SSV_CHANNELS_PAGE (ssv_window_get_visible_page (window));
  list = SSV_CHANNEL_LIST (ssv_channels_page_get_list (page));
  wait_until (channels_shown, list, "the followed channels");

  /* The followed channel only, with its name and the uploads not seen yet. */
  g_assert_cmpuint (g_list_model_get_n_items (ssv_channel_list_get_channels (list)), ==, 1);
  ssv_ui_test_iterate (300);
  card = SSV_CHANNEL_CARD (ssv_ui_test_find_widget_of_type (ssv_channel_list_get_grid (list), SSV_TYPE_CHANNEL_CARD));
  g_assert_nonnull (card);
  g_assert_cmpstr (ssv_channel_get_title (ssv_channel_card_get_channel (card)), ==, "Alpha Channel");
  g_assert_cmpstr (ssv_channel_card_get_new_text (card), ==, "2 new");
  ssv_ui_test_screenshot (GTK_WIDGET (window), "channels-page");

  /* The box refuses a video's address in the service's words, and follows nothing. */
  ssv_channel_list_set_text (list, "https://www.youtube.com/watch?v=D0WQK7cMJn8");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "channels.follow", NULL));
  wait_until (not_following, list, "the refused follow");
  g_assert_nonnull (ssv_channel_list_get_error (list));
  g_assert_nonnull (strstr (ssv_channel_list_get_error (list), "address of a video"));
  g_assert_cmpuint (g_list_model_get_n_items (ssv_channel_list_get_channels (list)), ==, 1);

  /* A card opens the channel's page. */
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (card)), "activate");
  wait_until (channel_page_visible, window, "the channel's page");
  visible = ssv_window_get_visible_page (window);
  g_assert_true (SSV_IS_CHANNEL_PAGE (visible));
  g_assert_cmpstr (ssv_channel_page_get_channel_id (SSV_CHANNEL_PAGE (visible)), ==, ALPHA_ID);
  wait_until (channel_read, visible, "the channel");

  /* "Wish New Uploads" shows on a followed channel, off; switching it on is stored. */
  ssv_ui_test_iterate (200);
  toggle = ssv_ui_test_find_widget (GTK_WIDGET (visible), is_wish_toggle, NULL);
  g_assert_nonnull (toggle);
  g_assert_true (gtk_widget_get_visible (toggle));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  wish.toggle = toggle;
  g_assert_true (gtk_widget_activate_action (toggle, "channel.wish-new-uploads", NULL));
  wait_until (wish_stored, &wish, "the switch stored on");
  ssv_ui_test_screenshot (GTK_WIDGET (window), "channel-wish-new-uploads");
  wish.expected = 0;
  g_assert_true (gtk_widget_activate_action (toggle, "channel.wish-new-uploads", NULL));
  wait_until (wish_stored, &wish, "the switch stored off");

  /* The visit saw the new uploads: the card's badge goes. */
  wait_until (badge_gone, card, "the seen uploads");

  ssv_ui_test_stop_app (app);
}

/* The list alone, without a context: empty, and it goes away whole. */
static void
test_channel_list_alone (void)
{
  GtkWidget *list = g_object_ref_sink (ssv_channel_list_new (NULL));

  g_assert_cmpstr (ssv_channel_list_get_state (SSV_CHANNEL_LIST (list)), ==, "empty");
  g_assert_null (ssv_channel_list_get_error (SSV_CHANNEL_LIST (list)));
  g_assert_finalize_object (list);
}

int
main (int    argc,
      char **argv)
{
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-ui-yt-lanes-XXXXXX", NULL);

  g_test_add_func ("/ui/calendar/uploads-lane", test_calendar_uploads_lane);
  g_test_add_func ("/ui/wishlist-videos/grouped-with-downloads", test_wishlist_videos_tab);
  g_test_add_func ("/ui/wishlist-videos/search-title-channel-dearrow", test_wishlist_videos_search);
  g_test_add_func ("/ui/wishlist-videos/sort-within-channels", test_wishlist_videos_sort);
  g_test_add_func ("/ui/wishlist-videos/alone", test_wishlist_videos_alone);
  g_test_add_func ("/ui/channels-page/followed-new-uploads-wish", test_channels_page);
  g_test_add_func ("/ui/channel-list/alone", test_channel_list_alone);

  result = g_test_run ();

  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
