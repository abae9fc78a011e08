/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-acquire-prefs.c: the Indexers & Clients page of Preferences: an indexer added through
 * Add Indexer… is listed, its key in the keyring and nowhere in the database; Test says in
 * plain words whether it answers; Remove asks first, then takes row and key away. */

#include "config.h"

#include <string.h>

#include "dialogs/ssv-acquire-dialog.h"
#include "preferences/ssv-acquire-preferences.h"
#include "ssv-fake-indexer.h"
#include "preferences/ssv-preferences-window.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "stores/ssv-download-store.h"

#define INDEXER_KEY "ui-acquire-key-5531"

static char *tmp_dir;

static gboolean
named (GtkWidget     *widget,
       gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
has_no_other_owner (gpointer data)
{
  return G_OBJECT (data)->ref_count == 1;
}

static gboolean
page_idle (gpointer data)
{
  return ssv_acquire_preferences_get_pending (data) == 0;
}

static gboolean
dialog_gone (gpointer data)
{
  return ssv_ui_test_find_window (SSV_TYPE_ACQUIRE_DIALOG) == NULL;
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      return TRUE;
  return FALSE;
}

/* Neither the database nor its write-ahead log holds @needle. */
static gboolean
database_contains (const char *db_path,
                   const char *needle)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);

  return file_contains (db_path, needle) || file_contains (wal, needle);
}

