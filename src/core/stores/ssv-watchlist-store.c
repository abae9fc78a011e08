/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-watchlist-store.c: what a person follows. Library shows that still air are
 * followed without a row; a mute row (tombstone) takes one off, a follow row adds
 * one that does not air. Nothing is seeded: the list is computed when read. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-thread.h"
#include "ssv-utils.h"
#include "ssv-error.h"
#include "stores/ssv-follow-rule-private.h"
#include "model/ssv-watch-item-private.h"
#include "stores/ssv-watchlist-store.h"

struct _SsvWatchlistStore
{
  SsvStore      parent_instance;

  GMainContext *main_context;
};

G_DEFINE_FINAL_TYPE (SsvWatchlistStore, ssv_watchlist_store, SSV_TYPE_STORE)

enum {
  FOLLOW_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Shows that air and have no row at all, then shows followed by a row (with or
 * without a library show behind it). The first half walks the partial index of
 * airing shows, so libraries full of ended shows cost nothing. */
const char * const ssv_watchlist_store_shows_sql =
  "SELECT s.id, s.title, s.year, s.poster_url, s.tmdb_id, s.tvdb_id, s.status, 0, NULL, NULL,"
  "       s.sort_title AS sort_key"
  "  FROM shows s"
  " WHERE " SSV_SQL_SHOW_AIRS ("s")
  "   AND NOT EXISTS (SELECT 1 FROM watchlist w WHERE " SSV_SQL_WATCH_ROW_IS_SHOW ("w", "s") ")"
  " UNION ALL "
  "SELECT s.id, coalesce (s.title, w.title), s.year, coalesce (s.poster_url, w.image_url),"
  "       s.tmdb_id, s.tvdb_id, s.status, 1, w.source, w.source_id,"
  "       coalesce (s.sort_title, lower (w.title)) AS sort_key"
  "  FROM watchlist w INDEXED BY watchlist_kind"
  "  LEFT JOIN shows s ON s.id = (SELECT s2.id FROM shows s2 WHERE "
  SSV_SQL_SHOW_HAS_KEY ("s2", "w.source", "w.source_id") " ORDER BY s2.id LIMIT 1)"
  " WHERE w.kind = 'show' AND w.muted = 0"
  " ORDER BY sort_key";

static const char * const others_sql =
  "SELECT w.source, w.source_id, w.title, w.image_url"
  "  FROM watchlist w INDEXED BY watchlist_kind"
  " WHERE w.kind = ?1 AND w.muted = 0"
  " ORDER BY w.added_at DESC";

static void
ssv_watchlist_store_finalize (GObject *object)
{
  SsvWatchlistStore *self = SSV_WATCHLIST_STORE (object);

  g_clear_pointer (&self->main_context, g_main_context_unref);

  G_OBJECT_CLASS (ssv_watchlist_store_parent_class)->finalize (object);
}

static void
ssv_watchlist_store_class_init (SsvWatchlistStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_watchlist_store_finalize;

  /**
   * SsvWatchlistStore::follow-changed:
   * @kind: an #SsvWatchKind
   * @source: whose id @source_id is ("library", "tmdb", "tvdb", "youtube")
   * @source_id: the id
   * @followed: whether it is on the effective watchlist now
   *
   * Emitted on the main context after a follow or unfollow, once for every key
   * the item is known by, so every visible eye button can update itself.
   */
  signals[FOLLOW_CHANGED] =
    g_signal_new ("follow-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_INT, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_BOOLEAN);
}

static void
ssv_watchlist_store_init (SsvWatchlistStore *self)
{
  self->main_context = g_main_context_ref_thread_default ();
}

SsvWatchlistStore *
ssv_watchlist_store_new (SsvDatabase *database)
{
  return g_object_new (SSV_TYPE_WATCHLIST_STORE, "database", database, NULL);
}

/* "tmdb:1399": the form dup_followed_keys() uses. */
char *
ssv_watchlist_key (const char *source,
                   const char *source_id)
{
  return g_strconcat (source, ":", source_id, NULL);
}

typedef struct
{
  SsvWatchlistStore *store;
  SsvWatchKind       kind;
  GPtrArray         *keys;     /* source, source_id, source, source_id, … */
  gboolean           followed;
} FollowChanged;

static gboolean
emit_follow_changed_cb (gpointer user_data)
{
  FollowChanged *change = user_data;

  /* Eye buttons listen: the signal belongs to the main thread. */
  g_assert (SSV_IS_MAIN_THREAD ());

  for (guint i = 0; i + 1 < change->keys->len; i += 2)
    g_signal_emit (change->store, signals[FOLLOW_CHANGED], 0,
                   (int) change->kind,
                   g_ptr_array_index (change->keys, i),
                   g_ptr_array_index (change->keys, i + 1),
                   change->followed);

  return G_SOURCE_REMOVE;
}

static void
follow_changed_free (gpointer user_data)
{
  FollowChanged *change = user_data;

  g_object_unref (change->store);
  g_ptr_array_unref (change->keys);
  g_free (change);
}

static void
add_key (GPtrArray  *keys,
         const char *source,
         const char *source_id)
{
  for (guint i = 0; i + 1 < keys->len; i += 2)
    if (g_strcmp0 (g_ptr_array_index (keys, i), source) == 0 &&
        g_strcmp0 (g_ptr_array_index (keys, i + 1), source_id) == 0)
      return;

  g_ptr_array_add (keys, g_strdup (source));
  g_ptr_array_add (keys, g_strdup (source_id));
}

static void
add_int_key (GPtrArray  *keys,
             const char *source,
             SsvStmt    *stmt,
             int         column)
{
  char id[32];

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return;

  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
  add_key (keys, source, id);
}

/* Every key a library show answers to. */
static gboolean
collect_show_keys (SsvDatabase  *db,
                   gint64        show_id,
                   GPtrArray    *keys,
                   GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
                                                  "SELECT id, tmdb_id, tvdb_id FROM shows WHERE id = ?1",
                                                  error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, show_id);
  if (ssv_stmt_step (stmt, error) != SQLITE_ROW)
    return FALSE;

  add_int_key (keys, "library", stmt, 0);
  add_int_key (keys, "tmdb", stmt, 1);
  add_int_key (keys, "tvdb", stmt, 2);
  return TRUE;
}

/* Whether the show airs, and its title and poster. */
static gboolean
show_airs (SsvDatabase  *db,
           gint64        show_id,
           gboolean     *airs,
           char        **title,
           char        **image_url,
           GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
                                                  "SELECT " SSV_SQL_SHOW_AIRS ("s") ", s.title, s.poster_url"
                                                  " FROM shows s WHERE s.id = ?1",
                                                  error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, show_id);
  if (ssv_stmt_step (stmt, error) != SQLITE_ROW)
    return FALSE;

