/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-context.h: owns the database, HTTP, secrets and stores of one running app or CLI. */

#pragma once

#include <gio/gio.h>

#include "ssv-types.h"

G_BEGIN_DECLS

#define SSV_TYPE_CONTEXT (ssv_context_get_type ())

G_DECLARE_FINAL_TYPE (SsvContext, ssv_context, SSV, CONTEXT, GObject)

SsvContext       *ssv_context_new                (const char           *database_path,
                                                  GError              **error);
void              ssv_context_new_async          (const char           *database_path,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
SsvContext       *ssv_context_new_finish         (GAsyncResult         *result,
                                                  GError              **error);
SsvDatabase      *ssv_context_get_database       (SsvContext           *self);
SsvHttp          *ssv_context_get_http           (SsvContext           *self);
SsvSecrets       *ssv_context_get_secrets        (SsvContext           *self);
SsvLibraryStore  *ssv_context_get_library_store  (SsvContext           *self);
SsvWatchlistStore *ssv_context_get_watchlist_store (SsvContext          *self);
SsvWishlistStore *ssv_context_get_wishlist_store  (SsvContext           *self);
SsvCalendarStore *ssv_context_get_calendar_store  (SsvContext           *self);
SsvProfileStore  *ssv_context_get_profile_store   (SsvContext           *self);
SsvDownloadStore *ssv_context_get_download_store  (SsvContext           *self);
SsvClientPool    *ssv_context_get_client_pool     (SsvContext           *self);
SsvGrabber       *ssv_context_get_grabber         (SsvContext           *self);
SsvDownloadMonitor *ssv_context_get_download_monitor (SsvContext        *self);
SsvBlocklistStore *ssv_context_get_blocklist_store (SsvContext          *self);
SsvRetryEngine   *ssv_context_get_retry_engine    (SsvContext           *self);
SsvWishlistDrain *ssv_context_get_wishlist_drain  (SsvContext           *self);
SsvImporter      *ssv_context_get_importer        (SsvContext           *self);
SsvAiringMonitor *ssv_context_get_airing_monitor  (SsvContext           *self);
SsvScanner       *ssv_context_get_scanner        (SsvContext           *self);
SsvImageCache    *ssv_context_get_image_cache    (SsvContext           *self);
SsvFolderWatcher *ssv_context_get_folder_watcher (SsvContext           *self);
gboolean          ssv_context_load_server_tokens (SsvContext           *self,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void              ssv_context_load_server_tokens_async  (SsvContext          *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean          ssv_context_load_server_tokens_finish (SsvContext          *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
SsvEnrichmentEngine *ssv_context_get_enrichment_engine (SsvContext      *self);
SsvClock         *ssv_context_get_clock          (SsvContext           *self);
SsvScheduler     *ssv_context_get_scheduler      (SsvContext           *self);
SsvRefresher     *ssv_context_get_refresher      (SsvContext           *self);
SsvDiscovery     *ssv_context_get_discovery      (SsvContext           *self);
SsvPeopleFollower *ssv_context_get_people_follower (SsvContext         *self);
SsvTitleActions  *ssv_context_get_title_actions  (SsvContext           *self);
SsvChannelStore  *ssv_context_get_channel_store  (SsvContext           *self);
SsvChannelService *ssv_context_get_channel_service (SsvContext         *self);
SsvNetworkActivity *ssv_context_get_network_activity (SsvContext       *self);
SsvVideoDownloader *ssv_context_get_video_downloader (SsvContext       *self);
char             *ssv_context_dup_cache_dir      (SsvContext           *self);

G_END_DECLS
