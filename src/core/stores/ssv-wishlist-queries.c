/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-queries.c: what the wishlist pages read: pages of movies, videos and shows
 * (with their seasons and episodes), whether a title is wanted, and the async list. */

#include "config.h"

#include "stores/ssv-follow-rule-private.h"
#include "ssv-utils.h"
#include "model/ssv-wishlist-item-private.h"
#include "stores/ssv-wishlist-store-private.h"

#define SHOWS_SELECT \
  "SELECT ws.id, ws.source, ws.source_id, ws.title, ws.year, ws.overview, ws.poster_url," \
  "       ws.backdrop_url, ws.added_at, ws.wanted, ws.profile_id" \
  "  FROM wishlist_shows ws" \
  " WHERE ?1 IS NULL OR ws.title LIKE ?1 ESCAPE '\\'" \
  "    OR EXISTS (SELECT 1 FROM wishlist w WHERE w.wishlist_show_id = ws.id AND w.kind = 'episode'" \
  "               AND w.title LIKE ?1 ESCAPE '\\')"

static const char * const shows_sql[] = {
  [SSV_WISHLIST_SORT_NEWEST] = SHOWS_SELECT " ORDER BY ws.updated_at DESC, ws.id DESC LIMIT ?2 OFFSET ?3",
  [SSV_WISHLIST_SORT_OLDEST] = SHOWS_SELECT " ORDER BY ws.added_at, ws.id LIMIT ?2 OFFSET ?3",
  [SSV_WISHLIST_SORT_TITLE] = SHOWS_SELECT " ORDER BY ws.sort_title, ws.id LIMIT ?2 OFFSET ?3",
  [SSV_WISHLIST_SORT_MOST_WANTED] = SHOWS_SELECT " ORDER BY ws.wanted DESC, ws.id DESC LIMIT ?2 OFFSET ?3",
};

/* A group's episodes, each done when a library copy of the show has a file for it. */
const char * const ssv_wishlist_store_episodes_sql =
  "SELECT w.id, w.season_number, w.episode_number, w.title, w.overview, w.still_url,"
  "       w.season_poster_url, w.air_date, w.added_at,"
  "       EXISTS (SELECT 1 FROM episodes e JOIN media_files mf ON mf.episode_id = e.id"
  "                WHERE e.show_id IN (SELECT s.id FROM shows s WHERE "
  SSV_SQL_SHOW_HAS_KEY ("s", "?2", "?3") ")"
  "                  AND e.season_number = w.season_number AND e.episode_number = w.episode_number)"
  "  FROM wishlist w"
  " WHERE w.wishlist_show_id = ?1 AND w.kind = 'episode'"
  " ORDER BY w.season_number, w.episode_number";

#define TITLES_SELECT \
  "SELECT w.id, w.source, w.source_id, w.title, w.year, w.overview, w.poster_url, w.backdrop_url," \
  "       w.added_at," \
  "       (SELECT min (m.id) FROM movies m WHERE " SSV_SQL_MOVIE_HAS_KEY ("m", "w.source", "w.source_id") ")," \
  "       EXISTS (SELECT 1 FROM movies m JOIN media_files mf ON mf.movie_id = m.id" \
  "                WHERE " SSV_SQL_MOVIE_HAS_KEY ("m", "w.source", "w.source_id") ")," \
  "       w.profile_id" \
  "  FROM wishlist w" \
  " WHERE w.kind = ?1 AND w.kind <> 'episode' AND (?2 IS NULL OR w.title LIKE ?2 ESCAPE '\\')"

static const char * const titles_sql[] = {
  [SSV_WISHLIST_SORT_NEWEST] = TITLES_SELECT " ORDER BY w.added_at DESC, w.id DESC LIMIT ?3 OFFSET ?4",
  [SSV_WISHLIST_SORT_OLDEST] = TITLES_SELECT " ORDER BY w.added_at, w.id LIMIT ?3 OFFSET ?4",
  [SSV_WISHLIST_SORT_TITLE] = TITLES_SELECT " ORDER BY w.sort_title, w.id LIMIT ?3 OFFSET ?4",
  /* Every movie is wanted once: most wanted is newest. */
  [SSV_WISHLIST_SORT_MOST_WANTED] = TITLES_SELECT " ORDER BY w.added_at DESC, w.id DESC LIMIT ?3 OFFSET ?4",
};

