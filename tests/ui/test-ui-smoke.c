/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-smoke.c: the real app with a fresh library: window, every page, dialogs, state. */

#include "config.h"

#include <glib/gstdio.h>

#include "pages/ssv-calendar-page.h"
#include "pages/ssv-discover-page.h"
#include "pages/ssv-library-page.h"
#include "pages/ssv-wishlist-page.h"
#include "preferences/ssv-preferences-window.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"

static char *tmp_dir;

static char *
fresh_db_path (void)
{
  return g_build_filename (tmp_dir, "smoke-library.db", NULL);
}

static gboolean
library_page_settled (gpointer data)
{
  const char *state = ssv_library_page_get_state (data);

  return g_strcmp0 (state, "loading") != 0;
}

static void
test_walk_every_page (void)
{
  g_autofree char *db_path = fresh_db_path ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  g_auto(GStrv) pages = ssv_window_dup_page_names (window);
  SsvPage *library;

  g_assert_cmpuint (g_strv_length (pages), >=, 1);
  g_assert_cmpstr (pages[0], ==, "library");

  /* A fresh library opens on the welcome, which offers a server or a folder. */
  g_assert_true (ssv_window_show_page (window, "library"));
  library = ssv_window_get_visible_page (window);
  g_assert_true (SSV_IS_LIBRARY_PAGE (library));
  g_assert_true (ssv_test_wait_for (library_page_settled, library, 10000));
  g_assert_cmpstr (ssv_library_page_get_state (SSV_LIBRARY_PAGE (library)), ==, "empty");
  g_assert_true (g_file_test (db_path, G_FILE_TEST_EXISTS));

  ssv_ui_test_screenshot (GTK_WIDGET (window), "library-empty");

  /* Every sidebar page is reachable through its action. */
  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_test_message ("page %s", pages[i]);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
      ssv_ui_test_iterate (150);
      g_assert_cmpstr (ssv_window_get_visible_page_name (window), ==, pages[i]);
      g_assert_cmpstr (g_settings_get_string (settings, "last-page"), ==, pages[i]);
      ssv_ui_test_screenshot (GTK_WIDGET (window), pages[i]);
    }

  /* Unknown pages change nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "no-such-page");
  ssv_ui_test_iterate (50);
  g_assert_cmpstr (ssv_window_get_visible_page_name (window), ==, pages[g_strv_length (pages) - 1]);

  ssv_ui_test_stop_app (app);
}

static void
test_dialogs (void)
{
  g_autofree char *db_path = fresh_db_path ();
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  GtkWidget *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ssv_ui_test_iterate (300);
  dialog = ssv_ui_test_find_window (SSV_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  ssv_ui_test_screenshot (dialog, "preferences");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  ssv_ui_test_iterate (300);
  dialog = ssv_ui_test_find_window (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (dialog);
  ssv_ui_test_screenshot (dialog, "about");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  ssv_ui_test_iterate (300);
  dialog = ssv_ui_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (dialog);
  ssv_ui_test_screenshot (dialog, "shortcuts");
  gtk_window_destroy (GTK_WINDOW (dialog));

  ssv_ui_test_stop_app (app);
}

static void
test_app_icons_draw (void)
{
  static const char * const icons[] = {
    RESOURCE_PATH "/icons/scalable/apps/com.soulsync.Video-symbolic.svg",
  };

  /* Without an SVG loader on the system the welcome page shows a broken image. */
  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    {
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_resource (icons[i]);

      g_test_message ("%s", icons[i]);
      g_assert_nonnull (texture);
      g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
    }

  {
    g_autofree char *path = g_build_filename (SSV_SOURCE_ROOT, "data", "icons", "hicolor", "scalable",
                                              "apps", "com.soulsync.Video.svg", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GdkTexture) texture = gdk_texture_new_from_file (file, &error);

    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (texture), ==, 128);
  }
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static void
test_toast_action (void)
{
  g_autofree char *db_path = fresh_db_path ();
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  GtkWidget *page = GTK_WIDGET (ssv_window_get_visible_page (window));
  GtkWidget *preferences;

  /* Any widget raises a toast in plain words through the app, one way for all. */
  gtk_widget_activate_action (page, "app.toast", "s", "The server could not be reached.");
  ssv_ui_test_iterate (400);
  g_assert_nonnull (ssv_ui_test_find_widget (GTK_WIDGET (window), is_label, "The server could not be reached."));
  ssv_ui_test_screenshot (GTK_WIDGET (window), "toast");

  /* While Preferences is open, toasts show there, where the person looks. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ssv_ui_test_iterate (300);
  preferences = ssv_ui_test_find_window (SSV_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  gtk_widget_activate_action (page, "app.toast", "s", "The keyring could not be used.");
  ssv_ui_test_iterate (400);
  g_assert_nonnull (ssv_ui_test_find_widget (preferences, is_label, "The keyring could not be used."));
  g_assert_null (ssv_ui_test_find_widget (GTK_WIDGET (window), is_label, "The keyring could not be used."));

  ssv_ui_test_stop_app (app);
}

typedef struct
{
  const char *title;
  const char *subtitle;
} Heading;

/* The header's title widget, showing @data's title and subtitle. */
static gboolean
is_heading (GtkWidget     *widget,
            gconstpointer  data)
{
  const Heading *heading = data;

  return ADW_IS_WINDOW_TITLE (widget) &&
         g_strcmp0 (adw_window_title_get_title (ADW_WINDOW_TITLE (widget)), heading->title) == 0 &&
         g_strcmp0 (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)), heading->subtitle) == 0;
}

