/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-scan-safety.c: deep scans of a populated library never take what the person owns:
 * episodes are demoted, not deleted; an empty or mostly empty listing waits for the person;
 * a listing with unreadable items prunes nothing; an unmounted folder is not an empty one. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "stores/ssv-activity-store.h"
#include "model/ssv-episode.h"
#include "ssv-fake-jellyfin.h"
#include "sources/ssv-folder-source.h"
#include "sources/ssv-jellyfin-source.h"
#include "stores/ssv-scan-hold-store.h"
#include "sources/ssv-scanner.h"
#include "stores/ssv-server-store.h"
#include "model/ssv-show.h"
#include "ssv-test-utils.h"

#define JELLYFIN_KEY "jf-safety-5c0ffee5c0ffee5c0ffee5c0ffee"
#define ADMIN_ID     "a1b2c3d4e5f60718293a4b5c6d7e8f90"
#define ITEMS_PATH   "/Users/" ADMIN_ID "/Items"

typedef struct
{
  char             *dir;
  char             *root;       /* a folder source's */
  SsvDatabase      *db;
  SsvLibraryStore  *store;
  SsvHttp          *http;
  SsvSecrets       *secrets;
  SsvScanner       *scanner;
  SsvFakeServer    *server;
  SsvFakeJellyfin  *jellyfin;
  SsvMediaSource   *source;
  gint64            row;
  GBytes           *listing;    /* a hand-made answer for the movies' listing */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;

  f->dir = ssv_test_make_temp_dir ();
  db_path = g_build_filename (f->dir, "library.db", NULL);
  f->db = ssv_database_open (db_path, &error);
  g_assert_no_error (error);
  f->store = ssv_library_store_new (f->db);
  f->http = ssv_http_new ();
  ssv_http_set_retry_policy (f->http, 1, 5);
  ssv_http_set_timeout (f->http, 5);
  f->secrets = ssv_secrets_new ();
  f->scanner = ssv_scanner_new (f->db, f->store, f->http, f->secrets);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->source);
  g_clear_pointer (&f->server, ssv_fake_server_free);
  g_clear_pointer (&f->jellyfin, ssv_fake_jellyfin_free);
  g_clear_pointer (&f->listing, g_bytes_unref);
  g_clear_object (&f->scanner);
  g_clear_object (&f->secrets);
  g_clear_object (&f->http);
  g_clear_object (&f->store);
  g_clear_object (&f->db);
  ssv_test_remove_tree (f->dir);
  g_free (f->root);
  g_free (f->dir);
}

/* A Jellyfin server "Home" with "Films" and "Series", both mapped. */
static void
setup_jellyfin (Fixture *f)
{
  f->server = ssv_fake_server_new ();
  f->jellyfin = ssv_test_add_jellyfin_server (f->db, f->server, JELLYFIN_KEY, "Series", &f->row);
  f->source = SSV_MEDIA_SOURCE (ssv_jellyfin_source_new (f->http, ssv_fake_server_get_url (f->server),
                                                         JELLYFIN_KEY, NULL));
}

static void
add_movies (Fixture *f,
            guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("movie-%u", i);
      g_autofree char *name = g_strdup_printf ("Film Number %u", i);

      ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-movies", id, name, 1990 + (int) i);
    }
}

static void
add_show (Fixture  *f,
          guint     s,
          guint     n_episodes)
{
  g_autofree char *id = g_strdup_printf ("series-%u", s);
  g_autofree char *name = g_strdup_printf ("Show Number %u", s);

  ssv_fake_jellyfin_add_series (f->jellyfin, "lib-shows", id, name, 2000 + (int) s);
  for (guint e = 1; e <= n_episodes; e++)
    {
      g_autofree char *episode_id = g_strdup_printf ("series-%u-ep-%u", s, e);
      g_autofree char *title = g_strdup_printf ("Episode %u", e);

      ssv_fake_jellyfin_add_episode (f->jellyfin, id, episode_id, 1, (int) e, title);
    }
}

