/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-enrichment-queue.c: the work queue of each provider (what to ask next, a title a
 * person asked for) and each provider's status: counts, failures, unmatched titles. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "stores/ssv-enrichment-store-private.h"

static SsvDatabase *
get_db (SsvEnrichmentStore *self)
{
  return ssv_store_get_database (SSV_STORE (self));
}

/* ---- the queue ---------------------------------------------------------------- */

static const char *
requirement_sql (SsvRequirement requirement)
{
  switch (requirement)
    {
    case SSV_REQUIRE_IMDB: return "x.imdb_id IS NOT NULL AND x.imdb_id != ''";
    case SSV_REQUIRE_TVDB: return "x.tvdb_id IS NOT NULL AND x.tvdb_id > 0";
    case SSV_REQUIRE_TMDB_OR_IMDB:
      return "((x.tmdb_id IS NOT NULL AND x.tmdb_id > 0) OR (x.imdb_id IS NOT NULL AND x.imdb_id != ''))";
    case SSV_REQUIRE_NOTHING:
    case SSV_N_REQUIREMENTS:
    default: return "1";
    }
}

/* The columns a work item is read from, for the table aliased x (and sh for an episode's show). */
static const char *
item_select (SsvItemKind kind)
{
  switch (kind)
    {
    case SSV_ITEM_MOVIE:
      return "x.id, x.title, x.year, x.tmdb_id, x.tvdb_id, x.imdb_id, 0, 0, 0";
    case SSV_ITEM_SHOW:
      return "x.id, x.title, x.year, x.tmdb_id, x.tvdb_id, x.imdb_id, 0, 0, 0";
    case SSV_ITEM_EPISODE:
    case SSV_N_ITEM_KINDS:
    default:
      return "x.id, sh.title, sh.year, x.tmdb_id, x.tvdb_id, x.imdb_id, x.show_id, x.season_number, x.episode_number";
    }
}

static const char *
item_table (SsvItemKind kind)
{
  switch (kind)
    {
    case SSV_ITEM_MOVIE: return "movies x";
    case SSV_ITEM_SHOW: return "shows x";
    case SSV_ITEM_EPISODE:
    case SSV_N_ITEM_KINDS:
    default: return "episodes x";
    }
}

/* An episode's label needs its show. */
static const char *
item_join (SsvItemKind kind)
{
  return kind == SSV_ITEM_EPISODE ? " JOIN shows sh ON sh.id = x.show_id" : "";
}

static SsvWorkItem *
read_item (SsvStmt     *stmt,
           SsvItemKind  kind,
           int          previous)
{
  SsvWorkItem *item = g_new0 (SsvWorkItem, 1);

  item->kind = kind;
  item->id = sqlite3_column_int64 (stmt, 0);
  item->title = ssv_stmt_dup_text (stmt, 1);
  item->year = sqlite3_column_int (stmt, 2);
  item->tmdb_id = sqlite3_column_int64 (stmt, 3);
  item->tvdb_id = sqlite3_column_int64 (stmt, 4);
  item->imdb_id = ssv_stmt_dup_text (stmt, 5);
  item->show_id = sqlite3_column_int64 (stmt, 6);
  item->season_number = sqlite3_column_int (stmt, 7);
  item->episode_number = sqlite3_column_int (stmt, 8);
  item->previous = previous;

  return item;
}

/**
 * ssv_enrichment_store_next_items:
 * @retry_window_s: how long a "not found" rests before it is asked again; an
 *   error rests an hour, doubling with each attempt, up to this window
 *
 * Returns: (transfer full) (element-type SsvWorkItem): up to @limit items:
 *   never-attempted ones first, then failures whose rest is over
 */
