/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-current.c: the commands of issue 14 as a person runs them: key set, find,
 * refresh, tasks and person follow, against the fake providers and a private keyring. */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "ssv-fake-providers.h"
#include "ssv-secrets.h"
#include "ssv-test-utils.h"

#define TMDB_KEY "cli-tmdb-key"

typedef struct
{
  char             *dir;
  char             *db_path;
  SsvDatabase      *db;
  SsvFakeServer    *server;
  SsvFakeProviders *fake;
  SsvSecrets       *secrets;
} Fixture;

static void
exec (Fixture    *f,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  ssv_database_exec (f->db, sql, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = ssv_test_open_temp_database (&f->dir, &f->db_path);
  f->server = ssv_fake_server_new ();
  f->fake = ssv_fake_providers_new (f->server);
  ssv_fake_providers_set_key (f->fake, "tmdb", TMDB_KEY);
  f->secrets = ssv_secrets_new ();
  g_assert_true (ssv_secrets_clear_sync (f->secrets, "api-key:tmdb", NULL, NULL));
  g_assert_true (ssv_secrets_clear_sync (f->secrets, "api-key:tvdb", NULL, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->secrets);
  g_clear_pointer (&f->fake, ssv_fake_providers_free);
  g_clear_pointer (&f->server, ssv_fake_server_free);
  g_free (f->db_path);
  ssv_test_close_temp_database (&f->db, &f->dir);
}

static void
store_key (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_secrets_store_sync (f->secrets, "api-key:tmdb", "test", TMDB_KEY, NULL, &error));
  g_assert_no_error (error);
}

/* Runs the tool with the library at f->db_path and every provider at the fake;
 * @input (or nothing) on its standard input. Returns its standard output. */
static char *
run_cli (Fixture            *f,
         const char * const *args,
         const char         *input,
         char              **err_out,
         int                *exit_status)
{
  static const char * const services[] = { "tmdb", "tvdb", "omdb", "fanart", "opensubtitles" };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                      G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                      G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = g_build_filename (f->dir, "cache", NULL);
  g_autofree char *images = g_strdup_printf ("%s/images", ssv_fake_server_get_url (f->server));
  char *out = NULL;
  char *err = NULL;

  g_ptr_array_add (argv, (gpointer) SSV_BUILD_ROOT "/src/cli/soulsync-video-cli");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "SSV_DATABASE_PATH", f->db_path, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      g_autofree char *name = g_ascii_strup (services[i], -1);
      g_autofree char *variable = g_strdup_printf ("SSV_%s_URL", name);
      g_autofree char *url = ssv_fake_providers_dup_url (f->fake, services[i]);

      g_subprocess_launcher_setenv (launcher, variable, url, TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "SSV_TMDB_IMAGES_URL", images, TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input ? input : "", NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("%s: stdout:\n%s\nstderr:\n%s", args[0], out, err);

  *exit_status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  if (err_out != NULL)
    *err_out = err;
  else
    g_free (err);

  return out;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

/* ---- key set ------------------------------------------------------------------------ */

/* The key from standard input lands in the keyring entry Preferences reads; bad
 * services and an empty input change nothing. */
static void
test_key_set (Fixture       *f,
              gconstpointer  data)
{
  const char *set_tmdb[] = { "key", "set", "tmdb", NULL };
  const char *set_nothing[] = { "key", "set", "imdb", NULL };
  const char *wrong_verb[] = { "key", "get", "tmdb", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *still = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  out = run_cli (f, set_tmdb, "  " TMDB_KEY "\n", NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "TMDB key saved in the keyring."));
  stored = ssv_secrets_lookup_sync (f->secrets, "api-key:tmdb", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, TMDB_KEY);

  /* Nothing on standard input: the stored key stays. */
  g_clear_pointer (&out, g_free);
  out = run_cli (f, set_tmdb, "", &err, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "no key on standard input"));
  still = ssv_secrets_lookup_sync (f->secrets, "api-key:tmdb", NULL, &error);
  g_assert_cmpstr (still, ==, TMDB_KEY);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = run_cli (f, set_nothing, "abc\n", &err, &status);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "there is no service “imdb”"));

  g_clear_pointer (&out, g_free);
  out = run_cli (f, wrong_verb, "abc\n", NULL, &status);
  g_assert_cmpint (status, ==, 2);
}

/* ---- find --------------------------------------------------------------------------- */

/* The library's title is marked owned, TMDB's others are not; without a key only
 * the library is searched and the tool says why. */
