/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-controls.c: the small controls built alone: the calendar's episode card, the
 * eye button and the worker orb — what each shows and says to a screen reader, that it
 * follows its model, and that it goes away whole (every test ends in g_assert_finalize_object). */

#include "config.h"

#include "model/ssv-calendar-entry-private.h"
#include "widgets/ssv-episode-card.h"
#include "ssv-follow-set.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "widgets/ssv-watch-button.h"
#include "widgets/ssv-worker-orb.h"
#include "model/ssv-show.h"
#include "stores/ssv-watchlist-store.h"
#include "workers/ssv-enrichment-engine.h"

static GtkWidget *
own (GtkWidget *widget)
{
  return g_object_ref_sink (widget);
}

/* The "In your library" badge, shown. */
static gboolean
is_owned_badge (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_IMAGE (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "In your library") == 0;
}

/* ---- episode card ----------------------------------------------------------------------- */

static SsvCalendarEntry *
make_entry (const char *title,
            gboolean    anytime,
            gboolean    owned)
{
  SsvCalendarEntry *entry = ssv_calendar_entry_new ();

  entry->episode_id = 201;
  entry->show_id = 3;
  entry->show_title = g_strdup ("Slow Horses");
  entry->season_number = 4;
  entry->episode_number = 1;
  entry->title = g_strdup (title);
  entry->airs = g_date_time_new_local (2026, 12, 6, 21, 5, 0);
  entry->anytime = anytime;
  entry->owned = owned;
  return entry;
}

static void
test_episode_card (void)
{
  g_autoptr(SsvCalendarEntry) timed = make_entry ("Identity Theft", FALSE, TRUE);
  g_autoptr(SsvCalendarEntry) anytime = make_entry (NULL, TRUE, FALSE);
  g_autofree char *expected_time = ssv_format_air_time (timed);
  g_autofree char *tooltip = NULL;
  GtkWidget *card = own (ssv_episode_card_new (NULL, timed));
  GtkWidget *other;

  /* The show, the episode's code and title, its time of day in the person's zone. */
  g_assert_true (ssv_episode_card_get_entry (SSV_EPISODE_CARD (card)) == timed);
  g_assert_true (ssv_ui_test_shows_label (card, "Slow Horses"));
  g_assert_true (ssv_ui_test_shows_label (card, "S04E01 · Identity Theft"));
  g_assert_true (g_str_equal (expected_time, "21:05") || g_str_equal (expected_time, "9:05 PM"));
  g_assert_cmpstr (ssv_episode_card_get_time_text (SSV_EPISODE_CARD (card)), ==, expected_time);
  g_assert_true (ssv_ui_test_shows_label (card, expected_time));
  /* The library has it: the badge says so. */
  g_assert_nonnull (ssv_ui_test_find_widget (card, is_owned_badge, NULL));
  tooltip = g_strdup_printf ("Slow Horses\nS04E01 · Identity Theft\n%s", expected_time);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (card), ==, tooltip);

  /* No time of day and no title: "Anytime" and the code alone. */
  other = own (ssv_episode_card_new (NULL, anytime));
  g_assert_cmpstr (ssv_episode_card_get_time_text (SSV_EPISODE_CARD (other)), ==, "Anytime");
  g_assert_true (ssv_ui_test_shows_label (other, "S04E01"));
  g_assert_false (ssv_ui_test_shows_label (other, "S04E01 · Identity Theft"));
  g_assert_false (ssv_episode_card_get_has_art (SSV_EPISODE_CARD (other)));
  g_assert_null (ssv_ui_test_find_widget (other, is_owned_badge, NULL));

  g_assert_finalize_object (card);
  g_assert_finalize_object (other);
}

/* ---- eye button ------------------------------------------------------------------------- */

typedef struct
{
  GtkWidget *button;
  gboolean   want;
} FollowWait;

static gboolean
followed_is (gpointer data)
{
  FollowWait *wait = data;

  return ssv_watch_button_get_followed (SSV_WATCH_BUTTON (wait->button)) == wait->want &&
         !ssv_watch_button_get_busy (SSV_WATCH_BUTTON (wait->button)) &&
         gtk_widget_get_sensitive (wait->button);
}

static gboolean
store_unfollowed (gpointer data)
{
  SsvWatchlistStore *store = data;
  gboolean followed = TRUE;

  return ssv_watchlist_store_is_followed (store, SSV_WATCH_KIND_SHOW, "library", "3", &followed, NULL) && !followed;
}

