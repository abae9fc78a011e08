/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-preferences.c: Preferences as its template lists it: every page there with the
 * app's context and a screenshot of each; each page alone, given a context, fills itself
 * and goes away whole. */

#include "config.h"

#include "ssv-downloads-preferences.h"
#include "ssv-general-preferences.h"
#include "ssv-metadata-preferences.h"
#include "ssv-preferences-window.h"
#include "ssv-server-store.h"
#include "ssv-sources-preferences.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"

static char *tmp_dir;

/* A library with a server (two libraries mapped) and a folder, written as a scan would. */
static void
add_sources (SsvContext *context)
{
  SsvDatabase *db = ssv_context_get_database (context);
  g_autoptr(GPtrArray) libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);
  g_autoptr(GPtrArray) folder = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (ssv_server_store_add (db, "jellyfin", "Living Room", "http://nas.local:8096", NULL, &id, NULL, &error));
  g_ptr_array_add (libraries, ssv_media_library_new ("lib-movies", "Films", SSV_LIBRARY_KIND_MOVIES));
  g_ptr_array_add (libraries, ssv_media_library_new ("lib-shows", "Series", SSV_LIBRARY_KIND_SHOWS));
  g_assert_true (ssv_server_store_set_libraries (db, id, libraries, &error));

  g_assert_true (ssv_server_store_add (db, "folder", "Videos", "/srv/media/Videos", NULL, &id, NULL, &error));
  g_ptr_array_add (folder, ssv_media_library_new ("movies", "Movies", SSV_LIBRARY_KIND_MOVIES));
  g_assert_true (ssv_server_store_set_libraries (db, id, folder, &error));
  g_assert_no_error (error);
}

static gboolean
has_no_other_owner (gpointer data)
{
  return G_OBJECT (data)->ref_count == 1;
}

static gboolean
downloads_listed (gpointer data)
{
  return ssv_preferences_window_show_page (data, "downloads");
}

static gboolean
named (GtkWidget     *widget,
       gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static void
screenshot_page (SsvPreferencesWindow *prefs,
                 const char           *page,
                 const char           *name)
{
  g_assert_true (ssv_preferences_window_show_page (prefs, page));
  ssv_ui_test_iterate (300);
  ssv_ui_test_screenshot (GTK_WIDGET (prefs), name);
}

static void
test_pages (void)
{
  static const char * const pages[] = { "general", "sources", "metadata", "downloads", "acquire" };
  g_autofree char *db_path = g_build_filename (tmp_dir, "pages.db", NULL);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvContext *context = ssv_application_get_context (app);
  SsvPreferencesWindow *prefs;
  GtkWidget *server_row;

  add_sources (context);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ssv_ui_test_iterate (300);
  prefs = SSV_PREFERENCES_WINDOW (ssv_ui_test_find_window (SSV_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  /* Part of the app, over its window: app actions reach it, and it closes with the window. */
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_application (GTK_WINDOW (prefs)) == GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (prefs), 640, 760);
  g_assert_true (ssv_test_wait_for (downloads_listed, prefs, 10000));

  /* Every page the template lists shows, with the context the window was given. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      AdwPreferencesPage *page;

      g_assert_true (ssv_preferences_window_show_page (prefs, pages[i]));
      page = adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs));
      g_assert_true (SSV_IS_PREFERENCES_PAGE (page));
      g_assert_cmpstr (adw_preferences_page_get_name (page), ==, pages[i]);
      g_assert_true (ssv_preferences_page_get_context (SSV_PREFERENCES_PAGE (page)) == context);
    }
  g_assert_false (ssv_preferences_window_show_page (prefs, "no-such-page"));

  screenshot_page (prefs, "general", "preferences-page-general");
  g_assert_true (ssv_preferences_window_show_page (prefs, "sources"));
  server_row = ssv_ui_test_find_widget_of_type (GTK_WIDGET (prefs), ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (server_row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (server_row)), ==, "Living Room");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (server_row), TRUE);
  g_assert_nonnull (ssv_ui_test_find_widget (GTK_WIDGET (prefs), named, "add-folder"));
  screenshot_page (prefs, "sources", "preferences-page-sources");
  screenshot_page (prefs, "metadata", "preferences-page-metadata");
  screenshot_page (prefs, "downloads", "preferences-page-downloads");

  /* Closing the main window closes Preferences with it. */
  gtk_window_destroy (GTK_WINDOW (window));
  ssv_ui_test_iterate (100);
  g_assert_null (ssv_ui_test_find_window (SSV_TYPE_PREFERENCES_WINDOW));

  ssv_ui_test_stop_app (app);
}

/* Each page alone, as g_object_new() makes it: it loads from its context, and once its
 * work is done nothing but its owner holds it. */
static void
test_page_alone (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  g_autofree char *db_path = g_build_filename (tmp_dir, "alone.db", NULL);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvContext *context;
  GtkWidget *page;

  ssv_ui_test_wait_for_window (app);
  context = ssv_application_get_context (app);

  page = g_object_ref_sink (g_object_new (type, "context", context, NULL));
  g_assert_true (ssv_preferences_page_get_context (SSV_PREFERENCES_PAGE (page)) == context);
  g_assert_true (ssv_test_wait_for (has_no_other_owner, page, 10000));
  ssv_ui_test_iterate (100);
  g_assert_finalize_object (page);

  ssv_ui_test_stop_app (app);
}

int
main (int    argc,
      char **argv)
{
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-ui-preferences-XXXXXX", NULL);

  g_test_add_func ("/ui/preferences/pages", test_pages);
  g_test_add_data_func ("/ui/preferences/general-alone", GSIZE_TO_POINTER (SSV_TYPE_GENERAL_PREFERENCES),
                        test_page_alone);
  g_test_add_data_func ("/ui/preferences/sources-alone", GSIZE_TO_POINTER (SSV_TYPE_SOURCES_PREFERENCES),
                        test_page_alone);
  g_test_add_data_func ("/ui/preferences/metadata-alone", GSIZE_TO_POINTER (SSV_TYPE_METADATA_PREFERENCES),
                        test_page_alone);
  g_test_add_data_func ("/ui/preferences/downloads-alone", GSIZE_TO_POINTER (SSV_TYPE_DOWNLOADS_PREFERENCES),
                        test_page_alone);

  result = g_test_run ();

  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
