/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-edit-store.c: what a person changes on a title page: details by hand, watched
 * state (grouped by the server each item must be told on), a TheTVDB re-match. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-locked-fields.h"
#include "stores/ssv-title-edit-store.h"
#include "ssv-utils.h"
#include "providers/ssv-meta.h"

void
ssv_watched_batch_free (SsvWatchedBatch *batch)
{
  if (batch == NULL)
    return;

  g_free (batch->server_kind);
  g_free (batch->server_name);
  g_clear_pointer (&batch->server_ids, g_ptr_array_unref);
  g_clear_pointer (&batch->rows, g_array_unref);
  g_free (batch);
}

/* ---- watched ------------------------------------------------------------------------- */

static SsvWatchedBatch *
batch_for (GPtrArray  *batches,
           gint64      server_row,
           const char *kind,
           const char *name)
{
  SsvWatchedBatch *batch;

  for (guint i = 0; i < batches->len; i++)
    {
      batch = g_ptr_array_index (batches, i);
      if (batch->server_row == server_row)
        return batch;
    }

  batch = g_new0 (SsvWatchedBatch, 1);
  batch->server_row = server_row;
  batch->server_kind = g_strdup (kind);
  batch->server_name = g_strdup (name);
  batch->server_ids = g_ptr_array_new_with_free_func (g_free);
  batch->rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_ptr_array_add (batches, batch);

  return batch;
}

/* The container a server knows (a show's or a season's id), when the show is that server's. */
static gboolean
find_container (SsvDatabase     *db,
                SsvWatchTarget   target,
                gint64           show_id,
                int              season_number,
                gint64          *server_row,
                char           **server_id,
                GError         **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, target == SSV_WATCH_TARGET_SHOW
    ? "SELECT server_source, server_id FROM shows WHERE id = ?1"
    : "SELECT s.server_source, se.server_id FROM shows s JOIN seasons se ON se.show_id = s.id "
      "WHERE s.id = ?1 AND se.season_number = ?2", error);
  int rc;

  *server_row = 0;
  *server_id = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, show_id);
  sqlite3_bind_int (stmt, 2, season_number);
  rc = ssv_stmt_step (stmt, error);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL && sqlite3_column_text (stmt, 1) != NULL)
    {
      *server_row = sqlite3_column_int64 (stmt, 0);
      *server_id = ssv_stmt_dup_text (stmt, 1);
    }

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* Episodes in their order: servers are told in the order a person watches them, whatever
 * index the query is read through. */
static const char *
rows_sql (SsvWatchTarget target)
{
  switch (target)
    {
    case SSV_WATCH_TARGET_MOVIE:
      return "SELECT m.id, m.server_source, m.server_id, sv.kind, sv.name FROM movies m "
             "LEFT JOIN servers sv ON sv.id = m.server_source WHERE m.id = ?1";
    case SSV_WATCH_TARGET_EPISODE:
      return "SELECT e.id, e.server_source, e.server_id, sv.kind, sv.name FROM episodes e "
             "LEFT JOIN servers sv ON sv.id = e.server_source WHERE e.id = ?1";
    case SSV_WATCH_TARGET_SEASON:
      return "SELECT e.id, e.server_source, e.server_id, sv.kind, sv.name FROM episodes e "
             "LEFT JOIN servers sv ON sv.id = e.server_source WHERE e.show_id = ?1 AND e.season_number = ?2"
             " ORDER BY e.episode_number";
    case SSV_WATCH_TARGET_SHOW:
    default:
      return "SELECT e.id, e.server_source, e.server_id, sv.kind, sv.name FROM episodes e "
             "LEFT JOIN servers sv ON sv.id = e.server_source WHERE e.show_id = ?1"
             " ORDER BY e.season_number, e.episode_number";
    }
}

/**
 * ssv_title_edit_store_watched_batches:
 * @season_number: for %SSV_WATCH_TARGET_SEASON
 *
 * The movie or episodes @target covers, grouped by the server each must be told
 * on. A show or season of a server's is told by its own id, once.
 *
 * Returns: (transfer full) (element-type SsvWatchedBatch): the batches; none when
 *   the target has no episodes; %NULL with NOT_FOUND when it is gone
 */
