/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-discovery-title.c: a title not owned as its page shows it: TMDB's details (kept for a
 * second visit by ssv_discovery_title_sync) laid into the SsvTitle the library's pages read,
 * and a show not owned wished with TMDB's list of its episodes. */

#include "config.h"

#include "ssv-discovery-private.h"
#include "ssv-error.h"
#include "model/ssv-cast-member.h"
#include "model/ssv-episode.h"
#include "model/ssv-found-title-private.h"
#include "model/ssv-model-private.h"
#include "model/ssv-season.h"
#include "model/ssv-title-private.h"
#include "stores/ssv-find-store.h"
#include "stores/ssv-wishlist-store.h"

#define CREW_LIMIT 6
#define CAST_LIMIT 20

/* The names of @role's credits, as many as the library's page shows. */
static GStrv
credit_names (const SsvMeta *meta,
              SsvCreditRole  role)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; i < meta->credits->len && n < CREW_LIMIT; i++)
    {
      const SsvMetaCredit *credit = g_ptr_array_index (meta->credits, i);

      if (credit->role == role && credit->name != NULL)
        {
          g_strv_builder_add (builder, credit->name);
          n++;
        }
    }

  return g_strv_builder_end (builder);
}

static void
add_cast (SsvTitle      *title,
          const SsvMeta *meta)
{
  guint n = 0;

  /* The parser keeps TMDB's billing order. */
  for (guint i = 0; i < meta->credits->len && n < CAST_LIMIT; i++)
    {
      const SsvMetaCredit *credit = g_ptr_array_index (meta->credits, i);
      g_autoptr(SsvCastMember) member = NULL;

      if (credit->role != SSV_CREDIT_CAST || credit->name == NULL)
        continue;
      member = ssv_cast_member_new (credit->name, credit->character, credit->profile_url);
      ssv_cast_member_set_tmdb_id (member, credit->tmdb_id);
      g_list_store_append (title->cast, member);
      n++;
    }
}

static int
compare_seasons (gconstpointer a,
                 gconstpointer b)
{
  const SsvMetaSeason *x = *(const SsvMetaSeason * const *) a;
  const SsvMetaSeason *y = *(const SsvMetaSeason * const *) b;

  /* Specials last, as the library's page lists them. */
  if ((x->season_number == 0) != (y->season_number == 0))
    return x->season_number == 0 ? 1 : -1;
  return x->season_number - y->season_number;
}

static int
compare_episodes (gconstpointer a,
                  gconstpointer b)
{
  const SsvMetaEpisode *x = *(const SsvMetaEpisode * const *) a;
  const SsvMetaEpisode *y = *(const SsvMetaEpisode * const *) b;

  if (x->season_number != y->season_number)
    return x->season_number - y->season_number;
  return x->episode_number - y->episode_number;
}

/* Seasons and their episodes with air dates; nothing is watched or has a file. */
static void
add_seasons (SsvTitle *title,
             SsvMeta  *meta)
{
  int previous = -1;

  g_ptr_array_sort (meta->seasons, compare_seasons);
  for (guint i = 0; i < meta->seasons->len; i++)
    {
      const SsvMetaSeason *from = g_ptr_array_index (meta->seasons, i);
      g_autoptr(SsvSeason) season = ssv_season_new ();

      season->season_number = from->season_number;
      season->title = g_strdup (from->title);
      season->overview = g_strdup (from->overview);
      season->air_date = g_strdup (from->air_date);
      season->poster_url = g_strdup (from->poster_url);
      season->episode_count = from->episode_count;
      g_list_store_append (title->seasons, season);
    }

  g_ptr_array_sort (meta->episodes, compare_episodes);
  for (guint i = 0; i < meta->episodes->len; i++)
    {
      const SsvMetaEpisode *from = g_ptr_array_index (meta->episodes, i);
      g_autoptr(SsvEpisode) episode = ssv_episode_new ();

      episode->season_number = from->season_number;
      episode->episode_number = from->episode_number;
      episode->title = g_strdup (from->title);
      episode->overview = g_strdup (from->overview);
      episode->air_date = g_strdup (from->air_date);
      episode->runtime_minutes = from->runtime_minutes;
      episode->still_url = g_strdup (from->still_url);
      episode->rating = from->rating > 0 ? from->rating : -1.0;
      episode->tmdb_id = from->tmdb_id;
      episode->tvdb_id = from->tvdb_id;
      episode->imdb_id = g_strdup (from->imdb_id);
      g_list_store_append (title->episodes, episode);

      if (i == 0 || from->season_number != previous)
        title->n_seasons++;
      previous = from->season_number;
    }
}