static SsvScanResult *
scan (Fixture     *f,
      SsvScanMode  mode)
{
  g_autoptr(GError) error = NULL;
  SsvScanResult *result = ssv_scan_result_new (mode);

  if (SSV_IS_FOLDER_SOURCE (f->source))
    {
      /* A folder is read anew by each scan, as the app does. */
      g_clear_object (&f->source);
      f->source = SSV_MEDIA_SOURCE (ssv_folder_source_new (f->root));
    }

  g_assert_true (ssv_scanner_scan_source_sync (f->scanner, f->source, f->row, mode, result, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < result->messages->len; i++)
    g_test_message ("scan message: %s", (char *) g_ptr_array_index (result->messages, i));

  return result;
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return ssv_test_query_int (f->db, sql);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Every row of @table as text, in a stable order whatever its key. */
static char *
dump_rows (SsvDatabase *db,
           const char  *table)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *handle = ssv_database_get_handle (db, &error);
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (row, "%s%s", i ? "|" : "", text ? text : "∅");
        }
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  sqlite3_finalize (stmt);

  g_ptr_array_sort (rows, compare_rows);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (rows, i));

  return g_string_free (out, FALSE);
}

/* Every row the person could miss, as text. */
static char *
snapshot (Fixture *f)
{
  static const char * const tables[] = {
    "movies", "shows", "seasons", "episodes", "media_files", "movie_genres", "show_genres",
    "enrichment_status", "credits", "images", "watchlist", "wishlist",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *dump = dump_rows (f->db, tables[i]);

      g_string_append_printf (out, "== %s\n%s", tables[i], dump);
    }

  return g_string_free (out, FALSE);
}

