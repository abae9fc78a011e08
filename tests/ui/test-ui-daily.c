/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-daily.c: the daily loop in the real app: eye buttons that agree and a watchlist
 * that follows them, a wishlist filled from title pages (each wanted title with its quality
 * profile in the wish button's menu), and a calendar of the week with
 * its episode dialog and export; screenshots of each page along the way. */

#include "config.h"

#include <string.h>

#include "pages/ssv-calendar-page.h"
#include "widgets/ssv-episode-card.h"
#include "dialogs/ssv-episode-dialog.h"
#include "pages/ssv-library-page.h"
#include "widgets/ssv-poster-card.h"
#include "widgets/ssv-poster-grid.h"
#include "ssv-test-utils.h"
#include "pages/ssv-title-page-private.h"
#include "pages/title/ssv-season-episodes.h"
#include "ssv-ui-test-utils.h"
#include "widgets/ssv-watch-button.h"
#include "widgets/ssv-wish-button.h"
#include "pages/ssv-watchlist-page.h"
#include "pages/ssv-wishlist-page.h"
#include "widgets/ssv-wishlist-episode-row.h"
#include "widgets/ssv-wishlist-tile.h"
#include "model/ssv-calendar-entry.h"
#include "stores/ssv-profile-store.h"
#include "stores/ssv-wishlist-store.h"
#include "ssv-application.h"
#include "ssv-context.h"

#define SEVERANCE      1
#define SLOW_HORSES    2
#define BREAKING_BAD   3
#define THE_BEAR       4
#define ARRIVAL        1

/* ---- a library ------------------------------------------------------------------ */

static char *
make_png (const char *dir,
          const char *name,
          int         width,
          int         height,
          guint32     rgba)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  gdk_pixbuf_fill (pixbuf, rgba);
  /* A band, so art is told apart from a flat placeholder in screenshots. */
  {
    g_autoptr(GdkPixbuf) band = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height / 5);

    gdk_pixbuf_fill (band, 0xffffff60);
    gdk_pixbuf_composite (band, pixbuf, 0, height * 3 / 5, width, height / 5, 0, height * 3 / 5, 1, 1,
                          GDK_INTERP_NEAREST, 90);
  }
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);

  return path;
}

static char *
day_text (int days_from_today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_from_today);

  return g_date_time_format (day, "%Y-%m-%d");
}

/* The same date in New York, where Severance airs at 21:00. */
static char *
new_york_day_text (int days_from_today)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_from_today);

  return g_date_time_format (day, "%Y-%m-%d");
}

/*
 * Severance (airing, New York 21:00): season 1 aired long ago, three of its episodes
 * have files; S2E01 aired ten days ago; S2E05 airs in two New York days.
 * Slow Horses (status unknown, so airing): S4E01 today, no time, owned.
 * Breaking Bad (ended): a special tomorrow that nobody follows.
 * The Bear (airing, no zone): S3E01 in five days at 22:00 local.
 * Arrival: a movie.
 */