static void
test_header_follows_page (void)
{
  g_autofree char *db_path = fresh_db_path ();
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  g_auto(GStrv) pages = ssv_window_dup_page_names (window);
  SsvPage *page;

  /* The header shows the title of whichever page shows. */
  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_assert_true (ssv_window_show_page (window, pages[i]));
      page = ssv_window_get_visible_page (window);
      ssv_ui_test_iterate (50);
      g_assert_nonnull (ssv_ui_test_find_widget (GTK_WIDGET (window), is_heading,
                                                 &(Heading) { ssv_page_get_title (page), "" }));
    }

  /* A page that changes its title and subtitle changes the header, and its sidebar row. */
  page = ssv_window_get_visible_page (window);
  ssv_page_set_title (page, "Renamed Page");
  ssv_page_set_subtitle (page, "12 items");
  ssv_ui_test_iterate (50);
  g_assert_nonnull (ssv_ui_test_find_widget (GTK_WIDGET (window), is_heading,
                                             &(Heading) { "Renamed Page", "12 items" }));
  g_assert_nonnull (ssv_ui_test_find_widget (GTK_WIDGET (window), is_label, "Renamed Page"));

  /* Another page: its own title, no subtitle left over. */
  g_assert_true (ssv_window_show_page (window, pages[0]));
  ssv_ui_test_iterate (50);
  page = ssv_window_get_visible_page (window);
  g_assert_nonnull (ssv_ui_test_find_widget (GTK_WIDGET (window), is_heading,
                                             &(Heading) { ssv_page_get_title (page), "" }));

  ssv_ui_test_stop_app (app);
}

/* The colour scheme follows the setting while the app runs, not just at start. */
static gboolean
is_sidebar_row (GtkWidget     *widget,
                gconstpointer  name)
{
  return GTK_IS_LIST_BOX_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* Start-up builds only the page it opens on (the others would cost the first frame
 * time for nothing); the sidebar still lists every page by its title, and a page
 * not built yet opens from its row, once. */
static void
test_pages_built_on_first_show (void)
{
  g_autofree char *db_path = fresh_db_path ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  SsvApplication *app;
  SsvWindow *window;
  SsvPage *wishlist;

  g_settings_reset (settings, "last-page");
  g_settings_reset (settings, "last-title");
  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  ssv_ui_test_iterate (100);

  g_assert_cmpstr (ssv_window_get_visible_page_name (window), ==, "library");
  g_assert_null (ssv_ui_test_find_widget_of_type (GTK_WIDGET (window), SSV_TYPE_WISHLIST_PAGE));
  g_assert_null (ssv_ui_test_find_widget_of_type (GTK_WIDGET (window), SSV_TYPE_CALENDAR_PAGE));
  g_assert_null (ssv_ui_test_find_widget_of_type (GTK_WIDGET (window), SSV_TYPE_DISCOVER_PAGE));
  g_assert_nonnull (ssv_ui_test_find_widget (GTK_WIDGET (window), is_label, "Wishlist"));
  g_assert_nonnull (ssv_ui_test_find_widget (GTK_WIDGET (window), is_label, "Calendar"));
  g_assert_nonnull (ssv_ui_test_find_widget (GTK_WIDGET (window), is_label, "Parse Tool"));

  /* Its sidebar row opens the wishlist, built now; the others are still not. */
  gtk_widget_activate (ssv_ui_test_find_widget (GTK_WIDGET (window), is_sidebar_row, "wishlist"));
  ssv_ui_test_iterate (100);
  wishlist = ssv_window_get_visible_page (window);
  g_assert_true (SSV_IS_WISHLIST_PAGE (wishlist));
  g_assert_null (ssv_ui_test_find_widget_of_type (GTK_WIDGET (window), SSV_TYPE_DISCOVER_PAGE));

  /* Back and forth: the same page, not a second one. */
  g_assert_true (ssv_window_show_page (window, "library"));
  g_assert_true (ssv_window_show_page (window, "wishlist"));
  g_assert_true (ssv_window_get_visible_page (window) == wishlist);

  ssv_ui_test_stop_app (app);
}

/* Any keyboard-shortcuts window, shown or not. */
static gboolean
shortcuts_window_exists (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window))
        return TRUE;
    }

  return FALSE;
}

