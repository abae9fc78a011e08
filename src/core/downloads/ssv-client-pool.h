/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-client-pool.h: the configured download clients as live SsvDownloadClient objects, secrets from the keyring. */

#pragma once

#include <gio/gio.h>

#include "downloads/ssv-download-client.h"
#include "net/ssv-http.h"
#include "ssv-secrets.h"
#include "stores/ssv-download-store.h"

G_BEGIN_DECLS

#define SSV_TYPE_CLIENT_POOL (ssv_client_pool_get_type ())

G_DECLARE_FINAL_TYPE (SsvClientPool, ssv_client_pool, SSV, CLIENT_POOL, GObject)

SsvClientPool     *ssv_client_pool_new          (SsvDownloadStore     *store,
                                                 SsvHttp              *http,
                                                 SsvSecrets           *secrets);
SsvDownloadStore  *ssv_client_pool_get_store    (SsvClientPool        *self);
SsvHttp           *ssv_client_pool_get_http     (SsvClientPool        *self);
SsvSecrets        *ssv_client_pool_get_secrets  (SsvClientPool        *self);
/* Blocking (keyring, database): call them from a worker thread. */
SsvDownloadClient *ssv_client_pool_dup_client   (SsvClientPool        *self,
                                                 gint64                client_id,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
SsvDownloadClient *ssv_client_pool_dup_for_row  (SsvClientPool        *self,
                                                 const SsvClientRow   *row,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void               ssv_client_pool_forget_all   (SsvClientPool        *self);

G_END_DECLS
