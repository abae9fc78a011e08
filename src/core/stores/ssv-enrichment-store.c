/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-enrichment-store.c: the whitelist of columns providers may write, the store's records,
 * a person's re-match, the billboard read and the UI's async calls. The work queue and each
 * provider's status are in ssv-enrichment-queue.c, gap-only writes in ssv-enrichment-writer.c. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "stores/ssv-enrichment-store-private.h"
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

static const TableInfo movie_table = { "movies", "movie_id", movie_columns, G_N_ELEMENTS (movie_columns) };
static const TableInfo show_table = { "shows", "show_id", show_columns, G_N_ELEMENTS (show_columns) };
static const TableInfo episode_item_table = { "episodes", "episode_id", episode_item_columns,
                                              G_N_ELEMENTS (episode_item_columns) };
const TableInfo ssv_enrichment_episode_table = { "episodes", "episode_id", episode_columns,
                                                 G_N_ELEMENTS (episode_columns) };
const TableInfo ssv_enrichment_season_table = { "seasons", NULL, season_columns, G_N_ELEMENTS (season_columns) };

const TableInfo *
ssv_enrichment_table_for_kind (SsvItemKind kind)
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

SsvOutcome
ssv_outcome_from_string (const char *text)
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

/* ---- what the writer shares: filled lists and locks ----------------------------- */

/* A status row's filled list, "overview,tagline", → a set of column names.
 * (Locks are another thing: ssv_locked_fields_parse() reads those.) */
GHashTable *
ssv_enrichment_parse_name_list (const char *text)
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

GHashTable *
ssv_enrichment_read_locked (SsvDatabase  *db,
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
      g_autoptr(GHashTable) some = ssv_enrichment_parse_name_list (ssv_stmt_column_text (stmt, 0));
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
  const TableInfo *info = ssv_enrichment_table_for_kind (kind);
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

  locked = ssv_enrichment_read_locked (db, info->table, id, &exists, error);
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

          if (!clear_filled (db, &ssv_enrichment_episode_table, &ssv_enrichment_episode_table,
                             episode_id, g_ptr_array_index (locks, i), error) ||
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
    if (!ssv_stmt_step_done (set, error))
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
