/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-title-actions.c: a title page's action menu against fake servers: watched and
 * unwatched reach Jellyfin, Plex and a folder's library row; an episode's check and a season;
 * Edit Details with its locks, which a scan then leaves alone; Refresh and Re-match (TMDB and
 * TheTVDB); Where to Watch for the region chosen in Preferences. */

#include "config.h"

#include <string.h>

#include "dialogs/ssv-edit-details-dialog.h"
#include "widgets/ssv-episode-row.h"
#include "ssv-fake-jellyfin.h"
#include "ssv-fake-plex.h"
#include "ssv-fake-providers.h"
#include "dialogs/ssv-rematch-dialog.h"
#include "ssv-server-token.h"
#include "ssv-test-utils.h"
#include "pages/ssv-title-page-private.h"
#include "ssv-ui-test-utils.h"
#include "pages/title/ssv-where-to-watch.h"
#include "stores/ssv-settings-store.h"
#include "sources/ssv-scanner.h"

#define JELLYFIN_KEY "jf-title-actions-ui"
#define PLEX_TOKEN   "plex-title-actions-ui"

static char *tmp_dir;
static SsvFakeServer *tmdb_server;
static SsvFakeProviders *fake;

typedef struct
{
  SsvFakeServer   *jellyfin_server;
  SsvFakeServer   *plex_server;
  SsvFakeJellyfin *jellyfin;
  SsvFakePlex     *plex;
  gint64           jellyfin_row;
  SsvApplication  *app;
  SsvWindow       *window;
  SsvContext      *context;
  guint            scans;
} Fixture;

static void
exec (SsvDatabase *db,
      const char  *sql)
{
  g_autoptr(GError) error = NULL;

  ssv_database_exec (db, sql, &error);
  g_assert_no_error (error);
}

static void
store_token (SsvDatabase *db,
             gint64       row,
             const char  *token)
{
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_server_token_store_sync (secrets, db, row, "test token", token, NULL, &error));
  g_assert_no_error (error);
}

static void
on_scan_finished (Fixture *f)
{
  f->scans++;
}

