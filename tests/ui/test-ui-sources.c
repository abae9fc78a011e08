/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-sources.c: the server dialog and the Sources page when things go wrong: a server
 * added twice, a keyring that says no, and windows closed while their work is on its way.
 * Each starts from a library a (fake) Jellyfin filled and checks that nothing of it is lost. */

#include "config.h"

#include <libsecret/secret.h>
#include <string.h>

#include "ssv-fake-jellyfin.h"
#include "preferences/ssv-preferences-window.h"
#include "dialogs/ssv-server-dialog.h"
#include "stores/ssv-server-store.h"
#include "ssv-server-token.h"
#include "stores/ssv-settings-store.h"
#include "preferences/ssv-sources-preferences.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"

#define API_KEY "ui-sources-key-41c7"
#define CLOSED_KEY "ui-sources-closed-key-9e02"

static char *tmp_dir;

typedef struct
{
  SsvFakeServer   *server;
  SsvFakeJellyfin *jellyfin;
} Fake;

static Fake *
fake_new (const char *api_key)
{
  static const char * const films[] = { "Heat", "Alien", "Arrival", "Zodiac", "Jaws" };
  Fake *fake = g_new0 (Fake, 1);

  fake->server = ssv_fake_server_new ();
  fake->jellyfin = ssv_fake_jellyfin_new (fake->server, api_key);
  ssv_fake_jellyfin_add_library (fake->jellyfin, "lib-movies", "Films", "movies");
  ssv_fake_jellyfin_add_library (fake->jellyfin, "lib-shows", "Series", "tvshows");
  for (guint i = 0; i < G_N_ELEMENTS (films); i++)
    {
      g_autofree char *id = g_strdup_printf ("movie-%u", i);

      ssv_fake_jellyfin_add_movie (fake->jellyfin, "lib-movies", id, films[i], 1980 + (int) i);
    }
  ssv_fake_jellyfin_add_series (fake->jellyfin, "lib-shows", "series-0", "Dark", 2017);
  for (guint e = 0; e < 6; e++)
    {
      g_autofree char *id = g_strdup_printf ("series-0-ep-%u", e);
      g_autofree char *title = g_strdup_printf ("Chapter %u", e + 1);

      ssv_fake_jellyfin_add_episode (fake->jellyfin, "series-0", id, 1, (int) e + 1, title);
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

/* What a person owns in the library, row by row. */
static char *
dump_library (SsvContext *context)
{
  SsvDatabase *db = ssv_context_get_database (context);
  g_autofree char *servers = ssv_test_dump_table (db, "servers", "id, kind, url");
  g_autofree char *libraries = ssv_test_dump_table (db, "server_libraries", "server_id, library_key, kind");

  return g_strdup_printf ("servers %s | libraries %s | movies %" G_GINT64_FORMAT " | shows %" G_GINT64_FORMAT
                          " | episodes %" G_GINT64_FORMAT " | files %" G_GINT64_FORMAT
                          " | enrichment %" G_GINT64_FORMAT,
                          servers, libraries,
                          ssv_test_query_int (db, "SELECT count(*) FROM movies"),
                          ssv_test_query_int (db, "SELECT count(*) FROM shows"),
                          ssv_test_query_int (db, "SELECT count(*) FROM episodes"),
                          ssv_test_query_int (db, "SELECT count(*) FROM media_files"),
                          ssv_test_query_int (db, "SELECT count(*) FROM enrichment_status"));
}

/* The token the keyring holds for the server in row @server_id. */
static char *
stored_token (SsvContext *context,
              gint64      server_id)
{
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  g_autofree char *key = ssv_server_token_dup_key (ssv_context_get_database (context), server_id, NULL);

  g_assert_nonnull (key);
  return ssv_secrets_lookup_sync (secrets, key, NULL, NULL);
}

/* Whether any of the app's keyring entries holds @secret. */
static gboolean
keyring_holds (const char *secret)
{
  static const SecretSchema schema = {
    "com.soulsync.Video.Secret", SECRET_SCHEMA_NONE,
    { { "key", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } }
  };
  g_autoptr(GError) error = NULL;
  GList *items = secret_password_search_sync (&schema, SECRET_SEARCH_ALL | SECRET_SEARCH_LOAD_SECRETS,
                                              NULL, &error, NULL);
  gboolean found = FALSE;

  g_assert_no_error (error);
  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(SecretValue) value = secret_retrievable_retrieve_secret_sync (l->data, NULL, &error);

      g_assert_no_error (error);
      found |= value != NULL && g_strcmp0 (secret_value_get_text (value), secret) == 0;
    }
  g_list_free_full (items, g_object_unref);
  return found;
}

static guint scans_finished;

static void
on_scan_finished (void)
{
  scans_finished++;
}

static gboolean
scans_reached (gpointer data)
{
  return scans_finished >= GPOINTER_TO_UINT (data);
}

static gboolean
dialog_settled (gpointer data)
{
  const char *status = ssv_server_dialog_get_status (data);

  return !ssv_server_dialog_get_saving (data) && strstr (status, "…") == NULL &&
         strstr (status, "Not tested") == NULL;
}

static gboolean
no_server_dialog (gpointer data)
{
  return ssv_ui_test_find_window (SSV_TYPE_SERVER_DIALOG) == NULL;
}

static SsvServerDialog *
open_dialog_from (GtkWidget  *widget,
                  const char *action)
{
  SsvServerDialog *dialog;

  gtk_widget_activate_action (widget, action, NULL);
  ssv_ui_test_iterate (200);
  dialog = SSV_SERVER_DIALOG (ssv_ui_test_find_window (SSV_TYPE_SERVER_DIALOG));
  g_assert_nonnull (dialog);
  return dialog;
}

static void
fill_and_test (SsvServerDialog *dialog,
               Fake            *fake,
               const char      *api_key)
{
  ssv_server_dialog_fill (dialog, "jellyfin", ssv_fake_server_get_url (fake->server), api_key);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "server.test", NULL);
  g_assert_true (ssv_test_wait_for (dialog_settled, dialog, 20000));
  g_assert_cmpstr (ssv_server_dialog_get_status (dialog), ==, "Connected to Fake Jellyfin (Jellyfin 10.9.11)");
}