static gboolean
activity_says (Fixture          *f,
               SsvActivityLevel  level,
               const char       *needle)
{
  g_autoptr(GPtrArray) activity = ssv_activity_store_list_recent (f->db, "scan", 200, NULL);

  for (guint i = 0; i < activity->len; i++)
    {
      SsvActivityEntry *entry = g_ptr_array_index (activity, i);

      if (entry->level == level && strstr (entry->message, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
messages_contain (SsvScanResult *result,
                  const char    *needle)
{
  for (guint i = 0; i < result->messages->len; i++)
    if (strstr (g_ptr_array_index (result->messages, i), needle) != NULL)
      return TRUE;

  return FALSE;
}

static GPtrArray *
list_holds (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *holds = ssv_scan_hold_store_list (f->db, 0, &error);

  g_assert_no_error (error);
  return holds;
}

static char *
first_question (Fixture *f)
{
  g_autoptr(GPtrArray) holds = list_holds (f);

  g_assert_cmpuint (holds->len, >=, 1);
  return ssv_scan_hold_dup_question (g_ptr_array_index (holds, 0));
}

/* The episode S01E@number of @show_title as the show's page lists it, or NULL. */
static SsvEpisode *
page_episode (Fixture    *f,
              const char *show_title,
              int         number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shows = ssv_library_store_list_shows (f->store, &error);
  gint64 show_id = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < shows->len; i++)
    if (g_strcmp0 (ssv_show_get_title (g_ptr_array_index (shows, i)), show_title) == 0)
      show_id = ssv_show_get_id (g_ptr_array_index (shows, i));
  g_assert_cmpint (show_id, >, 0);

  {
    g_autoptr(SsvTitle) detail = ssv_library_store_load_title (f->store, SSV_MEDIA_KIND_SHOW, show_id, &error);
    GListModel *episodes;

    g_assert_no_error (error);
    episodes = ssv_title_get_episodes (detail);
    for (guint i = 0; i < g_list_model_get_n_items (episodes); i++)
      {
        g_autoptr(SsvEpisode) episode = g_list_model_get_item (episodes, i);

        if (ssv_episode_get_season_number (episode) == 1 && ssv_episode_get_episode_number (episode) == number)
          return g_steal_pointer (&episode);
      }
  }

  return NULL;
}

/* ---- item 1: demote, don't delete ---------------------------------------------- */

/* What the TMDB cascade writes for episodes the library has no file of. */
static void
add_enrichment_episodes (Fixture    *f,
                         const char *show_title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO episodes (show_id, season_number, episode_number, title, air_date, tmdb_id, source) "
    "SELECT id, 1, 6, 'Upcoming One', '2031-05-01', 9006, 'tmdb' FROM shows WHERE title = '%1$s';"
    "INSERT INTO episodes (show_id, season_number, episode_number, title, air_date, tmdb_id, source) "
    "SELECT id, 1, 7, 'Missing One', '2011-05-08', 9007, 'tmdb' FROM shows WHERE title = '%1$s';"
    "INSERT INTO enrichment_status (provider, show_id, status, attempts, last_attempt_at, synced_at, "
    "episodes_synced) SELECT 'tmdb', id, 'matched', 1, 1700000000, 1700000000, 1 FROM shows WHERE title = '%1$s';"
    "INSERT INTO enrichment_status (provider, episode_id, status, last_attempt_at, synced_at) "
    "SELECT 'tmdb', e.id, 'matched', 1700000000, 1700000000 FROM episodes e JOIN shows s ON s.id = e.show_id "
    "WHERE s.title = '%1$s' AND e.source = 'tmdb';", show_title);

  g_assert_true (ssv_database_exec (f->db, sql, &error));
  g_assert_no_error (error);
}

static char *
episodes_except (Fixture *f,
                 int      number)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat (row, '\n') FROM (SELECT e.id || '|' || "
                                          "e.episode_number || '|' || coalesce (e.title, '') || '|' || "
                                          "coalesce (e.air_date, '') || '|' || coalesce (e.server_id, '') || '|' || "
                                          "coalesce (e.source, '') || '|' || coalesce (f.path, '') AS row "
                                          "FROM episodes e LEFT JOIN media_files f ON f.episode_id = e.id "
                                          "WHERE e.episode_number <> %d ORDER BY e.id, f.id)", number);

  return ssv_test_query_text (f->db, sql);
}

static void
test_episodes_demoted (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) deep = NULL;
  g_autoptr(SsvScanResult) back = NULL;
  g_autoptr(SsvEpisode) demoted = NULL;
  g_autoptr(SsvEpisode) gone = NULL;
  g_autoptr(SsvEpisode) upcoming = NULL;
  g_autofree char *others_before = NULL;
  g_autofree char *others_after = NULL;
  g_autofree char *status_before = NULL;
  g_autofree char *status_after = NULL;
  g_autofree char *movies_before = NULL;
  g_autofree char *movies_after = NULL;
  JsonObject *plain;

  setup_jellyfin (f);
  add_movies (f, 3);
  add_show (f, 0, 5);
  add_show (f, 1, 3);
  /* Episode 5 of show 0 is the server's only: no air date, no ids, never played. */
  plain = ssv_fake_jellyfin_lookup (f->jellyfin, "series-0-ep-5");
  json_object_remove_member (plain, "PremiereDate");

  first = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (first->errors, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 8);
  add_enrichment_episodes (f, "Show Number 0");

  others_before = episodes_except (f, 3);
  status_before = ssv_test_dump_table (f->db, "enrichment_status", "*");
  movies_before = ssv_test_dump_table (f->db, "movies", "*");

  /* The server no longer has episodes 3 (aired, with a date) and 5 (nothing to it). */
  ssv_fake_jellyfin_remove_item (f->jellyfin, "series-0-ep-3");
  ssv_fake_jellyfin_remove_item (f->jellyfin, "series-0-ep-5");
  deep = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (deep->errors, ==, 0);
  g_assert_cmpuint (deep->removed, ==, 1);
  g_assert_cmpuint (deep->held, ==, 0);

  /* Episode 3 is still on the show's page, missing its file, as it was otherwise. */
  demoted = page_episode (f, "Show Number 0", 3);
  g_assert_nonnull (demoted);
  g_assert_false (ssv_episode_get_has_file (demoted));
  g_assert_cmpstr (ssv_episode_get_title (demoted), ==, "Episode 3");
  g_assert_cmpstr (ssv_episode_get_air_date (demoted), ==, "2011-04-17");
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files m JOIN episodes e ON e.id = m.episode_id "
                             "WHERE e.episode_number = 3 AND e.show_id = (SELECT id FROM shows "
                             "WHERE title = 'Show Number 0')"), ==, 0);

  /* Episode 5 had nothing but its file: it went. */
  gone = page_episode (f, "Show Number 0", 5);
  g_assert_null (gone);

  /* Enrichment's episodes, their status and the show's "every season synced" stay. */
  upcoming = page_episode (f, "Show Number 0", 6);
  g_assert_nonnull (upcoming);
  g_assert_cmpstr (ssv_episode_get_title (upcoming), ==, "Upcoming One");
  status_after = ssv_test_dump_table (f->db, "enrichment_status", "*");
  g_assert_cmpstr (status_after, ==, status_before);

  /* Nothing else changed: every other episode, file and movie is as it was, but for
   * episode 5 of show 0 (which went). */
  others_after = episodes_except (f, 3);
  {
    g_auto(GStrv) lines = g_strsplit (others_before, "\n", -1);
    g_autoptr(GString) expected = g_string_new (NULL);

    for (guint i = 0; lines[i] != NULL; i++)
      if (strstr (lines[i], "|series-0-ep-5|") == NULL)
        g_string_append_printf (expected, "%s%s", expected->len ? "\n" : "", lines[i]);
    g_assert_cmpstr (others_after, ==, expected->str);
  }
  movies_after = ssv_test_dump_table (f->db, "movies", "*");
  g_assert_cmpstr (movies_after, ==, movies_before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes e JOIN shows s ON s.id = e.show_id "
                             "WHERE s.title = 'Show Number 1'"), ==, 3);

  /* The file comes back: a scan that lists it again gives the row its file again. */
  ssv_fake_jellyfin_add_episode (f->jellyfin, "series-0", "series-0-ep-3", 1, 3, "Episode 3");
  back = scan (f, SSV_SCAN_FULL);
  g_clear_object (&demoted);
  demoted = page_episode (f, "Show Number 0", 3);
  g_assert_true (ssv_episode_get_has_file (demoted));
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes e JOIN shows s ON s.id = e.show_id "
                             "WHERE s.title = 'Show Number 0' AND e.episode_number = 3"), ==, 1);
}

