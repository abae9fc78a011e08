/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-store.c: what a person wants, written. Units are movies, episodes (and,
 * for the channels feature, videos). Adding a show or a season adds the
 * episodes that aired and subscribes to the rest, which join as they air.
 * Re-adding is an upsert that only fills in missing text and art. What the
 * pages read is in ssv-wishlist-queries.c. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "stores/ssv-follow-rule-private.h"
#include "ssv-utils.h"
#include "model/ssv-wishlist-item-private.h"
#include "stores/ssv-wishlist-store-private.h"

struct _SsvWishlistStore
{
  SsvStore parent_instance;
};

G_DEFINE_FINAL_TYPE (SsvWishlistStore, ssv_wishlist_store, SSV_TYPE_STORE)

static const char * const kind_names[] = { "movie", "episode", "video" };

/* "movie", "episode" or "video": the kind column's words. */
const char *
ssv_wishlist_kind_to_string (SsvWishlistKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

static void
ssv_wishlist_store_class_init (SsvWishlistStoreClass *klass)
{
}

static void
ssv_wishlist_store_init (SsvWishlistStore *self)
{
}

SsvWishlistStore *
ssv_wishlist_store_new (SsvDatabase *database)
{
  return g_object_new (SSV_TYPE_WISHLIST_STORE, "database", database, NULL);
}

/* Binds @id to ?1 and steps to its row; %FALSE, with NOT_FOUND when there
 * is no such row. */
static gboolean
step_to_row (SsvStmt  *stmt,
             gint64    id,
             GError  **error)
{
  sqlite3_bind_int64 (stmt, 1, id);

  return ssv_stmt_step_row (stmt, _("This title is no longer in the library. Reload the page and try again."),
                            error);
}

char *
ssv_wishlist_format_day (GDateTime *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  return g_date_time_format (local, "%Y-%m-%d");
}

/* ---- groups --------------------------------------------------------------- */

static gint64
find_group (SsvDatabase  *db,
            gint64        show_id,
            GError      **error)
{
  return ssv_database_find_id (db,
                               "SELECT ws.id FROM shows s, wishlist_shows ws"
                               " WHERE s.id = ?1 AND " SSV_SQL_KEY_IS_SHOW ("ws.source", "ws.source_id", "s")
                               " ORDER BY ws.id LIMIT 1", show_id, error);
}

/* The group of a library show, made when missing; its text and art filled in. */
static gint64
ensure_group (SsvDatabase  *db,
              gint64        show_id,
              GError      **error)
{
  g_autoptr(SsvStmt) show = NULL;
  g_autoptr(SsvStmt) stmt = NULL;
  g_autofree char *source = NULL;
  g_autofree char *source_id = NULL;
  g_autofree char *sort_title = NULL;
  gint64 group_id = find_group (db, show_id, error);

  if (group_id < 0)
    return -1;

  show = ssv_database_prepare (db,
                               "SELECT title, year, overview, poster_url, backdrop_url FROM shows WHERE id = ?1",
                               error);
  if (show == NULL)
    return -1;
  sqlite3_bind_int64 (show, 1, show_id);
  if (ssv_stmt_step (show, error) != SQLITE_ROW)
    return -1;

  if (group_id > 0)
    {
      stmt = ssv_database_prepare (db,
                                   "UPDATE wishlist_shows SET"
                                   "  year = coalesce (year, ?2), overview = coalesce (overview, ?3),"
                                   "  poster_url = coalesce (poster_url, ?4),"
                                   "  backdrop_url = coalesce (backdrop_url, ?5)"
                                   " WHERE id = ?1", error);
      if (stmt == NULL)
        return -1;
      sqlite3_bind_int64 (stmt, 1, group_id);
    }
  else
    {
      if (!ssv_show_dup_key (db, show_id, &source, &source_id, error))
        return -1;
      sort_title = ssv_sort_title (ssv_stmt_column_text (show, 0));
      stmt = ssv_database_prepare (db,
                                   "INSERT INTO wishlist_shows"
                                   " (year, overview, poster_url, backdrop_url, source, source_id, title,"
                                   "  sort_title, wanted)"
                                   " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0)", error);
      if (stmt == NULL)
        return -1;
      ssv_stmt_bind_text (stmt, 6, source);
      ssv_stmt_bind_text (stmt, 7, source_id);
      ssv_stmt_bind_text (stmt, 8, ssv_stmt_column_text (show, 0));
      ssv_stmt_bind_text (stmt, 9, sort_title);
    }

  ssv_stmt_bind_int64_or_null (stmt, 2, sqlite3_column_int64 (show, 1),
                               sqlite3_column_type (show, 1) != SQLITE_NULL);
  ssv_stmt_bind_text (stmt, 3, ssv_stmt_column_text (show, 2));
  ssv_stmt_bind_text (stmt, 4, ssv_stmt_column_text (show, 3));
  ssv_stmt_bind_text (stmt, 5, ssv_stmt_column_text (show, 4));
  if (!ssv_stmt_step_done (stmt, error))
    return -1;

  return group_id > 0 ? group_id : ssv_database_last_insert_rowid (db);
}

/* Keeps the group's count in step; @touched moves it up in "newest first". A
 * group with nothing wanted and nothing to wait for goes. */
gboolean
ssv_wishlist_recount_group (SsvDatabase  *db,
                            gint64        group_id,
                            gboolean      touched,
                            GError      **error)
{
  g_autoptr(SsvStmt) update = ssv_database_prepare (db,
    "UPDATE wishlist_shows SET"
    "  wanted = (SELECT count(*) FROM wishlist WHERE wishlist_show_id = ?1 AND kind = 'episode'),"
    "  updated_at = CASE WHEN ?2 THEN unixepoch () ELSE updated_at END"
    " WHERE id = ?1", error);

  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, group_id);
  sqlite3_bind_int (update, 2, touched);
  if (!ssv_stmt_step_done (update, error))
    return FALSE;

  return ssv_database_exec_with_id (db,
                                    "DELETE FROM wishlist_shows WHERE id = ?1 AND wanted = 0"
                                    " AND NOT EXISTS (SELECT 1 FROM wishlist_subscriptions WHERE wishlist_show_id = ?1)",
                                    group_id, error);
}

