/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-followed-release-store.c: followed people (how far back their movies count) and their
 * movies that wait for a home release before they join the wishlist. */

#include "config.h"

#include "stores/ssv-followed-release-store.h"

void
ssv_followed_person_free (SsvFollowedPerson *person)
{
  if (person == NULL)
    return;

  g_free (person->name);
  g_free (person);
}

void
ssv_followed_release_free (SsvFollowedRelease *release)
{
  if (release == NULL)
    return;

  g_free (release->title);
  g_free (release->overview);
  g_free (release->poster_url);
  g_free (release->backdrop_url);
  g_free (release->release_date);
  g_free (release->home_release_date);
  g_free (release->state);
  g_free (release);
}

/* A followed person's choice: their movies of the last @lookback_years, or (0) only upcoming ones. */
gboolean
ssv_followed_release_store_set_lookback (SsvDatabase  *db,
                                         gint64        person_tmdb_id,
                                         int           lookback_years,
                                         GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "UPDATE watchlist SET lookback_years = ?2, synced_at = NULL "
    "WHERE kind = 'person' AND source = 'tmdb' AND source_id = CAST (?1 AS TEXT)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_tmdb_id);
  sqlite3_bind_int (stmt, 2, MAX (lookback_years, 0));

  return ssv_stmt_step_done (stmt, error);
}

static gpointer
read_person (SsvStmt *stmt)
{
  SsvFollowedPerson *person = g_new0 (SsvFollowedPerson, 1);

  person->tmdb_id = sqlite3_column_int64 (stmt, 0);
  person->name = ssv_stmt_dup_text (stmt, 1);
  person->lookback_years = sqlite3_column_int (stmt, 2);
  person->synced_at = sqlite3_column_int64 (stmt, 3);

  return person;
}

/* Returns: (transfer full) (element-type SsvFollowedPerson): the people followed by their TMDB id */
GPtrArray *
ssv_followed_release_store_list_people (SsvDatabase  *db,
                                        GError      **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_followed_person_free);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT CAST (source_id AS INTEGER), title, coalesce (lookback_years, 0), coalesce (synced_at, 0) "
    "FROM watchlist WHERE kind = 'person' AND source = 'tmdb' AND muted = 0 "
    "AND CAST (source_id AS INTEGER) > 0 ORDER BY added_at, id", error);

  if (stmt == NULL || !ssv_stmt_collect_rows (stmt, read_person, people, error))
    return NULL;

  return g_steal_pointer (&people);
}

static gboolean
insert_release (SsvDatabase               *db,
                gint64                     person_tmdb_id,
                const SsvFollowedRelease  *release,
                GError                   **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "INSERT OR IGNORE INTO followed_releases (person_tmdb_id, movie_tmdb_id, title, year, overview, "
    "poster_url, backdrop_url, release_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_tmdb_id);
  sqlite3_bind_int64 (stmt, 2, release->movie_tmdb_id);
  sqlite3_bind_text (stmt, 3, release->title, -1, SQLITE_TRANSIENT);
  ssv_stmt_bind_int64_or_null (stmt, 4, release->year, release->year > 0);
  ssv_stmt_bind_text (stmt, 5, release->overview);
  ssv_stmt_bind_text (stmt, 6, release->poster_url);
  ssv_stmt_bind_text (stmt, 7, release->backdrop_url);
  ssv_stmt_bind_text (stmt, 8, release->release_date);

  return ssv_stmt_step_done (stmt, error);
}

/**
 * ssv_followed_release_store_add:
 * @releases: (element-type SsvFollowedRelease): the person's movies that count
 * @added: (out) (optional): how many were new
 *
 * Adds the movies not known yet as monitored, and notes that the person's
 * credits were read at @now. One transaction.
 */
gboolean
ssv_followed_release_store_add (SsvDatabase  *db,
                                gint64        person_tmdb_id,
                                GPtrArray    *releases,
                                gint64        now,
                                guint        *added,
                                GError      **error)
{
  g_autoptr(SsvStmt) synced = NULL;
  guint count = 0;

  if (!ssv_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < releases->len; i++)
    {
      if (!insert_release (db, person_tmdb_id, g_ptr_array_index (releases, i), error))
        goto failed;
      count += ssv_database_changes (db) > 0;
    }

  synced = ssv_database_prepare (db, "UPDATE watchlist SET synced_at = ?2 WHERE kind = 'person' "
                                     "AND source = 'tmdb' AND source_id = CAST (?1 AS TEXT)", error);
  if (synced == NULL)
    goto failed;
  sqlite3_bind_int64 (synced, 1, person_tmdb_id);
  sqlite3_bind_int64 (synced, 2, now);
  if (!ssv_stmt_step_done (synced, error))
    goto failed;
  g_clear_pointer (&synced, ssv_stmt_release);

  if (!ssv_database_commit (db, error))
    return FALSE;

  if (added != NULL)
    *added = count;
  return TRUE;

failed:
  ssv_database_rollback (db);
  return FALSE;
}