/* The same through a folder, which deep-scans on every change on disk. */
static void write_file (const char *root, const char *relative);
static void setup_folder (Fixture *f);

static void
test_folder_episodes_demoted (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) deep = NULL;
  g_autoptr(SsvEpisode) matched = NULL;
  g_autoptr(SsvEpisode) upcoming = NULL;
  g_autofree char *gone_file = NULL;
  g_autofree char *movies_before = NULL;
  g_autofree char *movies_after = NULL;
  g_autoptr(GError) error = NULL;

  setup_folder (f);
  write_file (f->root, "TV/Firefly/Season 1/Firefly - S01E03 - Bushwhacked.mkv");
  first = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (first->errors, ==, 0);

  /* Enrichment matched episode 2 (an air date), and added episode 4 it has no file of. */
  add_enrichment_episodes (f, "Firefly");
  g_assert_true (ssv_database_exec (f->db, "UPDATE episodes SET air_date = '2002-09-20' WHERE episode_number = 2 "
                                           "AND show_id = (SELECT id FROM shows WHERE title = 'Firefly')", &error));
  g_assert_no_error (error);
  movies_before = ssv_test_dump_table (f->db, "movies", "*");

  /* Files 2 and 3 are deleted; the folder watcher deep-scans. */
  gone_file = g_build_filename (f->root, "TV", "Firefly", "Season 1", "Firefly - S01E02 - The Train Job.mkv", NULL);
  g_assert_cmpint (g_unlink (gone_file), ==, 0);
  g_free (gone_file);
  gone_file = g_build_filename (f->root, "TV", "Firefly", "Season 1", "Firefly - S01E03 - Bushwhacked.mkv", NULL);
  g_assert_cmpint (g_unlink (gone_file), ==, 0);
  deep = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (deep->errors, ==, 0);
  g_assert_cmpuint (deep->removed, ==, 1);

  matched = page_episode (f, "Firefly", 2);
  g_assert_nonnull (matched);
  g_assert_false (ssv_episode_get_has_file (matched));
  g_assert_null (page_episode (f, "Firefly", 3));
  upcoming = page_episode (f, "Firefly", 6);
  g_assert_nonnull (upcoming);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes WHERE source = 'tmdb'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT episodes_synced FROM enrichment_status WHERE show_id IS NOT NULL"), ==, 1);
  movies_after = ssv_test_dump_table (f->db, "movies", "*");
  g_assert_cmpstr (movies_after, ==, movies_before);
}

/* ---- item 3: an empty or mostly empty listing waits for the person ------------------- */

