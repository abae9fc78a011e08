/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-enrichment-store.c: per-provider match status, the work queue, gap-only metadata writes. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-enrichment-store.h"
#include "ssv-enrichment-store-private.h"
#include "ssv-error.h"
#include "ssv-locked-fields.h"
#include "ssv-utils.h"

struct _SsvEnrichmentStore
{
  SsvStore parent_instance;
};

G_DEFINE_FINAL_TYPE (SsvEnrichmentStore, ssv_enrichment_store, SSV_TYPE_STORE)

/* ---- the whitelist ---------------------------------------------------------
 * Providers may write these columns and no others, each only where it is empty
 * and not locked by the person. Names here are the only names that ever reach
 * an SQL string; values are always bound. */

typedef enum
{
  COL_TEXT,      /* char*, non-empty UTF-8 */
  COL_DATE,      /* char*, YYYY-MM-DD */
  COL_TIME,      /* char*, HH:MM */
  COL_URL,       /* char*, http(s) */
  COL_IMDB,      /* char*, tt1234567 */
  COL_INT,       /* int, > 0 */
  COL_INT64,     /* gint64, > 0 */
  COL_REAL,      /* double, > 0 */
  COL_SCORE,     /* int, 0…100 (-1 = none) */
} ColumnType;

typedef struct
{
  const char *name;
  ColumnType  type;
  gsize       offset;
} Column;

#define META(field) G_STRUCT_OFFSET (SsvMeta, field)
#define EPISODE(field) G_STRUCT_OFFSET (SsvMetaEpisode, field)
#define SEASON(field) G_STRUCT_OFFSET (SsvMetaSeason, field)

/* Movies and shows share these: first the text… */
#define TITLE_TEXT_COLUMNS                                \
  { "original_title", COL_TEXT, META (original_title) },  \
  { "year", COL_INT, META (year) },                       \
  { "overview", COL_TEXT, META (overview) },              \
  { "tagline", COL_TEXT, META (tagline) },                \
  { "content_rating", COL_TEXT, META (content_rating) }

/* …and last their art, ratings and subtitles. */
#define TITLE_ART_AND_RATING_COLUMNS                             \
  { "poster_url", COL_URL, META (poster_url) },                  \
  { "backdrop_url", COL_URL, META (backdrop_url) },              \
  { "logo_url", COL_URL, META (logo_url) },                      \
  { "clearart_url", COL_URL, META (clearart_url) },              \
  { "banner_url", COL_URL, META (banner_url) },                  \
  { "tmdb_rating", COL_REAL, META (tmdb_rating) },               \
  { "tmdb_votes", COL_INT64, META (tmdb_votes) },                \
  { "imdb_rating", COL_REAL, META (imdb_rating) },               \
  { "imdb_votes", COL_INT64, META (imdb_votes) },                \
  { "rt_score", COL_SCORE, META (rt_score) },                    \
  { "metascore", COL_SCORE, META (metascore) },                  \
  { "subtitle_languages", COL_TEXT, META (subtitle_languages) }

static const Column movie_columns[] = {
  TITLE_TEXT_COLUMNS,
  { "runtime_minutes", COL_INT, META (runtime_minutes) },
  { "release_date", COL_DATE, META (release_date) },
  { "studio", COL_TEXT, META (studio) },
  { "collection", COL_TEXT, META (collection) },
  { "status", COL_TEXT, META (status) },
  { "tmdb_id", COL_INT64, META (tmdb_id) },
  { "imdb_id", COL_IMDB, META (imdb_id) },
  { "tvdb_id", COL_INT64, META (tvdb_id) },
  TITLE_ART_AND_RATING_COLUMNS,
};

static const Column show_columns[] = {
  TITLE_TEXT_COLUMNS,
  { "status", COL_TEXT, META (status) },
  { "network", COL_TEXT, META (network) },
  { "first_air_date", COL_DATE, META (first_air_date) },
  { "last_air_date", COL_DATE, META (last_air_date) },
  { "air_time", COL_TIME, META (air_time) },
  { "air_time_zone", COL_TEXT, META (air_time_zone) },
  { "runtime_minutes", COL_INT, META (runtime_minutes) },
  { "tmdb_id", COL_INT64, META (tmdb_id) },
  { "tvdb_id", COL_INT64, META (tvdb_id) },
  { "imdb_id", COL_IMDB, META (imdb_id) },
  TITLE_ART_AND_RATING_COLUMNS,
};

/* An episode as an item of its own (OMDb rates episodes by their IMDb id). */
static const Column episode_item_columns[] = {
  { "imdb_rating", COL_REAL, META (imdb_rating) },
  { "overview", COL_TEXT, META (overview) },
};

/* An episode in a show's cascade. */
static const Column episode_columns[] = {
  { "title", COL_TEXT, EPISODE (title) },
  { "overview", COL_TEXT, EPISODE (overview) },
  { "air_date", COL_DATE, EPISODE (air_date) },
  { "runtime_minutes", COL_INT, EPISODE (runtime_minutes) },
  { "absolute_number", COL_INT, EPISODE (absolute_number) },
  { "rating", COL_REAL, EPISODE (rating) },
  { "still_url", COL_URL, EPISODE (still_url) },
  { "tmdb_id", COL_INT64, EPISODE (tmdb_id) },
  { "tvdb_id", COL_INT64, EPISODE (tvdb_id) },
  { "imdb_id", COL_IMDB, EPISODE (imdb_id) },
  { "imdb_rating", COL_REAL, EPISODE (imdb_rating) },
};

static const Column season_columns[] = {
  { "title", COL_TEXT, SEASON (title) },
  { "overview", COL_TEXT, SEASON (overview) },
  { "air_date", COL_DATE, SEASON (air_date) },
  { "poster_url", COL_URL, SEASON (poster_url) },
  { "episode_count", COL_INT, SEASON (episode_count) },
};