static char *
make_library (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *poster_1 = make_png (dir, "severance.png", 200, 300, 0x1c71d8ff);
  g_autofree char *poster_2 = make_png (dir, "slow-horses.png", 200, 300, 0x26a269ff);
  g_autofree char *poster_3 = make_png (dir, "breaking-bad.png", 200, 300, 0x813d9cff);
  g_autofree char *poster_4 = make_png (dir, "the-bear.png", 200, 300, 0xc64600ff);
  g_autofree char *poster_m = make_png (dir, "arrival.png", 200, 300, 0x986a44ff);
  g_autofree char *backdrop = make_png (dir, "severance-backdrop.png", 640, 360, 0x1a5fb4ff);
  g_autofree char *still = make_png (dir, "severance-still.png", 320, 180, 0x3584e4ff);
  g_autofree char *still_2 = make_png (dir, "slow-horses-still.png", 320, 180, 0x2ec27eff);
  g_autofree char *in_two = new_york_day_text (2);
  g_autofree char *today = day_text (0);
  g_autofree char *tomorrow = day_text (1);
  g_autofree char *in_five = day_text (5);
  g_autofree char *ten_ago = day_text (-10);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (path, &error);
  g_autoptr(GString) episodes = g_string_new (NULL);

  g_assert_no_error (error);

  for (int e = 1; e <= 9; e++)
    g_string_append_printf (episodes, " (%d, 1, 1, %d, 'Chapter %d', 'Mark and the others find out more in part %d.',"
                            " '2022-02-%02d', '%s'),", 100 + e, e, e, e, e + 10, still);

  sql = g_strdup_printf (
    "INSERT INTO genres (id, name) VALUES (1, 'Drama'), (2, 'Mystery'), (3, 'Comedy');"
    "INSERT INTO shows (id, title, sort_title, year, status, tmdb_id, air_time, air_time_zone, network,"
    "                   overview, poster_url, backdrop_url, runtime_minutes) VALUES"
    " (1, 'Severance', 'severance', 2022, 'Returning Series', 95396, '21:00', 'America/New_York', 'Apple TV+',"
    "  'Mark leads a team of office workers whose memories have been surgically divided.', '%s', '%s', 50),"
    " (2, 'Slow Horses', 'slow horses', 2022, NULL, 95480, NULL, NULL, 'Apple TV+',"
    "  'Failed spies of MI5 end up at Slough House.', '%s', NULL, 45),"
    " (3, 'Breaking Bad', 'breaking bad', 2008, 'Ended', 1396, NULL, NULL, 'AMC', NULL, '%s', NULL, 47),"
    " (4, 'The Bear', 'bear', 2022, 'Returning Series', 136315, '22:00', NULL, 'FX', NULL, '%s', NULL, 30);"
    "INSERT INTO show_genres (show_id, genre_id) VALUES (1, 1), (1, 2), (4, 3);"
    "INSERT INTO seasons (show_id, season_number, episode_count) VALUES (1, 1, 9), (1, 2, 10), (2, 4, 6),"
    " (3, 0, 1), (4, 3, 10);"
    "INSERT INTO episodes (id, show_id, season_number, episode_number, title, overview, air_date, still_url) VALUES"
    "%s"
    " (110, 1, 2, 1, 'Hello, Ms. Cobel', 'Mark is back.', '%s', NULL),"
    " (115, 1, 2, 5, 'Trojan''s Horse', 'An outing is planned.', '%s', '%s'),"
    " (201, 2, 4, 1, 'Identity Theft', 'A bomb goes off in London.', '%s', '%s'),"
    " (301, 3, 0, 1, 'Original Pilot', NULL, '%s', NULL),"
    " (401, 4, 3, 1, 'Tomorrow', 'Carmy looks ahead.', '%s', NULL);"
    "INSERT INTO media_files (episode_id, path) VALUES (101, '/tv/s1e1.mkv'), (102, '/tv/s1e2.mkv'),"
    " (103, '/tv/s1e3.mkv'), (201, '/tv/sh4e1.mkv');"
    "INSERT INTO movies (id, title, sort_title, year, tmdb_id, poster_url, overview) VALUES"
    " (1, 'Arrival', 'arrival', 2016, 329865, '%s', 'A linguist works with the military.');",
    poster_1, backdrop, poster_2, poster_3, poster_4,
    episodes->str, ten_ago, in_two, still, today, still_2, tomorrow, in_five, poster_m);

  g_assert_true (ssv_database_exec (db, sql, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/* ---- waiting and finding ---------------------------------------------------------- */

static void
wait_until (gboolean  (*condition) (gpointer),
            gpointer    data,
            const char *what)
{
  if (!ssv_test_wait_for (condition, data, 20000))
    g_error ("Timed out waiting for %s", what);
}

/* A button of a card's corner, by the action it runs. */
static gboolean
is_button_for (GtkWidget     *widget,
               gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
library_settled (gpointer data)
{
  return g_strcmp0 (ssv_library_page_get_state (data), "content") == 0 &&
         ssv_follow_set_get_loaded (ssv_library_page_get_follow_set (data));
}

static gboolean
title_page_loaded (gpointer data)
{
  return g_strcmp0 (ssv_title_page_get_state (data), "content") == 0;
}

static gboolean
button_idle (gpointer data)
{
  return !ssv_watch_button_get_busy (data) && gtk_widget_get_sensitive (data);
}

static gboolean
wishlist_settled (gpointer data)
{
  return !ssv_wishlist_page_get_loading (data) &&
         g_strcmp0 (ssv_wishlist_page_get_state (data, SSV_WISHLIST_KIND_SHOW), "loading") != 0;
}

static gboolean
calendar_settled (gpointer data)
{
  return !ssv_calendar_page_get_loading (data) &&
         g_strcmp0 (ssv_calendar_page_get_state (data), "loading") != 0;
}

static void
settle (guint ms)
{
  /* Crossfades, reloads on a timer and image decoding finish. */
  ssv_ui_test_iterate (ms);
}

/* After a frame or two, so what was just done is drawn. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  settle (300);
  ssv_ui_test_screenshot (widget, name);
}

static SsvWatchButton *
card_button (GtkWidget  *grid,
             const char *title)
{
  g_autoptr(GPtrArray) cards = ssv_poster_grid_dup_bound_cards (SSV_POSTER_GRID (grid));

  for (guint i = 0; i < cards->len; i++)
    {
      SsvPosterCard *card = g_ptr_array_index (cards, i);

      if (g_strcmp0 (ssv_poster_card_get_title (card), title) == 0)
        return SSV_WATCH_BUTTON (ssv_poster_card_get_accessory (card));
    }

  return NULL;
}

static gboolean
model_has_title (GListModel *model,
                 const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *name = NULL;

      g_object_get (item, "title", &name, NULL);
      if (g_strcmp0 (name, title) == 0)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  GListModel *model;
  const char *title;
  gboolean    present;
} TitleWait;

static gboolean
title_presence_is (gpointer data)
{
  TitleWait *wait = data;

  return model_has_title (wait->model, wait->title) == wait->present;
}

static SsvTitlePage *
open_title (SsvWindow  *window,
            const char *action,
            gint64      id)
{
  SsvPage *page;

  gtk_widget_activate_action (GTK_WIDGET (window), action, "x", id);
  page = ssv_window_get_visible_page (window);
  g_assert_true (SSV_IS_TITLE_PAGE (page));
  wait_until (title_page_loaded, page, "the title page");
  return SSV_TITLE_PAGE (page);
}

/* ---- watchlist ------------------------------------------------------------------- */

static void
test_watchlist (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = make_library (dir);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvLibraryPage *library;
  SsvWatchlistPage *watchlist;
  SsvTitlePage *title;
  GtkWidget *shows_grid;
  SsvWatchButton *card, *page_button, *bear;
  TitleWait wait;
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_window_show_page (window, "library"));
  library = SSV_LIBRARY_PAGE (ssv_window_get_visible_page (window));
  wait_until (library_settled, library, "the library");
  gtk_widget_activate_action (GTK_WIDGET (library), "library.show-view", "s", "shows");
  settle (500);

  /* Every show card has an eye button, and all of them were set by one query. */
  shows_grid = ssv_library_page_get_grid (library, "shows");
  card = card_button (shows_grid, "Severance");
  g_assert_nonnull (card);
  g_assert_true (ssv_watch_button_get_followed (card));            /* airs: followed by default */
  g_assert_true (ssv_watch_button_get_followed (card_button (shows_grid, "Slow Horses")));   /* unknown status */
  g_assert_false (ssv_watch_button_get_followed (card_button (shows_grid, "Breaking Bad"))); /* ended */
  g_assert_cmpuint (ssv_follow_set_get_n_loads (ssv_library_page_get_follow_set (library)), ==, 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (card)), ==, "Unfollow Severance");
  screenshot (GTK_WIDGET (window), "daily-library-eyes");

  /* The show's page has its own eye button; unfollowing there turns the card's off too. */
  title = open_title (window, "win.show-show", SEVERANCE);
  page_button = SSV_WATCH_BUTTON (ssv_title_page_get_watch_button (title));
  wait_until (button_idle, page_button, "the page's eye button");
  g_assert_true (ssv_watch_button_get_followed (page_button));
  screenshot (GTK_WIDGET (window), "daily-title-followed");

  g_signal_emit_by_name (page_button, "clicked");
  g_assert_true (ssv_watch_button_get_busy (page_button));
  wait_until (button_idle, page_button, "the unfollow");
  settle (100);
  g_assert_false (ssv_watch_button_get_followed (page_button));
  g_assert_false (ssv_watch_button_get_followed (card));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (page_button)), ==, "Follow Severance");
  screenshot (GTK_WIDGET (window), "daily-title-unfollowed");

  /* The Watchlist has the shows that air, less the one just unfollowed. */
  g_assert_true (ssv_window_show_page (window, "watchlist"));
  watchlist = SSV_WATCHLIST_PAGE (ssv_window_get_visible_page (window));
  wait = (TitleWait) { ssv_watchlist_page_get_items (watchlist, SSV_WATCH_KIND_SHOW), "The Bear", TRUE };
  wait_until (title_presence_is, &wait, "The Bear on the watchlist");
  settle (500);
  g_assert_false (model_has_title (wait.model, "Severance"));
  g_assert_true (model_has_title (wait.model, "Slow Horses"));
  g_assert_false (model_has_title (wait.model, "Breaking Bad"));
  g_assert_cmpstr (ssv_watchlist_page_get_state (watchlist, SSV_WATCH_KIND_SHOW), ==, "grid");
  g_assert_cmpstr (ssv_watchlist_page_get_state (watchlist, SSV_WATCH_KIND_PERSON), ==, "empty");
  screenshot (GTK_WIDGET (window), "daily-watchlist");

  /* Unfollowing from a watchlist card takes the card away, and the library's button agrees. */
  bear = card_button (ssv_watchlist_page_get_grid (watchlist, SSV_WATCH_KIND_SHOW), "The Bear");
  g_assert_nonnull (bear);
  g_assert_true (ssv_watch_button_get_followed (bear));
  g_signal_emit_by_name (bear, "clicked");
  wait.present = FALSE;
  wait_until (title_presence_is, &wait, "The Bear to leave the watchlist");
  g_assert_false (ssv_watch_button_get_followed (card_button (shows_grid, "The Bear")));

  /* Following an ended show from its library card brings it onto the watchlist. */
  g_signal_emit_by_name (card_button (shows_grid, "Breaking Bad"), "clicked");
  wait = (TitleWait) { wait.model, "Breaking Bad", TRUE };
  wait_until (title_presence_is, &wait, "Breaking Bad on the watchlist");
  settle (400);
  g_assert_true (ssv_watch_button_get_followed (card_button (shows_grid, "Breaking Bad")));
  screenshot (GTK_WIDGET (window), "daily-watchlist-changed");

  /* The tabs without follows say what to do. */
  ssv_watchlist_page_show_kind (watchlist, SSV_WATCH_KIND_PERSON);
  settle (400);
  screenshot (GTK_WIDGET (window), "daily-watchlist-people");

  {
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_no_error (error);
    /* Two tombstones and one follow: what a person did, nothing more. */
    g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM watchlist WHERE muted = 1"), ==, 2);
    g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM watchlist WHERE muted = 0"
                                             " AND source = 'tmdb' AND source_id = '1396'"), ==, 1);
  }

  ssv_ui_test_stop_app (app);
  ssv_test_remove_tree (dir);
}

