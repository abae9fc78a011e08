/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-refresh.c: re-enrichment: each field that changes on TMDB is refreshed, the rest
 * stays gap-only, locks hold, and bad answers (seasons shrank, renumbered episodes, a
 * deleted show, half an answer) lose nothing a person owns. */

#include "config.h"

#include <string.h>

#include "ssv-error.h"
#include "ssv-fake-providers.h"
#include "ssv-test-utils.h"
#include "providers/ssv-tvdb.h"
#include "workers/ssv-refresher.h"

#define ONE_PIECE 37854
#define TMDB_KEY  "refresh-key"

typedef struct
{
  char              *dir;
  SsvDatabase       *db;
  SsvFakeServer     *server;
  SsvFakeProviders  *fake;
  SsvHttp           *http;
  SsvSecrets        *secrets;
  SsvClock          *clock;
  SsvRefresher      *refresher;
  SsvRefreshReport  *report;
  gint64             show;       /* One Piece's row */
  gint64             server_row;
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
store_key (Fixture    *f,
           const char *name,
           const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = g_strconcat ("api-key:", name, NULL);

  g_assert_true (ssv_secrets_store_sync (f->secrets, secret, "test key", key, NULL, &error));
  g_assert_no_error (error);
  ssv_fake_providers_set_key (f->fake, name, key);
}

/* One Piece in the library: seasons 19 and 20 as TMDB listed them a month ago,
 * matched by TMDB two days ago. Episode 878 has a file on a server. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->server = ssv_fake_server_new ();
  f->fake = ssv_fake_providers_new (f->server);
  f->http = ssv_http_new ();
  ssv_http_set_retry_policy (f->http, 1, 10);
  ssv_fake_providers_point_http (f->fake, f->http);
  f->secrets = ssv_secrets_new ();
  store_key (f, "tmdb", TMDB_KEY);
  g_assert_true (ssv_secrets_clear_sync (f->secrets, "api-key:tvdb", NULL, NULL));
  f->clock = ssv_clock_new ();
  f->refresher = ssv_refresher_new (f->db, f->http, f->secrets, f->clock, NULL);

  exec (f->db,
    "INSERT INTO servers (id, kind, name, url) VALUES (1, 'plex', 'Home', 'http://plex.invalid');"
    "INSERT INTO shows (id, title, year, tmdb_id, status, overview, first_air_date, tmdb_rating, tmdb_votes)"
    "  VALUES (1, 'One Piece', 1999, 37854, 'Returning Series', 'Pirates, said the server.', '1999-10-20', 7.5, 200);"
    "INSERT INTO seasons (show_id, season_number, source) VALUES (1, 19, 'tmdb'), (1, 20, 'tmdb');"
    "INSERT INTO episodes (show_id, season_number, episode_number, tmdb_id, title, overview, air_date, source)"
    "  VALUES (1, 19, 877, 1900877, 'The Last Arc', 'Old.', '2019-03-31', 'tmdb'),"
    "         (1, 20, 879, 2000879, 'Episode 879', 'Soon.', '2019-04-14', 'tmdb'),"
    "         (1, 20, 880, 2000880, 'Episode 880', NULL, '2019-04-21', 'tmdb'),"
    "         (1, 20, 881, 2000881, 'Episode 881', NULL, '2019-04-28', 'tmdb');"
    "INSERT INTO episodes (show_id, season_number, episode_number, tmdb_id, title, air_date,"
    "                      server_source, server_id)"
    "  VALUES (1, 20, 878, 2000878, 'Wano Begins (the server''s title)', '2019-04-07', 1, 'plex-878');"
    "INSERT INTO media_files (episode_id, server_source, server_id, path)"
    "  SELECT id, 1, 'plex-878', '/media/one-piece-878.mkv' FROM episodes WHERE episode_number = 878;"
    "INSERT INTO enrichment_status (provider, show_id, status, attempts, last_attempt_at, synced_at,"
    "                               episodes_synced)"
    "  VALUES ('tmdb', 1, 'matched', 1, unixepoch () - 172800, unixepoch () - 172800, 1);");
  f->show = 1;
  f->server_row = 1;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->report, ssv_refresh_report_free);
  g_clear_object (&f->refresher);
  g_clear_object (&f->clock);
  g_clear_object (&f->secrets);
  g_clear_object (&f->http);
  g_clear_pointer (&f->fake, ssv_fake_providers_free);
  g_clear_pointer (&f->server, ssv_fake_server_free);
  ssv_test_close_temp_database (&f->db, &f->dir);
}

/* ---- TMDB's answers --------------------------------------------------------------- */

static JsonNode *
load_fixture (const char *name)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             (gssize) g_bytes_get_size (bytes), &error));
  return json_node_ref (json_parser_get_root (parser));
}