gint64
ssv_wishlist_count_wanted (SsvDatabase *db,
                           gint64       group_id)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT count(*) FROM wishlist WHERE wishlist_show_id = ?1 AND kind = 'episode'", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, group_id);
  return ssv_stmt_step (stmt, NULL) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Episodes of a library show into its group: one season (or every regular
 * season when @season_number < 0), aired after @after (exclusive, may be NULL)
 * and up to @through. Existing rows only get missing text and art. */
static gboolean
insert_episodes (SsvDatabase  *db,
                 gint64        group_id,
                 gint64        show_id,
                 int           season_number,
                 gint64        episode_id,
                 const char   *after,
                 const char   *through,
                 GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "INSERT INTO wishlist (kind, wishlist_show_id, season_number, episode_number, title, sort_title,"
    "                      overview, still_url, season_poster_url, air_date)"
    " SELECT 'episode', ?1, e.season_number, e.episode_number, e.title, NULL, e.overview, e.still_url,"
    "        se.poster_url, e.air_date"
    "   FROM episodes e"
    "   LEFT JOIN seasons se ON se.show_id = e.show_id AND se.season_number = e.season_number"
    "  WHERE e.show_id = ?2"
    "    AND (?6 IS NOT NULL AND e.id = ?6"
    "         OR ?6 IS NULL AND (e.season_number = ?3 OR ?3 < 0 AND e.season_number > 0)"
    "            AND e.air_date IS NOT NULL AND e.air_date <= ?5 AND (?4 IS NULL OR e.air_date > ?4))"
    " ON CONFLICT (wishlist_show_id, season_number, episode_number) WHERE kind = 'episode' DO UPDATE SET"
    "   title = coalesce (title, excluded.title),"
    "   overview = coalesce (overview, excluded.overview),"
    "   still_url = coalesce (still_url, excluded.still_url),"
    "   season_poster_url = coalesce (season_poster_url, excluded.season_poster_url),"
    "   air_date = coalesce (air_date, excluded.air_date)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, show_id);
  sqlite3_bind_int (stmt, 3, season_number);
  ssv_stmt_bind_text (stmt, 4, after);
  ssv_stmt_bind_text (stmt, 5, through);
  ssv_stmt_bind_int64_or_null (stmt, 6, episode_id, episode_id > 0);

  return ssv_stmt_step_done (stmt, error);
}

/* Runs @sql on the subscription of @group_id and @season_number (<0: the whole show). */
static gboolean
exec_with_subscription (SsvDatabase  *db,
                        const char   *sql,
                        gint64        group_id,
                        int           season_number,
                        const char   *through,
                        GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  ssv_stmt_bind_int64_or_null (stmt, 2, season_number, season_number >= 0);
  ssv_stmt_bind_text (stmt, 3, through);
  return ssv_stmt_step_done (stmt, error);
}

gboolean
ssv_wishlist_subscribe (SsvDatabase  *db,
                        gint64        group_id,
                        int           season_number,
                        const char   *through,
                        GError      **error)
{
  return exec_with_subscription (db,
                                 "INSERT INTO wishlist_subscriptions (wishlist_show_id, season_number, joined_through)"
                                 " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                                 group_id, season_number, through, error) &&
         exec_with_subscription (db,
                                 "UPDATE wishlist_subscriptions SET joined_through = max (joined_through, ?3)"
                                 " WHERE wishlist_show_id = ?1 AND season_number IS ?2",
                                 group_id, season_number, through, error);
}

static gboolean
episode_position (SsvDatabase  *db,
                  gint64        episode_id,
                  gint64       *show_id,
                  int          *season_number,
                  int          *episode_number,
                  GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT show_id, season_number, episode_number FROM episodes WHERE id = ?1", error);

  if (stmt == NULL || !step_to_row (stmt, episode_id, error))
    return FALSE;

  *show_id = sqlite3_column_int64 (stmt, 0);
  *season_number = sqlite3_column_int (stmt, 1);
  *episode_number = sqlite3_column_int (stmt, 2);
  return TRUE;
}

static gboolean
show_exists (SsvDatabase  *db,
             gint64        show_id,
             GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, "SELECT 1 FROM shows WHERE id = ?1", error);

  return stmt != NULL && step_to_row (stmt, show_id, error);
}