/* Jellyfin "Home" (Heat, Lost with three episodes), Plex "Living Room" (one movie) and a
 * folder (one movie), in the library as a scan left them. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, data, NULL);
  g_autofree char *plex_sql = NULL;

  f->jellyfin_server = ssv_fake_server_new ();
  f->plex_server = ssv_fake_server_new ();
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_no_error (error);
    f->jellyfin = ssv_test_add_jellyfin_server (db, f->jellyfin_server, JELLYFIN_KEY, "TV", &f->jellyfin_row);
    store_token (db, f->jellyfin_row, JELLYFIN_KEY);
    ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-movies", "jf-heat", "Heat", 1995);
    ssv_fake_jellyfin_add_series (f->jellyfin, "lib-shows", "jf-lost", "Lost", 2004);
    ssv_fake_jellyfin_add_episode (f->jellyfin, "jf-lost", "jf-lost-1-1", 1, 1, "Pilot");
    ssv_fake_jellyfin_add_episode (f->jellyfin, "jf-lost", "jf-lost-1-2", 1, 2, "Pilot 2");
    ssv_fake_jellyfin_add_episode (f->jellyfin, "jf-lost", "jf-lost-2-1", 2, 1, "Man of Science");

    f->plex = ssv_fake_plex_new (f->plex_server, PLEX_TOKEN);
    ssv_fake_plex_add_section (f->plex, "1", "Movies", "movie");
    g_assert_cmpuint (ssv_fake_plex_add_fixture_items (f->plex, "1", "plex/mediux_list-movies.json"), >, 0);
    plex_sql = g_strdup_printf ("INSERT INTO servers (id, kind, name, url) VALUES (20, 'plex', 'Living Room', '%s')",
                                ssv_fake_server_get_url (f->plex_server));
    exec (db, plex_sql);
    store_token (db, 20, PLEX_TOKEN);

    exec (db,
      "INSERT INTO servers (id, kind, name, url) VALUES (30, 'folder', 'Disk', 'file:///nowhere');"
      "INSERT INTO movies (id, title, year, tmdb_id, server_source, server_id) VALUES"
      "  (1, 'Heat', 1995, 550, 1, 'jf-heat');"
      "INSERT INTO enrichment_status (provider, movie_id, status, synced_at) VALUES ('tmdb', 1, 'matched', 1);"
      "INSERT INTO movies (id, title, year, server_source, server_id) VALUES"
      "  (2, 'Plex Movie', 2000, 20, '102969'), (3, 'Home Video', 2001, 30, 'f-1');"
      "INSERT INTO shows (id, title, year, server_source, server_id) VALUES (1, 'Lost', 2004, 1, 'jf-lost');"
      "INSERT INTO episodes (id, show_id, season_number, episode_number, title, server_source, server_id) VALUES"
      "  (11, 1, 1, 1, 'Pilot', 1, 'jf-lost-1-1'), (12, 1, 1, 2, 'Pilot 2', 1, 'jf-lost-1-2'),"
      "  (21, 1, 2, 1, 'Man of Science', 1, 'jf-lost-2-1');");
    g_assert_cmpint (f->jellyfin_row, ==, 1);
  }

  f->app = ssv_ui_test_start_app (db_path);
  f->window = ssv_ui_test_wait_for_window (f->app);
  f->context = ssv_window_get_context (f->window);
  g_signal_connect_swapped (ssv_context_get_scanner (f->context), "scan-finished", G_CALLBACK (on_scan_finished), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (ssv_context_get_scanner (f->context), f);
  ssv_ui_test_stop_app (f->app);
  g_clear_pointer (&f->jellyfin, ssv_fake_jellyfin_free);
  g_clear_pointer (&f->plex, ssv_fake_plex_free);
  g_clear_pointer (&f->jellyfin_server, ssv_fake_server_free);
  g_clear_pointer (&f->plex_server, ssv_fake_server_free);
}

static gint64
query (Fixture    *f,
       const char *sql)
{
  return ssv_test_query_int (ssv_context_get_database (f->context), sql);
}

static char *
query_text (Fixture    *f,
            const char *sql)
{
  return ssv_test_query_text (ssv_context_get_database (f->context), sql);
}

/* ---- the page ------------------------------------------------------------------ */

typedef struct
{
  SsvWindow *window;
  gint64     id;
  gboolean   show;
} Wanted;

static gboolean
title_loaded (gpointer data)
{
  Wanted *wanted = data;
  SsvPage *page = ssv_window_get_visible_page (wanted->window);
  SsvTitle *item;

  if (!SSV_IS_TITLE_PAGE (page) || g_strcmp0 (ssv_title_page_get_state (SSV_TITLE_PAGE (page)), "content") != 0)
    return FALSE;
  item = ssv_title_page_get_item (SSV_TITLE_PAGE (page));

  return ssv_title_get_id (item) == wanted->id
         && ssv_title_get_kind (item) == (wanted->show ? SSV_MEDIA_KIND_SHOW : SSV_MEDIA_KIND_MOVIE);
}

static SsvTitlePage *
open_title (Fixture  *f,
            gboolean  show,
            gint64    id)
{
  Wanted wanted = { f->window, id, show };

  gtk_widget_activate_action (GTK_WIDGET (f->window), show ? "win.show-show" : "win.show-movie", "x", id);
  g_assert_true (ssv_test_wait_for (title_loaded, &wanted, 20000));

  return SSV_TITLE_PAGE (ssv_window_get_visible_page (f->window));
}

static gboolean
page_idle (gpointer data)
{
  return !ssv_title_page_is_working (data) && ssv_title_page_get_last_message (data) != NULL;
}

