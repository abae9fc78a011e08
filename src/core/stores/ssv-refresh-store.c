/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-refresh-store.c: which matched titles are due for a new look at TMDB, and the write of
 * what changed: the fields that legitimately change are replaced, the rest only filled. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "stores/ssv-enrichment-store-private.h"
#include "ssv-error.h"
#include "ssv-locked-fields.h"
#include "stores/ssv-refresh-store.h"

#define PROVIDER "tmdb"

/* The rule the calendar and the watchlist share, and TMDB's "next episode". */
#define AIRING_SQL                                                                        \
  "(lower (coalesce (s.status, '')) IN ('returning series', 'in production', 'planned', " \
  "'pilot', 'continuing', 'upcoming') OR s.next_episode_air_date IS NOT NULL)"

/* ---- records ---------------------------------------------------------------- */

void
ssv_refresh_item_free (SsvRefreshItem *item)
{
  if (item == NULL)
    return;

  g_free (item->title);
  g_clear_pointer (&item->seasons, g_array_unref);
  g_free (item);
}

void
ssv_refresh_change_free (SsvRefreshChange *change)
{
  if (change == NULL)
    return;

  g_free (change->title);
  g_free (change->what);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

/* "One Piece: status: Returning Series → Ended", "One Piece: new episode S21E01 …" */
char *
ssv_refresh_change_dup_text (const SsvRefreshChange *change)
{
  if (change->before != NULL && change->after != NULL)
    return g_strdup_printf ("%s: %s: %s → %s", change->title, change->what, change->before, change->after);
  if (change->after != NULL)
    return g_strdup_printf ("%s: %s: %s", change->title, change->what, change->after);
  if (change->before != NULL)
    /* Translators: a value a refresh cleared: "Lost: next episode: S07E01 (none now)" */
    return g_strdup_printf (_("%s: %s: %s (none now)"), change->title, change->what, change->before);

  return g_strdup_printf ("%s: %s", change->title, change->what);
}

static void
add_change (GPtrArray  *changes,
            const char *title,
            const char *what,
            const char *before,
            const char *after)
{
  SsvRefreshChange *change;

  if (changes == NULL)
    return;

  change = g_new0 (SsvRefreshChange, 1);
  change->title = g_strdup (title ? title : "");
  change->what = g_strdup (what);
  change->before = g_strdup (before);
  change->after = g_strdup (after);
  g_ptr_array_add (changes, change);
}

static char *
episode_code (int season,
              int number)
{
  return g_strdup_printf ("S%02dE%02d", season, number);
}

/* ---- what is due ------------------------------------------------------------------ */

static gboolean
load_seasons (SsvDatabase     *db,
              SsvRefreshItem  *item,
              GError         **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT season_number FROM seasons WHERE show_id = ?1 "
    "UNION SELECT season_number FROM episodes WHERE show_id = ?1 ORDER BY 1", error);
  int rc;

  item->seasons = g_array_new (FALSE, FALSE, sizeof (int));
  if (item->kind != SSV_ITEM_SHOW)
    return TRUE;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, item->id);
  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      int number = sqlite3_column_int (stmt, 0);
      g_array_append_val (item->seasons, number);
    }

  return rc == SQLITE_DONE;
}

static SsvRefreshItem *
read_item (SsvStmt *stmt)
{
  SsvRefreshItem *item = g_new0 (SsvRefreshItem, 1);

  ssv_item_kind_from_string (ssv_stmt_column_text (stmt, 0), &item->kind);
  item->id = sqlite3_column_int64 (stmt, 1);
  item->tmdb_id = sqlite3_column_int64 (stmt, 2);
  item->tvdb_id = sqlite3_column_int64 (stmt, 3);
  item->title = ssv_stmt_dup_text (stmt, 4);
  item->year = sqlite3_column_int (stmt, 5);
  item->airing = sqlite3_column_int (stmt, 6) != 0;
  item->next_season = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 7);

  return item;
}

#define MOVIE_SELECT \
  "SELECT 'movie', m.id, m.tmdb_id, m.tvdb_id, m.title, m.year, 0, NULL, coalesce (e.synced_at, 0) " \
  "FROM movies m JOIN enrichment_status e ON e.movie_id = m.id AND e.provider = 'tmdb' AND e.status = 'matched' " \
  "WHERE m.tmdb_id > 0"
#define SHOW_SELECT \
  "SELECT 'show', s.id, s.tmdb_id, s.tvdb_id, s.title, s.year, " AIRING_SQL ", s.next_episode_season, " \
  "coalesce (e.synced_at, 0) " \
  "FROM shows s JOIN enrichment_status e ON e.show_id = s.id AND e.provider = 'tmdb' AND e.status = 'matched' " \
  "WHERE s.tmdb_id > 0"