GPtrArray *
ssv_enrichment_store_next_items (SsvEnrichmentStore  *self,
                                 const char          *provider,
                                 SsvItemKind          kind,
                                 SsvRequirement       requirement,
                                 gint64               now,
                                 gint64               retry_window_s,
                                 guint                limit,
                                 GError             **error)
{
  SsvDatabase *db = get_db (self);
  const char *fk = ssv_enrichment_table_for_kind (kind)->status_column;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_work_item_free);
  g_autofree char *fresh_sql = NULL;
  g_autofree char *due_sql = NULL;
  int rc;

  fresh_sql = g_strdup_printf ("SELECT %s FROM %s%s WHERE %s AND NOT EXISTS "
                               "(SELECT 1 FROM enrichment_status s WHERE s.%s = x.id AND s.provider = ?1) "
                               "ORDER BY x.id LIMIT ?2",
                               item_select (kind), item_table (kind), item_join (kind),
                               requirement_sql (requirement), fk);
  {
    g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, fresh_sql, error);

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_text (stmt, 1, provider, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, limit);
    while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
      g_ptr_array_add (items, read_item (stmt, kind, -1));
    if (rc != SQLITE_DONE)
      return NULL;
  }

  if (items->len >= limit)
    return g_steal_pointer (&items);

  due_sql = g_strdup_printf ("SELECT %s, s.status FROM enrichment_status s JOIN %s ON x.id = s.%s%s "
                             "WHERE s.provider = ?1 AND s.status IN ('not_found', 'error') AND %s "
                             "AND s.last_attempt_at <= ?3 - (CASE WHEN s.status = 'error' "
                             "  THEN min(?4, 3600 << min(max(s.attempts - 1, 0), 20)) ELSE ?4 END) "
                             "ORDER BY s.last_attempt_at, x.id LIMIT ?2",
                             item_select (kind), item_table (kind), fk, item_join (kind),
                             requirement_sql (requirement));
  {
    g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, due_sql, error);

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_text (stmt, 1, provider, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, limit - items->len);
    sqlite3_bind_int64 (stmt, 3, now);
    sqlite3_bind_int64 (stmt, 4, retry_window_s);
    while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
      g_ptr_array_add (items, read_item (stmt, kind, ssv_outcome_from_string (ssv_stmt_column_text (stmt, 9))));
    if (rc != SQLITE_DONE)
      return NULL;
  }

  return g_steal_pointer (&items);
}

/* One title, whatever its place in the queue; %NULL with NOT_FOUND if it is gone. */
SsvWorkItem *
ssv_enrichment_store_load_item (SsvEnrichmentStore  *self,
                                const char          *provider,
                                SsvItemKind          kind,
                                gint64               id,
                                GError             **error)
{
  SsvDatabase *db = get_db (self);
  g_autofree char *sql = NULL;
  g_autoptr(SsvStmt) stmt = NULL;
  SsvWorkItem *item;

  sql = g_strdup_printf ("SELECT %s, (SELECT s.status FROM enrichment_status s "
                         "WHERE s.%s = x.id AND s.provider = ?2) FROM %s%s WHERE x.id = ?1",
                         item_select (kind), ssv_enrichment_table_for_kind (kind)->status_column, item_table (kind),
                         item_join (kind));
  stmt = ssv_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, provider, -1, SQLITE_TRANSIENT);
  if (!ssv_stmt_step_row (stmt, _("The title is no longer in the library."), error))
    return NULL;

  item = read_item (stmt, kind, sqlite3_column_type (stmt, 9) == SQLITE_NULL
                                ? -1 : (int) ssv_outcome_from_string (ssv_stmt_column_text (stmt, 9)));
  item->forced = TRUE;

  return item;
}

/* ---- reading ------------------------------------------------------------------ */

gboolean
ssv_enrichment_store_get_stats (SsvEnrichmentStore  *self,
                                const char          *provider,
                                SsvItemKind          kind,
                                SsvRequirement       requirement,
                                SsvKindStats        *stats,
                                GError             **error)
{
  SsvDatabase *db = get_db (self);
  const char *fk = ssv_enrichment_table_for_kind (kind)->status_column;
  g_autofree char *sql = NULL;
  g_autoptr(SsvStmt) stmt = NULL;

  sql = g_strdup_printf ("SELECT (SELECT count(*) FROM %s WHERE %s AND NOT EXISTS "
                         "  (SELECT 1 FROM enrichment_status s WHERE s.%s = x.id AND s.provider = ?1)), "
                         "coalesce(sum(status = 'matched'), 0), coalesce(sum(status = 'not_found'), 0), "
                         "coalesce(sum(status = 'error'), 0) "
                         "FROM enrichment_status WHERE provider = ?1 AND %s IS NOT NULL",
                         item_table (kind), requirement_sql (requirement), fk, fk);
  stmt = ssv_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, provider, -1, SQLITE_TRANSIENT);
  if (ssv_stmt_step (stmt, error) != SQLITE_ROW)
    return FALSE;

  stats->pending = sqlite3_column_int64 (stmt, 0);
  stats->matched = sqlite3_column_int64 (stmt, 1);
  stats->not_found = sqlite3_column_int64 (stmt, 2);
  stats->errors = sqlite3_column_int64 (stmt, 3);

  return TRUE;
}