  *airs = sqlite3_column_int (stmt, 0) != 0;
  *title = ssv_stmt_dup_text (stmt, 1);
  *image_url = ssv_stmt_dup_text (stmt, 2);
  return TRUE;
}

static gboolean
insert_row (SsvDatabase  *db,
            SsvWatchKind  kind,
            const char   *source,
            const char   *source_id,
            gboolean      muted,
            const char   *title,
            const char   *image_url,
            GError      **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  /* A re-follow keeps the first date and only fills in missing text and art. */
  stmt = ssv_database_prepare (db,
                               "INSERT INTO watchlist (kind, source, source_id, muted, title, image_url)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                               " ON CONFLICT (source, source_id, kind) DO UPDATE SET"
                               "   muted = excluded.muted,"
                               "   title = coalesce (title, excluded.title),"
                               "   image_url = coalesce (image_url, excluded.image_url)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, ssv_watch_kind_to_string (kind), -1, SQLITE_STATIC);
  ssv_stmt_bind_text (stmt, 2, source);
  ssv_stmt_bind_text (stmt, 3, source_id);
  sqlite3_bind_int (stmt, 4, muted ? 1 : 0);
  ssv_stmt_bind_text (stmt, 5, title);
  ssv_stmt_bind_text (stmt, 6, image_url);

  return ssv_stmt_step_done (stmt, error);
}

static gboolean
delete_row (SsvDatabase  *db,
            SsvWatchKind  kind,
            const char   *source,
            const char   *source_id,
            GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
                                                  "DELETE FROM watchlist"
                                                  " WHERE source = ?1 AND source_id = ?2 AND kind = ?3",
                                                  error);

  if (stmt == NULL)
    return FALSE;

  ssv_stmt_bind_text (stmt, 1, source);
  ssv_stmt_bind_text (stmt, 2, source_id);
  sqlite3_bind_text (stmt, 3, ssv_watch_kind_to_string (kind), -1, SQLITE_STATIC);

  return ssv_stmt_step_done (stmt, error);
}

