/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-server-token.c: a server's token in the keyring, under the server's UUID; older entries moved once. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-server-token.h"

/* Before schema 6 a token was stored as "server:<row id>", and every library
 * file with a server number 1 read and wrote the same entry. Now the key is
 * "server:<uuid>", the UUID being the server row's own. A server from before
 * keeps the old key in legacy_token_key until its token is first read, which
 * copies it to the new entry. The old entry stays: another library file may
 * still have to read it once. */

/**
 * ssv_server_token_dup_key:
 *
 * Returns: (transfer full): the keyring key of the server's token, or %NULL
 *   with @error set when the server is gone
 */
char *
ssv_server_token_dup_key (SsvDatabase  *db,
                          gint64        server_row,
                          GError      **error)
{
  g_autoptr(SsvServerInfo) server = ssv_server_store_get (db, server_row, error);

  if (server == NULL)
    return NULL;

  return ssv_secrets_server_key (server->uuid);
}

/**
 * ssv_server_token_lookup_sync:
 *
 * Reads the server's token. The first time for a server from before schema 6,
 * moves its token from the old entry to the new one.
 *
 * Returns: (transfer full) (nullable): the token; %NULL without an error when
 *   none is stored
 */
char *
ssv_server_token_lookup_sync (SsvSecrets           *secrets,
                              SsvDatabase          *db,
                              const SsvServerInfo  *server,
                              GCancellable         *cancellable,
                              GError              **error)
{
  g_autofree char *key = ssv_secrets_server_key (server->uuid);
  g_autofree char *label = NULL;
  g_autoptr(GError) local_error = NULL;
  char *token;

  token = ssv_secrets_lookup_sync (secrets, key, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (token == NULL && server->legacy_token_key != NULL)
    {
      token = ssv_secrets_lookup_sync (secrets, server->legacy_token_key, cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      /* Not copied (a keyring that said no): the old entry is read again next time. */
      label = g_strdup_printf (_("SoulSync Video: token for %s"), server->name);
      if (token != NULL && !ssv_secrets_store_sync (secrets, key, label, token, cancellable, &local_error))
        {
          g_debug ("The token of %s stays under %s for now: %s", server->name, server->legacy_token_key,
                   local_error->message);
          return token;
        }
    }

  if (server->legacy_token_key != NULL)
    ssv_server_store_forget_legacy_token_key (db, server->id, NULL);

  return token;
}

/**
 * ssv_server_token_store_sync:
 * @token: (nullable): the token; %NULL or empty removes it
 *
 * Stores the server's token under its UUID. From then on the entry it had
 * before schema 6 is never read: a token the person removed does not come back.
 */
gboolean
ssv_server_token_store_sync (SsvSecrets    *secrets,
                             SsvDatabase   *db,
                             gint64         server_row,
                             const char    *label,
                             const char    *token,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *key = ssv_server_token_dup_key (db, server_row, error);

  if (key == NULL || !ssv_secrets_store_sync (secrets, key, label, token, cancellable, error))
    return FALSE;

  return ssv_server_store_forget_legacy_token_key (db, server_row, error);
}