GPtrArray *
ssv_title_edit_store_watched_batches (SsvDatabase     *db,
                                      SsvWatchTarget   target,
                                      gint64           id,
                                      int              season_number,
                                      GError         **error)
{
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_watched_batch_free);
  g_autoptr(SsvStmt) stmt = NULL;
  g_autofree char *container_id = NULL;
  gboolean container_sent = FALSE;
  gint64 container_row = 0;
  guint n_rows = 0;
  int rc;

  if ((target == SSV_WATCH_TARGET_SHOW || target == SSV_WATCH_TARGET_SEASON) &&
      !find_container (db, target, id, season_number, &container_row, &container_id, error))
    return NULL;

  stmt = ssv_database_prepare (db, rows_sql (target), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, season_number);

  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      gint64 server_row = sqlite3_column_int64 (stmt, 1);
      const char *server_id = ssv_stmt_column_text (stmt, 2);
      SsvWatchedBatch *batch = batch_for (batches, server_id != NULL ? server_row : 0,
                                          server_id != NULL ? ssv_stmt_column_text (stmt, 3) : NULL,
                                          server_id != NULL ? ssv_stmt_column_text (stmt, 4) : NULL);

      n_rows++;
      g_array_append_val (batch->rows, row);
      if (server_id == NULL)
        continue;
      if (container_id != NULL && server_row == container_row)
        {
          if (!container_sent)
            g_ptr_array_add (batch->server_ids, g_strdup (container_id));
          container_sent = TRUE;
          continue;
        }
      g_ptr_array_add (batch->server_ids, g_strdup (server_id));
    }
  if (rc != SQLITE_DONE)
    return NULL;

  if (n_rows == 0 && (target == SSV_WATCH_TARGET_MOVIE || target == SSV_WATCH_TARGET_EPISODE))
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                           _("The title is no longer in the library. Reload the page and try again."));
      return NULL;
    }

  return g_steal_pointer (&batches);
}

/**
 * ssv_title_edit_store_set_watched:
 * @movies: @rows are movies (else episodes)
 *
 * Watched: seen at least once, nothing left to resume. Unwatched: never seen.
 * One transaction.
 */
gboolean
ssv_title_edit_store_set_watched (SsvDatabase  *db,
                                  gboolean      movies,
                                  GArray       *rows,
                                  gboolean      watched,
                                  GError      **error)
{
  const char *sql = watched
    ? (movies ? "UPDATE movies SET watched = 1, play_count = max (play_count, 1), resume_position_s = NULL WHERE id = ?1"
              : "UPDATE episodes SET watched = 1, play_count = max (play_count, 1), resume_position_s = NULL WHERE id = ?1")
    : (movies ? "UPDATE movies SET watched = 0, play_count = 0, resume_position_s = NULL WHERE id = ?1"
              : "UPDATE episodes SET watched = 0, play_count = 0, resume_position_s = NULL WHERE id = ?1");

  if (!ssv_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    if (!ssv_database_exec_with_id (db, sql, g_array_index (rows, gint64, i), error))
      {
        ssv_database_rollback (db);
        return FALSE;
      }

  return ssv_database_commit (db, error);
}

/* ---- details -------------------------------------------------------------------------- */

typedef enum
{
  FIELD_TITLE,
  FIELD_TEXT,
  FIELD_YEAR,
  FIELD_IMDB,
  FIELD_ID,
} FieldType;

typedef struct
{
  const char *name;
  FieldType   type;
} Field;

/* What a person may set by hand; a TMDB id changes through a re-match. */
static const Field fields_allowed[] = {
  { "title", FIELD_TITLE },
  { "sort_title", FIELD_TEXT },
  { "original_title", FIELD_TEXT },
  { "year", FIELD_YEAR },
  { "overview", FIELD_TEXT },
  { "tagline", FIELD_TEXT },
  { "imdb_id", FIELD_IMDB },
  { "tvdb_id", FIELD_ID },
};

static const Field *
find_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields_allowed); i++)
    if (g_strcmp0 (fields_allowed[i].name, name) == 0)
      return &fields_allowed[i];

  return NULL;
}

/* Binds @value for @field at @index, or says in plain words why it cannot be. */
static gboolean
bind_field (SsvStmt      *stmt,
            int           index,
            const Field  *field,
            const char   *value,
            GError      **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));
  gint64 number;
  char *end = NULL;

  if (!g_utf8_validate (trimmed, -1, NULL) || strlen (trimmed) > 20000)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("The %s is not text that can be saved."), field->name);
      return FALSE;
    }

  switch (field->type)
    {
    case FIELD_TITLE:
      if (trimmed[0] == '\0')
        {
          g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID, _("A title cannot be empty."));
          return FALSE;
        }
      ssv_stmt_bind_text (stmt, index, trimmed);
      return TRUE;

    case FIELD_YEAR:
    case FIELD_ID:
      if (trimmed[0] == '\0')
        {
          sqlite3_bind_null (stmt, index);
          return TRUE;
        }
      number = g_ascii_strtoll (trimmed, &end, 10);
      if (*end != '\0' || (field->type == FIELD_YEAR ? (number < 1888 || number > 2200) : number <= 0))
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, field->type == FIELD_YEAR
                       ? _("“%s” is not a year.") : _("“%s” is not an id: it is a number."), trimmed);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, index, number);
      return TRUE;

    case FIELD_IMDB:
      if (trimmed[0] != '\0' && !ssv_is_imdb_id (trimmed))
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                       _("“%s” is not an IMDb id: it looks like tt0137523."), trimmed);
          return FALSE;
        }
      ssv_stmt_bind_text (stmt, index, trimmed);
      return TRUE;

    case FIELD_TEXT:
    default:
      ssv_stmt_bind_text (stmt, index, trimmed);
      return TRUE;
    }
}

