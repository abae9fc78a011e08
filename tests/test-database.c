/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-database.c: the library file: creation, upgrades, constraints, safety. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ssv-database-private.h"
#include "stores/ssv-follow-rule-private.h"
#include "ssv-locked-fields.h"
#include "ssv-migration-guard-private.h"
#include "ssv-error.h"
#include "ssv-test-utils.h"

/* Rows a person could have at each schema version. Adding a migration step
 * means adding its rows here: the upgrade test refuses a step without them. */
static const char * const fill_sql[] = {
  /* version 1 */
  "INSERT INTO settings (key, value) VALUES ('scan.mode', 'full');"
  "INSERT INTO servers (id, kind, name, url, user_id) VALUES (1, 'jellyfin', 'Home', 'http://nas:8096', 'u1');"
  "INSERT INTO servers (id, kind, name, url) VALUES (2, 'folder', 'Movies', '/srv/movies');"
  "INSERT INTO server_libraries (server_id, library_key, name, kind) VALUES (1, 'lib1', 'Films', 'movies');"
  "INSERT INTO movies (id, server_source, server_id, title, year, tmdb_id, imdb_id, overview, watched, locked_fields)"
  "  VALUES (1, 1, 'm1', 'Fight Club', 1999, 550, 'tt0137523', 'Mischief. Mayhem. Soap.', 1, 'overview');"
  "INSERT INTO movies (id, server_source, server_id, title, year) VALUES (2, 2, 'Heat (1995)', 'Heat', 1995);"
  "INSERT INTO shows (id, server_source, server_id, title, year, tmdb_id, tvdb_id, status)"
  "  VALUES (1, 1, 's1', 'Game of Thrones', 2011, 1399, 121361, 'Ended');"
  "INSERT INTO seasons (id, show_id, season_number, title) VALUES (1, 1, 1, 'Season 1');"
  "INSERT INTO episodes (id, show_id, season_number, episode_number, title, air_date, watched)"
  "  VALUES (1, 1, 1, 1, 'Winter Is Coming', '2011-04-17', 1);"
  "INSERT INTO episodes (id, show_id, season_number, episode_number, title, air_date)"
  "  VALUES (2, 1, 1, 2, 'The Kingsroad', '2011-04-24');"
  "INSERT INTO media_files (movie_id, server_source, path, size_bytes, container)"
  "  VALUES (1, 1, '/media/Fight Club (1999)/Fight Club.mkv', 1234567, 'mkv');"
  "INSERT INTO media_files (episode_id, server_source, path) VALUES (1, 1, '/media/GoT/S01E01.mkv');"
  "INSERT INTO genres (id, name) VALUES (1, 'Drama'), (2, 'Fantasy');"
  "INSERT INTO movie_genres (movie_id, genre_id) VALUES (1, 1);"
  "INSERT INTO show_genres (show_id, genre_id) VALUES (1, 2);"
  "INSERT INTO people (id, tmdb_id, name) VALUES (1, 819, 'Edward Norton');"
  "INSERT INTO credits (person_id, movie_id, role, character, sort_order) VALUES (1, 1, 'cast', 'The Narrator', 0);"
  "INSERT INTO activity (kind, level, source, message) VALUES ('scan', 'info', 'Home', 'Scan finished');",
  /* version 2: watchlist and wishlist */
  "INSERT INTO watchlist (kind, source, source_id, muted) VALUES ('show', 'tmdb', '1399', 1);"
  "INSERT INTO watchlist (kind, source, source_id, title) VALUES ('person', 'tmdb', '819', 'Edward Norton');"
  "INSERT INTO watchlist (kind, source, source_id, title) VALUES ('channel', 'youtube', 'UCsXVk37bltHxD1rDPwtNM8Q', 'Kurzgesagt');"
  "INSERT INTO wishlist (kind, source, source_id, title, year) VALUES ('movie', 'tmdb', '949', 'Heat', 1995);"
  "INSERT INTO wishlist_shows (id, source, source_id, title, wanted) VALUES (1, 'tmdb', '1399', 'Game of Thrones', 1);"
  "INSERT INTO wishlist_subscriptions (wishlist_show_id, season_number, joined_through) VALUES (1, 1, '2011-06-19');"
  "INSERT INTO wishlist (kind, wishlist_show_id, season_number, episode_number, title, air_date)"
  "  VALUES ('episode', 1, 1, 2, 'The Kingsroad', '2011-04-24');"
  /* Titles without an outside id were keyed on their library row then. */
  "INSERT INTO shows (id, server_source, server_id, title, status) VALUES (2, 1, 's2', 'Local News', 'Continuing');"
  "INSERT INTO watchlist (kind, source, source_id, muted) VALUES ('show', 'library', '2', 1);"
  "INSERT INTO watchlist (kind, source, source_id, muted) VALUES ('show', 'library', '77', 0);"
  "INSERT INTO wishlist_shows (id, source, source_id, title, wanted) VALUES (2, 'library', '2', 'Local News', 0);"
  "INSERT INTO wishlist_subscriptions (wishlist_show_id, joined_through) VALUES (2, '2024-01-01');"
  "INSERT INTO wishlist (kind, source, source_id, title, year) VALUES ('movie', 'library', '2', 'Heat', 1995);",
  /* version 3: scan state */
  "UPDATE movies SET scan_hash = 8413275590112 WHERE id = 1;"
  "UPDATE shows SET scan_hash = -2205196151 WHERE id = 1;"
  "UPDATE seasons SET scan_hash = 77 WHERE id = 1;"
  "UPDATE episodes SET scan_hash = 5119 WHERE show_id = 1;"
  "UPDATE shows SET locked_fields = 'overview, status' WHERE id = 1;",
  /* version 4: enrichment */
  "INSERT INTO enrichment_status (provider, movie_id, status, attempts, last_attempt_at, synced_at, filled)"
  "  VALUES ('tmdb', 1, 'matched', 1, 1700000000, 1700000000, 'tagline,runtime_minutes');"
  "INSERT INTO enrichment_status (provider, movie_id, status, attempts, last_attempt_at, last_error)"
  "  VALUES ('omdb', 2, 'error', 2, 1700000100, 'OMDb had a problem (HTTP 503).');"
  "INSERT INTO enrichment_status (provider, show_id, status, attempts, last_attempt_at, episodes_synced)"
  "  VALUES ('tmdb', 1, 'matched', 1, 1700000000, 1);"
  "INSERT INTO enrichment_status (provider, episode_id, status, last_attempt_at) VALUES ('tmdb', 2, 'not_found', 1700000000);"
  "INSERT INTO images (movie_id, provider, kind, url, language, score)"
  "  VALUES (1, 'fanart', 'logo', 'https://assets.fanart.tv/fanart/movies/550/hdmovielogo/fight-club.png', 'en', 12);"
  "UPDATE movies SET tmdb_rating = 8.4, imdb_rating = 8.8, rt_score = 79, metascore = 66, subtitle_languages = 'en,fr' WHERE id = 1;"
  "INSERT INTO episodes (show_id, season_number, episode_number, title, source) VALUES (1, 1, 3, 'Lord Snow', 'tmdb');"
  "INSERT INTO credits (person_id, show_id, role, provider) VALUES (1, 1, 'creator', 'tmdb');",
  /* version 5: quality profiles */
  "INSERT INTO quality_profiles (id, name, cutoff, upgrades_allowed, min_format_score, position)"
  "  VALUES (1, 'HD 1080p', 'webdl-1080p', 1, 0, 0);"
  "INSERT INTO quality_profile_items (profile_id, position, quality, allowed, min_mb_per_min, max_mb_per_min)"
  "  VALUES (1, 0, 'hdtv-720p', 0, 0, 0), (1, 1, 'webdl-1080p', 1, 4, 400);"
  "INSERT INTO quality_profile_words (profile_id, kind, word, score) VALUES (1, 'rejected', 'HC', 0);"
  "INSERT INTO custom_formats (id, name) VALUES (1, 'HDR');"
  "INSERT INTO custom_format_conditions (format_id, position, kind, value) VALUES (1, 0, 'hdr', 'hdr');"
  "INSERT INTO quality_profile_formats (profile_id, format_id, score) VALUES (1, 1, 1500);",
  /* version 6: identities */
  "UPDATE movies SET locked_fields = '[\"title\",\"year\"]' WHERE id = 2;"
  "INSERT INTO servers (kind, name, url) VALUES ('plex', 'Office', 'http://office:32400');"
  "INSERT INTO watchlist (kind, source, source_id, muted, missing_since)"
  "  SELECT 'show', 'server', uuid || ':s9', 1, 1700000000 FROM servers WHERE id = 1;",
  /* version 7: what scans held back for the person, and the disks folders were read from */
  "INSERT INTO scan_holds (id, server_id, library_key, library_name, kind, reason, listed, stored)"
  "  VALUES (1, 1, 'lib1', 'Films', 'movies', 'empty', 0, 1);"
  "INSERT INTO scan_hold_titles (hold_id, movie_id) VALUES (1, 1);"
  "INSERT INTO scan_holds (server_id, library_name, reason, device) VALUES (2, '/srv/movies', 'disk', 2049);"
  "INSERT INTO folder_roots (server_id, path, device, seen_at) VALUES (2, '/srv/movies', 2050, 1700000000);",
  /* version 8: scheduled jobs, next episodes, TMDB pages, followed people's movies */
  "INSERT INTO scheduled_jobs (name, interval_s, last_run_at, last_result, next_run_at)"
  "  VALUES ('airing-refresh', 86400, 1700000000, 'ok', 1700086400);"
  "UPDATE shows SET next_episode_season = 2, next_episode_number = 1, next_episode_air_date = '2026-04-12' WHERE id = 1;"
  "INSERT INTO tmdb_cache (key, body, fetched_at) VALUES ('person/819 en-US', '{\"id\":819}', 1700000000);"
  "UPDATE watchlist SET lookback_years = 2 WHERE kind = 'person';"
  "INSERT INTO followed_releases (person_tmdb_id, movie_tmdb_id, title, release_date, home_release_date)"
  "  VALUES (819, 550, 'Fight Club', '1999-10-15', '2000-04-18');",
  /* version 9: YouTube channels, videos, segments, downloads, the network-activity record */
  "INSERT INTO yt_channels (id, channel_id, handle, title, subscribers, video_count, enriched_by, complete, refreshed_at)"
  "  VALUES (1, 'UCsXVk37bltHxD1rDPwtNM8Q', '@kurzgesagt', 'Kurzgesagt', 25000000, 337, 'innertube', 1, 1700000000);"
  "INSERT INTO yt_videos (id, video_id, channel_row, title, duration_s, views, published, date_exact, is_short)"
  "  VALUES (1, 'D0WQK7cMJn8', 1, 'We Made A New Channel!', 183, 1545374, 1768000000, 1, 0),"
  "         (2, 'zg40FHOAqC0', 1, 'Jupiter Made Earth Possible', NULL, NULL, 1769094102, 1, 1);"
  "INSERT INTO yt_segments (video_row, category, action, start_s, end_s) VALUES (1, 'sponsor', 'skip', 53.4, 57.7);"
  "INSERT INTO yt_downloads (video_row, state, attempts, last_error) VALUES (1, 'failed', 1, 'HTTP Error 404');"
  "INSERT INTO network_activity (day, feature, host, requests) VALUES ('2026-05-21', 'youtube', 'www.youtube.com', 12);",
  /* version 10: indexers, clients and downloads */
  "INSERT INTO indexers (id, kind, name, url) VALUES (1, 'torznab', 'Jackett', 'http://nas:9117/api/v2.0/indexers/all');"
  "INSERT INTO indexer_categories (indexer_id, category, name) VALUES (1, 2000, 'Movies');"
  "INSERT INTO download_clients (id, kind, name, url, username) VALUES (1, 'qbittorrent', 'qBit', 'http://nas:8080', 'admin');"
  "INSERT INTO default_clients (protocol, client_id) VALUES ('torrent', 1);"
  "INSERT INTO downloads (id, kind, wishlist_id, tmdb_id, title, year, release_title, indexer, protocol,"
  "  client_id, client_name, client_reference, status, progress, error)"
  "  VALUES (1, 'movie', 1, 949, 'Heat', 1995, 'Heat.1995.1080p.BluRay.x264-GRP', 'Jackett', 'torrent',"
  "  1, 'qBit', 'aaaabbbbccccddddeeeeffff0000111122223333', 'failed', 0.4, 'No seeds for 3 hours.');"
  "INSERT INTO download_candidates (download_id, position, release_title, protocol, magnet_url)"
  "  VALUES (1, 0, 'Heat.1995.720p.BluRay.x264-GRP', 'torrent', 'magnet:?xt=urn:btih:aaaa');"
  "INSERT INTO download_tries (download_id, kind, value) VALUES (1, 'query', 'Heat 1995');"
  "INSERT INTO download_events (download_id, kind, message) VALUES (1, 'grabbed', 'Grabbed from Jackett.');"
  "INSERT INTO downloads (id, kind, title, year, release_title, protocol, status, progress, content_path, completed_at)"
  "  VALUES (2, 'movie', 'Alien', 1979, 'Alien.1979.1080p.BluRay.x264-GRP', 'torrent', 'completed', 1,"
  "  '/data/Alien.1979.1080p.BluRay.x264-GRP', 1700000000);",
  /* version 11: seeding goals per client, and torrents taken off their client */
  ("UPDATE download_clients SET seed_ratio = 2.0, seed_minutes = 1440 WHERE id = 1;"
   "UPDATE downloads SET released_at = 1770000000 WHERE id = 1;"),
  /* version 12: the blocklist */
  "INSERT INTO blocklist (protocol, indexer, release_title, infohash, reason, manual, download_id)"
  "  VALUES ('torrent', 'Jackett', 'Heat.1995.1080p.BluRay.x264-GRP', 'aaaabbbbccccddddeeeeffff0000111122223333',"
  "  'No seeds for 3 hours.', 0, 1);"
  "INSERT INTO blocklist (protocol, release_title, slskd_user, slskd_file, reason, manual)"
  "  VALUES ('slskd', 'Heat (1995)', 'peer', '@@music\\Heat (1995)\\heat.mkv', 'Blocked by hand.', 1);",
  /* version 13: the automatic search of the wishlist */
  "INSERT INTO wishlist_search (wishlist_id, attempts, fruitless, last_search_at, last_result, next_search_at,"
  "  home_release_date, release_checked_at)"
  "  VALUES (1, 3, 2, 1700000000, 'Nothing accepted: 4 hits, all rejected.', 1700010800, '2000-04-18', 1700000000);",
  /* version 14: what imports did for wanted items */
  "INSERT INTO wishlist_import (wishlist_id, state, quality, path, download_id)"
  "  VALUES (1, 'upgrade-wanted', 'hdtv-720p', '/srv/movies/Heat (1995)/Heat (1995) - 720p HDTV.mkv', 1);",
  /* version 15: a show wished without owning it, and where wanted titles stream */
  "UPDATE wishlist_shows SET tvdb_id = 121361 WHERE id = 1;"
  "INSERT INTO wishlist_show_episodes (wishlist_show_id, season_number, episode_number, tmdb_id, title, air_date)"
  "  VALUES (1, 1, 1, 63056, 'Winter Is Coming', '2011-04-17');"
  "INSERT INTO streaming_checks (media, tmdb_id, region, checked_at) VALUES ('movie', 949, 'US', 1700000000);"
  "INSERT INTO streaming_offers (media, tmdb_id, region, provider_id, provider_name)"
  "  VALUES ('movie', 949, 'US', 8, 'Netflix');",
  /* version 16: a wanted movie's and show's own quality profile */
  "UPDATE wishlist SET profile_id = 1 WHERE kind = 'movie' AND source = 'tmdb';"
  "UPDATE wishlist_shows SET profile_id = 1 WHERE id = 1;",
  /* version 17: when a finished download went into the library */
  "UPDATE downloads SET imported_at = 1770000000 WHERE id = 1;",
  /* version 18: the index the show cards' episode counts read */
  "UPDATE episodes SET watched = 1 WHERE show_id = 1;",
};

