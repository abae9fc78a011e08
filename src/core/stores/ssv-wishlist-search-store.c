/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-search-store.c: the automatic search's record per wanted item (attempts, the last
 * search and its result in plain words, the next search, a film's home release date) and the
 * wanted films and episodes joined with what the library owns of them and their active downloads. */

#include "config.h"

#include "stores/ssv-follow-rule-private.h"
#include "stores/ssv-wishlist-search-store.h"

#define ACTIVE_STATUSES "('queued', 'downloading', 'stalled', 'searching', 'importing')"

/* Columns shared by films and episodes, in the order read_row reads them. */
/* The profile: the film's own, or the show's for its episodes (step 16). */
#define SEARCH_COLUMNS(profile) \
  " s.home_release_date, s.release_checked_at, coalesce (s.attempts, 0), coalesce (s.fruitless, 0)," \
  " s.last_search_at, s.last_result, s.next_search_at, " profile "," \
  " EXISTS (SELECT 1 FROM downloads d WHERE d.wishlist_id = w.id AND d.status IN " ACTIVE_STATUSES ")"

static const char movies_sql[] =
  "SELECT w.id, 0, w.title, w.year, NULL, NULL,"
  "  CASE WHEN w.source = 'tmdb' THEN CAST (w.source_id AS INTEGER) ELSE m.tmdb_id END, NULL,"
  "  CASE WHEN w.source = 'imdb' THEN w.source_id ELSE m.imdb_id END, NULL, NULL, NULL, w.poster_url,"
  "  (SELECT f.path FROM media_files f WHERE f.movie_id = m.id ORDER BY f.video_height DESC, f.id LIMIT 1),"
  SEARCH_COLUMNS ("w.profile_id")
  " FROM wishlist w"
  " LEFT JOIN wishlist_search s ON s.wishlist_id = w.id"
  " LEFT JOIN movies m ON m.id = (SELECT m2.id FROM movies m2 WHERE "
  SSV_SQL_KEY_IS_MOVIE ("w.source", "w.source_id", "m2") " ORDER BY m2.id LIMIT 1)"
  " WHERE w.kind = 'movie' AND (?1 IS NULL OR w.title LIKE ?1) AND ?2 IS NULL"
  "   AND (?4 = 0 OR w.id = ?4) AND ?5 = 0";

static const char episodes_sql[] =
  "SELECT w.id, 1, ws.title, ws.year, w.season_number, w.episode_number,"
  "  CASE WHEN ws.source = 'tmdb' THEN CAST (ws.source_id AS INTEGER) ELSE sh.tmdb_id END,"
  "  CASE WHEN ws.source = 'tvdb' THEN CAST (ws.source_id AS INTEGER) ELSE coalesce (sh.tvdb_id, ws.tvdb_id) END,"
  "  sh.imdb_id, coalesce (e.air_date, w.air_date), coalesce (e.air_time, sh.air_time), sh.air_time_zone,"
  "  coalesce (w.season_poster_url, ws.poster_url),"
  "  (SELECT f.path FROM media_files f WHERE f.episode_id = e.id ORDER BY f.video_height DESC, f.id LIMIT 1),"
  SEARCH_COLUMNS ("ws.profile_id")
  " FROM wishlist w"
  " JOIN wishlist_shows ws ON ws.id = w.wishlist_show_id"
  " LEFT JOIN wishlist_search s ON s.wishlist_id = w.id"
  " LEFT JOIN shows sh ON sh.id = (SELECT s2.id FROM shows s2 WHERE "
  SSV_SQL_KEY_IS_SHOW ("ws.source", "ws.source_id", "s2") " ORDER BY s2.id LIMIT 1)"
  " LEFT JOIN episodes e ON e.show_id = sh.id AND e.season_number = w.season_number"
  "   AND e.episode_number = w.episode_number"
  " WHERE w.kind = 'episode' AND ?1 IS NULL AND (?2 IS NULL OR ws.title LIKE ?2)"
  "   AND (?3 < 0 OR w.season_number = ?3) AND (?4 = 0 OR w.id = ?4) AND (?5 = 0 OR ws.id = ?5)";

