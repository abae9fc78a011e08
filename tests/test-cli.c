/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: the headless tool as a person runs it. */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>

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

static void
test_calendar (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *ics_path = g_build_filename (dir, "airing.ics", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) in_a_fortnight = g_date_time_add_days (now, 14);
  g_autoptr(GDateTime) ten_days_ago = g_date_time_add_days (now, -10);
  g_autofree char *day1 = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autofree char *day14 = g_date_time_format (in_a_fortnight, "%Y-%m-%d");
  g_autofree char *day_10 = g_date_time_format (ten_days_ago, "%Y-%m-%d");
  g_autofree char *sql = NULL;
  g_autofree char *list = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *narrow = NULL;
  g_autofree char *written = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  const char *list_args[] = { "calendar", NULL };
  const char *ics_args[] = { "calendar", "--ics", NULL };
  const char *narrow_args[] = { "calendar", "--ics", "--past-days", "0", "--future-days", "3", NULL };
  const char *file_args[] = { "calendar", "--ics", "--output", ics_path, NULL };
  const char *bad_args[] = { "calendar", "--future-days", "soon", NULL };
  int status;

  db = ssv_database_open (db_path, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO shows (id, title, status, tmdb_id) VALUES (1, 'Severance', 'Returning Series', 95396);"
                         "INSERT INTO episodes (show_id, season_number, episode_number, title, air_date, air_time)"
                         " VALUES (1, 2, 1, 'Tomorrow', '%s', '21:00'), (1, 2, 2, 'Later', '%s', NULL),"
                         "        (1, 1, 9, 'Before', '%s', NULL)",
                         day1, day14, day_10);
  g_assert_true (ssv_database_exec (db, sql, &error));
  g_clear_object (&db);

  /* A plain list of the coming week. */
  list = run_cli (list_args, db_path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (list, "21:00"));
  g_assert_nonnull (strstr (list, "Severance S02E01 Tomorrow"));
  g_assert_null (strstr (list, "Later"));

  /* iCal: a week back and a month ahead by default. */
  ics = run_cli (ics_args, db_path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (ics, "END:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (ics, "UID:tmdb-95396-s2e1@soulsync-video\r\n"));
  g_assert_nonnull (strstr (ics, "UID:tmdb-95396-s2e2@soulsync-video\r\n"));
  g_assert_null (strstr (ics, "s1e9"));

  narrow = run_cli (narrow_args, db_path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (narrow, "s2e1@"));
  g_assert_null (strstr (narrow, "s2e2@"));

  g_free (run_cli (file_args, db_path, &status));
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (ics_path, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "BEGIN:VCALENDAR\r\n"));

  bad = run_cli (bad_args, db_path, &status);
  g_assert_cmpint (status, ==, 2);

  ssv_test_remove_tree (dir);
}

/* Inserts a followed channel with an upload tomorrow, and what the calendar leaves out:
 * a Short, a premiere still to come, and an upload of a channel nobody follows. */
static void
add_channel_uploads (const char *db_path,
                     gint64      tomorrow)
{
  g_autoptr(SsvDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  db = ssv_database_open (db_path, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf (
    "INSERT INTO watchlist (kind, source, source_id, title) VALUES ('channel', 'youtube', 'UCsXVk37bltHxD1rDPwtNM8Q', 'Kurzgesagt');"
    "INSERT INTO yt_channels (id, channel_id, title) VALUES (1, 'UCsXVk37bltHxD1rDPwtNM8Q', 'Kurzgesagt'),"
    "                                                       (2, 'UCnobodyfollowsthis0000', 'Unfollowed');"
    "INSERT INTO yt_videos (video_id, channel_row, title, duration_s, published, date_exact, is_short, upcoming)"
    " VALUES ('dQw4w9WgXcQ', 1, 'The Sun, Explained', 754, %" G_GINT64_FORMAT ", 1, 0, 0),"
    "        ('shortvideo1', 1, 'A Short', 40, %" G_GINT64_FORMAT ", 1, 1, 0),"
    "        ('premiere001', 1, 'A Premiere', 600, %" G_GINT64_FORMAT ", 1, 0, 1),"
    "        ('otherchann1', 2, 'Not Followed', 600, %" G_GINT64_FORMAT ", 1, 0, 0)",
    tomorrow, tomorrow + 60, tomorrow + 120, tomorrow + 180);
  g_assert_true (ssv_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* The command line lists and exports the followed channels' uploads as the app's
 * calendar does: a lane of uploads (no Shorts, no premieres to come). */
static void
test_calendar_channel_uploads (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *ics_path = g_build_filename (dir, "airing.ics", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *day = g_date_time_format (tomorrow, "%Y-%m-%dT");
  g_autofree char *list = NULL;
  g_autofree char *json = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *written = NULL;
  g_autofree char *both = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *list_args[] = { "calendar", NULL };
  const char *json_args[] = { "calendar", "--json", NULL };
  const char *ics_args[] = { "calendar", "--ics", NULL };
  const char *file_args[] = { "calendar", "--ics", "--output", ics_path, NULL };
  const char *both_args[] = { "calendar", "--ics", "--json", NULL };
  JsonObject *root;
  JsonArray *uploads;
  JsonObject *upload;
  int status;

  add_channel_uploads (db_path, g_date_time_to_unix (tomorrow));

  list = run_cli (list_args, db_path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (list, "Kurzgesagt · The Sun, Explained"));
  g_assert_null (strstr (list, "A Short"));
  g_assert_null (strstr (list, "A Premiere"));
  g_assert_null (strstr (list, "Not Followed"));

  json = run_cli (json_args, db_path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "episodes")), ==, 0);
  uploads = json_object_get_array_member (root, "uploads");
  g_assert_cmpuint (json_array_get_length (uploads), ==, 1);
  upload = json_array_get_object_element (uploads, 0);
  g_assert_cmpstr (json_object_get_string_member (upload, "id"), ==, "dQw4w9WgXcQ");
  g_assert_cmpstr (json_object_get_string_member (upload, "channel"), ==, "Kurzgesagt");
  g_assert_cmpstr (json_object_get_string_member (upload, "title"), ==, "The Sun, Explained");
  g_assert_cmpint (json_object_get_int_member (upload, "duration_s"), ==, 754);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (upload, "published"), day));

  ics = run_cli (ics_args, db_path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (ics, "UID:youtube-dQw4w9WgXcQ@soulsync-video\r\n"));
  g_assert_nonnull (strstr (ics, "SUMMARY:Kurzgesagt · The Sun\\, Explained\r\n"));
  g_assert_null (strstr (ics, "shortvideo1"));
  g_assert_null (strstr (ics, "premiere001"));
  g_assert_null (strstr (ics, "otherchann1"));

  g_free (run_cli (file_args, db_path, &status));
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (ics_path, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "UID:youtube-dQw4w9WgXcQ@soulsync-video\r\n"));

  both = run_cli (both_args, db_path, &status);
  g_assert_cmpint (status, ==, 2);

  ssv_test_remove_tree (dir);
}

static void
make_file (const char *root,
           const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "\x1a\x45\xdf\xa3 tiny", -1, NULL));
}

