/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-store.c: the library's rows as the pages read them, and the person's locks;
 * what scans write is in ssv-library-writer.c. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "stores/ssv-library-store-private.h"
#include "ssv-locked-fields.h"
#include "ssv-utils.h"
#include "model/ssv-model-private.h"

struct _SsvLibraryStore
{
  SsvStore parent_instance;
};

G_DEFINE_FINAL_TYPE (SsvLibraryStore, ssv_library_store, SSV_TYPE_STORE)

static void
ssv_library_store_class_init (SsvLibraryStoreClass *klass)
{
}

static void
ssv_library_store_init (SsvLibraryStore *self)
{
}

SsvLibraryStore *
ssv_library_store_new (SsvDatabase *database)
{
  return g_object_new (SSV_TYPE_LIBRARY_STORE, "database", database, NULL);
}

static SsvDatabase *
get_db (SsvLibraryStore *self)
{
  return ssv_store_get_database (SSV_STORE (self));
}

gboolean
ssv_library_store_get_counts (SsvLibraryStore   *self,
                              SsvLibraryCounts  *counts,
                              GError           **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  stmt = ssv_database_prepare (get_db (self),
                               "SELECT (SELECT count(*) FROM movies),"
                               "       (SELECT count(*) FROM shows),"
                               "       (SELECT count(*) FROM episodes),"
                               "       (SELECT count(*) FROM media_files),"
                               "       (SELECT count(*) FROM servers)",
                               error);
  if (stmt == NULL || ssv_stmt_step (stmt, error) != SQLITE_ROW)
    return FALSE;

  counts->movies = sqlite3_column_int64 (stmt, 0);
  counts->shows = sqlite3_column_int64 (stmt, 1);
  counts->episodes = sqlite3_column_int64 (stmt, 2);
  counts->files = sqlite3_column_int64 (stmt, 3);
  counts->servers = sqlite3_column_int64 (stmt, 4);
  return TRUE;
}

static gpointer
get_counts_func (SsvStore      *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  SsvLibraryCounts *counts = g_new0 (SsvLibraryCounts, 1);

  if (!ssv_library_store_get_counts (SSV_LIBRARY_STORE (store), counts, error))
    g_clear_pointer (&counts, g_free);

  return counts;
}

void
ssv_library_store_get_counts_async (SsvLibraryStore     *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  ssv_store_run_async (SSV_STORE (self), ssv_library_store_get_counts_async,
                       get_counts_func, NULL, NULL, g_free,
                       cancellable, callback, user_data);
}

gboolean
ssv_library_store_get_counts_finish (SsvLibraryStore   *self,
                                     GAsyncResult      *result,
                                     SsvLibraryCounts  *counts,
                                     GError           **error)
{
  g_autofree SsvLibraryCounts *found = ssv_store_run_finish (SSV_STORE (self), result, error);

  if (found == NULL)
    return FALSE;

  *counts = *found;
  return TRUE;
}

/* ---- locks ------------------------------------------------------------------ */

static const char *
lock_table (SsvMediaKind kind)
{
  switch (kind)
    {
    case SSV_MEDIA_KIND_MOVIE:
      return "movies";
    case SSV_MEDIA_KIND_SHOW:
      return "shows";
    case SSV_MEDIA_KIND_EPISODE:
      return "episodes";
    default:
      return NULL;
    }
}

/* A lock names a column of the title's table, or its genres or credits. */
static gboolean
check_lock_names (SsvDatabase         *db,
                  const char          *table,
                  const char * const  *names,
                  GError             **error)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(SsvStmt) stmt = NULL;
      int rc;

      if (g_str_equal (names[i], SSV_LOCKED_GENRES) || g_str_equal (names[i], SSV_LOCKED_CREDITS))
        continue;

      stmt = ssv_database_prepare (db, "SELECT 1 FROM pragma_table_info (?1) WHERE name = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, names[i], -1, SQLITE_STATIC);
      rc = ssv_stmt_step (stmt, error);
      if (rc == SQLITE_DONE)
        g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("“%s” is not something a title can keep."), names[i]);
      if (rc != SQLITE_ROW)
        return FALSE;
    }

  return TRUE;
}