/* What the page reads, from what TMDB said. */
static SsvTitle *
title_from_meta (SsvMeta *meta,
                 gint64   tmdb_id)
{
  gboolean show = meta->kind == SSV_ITEM_SHOW;
  g_autoptr(SsvTitle) title = ssv_title_new (show ? SSV_MEDIA_KIND_SHOW : SSV_MEDIA_KIND_MOVIE, 0);
  g_autoptr(GStrvBuilder) genres = g_strv_builder_new ();

  title->tmdb_id = meta->tmdb_id > 0 ? meta->tmdb_id : tmdb_id;
  title->title = g_strdup (meta->title);
  title->year = meta->year;
  title->last_year = show && meta->last_air_date ? (int) g_ascii_strtoll (meta->last_air_date, NULL, 10) : 0;
  title->tagline = g_strdup (meta->tagline);
  title->overview = g_strdup (meta->overview);
  title->content_rating = g_strdup (meta->content_rating);
  title->runtime_minutes = meta->runtime_minutes;
  title->status = g_strdup (meta->status);
  title->network = g_strdup (show ? meta->network : meta->studio);
  title->logo_url = g_strdup (meta->logo_url);
  title->backdrop_url = g_strdup (meta->backdrop_url);
  title->poster_url = g_strdup (meta->poster_url);
  title->imdb_rating = MAX (meta->imdb_rating, 0);
  title->rt_score = meta->rt_score;
  title->metascore = meta->metascore;
  title->tmdb_rating = MAX (meta->tmdb_rating, 0);
  /* Everything TMDB knows came in this one answer: nothing is still being looked up. */
  title->synced = TRUE;

  for (guint i = 0; meta->genres != NULL && i < meta->genres->len; i++)
    g_strv_builder_add (genres, g_ptr_array_index (meta->genres, i));
  title->genres = g_strv_builder_end (genres);
  title->directors = credit_names (meta, SSV_CREDIT_DIRECTOR);
  title->writers = credit_names (meta, SSV_CREDIT_WRITER);
  title->creators = credit_names (meta, SSV_CREDIT_CREATOR);
  add_cast (title, meta);
  if (show)
    add_seasons (title, meta);

  return g_steal_pointer (&title);
}

/**
 * ssv_discovery_load_title_sync:
 * @kind: %SSV_ITEM_MOVIE or %SSV_ITEM_SHOW
 *
 * A title that may not be in the library, as its page shows it: TMDB's details,
 * cast, artwork, scores and a show's seasons and episodes with their air dates,
 * and whether the wishlist has it. TMDB's answers are kept (see
 * ssv_discovery_title_sync()), so a second visit asks TMDB nothing.
 *
 * Returns: (transfer full): the title, with no library row (id 0); %NULL with
 *   @error set (%SSV_ERROR_KEY_REJECTED, %SSV_ERROR_NOT_FOUND, a network error)
 */
SsvTitle *
ssv_discovery_load_title_sync (SsvDiscovery  *self,
                               SsvItemKind    kind,
                               gint64         tmdb_id,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(SsvMeta) meta = NULL;
  g_autoptr(SsvTitle) title = NULL;
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func (g_object_unref);
  SsvFoundTitle *found;

  g_return_val_if_fail (SSV_IS_DISCOVERY (self), NULL);

  meta = ssv_discovery_title_sync (self, kind, tmdb_id, cancellable, error);
  if (meta == NULL)
    return NULL;
  title = title_from_meta (meta, tmdb_id);

  found = ssv_found_title_new (kind == SSV_ITEM_SHOW ? SSV_FOUND_SHOW : SSV_FOUND_MOVIE, title->tmdb_id, title->title);
  g_ptr_array_add (marks, found);
  if (!ssv_find_store_mark (ssv_discovery_get_database (self), marks, error))
    return NULL;
  title->wished = ssv_found_title_get_wished (found);

  return g_steal_pointer (&title);
}

/* ---- wishing a show not owned ---------------------------------------------------------- */

static const char *
season_poster (const SsvMeta *meta,
               int            season_number)
{
  for (guint i = 0; i < meta->seasons->len; i++)
    {
      const SsvMetaSeason *season = g_ptr_array_index (meta->seasons, i);

      if (season->season_number == season_number)
        return season->poster_url;
    }
  return NULL;
}

/* The wishlist's view of a show from TMDB: its ids, words, art and every episode listed. */
static SsvWishlistShow *
wishlist_show_from_meta (const SsvMeta *meta,
                         gint64         tmdb_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, meta->tmdb_id > 0 ? meta->tmdb_id : tmdb_id);
  SsvWishlistShow *show = ssv_wishlist_show_new ("tmdb", id, meta->title);

  show->tvdb_id = meta->tvdb_id;
  show->year = meta->year;
  show->overview = g_strdup (meta->overview);
  show->poster_url = g_strdup (meta->poster_url);
  show->backdrop_url = g_strdup (meta->backdrop_url);
  for (guint i = 0; i < meta->episodes->len; i++)
    {
      const SsvMetaEpisode *from = g_ptr_array_index (meta->episodes, i);
      SsvWishlistShowEpisode *episode = ssv_wishlist_show_add_episode (show, from->season_number,
                                                                       from->episode_number);

      episode->tmdb_id = from->tmdb_id;
      episode->title = g_strdup (from->title);
      episode->overview = g_strdup (from->overview);
      episode->still_url = g_strdup (from->still_url);
      episode->season_poster_url = g_strdup (season_poster (meta, from->season_number));
      episode->air_date = g_strdup (from->air_date);
    }

  return show;
}