/* A library show: whatever rows named it go, then at most one comes back. */
static gboolean
set_show_followed (SsvDatabase  *db,
                   gint64        show_id,
                   gboolean      followed,
                   GPtrArray    *keys,
                   GError      **error)
{
  g_autoptr(SsvStmt) stmt = NULL;
  g_autofree char *source = NULL;
  g_autofree char *source_id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *image_url = NULL;
  gboolean airs;

  if (!collect_show_keys (db, show_id, keys, error) ||
      !ssv_show_dup_key (db, show_id, &source, &source_id, error) ||
      !show_airs (db, show_id, &airs, &title, &image_url, error))
    return FALSE;

  stmt = ssv_database_prepare (db,
                               "DELETE FROM watchlist WHERE id IN ("
                               " SELECT w.id FROM shows s, watchlist w"
                               "  WHERE s.id = ?1 AND " SSV_SQL_WATCH_ROW_IS_SHOW ("w", "s") ")",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, show_id);
  if (!ssv_stmt_step_done (stmt, error))
    return FALSE;

  /* Following an airing show clears its tombstone; following one that ended
   * needs a row; unfollowing an airing show needs a tombstone. */
  /* The row keeps the show's name and poster, for when the library no longer has it. */
  if (followed && !airs)
    return insert_row (db, SSV_WATCH_KIND_SHOW, source, source_id, FALSE, title, image_url, error);
  if (!followed && airs)
    return insert_row (db, SSV_WATCH_KIND_SHOW, source, source_id, TRUE, title, image_url, error);

  return TRUE;
}

/**
 * ssv_watchlist_store_set_followed:
 * @source: whose id @source_id is; a show may be named by "library" (its row
 *   id), "tmdb" or "tvdb", and is found in the library under any of them
 * @title: (nullable): kept with the row for items outside the library
 * @image_url: (nullable): likewise
 *
 * Follows or unfollows. One transaction; emits #SsvWatchlistStore::follow-changed
 * and `changed::KIND` on the main context.
 */
gboolean
ssv_watchlist_store_set_followed (SsvWatchlistStore  *self,
                                  SsvWatchKind        kind,
                                  const char         *source,
                                  const char         *source_id,
                                  gboolean            followed,
                                  const char         *title,
                                  const char         *image_url,
                                  GError            **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  FollowChanged *change;
  gint64 show_id = 0;
  gboolean ok;

  g_return_val_if_fail (SSV_IS_WATCHLIST_STORE (self), FALSE);

  if (source == NULL || source[0] == '\0' || source_id == NULL || source_id[0] == '\0')
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                   _("This item has no id to follow it by."));
      return FALSE;
    }

  if (!ssv_database_begin (db, error))
    return FALSE;

  if (kind == SSV_WATCH_KIND_SHOW)
    {
      show_id = ssv_show_find_named (db, source, source_id, error);
      if (show_id < 0)
        goto failed;
      /* A row id is no key to keep: its title may be gone and the id another's. */
      if (show_id == 0 && g_str_equal (source, "library"))
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                       _("The show is no longer in the library. Reload the page and try again."));
          goto failed;
        }
    }

  add_key (keys, source, source_id);

  if (show_id > 0)
    ok = set_show_followed (db, show_id, followed, keys, error);
  else if (followed)
    ok = insert_row (db, kind, source, source_id, FALSE, title, image_url, error);
  else
    ok = delete_row (db, kind, source, source_id, error);

  if (!ok || !ssv_database_commit (db, error))
    goto failed;

  change = g_new0 (FollowChanged, 1);
  change->store = g_object_ref (self);
  change->kind = kind;
  change->keys = g_steal_pointer (&keys);
  change->followed = followed;
  ssv_dispatch_to (self->main_context, emit_follow_changed_cb, change, follow_changed_free);
  ssv_store_emit_changed (SSV_STORE (self), ssv_watch_kind_to_string (kind));
  return TRUE;

failed:
  ssv_database_rollback (db);
  return FALSE;
}