static const char *
due_sql (SsvRefreshScope scope)
{
  switch (scope)
    {
    case SSV_REFRESH_AIRING:
      return SHOW_SELECT " AND " AIRING_SQL " AND coalesce (e.synced_at, 0) <= ?1 - ?3 "
             "ORDER BY 9, 2 LIMIT ?2";
    case SSV_REFRESH_AIRING_NOW:
      return SHOW_SELECT " AND " AIRING_SQL " ORDER BY 9, 2 LIMIT ?2";
    case SSV_REFRESH_DUE:
      return MOVIE_SELECT " AND coalesce (e.synced_at, 0) <= ?1 - ?4 "
             "UNION ALL " SHOW_SELECT " AND NOT " AIRING_SQL " AND coalesce (e.synced_at, 0) <= ?1 - ?4 "
             "ORDER BY 9, 1, 2 LIMIT ?2";
    case SSV_REFRESH_ALL:
    case SSV_REFRESH_TITLE:
    default:
      return MOVIE_SELECT " UNION ALL " SHOW_SELECT " ORDER BY 1, 2 LIMIT ?2";
    }
}

/**
 * ssv_refresh_store_list_due:
 * @scope: any but %SSV_REFRESH_TITLE
 *
 * Returns: (transfer full) (element-type SsvRefreshItem): up to @limit titles
 *   TMDB matched whose last look is old enough for @scope, oldest first
 */
GPtrArray *
ssv_refresh_store_list_due (SsvDatabase      *db,
                            SsvRefreshScope   scope,
                            gint64            now,
                            guint             limit,
                            GError          **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_refresh_item_free);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, due_sql (scope), error);
  int rc;

  g_return_val_if_fail (scope != SSV_REFRESH_TITLE, NULL);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, SSV_REFRESH_AIRING_AGE_S);
  sqlite3_bind_int64 (stmt, 4, SSV_REFRESH_OTHER_AGE_S);
  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (items, read_item (stmt));
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, ssv_stmt_release);

  for (guint i = 0; i < items->len; i++)
    if (!load_seasons (db, g_ptr_array_index (items, i), error))
      return NULL;

  return g_steal_pointer (&items);
}

/* One title, due or not; NOT_FOUND when it is gone or TMDB never matched it. */
SsvRefreshItem *
ssv_refresh_store_load_item (SsvDatabase  *db,
                             SsvItemKind   kind,
                             gint64        id,
                             GError      **error)
{
  g_autoptr(SsvRefreshItem) item = NULL;
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    kind == SSV_ITEM_MOVIE ? MOVIE_SELECT " AND m.id = ?1" : SHOW_SELECT " AND s.id = ?1", error);

  g_return_val_if_fail (kind == SSV_ITEM_MOVIE || kind == SSV_ITEM_SHOW, NULL);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!ssv_stmt_step_row (stmt, _("This title is not in the library, or TMDB has not matched it yet."), error))
    return NULL;

  item = read_item (stmt);
  g_clear_pointer (&stmt, ssv_stmt_release);
  if (!load_seasons (db, item, error))
    return NULL;

  return g_steal_pointer (&item);
}

/* ---- replacing what legitimately changes ---------------------------------------------- */

/* Column names here are fixed strings of this file; values are always bound. */
static gboolean
replace_text (SsvDatabase  *db,
              const char   *table,
              const char   *column,
              gint64        id,
              const char   *before,
              const char   *after,
              GHashTable   *locked,
              const char   *title,
              const char   *what,
              GPtrArray    *changes,
              GError      **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(SsvStmt) stmt = NULL;

  if (g_strcmp0 (before, after) == 0 || (locked != NULL && g_hash_table_contains (locked, column)))
    return TRUE;
  if (after != NULL && (!g_utf8_validate (after, -1, NULL) || strlen (after) > 20000))
    return TRUE;

  sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2", table, column);
  stmt = ssv_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  ssv_stmt_bind_text (stmt, 1, after);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!ssv_stmt_step_done (stmt, error))
    return FALSE;

  if (what != NULL)
    add_change (changes, title, what, before, after);
  return TRUE;
}

static gboolean
replace_number (SsvDatabase  *db,
                const char   *table,
                const char   *column,
                gint64        id,
                double        before,
                double        after,
                gboolean      clear,
                GHashTable   *locked,
                GError      **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(SsvStmt) stmt = NULL;

  if ((!(after > 0) && !clear) || fabs (before - after) < 1e-9 ||
      (locked != NULL && g_hash_table_contains (locked, column)))
    return TRUE;

  sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2", table, column);
  stmt = ssv_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (after > 0)
    sqlite3_bind_double (stmt, 1, after);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, id);

  return ssv_stmt_step_done (stmt, error);
}

typedef struct
{
  char       *title;
  char       *status;
  char       *first_air_date;
  char       *last_air_date;
  char       *air_time;
  char       *air_time_zone;
  char       *release_date;
  double      tmdb_rating;
  double      tmdb_votes;
  int         in_production;
  int         next_season;
  int         next_number;
  char       *next_air_date;
  int         last_season;
  int         last_number;
  GHashTable *locked;
} TitleRow;

