/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-context.c: one place that owns the core services; no globals, no singletons. */

#include "config.h"

#include "ssv-context.h"
#include "ssv-library-jobs.h"
#include "ssv-server-token.h"
#include "ssv-youtube-settings.h"
#include "workers/ssv-channel-worker.h"
#include "workers/ssv-extras-worker.h"
#include "stores/ssv-server-store.h"
#include "ssv-thread.h"
#include "downloads/ssv-client-pool.h"
#include "downloads/ssv-download-monitor.h"
#include "downloads/ssv-grabber.h"
#include "downloads/ssv-importer.h"
#include "downloads/ssv-retry-engine.h"
#include "downloads/ssv-video-downloader.h"
#include "downloads/ssv-wishlist-drain.h"
#include "sources/ssv-folder-watcher.h"
#include "sources/ssv-scanner.h"
#include "ssv-airing-monitor.h"
#include "ssv-discovery.h"
#include "ssv-image-cache.h"
#include "ssv-network-activity.h"
#include "ssv-people-follower.h"
#include "ssv-title-actions.h"
#include "stores/ssv-blocklist-store.h"
#include "stores/ssv-calendar-store.h"
#include "stores/ssv-download-store.h"
#include "stores/ssv-library-store.h"
#include "stores/ssv-profile-store.h"
#include "workers/ssv-enrichment-engine.h"
#include "workers/ssv-refresher.h"

struct _SsvContext
{
  GObject           parent_instance;

  SsvDatabase      *database;
  SsvHttp          *http;
  SsvSecrets       *secrets;
  SsvLibraryStore  *library_store;
  SsvWatchlistStore *watchlist_store;
  SsvWishlistStore *wishlist_store;
  SsvCalendarStore *calendar_store;
  SsvProfileStore  *profile_store;
  SsvAiringMonitor *airing_monitor;
  SsvScanner       *scanner;
  SsvImageCache    *image_cache;
  SsvEnrichmentEngine *enrichment_engine;
  SsvFolderWatcher *folder_watcher;
  SsvDownloadStore *download_store;
  SsvClientPool    *client_pool;       /* these three made on first use */
  SsvGrabber       *grabber;
  SsvDownloadMonitor *download_monitor;
  SsvBlocklistStore *blocklist_store;
  SsvRetryEngine   *retry_engine;      /* made on first use */
  SsvWishlistDrain *wishlist_drain;    /* made on first use, its jobs registered then */
  SsvImporter      *importer;
  SsvClock         *clock;
  SsvScheduler     *scheduler;
  SsvRefresher     *refresher;
  SsvDiscovery     *discovery;
  SsvPeopleFollower *people_follower;
  SsvTitleActions  *title_actions;
  SsvChannelStore  *channel_store;
  SsvChannelService *channel_service;
  SsvNetworkActivity *network_activity;
  SsvVideoDownloader *video_downloader;
};

G_DEFINE_FINAL_TYPE (SsvContext, ssv_context, G_TYPE_OBJECT)

/* Runs on the monitor's thread after each look: episodes of wanted shows that
 * aired join the wishlist, and wanted rows get art enrichment found since. */
static void
airing_hook (GPtrArray *aired,
             GDateTime *now,
             gpointer   user_data)
{
  SsvWishlistStore *wishlist = user_data;
  g_autoptr(GError) error = NULL;

  if (!ssv_wishlist_store_join_aired (wishlist, now, NULL, &error) ||
      !ssv_wishlist_store_backfill_art (wishlist, NULL, &error))
    g_warning ("Could not bring the wishlist up to date: %s", error->message);
}

static void
create_stores (SsvContext *self)
{
  self->wishlist_store = ssv_wishlist_store_new (self->database);
  self->calendar_store = ssv_calendar_store_new (self->database);
  self->profile_store = ssv_profile_store_new (self->database);
  self->blocklist_store = ssv_blocklist_store_new (self->database);
  self->download_store = ssv_download_store_new (self->database);
  self->airing_monitor = ssv_airing_monitor_new (self->calendar_store);
  /* A look may still run on its thread while the context goes away. */
  ssv_airing_monitor_set_hook (self->airing_monitor, airing_hook,
                               g_object_ref (self->wishlist_store), g_object_unref);
}

