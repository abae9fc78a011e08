/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-writer.c: scan ingestion: the pages of titles and the show trees a source
 * lists, upserted with their files and genres, a bad item rolled back alone. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "stores/ssv-library-writer-private.h"
#include "ssv-locked-fields.h"
#include "ssv-utils.h"

static SsvDatabase *
get_db (SsvLibraryStore *self)
{
  return ssv_store_get_database (SSV_STORE (self));
}

/* ---- binding ------------------------------------------------------------- */

static void
bind_int_or_null (SsvStmt *stmt,
                  int      index,
                  gint64   value)
{
  if (value != 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_double_or_null (SsvStmt *stmt,
                     int      index,
                     double   value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

/* A field a person locked keeps its value (ssv_locked() is the one reader of
 * locked_fields, see ssv-locked-fields.c); an unknown value from the source
 * keeps what is there. */
#define KEEP(col, n) col " = CASE WHEN ssv_locked (locked_fields, '" col "') " \
                     "THEN " col " ELSE coalesce (?" #n ", " col ") END"

static const char movie_insert_sql[] =
  "INSERT INTO movies (server_source, server_id, library_key, title, sort_title, original_title, year,"
  " overview, tagline, content_rating, runtime_minutes, release_date, studio, status, community_rating,"
  " critic_rating, tmdb_id, imdb_id, tvdb_id, poster_url, backdrop_url, logo_url, watched, play_count,"
  " resume_position_s, added_at, updated_at, scan_hash)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
  " ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)";

static const char movie_update_sql[] =
  "UPDATE movies SET library_key = ?3, " KEEP ("title", 4) ", " KEEP ("sort_title", 5) ", "
  KEEP ("original_title", 6) ", " KEEP ("year", 7) ", " KEEP ("overview", 8) ", " KEEP ("tagline", 9) ", "
  KEEP ("content_rating", 10) ", " KEEP ("runtime_minutes", 11) ", " KEEP ("release_date", 12) ", "
  KEEP ("studio", 13) ", " KEEP ("status", 14) ", " KEEP ("community_rating", 15) ", "
  KEEP ("critic_rating", 16) ", " KEEP ("tmdb_id", 17) ", " KEEP ("imdb_id", 18) ", " KEEP ("tvdb_id", 19) ", "
  KEEP ("poster_url", 20) ", " KEEP ("backdrop_url", 21) ", " KEEP ("logo_url", 22) ", "
  "watched = ?23, play_count = ?24, resume_position_s = ?25, added_at = coalesce (?26, added_at), "
  "updated_at = ?27, scan_hash = ?28 WHERE id = ?29";

static const char show_insert_sql[] =
  "INSERT INTO shows (server_source, server_id, library_key, title, sort_title, original_title, year,"
  " overview, tagline, content_rating, runtime_minutes, first_air_date, network, status, community_rating,"
  " critic_rating, tmdb_id, imdb_id, tvdb_id, poster_url, backdrop_url, logo_url, last_air_date,"
  " added_at, updated_at, scan_hash)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
  " ?21, ?22, ?23, ?26, ?27, ?28)";

static const char show_update_sql[] =
  "UPDATE shows SET library_key = ?3, " KEEP ("title", 4) ", " KEEP ("sort_title", 5) ", "
  KEEP ("original_title", 6) ", " KEEP ("year", 7) ", " KEEP ("overview", 8) ", " KEEP ("tagline", 9) ", "
  KEEP ("content_rating", 10) ", " KEEP ("runtime_minutes", 11) ", " KEEP ("first_air_date", 12) ", "
  KEEP ("network", 13) ", " KEEP ("status", 14) ", " KEEP ("community_rating", 15) ", "
  KEEP ("critic_rating", 16) ", " KEEP ("tmdb_id", 17) ", " KEEP ("imdb_id", 18) ", " KEEP ("tvdb_id", 19) ", "
  KEEP ("poster_url", 20) ", " KEEP ("backdrop_url", 21) ", " KEEP ("logo_url", 22) ", "
  KEEP ("last_air_date", 23) ", added_at = coalesce (?26, added_at), updated_at = ?27, scan_hash = ?28 "
  "WHERE id = ?29";

static void
bind_title (SsvStmt            *stmt,
            gint64              server_row,
            const SsvMediaItem *item,
            gint64              hash)
{
  g_autofree char *sort_form = ssv_fold_title (item->sort_title ? item->sort_title : item->title);

  sqlite3_bind_int64 (stmt, 1, server_row);
  sqlite3_bind_text (stmt, 2, item->server_id, -1, SQLITE_STATIC);
  ssv_stmt_bind_text (stmt, 3, item->library_key);
  sqlite3_bind_text (stmt, 4, item->title, -1, SQLITE_STATIC);
  ssv_stmt_bind_text (stmt, 5, sort_form);
  ssv_stmt_bind_text (stmt, 6, item->original_title);
  bind_int_or_null (stmt, 7, item->year);
  ssv_stmt_bind_text (stmt, 8, item->overview);
  ssv_stmt_bind_text (stmt, 9, item->tagline);
  ssv_stmt_bind_text (stmt, 10, item->content_rating);
  bind_int_or_null (stmt, 11, item->runtime_minutes);
  ssv_stmt_bind_text (stmt, 12, item->release_date);
  ssv_stmt_bind_text (stmt, 13, item->studio);
  ssv_stmt_bind_text (stmt, 14, item->status);
  bind_double_or_null (stmt, 15, item->community_rating);
  bind_double_or_null (stmt, 16, item->critic_rating);
  bind_int_or_null (stmt, 17, item->tmdb_id);
  ssv_stmt_bind_text (stmt, 18, item->imdb_id);
  bind_int_or_null (stmt, 19, item->tvdb_id);
  ssv_stmt_bind_text (stmt, 20, item->poster_url);
  ssv_stmt_bind_text (stmt, 21, item->backdrop_url);
  ssv_stmt_bind_text (stmt, 22, item->logo_url);
  if (item->kind == SSV_MEDIA_KIND_SHOW)
    ssv_stmt_bind_text (stmt, 23, item->end_date);
  else
    sqlite3_bind_int (stmt, 23, item->watched ? 1 : 0);
  sqlite3_bind_int (stmt, 24, item->play_count);
  ssv_stmt_bind_int64_or_null (stmt, 25, item->resume_position_s, item->resume_position_s > 0);
  bind_int_or_null (stmt, 26, item->added_at);
  bind_int_or_null (stmt, 27, item->updated_at);
  sqlite3_bind_int64 (stmt, 28, hash);
}

/* ---- the writer: statements prepared once per page or tree ------------------------ */

typedef enum
{
  STMT_FIND_MOVIE,
  STMT_FIND_SHOW,
  STMT_INSERT_MOVIE,
  STMT_UPDATE_MOVIE,
  STMT_INSERT_SHOW,
  STMT_UPDATE_SHOW,
  STMT_INSERT_EPISODE,
  STMT_UPDATE_EPISODE,
  STMT_KNOWN_EPISODES,
  STMT_UPSERT_SEASON,
  STMT_FILE_MOVIE,
  STMT_FILE_EPISODE,
  STMT_FILES_OF_MOVIE,
  STMT_FILES_OF_EPISODE,
  STMT_DELETE_FILE,
  STMT_CLEAR_MOVIE_GENRES,
  STMT_CLEAR_SHOW_GENRES,
  STMT_ADD_GENRE,
  STMT_FIND_GENRE,
  STMT_MOVIE_GENRE,
  STMT_SHOW_GENRE,
  STMT_SAVEPOINT,
  STMT_RELEASE,
  STMT_ROLLBACK_TO,
  N_STMTS
} StmtId;

#define FILE_COLUMNS \
  " server_source, server_id, path, size_bytes, container, video_codec, video_height, video_range," \
  " audio_codec, audio_channels, duration_s, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10," \
  " ?11, ?12, ?13)"

#define FILE_UPDATE \
  " DO UPDATE SET server_source = excluded.server_source, server_id = excluded.server_id," \
  " size_bytes = excluded.size_bytes, container = excluded.container," \
  " video_codec = excluded.video_codec, video_height = excluded.video_height," \
  " video_range = excluded.video_range, audio_codec = excluded.audio_codec," \
  " audio_channels = excluded.audio_channels, duration_s = excluded.duration_s," \
  " added_at = coalesce (excluded.added_at, added_at)"

static const char * const stmt_sql[N_STMTS] = {
  [STMT_FIND_MOVIE] = "SELECT id, scan_hash, ssv_locked (locked_fields, '" SSV_LOCKED_GENRES "')"
                      " FROM movies WHERE server_source = ? AND server_id = ?",
  [STMT_FIND_SHOW] = "SELECT id, scan_hash, ssv_locked (locked_fields, '" SSV_LOCKED_GENRES "')"
                     " FROM shows WHERE server_source = ? AND server_id = ?",
  [STMT_INSERT_MOVIE] = movie_insert_sql,
  [STMT_UPDATE_MOVIE] = movie_update_sql,
  [STMT_INSERT_SHOW] = show_insert_sql,
  [STMT_UPDATE_SHOW] = show_update_sql,
  [STMT_INSERT_EPISODE] =
    "INSERT INTO episodes (show_id, season_number, episode_number, server_source, server_id, title,"
    " overview, air_date, runtime_minutes, rating, still_url, tmdb_id, tvdb_id, imdb_id, watched,"
    " play_count, resume_position_s, added_at, scan_hash)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
  [STMT_UPDATE_EPISODE] =
    "UPDATE episodes SET server_source = ?4, server_id = ?5, " KEEP ("title", 6) ", "
    KEEP ("overview", 7) ", " KEEP ("air_date", 8) ", " KEEP ("runtime_minutes", 9) ", "
    KEEP ("rating", 10) ", " KEEP ("still_url", 11) ", " KEEP ("tmdb_id", 12) ", "
    KEEP ("tvdb_id", 13) ", " KEEP ("imdb_id", 14) ", watched = ?15, play_count = ?16, "
    "resume_position_s = ?17, added_at = coalesce (?18, added_at), scan_hash = ?19 WHERE id = ?20",
  [STMT_KNOWN_EPISODES] = "SELECT season_number, episode_number, id, scan_hash FROM episodes WHERE show_id = ?",
  [STMT_UPSERT_SEASON] =
    "INSERT INTO seasons (show_id, season_number, server_id, title, overview, air_date, poster_url,"
    " episode_count, scan_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    " ON CONFLICT (show_id, season_number) DO UPDATE SET"
    " server_id = coalesce (excluded.server_id, server_id), title = coalesce (excluded.title, title),"
    " overview = coalesce (excluded.overview, overview), air_date = coalesce (excluded.air_date, air_date),"
    " poster_url = coalesce (excluded.poster_url, poster_url), episode_count = excluded.episode_count,"
    " scan_hash = excluded.scan_hash"
    " WHERE scan_hash IS NOT excluded.scan_hash",
  [STMT_FILE_MOVIE] = "INSERT INTO media_files (movie_id," FILE_COLUMNS
                      " ON CONFLICT (movie_id, path) WHERE movie_id IS NOT NULL" FILE_UPDATE,
  [STMT_FILE_EPISODE] = "INSERT INTO media_files (episode_id," FILE_COLUMNS
                        " ON CONFLICT (episode_id, path) WHERE episode_id IS NOT NULL" FILE_UPDATE,
  [STMT_FILES_OF_MOVIE] = "SELECT id, path FROM media_files WHERE movie_id = ?",
  [STMT_FILES_OF_EPISODE] = "SELECT id, path FROM media_files WHERE episode_id = ?",
  [STMT_DELETE_FILE] = "DELETE FROM media_files WHERE id = ?",
  [STMT_CLEAR_MOVIE_GENRES] = "DELETE FROM movie_genres WHERE movie_id = ?",
  [STMT_CLEAR_SHOW_GENRES] = "DELETE FROM show_genres WHERE show_id = ?",
  [STMT_ADD_GENRE] = "INSERT INTO genres (name) VALUES (?) ON CONFLICT (name) DO NOTHING",
  [STMT_FIND_GENRE] = "SELECT id FROM genres WHERE name = ?",
  [STMT_MOVIE_GENRE] = "INSERT OR IGNORE INTO movie_genres (movie_id, genre_id) VALUES (?, ?)",
  [STMT_SHOW_GENRE] = "INSERT OR IGNORE INTO show_genres (show_id, genre_id) VALUES (?, ?)",
  [STMT_SAVEPOINT] = "SAVEPOINT item",
  [STMT_RELEASE] = "RELEASE item",
  [STMT_ROLLBACK_TO] = "ROLLBACK TO item",
};

/* A batch's statements, looked up once (the statement cache hashes the whole
 * SQL text on every lookup) and reset between uses. */
typedef struct
{
  SsvDatabase *db;
  SsvStmt     *stmts[N_STMTS];
} Writer;

static void
writer_init (Writer      *w,
             SsvDatabase *db)
{
  memset (w, 0, sizeof *w);
  w->db = db;
}

static void
writer_clear (Writer *w)
{
  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&w->stmts[i], ssv_stmt_release);
}

static SsvStmt *
writer_get (Writer  *w,
            StmtId   id,
            GError **error)
{
  if (w->stmts[id] == NULL)
    return w->stmts[id] = ssv_database_prepare (w->db, stmt_sql[id], error);

  sqlite3_reset (w->stmts[id]);
  sqlite3_clear_bindings (w->stmts[id]);
  return w->stmts[id];
}

static gboolean
writer_step (Writer  *w,
             StmtId   id,
             GError **error)
{
  SsvStmt *stmt = writer_get (w, id, error);
  gboolean ok = stmt != NULL && ssv_stmt_step_done (stmt, error);

  if (stmt != NULL)
    sqlite3_reset (stmt);
  return ok;
}

#define END_ARGS ((gint64) G_MININT64)

/* Runs a statement that takes int64 parameters, until END_ARGS. */
static gboolean
writer_run (Writer  *w,
            StmtId   id,
            GError **error,
            ...)
{
  SsvStmt *stmt = writer_get (w, id, error);
  va_list args;
  int index = 1;
  gint64 value;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;

  va_start (args, error);
  while ((value = va_arg (args, gint64)) != G_MININT64)
    sqlite3_bind_int64 (stmt, index++, value);
  va_end (args);

  ok = ssv_stmt_step_done (stmt, error);
  sqlite3_reset (stmt);
  return ok;
}

/* @fresh: the owner was just inserted, so it has no old files to drop. */
static gboolean
sync_files (Writer        *w,
            SsvMediaKind   owner_kind,
            gint64         owner_id,
            gint64         server_row,
            GPtrArray     *files,
            gboolean       fresh,
            GError       **error)
{
  g_autoptr(GHashTable) keep = NULL;
  g_autoptr(GArray) stale = NULL;
  gboolean movie = owner_kind == SSV_MEDIA_KIND_MOVIE;
  SsvStmt *stmt;
  int rc;

  /* A source that sent no files said nothing about them: keep what is known. */
  if (files == NULL || files->len == 0)
    return TRUE;

  if (!fresh)
    keep = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < files->len; i++)
    {
      const SsvMediaFile *file = g_ptr_array_index (files, i);

      if (file->path == NULL)
        continue;

      if (keep != NULL)
        g_hash_table_add (keep, file->path);

      stmt = writer_get (w, movie ? STMT_FILE_MOVIE : STMT_FILE_EPISODE, error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, owner_id);
      sqlite3_bind_int64 (stmt, 2, server_row);
      ssv_stmt_bind_text (stmt, 3, file->server_id);
      sqlite3_bind_text (stmt, 4, file->path, -1, SQLITE_STATIC);
      ssv_stmt_bind_int64_or_null (stmt, 5, file->size_bytes, file->size_bytes >= 0);
      ssv_stmt_bind_text (stmt, 6, file->container);
      ssv_stmt_bind_text (stmt, 7, file->video_codec);
      bind_int_or_null (stmt, 8, file->video_height);
      ssv_stmt_bind_text (stmt, 9, file->video_range);
      ssv_stmt_bind_text (stmt, 10, file->audio_codec);
      bind_int_or_null (stmt, 11, file->audio_channels);
      ssv_stmt_bind_int64_or_null (stmt, 12, file->duration_s, file->duration_s >= 0);
      bind_int_or_null (stmt, 13, file->added_at);
      if (!ssv_stmt_step_done (stmt, error))
        return FALSE;
      sqlite3_reset (stmt);
    }

  if (fresh)
    return TRUE;

  /* Files the item no longer has (replaced by a better copy, moved away). */
  stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = writer_get (w, movie ? STMT_FILES_OF_MOVIE : STMT_FILES_OF_EPISODE, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    if (!g_hash_table_contains (keep, ssv_stmt_column_text (stmt, 1)))
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (stale, id);
      }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < stale->len; i++)
    if (!writer_run (w, STMT_DELETE_FILE, error, g_array_index (stale, gint64, i), END_ARGS))
      return FALSE;

  return TRUE;
}