static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  const char *find_json[] = { "find", "--json", "Game", "of", "Thrones", NULL };
  const char *find_plain[] = { "find", "Game of Thrones", NULL };
  const char *find_nothing[] = { "find", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *found;
  JsonObject *first;
  gboolean saw_unowned = FALSE;
  int status;

  exec (f, "INSERT INTO shows (id, title, year, tmdb_id) VALUES (5, 'Game of Thrones', 2011, 1399)");
  ssv_fake_providers_set_tmdb_fixture (f->fake, "/search/multi", "tmdb/search-multi.json");

  /* No key yet: the library alone, and a word on why. */
  out = run_cli (f, find_plain, NULL, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "owned  show   Game of Thrones (2011)  tmdb:1399 show:5"));
  g_assert_nonnull (strstr (err, "only the library was searched"));
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->server), ==, 0);

  store_key (f);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = run_cli (f, find_json, NULL, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (strstr (err, "only the library"));
  root = parse_json (out);
  found = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (found), >, 1);

  first = json_array_get_object_element (found, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Game of Thrones");
  g_assert_true (json_object_get_boolean_member (first, "owned"));
  g_assert_cmpint (json_object_get_int_member (first, "library_id"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (first, "tmdb_id"), ==, 1399);
  for (guint i = 1; i < json_array_get_length (found); i++)
    {
      JsonObject *other = json_array_get_object_element (found, i);

      /* The owned show is listed once, not again as TMDB's. */
      g_assert_false (json_object_get_int_member (other, "tmdb_id") == 1399 &&
                      g_strcmp0 (json_object_get_string_member (other, "kind"), "show") == 0);
      if (!json_object_get_boolean_member (other, "owned"))
        saw_unowned = TRUE;
    }
  g_assert_true (saw_unowned);
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/tmdb/search/multi"), ==, 1);

  g_clear_pointer (&out, g_free);
  out = run_cli (f, find_nothing, NULL, NULL, &status);
  g_assert_cmpint (status, ==, 2);
}

/* ---- refresh ------------------------------------------------------------------------ */

static void
seed_one_piece (Fixture *f)
{
  exec (f,
    "INSERT INTO shows (id, title, year, tmdb_id, status, first_air_date)"
    "  VALUES (1, 'One Piece', 1999, 37854, 'Returning Series', '1999-10-20');"
    "INSERT INTO seasons (show_id, season_number, source) VALUES (1, 20, 'tmdb');"
    "INSERT INTO episodes (show_id, season_number, episode_number, tmdb_id, title, air_date, source)"
    "  VALUES (1, 20, 885, 2000885, 'Episode 885', '2019-05-12', 'tmdb');"
    "INSERT INTO enrichment_status (provider, show_id, status, attempts, last_attempt_at, synced_at,"
    "                               episodes_synced)"
    "  VALUES ('tmdb', 1, 'matched', 1, unixepoch () - 172800, unixepoch () - 172800, 1);");
  ssv_fake_providers_set_tmdb_fixture (f->fake, "/tv/37854", "tmdb/tv-37854-one-piece-returning.seenit.json");
  ssv_fake_providers_set_tmdb (f->fake, "/tv/37854/season/20", 200,
    "{\"season_number\":20,\"episodes\":["
    "{\"episode_number\":885,\"id\":2000885,\"name\":\"Episode 885\",\"air_date\":\"2019-05-19\"},"
    "{\"episode_number\":886,\"id\":2000886,\"name\":\"Episode 886\",\"air_date\":\"2019-05-26\"}]}");
  ssv_fake_providers_set_tmdb (f->fake, "/tv/37854/season/21", 200, "{\"season_number\":21,\"episodes\":[]}");
}

/* `refresh --title` reads the show again now and prints each change; the library
 * has them after. Bad arguments exit with 2 and touch nothing. */
static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  const char *by_title[] = { "refresh", "--title", "show:1", NULL };
  const char *airing[] = { "refresh", "--airing", NULL };
  const char *both[] = { "refresh", "--airing", "--all", NULL };
  const char *not_an_id[] = { "refresh", "--title", "One Piece", NULL };
  const char *missing[] = { "refresh", "--title", "show:77", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *moved = NULL;
  int status;

  seed_one_piece (f);
  store_key (f);

  g_clear_pointer (&out, g_free);
  out = run_cli (f, both, NULL, NULL, &status);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  out = run_cli (f, not_an_id, NULL, &err, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "is not a title"));
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->server), ==, 0);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  out = run_cli (f, missing, NULL, &err, &status);
  g_assert_cmpint (status, ==, 1);

  g_clear_pointer (&out, g_free);
  out = run_cli (f, by_title, NULL, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "One Piece"));
  g_assert_nonnull (strstr (out, "S20E886"));
  g_assert_nonnull (strstr (out, "2019-05-19"));
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM episodes WHERE show_id = 1 AND "
                                              "season_number = 20 AND episode_number = 886"), ==, 1);
  moved = ssv_test_query_text (f->db, "SELECT air_date FROM episodes WHERE episode_number = 885");
  g_assert_cmpstr (moved, ==, "2019-05-19");

  /* Nothing new since: the airing refresh says so and changes nothing. */
  g_clear_pointer (&out, g_free);
  out = run_cli (f, airing, NULL, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (strstr (out, "S20E886"));
}

/* ---- tasks -------------------------------------------------------------------------- */