static void
ssv_context_dispose (GObject *object)
{
  SsvContext *self = (SsvContext *) object;

  /* Jobs under way are cancelled; they keep what they use alive until they end. */
  if (self->scheduler != NULL)
    ssv_scheduler_stop (self->scheduler);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->people_follower);
  g_clear_object (&self->title_actions);
  g_clear_object (&self->discovery);
  g_clear_object (&self->refresher);
  g_clear_object (&self->clock);
  /* Worker threads end after the item in hand; they keep what they use alive. */
  if (self->enrichment_engine != NULL)
    ssv_enrichment_engine_stop (self->enrichment_engine);
  g_clear_object (&self->enrichment_engine);
  if (self->network_activity != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!ssv_network_activity_flush (self->network_activity, &error))
        g_warning ("Could not write the network activity: %s", error->message);
    }
  if (self->video_downloader != NULL)
    ssv_video_downloader_stop (self->video_downloader);
  g_clear_object (&self->video_downloader);
  g_clear_object (&self->channel_service);
  g_clear_object (&self->channel_store);
  g_clear_object (&self->network_activity);
  g_clear_object (&self->retry_engine);
  g_clear_object (&self->blocklist_store);
  g_clear_object (&self->importer);
  if (self->download_monitor != NULL)
    ssv_download_monitor_stop (self->download_monitor);
  g_clear_object (&self->download_monitor);
  g_clear_object (&self->wishlist_drain);
  g_clear_object (&self->grabber);
  g_clear_object (&self->client_pool);
  g_clear_object (&self->download_store);
  g_clear_object (&self->folder_watcher);
  g_clear_object (&self->image_cache);
  g_clear_object (&self->scanner);
  g_clear_object (&self->airing_monitor);
  g_clear_object (&self->calendar_store);
  g_clear_object (&self->profile_store);
  g_clear_object (&self->wishlist_store);
  g_clear_object (&self->watchlist_store);
  g_clear_object (&self->library_store);
  g_clear_object (&self->secrets);
  g_clear_object (&self->http);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (ssv_context_parent_class)->dispose (object);
}

static void
ssv_context_class_init (SsvContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_context_dispose;
}

static void
ssv_context_init (SsvContext *self)
{
}

/* Everything but the database, which opening may migrate (and so may be slow). */
static void create_youtube (SsvContext *self);

static void
init_services (SsvContext *self)
{
  g_autofree char *cache_dir = ssv_context_dup_cache_dir (self);
  g_autofree char *image_dir = g_build_filename (cache_dir, "images", NULL);

  self->http = ssv_http_new ();
  self->secrets = ssv_secrets_new ();
  self->library_store = ssv_library_store_new (self->database);
  self->watchlist_store = ssv_watchlist_store_new (self->database);
  create_stores (self);
  self->scanner = ssv_scanner_new (self->database, self->library_store, self->http, self->secrets);
  self->image_cache = ssv_image_cache_new (self->http, image_dir);
  /* Created, not started: the app starts it, the CLI starts what it was asked for. */
  self->enrichment_engine = ssv_enrichment_engine_new (self->database, self->http, self->secrets,
                                                       SSV_STORE (self->library_store));
  self->folder_watcher = ssv_folder_watcher_new (self->database, self->library_store, self->scanner);
  /* Workers wait while a scan writes (never overriding the person's pause). */
  ssv_enrichment_engine_follow_scanner (self->enrichment_engine, G_OBJECT (self->scanner));

  self->clock = ssv_clock_new ();
  self->refresher = ssv_refresher_new (self->database, self->http, self->secrets, self->clock,
                                       SSV_STORE (self->library_store));
  ssv_refresher_follow_scanner (self->refresher, G_OBJECT (self->scanner));
  self->discovery = ssv_discovery_new (self->database, self->http, self->secrets, self->watchlist_store,
                                       self->clock);
  self->people_follower = ssv_people_follower_new (self->database, self->http, self->secrets,
                                                   self->watchlist_store, self->wishlist_store, self->clock);
  self->title_actions = ssv_title_actions_new (self->database, self->http, self->secrets, self->library_store,
                                               self->scanner, self->enrichment_engine, self->refresher);
  /* Created stopped: the app starts it, in its window and its background service. */
  self->scheduler = ssv_scheduler_new (self->database, self->clock);
  ssv_library_jobs_register (self->scheduler, &(SsvLibraryJobObjects) {
                               .scanner = self->scanner,
                               .refresher = self->refresher,
                               .people_follower = self->people_follower,
                               .discovery = self->discovery,
                               .wishlist = self->wishlist_store,
                               .image_cache = self->image_cache,
                             });

  create_youtube (self);
}