gboolean
ssv_watchlist_store_is_followed (SsvWatchlistStore  *self,
                                 SsvWatchKind        kind,
                                 const char         *source,
                                 const char         *source_id,
                                 gboolean           *followed,
                                 GError            **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  g_autoptr(SsvStmt) stmt = NULL;
  gint64 show_id = 0;

  if (kind == SSV_WATCH_KIND_SHOW)
    {
      show_id = ssv_show_find_named (db, source, source_id, error);
      if (show_id < 0)
        return FALSE;
    }

  if (show_id > 0)
    {
      stmt = ssv_database_prepare (db,
                                   "SELECT " SSV_SQL_SHOW_FOLLOWED ("s") " FROM shows s WHERE s.id = ?1",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, show_id);
    }
  else
    {
      stmt = ssv_database_prepare (db,
                                   "SELECT EXISTS (SELECT 1 FROM watchlist"
                                   " WHERE source = ?1 AND source_id = ?2 AND kind = ?3 AND muted = 0)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      ssv_stmt_bind_text (stmt, 1, source);
      ssv_stmt_bind_text (stmt, 2, source_id);
      sqlite3_bind_text (stmt, 3, ssv_watch_kind_to_string (kind), -1, SQLITE_STATIC);
    }

  if (ssv_stmt_step (stmt, error) != SQLITE_ROW)
    return FALSE;

  *followed = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

static GPtrArray *
list_shows (SsvDatabase  *db,
            GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, ssv_watchlist_store_shows_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(SsvWatchItem) item = NULL;
      g_autofree char *source = NULL;
      g_autofree char *source_id = NULL;
      g_autofree char *key = NULL;
      gboolean in_library = sqlite3_column_type (stmt, 0) != SQLITE_NULL;

      /* The key new rows would use, so one show on two servers shows once. */
      if (in_library)
        {
          int column = sqlite3_column_type (stmt, 4) != SQLITE_NULL ? 4
                     : sqlite3_column_type (stmt, 5) != SQLITE_NULL ? 5 : 0;

          source = g_strdup (column == 4 ? "tmdb" : column == 5 ? "tvdb" : "library");
          source_id = ssv_stmt_dup_text (stmt, column);
        }
      else
        {
          source = ssv_stmt_dup_text (stmt, 8);
          source_id = ssv_stmt_dup_text (stmt, 9);
        }

      key = ssv_watchlist_key (source, source_id);
      if (g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&key));

      item = ssv_watch_item_new (SSV_WATCH_KIND_SHOW, source, source_id);
      item->show_id = sqlite3_column_int64 (stmt, 0);
      item->title = ssv_stmt_dup_text (stmt, 1);
      item->year = sqlite3_column_int (stmt, 2);
      item->image_url = ssv_stmt_dup_text (stmt, 3);
      item->status = ssv_stmt_dup_text (stmt, 6);
      item->explicit = sqlite3_column_int (stmt, 7) != 0;
      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&items);
}

static GPtrArray *
list_others (SsvDatabase   *db,
             SsvWatchKind   kind,
             GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, others_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, ssv_watch_kind_to_string (kind), -1, SQLITE_STATIC);
  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      SsvWatchItem *item = ssv_watch_item_new (kind,
                                               ssv_stmt_column_text (stmt, 0),
                                               ssv_stmt_column_text (stmt, 1));

      item->title = ssv_stmt_dup_text (stmt, 2);
      item->image_url = ssv_stmt_dup_text (stmt, 3);
      item->explicit = TRUE;
      g_ptr_array_add (items, item);
    }

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&items);
}

/**
 * ssv_watchlist_store_list:
 *
 * The effective watchlist of one kind: for shows, followed ones ∪ library shows
 * that air, less mutes, by title; people and channels newest first.
 *
 * Returns: (transfer full) (element-type SsvWatchItem): the items, or %NULL
 */
GPtrArray *
ssv_watchlist_store_list (SsvWatchlistStore  *self,
                          SsvWatchKind        kind,
                          GError            **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));

  g_return_val_if_fail (SSV_IS_WATCHLIST_STORE (self), NULL);

  if (kind == SSV_WATCH_KIND_SHOW)
    return list_shows (db, error);

  return list_others (db, kind, error);
}