/* ---- wishlist --------------------------------------------------------------------- */

static gboolean
wanted_rows_are (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (g_object_get_data (data, "db"), &error);
  gint64 expected = GPOINTER_TO_INT (g_object_get_data (data, "count"));

  return db != NULL && ssv_test_query_int (db, "SELECT count(*) FROM wishlist") == expected;
}

static void
wait_for_wanted (const char *db_path,
                 int         count)
{
  g_autoptr(GObject) probe = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (probe, "db", (gpointer) db_path);
  g_object_set_data (probe, "count", GINT_TO_POINTER (count));
  wait_until (wanted_rows_are, probe, "the wishlist rows");
}

static gboolean
tile_shown (gpointer data)
{
  return ssv_wishlist_page_find_tile (data, "Severance") != NULL;
}

static gboolean
tile_shows_nine (gpointer data)
{
  GtkWidget *tile = ssv_wishlist_page_find_tile (data, "Severance");

  return tile != NULL && g_strcmp0 (ssv_wishlist_tile_get_progress_text (SSV_WISHLIST_TILE (tile)),
                                    "3 of 9 in your library") == 0;
}

static gboolean
tile_shows_ten (gpointer data)
{
  GtkWidget *tile = ssv_wishlist_page_find_tile (data, "Severance");

  return tile != NULL && g_strcmp0 (ssv_wishlist_tile_get_progress_text (SSV_WISHLIST_TILE (tile)),
                                    "3 of 10 in your library") == 0;
}

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

typedef struct
{
  SsvWishTarget target;
  gint64        id;
} Wish;

/* The title page's button that wants @wish (an episode row's star). */
static gboolean
is_wish_button (GtkWidget     *widget,
                gconstpointer  data)
{
  const Wish *wish = data;
  GVariant *value;
  guint32 kind;
  gint64 wanted_id;
  int season;

  if (!GTK_IS_BUTTON (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "title.wish") != 0)
    return FALSE;

  value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  g_variant_get (value, "(uxi)", &kind, &wanted_id, &season);
  return kind == (guint32) wish->target && wanted_id == wish->id;
}

static void
add_movies (const char *db_path,
            guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);
  g_autoptr(SsvWishlistStore) store = ssv_wishlist_store_new (db);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", 900000 + i);
      g_autofree char *name = g_strdup_printf ("Wanted Film %03u", i);
      SsvWishlistTitle title = { "tmdb", id, name, 1990 + (int) (i % 30), NULL, NULL, NULL };

      g_assert_true (ssv_wishlist_store_add_title (store, SSV_WISHLIST_KIND_MOVIE, &title, &error));
      g_assert_no_error (error);
    }
}