/* @locked: the person locked the title's genres: the source's list is not taken. */
static gboolean
set_genres (Writer        *w,
            SsvMediaKind   kind,
            gint64         owner_id,
            GPtrArray     *genres,
            gboolean       locked,
            GError       **error)
{
  gboolean movie = kind == SSV_MEDIA_KIND_MOVIE;

  /* No genres from the source: keep those enrichment may have found. */
  if (genres == NULL || genres->len == 0 || locked)
    return TRUE;

  if (!writer_run (w, movie ? STMT_CLEAR_MOVIE_GENRES : STMT_CLEAR_SHOW_GENRES, error, owner_id, END_ARGS))
    return FALSE;

  for (guint i = 0; i < genres->len; i++)
    {
      const char *name = g_ptr_array_index (genres, i);
      SsvStmt *stmt;
      gint64 genre_id;
      int rc;

      stmt = writer_get (w, STMT_ADD_GENRE, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      if (!ssv_stmt_step_done (stmt, error))
        return FALSE;
      sqlite3_reset (stmt);

      stmt = writer_get (w, STMT_FIND_GENRE, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      rc = ssv_stmt_step (stmt, error);
      if (rc != SQLITE_ROW)
        {
          if (rc == SQLITE_DONE)
            g_set_error (error, SSV_ERROR, SSV_ERROR_DATABASE, "genre %s vanished", name);
          return FALSE;
        }
      genre_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      if (!writer_run (w, movie ? STMT_MOVIE_GENRE : STMT_SHOW_GENRE, error, owner_id, genre_id, END_ARGS))
        return FALSE;
    }

  return TRUE;
}

typedef enum
{
  UPSERT_UNCHANGED,
  UPSERT_ADDED,
  UPSERT_UPDATED,
} UpsertResult;

static void
count_result (SsvWriteCounts *counts,
              UpsertResult    result)
{
  if (counts == NULL)
    return;

  switch (result)
    {
    case UPSERT_ADDED:
      counts->added++;
      break;
    case UPSERT_UPDATED:
      counts->updated++;
      break;
    case UPSERT_UNCHANGED:
    default:
      counts->unchanged++;
      break;
    }
}

/* One movie or show row (with a movie's files and either's genres). */
static gboolean
upsert_title (Writer              *w,
              gint64               server_row,
              const SsvMediaItem  *item,
              gint64              *id_out,
              UpsertResult        *result,
              GError             **error)
{
  gboolean movie = item->kind == SSV_MEDIA_KIND_MOVIE;
  gint64 hash = ssv_library_item_hash (item);
  gint64 id = 0;
  gboolean found = FALSE;
  gboolean genres_locked = FALSE;
  SsvStmt *stmt;
  int rc;

  stmt = writer_get (w, movie ? STMT_FIND_MOVIE : STMT_FIND_SHOW, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, server_row);
  sqlite3_bind_text (stmt, 2, item->server_id, -1, SQLITE_STATIC);
  rc = ssv_stmt_step (stmt, error);
  if (rc == SQLITE_ROW)
    {
      found = TRUE;
      id = sqlite3_column_int64 (stmt, 0);
      genres_locked = sqlite3_column_int (stmt, 2) != 0;
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL && sqlite3_column_int64 (stmt, 1) == hash)
        {
          sqlite3_reset (stmt);
          *id_out = id;
          *result = UPSERT_UNCHANGED;
          return TRUE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;

  stmt = writer_get (w, found ? (movie ? STMT_UPDATE_MOVIE : STMT_UPDATE_SHOW)
                              : (movie ? STMT_INSERT_MOVIE : STMT_INSERT_SHOW), error);
  if (stmt == NULL)
    return FALSE;
  bind_title (stmt, server_row, item, hash);
  if (found)
    sqlite3_bind_int64 (stmt, 29, id);
  if (!ssv_stmt_step_done (stmt, error))
    return FALSE;
  sqlite3_reset (stmt);

  if (!found)
    id = ssv_database_last_insert_rowid (w->db);

  if (movie && !sync_files (w, SSV_MEDIA_KIND_MOVIE, id, server_row, item->files, !found, error))
    return FALSE;
  if (!set_genres (w, item->kind, id, item->genres, genres_locked, error))
    return FALSE;

  *id_out = id;
  *result = found ? UPSERT_UPDATED : UPSERT_ADDED;
  return TRUE;
}

static void
add_problem (GPtrArray          *problems,
             const SsvMediaItem *item,
             const char         *message)
{
  if (problems == NULL)
    return;

  g_ptr_array_add (problems,
                   g_strdup_printf ("“%s” (%s): %s",
                                    item->title ? item->title : _("untitled"),
                                    item->server_id ? item->server_id : "?", message));
}

static void
rollback_savepoint (Writer *w)
{
  writer_step (w, STMT_ROLLBACK_TO, NULL);
  writer_step (w, STMT_RELEASE, NULL);
}

/* Writes a page. Fast: no savepoints, and on the first bad item it stops and
 * says so in *retry. Careful: a savepoint per item, bad ones rolled back alone. */
static gboolean
write_titles (Writer          *w,
              gint64           server_row,
              GPtrArray       *items,
              gboolean         careful,
              gboolean        *retry,
              SsvWriteCounts  *counts,
              GPtrArray       *problems,
              GError         **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      const SsvMediaItem *item = g_ptr_array_index (items, i);
      g_autoptr(GError) item_error = NULL;
      UpsertResult result;
      gint64 id;

      if (item->problem != NULL)
        {
          add_problem (problems, item, item->problem);
          counts->skipped++;
          continue;
        }

      if (careful && !writer_step (w, STMT_SAVEPOINT, error))
        return FALSE;

      if (!upsert_title (w, server_row, item, &id, &result, &item_error))
        {
          if (!careful)
            {
              *retry = TRUE;
              return FALSE;
            }
          rollback_savepoint (w);
          add_problem (problems, item, item_error->message);
          counts->skipped++;
          continue;
        }

      if (careful && !writer_step (w, STMT_RELEASE, error))
        return FALSE;
      count_result (counts, result);
    }

  return TRUE;
}

static void
add_counts (SsvWriteCounts       *to,
            const SsvWriteCounts *from)
{
  if (to == NULL)
    return;

  to->added += from->added;
  to->updated += from->updated;
  to->unchanged += from->unchanged;
  to->removed += from->removed;
  to->skipped += from->skipped;
}

/**
 * ssv_library_store_save_titles:
 * @items: (element-type SsvMediaItem): one page of movies or shows
 * @seen: (nullable): server ids of every item read, for a prune later
 * @problems: (element-type utf8): gets a line for each item that was skipped
 *
 * Writes a page in one transaction. An item that cannot be written is rolled
 * back alone, reported in @problems, and the rest go on.
 *
 * Returns: %FALSE only when the page as a whole could not be written
 */
gboolean
ssv_library_store_save_titles (SsvLibraryStore  *self,
                               gint64            server_row,
                               GPtrArray        *items,
                               GHashTable       *seen,
                               SsvWriteCounts   *counts,
                               GPtrArray        *problems,
                               GError          **error)
{
  SsvDatabase *db = get_db (self);

  if (seen != NULL)
    for (guint i = 0; i < items->len; i++)
      {
        const SsvMediaItem *item = g_ptr_array_index (items, i);

        if (item->problem == NULL)
          g_hash_table_add (seen, g_strdup (item->server_id));
      }

  for (int careful = 0; careful < 2; careful++)
    {
      g_autoptr(GPtrArray) attempt_problems = g_ptr_array_new_with_free_func (g_free);
      SsvWriteCounts attempt = { 0 };
      gboolean retry = FALSE;
      gboolean ok;
      Writer w;

      if (!ssv_database_begin (db, error))
        return FALSE;

      writer_init (&w, db);
      ok = write_titles (&w, server_row, items, careful, &retry, &attempt, attempt_problems, error);
      writer_clear (&w);

      if (!ok)
        {
          ssv_database_rollback (db);
          if (retry)
            continue;
          return FALSE;
        }

      if (!ssv_database_commit (db, error))
        return FALSE;

      add_counts (counts, &attempt);
      for (guint i = 0; problems != NULL && i < attempt_problems->len; i++)
        g_ptr_array_add (problems, g_strdup (g_ptr_array_index (attempt_problems, i)));
      return TRUE;
    }

  g_assert_not_reached ();
}

static gboolean
upsert_season (Writer                *w,
               gint64                 show_id,
               const SsvMediaSeason  *season,
               GError               **error)
{
  SsvStmt *stmt = writer_get (w, STMT_UPSERT_SEASON, error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, show_id);
  sqlite3_bind_int (stmt, 2, season->season_number);
  ssv_stmt_bind_text (stmt, 3, season->server_id);
  ssv_stmt_bind_text (stmt, 4, season->title);
  ssv_stmt_bind_text (stmt, 5, season->overview);
  ssv_stmt_bind_text (stmt, 6, season->air_date);
  ssv_stmt_bind_text (stmt, 7, season->poster_url);
  sqlite3_bind_int (stmt, 8, season->episode_count);
  sqlite3_bind_int64 (stmt, 9, ssv_library_season_hash (season));

  ok = ssv_stmt_step_done (stmt, error);
  sqlite3_reset (stmt);
  return ok;
}

/* A stored episode: its row and what the scanner last read for it. */
typedef struct
{
  gint64   id;
  gint64   hash;
  gboolean has_hash;
} KnownEpisode;

/* One key per (season, episode), whatever the numbers: season * 100000 +
 * episode made S00E100000 and S01E00 one row. */
static gint64
episode_key (int season,
             int number)
{
  return (gint64) ((guint64) (guint32) season << 32 | (guint32) number);
}

static KnownEpisode *
lookup_known (GHashTable *known,
              int         season,
              int         number)
{
  gint64 key = episode_key (season, number);

  return g_hash_table_lookup (known, &key);
}

/* Every stored episode of a show in one query, instead of one per episode. */
static gboolean
load_known_episodes (Writer      *w,
                     gint64       show_id,
                     GHashTable  *known,
                     GError     **error)
{
  SsvStmt *stmt = writer_get (w, STMT_KNOWN_EPISODES, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, show_id);
  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      KnownEpisode *episode = g_new0 (KnownEpisode, 1);

      episode->id = sqlite3_column_int64 (stmt, 2);
      episode->has_hash = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      episode->hash = sqlite3_column_int64 (stmt, 3);
      gint64 key = episode_key (sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1));

      g_hash_table_insert (known, g_memdup2 (&key, sizeof key), episode);
    }
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

static gboolean
upsert_episode (Writer              *w,
                gint64               show_id,
                gint64               server_row,
                const SsvMediaItem  *item,
                int                  number,
                GHashTable          *known,
                UpsertResult        *result,
                GError             **error)
{
  /* Unsigned: a large episode number times the prime overflowed a gint64. */
  gint64 hash = ssv_library_item_hash (item) ^ (gint64) ((guint64) number * FNV_PRIME) ^ show_id;
  KnownEpisode *stored = lookup_known (known, item->season_number, number);
  SsvStmt *stmt;
  gint64 id;

  if (stored != NULL && stored->has_hash && stored->hash == hash)
    {
      *result = UPSERT_UNCHANGED;
      return TRUE;
    }

  stmt = writer_get (w, stored ? STMT_UPDATE_EPISODE : STMT_INSERT_EPISODE, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, show_id);
  sqlite3_bind_int (stmt, 2, item->season_number);
  sqlite3_bind_int (stmt, 3, number);
  sqlite3_bind_int64 (stmt, 4, server_row);
  ssv_stmt_bind_text (stmt, 5, item->server_id);
  ssv_stmt_bind_text (stmt, 6, item->title);
  ssv_stmt_bind_text (stmt, 7, item->overview);
  ssv_stmt_bind_text (stmt, 8, item->release_date);
  bind_int_or_null (stmt, 9, item->runtime_minutes);
  bind_double_or_null (stmt, 10, item->community_rating);
  ssv_stmt_bind_text (stmt, 11, item->poster_url);
  bind_int_or_null (stmt, 12, item->tmdb_id);
  bind_int_or_null (stmt, 13, item->tvdb_id);
  ssv_stmt_bind_text (stmt, 14, item->imdb_id);
  sqlite3_bind_int (stmt, 15, item->watched ? 1 : 0);
  sqlite3_bind_int (stmt, 16, item->play_count);
  ssv_stmt_bind_int64_or_null (stmt, 17, item->resume_position_s, item->resume_position_s > 0);
  bind_int_or_null (stmt, 18, item->added_at);
  sqlite3_bind_int64 (stmt, 19, hash);
  if (stored != NULL)
    sqlite3_bind_int64 (stmt, 20, stored->id);
  if (!ssv_stmt_step_done (stmt, error))
    return FALSE;
  sqlite3_reset (stmt);

  id = stored ? stored->id : ssv_database_last_insert_rowid (w->db);

  if (!sync_files (w, SSV_MEDIA_KIND_EPISODE, id, server_row, item->files, stored == NULL, error))
    return FALSE;

  *result = stored ? UPSERT_UPDATED : UPSERT_ADDED;
  return TRUE;
}

/* Seasons the source listed, plus any its episodes name that it did not. */
static GPtrArray *
merged_seasons (const SsvShowTree *tree)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GPtrArray *seasons = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_season_free);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < tree->episodes->len; i++)
    {
      const SsvMediaItem *episode = g_ptr_array_index (tree->episodes, i);
      int n;

      if (episode->problem != NULL || episode->season_number < 0)
        continue;
      /* Keyed by the season itself: season + 1 overflowed at G_MAXINT. */
      n = GPOINTER_TO_INT (g_hash_table_lookup (counts, GINT_TO_POINTER (episode->season_number)));
      n = (int) MIN ((gint64) n + ssv_media_item_last_episode (episode) - episode->episode_number + 1, G_MAXINT);
      g_hash_table_insert (counts, GINT_TO_POINTER (episode->season_number), GINT_TO_POINTER (n));
    }

  for (guint i = 0; i < tree->seasons->len; i++)
    {
      const SsvMediaSeason *season = g_ptr_array_index (tree->seasons, i);
      SsvMediaSeason *copy = ssv_media_season_new (season->season_number);
      gpointer known = NULL;
      gboolean have_known = g_hash_table_lookup_extended (counts, GINT_TO_POINTER (season->season_number),
                                                          NULL, &known);

      copy->server_id = g_strdup (season->server_id);
      copy->title = g_strdup (season->title);
      copy->overview = g_strdup (season->overview);
      copy->poster_url = g_strdup (season->poster_url);
      copy->air_date = g_strdup (season->air_date);
      copy->episode_count = have_known ? GPOINTER_TO_INT (known) : season->episode_count;
      g_ptr_array_add (seasons, copy);
      g_hash_table_remove (counts, GINT_TO_POINTER (season->season_number));
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SsvMediaSeason *season = ssv_media_season_new (GPOINTER_TO_INT (key));

      season->episode_count = GPOINTER_TO_INT (value);
      g_ptr_array_add (seasons, season);
    }

  return seasons;
}

