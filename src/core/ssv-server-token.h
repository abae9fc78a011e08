/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-server-token.h: a server's token in the keyring, under the server's UUID. */

#pragma once

#include "ssv-database.h"
#include "ssv-secrets.h"
#include "stores/ssv-server-store.h"

G_BEGIN_DECLS

char     *ssv_server_token_dup_key      (SsvDatabase          *db,
                                         gint64                server_row,
                                         GError              **error);
char     *ssv_server_token_lookup_sync  (SsvSecrets           *secrets,
                                         SsvDatabase          *db,
                                         const SsvServerInfo  *server,
                                         GCancellable         *cancellable,
                                         GError              **error);
gboolean  ssv_server_token_store_sync   (SsvSecrets           *secrets,
                                         SsvDatabase          *db,
                                         gint64                server_row,
                                         const char           *label,
                                         const char           *token,
                                         GCancellable         *cancellable,
                                         GError              **error);

G_END_DECLS