static char *
temp_db_path (char **dir_out)
{
  char *dir = ssv_test_make_temp_dir ();

  *dir_out = dir;
  return g_build_filename (dir, "library.db", NULL);
}

static void
test_fresh_create (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_db_path (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  g_autofree char *journal = NULL;
  static const char * const tables[] = {
    "settings", "servers", "server_libraries", "movies", "shows", "seasons", "episodes",
    "media_files", "genres", "movie_genres", "show_genres", "people", "credits", "activity",
    "enrichment_status", "images",
  };

  db = ssv_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  g_assert_cmpuint (ssv_database_get_schema_version (db), ==, ssv_database_get_latest_version ());
  g_assert_cmpuint (ssv_database_get_latest_version (), >=, 1);
  g_assert_cmpint (ssv_test_query_int (db, "PRAGMA user_version"), ==, ssv_database_get_latest_version ());
  g_assert_cmpint (ssv_test_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (ssv_test_query_int (db, "PRAGMA busy_timeout"), ==, 30000);
  journal = ssv_test_query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_master "
                                              "WHERE type = 'table' AND name = '%s'", tables[i]);
      g_test_message ("table %s", tables[i]);
      g_assert_cmpint (ssv_test_query_int (db, sql), ==, 1);
    }

  /* Opening again is a no-op. */
  g_clear_object (&db);
  db = ssv_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ssv_database_get_schema_version (db), ==, ssv_database_get_latest_version ());

  ssv_test_close_temp_database (&db, &dir);
}

