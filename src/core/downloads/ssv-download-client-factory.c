/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-client-factory.c: makes the download client of a kind, with its secret
 * from the keyring or without. */

#include "config.h"

#include <string.h>

#include "downloads/ssv-download-client-factory.h"
#include "downloads/ssv-aria2.h"
#include "downloads/ssv-deluge.h"
#include "downloads/ssv-nzbget.h"
#include "downloads/ssv-qbittorrent.h"
#include "downloads/ssv-sabnzbd.h"
#include "downloads/ssv-slskd.h"
#include "downloads/ssv-transmission.h"
#include "net/ssv-http.h"
#include "ssv-secrets.h"

/**
 * ssv_download_client_new:
 * @config: where the client is; its strings are copied
 *
 * Returns: (transfer full): a client of @kind. Nothing is sent until a method is called.
 */
SsvDownloadClient *
ssv_download_client_new (SsvClientKind          kind,
                         SsvHttp               *http,
                         const SsvClientConfig *config)
{
  g_return_val_if_fail (SSV_IS_HTTP (http), NULL);
  g_return_val_if_fail (config != NULL, NULL);

  switch (kind)
    {
    case SSV_CLIENT_QBITTORRENT:
      return SSV_DOWNLOAD_CLIENT (ssv_qbittorrent_new (http, config));
    case SSV_CLIENT_TRANSMISSION:
      return SSV_DOWNLOAD_CLIENT (ssv_transmission_new (http, config));
    case SSV_CLIENT_DELUGE:
      return SSV_DOWNLOAD_CLIENT (ssv_deluge_new (http, config));
    case SSV_CLIENT_ARIA2:
      return SSV_DOWNLOAD_CLIENT (ssv_aria2_new (http, config));
    case SSV_CLIENT_NZBGET:
      return SSV_DOWNLOAD_CLIENT (ssv_nzbget_new (http, config));
    case SSV_CLIENT_SABNZBD:
      return SSV_DOWNLOAD_CLIENT (ssv_sabnzbd_new (http, config));
    case SSV_CLIENT_SLSKD:
      return SSV_DOWNLOAD_CLIENT (ssv_slskd_new (http, config));
    case SSV_CLIENT_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ssv_download_client_new_from_keyring:
 * @config: where the client is; its secret is ignored
 * @secret_key: the keyring key of the password or API key (ssv_secrets_client_key())
 *
 * Like ssv_download_client_new(), with the secret read from the keyring. Blocks.
 *
 * Returns: (transfer full): the client, or %NULL when the keyring could not be read
 */
SsvDownloadClient *
ssv_download_client_new_from_keyring (SsvClientKind          kind,
                                      SsvHttp               *http,
                                      SsvSecrets            *secrets,
                                      const SsvClientConfig *config,
                                      const char            *secret_key,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  g_autofree char *secret = NULL;
  g_autoptr(GError) local_error = NULL;
  SsvClientConfig with_secret;
  SsvDownloadClient *client;

  g_return_val_if_fail (SSV_IS_SECRETS (secrets), NULL);
  g_return_val_if_fail (secret_key != NULL, NULL);

  secret = ssv_secrets_lookup_sync (secrets, secret_key, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  with_secret = *config;
  with_secret.secret = secret;
  client = ssv_download_client_new (kind, http, &with_secret);

  if (secret != NULL)
    memset (secret, 0, strlen (secret));

  return client;
}
