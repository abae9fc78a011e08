/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-find.c: Find Anything against a fake TMDB: typing lists TMDB's results with the
 * library's own marked, activating it opens its title page; without a key the library's
 * results still come, with the reason in plain words. */

#include "config.h"

#include <string.h>

#include "ssv-fake-providers.h"
#include "dialogs/ssv-find-dialog.h"
#include "model/ssv-found-title.h"
#include "ssv-test-utils.h"
#include "pages/ssv-title-page-private.h"
#include "ssv-ui-test-utils.h"

static char *tmp_dir;
static SsvFakeServer *server;
static SsvFakeProviders *fake;

/* A library with one show TMDB also knows (Game of Thrones, TMDB 1399) as id 5. */
static SsvApplication *
start_app (const char *name)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_no_error (error);
    ssv_database_exec (db, "INSERT INTO shows (id, title, year, tmdb_id) VALUES (5, 'Game of Thrones', 2011, 1399)",
                       &error);
    g_assert_no_error (error);
  }
  return ssv_ui_test_start_app (db_path);
}

static gboolean
search_done (gpointer data)
{
  return !ssv_find_dialog_is_searching (data) && g_list_model_get_n_items (ssv_find_dialog_get_results (data)) > 0;
}

static gboolean
title_loaded (gpointer data)
{
  SsvPage *page = ssv_window_get_visible_page (data);

  return SSV_IS_TITLE_PAGE (page) && g_strcmp0 (ssv_title_page_get_state (SSV_TITLE_PAGE (page)), "content") == 0;
}

static gboolean
is_in_library_mark (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_widget_get_name (widget), "in-library") == 0
         && gtk_widget_get_mapped (widget);
}

static gboolean
is_button_for (GtkWidget     *widget,
               gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
find_dialog_shown (gpointer unused)
{
  return ssv_ui_test_find_window (SSV_TYPE_FIND_DIALOG) != NULL;
}

/* The window's own shortcut for @accel ("<Control>k"), whatever it does. */
static GtkShortcutAction *
find_shortcut (SsvWindow  *window,
               const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, accel))
            return gtk_shortcut_get_action (shortcut);
        }
    }

  return NULL;
}

static SsvFindDialog *
open_find (SsvWindow *window)
{
  GtkWidget *button = ssv_ui_test_find_widget (GTK_WIDGET (window), is_button_for, "win.find");
  SsvFindDialog *dialog;

  /* The sidebar header's search button, with words for those who cannot see its icon. */
  g_assert_nonnull (button);
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (ssv_test_wait_for (find_dialog_shown, NULL, 5000));

  dialog = SSV_FIND_DIALOG (ssv_ui_test_find_window (SSV_TYPE_FIND_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  return g_object_ref (dialog);
}

static void
test_find_and_open (void)
{
  SsvApplication *app;
  SsvWindow *window;
  SsvFindDialog *dialog;
  GListModel *results;
  g_autoptr(SsvFoundTitle) owned = NULL;
  GtkWidget *list, *row, *mark;
  SsvPage *page;
  guint n_tmdb = 0;

  ssv_fake_providers_set_tmdb_fixture (fake, "/search/multi", "tmdb/search-multi.json");
  app = start_app ("find.db");
  window = ssv_ui_test_wait_for_window (app);
  dialog = open_find (window);

  ssv_find_dialog_set_query (dialog, "Game of Thrones");
  g_assert_true (ssv_test_wait_for (search_done, dialog, 20000));
  ssv_ui_test_iterate (200);

  /* The library's show first, marked; TMDB's other finds after it. */
  results = ssv_find_dialog_get_results (dialog);
  owned = g_list_model_get_item (results, 0);
  g_assert_cmpstr (ssv_found_title_get_title (owned), ==, "Game of Thrones");
  g_assert_true (ssv_found_title_get_owned (owned));
  for (guint i = 1; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(SsvFoundTitle) other = g_list_model_get_item (results, i);

      g_assert_false (ssv_found_title_get_owned (other));
      n_tmdb += ssv_found_title_get_tmdb_id (other) > 0;
    }
  g_assert_cmpuint (n_tmdb, >, 0);
  g_assert_null (ssv_find_dialog_get_note (dialog));

  list = ssv_ui_test_find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Game of Thrones");
  mark = ssv_ui_test_find_widget (row, is_in_library_mark, NULL);
  g_assert_nonnull (mark);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (mark)), ==, "In Library");
  g_assert_null (ssv_ui_test_find_widget (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1)),
                                          is_in_library_mark, NULL));
  ssv_ui_test_screenshot (GTK_WIDGET (dialog), "find-dialog");

  /* Activating the owned row opens its page in the main window; the dialog goes. */
  g_assert_true (gtk_widget_activate (row));
  g_assert_true (ssv_test_wait_for (title_loaded, window, 20000));
  page = ssv_window_get_visible_page (window);
  g_assert_cmpint (ssv_title_get_id (ssv_title_page_get_item (SSV_TITLE_PAGE (page))), ==, 5);
  g_assert_cmpstr (ssv_title_get_title (ssv_title_page_get_item (SSV_TITLE_PAGE (page))), ==, "Game of Thrones");
  ssv_ui_test_iterate (100);
  g_assert_null (ssv_ui_test_find_window (SSV_TYPE_FIND_DIALOG));

  g_clear_object (&owned);
  g_assert_finalize_object (dialog);
  ssv_ui_test_stop_app (app);
}

