/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-downloads.c: the release search dialog against fake indexers (accepted first, rejected
 * with reasons, a failed indexer's message), Grab into a real transmission-daemon, the Downloads
 * page's card and Cancel, the buttons of the "Ready" notification, and the row and card
 * widgets on their own (each finalized). */

#include "config.h"

#include <string.h>

#include "model/ssv-calendar-entry-private.h"
#include "widgets/ssv-download-card.h"
#include "model/ssv-download-private.h"
#include "pages/ssv-downloads-page.h"
#include "dialogs/ssv-episode-dialog.h"
#include "ssv-error.h"
#include "ssv-fake-indexer.h"
#include "ssv-follow-set.h"
#include "widgets/ssv-release-row.h"
#include "dialogs/ssv-release-search-dialog.h"
#include "ssv-test-daemon.h"
#include "pages/ssv-title-page-private.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "downloads/ssv-download-monitor.h"
#include "stores/ssv-download-store.h"

#define INDEXER_KEY "ui-test-key"
#define GOOD_HASH "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

static char *tmp_dir;

/* A Torznab feed: the film in two qualities, and a film of another name. */
static const char heat_feed[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<rss version=\"1.0\" xmlns:torznab=\"http://torznab.com/schemas/2015/feed\"><channel><title>Fake</title>\n"
  "<item><title>Heat.Wave.2022.1080p.WEB-DL.x264-GRP</title><guid>wave</guid>"
  "<pubDate>Sat, 11 Apr 2015 21:34:00 -0600</pubDate><size>4000000000</size>"
  "<link>magnet:?xt=urn:btih:cccccccccccccccccccccccccccccccccccccccc</link>"
  "<torznab:attr name=\"seeders\" value=\"90\"/>"
  "<torznab:attr name=\"magneturl\" value=\"magnet:?xt=urn:btih:cccccccccccccccccccccccccccccccccccccccc\"/></item>\n"
  "<item><title>Heat.1995.720p.WEB-DL.x264-GRP</title><guid>h720</guid>"
  "<pubDate>Sat, 11 Apr 2015 21:34:00 -0600</pubDate><size>3000000000</size>"
  "<link>magnet:?xt=urn:btih:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb</link>"
  "<torznab:attr name=\"seeders\" value=\"10\"/>"
  "<torznab:attr name=\"magneturl\" value=\"magnet:?xt=urn:btih:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"/></item>\n"
  "<item><title>Heat.1995.1080p.BluRay.x264-GRP</title><guid>h1080</guid>"
  "<pubDate>Sat, 11 Apr 2015 21:34:00 -0600</pubDate><size>8000000000</size>"
  "<link>magnet:?xt=urn:btih:" GOOD_HASH "</link>"
  "<torznab:attr name=\"seeders\" value=\"50\"/>"
  "<torznab:attr name=\"magneturl\" value=\"magnet:?xt=urn:btih:" GOOD_HASH "\"/></item>\n"
  "</channel></rss>\n";

typedef struct
{
  SsvApplication      *app;
  SsvWindow           *window;
  SsvContext          *context;
  SsvFakeIndexer      *good;
  SsvFakeIndexer      *broken;
  SsvTestClientDaemon *daemon;
  char                *save_dir;
} Session;

static void
store_secret (SsvContext *context,
              const char *key,
              const char *secret)
{
  g_autoptr(GError) error = NULL;

  ssv_secrets_store_sync (ssv_context_get_secrets (context), key, "test", secret, NULL, &error);
  g_assert_no_error (error);
}

static void
add_indexer (Session    *s,
             const char *name,
             const char *url)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  gint64 id = ssv_download_store_add_indexer (ssv_context_get_download_store (s->context), "torznab", name, url,
                                              &error);

  g_assert_no_error (error);
  key = ssv_secrets_indexer_key (id);
  store_secret (s->context, key, INDEXER_KEY);
}

static void
session_start (Session    *s,
               const char *db_name)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, db_name, NULL);

  s->app = ssv_ui_test_start_app (db_path);
  s->window = ssv_ui_test_wait_for_window (s->app);
  s->context = ssv_application_get_context (s->app);
}