static GPtrArray *
list_tables (SsvDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
                                                  "SELECT name FROM sqlite_master WHERE type = 'table' "
                                                  "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                                  &error);
  GPtrArray *tables = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  while (ssv_stmt_step (stmt, NULL) == SQLITE_ROW)
    g_ptr_array_add (tables, ssv_stmt_dup_text (stmt, 0));

  return tables;
}

static char *
list_columns_except (SsvDatabase *db,
                     const char  *table,
                     GHashTable  *skip)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(\"%s\")", table);
  sqlite3 *handle = ssv_database_get_handle (db, &error);
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *full = g_strconcat (table, ".", column, NULL);

      if (skip == NULL || !g_hash_table_contains (skip, full))
        g_string_append_printf (columns, "%s\"%s\"", columns->len ? "," : "", column);
    }
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&columns), FALSE);
}

static char *
list_columns (SsvDatabase *db,
              const char  *table)
{
  return list_columns_except (db, table, NULL);
}

/* ---- data migrations keep what rows mean ---------------------------------------- */

typedef struct
{
  gint64  id;
  char   *a;
  char   *b;
  gint64  title;   /* for a 'library' key: 1 when its title row existed */
} OldRow;

static void
old_row_free (gpointer data)
{
  OldRow *row = data;

  g_free (row->a);
  g_free (row->b);
  g_free (row);
}