static void
test_wishlist (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = make_library (dir);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvWishlistPage *wishlist;
  SsvWishlistTile *tile;
  SsvTitlePage *title;
  SsvWishlistItem *show;
  GtkListBoxRow *row;
  GListModel *shows;

  /* The empty wishlist says what to do. */
  g_assert_true (ssv_window_show_page (window, "wishlist"));
  wishlist = SSV_WISHLIST_PAGE (ssv_window_get_visible_page (window));
  wait_until (wishlist_settled, wishlist, "the wishlist");
  g_assert_cmpstr (ssv_wishlist_page_get_state (wishlist, SSV_WISHLIST_KIND_SHOW), ==, "empty");
  g_assert_cmpstr (ssv_wishlist_page_get_state (wishlist, SSV_WISHLIST_KIND_MOVIE), ==, "empty");

  /* From the show's page: every aired episode (the wishlist menu's first item)… */
  title = open_title (window, "win.show-show", SEVERANCE);
  gtk_widget_activate_action (GTK_WIDGET (title), "title.wish", "(uxi)",
                              (guint32) SSV_WISH_TARGET_SHOW, (gint64) SEVERANCE, -1);
  /* Season 1's nine and S2E01; S2E05 has not aired. */
  wait_for_wanted (db_path, 10);
  /* …and from a movie's page. */
  title = open_title (window, "win.show-movie", ARRIVAL);
  gtk_widget_activate_action (GTK_WIDGET (title), "title.wish", "(uxi)",
                              (guint32) SSV_WISH_TARGET_MOVIE, (gint64) ARRIVAL, -1);
  wait_for_wanted (db_path, 11);
  settle (400);
  screenshot (GTK_WIDGET (window), "daily-title-movie-wanted");

  /* The Wishlist groups Severance's episodes: 3 of the 10 are in the library. */
  g_assert_true (ssv_window_show_page (window, "wishlist"));
  ssv_wishlist_page_show_kind (wishlist, SSV_WISHLIST_KIND_SHOW);
  wait_until (tile_shown, wishlist, "the Severance tile");
  wait_until (wishlist_settled, wishlist, "the wishlist");
  shows = ssv_wishlist_page_get_items (wishlist, SSV_WISHLIST_KIND_SHOW);
  g_assert_cmpuint (g_list_model_get_n_items (shows), ==, 1);
  show = g_list_model_get_item (shows, 0);
  g_assert_cmpuint (ssv_wishlist_item_get_wanted (show), ==, 10);
  g_assert_cmpuint (ssv_wishlist_item_get_done (show), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (ssv_wishlist_item_get_children (show)), ==, 2);
  g_object_unref (show);

  tile = SSV_WISHLIST_TILE (ssv_wishlist_page_find_tile (wishlist, "Severance"));
  g_assert_cmpstr (ssv_wishlist_tile_get_progress_text (tile), ==, "3 of 10 in your library");
  g_assert_cmpfloat_with_epsilon (ssv_wishlist_tile_get_fraction (tile), 0.3, 1e-9);
  settle (400);
  screenshot (GTK_WIDGET (window), "daily-wishlist-shows");

  /* Opened, the tile lists every wanted episode; a row opens the show. */
  ssv_wishlist_tile_set_expanded (tile, TRUE);
  g_assert_cmpuint (ssv_wishlist_tile_count_episode_rows (tile), ==, 10);
  settle (600);
  screenshot (GTK_WIDGET (window), "daily-wishlist-expanded");

  row = ssv_wishlist_tile_get_episode_row (tile, 0);
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  {
    SsvPage *opened = ssv_window_get_visible_page (window);
    g_autofree char *kind = NULL;
    gint64 id = 0;

    g_assert_true (SSV_IS_TITLE_PAGE (opened));
    g_object_get (opened, "kind", &kind, "title-id", &id, NULL);
    g_assert_cmpstr (kind, ==, "show");
    g_assert_cmpint (id, ==, SEVERANCE);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  g_assert_true (ssv_window_get_visible_page (window) == SSV_PAGE (wishlist));

  /* The tile stays open across a reload: S2E01 removed with its row's button. */
  row = ssv_wishlist_tile_get_episode_row (tile, 9);
  g_assert_cmpint (ssv_wishlist_item_get_season_number (ssv_wishlist_episode_row_get_item (SSV_WISHLIST_EPISODE_ROW (row))),
                   ==, 2);
  g_signal_emit_by_name (ssv_ui_test_find_widget (GTK_WIDGET (row), is_button_with_tooltip, "Remove from Wishlist"),
                         "clicked");
  wait_for_wanted (db_path, 10);
  wait_until (tile_shows_nine, wishlist, "the tile to count nine");
  tile = SSV_WISHLIST_TILE (ssv_wishlist_page_find_tile (wishlist, "Severance"));
  g_assert_true (ssv_wishlist_tile_get_expanded (tile));
  g_assert_cmpstr (ssv_wishlist_tile_get_progress_text (tile), ==, "3 of 9 in your library");

  /* An episode's own button on the show's page brings it back; the season's menu item adds nothing twice. */
  title = open_title (window, "win.show-show", SEVERANCE);
  {
    GtkWidget *episodes = ssv_title_page_get_section (SSV_TITLE_PAGE (title), "season_episodes");
    GtkWidget *button;

    /* The billboard lists one season at a time: switch to season 2. */
    g_assert_true (ssv_season_episodes_show_season (SSV_SEASON_EPISODES (episodes), 2));
    settle (200);
    button = ssv_ui_test_find_widget (GTK_WIDGET (title), is_wish_button, &(Wish) { SSV_WISH_TARGET_EPISODE, 110 });
    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Add to Wishlist");
    g_signal_emit_by_name (button, "clicked");
    wait_for_wanted (db_path, 11);
    gtk_widget_activate_action (GTK_WIDGET (title), "title.wish", "(uxi)",
                                (guint32) SSV_WISH_TARGET_SEASON, (gint64) SEVERANCE, 2);
    settle (300);
    wait_for_wanted (db_path, 11);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  wait_until (tile_shows_ten, wishlist, "the tile to count ten again");

  /* Search runs in the store; no match says so. */
  gtk_widget_activate_action (GTK_WIDGET (wishlist), "wishlist.find", NULL);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    GtkWidget *entry = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);

    g_assert_nonnull (entry);
    /* What the entry says after its typing delay, said at once: the wait below is then
     * for the search itself, not for a timer a slow run may not reach in time. */
    gtk_editable_set_text (GTK_EDITABLE (entry), "Nothing like this");
    g_signal_emit_by_name (entry, "search-changed");
    wait_until (wishlist_settled, wishlist, "the search");
    g_assert_cmpstr (ssv_wishlist_page_get_state (wishlist, SSV_WISHLIST_KIND_SHOW), ==, "no-results");
    /* An episode's title finds its show. */
    gtk_editable_set_text (GTK_EDITABLE (entry), "Chapter 4");
    g_signal_emit_by_name (entry, "search-changed");
    wait_until (wishlist_settled, wishlist, "the search");
    g_assert_cmpuint (g_list_model_get_n_items (shows), ==, 1);
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    g_signal_emit_by_name (entry, "search-changed");
    wait_until (wishlist_settled, wishlist, "the search");
  }

  /* Movies: a poster grid, read a page at a time as people scroll. */
  add_movies (db_path, 100);
  gtk_widget_activate_action (GTK_WIDGET (wishlist), "wishlist.sort", "s", "title");
  ssv_wishlist_page_show_kind (wishlist, SSV_WISHLIST_KIND_MOVIE);
  wait_until (wishlist_settled, wishlist, "the movies");
  settle (300);
  {
    GListModel *movies = ssv_wishlist_page_get_items (wishlist, SSV_WISHLIST_KIND_MOVIE);
    GtkWidget *grid = ssv_ui_test_find_widget_of_type (GTK_WIDGET (wishlist), SSV_TYPE_POSTER_GRID);
    GtkAdjustment *adjustment = ssv_poster_grid_get_vadjustment (SSV_POSTER_GRID (grid));
    g_autoptr(SsvWishlistItem) first = NULL;

    /* One page, not all 101. */
    g_assert_cmpuint (g_list_model_get_n_items (movies), <, 101);
    first = g_list_model_get_item (movies, 0);
    g_assert_cmpstr (ssv_wishlist_item_get_title (first), ==, "Arrival");
    screenshot (GTK_WIDGET (window), "daily-wishlist-movies");

    /* Each scroll to the end brings the next page, until all are there. */
    for (guint tries = 0; tries < 20 && g_list_model_get_n_items (movies) < 101; tries++)
      {
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        settle (250);
        wait_until (wishlist_settled, wishlist, "the next page");
      }
    g_assert_cmpuint (g_list_model_get_n_items (movies), ==, 101);

    /* A card's star names its movie, and takes it off the wishlist. */
    gtk_adjustment_set_value (adjustment, 0);
    settle (250);
    {
      g_autoptr(GPtrArray) cards = ssv_poster_grid_dup_bound_cards (SSV_POSTER_GRID (grid));
      GtkWidget *star = NULL;

      for (guint i = 0; i < cards->len; i++)
        if (g_strcmp0 (ssv_poster_card_get_title (g_ptr_array_index (cards, i)), "Arrival") == 0)
          star = ssv_ui_test_find_widget (ssv_poster_card_get_accessory (g_ptr_array_index (cards, i)),
                                          is_button_for, "wishlist.remove-movie");
      g_assert_nonnull (star);
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (star)), ==, "wishlist.remove-movie");
      g_assert_cmpint (g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (star))), ==,
                       ssv_wishlist_item_get_id (first));
      g_signal_emit_by_name (star, "clicked");
      wait_for_wanted (db_path, 110);
    }
  }

  ssv_ui_test_stop_app (app);
  ssv_test_remove_tree (dir);
}

