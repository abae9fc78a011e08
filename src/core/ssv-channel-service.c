/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-service.c: follow, open and refresh YouTube channels. A refresh
 * reads the InnerTube catalog, the Shorts, the optional Piped/Invidious
 * instances and the RSS feed (last, so its exact dates settle the newest
 * uploads), saves what each said, and records how the channel was read. What
 * fails leaves the saved channel as it was. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-channel-service.h"
#include "ssv-error.h"
#include "ssv-utils.h"
#include "model/ssv-youtube-model-private.h"
#include "providers/ssv-youtube.h"
#include "providers/ssv-youtube-browse.h"
#include "providers/ssv-youtube-proxy.h"
#include "stores/ssv-settings-store.h"
#include "ssv-thread.h"

/* Thirty videos a page: 300 pages are 9,000 videos. */
#define DEFAULT_MAX_PAGES   300
#define PROXY_MAX_PAGES     50
/* A page opened within this long of the last refresh does not refresh again. */
#define FRESH_S             (30 * 60)

struct _SsvChannelService
{
  GObject            parent_instance;

  SsvHttp           *http;
  SsvChannelStore   *store;
  SsvWatchlistStore *watchlist;
  SsvWishlistStore  *wishlist;
  GMainContext      *main_context;

  GMutex             lock;
  GStrv              proxies;       /* guarded by lock */
  GHashTable        *refreshing;    /* UC… ids in flight; guarded by lock */
  guint              max_pages;
};

enum {
  REFRESHED,
  NEW_UPLOADS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsvChannelService, ssv_channel_service, G_TYPE_OBJECT)

static void
ssv_channel_service_finalize (GObject *object)
{
  SsvChannelService *self = SSV_CHANNEL_SERVICE (object);

  g_clear_object (&self->http);
  g_clear_object (&self->store);
  g_clear_object (&self->watchlist);
  g_clear_object (&self->wishlist);
  g_clear_pointer (&self->main_context, g_main_context_unref);
  g_clear_pointer (&self->proxies, g_strfreev);
  g_clear_pointer (&self->refreshing, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ssv_channel_service_parent_class)->finalize (object);
}

static void
ssv_channel_service_class_init (SsvChannelServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_channel_service_finalize;

  /**
   * SsvChannelService::refreshed:
   * @channel_id: the UC… id
   * @error: (nullable): why it could not be read (the saved channel stays), or %NULL
   *
   * A quiet refresh a page asked for ended. On the main context.
   */
  signals[REFRESHED] =
    g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);

  /**
   * SsvChannelService::new-uploads:
   * @videos: (element-type SsvVideo): new uploads of followed channels, by
   *   channel then oldest first (Shorts and premieres still to come are not)
   * @catching_up: %TRUE when nobody looked for a while: tell them all at once
   *
   * On the main context, once per look that found something.
   */
  signals[NEW_UPLOADS] =
    g_signal_new ("new-uploads", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_PTR_ARRAY, G_TYPE_BOOLEAN);
}

static void
ssv_channel_service_init (SsvChannelService *self)
{
  g_mutex_init (&self->lock);
  self->refreshing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->max_pages = DEFAULT_MAX_PAGES;
  self->main_context = g_main_context_ref_thread_default ();
}

SsvChannelService *
ssv_channel_service_new (SsvHttp           *http,
                         SsvChannelStore   *store,
                         SsvWatchlistStore *watchlist,
                         SsvWishlistStore  *wishlist)
{
  SsvChannelService *self = g_object_new (SSV_TYPE_CHANNEL_SERVICE, NULL);

  self->http = g_object_ref (http);
  self->store = g_object_ref (store);
  self->watchlist = g_object_ref (watchlist);
  self->wishlist = wishlist ? g_object_ref (wishlist) : NULL;
  return self;
}

SsvChannelStore *
ssv_channel_service_get_store (SsvChannelService *self)
{
  return self->store;
}

