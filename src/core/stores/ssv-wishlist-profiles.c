/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-profiles.c: a wanted movie's or show's own quality profile, a title page's
 * wish with its profile, and finding a wanted movie or show by its title or row id (the CLI
 * names items so). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "model/ssv-wishlist-item-private.h"
#include "stores/ssv-wishlist-store-private.h"

static const char set_movie_sql[] =
  "UPDATE wishlist SET profile_id = ?2"
  " WHERE id = ?1 AND kind = 'movie'"
  "   AND (?2 IS NULL OR EXISTS (SELECT 1 FROM quality_profiles WHERE id = ?2))";

static const char set_show_sql[] =
  "UPDATE wishlist_shows SET profile_id = ?2"
  " WHERE id = ?1"
  "   AND (?2 IS NULL OR EXISTS (SELECT 1 FROM quality_profiles WHERE id = ?2))";

/* Why an update changed no row: the profile is gone, or the item is. */
static void
explain_no_change (SsvDatabase  *db,
                   gint64        profile_id,
                   GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 found = profile_id > 0
    ? ssv_database_find_id (db, "SELECT id FROM quality_profiles WHERE id = ?1", profile_id, &local_error)
    : 1;

  if (found < 0)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (found == 0)
    g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                 _("There is no quality profile %" G_GINT64_FORMAT "; pick one that Preferences lists."),
                 profile_id);
  else
    g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                         _("That item is no longer on the wishlist."));
}

/**
 * ssv_wishlist_store_set_profile:
 * @kind: %SSV_WISHLIST_KIND_MOVIE (@id a wishlist row) or %SSV_WISHLIST_KIND_SHOW (@id a
 *   wanted show; its seasons and episodes are judged under it)
 * @profile_id: a quality profile, or 0 for the default one
 *
 * Sets the quality profile the item's searches judge releases under.
 *
 * Returns: %FALSE with %SSV_ERROR_NOT_FOUND when the item or the profile does not exist
 */
gboolean
ssv_wishlist_store_set_profile (SsvWishlistStore  *self,
                                SsvWishlistKind    kind,
                                gint64             id,
                                gint64             profile_id,
                                GError           **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  g_autoptr(SsvStmt) stmt = NULL;

  g_return_val_if_fail (kind == SSV_WISHLIST_KIND_MOVIE || kind == SSV_WISHLIST_KIND_SHOW, FALSE);

  stmt = ssv_database_prepare (db, kind == SSV_WISHLIST_KIND_MOVIE ? set_movie_sql : set_show_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  ssv_stmt_bind_int64_or_null (stmt, 2, profile_id, profile_id > 0);
  if (!ssv_stmt_step_done (stmt, error))
    return FALSE;
  if (ssv_database_changes (db) == 0)
    {
      explain_no_change (db, profile_id, error);
      return FALSE;
    }

  ssv_store_emit_changed (SSV_STORE (self), kind == SSV_WISHLIST_KIND_MOVIE ? "movie" : "show");
  return TRUE;
}

typedef struct
{
  SsvWishlistKind  kind;
  gint64           id;
  gint64           profile_id;
} ProfileRequest;

static gpointer
set_profile_func (SsvStore      *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  ProfileRequest *r = data;

  return ssv_wishlist_store_set_profile (SSV_WISHLIST_STORE (store), r->kind, r->id, r->profile_id, error)
    ? GINT_TO_POINTER (1) : NULL;
}

/* ssv_wishlist_store_set_profile() on a worker thread. */
void
ssv_wishlist_store_set_profile_async (SsvWishlistStore    *self,
                                      SsvWishlistKind      kind,
                                      gint64               id,
                                      gint64               profile_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  ProfileRequest *request = g_new0 (ProfileRequest, 1);

  g_return_if_fail (kind == SSV_WISHLIST_KIND_MOVIE || kind == SSV_WISHLIST_KIND_SHOW);

  request->kind = kind;
  request->id = id;
  request->profile_id = profile_id;
  ssv_store_run_async (SSV_STORE (self), ssv_wishlist_store_set_profile_async, set_profile_func,
                       request, g_free, NULL, cancellable, callback, user_data);
}

gboolean
ssv_wishlist_store_set_profile_finish (SsvWishlistStore  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error) != NULL;
}

/* ---- a title page's wish ---------------------------------------------------------------- */

/* The wanted movie (a wishlist row) or show (a wishlist_shows row) @id; NULL when gone. */
static SsvWishlistItem *
read_wish (SsvDatabase      *db,
           SsvWishlistKind   kind,
           gint64            id,
           GError          **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, kind == SSV_WISHLIST_KIND_MOVIE
    ? "SELECT title, coalesce (profile_id, 0) FROM wishlist WHERE id = ?1 AND kind = 'movie'"
    : "SELECT title, coalesce (profile_id, 0) FROM wishlist_shows WHERE id = ?1", error);
  SsvWishlistItem *wish;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = ssv_stmt_step (stmt, error);
  if (rc != SQLITE_ROW)
    return NULL;

  wish = ssv_wishlist_item_new (kind);
  wish->id = id;
  wish->group_id = kind == SSV_WISHLIST_KIND_SHOW ? id : 0;
  wish->title = ssv_stmt_dup_text (stmt, 0);
  wish->profile_id = sqlite3_column_int64 (stmt, 1);
  wish->wanted = 1;
  return wish;
}

