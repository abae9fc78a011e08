/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-source-factory.c: makes the Plex, Jellyfin or folder source of a server row (with its
 * token from the keyring) or of what a person typed, and reads who the server said it is. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "sources/ssv-folder-source.h"
#include "sources/ssv-jellyfin-source.h"
#include "sources/ssv-plex-source.h"
#include "stores/ssv-server-store.h"
#include "ssv-server-token.h"
#include "sources/ssv-source-factory.h"

/**
 * ssv_source_factory_new:
 * @kind: "plex", "jellyfin" or "folder"
 * @url: the server's address, or the folder's path
 * @token: (nullable): the server's token; a folder has none
 * @user_id: (nullable): the Jellyfin user the token belongs to, when it is known
 *
 * Returns: (transfer full): the source; it has not been asked anything yet
 */
SsvMediaSource *
ssv_source_factory_new (SsvHttp    *http,
                        const char *kind,
                        const char *url,
                        const char *token,
                        const char *user_id)
{
  g_return_val_if_fail (kind != NULL && url != NULL, NULL);

  if (g_str_equal (kind, "folder"))
    return SSV_MEDIA_SOURCE (ssv_folder_source_new (url));

  if (g_str_equal (kind, "jellyfin"))
    return SSV_MEDIA_SOURCE (ssv_jellyfin_source_new (http, url, token, user_id));

  return SSV_MEDIA_SOURCE (ssv_plex_source_new (http, url, token));
}

/**
 * ssv_source_factory_new_for_server:
 * @server_row: a server's or a folder's row in the servers table
 *
 * Makes the source of a stored server or folder, with its token from the keyring.
 * Blocks on the keyring: not for the UI thread.
 *
 * Returns: (transfer full): the source, or %NULL with @error set (KEY_REJECTED when
 *   no token is stored)
 */
SsvMediaSource *
ssv_source_factory_new_for_server (SsvDatabase   *database,
                                   SsvHttp       *http,
                                   SsvSecrets    *secrets,
                                   gint64         server_row,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(SsvServerInfo) server = ssv_server_store_get (database, server_row, error);
  g_autofree char *token = NULL;

  if (server == NULL)
    return NULL;

  if (g_str_equal (server->kind, "folder"))
    return ssv_source_factory_new (http, server->kind, server->url, NULL, NULL);

  token = ssv_server_token_lookup_sync (secrets, database, server, cancellable, error);
  if (token == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED,
                     _("No token is stored for “%s”. Enter it in Preferences."), server->name);
      return NULL;
    }

  return ssv_source_factory_new (http, server->kind, server->url, token, server->user_id);
}

/**
 * ssv_source_factory_read_identity:
 * @name: (out) (optional) (transfer full) (nullable): the server's own name
 * @machine_id: (out) (optional) (transfer full) (nullable): a Plex server's machine id
 * @user_id: (out) (optional) (transfer full) (nullable): the Jellyfin user of the token
 * @user_name: (out) (optional) (transfer full) (nullable): that user's name
 *
 * Who the server said it is, once it answered (a connection test, a scan). What the kind
 * of source does not have, or has not learnt yet, is %NULL.
 */
void
ssv_source_factory_read_identity (SsvMediaSource  *source,
                                  char           **name,
                                  char           **machine_id,
                                  char           **user_id,
                                  char           **user_name)
{
  g_autofree char *found_name = NULL;
  g_autofree char *found_machine_id = NULL;
  g_autofree char *found_user_id = NULL;
  g_autofree char *found_user_name = NULL;

  g_return_if_fail (SSV_IS_MEDIA_SOURCE (source));

  if (SSV_IS_PLEX_SOURCE (source))
    {
      found_name = ssv_plex_source_dup_server_name (SSV_PLEX_SOURCE (source));
      found_machine_id = ssv_plex_source_dup_machine_id (SSV_PLEX_SOURCE (source));
    }
  else if (SSV_IS_JELLYFIN_SOURCE (source))
    {
      found_name = ssv_jellyfin_source_dup_server_name (SSV_JELLYFIN_SOURCE (source));
      found_user_id = ssv_jellyfin_source_dup_user_id (SSV_JELLYFIN_SOURCE (source));
      found_user_name = ssv_jellyfin_source_dup_user_name (SSV_JELLYFIN_SOURCE (source));
    }

  if (name != NULL)
    *name = g_steal_pointer (&found_name);
  if (machine_id != NULL)
    *machine_id = g_steal_pointer (&found_machine_id);
  if (user_id != NULL)
    *user_id = g_steal_pointer (&found_user_id);
  if (user_name != NULL)
    *user_name = g_steal_pointer (&found_user_name);
}
