/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-streaming.c: Where to Watch against a fake TMDB: Preferences lists the streaming
 * services TMDB has for the country and keeps the person's pick; the Wishlist's "not on my
 * streaming services" toggle hides a wanted film one of them streams (read from TMDB in the
 * background) and shows it again when turned off; a refused key is said in plain words. */

#include "config.h"

#include "pages/ssv-wishlist-page.h"
#include "preferences/ssv-streaming-preferences.h"
#include "ssv-fake-providers.h"
#include "ssv-streaming-filter.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "model/ssv-wishlist-item.h"
#include "widgets/ssv-poster-grid.h"

static char *tmp_dir;
static SsvFakeServer *server;
static SsvFakeProviders *fake;

static SsvApplication *
start_app (const char *name)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

  g_assert_no_error (error);
  /* Fight Club streams on Netflix in Germany; Heat, TMDB no longer knows. */
  ssv_database_exec (db, "INSERT INTO wishlist (id, kind, source, source_id, title, sort_title, year)"
                         " VALUES (1, 'movie', 'tmdb', '550', 'Fight Club', 'fight club', 1999),"
                         " (2, 'movie', 'tmdb', '949', 'Heat', 'heat', 1995)", &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  return ssv_ui_test_start_app (db_path);
}

static void
set_streaming (const char *region,
               gint32      service)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_set_string (settings, "watch-region", region);
  g_settings_set_value (settings, "streaming-services",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, &service, service > 0 ? 1 : 0,
                                                   sizeof (gint32)));
}

/* ---- Preferences ------------------------------------------------------------------ */

static gboolean
services_listed (gpointer data)
{
  return !ssv_streaming_preferences_is_loading (data);
}

static gboolean
is_switch_for (GtkWidget     *widget,
               gconstpointer  action)
{
  return GTK_IS_SWITCH (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The services TMDB lists for Germany, in its order there; flipping Netflix's switch makes
 * it the person's service; with a key TMDB refuses, the row says what to do. */
static void
test_preferences (void)
{
  SsvApplication *app;
  SsvContext *context;
  GtkWidget *window = gtk_window_new ();
  SsvStreamingPreferences *prefs;
  GtkWidget *netflix;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GVariant) chosen = NULL;
  gsize n = 0;
  const gint32 *ids;

  set_streaming ("DE", 0);
  app = start_app ("prefs.db");
  ssv_ui_test_wait_for_window (app);
  context = ssv_application_get_context (app);

  prefs = g_object_ref_sink (SSV_STREAMING_PREFERENCES (ssv_streaming_preferences_new ()));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (prefs));
  gtk_window_present (GTK_WINDOW (window));
  ssv_streaming_preferences_set_context (prefs, context);
  g_assert_true (ssv_test_wait_for (services_listed, prefs, 20000));
  g_assert_null (ssv_streaming_preferences_get_problem (prefs));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ssv_streaming_preferences_get_services (prefs)), TRUE);
  ssv_ui_test_iterate (100);
  g_assert_true (ssv_ui_test_shows_label (GTK_WIDGET (prefs), "Disney Plus"));
  g_assert_true (ssv_ui_test_shows_label (GTK_WIDGET (prefs), "WOW"));
  g_assert_true (ssv_ui_test_shows_label (GTK_WIDGET (prefs), "None chosen"));

  netflix = ssv_ui_test_find_widget (GTK_WIDGET (prefs), is_switch_for, "services.p8");
  g_assert_nonnull (netflix);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (netflix)));
  g_assert_true (gtk_widget_activate (netflix));
  ssv_ui_test_iterate (100);
  chosen = g_settings_get_value (settings, "streaming-services");
  ids = g_variant_get_fixed_array (chosen, &n, sizeof (gint32));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (ids[0], ==, 8);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (netflix)));
  g_assert_true (ssv_ui_test_shows_label (GTK_WIDGET (prefs), "1 chosen"));
  ssv_ui_test_screenshot (window, "streaming-preferences");

  /* Another country, with a key TMDB refuses: plain words, no stale list. */
  ssv_fake_providers_set_key (fake, "tmdb", "another-key");
  {
    GtkWidget *region_row = ssv_ui_test_find_widget_of_type (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW);

    gtk_editable_set_text (GTK_EDITABLE (region_row), "at");
    g_signal_emit_by_name (region_row, "apply");
  }
  g_assert_true (ssv_test_wait_for (services_listed, prefs, 20000));
  g_assert_nonnull (ssv_streaming_preferences_get_problem (prefs));
  g_assert_null (ssv_ui_test_find_widget (GTK_WIDGET (prefs), is_switch_for, "services.p8"));
  g_assert_cmpstr (g_settings_get_string (settings, "watch-region"), ==, "AT");
  ssv_fake_providers_set_key (fake, "tmdb", "good-tmdb");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (prefs);
  ssv_ui_test_stop_app (app);
}

