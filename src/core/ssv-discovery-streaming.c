/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-discovery-streaming.c: streaming services and the wishlist: which services TMDB lists
 * for a region (for the person to pick theirs), what each wanted title streams on (read
 * from TMDB's watch providers for titles whose offers are old, kept in the library file),
 * and which wanted titles the person's services stream. */

#include "config.h"

#include "ssv-discovery-private.h"
#include "ssv-error.h"
#include "ssv-thread.h"
#include "stores/ssv-streaming-store.h"

#define REFRESH_BATCH 200

/* ---- offers per title ------------------------------------------------------------- */

/* TMDB's answer for one title, as subscription offers. A title TMDB no longer knows has none. */
static gboolean
read_title (SsvDiscovery             *self,
            const SsvStreamingTitle  *title,
            const char               *region,
            GCancellable             *cancellable,
            GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) providers = NULL;
  g_autoptr(GArray) offers = g_array_new (FALSE, FALSE, sizeof (SsvStreamingOffer));

  providers = ssv_discovery_watch_providers_sync (self, title->show ? SSV_ITEM_SHOW : SSV_ITEM_MOVIE, title->tmdb_id,
                                                  region, NULL, cancellable, &local_error);
  if (providers == NULL && !g_error_matches (local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; providers != NULL && i < providers->len; i++)
    {
      const SsvWatchProvider *provider = g_ptr_array_index (providers, i);
      SsvStreamingOffer offer = { provider->id, provider->name };

      if (g_strcmp0 (provider->kind, "flatrate") == 0)
        g_array_append_val (offers, offer);
    }

  return ssv_streaming_store_record (ssv_discovery_get_database (self), title, region,
                                     (const SsvStreamingOffer *) (gpointer) offers->data, offers->len,
                                     ssv_clock_get_now (ssv_discovery_get_clock (self)), error);
}

/**
 * ssv_discovery_refresh_streaming_sync:
 * @region: (nullable): "US", …; %NULL for ssv_discovery_dup_watch_region()
 * @max_age: offers read within this many seconds are kept as they are
 * @n_read: (out) (optional): how many titles were read
 *
 * Reads where the wanted titles stream whose offers in @region are older than
 * @max_age (a batch at a time), from TMDB's watch providers. Stops at the
 * first error that is not about one title (a refused key, a dead network):
 * what was read until then is kept.
 */
gboolean
ssv_discovery_refresh_streaming_sync (SsvDiscovery  *self,
                                      const char    *region,
                                      gint64         max_age,
                                      guint         *n_read,
                                      GCancellable  *cancellable,
                                      GError       **error)
{
  g_autofree char *default_region = region == NULL ? ssv_discovery_dup_watch_region () : NULL;
  gint64 now = ssv_clock_get_now (ssv_discovery_get_clock (self));
  g_autoptr(GArray) due = NULL;

  g_return_val_if_fail (SSV_IS_DISCOVERY (self), FALSE);

  if (region == NULL)
    region = default_region;
  if (n_read != NULL)
    *n_read = 0;

  due = ssv_streaming_store_list_due (ssv_discovery_get_database (self), region, now - max_age, REFRESH_BATCH, error);
  if (due == NULL)
    return FALSE;

  for (guint i = 0; i < due->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !read_title (self, &g_array_index (due, SsvStreamingTitle, i), region, cancellable, error))
        return FALSE;
      if (n_read != NULL)
        (*n_read)++;
    }

  return TRUE;
}

/* ---- async ------------------------------------------------------------------------ */

typedef enum { STREAMING_SERVICES, STREAMING_REFRESH, STREAMING_STREAMED } StreamingCall;

typedef struct
{
  StreamingCall  call;
  char          *region;
  gint64         max_age;
  GArray        *ids;      /* gint64: the person's services */
} Call;

static void
call_free (gpointer data)
{
  Call *call = data;

  g_free (call->region);
  g_clear_pointer (&call->ids, g_array_unref);
  g_free (call);
}

