/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-slskd.h: slskd's transfers API (enqueue, list, cancel), searches (start, poll, answers,
 * stop, delete) and version in memory, answering as slskd's controllers do, on SsvFakeServer. */

#pragma once

#include <json-glib/json-glib.h>

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
void          ssv_fake_slskd_set_downloads_dir (SsvFakeSlskd *self,
                                           const char     *dir);
void          ssv_fake_slskd_complete     (SsvFakeSlskd   *self,
                                           const char     *user,
                                           const char     *filename,
                                           GBytes         *contents);

/* Searches: what every search finds (a JSON list of responses, slskd's /responses shape),
 * and how many polls of one say "InProgress" before it completes. */
void          ssv_fake_slskd_set_responses         (SsvFakeSlskd  *self,
                                                    const char    *json);
void          ssv_fake_slskd_set_responses_fixture (SsvFakeSlskd  *self,
                                                    const char    *fixture);
void          ssv_fake_slskd_set_polls             (SsvFakeSlskd  *self,
                                                    guint          polls_until_complete);
guint         ssv_fake_slskd_get_n_live            (SsvFakeSlskd  *self);
gboolean      ssv_fake_slskd_wait_live             (SsvFakeSlskd  *self,
                                                    guint          n_live,
                                                    guint          timeout_ms);
guint         ssv_fake_slskd_get_n_deleted         (SsvFakeSlskd  *self);
guint         ssv_fake_slskd_get_n_stopped         (SsvFakeSlskd  *self);
GPtrArray    *ssv_fake_slskd_dup_texts             (SsvFakeSlskd  *self);
GArray       *ssv_fake_slskd_dup_start_times       (SsvFakeSlskd  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvFakeSlskd, ssv_fake_slskd_free)

G_END_DECLS