/* The keyboard shortcuts window is built when asked for (Ctrl+? or the menu), not
 * with the main window; it opens over the main window, once. */
static void
test_shortcuts_built_on_first_use (void)
{
  g_autofree char *db_path = fresh_db_path ();
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  GtkWidget *shortcuts;

  ssv_ui_test_iterate (100);
  g_assert_cmpstr (accels[0], ==, "<Control>question");
  g_assert_false (shortcuts_window_exists ());

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  ssv_ui_test_iterate (100);
  shortcuts = ssv_ui_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (shortcuts)) == GTK_WINDOW (window));

  /* Closed and asked for again: the same window comes back. */
  gtk_window_close (GTK_WINDOW (shortcuts));
  ssv_ui_test_iterate (50);
  g_assert_null (ssv_ui_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  ssv_ui_test_iterate (50);
  g_assert_true (ssv_ui_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW) == shortcuts);

  ssv_ui_test_stop_app (app);
}

static gboolean
is_main_menu_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Main Menu") == 0;
}

/* The main menu's popover is built the first time it opens (a click, or F10 on the
 * primary menu button: both pop it up), then kept. */
static void
test_main_menu_built_when_opened (void)
{
  g_autofree char *db_path = fresh_db_path ();
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  GtkWidget *button = ssv_ui_test_find_widget (GTK_WIDGET (window), is_main_menu_button, NULL);
  GtkPopover *popover;
  GMenuModel *menu;
  g_autofree char *first = NULL;

  g_assert_nonnull (button);
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (button)));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  ssv_ui_test_iterate (100);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  menu = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 4);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &first));
  g_assert_cmpstr (first, ==, "_Preferences");
  g_object_unref (menu);

  /* Closed and opened again: the same popover. */
  gtk_popover_popdown (popover);
  ssv_ui_test_iterate (50);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  ssv_ui_test_iterate (50);
  g_assert_true (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)) == popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_popover_popdown (popover);

  ssv_ui_test_stop_app (app);
}

static void
test_color_scheme_follows_setting (void)
{
  g_autofree char *db_path = fresh_db_path ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  AdwStyleManager *style = adw_style_manager_get_default ();
  SsvApplication *app = ssv_ui_test_start_app (db_path);

  ssv_ui_test_wait_for_window (app);
  g_settings_set_string (settings, "color-scheme", "dark");
  ssv_ui_test_iterate (100);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "color-scheme", "light");
  ssv_ui_test_iterate (100);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_reset (settings, "color-scheme");
  ssv_ui_test_iterate (100);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  ssv_ui_test_stop_app (app);
}

static void
test_window_state_remembered (void)
{
  g_autofree char *db_path = fresh_db_path ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  ssv_ui_test_iterate (200);
  gtk_window_close (GTK_WINDOW (window));
  ssv_ui_test_iterate (100);

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  ssv_ui_test_stop_app (app);

  /* The next start opens at that size. */
  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  ssv_ui_test_stop_app (app);
}

static void
test_unopenable_library (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "broken.db", NULL);
  SsvApplication *app;
  GtkWidget *window = NULL;
  gint64 deadline;

  g_file_set_contents (db_path, "garbage garbage garbage garbage garbage garbage garbage garbage "
                       "garbage garbage garbage garbage garbage garbage", -1, NULL);
  app = ssv_ui_test_start_app (db_path);

  /* A window that says what went wrong, instead of a crash or nothing. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (window == NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      window = ssv_ui_test_find_window (ADW_TYPE_APPLICATION_WINDOW);
    }
  g_assert_nonnull (window);
  g_assert_false (SSV_IS_WINDOW (window));
  ssv_ui_test_iterate (200);
  ssv_ui_test_screenshot (window, "library-unopenable");

  ssv_ui_test_stop_app (app);
}

int
main (int    argc,
      char **argv)
{
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-ui-XXXXXX", NULL);

  g_test_add_func ("/ui/smoke/walk-every-page", test_walk_every_page);
  g_test_add_func ("/ui/smoke/dialogs", test_dialogs);
  g_test_add_func ("/ui/smoke/app-icons-draw", test_app_icons_draw);
  g_test_add_func ("/ui/smoke/toast-action", test_toast_action);
  g_test_add_func ("/ui/smoke/header-follows-page", test_header_follows_page);
  g_test_add_func ("/ui/smoke/pages-built-on-first-show", test_pages_built_on_first_show);
  g_test_add_func ("/ui/smoke/shortcuts-built-on-first-use", test_shortcuts_built_on_first_use);
  g_test_add_func ("/ui/smoke/main-menu-built-when-opened", test_main_menu_built_when_opened);
  g_test_add_func ("/ui/smoke/color-scheme-follows-setting", test_color_scheme_follows_setting);
  g_test_add_func ("/ui/smoke/window-state-remembered", test_window_state_remembered);
  g_test_add_func ("/ui/smoke/unopenable-library", test_unopenable_library);

  result = g_test_run ();

  g_free (tmp_dir);
  return result;
}