/* ---- the wishlist ------------------------------------------------------------------ */

typedef struct
{
  GtkWidget  *grid;
  guint       n;
} Shown;

static gboolean
shows_n (gpointer data)
{
  Shown *shown = data;
  GListModel *model = ssv_poster_grid_get_model (SSV_POSTER_GRID (shown->grid));

  return model != NULL && g_list_model_get_n_items (model) == shown->n;
}

static gboolean
filter_settled (gpointer data)
{
  return !ssv_streaming_filter_is_busy (data);
}

/* The toggle hides Fight Club, which Netflix streams; Heat stays; off, both show. The
 * offers come from TMDB in the background, once. */
static void
test_wishlist_filter (void)
{
  SsvApplication *app;
  SsvWindow *window;
  SsvWishlistPage *page;
  Shown shown;
  GListModel *model;
  g_autoptr(SsvWishlistItem) left = NULL;
  g_autoptr(SsvStreamingFilter) filter = NULL;

  set_streaming ("DE", 8);
  app = start_app ("wishlist.db");
  window = ssv_ui_test_wait_for_window (app);
  g_assert_true (ssv_window_show_page (window, "wishlist"));
  page = SSV_WISHLIST_PAGE (ssv_window_get_visible_page (window));

  shown.grid = ssv_ui_test_find_widget_of_type (GTK_WIDGET (page), SSV_TYPE_POSTER_GRID);
  shown.n = 2;
  g_assert_true (ssv_test_wait_for (shows_n, &shown, 10000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "wishlist.hide-streaming", NULL));
  shown.n = 1;
  g_assert_true (ssv_test_wait_for (shows_n, &shown, 20000));
  model = ssv_poster_grid_get_model (SSV_POSTER_GRID (shown.grid));
  left = g_list_model_get_item (model, 0);
  g_assert_cmpstr (ssv_wishlist_item_get_title (left), ==, "Heat");
  ssv_ui_test_iterate (200);
  ssv_ui_test_screenshot (GTK_WIDGET (window), "wishlist-not-on-my-services");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "wishlist.hide-streaming", NULL));
  shown.n = 2;
  g_assert_true (ssv_test_wait_for (shows_n, &shown, 10000));

  /* The filter on its own: what it hides, and gone when dropped. */
  filter = ssv_streaming_filter_new (ssv_application_get_context (app));
  ssv_streaming_filter_set_active (filter, TRUE);
  g_assert_true (ssv_test_wait_for (filter_settled, filter, 20000));
  g_assert_cmpuint (ssv_streaming_filter_get_n_hidden (filter), ==, 1);
  g_assert_null (ssv_streaming_filter_get_problem (filter));
  g_assert_finalize_object (g_steal_pointer (&filter));

  ssv_ui_test_stop_app (app);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(SsvSecrets) secrets = NULL;
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-ui-streaming-XXXXXX", NULL);

  server = ssv_fake_server_new ();
  fake = ssv_fake_providers_new (server);
  {
    g_autofree char *url = ssv_fake_providers_dup_url (fake, "tmdb");
    g_autofree char *images = g_strdup_printf ("%s/images", ssv_fake_server_get_url (server));

    g_setenv ("SSV_TMDB_URL", url, TRUE);
    g_setenv ("SSV_TMDB_IMAGES_URL", images, TRUE);
  }
  ssv_fake_providers_set_key (fake, "tmdb", "good-tmdb");
  ssv_fake_providers_set_tmdb_fixture (fake, "/watch/providers/movie", "tmdb/watch-providers-movie-DE.SHAPE.json");
  ssv_fake_providers_set_tmdb_fixture (fake, "/watch/providers/tv", "tmdb/watch-providers-tv-DE.SHAPE.json");
  ssv_fake_providers_set_tmdb_fixture (fake, "/movie/550/watch/providers", "tmdb/movie-550-watch-providers-DE.SHAPE.json");
  ssv_fake_providers_set_tmdb (fake, "/movie/949/watch/providers", 404, NULL);
  secrets = ssv_secrets_new ();
  ssv_test_store_api_key (secrets, "tmdb", "good-tmdb");

  g_test_add_func ("/ui/streaming-preferences/lists-and-keeps-my-services", test_preferences);
  g_test_add_func ("/ui/wishlist/hides-what-my-services-stream", test_wishlist_filter);

  result = g_test_run ();

  ssv_fake_providers_free (fake);
  ssv_fake_server_free (server);
  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
