/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-channels.c: the Watchlist's Channels tab against the fake YouTube: Add Channel… follows
 * a pasted address and its card shows; a video's address gets the service's words and follows
 * nothing; Unfollow asks first and takes the card away. */

#include "config.h"

#include <string.h>

#include "dialogs/ssv-add-channel-dialog.h"
#include "widgets/ssv-channel-card.h"
#include "ssv-fake-youtube.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "pages/ssv-watchlist-page.h"

#define SYNTH_ID "UCaaaaaaaaaaaaaaaaaaaaa1"

static char *tmp_dir;

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
dialog_idle (gpointer data)
{
  return !ssv_add_channel_dialog_is_busy (data);
}

static gboolean
channels_loaded (gpointer data)
{
  const char *state = ssv_watchlist_page_get_state (data, SSV_WATCH_KIND_CHANNEL);

  return g_strcmp0 (state, "empty") == 0 || g_strcmp0 (state, "grid") == 0;
}

static gboolean
one_channel_shown (gpointer data)
{
  return g_list_model_get_n_items (ssv_watchlist_page_get_items (data, SSV_WATCH_KIND_CHANNEL)) == 1 &&
         g_strcmp0 (ssv_watchlist_page_get_state (data, SSV_WATCH_KIND_CHANNEL), "grid") == 0;
}

static gboolean
no_channel_shown (gpointer data)
{
  return g_list_model_get_n_items (ssv_watchlist_page_get_items (data, SSV_WATCH_KIND_CHANNEL)) == 0 &&
         g_strcmp0 (ssv_watchlist_page_get_state (data, SSV_WATCH_KIND_CHANNEL), "empty") == 0;
}

static gboolean
window_gone (gpointer data)
{
  return ssv_ui_test_find_window (GPOINTER_TO_SIZE (data)) == NULL;
}

static gboolean
window_shown (gpointer data)
{
  return ssv_ui_test_find_window (GPOINTER_TO_SIZE (data)) != NULL;
}

static gint64
followed_channels (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

  g_assert_no_error (error);
  return ssv_test_query_int (db, "SELECT count(*) FROM watchlist WHERE kind = 'channel' AND muted = 0");
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

/* Answers the Unfollow question as a click would, and waits until it is gone. */
static void
answer (const char *response)
{
  GtkWidget *question = ssv_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (question);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), response);
  question = ssv_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  if (question != NULL)
    gtk_window_destroy (GTK_WINDOW (question));
  wait_until (window_gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the question to close");
}

static SsvAddChannelDialog *
open_add_dialog (SsvWatchlistPage *page)
{
  gtk_widget_activate_action (GTK_WIDGET (page), "watchlist.add-channel", NULL);
  wait_until (window_shown, GSIZE_TO_POINTER (SSV_TYPE_ADD_CHANNEL_DIALOG), "the Add Channel dialog");
  return SSV_ADD_CHANNEL_DIALOG (ssv_ui_test_find_window (SSV_TYPE_ADD_CHANNEL_DIALOG));
}

/* ---- the flow --------------------------------------------------------------------------- */

