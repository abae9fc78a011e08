/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-store.h: wanted movies and episodes; shows and seasons roll them up. */

#pragma once

#include "stores/ssv-store.h"
#include "model/ssv-wishlist-item.h"
#include "model/ssv-download.h"

G_BEGIN_DECLS

#define SSV_TYPE_WISHLIST_STORE (ssv_wishlist_store_get_type ())

G_DECLARE_FINAL_TYPE (SsvWishlistStore, ssv_wishlist_store, SSV, WISHLIST_STORE, SsvStore)

/* What a detail page offers to add: a library movie, show, season or episode. */
typedef enum
{
  SSV_WISH_TARGET_MOVIE,
  SSV_WISH_TARGET_SHOW,
  SSV_WISH_TARGET_SEASON,
  SSV_WISH_TARGET_EPISODE,
} SsvWishTarget;

typedef enum
{
  SSV_WISHLIST_SORT_NEWEST,
  SSV_WISHLIST_SORT_OLDEST,
  SSV_WISHLIST_SORT_TITLE,
  SSV_WISHLIST_SORT_MOST_WANTED,
} SsvWishlistSort;

typedef struct
{
  const char  *source;        /* "tmdb", "imdb", "youtube", … */
  const char  *source_id;
  const char  *title;
  int          year;
  const char  *overview;
  const char  *poster_url;
  const char  *backdrop_url;
} SsvWishlistTitle;

SsvWishlistStore *ssv_wishlist_store_new            (SsvDatabase          *database);

gboolean    ssv_wishlist_store_add                  (SsvWishlistStore     *self,
                                                     SsvWishTarget         target,
                                                     gint64                library_id,
                                                     int                   season_number,
                                                     GDateTime            *now,
                                                     guint                *n_added,
                                                     GError              **error);
gboolean    ssv_wishlist_store_remove               (SsvWishlistStore     *self,
                                                     SsvWishTarget         target,
                                                     gint64                library_id,
                                                     int                   season_number,
                                                     GError              **error);
gboolean    ssv_wishlist_store_contains             (SsvWishlistStore     *self,
                                                     SsvWishTarget         target,
                                                     gint64                library_id,
                                                     int                   season_number,
                                                     gboolean             *wanted,
                                                     GError              **error);
gboolean    ssv_wishlist_store_add_episodes         (SsvWishlistStore     *self,
                                                     const gint64         *ids,
                                                     gsize                 n_ids,
                                                     GDateTime            *now,
                                                     GError              **error);
gboolean    ssv_wishlist_store_add_title            (SsvWishlistStore     *self,
                                                     SsvWishlistKind       kind,
                                                     const SsvWishlistTitle *title,
                                                     GError              **error);
gboolean    ssv_wishlist_store_remove_item          (SsvWishlistStore     *self,
                                                     SsvWishlistItem      *item,
                                                     GError              **error);
gboolean    ssv_wishlist_store_join_aired           (SsvWishlistStore     *self,
                                                     GDateTime            *now,
                                                     guint                *n_joined,
                                                     GError              **error);
gboolean    ssv_wishlist_store_backfill_art         (SsvWishlistStore     *self,
                                                     guint                *n_filled,
                                                     GError              **error);
GPtrArray  *ssv_wishlist_store_list_titles          (SsvWishlistStore     *self,
                                                     SsvWishlistKind       kind,
                                                     const char           *search,
                                                     SsvWishlistSort       sort,
                                                     guint                 offset,
                                                     guint                 limit,
                                                     GError              **error);
GPtrArray  *ssv_wishlist_store_list_shows           (SsvWishlistStore     *self,
                                                     const char           *search,
                                                     SsvWishlistSort       sort,
                                                     guint                 offset,
                                                     guint                 limit,
                                                     GError              **error);

