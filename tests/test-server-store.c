/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-server-store.c: sources in the library: adding one twice, undoing an add, finding one. */

#include "config.h"

#include "stores/ssv-server-store.h"
#include "ssv-test-utils.h"

#define URL "http://nas.local:8096"

static gint64
count_servers (SsvDatabase *db)
{
  return ssv_test_query_int (db, "SELECT count(*) FROM servers");
}

static void
test_add_twice_keeps_one_row (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gboolean created = FALSE;
  gint64 first = 0, again = 0;

  g_assert_true (ssv_server_store_add (db, "jellyfin", "nas", URL, NULL, &first, &created, &error));
  g_assert_no_error (error);
  g_assert_true (created);

  /* The same address again: the same row, reported as not created, its name updated. */
  g_assert_true (ssv_server_store_add (db, "jellyfin", "Living Room", URL, "user-1", &again, &created, &error));
  g_assert_no_error (error);
  g_assert_false (created);
  g_assert_cmpint (again, ==, first);
  g_assert_cmpint (count_servers (db), ==, 1);
  name = ssv_test_query_text (db, "SELECT name FROM servers");
  g_assert_cmpstr (name, ==, "Living Room");

  /* Another kind at the same address is another server. */
  g_assert_true (ssv_server_store_add (db, "plex", "nas", URL, NULL, &again, &created, &error));
  g_assert_true (created);
  g_assert_cmpint (again, !=, first);
  g_assert_cmpint (count_servers (db), ==, 2);

  ssv_test_close_temp_database (&db, &dir);
}

static void
test_forget_new_keeps_scanned (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(GError) error = NULL;
  gint64 scanned = 0, fresh = 0;

  g_assert_true (ssv_server_store_add (db, "jellyfin", "nas", URL, NULL, &scanned, NULL, &error));
  g_assert_true (ssv_server_store_mark_scanned (db, scanned, 1700000000, TRUE, &error));
  g_assert_true (ssv_server_store_add (db, "plex", "box", "http://box:32400", NULL, &fresh, NULL, &error));
  g_assert_no_error (error);

  /* A server that was scanned has titles: undoing an add never removes it. */
  g_assert_false (ssv_server_store_forget_new (db, scanned, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM servers WHERE kind = 'jellyfin'"), ==, 1);

  /* One never scanned goes. */
  g_assert_true (ssv_server_store_forget_new (db, fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_servers (db), ==, 1);

  ssv_test_close_temp_database (&db, &dir);
}

static void
test_lookup (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = ssv_test_open_temp_database (&dir, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);
  g_autoptr(SsvServerInfo) found = NULL;
  g_autoptr(SsvServerInfo) missing = NULL;
  gint64 id = 0;

  g_assert_true (ssv_server_store_add (db, "jellyfin", "nas", URL, NULL, &id, NULL, &error));
  g_ptr_array_add (libraries, ssv_media_library_new ("lib-movies", "Films", SSV_LIBRARY_KIND_MOVIES));
  g_assert_true (ssv_server_store_set_libraries (db, id, libraries, &error));

  found = ssv_server_store_lookup (db, "jellyfin", URL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (found->id, ==, id);
  g_assert_cmpuint (found->libraries->len, ==, 1);

  /* Nothing there is no error. */
  missing = ssv_server_store_lookup (db, "plex", URL, &error);
  g_assert_no_error (error);
  g_assert_null (missing);

  ssv_test_close_temp_database (&db, &dir);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/core/server-store/add-twice-keeps-one-row", test_add_twice_keeps_one_row);
  g_test_add_func ("/core/server-store/forget-new-keeps-scanned", test_forget_new_keeps_scanned);
  g_test_add_func ("/core/server-store/lookup", test_lookup);

  return g_test_run ();
}