static void
answer (Fixture    *f,
        const char *path,
        JsonNode   *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  ssv_fake_providers_set_tmdb (f->fake, path, 200, text);
}

/* The recorded One Piece (status, next episode S20E886 on 2019-05-26, 21 seasons),
 * as @edit changes it. */
static void
answer_details (Fixture  *f,
                void    (*edit) (JsonObject *details))
{
  g_autoptr(JsonNode) root = load_fixture ("tmdb/tv-37854-one-piece-returning.seenit.json");

  if (edit != NULL)
    edit (json_node_get_object (root));
  answer (f, "/tv/37854", root);
}

/* A season's answer from "number|id|title|air date|overview;…" */
static void
answer_season (Fixture    *f,
               int         season,
               const char *episodes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) items = g_strsplit (episodes, ";", -1);
  g_autofree char *path = g_strdup_printf ("/tv/37854/season/%d", season);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "season_number");
  json_builder_add_int_value (builder, season);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "Season");
  json_builder_set_member_name (builder, "episodes");
  json_builder_begin_array (builder);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], "|", -1);

      if (g_strv_length (parts) < 4)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "episode_number");
      json_builder_add_int_value (builder, g_ascii_strtoll (parts[0], NULL, 10));
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, g_ascii_strtoll (parts[1], NULL, 10));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, parts[2]);
      json_builder_set_member_name (builder, "air_date");
      json_builder_add_string_value (builder, parts[3]);
      json_builder_set_member_name (builder, "still_path");
      json_builder_add_string_value (builder, "/still.jpg");
      if (parts[4] != NULL)
        {
          json_builder_set_member_name (builder, "overview");
          json_builder_add_string_value (builder, parts[4]);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  answer (f, path, root);
}

/* Season 20 as TMDB lists it now: 881 moved a week, 882 to 886 are new. */
#define SEASON_20_NOW \
  "878|2000878|Wano|2019-04-07;879|2000879|The Samurai|2019-04-14;880|2000880|Episode 880|2019-04-21;" \
  "881|2000881|Episode 881|2019-05-05;882|2000882|Episode 882|2019-05-05;883|2000883|Episode 883|2019-05-12;" \
  "884|2000884|Episode 884|2019-05-12;885|2000885|Episode 885|2019-05-19;886|2000886|Episode 886|2019-05-26"
#define SEASON_19_NOW "877|1900877|The Last Arc|2019-03-31|Old."

static void
answer_as_recorded (Fixture *f)
{
  answer_details (f, NULL);
  answer_season (f, 19, SEASON_19_NOW);
  answer_season (f, 20, SEASON_20_NOW);
}

static void
refresh (Fixture         *f,
         SsvRefreshScope  scope)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&f->report, ssv_refresh_report_free);
  f->report = ssv_refresher_run_sync (f->refresher, scope, SSV_ITEM_SHOW, f->show, 100, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->report);
  for (guint i = 0; i < f->report->changes->len; i++)
    {
      g_autofree char *text = ssv_refresh_change_dup_text (g_ptr_array_index (f->report->changes, i));
      g_test_message ("%s", text);
    }
}

static gboolean
report_says (Fixture    *f,
             const char *what,
             const char *after)
{
  for (guint i = 0; i < f->report->changes->len; i++)
    {
      SsvRefreshChange *change = g_ptr_array_index (f->report->changes, i);

      if (strstr (change->what, what) != NULL && (after == NULL || g_strcmp0 (change->after, after) == 0))
        return TRUE;
    }

  return FALSE;
}