/* The Piped/Invidious instances to ask, in order ("piped:https://…", …). */
void
ssv_channel_service_set_proxies (SsvChannelService  *self,
                                 const char * const *instances)
{
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->proxies, g_strfreev);
  self->proxies = instances && instances[0] ? g_strdupv ((char **) instances) : NULL;
  g_mutex_unlock (&self->lock);
}

gboolean
ssv_channel_service_has_proxies (SsvChannelService *self)
{
  gboolean any;

  g_mutex_lock (&self->lock);
  any = self->proxies != NULL;
  g_mutex_unlock (&self->lock);

  return any;
}

void
ssv_channel_service_set_max_pages (SsvChannelService *self,
                                   guint              max_pages)
{
  self->max_pages = MAX (max_pages, 1);
}

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* ---- resolving ------------------------------------------------------------------ */

/**
 * ssv_channel_service_resolve:
 * @text: a pasted address, a bare @handle or a UC… id
 *
 * A handle already saved resolves without the network.
 *
 * Returns: (transfer full): the UC… id, or %NULL with @error set
 */
char *
ssv_channel_service_resolve (SsvChannelService  *self,
                             const char         *text,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_autoptr(SsvYtChannelRef) ref = ssv_yt_channel_ref_parse (text, error);
  g_autoptr(GError) local_error = NULL;
  char *id;

  if (ref == NULL)
    return NULL;

  if (ref->kind == SSV_YT_REF_HANDLE)
    {
      id = ssv_channel_store_find_channel_id (self->store, ref->value, &local_error);
      if (id != NULL)
        return id;
    }

  return ssv_youtube_resolve (self->http, ref, cancellable, error);
}

/* ---- refreshing ----------------------------------------------------------------- */

typedef struct
{
  const char        *enriched_by;
  gboolean           complete;
  GError            *innertube_error;
  GError            *fatal;           /* stops the refresh: not found, slow down, cancelled */
} Outcome;