/* Connects the fake server through the library page's dialog, as a person does, and scans it. */
static void
fill_library (SsvApplication *app,
              SsvWindow      *window,
              Fake           *fake)
{
  SsvServerDialog *dialog;
  guint scans = scans_finished;

  g_signal_connect (ssv_context_get_scanner (ssv_application_get_context (app)), "scan-finished",
                    G_CALLBACK (on_scan_finished), NULL);
  g_assert_true (ssv_window_show_page (window, "library"));
  dialog = open_dialog_from (GTK_WIDGET (ssv_window_get_visible_page (window)), "library.connect-server");
  fill_and_test (dialog, fake, API_KEY);
  g_assert_null (ssv_server_dialog_get_notice (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "server.save", NULL);
  g_assert_true (ssv_test_wait_for (scans_reached, GUINT_TO_POINTER (scans + 1), 30000));
  g_assert_true (ssv_test_wait_for (no_server_dialog, NULL, 5000));
}

/* The keyring's default collection, unset: storing a secret fails as it does on a system
 * whose keyring cannot be used. Returns what to give restore_keyring(). */
static SecretCollection *
break_keyring (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  SecretCollection *collection;

  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  g_assert_true (secret_service_set_alias_sync (service, SECRET_COLLECTION_DEFAULT, NULL, NULL, &error));
  g_assert_no_error (error);
  return collection;
}

static void
restore_keyring (SecretCollection *collection)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);

  g_assert_true (secret_service_set_alias_sync (service, SECRET_COLLECTION_DEFAULT, collection, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (collection);
}

static SsvPreferencesWindow *
open_preferences (SsvApplication *app,
                  const char     *page)
{
  SsvPreferencesWindow *prefs;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ssv_ui_test_iterate (300);
  prefs = SSV_PREFERENCES_WINDOW (ssv_ui_test_find_window (SSV_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  g_assert_true (ssv_preferences_window_show_page (prefs, page));
  return prefs;
}

/* Issue 10 item 2: connecting a server the library has, then a keyring failure, used to
 * remove that server with every title it brought. */
static void
test_readd_known_server (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "readd.db", NULL);
  Fake *fake = fake_new (API_KEY);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvContext *context = ssv_application_get_context (app);
  SsvPreferencesWindow *prefs;
  SsvServerDialog *dialog;
  SecretCollection *keyring;
  g_autofree char *before = NULL;
  g_autofree char *after_failure = NULL;
  g_autofree char *after_save = NULL;
  g_autofree char *token = NULL;
  gint64 server_id;
  guint scans;

  fill_library (app, window, fake);
  server_id = ssv_test_query_int (ssv_context_get_database (context), "SELECT id FROM servers");
  /* What enrichment found stays with the titles, too. */
  ssv_database_exec (ssv_context_get_database (context),
                     "INSERT INTO enrichment_status (provider, movie_id, status) "
                     "SELECT 'tmdb', id, 'matched' FROM movies", NULL);
  before = dump_library (context);
  g_test_message ("before: %s", before);
  token = stored_token (context, server_id);
  g_test_message ("token before: %s (server %" G_GINT64_FORMAT ")", token, server_id);
  g_clear_pointer (&token, g_free);
  g_assert_cmpint (ssv_test_query_int (ssv_context_get_database (context), "SELECT count(*) FROM movies"), ==, 5);
  g_assert_cmpint (ssv_test_query_int (ssv_context_get_database (context), "SELECT count(*) FROM episodes"), ==, 6);

  /* Connect the same server again, from Preferences: the dialog says it knows it. */
  prefs = open_preferences (app, "sources");
  dialog = open_dialog_from (GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs))),
                             "sources.add-server");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (prefs));
  fill_and_test (dialog, fake, API_KEY);
  g_assert_cmpstr (ssv_server_dialog_get_notice (dialog), ==, "This server is already in your library");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit a Server");
  ssv_ui_test_iterate (200);
  ssv_ui_test_screenshot (GTK_WIDGET (dialog), "server-dialog-known");

  /* The keyring says no: the dialog says why and stays; the library keeps everything. */
  keyring = break_keyring ();
  gtk_widget_activate_action (GTK_WIDGET (dialog), "server.save", NULL);
  g_assert_true (ssv_test_wait_for (dialog_settled, dialog, 30000));
  restore_keyring (keyring);
  g_test_message ("status: %s", ssv_server_dialog_get_status (dialog));
  g_assert_nonnull (strstr (ssv_server_dialog_get_status (dialog), "keyring"));
  g_assert_nonnull (ssv_ui_test_find_window (SSV_TYPE_SERVER_DIALOG));
  after_failure = dump_library (context);
  g_assert_cmpstr (after_failure, ==, before);
  token = stored_token (context, server_id);
  g_assert_cmpstr (token, ==, API_KEY);

  /* With the keyring back, saving edits that server: one row, everything kept, a scan. */
  scans = scans_finished;
  gtk_widget_activate_action (GTK_WIDGET (dialog), "server.save", NULL);
  g_assert_true (ssv_test_wait_for (no_server_dialog, NULL, 10000));
  g_assert_true (ssv_test_wait_for (scans_reached, GUINT_TO_POINTER (scans + 1), 30000));
  after_save = dump_library (context);
  g_assert_cmpstr (after_save, ==, before);

  ssv_ui_test_stop_app (app);
  fake_free (fake);
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_servers_changed (SsvStore   *store,
                    const char *detail,
                    gboolean   *changed)
{
  *changed = TRUE;
}

