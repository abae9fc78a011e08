/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-streaming-store.c: where wanted titles stream. TMDB's subscription ("flatrate") offers
 * per title and region are kept with the moment they were read, so the wishlist can hide
 * what the person's services already have without asking TMDB, and a refresh reads only
 * titles whose offers are old. */

#include "config.h"

#include "stores/ssv-follow-rule-private.h"
#include "stores/ssv-streaming-store.h"

/* A wanted movie's TMDB id: its key's, else the library movie's with that key. */
#define MOVIE_TMDB_ID(w) \
  "CASE WHEN " w ".source = 'tmdb' THEN CAST (" w ".source_id AS INTEGER)" \
  " ELSE (SELECT m.tmdb_id FROM movies m WHERE " SSV_SQL_KEY_IS_MOVIE (w ".source", w ".source_id", "m") \
  "        AND m.tmdb_id IS NOT NULL ORDER BY m.id LIMIT 1) END"

/* A wished show's: its key's, else the library show's. */
#define SHOW_TMDB_ID(ws) \
  "CASE WHEN " ws ".source = 'tmdb' THEN CAST (" ws ".source_id AS INTEGER)" \
  " ELSE (SELECT s.tmdb_id FROM shows s WHERE " SSV_SQL_KEY_IS_SHOW (ws ".source", ws ".source_id", "s") \
  "        AND s.tmdb_id IS NOT NULL ORDER BY s.id LIMIT 1) END"

/* "movie:12" or "show:3": a wishlist page's movie row or show group. */
char *
ssv_streaming_key (gboolean show,
                   gint64   wishlist_id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, show ? "show" : "movie", wishlist_id);
}

/**
 * ssv_streaming_store_list_due:
 * @region: "US", "DE", …
 * @checked_before: titles read at or after this moment are not due
 * @limit: at most this many
 *
 * Returns: (transfer full) (element-type SsvStreamingTitle): wanted titles whose
 *   offers in @region were never read or are older than @checked_before; %NULL on error
 */