static const char *
error_kind (const GError *error)
{
  if (error == NULL)
    return NULL;
  if (g_error_matches (error, SSV_ERROR, SSV_ERROR_CHANGED))
    return "changed";
  if (g_error_matches (error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
    return "not-found";
  if (g_error_matches (error, SSV_ERROR, SSV_ERROR_RATE_LIMITED))
    return "rate-limited";
  if (g_error_matches (error, SSV_ERROR, SSV_ERROR_UNREACHABLE) ||
      g_error_matches (error, SSV_ERROR, SSV_ERROR_TIMEOUT))
    return "unreachable";
  return "failed";
}

static gboolean
stops_refresh (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, SSV_ERROR, SSV_ERROR_RATE_LIMITED) ||
         g_error_matches (error, SSV_ERROR, SSV_ERROR_DATABASE);
}

static gboolean
save_page (SsvChannelService  *self,
           const char         *channel_id,
           SsvYtPage          *page,
           int                 first_rank,
           GError            **error)
{
  if (page->channel != NULL)
    {
      /* The page answers for the channel asked about, whatever id it names. */
      g_free (page->channel->channel_id);
      page->channel->channel_id = g_strdup (channel_id);
      if (!ssv_channel_store_save_meta (self->store, page->channel, error))
        return FALSE;
    }

  return ssv_channel_store_save_videos (self->store, channel_id, page->videos, TRUE, first_rank, error) &&
         ssv_channel_store_save_videos (self->store, channel_id, page->shorts, TRUE, -1, error);
}

static void
read_catalog (SsvChannelService  *self,
              const char         *channel_id,
              SsvRefreshDepth     depth,
              Outcome            *outcome,
              GCancellable       *cancellable)
{
  g_autofree char *continuation = NULL;
  int rank = 0;

  for (guint n = 0; n < self->max_pages; n++)
    {
      g_autoptr(SsvYtPage) page = NULL;
      g_autoptr(GError) error = NULL;

      page = ssv_youtube_browse (self->http, channel_id, SSV_YT_TAB_VIDEOS, continuation, now_unix (),
                                 cancellable, &error);
      if (page == NULL || !save_page (self, channel_id, page, rank, &error))
        {
          if (stops_refresh (error) || (n == 0 && g_error_matches (error, SSV_ERROR, SSV_ERROR_NOT_FOUND)))
            outcome->fatal = g_steal_pointer (&error);
          else
            outcome->innertube_error = g_steal_pointer (&error);
          return;
        }

      outcome->enriched_by = "innertube";
      rank += (int) page->videos->len;
      g_free (continuation);
      continuation = g_steal_pointer (&page->continuation);

      if (continuation == NULL)
        {
          outcome->complete = TRUE;
          return;
        }
      if (depth == SSV_REFRESH_QUICK)
        {
          /* Only the newest page: the catalog read before stays complete. */
          SsvChannel *saved = ssv_channel_store_get_channel (self->store, channel_id, NULL);

          outcome->complete = saved != NULL && saved->complete;
          g_clear_object (&saved);
          return;
        }
    }
}

static void
read_shorts (SsvChannelService  *self,
             const char         *channel_id,
             Outcome            *outcome,
             GCancellable       *cancellable)
{
  g_autoptr(SsvYtPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = ssv_youtube_browse (self->http, channel_id, SSV_YT_TAB_SHORTS, NULL, now_unix (), cancellable, &error);
  if (page != NULL)
    {
      /* Only what reads as a Short is saved as one: a tab answered with
       * the videos instead must not turn every video into a Short. */
      g_ptr_array_set_size (page->videos, 0);
      g_clear_pointer (&page->channel, ssv_yt_channel_meta_free);
      if (save_page (self, channel_id, page, -1, &error))
        return;
    }

  if (stops_refresh (error))
    outcome->fatal = g_steal_pointer (&error);
  else
    g_debug ("No Shorts for %s: %s", channel_id, error->message);
}

static void
read_proxies (SsvChannelService  *self,
              const char         *channel_id,
              Outcome            *outcome,
              GCancellable       *cancellable)
{
  g_auto(GStrv) proxies = NULL;

  g_mutex_lock (&self->lock);
  proxies = g_strdupv (self->proxies);
  g_mutex_unlock (&self->lock);

  for (guint i = 0; proxies != NULL && proxies[i] != NULL; i++)
    {
      g_autofree char *continuation = NULL;
      gboolean read_any = FALSE;

      for (guint n = 0; n < PROXY_MAX_PAGES; n++)
        {
          g_autoptr(SsvYtPage) page = NULL;
          g_autoptr(GError) error = NULL;

          page = ssv_proxy_fetch_page (self->http, proxies[i], channel_id, continuation, cancellable, &error);
          if (page == NULL || !save_page (self, channel_id, page, -1, &error))
            {
              if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
                {
                  outcome->fatal = g_steal_pointer (&error);
                  return;
                }
              g_debug ("%s did not help with %s: %s", proxies[i], channel_id, error->message);
              break;
            }

          read_any = TRUE;
          g_free (continuation);
          continuation = g_steal_pointer (&page->continuation);
          if (continuation == NULL)
            break;
        }

      if (read_any)
        {
          if (outcome->enriched_by == NULL)
            outcome->enriched_by = "proxy";
          return;
        }
    }
}

static void
read_feed (SsvChannelService  *self,
           const char         *channel_id,
           Outcome            *outcome,
           GCancellable       *cancellable)
{
  g_autoptr(SsvYtFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  feed = ssv_youtube_fetch_feed (self->http, channel_id, cancellable, &error);
  if (feed != NULL)
    {
      g_autoptr(SsvYtChannelMeta) meta = ssv_yt_channel_meta_new ();

      meta->channel_id = g_strdup (channel_id);
      meta->title = g_strdup (feed->title);
      if (ssv_channel_store_save_meta (self->store, meta, &error) &&
          ssv_channel_store_save_videos (self->store, channel_id, feed->entries, FALSE, -1, &error))
        {
          if (outcome->enriched_by == NULL)
            outcome->enriched_by = "rss";
          return;
        }
    }

  if (stops_refresh (error))
    outcome->fatal = g_steal_pointer (&error);
  else
    g_debug ("The feed of %s could not be read: %s", channel_id, error->message);
}

static gboolean
begin_refresh (SsvChannelService *self,
               const char        *channel_id)
{
  gboolean began;

  g_mutex_lock (&self->lock);
  began = g_hash_table_add (self->refreshing, g_strdup (channel_id));
  g_mutex_unlock (&self->lock);

  return began;
}

static void
end_refresh (SsvChannelService *self,
             const char        *channel_id)
{
  g_mutex_lock (&self->lock);
  g_hash_table_remove (self->refreshing, channel_id);
  g_mutex_unlock (&self->lock);
}

static gboolean
run_refresh (SsvChannelService  *self,
             const char         *channel_id,
             SsvRefreshDepth     depth,
             GCancellable       *cancellable,
             GError            **error)
{
  Outcome outcome = { NULL, FALSE, NULL, NULL };
  SsvChannelRefresh record = { NULL, };
  GError *shown;
  gboolean ok;

  read_catalog (self, channel_id, depth, &outcome, cancellable);
  if (outcome.fatal == NULL && outcome.enriched_by != NULL)
    read_shorts (self, channel_id, &outcome, cancellable);
  if (outcome.fatal == NULL)
    read_proxies (self, channel_id, &outcome, cancellable);
  if (outcome.fatal == NULL)
    read_feed (self, channel_id, &outcome, cancellable);

  shown = outcome.fatal ? outcome.fatal : outcome.innertube_error;
  record.enriched_by = outcome.fatal ? NULL : outcome.enriched_by;
  record.complete = outcome.complete && outcome.innertube_error == NULL;
  record.error_kind = error_kind (shown);
  record.error = shown ? shown->message : NULL;

  if (!g_error_matches (outcome.fatal, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !ssv_channel_store_record_refresh (self->store, channel_id, &record, now_unix (), error))
    {
      g_clear_error (&outcome.fatal);
      g_clear_error (&outcome.innertube_error);
      return FALSE;
    }

  /* Nothing read, or the catalog in a shape we do not know: say so (the
   * saved channel stays as it was, or what the feed brought). */
  ok = shown == NULL || (outcome.fatal == NULL && outcome.enriched_by != NULL &&
                         !g_error_matches (shown, SSV_ERROR, SSV_ERROR_CHANGED));
  if (!ok)
    g_propagate_error (error, g_error_copy (shown));
  g_clear_error (&outcome.fatal);
  g_clear_error (&outcome.innertube_error);
  return ok;
}

/**
 * ssv_channel_service_refresh:
 *
 * Reads the channel and saves what came. Blocking. Fails with the reason when
 * nothing could be read, or when the catalog came in a shape we do not know
 * (the feed's newest uploads are saved all the same); the channel then
 * remembers the reason ("changed", "not-found", …). A refresh of the same
 * channel already running elsewhere makes this one a no-op.
 */
gboolean
ssv_channel_service_refresh (SsvChannelService  *self,
                             const char         *channel_id,
                             SsvRefreshDepth     depth,
                             GCancellable       *cancellable,
                             GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (SSV_IS_CHANNEL_SERVICE (self), FALSE);

  if (!ssv_yt_is_channel_id (channel_id))
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("“%s” is not a YouTube channel id."),
                   channel_id ? channel_id : "");
      return FALSE;
    }

  if (!begin_refresh (self, channel_id))
    return TRUE;

  ok = run_refresh (self, channel_id, depth, cancellable, error);
  end_refresh (self, channel_id);
  return ok;
}

/**
 * ssv_channel_service_follow:
 *
 * Resolves @text, reads the channel's whole catalog, then follows it. What it
 * uploaded before is not news. Blocking.
 *
 * Returns: (transfer full): the UC… id, or %NULL with @error set
 */
char *
ssv_channel_service_follow (SsvChannelService  *self,
                            const char         *text,
                            GCancellable       *cancellable,
                            GError            **error)
{
  g_autofree char *id = ssv_channel_service_resolve (self, text, cancellable, error);
  g_autoptr(SsvChannel) channel = NULL;

  if (id == NULL)
    return NULL;

  if (!ssv_channel_service_refresh (self, id, SSV_REFRESH_FULL, cancellable, error))
    return NULL;

  channel = ssv_channel_store_get_channel (self->store, id, error);
  if (channel == NULL || !ssv_channel_store_mark_all_announced (self->store, id, now_unix (), error))
    return NULL;

  if (!ssv_watchlist_store_set_followed (self->watchlist, SSV_WATCH_KIND_CHANNEL, "youtube", id, TRUE,
                                         channel->title, channel->avatar_url, error))
    return NULL;

  return g_steal_pointer (&id);
}

gboolean
ssv_channel_service_unfollow (SsvChannelService  *self,
                              const char         *channel_id,
                              GError            **error)
{
  return ssv_watchlist_store_set_followed (self->watchlist, SSV_WATCH_KIND_CHANNEL, "youtube", channel_id,
                                           FALSE, NULL, NULL, error);
}

/* ---- new uploads ---------------------------------------------------------------- */

typedef struct
{
  SsvChannelService *self;
  GPtrArray         *videos;
  gboolean           catching_up;
} Uploads;

static gboolean
emit_new_uploads_cb (gpointer data)
{
  Uploads *uploads = data;

  g_signal_emit (uploads->self, signals[NEW_UPLOADS], 0, uploads->videos, uploads->catching_up);
  return G_SOURCE_REMOVE;
}

static void
uploads_free (gpointer data)
{
  Uploads *uploads = data;

  g_object_unref (uploads->self);
  g_ptr_array_unref (uploads->videos);
  g_free (uploads);
}

/**
 * ssv_channel_service_check_uploads:
 * @catching_up: (out) (optional): whether the last look was long ago
 *
 * Takes the new uploads of followed channels (each told once, ever), wishes
 * those of channels that say so, and emits ::new-uploads when there are any.
 *
 * Returns: (transfer full) (element-type SsvVideo): the new uploads, or %NULL
 */
GPtrArray *
ssv_channel_service_check_uploads (SsvChannelService  *self,
                                   gint64              now,
                                   gboolean           *catching_up,
                                   GError            **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self->store));
  g_autoptr(GPtrArray) videos = NULL;
  gint64 bookmark = ssv_settings_store_get_int (db, SSV_UPLOADS_BOOKMARK_KEY, -1);
  gboolean late = bookmark >= 0 && now - bookmark > SSV_UPLOADS_CATCH_UP_GAP_S;
  guint wished = 0;

  videos = ssv_channel_store_take_new_uploads (self->store, now, &wished, error);
  if (videos == NULL || !ssv_settings_store_set_int (db, SSV_UPLOADS_BOOKMARK_KEY, now, error))
    return NULL;

  if (wished > 0 && self->wishlist != NULL)
    ssv_store_emit_changed (SSV_STORE (self->wishlist), "video");

  if (videos->len > 0)
    {
      Uploads *uploads = g_new0 (Uploads, 1);

      uploads->self = g_object_ref (self);
      uploads->videos = g_ptr_array_ref (videos);
      uploads->catching_up = late;
      ssv_dispatch_to (self->main_context, emit_new_uploads_cb, uploads, uploads_free);
    }

  if (catching_up != NULL)
    *catching_up = late;
  return g_steal_pointer (&videos);
}