typedef struct
{
  const char   *table;
  const char   *status_column;   /* its foreign key in enrichment_status */
  const Column *columns;
  guint         n_columns;
} TableInfo;

static const TableInfo movie_table = { "movies", "movie_id", movie_columns, G_N_ELEMENTS (movie_columns) };
static const TableInfo show_table = { "shows", "show_id", show_columns, G_N_ELEMENTS (show_columns) };
static const TableInfo episode_item_table = { "episodes", "episode_id", episode_item_columns,
                                              G_N_ELEMENTS (episode_item_columns) };
static const TableInfo episode_table = { "episodes", "episode_id", episode_columns, G_N_ELEMENTS (episode_columns) };
static const TableInfo season_table = { "seasons", NULL, season_columns, G_N_ELEMENTS (season_columns) };

static const TableInfo *
table_for_kind (SsvItemKind kind)
{
  switch (kind)
    {
    case SSV_ITEM_MOVIE: return &movie_table;
    case SSV_ITEM_SHOW: return &show_table;
    case SSV_ITEM_EPISODE:
    case SSV_N_ITEM_KINDS:
    default: return &episode_item_table;
    }
}

static const char * const outcome_names[] = { "matched", "not_found", "error" };

const char *
ssv_outcome_to_string (SsvOutcome outcome)
{
  g_return_val_if_fail (outcome < SSV_N_OUTCOMES, "error");

  return outcome_names[outcome];
}

static SsvOutcome
outcome_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcome_names); i++)
    if (g_strcmp0 (text, outcome_names[i]) == 0)
      return i;

  return SSV_OUTCOME_ERROR;
}

/* ---- small records -------------------------------------------------------- */

SsvWorkItem *
ssv_work_item_copy (const SsvWorkItem *item)
{
  SsvWorkItem *copy = g_memdup2 (item, sizeof *item);

  copy->title = g_strdup (item->title);
  copy->imdb_id = g_strdup (item->imdb_id);

  return copy;
}

void
ssv_work_item_free (SsvWorkItem *item)
{
  if (item == NULL)
    return;

  g_free (item->title);
  g_free (item->imdb_id);
  g_free (item);
}

/* What a person reads as the current item: "Heat (1995)", "Lost S01E02". */
char *
ssv_work_item_dup_label (const SsvWorkItem *item)
{
  const char *title = item->title ? item->title : "";

  if (item->kind == SSV_ITEM_EPISODE)
    return g_strdup_printf ("%s S%02dE%02d", title, item->season_number, item->episode_number);
  if (item->year > 0)
    return g_strdup_printf ("%s (%d)", title, item->year);

  return g_strdup (title);
}

void
ssv_unmatched_free (SsvUnmatched *unmatched)
{
  if (unmatched == NULL)
    return;

  g_free (unmatched->provider);
  g_free (unmatched->title);
  g_free (unmatched->last_error);
  g_free (unmatched);
}

/* ---- object ---------------------------------------------------------------- */

static void
ssv_enrichment_store_class_init (SsvEnrichmentStoreClass *klass)
{
}

static void
ssv_enrichment_store_init (SsvEnrichmentStore *self)
{
}

SsvEnrichmentStore *
ssv_enrichment_store_new (SsvDatabase *database)
{
  return g_object_new (SSV_TYPE_ENRICHMENT_STORE, "database", database, NULL);
}

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
  const char *fk = table_for_kind (kind)->status_column;
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
      g_ptr_array_add (items, read_item (stmt, kind, outcome_from_string (ssv_stmt_column_text (stmt, 9))));
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
                         item_select (kind), table_for_kind (kind)->status_column, item_table (kind),
                         item_join (kind));
  stmt = ssv_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, provider, -1, SQLITE_TRANSIENT);
  if (!ssv_stmt_step_row (stmt, _("The title is no longer in the library."), error))
    return NULL;

  item = read_item (stmt, kind, sqlite3_column_type (stmt, 9) == SQLITE_NULL
                                ? -1 : (int) outcome_from_string (ssv_stmt_column_text (stmt, 9)));
  item->forced = TRUE;

  return item;
}

/* ---- writing ------------------------------------------------------------------ */

static gboolean
exec_bound_step (SsvStmt  *stmt,
                 GError  **error)
{
  return ssv_stmt_step_done (stmt, error);
}

/* A status row's filled list, "overview,tagline", → a set of column names.
 * (Locks are another thing: ssv_locked_fields_parse() reads those.) */
static GHashTable *
parse_name_list (const char *text)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return set;

  parts = g_strsplit_set (text, ",; \t\n[]\"", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_hash_table_add (set, g_strdup (parts[i]));

  return set;
}

static char *
join_name_set (GHashTable *set)
{
  return ssv_string_set_join (set, ",");
}

static GHashTable *
read_locked (SsvDatabase  *db,
             const char   *table,
             gint64        id,
             gboolean     *exists,
             GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT locked_fields FROM %s WHERE id = ?1", table);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, sql, error);
  int rc;

  *exists = FALSE;
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = ssv_stmt_step (stmt, error);
  if (rc == SQLITE_ROW)
    {
      *exists = TRUE;
      return ssv_locked_fields_parse (ssv_stmt_column_text (stmt, 0));
    }
  if (rc == SQLITE_DONE)
    return ssv_locked_fields_parse (NULL);

  return NULL;
}

static gboolean
valid_time (const char *text)
{
  return strlen (text) == 5 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && text[2] == ':' &&
         g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4]);
}