/* Issue 10 item 13: closing the dialog while its save waits for the library. The save
 * used to read the closed dialog from its thread. */
static void
test_close_dialog_mid_save (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "close-save.db", NULL);
  /* A key of its own: the keyring is shared by the tests of this run. */
  Fake *fake = fake_new (CLOSED_KEY);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvContext *context = ssv_application_get_context (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) blocker = NULL;
  SsvServerDialog *dialog;
  gboolean servers_changed = FALSE;

  g_assert_true (ssv_window_show_page (window, "library"));
  dialog = open_dialog_from (GTK_WIDGET (ssv_window_get_visible_page (window)), "library.connect-server");
  fill_and_test (dialog, fake, CLOSED_KEY);

  /* Another writer holds the library: the save waits for it. */
  blocker = ssv_database_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_database_exec (blocker, "BEGIN IMMEDIATE", &error));
  g_signal_connect (ssv_context_get_library_store (context), "changed::servers",
                    G_CALLBACK (on_servers_changed), &servers_changed);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "server.save", NULL);
  ssv_ui_test_iterate (300);
  g_assert_true (ssv_server_dialog_get_saving (dialog));

  /* Cancel while it waits; then the library is free again. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  g_assert_true (ssv_test_wait_for (no_server_dialog, NULL, 5000));
  ssv_ui_test_iterate (200);
  g_assert_true (ssv_database_exec (blocker, "ROLLBACK", &error));
  g_test_message ("released the library");

  /* The save ends cancelled, and leaves no half of a server: no row, no token, no scan. */
  g_assert_true (ssv_test_wait_for (flag_set, &servers_changed, 30000));
  g_test_message ("the save has ended");
  ssv_ui_test_iterate (200);
  g_assert_cmpint (ssv_test_query_int (ssv_context_get_database (context), "SELECT count(*) FROM servers"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (ssv_context_get_database (context), "SELECT count(*) FROM server_libraries"), ==, 0);
  g_assert_false (keyring_holds (CLOSED_KEY));
  g_assert_null (ssv_window_get_last_scan (window));

  g_signal_handlers_disconnect_by_func (ssv_context_get_library_store (context), on_servers_changed, &servers_changed);
  ssv_ui_test_stop_app (app);
  fake_free (fake);
}

