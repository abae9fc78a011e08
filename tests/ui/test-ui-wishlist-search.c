/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-wishlist-search.c: the Wishlist's "Search Now": with no indexer it says so in a toast;
 * with a fake indexer and a real transmission-daemon the wanted film is grabbed and the toast
 * names it; each film then says when it was searched and what came of it, and a film's own
 * "Search Now" searches that film only. */

#include "config.h"

#include <string.h>

#include "ssv-fake-indexer.h"
#include "ssv-test-daemon.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "pages/ssv-wishlist-page.h"
#include "downloads/ssv-wishlist-drain.h"
#include "model/ssv-wishlist-item.h"
#include "ssv-scheduler.h"
#include "stores/ssv-download-store.h"

#define INDEXER_KEY "ui-drain-key"
#define HEAT_HASH   "1111111111111111111111111111111111111111"

static const char heat_feed[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<rss version=\"1.0\" xmlns:torznab=\"http://torznab.com/schemas/2015/feed\"><channel><title>Fake</title>"
  "<item><title>Heat.1995.1080p.WEB-DL.DDP5.1.H.264-GRP</title><guid>" HEAT_HASH "</guid>"
  "<pubDate>Sat, 28 Feb 2026 21:34:00 +0000</pubDate><size>4294967296</size>"
  "<link>magnet:?xt=urn:btih:" HEAT_HASH "</link>"
  "<torznab:attr name=\"seeders\" value=\"50\"/><torznab:attr name=\"peers\" value=\"60\"/>"
  "<torznab:attr name=\"infohash\" value=\"" HEAT_HASH "\"/></item></channel></rss>";

typedef struct
{
  SsvApplication *app;
  SsvWishlistPage *page;
  char           *last;
} Probe;

static gboolean
settled (gpointer data)
{
  Probe *probe = data;
  SsvContext *context = ssv_application_get_context (probe->app);
  SsvScheduler *scheduler;

  if (context == NULL)
    return FALSE;
  scheduler = ssv_context_get_scheduler (context);
  /* The app started its background work (the drain's jobs are in) and the catch-up is over. */
  return ssv_scheduler_lookup (scheduler, SSV_WISHLIST_DRAIN_JOB) != NULL &&
         !ssv_wishlist_drain_get_running (ssv_context_get_wishlist_drain (context)) &&
         !ssv_wishlist_page_get_loading (probe->page);
}

static gboolean
new_message (gpointer data)
{
  Probe *probe = data;
  const char *message = ssv_wishlist_page_get_last_drain_message (probe->page);

  return message != NULL && g_strcmp0 (message, probe->last) != 0;
}

static const char *
wait_message (Probe *probe)
{
  g_assert_true (ssv_test_wait_for (new_message, probe, 60000));
  g_free (probe->last);
  probe->last = g_strdup (ssv_wishlist_page_get_last_drain_message (probe->page));
  g_test_message ("toast: %s", probe->last);
  return probe->last;
}

static const char *
search_now (Probe *probe)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (probe->page), "wishlist.search-all", NULL));
  return wait_message (probe);
}

typedef struct
{
  Probe      *probe;
  gint64      id;
  const char *prefix;
} StateProbe;

static SsvWishlistItem *
find_movie (Probe  *probe,
            gint64  id)
{
  GListModel *movies = ssv_wishlist_page_get_items (probe->page, SSV_WISHLIST_KIND_MOVIE);

  for (guint i = 0; i < g_list_model_get_n_items (movies); i++)
    {
      g_autoptr(SsvWishlistItem) item = g_list_model_get_item (movies, i);

      if (ssv_wishlist_item_get_id (item) == id)
        return item;
    }
  return NULL;
}