static gboolean
valid_date (const char *text)
{
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

/* Binds the column's value from @record to parameter 1; FALSE when there is nothing worth writing. */
static gboolean
bind_value (SsvStmt       *stmt,
            const Column  *column,
            gconstpointer  record)
{
  const guint8 *base = record;

  switch (column->type)
    {
    case COL_TEXT:
    case COL_DATE:
    case COL_TIME:
    case COL_URL:
    case COL_IMDB:
      {
        const char *text = *(char * const *) (base + column->offset);

        if (text == NULL || text[0] == '\0' || !g_utf8_validate (text, -1, NULL) || strlen (text) > 20000)
          return FALSE;
        if (column->type == COL_DATE && !valid_date (text))
          return FALSE;
        if (column->type == COL_TIME && !valid_time (text))
          return FALSE;
        if (column->type == COL_URL && !g_str_has_prefix (text, "https://") && !g_str_has_prefix (text, "http://"))
          return FALSE;
        if (column->type == COL_IMDB && !ssv_is_imdb_id (text))
          return FALSE;
        sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
        return TRUE;
      }

    case COL_INT:
      {
        int value = *(const int *) (base + column->offset);

        if (value <= 0)
          return FALSE;
        sqlite3_bind_int (stmt, 1, value);
        return TRUE;
      }

    case COL_INT64:
      {
        gint64 value = *(const gint64 *) (base + column->offset);

        if (value <= 0)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, value);
        return TRUE;
      }

    case COL_REAL:
      {
        double value = *(const double *) (base + column->offset);

        if (!(value > 0) || value > 1e9)
          return FALSE;
        sqlite3_bind_double (stmt, 1, value);
        return TRUE;
      }

    case COL_SCORE:
      {
        int value = *(const int *) (base + column->offset);

        if (value < 0 || value > 100)
          return FALSE;
        sqlite3_bind_int (stmt, 1, value);
        return TRUE;
      }

    default:
      return FALSE;
    }
}

static gboolean
is_numeric (ColumnType type)
{
  return type == COL_INT || type == COL_INT64 || type == COL_REAL || type == COL_SCORE;
}

/* Fills the empty, unlocked whitelisted columns of one row; adds what it filled to @filled. */
static gboolean
fill_columns (SsvDatabase      *db,
              const TableInfo  *info,
              gconstpointer     record,
              gint64            row_id,
              GHashTable       *locked,
              GHashTable       *filled,
              GError          **error)
{
  for (guint i = 0; i < info->n_columns; i++)
    {
      const Column *column = &info->columns[i];
      g_autofree char *sql = NULL;
      g_autoptr(SsvStmt) stmt = NULL;

      if (locked != NULL && g_hash_table_contains (locked, column->name))
        continue;

      /* A zero from a server is as good as nothing; an empty string too. */
      sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2 AND (%s IS NULL OR %s = %s)",
                             info->table, column->name, column->name, column->name,
                             is_numeric (column->type) ? "0" : "''");
      stmt = ssv_database_prepare (db, sql, error);
      if (stmt == NULL)
        return FALSE;

      if (!bind_value (stmt, column, record))
        continue;
      sqlite3_bind_int64 (stmt, 2, row_id);
      if (!exec_bound_step (stmt, error))
        return FALSE;
      if (ssv_database_changes (db) > 0 && filled != NULL)
        g_hash_table_add (filled, g_strdup (column->name));
    }

  return TRUE;
}

static gint64
genre_id_for (SsvDatabase  *db,
              const char   *name,
              GError      **error)
{
  g_autoptr(SsvStmt) insert = ssv_database_prepare (db, "INSERT INTO genres (name) VALUES (?1) "
                                                        "ON CONFLICT (name) DO NOTHING", error);
  g_autoptr(SsvStmt) select = NULL;

  if (insert == NULL)
    return -1;
  sqlite3_bind_text (insert, 1, name, -1, SQLITE_TRANSIENT);
  if (!exec_bound_step (insert, error))
    return -1;

  select = ssv_database_prepare (db, "SELECT id FROM genres WHERE name = ?1", error);
  if (select == NULL)
    return -1;
  sqlite3_bind_text (select, 1, name, -1, SQLITE_TRANSIENT);
  if (ssv_stmt_step (select, error) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (select, 0);
}

static gboolean
has_rows (SsvDatabase  *db,
          const char   *sql,
          gint64        id,
          const char   *text,
          gboolean     *result,
          GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  rc = ssv_stmt_step (stmt, error);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;

  *result = rc == SQLITE_ROW;
  return TRUE;
}

/* Genres only where the title has none: a list the server or a person made stays. */
static gboolean
fill_genres (SsvDatabase    *db,
             const char     *provider,
             SsvItemKind     kind,
             gint64          id,
             const SsvMeta  *meta,
             GHashTable     *locked,
             GError        **error)
{
  gboolean show = kind == SSV_ITEM_SHOW;
  gboolean any;

  if (meta->genres->len == 0 || g_hash_table_contains (locked, SSV_LOCKED_GENRES))
    return TRUE;

  if (!has_rows (db, show ? "SELECT 1 FROM show_genres WHERE show_id = ?1 LIMIT 1"
                          : "SELECT 1 FROM movie_genres WHERE movie_id = ?1 LIMIT 1",
                 id, NULL, &any, error))
    return FALSE;
  if (any)
    return TRUE;

  for (guint i = 0; i < meta->genres->len; i++)
    {
      const char *name = g_ptr_array_index (meta->genres, i);
      g_autoptr(SsvStmt) link = NULL;
      gint64 genre_id;

      if (!g_utf8_validate (name, -1, NULL) || strlen (name) > 200)
        continue;

      genre_id = genre_id_for (db, name, error);
      if (genre_id < 0)
        return FALSE;

      link = ssv_database_prepare (db, show ? "INSERT OR IGNORE INTO show_genres (show_id, genre_id, provider) VALUES (?1, ?2, ?3)"
                                            : "INSERT OR IGNORE INTO movie_genres (movie_id, genre_id, provider) VALUES (?1, ?2, ?3)",
                                   error);
      if (link == NULL)
        return FALSE;
      sqlite3_bind_int64 (link, 1, id);
      sqlite3_bind_int64 (link, 2, genre_id);
      sqlite3_bind_text (link, 3, provider, -1, SQLITE_TRANSIENT);
      if (!exec_bound_step (link, error))
        return FALSE;
    }

  return TRUE;
}

static gint64
person_id_for (SsvDatabase          *db,
               const SsvMetaCredit  *credit,
               GError              **error)
{
  const char *profile = credit->profile_url;

  if (profile != NULL && !g_str_has_prefix (profile, "https://") && !g_str_has_prefix (profile, "http://"))
    profile = NULL;

  if (credit->tmdb_id > 0)
    {
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
        "INSERT INTO people (tmdb_id, name, profile_url) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (tmdb_id) DO UPDATE SET profile_url = coalesce(people.profile_url, excluded.profile_url) "
        "RETURNING id", error);

      if (stmt == NULL)
        return -1;
      sqlite3_bind_int64 (stmt, 1, credit->tmdb_id);
      sqlite3_bind_text (stmt, 2, credit->name, -1, SQLITE_TRANSIENT);
      ssv_stmt_bind_text (stmt, 3, profile);
      if (ssv_stmt_step (stmt, error) != SQLITE_ROW)
        return -1;
      return sqlite3_column_int64 (stmt, 0);
    }
  else
    {
      g_autoptr(SsvStmt) find = ssv_database_prepare (db, "SELECT id FROM people WHERE tmdb_id IS NULL "
                                                          "AND name = ?1 LIMIT 1", error);
      g_autoptr(SsvStmt) insert = NULL;
      int rc;

      if (find == NULL)
        return -1;
      sqlite3_bind_text (find, 1, credit->name, -1, SQLITE_TRANSIENT);
      rc = ssv_stmt_step (find, error);
      if (rc == SQLITE_ROW)
        return sqlite3_column_int64 (find, 0);
      if (rc != SQLITE_DONE)
        return -1;

      insert = ssv_database_prepare (db, "INSERT INTO people (name, profile_url) VALUES (?1, ?2)", error);
      if (insert == NULL)
        return -1;
      sqlite3_bind_text (insert, 1, credit->name, -1, SQLITE_TRANSIENT);
      ssv_stmt_bind_text (insert, 2, profile);
      if (!exec_bound_step (insert, error))
        return -1;
      return ssv_database_last_insert_rowid (db);
    }
}

