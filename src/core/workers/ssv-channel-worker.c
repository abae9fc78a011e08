/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-worker.c: the YouTube channel worker. Its queue is the followed
 * channels that are due (never read; partial and not yet read again; read more
 * than 6 h ago, or an hour ago while dates are missing): each is refreshed, the
 * whole catalog for a partial one, the newest page for a complete one. After
 * each, new uploads are looked for. Like the other workers it pauses while a
 * library scan writes, cools down on a 429 and shows in Manage Workers. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "workers/ssv-channel-worker.h"

struct _SsvChannelWorker
{
  SsvWorker          parent_instance;

  SsvChannelService *service;
};

G_DEFINE_FINAL_TYPE (SsvChannelWorker, ssv_channel_worker, SSV_TYPE_WORKER)

static GPtrArray *
next_items (SsvWorker  *worker,
            gint64      now,
            guint       limit,
            GError    **error)
{
  SsvChannelWorker *self = SSV_CHANNEL_WORKER (worker);
  SsvChannelStore *store = ssv_channel_service_get_store (self->service);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_work_item_free);

  due = ssv_channel_store_list_due (store, now, ssv_channel_service_has_proxies (self->service), error);
  if (due == NULL)
    return NULL;

  for (guint i = 0; i < due->len && items->len < limit; i++)
    {
      const char *channel_id = g_ptr_array_index (due, i);
      g_autoptr(SsvChannel) channel = NULL;
      SsvWorkItem *item;
      gint64 row;

      /* A channel followed from elsewhere gets its row now. */
      row = ssv_channel_store_ensure_channel (store, channel_id, error);
      if (row < 0)
        return NULL;
      channel = ssv_channel_store_get_channel_by_row (store, row, error);
      if (channel == NULL)
        return NULL;

      item = ssv_worker_item_new (row, ssv_channel_get_title (channel) ? ssv_channel_get_title (channel) : channel_id,
                                  ssv_channel_get_refreshed_at (channel) > 0);
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

static gboolean
process_item (SsvWorker          *worker,
              const SsvWorkItem  *item,
              const char         *key,
              SsvOutcome         *outcome,
              GCancellable       *cancellable,
              GError            **error)
{
  SsvChannelWorker *self = SSV_CHANNEL_WORKER (worker);
  SsvChannelStore *store = ssv_channel_service_get_store (self->service);
  g_autoptr(SsvChannel) channel = ssv_channel_store_get_channel_by_row (store, item->id, error);
  g_autoptr(GPtrArray) uploads = NULL;
  g_autoptr(GError) uploads_error = NULL;
  SsvRefreshDepth depth;

  if (channel == NULL)
    return FALSE;

  depth = ssv_channel_get_complete (channel) ? SSV_REFRESH_QUICK : SSV_REFRESH_FULL;
  if (!ssv_channel_service_refresh (self->service, ssv_channel_get_channel_id (channel), depth, cancellable, error))
    return FALSE;

  uploads = ssv_channel_service_check_uploads (self->service, g_get_real_time () / G_USEC_PER_SEC, NULL,
                                               &uploads_error);
  if (uploads == NULL)
    g_warning ("Could not look for new uploads: %s", uploads_error->message);

  *outcome = SSV_OUTCOME_MATCHED;
  return TRUE;
}

/* The service already noted why on the channel (error_kind, attempted_at),
 * which keeps it out of the queue for a while. */
static gboolean
record_failure (SsvWorker          *worker,
                const SsvWorkItem  *item,
                SsvOutcome          outcome,
                const GError       *error,
                GError            **record_error)
{
  g_debug ("channel %s: %s", item->title, error->message);
  return TRUE;
}

static void
ssv_channel_worker_dispose (GObject *object)
{
  SsvChannelWorker *self = SSV_CHANNEL_WORKER (object);

  G_OBJECT_CLASS (ssv_channel_worker_parent_class)->dispose (object);

  g_clear_object (&self->service);
}

static void
ssv_channel_worker_class_init (SsvChannelWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsvWorkerClass *worker_class = SSV_WORKER_CLASS (klass);

  object_class->dispose = ssv_channel_worker_dispose;

  worker_class->process_item = process_item;
  worker_class->next_items = next_items;
  worker_class->record_failure = record_failure;
  worker_class->keyless = TRUE;
  /* The name is the HTTP service's, so a 429's cooldown is found. */
  ssv_worker_class_set_provider (worker_class, "youtube", "YouTube channels");
}

static void
ssv_channel_worker_init (SsvChannelWorker *self)
{
}

SsvWorker *
ssv_channel_worker_new (SsvDatabase       *database,
                        SsvHttp           *http,
                        SsvChannelService *service)
{
  SsvChannelWorker *self = g_object_new (SSV_TYPE_CHANNEL_WORKER,
                                         "database", database,
                                         "http", http,
                                         NULL);

  self->service = g_object_ref (service);
  return SSV_WORKER (self);
}