/* Returns: (transfer none) (nullable): the "Search Now" button of the card showing film @id */
static GtkWidget *
find_search_button (GtkWidget *widget,
                    gint64     id)
{
  if (gtk_widget_has_css_class (widget, "wish-search-button"))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if (target != NULL && g_variant_get_int64 (target) == id &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "wishlist.search-now") == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_button (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
search_state_is (gpointer data)
{
  StateProbe *sp = data;
  SsvWishlistItem *item = find_movie (sp->probe, sp->id);

  return item != NULL && g_str_has_prefix (ssv_wishlist_item_get_search_state (item) ?: "", sp->prefix);
}

static void
test_search_now (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *save_dir = g_build_filename (dir, "downloads", NULL);
  g_autoptr(SsvFakeIndexer) indexer = NULL;
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  g_autoptr(GError) error = NULL;
  SsvTestClientDaemon *daemon = NULL;
  SsvWindow *window;
  Probe probe = { NULL, };

  if (!ssv_test_have_program ("transmission-daemon"))
    {
      g_test_skip ("transmission-daemon is not installed");
      return;
    }

  {
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_no_error (error);
    ssv_database_exec (db, "INSERT INTO wishlist (id, kind, source, source_id, title, sort_title, year)"
                           " VALUES (1, 'movie', 'tmdb', '949', 'Heat', 'heat', 1995),"
                           " (2, 'movie', 'tmdb', '8195', 'Ronin', 'ronin', 1998)", &error);
    g_assert_no_error (error);
  }

  probe.app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (probe.app);
  g_assert_true (ssv_window_show_page (window, "wishlist"));
  probe.page = SSV_WISHLIST_PAGE (ssv_window_get_visible_page (window));
  g_assert_true (ssv_test_wait_for (settled, &probe, 30000));

  /* No indexer yet: said in plain words, with where to add one. */
  g_assert_nonnull (strstr (search_now (&probe), "No indexer to search; add one in Preferences"));
  ssv_ui_test_screenshot (GTK_WIDGET (window), "wishlist-search-no-indexer");

  /* An indexer that has Heat and a real client to send it to. */
  g_mkdir_with_parents (save_dir, 0700);
  daemon = ssv_test_client_daemon_start (SSV_CLIENT_TRANSMISSION, save_dir, 0, &error);
  g_assert_no_error (error);
  indexer = ssv_fake_indexer_new (INDEXER_KEY, "torznab/newznab_caps.xml");
  ssv_fake_indexer_set_body (indexer, NULL, 200, "application/rss+xml", heat_feed);
  {
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);
    g_autoptr(SsvDownloadStore) store = ssv_download_store_new (db);
    g_autofree char *indexer_key = NULL;
    g_autofree char *client_key = NULL;
    gint64 id;

    id = ssv_download_store_add_indexer (store, "torznab", "Alpha", ssv_fake_indexer_get_url (indexer), &error);
    g_assert_no_error (error);
    indexer_key = ssv_secrets_indexer_key (id);
    ssv_secrets_store_sync (secrets, indexer_key, "test", INDEXER_KEY, NULL, &error);
    g_assert_no_error (error);
    id = ssv_download_store_add_client (store, SSV_CLIENT_TRANSMISSION, "Home", daemon->url, SSV_TEST_USER, &error);
    g_assert_no_error (error);
    client_key = ssv_secrets_client_key (id);
    ssv_secrets_store_sync (secrets, client_key, "test", SSV_TEST_PASSWORD, NULL, &error);
    g_assert_no_error (error);
  }

  g_assert_cmpstr (search_now (&probe), ==, "Grabbed 1: Heat (1995)");
  ssv_ui_test_screenshot (GTK_WIDGET (window), "wishlist-search-grabbed");
  {
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM downloads WHERE wishlist_id = 1"), ==, 1);
    g_assert_cmpint (ssv_test_query_int (db, "SELECT attempts FROM wishlist_search WHERE wishlist_id = 1"), ==, 1);
  }

  /* Each film says when it was searched and what came of it. */
  {
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);
    g_autofree char *result = NULL;
    StateProbe sp = { &probe, 1, "Searched " };
    const char *state;

    g_assert_no_error (error);
    result = ssv_test_query_text (db, "SELECT last_result FROM wishlist_search WHERE wishlist_id = 1");
    g_assert_nonnull (result);
    g_assert_true (ssv_test_wait_for (search_state_is, &sp, 30000));
    state = ssv_wishlist_item_get_search_state (find_movie (&probe, 1));
    g_test_message ("Heat: %s", state);
    g_assert_nonnull (strstr (state, " ago: "));
    g_assert_nonnull (strstr (state, result));
  }

  /* Ronin's own "Search Now" searches Ronin only. */
  {
    g_autoptr(GPtrArray) before = ssv_fake_indexer_dup_searches (indexer);
    g_autoptr(GPtrArray) after = NULL;

    GtkWidget *button = find_search_button (GTK_WIDGET (probe.page), 2);

    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Search Now");
    g_assert_true (gtk_widget_activate (button));
    wait_message (&probe);
    after = ssv_fake_indexer_dup_searches (indexer);
    g_assert_cmpuint (after->len, >, before->len);
    for (guint i = before->len; i < after->len; i++)
      {
        GHashTable *params = g_ptr_array_index (after, i);
        const char *q = g_hash_table_lookup (params, "q");
        const char *tmdb = g_hash_table_lookup (params, "tmdbid");

        g_test_message ("search: q=%s tmdbid=%s", q, tmdb);
        g_assert_true (g_strcmp0 (tmdb, "8195") == 0 || (q != NULL && strstr (q, "Ronin") != NULL));
        g_assert_true (q == NULL || strstr (q, "Heat") == NULL);
      }
  }

  /* Again, from Heat's own button: the download under way owns it; nothing is grabbed twice,
   * and the toast says why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (probe.page), "wishlist.search-now", "x", (gint64) 1));
  g_assert_nonnull (strstr (wait_message (&probe), "a download of it is under way"));

  ssv_ui_test_stop_app (probe.app);
  ssv_test_client_daemon_free (daemon);
  g_free (probe.last);
  ssv_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/ui/wishlist-search/search-now", test_search_now);

  return g_test_run ();
}
