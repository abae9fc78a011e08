/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-library.c: the real app connects a (fake) Jellyfin server through its dialog, scans
 * it, and shows poster grids; search, filters, sort, title pages, folders and the folder
 * watcher are driven as a person would, with screenshots along the way. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ssv-fake-jellyfin.h"
#include "ssv-folder-chooser.h"
#include "pages/ssv-library-page.h"
#include "widgets/ssv-poster-card.h"
#include "widgets/ssv-poster-grid.h"
#include "preferences/ssv-preferences-window.h"
#include "widgets/ssv-scan-bar.h"
#include "dialogs/ssv-server-dialog.h"
#include "ssv-test-utils.h"
#include "pages/ssv-title-page-private.h"
#include "pages/title/ssv-season-episodes.h"
#include "ssv-ui-test-utils.h"
#include "model/ssv-movie.h"
#include "sources/ssv-folder-watcher.h"
#include "sources/ssv-scan-result.h"
#include "sources/ssv-scanner.h"

#define API_KEY "ui-test-key-6d3f1a"

static char *tmp_dir;

typedef struct
{
  SsvFakeServer   *server;
  SsvFakeJellyfin *jellyfin;
  GBytes          *png;
} Fake;

/* A real PNG poster per request: a colour from the path, so cards differ. */
static gboolean
image_handler (SsvFakeServer        *server,
               const SsvFakeRequest *request,
               guint                *status,
               char                **content_type,
               GBytes              **body,
               gpointer              user_data)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 200, 300);
  guint hash = g_str_hash (request->path);
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, ((hash & 0xffffff) << 8) | 0xff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", NULL, NULL));

  *status = 200;
  *content_type = g_strdup ("image/png");
  *body = g_bytes_new_take (buffer, size);
  return TRUE;
}

static const struct { const char *name; int year; gboolean watched; const char *genre; } movies[] = {
  { "The Matrix", 1999, TRUE, "Science Fiction" },
  { "A Beautiful Mind", 2001, FALSE, "Drama" },
  { "Casablanca", 1942, TRUE, "Drama" },
  { "Jaws", 1975, FALSE, "Thriller" },
  { "An American Werewolf in London", 1981, FALSE, "Horror" },
  { "Heat", 1995, TRUE, "Crime" },
  { "Zodiac", 2007, FALSE, "Crime" },
  { "Blade Runner 2049", 2017, FALSE, "Science Fiction" },
  { "Arrival", 2016, FALSE, "Science Fiction" },
  { "Paddington 2", 2017, TRUE, "Family" },
  { "Paddington", 2014, FALSE, "Family" },
  { "Alien", 1979, FALSE, "Horror" },
};

static Fake *
fake_new (void)
{
  Fake *fake = g_new0 (Fake, 1);

  fake->server = ssv_fake_server_new ();
  fake->jellyfin = ssv_fake_jellyfin_new (fake->server, API_KEY);
  ssv_fake_server_add_handler (fake->server, "GET /Items/*", image_handler, NULL, NULL);
  ssv_fake_jellyfin_add_library (fake->jellyfin, "lib-movies", "Films", "movies");
  ssv_fake_jellyfin_add_library (fake->jellyfin, "lib-shows", "Series", "tvshows");
  ssv_fake_jellyfin_add_library (fake->jellyfin, "lib-music", "Music", "music");

  for (guint i = 0; i < G_N_ELEMENTS (movies); i++)
    {
      g_autofree char *id = g_strdup_printf ("movie-%u", i);
      JsonObject *movie = ssv_fake_jellyfin_add_movie (fake->jellyfin, "lib-movies", id, movies[i].name,
                                                       movies[i].year);
      JsonArray *genres = json_array_new ();

      json_array_add_string_element (genres, movies[i].genre);
      json_object_set_array_member (movie, "Genres", genres);
      json_object_set_boolean_member (json_object_get_object_member (movie, "UserData"), "Played",
                                      movies[i].watched);
      json_object_set_double_member (movie, "CommunityRating", 5.0 + i * 0.3);
    }
  /* Real recorded items, too. */
  ssv_fake_jellyfin_add_fixture_items (fake->jellyfin, "lib-movies", "jellyfin/mediux_list-movies.json");

  for (guint s = 0; s < 4; s++)
    {
      const char *names[] = { "Breaking Bad", "The Wire", "Fargo", "Dark" };
      g_autofree char *id = g_strdup_printf ("series-%u", s);
      JsonObject *series = ssv_fake_jellyfin_add_series (fake->jellyfin, "lib-shows", id, names[s], 2008 + (int) s);
      JsonObject *tags = json_object_new ();

      json_object_set_string_member (tags, "Primary", "feedface");
      json_object_set_object_member (series, "ImageTags", tags);
      json_object_set_string_member (series, "Overview", "A show made up for the tests.");
      for (guint e = 0; e < 12; e++)
        {
          g_autofree char *episode_id = g_strdup_printf ("series-%u-ep-%u", s, e);
          g_autofree char *title = g_strdup_printf ("Chapter %u", e + 1);

          ssv_fake_jellyfin_add_episode (fake->jellyfin, id, episode_id, 1 + (int) (e / 6), 1 + (int) (e % 6), title);
        }
    }

  return fake;
}

