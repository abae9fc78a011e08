/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-profiles.c: a wanted movie's or show's own quality profile, and finding a wanted
 * movie or show by its title or row id (the CLI names items so). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
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