static void
test_empty_listing_held (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) empty = NULL;
  g_autoptr(SsvScanResult) again = NULL;
  g_autoptr(GPtrArray) holds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *question = NULL;
  guint removed = 0;

  setup_jellyfin (f);
  add_movies (f, 3);
  add_show (f, 0, 4);
  first = scan (f, SSV_SCAN_FULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 3);
  before = snapshot (f);

  /* The Films section briefly answers empty (a token that lost access to it). */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("movie-%u", i);
      ssv_fake_jellyfin_remove_item (f->jellyfin, id);
    }
  empty = scan (f, SSV_SCAN_DEEP);

  /* Nothing went; the scan says it needs the person, and why. */
  g_assert_cmpuint (empty->removed, ==, 0);
  g_assert_cmpuint (empty->held, ==, 3);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (messages_contain (empty, "Films came back empty: not removing its 3 titles until you confirm."));
  g_assert_true (activity_says (f, SSV_ACTIVITY_WARNING, "Scan needs your confirmation (deep scan)"));
  {
    g_autofree char *summary = ssv_scan_result_dup_summary (empty);

    g_assert_cmpstr (summary, ==, "0 added, 0 updated, 0 removed, 0 errors; 3 titles wait for your confirmation");
  }

  /* It is kept for the window and the CLI to ask. */
  question = first_question (f);
  g_assert_cmpstr (question, ==, "Films on Home came back empty. Remove 3 titles, or keep them?");

  /* Keep: the question goes, the titles stay. */
  holds = list_holds (f);
  g_assert_true (ssv_scan_hold_store_keep (f->db, ((SsvScanHold *) g_ptr_array_index (holds, 0))->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&holds, g_ptr_array_unref);
  holds = list_holds (f);
  g_assert_cmpuint (holds->len, ==, 0);
  g_free (after);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);

  /* Asked again by the next deep scan; Remove takes them, with their files. */
  again = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (again->held, ==, 3);
  g_clear_pointer (&holds, g_ptr_array_unref);
  holds = list_holds (f);
  g_assert_cmpuint (holds->len, ==, 1);
  g_assert_true (ssv_scan_hold_store_confirm (f->db, ((SsvScanHold *) g_ptr_array_index (holds, 0))->id,
                                              &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files WHERE movie_id IS NOT NULL"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 4);
  g_clear_pointer (&holds, g_ptr_array_unref);
  holds = list_holds (f);
  g_assert_cmpuint (holds->len, ==, 0);
}

static void
test_most_gone_held (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) deep = NULL;
  g_autoptr(SsvScanResult) shows_gone = NULL;
  g_autoptr(SsvScanResult) fewer = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *question = NULL;
  g_autoptr(GPtrArray) holds = NULL;

  setup_jellyfin (f);
  add_movies (f, 5);
  add_show (f, 0, 2);
  add_show (f, 1, 2);
  add_show (f, 2, 2);
  first = scan (f, SSV_SCAN_FULL);
  before = snapshot (f);

  /* A small library: three of five films gone is more than half. */
  ssv_fake_jellyfin_remove_item (f->jellyfin, "movie-0");
  ssv_fake_jellyfin_remove_item (f->jellyfin, "movie-1");
  ssv_fake_jellyfin_remove_item (f->jellyfin, "movie-2");
  deep = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (deep->removed, ==, 0);
  g_assert_cmpuint (deep->held, ==, 3);
  g_assert_true (messages_contain (deep, "Not removing 3 of 5 titles of Films until you confirm"));
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  question = first_question (f);
  g_assert_cmpstr (question, ==, "Films on Home came back without 3 of its 5 titles. Remove them, or keep them?");

  /* Shows too: two of three. */
  ssv_fake_jellyfin_remove_item (f->jellyfin, "series-1");
  ssv_fake_jellyfin_remove_item (f->jellyfin, "series-2");
  shows_gone = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (shows_gone->held, ==, 3 + 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM shows"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 6);
  holds = list_holds (f);
  g_assert_cmpuint (holds->len, ==, 2);

  /* The films come back: a listing with them again lets the question go (any mode). */
  add_movies (f, 3);
  fewer = scan (f, SSV_SCAN_FULL);
  g_clear_pointer (&holds, g_ptr_array_unref);
  holds = list_holds (f);
  g_assert_cmpuint (holds->len, ==, 1);
  g_assert_cmpint (((SsvScanHold *) g_ptr_array_index (holds, 0))->kind, ==, SSV_MEDIA_KIND_SHOW);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 5);
}

/* A deep scan whose listing was fine removes at once, as before, and forgets a question. */
static void
test_small_removal_goes (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) held = NULL;
  g_autoptr(SsvScanResult) deep = NULL;
  g_autoptr(GPtrArray) holds = NULL;

  setup_jellyfin (f);
  add_movies (f, 6);
  first = scan (f, SSV_SCAN_FULL);

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("movie-%u", i);
      ssv_fake_jellyfin_remove_item (f->jellyfin, id);
    }
  held = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (held->held, ==, 6);

  add_movies (f, 6);
  ssv_fake_jellyfin_remove_item (f->jellyfin, "movie-4");
  ssv_fake_jellyfin_remove_item (f->jellyfin, "movie-5");
  deep = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (deep->held, ==, 0);
  g_assert_cmpuint (deep->removed, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 4);
  holds = list_holds (f);
  g_assert_cmpuint (holds->len, ==, 0);
}