/* YouTube: the channel store and service, and the record of hosts contacted,
 * which every request of the shared SsvHttp passes. */
static void
create_youtube (SsvContext *self)
{
  g_autoptr(SsvYoutubeSettings) settings = ssv_youtube_settings_load ();

  self->network_activity = ssv_network_activity_new (self->database);
  ssv_network_activity_watch (self->network_activity, self->http);
  self->channel_store = ssv_channel_store_new (self->database);
  self->channel_service = ssv_channel_service_new (self->http, self->channel_store,
                                                   self->watchlist_store, self->wishlist_store);
  ssv_channel_service_set_proxies (self->channel_service, (const char * const *) settings->proxies);

  /* Listed, held during scans and started with the metadata workers. */
  {
    g_autoptr(SsvWorker) channels = ssv_channel_worker_new (self->database, self->http, self->channel_service);

    ssv_enrichment_engine_add_worker (self->enrichment_engine, channels);
  }

  /* Wished videos to disk with yt-dlp; the app runs it, the CLI does not. */
  {
    g_autofree char *root = ssv_youtube_settings_dup_download_dir (settings);
    g_autoptr(GFile) root_file = g_file_new_for_path (root);
    g_autofree char *youtube = ssv_http_dup_base_url (self->http, "youtube");
    g_autofree char *sponsorblock = ssv_http_dup_base_url (self->http, "sponsorblock");

    self->video_downloader = ssv_video_downloader_new (self->database, self->network_activity);
    ssv_video_downloader_set_root (self->video_downloader, root_file);
    ssv_video_downloader_set_quality (self->video_downloader, settings->max_height, settings->codec);
    ssv_video_downloader_set_sponsorblock (self->video_downloader, settings->sponsorblock_chapters,
                                           g_getenv ("SSV_SPONSORBLOCK_URL") ? sponsorblock : NULL);
    if (youtube != NULL)
      ssv_video_downloader_set_base_url (self->video_downloader, youtube);
  }

  /* The per-video extras, each toggleable; Return YouTube Dislike is off unless asked for. */
  {
    const struct { GType type; gboolean enabled; } extras[] = {
      { SSV_TYPE_SPONSORBLOCK_WORKER, settings->sponsorblock },
      { SSV_TYPE_DEARROW_WORKER, settings->dearrow },
      { SSV_TYPE_RYD_WORKER, settings->ryd },
    };

    for (guint i = 0; i < G_N_ELEMENTS (extras); i++)
      {
        g_autoptr(SsvWorker) worker = ssv_extras_worker_new (extras[i].type, self->database, self->http,
                                                             self->channel_store, extras[i].enabled);

        ssv_enrichment_engine_add_worker (self->enrichment_engine, worker);
      }
  }
}

/**
 * ssv_context_new:
 * @database_path: (nullable): the library file, or %NULL for the default
 *
 * Opens and migrates the library. Blocks; the app uses ssv_context_new_async().
 * Signals of the stores are emitted on the calling thread's main context.
 */
SsvContext *
ssv_context_new (const char  *database_path,
                 GError     **error)
{
  g_autoptr(SsvContext) self = g_object_new (SSV_TYPE_CONTEXT, NULL);
  g_autofree char *default_path = NULL;

  if (database_path == NULL)
    database_path = default_path = ssv_database_dup_default_path ();

  self->database = ssv_database_open (database_path, error);
  if (self->database == NULL)
    return NULL;

  init_services (self);

  return g_steal_pointer (&self);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  g_autoptr(SsvDatabase) database = ssv_database_open (task_data, &error);

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (database == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&database), g_object_unref);
}