/* ---- calendar --------------------------------------------------------------------- */

static GtkWidget *
find_dialog (void)
{
  return ssv_ui_test_find_window (SSV_TYPE_EPISODE_DIALOG);
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static gboolean
export_done (gpointer data)
{
  return !ssv_calendar_page_get_exporting (data);
}

static gboolean
day_has_episode (SsvCalendarPage *calendar,
                 guint            day,
                 gint64           episode_id)
{
  GListModel *entries = ssv_calendar_page_get_day_entries (calendar, day);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(SsvCalendarEntry) entry = g_list_model_get_item (entries, i);

      if (ssv_calendar_entry_get_episode_id (entry) == episode_id)
        return TRUE;
    }

  return FALSE;
}

static guint
count_lines (const char *text,
             const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], prefix);

  return n;
}

static void
test_calendar (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = make_library (dir);
  g_autofree char *ics_path = g_build_filename (dir, "export.ics", NULL);
  g_autoptr(GFile) ics = g_file_new_for_path (ics_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  SsvApplication *app;
  SsvWindow *window;
  SsvCalendarPage *calendar;
  SsvEpisodeDialog *dialog;
  GtkWidget *card;
  g_autofree char *expected_time = NULL;
  g_autofree char *text = NULL;
  int expected_day;

  /* Near midnight "today" could change under the test. */
  if (g_date_time_get_hour (now) == 23 && g_date_time_get_minute (now) >= 58)
    {
      g_test_skip ("too close to midnight");
      return;
    }

  /* Where and when Severance's 21:00 New York episode falls here. */
  {
    g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
    g_autoptr(GDateTime) ny_now = g_date_time_new_now (new_york);
    g_autoptr(GDateTime) ny_day = g_date_time_add_days (ny_now, 2);
    g_autoptr(GDateTime) airs = g_date_time_new (new_york, g_date_time_get_year (ny_day),
                                                 g_date_time_get_month (ny_day),
                                                 g_date_time_get_day_of_month (ny_day), 21, 0, 0);
    g_autoptr(GDateTime) local = g_date_time_to_local (airs);
    g_autoptr(GDateTime) local_day = g_date_time_new_local (g_date_time_get_year (local),
                                                            g_date_time_get_month (local),
                                                            g_date_time_get_day_of_month (local), 0, 0, 0);
    g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                        g_date_time_get_day_of_month (now), 0, 0, 0);

    expected_time = g_date_time_format (local, "%H:%M");
    expected_day = (int) ((g_date_time_difference (local_day, today) + G_TIME_SPAN_HOUR * 12) / G_TIME_SPAN_DAY);
    g_test_message ("Severance S02E05 airs here on day %d at %s", expected_day, expected_time);
  }

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);

  /* A notification's "Open" for several episodes lands here, as the sidebar does. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-calendar", NULL);
  settle (100);
  g_assert_cmpstr (ssv_window_get_visible_page_name (window), ==, "calendar");
  calendar = SSV_CALENDAR_PAGE (ssv_window_get_visible_page (window));
  wait_until (calendar_settled, calendar, "the calendar");
  g_assert_cmpstr (ssv_calendar_page_get_state (calendar), ==, "content");

  /* Today is the first day, and marked. */
  g_assert_cmpint (ssv_calendar_page_get_today_index (calendar), ==, 0);

  /* Slow Horses airs today at no set time: "Anytime", and in the library. */
  {
    GListModel *today = ssv_calendar_page_get_day_entries (calendar, 0);
    g_autoptr(SsvCalendarEntry) first = g_list_model_get_item (today, 0);

    g_assert_nonnull (first);
    g_assert_cmpstr (ssv_calendar_entry_get_show_title (first), ==, "Slow Horses");
    card = ssv_calendar_page_find_card (calendar, 201);
    g_assert_nonnull (card);
    g_assert_cmpstr (ssv_episode_card_get_time_text (SSV_EPISODE_CARD (card)), ==, "Anytime");
  }

  /* Severance's episode shows at its local time on its local day. */
  g_assert_cmpint (expected_day, >=, 1);
  g_assert_cmpint (expected_day, <=, 3);
  g_assert_true (day_has_episode (calendar, (guint) expected_day, 115));
  card = ssv_calendar_page_find_card (calendar, 115);
  g_assert_nonnull (card);
  g_assert_cmpstr (ssv_episode_card_get_time_text (SSV_EPISODE_CARD (card)), ==, expected_time);
  /* The Bear has no zone: 22:00 here, in five days. Breaking Bad ended: not followed, not shown. */
  g_assert_true (day_has_episode (calendar, 5, 401));
  g_assert_cmpstr (ssv_episode_card_get_time_text (SSV_EPISODE_CARD (ssv_calendar_page_find_card (calendar, 401))),
                   ==, "22:00");
  g_assert_null (ssv_calendar_page_find_card (calendar, 301));
  settle (800);
  screenshot (GTK_WIDGET (window), "daily-calendar");

  /* A click on the card opens the episode's dialog. */
  g_signal_emit_by_name (gtk_widget_get_parent (gtk_widget_get_parent (card)), "child-activated",
                         gtk_widget_get_parent (card));
  settle (600);
  dialog = SSV_EPISODE_DIALOG (find_dialog ());
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpint (ssv_calendar_entry_get_episode_id (ssv_episode_dialog_get_entry (dialog)), ==, 115);
  text = g_strdup_printf (" at %s", expected_time);
  g_assert_true (g_str_has_suffix (ssv_episode_dialog_get_airs_text (dialog), text));
  g_assert_cmpstr (ssv_episode_dialog_get_owned_text (dialog), ==, "Not in Your Library");
  g_assert_true (ssv_watch_button_get_followed (SSV_WATCH_BUTTON (ssv_episode_dialog_get_watch_button (dialog))));
  screenshot (GTK_WIDGET (dialog), "daily-episode-dialog");

  /* "Open Show" goes to the show's page by its action, and the dialog closes. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "episode.open-show", NULL);
  wait_until (dialog_gone, NULL, "the dialog to close");
  g_assert_true (SSV_IS_TITLE_PAGE (ssv_window_get_visible_page (window)));
  wait_until (title_page_loaded, ssv_window_get_visible_page (window), "the show's page");
  g_assert_cmpstr (ssv_page_get_title (ssv_window_get_visible_page (window)), ==, "Severance");
  ssv_window_show_page (window, "calendar");

  /* The owned episode's dialog says so. */
  ssv_calendar_page_open_episode (calendar, ssv_episode_card_get_entry (
                                    SSV_EPISODE_CARD (ssv_calendar_page_find_card (calendar, 201))));
  settle (300);
  dialog = SSV_EPISODE_DIALOG (find_dialog ());
  g_assert_cmpstr (ssv_episode_dialog_get_owned_text (dialog), ==, "In Your Library");
  g_assert_true (g_str_has_suffix (ssv_episode_dialog_get_airs_text (dialog), ", any time"));
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (dialog_gone, NULL, "the dialog to close");

  /* Weeks: next (Page Down), back, and this week again. */
  gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.next-week", NULL);
  wait_until (calendar_settled, calendar, "next week");
  g_assert_cmpint (ssv_calendar_page_get_week (calendar), ==, 1);
  g_assert_cmpint (ssv_calendar_page_get_today_index (calendar), ==, -1);
  g_assert_cmpstr (ssv_calendar_page_get_state (calendar), ==, "empty");
  settle (400);
  screenshot (GTK_WIDGET (window), "daily-calendar-next-week");
  gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.this-week", NULL);
  wait_until (calendar_settled, calendar, "this week");
  g_assert_cmpint (ssv_calendar_page_get_today_index (calendar), ==, 0);

  /* Export writes an iCalendar file off the UI thread: three followed episodes, no ended show. */
  ssv_calendar_page_export_to (calendar, ics);
  g_assert_true (ssv_calendar_page_get_exporting (calendar));
  wait_until (export_done, calendar, "the export");
  {
    g_autofree char *contents = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (g_file_get_contents (ics_path, &contents, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
    g_assert_true (g_str_has_suffix (contents, "END:VCALENDAR\r\n"));
    g_assert_cmpuint (count_lines (contents, "BEGIN:VEVENT"), ==, 3);
    g_assert_cmpuint (count_lines (contents, "END:VEVENT"), ==, 3);
    g_assert_cmpuint (count_lines (contents, "UID:"), ==, 3);
    g_assert_nonnull (strstr (contents, "Severance"));
    g_assert_nonnull (strstr (contents, "Slow Horses"));
    g_assert_nonnull (strstr (contents, "The Bear"));
    g_assert_null (strstr (contents, "Breaking Bad"));
  }

  /* Unfollowing in the dialog takes the show's episodes off the calendar. */
  ssv_calendar_page_open_episode (calendar, ssv_episode_card_get_entry (
                                    SSV_EPISODE_CARD (ssv_calendar_page_find_card (calendar, 401))));
  settle (300);
  dialog = SSV_EPISODE_DIALOG (find_dialog ());
  g_signal_emit_by_name (ssv_episode_dialog_get_watch_button (dialog), "clicked");
  wait_until (button_idle, ssv_episode_dialog_get_watch_button (dialog), "the unfollow");
  g_assert_false (ssv_watch_button_get_followed (SSV_WATCH_BUTTON (ssv_episode_dialog_get_watch_button (dialog))));
  gtk_window_close (GTK_WINDOW (dialog));
  settle (500);
  wait_until (calendar_settled, calendar, "the calendar's reload");
  g_assert_null (ssv_calendar_page_find_card (calendar, 401));
  g_assert_nonnull (ssv_calendar_page_find_card (calendar, 115));

  ssv_ui_test_stop_app (app);
  ssv_test_remove_tree (dir);
}

typedef struct
{
  SsvCalendarPage *calendar;
  guint            day;
  const char      *show;
} ShowOnDay;

/* The episode of @show on the calendar's day, where one is listed (a new reference). */
static SsvCalendarEntry *
find_show_on_day (ShowOnDay *where)
{
  GListModel *entries = ssv_calendar_page_get_day_entries (where->calendar, where->day);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(SsvCalendarEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (ssv_calendar_entry_get_show_title (entry), where->show) == 0)
        return g_steal_pointer (&entry);
    }

  return NULL;
}