void        ssv_wishlist_store_add_async            (SsvWishlistStore     *self,
                                                     SsvWishTarget         target,
                                                     gint64                library_id,
                                                     int                   season_number,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
void        ssv_wishlist_store_add_episodes_async   (SsvWishlistStore     *self,
                                                     const gint64         *ids,
                                                     gsize                 n_ids,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
void        ssv_wishlist_store_add_title_async      (SsvWishlistStore     *self,
                                                     const SsvWishlistTitle *title,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
void        ssv_wishlist_store_remove_async         (SsvWishlistStore     *self,
                                                     SsvWishTarget         target,
                                                     gint64                library_id,
                                                     int                   season_number,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
void        ssv_wishlist_store_contains_async       (SsvWishlistStore     *self,
                                                     SsvWishTarget         target,
                                                     gint64                library_id,
                                                     int                   season_number,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
void        ssv_wishlist_store_remove_item_async    (SsvWishlistStore     *self,
                                                     SsvWishlistItem      *item,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
/* Finishes add, add_episodes, add_title, remove, contains (TRUE = wanted) and remove_item. */
gboolean    ssv_wishlist_store_change_finish        (SsvWishlistStore     *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void        ssv_wishlist_store_list_async           (SsvWishlistStore     *self,
                                                     SsvWishlistKind       kind,
                                                     const char           *search,
                                                     SsvWishlistSort       sort,
                                                     guint                 offset,
                                                     guint                 limit,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray  *ssv_wishlist_store_list_finish          (SsvWishlistStore     *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* A show the library may lack, as TMDB lists it, to wish by its key (ssv-wishlist-shows.c). */
typedef struct
{
  int      season_number;
  int      episode_number;
  gint64   tmdb_id;
  char    *title;
  char    *overview;
  char    *still_url;
  char    *season_poster_url;
  char    *air_date;          /* "YYYY-MM-DD", or NULL: not announced */
} SsvWishlistShowEpisode;

typedef struct
{
  char       *source;         /* "tmdb" or "tvdb" */
  char       *source_id;
  gint64      tvdb_id;        /* 0: not known */
  char       *title;
  int         year;
  char       *overview;
  char       *poster_url;
  char       *backdrop_url;
  GPtrArray  *episodes;       /* SsvWishlistShowEpisode*, every one the provider listed */
} SsvWishlistShow;

SsvWishlistShow        *ssv_wishlist_show_new          (const char       *source,
                                                        const char       *source_id,
                                                        const char       *title);
SsvWishlistShowEpisode *ssv_wishlist_show_add_episode  (SsvWishlistShow  *show,
                                                        int               season_number,
                                                        int               episode_number);
void                    ssv_wishlist_show_free         (SsvWishlistShow  *show);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvWishlistShow, ssv_wishlist_show_free)

gboolean    ssv_wishlist_store_add_show             (SsvWishlistStore     *self,
                                                     const SsvWishlistShow *show,
                                                     SsvWishTarget         target,
                                                     int                   season_number,
                                                     int                   episode_number,
                                                     GDateTime            *now,
                                                     guint                *n_added,
                                                     GError              **error);
gboolean    ssv_wishlist_store_remove_show          (SsvWishlistStore     *self,
                                                     const char           *source,
                                                     const char           *source_id,
                                                     SsvWishTarget         target,
                                                     int                   season_number,
                                                     int                   episode_number,
                                                     GError              **error);
gboolean    ssv_wishlist_store_contains_show        (SsvWishlistStore     *self,
                                                     const char           *source,
                                                     const char           *source_id,
                                                     gboolean             *wanted,
                                                     GError              **error);
GPtrArray  *ssv_wishlist_store_dup_unowned_shows    (SsvWishlistStore     *self,
                                                     const char           *source,
                                                     GError              **error);
gboolean    ssv_wishlist_store_update_show          (SsvWishlistStore     *self,
                                                     const SsvWishlistShow *show,
                                                     GError              **error);
/* Finish both with ssv_wishlist_store_change_finish() (contains: TRUE = wanted). */
void        ssv_wishlist_store_remove_show_async    (SsvWishlistStore     *self,
                                                     const char           *source,
                                                     const char           *source_id,
                                                     SsvWishTarget         target,
                                                     int                   season_number,
                                                     int                   episode_number,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
void        ssv_wishlist_store_contains_show_async  (SsvWishlistStore     *self,
                                                     const char           *source,
                                                     const char           *source_id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
/* A wanted movie's or show's own quality profile (ssv-wishlist-profiles.c). */
gboolean    ssv_wishlist_store_set_profile          (SsvWishlistStore     *self,
                                                     SsvWishlistKind       kind,
                                                     gint64                id,
                                                     gint64                profile_id,
                                                     GError              **error);
void        ssv_wishlist_store_set_profile_async    (SsvWishlistStore     *self,
                                                     SsvWishlistKind       kind,
                                                     gint64                id,
                                                     gint64                profile_id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean    ssv_wishlist_store_set_profile_finish   (SsvWishlistStore     *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
SsvWishlistItem *ssv_wishlist_store_dup_wish        (SsvWishlistStore     *self,
                                                     SsvWishTarget         target,
                                                     gint64                library_id,
                                                     const char           *source,
                                                     const char           *source_id,
                                                     GError              **error);
void        ssv_wishlist_store_dup_wish_async       (SsvWishlistStore     *self,
                                                     SsvWishTarget         target,
                                                     gint64                library_id,
                                                     const char           *source,
                                                     const char           *source_id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
SsvWishlistItem *ssv_wishlist_store_dup_wish_finish (SsvWishlistStore     *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
gboolean    ssv_wishlist_store_find_wanted          (SsvWishlistStore     *self,
                                                     const char           *text,
                                                     SsvWishlistKind      *kind,
                                                     gint64               *id,
                                                     GError              **error);

/* A wanted item's acquisition: its latest download (ssv-wishlist-downloads.c). */
typedef struct
{
  gint64             wishlist_id;
  gint64             download_id;
  SsvDownloadStatus  status;
  double             progress;
  char              *error;
} SsvWishDownloadState;

extern const char * const ssv_wishlist_store_download_states_sql;
GHashTable *ssv_wishlist_store_dup_download_states  (SsvWishlistStore     *self,
                                                     GError              **error);
void        ssv_wishlist_store_dup_download_states_async  (SsvWishlistStore    *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GHashTable *ssv_wishlist_store_dup_download_states_finish (SsvWishlistStore    *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
char       *ssv_wish_download_state_describe        (const SsvWishDownloadState *state);
void        ssv_wish_download_state_free            (SsvWishDownloadState *state);

/* A wanted item's automatic search: when it was last searched, what came of it, when next
 * (ssv-wishlist-downloads.c); 0: never / not planned. */
typedef struct
{
  gint64  wishlist_id;
  gint64  last_search_at;
  char   *last_result;
  gint64  next_search_at;
} SsvWishSearchTimes;

extern const char * const ssv_wishlist_store_search_times_sql;
GHashTable *ssv_wishlist_store_dup_search_times     (SsvWishlistStore     *self,
                                                     GError              **error);
void        ssv_wishlist_store_dup_search_times_async  (SsvWishlistStore    *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GHashTable *ssv_wishlist_store_dup_search_times_finish (SsvWishlistStore    *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
char       *ssv_wish_search_times_describe          (const SsvWishSearchTimes *times,
                                                     gint64                    now);
void        ssv_wish_search_times_free              (SsvWishSearchTimes   *times);

const char *ssv_wishlist_store_get_shows_sql        (SsvWishlistSort       sort);
extern const char * const ssv_wishlist_store_episodes_sql;
const char *ssv_wishlist_store_get_titles_sql       (SsvWishlistSort       sort);

G_END_DECLS