static void
session_stop (Session *s)
{
  ssv_ui_test_stop_app (s->app);
  g_clear_pointer (&s->good, ssv_fake_indexer_free);
  g_clear_pointer (&s->broken, ssv_fake_indexer_free);
  g_clear_pointer (&s->daemon, ssv_test_client_daemon_free);
  g_free (s->save_dir);
}

static gboolean
search_done (gpointer data)
{
  return !ssv_release_search_dialog_is_searching (data);
}

static gboolean
one_answered (gpointer data)
{
  return g_strcmp0 (ssv_release_search_dialog_get_progress (data), "1 of 2 indexers answered") == 0;
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (SSV_IS_RELEASE_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static gboolean
is_action_row_of (GtkWidget     *widget,
                  gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The attempts badge: "2×", shown, and said in words to a screen reader. */
static gboolean
is_badge_reading (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0 &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "2 attempts") == 0;
}

/* ---- the dialog with no indexer --------------------------------------------------- */

static gboolean
is_status_page_titled (GtkWidget     *widget,
                       gconstpointer  title)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

static gboolean
shows_no_indexers (gpointer dialog)
{
  return ssv_ui_test_find_widget (GTK_WIDGET (dialog), is_status_page_titled, "No Indexers") != NULL;
}

/* Opened from the calendar's episode dialog, it searches that episode, and with no indexer
 * it says how to add one rather than searching nothing. */
static void
test_no_indexer (void)
{
  Session s = { 0 };
  g_autoptr(SsvCalendarEntry) entry = ssv_calendar_entry_new ();
  g_autoptr(SsvFollowSet) follow_set = NULL;
  SsvEpisodeDialog *episode_dialog;
  SsvReleaseSearchDialog *dialog;
  GtkWidget *empty;

  session_start (&s, "none.db");
  entry->episode_id = 9;
  entry->show_title = g_strdup ("The Fix");
  entry->season_number = 1;
  entry->episode_number = 2;
  entry->title = g_strdup ("Pilot");
  entry->airs = g_date_time_new_local (2026, 12, 6, 0, 0, 0);
  follow_set = ssv_follow_set_new (ssv_context_get_watchlist_store (s.context), SSV_WATCH_KIND_SHOW);
  episode_dialog = ssv_episode_dialog_new (s.context, follow_set, entry);
  gtk_window_set_transient_for (GTK_WINDOW (episode_dialog), GTK_WINDOW (s.window));
  gtk_window_present (GTK_WINDOW (episode_dialog));
  ssv_ui_test_iterate (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (episode_dialog), "episode.search-releases", NULL));

  dialog = SSV_RELEASE_SEARCH_DIALOG (ssv_ui_test_find_window (SSV_TYPE_RELEASE_SEARCH_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "The Fix · S01E02");
  g_assert_true (ssv_test_wait_for (search_done, dialog, 20000));
  /* The status page is shown (mapped) once the dialog has drawn its answer. */
  g_assert_true (ssv_test_wait_for (shows_no_indexers, dialog, 20000));
  empty = ssv_ui_test_find_widget (GTK_WIDGET (dialog), is_status_page_titled, "No Indexers");
  g_assert_nonnull (empty);
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (empty)), "indexer add"));
  ssv_ui_test_screenshot (GTK_WIDGET (dialog), "release-search-no-indexer");
  gtk_window_destroy (GTK_WINDOW (dialog));
  session_stop (&s);
}

/* A movie's page searches that movie. */
static gboolean
title_loaded (gpointer data)
{
  SsvPage *page = ssv_window_get_visible_page (data);

  return SSV_IS_TITLE_PAGE (page) && g_strcmp0 (ssv_title_page_get_state (SSV_TITLE_PAGE (page)), "content") == 0;
}