static void
fake_free (Fake *fake)
{
  ssv_fake_server_free (fake->server);
  ssv_fake_jellyfin_free (fake->jellyfin);
  g_free (fake);
}

/* Screenshots of windows that just opened wait until they are on screen and drawn
 * (a busy machine can take a while). */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0) &&
         g_get_monotonic_time () < deadline)
    ssv_ui_test_iterate (50);
  ssv_ui_test_iterate (150);
  ssv_ui_test_screenshot (widget, name);
}

static SsvLibraryPage *
library_page (SsvWindow *window)
{
  g_assert_true (ssv_window_show_page (window, "library"));
  return SSV_LIBRARY_PAGE (ssv_window_get_visible_page (window));
}

static gboolean
page_in_state (gpointer data)
{
  SsvLibraryPage *page = g_object_get_data (data, "page");
  const char *state = g_object_get_data (data, "state");

  return g_strcmp0 (ssv_library_page_get_state (page), state) == 0;
}

static void
wait_for_state (SsvLibraryPage *page,
                const char     *state)
{
  g_autoptr(GObject) probe = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (probe, "page", page);
  g_object_set_data (probe, "state", (gpointer) state);
  if (!ssv_test_wait_for (page_in_state, probe, 20000))
    g_error ("The library page never showed “%s” (it shows “%s”)", state, ssv_library_page_get_state (page));
}

static gboolean
scanner_idle (gpointer data)
{
  return !ssv_scanner_get_running (data);
}

static gboolean
scan_finished (gpointer data)
{
  return ssv_window_get_last_scan (data) != NULL && !ssv_scanner_get_running (
    ssv_context_get_scanner (ssv_window_get_context (data)));
}

static guint
model_count (SsvLibraryPage *page)
{
  return g_list_model_get_n_items (ssv_library_page_get_visible_model (page));
}

static char *
model_titles (SsvLibraryPage *page,
              guint           limit)
{
  GListModel *model = ssv_library_page_get_visible_model (page);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model) && i < limit; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *title = NULL;

      g_object_get (item, "title", &title, NULL);
      g_string_append_printf (out, "%s%s", i ? "|" : "", title);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Every card in view shows its poster (cards bound past the view's edges let go of theirs). */
static gboolean
has_loaded_posters (gpointer data)
{
  g_autoptr(GPtrArray) cards = ssv_poster_grid_dup_bound_cards (data);
  guint in_view = 0;
  guint with_poster = 0;

  for (guint i = 0; i < cards->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (cards, i);

      if (!gtk_widget_get_mapped (card))
        continue;
      in_view++;
      with_poster += ssv_poster_card_get_has_poster (SSV_POSTER_CARD (card));
    }

  return in_view > 0 && with_poster == in_view;
}

typedef struct
{
  const char *text;
  gboolean    announced;
} SearchWait;

static void
on_search_announced (GtkEditable *search,
                     SearchWait  *wait)
{
  /* Replacing the text empties it first, which GtkSearchEntry announces at once: only the
   * announcement of the text asked for counts. */
  if (g_strcmp0 (gtk_editable_get_text (search), wait->text) == 0)
    wait->announced = TRUE;
}

static void
set_search (SsvLibraryPage *page,
            const char     *text)
{
  /* Ctrl+F puts the focus in the search, where the text goes. */
  gtk_widget_activate_action (GTK_WIDGET (page), "library.find", NULL);
  ssv_ui_test_iterate (30);
  {
    GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (page)));
    GtkWidget *search = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);

    SearchWait wait = { text, FALSE };
    gulong handler;

    g_assert_nonnull (search);
    /* GtkSearchEntry waits a little before it announces a change: wait for the announcement,
     * not for a fixed time, then let the filter run. */
    handler = g_signal_connect (search, "search-changed", G_CALLBACK (on_search_announced), &wait);
    gtk_editable_set_text (GTK_EDITABLE (search), text);
    ssv_test_wait_for_flag (&wait.announced, 10000);
    g_signal_handler_disconnect (search, handler);
  }
  ssv_ui_test_iterate (50);
}

