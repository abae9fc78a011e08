/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-title.c: the library store's read of one title for its page: the library's
 * row, the providers' facts and scores, genres, crew, cast, seasons, episodes and files,
 * as one SsvTitle. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "stores/ssv-library-store-private.h"
#include "model/ssv-cast-member.h"
#include "model/ssv-library-file.h"
#include "model/ssv-model-private.h"
#include "model/ssv-title-private.h"

#define CREW_LIMIT 6
#define CAST_LIMIT 20

/* ---- rows ------------------------------------------------------------------- */

static gpointer
text_from_row (SsvStmt *stmt)
{
  return ssv_stmt_dup_text (stmt, 0);
}

static gpointer
cast_member_from_row (SsvStmt *stmt)
{
  SsvCastMember *member = ssv_cast_member_new (ssv_stmt_column_text (stmt, 0), ssv_stmt_column_text (stmt, 1),
                                               ssv_stmt_column_text (stmt, 2));

  ssv_cast_member_set_tmdb_id (member, sqlite3_column_int64 (stmt, 3));
  return member;
}

static gpointer
file_from_row (SsvStmt *stmt)
{
  SsvMediaFile file = {
    .server_id = (char *) ssv_stmt_column_text (stmt, 0),
    .path = (char *) ssv_stmt_column_text (stmt, 1),
    .size_bytes = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 2),
    .container = (char *) ssv_stmt_column_text (stmt, 3),
    .video_codec = (char *) ssv_stmt_column_text (stmt, 4),
    .video_height = sqlite3_column_int (stmt, 5),
    .video_range = (char *) ssv_stmt_column_text (stmt, 6),
    .audio_codec = (char *) ssv_stmt_column_text (stmt, 7),
    .audio_channels = sqlite3_column_int (stmt, 8),
    .duration_s = sqlite3_column_type (stmt, 9) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 9),
    .added_at = sqlite3_column_int64 (stmt, 10),
  };

  return ssv_library_file_new (&file);
}

static gpointer
season_from_row (SsvStmt *stmt)
{
  SsvSeason *season = ssv_season_new ();

  season->id = sqlite3_column_int64 (stmt, 0);
  season->season_number = sqlite3_column_int (stmt, 1);
  season->title = ssv_stmt_dup_text (stmt, 2);
  season->overview = ssv_stmt_dup_text (stmt, 3);
  season->air_date = ssv_stmt_dup_text (stmt, 4);
  season->poster_url = ssv_stmt_dup_text (stmt, 5);
  season->episode_count = sqlite3_column_int (stmt, 6);
  season->watched_count = sqlite3_column_int (stmt, 7);
  season->show_id = sqlite3_column_int64 (stmt, 8);

  return season;
}

static gpointer
episode_from_row (SsvStmt *stmt)
{
  SsvEpisode *episode = ssv_episode_new ();

  episode->id = sqlite3_column_int64 (stmt, 0);
  episode->season_number = sqlite3_column_int (stmt, 1);
  episode->episode_number = sqlite3_column_int (stmt, 2);
  episode->title = ssv_stmt_dup_text (stmt, 3);
  episode->overview = ssv_stmt_dup_text (stmt, 4);
  episode->air_date = ssv_stmt_dup_text (stmt, 5);
  episode->runtime_minutes = sqlite3_column_int (stmt, 6);
  episode->still_url = ssv_stmt_dup_text (stmt, 7);
  episode->rating = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? -1.0 : sqlite3_column_double (stmt, 8);
  episode->tmdb_id = sqlite3_column_int64 (stmt, 9);
  episode->tvdb_id = sqlite3_column_int64 (stmt, 10);
  episode->imdb_id = ssv_stmt_dup_text (stmt, 11);
  episode->watched = sqlite3_column_int (stmt, 12) != 0;
  episode->play_count = sqlite3_column_int (stmt, 13);
  episode->file_path = ssv_stmt_dup_text (stmt, 14);
  episode->has_file = episode->file_path != NULL;
  episode->show_id = sqlite3_column_int64 (stmt, 15);

  return episode;
}