/* The connection test against a server that answers slowly, and the dialog closed meanwhile. */
static void
test_close_dialog_mid_test (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "close-test.db", NULL);
  Fake *fake = fake_new (API_KEY);
  SsvFakeFault slow = { SSV_FAKE_FAULT_DELAY, 0, -1, 1500, -1 };
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvContext *context = ssv_application_get_context (app);
  g_autoptr(GPtrArray) requests = NULL;
  SsvServerDialog *dialog;

  ssv_fake_server_set_fault (fake->server, "GET /System/Info", &slow);
  g_assert_true (ssv_window_show_page (window, "library"));
  dialog = open_dialog_from (GTK_WIDGET (ssv_window_get_visible_page (window)), "library.connect-server");
  ssv_server_dialog_fill (dialog, "jellyfin", ssv_fake_server_get_url (fake->server), API_KEY);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "server.test", NULL);
  ssv_ui_test_iterate (300);
  g_assert_nonnull (strstr (ssv_server_dialog_get_status (dialog), "Connecting"));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  g_assert_true (ssv_test_wait_for (no_server_dialog, NULL, 5000));

  /* The answer comes after the dialog went: nothing is touched, nothing is stored. */
  ssv_ui_test_iterate (2500);
  requests = ssv_fake_server_dup_requests (fake->server);
  g_assert_cmpuint (requests->len, >=, 1);
  g_assert_cmpint (ssv_test_query_int (ssv_context_get_database (context), "SELECT count(*) FROM servers"), ==, 0);

  ssv_ui_test_stop_app (app);
  fake_free (fake);
}

static gboolean
mode_is_full (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (data, &error);
  g_autofree char *mode = ssv_settings_store_get (db, "scan.mode", NULL);

  return g_strcmp0 (mode, "full") == 0;
}

/* Issue 10 item 13, the same race in the Sources page: Preferences closed while a change it
 * writes waits for the library. The change is kept; nothing of the closed page is touched. */