/* Runs @action on @page and waits for the words it ends with. */
static const char *
run_action (SsvTitlePage *page,
            const char   *action,
            GVariant     *target)
{
  /* The action starts at once, so the wait below is for its own words. */
  gtk_widget_activate_action_variant (GTK_WIDGET (page), action, target);
  g_assert_true (ssv_title_page_is_working (page));
  g_assert_true (ssv_test_wait_for (page_idle, page, 20000));
  g_test_message ("%s: %s", action, ssv_title_page_get_last_message (page));

  return ssv_title_page_get_last_message (page);
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_action (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
    }

  return FALSE;
}

/* The shortcut the page itself has for @accel, whatever it names. */
static char *
page_shortcut_action (GtkWidget  *page,
                      const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (trigger, accel) && GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }

  return NULL;
}

/* ---- watched ------------------------------------------------------------------- */

/* The menu is beside the wishlist button, in words for those who cannot see its icon;
 * a movie on Jellyfin, one on Plex and one in a folder are marked, each where it lives. */
static void
test_movie_watched (Fixture       *f,
                    gconstpointer  data)
{
  SsvTitlePage *page = open_title (f, FALSE, 1);
  GtkWidget *menu_button = ssv_title_page_get_section (page, "menu_button");
  GMenuModel *menu;
  g_autofree char *f5 = page_shortcut_action (GTK_WIDGET (page), "F5");
  g_autofree char *ctrl_e = page_shortcut_action (GTK_WIDGET (page), "<Control>e");
  g_autofree char *jellyfin_calls = NULL;
  g_autofree char *plex_calls = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (menu_button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, "Title Actions");
  /* The menu is built when it first opens, not with the page. */
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  ssv_ui_test_iterate (300);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  g_assert_nonnull (menu);
  for (guint i = 0; i < 5; i++)
    g_assert_true (menu_has_action (menu, (const char *[]) { "title.refresh", "title.rematch", "title.edit",
                                                             "title.mark-watched", "title.mark-season" }[i]));
  g_assert_cmpstr (f5, ==, "title.refresh");
  g_assert_cmpstr (ctrl_e, ==, "title.edit");
  ssv_ui_test_screenshot (GTK_WIDGET (f->window), "title-actions-menu");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));

  g_assert_cmpstr (run_action (page, "title.mark-watched", g_variant_new_boolean (TRUE)), ==,
                   "“Heat” marked as watched");
  jellyfin_calls = ssv_fake_jellyfin_dup_played_calls (f->jellyfin);
  g_assert_cmpstr (jellyfin_calls, ==, "played jf-heat");
  g_assert_cmpint (query (f, "SELECT watched FROM movies WHERE id = 1"), ==, 1);

  page = open_title (f, FALSE, 2);
  run_action (page, "title.mark-watched", g_variant_new_boolean (TRUE));
  g_assert_cmpstr (run_action (page, "title.mark-watched", g_variant_new_boolean (FALSE)), ==,
                   "“Plex Movie” marked as unwatched");
  plex_calls = ssv_fake_plex_dup_watched_calls (f->plex);
  g_assert_cmpstr (plex_calls, ==, "scrobble 102969;unscrobble 102969");
  g_assert_cmpint (query (f, "SELECT watched FROM movies WHERE id = 2"), ==, 0);

  /* A folder has no server to tell: the library alone keeps it. */
  page = open_title (f, FALSE, 3);
  run_action (page, "title.mark-watched", g_variant_new_boolean (TRUE));
  g_assert_cmpint (query (f, "SELECT watched FROM movies WHERE id = 3"), ==, 1);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->plex_server), ==, 2);

  /* Plex refuses the token: the words name the server and nothing changes here. */
  {
    g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();

    g_assert_true (ssv_server_token_store_sync (secrets, ssv_context_get_database (f->context), 20, "test token",
                                                "wrong", NULL, &error));
    g_assert_no_error (error);
  }
  page = open_title (f, FALSE, 2);
  g_assert_nonnull (strstr (run_action (page, "title.mark-watched", g_variant_new_boolean (TRUE)),
                            "“Living Room” could not be told"));
  g_assert_cmpint (query (f, "SELECT watched FROM movies WHERE id = 2"), ==, 0);
}

