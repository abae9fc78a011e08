/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-shows.c: wishing a show by its key, owned or not: its group keeps the provider's
 * list of episodes (wishlist_show_episodes), so the aired ones are wanted at once and the rest
 * join as they air, as a library show's episodes do. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-utils.h"
#include "stores/ssv-follow-rule-private.h"
#include "stores/ssv-wishlist-store-private.h"

/* ---- the show as a value ---------------------------------------------------------- */

static void
show_episode_free (gpointer data)
{
  SsvWishlistShowEpisode *episode = data;

  g_free (episode->title);
  g_free (episode->overview);
  g_free (episode->still_url);
  g_free (episode->season_poster_url);
  g_free (episode->air_date);
  g_free (episode);
}

SsvWishlistShow *
ssv_wishlist_show_new (const char *source,
                       const char *source_id,
                       const char *title)
{
  SsvWishlistShow *show = g_new0 (SsvWishlistShow, 1);

  show->source = g_strdup (source);
  show->source_id = g_strdup (source_id);
  show->title = g_strdup (title);
  show->episodes = g_ptr_array_new_with_free_func (show_episode_free);

  return show;
}

/* Returns: (transfer none): the new episode, for the caller to fill in */
SsvWishlistShowEpisode *
ssv_wishlist_show_add_episode (SsvWishlistShow *show,
                               int              season_number,
                               int              episode_number)
{
  SsvWishlistShowEpisode *episode = g_new0 (SsvWishlistShowEpisode, 1);

  episode->season_number = season_number;
  episode->episode_number = episode_number;
  g_ptr_array_add (show->episodes, episode);

  return episode;
}

void
ssv_wishlist_show_free (SsvWishlistShow *show)
{
  if (show == NULL)
    return;

  g_free (show->source);
  g_free (show->source_id);
  g_free (show->title);
  g_free (show->overview);
  g_free (show->poster_url);
  g_free (show->backdrop_url);
  g_ptr_array_unref (show->episodes);
  g_free (show);
}

/* ---- writes ------------------------------------------------------------------------- */

/* The group wished under @source/@source_id: 0 when none, -1 on error. */
gint64
ssv_wishlist_find_keyed_group (SsvDatabase  *db,
                               const char   *source,
                               const char   *source_id,
                               GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT id FROM wishlist_shows WHERE source = ?1 AND source_id = ?2", error);
  int rc;

  if (stmt == NULL)
    return -1;
  ssv_stmt_bind_text (stmt, 1, source);
  ssv_stmt_bind_text (stmt, 2, source_id);
  rc = ssv_stmt_step (stmt, error);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return rc == SQLITE_DONE ? 0 : -1;
}

/* The group of @show, made when missing; gaps in its text and art filled. */
static gint64
ensure_keyed_group (SsvDatabase            *db,
                    const SsvWishlistShow  *show,
                    GError                **error)
{
  g_autofree char *sort_title = ssv_sort_title (show->title);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "INSERT INTO wishlist_shows (source, source_id, title, sort_title, year, overview, poster_url,"
    "                            backdrop_url, tvdb_id, wanted)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0)"
    " ON CONFLICT (source, source_id) DO UPDATE SET"
    "   year = coalesce (year, excluded.year), overview = coalesce (overview, excluded.overview),"
    "   poster_url = coalesce (poster_url, excluded.poster_url),"
    "   backdrop_url = coalesce (backdrop_url, excluded.backdrop_url),"
    "   tvdb_id = coalesce (excluded.tvdb_id, tvdb_id)", error);

  if (stmt == NULL)
    return -1;
  ssv_stmt_bind_text (stmt, 1, show->source);
  ssv_stmt_bind_text (stmt, 2, show->source_id);
  ssv_stmt_bind_text (stmt, 3, show->title);
  ssv_stmt_bind_text (stmt, 4, sort_title);
  ssv_stmt_bind_int64_or_null (stmt, 5, show->year, show->year > 0);
  ssv_stmt_bind_text (stmt, 6, show->overview);
  ssv_stmt_bind_text (stmt, 7, show->poster_url);
  ssv_stmt_bind_text (stmt, 8, show->backdrop_url);
  ssv_stmt_bind_int64_or_null (stmt, 9, show->tvdb_id, show->tvdb_id > 0);
  if (!ssv_stmt_step_done (stmt, error))
    return -1;

  return ssv_wishlist_find_keyed_group (db, show->source, show->source_id, error);
}

/* The provider's list of episodes, as it says now: air dates and titles move, so its
 * words win over what was kept (an episode it no longer lists stays). */