static void
title_row_clear (TitleRow *row)
{
  g_free (row->title);
  g_free (row->status);
  g_free (row->first_air_date);
  g_free (row->last_air_date);
  g_free (row->air_time);
  g_free (row->air_time_zone);
  g_free (row->release_date);
  g_free (row->next_air_date);
  g_clear_pointer (&row->locked, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TitleRow, title_row_clear)

static gboolean
read_title_row (SsvDatabase  *db,
                SsvItemKind   kind,
                gint64        id,
                TitleRow     *row,
                GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, kind == SSV_ITEM_SHOW
    ? "SELECT title, status, first_air_date, last_air_date, air_time, air_time_zone, NULL, "
      "coalesce (tmdb_rating, 0), coalesce (tmdb_votes, 0), coalesce (in_production, -1), "
      "coalesce (next_episode_season, -1), coalesce (next_episode_number, 0), next_episode_air_date, "
      "coalesce (last_episode_season, -1), coalesce (last_episode_number, 0), locked_fields "
      "FROM shows WHERE id = ?1"
    : "SELECT title, status, NULL, NULL, NULL, NULL, release_date, coalesce (tmdb_rating, 0), "
      "coalesce (tmdb_votes, 0), -1, -1, 0, NULL, -1, 0, locked_fields FROM movies WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!ssv_stmt_step_row (stmt, _("The title is no longer in the library."), error))
    return FALSE;

  row->title = ssv_stmt_dup_text (stmt, 0);
  row->status = ssv_stmt_dup_text (stmt, 1);
  row->first_air_date = ssv_stmt_dup_text (stmt, 2);
  row->last_air_date = ssv_stmt_dup_text (stmt, 3);
  row->air_time = ssv_stmt_dup_text (stmt, 4);
  row->air_time_zone = ssv_stmt_dup_text (stmt, 5);
  row->release_date = ssv_stmt_dup_text (stmt, 6);
  row->tmdb_rating = sqlite3_column_double (stmt, 7);
  row->tmdb_votes = sqlite3_column_double (stmt, 8);
  row->in_production = sqlite3_column_int (stmt, 9);
  row->next_season = sqlite3_column_int (stmt, 10);
  row->next_number = sqlite3_column_int (stmt, 11);
  row->next_air_date = ssv_stmt_dup_text (stmt, 12);
  row->last_season = sqlite3_column_int (stmt, 13);
  row->last_number = sqlite3_column_int (stmt, 14);
  row->locked = ssv_locked_fields_parse (ssv_stmt_column_text (stmt, 15));

  return TRUE;
}

static gboolean
replace_int (SsvDatabase  *db,
             const char   *table,
             const char   *column,
             gint64        id,
             int           value,
             gboolean      is_set,
             GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2", table, column);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  ssv_stmt_bind_int64_or_null (stmt, 1, value, is_set);
  sqlite3_bind_int64 (stmt, 2, id);

  return ssv_stmt_step_done (stmt, error);
}

/* The next episode TMDB names, or none: a show that ended, or waits for a new season. */
static gboolean
replace_next_episode (SsvDatabase    *db,
                      gint64          id,
                      const TitleRow *row,
                      const SsvMeta  *meta,
                      gboolean        complete,
                      GPtrArray      *changes,
                      GError        **error)
{
  gboolean has_next = meta->next_episode_number > 0;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!has_next && !complete)
    return TRUE;
  if (row->next_season == (has_next ? meta->next_episode_season : -1) &&
      row->next_number == (has_next ? meta->next_episode_number : 0) &&
      g_strcmp0 (row->next_air_date, has_next ? meta->next_episode_air_date : NULL) == 0)
    return TRUE;

  if (!replace_int (db, "shows", "next_episode_season", id, meta->next_episode_season, has_next, error) ||
      !replace_int (db, "shows", "next_episode_number", id, meta->next_episode_number, has_next, error) ||
      !replace_text (db, "shows", "next_episode_air_date", id, row->next_air_date,
                     has_next ? meta->next_episode_air_date : NULL, NULL, NULL, NULL, NULL, error))
    return FALSE;

  if (row->next_number > 0)
    {
      g_autofree char *code = episode_code (row->next_season, row->next_number);
      before = row->next_air_date ? g_strdup_printf ("%s, %s", code, row->next_air_date) : g_steal_pointer (&code);
    }
  if (has_next)
    {
      g_autofree char *code = episode_code (meta->next_episode_season, meta->next_episode_number);
      after = meta->next_episode_air_date ? g_strdup_printf ("%s, %s", code, meta->next_episode_air_date)
                                          : g_steal_pointer (&code);
    }
  add_change (changes, row->title, _("next episode"), before, after);
  return TRUE;
}