const char *
ssv_wishlist_store_get_shows_sql (SsvWishlistSort sort)
{
  g_return_val_if_fail ((guint) sort < G_N_ELEMENTS (shows_sql), NULL);
  return shows_sql[sort];
}

const char *
ssv_wishlist_store_get_titles_sql (SsvWishlistSort sort)
{
  g_return_val_if_fail ((guint) sort < G_N_ELEMENTS (titles_sql), NULL);
  return titles_sql[sort];
}

/* "%text%" for LIKE, with the wildcards in @search taken literally. */
static char *
like_pattern (const char *search)
{
  g_autoptr(GString) pattern = NULL;

  if (search == NULL || search[0] == '\0')
    return NULL;

  pattern = g_string_new ("%");
  for (const char *p = search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (g_steal_pointer (&pattern), FALSE);
}

gboolean
ssv_wishlist_store_contains (SsvWishlistStore  *self,
                             SsvWishTarget      target,
                             gint64             library_id,
                             int                season_number,
                             gboolean          *wanted,
                             GError           **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  g_autoptr(SsvStmt) stmt = NULL;
  int episode_number = 0;
  gint64 group_id;

  *wanted = FALSE;

  if (target == SSV_WISH_TARGET_MOVIE)
    {
      gint64 row_id = ssv_wishlist_find_movie_row (db, library_id, error);

      *wanted = row_id > 0;
      return row_id >= 0;
    }

  group_id = ssv_wishlist_find_target_group (db, target, library_id, &season_number, &episode_number,
                                             error);
  if (group_id <= 0)
    return group_id == 0;

  switch (target)
    {
    case SSV_WISH_TARGET_SHOW:
      *wanted = TRUE;
      return TRUE;
    case SSV_WISH_TARGET_SEASON:
      stmt = ssv_database_prepare (db,
        "SELECT EXISTS (SELECT 1 FROM wishlist WHERE wishlist_show_id = ?1 AND kind = 'episode'"
        "               AND season_number = ?2)"
        "    OR EXISTS (SELECT 1 FROM wishlist_subscriptions WHERE wishlist_show_id = ?1"
        "               AND season_number = ?2)", error);
      break;
    case SSV_WISH_TARGET_EPISODE:
      stmt = ssv_database_prepare (db,
        "SELECT EXISTS (SELECT 1 FROM wishlist WHERE wishlist_show_id = ?1 AND kind = 'episode'"
        "               AND season_number = ?2 AND episode_number = ?3)", error);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int (stmt, 2, season_number);
  if (target == SSV_WISH_TARGET_EPISODE)
    sqlite3_bind_int (stmt, 3, episode_number);
  if (ssv_stmt_step (stmt, error) != SQLITE_ROW)
    return FALSE;

  *wanted = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* ---- lists ---------------------------------------------------------------- */

typedef struct
{
  GPtrArray       *items;
  SsvWishlistKind  kind;
} TitleRows;

/* A row of titles_sql[]. */
static void
read_title (SsvStmt  *stmt,
            gpointer  data)
{
  TitleRows *rows = data;
  SsvWishlistItem *item = ssv_wishlist_item_new (rows->kind);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->source = ssv_stmt_dup_text (stmt, 1);
  item->source_id = ssv_stmt_dup_text (stmt, 2);
  item->title = ssv_stmt_dup_text (stmt, 3);
  item->year = sqlite3_column_int (stmt, 4);
  item->overview = ssv_stmt_dup_text (stmt, 5);
  item->poster_url = ssv_stmt_dup_text (stmt, 6);
  item->backdrop_url = ssv_stmt_dup_text (stmt, 7);
  item->added_at = sqlite3_column_int64 (stmt, 8);
  item->library_id = sqlite3_column_int64 (stmt, 9);
  item->wanted = 1;
  item->done = sqlite3_column_int (stmt, 10) != 0;
  item->profile_id = sqlite3_column_int64 (stmt, 11);
  g_ptr_array_add (rows->items, item);
}

/**
 * ssv_wishlist_store_list_titles:
 * @kind: %SSV_WISHLIST_KIND_MOVIE or %SSV_WISHLIST_KIND_VIDEO
 * @search: (nullable): words the title contains
 *
 * Returns: (transfer full) (element-type SsvWishlistItem): one page, or %NULL
 */
GPtrArray *
ssv_wishlist_store_list_titles (SsvWishlistStore  *self,
                                SsvWishlistKind    kind,
                                const char        *search,
                                SsvWishlistSort    sort,
                                guint              offset,
                                guint              limit,
                                GError           **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *pattern = like_pattern (search);
  g_autoptr(SsvStmt) stmt = NULL;
  TitleRows rows = { items, kind };

  g_return_val_if_fail (kind == SSV_WISHLIST_KIND_MOVIE || kind == SSV_WISHLIST_KIND_VIDEO, NULL);

  stmt = ssv_database_prepare (db, ssv_wishlist_store_get_titles_sql (sort), error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, ssv_wishlist_kind_to_string (kind), -1, SQLITE_STATIC);
  ssv_stmt_bind_text (stmt, 2, pattern);
  sqlite3_bind_int64 (stmt, 3, limit);
  sqlite3_bind_int64 (stmt, 4, offset);

  if (!ssv_stmt_for_each_row (stmt, read_title, &rows, error))
    return NULL;

  return g_steal_pointer (&items);
}

static gboolean
fill_group (SsvDatabase      *db,
            SsvWishlistItem  *show,
            GError          **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, ssv_wishlist_store_episodes_sql, error);
  SsvWishlistItem *season = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, show->id);
  ssv_stmt_bind_text (stmt, 2, show->source);
  ssv_stmt_bind_text (stmt, 3, show->source_id);

  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(SsvWishlistItem) episode = ssv_wishlist_item_new (SSV_WISHLIST_KIND_EPISODE);
      int season_number = sqlite3_column_int (stmt, 1);

      if (season == NULL || season->season_number != season_number)
        {
          g_autoptr(SsvWishlistItem) new_season = ssv_wishlist_item_new (SSV_WISHLIST_KIND_SEASON);

          new_season->group_id = show->id;
          new_season->library_id = show->library_id;
          new_season->season_number = season_number;
          new_season->show_title = g_strdup (show->title);
          new_season->source = g_strdup (show->source);
          new_season->source_id = g_strdup (show->source_id);
          new_season->profile_id = show->profile_id;
          g_list_store_append (show->children, new_season);
          season = new_season;
        }

      episode->id = sqlite3_column_int64 (stmt, 0);
      episode->group_id = show->id;
      episode->library_id = show->library_id;
      episode->source = g_strdup (show->source);
      episode->source_id = g_strdup (show->source_id);
      episode->profile_id = show->profile_id;
      episode->show_title = g_strdup (show->title);
      episode->season_number = season_number;
      episode->episode_number = sqlite3_column_int (stmt, 2);
      episode->title = ssv_stmt_dup_text (stmt, 3);
      episode->overview = ssv_stmt_dup_text (stmt, 4);
      episode->still_url = ssv_stmt_dup_text (stmt, 5);
      episode->season_poster_url = ssv_stmt_dup_text (stmt, 6);
      episode->air_date = ssv_stmt_dup_text (stmt, 7);
      episode->added_at = sqlite3_column_int64 (stmt, 8);
      episode->wanted = 1;
      episode->done = sqlite3_column_int (stmt, 9) != 0;

      if (season->season_poster_url == NULL)
        season->season_poster_url = g_strdup (episode->season_poster_url);
      season->wanted++;
      season->done += episode->done;
      show->wanted++;
      show->done += episode->done;
      g_list_store_append (season->children, episode);
    }

  return rc == SQLITE_DONE;
}