/* Rows of "SELECT id, a, b[, title exists] …", by id. */
static GHashTable *
read_rows (SsvDatabase *db,
           const char  *sql)
{
  GHashTable *rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, old_row_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  while (ssv_stmt_step (stmt, NULL) == SQLITE_ROW)
    {
      OldRow *row = g_new0 (OldRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->a = ssv_stmt_dup_text (stmt, 1);
      row->b = sqlite3_column_count (stmt) > 2 ? ssv_stmt_dup_text (stmt, 2) : NULL;
      row->title = sqlite3_column_count (stmt) > 3 ? sqlite3_column_int64 (stmt, 3) : 0;
      g_hash_table_insert (rows, &row->id, row);
    }

  return rows;
}

/* A lock means the same names, now in the one stored form. */
static void
check_locks_kept (SsvDatabase *old_db,
                  SsvDatabase *new_db,
                  const char  *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, locked_fields FROM %s", table);
  g_autoptr(GHashTable) before = read_rows (old_db, sql);
  g_autoptr(GHashTable) after = read_rows (new_db, sql);
  GHashTableIter iter;
  OldRow *row;

  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    {
      OldRow *now = g_hash_table_lookup (after, &row->id);
      g_autoptr(GHashTable) old_set = ssv_locked_fields_parse (row->a);
      g_autoptr(GHashTable) new_set = ssv_locked_fields_parse (now->a);
      g_autofree char *old_form = ssv_locked_fields_format (old_set);
      g_autofree char *stored_form = ssv_locked_fields_format (new_set);

      g_test_message ("%s %" G_GINT64_FORMAT ": %s → %s", table, row->id, row->a, now->a);
      g_assert_cmpstr (stored_form, ==, old_form);
      g_assert_cmpstr (now->a, ==, stored_form);
    }
}

/* A row keyed on a library row id names the same title after, by a lasting key. */
static void
check_keys_kept (SsvDatabase *old_db,
                 SsvDatabase *new_db,
                 const char  *table,
                 const char  *where)
{
  gboolean movies = g_str_equal (table, "wishlist");
  g_autofree char *before_sql = g_strdup_printf (
    "SELECT id, source, source_id, source = 'library' AND EXISTS (SELECT 1 FROM %s t"
    " WHERE t.id = CAST (x.source_id AS INTEGER)) FROM %s x WHERE %s",
    movies ? "movies" : "shows", table, where);
  g_autofree char *after_sql = g_strdup_printf ("SELECT id, source, source_id FROM %s x WHERE %s", table, where);
  g_autoptr(GHashTable) before = read_rows (old_db, before_sql);
  g_autoptr(GHashTable) after = read_rows (new_db, after_sql);
  GHashTableIter iter;
  OldRow *row;

  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    {
      OldRow *now = g_hash_table_lookup (after, &row->id);
      g_autoptr(SsvStmt) names = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s %" G_GINT64_FORMAT ": %s:%s → %s:%s", table, row->id, row->a, row->b, now->a, now->b);
      if (!row->title)
        {
          g_assert_cmpstr (now->a, ==, row->a);
          g_assert_cmpstr (now->b, ==, row->b);
          continue;
        }

      g_assert_cmpstr (now->a, !=, "library");
      names = ssv_database_prepare (new_db, movies
        ? "SELECT count(*) FROM movies m WHERE m.id = ?1 AND " SSV_SQL_MOVIE_HAS_KEY ("m", "?2", "?3")
        : "SELECT count(*) FROM shows s WHERE s.id = ?1 AND " SSV_SQL_SHOW_HAS_KEY ("s", "?2", "?3"), &error);
      g_assert_no_error (error);
      sqlite3_bind_int64 (names, 1, g_ascii_strtoll (row->b, NULL, 10));
      ssv_stmt_bind_text (names, 2, now->a);
      ssv_stmt_bind_text (names, 3, now->b);
      g_assert_cmpint (ssv_stmt_step (names, NULL), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (names, 0), ==, 1);
    }
}

/* Checks each column a data migration of a step after @from declared. */
static void
check_data_migrations (SsvDatabase *old_db,
                       SsvDatabase *new_db,
                       GHashTable  *migrated,
                       GPtrArray   *tables)
{
  GHashTableIter iter;
  const char *name;

  g_hash_table_iter_init (&iter, migrated);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (name, ".", 2);
      gboolean existed = FALSE;

      for (guint i = 0; i < tables->len; i++)
        existed |= g_str_equal (g_ptr_array_index (tables, i), parts[0]);
      if (!existed)
        continue;

      if (g_str_equal (parts[1], "locked_fields"))
        check_locks_kept (old_db, new_db, parts[0]);
      else if (g_str_equal (name, "watchlist.source"))
        check_keys_kept (old_db, new_db, "watchlist", "kind = 'show'");
      else if (g_str_equal (name, "wishlist_shows.source"))
        check_keys_kept (old_db, new_db, "wishlist_shows", "1");
      else if (g_str_equal (name, "wishlist.source"))
        check_keys_kept (old_db, new_db, "wishlist", "kind = 'movie'");
      else if (g_str_equal (name, "downloads.imported_at"))
        /* downloads completed before the step count as imported; no other */
        g_assert_cmpint (ssv_test_query_int (new_db, "SELECT count(*) FROM downloads WHERE imported_at IS NOT"
                                                     " (CASE WHEN status = 'completed' THEN completed_at END)"), ==, 0);
      else if (g_str_has_suffix (name, ".source_id") || g_str_has_prefix (name, "servers."))
        ; /* with .source above; servers' columns are new in the same step */
      else
        g_error ("A step migrates %s: say in check_data_migrations() how its rows keep their meaning", name);
    }
}