static gboolean
is_watched_button (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "title.set-episode-watched") == 0;
}

static GtkWidget *
first_episode_check (SsvTitlePage *page)
{
  GtkWidget *row = ssv_ui_test_find_widget_of_type (GTK_WIDGET (page), SSV_TYPE_EPISODE_ROW);

  g_assert_nonnull (row);
  g_assert_cmpint (ssv_episode_get_id (ssv_episode_row_get_episode (SSV_EPISODE_ROW (row))), ==, 11);
  return ssv_ui_test_find_widget (row, is_watched_button, NULL);
}

static gboolean
check_says (gpointer data)
{
  GtkWidget *check = first_episode_check (data);

  return check != NULL && g_strcmp0 (gtk_widget_get_tooltip_text (check), "Mark as Unwatched") == 0;
}

/* An episode row's check, the season shown and the whole show, told to Jellyfin. */
static void
test_episodes_watched (Fixture       *f,
                       gconstpointer  data)
{
  SsvTitlePage *page = open_title (f, TRUE, 1);
  GtkWidget *check = first_episode_check (page);
  g_autofree char *calls = NULL;
  g_autofree char *season_calls = NULL;
  g_autofree char *show_calls = NULL;

  g_assert_nonnull (check);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (check), ==, "Mark as Watched");
  g_assert_true (gtk_widget_activate (check));
  g_assert_true (ssv_test_wait_for (page_idle, page, 20000));
  g_assert_cmpstr (ssv_title_page_get_last_message (page), ==, "“Pilot” marked as watched");
  calls = ssv_fake_jellyfin_dup_played_calls (f->jellyfin);
  g_assert_cmpstr (calls, ==, "played jf-lost-1-1");
  g_assert_cmpint (query (f, "SELECT watched FROM episodes WHERE id = 11"), ==, 1);
  /* The page reloads: the check now offers the way back. */
  g_assert_true (ssv_test_wait_for (check_says, page, 10000));
  ssv_ui_test_screenshot (GTK_WIDGET (f->window), "title-actions-episode-watched");

  g_assert_cmpstr (run_action (page, "title.mark-season", g_variant_new_boolean (FALSE)), ==,
                   "Season 1 of “Lost” marked as unwatched");
  season_calls = ssv_fake_jellyfin_dup_played_calls (f->jellyfin);
  g_assert_cmpstr (season_calls, ==, "played jf-lost-1-1;unplayed jf-lost-1-1;unplayed jf-lost-1-2");
  g_assert_cmpint (query (f, "SELECT count(*) FROM episodes WHERE watched = 1"), ==, 0);

  g_assert_cmpstr (run_action (page, "title.mark-watched", g_variant_new_boolean (TRUE)), ==,
                   "“Lost” marked as watched");
  show_calls = ssv_fake_jellyfin_dup_played_calls (f->jellyfin);
  g_assert_true (g_str_has_suffix (show_calls, ";played jf-lost"));
  g_assert_cmpint (query (f, "SELECT count(*) FROM episodes WHERE watched = 1"), ==, 3);
}

/* ---- edit details --------------------------------------------------------------- */

static gboolean
edit_dialog_shown (gpointer unused)
{
  return ssv_ui_test_find_window (SSV_TYPE_EDIT_DETAILS_DIALOG) != NULL;
}

static gboolean
edit_dialog_gone (gpointer unused)
{
  return ssv_ui_test_find_window (SSV_TYPE_EDIT_DETAILS_DIALOG) == NULL;
}

static gboolean
form_ready (gpointer data)
{
  return g_strcmp0 (ssv_edit_details_dialog_get_state (data), "loading") != 0;
}

static gboolean
error_shown (gpointer data)
{
  return ssv_edit_details_dialog_get_error (data) != NULL;
}

