/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-import.c: `soulsync-video-cli import --path P` as a person runs it: matched against the
 * wishlist, named by the template into the folder source, a bad release refused, an unknown one
 * explained. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "ssv-test-utils.h"
#include "stores/ssv-import-store.h"
#include "stores/ssv-wishlist-store.h"

typedef struct
{
  char *dir;
  char *db_path;
  char *library;
  char *downloads;
} Fixture;

static char *
run_cli (Fixture            *f,
         const char * const *args,
         int                *exit_status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, (gpointer) SSV_BUILD_ROOT "/src/cli/soulsync-video-cli");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "SSV_DATABASE_PATH", f->db_path, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s %s:\n%s", args[0], args[1] ? args[1] : "", out);

  *exit_status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  return out;
}

static void
write_bytes (const char *path,
             gsize       size)
{
  g_autofree char *data = g_malloc (size);
  g_autofree char *folder = g_path_get_dirname (path);

  memset (data, 'v', size);
  g_mkdir_with_parents (folder, 0755);
  g_assert_true (g_file_set_contents (path, data, size, NULL));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  g_autoptr(SsvWishlistStore) wishlist = NULL;
  SsvWishlistTitle title = { .source = "tmdb", .source_id = "603", .title = "The Matrix", .year = 1999 };
  const char *add[] = { "scan", "--folder", NULL, NULL };
  g_autofree char *out = NULL;
  int status;

  f->dir = ssv_test_make_temp_dir ();
  f->db_path = g_build_filename (f->dir, "library.db", NULL);
  f->library = g_build_filename (f->dir, "Library", NULL);
  f->downloads = g_build_filename (f->dir, "Downloads", NULL);
  g_mkdir_with_parents (f->library, 0755);
  g_mkdir_with_parents (f->downloads, 0755);

  /* a folder source, as a person adds one; its root is where imports go */
  add[2] = f->library;
  out = run_cli (f, add, &status);
  g_assert_cmpint (status, ==, 0);

  db = ssv_database_open (f->db_path, &error);
  g_assert_no_error (error);
  wishlist = ssv_wishlist_store_new (db);
  g_assert_true (ssv_wishlist_store_add_title (wishlist, SSV_WISHLIST_KIND_MOVIE, &title, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ssv_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
  g_free (f->library);
  g_free (f->downloads);
}

static void
test_import_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *release = g_build_filename (f->downloads, "The.Matrix.1999.720p.WEB-DL.x264-GRP", NULL);
  g_autofree char *video = g_build_filename (release, "the.matrix.720p.web-dl.mkv", NULL);
  g_autofree char *extra = g_build_filename (release, "Trailers", "trailer.mkv", NULL);
  g_autofree char *expected = g_build_filename (f->library, "The Matrix (1999)", "The Matrix (1999) - 720p WEB-DL.mkv",
                                                NULL);
  const char *args[] = { "import", "--path", release, "--json", NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  JsonObject *root, *match;
  JsonArray *files;
  int status;

  write_bytes (video, 101 * 1024 * 1024 + 5);
  write_bytes (extra, 1024 * 1024);
  out = run_cli (f, args, &status);
  g_assert_cmpint (status, ==, 0);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  match = json_object_get_object_member (root, "match");
  g_assert_cmpstr (json_object_get_string_member (match, "title"), ==, "The Matrix");
  g_assert_cmpint (json_object_get_int_member (match, "year"), ==, 1999);
  g_assert_cmpint (json_object_get_int_member (match, "wishlist-id"), >, 0);
  g_assert_true (json_object_get_boolean_member (root, "imported"));
  g_assert_cmpstr (json_object_get_string_member (root, "library-path"), ==, expected);
  files = json_object_get_array_member (root, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 2);

  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (video, G_FILE_TEST_IS_REGULAR));   /* copied, not moved */

  /* the app's library has the film with that file; the wishlist knows */
  db = ssv_database_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM movies m JOIN media_files mf ON mf.movie_id = m.id"
                                           " WHERE m.title = 'The Matrix'"), ==, 1);
  g_assert_cmpint (ssv_import_store_get_state (db, json_object_get_int_member (match, "wishlist-id"), NULL, &error),
                   ==, SSV_WISH_IMPORT_RESOLVED);
}

static void
test_import_text_and_refusals (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *fake = g_build_filename (f->downloads, "The.Matrix.1999.1080p.BluRay-FAKE", NULL);
  g_autofree char *sample = g_build_filename (fake, "sample.mkv", NULL);
  g_autofree char *setup = g_build_filename (fake, "setup.exe", NULL);
  g_autofree char *unknown = g_build_filename (f->downloads, "Some.Other.Film.2004.1080p.BluRay-X.mkv", NULL);
  g_autofree char *good = g_build_filename (f->downloads, "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv", NULL);
  const char *refused[] = { "import", "--path", fake, NULL };
  const char *nothing[] = { "import", "--path", unknown, NULL };
  const char *ok[] = { "import", "--path", good, NULL };
  const char *usage[] = { "import", NULL };
  g_autofree char *out = NULL;
  g_autofree char *library = NULL;
  int status;

  write_bytes (sample, 4096);
  write_bytes (setup, 4096);
  out = run_cli (f, refused, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "Not imported: The release holds a program, “The.Matrix.1999.1080p.BluRay-FAKE/setup.exe”"));
  g_clear_pointer (&out, g_free);

  write_bytes (unknown, 1024);
  out = run_cli (f, nothing, &status);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (out, "“Some Other Film” is nothing on the wishlist or in the library"));
  g_clear_pointer (&out, g_free);

  out = run_cli (f, usage, &status);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (out, "Usage: soulsync-video-cli import --path PATH"));
  g_clear_pointer (&out, g_free);

  /* the library is still empty: nothing refused landed in it */
  library = g_build_filename (f->library, "The Matrix (1999)", NULL);
  g_assert_false (g_file_test (library, G_FILE_TEST_EXISTS));

  write_bytes (good, 101 * 1024 * 1024);
  out = run_cli (f, ok, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Imported “The Matrix” as "));
  g_assert_nonnull (strstr (out, "The Matrix (1999)/The Matrix (1999) - 1080p Bluray.mkv"));
}

int
main (int   argc,
      char *argv[])
{
  ssv_test_init (&argc, &argv);

  g_test_add ("/cli/import/json", Fixture, NULL, fixture_set_up, test_import_json, fixture_tear_down);
  g_test_add ("/cli/import/text-and-refusals", Fixture, NULL, fixture_set_up, test_import_text_and_refusals,
              fixture_tear_down);

  return g_test_run ();
}