static void
test_title_page (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "title.db", NULL);
  g_autoptr(GError) error = NULL;
  Session s = { 0 };
  SsvReleaseSearchDialog *dialog;
  SsvPage *page;

  {
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_no_error (error);
    ssv_database_exec (db, "INSERT INTO movies (id, title, year) VALUES (1, 'Heat', 1995)", &error);
    g_assert_no_error (error);
  }
  session_start (&s, "title.db");
  gtk_widget_activate_action (GTK_WIDGET (s.window), "win.show-movie", "x", (gint64) 1);
  g_assert_true (ssv_test_wait_for (title_loaded, s.window, 20000));
  page = ssv_window_get_visible_page (s.window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "title.search-releases", "(ii)", -1, -1));
  dialog = SSV_RELEASE_SEARCH_DIALOG (ssv_ui_test_find_window (SSV_TYPE_RELEASE_SEARCH_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Heat (1995)");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (s.window));
  g_assert_true (ssv_test_wait_for (search_done, dialog, 20000));
  gtk_window_destroy (GTK_WINDOW (dialog));
  session_stop (&s);
}

/* ---- search, grab, downloads page, cancel ------------------------------------------ */

static gboolean
card_shows (gpointer data)
{
  Session *s = data;
  SsvDownloadsPage *page = SSV_DOWNLOADS_PAGE (ssv_ui_test_find_widget_of_type (GTK_WIDGET (s->window),
                                                                                SSV_TYPE_DOWNLOADS_PAGE));
  GListModel *model = ssv_download_monitor_get_model (ssv_context_get_download_monitor (s->context));

  return page != NULL && g_list_model_get_n_items (model) == 1 && !ssv_downloads_page_is_empty (page);
}

static gboolean
grabbed (gpointer data)
{
  return ssv_release_search_dialog_get_last_message (data) != NULL;
}

static gboolean
timeline_read (gpointer data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (gtk_expander_get_child (data)));

  return strstr (text, "Grabbed “Heat.1995.1080p.BluRay.x264-GRP”") != NULL;
}

static gboolean
cancelled (gpointer data)
{
  return ssv_download_get_status (data) == SSV_DOWNLOAD_CANCELLED;
}