static SsvEditDetailsDialog *
open_edit (SsvTitlePage *page)
{
  SsvEditDetailsDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (page), "title.edit", NULL);
  g_assert_true (ssv_test_wait_for (edit_dialog_shown, NULL, 5000));
  dialog = g_object_ref (SSV_EDIT_DETAILS_DIALOG (ssv_ui_test_find_window (SSV_TYPE_EDIT_DETAILS_DIALOG)));
  g_assert_true (ssv_test_wait_for (form_ready, dialog, 10000));
  g_assert_cmpstr (ssv_edit_details_dialog_get_state (dialog), ==, "form");

  return dialog;
}

static gboolean
scanned (gpointer data)
{
  Fixture *f = data;

  return f->scans > 0 && !ssv_scanner_get_running (ssv_context_get_scanner (f->context));
}

/* A title typed by hand locks itself; a wrong year is said in words and nothing is saved;
 * the next scan of the server leaves the locked title alone. */
static void
test_edit_details (Fixture       *f,
                   gconstpointer  data)
{
  SsvTitlePage *page = open_title (f, FALSE, 1);
  SsvEditDetailsDialog *dialog = open_edit (page);
  GtkToggleButton *title_lock = ssv_edit_details_dialog_get_lock (dialog, "title");
  g_autofree char *title = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *after_scan = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ssv_edit_details_dialog_get_row (dialog, "title"))), ==,
                   "Heat");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ssv_edit_details_dialog_get_row (dialog, "tmdb_id"))), ==,
                   "550");
  g_assert_false (gtk_toggle_button_get_active (title_lock));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (title_lock)), ==, "Lock Title");

  gtk_editable_set_text (GTK_EDITABLE (ssv_edit_details_dialog_get_row (dialog, "title")), "Heat (Director's Cut)");
  g_assert_true (gtk_toggle_button_get_active (title_lock));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (title_lock)), ==, "Unlock Title");
  gtk_editable_set_text (GTK_EDITABLE (ssv_edit_details_dialog_get_row (dialog, "year")), "19x5");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "edit-details.save", NULL);
  g_assert_true (ssv_test_wait_for (error_shown, dialog, 10000));
  g_assert_nonnull (strstr (ssv_edit_details_dialog_get_error (dialog), "is not a year"));
  ssv_ui_test_screenshot (GTK_WIDGET (dialog), "edit-details-error");
  title = query_text (f, "SELECT title FROM movies WHERE id = 1");
  g_assert_cmpstr (title, ==, "Heat");

  gtk_editable_set_text (GTK_EDITABLE (ssv_edit_details_dialog_get_row (dialog, "year")), "1995");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "edit-details.save", NULL);
  g_assert_true (ssv_test_wait_for (edit_dialog_gone, NULL, 10000));
  g_assert_finalize_object (dialog);
  g_clear_pointer (&title, g_free);
  title = query_text (f, "SELECT title FROM movies WHERE id = 1");
  g_assert_cmpstr (title, ==, "Heat (Director's Cut)");
  locked = query_text (f, "SELECT locked_fields FROM movies WHERE id = 1");
  g_assert_cmpstr (locked, ==, "[\"title\"]");

  /* Jellyfin still says "Heat"; the lock keeps what the person typed. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.scan-source", "x", f->jellyfin_row);
  g_assert_true (ssv_test_wait_for (scanned, f, 30000));
  after_scan = query_text (f, "SELECT title FROM movies WHERE id = 1");
  g_assert_cmpstr (after_scan, ==, "Heat (Director's Cut)");

  /* Opened again, the lock shows as it was saved. */
  page = open_title (f, FALSE, 1);
  dialog = open_edit (page);
  g_assert_true (gtk_toggle_button_get_active (ssv_edit_details_dialog_get_lock (dialog, "title")));
  g_assert_false (gtk_toggle_button_get_active (ssv_edit_details_dialog_get_lock (dialog, "overview")));
  ssv_ui_test_screenshot (GTK_WIDGET (dialog), "edit-details");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (ssv_test_wait_for (edit_dialog_gone, NULL, 5000));
  g_assert_finalize_object (dialog);
}