static void
set_row_text (GtkWidget  *dialog,
              const char *row,
              const char *text)
{
  GtkWidget *widget = ssv_ui_test_find_widget (dialog, named, row);

  g_assert_nonnull (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* Fills Add Indexer… as a person would and presses Add; returns the dialog, or NULL once it closed. */
static GtkWidget *
add_with_dialog (SsvAcquirePreferences *page,
                 const char            *action,
                 const char            *kind,
                 const char            *name,
                 const char            *url,
                 const char            *user,
                 const char            *key)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (page), action, NULL);
  ssv_ui_test_iterate (200);
  dialog = ssv_ui_test_find_window (SSV_TYPE_ACQUIRE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (ssv_acquire_dialog_set_kind (SSV_ACQUIRE_DIALOG (dialog), kind));
  set_row_text (dialog, "name", name);
  set_row_text (dialog, "url", url);
  if (user != NULL)
    set_row_text (dialog, "user", user);
  set_row_text (dialog, "secret", key);
  gtk_widget_activate_action (dialog, "acquire-dialog.add", NULL);
  ssv_ui_test_iterate (100);
  if (ssv_test_wait_for (dialog_gone, NULL, 5000))
    return NULL;
  return dialog;
}

static GtkWidget *
add_through_dialog (SsvAcquirePreferences *page,
                    const char            *name,
                    const char            *url,
                    const char            *key)
{
  return add_with_dialog (page, "acquire.add-indexer", "torznab", name, url, NULL, key);
}

static gint64
indexer_id (SsvContext *context,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvIndexerRow) row = ssv_download_store_find_indexer (ssv_context_get_download_store (context),
                                                                 name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (row);
  return row->id;
}

static void
run_test (SsvAcquirePreferences *page,
          const char            *action,
          gint64                 id)
{
  gtk_widget_activate_action (GTK_WIDGET (page), action, "x", id);
  g_assert_cmpuint (ssv_acquire_preferences_get_pending (page), ==, 1);
  g_assert_true (ssv_test_wait_for (page_idle, page, 30000));
  g_test_message ("toast: %s", ssv_acquire_preferences_get_last_message (page));
}

static void
test_add_test_remove (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "acquire.db", NULL);
  g_autoptr(SsvFakeIndexer) fake = ssv_fake_indexer_new (INDEXER_KEY, "torznab/newznab_caps.xml");
  g_autofree char *wrong_url = g_strconcat (ssv_fake_indexer_get_url (fake), "/no-indexer-here", NULL);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvContext *context;
  SsvPreferencesWindow *prefs;
  SsvAcquirePreferences *page;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret_key = NULL;
  g_autofree char *stored = NULL;
  GtkWidget *dialog;
  GtkWidget *question;
  const char *message;
  gint64 id;

  ssv_ui_test_wait_for_window (app);
  context = ssv_application_get_context (app);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ssv_ui_test_iterate (300);
  prefs = SSV_PREFERENCES_WINDOW (ssv_ui_test_find_window (SSV_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  gtk_window_set_default_size (GTK_WINDOW (prefs), 640, 760);
  g_assert_true (ssv_preferences_window_show_page (prefs, "acquire"));
  page = SSV_ACQUIRE_PREFERENCES (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs)));
  g_assert_true (ssv_test_wait_for (page_idle, page, 10000));
  g_assert_null (ssv_ui_test_find_widget (GTK_WIDGET (page), named, "Fake Torznab"));

  /* Something that is no web address is refused in plain words; the dialog stays. */
  dialog = add_through_dialog (page, "Typo", "indexer.local/api", INDEXER_KEY);
  g_assert_nonnull (dialog);
  g_assert_false (ssv_acquire_dialog_get_saving (SSV_ACQUIRE_DIALOG (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ssv_ui_test_iterate (100);

  /* Added through the dialog: listed on the page, the key in the keyring, not in SQLite. */
  g_assert_null (add_through_dialog (page, "Fake Torznab", ssv_fake_indexer_get_url (fake), INDEXER_KEY));
  g_assert_true (ssv_test_wait_for (page_idle, page, 10000));
  ssv_ui_test_iterate (100);
  g_assert_nonnull (ssv_ui_test_find_widget (GTK_WIDGET (page), named, "Fake Torznab"));
  id = indexer_id (context, "Fake Torznab");
  secret_key = ssv_secrets_indexer_key (id);
  stored = ssv_secrets_lookup_sync (ssv_context_get_secrets (context), secret_key, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, INDEXER_KEY);
  g_assert_false (database_contains (db_path, INDEXER_KEY));

  /* Test: the indexer answers and takes the key. */
  run_test (page, "acquire.test-indexer", id);
  message = ssv_acquire_preferences_get_last_message (page);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Fake Torznab answers: "));
  g_assert_nonnull (strstr (message, "categories"));
  ssv_ui_test_screenshot (GTK_WIDGET (prefs), "preferences-acquire");

  /* An address with no indexer behind it: the test says so, in words, not a code dump. */
  g_assert_null (add_through_dialog (page, "Wrong Path", wrong_url, INDEXER_KEY));
  g_assert_true (ssv_test_wait_for (page_idle, page, 10000));
  run_test (page, "acquire.test-indexer", indexer_id (context, "Wrong Path"));
  message = ssv_acquire_preferences_get_last_message (page);
  g_assert_true (g_str_has_prefix (message, "“Wrong Path” did not pass the test: "));
  g_assert_nonnull (strstr (message, "address"));
  g_assert_null (strstr (message, "(null)"));

  /* Remove asks first; answering Remove takes the row and its key away. */
  gtk_widget_activate_action (GTK_WIDGET (page), "acquire.remove-indexer", "x", id);
  ssv_ui_test_iterate (200);
  question = ssv_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_nonnull (ssv_ui_test_find_widget (GTK_WIDGET (page), named, "Fake Torznab"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "remove");
  ssv_ui_test_iterate (100);
  g_assert_true (ssv_test_wait_for (page_idle, page, 10000));
  ssv_ui_test_iterate (100);
  g_assert_cmpstr (ssv_acquire_preferences_get_last_message (page), ==, "Removed “Fake Torznab”.");
  g_assert_null (ssv_ui_test_find_widget (GTK_WIDGET (page), named, "Fake Torznab"));
  g_clear_pointer (&stored, g_free);
  stored = ssv_secrets_lookup_sync (ssv_context_get_secrets (context), secret_key, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (stored);

  gtk_window_destroy (GTK_WINDOW (prefs));
  ssv_ui_test_iterate (100);
  ssv_ui_test_stop_app (app);
}

static SsvPreferencesWindow *
open_page (SsvApplication         *app,
           SsvAcquirePreferences **page)
{
  SsvPreferencesWindow *prefs;

  ssv_ui_test_wait_for_window (app);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ssv_ui_test_iterate (300);
  prefs = SSV_PREFERENCES_WINDOW (ssv_ui_test_find_window (SSV_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  gtk_window_set_default_size (GTK_WINDOW (prefs), 640, 760);
  g_assert_true (ssv_preferences_window_show_page (prefs, "acquire"));
  *page = SSV_ACQUIRE_PREFERENCES (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs)));
  g_assert_true (ssv_test_wait_for (page_idle, *page, 10000));
  return prefs;
}

/* Two torrent clients added through Add Client…: each password in the keyring only; the
 * drop-down for torrents lists both, and picking one makes it the default. A client that
 * is not behind its address fails its test in words. */
static void
test_clients (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "clients.db", NULL);
  g_autoptr(SsvFakeIndexer) not_a_client = ssv_fake_indexer_new (INDEXER_KEY, "torznab/newznab_caps.xml");
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvContext *context = NULL;
  SsvAcquirePreferences *page = NULL;
  SsvPreferencesWindow *prefs = open_page (app, &page);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvClientRow) home = NULL;
  g_autoptr(SsvClientRow) chosen = NULL;
  g_autofree char *secret_key = NULL;
  g_autofree char *stored = NULL;
  GtkWidget *torrents;
  g_autofree char *other_name = NULL;
  guint other;

  context = ssv_application_get_context (app);
  g_assert_null (add_with_dialog (page, "acquire.add-client", "qbittorrent", "Home", ssv_fake_indexer_get_url (not_a_client),
                                  "alice", "client-pass-0417"));
  g_assert_true (ssv_test_wait_for (page_idle, page, 10000));
  g_assert_null (add_with_dialog (page, "acquire.add-client", "transmission", "Seedbox", "http://127.0.0.1:9/rpc",
                                  NULL, "client-pass-9921"));
  g_assert_true (ssv_test_wait_for (page_idle, page, 10000));
  ssv_ui_test_iterate (100);
  g_assert_nonnull (ssv_ui_test_find_widget (GTK_WIDGET (page), named, "Home"));
  g_assert_nonnull (ssv_ui_test_find_widget (GTK_WIDGET (page), named, "Seedbox"));

  home = ssv_download_store_find_client (ssv_context_get_download_store (context), "Home", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (home->username, ==, "alice");
  secret_key = ssv_secrets_client_key (home->id);
  stored = ssv_secrets_lookup_sync (ssv_context_get_secrets (context), secret_key, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, "client-pass-0417");
  g_assert_false (database_contains (db_path, "client-pass-0417"));
  g_assert_false (database_contains (db_path, "client-pass-9921"));

  /* Picking the other torrent client in the drop-down makes it the default. */
  torrents = ssv_ui_test_find_widget (GTK_WIDGET (page), named, "torrent");
  g_assert_nonnull (torrents);
  g_assert_true (ADW_IS_COMBO_ROW (torrents));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (torrents))), ==, 2);
  other = adw_combo_row_get_selected (ADW_COMBO_ROW (torrents)) == 1 ? 0 : 1;
  other_name = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (torrents))),
                                                     other));
  adw_combo_row_set_selected (ADW_COMBO_ROW (torrents), other);
  g_assert_cmpuint (ssv_acquire_preferences_get_pending (page), ==, 1);
  g_assert_true (ssv_test_wait_for (page_idle, page, 10000));
  chosen = ssv_download_store_dup_default_client (ssv_context_get_download_store (context), "torrent", &error);
  g_assert_no_error (error);
  g_assert_nonnull (chosen);
  g_assert_cmpstr (chosen->name, ==, other_name);
  /* Read again, the drop-down shows the new default. */
  ssv_ui_test_iterate (100);
  torrents = ssv_ui_test_find_widget (GTK_WIDGET (page), named, "torrent");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (torrents)), ==, other);
  ssv_ui_test_screenshot (GTK_WIDGET (prefs), "preferences-acquire-clients");

  /* Something else answers at Home's address: the test says it did not pass, in words. */
  run_test (page, "acquire.test-client", home->id);
  g_assert_true (g_str_has_prefix (ssv_acquire_preferences_get_last_message (page), "“Home” did not pass the test: "));

  gtk_window_destroy (GTK_WINDOW (prefs));
  ssv_ui_test_iterate (100);
  ssv_ui_test_stop_app (app);
}

/* The page alone, as g_object_new() makes it: it reads its rows, and once that is done
 * nothing but its owner holds it. */
static void
test_page_alone (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "alone.db", NULL);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvContext *context;
  GtkWidget *page;

  ssv_ui_test_wait_for_window (app);
  context = ssv_application_get_context (app);

  page = g_object_ref_sink (g_object_new (SSV_TYPE_ACQUIRE_PREFERENCES, "context", context, NULL));
  g_assert_true (ssv_test_wait_for (has_no_other_owner, page, 10000));
  g_assert_cmpuint (ssv_acquire_preferences_get_pending (SSV_ACQUIRE_PREFERENCES (page)), ==, 0);
  g_assert_true (gtk_widget_get_visible (ssv_ui_test_find_widget (page, named, "add-indexer")));
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

  tmp_dir = g_dir_make_tmp ("ssv-ui-acquire-XXXXXX", NULL);

  g_test_add_func ("/ui/acquire-prefs/add-test-remove-indexer", test_add_test_remove);
  g_test_add_func ("/ui/acquire-prefs/clients-and-default", test_clients);
  g_test_add_func ("/ui/acquire-prefs/page-alone", test_page_alone);

  result = g_test_run ();

  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