static void
test_search_and_grab (void)
{
  Session s = { 0 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *client_key = NULL;
  SsvReleaseSearchDialog *dialog;
  SsvDownloadsPage *page;
  SsvReleaseRow *first;
  SsvReleaseRow *rejected = NULL;
  GtkWidget *failed;
  GtkWidget *card;
  SsvDownload *download;
  GtkExpander *expander;
  gint64 client_id;

  if (!ssv_test_have_program ("transmission-daemon"))
    {
      g_test_skip ("transmission-daemon is not installed");
      return;
    }

  session_start (&s, "grab.db");
  s.good = ssv_fake_indexer_new (INDEXER_KEY, "torznab/newznab_caps.xml");
  ssv_fake_indexer_set_body (s.good, NULL, 200, "application/rss+xml", heat_feed);
  s.broken = ssv_fake_indexer_new (INDEXER_KEY, "torznab/newznab_caps.xml");
  ssv_fake_indexer_set_body (s.broken, NULL, 200, "text/html",
                             "<!DOCTYPE html><html><head><title>Just a moment...</title></head></html>");
  add_indexer (&s, "Good", ssv_fake_indexer_get_url (s.good));
  add_indexer (&s, "Cloudy", ssv_fake_indexer_get_url (s.broken));

  s.save_dir = g_build_filename (tmp_dir, "downloads", NULL);
  g_mkdir_with_parents (s.save_dir, 0700);
  s.daemon = ssv_test_client_daemon_start (SSV_CLIENT_TRANSMISSION, s.save_dir, 0, &error);
  g_assert_no_error (error);
  client_id = ssv_download_store_add_client (ssv_context_get_download_store (s.context), SSV_CLIENT_TRANSMISSION,
                                             "Home", s.daemon->url, SSV_TEST_USER, &error);
  g_assert_no_error (error);
  client_key = ssv_secrets_client_key (client_id);
  store_secret (s.context, client_key, SSV_TEST_PASSWORD);

  /* The good indexer is slow: the dialog shows the other one's answer and the count meanwhile. */
  ssv_fake_indexer_hold (s.good);
  {
    g_autoptr(SsvSearchItem) item = ssv_search_item_new_movie ("Heat", 1995);

    ssv_release_search_dialog_present (GTK_WIDGET (s.window), s.context, item, NULL, 0);
  }
  dialog = SSV_RELEASE_SEARCH_DIALOG (ssv_ui_test_find_window (SSV_TYPE_RELEASE_SEARCH_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (ssv_test_wait_for (one_answered, dialog, 20000));
  g_assert_true (ssv_release_search_dialog_is_searching (dialog));
  g_assert_nonnull (ssv_ui_test_find_widget (GTK_WIDGET (dialog), is_action_row_of, "Cloudy"));
  ssv_ui_test_screenshot (GTK_WIDGET (dialog), "release-search-waiting");
  ssv_fake_indexer_release (s.good);
  g_assert_true (ssv_test_wait_for (search_done, dialog, 20000));
  ssv_ui_test_iterate (100);
  g_assert_cmpstr (ssv_release_search_dialog_get_progress (dialog), ==, "3 releases found");

  /* Accepted first, the best on top; the other film stays visible, with why. */
  collect_rows (GTK_WIDGET (dialog), rows);
  g_assert_cmpuint (rows->len, ==, 3);
  first = g_ptr_array_index (rows, 0);
  g_assert_true (ssv_release_row_get_hit (first)->decision->accepted);
  g_assert_cmpstr (ssv_release_row_get_hit (first)->hit->title, ==, "Heat.1995.1080p.BluRay.x264-GRP");
  for (guint i = 0; i < rows->len; i++)
    {
      SsvReleaseRow *row = g_ptr_array_index (rows, i);

      g_test_message ("%s: %s", ssv_release_row_get_hit (row)->hit->title, ssv_release_row_get_reasons (row));
      /* accepted ones all come before the first rejected one */
      if (i > 0 && ssv_release_row_get_hit (row)->decision->accepted)
        g_assert_true (ssv_release_row_get_hit (g_ptr_array_index (rows, i - 1))->decision->accepted);
      if (g_str_equal (ssv_release_row_get_hit (row)->hit->title, "Heat.Wave.2022.1080p.WEB-DL.x264-GRP"))
        rejected = row;
    }
  g_assert_nonnull (rejected);
  g_assert_false (ssv_release_row_get_hit (rejected)->decision->accepted);
  g_assert_cmpstr (ssv_release_row_get_reasons (rejected), !=, "");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (rejected)));

  /* The indexer that answered a web page says so, in its own name. */
  failed = ssv_ui_test_find_widget (GTK_WIDGET (dialog), is_action_row_of, "Cloudy");
  g_assert_nonnull (failed);
  g_assert_true (gtk_widget_get_mapped (failed));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (failed)), "web page"));
  ssv_ui_test_screenshot (GTK_WIDGET (dialog), "release-search");

  /* Grab the best: it goes into the real client, and the toast names it. */
  {
    GtkWidget *button = ssv_ui_test_find_widget_of_type (GTK_WIDGET (first), GTK_TYPE_BUTTON);

    g_assert_cmpuint (g_variant_get_uint32 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button))), ==, 0);
    g_assert_true (gtk_widget_activate (button));
  }
  g_assert_true (ssv_test_wait_for (grabbed, dialog, 20000));
  g_test_message ("toast: %s", ssv_release_search_dialog_get_last_message (dialog));
  g_assert_nonnull (strstr (ssv_release_search_dialog_get_last_message (dialog), "Heat.1995.1080p.BluRay.x264-GRP"));
  g_assert_nonnull (strstr (ssv_release_search_dialog_get_last_message (dialog), "Home"));
  {
    g_autoptr(SsvDownloadClient) client = ssv_test_client_daemon_client (s.daemon,
                                                                         ssv_context_get_http (s.context), NULL);
    g_autoptr(SsvTransfer) transfer = ssv_download_client_get (client, GOOD_HASH, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (transfer);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The Downloads page shows it as a card with its progress and state. */
  g_assert_true (ssv_window_show_page (s.window, "downloads"));
  g_assert_true (ssv_test_wait_for (card_shows, &s, 20000));
  page = SSV_DOWNLOADS_PAGE (ssv_ui_test_find_widget_of_type (GTK_WIDGET (s.window), SSV_TYPE_DOWNLOADS_PAGE));
  download = g_list_model_get_item (ssv_download_monitor_get_model (ssv_context_get_download_monitor (s.context)), 0);
  g_object_unref (download);
  card = ssv_downloads_page_find_card (page, ssv_download_get_id (download));
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_get_mapped (card));
  g_assert_nonnull (strstr (ssv_download_card_get_summary (SSV_DOWNLOAD_CARD (card)), "Heat (1995)"));
  g_assert_nonnull (strstr (ssv_download_card_get_summary (SSV_DOWNLOAD_CARD (card)), "%"));
  g_assert_true (gtk_widget_get_visible (ssv_download_card_get_cancel_button (SSV_DOWNLOAD_CARD (card))));

  /* Its timeline, read when first opened, starts with the grab. */
  expander = GTK_EXPANDER (ssv_ui_test_find_widget_of_type (card, GTK_TYPE_EXPANDER));
  gtk_expander_set_expanded (expander, TRUE);
  g_assert_true (ssv_test_wait_for (timeline_read, expander, 20000));
  ssv_ui_test_screenshot (GTK_WIDGET (s.window), "downloads-page");

  /* Cancel: out of the client, and the card says so. */
  g_assert_true (gtk_widget_activate (ssv_download_card_get_cancel_button (SSV_DOWNLOAD_CARD (card))));
  g_assert_true (ssv_test_wait_for (cancelled, download, 20000));
  ssv_ui_test_iterate (100);
  card = ssv_downloads_page_find_card (page, ssv_download_get_id (download));
  g_assert_nonnull (card);
  g_assert_nonnull (strstr (ssv_download_card_get_summary (SSV_DOWNLOAD_CARD (card)), "Cancelled"));
  g_assert_false (gtk_widget_get_visible (ssv_download_card_get_cancel_button (SSV_DOWNLOAD_CARD (card))));
  {
    g_autoptr(SsvDownloadClient) client = ssv_test_client_daemon_client (s.daemon,
                                                                         ssv_context_get_http (s.context), NULL);
    g_autoptr(SsvTransfer) transfer = ssv_download_client_get (client, GOOD_HASH, NULL, &error);

    /* gone from the client itself */
    g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
    g_assert_null (transfer);
  }
  ssv_ui_test_screenshot (GTK_WIDGET (s.window), "downloads-page-cancelled");
  session_stop (&s);
}

