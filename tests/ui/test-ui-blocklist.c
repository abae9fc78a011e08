/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-blocklist.c: the Blocklist group on the Indexers & Clients page of Preferences: each
 * blocked release is a row saying why, Unblock takes it off the list and the page, a failed
 * Unblock says so in a toast, and an empty list says so. */

#include "config.h"

#include "preferences/ssv-acquire-preferences.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "downloads/ssv-retry.h"
#include "stores/ssv-blocklist-store.h"

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

static char *
row_name (gint64 id)
{
  return g_strdup_printf ("blocked-%" G_GINT64_FORMAT, id);
}

typedef struct
{
  GtkWidget *page;
  char      *name;
} RowGone;

static gboolean
row_gone (gpointer data)
{
  RowGone *gone = data;

  return ssv_ui_test_find_widget (gone->page, named, gone->name) == NULL;
}

static gint64
block (SsvBlocklistStore *store,
       const char        *title,
       const char        *indexer,
       const char        *reason)
{
  g_autoptr(GError) error = NULL;
  SsvBlockEntry *entry = ssv_block_entry_new ();
  gint64 id;

  entry->protocol = g_strdup ("torrent");
  entry->indexer = g_strdup (indexer);
  entry->release_title = g_strdup (title);
  entry->infohash = g_strdup_printf ("%040x", g_str_hash (title));
  entry->reason = g_strdup (reason);
  entry->manual = TRUE;
  id = ssv_blocklist_store_add (store, entry, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  ssv_block_entry_free (entry);
  return id;
}

static guint
stored_count (SsvBlocklistStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = ssv_blocklist_store_list (store, &error);

  g_assert_no_error (error);
  return entries->len;
}

/* Two blocked releases are two rows with their reasons; Unblock one and it leaves the store
 * and the page; the other stays. */
static void
test_list_and_unblock (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "blocklist.db", NULL);
  SsvApplication *app = ssv_ui_test_start_app (db_path);
  SsvContext *context;
  SsvBlocklistStore *store;
  GtkWidget *page;
  GtkWidget *row;
  GtkWidget *empty;
  GtkWidget *button;
  g_autofree char *first_name = NULL;
  g_autofree char *second_name = NULL;
  RowGone gone;
  gint64 first, second;

  ssv_ui_test_wait_for_window (app);
  context = ssv_application_get_context (app);
  store = ssv_context_get_blocklist_store (context);
  first = block (store, "Some.Movie.2019.1080p.WEB-DL.x264-FAKE", "Fake Torznab", "Fake: password-protected archive");
  second = block (store, "Other.Show.S01E02.720p.HDTV.x264-BAD", "Fake Newznab", "Stalled for a day");
  first_name = row_name (first);
  second_name = row_name (second);

  page = g_object_ref_sink (g_object_new (SSV_TYPE_ACQUIRE_PREFERENCES, "context", context, NULL));
  g_assert_true (ssv_test_wait_for (page_idle, page, 10000));
  ssv_ui_test_iterate (100);

  row = ssv_ui_test_find_widget (page, named, first_name);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Some.Movie.2019.1080p.WEB-DL.x264-FAKE");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "Fake: password-protected archive · Fake Torznab · "));
  row = ssv_ui_test_find_widget (page, named, second_name);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "Stalled for a day · Fake Newznab · "));
  empty = ssv_ui_test_find_widget (page, named, "no-blocked");
  g_assert_nonnull (empty);
  g_assert_false (gtk_widget_get_visible (empty));

  /* The row's button is icon-only: it says what it does to a pointer and a screen reader. */
  button = ssv_ui_test_find_widget_of_type (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Unblock");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "acquire.unblock");

  /* Unblock the second: it leaves the store, then the page; the first stays. */
  gtk_widget_activate_action (page, "acquire.unblock", "x", second);
  g_assert_cmpuint (ssv_acquire_preferences_get_pending (SSV_ACQUIRE_PREFERENCES (page)), ==, 1);
  gone.page = page;
  gone.name = second_name;
  g_assert_true (ssv_test_wait_for (row_gone, &gone, 10000));
  g_assert_true (ssv_test_wait_for (page_idle, page, 10000));
  g_assert_cmpuint (stored_count (store), ==, 1);
  g_assert_nonnull (ssv_ui_test_find_widget (page, named, first_name));
  g_assert_cmpstr (ssv_acquire_preferences_get_last_message (SSV_ACQUIRE_PREFERENCES (page)), ==,
                   "Unblocked “Other.Show.S01E02.720p.HDTV.x264-BAD”.");

  /* The last one is unblocked elsewhere (the CLI) just before the click: the page says in
   * plain words it could not, drops the row and says nothing is blocklisted. */
  g_assert_true (ssv_blocklist_store_remove (store, first, NULL));
  gtk_widget_activate_action (page, "acquire.unblock", "x", first);
  gone.name = first_name;
  g_assert_true (ssv_test_wait_for (row_gone, &gone, 10000));
  g_assert_true (ssv_test_wait_for (page_idle, page, 10000));
  g_assert_cmpuint (stored_count (store), ==, 0);
  g_assert_true (g_str_has_prefix (ssv_acquire_preferences_get_last_message (SSV_ACQUIRE_PREFERENCES (page)),
                                   "Could not unblock “Some.Movie.2019.1080p.WEB-DL.x264-FAKE”: "));
  g_assert_true (gtk_widget_get_visible (empty));

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

  tmp_dir = g_dir_make_tmp ("ssv-ui-blocklist-XXXXXX", NULL);

  g_test_add_func ("/ui/blocklist/list-and-unblock", test_list_and_unblock);

  result = g_test_run ();

  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