/* Build the file as version @from would have, fill it, upgrade, and check that
 * every row of every table that existed survives with the same values; the
 * columns a later step's data migration changes keep what they mean. */
static void
check_upgrade_from (guint from)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_db_path (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) old_db = NULL;
  g_autoptr(SsvDatabase) new_db = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) migrated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *copy = NULL;
  const SsvMigration *steps;
  guint n_steps;

  steps = ssv_database_get_migrations (&n_steps);
  g_test_message ("upgrading from version %u to %u", from, n_steps);

  for (guint v = from; v < n_steps; v++)
    {
      g_autoptr(GPtrArray) names = ssv_migration_guard_dup_updatable (steps[v].sql);

      for (guint i = 0; i < names->len; i++)
        g_hash_table_add (migrated, g_strdup (g_ptr_array_index (names, i)));
    }

  old_db = ssv_database_open_with_steps (path, steps, from, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ssv_database_get_schema_version (old_db), ==, from);

  for (guint v = 1; v <= from; v++)
    {
      ssv_database_exec (old_db, fill_sql[v - 1], &error);
      g_assert_no_error (error);
    }

  tables = list_tables (old_db);
  for (guint i = 0; i < tables->len; i++)
    {
      char *cols = list_columns_except (old_db, g_ptr_array_index (tables, i), migrated);
      g_ptr_array_add (columns, cols);
      g_ptr_array_add (before, ssv_test_dump_table (old_db, g_ptr_array_index (tables, i), cols));
    }

  /* The old file as it was, to compare the migrated columns with. */
  copy = g_build_filename (dir, "before.db", NULL);
  {
    char *vacuum = sqlite3_mprintf ("VACUUM INTO %Q", copy);

    ssv_database_exec (old_db, vacuum, &error);
    sqlite3_free (vacuum);
    g_assert_no_error (error);
  }
  g_clear_object (&old_db);

  new_db = ssv_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ssv_database_get_schema_version (new_db), ==, n_steps);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *after = ssv_test_dump_table (new_db, g_ptr_array_index (tables, i),
                                                    g_ptr_array_index (columns, i));
      g_test_message ("table %s", (char *) g_ptr_array_index (tables, i));
      g_assert_cmpstr (after, ==, g_ptr_array_index (before, i));
    }

  old_db = ssv_database_open_with_steps (copy, steps, from, &error);
  g_assert_no_error (error);
  check_data_migrations (old_db, new_db, migrated, tables);
  g_clear_object (&old_db);

  g_assert_cmpint (ssv_test_query_int (new_db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  ssv_test_close_temp_database (&new_db, &dir);
}

static void
test_upgrade_from_every_version (void)
{
  guint latest = ssv_database_get_latest_version ();

  /* A new step needs rows in fill_sql above, so its upgrade is tested with data. */
  g_assert_cmpuint (G_N_ELEMENTS (fill_sql), >=, latest);

  for (guint from = 0; from < latest; from++)
    check_upgrade_from (from);
}

static SsvDatabase *
open_filled (char **dir_out)
{
  g_autoptr(GError) error = NULL;
  SsvDatabase *db = ssv_test_open_temp_database (dir_out, NULL);

  ssv_database_exec (db, fill_sql[0], &error);
  g_assert_no_error (error);

  return db;
}

static void
assert_refused (SsvDatabase *db,
                const char  *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ssv_database_exec (db, sql, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_DATABASE);
  g_test_message ("refused as expected: %s", error->message);
}

static void
test_check_constraints (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = open_filled (&dir);

  /* A file belongs to exactly one movie or one episode. */
  assert_refused (db, "INSERT INTO media_files (path) VALUES ('/orphan.mkv')");
  assert_refused (db, "INSERT INTO media_files (movie_id, episode_id, path) VALUES (1, 1, '/both.mkv')");
  /* A credit has exactly one owner. */
  assert_refused (db, "INSERT INTO credits (person_id, movie_id, show_id, role) VALUES (1, 1, 1, 'cast')");
  assert_refused (db, "INSERT INTO credits (person_id, role) VALUES (1, 'cast')");
  /* Foreign keys are enforced. */
  assert_refused (db, "INSERT INTO episodes (show_id, season_number, episode_number) VALUES (999, 1, 1)");
  /* Server identity is unique; episodes are unique per show, season and number. */
  assert_refused (db, "INSERT INTO movies (server_source, server_id, title) VALUES (1, 'm1', 'Again')");
  assert_refused (db, "INSERT INTO episodes (show_id, season_number, episode_number) VALUES (1, 1, 1)");
  assert_refused (db, "INSERT INTO servers (kind, name, url) VALUES ('ftp', 'x', 'ftp://x')");

  ssv_test_close_temp_database (&db, &dir);
}

static void
test_cascades (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = open_filled (&dir);
  g_autoptr(GError) error = NULL;

  /* Removing a show removes its seasons, episodes and their files. */
  ssv_database_exec (db, "DELETE FROM shows WHERE id = 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM seasons"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM episodes"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM media_files WHERE episode_id IS NOT NULL"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM show_genres"), ==, 0);
  /* …and leaves the movies alone. */
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM movies"), ==, 2);

  /* Removing a server removes what came from it, and only that. */
  ssv_database_exec (db, "DELETE FROM servers WHERE id = 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM movies"), ==, 1);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM media_files"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM credits"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM server_libraries"), ==, 0);
  /* People outlive their credits. */
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM people"), ==, 1);

  ssv_test_close_temp_database (&db, &dir);
}

/* Every table as text, to compare a whole file before and after. */
static char *
dump_all_tables (SsvDatabase *db)
{
  g_autoptr(GPtrArray) tables = list_tables (db);
  g_autoptr(GString) dump = g_string_new (NULL);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *columns = list_columns (db, g_ptr_array_index (tables, i));
      g_autofree char *rows = ssv_test_dump_table (db, g_ptr_array_index (tables, i), columns);

      g_string_append_printf (dump, "== %s (%s)\n%s\n", (char *) g_ptr_array_index (tables, i), columns, rows);
    }

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* A library at the latest version with the rows of every version, and the
 * steps that bring it one further with @extra_sql. */
static char *
make_filled_library (char    **dir_out,
                     GArray  **steps_out,
                     const char *extra_sql)
{
  g_autofree char *path = temp_db_path (dir_out);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  GArray *steps = g_array_new (FALSE, TRUE, sizeof (SsvMigration));
  const SsvMigration *real;
  SsvMigration extra = { 0 };
  guint n_real;

  real = ssv_database_get_migrations (&n_real);
  g_array_append_vals (steps, real, n_real);
  extra.version = n_real + 1;
  extra.name = "extra";
  extra.sql = extra_sql;
  g_array_append_val (steps, extra);

  db = ssv_database_open (path, &error);
  g_assert_no_error (error);
  for (guint v = 0; v < n_real && v < G_N_ELEMENTS (fill_sql); v++)
    {
      ssv_database_exec (db, fill_sql[v], &error);
      g_assert_no_error (error);
    }

  *steps_out = steps;
  return g_steal_pointer (&path);
}

static void
check_bad_step (const char *bad_sql,
                const char *expected_words)
{
  g_autofree char *dir = NULL;
  g_autoptr(GArray) steps = NULL;
  g_autofree char *path = make_filled_library (&dir, &steps, bad_sql);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_test_message ("step: %s", bad_sql);
  db = ssv_database_open (path, &error);
  g_assert_no_error (error);
  before = dump_all_tables (db);
  g_clear_object (&db);

  db = ssv_database_open_with_steps (path, (SsvMigration *) (gpointer) steps->data, steps->len, &error);
  g_assert_null (db);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_MIGRATION);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected_words));
  g_clear_error (&error);

  /* Still at the previous version with every row of every table, and nothing of the bad step. */
  db = ssv_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ssv_test_query_int (db, "PRAGMA user_version"), ==, steps->len - 1);
  after = dump_all_tables (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'"), ==, 0);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM sqlite_master"), ==,
                   ssv_test_query_int (db, "SELECT count(*) FROM sqlite_master WHERE name <> 'half_done'"));

  ssv_test_close_temp_database (&db, &dir);
}

