/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-plex.h: a Plex Media Server in memory (sections, paging, children, allLeaves). */

#pragma once

#include <json-glib/json-glib.h>

#include "ssv-fake-server.h"

G_BEGIN_DECLS

typedef struct _SsvFakePlex SsvFakePlex;

SsvFakePlex *ssv_fake_plex_new                (SsvFakeServer  *server,
                                               const char     *token);
void         ssv_fake_plex_free               (SsvFakePlex    *self);
void         ssv_fake_plex_add_section        (SsvFakePlex    *self,
                                               const char     *key,
                                               const char     *title,
                                               const char     *type);
JsonObject  *ssv_fake_plex_add_item           (SsvFakePlex    *self,
                                               const char     *section_key,
                                               JsonObject     *item);
guint        ssv_fake_plex_add_fixture_items  (SsvFakePlex    *self,
                                               const char     *section_key,
                                               const char     *fixture);
JsonObject  *ssv_fake_plex_add_episode        (SsvFakePlex    *self,
                                               const char     *show_key,
                                               const char     *key,
                                               int             season,
                                               int             episode,
                                               const char     *title);
void         ssv_fake_plex_remove_item        (SsvFakePlex    *self,
                                               const char     *key);
void         ssv_fake_plex_touch              (SsvFakePlex    *self,
                                               const char     *key,
                                               gint64          updated_at);
void         ssv_fake_plex_mark_watched       (SsvFakePlex    *self,
                                               const char     *key,
                                               gboolean        watched,
                                               gint64          at);

char        *ssv_fake_plex_dup_watched_calls  (SsvFakePlex    *self);
char        *ssv_fake_plex_dup_refresh_calls  (SsvFakePlex    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvFakePlex, ssv_fake_plex_free)

G_END_DECLS
