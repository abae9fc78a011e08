/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-discovery.h: finding beyond the library: search over the library and TMDB, pages of
 * titles and people not owned (kept in the library file, so a second visit is instant),
 * trending and discover lists, where to watch, alternative titles. */

#pragma once

#include <gio/gio.h>

#include "ssv-clock.h"
#include "ssv-database.h"
#include "ssv-secrets.h"
#include "model/ssv-found-title.h"
#include "model/ssv-title.h"
#include "net/ssv-http.h"
#include "providers/ssv-tmdb-discover.h"
#include "stores/ssv-watchlist-store.h"
#include "stores/ssv-wishlist-store.h"

G_BEGIN_DECLS

#define SSV_TYPE_DISCOVERY (ssv_discovery_get_type ())

G_DECLARE_FINAL_TYPE (SsvDiscovery, ssv_discovery, SSV, DISCOVERY, GObject)

/* How long kept answers count before TMDB is asked again. */
#define SSV_DISCOVERY_TITLE_AGE_S  (7 * 24 * 3600)
#define SSV_DISCOVERY_PERSON_AGE_S (3 * 24 * 3600)
#define SSV_DISCOVERY_LIST_AGE_S   (12 * 3600)

/* A person's page: who, what they made (with owned, wished and followed marks). */
typedef struct
{
  SsvTmdbPerson *person;
  GPtrArray     *filmography;   /* SsvFoundTitle*, role set, as the person's credits */
  gboolean       followed;
} SsvPersonPage;

SsvDiscovery  *ssv_discovery_new                      (SsvDatabase        *database,
                                                       SsvHttp            *http,
                                                       SsvSecrets         *secrets,
                                                       SsvWatchlistStore  *watchlist,
                                                       SsvClock           *clock);

/* Blocking: worker threads and the CLI. */
GPtrArray     *ssv_discovery_find_sync                (SsvDiscovery       *self,
                                                       const char         *query,
                                                       gboolean            library_only,
                                                       char              **note,
                                                       GCancellable       *cancellable,
                                                       GError            **error);
SsvMeta       *ssv_discovery_title_sync               (SsvDiscovery       *self,
                                                       SsvItemKind         kind,
                                                       gint64              tmdb_id,
                                                       GCancellable       *cancellable,
                                                       GError            **error);
SsvMeta       *ssv_discovery_title_aged_sync          (SsvDiscovery       *self,
                                                       SsvItemKind         kind,
                                                       gint64              tmdb_id,
                                                       gint64              max_age,
                                                       GCancellable       *cancellable,
                                                       GError            **error);
SsvTitle      *ssv_discovery_load_title_sync          (SsvDiscovery       *self,
                                                       SsvItemKind         kind,
                                                       gint64              tmdb_id,
                                                       GCancellable       *cancellable,
                                                       GError            **error);
SsvPersonPage *ssv_discovery_person_sync              (SsvDiscovery       *self,
                                                       gint64              tmdb_id,
                                                       GCancellable       *cancellable,
                                                       GError            **error);
GPtrArray     *ssv_discovery_trending_sync            (SsvDiscovery       *self,
                                                       GCancellable       *cancellable,
                                                       GError            **error);
GPtrArray     *ssv_discovery_discover_sync            (SsvDiscovery       *self,
                                                       SsvTmdbMediaType    type,
                                                       int                 genre_id,
                                                       GCancellable       *cancellable,
                                                       GError            **error);
GPtrArray     *ssv_discovery_watch_providers_sync     (SsvDiscovery       *self,
                                                       SsvItemKind         kind,
                                                       gint64              tmdb_id,
                                                       const char         *region,
                                                       char              **link,
                                                       GCancellable       *cancellable,
                                                       GError            **error);
char         **ssv_discovery_alternative_titles_sync  (SsvDiscovery       *self,
                                                       SsvItemKind         kind,
                                                       gint64              tmdb_id,
                                                       GCancellable       *cancellable,
                                                       GError            **error);

/* For the UI thread: each runs its _sync twin in a thread. Finish with the
 * matching _finish; lists come as GPtrArray, a title as SsvMeta, a person as
 * SsvPersonPage. */
