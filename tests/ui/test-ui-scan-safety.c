/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-scan-safety.c: the real app, when a deep scan finds a server's library empty, asks
 * under the scan bar whether to remove its titles; Keep keeps them, Remove removes them. */

#include "config.h"

#include <string.h>

#include "ssv-fake-jellyfin.h"
#include "widgets/ssv-scan-bar.h"
#include "stores/ssv-scan-hold-store.h"
#include "stores/ssv-server-store.h"
#include "ssv-server-token.h"
#include "stores/ssv-settings-store.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "sources/ssv-scan-result.h"
#include "stores/ssv-library-store.h"

#define API_KEY "ui-safety-key-91b2"

static char *tmp_dir;

typedef struct
{
  SsvScanBar *bar;
  guint       scans;
  guint       awaited;
} Watch;

static void
on_scan_finished (SsvScanner    *scanner,
                  SsvScanResult *result,
                  Watch         *watch)
{
  watch->scans++;
}

static gboolean
scanned (gpointer data)
{
  Watch *watch = data;

  return watch->scans >= watch->awaited;
}

static gboolean
asks (gpointer data)
{
  Watch *watch = data;

  return ssv_scan_bar_get_question (watch->bar)[0] != '\0';
}

static gboolean
asks_nothing (gpointer data)
{
  Watch *watch = data;

  return ssv_scan_bar_get_question (watch->bar)[0] == '\0';
}

static void
scan_and_wait (SsvWindow  *window,
               Watch      *watch,
               const char *mode)
{
  SsvContext *context = ssv_window_get_context (window);
  guint before = watch->scans;
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_settings_store_set (ssv_context_get_database (context), "scan.mode", mode, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.scan-library", NULL);
  watch->awaited = before + 1;
  g_assert_true (ssv_test_wait_for (scanned, watch, 30000));
}

static guint
movie_count (SsvContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) movies = ssv_library_store_list_movies (ssv_context_get_library_store (context), &error);

  g_assert_no_error (error);
  return movies->len;
}

static guint
hold_count (SsvContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) holds = ssv_scan_hold_store_list (ssv_context_get_database (context), 0, &error);

  g_assert_no_error (error);
  return holds->len;
}

static void
test_empty_library_asks (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "library.db", NULL);
  g_autoptr(SsvFakeServer) server = ssv_fake_server_new ();
  g_autoptr(SsvFakeJellyfin) jellyfin = ssv_fake_jellyfin_new (server, API_KEY);
  g_autoptr(GPtrArray) libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  SsvApplication *app;
  SsvWindow *window;
  SsvContext *context;
  Watch watch = { NULL, 0, 0 };
  gint64 row;

  ssv_fake_jellyfin_add_library (jellyfin, "lib-movies", "Films", "movies");
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("movie-%u", i);
      g_autofree char *name = g_strdup_printf ("Film %u", i);

      ssv_fake_jellyfin_add_movie (jellyfin, "lib-movies", id, name, 2000 + (int) i);
    }

  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  context = ssv_window_get_context (window);
  watch.bar = SSV_SCAN_BAR (ssv_ui_test_find_widget_of_type (GTK_WIDGET (window), SSV_TYPE_SCAN_BAR));
  g_signal_connect (ssv_context_get_scanner (context), "scan-finished", G_CALLBACK (on_scan_finished), &watch);

  /* A server the person added, its token in the keyring. */
  g_assert_true (ssv_server_store_add (ssv_context_get_database (context), "jellyfin", "Home",
                                       ssv_fake_server_get_url (server), NULL, &row, NULL, &error));
  g_ptr_array_add (libraries, ssv_media_library_new ("lib-movies", "Films", SSV_LIBRARY_KIND_MOVIES));
  g_assert_true (ssv_server_store_set_libraries (ssv_context_get_database (context), row, libraries, &error));
  key = ssv_server_token_dup_key (ssv_context_get_database (context), row, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_server_token_store_sync (ssv_context_get_secrets (context), ssv_context_get_database (context),
                                              row, "Jellyfin token", API_KEY, NULL, &error));
  g_assert_no_error (error);

  scan_and_wait (window, &watch, "full");
  g_assert_cmpuint (movie_count (context), ==, 5);
  g_assert_true (asks_nothing (&watch));

  /* The section answers empty: a deep scan removes nothing, and asks. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("movie-%u", i);
      ssv_fake_jellyfin_remove_item (jellyfin, id);
    }
  scan_and_wait (window, &watch, "deep");
  g_assert_true (ssv_test_wait_for (asks, &watch, 20000));
  g_assert_cmpstr (ssv_scan_bar_get_question (watch.bar), ==,
                   "Films on Home came back empty. Remove 5 titles, or keep them?");
  g_assert_cmpuint (movie_count (context), ==, 5);
  ssv_ui_test_iterate (300);
  ssv_ui_test_screenshot (GTK_WIDGET (window), "scan-hold-question");

  /* Keep: the question goes, the films stay. */
  gtk_widget_activate_action (GTK_WIDGET (watch.bar), "scan-bar.keep-held", NULL);
  g_assert_true (ssv_test_wait_for (asks_nothing, &watch, 20000));
  g_assert_cmpuint (hold_count (context), ==, 0);
  g_assert_cmpuint (movie_count (context), ==, 5);

  /* Asked again by the next deep scan; Remove: the films go. */
  scan_and_wait (window, &watch, "deep");
  g_assert_true (ssv_test_wait_for (asks, &watch, 20000));
  gtk_widget_activate_action (GTK_WIDGET (watch.bar), "scan-bar.confirm-held", NULL);
  g_assert_true (ssv_test_wait_for (asks_nothing, &watch, 20000));
  g_assert_cmpuint (hold_count (context), ==, 0);
  g_assert_cmpuint (movie_count (context), ==, 0);

  g_signal_handlers_disconnect_by_data (ssv_context_get_scanner (context), &watch);
  ssv_secrets_clear_sync (ssv_context_get_secrets (context), key, NULL, NULL);
  ssv_ui_test_stop_app (app);
}

int
main (int    argc,
      char **argv)
{
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-ui-scan-safety-XXXXXX", NULL);
  g_setenv ("SSV_CACHE_DIR", tmp_dir, TRUE);

  g_test_add_func ("/ui/scan-safety/empty-library-asks", test_empty_library_asks);

  result = g_test_run ();

  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