/* The group a show, season or episode target falls in: 0 when none, -1 on
 * error. For an episode, also sets its @season_number and @episode_number. */
gint64
ssv_wishlist_find_target_group (SsvDatabase    *db,
                                SsvWishTarget   target,
                                gint64          library_id,
                                int            *season_number,
                                int            *episode_number,
                                GError        **error)
{
  gint64 show_id = library_id;

  if (target == SSV_WISH_TARGET_EPISODE &&
      !episode_position (db, library_id, &show_id, season_number, episode_number, error))
    return -1;

  return find_group (db, show_id, error);
}

/* ---- movies --------------------------------------------------------------- */

gint64
ssv_wishlist_find_movie_row (SsvDatabase  *db,
                             gint64        movie_id,
                             GError      **error)
{
  return ssv_database_find_id (db,
                               "SELECT w.id FROM movies m, wishlist w"
                               " WHERE m.id = ?1 AND w.kind = 'movie' AND "
                               SSV_SQL_KEY_IS_MOVIE ("w.source", "w.source_id", "m")
                               " ORDER BY w.id LIMIT 1", movie_id, error);
}

static gboolean
upsert_title (SsvDatabase             *db,
              SsvWishlistKind          kind,
              const SsvWishlistTitle  *title,
              GError                 **error)
{
  g_autofree char *sort_title = ssv_sort_title (title->title);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "INSERT INTO wishlist (kind, source, source_id, title, sort_title, year, overview, poster_url, backdrop_url)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    " ON CONFLICT (kind, source, source_id) WHERE kind <> 'episode' DO UPDATE SET"
    "   title = coalesce (title, excluded.title),"
    "   sort_title = coalesce (sort_title, excluded.sort_title),"
    "   year = coalesce (year, excluded.year),"
    "   overview = coalesce (overview, excluded.overview),"
    "   poster_url = coalesce (poster_url, excluded.poster_url),"
    "   backdrop_url = coalesce (backdrop_url, excluded.backdrop_url)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, kind_names[kind], -1, SQLITE_STATIC);
  ssv_stmt_bind_text (stmt, 2, title->source);
  ssv_stmt_bind_text (stmt, 3, title->source_id);
  ssv_stmt_bind_text (stmt, 4, title->title);
  ssv_stmt_bind_text (stmt, 5, sort_title);
  ssv_stmt_bind_int64_or_null (stmt, 6, title->year, title->year > 0);
  ssv_stmt_bind_text (stmt, 7, title->overview);
  ssv_stmt_bind_text (stmt, 8, title->poster_url);
  ssv_stmt_bind_text (stmt, 9, title->backdrop_url);

  return ssv_stmt_step_done (stmt, error);
}

static gboolean
add_library_movie (SsvDatabase  *db,
                   gint64        movie_id,
                   GError      **error)
{
  g_autoptr(SsvStmt) movie = ssv_database_prepare (db,
    "SELECT title, year, overview, poster_url, backdrop_url FROM movies WHERE id = ?1", error);
  g_autofree char *source = NULL;
  g_autofree char *source_id = NULL;
  SsvWishlistTitle title = { 0 };
  gint64 row_id;

  if (movie == NULL || !step_to_row (movie, movie_id, error))
    return FALSE;

  title.title = ssv_stmt_column_text (movie, 0);
  title.year = sqlite3_column_int (movie, 1);
  title.overview = ssv_stmt_column_text (movie, 2);
  title.poster_url = ssv_stmt_column_text (movie, 3);
  title.backdrop_url = ssv_stmt_column_text (movie, 4);

  /* Already wanted under another of its ids: fill that row in. */
  row_id = ssv_wishlist_find_movie_row (db, movie_id, error);
  if (row_id < 0)
    return FALSE;
  if (row_id > 0)
    {
      g_autoptr(SsvStmt) fill = ssv_database_prepare (db,
        "UPDATE wishlist SET year = coalesce (year, ?2), overview = coalesce (overview, ?3),"
        " poster_url = coalesce (poster_url, ?4), backdrop_url = coalesce (backdrop_url, ?5)"
        " WHERE id = ?1", error);

      if (fill == NULL)
        return FALSE;
      sqlite3_bind_int64 (fill, 1, row_id);
      ssv_stmt_bind_int64_or_null (fill, 2, title.year, title.year > 0);
      ssv_stmt_bind_text (fill, 3, title.overview);
      ssv_stmt_bind_text (fill, 4, title.poster_url);
      ssv_stmt_bind_text (fill, 5, title.backdrop_url);
      return ssv_stmt_step_done (fill, error);
    }

  if (!ssv_movie_dup_key (db, movie_id, &source, &source_id, error))
    return FALSE;
  title.source = source;
  title.source_id = source_id;

  return upsert_title (db, SSV_WISHLIST_KIND_MOVIE, &title, error);
}