/* ---- item 4: a listing with an unreadable item is partial ---------------------------- */

static gboolean
listing_handler (SsvFakeServer        *server,
                 const SsvFakeRequest *request,
                 guint                *status,
                 char                **content_type,
                 GBytes              **body,
                 gpointer              user_data)
{
  Fixture *f = user_data;

  *status = 200;
  *content_type = g_strdup ("application/json");
  *body = g_bytes_ref (f->listing);
  return TRUE;
}

/* From now on the films' listing is @ids' items, with @junk (JSON values) among them. */
static void
serve_movies (Fixture            *f,
              const char * const *ids,
              const char         *junk)
{
  g_autoptr(JsonArray) items = json_array_new ();
  g_autoptr(JsonNode) extra = json_from_string (junk, NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonObject) answer = json_object_new ();
  g_autofree char *text = NULL;
  guint n;

  for (guint i = 0; ids[i] != NULL; i++)
    json_array_add_object_element (items, json_object_ref (ssv_fake_jellyfin_lookup (f->jellyfin, ids[i])));
  for (guint i = 0; i < json_array_get_length (json_node_get_array (extra)); i++)
    json_array_add_element (items, json_node_copy (json_array_get_element (json_node_get_array (extra), i)));

  n = json_array_get_length (items);
  json_object_set_array_member (answer, "Items", json_array_ref (items));
  json_object_set_int_member (answer, "TotalRecordCount", n);
  json_object_set_int_member (answer, "StartIndex", 0);
  root = json_node_init_object (json_node_alloc (), answer);
  text = json_to_string (root, FALSE);

  g_clear_pointer (&f->listing, g_bytes_unref);
  f->listing = g_bytes_new (text, strlen (text));
}

static void
check_unreadable_blocks (Fixture    *f,
                         const char *junk,
                         const char *why)
{
  const char *still_there[] = { "movie-0", "movie-1", "movie-2", "movie-3", NULL };
  g_autoptr(SsvScanResult) deep = NULL;
  g_autoptr(GPtrArray) holds = NULL;
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;

  /* Two of six films are gone; a complete listing would remove them. */
  serve_movies (f, still_there, junk);
  deep = scan (f, SSV_SCAN_DEEP);

  g_assert_cmpuint (deep->removed, ==, 0);
  g_assert_cmpuint (deep->skipped, >=, 1);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (messages_contain (deep, "Nothing was removed from Films: 1 item of its list could not be read"));
  g_assert_true (activity_says (f, SSV_ACTIVITY_WARNING, "Nothing was removed from Films"));
  g_assert_true (activity_says (f, SSV_ACTIVITY_WARNING, why));
  holds = list_holds (f);
  g_assert_cmpuint (holds->len, ==, 0);
}

static void
test_unreadable_items_block_prune (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) complete = NULL;
  const char *four[] = { "movie-0", "movie-1", "movie-2", "movie-3", NULL };

  setup_jellyfin (f);
  add_movies (f, 6);
  first = scan (f, SSV_SCAN_FULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 6);
  ssv_fake_server_add_handler (f->server, "GET " ITEMS_PATH "?ParentId=lib-movies", listing_handler, f, NULL);

  /* Something that is not an item, an item without an id, one the scanner cannot store. */
  check_unreadable_blocks (f, "[42]", "not an item");
  check_unreadable_blocks (f, "[{\"Name\":\"No Id\",\"Type\":\"Movie\"}]", "without an id");
  check_unreadable_blocks (f, "[{\"Id\":\"nameless\",\"Type\":\"Movie\"}]", "without a name");

  /* Read in full, the same listing removes the two. */
  serve_movies (f, four, "[]");
  complete = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (complete->removed, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 4);
}

static void
test_unreadable_show_blocks_prune (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) deep = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JsonObject *nameless = json_object_new ();

  setup_jellyfin (f);
  for (guint s = 0; s < 4; s++)
    add_show (f, s, 3);
  first = scan (f, SSV_SCAN_FULL);
  before = snapshot (f);

  ssv_fake_jellyfin_remove_item (f->jellyfin, "series-3");
  json_object_set_string_member (nameless, "Id", "nameless-show");
  json_object_set_string_member (nameless, "Type", "Series");
  ssv_fake_jellyfin_add_item (f->jellyfin, "lib-shows", nameless);

  deep = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (deep->removed, ==, 0);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (messages_contain (deep, "Nothing was removed from Series: 1 item of its list could not be read"));
}

