/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-find-store.c: titles and people of the library by name, and which TMDB titles the
 * library owns or the wishlist wants. */

#include "config.h"

#include "stores/ssv-find-store.h"
#include "model/ssv-found-title-private.h"

static gpointer
read_found (SsvStmt *stmt)
{
  SsvFoundTitle *found = ssv_found_title_new (ssv_stmt_column_text (stmt, 0), sqlite3_column_int64 (stmt, 2),
                                              ssv_stmt_column_text (stmt, 3));

  found->library_id = sqlite3_column_int64 (stmt, 1);
  found->year = sqlite3_column_int (stmt, 4);
  found->overview = ssv_stmt_dup_text (stmt, 5);
  found->image_url = ssv_stmt_dup_text (stmt, 6);
  /* A person of the library is someone in its credits, not something owned. */
  found->owned = !g_str_equal (found->kind, SSV_FOUND_PERSON);

  return found;
}

/**
 * ssv_find_store_search_library:
 * @query: part of a title or a name, any case
 *
 * Returns: (transfer full) (element-type SsvFoundTitle): movies and shows of
 *   the library and people in its credits: exact names first, then names
 *   that start so, then the rest, by name
 */
GPtrArray *
ssv_find_store_search_library (SsvDatabase  *db,
                               const char   *query,
                               guint         limit,
                               GError      **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT kind, id, tmdb_id, title, year, overview, image FROM ("
    "  SELECT 'movie' AS kind, id, coalesce (tmdb_id, 0) AS tmdb_id, title, coalesce (year, 0) AS year,"
    "         overview, poster_url AS image FROM movies"
    "   WHERE instr (lower (title), lower (?1)) > 0 OR instr (lower (coalesce (original_title, '')), lower (?1)) > 0"
    "  UNION ALL"
    "  SELECT 'show', id, coalesce (tmdb_id, 0), title, coalesce (year, 0), overview, poster_url FROM shows"
    "   WHERE instr (lower (title), lower (?1)) > 0 OR instr (lower (coalesce (original_title, '')), lower (?1)) > 0"
    "  UNION ALL"
    "  SELECT 'person', p.id, coalesce (p.tmdb_id, 0), p.name, 0, p.biography, p.profile_url FROM people p"
    "   WHERE instr (lower (p.name), lower (?1)) > 0 AND EXISTS (SELECT 1 FROM credits c WHERE c.person_id = p.id))"
    " ORDER BY lower (title) = lower (?1) DESC, instr (lower (title), lower (?1)) = 1 DESC, title COLLATE NOCASE, kind"
    " LIMIT ?2", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  if (!ssv_stmt_collect_rows (stmt, read_found, found, error))
    return NULL;

  return g_steal_pointer (&found);
}

static gint64
find_one (SsvDatabase  *db,
          const char   *sql,
          gint64        tmdb_id,
          GError      **error)
{
  return ssv_database_find_id (db, sql, tmdb_id, error);
}

/**
 * ssv_find_store_mark:
 * @found: (element-type SsvFoundTitle): titles TMDB found
 *
 * Sets which of them the library owns (and its row), and which the wishlist wants.
 */
gboolean
ssv_find_store_mark (SsvDatabase  *db,
                     GPtrArray    *found,
                     GError      **error)
{
  for (guint i = 0; i < found->len; i++)
    {
      SsvFoundTitle *title = g_ptr_array_index (found, i);
      gboolean movie = g_str_equal (title->kind, SSV_FOUND_MOVIE);
      gboolean show = g_str_equal (title->kind, SSV_FOUND_SHOW);
      gint64 row, wished;

      if (title->tmdb_id <= 0)
        continue;

      if (movie || show)
        {
          row = find_one (db, movie ? "SELECT id FROM movies WHERE tmdb_id = ?1 ORDER BY id LIMIT 1"
                                    : "SELECT id FROM shows WHERE tmdb_id = ?1 ORDER BY id LIMIT 1",
                          title->tmdb_id, error);
          wished = find_one (db, movie ? "SELECT id FROM wishlist WHERE kind = 'movie' AND source = 'tmdb' "
                                         "AND source_id = CAST (?1 AS TEXT)"
                                       : "SELECT id FROM wishlist_shows WHERE source = 'tmdb' "
                                         "AND source_id = CAST (?1 AS TEXT) AND wanted > 0",
                             title->tmdb_id, error);
          if (row < 0 || wished < 0)
            return FALSE;
          if (row > 0)
            g_object_set (title, "owned", TRUE, "library-id", row, NULL);
          g_object_set (title, "wished", wished > 0, NULL);
        }
      else
        {
          row = find_one (db, "SELECT id FROM people WHERE tmdb_id = ?1", title->tmdb_id, error);
          if (row < 0)
            return FALSE;
          if (row > 0)
            g_object_set (title, "library-id", row, NULL);
        }
    }

  return TRUE;
}