static void
test_follow_and_unfollow (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "channels.db", NULL);
  g_autoptr(SsvFakeServer) server = ssv_fake_server_new ();
  g_autoptr(SsvFakeYoutube) youtube = ssv_fake_youtube_new (server);
  SsvApplication *app;
  SsvWindow *window;
  SsvWatchlistPage *page;
  SsvAddChannelDialog *dialog;
  SsvChannelCard *card;
  GtkWidget *question;
  SsvChannel *channel;
  g_autofree char *details = NULL;

  ssv_fake_youtube_add_synthetic (youtube, SYNTH_ID, "@madeup", "Made Up", 40,
                                  g_get_real_time () / G_USEC_PER_SEC - 86400, 86400);
  point_at_fake (youtube);

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  g_assert_true (ssv_window_show_page (window, "watchlist"));
  page = SSV_WATCHLIST_PAGE (ssv_window_get_visible_page (window));
  ssv_watchlist_page_show_kind (page, SSV_WATCH_KIND_CHANNEL);
  wait_until (channels_loaded, page, "the Channels tab");
  g_assert_cmpstr (ssv_watchlist_page_get_state (page, SSV_WATCH_KIND_CHANNEL), ==, "empty");

  /* A video's address: the service's words in the dialog, and nothing followed. */
  dialog = g_object_ref (open_add_dialog (page));
  ssv_add_channel_dialog_set_text (dialog, "https://www.youtube.com/watch?v=D0WQK7cMJn8");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "add-channel.follow", NULL);
  wait_until (dialog_idle, dialog, "the refused follow");
  g_assert_nonnull (ssv_add_channel_dialog_get_error (dialog));
  g_assert_nonnull (strstr (ssv_add_channel_dialog_get_error (dialog), "address of a video"));
  g_assert_nonnull (strstr (ssv_add_channel_dialog_get_error (dialog), "youtube.com/@name"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  ssv_ui_test_iterate (300);
  ssv_ui_test_screenshot (GTK_WIDGET (dialog), "channels-add-refused");
  g_assert_cmpint (followed_channels (db_path), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ssv_watchlist_page_get_items (page, SSV_WATCH_KIND_CHANNEL)), ==, 0);

  /* The channel's address: a spinner while it is read, then its card on the tab. */
  ssv_add_channel_dialog_set_text (dialog, "https://www.youtube.com/@madeup");
  g_assert_null (ssv_add_channel_dialog_get_error (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "add-channel.follow", NULL);
  g_assert_true (ssv_add_channel_dialog_is_busy (dialog));
  wait_until (one_channel_shown, page, "the followed channel's card");
  g_assert_cmpstr (ssv_add_channel_dialog_get_followed (dialog), ==, SYNTH_ID);
  wait_until (window_gone, GSIZE_TO_POINTER (SSV_TYPE_ADD_CHANNEL_DIALOG), "the dialog to close");
  ssv_ui_test_iterate (100);
  g_assert_finalize_object (dialog);
  g_assert_cmpint (followed_channels (db_path), ==, 1);

  ssv_ui_test_iterate (300);
  card = SSV_CHANNEL_CARD (ssv_ui_test_find_widget_of_type (ssv_watchlist_page_get_grid (page, SSV_WATCH_KIND_CHANNEL),
                                                             SSV_TYPE_CHANNEL_CARD));
  g_assert_nonnull (card);
  channel = ssv_channel_card_get_channel (card);
  g_assert_cmpstr (ssv_channel_get_channel_id (channel), ==, SYNTH_ID);
  g_assert_cmpstr (ssv_channel_get_title (channel), ==, "Made Up");
  g_assert_cmpstr (ssv_channel_get_handle (channel), ==, "@madeup");
  details = ssv_channel_card_dup_details (card);
  g_assert_nonnull (strstr (details, "Refreshed"));
  ssv_ui_test_screenshot (GTK_WIDGET (window), "channels-tab");

  /* Unfollow asks first; Cancel keeps the card. */
  gtk_widget_activate_action (GTK_WIDGET (card), "channel-card.unfollow", NULL);
  wait_until (window_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the question");
  question = ssv_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  ssv_ui_test_iterate (200);
  ssv_ui_test_screenshot (question, "channels-unfollow-question");
  answer ("cancel");
  ssv_ui_test_iterate (300);
  g_assert_cmpint (followed_channels (db_path), ==, 1);
  g_assert_true (one_channel_shown (page));

  /* Unfollow takes it away. */
  gtk_widget_activate_action (GTK_WIDGET (card), "channel-card.unfollow", NULL);
  wait_until (window_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the question");
  answer ("unfollow");
  wait_until (no_channel_shown, page, "the card to go");
  g_assert_cmpint (followed_channels (db_path), ==, 0);

  ssv_ui_test_stop_app (app);
}

/* A card alone, given a channel and no loader: initials, words, and it goes away whole. */
static void
test_card_alone (void)
{
  g_autoptr(SsvChannel) channel = g_object_new (SSV_TYPE_CHANNEL, "channel-id", SYNTH_ID, "title", "Made Up",
                                                "handle", "@madeup", "subscribers", (gint64) 1200000,
                                                "video-count", (gint64) 40, NULL);
  GtkWidget *card = g_object_ref_sink (ssv_channel_card_new (channel, NULL));
  g_autofree char *details = ssv_channel_card_dup_details (SSV_CHANNEL_CARD (card));

  g_assert_cmpstr (details, ==, "1.2M subscribers · 40 videos · Not refreshed yet");
  g_assert_true (ssv_channel_card_get_channel (SSV_CHANNEL_CARD (card)) == channel);
  g_assert_finalize_object (card);
}

int
main (int    argc,
      char **argv)
{
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-ui-channels-XXXXXX", NULL);

  g_test_add_func ("/ui/watchlist-channels/follow-refuse-unfollow", test_follow_and_unfollow);
  g_test_add_func ("/ui/channel-card/shows-its-channel", test_card_alone);

  result = g_test_run ();

  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