static char *
episode_text (Fixture    *f,
              const char *column,
              int         season,
              int         number)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM episodes WHERE show_id = 1 AND season_number = %d "
                                          "AND episode_number = %d", column, season, number);

  return ssv_test_query_text (f->db, sql);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return ssv_test_query_int (f->db, sql);
}

/* ---- fields that change ------------------------------------------------------------- */

/* The announced episode reaches the calendar: the next episode, new episodes with
 * their air dates, a moved air date, a changed title, all in one request. */
static void
test_airing_show_catches_up (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *next = NULL;
  g_autofree char *air_date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *server_title = NULL;
  g_autofree char *still = NULL;

  answer_as_recorded (f);
  ssv_fake_server_reset_log (f->server);
  refresh (f, SSV_REFRESH_AIRING);

  g_assert_cmpuint (f->report->titles, ==, 1);
  g_assert_cmpuint (f->report->changed, ==, 1);
  /* The details and the latest seasons in one call. */
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->server), ==, 1);

  next = ssv_test_query_text (f->db, "SELECT next_episode_season || 'x' || next_episode_number || ' ' || "
                                     "next_episode_air_date FROM shows WHERE id = 1");
  g_assert_cmpstr (next, ==, "20x886 2019-05-26");
  g_assert_true (report_says (f, "next episode", "S20E886, 2019-05-26"));

  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes WHERE show_id = 1 AND season_number = 20"), ==, 9);
  air_date = episode_text (f, "air_date", 20, 886);
  g_assert_cmpstr (air_date, ==, "2019-05-26");
  g_assert_true (report_says (f, "new episode", "S20E886 “Episode 886”, 2019-05-26"));

  g_clear_pointer (&air_date, g_free);
  air_date = episode_text (f, "air_date", 20, 881);
  g_assert_cmpstr (air_date, ==, "2019-05-05");
  g_assert_true (report_says (f, "air date", "2019-05-05"));

  /* TMDB's own episode takes the new title; the server's keeps its own. */
  title = episode_text (f, "title", 20, 879);
  g_assert_cmpstr (title, ==, "The Samurai");
  server_title = episode_text (f, "title", 20, 878);
  g_assert_cmpstr (server_title, ==, "Wano Begins (the server's title)");
  still = episode_text (f, "still_url", 20, 879);
  g_assert_true (g_str_has_suffix (still, "/still.jpg"));

  /* Everything else only where empty: the server's overview stays. */
  g_free (title);
  title = ssv_test_query_text (f->db, "SELECT overview FROM shows WHERE id = 1");
  g_assert_cmpstr (title, ==, "Pirates, said the server.");
  g_assert_cmpint (count (f, "SELECT synced_at > unixepoch () - 60 FROM enrichment_status "
                             "WHERE show_id = 1 AND provider = 'tmdb'"), ==, 1);

  /* A day with no news is quiet. */
  refresh (f, SSV_REFRESH_TITLE);
  g_assert_cmpuint (f->report->changed, ==, 0);
}

static void
edit_ended (JsonObject *details)
{
  json_object_set_string_member (details, "status", "Ended");
  json_object_set_boolean_member (details, "in_production", FALSE);
  json_object_set_null_member (details, "next_episode_to_air");
  json_object_set_string_member (details, "last_air_date", "2019-05-26");
  json_object_set_double_member (details, "vote_average", 8.6);
  json_object_set_int_member (details, "vote_count", 900);
  json_object_set_string_member (details, "overview", "TMDB's new overview.");
  json_object_set_string_member (details, "tagline", "Set sail.");
}

/* Status, last air date and ratings are replaced; a next episode that is no
 * more is cleared; other text only fills gaps. */