/**
 * ssv_library_store_set_locked_fields:
 * @kind: a movie, a show or an episode
 * @lock: (nullable) (array zero-terminated=1): fields to keep as they are:
 *   columns ("title", "tmdb_id"), "genres" or "credits"
 * @unlock: (nullable) (array zero-terminated=1): fields scans and enrichment may
 *   change again
 *
 * Records what a person fixed on a title, so that no scan and no provider
 * changes it. One transaction; emits `changed::movie` (`changed::show` for a
 * show or an episode).
 */
gboolean
ssv_library_store_set_locked_fields (SsvLibraryStore     *self,
                                     SsvMediaKind         kind,
                                     gint64               id,
                                     const char * const  *lock,
                                     const char * const  *unlock,
                                     GError             **error)
{
  SsvDatabase *db = get_db (self);
  const char *table = lock_table (kind);
  g_autofree char *select_sql = NULL;
  g_autofree char *update_sql = NULL;
  g_autofree char *locked = NULL;
  g_autoptr(SsvStmt) stmt = NULL;

  g_return_val_if_fail (SSV_IS_LIBRARY_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  if (!check_lock_names (db, table, lock, error) || !check_lock_names (db, table, unlock, error))
    return FALSE;

  if (!ssv_database_begin (db, error))
    return FALSE;

  select_sql = g_strdup_printf ("SELECT locked_fields FROM %s WHERE id = ?1", table);
  stmt = ssv_database_prepare (db, select_sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ssv_stmt_step_row (stmt, _("The title is no longer in the library. Reload the page and try again."), error))
    goto failed;
  locked = ssv_locked_fields_edit (ssv_stmt_column_text (stmt, 0), lock, unlock);
  g_clear_pointer (&stmt, ssv_stmt_release);

  update_sql = g_strdup_printf ("UPDATE %s SET locked_fields = ?2 WHERE id = ?1", table);
  stmt = ssv_database_prepare (db, update_sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  ssv_stmt_bind_text (stmt, 2, locked);
  if (!ssv_stmt_step_done (stmt, error) || !ssv_database_commit (db, error))
    goto failed;

  ssv_store_emit_changed (SSV_STORE (self), kind == SSV_MEDIA_KIND_MOVIE ? "movie" : "show");
  return TRUE;

failed:
  ssv_database_rollback (db);
  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * ssv_library_store_dup_locked_fields:
 * @kind: a movie, a show or an episode
 *
 * Returns: (transfer full): the names of the title's locked fields, sorted
 *   (empty when none), or %NULL with @error when the title is gone
 */
char **
ssv_library_store_dup_locked_fields (SsvLibraryStore  *self,
                                     SsvMediaKind      kind,
                                     gint64            id,
                                     GError          **error)
{
  const char *table = lock_table (kind);
  g_autofree char *sql = NULL;
  g_autoptr(SsvStmt) stmt = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer name;

  g_return_val_if_fail (SSV_IS_LIBRARY_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  sql = g_strdup_printf ("SELECT locked_fields FROM %s WHERE id = ?1", table);
  stmt = ssv_database_prepare (get_db (self), sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ssv_stmt_step_row (stmt, _("The title is no longer in the library. Reload the page and try again."), error))
    return NULL;

  fields = ssv_locked_fields_parse (ssv_stmt_column_text (stmt, 0));
  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* ---- reads ----------------------------------------------------------------- */

static double
column_rating (SsvStmt *stmt,
               int      column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? -1.0 : sqlite3_column_double (stmt, column);
}

/* Grids sort with strcmp() on a collation key: articles ignored, numbers in
 * numeric order ("Part 2" before "Part 10"). */
static char *
sort_key (SsvStmt *stmt,
          int      sort_column,
          int      title_column)
{
  const char *form = ssv_stmt_column_text (stmt, sort_column);

  return ssv_sort_title (form ? form : ssv_stmt_column_text (stmt, title_column));
}

#define MOVIE_COLUMNS \
  "m.id, m.title, m.sort_title, m.original_title, m.year, m.overview, m.tagline, m.content_rating," \
  " m.runtime_minutes, m.release_date, m.studio, m.community_rating, m.critic_rating, m.tmdb_id," \
  " m.imdb_id, m.tvdb_id, m.poster_url, m.backdrop_url, m.logo_url, m.watched, m.play_count," \
  " m.resume_position_s, m.added_at," \
  " EXISTS (SELECT 1 FROM media_files f WHERE f.movie_id = m.id)," \
  " (SELECT group_concat (g.name, ', ') FROM movie_genres mg JOIN genres g ON g.id = mg.genre_id" \
  "   WHERE mg.movie_id = m.id)," \
  " (SELECT name FROM servers s WHERE s.id = m.server_source)"

static gpointer
movie_from_row (SsvStmt  *stmt,
                gboolean  with_overview)
{
  SsvMovie *movie = ssv_movie_new ();

  movie->id = sqlite3_column_int64 (stmt, 0);
  movie->title = ssv_stmt_dup_text (stmt, 1);
  movie->sort_title = sort_key (stmt, 2, 1);
  movie->original_title = ssv_stmt_dup_text (stmt, 3);
  movie->year = sqlite3_column_int (stmt, 4);
  if (with_overview)
    {
      movie->overview = ssv_stmt_dup_text (stmt, 5);
      movie->tagline = ssv_stmt_dup_text (stmt, 6);
    }
  movie->content_rating = ssv_stmt_dup_text (stmt, 7);
  movie->runtime_minutes = sqlite3_column_int (stmt, 8);
  movie->release_date = ssv_stmt_dup_text (stmt, 9);
  movie->studio = ssv_stmt_dup_text (stmt, 10);
  movie->community_rating = column_rating (stmt, 11);
  movie->critic_rating = column_rating (stmt, 12);
  movie->tmdb_id = sqlite3_column_int64 (stmt, 13);
  movie->imdb_id = ssv_stmt_dup_text (stmt, 14);
  movie->tvdb_id = sqlite3_column_int64 (stmt, 15);
  movie->poster_url = ssv_stmt_dup_text (stmt, 16);
  movie->backdrop_url = ssv_stmt_dup_text (stmt, 17);
  movie->logo_url = ssv_stmt_dup_text (stmt, 18);
  movie->watched = sqlite3_column_int (stmt, 19) != 0;
  movie->play_count = sqlite3_column_int (stmt, 20);
  movie->resume_position = sqlite3_column_int64 (stmt, 21);
  movie->added_at = sqlite3_column_int64 (stmt, 22);
  movie->has_file = sqlite3_column_int (stmt, 23) != 0;
  movie->genres = ssv_stmt_dup_text (stmt, 24);
  movie->server_name = ssv_stmt_dup_text (stmt, 25);

  return movie;
}

/* Grid cards leave overviews out; the detail page loads them. */
static gpointer
movie_card_from_row (SsvStmt *stmt)
{
  return movie_from_row (stmt, FALSE);
}

/* Every row of @sql, made into a card by @read. */
static GPtrArray *
list_cards (SsvLibraryStore  *self,
            const char       *sql,
            SsvRowReader      read,
            GError          **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (get_db (self), sql, error);

  if (stmt == NULL || !ssv_stmt_collect_rows (stmt, read, cards, error))
    return NULL;

  return g_steal_pointer (&cards);
}

/**
 * ssv_library_store_list_movies:
 *
 * Every movie, for the grid (overviews are left out; the detail page loads them).
 *
 * Returns: (transfer full) (element-type SsvMovie): the movies
 */
GPtrArray *
ssv_library_store_list_movies (SsvLibraryStore  *self,
                               GError          **error)
{
  return list_cards (self, "SELECT " MOVIE_COLUMNS " FROM movies m", movie_card_from_row, error);
}

#define SHOW_COLUMNS \
  "s.id, s.title, s.sort_title, s.original_title, s.year, s.overview, s.tagline, s.content_rating," \
  " s.status, s.network, s.first_air_date, s.last_air_date, s.runtime_minutes, s.community_rating," \
  " s.critic_rating, s.tmdb_id, s.tvdb_id, s.imdb_id, s.poster_url, s.backdrop_url, s.logo_url," \
  " s.added_at, coalesce (e.episodes, 0), coalesce (e.watched, 0), coalesce (e.seasons, 0)," \
  " EXISTS (SELECT 1 FROM episodes fe JOIN media_files f ON f.episode_id = fe.id WHERE fe.show_id = s.id)," \
  " (SELECT group_concat (g.name, ', ') FROM show_genres sg JOIN genres g ON g.id = sg.genre_id" \
  "   WHERE sg.show_id = s.id)," \
  " (SELECT name FROM servers v WHERE v.id = s.server_source)"

/* Counted from the index episodes_rollup alone; whether a show has a file stops at its
 * first episode that has one, where counting them looked every episode up. */
#define SHOW_ROLLUP \
  "(SELECT show_id, count(*) AS episodes, sum (watched) AS watched," \
  "  count (DISTINCT season_number) AS seasons" \
  " FROM episodes GROUP BY show_id)"

/* The roll-up of the one show ?1, for a query "… WHERE s.id = ?1": grouping every
 * show's episodes to keep one took 30 ms. */
#define SHOW_ROLLUP_OF_ONE \
  "(SELECT show_id, count(*) AS episodes, sum (watched) AS watched," \
  "  count (DISTINCT season_number) AS seasons" \
  " FROM episodes WHERE show_id = ?1 GROUP BY show_id)"

static gpointer
show_from_row (SsvStmt  *stmt,
               gboolean  with_overview)
{
  SsvShow *show = ssv_show_new ();

  show->id = sqlite3_column_int64 (stmt, 0);
  show->title = ssv_stmt_dup_text (stmt, 1);
  show->sort_title = sort_key (stmt, 2, 1);
  show->original_title = ssv_stmt_dup_text (stmt, 3);
  show->year = sqlite3_column_int (stmt, 4);
  if (with_overview)
    {
      show->overview = ssv_stmt_dup_text (stmt, 5);
      show->tagline = ssv_stmt_dup_text (stmt, 6);
    }
  show->content_rating = ssv_stmt_dup_text (stmt, 7);
  show->status = ssv_stmt_dup_text (stmt, 8);
  show->network = ssv_stmt_dup_text (stmt, 9);
  show->first_air_date = ssv_stmt_dup_text (stmt, 10);
  show->last_air_date = ssv_stmt_dup_text (stmt, 11);
  show->runtime_minutes = sqlite3_column_int (stmt, 12);
  show->community_rating = column_rating (stmt, 13);
  show->critic_rating = column_rating (stmt, 14);
  show->tmdb_id = sqlite3_column_int64 (stmt, 15);
  show->tvdb_id = sqlite3_column_int64 (stmt, 16);
  show->imdb_id = ssv_stmt_dup_text (stmt, 17);
  show->poster_url = ssv_stmt_dup_text (stmt, 18);
  show->backdrop_url = ssv_stmt_dup_text (stmt, 19);
  show->logo_url = ssv_stmt_dup_text (stmt, 20);
  show->added_at = sqlite3_column_int64 (stmt, 21);
  show->episode_count = sqlite3_column_int (stmt, 22);
  show->watched_count = sqlite3_column_int (stmt, 23);
  show->season_count = sqlite3_column_int (stmt, 24);
  show->has_file = sqlite3_column_int (stmt, 25) != 0;
  show->watched = show->episode_count > 0 && show->watched_count >= show->episode_count;
  show->genres = ssv_stmt_dup_text (stmt, 26);
  show->server_name = ssv_stmt_dup_text (stmt, 27);

  return show;
}

static gpointer
show_card_from_row (SsvStmt *stmt)
{
  return show_from_row (stmt, FALSE);
}

/**
 * ssv_library_store_list_shows:
 *
 * Returns: (transfer full) (element-type SsvShow): every show, with episode roll-ups
 */
GPtrArray *
ssv_library_store_list_shows (SsvLibraryStore  *self,
                              GError          **error)
{
  return list_cards (self,
                     "SELECT " SHOW_COLUMNS " FROM shows s LEFT JOIN " SHOW_ROLLUP " e ON e.show_id = s.id",
                     show_card_from_row, error);
}

/**
 * ssv_library_store_read_title_row:
 * @kind: %SSV_MEDIA_KIND_MOVIE or %SSV_MEDIA_KIND_SHOW
 *
 * The title's own row with its overview, as ssv_library_store_load_title() starts from.
 *
 * Returns: (transfer full): an SsvMovie or SsvShow, or %NULL with %SSV_ERROR_NOT_FOUND
 */
GObject *
ssv_library_store_read_title_row (SsvLibraryStore  *self,
                                  SsvMediaKind      kind,
                                  gint64            id,
                                  GError          **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (get_db (self), kind == SSV_MEDIA_KIND_MOVIE
    ? "SELECT " MOVIE_COLUMNS " FROM movies m WHERE m.id = ?"
    : "SELECT " SHOW_COLUMNS " FROM shows s LEFT JOIN " SHOW_ROLLUP_OF_ONE " e ON e.show_id = s.id"
      " WHERE s.id = ?1", error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!ssv_stmt_step_row (stmt, _("This title is no longer in the library."), error))
    return NULL;

  return kind == SSV_MEDIA_KIND_MOVIE ? movie_from_row (stmt, TRUE) : show_from_row (stmt, TRUE);
}

/* The order a list read hands its titles back in, applied on its thread. */
typedef struct
{
  GCompareDataFunc  compare;
  gpointer          data;
  GDestroyNotify    data_free;
} ListOrder;

static void
list_order_free (gpointer user_data)
{
  ListOrder *order = user_data;

  if (order->data_free != NULL)
    order->data_free (order->data);
  g_free (order);
}

static ListOrder *
list_order_new (GCompareDataFunc compare,
                gpointer         data,
                GDestroyNotify   data_free)
{
  ListOrder *order = g_new0 (ListOrder, 1);

  order->compare = compare;
  order->data = data;
  order->data_free = data_free;
  return order;
}

/* g_ptr_array_sort_with_data() passes the array's slots, not the titles. */
static int
compare_slots (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ListOrder *order = user_data;

  return order->compare (*(gconstpointer *) a, *(gconstpointer *) b, order->data);
}

static gpointer
sort_titles (GPtrArray *titles,
             ListOrder *order)
{
  if (titles != NULL && order->compare != NULL)
    g_ptr_array_sort_with_data (titles, compare_slots, order);

  return titles;
}

/**
 * ssv_library_titles_free:
 *
 * Frees what ssv_library_store_list_titles_finish() handed back.
 */
void
ssv_library_titles_free (SsvLibraryTitles *titles)
{
  if (titles == NULL)
    return;

  g_clear_pointer (&titles->movies, g_ptr_array_unref);
  g_clear_pointer (&titles->shows, g_ptr_array_unref);
  g_clear_pointer (&titles->genres, g_strfreev);
  g_free (titles);
}

static int
compare_names_for_people (gconstpointer a,
                          gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* Adds each of the ", "-separated @genres not in @seen to it and to @names. */
static void
collect_genres (const char *genres,
                GHashTable *seen,
                GPtrArray  *names,
                GString    *scratch)
{
  /* As g_strsplit() has it: no name at all in an empty string. */
  const char *start = genres[0] != '\0' ? genres : NULL;

  while (start != NULL)
    {
      const char *end = strstr (start, ", ");

      g_string_truncate (scratch, 0);
      g_string_append_len (scratch, start, end != NULL ? end - start : (gssize) strlen (start));
      if (!g_hash_table_contains (seen, scratch->str))
        {
          char *copy = g_strdup (scratch->str);

          g_hash_table_add (seen, copy);
          g_ptr_array_add (names, copy);
        }
      start = end != NULL ? end + 2 : NULL;
    }
}

/* Every genre a title of @titles has, once each, in the order people read them. */
static GStrv
list_genres (SsvLibraryTitles *titles)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) scratch = g_string_new (NULL);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < titles->movies->len; i++)
    {
      const char *genres = ssv_movie_get_genres (g_ptr_array_index (titles->movies, i));

      if (genres != NULL)
        collect_genres (genres, seen, names, scratch);
    }
  for (guint i = 0; i < titles->shows->len; i++)
    {
      const char *genres = ssv_show_get_genres (g_ptr_array_index (titles->shows, i));

      if (genres != NULL)
        collect_genres (genres, seen, names, scratch);
    }

  g_ptr_array_sort (names, compare_names_for_people);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (names, FALSE);
}

/* Movies, then shows, on one thread: two reads at once would take both cores of a
 * small machine from a window that is starting. */
static gpointer
list_titles_func (SsvStore      *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  SsvLibraryStore *self = SSV_LIBRARY_STORE (store);
  g_autoptr(SsvLibraryTitles) titles = g_new0 (SsvLibraryTitles, 1);

  titles->movies = sort_titles (ssv_library_store_list_movies (self, error), data);
  if (titles->movies == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  titles->shows = sort_titles (ssv_library_store_list_shows (self, error), data);
  if (titles->shows == NULL)
    return NULL;

  titles->genres = list_genres (titles);
  titles->n_movies = titles->movies->len;
  titles->n_shows = titles->shows->len;

  return g_steal_pointer (&titles);
}

/* ---- the first screen ------------------------------------------------------------ */

/* A title's place in the Library's opening order, by title: its sort key, then its id,
 * as a grid sorted by title compares them. */
typedef struct
{
  char   *key;
  gint64  id;
} TitleRank;

static int
compare_ranks (const TitleRank *a,
               const TitleRank *b)
{
  int cmp = g_strcmp0 (a->key, b->key);

  if (cmp != 0)
    return cmp;
  return a->id < b->id ? -1 : a->id > b->id ? 1 : 0;
}

static void
clear_rank (gpointer data)
{
  g_free (((TitleRank *) data)->key);
}

/* The first @n rows of @sql ("id, sort_title, title" of every title) by title, kept in
 * order as the rows go by, and how many rows there were in @total. */
static GArray *
first_ranks (SsvLibraryStore  *self,
             const char       *sql,
             guint             n,
             guint            *total,
             GError          **error)
{
  g_autoptr(GArray) top = g_array_sized_new (FALSE, FALSE, sizeof (TitleRank), n + 1);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (get_db (self), sql, error);
  int rc;

  g_array_set_clear_func (top, clear_rank);
  if (stmt == NULL)
    return NULL;

  *total = 0;
  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      TitleRank rank = { NULL, sqlite3_column_int64 (stmt, 0) };
      guint low = 0, high = top->len;

      (*total)++;
      rank.key = sort_key (stmt, 1, 2);
      if (top->len == n && compare_ranks (&rank, &g_array_index (top, TitleRank, n - 1)) >= 0)
        {
          g_free (rank.key);
          continue;
        }
      while (low < high)
        {
          guint middle = low + (high - low) / 2;

          if (compare_ranks (&g_array_index (top, TitleRank, middle), &rank) <= 0)
            low = middle + 1;
          else
            high = middle;
        }
      g_array_insert_val (top, low, rank);
      if (top->len > n)
        g_array_set_size (top, n);
    }

  return rc == SQLITE_DONE ? g_steal_pointer (&top) : NULL;
}

/* The cards of @ranks, in their order, each read by its id with @sql. */
static GPtrArray *
read_ranked (SsvLibraryStore  *self,
             GArray           *ranks,
             const char       *sql,
             SsvRowReader      read,
             GError          **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_full (ranks->len, g_object_unref);

  for (guint i = 0; i < ranks->len; i++)
    {
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (get_db (self), sql, error);

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ranks, TitleRank, i).id);
      /* Removed since the ranking (a scan pruned it): left out; the rest's read follows. */
      switch (ssv_stmt_step (stmt, error))
        {
        case SQLITE_ROW:
          g_ptr_array_add (cards, read (stmt));
          break;
        case SQLITE_DONE:
          break;
        default:
          return NULL;
        }
    }

  return g_steal_pointer (&cards);
}

static gpointer
list_first_titles_func (SsvStore      *store,
                        gpointer       data,
                        GCancellable  *cancellable,
                        GError       **error)
{
  SsvLibraryStore *self = SSV_LIBRARY_STORE (store);
  guint n = GPOINTER_TO_UINT (data);
  g_autoptr(SsvLibraryTitles) titles = g_new0 (SsvLibraryTitles, 1);
  g_autoptr(GArray) movie_ranks = NULL;
  g_autoptr(GArray) show_ranks = NULL;

  movie_ranks = first_ranks (self, "SELECT id, sort_title, title FROM movies", n, &titles->n_movies, error);
  if (movie_ranks == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  show_ranks = first_ranks (self, "SELECT id, sort_title, title FROM shows", n, &titles->n_shows, error);
  if (show_ranks == NULL)
    return NULL;

  /* Nothing left out: the whole read, genres and all (in the database's order; a grid
   * sorts so few at once). */
  if (titles->n_movies <= n && titles->n_shows <= n)
    {
      ListOrder unordered = { NULL, NULL, NULL };

      return list_titles_func (store, &unordered, cancellable, error);
    }

  titles->movies = read_ranked (self, movie_ranks, "SELECT " MOVIE_COLUMNS " FROM movies m WHERE m.id = ?",
                                movie_card_from_row, error);
  if (titles->movies == NULL)
    return NULL;
  titles->shows = read_ranked (self, show_ranks,
                               "SELECT " SHOW_COLUMNS " FROM shows s LEFT JOIN " SHOW_ROLLUP_OF_ONE
                               " e ON e.show_id = s.id WHERE s.id = ?1", show_card_from_row, error);
  if (titles->shows == NULL)
    return NULL;

  return g_steal_pointer (&titles);
}

/**
 * ssv_library_store_list_first_titles_async:
 * @n: how many of each to read
 *
 * What the Library shows first, read before the rest: the first @n movies and the first
 * @n shows by title (a grid sorted by title, A to Z, starts with them, in this order),
 * with how many the library holds in all. Ranking by title reads three columns of each
 * title and keeps @n; only those @n are read whole. When the library holds no more
 * than @n of each, this is the whole read, as ssv_library_store_list_titles_async()
 * gives it, genres and all. Finish with ssv_library_store_list_titles_finish().
 */
void
ssv_library_store_list_first_titles_async (SsvLibraryStore     *self,
                                           guint                n,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (n > 0);

  ssv_store_run_async (SSV_STORE (self), ssv_library_store_list_titles_async, list_first_titles_func,
                       GUINT_TO_POINTER (n), NULL, (GDestroyNotify) ssv_library_titles_free,
                       cancellable, callback, user_data);
}

/**
 * ssv_library_store_list_titles_async:
 * @order: (nullable): the order to hand the titles back in, called on the read's
 *   thread with titles no one else holds yet; %NULL for the database's
 * @order_data: (nullable): for @order, freed with @order_data_free once the read ends
 *
 * Every movie, as ssv_library_store_list_movies() reads them, every show with its
 * episode roll-ups, and the genres they have, in one read on one thread. A grid's sort
 * model given its rows already in its order sorts them in one pass instead of a full
 * sort on the UI thread.
 */
void
ssv_library_store_list_titles_async (SsvLibraryStore     *self,
                                     GCompareDataFunc     order,
                                     gpointer             order_data,
                                     GDestroyNotify       order_data_free,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  ssv_store_run_async (SSV_STORE (self), ssv_library_store_list_titles_async,
                       list_titles_func, list_order_new (order, order_data, order_data_free),
                       list_order_free, (GDestroyNotify) ssv_library_titles_free,
                       cancellable, callback, user_data);
}

/**
 * ssv_library_store_list_titles_finish:
 *
 * Returns: (transfer full): the movies and the shows, or %NULL with @error set
 */
SsvLibraryTitles *
ssv_library_store_list_titles_finish (SsvLibraryStore  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error);
}
