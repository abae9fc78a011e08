/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-first-run.c: a first start without a TMDB key: the library says what a free key
 * brings, its button opens Preferences → Metadata at the key's row, and the banner goes once
 * a key TMDB accepts is saved; a refused key is said as such; the worker dots have a legend. */

#include "config.h"

#include <string.h>

#include "ssv-fake-providers.h"
#include "widgets/ssv-key-banner.h"
#include "pages/ssv-library-page.h"
#include "preferences/ssv-preferences-window.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "widgets/ssv-worker-orb.h"

static char *tmp_dir;
static SsvFakeServer *server;
static SsvFakeProviders *fake;

static SsvApplication *
start_app (const char *name)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_no_error (error);
    ssv_database_exec (db, "INSERT INTO movies (id, title, year) VALUES (1, 'Heat', 1995)", &error);
    g_assert_no_error (error);
  }
  return ssv_ui_test_start_app (db_path);
}

static gboolean
banner_shown (gpointer data)
{
  return ssv_key_banner_is_shown (data) && ssv_key_banner_get_text (data)[0] != '\0';
}

static gboolean
banner_hidden (gpointer data)
{
  return !ssv_key_banner_is_shown (data);
}

static gboolean
preferences_shown (gpointer unused)
{
  return ssv_ui_test_find_window (SSV_TYPE_PREFERENCES_WINDOW) != NULL;
}

static gboolean
is_key_row (GtkWidget     *widget,
            gconstpointer  name)
{
  return ADW_IS_ENTRY_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_button_for (GtkWidget     *widget,
               gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static SsvKeyBanner *
library_banner (SsvWindow *window)
{
  SsvPage *page = ssv_window_get_visible_page (window);

  g_assert_true (SSV_IS_LIBRARY_PAGE (page));
  return SSV_KEY_BANNER (ssv_ui_test_find_widget_of_type (GTK_WIDGET (page), SSV_TYPE_KEY_BANNER));
}

/* No key: the banner says what a free one brings; its button lands in the key's row;
 * a key TMDB accepts, saved there, sends the banner away. */
static void
test_without_key (void)
{
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  SsvApplication *app;
  SsvWindow *window;
  SsvKeyBanner *banner;
  GtkWidget *button, *row, *focus, *orb;
  GtkWindow *preferences;

  g_assert_true (ssv_secrets_clear_sync (secrets, "api-key:tmdb", NULL, NULL));
  app = start_app ("nokey.db");
  window = ssv_ui_test_wait_for_window (app);
  banner = library_banner (window);
  g_assert_nonnull (banner);
  g_assert_true (ssv_test_wait_for (banner_shown, banner, 10000));
  g_assert_nonnull (strstr (ssv_key_banner_get_text (banner), "free TMDB API key"));
  ssv_ui_test_iterate (300);
  ssv_ui_test_screenshot (GTK_WIDGET (window), "first-run-banner");

  /* The dots at the foot of the sidebar: a legend for the row, a name and state for each. */
  orb = ssv_ui_test_find_widget_of_type (GTK_WIDGET (window), SSV_TYPE_WORKER_ORB);
  g_assert_nonnull (orb);
  g_assert_nonnull (gtk_widget_get_tooltip_text (gtk_widget_get_parent (orb)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (gtk_widget_get_parent (orb)), "red needs an API key"));
  for (; orb != NULL; orb = gtk_widget_get_next_sibling (orb))
    if (gtk_widget_get_visible (orb))
      g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (orb),
                                       ssv_worker_get_display_name (ssv_worker_orb_get_worker (SSV_WORKER_ORB (orb)))));

  button = ssv_ui_test_find_widget (GTK_WIDGET (banner), is_button_for, "app.preferences-key");
  g_assert_nonnull (button);
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (ssv_test_wait_for (preferences_shown, NULL, 5000));
  preferences = GTK_WINDOW (ssv_ui_test_find_window (SSV_TYPE_PREFERENCES_WINDOW));
  ssv_ui_test_iterate (300);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (preferences)), ==,
                   "metadata");
  row = ssv_ui_test_find_widget (GTK_WIDGET (preferences), is_key_row, "tmdb");
  g_assert_nonnull (row);
  focus = gtk_window_get_focus (preferences);
  g_assert_nonnull (focus);
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));
  ssv_ui_test_screenshot (GTK_WIDGET (preferences), "first-run-key-row");

  /* The key typed there and applied: TMDB takes it, the banner goes. */
  gtk_editable_set_text (GTK_EDITABLE (row), "good-tmdb");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (ssv_test_wait_for (banner_hidden, banner, 20000));

  gtk_window_close (preferences);
  ssv_ui_test_iterate (100);
  ssv_ui_test_stop_app (app);
}

/* A key TMDB refuses: the banner says so, not that a key is missing. */
static void
test_refused_key (void)
{
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  SsvApplication *app;
  SsvWindow *window;
  SsvKeyBanner *banner;

  ssv_test_store_api_key (secrets, "tmdb", "refused-key");
  app = start_app ("refused.db");
  window = ssv_ui_test_wait_for_window (app);
  banner = library_banner (window);
  g_assert_true (ssv_test_wait_for (banner_shown, banner, 20000));
  g_assert_nonnull (strstr (ssv_key_banner_get_text (banner), "TMDB refused the API key"));
  ssv_ui_test_stop_app (app);
  ssv_test_store_api_key (secrets, "tmdb", "good-tmdb");
}

int
main (int    argc,
      char **argv)
{
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-ui-first-run-XXXXXX", NULL);
  server = ssv_fake_server_new ();
  fake = ssv_fake_providers_new (server);
  {
    g_autofree char *url = ssv_fake_providers_dup_url (fake, "tmdb");

    g_setenv ("SSV_TMDB_URL", url, TRUE);
  }
  ssv_fake_providers_set_key (fake, "tmdb", "good-tmdb");

  g_test_add_func ("/ui/first-run/without-key", test_without_key);
  g_test_add_func ("/ui/first-run/refused-key", test_refused_key);

  result = g_test_run ();

  ssv_fake_providers_free (fake);
  ssv_fake_server_free (server);
  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