static void
test_scan_folder (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *media = g_build_filename (dir, "My Videos", NULL);
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  g_autofree char *deep = NULL;
  g_autofree char *info = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  const char *scan_folder[] = { "scan", "--folder", media, NULL };
  const char *scan_source[] = { "scan", "--source", "My Videos", "--mode", "deep", NULL };
  const char *db_info[] = { "db-info", NULL };
  int status;

  make_file (media, "Heat (1995)/Heat (1995).mkv");
  make_file (media, "Arrival.2016.1080p.WEB-DL.mkv");
  make_file (media, "Firefly/Season 1/Firefly - S01E01 - Serenity.mkv");
  make_file (media, "Firefly/Season 1/Firefly - S01E02 - The Train Job.mkv");

  /* Adding a folder scans it; the summary says what happened. */
  out = run_cli (scan_folder, db_path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Added the folder"));
  g_assert_nonnull (strstr (out, "My Videos: movies"));
  g_assert_nonnull (strstr (out, "Scan finished: 5 added, 0 updated, 0 removed, 0 errors"));

  info = run_cli (db_info, db_path, &status);
  g_assert_nonnull (strstr (info, "\nmovies: 2\n"));
  g_assert_nonnull (strstr (info, "\nshows: 1\n"));
  g_assert_nonnull (strstr (info, "\nepisodes: 2\n"));
  g_assert_nonnull (strstr (info, "\nservers: 1\n"));

  /* Adding it again keeps one source, and finds nothing new. */
  again = run_cli (scan_folder, db_path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (again, "0 added, 0 updated, 0 removed"));

  /* A deep scan by name removes what is gone. */
  moved = g_build_filename (dir, "Heat (1995).mkv", NULL);
  {
    g_autofree char *heat = g_build_filename (media, "Heat (1995)", "Heat (1995).mkv", NULL);
    g_assert_cmpint (g_rename (heat, moved), ==, 0);
  }
  deep = run_cli (scan_source, db_path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (deep, "1 removed"));

  db = ssv_database_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM movies"), ==, 1);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM activity WHERE kind = 'scan'"), >=, 3);

  ssv_test_remove_tree (dir);
}