static void
test_ended_show (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *status = NULL;
  g_autofree char *overview = NULL;
  g_autofree char *tagline = NULL;
  g_autofree char *last = NULL;

  exec (f->db, "UPDATE shows SET next_episode_season = 20, next_episode_number = 886, "
               "next_episode_air_date = '2019-05-26' WHERE id = 1");
  answer_details (f, edit_ended);
  answer_season (f, 19, SEASON_19_NOW);
  answer_season (f, 20, SEASON_20_NOW);
  refresh (f, SSV_REFRESH_AIRING);

  status = ssv_test_query_text (f->db, "SELECT status FROM shows WHERE id = 1");
  g_assert_cmpstr (status, ==, "Ended");
  g_assert_true (report_says (f, "status", "Ended"));
  g_assert_cmpint (count (f, "SELECT next_episode_number IS NULL AND next_episode_air_date IS NULL "
                             "FROM shows WHERE id = 1"), ==, 1);
  g_assert_true (report_says (f, "next episode", NULL));
  last = ssv_test_query_text (f->db, "SELECT last_air_date FROM shows WHERE id = 1");
  g_assert_cmpstr (last, ==, "2019-05-26");
  g_assert_cmpint (count (f, "SELECT tmdb_rating = 8.6 AND tmdb_votes = 900 FROM shows WHERE id = 1"), ==, 1);
  g_assert_cmpint (count (f, "SELECT in_production FROM shows WHERE id = 1"), ==, 0);

  overview = ssv_test_query_text (f->db, "SELECT overview FROM shows WHERE id = 1");
  g_assert_cmpstr (overview, ==, "Pirates, said the server.");
  tagline = ssv_test_query_text (f->db, "SELECT tagline FROM shows WHERE id = 1");
  g_assert_cmpstr (tagline, ==, "Set sail.");

  /* It no longer airs: the daily refresh leaves it to the monthly one. */
  exec (f->db, "UPDATE enrichment_status SET synced_at = unixepoch () - 172800 WHERE show_id = 1");
  refresh (f, SSV_REFRESH_AIRING);
  g_assert_cmpuint (f->report->titles, ==, 0);
}

/* A person's locks win over every refresh. */
static void
test_locks_hold (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *status = NULL;
  g_autofree char *air_date = NULL;
  g_autofree char *title = NULL;

  exec (f->db, "UPDATE shows SET locked_fields = '[\"status\",\"tmdb_rating\"]' WHERE id = 1;"
               "UPDATE episodes SET locked_fields = '[\"air_date\",\"title\"]' WHERE episode_number IN (879, 881);");
  answer_details (f, edit_ended);
  answer_season (f, 19, SEASON_19_NOW);
  answer_season (f, 20, SEASON_20_NOW);
  refresh (f, SSV_REFRESH_AIRING);

  status = ssv_test_query_text (f->db, "SELECT status FROM shows WHERE id = 1");
  g_assert_cmpstr (status, ==, "Returning Series");
  g_assert_cmpint (count (f, "SELECT tmdb_rating = 7.5 FROM shows WHERE id = 1"), ==, 1);
  air_date = episode_text (f, "air_date", 20, 881);
  g_assert_cmpstr (air_date, ==, "2019-04-28");
  title = episode_text (f, "title", 20, 879);
  g_assert_cmpstr (title, ==, "Episode 879");
  g_assert_false (report_says (f, "status", NULL));
}

static void
edit_new_season (JsonObject *details)
{
  JsonArray *seasons = json_object_get_array_member (details, "seasons");
  JsonObject *season = json_object_new ();

  json_object_set_int_member (season, "season_number", 21);
  json_object_set_string_member (season, "name", "Wano Country Arc");
  json_object_set_string_member (season, "air_date", "2019-07-07");
  json_object_set_int_member (season, "episode_count", 2);
  json_array_add_object_element (seasons, season);
}

/* A new season arrives in the same call (the season after the latest is asked for too);
 * a long show's old seasons are not asked for every day. */