/* Credits per role, only where the title has none of that role yet. */
static gboolean
fill_credits (SsvDatabase    *db,
              const char     *provider,
              SsvItemKind     kind,
              gint64          id,
              const SsvMeta  *meta,
              GHashTable     *locked,
              GError        **error)
{
  gboolean show = kind == SSV_ITEM_SHOW;
  gboolean role_done[SSV_CREDIT_CREATOR + 1] = { FALSE, };
  gboolean role_checked[SSV_CREDIT_CREATOR + 1] = { FALSE, };

  if (g_hash_table_contains (locked, SSV_LOCKED_CREDITS))
    return TRUE;

  for (guint i = 0; i < meta->credits->len; i++)
    {
      const SsvMetaCredit *credit = g_ptr_array_index (meta->credits, i);
      const char *role = ssv_credit_role_to_string (credit->role);
      g_autoptr(SsvStmt) insert = NULL;
      gint64 person_id;

      if (credit->name == NULL || credit->role > SSV_CREDIT_CREATOR ||
          !g_utf8_validate (credit->name, -1, NULL) ||
          (credit->character != NULL && !g_utf8_validate (credit->character, -1, NULL)) ||
          (credit->job != NULL && !g_utf8_validate (credit->job, -1, NULL)))
        continue;

      if (!role_checked[credit->role])
        {
          gboolean any;

          if (!has_rows (db, show ? "SELECT 1 FROM credits WHERE show_id = ?1 AND role = ?2 LIMIT 1"
                                  : "SELECT 1 FROM credits WHERE movie_id = ?1 AND role = ?2 LIMIT 1",
                         id, role, &any, error))
            return FALSE;
          role_checked[credit->role] = TRUE;
          role_done[credit->role] = any;
        }
      if (role_done[credit->role])
        continue;

      person_id = person_id_for (db, credit, error);
      if (person_id < 0)
        return FALSE;

      insert = ssv_database_prepare (db,
        "INSERT INTO credits (person_id, movie_id, show_id, role, character, job, sort_order, provider) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, person_id);
      ssv_stmt_bind_int64_or_null (insert, 2, id, !show);
      ssv_stmt_bind_int64_or_null (insert, 3, id, show);
      sqlite3_bind_text (insert, 4, role, -1, SQLITE_STATIC);
      ssv_stmt_bind_text (insert, 5, credit->character);
      ssv_stmt_bind_text (insert, 6, credit->job);
      sqlite3_bind_int (insert, 7, credit->order);
      sqlite3_bind_text (insert, 8, provider, -1, SQLITE_TRANSIENT);
      if (!exec_bound_step (insert, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_images (SsvDatabase    *db,
            const char     *provider,
            SsvItemKind     kind,
            gint64          id,
            const SsvMeta  *meta,
            GError        **error)
{
  gboolean show = kind == SSV_ITEM_SHOW;

  for (guint i = 0; i < meta->images->len; i++)
    {
      const SsvMetaImage *image = g_ptr_array_index (meta->images, i);
      g_autoptr(SsvStmt) stmt = NULL;

      if (image->url == NULL || !g_utf8_validate (image->url, -1, NULL) ||
          (!g_str_has_prefix (image->url, "https://") && !g_str_has_prefix (image->url, "http://")) ||
          (image->language != NULL && !g_utf8_validate (image->language, -1, NULL)))
        continue;

      stmt = ssv_database_prepare (db,
        "INSERT OR IGNORE INTO images (movie_id, show_id, provider, kind, url, language, score, width, height) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
      if (stmt == NULL)
        return FALSE;
      ssv_stmt_bind_int64_or_null (stmt, 1, id, !show);
      ssv_stmt_bind_int64_or_null (stmt, 2, id, show);
      sqlite3_bind_text (stmt, 3, provider, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, ssv_image_kind_to_string (image->kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, image->url, -1, SQLITE_TRANSIENT);
      ssv_stmt_bind_text (stmt, 6, image->language);
      sqlite3_bind_double (stmt, 7, image->score == image->score ? image->score : 0);
      ssv_stmt_bind_int64_or_null (stmt, 8, image->width, image->width > 0);
      ssv_stmt_bind_int64_or_null (stmt, 9, image->height, image->height > 0);
      if (!exec_bound_step (stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Upserts the status row of one title for @provider. */
static gboolean
mark_status (SsvDatabase  *db,
             const char   *provider,
             SsvItemKind   kind,
             gint64        id,
             SsvOutcome    outcome,
             gboolean      synced,
             gboolean      episodes_synced,
             GHashTable   *filled,
             const char   *message,
             gint64        now,
             GError      **error)
{
  const char *fk = table_for_kind (kind)->status_column;
  g_autofree char *select_sql = g_strdup_printf ("SELECT id, filled FROM enrichment_status "
                                                 "WHERE %s = ?1 AND provider = ?2", fk);
  g_autoptr(SsvStmt) select = ssv_database_prepare (db, select_sql, error);
  g_autoptr(GHashTable) merged = NULL;
  g_autofree char *filled_text = NULL;
  gint64 row_id = 0;
  int rc;

  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, id);
  sqlite3_bind_text (select, 2, provider, -1, SQLITE_TRANSIENT);
  rc = ssv_stmt_step (select, error);
  if (rc == SQLITE_ROW)
    {
      row_id = sqlite3_column_int64 (select, 0);
      merged = parse_name_list (ssv_stmt_column_text (select, 1));
    }
  else if (rc == SQLITE_DONE)
    merged = parse_name_list (NULL);
  else
    return FALSE;

  if (filled != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, filled);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (merged, g_strdup (key));
    }
  filled_text = join_name_set (merged);

  if (row_id > 0)
    {
      g_autoptr(SsvStmt) update = ssv_database_prepare (db,
        "UPDATE enrichment_status SET status = ?2, attempts = attempts + 1, last_attempt_at = ?3, "
        "synced_at = CASE WHEN ?4 THEN ?3 ELSE synced_at END, episodes_synced = ?5, filled = ?6, "
        "last_error = ?7 WHERE id = ?1", error);

      if (update == NULL)
        return FALSE;
      sqlite3_bind_int64 (update, 1, row_id);
      sqlite3_bind_text (update, 2, ssv_outcome_to_string (outcome), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (update, 3, now);
      sqlite3_bind_int (update, 4, synced);
      sqlite3_bind_int (update, 5, episodes_synced);
      ssv_stmt_bind_text (update, 6, filled_text);
      ssv_stmt_bind_text (update, 7, message);
      return exec_bound_step (update, error);
    }
  else
    {
      g_autoptr(SsvStmt) insert = ssv_database_prepare (db,
        "INSERT INTO enrichment_status (provider, movie_id, show_id, episode_id, status, attempts, "
        "last_attempt_at, synced_at, episodes_synced, filled, last_error) "
        "VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, CASE WHEN ?7 THEN ?6 END, ?8, ?9, ?10)", error);

      if (insert == NULL)
        return FALSE;
      sqlite3_bind_text (insert, 1, provider, -1, SQLITE_TRANSIENT);
      ssv_stmt_bind_int64_or_null (insert, 2, id, kind == SSV_ITEM_MOVIE);
      ssv_stmt_bind_int64_or_null (insert, 3, id, kind == SSV_ITEM_SHOW);
      ssv_stmt_bind_int64_or_null (insert, 4, id, kind == SSV_ITEM_EPISODE);
      sqlite3_bind_text (insert, 5, ssv_outcome_to_string (outcome), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 6, now);
      sqlite3_bind_int (insert, 7, synced);
      sqlite3_bind_int (insert, 8, episodes_synced);
      ssv_stmt_bind_text (insert, 9, filled_text);
      ssv_stmt_bind_text (insert, 10, message);
      return exec_bound_step (insert, error);
    }
}

static gboolean
fill_seasons (SsvDatabase    *db,
              const char     *provider,
              gint64          show_id,
              const SsvMeta  *meta,
              GError        **error)
{
  for (guint i = 0; i < meta->seasons->len; i++)
    {
      const SsvMetaSeason *season = g_ptr_array_index (meta->seasons, i);
      g_autoptr(SsvStmt) find = ssv_database_prepare (db, "SELECT id FROM seasons WHERE show_id = ?1 "
                                                          "AND season_number = ?2", error);
      gint64 season_id;
      int rc;

      if (find == NULL)
        return FALSE;
      sqlite3_bind_int64 (find, 1, show_id);
      sqlite3_bind_int (find, 2, season->season_number);
      rc = ssv_stmt_step (find, error);
      if (rc == SQLITE_ROW)
        season_id = sqlite3_column_int64 (find, 0);
      else if (rc == SQLITE_DONE)
        {
          g_autoptr(SsvStmt) insert = ssv_database_prepare (db,
            "INSERT INTO seasons (show_id, season_number, source) VALUES (?1, ?2, ?3)", error);

          if (insert == NULL)
            return FALSE;
          sqlite3_bind_int64 (insert, 1, show_id);
          sqlite3_bind_int (insert, 2, season->season_number);
          sqlite3_bind_text (insert, 3, provider, -1, SQLITE_TRANSIENT);
          if (!exec_bound_step (insert, error))
            return FALSE;
          season_id = ssv_database_last_insert_rowid (db);
        }
      else
        return FALSE;

      if (!fill_columns (db, &season_table, season, season_id, NULL, NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* The cascade: missing episodes are added (without files), present ones get their gaps filled. */
static gboolean
fill_episodes (SsvDatabase    *db,
               const char     *provider,
               gint64          show_id,
               const SsvMeta  *meta,
               gboolean        episodes_synced,
               gint64          now,
               GError        **error)
{
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < meta->episodes->len; i++)
    {
      const SsvMetaEpisode *episode = g_ptr_array_index (meta->episodes, i);
      g_autoptr(SsvStmt) find = ssv_database_prepare (db,
        "SELECT id, locked_fields FROM episodes WHERE show_id = ?1 AND season_number = ?2 "
        "AND episode_number = ?3", error);
      g_autoptr(GHashTable) filled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) locked = NULL;
      gint64 episode_id;
      int rc;

      if (find == NULL)
        return FALSE;
      sqlite3_bind_int64 (find, 1, show_id);
      sqlite3_bind_int (find, 2, episode->season_number);
      sqlite3_bind_int (find, 3, episode->episode_number);
      rc = ssv_stmt_step (find, error);
      if (rc == SQLITE_ROW)
        {
          episode_id = sqlite3_column_int64 (find, 0);
          locked = ssv_locked_fields_parse (ssv_stmt_column_text (find, 1));
        }
      else if (rc == SQLITE_DONE && meta->no_new_episodes)
        continue;
      else if (rc == SQLITE_DONE)
        {
          g_autoptr(SsvStmt) insert = ssv_database_prepare (db,
            "INSERT INTO episodes (show_id, season_number, episode_number, source) VALUES (?1, ?2, ?3, ?4)",
            error);

          if (insert == NULL)
            return FALSE;
          sqlite3_bind_int64 (insert, 1, show_id);
          sqlite3_bind_int (insert, 2, episode->season_number);
          sqlite3_bind_int (insert, 3, episode->episode_number);
          sqlite3_bind_text (insert, 4, provider, -1, SQLITE_TRANSIENT);
          if (!exec_bound_step (insert, error))
            return FALSE;
          episode_id = ssv_database_last_insert_rowid (db);
          locked = ssv_locked_fields_parse (NULL);
        }
      else
        return FALSE;

      g_clear_pointer (&find, ssv_stmt_release);

      if (!fill_columns (db, &episode_table, episode, episode_id, locked, filled, error) ||
          !mark_status (db, provider, SSV_ITEM_EPISODE, episode_id, SSV_OUTCOME_MATCHED, TRUE, FALSE,
                        filled, NULL, now, error))
        return FALSE;

      g_hash_table_add (listed, g_memdup2 (&episode_id, sizeof episode_id));
    }

  /* Only a complete answer says which of the library's episodes the provider does not know. */
  if (episodes_synced)
    {
      g_autoptr(SsvStmt) all = ssv_database_prepare (db, "SELECT id FROM episodes WHERE show_id = ?1", error);
      g_autoptr(GArray) unknown = g_array_new (FALSE, FALSE, sizeof (gint64));
      int rc;

      if (all == NULL)
        return FALSE;
      sqlite3_bind_int64 (all, 1, show_id);
      while ((rc = ssv_stmt_step (all, error)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (all, 0);

          if (!g_hash_table_contains (listed, &id))
            g_array_append_val (unknown, id);
        }
      if (rc != SQLITE_DONE)
        return FALSE;
      g_clear_pointer (&all, ssv_stmt_release);

      for (guint i = 0; i < unknown->len; i++)
        if (!mark_status (db, provider, SSV_ITEM_EPISODE, g_array_index (unknown, gint64, i),
                          SSV_OUTCOME_NOT_FOUND, FALSE, FALSE, NULL, NULL, now, error))
          return FALSE;
    }

  return TRUE;
}

/**
 * ssv_enrichment_store_record_in_transaction:
 *
 * ssv_enrichment_store_record() inside a transaction the caller holds (and
 * commits), without the "changed" signal. A title that is gone writes nothing.
 */
gboolean
ssv_enrichment_store_record_in_transaction (SsvEnrichmentStore  *self,
                                            const char          *provider,
                                            const SsvWorkItem   *item,
                                            const SsvMeta       *meta,
                                            SsvOutcome           outcome,
                                            gboolean             episodes_synced,
                                            const char          *message,
                                            GError             **error)
{
  SsvDatabase *db = get_db (self);
  const TableInfo *info = table_for_kind (item->kind);
  g_autoptr(GHashTable) filled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) locked = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean exists;

  locked = read_locked (db, info->table, item->id, &exists, error);
  if (locked == NULL)
    return FALSE;
  if (!exists)
    /* Removed by a scan while the provider was asked: nothing to write to. */
    return TRUE;

  if (meta != NULL)
    {
      if (!fill_columns (db, info, meta, item->id, locked, filled, error))
        return FALSE;

      if (item->kind != SSV_ITEM_EPISODE &&
          (!fill_genres (db, provider, item->kind, item->id, meta, locked, error) ||
           !fill_credits (db, provider, item->kind, item->id, meta, locked, error) ||
           !add_images (db, provider, item->kind, item->id, meta, error)))
        return FALSE;

      if (item->kind == SSV_ITEM_SHOW &&
          (!fill_seasons (db, provider, item->id, meta, error) ||
           !fill_episodes (db, provider, item->id, meta, episodes_synced, now, error)))
        return FALSE;
    }

  return mark_status (db, provider, item->kind, item->id, outcome, outcome == SSV_OUTCOME_MATCHED,
                      episodes_synced && outcome == SSV_OUTCOME_MATCHED, filled,
                      outcome == SSV_OUTCOME_MATCHED ? NULL : message, now, error);
}

/**
 * ssv_enrichment_store_record:
 * @meta: (nullable): what the provider found; %NULL when nothing is to be written
 * @outcome: the item's status for @provider; "matched" also means synced
 * @episodes_synced: for shows: every season answered
 * @message: (nullable): why it failed, for people
 *
 * Writes what @meta has into the title's empty, unlocked whitelisted columns
 * and marks the outcome, all in one transaction. Emits "changed::<kind>".
 */
gboolean
ssv_enrichment_store_record (SsvEnrichmentStore  *self,
                             const char          *provider,
                             const SsvWorkItem   *item,
                             const SsvMeta       *meta,
                             SsvOutcome           outcome,
                             gboolean             episodes_synced,
                             const char          *message,
                             GError             **error)
{
  SsvDatabase *db = get_db (self);

  g_return_val_if_fail (SSV_IS_ENRICHMENT_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL && outcome < SSV_N_OUTCOMES, FALSE);

  if (!ssv_database_begin (db, error))
    return FALSE;

  if (!ssv_enrichment_store_record_in_transaction (self, provider, item, meta, outcome, episodes_synced,
                                                   message, error))
    {
      ssv_database_rollback (db);
      return FALSE;
    }

  if (!ssv_database_commit (db, error))
    return FALSE;

  ssv_store_emit_changed (SSV_STORE (self), ssv_item_kind_to_string (item->kind));
  return TRUE;
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
  const char *fk = table_for_kind (kind)->status_column;
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
  if (!exec_bound_step (stmt, error))
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
      unmatched->status = outcome_from_string (ssv_stmt_column_text (stmt, 4));
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
                                          table_for_kind (kind)->status_column);
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

/* ---- re-match ------------------------------------------------------------------ */

static const Column *
find_column (const TableInfo *info,
             const char      *name)
{
  for (guint i = 0; i < info->n_columns; i++)
    if (strcmp (info->columns[i].name, name) == 0)
      return &info->columns[i];

  return NULL;
}

/* Sets back to NULL what the status rows of one row say providers filled. */
static gboolean
clear_filled (SsvDatabase      *db,
              const TableInfo  *info,
              const TableInfo  *columns_info,
              gint64            id,
              GHashTable       *locked,
              GError          **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT filled FROM enrichment_status WHERE %s = ?1",
                                          info->status_column);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, sql, error);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(GHashTable) some = parse_name_list (ssv_stmt_column_text (stmt, 0));
      GHashTableIter some_iter;

      g_hash_table_iter_init (&some_iter, some);
      while (g_hash_table_iter_next (&some_iter, &key, NULL))
        g_hash_table_add (names, g_strdup (key));
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  g_clear_pointer (&stmt, ssv_stmt_release);

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      /* Only whitelisted names reach SQL; anything else in the list is ignored. */
      const Column *column = find_column (columns_info, key);
      g_autofree char *update_sql = NULL;

      if (column == NULL || (locked != NULL && g_hash_table_contains (locked, column->name)))
        continue;

      update_sql = g_strdup_printf ("UPDATE %s SET %s = NULL WHERE id = ?1", columns_info->table, column->name);
      if (!ssv_database_exec_with_id (db, update_sql, id, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * ssv_enrichment_store_rematch:
 * @tmdb_id: the TMDB title the person picked
 *
 * Clears what every provider filled from the old match (columns not locked,
 * credits, genre links, artwork, episodes added without a file and not
 * watched), forgets every provider's status for the title, and sets @tmdb_id
 * and locks it, so the workers start over from the right title and no scan
 * puts the server's id back. One transaction.
 */
gboolean
ssv_enrichment_store_rematch (SsvEnrichmentStore  *self,
                              SsvItemKind          kind,
                              gint64               id,
                              gint64               tmdb_id,
                              GError             **error)
{
  SsvDatabase *db = get_db (self);
  const TableInfo *info = table_for_kind (kind);
  g_autoptr(GHashTable) locked = NULL;
  g_autofree char *set_sql = NULL;
  gboolean show = kind == SSV_ITEM_SHOW;
  gboolean exists;

  g_return_val_if_fail (kind == SSV_ITEM_MOVIE || kind == SSV_ITEM_SHOW, FALSE);

  if (tmdb_id <= 0)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("Pick a title to match with."));
      return FALSE;
    }

  if (!ssv_database_begin (db, error))
    return FALSE;

  locked = read_locked (db, info->table, id, &exists, error);
  if (locked == NULL)
    goto fail;
  if (!exists)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("The title is no longer in the library."));
      goto fail;
    }

  if (!clear_filled (db, info, info, id, locked, error))
    goto fail;

  if (show)
    {
      g_autoptr(SsvStmt) episodes = ssv_database_prepare (db, "SELECT id, locked_fields FROM episodes "
                                                              "WHERE show_id = ?1", error);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) locks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
      int rc;

      if (episodes == NULL)
        goto fail;
      sqlite3_bind_int64 (episodes, 1, id);
      while ((rc = ssv_stmt_step (episodes, error)) == SQLITE_ROW)
        {
          gint64 episode_id = sqlite3_column_int64 (episodes, 0);

          g_array_append_val (ids, episode_id);
          g_ptr_array_add (locks, ssv_locked_fields_parse (ssv_stmt_column_text (episodes, 1)));
        }
      if (rc != SQLITE_DONE)
        goto fail;
      g_clear_pointer (&episodes, ssv_stmt_release);

      for (guint i = 0; i < ids->len; i++)
        {
          gint64 episode_id = g_array_index (ids, gint64, i);

          if (!clear_filled (db, &episode_table, &episode_table, episode_id,
                             g_ptr_array_index (locks, i), error) ||
              !ssv_database_exec_with_id (db, "DELETE FROM enrichment_status WHERE episode_id = ?1",
                                          episode_id, error))
            goto fail;
        }

      /* Episodes the old match added stay only if a file or a person's viewing made them real. */
      if (!ssv_database_exec_with_id (db, "DELETE FROM episodes WHERE show_id = ?1 AND source IS NOT NULL "
                                      "AND watched = 0 AND play_count = 0 AND resume_position_s IS NULL "
                                      "AND NOT EXISTS (SELECT 1 FROM media_files f WHERE f.episode_id = episodes.id)",
                                      id, error) ||
          !ssv_database_exec_with_id (db, "DELETE FROM seasons WHERE show_id = ?1 AND source IS NOT NULL "
                                      "AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.show_id = seasons.show_id "
                                      "AND e.season_number = seasons.season_number)",
                                      id, error) ||
          !ssv_database_exec_with_id (db, "DELETE FROM credits WHERE show_id = ?1 AND provider IS NOT NULL",
                                      id, error) ||
          !ssv_database_exec_with_id (db, "DELETE FROM show_genres WHERE show_id = ?1 AND provider IS NOT NULL",
                                      id, error) ||
          !ssv_database_exec_with_id (db, "DELETE FROM images WHERE show_id = ?1", id, error) ||
          !ssv_database_exec_with_id (db, "DELETE FROM enrichment_status WHERE show_id = ?1", id, error))
        goto fail;
    }
  else if (!ssv_database_exec_with_id (db, "DELETE FROM credits WHERE movie_id = ?1 AND provider IS NOT NULL",
                                       id, error) ||
           !ssv_database_exec_with_id (db, "DELETE FROM movie_genres WHERE movie_id = ?1 AND provider IS NOT NULL",
                                       id, error) ||
           !ssv_database_exec_with_id (db, "DELETE FROM images WHERE movie_id = ?1", id, error) ||
           !ssv_database_exec_with_id (db, "DELETE FROM enrichment_status WHERE movie_id = ?1", id, error))
    goto fail;

  /* The person's choice: set even over a value a server gave, and locked, so
   * that the next scan does not bring the server's id back. */
  set_sql = g_strdup_printf ("UPDATE %s SET tmdb_id = ?2, locked_fields = ssv_locked_fields_add (locked_fields, 'tmdb_id')"
                             " WHERE id = ?1", info->table);
  {
    g_autoptr(SsvStmt) set = ssv_database_prepare (db, set_sql, error);

    if (set == NULL)
      goto fail;
    sqlite3_bind_int64 (set, 1, id);
    sqlite3_bind_int64 (set, 2, tmdb_id);
    if (!exec_bound_step (set, error))
      goto fail;
  }

  if (!ssv_database_commit (db, error))
    return FALSE;

  ssv_store_emit_changed (SSV_STORE (self), ssv_item_kind_to_string (kind));
  return TRUE;

fail:
  ssv_database_rollback (db);
  return FALSE;
}

/* ---- async wrappers for the UI -------------------------------------------------- */

typedef struct
{
  char        *provider;
  char        *search;
  guint        limit;
  SsvItemKind  kind;
  gint64       id;
  gint64       tmdb_id;
} Args;

static void
args_free (gpointer data)
{
  Args *args = data;

  g_free (args->provider);
  g_free (args->search);
  g_free (args);
}

static gpointer
list_unmatched_func (SsvStore      *store,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  Args *args = data;

  return ssv_enrichment_store_list_unmatched (SSV_ENRICHMENT_STORE (store), args->provider,
                                              args->search, args->limit, error);
}

void
ssv_enrichment_store_list_unmatched_async (SsvEnrichmentStore  *self,
                                           const char          *provider,
                                           const char          *search,
                                           guint                limit,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  Args *args = g_new0 (Args, 1);

  args->provider = g_strdup (provider);
  args->search = search && search[0] ? g_strdup (search) : NULL;
  args->limit = limit;
  ssv_store_run_async (SSV_STORE (self), ssv_enrichment_store_list_unmatched_async,
                       list_unmatched_func, args, args_free, (GDestroyNotify) g_ptr_array_unref,
                       cancellable, callback, user_data);
}

GPtrArray *
ssv_enrichment_store_list_unmatched_finish (SsvEnrichmentStore  *self,
                                            GAsyncResult        *result,
                                            GError             **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error);
}

static gpointer
rematch_func (SsvStore      *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Args *args = data;

  if (!ssv_enrichment_store_rematch (SSV_ENRICHMENT_STORE (store), args->kind, args->id,
                                     args->tmdb_id, error))
    return NULL;

  return GINT_TO_POINTER (1);
}

void
ssv_enrichment_store_rematch_async (SsvEnrichmentStore  *self,
                                    SsvItemKind          kind,
                                    gint64               id,
                                    gint64               tmdb_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Args *args = g_new0 (Args, 1);

  args->kind = kind;
  args->id = id;
  args->tmdb_id = tmdb_id;
  ssv_store_run_async (SSV_STORE (self), ssv_enrichment_store_rematch_async,
                       rematch_func, args, args_free, NULL, cancellable, callback, user_data);
}

gboolean
ssv_enrichment_store_rematch_finish (SsvEnrichmentStore  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error) != NULL;
}

static gpointer
retry_failed_func (SsvStore      *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  Args *args = data;
  gint64 count = ssv_enrichment_store_retry_failed (SSV_ENRICHMENT_STORE (store), args->provider, error);

  if (count < 0)
    return NULL;

  /* Non-NULL even for zero rows. */
  return GSIZE_TO_POINTER ((gsize) count + 1);
}

void
ssv_enrichment_store_retry_failed_async (SsvEnrichmentStore  *self,
                                         const char          *provider,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  Args *args = g_new0 (Args, 1);

  args->provider = g_strdup (provider);
  ssv_store_run_async (SSV_STORE (self), ssv_enrichment_store_retry_failed_async,
                       retry_failed_func, args, args_free, NULL, cancellable, callback, user_data);
}

/* Returns: how many failures are due again, or -1 with @error set */
gint64
ssv_enrichment_store_retry_failed_finish (SsvEnrichmentStore  *self,
                                          GAsyncResult        *result,
                                          GError             **error)
{
  gpointer value = ssv_store_run_finish (SSV_STORE (self), result, error);

  return value == NULL ? -1 : (gint64) GPOINTER_TO_SIZE (value) - 1;
}