static gboolean
show_listed_on_day (gpointer data)
{
  g_autoptr(SsvCalendarEntry) entry = find_show_on_day (data);

  return entry != NULL && calendar_settled (((ShowOnDay *) data)->calendar);
}

/* How many episodes of @show the day lists. */
static guint
count_show_on_day (SsvCalendarPage *calendar,
                   guint            day,
                   const char      *show)
{
  GListModel *entries = ssv_calendar_page_get_day_entries (calendar, day);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(SsvCalendarEntry) entry = g_list_model_get_item (entries, i);

      n += g_strcmp0 (ssv_calendar_entry_get_show_title (entry), show) == 0;
    }

  return n;
}

/* Wishes a show from TMDB's page as its Wish button does, with TMDB's list of episodes:
 * S@season E01 aired ten days ago, E02 airs on @day. */
static void
wish_from_tmdb (SsvWishlistStore *store,
                const char       *tmdb_id,
                const char       *title,
                int               season,
                const char       *day)
{
  g_autoptr(SsvWishlistShow) show = ssv_wishlist_show_new ("tmdb", tmdb_id, title);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ten_ago = day_text (-10);
  SsvWishlistShowEpisode *episode;

  episode = ssv_wishlist_show_add_episode (show, season, 1);
  episode->title = g_strdup ("Before");
  episode->air_date = g_strdup (ten_ago);
  episode = ssv_wishlist_show_add_episode (show, season, 2);
  episode->title = g_strdup ("Coming Up");
  episode->air_date = g_strdup (day);

  g_assert_true (ssv_wishlist_store_add_show (store, show, SSV_WISH_TARGET_SHOW, 0, 0, now, NULL, &error));
  g_assert_no_error (error);
}