/**
 * ssv_wishlist_store_dup_wish:
 * @target: %SSV_WISH_TARGET_MOVIE or %SSV_WISH_TARGET_SHOW
 * @library_id: the library's movie or show; 0 for a show the library lacks, named by
 *   @source and @source_id ("tmdb", its TMDB id)
 * @error: set only when the wishlist could not be read
 *
 * What a title page's wish menu needs: the wanted movie or show, with its quality profile.
 *
 * Returns: (transfer full) (nullable): the wanted movie or show, or %NULL when the title
 *   is not wanted (@error unset) or on error
 */
SsvWishlistItem *
ssv_wishlist_store_dup_wish (SsvWishlistStore  *self,
                             SsvWishTarget      target,
                             gint64             library_id,
                             const char        *source,
                             const char        *source_id,
                             GError           **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  int season = -1, episode = 0;
  gint64 id;

  g_return_val_if_fail (target == SSV_WISH_TARGET_MOVIE || target == SSV_WISH_TARGET_SHOW, NULL);
  g_return_val_if_fail (library_id > 0 || (source != NULL && source_id != NULL), NULL);

  if (target == SSV_WISH_TARGET_MOVIE)
    id = ssv_wishlist_find_movie_row (db, library_id, error);
  else if (library_id > 0)
    id = ssv_wishlist_find_target_group (db, SSV_WISH_TARGET_SHOW, library_id, &season, &episode, error);
  else
    id = ssv_wishlist_find_keyed_group (db, source, source_id, error);

  if (id <= 0)
    return NULL;
  return read_wish (db, target == SSV_WISH_TARGET_MOVIE ? SSV_WISHLIST_KIND_MOVIE : SSV_WISHLIST_KIND_SHOW, id,
                    error);
}

typedef struct
{
  SsvWishTarget  target;
  gint64         library_id;
  char          *source;
  char          *source_id;
} WishRequest;

static void
wish_request_free (gpointer data)
{
  WishRequest *r = data;

  g_free (r->source);
  g_free (r->source_id);
  g_free (r);
}

static gpointer
dup_wish_func (SsvStore      *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  WishRequest *r = data;

  return ssv_wishlist_store_dup_wish (SSV_WISHLIST_STORE (store), r->target, r->library_id, r->source,
                                      r->source_id, error);
}

/* ssv_wishlist_store_dup_wish() on a worker thread. */
void
ssv_wishlist_store_dup_wish_async (SsvWishlistStore    *self,
                                   SsvWishTarget        target,
                                   gint64               library_id,
                                   const char          *source,
                                   const char          *source_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  WishRequest *request = g_new0 (WishRequest, 1);

  request->target = target;
  request->library_id = library_id;
  request->source = g_strdup (source);
  request->source_id = g_strdup (source_id);
  ssv_store_run_async (SSV_STORE (self), ssv_wishlist_store_dup_wish_async, dup_wish_func,
                       request, wish_request_free, g_object_unref, cancellable, callback, user_data);
}

/* Returns: (transfer full) (nullable): as ssv_wishlist_store_dup_wish() */
SsvWishlistItem *
ssv_wishlist_store_dup_wish_finish (SsvWishlistStore  *self,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error);
}

/* ---- finding an item by what a person types ------------------------------------------ */

typedef struct
{
  SsvWishlistKind  kind;
  gint64           id;
  guint            n;
} Found;

static void
read_found (SsvStmt  *stmt,
            gpointer  data)
{
  Found *found = data;

  found->n++;
  found->kind = sqlite3_column_int (stmt, 0) != 0 ? SSV_WISHLIST_KIND_SHOW : SSV_WISHLIST_KIND_MOVIE;
  found->id = sqlite3_column_int64 (stmt, 1);
}

/**
 * ssv_wishlist_store_find_wanted:
 * @text: a wanted movie's or show's title (any case), or a wanted movie's row id
 * @kind: (out): %SSV_WISHLIST_KIND_MOVIE or %SSV_WISHLIST_KIND_SHOW
 * @id: (out): its wishlist row, or its wishlist_shows row
 *
 * Returns: %FALSE with %SSV_ERROR_NOT_FOUND when nothing wanted is called so, or
 *   %SSV_ERROR_INVALID when a movie and a show both are
 */
gboolean
ssv_wishlist_store_find_wanted (SsvWishlistStore  *self,
                                const char        *text,
                                SsvWishlistKind   *kind,
                                gint64            *id,
                                GError           **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  g_autoptr(SsvStmt) stmt = NULL;
  Found found = { SSV_WISHLIST_KIND_MOVIE, 0, 0 };
  gint64 number = 0;
  char *end = NULL;

  g_return_val_if_fail (text != NULL && kind != NULL && id != NULL, FALSE);

  number = g_ascii_strtoll (text, &end, 10);
  stmt = ssv_database_prepare (db,
    "SELECT 0, id FROM wishlist WHERE kind = 'movie' AND (id = ?2 OR title = ?1 COLLATE NOCASE)"
    " UNION ALL"
    " SELECT 1, id FROM wishlist_shows WHERE title = ?1 COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;
  ssv_stmt_bind_text (stmt, 1, text);
  sqlite3_bind_int64 (stmt, 2, end != text && *end == '\0' && number > 0 ? number : 0);
  if (!ssv_stmt_for_each_row (stmt, read_found, &found, error))
    return FALSE;

  if (found.n == 0)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("Nothing on the wishlist is called “%s”."), text);
      return FALSE;
    }
  if (found.n > 1)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                   _("More than one wanted movie or show is called “%s”; name the movie by its wishlist id."), text);
      return FALSE;
    }

  *kind = found.kind;
  *id = found.id;
  return TRUE;
}
