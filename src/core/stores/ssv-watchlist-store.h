/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-watchlist-store.h: follows and mutes; the effective watchlist computed at read time. */

#pragma once

#include "stores/ssv-store.h"
#include "model/ssv-watch-item.h"

G_BEGIN_DECLS

#define SSV_TYPE_WATCHLIST_STORE (ssv_watchlist_store_get_type ())

G_DECLARE_FINAL_TYPE (SsvWatchlistStore, ssv_watchlist_store, SSV, WATCHLIST_STORE, SsvStore)

SsvWatchlistStore *ssv_watchlist_store_new                (SsvDatabase         *database);

gboolean    ssv_watchlist_store_set_followed          (SsvWatchlistStore   *self,
                                                       SsvWatchKind         kind,
                                                       const char          *source,
                                                       const char          *source_id,
                                                       gboolean             followed,
                                                       const char          *title,
                                                       const char          *image_url,
                                                       GError             **error);
gboolean    ssv_watchlist_store_is_followed           (SsvWatchlistStore   *self,
                                                       SsvWatchKind         kind,
                                                       const char          *source,
                                                       const char          *source_id,
                                                       gboolean            *followed,
                                                       GError             **error);
GPtrArray  *ssv_watchlist_store_list                  (SsvWatchlistStore   *self,
                                                       SsvWatchKind         kind,
                                                       GError             **error);
GHashTable *ssv_watchlist_store_dup_followed_keys     (SsvWatchlistStore   *self,
                                                       SsvWatchKind         kind,
                                                       GError             **error);
char       *ssv_watchlist_key                         (const char          *source,
                                                       const char          *source_id);

/* After a complete full scan of a server (scan threads). */
gboolean    ssv_watchlist_forget_gone                 (SsvDatabase         *db,
                                                       gint64               server_row,
                                                       gint64               now,
                                                       guint               *forgotten,
                                                       GError             **error);

void        ssv_watchlist_store_set_followed_async    (SsvWatchlistStore   *self,
                                                       SsvWatchKind         kind,
                                                       const char          *source,
                                                       const char          *source_id,
                                                       gboolean             followed,
                                                       const char          *title,
                                                       const char          *image_url,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean    ssv_watchlist_store_set_followed_finish   (SsvWatchlistStore   *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
void        ssv_watchlist_store_list_async            (SsvWatchlistStore   *self,
                                                       SsvWatchKind         kind,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GPtrArray  *ssv_watchlist_store_list_finish           (SsvWatchlistStore   *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
void        ssv_watchlist_store_dup_followed_keys_async  (SsvWatchlistStore   *self,
                                                          SsvWatchKind         kind,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GHashTable *ssv_watchlist_store_dup_followed_keys_finish (SsvWatchlistStore   *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* The SQL of the effective show watchlist, for query-plan tests and benchmarks. */
extern const char * const ssv_watchlist_store_shows_sql;

G_END_DECLS
