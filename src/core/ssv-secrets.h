/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-secrets.h: tokens and API keys in the keyring (libsecret), never anywhere else. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SSV_TYPE_SECRETS (ssv_secrets_get_type ())

G_DECLARE_FINAL_TYPE (SsvSecrets, ssv_secrets, SSV, SECRETS, GObject)

SsvSecrets *ssv_secrets_new            (void);
gboolean    ssv_secrets_store_sync     (SsvSecrets    *self,
                                        const char    *key,
                                        const char    *label,
                                        const char    *secret,
                                        GCancellable  *cancellable,
                                        GError       **error);
char       *ssv_secrets_lookup_sync    (SsvSecrets    *self,
                                        const char    *key,
                                        GCancellable  *cancellable,
                                        GError       **error);
gboolean    ssv_secrets_clear_sync     (SsvSecrets    *self,
                                        const char    *key,
                                        GCancellable  *cancellable,
                                        GError       **error);
void        ssv_secrets_store_async    (SsvSecrets    *self,
                                        const char    *key,
                                        const char    *label,
                                        const char    *secret,
                                        GCancellable  *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer       user_data);
gboolean    ssv_secrets_store_finish   (SsvSecrets    *self,
                                        GAsyncResult  *result,
                                        GError       **error);
void        ssv_secrets_lookup_async   (SsvSecrets    *self,
                                        const char    *key,
                                        GCancellable  *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer       user_data);
char       *ssv_secrets_lookup_finish  (SsvSecrets    *self,
                                        GAsyncResult  *result,
                                        GError       **error);
char       *ssv_secrets_server_key     (const char    *server_uuid);
char       *ssv_secrets_indexer_key    (gint64         indexer_id);

G_END_DECLS