/**
 * ssv_watchlist_store_dup_followed_keys:
 *
 * Everything of @kind that is followed, as a set of ssv_watchlist_key()
 * strings; a library show is in it under each of its keys. One query, so a page
 * can set all its eye buttons at once.
 *
 * Returns: (transfer full): a set of keys, or %NULL
 */
GHashTable *
ssv_watchlist_store_dup_followed_keys (SsvWatchlistStore  *self,
                                       SsvWatchKind        kind,
                                       GError            **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SsvStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SSV_IS_WATCHLIST_STORE (self), NULL);

  if (kind != SSV_WATCH_KIND_SHOW)
    {
      g_autoptr(GPtrArray) items = list_others (db, kind, error);

      if (items == NULL)
        return NULL;
      for (guint i = 0; i < items->len; i++)
        {
          SsvWatchItem *item = g_ptr_array_index (items, i);
          g_hash_table_add (keys, ssv_watchlist_key (item->source, item->source_id));
        }
      return g_steal_pointer (&keys);
    }

  stmt = ssv_database_prepare (db, ssv_watchlist_store_shows_sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      static const struct { int column; const char *source; } ids[] = {
        { 0, "library" }, { 4, "tmdb" }, { 5, "tvdb" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        if (sqlite3_column_type (stmt, ids[i].column) != SQLITE_NULL)
          g_hash_table_add (keys, ssv_watchlist_key (ids[i].source,
                                                     ssv_stmt_column_text (stmt, ids[i].column)));

      if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
        g_hash_table_add (keys, ssv_watchlist_key (ssv_stmt_column_text (stmt, 8),
                                                   ssv_stmt_column_text (stmt, 9)));
    }

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&keys);
}

/* ---- follows of titles gone for good ------------------------------------------- */

/* Rows keyed on one of the server's titles: ?1 and ?2 bound to "<uuid>:" and "<uuid>;". */
#define OF_SERVER "source = 'server' AND source_id >= ?1 AND source_id < ?2"
/* A folder source scans deeply at every change: a show moved out for a
 * minute must not lose its follow to two scans in that minute. */
#define GONE_FOR_GOOD_S 86400
#define TITLE_HERE "EXISTS (SELECT 1 FROM shows s WHERE " \
                   SSV_SQL_SHOW_HAS_KEY ("s", "watchlist.source", "watchlist.source_id") ")"

/**
 * ssv_watchlist_forget_gone:
 * @server_row: a server whose complete full or deep scan just ended
 * @now: when it ended
 * @forgotten: (out) (optional): how many rows went
 *
 * Removes follows and mutes whose title is gone for good, and only those:
 *
 * - a row keyed on one of this server's titles ('server' key) whose title was
 *   missing at the end of a complete full (or deep) scan, and still missing at
 *   the end of one a day or more later. The first scan after its title went
 *   (pruned, or its library unmapped) marks the row; a later one removes it
 *   if the title has not come back, and clears the mark if it has. A server
 *   that half-answered never removed the title, so it is not missing.
 * - a row keyed on a server that no longer exists: nothing can bring its
 *   UUID back.
 * - a show row still keyed on a library row id (written before schema 6 for a
 *   title already gone then): it names no title.
 *
 * Rows keyed on TMDB or TVDB ids stay: they name a show whether the library
 * has it or not. One transaction.
 */