/* One episode of a show's listing could not be read: it may be any of them, so none goes. */
static void
test_unreadable_episode_blocks_prune (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) deep = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JsonObject *unnumbered;

  setup_jellyfin (f);
  add_show (f, 0, 4);
  add_show (f, 1, 4);
  first = scan (f, SSV_SCAN_FULL);
  before = ssv_test_dump_table (f->db, "media_files", "*");

  ssv_fake_jellyfin_remove_item (f->jellyfin, "series-0-ep-4");
  unnumbered = ssv_fake_jellyfin_add_episode (f->jellyfin, "series-0", "series-0-odd", 1, 9, "Odd One");
  json_object_remove_member (unnumbered, "IndexNumber");

  deep = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (deep->removed, ==, 0);
  g_assert_cmpuint (deep->skipped, ==, 1);
  after = ssv_test_dump_table (f->db, "media_files", "*");
  g_assert_cmpstr (after, ==, before);
  g_assert_true (activity_says (f, SSV_ACTIVITY_WARNING, "“Show Number 0”: no episode was removed, because 1 of "
                                                         "them could not be read."));
}

/* ---- folders: a disk that is not there is not an empty library ------------------------ */

static void
write_file (const char *root,
            const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "\x1a\x45\xdf\xa3 a tiny video", -1, &error));
  g_assert_no_error (error);
}

static void
setup_folder (Fixture *f)
{
  static const char * const files[] = {
    "Movies/Heat (1995)/Heat (1995).mkv",
    "Movies/Ronin (1998)/Ronin (1998).mkv",
    "Movies/Thief (1981)/Thief (1981).mkv",
    "Movies/Collateral (2004)/Collateral (2004).mkv",
    "TV/Firefly/Season 1/Firefly - S01E01 - Serenity.mkv",
    "TV/Firefly/Season 1/Firefly - S01E02 - The Train Job.mkv",
  };
  g_autoptr(GPtrArray) libraries = NULL;
  g_autoptr(GError) error = NULL;

  f->root = g_build_filename (f->dir, "media", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    write_file (f->root, files[i]);

  g_assert_true (ssv_server_store_add (f->db, "folder", "media", f->root, NULL, &f->row, NULL, &error));
  f->source = SSV_MEDIA_SOURCE (ssv_folder_source_new (f->root));
  libraries = ssv_media_source_list_libraries (f->source, NULL, &error);
  g_assert_true (ssv_server_store_set_libraries (f->db, f->row, libraries, &error));
  g_assert_no_error (error);
}

static void
test_folder_empty_root (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) deep = NULL;
  g_autoptr(SsvScanResult) back = NULL;
  g_autoptr(GPtrArray) holds = NULL;
  g_autofree char *unplugged = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  setup_folder (f);
  first = scan (f, SSV_SCAN_FULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 4);
  before = snapshot (f);

  /* The disk is unmounted: its mount point stays, empty. */
  unplugged = g_strconcat (f->root, ".unplugged", NULL);
  g_assert_cmpint (g_rename (f->root, unplugged), ==, 0);
  g_assert_cmpint (g_mkdir (f->root, 0755), ==, 0);

  deep = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (deep->errors, ==, 1);
  g_assert_cmpuint (deep->removed, ==, 0);
  g_assert_cmpuint (deep->held, ==, 0);
  g_assert_true (messages_contain (deep, "is empty, so nothing in it was removed"));
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (activity_says (f, SSV_ACTIVITY_ERROR, "is empty, so nothing in it was removed"));
  holds = list_holds (f);
  g_assert_cmpuint (holds->len, ==, 0);

  /* Plugged in again, it is read as before. */
  g_assert_cmpint (g_rmdir (f->root), ==, 0);
  g_assert_cmpint (g_rename (unplugged, f->root), ==, 0);
  back = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (back->errors, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 4);
}