void
ssv_wish_search_row_free (SsvWishSearchRow *row)
{
  if (row == NULL)
    return;

  g_free (row->title);
  g_free (row->imdb_id);
  g_free (row->air_date);
  g_free (row->air_time);
  g_free (row->air_time_zone);
  g_free (row->poster_url);
  g_free (row->home_release_date);
  g_free (row->last_result);
  g_free (row->owned_path);
  g_free (row);
}

static gpointer
read_row (SsvStmt *stmt)
{
  SsvWishSearchRow *row = g_new0 (SsvWishSearchRow, 1);

  row->wishlist_id = sqlite3_column_int64 (stmt, 0);
  row->episode = sqlite3_column_int (stmt, 1) != 0;
  row->title = ssv_stmt_dup_text (stmt, 2);
  row->year = sqlite3_column_int (stmt, 3);
  row->season = sqlite3_column_int (stmt, 4);
  row->number = sqlite3_column_int (stmt, 5);
  row->tmdb_id = sqlite3_column_int64 (stmt, 6);
  row->tvdb_id = sqlite3_column_int64 (stmt, 7);
  row->imdb_id = ssv_stmt_dup_text (stmt, 8);
  row->air_date = ssv_stmt_dup_text (stmt, 9);
  row->air_time = ssv_stmt_dup_text (stmt, 10);
  row->air_time_zone = ssv_stmt_dup_text (stmt, 11);
  row->poster_url = ssv_stmt_dup_text (stmt, 12);
  row->owned_path = ssv_stmt_dup_text (stmt, 13);
  row->home_release_date = ssv_stmt_dup_text (stmt, 14);
  row->release_checked_at = sqlite3_column_int64 (stmt, 15);
  row->attempts = (guint) sqlite3_column_int (stmt, 16);
  row->fruitless = (guint) sqlite3_column_int (stmt, 17);
  row->last_search_at = sqlite3_column_int64 (stmt, 18);
  row->last_result = ssv_stmt_dup_text (stmt, 19);
  row->next_search_at = sqlite3_column_int64 (stmt, 20);
  row->profile_id = sqlite3_column_int64 (stmt, 21);
  row->downloading = sqlite3_column_int (stmt, 22) != 0;
  if (row->title == NULL)
    row->title = g_strdup ("");

  return row;
}

static gboolean
collect (SsvDatabase               *db,
         const char                *sql,
         const SsvWishSearchFilter *filter,
         GPtrArray                 *rows,
         GError                   **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  ssv_stmt_bind_text (stmt, 1, filter != NULL ? filter->movie : NULL);
  ssv_stmt_bind_text (stmt, 2, filter != NULL ? filter->show : NULL);
  sqlite3_bind_int (stmt, 3, filter != NULL && (filter->show != NULL || filter->wishlist_show_id > 0)
                             ? filter->season : -1);
  sqlite3_bind_int64 (stmt, 4, filter != NULL ? filter->wishlist_id : 0);
  sqlite3_bind_int64 (stmt, 5, filter != NULL ? filter->wishlist_show_id : 0);

  return ssv_stmt_collect_rows (stmt, read_row, rows, error);
}

/**
 * ssv_wishlist_search_store_list:
 * @filter: (nullable): which items; %NULL for every wanted film and episode
 *
 * Returns: (transfer full) (element-type SsvWishSearchRow): films first, then episodes
 */