static gboolean
replace_show_fields (SsvDatabase    *db,
                     gint64          id,
                     const TitleRow *row,
                     const SsvMeta  *meta,
                     const SsvMeta  *tvdb,
                     gboolean        complete,
                     GPtrArray      *changes,
                     GError        **error)
{
  GHashTable *locked = row->locked;

  if ((meta->status != NULL &&
       !replace_text (db, "shows", "status", id, row->status, meta->status, locked, row->title,
                      _("status"), changes, error)) ||
      (meta->first_air_date != NULL &&
       !replace_text (db, "shows", "first_air_date", id, row->first_air_date, meta->first_air_date,
                      locked, row->title, _("first aired"), changes, error)) ||
      (meta->last_air_date != NULL &&
       !replace_text (db, "shows", "last_air_date", id, row->last_air_date, meta->last_air_date,
                      locked, row->title, _("last aired"), changes, error)) ||
      !replace_number (db, "shows", "tmdb_rating", id, row->tmdb_rating, meta->tmdb_rating, FALSE, locked, error) ||
      !replace_number (db, "shows", "tmdb_votes", id, row->tmdb_votes, (double) meta->tmdb_votes, FALSE,
                       locked, error))
    return FALSE;

  if (meta->in_production >= 0 && meta->in_production != row->in_production &&
      !replace_int (db, "shows", "in_production", id, meta->in_production, TRUE, error))
    return FALSE;

  if (meta->last_episode_number > 0 &&
      (meta->last_episode_season != row->last_season || meta->last_episode_number != row->last_number) &&
      (!replace_int (db, "shows", "last_episode_season", id, meta->last_episode_season, TRUE, error) ||
       !replace_int (db, "shows", "last_episode_number", id, meta->last_episode_number, TRUE, error)))
    return FALSE;

  if (!replace_next_episode (db, id, row, meta, complete, changes, error))
    return FALSE;

  /* TheTVDB knows the network's local air time best. */
  if (tvdb != NULL && tvdb->air_time != NULL &&
      (!replace_text (db, "shows", "air_time", id, row->air_time, tvdb->air_time, locked, row->title,
                      _("air time"), changes, error) ||
       (tvdb->air_time_zone != NULL &&
        !replace_text (db, "shows", "air_time_zone", id, row->air_time_zone, tvdb->air_time_zone, locked,
                       row->title, _("air time zone"), changes, error))))
    return FALSE;

  return TRUE;
}

static gboolean
replace_movie_fields (SsvDatabase    *db,
                      gint64          id,
                      const TitleRow *row,
                      const SsvMeta  *meta,
                      GPtrArray      *changes,
                      GError        **error)
{
  return (meta->status == NULL ||
          replace_text (db, "movies", "status", id, row->status, meta->status, row->locked, row->title,
                        _("status"), changes, error)) &&
         (meta->release_date == NULL ||
          replace_text (db, "movies", "release_date", id, row->release_date, meta->release_date, row->locked,
                        row->title, _("release date"), changes, error)) &&
         replace_number (db, "movies", "tmdb_rating", id, row->tmdb_rating, meta->tmdb_rating, FALSE,
                         row->locked, error) &&
         replace_number (db, "movies", "tmdb_votes", id, row->tmdb_votes, (double) meta->tmdb_votes, FALSE,
                         row->locked, error);
}

/* ---- a show's episodes ------------------------------------------------------------ */

typedef struct
{
  gint64      id;
  int         season;
  int         number;
  gint64      tmdb_id;
  gboolean    server;        /* a server listed it: its numbering is the server's */
  gboolean    has_file;
  gboolean    viewed;        /* watched, played or started */
  char       *source;        /* the provider that added it, NULL for a server's */
  GHashTable *locked;
  GHashTable *filled;        /* what TMDB filled in it */
  char       *title;
  char       *overview;
  char       *air_date;
  char       *still_url;
  double      rating;
  gboolean    gone;          /* merged into another row or removed */
} EpisodeRow;

static void
episode_row_free (gpointer data)
{
  EpisodeRow *row = data;

  g_free (row->source);
  g_clear_pointer (&row->locked, g_hash_table_unref);
  g_clear_pointer (&row->filled, g_hash_table_unref);
  g_free (row->title);
  g_free (row->overview);
  g_free (row->air_date);
  g_free (row->still_url);
  g_free (row);
}

