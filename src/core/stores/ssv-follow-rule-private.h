/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-follow-rule-private.h: the one rule of which shows are followed, as SQL the
 * watchlist, the calendar and the airing monitor share, and how a show is keyed. */

#pragma once

#include "ssv-database.h"

G_BEGIN_DECLS

/* A library show airs, and so is followed by default, unless its status says it
 * ended or was canceled. A show whose status is unknown (NULL) airs: better an
 * episode too many on the calendar than a missed one. The text matches the
 * predicate of the partial index shows_airing_title so queries can use it. */
#define SSV_SQL_SHOW_AIRS(s) \
  "(" s ".status IS NULL OR lower(" s ".status) NOT IN ('ended', 'canceled', 'cancelled'))"

/* Stored rows name a title by a key that lasts: a TMDB, TVDB (shows) or IMDb
 * (movies) id, else 'server' with "<server uuid>:<the server's id>". Never by a
 * library row id ('library'): SQLite hands a pruned row's id to the next title.
 * 'library' is only a way for a page to name a row it shows, resolved at once. */

/* Title @t's 'server' key. */
#define SSV_SQL_SERVER_KEY(t) \
  "((SELECT sv.uuid FROM servers sv WHERE sv.id = " t ".server_source) || ':' || " t ".server_id)"

/* Title @t is the one a 'server' key names (probes the (server_source, server_id) index). */
#define SSV_SQL_TITLE_HAS_SERVER_KEY(t, source, source_id) \
  "(" source " = 'server' AND " t ".server_source = " \
  "(SELECT sv.id FROM servers sv WHERE sv.uuid = substr (" source_id ", 1, 36)) AND " \
  t ".server_id = substr (" source_id ", 38))"

/* A (source, source_id) pair of columns that names show @s under any of its keys. */
#define SSV_SQL_KEY_IS_SHOW(source, source_id, s) \
  "((" source " = 'tmdb' AND " source_id " = CAST(" s ".tmdb_id AS TEXT)) OR " \
  "(" source " = 'tvdb' AND " source_id " = CAST(" s ".tvdb_id AS TEXT)) OR " \
  "(" source " = 'server' AND " source_id " = " SSV_SQL_SERVER_KEY (s) "))"

/* Watchlist rows that name show @s. The unary + keeps SQLite from walking every
 * show row of watchlist_kind: three probes of watchlist_key are cheaper however
 * many shows are muted. */
#define SSV_SQL_WATCH_ROW_IS_SHOW(w, s) \
  "(+" w ".kind = 'show' AND " SSV_SQL_KEY_IS_SHOW (w ".source", w ".source_id", s) ")"

/* The same for movies, which are also known by IMDb id. */
#define SSV_SQL_KEY_IS_MOVIE(source, source_id, m) \
  "((" source " = 'tmdb' AND " source_id " = CAST(" m ".tmdb_id AS TEXT)) OR " \
  "(" source " = 'imdb' AND " source_id " = " m ".imdb_id) OR " \
  "(" source " = 'server' AND " source_id " = " SSV_SQL_SERVER_KEY (m) "))"

#define SSV_SQL_MOVIE_HAS_KEY(m, source, source_id) \
  "((" source " = 'tmdb' AND " m ".tmdb_id = CAST(" source_id " AS INTEGER)) OR " \
  "(" source " = 'imdb' AND " m ".imdb_id = " source_id ") OR " \
  SSV_SQL_TITLE_HAS_SERVER_KEY (m, source, source_id) ")"

/* Library shows that a stored (source, source_id) key names (probes shows by index). */
#define SSV_SQL_SHOW_HAS_KEY(s, source, source_id) \
  "((" source " = 'tmdb' AND " s ".tmdb_id = CAST(" source_id " AS INTEGER)) OR " \
  "(" source " = 'tvdb' AND " s ".tvdb_id = CAST(" source_id " AS INTEGER)) OR " \
  SSV_SQL_TITLE_HAS_SERVER_KEY (s, source, source_id) ")"

/* Show @s is on the effective watchlist: it airs and is not muted, or it is
 * followed explicitly. */
#define SSV_SQL_SHOW_FOLLOWED(s) \
  "((" SSV_SQL_SHOW_AIRS (s) " AND NOT EXISTS (SELECT 1 FROM watchlist wm WHERE " \
  SSV_SQL_WATCH_ROW_IS_SHOW ("wm", s) " AND +wm.muted = 1)) OR " \
  "EXISTS (SELECT 1 FROM watchlist wf WHERE " SSV_SQL_WATCH_ROW_IS_SHOW ("wf", s)  " AND +wf.muted = 0))"

gboolean  ssv_show_dup_key    (SsvDatabase  *db,
                               gint64        show_id,
                               char        **source,
                               char        **source_id,
                               GError      **error);
gboolean  ssv_movie_dup_key   (SsvDatabase  *db,
                               gint64        movie_id,
                               char        **source,
                               char        **source_id,
                               GError      **error);
gint64    ssv_show_find_id    (SsvDatabase  *db,
                               const char   *source,
                               const char   *source_id,
                               GError      **error);
gint64    ssv_show_find_named (SsvDatabase  *db,
                               const char   *source,
                               const char   *source_id,
                               GError      **error);

G_END_DECLS