typedef struct
{
  GType       type;
  const char *needle;
} Named;

/* A @type whose tooltip says @needle. */
static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  data)
{
  const Named *named = data;
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, named->type) && tooltip != NULL && strstr (tooltip, named->needle) != NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            GType       type,
            const char *needle)
{
  return ssv_ui_test_find_widget (root, is_named, &(Named) { type, needle });
}

static gboolean
is_status_page_titled (GtkWidget     *widget,
                       gconstpointer  title)
{
  return ADW_IS_STATUS_PAGE (widget) && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

static void
test_connect_scan_browse (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "library.db", NULL);
  Fake *fake = fake_new ();
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvContext *context = ssv_window_get_context (window);
  SsvLibraryPage *page = library_page (window);
  SsvServerDialog *dialog;
  const SsvScanResult *scan;
  GtkWidget *grid;
  g_autofree char *first = NULL;
  g_autofree char *by_title = NULL;
  g_autofree char *by_year = NULL;
  guint all_movies = G_N_ELEMENTS (movies) + 3;

  wait_for_state (page, "empty");
  screenshot (GTK_WIDGET (window), "library-welcome");

  /* "Connect a Server…" opens the real dialog. */
  gtk_widget_activate_action (GTK_WIDGET (page), "library.connect-server", NULL);
  ssv_ui_test_iterate (300);
  dialog = SSV_SERVER_DIALOG (ssv_ui_test_find_window (SSV_TYPE_SERVER_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  /* A wrong key is said so in plain words. */
  ssv_server_dialog_fill (dialog, "jellyfin", ssv_fake_server_get_url (fake->server), "wrong-key");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "server.test", NULL);
  while (strstr (ssv_server_dialog_get_status (dialog), "…") != NULL)
    ssv_ui_test_iterate (50);
  g_assert_nonnull (strstr (ssv_server_dialog_get_status (dialog), "rejected the key or token"));

  ssv_server_dialog_fill (dialog, "jellyfin", ssv_fake_server_get_url (fake->server), API_KEY);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "server.test", NULL);
  while (strstr (ssv_server_dialog_get_status (dialog), "…") != NULL ||
         strstr (ssv_server_dialog_get_status (dialog), "Not tested") != NULL)
    ssv_ui_test_iterate (50);
  g_assert_cmpstr (ssv_server_dialog_get_status (dialog), ==, "Connected to Fake Jellyfin (Jellyfin 10.9.11)");
  ssv_ui_test_iterate (200);
  screenshot (GTK_WIDGET (dialog), "server-dialog");

  /* Add: the token goes to the keyring, the server is scanned, the toast sums it up. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "server.save", NULL);
  g_assert_true (ssv_test_wait_for (scan_finished, window, 30000));
  scan = ssv_window_get_last_scan (window);
  g_assert_cmpuint (scan->errors, ==, 0);
  g_assert_cmpuint (scan->added, ==, all_movies + 4 + 4 * 12);
  g_assert_null (ssv_ui_test_find_window (SSV_TYPE_SERVER_DIALOG));

  wait_for_state (page, "content");
  g_assert_cmpuint (model_count (page), ==, all_movies);
  g_assert_cmpstr (ssv_library_page_get_count_text (page), ==, "15 movies");
  g_assert_false (ssv_scan_bar_get_revealed (SSV_SCAN_BAR (ssv_ui_test_find_widget_of_type (GTK_WIDGET (window), SSV_TYPE_SCAN_BAR))));

  /* Posters arrive in the visible cards. */
  grid = ssv_library_page_get_grid (page, "movies");
  g_assert_true (ssv_test_wait_for (has_loaded_posters, grid, 20000));
  ssv_ui_test_iterate (300);
  screenshot (GTK_WIDGET (window), "library-movies");

  /* Sorted by title, leading articles ignored: A Beautiful Mind by B, The Matrix by M. */
  by_title = model_titles (page, 20);
  g_test_message ("by title: %s", by_title);
  g_assert_cmpstr (by_title, ==,
                   "Alien|An American Werewolf in London|Arrival|A Beautiful Mind|Blade Runner 2049|"
                   "Casablanca|Despicable Me|Heat|Jaws|Kiki's Delivery Service|The Matrix|Paddington|"
                   "Paddington 2|Porco Rosso|Zodiac");

  /* "No Matches" is built the first time a search or filter leaves a kind empty. */
  g_assert_null (ssv_ui_test_find_widget (GTK_WIDGET (page), is_status_page_titled, "No Matches"));

  /* Search as you type, case and accents aside. */
  set_search (page, "PADD");
  g_assert_cmpuint (model_count (page), ==, 2);
  g_assert_cmpstr (ssv_library_page_get_count_text (page), ==, "2 of 15 movies");
  screenshot (GTK_WIDGET (window), "library-search");
  set_search (page, "matrix");
  first = model_titles (page, 1);
  g_assert_cmpstr (first, ==, "The Matrix");
  set_search (page, "");
  g_assert_cmpuint (model_count (page), ==, all_movies);

  /* Nothing matches: "No Matches" in place of the grid. */
  {
    GtkWidget *none;

    set_search (page, "zzzz");
    g_assert_cmpuint (model_count (page), ==, 0);
    none = ssv_ui_test_find_widget (GTK_WIDGET (page), is_status_page_titled, "No Matches");
    g_assert_nonnull (none);
    g_assert_true (gtk_widget_get_mapped (none));
    set_search (page, "");
    g_assert_false (gtk_widget_get_mapped (none));
    g_assert_cmpuint (model_count (page), ==, all_movies);
  }

  /* Sort by year: newest first. The Sort button says what the grid is sorted by; its
   * menu (radio items of library.sort) is built when it first opens. */
  {
    GtkWidget *sort = find_named (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON, "Sort by");
    GMenuModel *section;

    g_assert_nonnull (sort);
    g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (sort)), ==, "Title");
    g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (sort)));
    gtk_menu_button_popup (GTK_MENU_BUTTON (sort));
    ssv_ui_test_iterate (100);
    g_assert_true (GTK_IS_POPOVER_MENU (gtk_menu_button_get_popover (GTK_MENU_BUTTON (sort))));
    section = g_menu_model_get_item_link (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (sort)), 0,
                                          G_MENU_LINK_SECTION);
    g_assert_cmpint (g_menu_model_get_n_items (section), ==, 4);
    g_object_unref (section);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (sort));

    g_assert_true (gtk_widget_activate_action (sort, "library.sort", "s", "year"));
    ssv_ui_test_iterate (100);
    g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (sort)), ==, "Year");
    by_year = model_titles (page, 3);
    g_assert_cmpstr (by_year, ==, "Blade Runner 2049|Paddington 2|Arrival");
    g_assert_true (gtk_widget_activate_action (sort, "library.sort", "s", "rating"));
    ssv_ui_test_iterate (100);
    g_free (first);
    first = model_titles (page, 1);
    /* The highest community rating of all: Alien (5.0 + 11 × 0.3). */
    g_assert_cmpstr (first, ==, "Alien");
    g_assert_true (gtk_widget_activate_action (sort, "library.sort", "s", "title"));
    ssv_ui_test_iterate (100);
    g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (sort)), ==, "Title");
  }

  /* Filters: watched, genre, years, has file. */
  {
    GtkWidget *filter = find_named (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON, "Filter");
    GtkWidget *popover_child;
    GtkWidget *watched = NULL, *genre = NULL;
    GtkWidget *check = NULL;
    GtkWidget *spin_from = NULL;

    g_assert_nonnull (filter);
    /* Built when first opened, not with the page. */
    g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (filter)));
    gtk_menu_button_popup (GTK_MENU_BUTTON (filter));
    ssv_ui_test_iterate (200);
    popover_child = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (filter)));

    for (GtkWidget *child = gtk_widget_get_first_child (popover_child); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        if (GTK_IS_DROP_DOWN (child) && genre == NULL)
          genre = child;
        else if (GTK_IS_DROP_DOWN (child))
          watched = child;
        else if (GTK_IS_CHECK_BUTTON (child))
          check = child;
        else if (GTK_IS_SPIN_BUTTON (child) && spin_from == NULL)
          spin_from = child;
      }
    g_assert_nonnull (genre);
    g_assert_nonnull (watched);

    gtk_drop_down_set_selected (GTK_DROP_DOWN (watched), 1);
    ssv_ui_test_iterate (50);
    g_assert_cmpuint (model_count (page), ==, 4);
    screenshot (GTK_WIDGET (window), "library-filter-open");

    gtk_drop_down_set_selected (GTK_DROP_DOWN (watched), 2);
    ssv_ui_test_iterate (50);
    g_assert_cmpuint (model_count (page), ==, all_movies - 4);

    gtk_drop_down_set_selected (GTK_DROP_DOWN (watched), 0);
    for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (genre))); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (genre))), i),
                     "Science Fiction") == 0)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (genre), i);
    ssv_ui_test_iterate (50);
    g_assert_cmpuint (model_count (page), ==, 3);

    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin_from), 2000);
    ssv_ui_test_iterate (50);
    g_assert_cmpuint (model_count (page), ==, 2);

    /* A reload rebuilds the genre list under the open popover: the choice stays. */
    gtk_widget_activate_action (GTK_WIDGET (page), "library.reload", NULL);
    ssv_ui_test_iterate (300);
    g_assert_cmpuint (model_count (page), ==, 2);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (genre))),
                                                 gtk_drop_down_get_selected (GTK_DROP_DOWN (genre))),
                     ==, "Science Fiction");

    gtk_widget_activate_action (GTK_WIDGET (page), "library.clear-filters", NULL);
    ssv_ui_test_iterate (50);
    g_assert_cmpuint (model_count (page), ==, all_movies);

    /* The recorded items carry no file; the made-up ones do. */
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    ssv_ui_test_iterate (50);
    g_assert_cmpuint (model_count (page), ==, G_N_ELEMENTS (movies));
    gtk_widget_activate_action (GTK_WIDGET (page), "library.clear-filters", NULL);
    gtk_popover_popdown (gtk_menu_button_get_popover (GTK_MENU_BUTTON (filter)));
    ssv_ui_test_iterate (100);
  }

  /* Keyboard: the grid takes focus and arrows move within it; Ctrl+2 shows shows. */
  gtk_widget_grab_focus (grid);
  ssv_ui_test_iterate (50);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (ssv_poster_grid_get_grid_view (SSV_POSTER_GRID (grid)))) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (ssv_poster_grid_get_grid_view (SSV_POSTER_GRID (grid)))));

  /* A tab never shown has built no cards, so fetched no posters. */
  {
    g_autoptr(GPtrArray) hidden = ssv_poster_grid_dup_bound_cards (SSV_POSTER_GRID (ssv_library_page_get_grid (page, "shows")));
    g_assert_cmpuint (hidden->len, ==, 0);
  }

  gtk_widget_activate_action (GTK_WIDGET (page), "library.show-view", "s", "shows");
  ssv_ui_test_iterate (300);
  g_assert_cmpuint (model_count (page), ==, 4);
  g_assert_cmpstr (ssv_library_page_get_count_text (page), ==, "4 shows");
  g_assert_true (ssv_test_wait_for (has_loaded_posters, ssv_library_page_get_grid (page, "shows"), 20000));
  screenshot (GTK_WIDGET (window), "library-shows");

  /* A show's page: seasons, episodes, watched state. */
  {
    g_autoptr(GObject) show = g_list_model_get_item (ssv_library_page_get_visible_model (page), 0);
    SsvPage *title_page;
    GtkWidget *episodes;

    g_signal_emit_by_name (ssv_library_page_get_grid (page, "shows"), "item-activated", show);
    ssv_ui_test_iterate (100);
    title_page = ssv_window_get_visible_page (window);
    g_assert_true (SSV_IS_TITLE_PAGE (title_page));
    while (g_strcmp0 (ssv_title_page_get_state (SSV_TITLE_PAGE (title_page)), "loading") == 0)
      ssv_ui_test_iterate (50);
    g_assert_cmpstr (ssv_title_page_get_state (SSV_TITLE_PAGE (title_page)), ==, "content");
    g_assert_cmpstr (ssv_page_get_title (title_page), ==, "Breaking Bad");
    g_assert_cmpuint (g_list_model_get_n_items (ssv_title_get_episodes (ssv_title_page_get_item (SSV_TITLE_PAGE (title_page)))),
                      ==, 12);
    g_assert_cmpuint (g_list_model_get_n_items (ssv_title_get_seasons (ssv_title_page_get_item (SSV_TITLE_PAGE (title_page)))),
                      ==, 2);
    /* The first season with something unwatched is open. */
    episodes = ssv_title_page_get_section (SSV_TITLE_PAGE (title_page), "season_episodes");
    g_assert_cmpuint (ssv_season_episodes_count_rows (SSV_SEASON_EPISODES (episodes)), ==, 6);
    ssv_ui_test_iterate (400);
    screenshot (GTK_WIDGET (window), "title-show");

    gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
    ssv_ui_test_iterate (100);
    g_assert_true (SSV_IS_LIBRARY_PAGE (ssv_window_get_visible_page (window)));
  }

  /* A movie's page, through the window action: facts and its file. */
  {
    gint64 id = ssv_test_query_int (ssv_context_get_database (context),
                                    "SELECT id FROM movies WHERE title = 'The Matrix'");
    SsvPage *title_page;
    SsvTitle *detail;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-movie", "x", id);
    ssv_ui_test_iterate (100);
    title_page = ssv_window_get_visible_page (window);
    g_assert_true (SSV_IS_TITLE_PAGE (title_page));
    while (g_strcmp0 (ssv_title_page_get_state (SSV_TITLE_PAGE (title_page)), "loading") == 0)
      ssv_ui_test_iterate (50);
    detail = ssv_title_page_get_item (SSV_TITLE_PAGE (title_page));
    g_assert_cmpstr (ssv_movie_get_title (SSV_MOVIE (ssv_title_get_item (detail))), ==, "The Matrix");
    g_assert_nonnull (ssv_movie_get_overview (SSV_MOVIE (ssv_title_get_item (detail))));
    g_assert_cmpuint (g_list_model_get_n_items (ssv_title_get_files (detail)), ==, 1);
    ssv_ui_test_iterate (400);
    screenshot (GTK_WIDGET (window), "title-movie");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
    ssv_ui_test_iterate (100);
  }

  /* Preferences show the server with its libraries, the folders and the scan mode. */
  {
    GtkWidget *prefs;

    g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
    ssv_ui_test_iterate (300);
    prefs = ssv_ui_test_find_window (SSV_TYPE_PREFERENCES_WINDOW);
    g_assert_nonnull (prefs);
    g_assert_true (ssv_preferences_window_show_page (SSV_PREFERENCES_WINDOW (prefs), "sources"));
    ssv_ui_test_iterate (500);
    screenshot (prefs, "preferences-sources");
    gtk_window_destroy (GTK_WINDOW (prefs));
  }

  ssv_ui_test_stop_app (app);
  fake_free (fake);
}