/* A row of shows_sql[]: the group alone, fill_group() adds what it holds. */
static gpointer
show_group_from_row (SsvStmt *stmt)
{
  SsvWishlistItem *show = ssv_wishlist_item_new (SSV_WISHLIST_KIND_SHOW);

  show->id = sqlite3_column_int64 (stmt, 0);
  show->group_id = show->id;
  show->source = ssv_stmt_dup_text (stmt, 1);
  show->source_id = ssv_stmt_dup_text (stmt, 2);
  show->title = ssv_stmt_dup_text (stmt, 3);
  show->show_title = g_strdup (show->title);
  show->year = sqlite3_column_int (stmt, 4);
  show->overview = ssv_stmt_dup_text (stmt, 5);
  show->poster_url = ssv_stmt_dup_text (stmt, 6);
  show->backdrop_url = ssv_stmt_dup_text (stmt, 7);
  show->added_at = sqlite3_column_int64 (stmt, 8);
  show->profile_id = sqlite3_column_int64 (stmt, 10);

  return show;
}

/**
 * ssv_wishlist_store_list_shows:
 * @search: (nullable): words the show's or an episode's title contains
 *
 * One page of wanted shows, each with its seasons and their episodes as
 * children, and wanted/done counts at every level.
 *
 * Returns: (transfer full) (element-type SsvWishlistItem): the shows, or %NULL
 */