static gpointer
read_release (SsvStmt *stmt)
{
  SsvFollowedRelease *release = g_new0 (SsvFollowedRelease, 1);

  release->id = sqlite3_column_int64 (stmt, 0);
  release->person_tmdb_id = sqlite3_column_int64 (stmt, 1);
  release->movie_tmdb_id = sqlite3_column_int64 (stmt, 2);
  release->title = ssv_stmt_dup_text (stmt, 3);
  release->year = sqlite3_column_int (stmt, 4);
  release->overview = ssv_stmt_dup_text (stmt, 5);
  release->poster_url = ssv_stmt_dup_text (stmt, 6);
  release->backdrop_url = ssv_stmt_dup_text (stmt, 7);
  release->release_date = ssv_stmt_dup_text (stmt, 8);
  release->home_release_date = ssv_stmt_dup_text (stmt, 9);
  release->state = ssv_stmt_dup_text (stmt, 10);

  return release;
}

/**
 * ssv_followed_release_store_list:
 * @person_tmdb_id: one person's, or 0 for those of everyone still followed
 * @monitored_only: only the ones that wait
 *
 * Returns: (transfer full) (element-type SsvFollowedRelease): by release date
 */
GPtrArray *
ssv_followed_release_store_list (SsvDatabase  *db,
                                 gint64        person_tmdb_id,
                                 gboolean      monitored_only,
                                 GError      **error)
{
  g_autoptr(GPtrArray) releases = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_followed_release_free);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT r.id, r.person_tmdb_id, r.movie_tmdb_id, r.title, coalesce (r.year, 0), r.overview, r.poster_url, "
    "r.backdrop_url, r.release_date, r.home_release_date, r.state FROM followed_releases r "
    "WHERE (?1 = 0 OR r.person_tmdb_id = ?1) AND (?2 = 0 OR r.state = 'monitored') "
    "AND EXISTS (SELECT 1 FROM watchlist w WHERE w.kind = 'person' AND w.source = 'tmdb' AND w.muted = 0 "
    "            AND w.source_id = CAST (r.person_tmdb_id AS TEXT)) "
    "ORDER BY r.release_date IS NULL, r.release_date, r.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_tmdb_id);
  sqlite3_bind_int (stmt, 2, monitored_only);
  if (!ssv_stmt_collect_rows (stmt, read_release, releases, error))
    return NULL;

  return g_steal_pointer (&releases);
}

gboolean
ssv_followed_release_store_set_dates (SsvDatabase  *db,
                                      gint64        id,
                                      const char   *release_date,
                                      const char   *home_release_date,
                                      GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "UPDATE followed_releases SET release_date = coalesce (?2, release_date), home_release_date = ?3 "
    "WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  ssv_stmt_bind_text (stmt, 2, release_date);
  ssv_stmt_bind_text (stmt, 3, home_release_date);

  return ssv_stmt_step_done (stmt, error);
}

/**
 * ssv_followed_release_store_want:
 *
 * The movie's home release came: it joins the wishlist and stops waiting, in
 * one transaction. Every row of the same movie stops waiting with it.
 */
gboolean
ssv_followed_release_store_want (SsvDatabase               *db,
                                 SsvWishlistStore          *wishlist,
                                 const SsvFollowedRelease  *release,
                                 gint64                     now,
                                 GError                   **error)
{
  g_autofree char *source_id = g_strdup_printf ("%" G_GINT64_FORMAT, release->movie_tmdb_id);
  SsvWishlistTitle title = {
    "tmdb", source_id, release->title, release->year, release->overview, release->poster_url,
    release->backdrop_url,
  };
  g_autoptr(SsvStmt) stmt = NULL;

  if (!ssv_database_begin (db, error))
    return FALSE;

  stmt = ssv_database_prepare (db, "UPDATE followed_releases SET state = 'wanted', wanted_at = ?2 "
                                   "WHERE movie_tmdb_id = ?1 AND state = 'monitored'", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, release->movie_tmdb_id);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!ssv_stmt_step_done (stmt, error))
    goto failed;
  g_clear_pointer (&stmt, ssv_stmt_release);

  if (!ssv_wishlist_store_add_title (wishlist, SSV_WISHLIST_KIND_MOVIE, &title, error) ||
      !ssv_database_commit (db, error))
    goto failed;

  return TRUE;

failed:
  ssv_database_rollback (db);
  return FALSE;
}