/**
 * ssv_discovery_wish_show_sync:
 * @store: the wishlist to add to
 * @tmdb_id: TMDB's id of a show the library need not have
 * @target: the whole show, season @season_number or episode @episode_number of it
 * @n_added: (out) (optional): how many episodes are wanted now that were not
 *
 * Wishes a show by its TMDB id (and TheTVDB's, for the indexers) with TMDB's
 * list of its seasons and episodes, so the aired ones are wanted now and the
 * rest join as they air. TMDB's answer is the one the show's page read (kept
 * for a week), so this asks TMDB nothing after a visit.
 */
gboolean
ssv_discovery_wish_show_sync (SsvDiscovery      *self,
                              SsvWishlistStore  *store,
                              gint64             tmdb_id,
                              SsvWishTarget      target,
                              int                season_number,
                              int                episode_number,
                              guint             *n_added,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_autoptr(SsvMeta) meta = NULL;
  g_autoptr(SsvWishlistShow) show = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (SSV_IS_DISCOVERY (self), FALSE);
  g_return_val_if_fail (SSV_IS_WISHLIST_STORE (store), FALSE);

  meta = ssv_discovery_title_sync (self, SSV_ITEM_SHOW, tmdb_id, cancellable, error);
  if (meta == NULL)
    return FALSE;

  show = wishlist_show_from_meta (meta, tmdb_id);
  now = g_date_time_new_from_unix_local (ssv_clock_get_now (ssv_discovery_get_clock (self)));
  return ssv_wishlist_store_add_show (store, show, target, season_number, episode_number, now, n_added, error);
}

/**
 * ssv_discovery_refresh_wished_shows_sync:
 * @n_read: (out) (optional): how many shows TMDB was asked about
 *
 * Reads again (once a day at most) TMDB's list of episodes of every wished show
 * the library lacks that still waits for episodes, so new episodes and moved
 * air dates reach the wishlist and its drain as they air. A show TMDB no longer
 * knows keeps what it had; a refused key or a dead network stops the refresh.
 */
gboolean
ssv_discovery_refresh_wished_shows_sync (SsvDiscovery      *self,
                                         SsvWishlistStore  *store,
                                         guint             *n_read,
                                         GCancellable      *cancellable,
                                         GError           **error)
{
  g_autoptr(GPtrArray) ids = ssv_wishlist_store_dup_unowned_shows (store, "tmdb", error);

  if (n_read != NULL)
    *n_read = 0;
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 tmdb_id = g_ascii_strtoll (g_ptr_array_index (ids, i), NULL, 10);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(SsvMeta) meta = ssv_discovery_title_aged_sync (self, SSV_ITEM_SHOW, tmdb_id, 20 * 3600,
                                                               cancellable, &local_error);
      g_autoptr(SsvWishlistShow) show = NULL;

      if (meta == NULL && g_error_matches (local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
        continue;
      if (meta == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      show = wishlist_show_from_meta (meta, tmdb_id);
      if (!ssv_wishlist_store_update_show (store, show, error))
        return FALSE;
      if (n_read != NULL)
        (*n_read)++;
    }

  return TRUE;
}

typedef struct
{
  SsvWishlistStore *store;
  gint64            tmdb_id;
  SsvWishTarget     target;
  int               season_number;
  int               episode_number;
} WishCall;

static void
wish_call_free (gpointer data)
{
  WishCall *call = data;

  g_clear_object (&call->store);
  g_free (call);
}

static void
wish_show_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  WishCall *call = task_data;
  GError *error = NULL;
  guint n_added = 0;

  if (ssv_discovery_wish_show_sync (source_object, call->store, call->tmdb_id, call->target, call->season_number,
                                    call->episode_number, &n_added, cancellable, &error))
    g_task_return_int (task, n_added);
  else
    g_task_return_error (task, error);
}

/* ssv_discovery_wish_show_sync() in a thread, for the UI. */
void
ssv_discovery_wish_show_async (SsvDiscovery        *self,
                               SsvWishlistStore    *store,
                               gint64               tmdb_id,
                               SsvWishTarget        target,
                               int                  season_number,
                               int                  episode_number,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  WishCall *call = g_new0 (WishCall, 1);

  call->store = g_object_ref (store);
  call->tmdb_id = tmdb_id;
  call->target = target;
  call->season_number = season_number;
  call->episode_number = episode_number;
  ssv_discovery_run_in_thread (self, call, wish_call_free, ssv_discovery_wish_show_async, wish_show_thread,
                               cancellable, callback, user_data);
}

/* Returns: %FALSE with @error set on failure; @n_added as ssv_discovery_wish_show_sync() sets it */
gboolean
ssv_discovery_wish_show_finish (SsvDiscovery  *self,
                                GAsyncResult  *result,
                                guint         *n_added,
                                GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_added != NULL)
    *n_added = (guint) n;
  return TRUE;
}