/* A deep scan that would take most of a folder asks first; --confirm-removals answers. */
static void
test_scan_confirm_removals (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *media = g_build_filename (dir, "My Videos", NULL);
  g_autofree char *out = NULL;
  g_autofree char *deep = NULL;
  g_autofree char *confirmed = NULL;
  g_autofree char *again = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  const char *scan_folder[] = { "scan", "--folder", media, NULL };
  const char *scan_deep[] = { "scan", "--mode", "deep", NULL };
  const char *confirm[] = { "scan", "--confirm-removals", "--source", "My Videos", NULL };
  int status;

  make_file (media, "Heat (1995)/Heat (1995).mkv");
  make_file (media, "Ronin (1998)/Ronin (1998).mkv");
  make_file (media, "Thief (1981)/Thief (1981).mkv");
  out = run_cli (scan_folder, db_path, &status);
  g_assert_cmpint (status, ==, 0);

  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "Heat (1995)" : "Ronin (1998)";
      g_autofree char *file = g_strdup_printf ("%s.mkv", name);
      g_autofree char *path = g_build_filename (media, name, file, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }

  /* Two of three gone: nothing is removed, and the scan says what waits. */
  deep = run_cli (scan_deep, db_path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (deep, "Scan needs your confirmation: 0 added, 0 updated, 0 removed, 0 errors; "
                                  "2 titles wait for your confirmation\n"));
  g_assert_nonnull (strstr (deep, "Waiting for your confirmation (nothing was removed):\n"
                                  "  Movies on My Videos came back without 2 of its 3 titles. "
                                  "Remove them, or keep them?\n"));
  g_assert_nonnull (strstr (deep, "soulsync-video-cli scan --confirm-removals"));
  db = ssv_database_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM movies"), ==, 3);

  confirmed = run_cli (confirm, db_path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (confirmed, "Removed 2 titles of Movies on My Videos."));
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM movies"), ==, 1);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM movies WHERE title = 'Thief'"), ==, 1);

  again = run_cli (confirm, db_path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (again, "No removals are waiting for confirmation."));

  g_clear_object (&db);
  ssv_test_remove_tree (dir);
}

static void
test_scan_bad_arguments (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "not-here", NULL);
  const char *bad_mode[] = { "scan", "--mode", "sideways", NULL };
  const char *no_source[] = { "scan", "--source", "Nowhere", NULL };
  const char *no_folder[] = { "scan", "--folder", missing, NULL };
  const char *nothing[] = { "scan", NULL };
  g_autofree char *out1 = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *out3 = NULL;
  g_autofree char *out4 = NULL;
  int status;

  out1 = run_cli (bad_mode, db_path, &status);
  g_assert_cmpint (status, ==, 2);
  out2 = run_cli (no_source, db_path, &status);
  g_assert_cmpint (status, ==, 1);
  out3 = run_cli (no_folder, db_path, &status);
  g_assert_cmpint (status, ==, 1);
  /* Nothing configured: says what to do, and is not an error. */
  out4 = run_cli (nothing, db_path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out4, "nothing to scan"));

  ssv_test_remove_tree (dir);
}


/* Runs the CLI with @input on standard input. Give "" where the CLI stops before
 * reading it: writing to a pipe nobody reads kills the test with SIGPIPE. */
static char *
run_cli_with_input (const char * const *args,
                    const char         *db_path,
                    const char         *input,
                    int                *exit_status)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;

  g_ptr_array_add (argv, (gpointer) SSV_BUILD_ROOT "/src/cli/soulsync-video-cli");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  if (db_path != NULL)
    g_subprocess_launcher_setenv (launcher, "SSV_DATABASE_PATH", db_path, TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("stdout:\n%s\nstderr:\n%s", out, err);
  *exit_status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  return out;
}