/* Every library job with its interval, last and next run; a failed last run says why. */
static void
test_tasks (Fixture       *f,
            gconstpointer  data)
{
  const char *tasks_json[] = { "tasks", "--json", NULL };
  const char *tasks_plain[] = { "tasks", NULL };
  const char *expected[] = { "incremental-scan", "deep-scan", "airing-refresh", "library-refresh",
                             "image-cache-trim" };
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  JsonArray *jobs;
  int status;

  exec (f, "INSERT INTO scheduled_jobs (name, interval_s, last_run_at, last_finished_at, last_result,"
           "                            last_message, next_run_at)"
           "  VALUES ('airing-refresh', 86400, unixepoch () - 3600, unixepoch () - 3500, 'failed',"
           "          'TMDB did not answer', unixepoch () + 80000)");

  out = run_cli (f, tasks_json, NULL, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  root = parse_json (out);
  jobs = json_node_get_array (root);

  for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
    {
      JsonObject *job = NULL;

      for (guint i = 0; i < json_array_get_length (jobs); i++)
        if (g_str_equal (json_object_get_string_member (json_array_get_object_element (jobs, i), "name"),
                         expected[e]))
          job = json_array_get_object_element (jobs, i);
      g_assert_nonnull (job);
      g_assert_cmpint (json_object_get_int_member (job, "next_run"), >, now);

      if (g_str_equal (expected[e], "airing-refresh"))
        {
          g_assert_cmpint (json_object_get_int_member (job, "last_run"), ==, now - 3600);
          g_assert_cmpstr (json_object_get_string_member (job, "last_result"), ==, "failed");
          g_assert_cmpint (json_object_get_int_member (job, "interval_s"), ==, 86400);
        }
      else
        {
          g_assert_true (json_object_get_null_member (job, "last_run"));
        }
      if (g_str_equal (expected[e], "incremental-scan"))
        g_assert_cmpint (json_object_get_int_member (job, "interval_s"), ==, 3600);
    }

  g_clear_pointer (&out, g_free);
  out = run_cli (f, tasks_plain, NULL, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "incremental-scan: "));
  g_assert_nonnull (strstr (out, "(failed: TMDB did not answer)"));
  g_assert_nonnull (strstr (out, "last run: never"));
}

/* ---- person follow ----------------------------------------------------------------- */

/* Following with a look back: the recent movie joins the wishlist, the announced
 * one waits for its home release; a bad id changes nothing. */
static void
test_person_follow (Fixture       *f,
                    gconstpointer  data)
{
  const char *follow[] = { "person", "follow", "12312", "--lookback", "5", NULL };
  const char *bad_id[] = { "person", "follow", "Richard", NULL };
  const char *bad_verb[] = { "person", "unfollow", "12312", NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) recent = g_date_time_add_years (now, -2);
  g_autofree char *recent_date = g_date_time_format (recent, "%Y-%m-%d");
  g_autofree char *person = NULL;
  g_autofree char *out = NULL;
  g_autofree char *wished = NULL;
  int status;

  person = g_strdup_printf (
    "{\"id\":12312,\"name\":\"Richard Anderson\",\"combined_credits\":{\"cast\":["
    "{\"id\":900001,\"media_type\":\"movie\",\"title\":\"The Harbour\",\"release_date\":\"%s\"},"
    "{\"id\":900002,\"media_type\":\"movie\",\"title\":\"The Long Tide\"},"
    "{\"id\":900003,\"media_type\":\"movie\",\"title\":\"Long Ago\",\"release_date\":\"1970-01-02\"}],"
    "\"crew\":[]}}", recent_date);
  ssv_fake_providers_set_tmdb (f->fake, "/person/12312", 200, person);
  ssv_fake_providers_set_tmdb (f->fake, "/movie/900001/release_dates", 200,
                               "{\"id\":900001,\"results\":[{\"iso_3166_1\":\"US\",\"release_dates\":["
                               "{\"release_date\":\"2020-01-01T00:00:00.000Z\",\"type\":4}]}]}");
  ssv_fake_providers_set_tmdb (f->fake, "/movie/900002/release_dates", 200, "{\"id\":900002,\"results\":[]}");

  out = run_cli (f, bad_id, NULL, NULL, &status);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  out = run_cli (f, bad_verb, NULL, NULL, &status);
  g_assert_cmpint (status, ==, 2);

  store_key (f);
  g_clear_pointer (&out, g_free);
  out = run_cli (f, follow, NULL, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Following Richard Anderson: 1 movie joined the wishlist, "
                                 "1 waits for its home release."));
  wished = ssv_test_query_text (f->db, "SELECT group_concat (title, '|') FROM wishlist");
  g_assert_cmpstr (wished, ==, "The Harbour");
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM followed_releases "
                                              "WHERE movie_tmdb_id = 900002 AND state = 'monitored'"), ==, 1);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM followed_releases WHERE movie_tmdb_id = 900003"),
                   ==, 0);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add ("/cli/key-set", Fixture, NULL, fixture_set_up, test_key_set, fixture_tear_down);
  g_test_add ("/cli/find", Fixture, NULL, fixture_set_up, test_find, fixture_tear_down);
  g_test_add ("/cli/refresh", Fixture, NULL, fixture_set_up, test_refresh, fixture_tear_down);
  g_test_add ("/cli/tasks", Fixture, NULL, fixture_set_up, test_tasks, fixture_tear_down);
  g_test_add ("/cli/person-follow", Fixture, NULL, fixture_set_up, test_person_follow, fixture_tear_down);

  return g_test_run ();
}