/* No TMDB key: the library still answers, and the dialog says why TMDB did not. */
static void
test_without_key (void)
{
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  SsvApplication *app;
  SsvWindow *window;
  SsvFindDialog *dialog;
  g_autoptr(SsvFoundTitle) owned = NULL;
  GtkShortcutAction *action;
  GtkWidget *note;

  g_assert_true (ssv_secrets_clear_sync (secrets, "api-key:tmdb", NULL, NULL));
  app = start_app ("nokey.db");
  window = ssv_ui_test_wait_for_window (app);

  /* Ctrl+K opens it too. */
  action = find_shortcut (window, "<Control>k");
  g_assert_nonnull (action);
  g_assert_true (gtk_shortcut_action_activate (action, 0, GTK_WIDGET (window), NULL));
  g_assert_true (ssv_test_wait_for (find_dialog_shown, NULL, 5000));
  dialog = g_object_ref (SSV_FIND_DIALOG (ssv_ui_test_find_window (SSV_TYPE_FIND_DIALOG)));

  ssv_find_dialog_set_query (dialog, "Thrones");
  g_assert_true (ssv_test_wait_for (search_done, dialog, 20000));
  ssv_ui_test_iterate (200);

  g_assert_cmpuint (g_list_model_get_n_items (ssv_find_dialog_get_results (dialog)), ==, 1);
  owned = g_list_model_get_item (ssv_find_dialog_get_results (dialog), 0);
  g_assert_true (ssv_found_title_get_owned (owned));
  g_assert_nonnull (ssv_find_dialog_get_note (dialog));
  g_assert_nonnull (strstr (ssv_find_dialog_get_note (dialog), "TMDB API key"));
  note = ssv_ui_test_find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_LABEL);
  g_assert_nonnull (note);
  ssv_ui_test_screenshot (GTK_WIDGET (dialog), "find-dialog-no-key");

  gtk_window_close (GTK_WINDOW (dialog));
  ssv_ui_test_iterate (100);
  g_clear_object (&owned);
  g_assert_finalize_object (dialog);
  ssv_ui_test_stop_app (app);
  ssv_test_store_api_key (secrets, "tmdb", "good-tmdb");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(SsvSecrets) secrets = NULL;
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-ui-find-XXXXXX", NULL);

  /* The app's HTTP layer reads where TMDB lives when it starts. */
  server = ssv_fake_server_new ();
  fake = ssv_fake_providers_new (server);
  {
    g_autofree char *url = ssv_fake_providers_dup_url (fake, "tmdb");

    g_setenv ("SSV_TMDB_URL", url, TRUE);
  }
  ssv_fake_providers_set_key (fake, "tmdb", "good-tmdb");
  secrets = ssv_secrets_new ();
  ssv_test_store_api_key (secrets, "tmdb", "good-tmdb");

  g_test_add_func ("/ui/find/find-and-open", test_find_and_open);
  g_test_add_func ("/ui/find/without-key", test_without_key);

  result = g_test_run ();

  ssv_fake_providers_free (fake);
  ssv_fake_server_free (server);
  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