/**
 * ssv_context_new_async:
 *
 * Opens and migrates the library in a worker thread; the context itself is
 * built on the caller's thread, so its signals arrive there.
 */
void
ssv_context_new_async (const char          *database_path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ssv_context_new_async);
  g_task_set_task_data (task,
                        database_path ? g_strdup (database_path) : ssv_database_dup_default_path (),
                        g_free);
  g_task_run_in_thread (task, open_thread);
}

SsvContext *
ssv_context_new_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_autoptr(SsvDatabase) database = g_task_propagate_pointer (G_TASK (result), error);
  SsvContext *self;

  if (database == NULL)
    return NULL;

  self = g_object_new (SSV_TYPE_CONTEXT, NULL);
  self->database = g_steal_pointer (&database);
  init_services (self);

  return self;
}

SsvDatabase *
ssv_context_get_database (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->database;
}

SsvHttp *
ssv_context_get_http (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->http;
}

SsvSecrets *
ssv_context_get_secrets (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->secrets;
}

/* Quality profiles and custom formats */
SsvProfileStore *
ssv_context_get_profile_store (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->profile_store;
}

SsvDownloadStore *
ssv_context_get_download_store (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->download_store;
}

/* The configured download clients, made on first use. */
SsvClientPool *
ssv_context_get_client_pool (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  if (self->client_pool == NULL)
    self->client_pool = ssv_client_pool_new (self->download_store, self->http, self->secrets);

  return self->client_pool;
}

SsvGrabber *
ssv_context_get_grabber (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  if (self->grabber == NULL)
    self->grabber = ssv_grabber_new (ssv_context_get_client_pool (self));

  return self->grabber;
}

/* Made and started on first use: it reads the downloads once and polls only
 * while one is active. */
SsvDownloadMonitor *
ssv_context_get_download_monitor (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  if (self->download_monitor == NULL)
    {
      self->download_monitor = ssv_download_monitor_new (ssv_context_get_client_pool (self));
      ssv_download_monitor_follow_settings (self->download_monitor);
      /* what finishes is imported */
      ssv_importer_watch (ssv_context_get_importer (self), self->download_monitor);
      /* and what finished while the app was off, or was cut short by a crash */
      ssv_importer_adopt_async (ssv_context_get_importer (self), NULL, NULL, NULL);
      ssv_download_monitor_start (self->download_monitor);
    }

  return self->download_monitor;
}

SsvBlocklistStore *
ssv_context_get_blocklist_store (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->blocklist_store;
}

/* Made on first use, next to the monitor it listens to; re-adopts interrupted searches. */
SsvRetryEngine *
ssv_context_get_retry_engine (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  if (self->retry_engine == NULL)
    {
      self->retry_engine = ssv_retry_engine_new (ssv_context_get_client_pool (self), ssv_context_get_grabber (self),
                                                 self->profile_store, ssv_context_get_blocklist_store (self));
      ssv_retry_engine_watch (self->retry_engine, ssv_context_get_download_monitor (self));
      /* Files that prove bad on import: the release is blocklisted, taken out of its
       * client, and the next one tried. */
      g_signal_connect_object (ssv_context_get_importer (self), "import-rejected",
                               G_CALLBACK (ssv_retry_engine_block_and_retry), self->retry_engine,
                               G_CONNECT_SWAPPED);
      ssv_retry_engine_start (self->retry_engine);
    }

  return self->retry_engine;
}

/* Made on first use; its scheduled jobs ("Search the wishlist", the feed check) join then. */
SsvWishlistDrain *
ssv_context_get_wishlist_drain (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  if (self->wishlist_drain == NULL)
    {
      self->wishlist_drain = ssv_wishlist_drain_new (self->database, self->http, self->secrets, self->download_store,
                                                     ssv_context_get_grabber (self), self->clock);
      ssv_wishlist_drain_register_jobs (self->wishlist_drain, self->scheduler);
    }

  return self->wishlist_drain;
}

