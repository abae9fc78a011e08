/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-slskd.h: a fake slskd (searches API v0), stateful, shaped after recorded slskd answers. */

#pragma once

#include <json-glib/json-glib.h>

#include "ssv-fake-server.h"

G_BEGIN_DECLS

typedef struct _SsvFakeSlskd SsvFakeSlskd;

SsvFakeSlskd  *ssv_fake_slskd_new                (const char    *api_key);
void           ssv_fake_slskd_free               (SsvFakeSlskd  *self);
const char    *ssv_fake_slskd_get_url            (SsvFakeSlskd  *self);
SsvFakeServer *ssv_fake_slskd_get_server         (SsvFakeSlskd  *self);

/* What every search finds: a JSON list of responses (slskd's /responses shape). */
void           ssv_fake_slskd_set_responses      (SsvFakeSlskd  *self,
                                                  const char    *json);
void           ssv_fake_slskd_set_responses_fixture (SsvFakeSlskd *self,
                                                     const char   *fixture);
/* How many polls of a search say "InProgress" before it completes. */
void           ssv_fake_slskd_set_polls          (SsvFakeSlskd  *self,
                                                  guint          polls_until_complete);

guint          ssv_fake_slskd_get_n_live         (SsvFakeSlskd  *self);
gboolean       ssv_fake_slskd_wait_live          (SsvFakeSlskd  *self,
                                                  guint          n_live,
                                                  guint          timeout_ms);
guint          ssv_fake_slskd_get_n_deleted      (SsvFakeSlskd  *self);
guint          ssv_fake_slskd_get_n_stopped      (SsvFakeSlskd  *self);
GPtrArray     *ssv_fake_slskd_dup_texts          (SsvFakeSlskd  *self);
GArray        *ssv_fake_slskd_dup_start_times    (SsvFakeSlskd  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvFakeSlskd, ssv_fake_slskd_free)

G_END_DECLS