static gboolean
store_listed_episodes (SsvDatabase            *db,
                       gint64                  group_id,
                       const SsvWishlistShow  *show,
                       GError                **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "INSERT INTO wishlist_show_episodes (wishlist_show_id, season_number, episode_number, tmdb_id, title,"
    "                                    overview, still_url, season_poster_url, air_date)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    " ON CONFLICT DO UPDATE SET"
    "   tmdb_id = coalesce (excluded.tmdb_id, tmdb_id), title = coalesce (excluded.title, title),"
    "   overview = coalesce (excluded.overview, overview), still_url = coalesce (excluded.still_url, still_url),"
    "   season_poster_url = coalesce (excluded.season_poster_url, season_poster_url),"
    "   air_date = coalesce (excluded.air_date, air_date)", error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < show->episodes->len; i++)
    {
      const SsvWishlistShowEpisode *episode = g_ptr_array_index (show->episodes, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, group_id);
      sqlite3_bind_int (stmt, 2, episode->season_number);
      sqlite3_bind_int (stmt, 3, episode->episode_number);
      ssv_stmt_bind_int64_or_null (stmt, 4, episode->tmdb_id, episode->tmdb_id > 0);
      ssv_stmt_bind_text (stmt, 5, episode->title);
      ssv_stmt_bind_text (stmt, 6, episode->overview);
      ssv_stmt_bind_text (stmt, 7, episode->still_url);
      ssv_stmt_bind_text (stmt, 8, episode->season_poster_url);
      ssv_stmt_bind_text (stmt, 9, episode->air_date);
      if (!ssv_stmt_step_done (stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * ssv_wishlist_insert_listed_episodes:
 * @season_number: one season, or every regular season when < 0
 * @episode_number: > 0: only that episode of @season_number, aired or not
 * @after: (nullable): only episodes aired after this day (exclusive)
 * @through: only episodes aired by this day
 *
 * Wants the episodes of group @group_id's list that fit; existing rows only
 * get missing text and art.
 */
gboolean
ssv_wishlist_insert_listed_episodes (SsvDatabase  *db,
                                     gint64        group_id,
                                     int           season_number,
                                     int           episode_number,
                                     const char   *after,
                                     const char   *through,
                                     GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "INSERT INTO wishlist (kind, wishlist_show_id, season_number, episode_number, title, sort_title,"
    "                      overview, still_url, season_poster_url, air_date)"
    " SELECT 'episode', ?1, c.season_number, c.episode_number, c.title, NULL, c.overview, c.still_url,"
    "        c.season_poster_url, c.air_date"
    "   FROM wishlist_show_episodes c"
    "  WHERE c.wishlist_show_id = ?1"
    "    AND (?6 > 0 AND c.season_number = ?2 AND c.episode_number = ?6"
    "         OR ?6 <= 0 AND (c.season_number = ?2 OR ?2 < 0 AND c.season_number > 0)"
    "            AND c.air_date IS NOT NULL AND c.air_date <= ?4 AND (?3 IS NULL OR c.air_date > ?3))"
    " ON CONFLICT (wishlist_show_id, season_number, episode_number) WHERE kind = 'episode' DO UPDATE SET"
    "   title = coalesce (title, excluded.title),"
    "   overview = coalesce (overview, excluded.overview),"
    "   still_url = coalesce (still_url, excluded.still_url),"
    "   season_poster_url = coalesce (season_poster_url, excluded.season_poster_url),"
    "   air_date = coalesce (air_date, excluded.air_date)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int (stmt, 2, season_number);
  ssv_stmt_bind_text (stmt, 3, after);
  ssv_stmt_bind_text (stmt, 4, through);
  sqlite3_bind_int (stmt, 6, episode_number);

  return ssv_stmt_step_done (stmt, error);
}

static gboolean
add_show_in_transaction (SsvDatabase            *db,
                         const SsvWishlistShow  *show,
                         SsvWishTarget           target,
                         int                     season_number,
                         int                     episode_number,
                         const char             *today,
                         gint64                 *group_out,
                         GError                **error)
{
  gint64 group_id = ensure_keyed_group (db, show, error);

  if (group_id <= 0)
    return FALSE;
  *group_out = group_id;

  if (target == SSV_WISH_TARGET_SHOW)
    season_number = -1;
  if (target != SSV_WISH_TARGET_EPISODE)
    episode_number = 0;

  if (!store_listed_episodes (db, group_id, show, error) ||
      !ssv_wishlist_insert_listed_episodes (db, group_id, season_number, episode_number, NULL, today, error))
    return FALSE;

  if (target == SSV_WISH_TARGET_EPISODE && ssv_database_changes (db) == 0)
    {
      g_autoptr(SsvStmt) known = ssv_database_prepare (db,
        "SELECT 1 FROM wishlist WHERE wishlist_show_id = ?1 AND kind = 'episode'"
        " AND season_number = ?2 AND episode_number = ?3", error);

      if (known == NULL)
        return FALSE;
      sqlite3_bind_int64 (known, 1, group_id);
      sqlite3_bind_int (known, 2, season_number);
      sqlite3_bind_int (known, 3, episode_number);
      if (!ssv_stmt_step_row (known, _("TMDB does not list this episode (any more). Reload the page and try again."),
                              error))
        return FALSE;
    }

  /* A show or season keeps its place for the episodes still to come. */
  if (target != SSV_WISH_TARGET_EPISODE && !ssv_wishlist_subscribe (db, group_id, season_number, today, error))
    return FALSE;

  return ssv_wishlist_recount_group (db, group_id, TRUE, error);
}

/**
 * ssv_wishlist_store_add_show:
 * @show: the show by its key, with every episode its provider lists
 * @target: the whole show, season @season_number or episode @episode_number of it
 * @now: today, in the person's zone: episodes that aired by then are wanted now
 * @n_added: (out) (optional): how many episodes are wanted now that were not
 *
 * Wishes a show the library may lack, as a library show is wished: the aired
 * episodes join now, the others as they air (ssv_wishlist_store_join_aired()).
 * One transaction; the list of episodes is kept with the group and refreshed
 * by every call.
 */
gboolean
ssv_wishlist_store_add_show (SsvWishlistStore       *self,
                             const SsvWishlistShow  *show,
                             SsvWishTarget           target,
                             int                     season_number,
                             int                     episode_number,
                             GDateTime              *now,
                             guint                  *n_added,
                             GError                **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  g_autofree char *today = ssv_wishlist_format_day (now);
  gint64 group_id = 0;
  gint64 before, after;

  g_return_val_if_fail (SSV_IS_WISHLIST_STORE (self), FALSE);
  g_return_val_if_fail (target != SSV_WISH_TARGET_MOVIE, FALSE);

  if (show->source == NULL || show->source_id == NULL || show->source_id[0] == '\0' ||
      g_str_equal (show->source, "library") || show->title == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("This show has no id to add it by."));
      return FALSE;
    }

  if (!ssv_database_begin (db, error))
    return FALSE;

  before = ssv_wishlist_find_keyed_group (db, show->source, show->source_id, error);
  if (before < 0)
    goto failed;
  before = before > 0 ? ssv_wishlist_count_wanted (db, before) : 0;

  if (!add_show_in_transaction (db, show, target, season_number, episode_number, today, &group_id, error))
    goto failed;
  after = ssv_wishlist_count_wanted (db, group_id);

  if (!ssv_database_commit (db, error))
    goto failed;

  if (n_added != NULL)
    *n_added = (guint) MAX (after - before, 0);
  ssv_store_emit_changed (SSV_STORE (self), "show");
  return TRUE;

failed:
  ssv_database_rollback (db);
  return FALSE;
}

/**
 * ssv_wishlist_store_remove_show:
 *
 * Stops wanting a show wished by its key: the whole show (its group and
 * list), a season or an episode. Removing what is not there is not an error.
 */
gboolean
ssv_wishlist_store_remove_show (SsvWishlistStore  *self,
                                const char        *source,
                                const char        *source_id,
                                SsvWishTarget      target,
                                int                season_number,
                                int                episode_number,
                                GError           **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  gint64 group_id;
  gboolean ok;

  g_return_val_if_fail (SSV_IS_WISHLIST_STORE (self), FALSE);

  if (!ssv_database_begin (db, error))
    return FALSE;

  group_id = ssv_wishlist_find_keyed_group (db, source, source_id, error);
  if (group_id <= 0)
    ok = group_id == 0;
  else if (target == SSV_WISH_TARGET_SEASON)
    ok = ssv_wishlist_remove_season (db, group_id, season_number, error);
  else if (target == SSV_WISH_TARGET_EPISODE)
    ok = ssv_wishlist_remove_episode (db, group_id, season_number, episode_number, error);
  else
    ok = ssv_database_exec_with_id (db, "DELETE FROM wishlist_shows WHERE id = ?1", group_id, error);

  if (!ok || !ssv_database_commit (db, error))
    {
      ssv_database_rollback (db);
      return FALSE;
    }

  ssv_store_emit_changed (SSV_STORE (self), "show");
  return TRUE;
}

/* Whether a show is wished by its key (any episode wanted, or waiting for more). */
gboolean
ssv_wishlist_store_contains_show (SsvWishlistStore  *self,
                                  const char        *source,
                                  const char        *source_id,
                                  gboolean          *wanted,
                                  GError           **error)
{
  gint64 group_id = ssv_wishlist_find_keyed_group (ssv_store_get_database (SSV_STORE (self)), source, source_id, error);

  *wanted = group_id > 0;
  return group_id >= 0;
}

/**
 * ssv_wishlist_store_dup_unowned_shows:
 * @source: whose ids: "tmdb"
 *
 * Returns: (transfer full) (element-type utf8): the ids of wished shows the
 *   library lacks that still wait for episodes (their lists need refreshing);
 *   %NULL on error
 */
GPtrArray *
ssv_wishlist_store_dup_unowned_shows (SsvWishlistStore  *self,
                                      const char        *source,
                                      GError           **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (ssv_store_get_database (SSV_STORE (self)),
    "SELECT ws.source_id FROM wishlist_shows ws"
    " WHERE ws.source = ?1"
    "   AND EXISTS (SELECT 1 FROM wishlist_subscriptions sub WHERE sub.wishlist_show_id = ws.id)"
    "   AND NOT EXISTS (SELECT 1 FROM shows s WHERE " SSV_SQL_KEY_IS_SHOW ("ws.source", "ws.source_id", "s") ")"
    " ORDER BY ws.id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  ssv_stmt_bind_text (stmt, 1, source);
  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup (ssv_stmt_column_text (stmt, 0)));

  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}

/**
 * ssv_wishlist_store_update_show:
 * @show: a show wished by its key, as its provider lists it now
 *
 * Keeps the list of a wished show's episodes current (new episodes, moved air
 * dates) without wanting anything new: those join as they air. A show not
 * wished is left alone. One transaction.
 */
gboolean
ssv_wishlist_store_update_show (SsvWishlistStore       *self,
                                const SsvWishlistShow  *show,
                                GError                **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  gint64 group_id;

  if (!ssv_database_begin (db, error))
    return FALSE;

  group_id = ssv_wishlist_find_keyed_group (db, show->source, show->source_id, error);
  if (group_id < 0 || (group_id > 0 && (ensure_keyed_group (db, show, error) < 0 ||
                                        !store_listed_episodes (db, group_id, show, error))) ||
      !ssv_database_commit (db, error))
    {
      ssv_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/* ---- async wrappers for the UI ------------------------------------------------------ */

typedef struct
{
  gboolean       remove;
  char          *source;
  char          *source_id;
  SsvWishTarget  target;
  int            season_number;
  int            episode_number;
} KeyRequest;

static void
key_request_free (gpointer data)
{
  KeyRequest *request = data;

  g_free (request->source);
  g_free (request->source_id);
  g_free (request);
}

static gpointer
key_change_func (SsvStore      *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  SsvWishlistStore *self = SSV_WISHLIST_STORE (store);
  KeyRequest *r = data;
  gboolean wanted = TRUE;
  gboolean ok;

  if (r->remove)
    ok = ssv_wishlist_store_remove_show (self, r->source, r->source_id, r->target, r->season_number,
                                         r->episode_number, error);
  else
    ok = ssv_wishlist_store_contains_show (self, r->source, r->source_id, &wanted, error);

  /* As ssv_wishlist_store_change_finish() reads it: 2 TRUE, 1 FALSE, NULL an error. */
  return ok ? GINT_TO_POINTER (wanted ? 2 : 1) : NULL;
}

static void
run_key_change (SsvWishlistStore    *self,
                KeyRequest          *request,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  ssv_store_run_async (SSV_STORE (self), ssv_wishlist_store_change_finish, key_change_func, request,
                       key_request_free, NULL, cancellable, callback, user_data);
}

void
ssv_wishlist_store_remove_show_async (SsvWishlistStore    *self,
                                      const char          *source,
                                      const char          *source_id,
                                      SsvWishTarget        target,
                                      int                  season_number,
                                      int                  episode_number,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  KeyRequest *request = g_new0 (KeyRequest, 1);

  request->remove = TRUE;
  request->source = g_strdup (source);
  request->source_id = g_strdup (source_id);
  request->target = target;
  request->season_number = season_number;
  request->episode_number = episode_number;
  run_key_change (self, request, cancellable, callback, user_data);
}

void
ssv_wishlist_store_contains_show_async (SsvWishlistStore    *self,
                                        const char          *source,
                                        const char          *source_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  KeyRequest *request = g_new0 (KeyRequest, 1);

  request->source = g_strdup (source);
  request->source_id = g_strdup (source_id);
  run_key_change (self, request, cancellable, callback, user_data);
}
