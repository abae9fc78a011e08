/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-tvdb.h: TheTVDB v4: pure parsers, and a client that logs in for a bearer token. */

#pragma once

#include <json-glib/json-glib.h>

#include "net/ssv-http.h"
#include "providers/ssv-meta.h"

G_BEGIN_DECLS

typedef struct _SsvTvdbClient SsvTvdbClient;

/* Pure */
char       *ssv_tvdb_parse_login       (JsonNode       *root,
                                        GError        **error);
GPtrArray  *ssv_tvdb_parse_search      (JsonNode       *root,
                                        GError        **error);
SsvMeta    *ssv_tvdb_parse_series      (JsonNode       *root,
                                        GError        **error);
gboolean    ssv_tvdb_parse_episodes    (JsonNode       *root,
                                        SsvMeta        *into,
                                        gboolean       *has_next,
                                        GError        **error);
const char *ssv_tvdb_time_zone_for     (const char     *country);

/* Blocking, for one worker thread. */
SsvTvdbClient *ssv_tvdb_client_new     (SsvHttp        *http,
                                        const char     *key);
void        ssv_tvdb_client_free       (SsvTvdbClient  *self);
gboolean    ssv_tvdb_client_login      (SsvTvdbClient  *self,
                                        GCancellable   *cancellable,
                                        GError        **error);
GPtrArray  *ssv_tvdb_client_search     (SsvTvdbClient  *self,
                                        const char     *query,
                                        int             year,
                                        GCancellable   *cancellable,
                                        GError        **error);
SsvMeta    *ssv_tvdb_client_fetch_series (SsvTvdbClient *self,
                                        gint64          tvdb_id,
                                        GCancellable   *cancellable,
                                        GError        **error);
gboolean    ssv_tvdb_client_fetch_episodes (SsvTvdbClient *self,
                                        gint64          tvdb_id,
                                        SsvMeta        *into,
                                        GCancellable   *cancellable,
                                        GError        **error);
guint       ssv_tvdb_client_get_logins (SsvTvdbClient  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvTvdbClient, ssv_tvdb_client_free)

G_END_DECLS