/* A show wished from TMDB's page alone (not in the library) joins the open calendar on the
 * day its episode airs, as an owned show's card: title, code, time; a show both owned and
 * wished shows once; and the export carries it. */
static void
test_calendar_wished_not_owned (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = make_library (dir);
  g_autofree char *ics_path = g_build_filename (dir, "export.ics", NULL);
  g_autoptr(GFile) ics = g_file_new_for_path (ics_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(SsvCalendarEntry) entry = NULL;
  g_autofree char *in_three = day_text (3);
  g_autofree char *in_five = day_text (5);
  g_autofree char *contents = NULL;
  SsvApplication *app;
  SsvWindow *window;
  SsvCalendarPage *calendar;
  SsvWishlistStore *wishlist;
  GtkWidget *card;
  ShowOnDay shrinking = { NULL, 3, "Shrinking" };

  if (g_date_time_get_hour (now) == 23 && g_date_time_get_minute (now) >= 58)
    {
      g_test_skip ("too close to midnight");
      return;
    }

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  g_assert_true (ssv_window_show_page (window, "calendar"));
  calendar = SSV_CALENDAR_PAGE (ssv_window_get_visible_page (window));
  wait_until (calendar_settled, calendar, "the calendar");
  shrinking.calendar = calendar;

  /* Wished while the calendar is open: it follows the wishlist. The Bear is also in the
   * library, with its episode in five days. */
  wishlist = ssv_context_get_wishlist_store (ssv_application_get_context (app));
  wish_from_tmdb (wishlist, "136311", "Shrinking", 2, in_three);
  wish_from_tmdb (wishlist, "136315", "The Bear", 3, in_five);
  wait_until (show_listed_on_day, &shrinking, "the wished show on the calendar");

  entry = find_show_on_day (&shrinking);
  g_assert_false (ssv_calendar_entry_get_owned (entry));
  card = ssv_calendar_page_find_card (calendar, ssv_calendar_entry_get_episode_id (entry));
  g_assert_nonnull (card);
  g_assert_true (ssv_ui_test_shows_label (card, "Shrinking"));
  g_assert_true (ssv_ui_test_shows_label (card, "S02E02 · Coming Up"));
  g_assert_cmpstr (ssv_episode_card_get_time_text (SSV_EPISODE_CARD (card)), ==, "Anytime");
  g_assert_cmpuint (count_show_on_day (calendar, 5, "The Bear"), ==, 1);
  g_assert_null (ssv_calendar_page_find_card (calendar, 301));
  settle (400);
  screenshot (GTK_WIDGET (window), "daily-calendar-wished");

  /* The episode's dialog: not in the library, and no library page to open. */
  ssv_calendar_page_open_episode (calendar, entry);
  settle (300);
  g_assert_cmpstr (ssv_episode_dialog_get_owned_text (SSV_EPISODE_DIALOG (find_dialog ())), ==,
                   "Not in Your Library");
  gtk_window_close (GTK_WINDOW (find_dialog ()));
  wait_until (dialog_gone, NULL, "the dialog to close");

  ssv_calendar_page_export_to (calendar, ics);
  wait_until (export_done, calendar, "the export");
  g_assert_true (g_file_get_contents (ics_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "UID:tmdb-136311-s2e2@soulsync-video\r\n"));
  g_assert_cmpuint (count_lines (contents, "UID:tmdb-136315-s3e1@"), ==, 1);

  ssv_ui_test_stop_app (app);
  ssv_test_remove_tree (dir);
}

/* ---- a wanted title's quality profile ------------------------------------------------ */

/* Waits until @sql's one number, read in the app's library, is @expected. */
static void
wait_for_query (const char *db_path,
                const char *sql,
                gint64      expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

  g_assert_no_error (error);
  if (!ssv_test_wait_for_query_int (db, sql, expected, 20000))
    g_error ("Timed out waiting for %s", sql);
}

typedef struct
{
  SsvWishButton *button;
  gint64         profile;
} StateWait;

/* The menu shows @profile chosen, and the item the store read back has it too. */
static gboolean
profile_state_is (gpointer data)
{
  StateWait *wait = data;
  SsvWishProfileChoice *choice = ssv_wish_button_get_profile_choice (wait->button);
  SsvWishlistItem *item = ssv_wish_profile_choice_get_item (choice);

  return !ssv_wish_button_get_busy (wait->button) && item != NULL &&
         ssv_wishlist_item_get_profile_id (item) == wait->profile &&
         ssv_wish_profile_choice_get_profile_id (choice) == wait->profile;
}

static void
wait_for_profile_state (SsvWishButton *button,
                        gint64         profile)
{
  StateWait wait = { button, profile };

  wait_until (profile_state_is, &wait, "the menu's profile");
}

static gboolean
wish_button_wanted (gpointer data)
{
  return ssv_wish_button_get_wanted (data) && !ssv_wish_button_get_busy (data);
}

static gboolean
profiles_listed (gpointer data)
{
  return ssv_wish_profile_choice_get_loaded (ssv_wish_button_get_profile_choice (data));
}

/* The "Quality Profile" submenu somewhere in @menu's sections, or NULL. */
static GMenuModel *
find_profile_submenu (GMenuModel *menu)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) &&
          g_strcmp0 (label, "Quality Profile") == 0)
        return g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);
      if (section != NULL)
        {
          GMenuModel *found = find_profile_submenu (section);

          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

static gboolean
refusal_shown (gpointer data)
{
  return ssv_ui_test_shows_label (data, "There is no quality profile 9999; pick one that Preferences lists.");
}

static SsvWishButton *
wish_button_of (SsvTitlePage *title)
{
  GtkWidget *button = ssv_ui_test_find_widget_of_type (GTK_WIDGET (title), SSV_TYPE_WISH_BUTTON);

  g_assert_nonnull (button);
  wait_until (wish_button_wanted, button, "the title to be wanted");
  return SSV_WISH_BUTTON (button);
}

/* A wanted movie's page has a menu beside its wishlist pill with the wishlist's "Quality
 * Profile" choice: picking a profile saves it on the wanted movie, the menu shows the
 * profile the store has (also when it changes elsewhere), and a pick that cannot be saved
 * says why in a toast and shows the profile as it was. A wanted show's wishlist menu has
 * the same choice, for the show. */
static void
test_title_wish_profile (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = make_library (dir);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvWishlistStore *store = ssv_context_get_wishlist_store (ssv_application_get_context (app));
  g_autoptr(GError) error = NULL;
  g_autoptr(GMenuModel) submenu = NULL;
  g_autofree char *labels = NULL;
  SsvWishButton *wish;
  SsvTitlePage *title;
  GtkWidget *menu_button;
  gint64 uhd, any, row;

  /* The default profiles, as the first list of them writes (no page lists them at start). */
  g_assert_true (ssv_profile_store_ensure_defaults (ssv_context_get_profile_store (ssv_application_get_context (app)),
                                                    &error));
  g_assert_no_error (error);
  {
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_no_error (error);
    uhd = ssv_test_query_int (db, "SELECT id FROM quality_profiles WHERE name = 'Ultra-HD'");
    any = ssv_test_query_int (db, "SELECT id FROM quality_profiles WHERE name = 'Any'");
    g_assert_cmpint (uhd, >, 0);
    g_assert_cmpint (any, >, 0);
  }

  /* Not wanted: the pill alone. */
  title = open_title (window, "win.show-movie", ARRIVAL);
  wish = SSV_WISH_BUTTON (ssv_ui_test_find_widget_of_type (GTK_WIDGET (title), SSV_TYPE_WISH_BUTTON));
  g_assert_nonnull (wish);
  settle (200);
  g_assert_false (ssv_wish_button_get_wanted (wish));
  g_assert_null (ssv_wish_button_get_menu_button (wish));

  /* Wanted: a menu beside the pill, an icon that says what it is. */
  gtk_widget_activate_action (GTK_WIDGET (title), "title.wish", "(uxi)", (guint32) SSV_WISH_TARGET_MOVIE,
                              (gint64) ARRIVAL, -1);
  wish = wish_button_of (title);
  menu_button = ssv_wish_button_get_menu_button (wish);
  g_assert_nonnull (menu_button);
  g_assert_true (gtk_widget_get_visible (menu_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, "Wishlist Options");
  submenu = find_profile_submenu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)));
  g_assert_nonnull (submenu);

  /* Opened, it lists the default and every profile, the default chosen. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  wait_until (profiles_listed, wish, "the profiles");
  labels = ssv_ui_test_dup_menu_labels (submenu);
  g_assert_cmpstr (labels, ==, "Default|HD 1080p|Ultra-HD|Any");
  g_assert_cmpint (ssv_wish_profile_choice_get_profile_id (ssv_wish_button_get_profile_choice (wish)), ==, 0);
  screenshot (GTK_WIDGET (window), "title-wish-profile-menu");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  {
    g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (submenu, 2, G_MENU_ATTRIBUTE_TARGET, NULL);
    g_autofree char *action = NULL;

    g_assert_true (g_menu_model_get_item_attribute (submenu, 2, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_cmpstr (action, ==, "wish-profile.set");
    g_assert_cmpint (g_variant_get_int64 (target), ==, uhd);
  }

  /* Picking "Ultra-HD" saves it on the wanted movie; the menu shows it chosen. */
  g_assert_true (gtk_widget_activate_action (menu_button, "wish-profile.set", "x", uhd));
  wait_for_query (db_path, "SELECT coalesce (profile_id, 0) FROM wishlist WHERE kind = 'movie'", uhd);
  wait_for_profile_state (wish, uhd);

  /* Set elsewhere (the CLI, the wishlist): the menu follows. */
  {
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    row = ssv_test_query_int (db, "SELECT id FROM wishlist WHERE kind = 'movie'");
  }
  g_assert_true (ssv_wishlist_store_set_profile (store, SSV_WISHLIST_KIND_MOVIE, row, any, &error));
  g_assert_no_error (error);
  wait_for_profile_state (wish, any);

  /* A profile that is gone: a toast in plain words, and the menu as it was. */
  g_assert_true (gtk_widget_activate_action (menu_button, "wish-profile.set", "x", (gint64) 9999));
  wait_until (refusal_shown, window, "the toast");
  wait_for_profile_state (wish, any);
  screenshot (GTK_WIDGET (window), "title-wish-profile-refused");
  wait_for_query (db_path, "SELECT coalesce (profile_id, 0) FROM wishlist WHERE kind = 'movie'", any);

  /* A wanted show's wishlist menu has the same choice, for the show. */
  title = open_title (window, "win.show-show", SEVERANCE);
  gtk_widget_activate_action (GTK_WIDGET (title), "title.wish", "(uxi)", (guint32) SSV_WISH_TARGET_SHOW,
                              (gint64) SEVERANCE, -1);
  wish = wish_button_of (title);
  menu_button = ssv_wish_button_get_menu_button (wish);
  g_assert_nonnull (menu_button);
  g_clear_object (&submenu);
  submenu = find_profile_submenu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)));
  g_assert_nonnull (submenu);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  wait_until (profiles_listed, wish, "the profiles");
  screenshot (GTK_WIDGET (window), "title-wish-profile-show-menu");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  g_assert_true (gtk_widget_activate_action (menu_button, "wish-profile.set", "x", uhd));
  wait_for_query (db_path, "SELECT coalesce (profile_id, 0) FROM wishlist_shows", uhd);
  wait_for_profile_state (wish, uhd);

  ssv_ui_test_stop_app (app);
  ssv_test_remove_tree (dir);
}