/* ---- refresh and re-match ---------------------------------------------------------- */

static gboolean
rematch_shown (gpointer unused)
{
  return ssv_ui_test_find_window (SSV_TYPE_REMATCH_DIALOG) != NULL;
}

static gboolean
rematch_gone (gpointer unused)
{
  return ssv_ui_test_find_window (SSV_TYPE_REMATCH_DIALOG) == NULL;
}

static gboolean
rematch_settled (gpointer data)
{
  return g_strcmp0 (ssv_rematch_dialog_get_state (data), "loading") != 0;
}

/* Refresh reads the title from TMDB now and says how it went; a title TMDB does not know
 * says why in words. Re-match searches, and the pick becomes the title's TMDB id. */
static void
test_refresh_and_rematch (Fixture       *f,
                          gconstpointer  data)
{
  SsvTitlePage *page = open_title (f, FALSE, 1);
  SsvRematchDialog *dialog;
  GtkListBoxRow *row;
  const char *said;

  ssv_fake_server_reset_log (tmdb_server);
  said = run_action (page, "title.refresh", NULL);
  g_assert_true (g_str_has_prefix (said, "“Heat”"));
  g_assert_null (strstr (said, "could not"));
  g_assert_cmpuint (ssv_fake_server_get_hits (tmdb_server, "/tmdb/movie/550"), ==, 1);

  page = open_title (f, FALSE, 3);
  said = run_action (page, "title.refresh", NULL);
  g_assert_true (g_str_has_prefix (said, "“Home Video” could not be refreshed: "));

  ssv_fake_providers_set_tmdb_fixture (fake, "/search/movie", "tmdb/search-movie.json");
  page = open_title (f, FALSE, 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "title.rematch", NULL);
  g_assert_true (ssv_test_wait_for (rematch_shown, NULL, 5000));
  dialog = g_object_ref (SSV_REMATCH_DIALOG (ssv_ui_test_find_window (SSV_TYPE_REMATCH_DIALOG)));
  g_assert_true (ssv_test_wait_for (rematch_settled, dialog, 10000));
  g_assert_cmpstr (ssv_rematch_dialog_get_state (dialog), ==, "results");
  /* A movie: TMDB only. */
  g_assert_cmpstr (ssv_rematch_dialog_get_provider (dialog), ==, "tmdb");
  ssv_ui_test_screenshot (GTK_WIDGET (dialog), "title-actions-rematch");
  row = gtk_list_box_get_row_at_index (ssv_rematch_dialog_get_results (dialog), 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (ssv_rematch_dialog_get_results (dialog), "row-activated", row);
  g_assert_true (ssv_test_wait_for (rematch_gone, NULL, 10000));
  g_assert_finalize_object (dialog);
  g_assert_cmpint (query (f, "SELECT tmdb_id FROM movies WHERE id = 1"), ==, 21778);
}

/* Only the test's reference is left: no search or match still holds the dialog. */
static gboolean
only_ours_left (gpointer object)
{
  return G_OBJECT (object)->ref_count == 1;
}

static gboolean
provider_switch_shown (GtkWidget     *widget,
                       gconstpointer  label)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0
         && gtk_widget_is_visible (widget);
}