gboolean
ssv_watchlist_forget_gone (SsvDatabase  *db,
                           gint64        server_row,
                           gint64        now,
                           guint        *forgotten,
                           GError      **error)
{
  static const char * const steps[] = {
    "UPDATE watchlist SET missing_since = NULL WHERE " OF_SERVER " AND missing_since IS NOT NULL AND " TITLE_HERE,
    "DELETE FROM watchlist WHERE " OF_SERVER " AND missing_since <= ?3 - " G_STRINGIFY (GONE_FOR_GOOD_S)
    " AND NOT " TITLE_HERE,
    "UPDATE watchlist SET missing_since = ?3 WHERE " OF_SERVER " AND missing_since IS NULL AND NOT " TITLE_HERE,
    ("DELETE FROM watchlist WHERE source = 'server'"
     " AND NOT EXISTS (SELECT 1 FROM servers sv WHERE sv.uuid = substr (watchlist.source_id, 1, 36))"),
    "DELETE FROM watchlist WHERE kind = 'show' AND source = 'library'",
  };
  g_autofree char *uuid = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint removed = 0;

  {
    g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, "SELECT uuid FROM servers WHERE id = ?1", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, server_row);
    if (!ssv_stmt_step_row (stmt, _("The source is no longer in the library."), error))
      return FALSE;
    uuid = ssv_stmt_dup_text (stmt, 0);
  }
  from = g_strconcat (uuid, ":", NULL);
  to = g_strconcat (uuid, ";", NULL);

  if (!ssv_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, steps[i], error);

      if (stmt == NULL)
        goto failed;
      if (sqlite3_bind_parameter_count (stmt) >= 2)
        {
          sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
        }
      if (sqlite3_bind_parameter_count (stmt) >= 3)
        sqlite3_bind_int64 (stmt, 3, now);
      if (!ssv_stmt_step_done (stmt, error))
        goto failed;
      if (g_str_has_prefix (steps[i], "DELETE"))
        removed += (guint) ssv_database_changes (db);
    }

  if (!ssv_database_commit (db, error))
    return FALSE;

  if (forgotten != NULL)
    *forgotten = removed;
  return TRUE;

failed:
  ssv_database_rollback (db);
  return FALSE;
}

/* ---- async wrappers for the UI ------------------------------------------- */

typedef struct
{
  SsvWatchKind  kind;
  char         *source;
  char         *source_id;
  gboolean      followed;
  char         *title;
  char         *image_url;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->source);
  g_free (request->source_id);
  g_free (request->title);
  g_free (request->image_url);
  g_free (request);
}

static gpointer
set_followed_func (SsvStore      *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  Request *r = data;

  if (!ssv_watchlist_store_set_followed (SSV_WATCHLIST_STORE (store), r->kind, r->source,
                                         r->source_id, r->followed, r->title, r->image_url, error))
    return NULL;

  return GINT_TO_POINTER (1);
}

void
ssv_watchlist_store_set_followed_async (SsvWatchlistStore   *self,
                                        SsvWatchKind         kind,
                                        const char          *source,
                                        const char          *source_id,
                                        gboolean             followed,
                                        const char          *title,
                                        const char          *image_url,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->kind = kind;
  request->source = g_strdup (source);
  request->source_id = g_strdup (source_id);
  request->followed = followed;
  request->title = g_strdup (title);
  request->image_url = g_strdup (image_url);

  ssv_store_run_async (SSV_STORE (self), ssv_watchlist_store_set_followed_async,
                       set_followed_func, request, request_free, NULL,
                       cancellable, callback, user_data);
}

gboolean
ssv_watchlist_store_set_followed_finish (SsvWatchlistStore  *self,
                                         GAsyncResult       *result,
                                         GError            **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error) != NULL;
}

static gpointer
list_func (SsvStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return ssv_watchlist_store_list (SSV_WATCHLIST_STORE (store), GPOINTER_TO_INT (data), error);
}

void
ssv_watchlist_store_list_async (SsvWatchlistStore   *self,
                                SsvWatchKind         kind,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ssv_store_run_async (SSV_STORE (self), ssv_watchlist_store_list_async,
                       list_func, GINT_TO_POINTER (kind), NULL,
                       (GDestroyNotify) g_ptr_array_unref,
                       cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type SsvWatchItem) */
GPtrArray *
ssv_watchlist_store_list_finish (SsvWatchlistStore  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error);
}

static gpointer
keys_func (SsvStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return ssv_watchlist_store_dup_followed_keys (SSV_WATCHLIST_STORE (store),
                                                GPOINTER_TO_INT (data), error);
}

void
ssv_watchlist_store_dup_followed_keys_async (SsvWatchlistStore   *self,
                                             SsvWatchKind         kind,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  ssv_store_run_async (SSV_STORE (self), ssv_watchlist_store_dup_followed_keys_async,
                       keys_func, GINT_TO_POINTER (kind), NULL,
                       (GDestroyNotify) g_hash_table_unref,
                       cancellable, callback, user_data);
}

/* Returns: (transfer full): the set of followed keys */
GHashTable *
ssv_watchlist_store_dup_followed_keys_finish (SsvWatchlistStore  *self,
                                              GAsyncResult       *result,
                                              GError            **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error);
}
