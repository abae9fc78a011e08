/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-types.h: forward declarations of the core's objects, so a header that only names one
 * (as SsvContext's getters do) need not pull in its whole API. Include the object's own header
 * where it is used. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SsvAiringMonitor SsvAiringMonitor;
typedef struct _SsvBlocklistStore SsvBlocklistStore;
typedef struct _SsvCalendarStore SsvCalendarStore;
typedef struct _SsvChannel SsvChannel;
typedef struct _SsvChannelService SsvChannelService;
typedef struct _SsvChannelStore SsvChannelStore;
typedef struct _SsvClientPool SsvClientPool;
typedef struct _SsvClock SsvClock;
typedef struct _SsvContext SsvContext;
typedef struct _SsvDatabase SsvDatabase;
typedef struct _SsvDiscovery SsvDiscovery;
typedef struct _SsvDownloadMonitor SsvDownloadMonitor;
typedef struct _SsvDownloadStore SsvDownloadStore;
typedef struct _SsvEnrichmentEngine SsvEnrichmentEngine;
typedef struct _SsvEpisode SsvEpisode;
typedef struct _SsvFolderWatcher SsvFolderWatcher;
typedef struct _SsvGrabber SsvGrabber;
typedef struct _SsvHttp SsvHttp;
typedef struct _SsvImageCache SsvImageCache;
typedef struct _SsvImporter SsvImporter;
typedef struct _SsvLibraryStore SsvLibraryStore;
typedef struct _SsvMovie SsvMovie;
typedef struct _SsvNetworkActivity SsvNetworkActivity;
typedef struct _SsvPeopleFollower SsvPeopleFollower;
typedef struct _SsvProfileStore SsvProfileStore;
typedef struct _SsvRefresher SsvRefresher;
typedef struct _SsvRetryEngine SsvRetryEngine;
typedef struct _SsvScanner SsvScanner;
typedef struct _SsvScheduler SsvScheduler;
typedef struct _SsvSeason SsvSeason;
typedef struct _SsvSecrets SsvSecrets;
typedef struct _SsvShow SsvShow;
typedef struct _SsvTitleActions SsvTitleActions;
typedef struct _SsvVideo SsvVideo;
typedef struct _SsvVideoDownloader SsvVideoDownloader;
typedef struct _SsvWatchlistStore SsvWatchlistStore;
typedef struct _SsvWishlistDrain SsvWishlistDrain;
typedef struct _SsvWishlistStore SsvWishlistStore;

G_END_DECLS