/* The rows of @sql about title @id (and, when not %NULL, credit @role), each made by @read. */
static GPtrArray *
read_rows (SsvDatabase   *db,
           const char    *sql,
           gint64         id,
           const char    *role,
           SsvRowReader   read,
           GDestroyNotify free_row,
           GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (role != NULL)
    sqlite3_bind_text (stmt, 2, role, -1, SQLITE_STATIC);

  if (!ssv_stmt_collect_rows (stmt, read, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}

static gboolean
read_objects (SsvDatabase  *db,
              const char   *sql,
              gint64        id,
              SsvRowReader  read,
              GListStore   *into,
              GError      **error)
{
  g_autoptr(GPtrArray) rows = read_rows (db, sql, id, NULL, read, g_object_unref, error);

  if (rows == NULL)
    return FALSE;

  g_list_store_splice (into, 0, 0, rows->pdata, rows->len);
  return TRUE;
}

static GStrv
read_names (SsvDatabase  *db,
            const char   *sql,
            gint64        id,
            const char   *role,
            GError      **error)
{
  g_autoptr(GPtrArray) names = read_rows (db, sql, id, role, text_from_row, g_free, error);

  if (names == NULL)
    return NULL;

  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* ---- the parts of a title ------------------------------------------------------- */

/* What the library's row says, taken from the movie or show read for the grid. */
static void
take_library_row (SsvTitle *title,
                  GObject  *item)
{
  if (SSV_IS_MOVIE (item))
    {
      SsvMovie *movie = SSV_MOVIE (item);

      title->title = g_strdup (movie->title);
      title->year = movie->year;
      title->tagline = g_strdup (movie->tagline);
      title->overview = g_strdup (movie->overview);
      title->content_rating = g_strdup (movie->content_rating);
      title->runtime_minutes = movie->runtime_minutes;
      title->network = g_strdup (movie->studio);
      title->server_name = g_strdup (movie->server_name);
      title->logo_url = g_strdup (movie->logo_url);
      title->backdrop_url = g_strdup (movie->backdrop_url);
      title->poster_url = g_strdup (movie->poster_url);
      title->watched = movie->watched;
    }
  else
    {
      SsvShow *show = SSV_SHOW (item);

      title->title = g_strdup (show->title);
      title->year = show->year;
      title->last_year = show->last_air_date ? (int) g_ascii_strtoll (show->last_air_date, NULL, 10) : 0;
      title->tagline = g_strdup (show->tagline);
      title->overview = g_strdup (show->overview);
      title->content_rating = g_strdup (show->content_rating);
      title->runtime_minutes = show->runtime_minutes;
      title->status = g_strdup (show->status);
      title->network = g_strdup (show->network);
      title->server_name = g_strdup (show->server_name);
      title->logo_url = g_strdup (show->logo_url);
      title->backdrop_url = g_strdup (show->backdrop_url);
      title->poster_url = g_strdup (show->poster_url);
      title->watched = show->watched;
      title->episode_count = show->episode_count;
      title->watched_count = show->watched_count;
    }
}

/* The providers' scores, and whether TMDB has matched the title (a show: every season too). */
static gboolean
read_scores (SsvDatabase  *db,
             SsvTitle     *title,
             GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, title->kind == SSV_MEDIA_KIND_SHOW
    ? "SELECT imdb_rating, rt_score, metascore, tmdb_rating,"
      " (SELECT status = 'matched' AND episodes_synced FROM enrichment_status"
      "  WHERE show_id = shows.id AND provider = 'tmdb') FROM shows WHERE id = ?1"
    : "SELECT imdb_rating, rt_score, metascore, tmdb_rating,"
      " (SELECT status = 'matched' FROM enrichment_status"
      "  WHERE movie_id = movies.id AND provider = 'tmdb') FROM movies WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, title->id);
  if (!ssv_stmt_step_row (stmt, _("This title is no longer in the library."), error))
    return FALSE;

  title->imdb_rating = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? 0 : sqlite3_column_double (stmt, 0);
  title->rt_score = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 1);
  title->metascore = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 2);
  title->tmdb_rating = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? 0 : sqlite3_column_double (stmt, 3);
  title->synced = sqlite3_column_int (stmt, 4) != 0;

  return TRUE;
}

/* Genres, crew and cast; without a provider's genres, the server's "Drama, Thriller". */
static gboolean
read_people (SsvDatabase  *db,
             SsvTitle     *title,
             GError      **error)
{
  gboolean show = title->kind == SSV_MEDIA_KIND_SHOW;
  const char *credits_sql = show
    ? "SELECT p.name FROM credits c JOIN people p ON p.id = c.person_id"
      " WHERE c.show_id = ?1 AND c.role = ?2 ORDER BY c.sort_order, c.id LIMIT " G_STRINGIFY (CREW_LIMIT)
    : "SELECT p.name FROM credits c JOIN people p ON p.id = c.person_id"
      " WHERE c.movie_id = ?1 AND c.role = ?2 ORDER BY c.sort_order, c.id LIMIT " G_STRINGIFY (CREW_LIMIT);

  title->genres = read_names (db, show ? "SELECT g.name FROM show_genres l JOIN genres g ON g.id = l.genre_id"
                                         " WHERE l.show_id = ?1 ORDER BY g.name"
                                       : "SELECT g.name FROM movie_genres l JOIN genres g ON g.id = l.genre_id"
                                         " WHERE l.movie_id = ?1 ORDER BY g.name",
                              title->id, NULL, error);
  if (title->genres == NULL)
    return FALSE;
  if (title->genres[0] == NULL)
    {
      const char *server = show ? SSV_SHOW (title->item)->genres : SSV_MOVIE (title->item)->genres;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) parts = g_strsplit (server ? server : "", ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (g_strstrip (parts[i])[0] != '\0')
          g_strv_builder_add (builder, parts[i]);
      g_strfreev (title->genres);
      title->genres = g_strv_builder_end (builder);
    }

  if ((title->directors = read_names (db, credits_sql, title->id, "director", error)) == NULL ||
      (title->writers = read_names (db, credits_sql, title->id, "writer", error)) == NULL ||
      (title->creators = read_names (db, credits_sql, title->id, "creator", error)) == NULL)
    return FALSE;

  return read_objects (db, show
                       ? "SELECT p.name, c.character, p.profile_url, coalesce (p.tmdb_id, 0) FROM credits c JOIN people p ON p.id = c.person_id"
                         " WHERE c.show_id = ?1 AND c.role = 'cast' ORDER BY c.sort_order, c.id"
                         " LIMIT " G_STRINGIFY (CAST_LIMIT)
                       : "SELECT p.name, c.character, p.profile_url, coalesce (p.tmdb_id, 0) FROM credits c JOIN people p ON p.id = c.person_id"
                         " WHERE c.movie_id = ?1 AND c.role = 'cast' ORDER BY c.sort_order, c.id"
                         " LIMIT " G_STRINGIFY (CAST_LIMIT),
                       title->id, cast_member_from_row, title->cast, error);
}

static const char files_sql[] =
  "SELECT server_id, path, size_bytes, container, video_codec, video_height,"
  " video_range, audio_codec, audio_channels, duration_s, added_at"
  " FROM media_files WHERE movie_id = ?1 ORDER BY path";

static const char seasons_sql[] =
  "SELECT s.id, s.season_number, s.title, s.overview, s.air_date, s.poster_url,"
  " (SELECT count(*) FROM episodes e WHERE e.show_id = s.show_id AND e.season_number = s.season_number),"
  " (SELECT coalesce (sum (watched), 0) FROM episodes e"
  "   WHERE e.show_id = s.show_id AND e.season_number = s.season_number),"
  " s.show_id"
  " FROM seasons s WHERE s.show_id = ?1 ORDER BY s.season_number = 0, s.season_number";

static const char episodes_sql[] =
  "SELECT e.id, e.season_number, e.episode_number, e.title, e.overview, e.air_date,"
  " e.runtime_minutes, e.still_url, e.rating, e.tmdb_id, e.tvdb_id, e.imdb_id, e.watched,"
  " e.play_count, (SELECT path FROM media_files f WHERE f.episode_id = e.id ORDER BY path LIMIT 1),"
  " e.show_id"
  " FROM episodes e WHERE e.show_id = ?1 ORDER BY e.season_number, e.episode_number";

static guint
count_season_numbers (GListModel *episodes)
{
  guint n = 0;
  int previous = -1;

  /* Sorted by season: each new number starts a season. */
  for (guint i = 0; i < g_list_model_get_n_items (episodes); i++)
    {
      g_autoptr(SsvEpisode) episode = g_list_model_get_item (episodes, i);

      if (i == 0 || episode->season_number != previous)
        n++;
      previous = episode->season_number;
    }

  return n;
}

/* A movie's files; a show's seasons and episodes. */
static gboolean
read_children (SsvDatabase  *db,
               SsvTitle     *title,
               GError      **error)
{
  if (title->kind == SSV_MEDIA_KIND_MOVIE)
    return read_objects (db, files_sql, title->id, file_from_row, title->files, error);

  if (!read_objects (db, seasons_sql, title->id, season_from_row, title->seasons, error) ||
      !read_objects (db, episodes_sql, title->id, episode_from_row, title->episodes, error))
    return FALSE;

  title->n_seasons = count_season_numbers (G_LIST_MODEL (title->episodes));
  return TRUE;
}

/**
 * ssv_library_store_load_title:
 * @kind: %SSV_MEDIA_KIND_MOVIE or %SSV_MEDIA_KIND_SHOW
 *
 * Everything the title's page shows, from the library and every provider, in one read.
 * Worker threads and the CLI call it; the UI uses ssv_library_store_load_title_async().
 *
 * Returns: (transfer full): the title, or %NULL with %SSV_ERROR_NOT_FOUND when there is
 *   no such row
 */
SsvTitle *
ssv_library_store_load_title (SsvLibraryStore  *self,
                              SsvMediaKind      kind,
                              gint64            id,
                              GError          **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  g_autoptr(SsvTitle) title = NULL;
  GObject *item;

  g_return_val_if_fail (SSV_IS_LIBRARY_STORE (self), NULL);
  g_return_val_if_fail (kind == SSV_MEDIA_KIND_MOVIE || kind == SSV_MEDIA_KIND_SHOW, NULL);

  item = ssv_library_store_read_title_row (self, kind, id, error);
  if (item == NULL)
    return NULL;

  title = ssv_title_new (kind, id);
  title->item = item;
  take_library_row (title, item);

  if (!read_scores (db, title, error) || !read_people (db, title, error) || !read_children (db, title, error))
    return NULL;

  return g_steal_pointer (&title);
}

typedef struct
{
  SsvMediaKind kind;
  gint64       id;
} LoadData;

static gpointer
load_title_func (SsvStore      *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  LoadData *load = data;

  return ssv_library_store_load_title (SSV_LIBRARY_STORE (store), load->kind, load->id, error);
}

void
ssv_library_store_load_title_async (SsvLibraryStore     *self,
                                    SsvMediaKind         kind,
                                    gint64               id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  LoadData *load = g_new0 (LoadData, 1);

  load->kind = kind;
  load->id = id;
  ssv_store_run_async (SSV_STORE (self), ssv_library_store_load_title_async,
                       load_title_func, load, g_free, g_object_unref,
                       cancellable, callback, user_data);
}

/* Returns: (transfer full): the title, or %NULL with @error set */
SsvTitle *
ssv_library_store_load_title_finish (SsvLibraryStore  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error);
}