GArray *
ssv_streaming_store_list_due (SsvDatabase  *db,
                              const char   *region,
                              gint64        checked_before,
                              guint         limit,
                              GError      **error)
{
  g_autoptr(GArray) due = g_array_new (FALSE, FALSE, sizeof (SsvStreamingTitle));
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT t.show, t.tmdb_id FROM ("
    "   SELECT DISTINCT 0 AS show, " MOVIE_TMDB_ID ("w") " AS tmdb_id FROM wishlist w WHERE w.kind = 'movie'"
    "   UNION"
    "   SELECT DISTINCT 1, " SHOW_TMDB_ID ("ws") " FROM wishlist_shows ws) AS t"
    " WHERE t.tmdb_id IS NOT NULL"
    "   AND NOT EXISTS (SELECT 1 FROM streaming_checks c"
    "                    WHERE c.media = CASE WHEN t.show THEN 'tv' ELSE 'movie' END"
    "                      AND c.tmdb_id = t.tmdb_id AND c.region = ?1 AND c.checked_at >= ?2)"
    " ORDER BY t.show, t.tmdb_id LIMIT ?3", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  ssv_stmt_bind_text (stmt, 1, region);
  sqlite3_bind_int64 (stmt, 2, checked_before);
  sqlite3_bind_int64 (stmt, 3, limit);

  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      SsvStreamingTitle title = { sqlite3_column_int (stmt, 0) != 0, sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (due, title);
    }

  return rc == SQLITE_DONE ? g_steal_pointer (&due) : NULL;
}

static gboolean
record_in_transaction (SsvDatabase              *db,
                       const SsvStreamingTitle  *title,
                       const char               *region,
                       const SsvStreamingOffer  *offers,
                       gsize                     n_offers,
                       gint64                    now,
                       GError                  **error)
{
  const char *media = title->show ? "tv" : "movie";
  g_autoptr(SsvStmt) check = ssv_database_prepare (db,
    "INSERT INTO streaming_checks (media, tmdb_id, region, checked_at) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT DO UPDATE SET checked_at = excluded.checked_at", error);
  g_autoptr(SsvStmt) clear = NULL;
  g_autoptr(SsvStmt) offer = NULL;

  if (check == NULL)
    return FALSE;
  ssv_stmt_bind_text (check, 1, media);
  sqlite3_bind_int64 (check, 2, title->tmdb_id);
  ssv_stmt_bind_text (check, 3, region);
  sqlite3_bind_int64 (check, 4, now);
  if (!ssv_stmt_step_done (check, error))
    return FALSE;

  clear = ssv_database_prepare (db, "DELETE FROM streaming_offers WHERE media = ?1 AND tmdb_id = ?2 AND region = ?3",
                                error);
  if (clear == NULL)
    return FALSE;
  ssv_stmt_bind_text (clear, 1, media);
  sqlite3_bind_int64 (clear, 2, title->tmdb_id);
  ssv_stmt_bind_text (clear, 3, region);
  if (!ssv_stmt_step_done (clear, error))
    return FALSE;

  offer = ssv_database_prepare (db,
    "INSERT INTO streaming_offers (media, tmdb_id, region, provider_id, provider_name) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT DO NOTHING", error);
  if (offer == NULL)
    return FALSE;
  for (gsize i = 0; i < n_offers; i++)
    {
      sqlite3_reset (offer);
      ssv_stmt_bind_text (offer, 1, media);
      sqlite3_bind_int64 (offer, 2, title->tmdb_id);
      ssv_stmt_bind_text (offer, 3, region);
      sqlite3_bind_int64 (offer, 4, offers[i].provider_id);
      ssv_stmt_bind_text (offer, 5, offers[i].provider_name);
      if (!ssv_stmt_step_done (offer, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * ssv_streaming_store_record:
 * @offers: (array length=n_offers): who streams @title in @region now; none is an answer too
 * @now: when TMDB said so
 *
 * Replaces what was kept of @title in @region. One transaction.
 */
gboolean
ssv_streaming_store_record (SsvDatabase              *db,
                            const SsvStreamingTitle  *title,
                            const char               *region,
                            const SsvStreamingOffer  *offers,
                            gsize                     n_offers,
                            gint64                    now,
                            GError                  **error)
{
  if (!ssv_database_begin (db, error))
    return FALSE;

  if (!record_in_transaction (db, title, region, offers, n_offers, now, error) || !ssv_database_commit (db, error))
    {
      ssv_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/**
 * ssv_streaming_store_dup_streamed:
 * @provider_ids: (array length=n_ids): the person's services
 *
 * Returns: (transfer full) (element-type utf8 utf8): the keys
 *   (ssv_streaming_key()) of wanted movies and wished shows one of the services
 *   streams in @region, as last read; %NULL on error
 */
GHashTable *
ssv_streaming_store_dup_streamed (SsvDatabase   *db,
                                  const char    *region,
                                  const gint64  *provider_ids,
                                  gsize          n_ids,
                                  GError       **error)
{
  g_autoptr(GHashTable) streamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) ids = g_string_new ("[");
  g_autoptr(SsvStmt) stmt = NULL;
  int rc;

  if (n_ids == 0)
    return g_steal_pointer (&streamed);

  for (gsize i = 0; i < n_ids; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", provider_ids[i]);
  g_string_append_c (ids, ']');

  stmt = ssv_database_prepare (db,
    "SELECT t.show, t.id FROM ("
    "   SELECT 0 AS show, w.id, 'movie' AS media, " MOVIE_TMDB_ID ("w") " AS tmdb_id"
    "     FROM wishlist w WHERE w.kind = 'movie'"
    "   UNION ALL"
    "   SELECT 1, ws.id, 'tv', " SHOW_TMDB_ID ("ws") " FROM wishlist_shows ws) AS t"
    " WHERE EXISTS (SELECT 1 FROM streaming_offers o"
    "                WHERE o.media = t.media AND o.tmdb_id = t.tmdb_id AND o.region = ?1"
    "                  AND o.provider_id IN (SELECT value FROM json_each (?2)))", error);
  if (stmt == NULL)
    return NULL;
  ssv_stmt_bind_text (stmt, 1, region);
  ssv_stmt_bind_text (stmt, 2, ids->str);

  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    g_hash_table_add (streamed, ssv_streaming_key (sqlite3_column_int (stmt, 0) != 0, sqlite3_column_int64 (stmt, 1)));

  return rc == SQLITE_DONE ? g_steal_pointer (&streamed) : NULL;
}