/* A folder the library never had titles from may well be empty: nothing to lose. */
static void
test_folder_new_and_empty (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SsvScanResult) result = NULL;
  g_autoptr(GPtrArray) libraries = NULL;
  g_autoptr(GError) error = NULL;

  f->root = g_build_filename (f->dir, "empty", NULL);
  g_assert_cmpint (g_mkdir (f->root, 0755), ==, 0);
  g_assert_true (ssv_server_store_add (f->db, "folder", "empty", f->root, NULL, &f->row, NULL, &error));
  f->source = SSV_MEDIA_SOURCE (ssv_folder_source_new (f->root));
  libraries = ssv_media_source_list_libraries (f->source, NULL, &error);
  g_assert_true (ssv_server_store_set_libraries (f->db, f->row, libraries, &error));

  result = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (result->errors, ==, 0);
  /* An empty folder's disk is not remembered: the drive mounted there later is the one. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM folder_roots"), ==, 0);
}

static void
test_folder_other_disk (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) deep = NULL;
  g_autoptr(SsvScanResult) after_yes = NULL;
  g_autoptr(GPtrArray) holds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *question = NULL;
  g_autofree char *heat = NULL;
  guint64 device = 0;
  GStatBuf info;

  setup_folder (f);
  first = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (first->errors, ==, 0);

  /* The complete scan remembered the disk it read the folder from. */
  g_assert_cmpint (g_stat (f->root, &info), ==, 0);
  g_assert_true (ssv_scan_hold_store_get_root_device (f->db, f->row, f->root, &device, &error));
  g_assert_cmpuint (device, ==, (guint64) info.st_dev);

  /* As if the last scan read it from another disk: the one there now is not it (a
   * stale mount point, or another drive at the same place). Heat is gone from it. */
  g_assert_true (ssv_scan_hold_store_set_root_device (f->db, f->row, f->root, device + 1, &error));
  heat = g_build_filename (f->root, "Movies", "Heat (1995)", "Heat (1995).mkv", NULL);
  g_assert_cmpint (g_unlink (heat), ==, 0);
  before = snapshot (f);

  deep = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (deep->errors, ==, 1);
  g_assert_cmpuint (deep->removed, ==, 0);
  g_assert_true (messages_contain (deep, "is on a different disk than at its last scan, so it was not read"));
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);

  /* The person is asked whether the library moved there. */
  question = first_question (f);
  g_assert_nonnull (strstr (question, "is on a different disk than at its last scan"));
  holds = list_holds (f);
  g_assert_true (ssv_scan_hold_store_confirm (f->db, ((SsvScanHold *) g_ptr_array_index (holds, 0))->id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ssv_scan_hold_store_get_root_device (f->db, f->row, f->root, &device, &error));
  g_assert_cmpuint (device, ==, (guint64) info.st_dev);

  /* Yes: the folder is read from it, and what is gone from it goes. */
  after_yes = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (after_yes->errors, ==, 0);
  g_assert_cmpuint (after_yes->removed, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies WHERE title = 'Heat'"), ==, 0);
}

static void
test_folder_unreadable_root (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = NULL;
  g_autoptr(SsvScanResult) deep = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("Permissions do not stop root from reading a folder.");
      return;
    }

  setup_folder (f);
  first = scan (f, SSV_SCAN_FULL);
  before = snapshot (f);

  g_assert_cmpint (g_chmod (f->root, 0), ==, 0);
  deep = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpint (g_chmod (f->root, 0755), ==, 0);

  g_assert_cmpuint (deep->errors, ==, 1);
  g_assert_cmpuint (deep->removed, ==, 0);
  g_assert_true (messages_contain (deep, "cannot be read, so nothing in it was removed"));
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/scan-safety/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("episodes/demoted-not-deleted", test_episodes_demoted);
  ADD ("episodes/folder-demoted-not-deleted", test_folder_episodes_demoted);
  ADD ("prune/empty-listing-held", test_empty_listing_held);
  ADD ("prune/most-gone-held", test_most_gone_held);
  ADD ("prune/small-removal-goes", test_small_removal_goes);
  ADD ("partial/unreadable-items-block-prune", test_unreadable_items_block_prune);
  ADD ("partial/unreadable-show-blocks-prune", test_unreadable_show_blocks_prune);
  ADD ("partial/unreadable-episode-blocks-prune", test_unreadable_episode_blocks_prune);
  ADD ("folder/empty-root-unavailable", test_folder_empty_root);
  ADD ("folder/new-empty-folder", test_folder_new_and_empty);
  ADD ("folder/other-disk-unavailable", test_folder_other_disk);
  ADD ("folder/unreadable-root-unavailable", test_folder_unreadable_root);
#undef ADD

  return g_test_run ();
}