/* The seasons and episodes of one show, in the open transaction. Fast or careful
 * as write_titles(). */
static gboolean
write_tree (Writer             *w,
            gint64              show_id,
            gboolean            new_show,
            gint64              server_row,
            const SsvShowTree  *tree,
            const char         *show_title,
            gboolean            prune,
            gboolean            careful,
            gboolean           *retry,
            SsvWriteCounts     *counts,
            GPtrArray          *problems,
            GError            **error)
{
  g_autoptr(GPtrArray) seasons = merged_seasons (tree);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) present = NULL;
  guint unreadable = 0;

  for (guint i = 0; i < seasons->len; i++)
    if (!upsert_season (w, show_id, g_ptr_array_index (seasons, i), error))
      return FALSE;

  /* A show just added has no episodes to look up. */
  if (!new_show && !load_known_episodes (w, show_id, known, error))
    return FALSE;

  if (prune)
    present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < tree->episodes->len; i++)
    {
      const SsvMediaItem *episode = g_ptr_array_index (tree->episodes, i);
      /* A believable range only, counted in gint64: no overflow at G_MAXINT. */
      gint64 last = ssv_media_item_last_episode (episode);
      g_autoptr(GError) episode_error = NULL;
      SsvWriteCounts these = { 0 };
      gboolean ok = TRUE;

      if (episode->problem != NULL)
        {
          add_problem (problems, episode, episode->problem);
          counts->skipped++;
          unreadable++;
          continue;
        }

      if (careful && !writer_step (w, STMT_SAVEPOINT, error))
        return FALSE;

      /* A two-episode file is two rows, each with the file. */
      for (gint64 number = episode->episode_number; ok && number <= last; number++)
        {
          UpsertResult result;

          ok = upsert_episode (w, show_id, server_row, episode, (int) number, known, &result, &episode_error);
          if (ok)
            count_result (&these, result);
        }

      if (!ok)
        {
          if (!careful)
            {
              *retry = TRUE;
              return FALSE;
            }
          rollback_savepoint (w);
          add_problem (problems, episode, episode_error->message);
          counts->skipped++;
          unreadable++;
          continue;
        }

      if (careful && !writer_step (w, STMT_RELEASE, error))
        return FALSE;

      if (present != NULL)
        for (gint64 number = episode->episode_number; number <= last; number++)
          g_hash_table_add (present, g_strdup_printf ("%d:%" G_GINT64_FORMAT, episode->season_number, number));
      add_counts (counts, &these);
    }

  if (prune && !ssv_library_prune_episodes (w->db, show_id, show_title, present, unreadable, counts, problems, error))
    return FALSE;

  return TRUE;
}