static void
write_video (const char *root,
             const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "\x1a\x45\xdf\xa3 a tiny video", -1, NULL));
}

static gboolean
movie_count_at_least (gpointer data)
{
  SsvLibraryPage *page = data;

  return g_strcmp0 (ssv_library_page_get_state (page), "content") == 0 && model_count (page) >= 3;
}

static void
test_folders_and_watcher (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "folders.db", NULL);
  g_autofree char *media = g_build_filename (tmp_dir, "Videos", NULL);
  SsvApplication *app;
  SsvWindow *window;
  SsvContext *context;
  SsvLibraryPage *page;

  write_video (media, "Heat (1995)/Heat (1995).mkv");
  write_video (media, "Arrival.2016.1080p.WEB-DL.mkv");
  write_video (media, "Lost/Season 1/Lost - S01E01 - Pilot.mkv");

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  context = ssv_window_get_context (window);
  page = library_page (window);
  ssv_folder_watcher_set_delay (ssv_context_get_folder_watcher (context), 300);
  wait_for_state (page, "empty");

  /* What "Add a Folder…" does once the chooser answers. */
  ssv_folder_source_add_and_scan (GTK_WIDGET (page), context, media);
  wait_for_state (page, "content");
  g_assert_true (ssv_test_wait_for (scanner_idle, ssv_context_get_scanner (context), 20000));
  ssv_ui_test_iterate (500);
  g_assert_cmpuint (model_count (page), ==, 2);

  /* A new file while the app runs: the watcher scans it in. */
  g_assert_true (ssv_folder_watcher_get_n_monitors (ssv_context_get_folder_watcher (context)) > 0);
  write_video (media, "Gattaca (1997)/Gattaca (1997).mkv");
  g_assert_true (ssv_test_wait_for (movie_count_at_least, page, 20000));
  g_assert_cmpuint (ssv_folder_watcher_get_n_scans (ssv_context_get_folder_watcher (context)), >=, 1);
  ssv_ui_test_iterate (300);
  screenshot (GTK_WIDGET (window), "library-folder");

  ssv_ui_test_stop_app (app);
}


