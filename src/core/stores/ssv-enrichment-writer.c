/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-enrichment-writer.c: gap-only writes: what a provider found goes into a title's empty,
 * unlocked whitelisted columns, with genres, credits, art, seasons and episodes, and the
 * provider's outcome, in one transaction. */

#include "config.h"

#include <string.h>

#include "stores/ssv-enrichment-store-private.h"
#include "ssv-error.h"
#include "ssv-locked-fields.h"
#include "ssv-utils.h"

static SsvDatabase *
get_db (SsvEnrichmentStore *self)
{
  return ssv_store_get_database (SSV_STORE (self));
}

/* ---- writing ------------------------------------------------------------------ */

static gboolean
exec_bound_step (SsvStmt  *stmt,
                 GError  **error)
{
  return ssv_stmt_step_done (stmt, error);
}

static char *
join_name_set (GHashTable *set)
{
  return ssv_string_set_join (set, ",");
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
  const char *fk = ssv_enrichment_table_for_kind (kind)->status_column;
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
      merged = ssv_enrichment_parse_name_list (ssv_stmt_column_text (select, 1));
    }
  else if (rc == SQLITE_DONE)
    merged = ssv_enrichment_parse_name_list (NULL);
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

      if (!fill_columns (db, &ssv_enrichment_season_table, season, season_id, NULL, NULL, error))
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

      if (!fill_columns (db, &ssv_enrichment_episode_table, episode, episode_id, locked, filled, error) ||
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
  const TableInfo *info = ssv_enrichment_table_for_kind (item->kind);
  g_autoptr(GHashTable) filled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) locked = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean exists;

  locked = ssv_enrichment_read_locked (db, info->table, item->id, &exists, error);
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
