/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-nntp.h: a news server on 127.0.0.1 with the articles a test posts (430 to any other). */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SsvFakeNntp SsvFakeNntp;

SsvFakeNntp *ssv_fake_nntp_new          (void);
guint16      ssv_fake_nntp_get_port     (SsvFakeNntp  *self);
guint        ssv_fake_nntp_get_requests (SsvFakeNntp  *self);
void         ssv_fake_nntp_add_article  (SsvFakeNntp  *self,
                                         const char   *message_id,
                                         const char   *name,
                                         const guint8 *data,
                                         gsize         length);
void         ssv_fake_nntp_free         (SsvFakeNntp  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvFakeNntp, ssv_fake_nntp_free)

G_END_DECLS