/* ---- add and remove ------------------------------------------------------- */

static gboolean
add_in_transaction (SsvDatabase    *db,
                    SsvWishTarget   target,
                    gint64          library_id,
                    int             season_number,
                    GDateTime      *now,
                    gint64         *group_out,
                    GError        **error)
{
  g_autofree char *today = ssv_wishlist_format_day (now);
  gint64 show_id = library_id;
  gint64 episode_id = 0;
  int episode_number = 0;
  gint64 group_id;

  switch (target)
    {
    case SSV_WISH_TARGET_MOVIE:
      return add_library_movie (db, library_id, error);

    case SSV_WISH_TARGET_EPISODE:
      episode_id = library_id;
      if (!episode_position (db, episode_id, &show_id, &season_number, &episode_number, error))
        return FALSE;
      break;

    case SSV_WISH_TARGET_SHOW:
      season_number = -1;
      G_GNUC_FALLTHROUGH;
    case SSV_WISH_TARGET_SEASON:
      if (!show_exists (db, show_id, error))
        return FALSE;
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  group_id = ensure_group (db, show_id, error);
  if (group_id < 0)
    return FALSE;
  *group_out = group_id;

  if (!insert_episodes (db, group_id, show_id, season_number, episode_id, NULL, today, error))
    return FALSE;

  /* A show or season keeps its place for the episodes still to come. */
  if (target != SSV_WISH_TARGET_EPISODE && !ssv_wishlist_subscribe (db, group_id, season_number, today, error))
    return FALSE;

  return ssv_wishlist_recount_group (db, group_id, TRUE, error);
}

/**
 * ssv_wishlist_store_add:
 * @target: what @library_id is: a movie, a show, a season (of show
 *   @library_id, number @season_number) or an episode
 * @now: today, in the person's zone: episodes that aired by then are added
 * @n_added: (out) (optional): how many units are wanted now that were not
 *
 * One transaction. Adding again only fills in missing text and art.
 */
gboolean
ssv_wishlist_store_add (SsvWishlistStore  *self,
                        SsvWishTarget      target,
                        gint64             library_id,
                        int                season_number,
                        GDateTime         *now,
                        guint             *n_added,
                        GError           **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  gint64 group_id = 0;
  gint64 before, after;

  g_return_val_if_fail (SSV_IS_WISHLIST_STORE (self), FALSE);

  if (!ssv_database_begin (db, error))
    return FALSE;

  if (target != SSV_WISH_TARGET_MOVIE)
    {
      int s = 0, e = 0;

      group_id = ssv_wishlist_find_target_group (db, target, library_id, &s, &e, error);
      if (group_id < 0)
        goto failed;
      before = group_id > 0 ? ssv_wishlist_count_wanted (db, group_id) : 0;
    }
  else
    {
      before = ssv_wishlist_find_movie_row (db, library_id, error);
      if (before < 0)
        goto failed;
      before = before > 0;
    }

  if (!add_in_transaction (db, target, library_id, season_number, now, &group_id, error))
    goto failed;

  after = target == SSV_WISH_TARGET_MOVIE ? 1 : ssv_wishlist_count_wanted (db, group_id);

  if (!ssv_database_commit (db, error))
    goto failed;

  if (n_added != NULL)
    *n_added = (guint) MAX (after - before, 0);

  ssv_store_emit_changed (SSV_STORE (self), target == SSV_WISH_TARGET_MOVIE ? "movie" : "show");
  return TRUE;

failed:
  ssv_database_rollback (db);
  return FALSE;
}

/**
 * ssv_wishlist_store_add_episodes:
 * @ids: library episode ids
 *
 * Wants several episodes at once (a notification's "Add to Wishlist"): one
 * transaction, so they all arrive together or not at all.
 */
gboolean
ssv_wishlist_store_add_episodes (SsvWishlistStore  *self,
                                 const gint64      *ids,
                                 gsize              n_ids,
                                 GDateTime         *now,
                                 GError           **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));

  g_return_val_if_fail (SSV_IS_WISHLIST_STORE (self), FALSE);

  if (!ssv_database_begin (db, error))
    return FALSE;

  for (gsize i = 0; i < n_ids; i++)
    {
      gint64 group_id = 0;

      if (!add_in_transaction (db, SSV_WISH_TARGET_EPISODE, ids[i], 0, now, &group_id, error))
        {
          ssv_database_rollback (db);
          return FALSE;
        }
    }

  if (!ssv_database_commit (db, error))
    return FALSE;

  ssv_store_emit_changed (SSV_STORE (self), "show");
  return TRUE;
}