static void
test_failing_step_keeps_data (void)
{
  /* The seed's bug: an index before its column. The table before it must roll back too. */
  check_bad_step ("CREATE TABLE half_done (a INTEGER);"
                  "CREATE INDEX movies_rating ON movies (not_yet_a_column);",
                  "The library is unchanged");
}

static void
test_destructive_step_refused (void)
{
  check_bad_step ("CREATE TABLE half_done (a INTEGER); DROP TABLE activity;", "unchanged");
  check_bad_step ("CREATE TABLE half_done (a INTEGER); DELETE FROM movies;", "unchanged");
}

/* Each kind of statement that takes something away, or could, is refused,
 * after a harmless statement that must roll back with it. */
static void
test_migration_guard_refuses (void)
{
  static const char * const refused[] = {
    /* Columns, tables and indexes are never dropped or renamed. */
    "ALTER TABLE movies DROP COLUMN tagline;",
    "ALTER TABLE activity RENAME TO old_activity;",
    "ALTER TABLE movies RENAME COLUMN overview TO plot;",
    "ALTER TABLE \"movies\" RENAME TO films;",
    "DROP INDEX movies_tmdb_id;",
    /* Rows are never changed unless the step declares the column. */
    "UPDATE movies SET overview = NULL;",
    "-- allow-update: shows.overview\nUPDATE movies SET overview = NULL;",
    "-- allow-update: movies.title\nUPDATE OR REPLACE movies SET title = 'Same' WHERE id = 2;",
    /* …nor replaced, which deletes the row that was there. */
    "INSERT OR REPLACE INTO movies (id, title) VALUES (1, 'Replaced');",
    "REPLACE INTO genres (id, name) VALUES (1, 'Western');",
    "INSERT INTO genres (id, name) VALUES (1, 'Drama') ON CONFLICT (id) DO UPDATE SET name = 'Western';",
    /* A trigger the step fires is held to the same rules. */
    ("CREATE TRIGGER wipe AFTER INSERT ON genres BEGIN DELETE FROM movies; END;"
     "INSERT INTO genres (name) VALUES ('Western');"),
    "WITH doomed AS (SELECT id FROM movies) DELETE FROM movies WHERE id IN doomed;",
    /* The runner owns the transaction and the connection's settings. */
    "PRAGMA foreign_keys = OFF;",
    "COMMIT;",
    "SAVEPOINT halfway;",
    "ATTACH DATABASE ':memory:' AS other;",
    "CREATE TEMP TABLE scratch (a);",
    "VACUUM;",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *sql = g_strconcat ("CREATE TABLE half_done (a INTEGER);\n", refused[i], NULL);

      check_bad_step (sql, "unchanged");
    }
}

