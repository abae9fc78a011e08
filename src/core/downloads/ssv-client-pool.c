/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-client-pool.c: one SsvDownloadClient per configured client, made on first use with its
 * secret from the keyring and kept (with its login session) until the configuration changes. */

#include "config.h"

#include "downloads/ssv-client-pool.h"
#include "downloads/ssv-download-client-factory.h"

struct _SsvClientPool
{
  GObject            parent_instance;

  SsvDownloadStore  *store;
  SsvHttp           *http;
  SsvSecrets        *secrets;     /* NULL: no keyring (tests); clients go without a secret */
  GMutex             lock;
  GHashTable        *clients;     /* gint64 id → SsvDownloadClient */
  gulong             changed_id;
};

G_DEFINE_FINAL_TYPE (SsvClientPool, ssv_client_pool, G_TYPE_OBJECT)

static void
ssv_client_pool_finalize (GObject *object)
{
  SsvClientPool *self = SSV_CLIENT_POOL (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->http);
  g_clear_object (&self->secrets);
  g_clear_pointer (&self->clients, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ssv_client_pool_parent_class)->finalize (object);
}

static void
ssv_client_pool_class_init (SsvClientPoolClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssv_client_pool_finalize;
}

static void
ssv_client_pool_init (SsvClientPool *self)
{
  g_mutex_init (&self->lock);
  self->clients = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

static void
on_store_changed (SsvStore      *store,
                  const char    *detail,
                  SsvClientPool *self)
{
  if (g_strcmp0 (detail, "client") == 0)
    ssv_client_pool_forget_all (self);
}

SsvClientPool *
ssv_client_pool_new (SsvDownloadStore *store,
                     SsvHttp          *http,
                     SsvSecrets       *secrets)
{
  SsvClientPool *self;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_STORE (store), NULL);
  g_return_val_if_fail (SSV_IS_HTTP (http), NULL);

  self = g_object_new (SSV_TYPE_CLIENT_POOL, NULL);
  self->store = g_object_ref (store);
  self->http = g_object_ref (http);
  self->secrets = secrets != NULL ? g_object_ref (secrets) : NULL;
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);

  return self;
}

SsvDownloadStore *
ssv_client_pool_get_store (SsvClientPool *self)
{
  g_return_val_if_fail (SSV_IS_CLIENT_POOL (self), NULL);
  return self->store;
}

SsvHttp *
ssv_client_pool_get_http (SsvClientPool *self)
{
  g_return_val_if_fail (SSV_IS_CLIENT_POOL (self), NULL);
  return self->http;
}

SsvSecrets *
ssv_client_pool_get_secrets (SsvClientPool *self)
{
  g_return_val_if_fail (SSV_IS_CLIENT_POOL (self), NULL);
  return self->secrets;
}

void
ssv_client_pool_forget_all (SsvClientPool *self)
{
  g_return_if_fail (SSV_IS_CLIENT_POOL (self));

  g_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->clients);
  g_mutex_unlock (&self->lock);
}

SsvDownloadClient *
ssv_client_pool_dup_for_row (SsvClientPool       *self,
                             const SsvClientRow  *row,
                             GCancellable        *cancellable,
                             GError             **error)
{
  SsvDownloadClient *client;
  SsvClientConfig config = { 0 };

  g_return_val_if_fail (SSV_IS_CLIENT_POOL (self), NULL);
  g_return_val_if_fail (row != NULL, NULL);

  g_mutex_lock (&self->lock);
  client = g_hash_table_lookup (self->clients, &row->id);
  if (client != NULL)
    g_object_ref (client);
  g_mutex_unlock (&self->lock);
  if (client != NULL)
    return client;

  config.url = row->url;
  config.username = row->username;
  config.category = row->category;
  if (self->secrets != NULL)
    {
      g_autofree char *key = ssv_secrets_client_key (row->id);

      client = ssv_download_client_new_from_keyring (row->kind, self->http, self->secrets, &config, key,
                                                     cancellable, error);
      if (client == NULL)
        return NULL;
    }
  else
    client = ssv_download_client_new (row->kind, self->http, &config);

  g_mutex_lock (&self->lock);
  if (!g_hash_table_contains (self->clients, &row->id))
    g_hash_table_insert (self->clients, g_memdup2 (&row->id, sizeof row->id), g_object_ref (client));
  g_mutex_unlock (&self->lock);

  return client;
}

SsvDownloadClient *
ssv_client_pool_dup_client (SsvClientPool  *self,
                            gint64          client_id,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autoptr(SsvClientRow) row = NULL;

  g_return_val_if_fail (SSV_IS_CLIENT_POOL (self), NULL);

  g_mutex_lock (&self->lock);
  {
    SsvDownloadClient *client = g_hash_table_lookup (self->clients, &client_id);

    if (client != NULL)
      {
        g_object_ref (client);
        g_mutex_unlock (&self->lock);
        return client;
      }
  }
  g_mutex_unlock (&self->lock);

  row = ssv_download_store_get_client (self->store, client_id, error);
  if (row == NULL)
    return NULL;

  return ssv_client_pool_dup_for_row (self, row, cancellable, error);
}
