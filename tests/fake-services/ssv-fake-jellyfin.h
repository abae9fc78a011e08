/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-jellyfin.h: a Jellyfin server in memory (items, paging, users, views) on SsvFakeServer. */

#pragma once

#include <json-glib/json-glib.h>

#include "ssv-fake-server.h"

G_BEGIN_DECLS

typedef struct _SsvFakeJellyfin SsvFakeJellyfin;

SsvFakeJellyfin *ssv_fake_jellyfin_new               (SsvFakeServer    *server,
                                                      const char       *api_key);
void             ssv_fake_jellyfin_free              (SsvFakeJellyfin  *self);
void             ssv_fake_jellyfin_add_library       (SsvFakeJellyfin  *self,
                                                      const char       *id,
                                                      const char       *name,
                                                      const char       *collection_type);
JsonObject      *ssv_fake_jellyfin_add_item          (SsvFakeJellyfin  *self,
                                                      const char       *library_id,
                                                      JsonObject       *item);
guint            ssv_fake_jellyfin_add_fixture_items (SsvFakeJellyfin  *self,
                                                      const char       *library_id,
                                                      const char       *fixture);
JsonObject      *ssv_fake_jellyfin_add_movie         (SsvFakeJellyfin  *self,
                                                      const char       *library_id,
                                                      const char       *id,
                                                      const char       *name,
                                                      int               year);
JsonObject      *ssv_fake_jellyfin_add_series        (SsvFakeJellyfin  *self,
                                                      const char       *library_id,
                                                      const char       *id,
                                                      const char       *name,
                                                      int               year);
JsonObject      *ssv_fake_jellyfin_add_episode       (SsvFakeJellyfin  *self,
                                                      const char       *series_id,
                                                      const char       *id,
                                                      int               season,
                                                      int               episode,
                                                      const char       *name);
void             ssv_fake_jellyfin_remove_item       (SsvFakeJellyfin  *self,
                                                      const char       *id);
void             ssv_fake_jellyfin_touch             (SsvFakeJellyfin  *self,
                                                      const char       *id);
void             ssv_fake_jellyfin_mark_played       (SsvFakeJellyfin  *self,
                                                      const char       *id,
                                                      gboolean          played);
void             ssv_fake_jellyfin_set_clock         (SsvFakeJellyfin  *self,
                                                      gint64            unix_seconds);
JsonObject      *ssv_fake_jellyfin_lookup            (SsvFakeJellyfin  *self,
                                                      const char       *id);

char            *ssv_fake_jellyfin_dup_played_calls  (SsvFakeJellyfin  *self);
guint            ssv_fake_jellyfin_get_refreshes     (SsvFakeJellyfin  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvFakeJellyfin, ssv_fake_jellyfin_free)

G_END_DECLS