GPtrArray *
ssv_wishlist_store_list_shows (SsvWishlistStore  *self,
                               const char        *search,
                               SsvWishlistSort    sort,
                               guint              offset,
                               guint              limit,
                               GError           **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  g_autoptr(GPtrArray) shows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *pattern = like_pattern (search);
  g_autoptr(SsvStmt) stmt = NULL;

  stmt = ssv_database_prepare (db, ssv_wishlist_store_get_shows_sql (sort), error);
  if (stmt == NULL)
    return NULL;

  ssv_stmt_bind_text (stmt, 1, pattern);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, offset);

  if (!ssv_stmt_collect_rows (stmt, show_group_from_row, shows, error))
    return NULL;
  g_clear_pointer (&stmt, ssv_stmt_release);

  for (guint i = 0; i < shows->len; i++)
    {
      SsvWishlistItem *show = g_ptr_array_index (shows, i);

      show->library_id = ssv_show_find_id (db, show->source, show->source_id, error);
      if (show->library_id < 0 || !fill_group (db, show, error))
        return NULL;
    }

  return g_steal_pointer (&shows);
}

/* ---- async list for the UI -------------------------------------------------- */

typedef struct
{
  SsvWishlistKind  kind;
  char            *search;
  SsvWishlistSort  sort;
  guint            offset;
  guint            limit;
} ListRequest;

static void
list_request_free (gpointer data)
{
  ListRequest *request = data;

  g_free (request->search);
  g_free (request);
}

static gpointer
list_func (SsvStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  ListRequest *r = data;

  if (r->kind == SSV_WISHLIST_KIND_SHOW)
    return ssv_wishlist_store_list_shows (SSV_WISHLIST_STORE (store), r->search, r->sort,
                                          r->offset, r->limit, error);

  return ssv_wishlist_store_list_titles (SSV_WISHLIST_STORE (store), r->kind, r->search, r->sort,
                                         r->offset, r->limit, error);
}

/**
 * ssv_wishlist_store_list_async:
 * @kind: %SSV_WISHLIST_KIND_SHOW for grouped shows, or movies or videos
 */
void
ssv_wishlist_store_list_async (SsvWishlistStore    *self,
                               SsvWishlistKind      kind,
                               const char          *search,
                               SsvWishlistSort      sort,
                               guint                offset,
                               guint                limit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  ListRequest *request = g_new0 (ListRequest, 1);

  request->kind = kind;
  request->search = g_strdup (search);
  request->sort = sort;
  request->offset = offset;
  request->limit = limit;
  ssv_store_run_async (SSV_STORE (self), ssv_wishlist_store_list_async,
                       list_func, request, list_request_free, (GDestroyNotify) g_ptr_array_unref,
                       cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type SsvWishlistItem) */
GPtrArray *
ssv_wishlist_store_list_finish (SsvWishlistStore  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error);
}