/* What adds is allowed, and a data migration may change the columns it declares, only those. */
static void
test_migration_guard_allows_declared_update (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GArray) steps = NULL;
  g_autofree char *path = make_filled_library (&dir, &steps,
    "-- A data migration: the overview in capitals.\n"
    "-- allow-update: movies.overview\n"
    "CREATE TABLE moods (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
    "ALTER TABLE movies ADD COLUMN mood_id INTEGER REFERENCES moods (id);\n"
    "CREATE UNIQUE INDEX moods_name ON moods (name);\n"
    "INSERT INTO moods (name) VALUES ('tense');\n"
    "INSERT OR IGNORE INTO genres (id, name) VALUES (1, 'Never written');\n"
    "UPDATE movies SET overview = upper (overview) WHERE overview IS NOT NULL;\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  g_autofree char *titles_before = NULL;
  g_autofree char *titles_after = NULL;
  g_autofree char *genres_before = NULL;
  g_autofree char *genres_after = NULL;
  g_autofree char *overview = NULL;

  db = ssv_database_open (path, &error);
  g_assert_no_error (error);
  titles_before = ssv_test_dump_table (db, "movies", "id, title, year, tmdb_id, watched");
  genres_before = ssv_test_dump_table (db, "genres", "*");
  g_clear_object (&db);

  db = ssv_database_open_with_steps (path, (SsvMigration *) (gpointer) steps->data, steps->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ssv_database_get_schema_version (db), ==, steps->len);

  overview = ssv_test_query_text (db, "SELECT overview FROM movies WHERE id = 1");
  g_assert_cmpstr (overview, ==, "MISCHIEF. MAYHEM. SOAP.");
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM moods"), ==, 1);
  titles_after = ssv_test_dump_table (db, "movies", "id, title, year, tmdb_id, watched");
  g_assert_cmpstr (titles_after, ==, titles_before);
  genres_after = ssv_test_dump_table (db, "genres", "*");
  g_assert_cmpstr (genres_after, ==, genres_before);

  ssv_test_close_temp_database (&db, &dir);
}

static void
test_newer_schema (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_db_path (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len_before, len_after;

  db = ssv_database_open (path, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("PRAGMA user_version = %u", ssv_database_get_latest_version () + 5);
  ssv_database_exec (db, sql, &error);
  g_assert_no_error (error);
  ssv_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error);
  g_clear_object (&db);

  g_file_get_contents (path, &before, &len_before, NULL);
  db = ssv_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_file_get_contents (path, &after, &len_after, NULL);
  g_assert_cmpmem (before, len_before, after, len_after);

  ssv_test_remove_tree (dir);
}

static void
test_corrupt_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_db_path (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  g_autofree char *after = NULL;
  const char *garbage = "This is a shopping list, not a database.\nMilk\nEggs\n"
                        "0123456789012345678901234567890123456789012345678901234567890123456789";
  gsize len_after;

  g_file_set_contents (path, garbage, -1, &error);
  g_assert_no_error (error);

  db = ssv_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_DATABASE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "damaged or is not a SoulSync library"));

  /* The file is left exactly as it was. */
  g_file_get_contents (path, &after, &len_after, NULL);
  g_assert_cmpmem (garbage, strlen (garbage), after, len_after);

  ssv_test_remove_tree (dir);
}

typedef struct
{
  SsvDatabase *db;
  int          base;
  gpointer     handle;
  gboolean     ok;
} WriterData;

static gpointer
writer_thread (gpointer user_data)
{
  WriterData *data = user_data;
  g_autoptr(GError) error = NULL;

  data->handle = ssv_database_get_handle (data->db, &error);

  for (int batch = 0; batch < 20; batch++)
    {
      if (!ssv_database_begin (data->db, &error))
        return NULL;

      for (int i = 0; i < 50; i++)
        {
          g_autoptr(SsvStmt) stmt = ssv_database_prepare (data->db,
                                                          "INSERT INTO activity (kind, message) VALUES ('test', ?)",
                                                          &error);
          g_autofree char *message = g_strdup_printf ("row %d", data->base + batch * 50 + i);

          sqlite3_bind_text (stmt, 1, message, -1, SQLITE_TRANSIENT);
          if (!ssv_stmt_step_done (stmt, &error))
            return NULL;
        }

      if (!ssv_database_commit (data->db, &error))
        return NULL;
    }

  data->ok = TRUE;
  return NULL;
}