GPtrArray *
ssv_wishlist_search_store_list (SsvDatabase               *db,
                                const SsvWishSearchFilter *filter,
                                GError                   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_wish_search_row_free);

  if (!collect (db, movies_sql, filter, rows, error) || !collect (db, episodes_sql, filter, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}

/* Returns: (transfer full) (nullable): the wanted item @wishlist_id, %NULL (no error) when gone */
SsvWishSearchRow *
ssv_wishlist_search_store_get (SsvDatabase  *db,
                               gint64        wishlist_id,
                               GError      **error)
{
  SsvWishSearchFilter filter = { wishlist_id, NULL, NULL, -1 };
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (wishlist_id > 0, NULL);

  rows = ssv_wishlist_search_store_list (db, &filter, error);
  if (rows == NULL || rows->len == 0)
    return NULL;

  return g_ptr_array_steal_index (rows, 0);
}

/* One search done: counted, its result in plain words, the next one planned. A search that
 * grabbed something resets the backoff. */
gboolean
ssv_wishlist_search_store_record (SsvDatabase  *db,
                                  gint64        wishlist_id,
                                  gint64        now,
                                  gboolean      grabbed,
                                  const char   *result,
                                  gint64        next_at,
                                  GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "INSERT INTO wishlist_search (wishlist_id, attempts, fruitless, last_search_at, last_result, next_search_at)"
    " SELECT ?1, 1, ?3, ?2, ?4, ?5 WHERE EXISTS (SELECT 1 FROM wishlist WHERE id = ?1)"
    " ON CONFLICT (wishlist_id) DO UPDATE SET attempts = attempts + 1,"
    "   fruitless = CASE WHEN ?3 = 0 THEN 0 ELSE fruitless + 1 END,"
    "   last_search_at = ?2, last_result = ?4, next_search_at = ?5", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, wishlist_id);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int (stmt, 3, grabbed ? 0 : 1);
  ssv_stmt_bind_text (stmt, 4, result);
  ssv_stmt_bind_int64_or_null (stmt, 5, next_at, next_at > 0);

  return ssv_stmt_step_done (stmt, error);
}

/* When each item is searched next (0: at the next drain), in one transaction. */
gboolean
ssv_wishlist_search_store_set_next (SsvDatabase   *db,
                                    const gint64  *ids,
                                    const gint64  *next_at,
                                    guint          n,
                                    GError       **error)
{
  if (n == 0)
    return TRUE;
  if (!ssv_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
        "INSERT INTO wishlist_search (wishlist_id, next_search_at)"
        " SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM wishlist WHERE id = ?1)"
        " ON CONFLICT (wishlist_id) DO UPDATE SET next_search_at = ?2", error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      ssv_stmt_bind_int64_or_null (stmt, 2, next_at[i], next_at[i] > 0);
      if (!ssv_stmt_step_done (stmt, error))
        goto fail;
    }

  return ssv_database_commit (db, error);

fail:
  ssv_database_rollback (db);
  return FALSE;
}

/* A film's home release date as TMDB gave it (NULL: TMDB has none yet), and when it was asked. */
gboolean
ssv_wishlist_search_store_set_home_release (SsvDatabase  *db,
                                            gint64        wishlist_id,
                                            const char   *date,
                                            gint64        now,
                                            GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "INSERT INTO wishlist_search (wishlist_id, home_release_date, release_checked_at)"
    " SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM wishlist WHERE id = ?1)"
    " ON CONFLICT (wishlist_id) DO UPDATE SET home_release_date = ?2, release_checked_at = ?3", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, wishlist_id);
  ssv_stmt_bind_text (stmt, 2, date);
  sqlite3_bind_int64 (stmt, 3, now);

  return ssv_stmt_step_done (stmt, error);
}

/* Whether a download of the item is active now: asked again just before a grab. */
gboolean
ssv_wishlist_search_store_is_downloading (SsvDatabase  *db,
                                          gint64        wishlist_id,
                                          gboolean     *downloading,
                                          GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT EXISTS (SELECT 1 FROM downloads WHERE wishlist_id = ?1 AND status IN " ACTIVE_STATUSES ")", error);

  if (stmt == NULL || ssv_stmt_step (stmt, error) != SQLITE_ROW)
    return FALSE;
  *downloading = sqlite3_column_int (stmt, 0) != 0;

  return TRUE;
}