/* Makes every failure of @provider due now. Returns how many, or -1. */
gint64
ssv_enrichment_store_retry_failed (SsvEnrichmentStore  *self,
                                   const char          *provider,
                                   GError             **error)
{
  SsvDatabase *db = get_db (self);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "UPDATE enrichment_status SET last_attempt_at = 0, attempts = 0 "
    "WHERE provider = ?1 AND status IN ('not_found', 'error')", error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, provider, -1, SQLITE_TRANSIENT);
  if (!ssv_stmt_step_done (stmt, error))
    return -1;

  return ssv_database_changes (db);
}

/**
 * ssv_enrichment_store_list_unmatched:
 * @search: (nullable): part of a title
 *
 * Returns: (transfer full) (element-type SsvUnmatched): movies and shows
 *   @provider could not match or failed on, by title
 */
GPtrArray *
ssv_enrichment_store_list_unmatched (SsvEnrichmentStore  *self,
                                     const char          *provider,
                                     const char          *search,
                                     guint                limit,
                                     GError             **error)
{
  SsvDatabase *db = get_db (self);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_unmatched_free);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT 'movie', m.id, m.title, m.year, s.status, s.last_error, s.last_attempt_at "
    "FROM enrichment_status s JOIN movies m ON m.id = s.movie_id "
    "WHERE s.provider = ?1 AND s.status != 'matched' AND (?2 IS NULL OR instr(lower(m.title), lower(?2)) > 0) "
    "UNION ALL "
    "SELECT 'show', sh.id, sh.title, sh.year, s.status, s.last_error, s.last_attempt_at "
    "FROM enrichment_status s JOIN shows sh ON sh.id = s.show_id "
    "WHERE s.provider = ?1 AND s.status != 'matched' AND (?2 IS NULL OR instr(lower(sh.title), lower(?2)) > 0) "
    "ORDER BY 3 COLLATE NOCASE, 2 LIMIT ?3", error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, provider, -1, SQLITE_TRANSIENT);
  ssv_stmt_bind_text (stmt, 2, search);
  sqlite3_bind_int64 (stmt, 3, limit);
  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      SsvUnmatched *unmatched = g_new0 (SsvUnmatched, 1);

      unmatched->provider = g_strdup (provider);
      ssv_item_kind_from_string (ssv_stmt_column_text (stmt, 0), &unmatched->kind);
      unmatched->id = sqlite3_column_int64 (stmt, 1);
      unmatched->title = ssv_stmt_dup_text (stmt, 2);
      unmatched->year = sqlite3_column_int (stmt, 3);
      unmatched->status = ssv_outcome_from_string (ssv_stmt_column_text (stmt, 4));
      unmatched->last_error = ssv_stmt_dup_text (stmt, 5);
      unmatched->last_attempt_at = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (found, unmatched);
    }
  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&found);
}

/* Whether @provider finished the title (and, for a show, all its seasons). */
gboolean
ssv_enrichment_store_is_synced (SsvEnrichmentStore  *self,
                                const char          *provider,
                                SsvItemKind          kind,
                                gint64               id,
                                GError             **error)
{
  SsvDatabase *db = get_db (self);
  g_autofree char *sql = g_strdup_printf ("SELECT status = 'matched' AND (?3 = 0 OR episodes_synced) "
                                          "FROM enrichment_status WHERE %s = ?1 AND provider = ?2",
                                          ssv_enrichment_table_for_kind (kind)->status_column);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, provider, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, kind == SSV_ITEM_SHOW);
  rc = ssv_stmt_step (stmt, error);

  return rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}
