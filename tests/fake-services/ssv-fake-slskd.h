/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-slskd.h: slskd's transfers API (enqueue, list, cancel) and version in memory, answering as
 * slskd's TransfersController does, on SsvFakeServer. */

#pragma once

#include "ssv-fake-server.h"

G_BEGIN_DECLS

typedef struct _SsvFakeSlskd SsvFakeSlskd;

SsvFakeSlskd *ssv_fake_slskd_new          (SsvFakeServer  *server,
                                           const char     *api_key);
void          ssv_fake_slskd_free         (SsvFakeSlskd   *self);
void          ssv_fake_slskd_set_offline  (SsvFakeSlskd   *self,
                                           const char     *user);
void          ssv_fake_slskd_set_state    (SsvFakeSlskd   *self,
                                           const char     *user,
                                           const char     *filename,
                                           const char     *state,
                                           gint64          bytes_transferred,
                                           double          average_speed,
                                           const char     *exception);
guint         ssv_fake_slskd_count        (SsvFakeSlskd   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvFakeSlskd, ssv_fake_slskd_free)

G_END_DECLS