/* ---- the widgets on their own ------------------------------------------------------ */

static GtkWidget *
own (GtkWidget *widget)
{
  return g_object_ref_sink (widget);
}

static gboolean
shows_label (gpointer data)
{
  return ssv_ui_test_shows_label (GTK_WIDGET (data), "Only a video file on this computer can be played.");
}

/* The buttons of "Ready: Heat (1995)": Open brings up the film's page; Play hands on
 * nothing but a video file on this computer, and says so. */
static void
test_ready_buttons (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "ready.db", NULL);
  g_autoptr(GError) error = NULL;
  SsvApplication *app;
  SsvWindow *window;
  SsvPage *page;

  {
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_no_error (error);
    ssv_database_exec (db, "INSERT INTO movies (id, title, year) VALUES (7, 'Heat', 1995)", &error);
    g_assert_no_error (error);
  }
  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-movie", g_variant_new_int64 (7));
  g_assert_true (ssv_test_wait_for (title_loaded, window, 20000));
  page = ssv_window_get_visible_page (window);
  g_assert_cmpstr (ssv_page_get_title (page), ==, "Heat");

  g_action_group_activate_action (G_ACTION_GROUP (app), "play-file", g_variant_new_string ("file:///etc/passwd"));
  g_assert_true (ssv_test_wait_for (shows_label, window, 5000));

  ssv_ui_test_stop_app (app);
}

static void
test_release_row (void)
{
  g_autoptr(SsvQualityProfile) profile = ssv_quality_profile_new ("Any");
  g_autoptr(SsvSearchItem) item = ssv_search_item_new_movie ("Heat", 1995);
  g_autoptr(SsvReleaseHit) hit = ssv_release_hit_new (SSV_PROTOCOL_SLSKD);
  g_autoptr(SsvJudgedHit) judged = NULL;
  GtkWidget *row;
  GtkWidget *button;

  hit->title = g_strdup ("Heat.1995.1080p.BluRay.x264-GRP");
  hit->indexer = g_strdup ("Soulseek");
  hit->slskd_user = g_strdup ("ann");
  hit->free_slot = TRUE;
  ssv_release_hit_finish (hit);
  judged = ssv_judge_hit (profile, item, NULL, hit);
  row = own (ssv_release_row_new (judged, 4));

  g_assert_true (ssv_release_row_get_hit (SSV_RELEASE_ROW (row)) == judged);
  button = ssv_ui_test_find_widget_of_type (row, GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "search.grab");
  g_assert_cmpuint (g_variant_get_uint32 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button))), ==, 4);
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  g_assert_finalize_object (row);
}

