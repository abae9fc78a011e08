/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: the headless tool as a person runs it. */

#include "config.h"

#include <string.h>

#include "ssv-database.h"
#include "ssv-test-utils.h"

static char *
run_cli (const char * const *args,
         const char         *db_path,
         int                *exit_status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  char *out = NULL;
  char *err = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) SSV_BUILD_ROOT "/src/cli/soulsync-video-cli");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  if (db_path != NULL)
    envp = g_environ_setenv (envp, "SSV_DATABASE_PATH", db_path, TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("stdout:\n%s\nstderr:\n%s", out, err);
  g_free (err);

  *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return out;
}

static void
test_version (void)
{
  const char *args[] = { "--version", NULL };
  g_autofree char *expected = g_strdup_printf ("soulsync-video-cli %s\n", PACKAGE_VERSION);
  int status;
  g_autofree char *out = run_cli (args, NULL, &status);

  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_db_info (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = g_build_filename (dir, "sub", "library.db", NULL);
  g_autofree char *expected_version = g_strdup_printf ("schema_version: %u\n",
                                                       ssv_database_get_latest_version ());
  g_autofree char *out = NULL;
  g_autofree char *out_again = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  const char *args[] = { "db-info", NULL };
  int status;

  /* A fresh library is created where SSV_DATABASE_PATH says. */
  out = run_cli (args, db_path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, expected_version));
  g_assert_nonnull (strstr (out, "\nmovies: 0\n"));
  g_assert_true (g_file_test (db_path, G_FILE_TEST_EXISTS));

  /* Rows are counted. */
  db = ssv_database_open (db_path, &error);
  g_assert_no_error (error);
  ssv_database_exec (db, "INSERT INTO movies (title) VALUES ('Heat'), ('Ronin'), ('Thief')", &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  out_again = run_cli (args, db_path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out_again, "\nmovies: 3\n"));

  ssv_test_remove_tree (dir);
}

static void
test_bad_database (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *out = NULL;
  const char *args[] = { "db-info", NULL };
  int status;

  g_file_set_contents (db_path, "definitely not sqlite, just some text to fill the header....."
                       "..........................................", -1, NULL);
  out = run_cli (args, db_path, &status);
  g_assert_cmpint (status, ==, 1);

  ssv_test_remove_tree (dir);
}

static void
test_unknown_command (void)
{
  const char *args[] = { "frobnicate", NULL };
  int status;
  g_autofree char *out = run_cli (args, NULL, &status);

  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (out, "Usage:"));
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/db-info", test_db_info);
  g_test_add_func ("/cli/bad-database", test_bad_database);
  g_test_add_func ("/cli/unknown-command", test_unknown_command);

  return g_test_run ();
}
