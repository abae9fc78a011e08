/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-providers.h: TMDB, TheTVDB, OMDb, fanart.tv and OpenSubtitles on one fake
 * server, answering from the recorded fixtures, checking keys like the real ones. */

#pragma once

#include "ssv-fake-server.h"
#include "net/ssv-http.h"

G_BEGIN_DECLS

typedef struct _SsvFakeProviders SsvFakeProviders;

SsvFakeProviders *ssv_fake_providers_new             (SsvFakeServer     *server);
void              ssv_fake_providers_free            (SsvFakeProviders  *self);
void              ssv_fake_providers_point_http      (SsvFakeProviders  *self,
                                                      SsvHttp           *http);
void              ssv_fake_providers_set_key         (SsvFakeProviders  *self,
                                                      const char        *provider,
                                                      const char        *key);
void              ssv_fake_providers_revoke_key_after (SsvFakeProviders *self,
                                                      const char        *provider,
                                                      guint              requests);
void              ssv_fake_providers_expire_tvdb_token (SsvFakeProviders *self);
guint             ssv_fake_providers_get_tvdb_logins (SsvFakeProviders  *self);
void              ssv_fake_providers_set_omdb_limit  (SsvFakeProviders  *self,
                                                      gboolean           reached);
void              ssv_fake_providers_add_synthetic   (SsvFakeProviders  *self,
                                                      guint              n_movies,
                                                      guint              n_shows,
                                                      guint              seasons_per_show);
void              ssv_fake_providers_set_synthetic_airing (SsvFakeProviders *self,
                                                      gboolean           airing);
void              ssv_fake_providers_set_tmdb        (SsvFakeProviders  *self,
                                                      const char        *path,
                                                      guint              status,
                                                      const char        *json);
void              ssv_fake_providers_set_tmdb_fixture (SsvFakeProviders *self,
                                                      const char        *path,
                                                      const char        *fixture);
char             *ssv_fake_providers_dup_url         (SsvFakeProviders  *self,
                                                      const char        *provider);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvFakeProviders, ssv_fake_providers_free)

G_END_DECLS