static gpointer
read_episode_row (SsvStmt *stmt)
{
  EpisodeRow *row = g_new0 (EpisodeRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->season = sqlite3_column_int (stmt, 1);
  row->number = sqlite3_column_int (stmt, 2);
  row->tmdb_id = sqlite3_column_int64 (stmt, 3);
  row->server = sqlite3_column_int (stmt, 4) != 0;
  row->has_file = sqlite3_column_int (stmt, 5) != 0;
  row->viewed = sqlite3_column_int (stmt, 6) != 0;
  row->source = ssv_stmt_dup_text (stmt, 7);
  row->locked = ssv_locked_fields_parse (ssv_stmt_column_text (stmt, 8));
  row->filled = ssv_locked_fields_parse (NULL);
  {
    g_auto(GStrv) names = g_strsplit (ssv_stmt_column_text (stmt, 9) ? ssv_stmt_column_text (stmt, 9) : "", ",", -1);

    for (guint i = 0; names[i] != NULL; i++)
      if (names[i][0] != '\0')
        g_hash_table_add (row->filled, g_strdup (names[i]));
  }
  row->title = ssv_stmt_dup_text (stmt, 10);
  row->overview = ssv_stmt_dup_text (stmt, 11);
  row->air_date = ssv_stmt_dup_text (stmt, 12);
  row->still_url = ssv_stmt_dup_text (stmt, 13);
  row->rating = sqlite3_column_double (stmt, 14);

  return row;
}

static GPtrArray *
load_episode_rows (SsvDatabase  *db,
                   gint64        show_id,
                   GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (episode_row_free);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT e.id, e.season_number, e.episode_number, coalesce (e.tmdb_id, 0), e.server_id IS NOT NULL, "
    "EXISTS (SELECT 1 FROM media_files f WHERE f.episode_id = e.id), "
    "e.watched OR e.play_count > 0 OR e.resume_position_s IS NOT NULL, e.source, e.locked_fields, "
    "(SELECT st.filled FROM enrichment_status st WHERE st.episode_id = e.id AND st.provider = 'tmdb'), "
    "e.title, e.overview, e.air_date, e.still_url, coalesce (e.rating, 0) "
    "FROM episodes e WHERE e.show_id = ?1 ORDER BY e.season_number, e.episode_number", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, show_id);
  if (!ssv_stmt_collect_rows (stmt, read_episode_row, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}

static gint64
slot_key (int season,
          int number)
{
  return ((gint64) season << 32) | (guint32) number;
}

static gboolean
movable (const EpisodeRow *row)
{
  return !row->server && !row->has_file;
}

static gboolean
int_array_contains (GArray *array,
                    int     value)
{
  for (guint i = 0; array != NULL && i < array->len; i++)
    if (g_array_index (array, int, i) == value)
      return TRUE;

  return FALSE;
}

static gboolean
meta_lists_season (const SsvMeta *meta,
                   int            number)
{
  for (guint i = 0; i < meta->seasons->len; i++)
    if (((SsvMetaSeason *) g_ptr_array_index (meta->seasons, i))->season_number == number)
      return TRUE;

  return FALSE;
}

typedef struct
{
  SsvDatabase   *db;
  gint64         show_id;
  const char    *show_title;
  const SsvMeta *meta;
  GPtrArray     *rows;            /* EpisodeRow* */
  GHashTable    *by_slot;         /* slot → EpisodeRow*, live rows after moves */
  GHashTable    *meta_by_tmdb;    /* tmdb id → SsvMetaEpisode* of the answered seasons */
  GHashTable    *meta_by_slot;    /* slot → SsvMetaEpisode* */
  GHashTable    *old_slots;       /* slots the library had before */
  GPtrArray     *changes;
} Cascade;

static gboolean
merge_viewing (SsvDatabase  *db,
               gint64        from,
               gint64        into,
               GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "UPDATE episodes SET watched = max (episodes.watched, o.watched), "
    "play_count = max (episodes.play_count, o.play_count), "
    "resume_position_s = coalesce (episodes.resume_position_s, o.resume_position_s) "
    "FROM (SELECT watched, play_count, resume_position_s FROM episodes WHERE id = ?1) AS o WHERE id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, into);

  return ssv_stmt_step_done (stmt, error) &&
         ssv_database_exec_with_id (db, "DELETE FROM episodes WHERE id = ?1", from, error);
}

static gboolean
set_slot (SsvDatabase  *db,
          gint64        id,
          int           season,
          int           number,
          GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "UPDATE episodes SET season_number = ?2, episode_number = ?3 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, season);
  sqlite3_bind_int (stmt, 3, number);

  return ssv_stmt_step_done (stmt, error);
}

/* Episodes TMDB renumbered move to their new number, watched state and all. A
 * server's episode keeps the server's number. Where the new number is taken,
 * the viewing merges into the episode there. */
static gboolean
move_renumbered (Cascade  *c,
                 GError  **error)
{
  g_autoptr(GPtrArray) moving = g_ptr_array_new ();

  for (guint i = 0; i < c->rows->len; i++)
    {
      EpisodeRow *row = g_ptr_array_index (c->rows, i);
      SsvMetaEpisode *episode = row->tmdb_id > 0 ? g_hash_table_lookup (c->meta_by_tmdb, &row->tmdb_id) : NULL;

      if (episode != NULL && movable (row) &&
          (episode->season_number != row->season || episode->episode_number != row->number))
        g_ptr_array_add (moving, row);
    }

  /* Out of the way first, so moves in a chain (4 → 5, 5 → 6) never collide. */
  for (guint i = 0; i < moving->len; i++)
    {
      EpisodeRow *row = g_ptr_array_index (moving, i);
      gint64 key = slot_key (row->season, row->number);

      if (g_hash_table_lookup (c->by_slot, &key) == row)
        g_hash_table_remove (c->by_slot, &key);
      if (!set_slot (c->db, row->id, row->season, (int) -row->id, error))
        return FALSE;
    }

  for (guint i = 0; i < moving->len; i++)
    {
      EpisodeRow *row = g_ptr_array_index (moving, i);
      SsvMetaEpisode *episode = g_hash_table_lookup (c->meta_by_tmdb, &row->tmdb_id);
      gint64 key = slot_key (episode->season_number, episode->episode_number);
      EpisodeRow *occupant = g_hash_table_lookup (c->by_slot, &key);
      g_autofree char *from = episode_code (row->season, row->number);
      g_autofree char *to = episode_code (episode->season_number, episode->episode_number);
      g_autofree char *label = g_strdup_printf ("%s %s", c->show_title, from);

      if (occupant != NULL)
        {
          if (!merge_viewing (c->db, row->id, occupant->id, error))
            return FALSE;
          row->gone = TRUE;
          add_change (c->changes, label, _("renumbered, joined"), NULL, to);
          continue;
        }

      if (!set_slot (c->db, row->id, episode->season_number, episode->episode_number, error))
        return FALSE;
      row->season = episode->season_number;
      row->number = episode->episode_number;
      g_hash_table_insert (c->by_slot, g_memdup2 (&key, sizeof key), row);
      add_change (c->changes, label, _("renumbered"), from, to);
    }

  return TRUE;
}

/* Only a complete answer says what TMDB dropped. Only what TMDB added, without a
 * file, unwatched and not edited by the person, goes with it. */
static gboolean
remove_dropped (Cascade  *c,
                GError  **error)
{
  const SsvMeta *meta = c->meta;

  for (guint i = 0; i < c->rows->len; i++)
    {
      EpisodeRow *row = g_ptr_array_index (c->rows, i);
      gint64 key = slot_key (row->season, row->number);
      gboolean season_gone = meta->seasons->len > 0 && !meta_lists_season (meta, row->season);
      gboolean episode_gone = int_array_contains (meta->answered_seasons, row->season) &&
                              !g_hash_table_contains (c->meta_by_slot, &key);
      g_autofree char *code = NULL;

      if (row->gone || g_strcmp0 (row->source, PROVIDER) != 0 || !movable (row) || row->viewed ||
          g_hash_table_size (row->locked) > 0 || !(season_gone || episode_gone))
        continue;

      if (!ssv_database_exec_with_id (c->db, "DELETE FROM episodes WHERE id = ?1", row->id, error))
        return FALSE;
      row->gone = TRUE;
      if (g_hash_table_lookup (c->by_slot, &key) == row)
        g_hash_table_remove (c->by_slot, &key);
      code = episode_code (row->season, row->number);
      add_change (c->changes, c->show_title, _("removed, TMDB no longer lists it"), NULL, code);
    }

  /* Seasons TMDB added that it no longer lists, with nothing left in them. An
   * empty season list is no answer about seasons at all. */
  if (meta->seasons->len == 0)
    return TRUE;

  {
    g_autoptr(SsvStmt) seasons = ssv_database_prepare (c->db,
      "SELECT id, season_number FROM seasons s WHERE show_id = ?1 AND source = 'tmdb' "
      "AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.show_id = s.show_id "
      "AND e.season_number = s.season_number)", error);
    g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
    int rc;

    if (seasons == NULL)
      return FALSE;
    sqlite3_bind_int64 (seasons, 1, c->show_id);
    while ((rc = ssv_stmt_step (seasons, error)) == SQLITE_ROW)
      if (!meta_lists_season (meta, sqlite3_column_int (seasons, 1)))
        {
          gint64 id = sqlite3_column_int64 (seasons, 0);
          g_array_append_val (gone, id);
        }
    if (rc != SQLITE_DONE)
      return FALSE;
    g_clear_pointer (&seasons, ssv_stmt_release);

    for (guint i = 0; i < gone->len; i++)
      if (!ssv_database_exec_with_id (c->db, "DELETE FROM seasons WHERE id = ?1", g_array_index (gone, gint64, i),
                                      error))
        return FALSE;
  }

  return TRUE;
}

/* Whether TMDB's text may replace what the row has: always where TMDB added the
 * episode or filled the column; a server's own text stays. */
static gboolean
tmdb_owns (const EpisodeRow *row,
           const char       *column)
{
  return !row->server || g_hash_table_contains (row->filled, column);
}

static gboolean
replace_episode (Cascade              *c,
                 EpisodeRow           *row,
                 const SsvMetaEpisode *episode,
                 GError              **error)
{
  g_autofree char *code = episode_code (row->season, row->number);
  g_autofree char *label = g_strdup_printf ("%s %s", c->show_title, code);
  g_autofree char *date = ssv_dup_valid_date (episode->air_date);

  /* An overview is too long to print whole: the change says only that it changed. */
  if (episode->overview != NULL && row->overview != NULL && tmdb_owns (row, "overview") &&
      g_strcmp0 (row->overview, episode->overview) != 0 && !g_hash_table_contains (row->locked, "overview"))
    add_change (c->changes, label, _("overview changed"), NULL, NULL);

  /* Air dates move for everyone; the server's air date was TMDB's or TheTVDB's too. */
  if ((date != NULL &&
       !replace_text (c->db, "episodes", "air_date", row->id, row->air_date, date, row->locked, label,
                      _("air date"), c->changes, error)) ||
      !replace_number (c->db, "episodes", "rating", row->id, row->rating, episode->rating, FALSE, row->locked,
                       error))
    return FALSE;

  if ((episode->title != NULL && tmdb_owns (row, "title") &&
       !replace_text (c->db, "episodes", "title", row->id, row->title, episode->title, row->locked, label,
                      _("title"), c->changes, error)) ||
      (episode->overview != NULL && tmdb_owns (row, "overview") &&
       !replace_text (c->db, "episodes", "overview", row->id, row->overview, episode->overview, row->locked,
                      label, NULL, NULL, error)) ||
      (episode->still_url != NULL && g_str_has_prefix (episode->still_url, "http") &&
       tmdb_owns (row, "still_url") &&
       !replace_text (c->db, "episodes", "still_url", row->id, row->still_url, episode->still_url, row->locked,
                      label, NULL, NULL, error)))
    return FALSE;

  return TRUE;
}

static gboolean
replace_episodes (Cascade  *c,
                  GError  **error)
{
  for (guint i = 0; i < c->meta->episodes->len; i++)
    {
      const SsvMetaEpisode *episode = g_ptr_array_index (c->meta->episodes, i);
      gint64 key = slot_key (episode->season_number, episode->episode_number);
      EpisodeRow *row = g_hash_table_lookup (c->by_slot, &key);

      if (row != NULL && !row->gone && !replace_episode (c, row, episode, error))
        return FALSE;
    }

  return TRUE;
}

/* An episode TMDB numbers otherwise than the server that has its file: the
 * server's row is that episode, so TMDB's number must not add a second one. */
static gboolean
numbered_by_server_elsewhere (Cascade              *c,
                              const SsvMetaEpisode *episode)
{
  for (guint i = 0; episode->tmdb_id > 0 && i < c->rows->len; i++)
    {
      EpisodeRow *row = g_ptr_array_index (c->rows, i);

      if (!row->gone && row->tmdb_id == episode->tmdb_id && !movable (row) &&
          (row->season != episode->season_number || row->number != episode->episode_number))
        return TRUE;
    }

  return FALSE;
}

static void
note_new_episodes (Cascade   *c,
                   GPtrArray *kept)
{
  for (guint i = 0; i < kept->len; i++)
    {
      const SsvMetaEpisode *episode = g_ptr_array_index (kept, i);
      gint64 key = slot_key (episode->season_number, episode->episode_number);
      g_autofree char *code = NULL;
      g_autofree char *text = NULL;

      if (g_hash_table_contains (c->by_slot, &key))
        continue;

      code = episode_code (episode->season_number, episode->episode_number);
      if (episode->title != NULL && episode->air_date != NULL)
        text = g_strdup_printf ("%s “%s”, %s", code, episode->title, episode->air_date);
      else if (episode->air_date != NULL)
        text = g_strdup_printf ("%s, %s", code, episode->air_date);
      else
        text = g_strdup (code);
      add_change (c->changes, c->show_title, _("new episode"), NULL, text);
    }
}

static gboolean
read_episodes_synced (SsvDatabase  *db,
                      gint64        show_id,
                      gboolean     *synced,
                      GError      **error)
{
  gint64 value = ssv_database_find_id (db, "SELECT episodes_synced FROM enrichment_status "
                                           "WHERE show_id = ?1 AND provider = 'tmdb'", show_id, error);

  *synced = value > 0;
  return value >= 0;
}

static void
cascade_clear (Cascade *c)
{
  g_clear_pointer (&c->rows, g_ptr_array_unref);
  g_clear_pointer (&c->by_slot, g_hash_table_unref);
  g_clear_pointer (&c->meta_by_tmdb, g_hash_table_unref);
  g_clear_pointer (&c->meta_by_slot, g_hash_table_unref);
  g_clear_pointer (&c->old_slots, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cascade, cascade_clear)

static gboolean
cascade_init (Cascade        *c,
              SsvDatabase    *db,
              gint64          show_id,
              const char     *title,
              const SsvMeta  *meta,
              GPtrArray      *changes,
              GError        **error)
{
  c->db = db;
  c->show_id = show_id;
  c->show_title = title;
  c->meta = meta;
  c->changes = changes;
  c->rows = load_episode_rows (db, show_id, error);
  if (c->rows == NULL)
    return FALSE;

  c->by_slot = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  c->old_slots = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  c->meta_by_tmdb = g_hash_table_new (g_int64_hash, g_int64_equal);
  c->meta_by_slot = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < c->rows->len; i++)
    {
      EpisodeRow *row = g_ptr_array_index (c->rows, i);
      gint64 key = slot_key (row->season, row->number);

      g_hash_table_insert (c->by_slot, g_memdup2 (&key, sizeof key), row);
      g_hash_table_add (c->old_slots, g_memdup2 (&key, sizeof key));
    }

  for (guint i = 0; i < meta->episodes->len; i++)
    {
      SsvMetaEpisode *episode = g_ptr_array_index (meta->episodes, i);
      gint64 key = slot_key (episode->season_number, episode->episode_number);

      if (episode->tmdb_id > 0)
        g_hash_table_insert (c->meta_by_tmdb, &episode->tmdb_id, episode);
      g_hash_table_insert (c->meta_by_slot, g_memdup2 (&key, sizeof key), episode);
    }

  return TRUE;
}

static gboolean
all_seasons_answered (const SsvMeta *meta)
{
  for (guint i = 0; i < meta->seasons->len; i++)
    if (!int_array_contains (meta->answered_seasons,
                             ((SsvMetaSeason *) g_ptr_array_index (meta->seasons, i))->season_number))
      return FALSE;

  return TRUE;
}

/* The whole write of one show's refresh, inside the caller's transaction. */
static gboolean
apply_show (SsvEnrichmentStore   *store,
            const SsvRefreshItem *item,
            const TitleRow       *row,
            const SsvMeta        *meta,
            const SsvMeta        *tvdb,
            gboolean              complete,
            GPtrArray            *changes,
            GError              **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (store));
  g_auto(Cascade) c = { 0, };
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  SsvWorkItem work = { 0, };
  SsvMeta fill = *meta;
  gboolean every_season;
  gboolean synced;

  if (!replace_show_fields (db, item->id, row, meta, tvdb, complete, changes, error) ||
      !cascade_init (&c, db, item->id, row->title, meta, changes, error) ||
      !move_renumbered (&c, error) ||
      (complete && !remove_dropped (&c, error)) ||
      !replace_episodes (&c, error) ||
      !read_episodes_synced (db, item->id, &synced, error))
    return FALSE;

  for (guint i = 0; i < meta->episodes->len; i++)
    if (!numbered_by_server_elsewhere (&c, g_ptr_array_index (meta->episodes, i)))
      g_ptr_array_add (kept, g_ptr_array_index (meta->episodes, i));
  note_new_episodes (&c, kept);

  /* Everything else only where it is empty, as the first match did. The
   * "every season" mark stays what it was unless every season was read. */
  fill.episodes = kept;
  work.kind = SSV_ITEM_SHOW;
  work.id = item->id;
  work.tmdb_id = item->tmdb_id;
  every_season = complete && all_seasons_answered (meta);
  if (!ssv_enrichment_store_record_in_transaction (store, PROVIDER, &work, &fill, SSV_OUTCOME_MATCHED,
                                                   every_season, NULL, error))
    return FALSE;

  return every_season || !synced ||
         ssv_database_exec_with_id (db, "UPDATE enrichment_status SET episodes_synced = 1 "
                                        "WHERE show_id = ?1 AND provider = 'tmdb'", item->id, error);
}

/**
 * ssv_refresh_store_apply:
 * @tmdb: TMDB's answer for @item
 * @tvdb: (nullable): TheTVDB's, for a show's air time
 * @complete: every part of TMDB's answer that was asked for arrived; only then
 *   are episodes it no longer lists removed (and only ones it added itself,
 *   without a file, unwatched and unedited)
 * @changes: (element-type SsvRefreshChange) (nullable): gets what changed
 *
 * Writes a refresh in one transaction: status, air dates, ratings, the next
 * episode and the episode list are replaced (never a locked field, never a
 * server's own episode text); renumbered episodes move with their watched
 * state; everything else is only filled where empty. Emits "changed".
 */
gboolean
ssv_refresh_store_apply (SsvEnrichmentStore    *store,
                         const SsvRefreshItem  *item,
                         const SsvMeta         *tmdb,
                         const SsvMeta         *tvdb,
                         gboolean               complete,
                         GPtrArray             *changes,
                         GError               **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (store));
  g_auto(TitleRow) row = { 0, };
  gboolean ok;

  g_return_val_if_fail (item->kind == SSV_ITEM_MOVIE || item->kind == SSV_ITEM_SHOW, FALSE);

  if (!ssv_database_begin (db, error))
    return FALSE;

  if (!read_title_row (db, item->kind, item->id, &row, error))
    {
      ssv_database_rollback (db);
      return FALSE;
    }

  if (item->kind == SSV_ITEM_SHOW)
    ok = apply_show (store, item, &row, tmdb, tvdb, complete, changes, error);
  else
    {
      SsvWorkItem work = { .kind = SSV_ITEM_MOVIE, .id = item->id, .tmdb_id = item->tmdb_id };

      ok = replace_movie_fields (db, item->id, &row, tmdb, changes, error) &&
           ssv_enrichment_store_record_in_transaction (store, PROVIDER, &work, tmdb, SSV_OUTCOME_MATCHED,
                                                       FALSE, NULL, error);
    }

  if (!ok)
    {
      ssv_database_rollback (db);
      return FALSE;
    }

  if (!ssv_database_commit (db, error))
    return FALSE;

  ssv_store_emit_changed (SSV_STORE (store), ssv_item_kind_to_string (item->kind));
  if (item->kind == SSV_ITEM_SHOW)
    ssv_store_emit_changed (SSV_STORE (store), "episode");
  return TRUE;
}

/**
 * ssv_refresh_store_mark_gone:
 * @message: why, for people ("TMDB no longer has this title")
 *
 * TMDB lost the title (a 404): everything stays as it is, match included; the
 * title is not asked about again until its next turn.
 */
gboolean
ssv_refresh_store_mark_gone (SsvEnrichmentStore    *store,
                             const SsvRefreshItem  *item,
                             const char            *message,
                             GError               **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (store));
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, item->kind == SSV_ITEM_SHOW
    ? "UPDATE enrichment_status SET synced_at = ?2, last_error = ?3 WHERE show_id = ?1 AND provider = 'tmdb'"
    : "UPDATE enrichment_status SET synced_at = ?2, last_error = ?3 WHERE movie_id = ?1 AND provider = 'tmdb'",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  ssv_stmt_bind_text (stmt, 3, message);

  return ssv_stmt_step_done (stmt, error);
}