static void
test_watch_button (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = ssv_context_new (path, &error);
  SsvWatchlistStore *store;
  g_autoptr(SsvFollowSet) follow_set = NULL;
  g_autoptr(SsvShow) show = g_object_new (SSV_TYPE_SHOW, "id", (gint64) 3, "title", "Severance",
                                          "tmdb-id", (gint64) 95396, NULL);
  GtkWidget *button;
  FollowWait wait;

  g_assert_no_error (error);
  /* The show is in the library. */
  ssv_database_exec (ssv_context_get_database (context),
                     "INSERT INTO shows (id, title, tmdb_id) VALUES (3, 'Severance', 95396)", &error);
  g_assert_no_error (error);
  store = ssv_context_get_watchlist_store (context);
  follow_set = ssv_follow_set_new (store, SSV_WATCH_KIND_SHOW);
  ssv_follow_set_load (follow_set);
  button = own (ssv_watch_button_new (follow_set));

  /* With no item there is nothing to follow: the button cannot be pressed. */
  g_assert_false (gtk_widget_get_sensitive (button));

  /* A show of the library is followed unless the person said otherwise: an open eye that
   * offers to unfollow the show by name. */
  ssv_watch_button_set_item (SSV_WATCH_BUTTON (button), G_OBJECT (show));
  wait = (FollowWait) { button, TRUE };
  g_assert_true (ssv_test_wait_for (followed_is, &wait, 10000));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "view-reveal-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Unfollow Severance");
  g_assert_true (gtk_widget_has_css_class (button, "followed"));

  /* A click unfollows it in the store, and the button then offers the way back. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (ssv_test_wait_for (store_unfollowed, store, 10000));
  wait.want = FALSE;
  g_assert_true (ssv_test_wait_for (followed_is, &wait, 10000));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "view-conceal-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Follow Severance");
  g_assert_false (gtk_widget_has_css_class (button, "followed"));

  /* A change made elsewhere (another page, the CLI) reaches the button through the store. */
  ssv_watchlist_store_set_followed (store, SSV_WATCH_KIND_SHOW, "library", "3", TRUE, "Severance", NULL, &error);
  g_assert_no_error (error);
  wait.want = TRUE;
  g_assert_true (ssv_test_wait_for (followed_is, &wait, 10000));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Unfollow Severance");

  /* With a label, as title pages show it. */
  ssv_watch_button_set_show_label (SSV_WATCH_BUTTON (button), TRUE);
  g_assert_true (ssv_ui_test_shows_label (button, "Following"));

  ssv_watch_button_set_item (SSV_WATCH_BUTTON (button), NULL);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_finalize_object (button);
  g_clear_object (&follow_set);
  g_clear_object (&context);
  ssv_test_remove_tree (dir);
}

/* ---- worker orb ------------------------------------------------------------------------- */

static void
test_worker_orb (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = ssv_context_new (path, &error);
  SsvWorker *tmdb;
  GtkWidget *orb;

  g_assert_no_error (error);
  tmdb = ssv_enrichment_engine_lookup (ssv_context_get_enrichment_engine (context), "tmdb");
  orb = own (ssv_worker_orb_new (tmdb));
  g_assert_true (ssv_worker_orb_get_worker (SSV_WORKER_ORB (orb)) == tmdb);

  /* A stopped worker has no orb. */
  g_assert_cmpint (ssv_worker_get_state (tmdb), ==, SSV_WORKER_STOPPED);
  g_assert_false (gtk_widget_get_visible (orb));
  g_assert_cmpstr (ssv_worker_orb_get_look (SSV_WORKER_ORB (orb)), ==, "stopped");

  /* Started with no TMDB key: the orb shows, coloured, and says why it waits. */
  ssv_worker_start (tmdb);
  ssv_test_wait_for_worker_state (tmdb, SSV_WORKER_NEEDS_KEY, 10000);
  g_assert_true (gtk_widget_get_visible (orb));
  g_assert_cmpstr (ssv_worker_orb_get_look (SSV_WORKER_ORB (orb)), ==, "needs-key");
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (orb), "TMDB: "));

  /* Paused, it says so: in its tooltip and to a screen reader. */
  ssv_worker_pause (tmdb);
  ssv_test_wait_for_worker_state (tmdb, SSV_WORKER_PAUSED, 10000);
  g_assert_true (gtk_widget_get_visible (orb));
  g_assert_cmpstr (ssv_worker_orb_get_look (SSV_WORKER_ORB (orb)), ==, "paused");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (orb), ==, "TMDB: paused");

  /* Stopped again: no orb. */
  ssv_worker_stop (tmdb);
  ssv_test_wait_for_worker_state (tmdb, SSV_WORKER_STOPPED, 10000);
  g_assert_false (gtk_widget_get_visible (orb));

  g_assert_finalize_object (orb);
  g_clear_object (&context);
  ssv_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/ui/episode-card/shows-the-episode", test_episode_card);
  g_test_add_func ("/ui/watch-button/follows-the-store", test_watch_button);
  g_test_add_func ("/ui/worker-orb/shows-the-state", test_worker_orb);

  return g_test_run ();
}