/**
 * ssv_title_edit_store_save_details:
 * @kind: %SSV_MEDIA_KIND_MOVIE or %SSV_MEDIA_KIND_SHOW
 * @fields: column, value, column, value, …, %NULL (title, sort_title,
 *   original_title, year, overview, tagline, imdb_id, tvdb_id); an empty value
 *   clears the field (not the title)
 *
 * Writes what a person typed, in one statement. A new title without a new sort
 * title sorts by the new title. Locks are kept apart: see
 * ssv_library_store_set_locked_fields().
 */
gboolean
ssv_title_edit_store_save_details (SsvDatabase         *db,
                                   SsvMediaKind         kind,
                                   gint64               id,
                                   const char * const  *fields,
                                   GError             **error)
{
  const char *table = kind == SSV_MEDIA_KIND_MOVIE ? "movies" : kind == SSV_MEDIA_KIND_SHOW ? "shows" : NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(SsvStmt) stmt = NULL;
  g_autofree char *sort_title = NULL;
  gboolean sort_given = FALSE;
  const char *title = NULL;
  int n = 0;

  g_return_val_if_fail (table != NULL, FALSE);

  sql = g_string_new (NULL);
  g_string_append_printf (sql, "UPDATE %s SET ", table);
  for (guint i = 0; fields != NULL && fields[i] != NULL && fields[i + 1] != NULL; i += 2)
    {
      const Field *field = find_field (fields[i]);

      if (field == NULL)
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("“%s” cannot be edited."), fields[i]);
          return FALSE;
        }
      /* Names come from the list above only; values are bound. */
      g_string_append_printf (sql, "%s%s = ?%d", n > 0 ? ", " : "", field->name, n + 2);
      n++;
      sort_given |= g_str_equal (field->name, "sort_title");
      if (g_str_equal (field->name, "title"))
        title = fields[i + 1];
    }
  if (n == 0)
    return TRUE;
  if (title != NULL && !sort_given)
    {
      sort_title = ssv_sort_title (title);
      g_string_append_printf (sql, ", sort_title = ?%d", n + 2);
    }
  g_string_append (sql, " WHERE id = ?1");

  stmt = ssv_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  n = 0;
  for (guint i = 0; fields[i] != NULL && fields[i + 1] != NULL; i += 2)
    if (!bind_field (stmt, (n++) + 2, find_field (fields[i]), fields[i + 1], error))
      return FALSE;
  if (sort_title != NULL)
    ssv_stmt_bind_text (stmt, n + 2, sort_title);

  if (!ssv_stmt_step_done (stmt, error))
    return FALSE;
  if (ssv_database_changes (db) == 0)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                           _("The title is no longer in the library. Reload the page and try again."));
      return FALSE;
    }

  return TRUE;
}

/**
 * ssv_title_edit_store_rematch_tvdb:
 *
 * The person picked the show's TheTVDB entry: its id is set and locked, and
 * TheTVDB's status is forgotten so its worker reads the show again. One transaction.
 */
gboolean
ssv_title_edit_store_rematch_tvdb (SsvDatabase  *db,
                                   gint64        show_id,
                                   gint64        tvdb_id,
                                   GError      **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  if (tvdb_id <= 0)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID, _("Pick a show to match with."));
      return FALSE;
    }
  if (!ssv_database_begin (db, error))
    return FALSE;

  stmt = ssv_database_prepare (db, "UPDATE shows SET tvdb_id = ?2, "
                                   "locked_fields = ssv_locked_fields (json_insert (coalesce (locked_fields, '[]'), "
                                   "'$[#]', 'tvdb_id')) WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, show_id);
  sqlite3_bind_int64 (stmt, 2, tvdb_id);
  if (!ssv_stmt_step_done (stmt, error))
    goto failed;
  if (ssv_database_changes (db) == 0)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("The show is no longer in the library."));
      goto failed;
    }
  g_clear_pointer (&stmt, ssv_stmt_release);

  if (!ssv_database_exec_with_id (db, "DELETE FROM enrichment_status WHERE show_id = ?1 AND provider = 'tvdb'",
                                  show_id, error) ||
      !ssv_database_commit (db, error))
    goto failed;

  return TRUE;

failed:
  ssv_database_rollback (db);
  return FALSE;
}