static void
test_new_season_latest_two (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) requests = NULL;
  const SsvFakeRequest *request;

  answer_details (f, edit_new_season);
  answer_season (f, 19, SEASON_19_NOW);
  answer_season (f, 20, SEASON_20_NOW);
  answer_season (f, 21, "892|2100892|Wano 1|2019-07-07;893|2100893|Wano 2|2019-07-14");
  exec (f->db, "WITH RECURSIVE n (value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 18) "
               "INSERT INTO seasons (show_id, season_number, source) SELECT 1, value, 'tmdb' FROM n");
  ssv_fake_server_reset_log (f->server);
  refresh (f, SSV_REFRESH_AIRING);

  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->server), ==, 1);
  requests = ssv_fake_server_dup_requests (f->server);
  request = g_ptr_array_index (requests, 0);
  g_test_message ("%s", request->query);
  g_assert_nonnull (strstr (request->query, "season%2F21"));
  g_assert_nonnull (strstr (request->query, "season%2F20"));
  g_assert_null (strstr (request->query, "season%2F1%2C"));
  g_assert_null (strstr (request->query, "season%2F18"));

  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes WHERE show_id = 1 AND season_number = 21"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM seasons WHERE show_id = 1 AND season_number = 21"), ==, 1);
  g_assert_true (report_says (f, "new episode", "S21E892 “Wano 1”, 2019-07-07"));
}

/* TheTVDB's air time for an airing show, when its key is set. */
static void
test_tvdb_air_time (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *air_time = NULL;
  g_autofree char *zone = NULL;
  g_autoptr(JsonNode) recorded = load_fixture ("tvdb/series_78878_extended.json");
  g_autoptr(SsvMeta) expected = ssv_tvdb_parse_series (recorded, NULL);

  g_assert_nonnull (expected->air_time_zone);
  store_key (f, "tvdb", "tvdb-key");
  exec (f->db, "UPDATE shows SET tvdb_id = 78878, air_time = '09:30' WHERE id = 1");
  answer_as_recorded (f);
  refresh (f, SSV_REFRESH_AIRING);

  air_time = ssv_test_query_text (f->db, "SELECT air_time FROM shows WHERE id = 1");
  zone = ssv_test_query_text (f->db, "SELECT air_time_zone FROM shows WHERE id = 1");
  g_assert_cmpstr (air_time, ==, "13:00");
  g_assert_cmpstr (zone, ==, expected->air_time_zone);
  g_assert_true (report_says (f, "air time", "13:00"));
}

/* A movie is read again for its status and release date. */
static void
test_movie_status_and_release (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) movie = load_fixture ("tmdb/movie-details.json");
  g_autofree char *status = NULL;
  g_autofree char *release = NULL;

  exec (f->db, "INSERT INTO movies (id, title, tmdb_id, status, release_date, overview)"
               "  VALUES (7, 'Fight Club', 550, 'Post Production', '1999-12-01', 'Mine.');"
               "INSERT INTO enrichment_status (provider, movie_id, status, last_attempt_at, synced_at)"
               "  VALUES ('tmdb', 7, 'matched', 0, unixepoch () - 40 * 86400)");
  answer (f, "/movie/550", movie);

  g_clear_pointer (&f->report, ssv_refresh_report_free);
  f->report = ssv_refresher_run_sync (f->refresher, SSV_REFRESH_DUE, SSV_ITEM_MOVIE, 0, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->report->titles, ==, 1);

  status = ssv_test_query_text (f->db, "SELECT status FROM movies WHERE id = 7");
  release = ssv_test_query_text (f->db, "SELECT release_date FROM movies WHERE id = 7");
  g_assert_cmpstr (status, ==, "Released");
  g_assert_cmpstr (release, ==, "1999-10-15");
  g_assert_cmpint (count (f, "SELECT overview = 'Mine.' FROM movies WHERE id = 7"), ==, 1);
}

