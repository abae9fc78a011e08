/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-source-factory.h: the one place that knows the kinds of source (Plex, Jellyfin, a
 * folder): makes a source from a stored server or from what a person typed, and reads who a
 * server said it is. */

#pragma once

#include "ssv-database.h"
#include "net/ssv-http.h"
#include "sources/ssv-media-source.h"
#include "ssv-secrets.h"

G_BEGIN_DECLS

SsvMediaSource *ssv_source_factory_new            (SsvHttp        *http,
                                                   const char     *kind,
                                                   const char     *url,
                                                   const char     *token,
                                                   const char     *user_id);
SsvMediaSource *ssv_source_factory_new_for_server (SsvDatabase    *database,
                                                   SsvHttp        *http,
                                                   SsvSecrets     *secrets,
                                                   gint64          server_row,
                                                   GCancellable   *cancellable,
                                                   GError        **error);
void            ssv_source_factory_read_identity  (SsvMediaSource *source,
                                                   char          **name,
                                                   char          **machine_id,
                                                   char          **user_id,
                                                   char          **user_name);

G_END_DECLS