/* ---- the first screen first --------------------------------------------------------- */

/* What each list model first received, from the start of the app on: model → items. */
static gboolean
first_added_hook (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               user_data)
{
  GHashTable *first_added = user_data;
  gpointer model = g_value_get_object (&values[0]);

  if (!g_hash_table_contains (first_added, model))
    g_hash_table_insert (first_added, model, GUINT_TO_POINTER (g_value_get_uint (&values[3])));
  return TRUE;
}

static gboolean
has_movies (gpointer data)
{
  return model_count (data) == 600;
}

/* A library larger than a screen opens on its first screen, read before the rest: the
 * first titles by title, with the library's whole count beside them; the rest comes
 * right after, in order, genres and all, the first cards kept. */
static guint
count_poster_grids (GtkWidget *widget)
{
  guint n = SSV_IS_POSTER_GRID (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_poster_grids (child);

  return n;
}

static void
test_first_screen_then_rest (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "first-screen.db", NULL);
  g_autoptr(SsvDatabase) db = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) first_item = NULL;
  g_autoptr(GObject) first_item_after = NULL;
  g_autoptr(GHashTable) first_added = g_hash_table_new (NULL, NULL);
  guint signal_id = g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL);
  gulong hook;
  guint added;
  SsvApplication *app;
  SsvWindow *window;
  SsvLibraryPage *page;
  GListModel *model;
  g_autofree char *titles = NULL;

  db = ssv_database_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_database_exec (db,
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600)"
    " INSERT INTO movies (id, title) SELECT 601 - i, printf ('Movie %03d', i) FROM n;"
    "INSERT INTO genres (id, name) VALUES (1, 'Drama');"
    "INSERT INTO movie_genres (movie_id, genre_id) VALUES (1, 1);", &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  g_settings_set_string (settings, "last-page", "library");
  hook = g_signal_add_emission_hook (signal_id, 0, first_added_hook, first_added, NULL);
  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  page = SSV_LIBRARY_PAGE (ssv_window_get_visible_page (window));
  g_assert_true (SSV_IS_LIBRARY_PAGE (page));
  model = ssv_library_page_get_visible_model (page);

  wait_for_state (page, "content");
  g_assert_cmpstr (ssv_library_page_get_count_text (page), ==, "600 movies");
  titles = model_titles (page, 3);
  g_assert_cmpstr (titles, ==, "Movie 001|Movie 002|Movie 003");
  g_clear_pointer (&titles, g_free);
  first_item = g_list_model_get_item (model, 0);

  g_assert_true (ssv_test_wait_for (has_movies, page, 20000));
  g_signal_remove_emission_hook (signal_id, hook);
  added = GPOINTER_TO_UINT (g_hash_table_lookup (first_added, model));
  g_test_message ("first added: %u", added);
  g_assert_cmpuint (added, >, 0);
  g_assert_cmpuint (added, <, 600);
  g_assert_cmpstr (ssv_library_page_get_count_text (page), ==, "600 movies");

  /* In title order throughout; the first card's title the same object. */
  titles = model_titles (page, 600);
  g_assert_true (g_str_has_prefix (titles, "Movie 001|Movie 002|Movie 003|"));
  g_assert_true (g_str_has_suffix (titles, "|Movie 599|Movie 600"));
  first_item_after = g_list_model_get_item (model, 0);
  g_assert_true (first_item == first_item_after);

  /* The Shows view builds its grid when it is first opened. */
  g_assert_cmpuint (count_poster_grids (GTK_WIDGET (page)), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "library.show-view", "s", "shows"));
  ssv_ui_test_iterate (100);
  g_assert_cmpuint (count_poster_grids (GTK_WIDGET (page)), ==, 2);
  g_assert_true (gtk_widget_get_mapped (ssv_library_page_get_grid (page, "shows")));

  ssv_ui_test_stop_app (app);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* A library that cannot be read says why on an error page, built only then; "Try
 * Again" reads it once it can be. The welcome page is never built for a library with
 * titles. */