/* An export to a folder that cannot be written says so and leaves nothing behind. */
static void
test_calendar_export_fails (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = make_library (dir);
  g_autofree char *bad_path = g_build_filename (dir, "no-such-folder", "export.ics", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvCalendarPage *calendar;

  g_assert_true (ssv_window_show_page (window, "calendar"));
  calendar = SSV_CALENDAR_PAGE (ssv_window_get_visible_page (window));
  wait_until (calendar_settled, calendar, "the calendar");

  ssv_calendar_page_export_to (calendar, bad);
  wait_until (export_done, calendar, "the export");
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  /* The page is as it was: the button works again. */
  g_assert_true (gtk_widget_get_sensitive (ssv_page_get_header_widget (SSV_PAGE (calendar))));

  ssv_ui_test_stop_app (app);
  ssv_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *cache_dir = NULL;
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  cache_dir = ssv_test_make_temp_dir ();
  g_setenv ("SSV_CACHE_DIR", cache_dir, TRUE);

  g_test_add_func ("/ui/daily/watchlist", test_watchlist);
  g_test_add_func ("/ui/daily/wishlist", test_wishlist);
  g_test_add_func ("/ui/daily/title-wish-profile", test_title_wish_profile);
  g_test_add_func ("/ui/daily/calendar", test_calendar);
  g_test_add_func ("/ui/daily/calendar-export-fails", test_calendar_export_fails);
  g_test_add_func ("/ui/daily/calendar-wished-not-owned", test_calendar_wished_not_owned);

  result = g_test_run ();

  ssv_test_remove_tree (cache_dir);
  return result;
}