/**
 * ssv_wishlist_store_add_title:
 * @kind: %SSV_WISHLIST_KIND_MOVIE or %SSV_WISHLIST_KIND_VIDEO
 *
 * Wants a title that may not be in the library, by its key.
 */
gboolean
ssv_wishlist_store_add_title (SsvWishlistStore        *self,
                              SsvWishlistKind          kind,
                              const SsvWishlistTitle  *title,
                              GError                 **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));

  g_return_val_if_fail (kind == SSV_WISHLIST_KIND_MOVIE || kind == SSV_WISHLIST_KIND_VIDEO, FALSE);

  /* A library row id is no key to keep: a prune hands it to another title. */
  if (title->source == NULL || title->source[0] == '\0' || g_str_equal (title->source, "library") ||
      title->source_id == NULL || title->source_id[0] == '\0')
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("This title has no id to add it by."));
      return FALSE;
    }

  if (!upsert_title (db, kind, title, error))
    return FALSE;

  ssv_store_emit_changed (SSV_STORE (self), kind == SSV_WISHLIST_KIND_MOVIE ? "movie" : "video");
  return TRUE;
}

static gboolean
exec_with_ids (SsvDatabase  *db,
               const char   *sql,
               gint64        a,
               gint64        b,
               GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return ssv_stmt_step_done (stmt, error);
}

gboolean
ssv_wishlist_remove_season (SsvDatabase  *db,
                            gint64        group_id,
                            int           season_number,
                            GError      **error)
{
  return exec_with_ids (db, "DELETE FROM wishlist WHERE wishlist_show_id = ?1 AND kind = 'episode'"
                            " AND season_number = ?2", group_id, season_number, error) &&
         exec_with_ids (db, "DELETE FROM wishlist_subscriptions WHERE wishlist_show_id = ?1"
                            " AND season_number = ?2", group_id, season_number, error) &&
         ssv_wishlist_recount_group (db, group_id, FALSE, error);
}

gboolean
ssv_wishlist_remove_episode (SsvDatabase  *db,
                             gint64        group_id,
                             int           season_number,
                             int           episode_number,
                             GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "DELETE FROM wishlist WHERE wishlist_show_id = ?1 AND kind = 'episode'"
    " AND season_number = ?2 AND episode_number = ?3", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int (stmt, 2, season_number);
  sqlite3_bind_int (stmt, 3, episode_number);

  return ssv_stmt_step_done (stmt, error) && ssv_wishlist_recount_group (db, group_id, FALSE, error);
}

