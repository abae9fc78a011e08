/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-network-activity.c: counts every request the app sends. SsvHttp tells it
 * of each one (the single place they all pass), counts gather in memory and go
 * to the library in one transaction now and then, so a busy image grid costs
 * no write per picture and a long scan transaction never stalls a request. */

#include "config.h"

#include "ssv-network-activity.h"
#include "stores/ssv-network-activity-store.h"
#include "ssv-thread.h"

#define FLUSH_INTERVAL_S 30

struct _SsvNetworkActivity
{
  GObject       parent_instance;

  SsvDatabase  *database;
  GMainContext *main_context;
  GMutex        lock;
  GHashTable   *pending;        /* "day\nfeature\nhost" → count (gint64 *) */
  guint         flush_source;   /* guarded by lock */
};

G_DEFINE_FINAL_TYPE (SsvNetworkActivity, ssv_network_activity, G_TYPE_OBJECT)

static void
ssv_network_activity_dispose (GObject *object)
{
  SsvNetworkActivity *self = SSV_NETWORK_ACTIVITY (object);
  g_autoptr(GError) error = NULL;

  if (self->database != NULL && !ssv_network_activity_flush (self, &error))
    g_warning ("Could not write the network activity: %s", error->message);

  g_mutex_lock (&self->lock);
  if (self->flush_source != 0)
    {
      GSource *source = g_main_context_find_source_by_id (self->main_context, self->flush_source);

      if (source != NULL)
        g_source_destroy (source);
      self->flush_source = 0;
    }
  g_mutex_unlock (&self->lock);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (ssv_network_activity_parent_class)->dispose (object);
}

static void
ssv_network_activity_finalize (GObject *object)
{
  SsvNetworkActivity *self = SSV_NETWORK_ACTIVITY (object);

  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->main_context, g_main_context_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ssv_network_activity_parent_class)->finalize (object);
}

static void
ssv_network_activity_class_init (SsvNetworkActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_network_activity_dispose;
  object_class->finalize = ssv_network_activity_finalize;
}

static void
ssv_network_activity_init (SsvNetworkActivity *self)
{
  g_mutex_init (&self->lock);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->main_context = g_main_context_ref_thread_default ();
}

SsvNetworkActivity *
ssv_network_activity_new (SsvDatabase *database)
{
  SsvNetworkActivity *self = g_object_new (SSV_TYPE_NETWORK_ACTIVITY, NULL);

  self->database = g_object_ref (database);
  return self;
}

static void
observe (const char *service,
         const char *host,
         guint       status,
         gpointer    user_data)
{
  ssv_network_activity_note (user_data, service, host);
}

void
ssv_network_activity_watch (SsvNetworkActivity *self,
                            SsvHttp            *http)
{
  g_return_if_fail (SSV_IS_NETWORK_ACTIVITY (self));

  ssv_http_set_observer (http, observe, g_object_ref (self), g_object_unref);
}

static void
flush_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_assert (!SSV_IS_MAIN_THREAD ());

  g_autoptr(GError) error = NULL;

  if (!ssv_network_activity_flush (source_object, &error))
    g_warning ("Could not write the network activity: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

static gboolean
flush_cb (gpointer user_data)
{
  SsvNetworkActivity *self = user_data;
  g_autoptr(GTask) task = g_task_new (self, NULL, NULL, NULL);

  g_mutex_lock (&self->lock);
  self->flush_source = 0;
  g_mutex_unlock (&self->lock);

  g_task_set_source_tag (task, flush_cb);
  g_task_run_in_thread (task, flush_thread);
  return G_SOURCE_REMOVE;
}

void
ssv_network_activity_note (SsvNetworkActivity *self,
                           const char         *feature,
                           const char         *host)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *key = NULL;
  gint64 *count;

  g_return_if_fail (SSV_IS_NETWORK_ACTIVITY (self));

  if (host == NULL || host[0] == '\0')
    return;

  key = g_strjoin ("\n", day, feature ? feature : "other", host, NULL);
  g_mutex_lock (&self->lock);
  count = g_hash_table_lookup (self->pending, key);
  if (count == NULL)
    {
      count = g_new0 (gint64, 1);
      g_hash_table_insert (self->pending, g_steal_pointer (&key), count);
    }
  (*count)++;

  if (self->flush_source == 0)
    {
      GSource *source = g_timeout_source_new_seconds (FLUSH_INTERVAL_S);

      g_source_set_callback (source, flush_cb, g_object_ref (self), g_object_unref);
      g_source_set_static_name (source, "[ssv] network activity flush");
      self->flush_source = g_source_attach (source, self->main_context);
      g_source_unref (source);
    }
  g_mutex_unlock (&self->lock);
}

gboolean
ssv_network_activity_flush (SsvNetworkActivity  *self,
                            GError             **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_host_activity_free);
  g_autoptr(GHashTable) taken = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (SSV_IS_NETWORK_ACTIVITY (self), FALSE);

  g_mutex_lock (&self->lock);
  taken = g_steal_pointer (&self->pending);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_unlock (&self->lock);

  g_hash_table_iter_init (&iter, taken);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\n", 3);

      g_ptr_array_add (rows, ssv_host_activity_new (parts[0], parts[1], parts[2], *(gint64 *) value));
    }

  if (ssv_network_activity_store_add (self->database, rows, error))
    return TRUE;

  /* Not lost: the counts go back for the next try. */
  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, taken);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 *count = g_hash_table_lookup (self->pending, key);

      if (count != NULL)
        *count += *(gint64 *) value;
      else
        {
          g_hash_table_iter_steal (&iter);
          g_hash_table_insert (self->pending, key, value);
        }
    }
  g_mutex_unlock (&self->lock);
  return FALSE;
}