static void
test_download_card (void)
{
  g_autoptr(SsvDownload) download = ssv_download_new ();
  g_autoptr(SsvDownload) later = ssv_download_new ();
  GtkWidget *card;

  download->id = 7;
  download->wanted.kind = SSV_DOWNLOAD_KIND_EPISODE;
  download->wanted.title = g_strdup ("The Fix");
  download->wanted.season = 1;
  download->wanted.episode = 2;
  download->release_title = g_strdup ("The.Fix.S01E02.1080p.WEB-DL-GRP");
  download->status = SSV_DOWNLOAD_DOWNLOADING;
  download->progress = 0.45;
  download->speed = 2 * 1000 * 1000;
  download->eta = 180;
  download->attempts = 2;
  download->quality = g_strdup ("1080p · WEB-DL");
  card = own (ssv_download_card_new (NULL, download));

  g_assert_cmpstr (ssv_download_card_get_summary (SSV_DOWNLOAD_CARD (card)), ==,
                   "The Fix · S01E02 — Downloading · 45 % · 2.0\u00a0MB/s · 3 min left");
  g_assert_cmpfloat_with_epsilon (ssv_download_card_get_fraction (SSV_DOWNLOAD_CARD (card)), 0.45, 0.001);
  g_assert_nonnull (ssv_ui_test_find_widget (card, is_badge_reading, "2×"));
  /* "Retry with another" and "Block" name their actions and this download, and say what they do */
  {
    GtkWidget *retry = ssv_download_card_get_retry_button (SSV_DOWNLOAD_CARD (card));
    GtkWidget *block = ssv_download_card_get_block_button (SSV_DOWNLOAD_CARD (card));

    g_assert_true (gtk_widget_get_visible (retry));
    g_assert_true (gtk_widget_get_visible (block));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (retry)), ==, "downloads.retry");
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (block)), ==, "downloads.block");
    g_assert_cmpint (g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (retry))), ==, 7);
    g_assert_cmpint (g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (block))), ==, 7);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (retry), ==, "Retry with another release");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (block), ==, "Block this release and retry with another");
  }

  /* A failure shows at once, in its own words; Cancel goes away. */
  later->id = 7;
  later->wanted.kind = SSV_DOWNLOAD_KIND_EPISODE;
  later->wanted.title = g_strdup ("The Fix");
  later->wanted.season = 1;
  later->wanted.episode = 2;
  later->release_title = g_strdup ("The.Fix.S01E02.1080p.WEB-DL-GRP");
  later->status = SSV_DOWNLOAD_FAILED;
  later->error = g_strdup ("The client lost the torrent.");
  later->attempts = 2;
  ssv_download_update_from (download, later);
  g_assert_cmpstr (ssv_download_card_get_summary (SSV_DOWNLOAD_CARD (card)), ==,
                   "The Fix · S01E02 — Failed: The client lost the torrent.");
  g_assert_false (gtk_widget_get_visible (ssv_download_card_get_cancel_button (SSV_DOWNLOAD_CARD (card))));
  /* what failed can be retried with another release by hand */
  g_assert_true (gtk_widget_get_visible (ssv_download_card_get_retry_button (SSV_DOWNLOAD_CARD (card))));
  g_assert_true (gtk_widget_get_visible (ssv_download_card_get_block_button (SSV_DOWNLOAD_CARD (card))));
  g_assert_finalize_object (card);
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();
  tmp_dir = ssv_test_make_temp_dir ();

  g_test_add_func ("/ui/downloads/release-row", test_release_row);
  g_test_add_func ("/ui/downloads/download-card", test_download_card);
  g_test_add_func ("/ui/downloads/no-indexer", test_no_indexer);
  g_test_add_func ("/ui/downloads/title-page", test_title_page);
  g_test_add_func ("/ui/downloads/ready-buttons", test_ready_buttons);
  g_test_add_func ("/ui/downloads/search-and-grab", test_search_and_grab);

  status = g_test_run ();
  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