static gboolean
remove_in_transaction (SsvDatabase    *db,
                       SsvWishTarget   target,
                       gint64          library_id,
                       int             season_number,
                       GError        **error)
{
  int episode_number = 0;
  gint64 group_id;

  if (target == SSV_WISH_TARGET_MOVIE)
    return ssv_database_exec_with_id (db,
                                      "DELETE FROM wishlist WHERE id IN ("
                                      " SELECT w.id FROM movies m, wishlist w WHERE m.id = ?1 AND w.kind = 'movie' AND "
                                      SSV_SQL_KEY_IS_MOVIE ("w.source", "w.source_id", "m") ")",
                                      library_id, error);

  group_id = ssv_wishlist_find_target_group (db, target, library_id, &season_number, &episode_number,
                                             error);
  if (group_id <= 0)
    return group_id == 0;

  switch (target)
    {
    case SSV_WISH_TARGET_SHOW:
      return ssv_database_exec_with_id (db, "DELETE FROM wishlist_shows WHERE id = ?1", group_id, error);
    case SSV_WISH_TARGET_SEASON:
      return ssv_wishlist_remove_season (db, group_id, season_number, error);
    case SSV_WISH_TARGET_EPISODE:
      return ssv_wishlist_remove_episode (db, group_id, season_number, episode_number, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * ssv_wishlist_store_remove:
 *
 * Removes a library movie, a show (with its episodes and subscription), a
 * season or an episode. Removing what is not there is not an error.
 */
gboolean
ssv_wishlist_store_remove (SsvWishlistStore  *self,
                           SsvWishTarget      target,
                           gint64             library_id,
                           int                season_number,
                           GError           **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));

  if (!ssv_database_begin (db, error))
    return FALSE;

  if (!remove_in_transaction (db, target, library_id, season_number, error) ||
      !ssv_database_commit (db, error))
    {
      ssv_database_rollback (db);
      return FALSE;
    }

  ssv_store_emit_changed (SSV_STORE (self), target == SSV_WISH_TARGET_MOVIE ? "movie" : "show");
  return TRUE;
}

/* Removes what a wishlist page shows: a unit, a show group or a season of one. */
gboolean
ssv_wishlist_store_remove_item (SsvWishlistStore  *self,
                                SsvWishlistItem   *item,
                                GError           **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  gboolean ok;

  if (!ssv_database_begin (db, error))
    return FALSE;

  switch (item->kind)
    {
    case SSV_WISHLIST_KIND_MOVIE:
    case SSV_WISHLIST_KIND_VIDEO:
      ok = ssv_database_exec_with_id (db, "DELETE FROM wishlist WHERE id = ?1", item->id, error);
      break;
    case SSV_WISHLIST_KIND_SHOW:
      ok = ssv_database_exec_with_id (db, "DELETE FROM wishlist_shows WHERE id = ?1", item->id, error);
      break;
    case SSV_WISHLIST_KIND_SEASON:
      ok = ssv_wishlist_remove_season (db, item->group_id, item->season_number, error);
      break;
    case SSV_WISHLIST_KIND_EPISODE:
      ok = ssv_wishlist_remove_episode (db, item->group_id, item->season_number, item->episode_number, error);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  if (!ok || !ssv_database_commit (db, error))
    {
      ssv_database_rollback (db);
      return FALSE;
    }

  ssv_store_emit_changed (SSV_STORE (self),
                          item->kind == SSV_WISHLIST_KIND_MOVIE ? "movie" :
                          item->kind == SSV_WISHLIST_KIND_VIDEO ? "video" : "show");
  return TRUE;
}

/**
 * ssv_wishlist_store_join_aired:
 * @now: this moment; episodes whose air date is today or earlier join
 * @n_joined: (out) (optional): how many episodes joined
 *
 * Lets the episodes of subscribed shows and seasons that aired since the last
 * call join the wishlist. An episode a person removed does not come back.
 */
gboolean
ssv_wishlist_store_join_aired (SsvWishlistStore  *self,
                               GDateTime         *now,
                               guint             *n_joined,
                               GError           **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  g_autofree char *today = ssv_wishlist_format_day (now);
  g_autoptr(SsvStmt) subs = NULL;
  guint joined = 0;
  int rc;

  if (!ssv_database_begin (db, error))
    return FALSE;

  subs = ssv_database_prepare (db,
    "SELECT sub.id, sub.wishlist_show_id, coalesce (sub.season_number, -1), sub.joined_through,"
    "       ws.source, ws.source_id"
    "  FROM wishlist_subscriptions sub JOIN wishlist_shows ws ON ws.id = sub.wishlist_show_id"
    " WHERE sub.joined_through < ?1", error);
  if (subs == NULL)
    goto failed;
  ssv_stmt_bind_text (subs, 1, today);

  while ((rc = ssv_stmt_step (subs, error)) == SQLITE_ROW)
    {
      gint64 group_id = sqlite3_column_int64 (subs, 1);
      gint64 show_id = ssv_show_find_id (db, ssv_stmt_column_text (subs, 4),
                                         ssv_stmt_column_text (subs, 5), error);
      gint64 before, added;

      if (show_id < 0)
        goto failed;

      before = ssv_wishlist_count_wanted (db, group_id);
      /* A show the library lacks: the episodes TMDB listed when it was wished or refreshed. */
      if (show_id == 0 && !ssv_wishlist_insert_listed_episodes (db, group_id, sqlite3_column_int (subs, 2), 0,
                                                                ssv_stmt_column_text (subs, 3), today, error))
        goto failed;
      if (show_id > 0 && !insert_episodes (db, group_id, show_id, sqlite3_column_int (subs, 2), 0,
                                           ssv_stmt_column_text (subs, 3), today, error))
        goto failed;
      added = ssv_wishlist_count_wanted (db, group_id) - before;
      joined += (guint) MAX (added, 0);
      if (!ssv_wishlist_recount_group (db, group_id, added > 0, error))
        goto failed;
    }
  if (rc != SQLITE_DONE)
    goto failed;

  g_clear_pointer (&subs, ssv_stmt_release);

  {
    g_autoptr(SsvStmt) advance = ssv_database_prepare (db,
      "UPDATE wishlist_subscriptions SET joined_through = ?1 WHERE joined_through < ?1", error);

    if (advance == NULL)
      goto failed;
    ssv_stmt_bind_text (advance, 1, today);
    if (!ssv_stmt_step_done (advance, error))
      goto failed;
  }

  if (!ssv_database_commit (db, error))
    goto failed;

  if (n_joined != NULL)
    *n_joined = joined;
  if (joined > 0)
    ssv_store_emit_changed (SSV_STORE (self), "show");
  return TRUE;

failed:
  ssv_database_rollback (db);
  return FALSE;
}

/**
 * ssv_wishlist_store_backfill_art:
 * @n_filled: (out) (optional): how many rows got something
 *
 * Fills wanted episodes' missing still, synopsis, title and season poster, and
 * groups' and movies' missing posters, from the library's rows, which
 * enrichment fills from TMDB's season data. One transaction.
 */
gboolean
ssv_wishlist_store_backfill_art (SsvWishlistStore  *self,
                                 guint             *n_filled,
                                 GError           **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  static const char * const steps[] = {
    "UPDATE wishlist AS w SET"
    "  title = coalesce (w.title, le.title),"
    "  overview = coalesce (w.overview, le.overview),"
    "  still_url = coalesce (w.still_url, le.still_url),"
    "  air_date = coalesce (w.air_date, le.air_date),"
    "  season_poster_url = coalesce (w.season_poster_url, le.season_poster)"
    " FROM (SELECT ws.id AS group_id, e.season_number, e.episode_number,"
    "              max (e.title) AS title, max (e.overview) AS overview, max (e.still_url) AS still_url,"
    "              max (e.air_date) AS air_date, max (se.poster_url) AS season_poster"
    "         FROM wishlist_shows ws"
    "         JOIN shows s ON " SSV_SQL_KEY_IS_SHOW ("ws.source", "ws.source_id", "s")
    "         JOIN episodes e ON e.show_id = s.id"
    "         LEFT JOIN seasons se ON se.show_id = s.id AND se.season_number = e.season_number"
    "        WHERE ws.id IN (SELECT wishlist_show_id FROM wishlist WHERE kind = 'episode'"
    "                          AND (still_url IS NULL OR overview IS NULL OR title IS NULL"
    "                               OR season_poster_url IS NULL))"
    "        GROUP BY ws.id, e.season_number, e.episode_number) AS le"
    " WHERE w.kind = 'episode' AND w.wishlist_show_id = le.group_id"
    "   AND w.season_number = le.season_number AND w.episode_number = le.episode_number"
    "   AND (w.still_url IS NULL AND le.still_url IS NOT NULL"
    "        OR w.overview IS NULL AND le.overview IS NOT NULL"
    "        OR w.title IS NULL AND le.title IS NOT NULL"
    "        OR w.season_poster_url IS NULL AND le.season_poster IS NOT NULL)",

    "UPDATE wishlist_shows AS ws SET"
    "  poster_url = coalesce (ws.poster_url, s.poster_url),"
    "  backdrop_url = coalesce (ws.backdrop_url, s.backdrop_url),"
    "  overview = coalesce (ws.overview, s.overview),"
    "  year = coalesce (ws.year, s.year)"
    " FROM shows s"
    " WHERE " SSV_SQL_KEY_IS_SHOW ("ws.source", "ws.source_id", "s")
    "   AND (ws.poster_url IS NULL AND s.poster_url IS NOT NULL"
    "        OR ws.backdrop_url IS NULL AND s.backdrop_url IS NOT NULL"
    "        OR ws.overview IS NULL AND s.overview IS NOT NULL)",

    "UPDATE wishlist AS w SET"
    "  poster_url = coalesce (w.poster_url, m.poster_url),"
    "  backdrop_url = coalesce (w.backdrop_url, m.backdrop_url),"
    "  overview = coalesce (w.overview, m.overview),"
    "  year = coalesce (w.year, m.year)"
    " FROM movies m"
    " WHERE w.kind = 'movie' AND " SSV_SQL_KEY_IS_MOVIE ("w.source", "w.source_id", "m")
    "   AND (w.poster_url IS NULL AND m.poster_url IS NOT NULL"
    "        OR w.backdrop_url IS NULL AND m.backdrop_url IS NOT NULL"
    "        OR w.overview IS NULL AND m.overview IS NOT NULL)",
  };
  guint filled = 0;

  if (!ssv_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, steps[i], error);

      if (stmt == NULL || !ssv_stmt_step_done (stmt, error))
        {
          ssv_database_rollback (db);
          return FALSE;
        }
      filled += (guint) ssv_database_changes (db);
    }

  if (!ssv_database_commit (db, error))
    return FALSE;

  if (n_filled != NULL)
    *n_filled = filled;
  if (filled > 0)
    ssv_store_emit_changed (SSV_STORE (self), "art");
  return TRUE;
}

/* ---- async wrappers for the UI -------------------------------------------- */

typedef struct
{
  int              op;
  SsvWishTarget    target;
  gint64           library_id;
  int              season_number;
  SsvWishlistItem *item;
  GArray          *ids;
  GStrv            title;        /* add_title: source, source id, title, overview, poster, backdrop */
  int              year;
} Request;

enum { OP_ADD, OP_REMOVE, OP_CONTAINS, OP_REMOVE_ITEM, OP_ADD_EPISODES, OP_ADD_TITLE };

static void
request_free (gpointer data)
{
  Request *request = data;

  g_clear_object (&request->item);
  g_clear_pointer (&request->ids, g_array_unref);
  g_clear_pointer (&request->title, g_strfreev);
  g_free (request);
}

static gpointer
change_func (SsvStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  SsvWishlistStore *self = SSV_WISHLIST_STORE (store);
  Request *r = data;
  gboolean wanted = TRUE;
  gboolean ok = FALSE;

  switch (r->op)
    {
    case OP_ADD:
      {
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();
        ok = ssv_wishlist_store_add (self, r->target, r->library_id, r->season_number, now, NULL, error);
      }
      break;
    case OP_REMOVE:
      ok = ssv_wishlist_store_remove (self, r->target, r->library_id, r->season_number, error);
      break;
    case OP_CONTAINS:
      ok = ssv_wishlist_store_contains (self, r->target, r->library_id, r->season_number, &wanted, error);
      break;
    case OP_REMOVE_ITEM:
      ok = ssv_wishlist_store_remove_item (self, r->item, error);
      break;
    case OP_ADD_EPISODES:
      {
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();
        ok = ssv_wishlist_store_add_episodes (self, (const gint64 *) (gpointer) r->ids->data,
                                              r->ids->len, now, error);
      }
      break;
    case OP_ADD_TITLE:
      {
        /* Empty strings stand for the ones not given, so the vector stays whole. */
        SsvWishlistTitle title = { r->title[0], r->title[1], r->title[2], r->year,
                                   r->title[3][0] ? r->title[3] : NULL, r->title[4][0] ? r->title[4] : NULL,
                                   r->title[5][0] ? r->title[5] : NULL };

        ok = ssv_wishlist_store_add_title (self, SSV_WISHLIST_KIND_MOVIE, &title, error);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    return NULL;

  /* TRUE and FALSE both need a non-NULL result. */
  return GINT_TO_POINTER (wanted ? 2 : 1);
}

static void
run_change (SsvWishlistStore    *self,
            Request             *request,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  ssv_store_run_async (SSV_STORE (self), ssv_wishlist_store_change_finish,
                       change_func, request, request_free, NULL,
                       cancellable, callback, user_data);
}

/* Add, remove or contains, on a worker thread. */
static void
run_target_change (SsvWishlistStore    *self,
                   int                  op,
                   SsvWishTarget        target,
                   gint64               library_id,
                   int                  season_number,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->op = op;
  request->target = target;
  request->library_id = library_id;
  request->season_number = season_number;
  run_change (self, request, cancellable, callback, user_data);
}

void
ssv_wishlist_store_add_async (SsvWishlistStore    *self,
                              SsvWishTarget        target,
                              gint64               library_id,
                              int                  season_number,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  run_target_change (self, OP_ADD, target, library_id, season_number, cancellable, callback, user_data);
}

void
ssv_wishlist_store_add_episodes_async (SsvWishlistStore    *self,
                                       const gint64        *ids,
                                       gsize                n_ids,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->op = OP_ADD_EPISODES;
  request->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), (guint) n_ids);
  g_array_append_vals (request->ids, ids, (guint) n_ids);
  run_change (self, request, cancellable, callback, user_data);
}

/* A movie that may not be in the library, by its key (ssv_wishlist_store_add_title());
 * finish with ssv_wishlist_store_change_finish(). */
void
ssv_wishlist_store_add_title_async (SsvWishlistStore       *self,
                                    const SsvWishlistTitle *title,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data)
{
  Request *request = g_new0 (Request, 1);
  const char *fields[] = { title->source ? title->source : "", title->source_id ? title->source_id : "",
                           title->title ? title->title : "", title->overview, title->poster_url,
                           title->backdrop_url };

  request->op = OP_ADD_TITLE;
  request->year = title->year;
  request->title = g_new0 (char *, G_N_ELEMENTS (fields) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    request->title[i] = g_strdup (fields[i] != NULL ? fields[i] : "");
  run_change (self, request, cancellable, callback, user_data);
}

void
ssv_wishlist_store_remove_async (SsvWishlistStore    *self,
                                 SsvWishTarget        target,
                                 gint64               library_id,
                                 int                  season_number,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  run_target_change (self, OP_REMOVE, target, library_id, season_number, cancellable, callback, user_data);
}

void
ssv_wishlist_store_contains_async (SsvWishlistStore    *self,
                                   SsvWishTarget        target,
                                   gint64               library_id,
                                   int                  season_number,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  run_target_change (self, OP_CONTAINS, target, library_id, season_number, cancellable, callback, user_data);
}

void
ssv_wishlist_store_remove_item_async (SsvWishlistStore    *self,
                                      SsvWishlistItem     *item,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->op = OP_REMOVE_ITEM;
  request->item = g_object_ref (item);
  run_change (self, request, cancellable, callback, user_data);
}

/* Returns: %FALSE with @error set on failure; for contains, whether it is wanted */
gboolean
ssv_wishlist_store_change_finish (SsvWishlistStore  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  return GPOINTER_TO_INT (ssv_store_run_finish (SSV_STORE (self), result, error)) == 2;
}