static JsonObject *
parse_json_line (JsonParser *parser,
                 const char *line)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, line, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_parse (void)
{
  const char *args[] = { "parse", NULL };
  const char *one[] = { "parse", "Heat.1995.1080p.BluRay.x264-AMIABLE", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *single = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *o;
  int status;

  /* One JSON object per line of input, in order, blank lines included */
  out = run_cli_with_input (args, NULL,
                            "Severance.S02E03.1080p.ATVP.WEB-DL.DDP5.1.H.264-FLUX\n"
                            "185d86a343e39f3341e35c4dad3f9959\n"
                            "Amélie.2001.FRENCH.1080p.BluRay.x264-ULSHD\n", &status);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[3], ==, "");

  o = parse_json_line (parser, lines[0]);
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, "Severance");
  g_assert_cmpint (json_object_get_int_member (o, "season"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "episode"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (o, "source"), ==, "webdl");

  o = parse_json_line (parser, lines[1]);
  g_assert_false (json_object_get_boolean_member (o, "parsed"));

  o = parse_json_line (parser, lines[2]);
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, "Amélie");

  /* A name as an argument */
  single = run_cli_with_input (one, NULL, "", &status);
  g_assert_cmpint (status, ==, 0);
  o = parse_json_line (parser, single);
  g_assert_cmpint (json_object_get_int_member (o, "year"), ==, 1995);
  g_assert_cmpstr (json_object_get_string_member (o, "release_group"), ==, "AMIABLE");
}

static void
test_decide (void)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  const char *args[] = { "decide", "--profile", "Ultra-HD", "--have", "webdl-1080p", NULL };
  const char *movie_args[] = { "decide", "--profile", "HD 1080p", "--title", "Heat", "--year", "1995", NULL };
  const char *list_args[] = { "decide", "--list", NULL };
  const char *unknown_args[] = { "decide", "--profile", "Nope", NULL };
  const char *no_profile[] = { "decide", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *movie_out = NULL;
  g_autofree char *list_out = NULL;
  g_autofree char *unknown_out = NULL;
  g_autofree char *none_out = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *o;
  JsonArray *reasons;
  int status;

  out = run_cli_with_input (args, db_path,
                            "Dune.2021.2160p.UHD.BluRay.REMUX.DV.HDR.HEVC.TrueHD.Atmos.7.1-FGT\n"
                            "Dune.2021.720p.WEB-DL.DDP5.1.H.264-FLUX\n", &status);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);

  o = parse_json_line (parser, lines[0]);
  g_assert_cmpstr (json_object_get_string_member (o, "profile"), ==, "Ultra-HD");
  g_assert_true (json_object_get_boolean_member (o, "accepted"));
  g_assert_true (json_object_get_boolean_member (o, "upgrade"));
  g_assert_cmpstr (json_object_get_string_member (o, "quality"), ==, "remux-2160p");
  reasons = json_object_get_array_member (o, "reasons");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reasons, 0), "text"), ==,
                   "+1500: custom format “HDR”");

  o = parse_json_line (parser, lines[1]);
  g_assert_false (json_object_get_boolean_member (o, "accepted"));
  reasons = json_object_get_array_member (o, "reasons");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reasons, 0), "text"), ==,
                   "rejected: 720p is below the profile's minimum 2160p");

  /* A wanted title: the wrong film is rejected */
  movie_out = run_cli_with_input (movie_args, db_path, "Heist.2001.1080p.BluRay.x264-GRP\n", &status);
  g_assert_cmpint (status, ==, 0);
  o = parse_json_line (parser, movie_out);
  g_assert_false (json_object_get_boolean_member (o, "accepted"));

  list_out = run_cli_with_input (list_args, db_path, "", &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (list_out, ==, "HD 1080p\nUltra-HD\nAny\n");

  unknown_out = run_cli_with_input (unknown_args, db_path, "", &status);
  g_assert_cmpint (status, ==, 1);
  none_out = run_cli_with_input (no_profile, db_path, "", &status);
  g_assert_cmpint (status, ==, 2);

  ssv_test_remove_tree (dir);
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
  g_test_add_func ("/cli/calendar", test_calendar);
  g_test_add_func ("/cli/calendar/channel-uploads", test_calendar_channel_uploads);
  g_test_add_func ("/cli/scan-folder", test_scan_folder);
  g_test_add_func ("/cli/scan-bad-arguments", test_scan_bad_arguments);
  g_test_add_func ("/cli/scan-confirm-removals", test_scan_confirm_removals);
  g_test_add_func ("/cli/parse", test_parse);
  g_test_add_func ("/cli/decide", test_decide);

  return g_test_run ();
}