/* Made on first use; the download monitor hands it what finishes. */
SsvImporter *
ssv_context_get_importer (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  if (self->importer == NULL)
    self->importer = ssv_importer_new (self->database, self->download_store, self->profile_store, self->scanner);

  return self->importer;
}

SsvLibraryStore *
ssv_context_get_library_store (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->library_store;
}

SsvWatchlistStore *
ssv_context_get_watchlist_store (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->watchlist_store;
}

SsvWishlistStore *
ssv_context_get_wishlist_store (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->wishlist_store;
}

SsvCalendarStore *
ssv_context_get_calendar_store (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->calendar_store;
}

/* The monitor is built stopped; the application starts it. */
SsvAiringMonitor *
ssv_context_get_airing_monitor (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->airing_monitor;
}

SsvScanner *
ssv_context_get_scanner (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->scanner;
}

/* Built stopped; the application starts it (the CLI does not watch). */
SsvFolderWatcher *
ssv_context_get_folder_watcher (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->folder_watcher;
}

SsvImageCache *
ssv_context_get_image_cache (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->image_cache;
}

/**
 * ssv_context_load_server_tokens:
 *
 * Reads the servers' tokens from the keyring into the image cache, so their
 * posters can be fetched. Blocks: worker threads, or use the _async variant.
 */
gboolean
ssv_context_load_server_tokens (SsvContext    *self,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GPtrArray) servers = ssv_server_store_list (self->database, error);

  if (servers == NULL)
    return FALSE;

  for (guint i = 0; i < servers->len; i++)
    {
      SsvServerInfo *server = g_ptr_array_index (servers, i);
      g_autofree char *token = NULL;

      if (g_str_equal (server->kind, "folder"))
        continue;

      token = ssv_server_token_lookup_sync (self->secrets, self->database, server, cancellable, error);
      if (error != NULL && *error != NULL)
        return FALSE;
      ssv_image_cache_add_server (self->image_cache, server->kind, server->url, token);
    }

  return TRUE;
}

static void
load_tokens_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (ssv_context_load_server_tokens (source_object, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ssv_context_load_server_tokens_async (SsvContext          *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, ssv_context_load_server_tokens_async);
  g_task_run_in_thread (task, load_tokens_thread);
}

gboolean
ssv_context_load_server_tokens_finish (SsvContext    *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Created stopped: the app starts it, the CLI starts what it was asked for. */
SsvEnrichmentEngine *
ssv_context_get_enrichment_engine (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->enrichment_engine;
}

/* The app's cache folder (images and such); created on demand by its users. */
char *
ssv_context_dup_cache_dir (SsvContext *self)
{
  const char *override = g_getenv ("SSV_CACHE_DIR");

  if (override != NULL && override[0] != '\0')
    return g_strdup (override);

  return g_build_filename (g_get_user_cache_dir (), "soulsync-video", NULL);
}

/* The clock jobs and refreshes keep time by (the wall clock). */
SsvClock *
ssv_context_get_clock (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->clock;
}

/* Built stopped, with the library's jobs registered; the app starts it. */
SsvScheduler *
ssv_context_get_scheduler (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->scheduler;
}

SsvRefresher *
ssv_context_get_refresher (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->refresher;
}

SsvDiscovery *
ssv_context_get_discovery (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->discovery;
}

SsvPeopleFollower *
ssv_context_get_people_follower (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->people_follower;
}

/* Refresh, re-match, edit and mark watched, as title pages do. */
SsvTitleActions *
ssv_context_get_title_actions (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->title_actions;
}

SsvChannelStore *
ssv_context_get_channel_store (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->channel_store;
}

SsvChannelService *
ssv_context_get_channel_service (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->channel_service;
}

SsvNetworkActivity *
ssv_context_get_network_activity (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->network_activity;
}

/* Built idle: the app runs it when the wishlist changes. */
SsvVideoDownloader *
ssv_context_get_video_downloader (SsvContext *self)
{
  g_return_val_if_fail (SSV_IS_CONTEXT (self), NULL);

  return self->video_downloader;
}