static void
test_thread_connections (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_db_path (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (path, &error);
  WriterData a = { db, 0, NULL, FALSE };
  WriterData b = { db, 100000, NULL, FALSE };
  GThread *ta, *tb;
  gpointer main_handle;

  g_assert_no_error (error);
  main_handle = ssv_database_get_handle (db, &error);

  /* Two writers at once: the busy timeout serialises them, nothing is lost. */
  ta = g_thread_new ("writer-a", writer_thread, &a);
  tb = g_thread_new ("writer-b", writer_thread, &b);
  g_thread_join (ta);
  g_thread_join (tb);

  g_assert_true (a.ok);
  g_assert_true (b.ok);
  g_assert_true (a.handle != b.handle);
  g_assert_true (a.handle != main_handle);
  g_assert_true (ssv_database_get_handle (db, NULL) == main_handle);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM activity WHERE kind = 'test'"), ==, 2000);

  ssv_test_close_temp_database (&db, &dir);
}

/* ---- two upgrades at once --------------------------------------------------------
 * A VFS that is the default one but notes which threads had to wait for a lock
 * (SQLite's busy handler sleeps through the VFS), so the test knows, without
 * guessing at times, that every opener has read the version and is queued. */

static sqlite3_vfs *real_vfs;
static sqlite3_vfs noting_vfs;
static GMutex waiters_lock;
static GCond waiters_cond;
static GHashTable *waiters;

static int
noting_sleep (sqlite3_vfs *vfs,
              int          microseconds)
{
  g_mutex_lock (&waiters_lock);
  if (waiters != NULL)
    g_hash_table_add (waiters, g_thread_self ());
  g_cond_broadcast (&waiters_cond);
  g_mutex_unlock (&waiters_lock);

  return real_vfs->xSleep (real_vfs, microseconds);
}

typedef struct
{
  const char         *path;
  const SsvMigration *steps;
  guint               n_steps;
  SsvDatabase        *db;
  GError             *error;
} Opener;

static gpointer
opener_thread (gpointer user_data)
{
  Opener *opener = user_data;

  opener->db = ssv_database_open_with_steps (opener->path, opener->steps, opener->n_steps, &opener->error);
  return NULL;
}

static void
test_concurrent_upgrade_applies_once (void)
{
  static const SsvMigration steps[] = {
    { 1, "counter", "CREATE TABLE counter (n INTEGER);" },
    /* Not idempotent: twice is an error (the table) and a second row. */
    { 2, "once", "CREATE TABLE applied (at INTEGER); INSERT INTO counter (n) VALUES (1);" },
  };
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_db_path (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  Opener openers[2] = { { path, steps, 2, NULL, NULL }, { path, steps, 2, NULL, NULL } };
  GThread *threads[2];
  sqlite3 *holder = NULL;

  db = ssv_database_open_with_steps (path, steps, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  real_vfs = sqlite3_vfs_find (NULL);
  noting_vfs = *real_vfs;
  noting_vfs.zName = "ssv-noting";
  noting_vfs.xSleep = noting_sleep;
  g_assert_cmpint (sqlite3_vfs_register (&noting_vfs, 1), ==, SQLITE_OK);
  waiters = g_hash_table_new (NULL, NULL);

  /* Another process holds the write lock while two openers start upgrading. */
  g_assert_cmpint (sqlite3_open_v2 (path, &holder, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (openers); i++)
    threads[i] = g_thread_new ("opener", opener_thread, &openers[i]);

  g_mutex_lock (&waiters_lock);
  while (g_hash_table_size (waiters) < G_N_ELEMENTS (openers))
    g_cond_wait (&waiters_cond, &waiters_lock);
  g_mutex_unlock (&waiters_lock);

  g_assert_cmpint (sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (holder);

  for (guint i = 0; i < G_N_ELEMENTS (openers); i++)
    {
      g_thread_join (threads[i]);
      g_assert_no_error (openers[i].error);
      g_assert_nonnull (openers[i].db);
      g_assert_cmpuint (ssv_database_get_schema_version (openers[i].db), ==, 2);
    }

  g_assert_cmpint (ssv_test_query_int (openers[0].db, "SELECT count(*) FROM counter"), ==, 1);
  g_assert_cmpint (ssv_test_query_int (openers[0].db, "PRAGMA user_version"), ==, 2);

  g_mutex_lock (&waiters_lock);
  g_clear_pointer (&waiters, g_hash_table_unref);
  g_mutex_unlock (&waiters_lock);
  sqlite3_vfs_register (real_vfs, 1);
  sqlite3_vfs_unregister (&noting_vfs);

  g_clear_object (&openers[1].db);
  ssv_test_close_temp_database (&openers[0].db, &dir);
}

static void
test_rollback_discards (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = open_filled (&dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_database_begin (db, &error));
  ssv_database_exec (db, "INSERT INTO genres (name) VALUES ('Western')", &error);
  g_assert_no_error (error);
  ssv_database_rollback (db);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM genres WHERE name = 'Western'"), ==, 0);

  ssv_test_close_temp_database (&db, &dir);
}

static void
test_default_path (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "soulsync-video", "library.db", NULL);
  g_autofree char *path = NULL;
  g_autofree char *overridden = NULL;

  g_unsetenv ("SSV_DATABASE_PATH");
  path = ssv_database_dup_default_path ();
  g_assert_cmpstr (path, ==, expected);

  g_setenv ("SSV_DATABASE_PATH", "/tmp/elsewhere/test.db", TRUE);
  overridden = ssv_database_dup_default_path ();
  g_assert_cmpstr (overridden, ==, "/tmp/elsewhere/test.db");
  g_unsetenv ("SSV_DATABASE_PATH");
}

static void
test_lookups_use_indexes (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SsvDatabase) db = open_filled (&dir);
  static const char * const queries[] = {
    "SELECT id FROM movies WHERE tmdb_id = 550",
    "SELECT id FROM movies WHERE server_source = 1 AND server_id = 'm1'",
    "SELECT id FROM shows WHERE tvdb_id = 121361",
    "SELECT id FROM episodes WHERE show_id = 1 AND season_number = 1 AND episode_number = 2",
    "SELECT id FROM episodes WHERE air_date BETWEEN '2011-04-01' AND '2011-05-01'",
    "SELECT id FROM media_files WHERE episode_id = 1",
    "SELECT person_id FROM credits WHERE movie_id = 1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *plan = NULL;
      gboolean indexed = ssv_database_explain_uses_index (db, queries[i], &plan, &error);

      g_assert_no_error (error);
      g_test_message ("%s\n%s", queries[i], plan);
      g_assert_true (indexed);
    }

  /* And the check can fail: a scan is reported. */
  g_assert_false (ssv_database_explain_uses_index (db, "SELECT id FROM movies WHERE overview LIKE '%x%'",
                                                   NULL, NULL));

  ssv_test_close_temp_database (&db, &dir);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/core/database/fresh-create", test_fresh_create);
  g_test_add_func ("/core/database/upgrade-from-every-version", test_upgrade_from_every_version);
  g_test_add_func ("/core/database/check-constraints", test_check_constraints);
  g_test_add_func ("/core/database/cascades", test_cascades);
  g_test_add_func ("/core/database/failing-step-keeps-data", test_failing_step_keeps_data);
  g_test_add_func ("/core/database/destructive-step-refused", test_destructive_step_refused);
  g_test_add_func ("/core/database/migration-guard-refuses", test_migration_guard_refuses);
  g_test_add_func ("/core/database/migration-guard-allows-declared-update",
                   test_migration_guard_allows_declared_update);
  g_test_add_func ("/core/database/concurrent-upgrade-applies-once", test_concurrent_upgrade_applies_once);
  g_test_add_func ("/core/database/newer-schema", test_newer_schema);
  g_test_add_func ("/core/database/corrupt-file", test_corrupt_file);
  g_test_add_func ("/core/database/thread-connections", test_thread_connections);
  g_test_add_func ("/core/database/rollback-discards", test_rollback_discards);
  g_test_add_func ("/core/database/default-path", test_default_path);
  g_test_add_func ("/core/database/lookups-use-indexes", test_lookups_use_indexes);

  return g_test_run ();
}