static void
call_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SsvDiscovery *self = source_object;
  Call *call = task_data;
  GError *error = NULL;
  guint n_read = 0;

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (call->call == STREAMING_REFRESH)
    {
      if (ssv_discovery_refresh_streaming_sync (self, call->region, call->max_age, &n_read, cancellable, &error))
        g_task_return_int (task, n_read);
      else
        g_task_return_error (task, error);
      return;
    }

  if (call->call == STREAMING_SERVICES)
    {
      GPtrArray *services = ssv_discovery_streaming_services_sync (self, call->region, cancellable, &error);

      if (services != NULL)
        g_task_return_pointer (task, services, (GDestroyNotify) g_ptr_array_unref);
      else
        g_task_return_error (task, error);
      return;
    }

  {
    g_autofree char *region = call->region ? g_strdup (call->region) : ssv_discovery_dup_watch_region ();
    GHashTable *streamed = ssv_streaming_store_dup_streamed (ssv_discovery_get_database (self), region,
                                                             (const gint64 *) (gpointer) call->ids->data,
                                                             call->ids->len, &error);

    if (streamed != NULL)
      g_task_return_pointer (task, streamed, (GDestroyNotify) g_hash_table_unref);
    else
      g_task_return_error (task, error);
  }
}

static void
start_call (SsvDiscovery        *self,
            Call                *call,
            gpointer             tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  ssv_discovery_run_in_thread (self, call, call_free, tag, call_thread, cancellable, callback, user_data);
}

static Call *
call_new (StreamingCall  kind,
          const char    *region)
{
  Call *call = g_new0 (Call, 1);

  call->call = kind;
  call->region = g_strdup (region);
  return call;
}

/* ssv_discovery_streaming_services_sync() in a thread. */
void
ssv_discovery_streaming_services_async (SsvDiscovery        *self,
                                        const char          *region,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  start_call (self, call_new (STREAMING_SERVICES, region), ssv_discovery_streaming_services_async, cancellable,
              callback, user_data);
}

/* Returns: (transfer full) (element-type SsvWatchProvider): the services; %NULL with @error set */
GPtrArray *
ssv_discovery_streaming_services_finish (SsvDiscovery  *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ssv_discovery_refresh_streaming_sync() in a thread. */
void
ssv_discovery_refresh_streaming_async (SsvDiscovery        *self,
                                       const char          *region,
                                       gint64               max_age,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Call *call = call_new (STREAMING_REFRESH, region);

  call->max_age = max_age;
  start_call (self, call, ssv_discovery_refresh_streaming_async, cancellable, callback, user_data);
}

gboolean
ssv_discovery_refresh_streaming_finish (SsvDiscovery  *self,
                                        GAsyncResult  *result,
                                        guint         *n_read,
                                        GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_read != NULL)
    *n_read = (guint) n;
  return TRUE;
}

/**
 * ssv_discovery_dup_streamed_async:
 * @region: (nullable): %NULL for ssv_discovery_dup_watch_region()
 * @provider_ids: (array length=n_ids): the person's services
 *
 * Which wanted titles the services stream, as last read (ssv_streaming_store_dup_streamed()),
 * in a thread. Asks TMDB nothing.
 */
void
ssv_discovery_dup_streamed_async (SsvDiscovery        *self,
                                  const char          *region,
                                  const gint64        *provider_ids,
                                  gsize                n_ids,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Call *call = call_new (STREAMING_STREAMED, region);

  call->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), (guint) n_ids);
  g_array_append_vals (call->ids, provider_ids, (guint) n_ids);
  start_call (self, call, ssv_discovery_dup_streamed_async, cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type utf8 utf8): the keys (ssv_streaming_key()); %NULL with @error set */
GHashTable *
ssv_discovery_dup_streamed_finish (SsvDiscovery  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