static void
test_unreadable_then_try_again (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "unreadable.db", NULL);
  g_autoptr(SsvDatabase) db = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  SsvApplication *app;
  SsvWindow *window;
  SsvLibraryPage *page;
  GtkWidget *error_page;
  GtkWidget *try_again;
  const char *why;

  db = ssv_database_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_database_exec (db, "INSERT INTO movies (id, title) VALUES (1, 'Alien'), (2, 'Heat'), (3, 'Jaws');",
                                    &error));
  g_assert_no_error (error);

  g_settings_set_string (settings, "last-page", "library");
  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  page = SSV_LIBRARY_PAGE (ssv_window_get_visible_page (window));
  g_assert_true (SSV_IS_LIBRARY_PAGE (page));
  wait_for_state (page, "content");
  g_assert_null (ssv_ui_test_find_widget (GTK_WIDGET (page), is_status_page_titled, "The Library Could Not Be Read"));
  g_assert_null (ssv_ui_test_find_widget (GTK_WIDGET (page), is_status_page_titled, "Welcome to SoulSync Video"));

  /* A table gone from under the app: the next read fails. */
  g_assert_true (ssv_database_exec (db, "ALTER TABLE movie_genres RENAME TO movie_genres_away;", &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "library.reload", NULL));
  wait_for_state (page, "error");
  error_page = ssv_ui_test_find_widget (GTK_WIDGET (page), is_status_page_titled, "The Library Could Not Be Read");
  g_assert_nonnull (error_page);
  g_assert_true (gtk_widget_get_mapped (error_page));
  why = adw_status_page_get_description (ADW_STATUS_PAGE (error_page));
  g_test_message ("error page: %s", why);
  g_assert_nonnull (strstr (why, "movie_genres"));
  ssv_ui_test_screenshot (GTK_WIDGET (window), "library-unreadable");

  g_assert_true (ssv_database_exec (db, "ALTER TABLE movie_genres_away RENAME TO movie_genres;", &error));
  g_assert_no_error (error);
  try_again = ssv_ui_test_find_widget (error_page, is_button_labelled, "_Try Again");
  g_assert_nonnull (try_again);
  g_assert_true (gtk_widget_activate (try_again));
  wait_for_state (page, "content");
  g_assert_cmpstr (ssv_library_page_get_count_text (page), ==, "3 movies");

  ssv_ui_test_stop_app (app);
}

int
main (int    argc,
      char **argv)
{
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-ui-library-XXXXXX", NULL);
  g_setenv ("SSV_CACHE_DIR", tmp_dir, TRUE);

  g_test_add_func ("/ui/library/connect-scan-browse", test_connect_scan_browse);
  g_test_add_func ("/ui/library/folders-and-watcher", test_folders_and_watcher);
  g_test_add_func ("/ui/library/first-screen-then-rest", test_first_screen_then_rest);
  g_test_add_func ("/ui/library/unreadable-then-try-again", test_unreadable_then_try_again);

  result = g_test_run ();

  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