/* A show may be matched with TheTVDB instead: the pick becomes its TheTVDB id, locked. */
static void
test_rematch_tvdb (Fixture       *f,
                   gconstpointer  data)
{
  SsvTitlePage *page = open_title (f, TRUE, 1);
  SsvRematchDialog *dialog;
  GtkListBoxRow *row;
  GtkWidget *entry;
  g_autofree char *locked = NULL;

  gtk_widget_activate_action (GTK_WIDGET (page), "title.rematch", NULL);
  g_assert_true (ssv_test_wait_for (rematch_shown, NULL, 5000));
  dialog = g_object_ref (SSV_REMATCH_DIALOG (ssv_ui_test_find_window (SSV_TYPE_REMATCH_DIALOG)));
  g_assert_true (ssv_test_wait_for (rematch_settled, dialog, 10000));
  g_assert_nonnull (ssv_ui_test_find_widget (GTK_WIDGET (dialog), provider_switch_shown, "TheTVDB"));

  ssv_rematch_dialog_set_provider (dialog, "tvdb");
  g_assert_cmpstr (ssv_rematch_dialog_get_provider (dialog), ==, "tvdb");
  g_assert_cmpstr (ssv_rematch_dialog_get_state (dialog), ==, "loading");
  g_assert_true (ssv_test_wait_for (rematch_settled, dialog, 10000));
  /* TheTVDB does not know "Lost" here; the person types another name. */
  g_assert_cmpstr (ssv_rematch_dialog_get_state (dialog), ==, "empty");
  entry = ssv_ui_test_find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "FLCL");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (ssv_test_wait_for (rematch_settled, dialog, 10000));
  g_assert_cmpstr (ssv_rematch_dialog_get_state (dialog), ==, "results");
  ssv_ui_test_screenshot (GTK_WIDGET (dialog), "title-actions-rematch-tvdb");
  row = gtk_list_box_get_row_at_index (ssv_rematch_dialog_get_results (dialog), 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (ssv_rematch_dialog_get_results (dialog), "row-activated", row);
  g_assert_true (ssv_test_wait_for (rematch_gone, NULL, 10000));
  /* The typed search's own delayed search may still be on its way back. */
  g_assert_true (ssv_test_wait_for (only_ours_left, dialog, 10000));
  g_assert_finalize_object (dialog);
  g_assert_cmpint (query (f, "SELECT tvdb_id FROM shows WHERE id = 1"), ==, 78878);
  locked = query_text (f, "SELECT locked_fields FROM shows WHERE id = 1");
  g_assert_nonnull (strstr (locked, "tvdb_id"));
}

/* ---- where to watch ---------------------------------------------------------------- */

static gboolean
watch_settled (gpointer data)
{
  return g_strcmp0 (ssv_where_to_watch_get_state (data), "loading") != 0;
}

