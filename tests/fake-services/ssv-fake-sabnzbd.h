/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-sabnzbd.h: SABnzbd's api (version, addurl, addfile, queue, history, get_files) in memory,
 * answering as sabnzbd/api.py does, on SsvFakeServer. */

#pragma once

#include "ssv-fake-server.h"

G_BEGIN_DECLS

typedef struct _SsvFakeSabnzbd SsvFakeSabnzbd;

SsvFakeSabnzbd *ssv_fake_sabnzbd_new          (SsvFakeServer   *server,
                                               const char      *api_key);
void            ssv_fake_sabnzbd_free         (SsvFakeSabnzbd  *self);
void            ssv_fake_sabnzbd_download     (SsvFakeSabnzbd  *self,
                                               const char      *nzo_id,
                                               double           mb_left,
                                               double           kb_per_s);
gboolean        ssv_fake_sabnzbd_finish       (SsvFakeSabnzbd  *self,
                                               const char      *nzo_id,
                                               const char      *fail_message);
char           *ssv_fake_sabnzbd_dup_url_of   (SsvFakeSabnzbd  *self,
                                               const char      *nzo_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvFakeSabnzbd, ssv_fake_sabnzbd_free)

G_END_DECLS