static void
test_close_preferences_mid_write (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "close-prefs.db", NULL);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) blocker = NULL;
  SsvPreferencesWindow *prefs;
  GtkWidget *page;
  GtkWidget *mode;

  ssv_ui_test_wait_for_window (app);
  prefs = open_preferences (app, "sources");
  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs)));
  g_assert_true (SSV_IS_SOURCES_PREFERENCES (page));
  while (ssv_sources_preferences_get_busy (SSV_SOURCES_PREFERENCES (page)))
    ssv_ui_test_iterate (20);

  blocker = ssv_database_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_database_exec (blocker, "BEGIN IMMEDIATE", &error));

  mode = ssv_ui_test_find_widget_of_type (page, ADW_TYPE_COMBO_ROW);
  g_assert_cmpstr (gtk_widget_get_name (mode), ==, "scan-mode");
  adw_combo_row_set_selected (ADW_COMBO_ROW (mode), 1);
  ssv_ui_test_iterate (100);
  g_assert_true (ssv_sources_preferences_get_busy (SSV_SOURCES_PREFERENCES (page)));

  gtk_window_destroy (GTK_WINDOW (prefs));
  ssv_ui_test_iterate (200);
  g_assert_true (ssv_database_exec (blocker, "ROLLBACK", &error));

  g_assert_true (ssv_test_wait_for (mode_is_full, db_path, 30000));
  ssv_ui_test_iterate (200);

  ssv_ui_test_stop_app (app);
}

static gboolean
no_servers (gpointer data)
{
  return ssv_test_query_int (ssv_context_get_database (data), "SELECT count(*) FROM servers") == 0;
}

/* Removing a server asks first. The question answered after Preferences closed removes
 * nothing; answered while the page is there, the server goes with its titles and token. */
static void
test_remove_source_asks (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "remove.db", NULL);
  Fake *fake = fake_new (API_KEY);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvWindow *window = ssv_ui_test_wait_for_window (app);
  SsvContext *context = ssv_application_get_context (app);
  g_autofree char *before = NULL;
  g_autofree char *after_close = NULL;
  SsvPreferencesWindow *prefs;
  GtkWidget *page;
  GtkWidget *question;
  gint64 server_id;

  fill_library (app, window, fake);
  server_id = ssv_test_query_int (ssv_context_get_database (context), "SELECT id FROM servers");
  before = dump_library (context);

  /* Asked, then Preferences closes before the answer: the question goes with it. */
  prefs = open_preferences (app, "sources");
  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs)));
  gtk_widget_activate_action (page, "sources.remove-source", "x", server_id);
  ssv_ui_test_iterate (200);
  question = ssv_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (question)) == GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (prefs));
  ssv_ui_test_iterate (500);
  g_assert_null (ssv_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  after_close = dump_library (context);
  g_assert_cmpstr (after_close, ==, before);
  g_assert_true (keyring_holds (API_KEY));

  /* Asked and answered with Preferences open: the server and its titles go. */
  prefs = open_preferences (app, "sources");
  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs)));
  gtk_widget_activate_action (page, "sources.remove-source", "x", server_id);
  ssv_ui_test_iterate (200);
  question = ssv_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "remove");
  gtk_window_destroy (GTK_WINDOW (question));
  g_assert_true (ssv_test_wait_for (no_servers, context, 30000));
  ssv_ui_test_iterate (200);
  g_assert_cmpint (ssv_test_query_int (ssv_context_get_database (context), "SELECT count(*) FROM movies"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (ssv_context_get_database (context), "SELECT count(*) FROM episodes"), ==, 0);

  ssv_ui_test_stop_app (app);
  fake_free (fake);
}

int
main (int    argc,
      char **argv)
{
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-ui-sources-XXXXXX", NULL);
  g_setenv ("SSV_CACHE_DIR", tmp_dir, TRUE);

  g_test_add_func ("/ui/sources/readd-known-server", test_readd_known_server);
  g_test_add_func ("/ui/sources/close-dialog-mid-save", test_close_dialog_mid_save);
  g_test_add_func ("/ui/sources/close-dialog-mid-test", test_close_dialog_mid_test);
  g_test_add_func ("/ui/sources/close-preferences-mid-write", test_close_preferences_mid_write);
  g_test_add_func ("/ui/sources/remove-source-asks", test_remove_source_asks);

  result = g_test_run ();

  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