/**
 * ssv_library_store_save_show_tree:
 * @show: (nullable): the show as the source listed it, or %NULL to leave the
 *   show row as it is and write only its seasons and episodes
 * @show_server_id: the show's id on the source (used when @show is %NULL)
 * @tree: (nullable): its seasons and episodes, or %NULL when they could not be
 *   read: the show row is written and its stored episodes are left alone
 * @prune: remove stored episodes the tree does not have (deep scans)
 *
 * One transaction for the show, its seasons and its episodes. A bad episode is
 * rolled back alone and reported in @problems.
 *
 * Returns: %FALSE only when nothing of the tree could be written
 */
gboolean
ssv_library_store_save_show_tree (SsvLibraryStore     *self,
                                  gint64               server_row,
                                  const SsvMediaItem  *show,
                                  const char          *show_server_id,
                                  const SsvShowTree   *tree,
                                  gboolean             prune,
                                  SsvWriteCounts      *counts,
                                  GPtrArray           *problems,
                                  GError             **error)
{
  SsvDatabase *db = get_db (self);

  if (show != NULL && show->problem != NULL)
    {
      add_problem (problems, show, show->problem);
      if (counts != NULL)
        counts->skipped++;
      return TRUE;
    }

  for (int careful = 0; careful < 2; careful++)
    {
      g_autoptr(GPtrArray) attempt_problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) show_error = NULL;
      g_autofree char *stored_title = NULL;
      SsvWriteCounts attempt = { 0 };
      UpsertResult result = UPSERT_UNCHANGED;
      gboolean retry = FALSE;
      gint64 show_id = 0;
      Writer w;

      if (!ssv_database_begin (db, error))
        return FALSE;
      writer_init (&w, db);

      if (show != NULL)
        {
          if (!upsert_title (&w, server_row, show, &show_id, &result, &show_error))
            {
              writer_clear (&w);
              ssv_database_rollback (db);
              add_problem (problems, show, show_error->message);
              if (counts != NULL)
                counts->skipped++;
              return TRUE;
            }
          count_result (&attempt, result);
        }
      else
        {
          SsvStmt *find = writer_get (&w, STMT_FIND_SHOW, error);
          int rc;

          if (find == NULL)
            goto failed;
          sqlite3_bind_int64 (find, 1, server_row);
          sqlite3_bind_text (find, 2, show_server_id, -1, SQLITE_STATIC);
          rc = ssv_stmt_step (find, error);
          if (rc == SQLITE_ROW)
            show_id = sqlite3_column_int64 (find, 0);
          sqlite3_reset (find);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            goto failed;
          if (rc == SQLITE_DONE)
            {
              /* Episodes of a show the library does not have yet: the next full
               * scan brings the show with them. */
              writer_clear (&w);
              ssv_database_rollback (db);
              if (problems != NULL)
                g_ptr_array_add (problems, g_strdup_printf (_("Episodes of an unknown show (%s) were not stored; "
                                                              "a full scan brings them in."), show_server_id));
              if (counts != NULL)
                counts->skipped++;
              return TRUE;
            }
          stored_title = g_strdup (show_server_id);
        }

      if (tree != NULL &&
          !write_tree (&w, show_id, result == UPSERT_ADDED, server_row, tree,
                       show ? show->title : stored_title, prune, careful, &retry,
                       &attempt, attempt_problems, error))
        {
          writer_clear (&w);
          ssv_database_rollback (db);
          if (retry)
            continue;
          return FALSE;
        }

      writer_clear (&w);
      if (!ssv_database_commit (db, error))
        return FALSE;

      add_counts (counts, &attempt);
      for (guint i = 0; problems != NULL && i < attempt_problems->len; i++)
        g_ptr_array_add (problems, g_strdup (g_ptr_array_index (attempt_problems, i)));
      return TRUE;

failed:
      writer_clear (&w);
      ssv_database_rollback (db);
      return FALSE;
    }

  g_assert_not_reached ();
}