/* Airing shows are due a day after their last look, other titles after 30 days. */
static void
test_due_rules (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) airing = NULL;
  g_autoptr(GPtrArray) others = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  exec (f->db,
    "INSERT INTO shows (id, title, tmdb_id, status) VALUES (2, 'Lost', 4607, 'Ended'), (3, 'Fresh', 99, 'Returning Series');"
    "INSERT INTO enrichment_status (provider, show_id, status, last_attempt_at, synced_at)"
    "  VALUES ('tmdb', 2, 'matched', 0, unixepoch () - 29 * 86400), ('tmdb', 3, 'matched', 0, unixepoch () - 3600);");

  airing = ssv_refresh_store_list_due (f->db, SSV_REFRESH_AIRING, now, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (airing->len, ==, 1);
  g_assert_cmpint (((SsvRefreshItem *) g_ptr_array_index (airing, 0))->id, ==, 1);

  others = ssv_refresh_store_list_due (f->db, SSV_REFRESH_DUE, now, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (others->len, ==, 0);
  g_clear_pointer (&others, g_ptr_array_unref);
  others = ssv_refresh_store_list_due (f->db, SSV_REFRESH_DUE, now + 2 * 86400, 10, &error);
  g_assert_cmpuint (others->len, ==, 1);
  g_assert_cmpint (((SsvRefreshItem *) g_ptr_array_index (others, 0))->id, ==, 2);
}

/* ---- bad input ----------------------------------------------------------------------- */

static void
edit_nineteen_seasons (JsonObject *details)
{
  JsonArray *seasons = json_object_get_array_member (details, "seasons");

  json_array_remove_element (seasons, json_array_get_length (seasons) - 1);
  json_object_set_null_member (details, "next_episode_to_air");
}

/* TMDB's seasons shrank: what TMDB itself added, with no file, unwatched, goes;
 * a watched one, one with a file and the server's stay. */
static void
test_seasons_shrank (Fixture       *f,
                     gconstpointer  data)
{
  exec (f->db, "UPDATE episodes SET watched = 1 WHERE episode_number = 880");
  answer_details (f, edit_nineteen_seasons);
  answer_season (f, 19, SEASON_19_NOW);

  /* First half an answer: season 18 cannot be read. Nothing goes. */
  ssv_fake_providers_set_tmdb (f->fake, "/tv/37854/season/18", 500, NULL);
  refresh (f, SSV_REFRESH_AIRING);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes WHERE show_id = 1 AND season_number = 20"), ==, 4);
  g_assert_false (report_says (f, "removed", NULL));

  answer_season (f, 18, "800|1800800|Zou|2016-07-10");
  exec (f->db, "UPDATE enrichment_status SET synced_at = unixepoch () - 172800 WHERE show_id = 1");
  refresh (f, SSV_REFRESH_AIRING);

  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes WHERE show_id = 1 AND season_number = 20 "
                             "AND episode_number IN (879, 881)"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes WHERE show_id = 1 AND season_number = 20 "
                             "AND episode_number IN (878, 880)"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes WHERE season_number = 19"), ==, 1);
  g_assert_true (report_says (f, "removed", "S20E879"));
  /* The season still holds what stays. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM seasons WHERE season_number = 20"), ==, 1);
}

/* Half an answer (a season TMDB lists could not be read) removes nothing. */
static void
test_incomplete_answer_removes_nothing (Fixture       *f,
                                        gconstpointer  data)
{
  answer_details (f, NULL);
  answer_season (f, 19, SEASON_19_NOW);
  /* Season 20 without 879 to 881, but its answer fails. */
  ssv_fake_providers_set_tmdb (f->fake, "/tv/37854/season/20", 500, NULL);
  refresh (f, SSV_REFRESH_AIRING);

  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes WHERE show_id = 1 AND season_number = 20"), ==, 4);
  g_assert_false (report_says (f, "removed", NULL));
  /* What did arrive is written. */
  g_assert_true (report_says (f, "next episode", NULL));

  /* The whole answer, without 881: TMDB dropped it, and it goes. */
  answer_season (f, 20, "878|2000878|Wano|2019-04-07;879|2000879|Episode 879|2019-04-14;"
                        "880|2000880|Episode 880|2019-04-21");
  exec (f->db, "UPDATE enrichment_status SET synced_at = unixepoch () - 172800 WHERE show_id = 1");
  refresh (f, SSV_REFRESH_AIRING);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes WHERE show_id = 1 AND season_number = 20"), ==, 3);
  g_assert_true (report_says (f, "removed", "S20E881"));
}

/* TMDB renumbered: the episode moves to its new number with its watched state,
 * and the number it left is TMDB's new episode. */
static void
test_renumbered_keep_watched (Fixture       *f,
                              gconstpointer  data)
{
  exec (f->db, "UPDATE episodes SET watched = 1, play_count = 2 WHERE episode_number = 881");
  answer_details (f, NULL);
  answer_season (f, 19, SEASON_19_NOW);
  answer_season (f, 20, "878|2000878|Wano|2019-04-07;879|2000879|Episode 879|2019-04-14;"
                        "880|2000880|Episode 880|2019-04-21;881|2000999|A Recap|2019-04-28;"
                        "882|2000881|Episode 881|2019-05-05");
  refresh (f, SSV_REFRESH_AIRING);

  g_assert_cmpint (count (f, "SELECT watched = 1 AND play_count = 2 AND tmdb_id = 2000881 FROM episodes "
                             "WHERE show_id = 1 AND season_number = 20 AND episode_number = 882"), ==, 1);
  g_assert_cmpint (count (f, "SELECT watched = 0 AND tmdb_id = 2000999 FROM episodes "
                             "WHERE show_id = 1 AND season_number = 20 AND episode_number = 881"), ==, 1);
  g_assert_true (report_says (f, "renumbered", "S20E882"));
}

/* TMDB deleted the show: nothing changes, nothing goes, and it says so. */
static void
test_deleted_show (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = ssv_test_dump_table (f->db, "episodes", "id, season_number, episode_number, title");
  g_autofree char *after = NULL;
  g_autofree char *status = NULL;

  ssv_fake_providers_set_tmdb (f->fake, "/tv/37854", 404, NULL);
  refresh (f, SSV_REFRESH_AIRING);

  after = ssv_test_dump_table (f->db, "episodes", "id, season_number, episode_number, title");
  g_assert_cmpstr (after, ==, before);
  status = ssv_test_query_text (f->db, "SELECT status FROM enrichment_status WHERE show_id = 1");
  g_assert_cmpstr (status, ==, "matched");
  g_assert_cmpint (count (f, "SELECT tmdb_id FROM shows WHERE id = 1"), ==, ONE_PIECE);
  g_assert_true (report_says (f, "no longer has this title", NULL));
  /* Not asked again until tomorrow. */
  refresh (f, SSV_REFRESH_AIRING);
  g_assert_cmpuint (f->report->titles + f->report->failed, ==, 0);
}

/* A broken answer changes nothing and is counted as such. */
static void
test_malformed_answer (Fixture       *f,
                       gconstpointer  data)
{
  SsvFakeFault fault = { SSV_FAKE_FAULT_MALFORMED, 200, -1, 0, -1 };
  g_autofree char *before = ssv_test_dump_table (f->db, "shows", "*");
  g_autofree char *after = NULL;

  answer_as_recorded (f);
  ssv_fake_server_set_fault (f->server, "/tmdb/tv/37854", &fault);
  refresh (f, SSV_REFRESH_AIRING);

  g_assert_cmpuint (f->report->failed, ==, 1);
  g_assert_cmpuint (f->report->messages->len, ==, 1);
  after = ssv_test_dump_table (f->db, "shows", "*");
  g_assert_cmpstr (after, ==, before);
}

/* Without a TMDB key the run says what to do, and writes nothing. */
static void
test_no_key (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvRefreshReport) report = NULL;

  g_assert_true (ssv_secrets_clear_sync (f->secrets, "api-key:tmdb", NULL, NULL));
  report = ssv_refresher_run_sync (f->refresher, SSV_REFRESH_AIRING, SSV_ITEM_SHOW, 0, 10, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "TMDB API key"));
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/core/refresh/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("airing-show-catches-up", test_airing_show_catches_up);
  ADD ("ended-show", test_ended_show);
  ADD ("locks-hold", test_locks_hold);
  ADD ("new-season-latest-two", test_new_season_latest_two);
  ADD ("tvdb-air-time", test_tvdb_air_time);
  ADD ("movie-status-and-release", test_movie_status_and_release);
  ADD ("due-rules", test_due_rules);
  ADD ("bad/seasons-shrank", test_seasons_shrank);
  ADD ("bad/incomplete-answer-removes-nothing", test_incomplete_answer_removes_nothing);
  ADD ("bad/renumbered-keep-watched", test_renumbered_keep_watched);
  ADD ("bad/deleted-show", test_deleted_show);
  ADD ("bad/malformed-answer", test_malformed_answer);
  ADD ("bad/no-key", test_no_key);

#undef ADD

  return g_test_run ();
}