void           ssv_discovery_find_async               (SsvDiscovery       *self,
                                                       const char         *query,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
GPtrArray     *ssv_discovery_find_finish              (SsvDiscovery       *self,
                                                       GAsyncResult       *result,
                                                       char              **note,
                                                       GError            **error);
void           ssv_discovery_title_async              (SsvDiscovery       *self,
                                                       SsvItemKind         kind,
                                                       gint64              tmdb_id,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
SsvMeta       *ssv_discovery_title_finish             (SsvDiscovery       *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);
void           ssv_discovery_load_title_async         (SsvDiscovery       *self,
                                                       SsvItemKind         kind,
                                                       gint64              tmdb_id,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
SsvTitle      *ssv_discovery_load_title_finish        (SsvDiscovery       *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);
void           ssv_discovery_person_async             (SsvDiscovery       *self,
                                                       gint64              tmdb_id,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
SsvPersonPage *ssv_discovery_person_finish            (SsvDiscovery       *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);
void           ssv_discovery_list_async               (SsvDiscovery       *self,
                                                       const char         *list,
                                                       int                 genre_id,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
GPtrArray     *ssv_discovery_list_finish              (SsvDiscovery       *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);
void           ssv_discovery_watch_providers_async    (SsvDiscovery       *self,
                                                       SsvItemKind         kind,
                                                       gint64              tmdb_id,
                                                       const char         *region,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
GPtrArray     *ssv_discovery_watch_providers_finish   (SsvDiscovery       *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* A show not owned on the wishlist, with TMDB's list of its episodes (ssv-discovery-title.c). */
gboolean       ssv_discovery_wish_show_sync           (SsvDiscovery       *self,
                                                       SsvWishlistStore   *store,
                                                       gint64              tmdb_id,
                                                       SsvWishTarget       target,
                                                       int                 season_number,
                                                       int                 episode_number,
                                                       guint              *n_added,
                                                       GCancellable       *cancellable,
                                                       GError            **error);
gboolean       ssv_discovery_refresh_wished_shows_sync (SsvDiscovery      *self,
                                                        SsvWishlistStore  *store,
                                                        guint             *n_read,
                                                        GCancellable      *cancellable,
                                                        GError           **error);
void           ssv_discovery_wish_show_async          (SsvDiscovery       *self,
                                                       SsvWishlistStore   *store,
                                                       gint64              tmdb_id,
                                                       SsvWishTarget       target,
                                                       int                 season_number,
                                                       int                 episode_number,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
gboolean       ssv_discovery_wish_show_finish         (SsvDiscovery       *self,
                                                       GAsyncResult       *result,
                                                       guint              *n_added,
                                                       GError            **error);

/* Streaming services and what they stream of the wishlist (ssv-discovery-streaming.c). */
GPtrArray     *ssv_discovery_streaming_services_sync  (SsvDiscovery       *self,
                                                       const char         *region,
                                                       GCancellable       *cancellable,
                                                       GError            **error);
void           ssv_discovery_streaming_services_async (SsvDiscovery       *self,
                                                       const char         *region,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
GPtrArray     *ssv_discovery_streaming_services_finish (SsvDiscovery      *self,
                                                        GAsyncResult      *result,
                                                        GError           **error);
gboolean       ssv_discovery_refresh_streaming_sync   (SsvDiscovery       *self,
                                                       const char         *region,
                                                       gint64              max_age,
                                                       guint              *n_read,
                                                       GCancellable       *cancellable,
                                                       GError            **error);
void           ssv_discovery_refresh_streaming_async  (SsvDiscovery       *self,
                                                       const char         *region,
                                                       gint64              max_age,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
gboolean       ssv_discovery_refresh_streaming_finish (SsvDiscovery       *self,
                                                       GAsyncResult       *result,
                                                       guint              *n_read,
                                                       GError            **error);
void           ssv_discovery_dup_streamed_async       (SsvDiscovery       *self,
                                                       const char         *region,
                                                       const gint64       *provider_ids,
                                                       gsize               n_ids,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
GHashTable    *ssv_discovery_dup_streamed_finish      (SsvDiscovery       *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

#define SSV_STREAMING_MAX_AGE_S (7 * 24 * 3600)

char          *ssv_discovery_dup_watch_region         (void);
SsvClock      *ssv_discovery_get_clock                (SsvDiscovery       *self);
SsvDatabase   *ssv_discovery_get_database             (SsvDiscovery       *self);
void           ssv_person_page_free                   (SsvPersonPage      *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvPersonPage, ssv_person_page_free)

G_END_DECLS