static char *
watch_rows (SsvWhereToWatch *section)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *row;

  for (row = gtk_widget_get_first_child (GTK_WIDGET (ssv_where_to_watch_get_list (section))); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "; " : "",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                            adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The region chosen in Preferences → Metadata picks TMDB's list; a service that rents and
 * sells is one row; a title TMDB does not know has no section; a failing TMDB is said. */
static void
test_where_to_watch (Fixture       *f,
                     gconstpointer  data)
{
  SsvTitlePage *page;
  SsvWhereToWatch *section;
  g_autofree char *rows = NULL;
  g_autoptr(GError) error = NULL;

  /* The shape TMDB documents for /movie/{id}/watch/providers (no recording exists). */
  ssv_fake_providers_set_tmdb (fake, "/movie/550/watch/providers", 200,
    "{\"id\":550,\"results\":{"
    "\"US\":{\"link\":\"https://www.themoviedb.org/movie/550/watch?locale=US\","
    "\"flatrate\":[{\"logo_path\":\"/n.jpg\",\"provider_id\":8,\"provider_name\":\"Netflix\",\"display_priority\":3}]},"
    "\"DE\":{\"link\":\"https://www.themoviedb.org/movie/550/watch?locale=DE\","
    "\"flatrate\":[{\"logo_path\":\"/d.jpg\",\"provider_id\":337,\"provider_name\":\"Disney Plus\",\"display_priority\":1}],"
    "\"rent\":[{\"logo_path\":\"/a.jpg\",\"provider_id\":2,\"provider_name\":\"Apple TV\",\"display_priority\":4}],"
    "\"buy\":[{\"logo_path\":\"/a.jpg\",\"provider_id\":2,\"provider_name\":\"Apple TV\",\"display_priority\":4}]}}}");
  g_assert_true (ssv_settings_store_set (ssv_context_get_database (f->context), "metadata.region", "DE", &error));
  g_assert_no_error (error);

  page = open_title (f, FALSE, 1);
  section = SSV_WHERE_TO_WATCH (ssv_title_page_get_section (page, "where_to_watch"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (section)));
  g_assert_true (ssv_test_wait_for (watch_settled, section, 20000));
  g_assert_cmpstr (ssv_where_to_watch_get_state (section), ==, "list");
  rows = watch_rows (section);
  g_assert_cmpstr (rows, ==, "Disney Plus: Stream; Apple TV: Rent · Buy");
  ssv_ui_test_screenshot (GTK_WIDGET (f->window), "title-actions-where-to-watch");

  /* No TMDB id: nothing to ask. */
  page = open_title (f, FALSE, 3);
  section = SSV_WHERE_TO_WATCH (ssv_title_page_get_section (page, "where_to_watch"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (section)));

  /* TMDB fails for this one: the section says so in words. */
  exec (ssv_context_get_database (f->context), "UPDATE movies SET tmdb_id = 551 WHERE id = 2");
  ssv_fake_providers_set_tmdb (fake, "/movie/551/watch/providers", 404,
                               "{\"success\":false,\"status_code\":34,"
                               "\"status_message\":\"The resource you requested could not be found.\"}");
  page = open_title (f, FALSE, 2);
  section = SSV_WHERE_TO_WATCH (ssv_title_page_get_section (page, "where_to_watch"));
  g_assert_true (ssv_test_wait_for (watch_settled, section, 30000));
  g_assert_cmpstr (ssv_where_to_watch_get_state (section), ==, "message");
  g_assert_true (g_str_has_prefix (ssv_where_to_watch_get_message (section), "Where to watch could not be found out: "));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(SsvSecrets) secrets = NULL;
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-ui-title-actions-XXXXXX", NULL);

  tmdb_server = ssv_fake_server_new ();
  fake = ssv_fake_providers_new (tmdb_server);
  {
    g_autofree char *url = ssv_fake_providers_dup_url (fake, "tmdb");

    g_setenv ("SSV_TMDB_URL", url, TRUE);
  }
  {
    g_autofree char *url = ssv_fake_providers_dup_url (fake, "tvdb");

    g_setenv ("SSV_TVDB_URL", url, TRUE);
  }
  ssv_fake_providers_set_key (fake, "tmdb", "good-tmdb");
  ssv_fake_providers_set_key (fake, "tvdb", "good-tvdb");
  secrets = ssv_secrets_new ();
  ssv_test_store_api_key (secrets, "tmdb", "good-tmdb");
  ssv_test_store_api_key (secrets, "tvdb", "good-tvdb");

  g_test_add ("/ui/title-actions/movie-watched", Fixture, "movie.db", fixture_set_up, test_movie_watched,
              fixture_tear_down);
  g_test_add ("/ui/title-actions/episodes-watched", Fixture, "episodes.db", fixture_set_up, test_episodes_watched,
              fixture_tear_down);
  g_test_add ("/ui/title-actions/edit-details", Fixture, "edit.db", fixture_set_up, test_edit_details,
              fixture_tear_down);
  g_test_add ("/ui/title-actions/refresh-and-rematch", Fixture, "refresh.db", fixture_set_up,
              test_refresh_and_rematch, fixture_tear_down);
  g_test_add ("/ui/title-actions/rematch-tvdb", Fixture, "tvdb.db", fixture_set_up, test_rematch_tvdb,
              fixture_tear_down);
  g_test_add ("/ui/title-actions/where-to-watch", Fixture, "watch.db", fixture_set_up, test_where_to_watch,
              fixture_tear_down);

  result = g_test_run ();

  ssv_fake_providers_free (fake);
  ssv_fake_server_free (tmdb_server);
  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