/* ---- async, for the UI ---------------------------------------------------------- */

typedef struct
{
  SsvChannelService *self;
  char              *channel_id;
  GError            *error;
} Refreshed;

static gboolean
emit_refreshed_cb (gpointer data)
{
  Refreshed *refreshed = data;

  g_signal_emit (refreshed->self, signals[REFRESHED], 0, refreshed->channel_id, refreshed->error);
  return G_SOURCE_REMOVE;
}

static void
refreshed_free (gpointer data)
{
  Refreshed *refreshed = data;

  g_object_unref (refreshed->self);
  g_free (refreshed->channel_id);
  g_clear_error (&refreshed->error);
  g_free (refreshed);
}

static void
quiet_refresh_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  SsvChannelService *self = source_object;
  Refreshed *refreshed = g_new0 (Refreshed, 1);
  SsvChannel *saved = ssv_channel_store_get_channel (self->store, task_data, NULL);
  SsvRefreshDepth depth = saved != NULL && saved->complete ? SSV_REFRESH_QUICK : SSV_REFRESH_FULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  g_clear_object (&saved);
  refreshed->self = g_object_ref (self);
  refreshed->channel_id = g_strdup (task_data);
  ssv_channel_service_refresh (self, task_data, depth, cancellable, &refreshed->error);
  ssv_dispatch_to (self->main_context, emit_refreshed_cb, refreshed, refreshed_free);
  g_task_return_boolean (task, TRUE);
}

