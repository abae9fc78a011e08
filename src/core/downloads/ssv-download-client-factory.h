/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-client-factory.h: makes the download client of a kind; apart from the
 * interface, which every client's header includes, so that no include goes both ways. */

#pragma once

#include "downloads/ssv-download-client.h"

G_BEGIN_DECLS

SsvDownloadClient *ssv_download_client_new              (SsvClientKind          kind,
                                                         SsvHttp               *http,
                                                         const SsvClientConfig *config);
SsvDownloadClient *ssv_download_client_new_from_keyring (SsvClientKind          kind,
                                                         SsvHttp               *http,
                                                         SsvSecrets            *secrets,
                                                         const SsvClientConfig *config,
                                                         const char            *secret_key,
                                                         GCancellable          *cancellable,
                                                         GError               **error);

G_END_DECLS