static void
start_quiet_refresh (SsvChannelService *self,
                     const char        *channel_id)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, NULL, NULL);

  g_task_set_source_tag (task, start_quiet_refresh);
  g_task_set_task_data (task, g_strdup (channel_id), g_free);
  g_task_run_in_thread (task, quiet_refresh_thread);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SsvChannelService *self = source_object;
  const char *channel_id = task_data;
  g_autoptr(GError) error = NULL;
  SsvChannel *channel;

  g_assert (!SSV_IS_MAIN_THREAD ());

  channel = ssv_channel_store_get_channel (self->store, channel_id, &error);
  if (channel == NULL && g_error_matches (error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
    {
      /* Never read: this once, the page waits for the newest videos. */
      g_clear_error (&error);
      if (!ssv_channel_service_refresh (self, channel_id, SSV_REFRESH_QUICK, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      channel = ssv_channel_store_get_channel (self->store, channel_id, &error);
    }

  if (channel == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!ssv_channel_store_mark_opened (self->store, channel_id, now_unix (), &error))
    g_debug ("Could not note the visit of %s: %s", channel_id, error->message);

  if (!channel->complete || now_unix () - channel->refreshed_at > FRESH_S)
    start_quiet_refresh (self, channel_id);

  g_task_return_pointer (task, channel, g_object_unref);
}

/**
 * ssv_channel_service_open_async:
 *
 * The saved channel, at once and without the network; a refresh follows when
 * it is stale or partial, ending in ::refreshed. Only a channel never read
 * waits for YouTube.
 */
void
ssv_channel_service_open_async (SsvChannelService   *self,
                                const char          *channel_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, ssv_channel_service_open_async);
  g_task_set_task_data (task, g_strdup (channel_id), g_free);
  g_task_run_in_thread (task, open_thread);
}

SsvChannel *
ssv_channel_service_open_finish (SsvChannelService  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
follow_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  char *id = ssv_channel_service_follow (source_object, task_data, cancellable, &error);

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (id == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, id, g_free);
}

void
ssv_channel_service_follow_async (SsvChannelService   *self,
                                  const char          *text,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, ssv_channel_service_follow_async);
  g_task_set_task_data (task, g_strdup (text), g_free);
  g_task_run_in_thread (task, follow_thread);
}

/* Returns: (transfer full): the followed channel's UC… id */
char *
ssv_channel_service_follow_finish (SsvChannelService  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
unfollow_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (ssv_channel_service_unfollow (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Stops following @channel_id in a thread; its videos stay saved. */
void
ssv_channel_service_unfollow_async (SsvChannelService   *self,
                                    const char          *channel_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, ssv_channel_service_unfollow_async);
  g_task_set_task_data (task, g_strdup (channel_id), g_free);
  g_task_run_in_thread (task, unfollow_thread);
}

gboolean
ssv_channel_service_unfollow_finish (SsvChannelService  *self,
                                     GAsyncResult       *result,
                                     GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
