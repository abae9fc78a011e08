/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-plex-source.h: a Plex Media Server as a media source (X-Plex-Token, JSON or XML). */

#pragma once

#include "net/ssv-http.h"
#include "sources/ssv-media-source.h"

G_BEGIN_DECLS

#define SSV_TYPE_PLEX_SOURCE (ssv_plex_source_get_type ())

G_DECLARE_FINAL_TYPE (SsvPlexSource, ssv_plex_source, SSV, PLEX_SOURCE, GObject)

SsvPlexSource *ssv_plex_source_new             (SsvHttp        *http,
                                                const char     *url,
                                                const char     *token);
void           ssv_plex_source_set_page_size   (SsvPlexSource  *self,
                                                guint           page_size);
char          *ssv_plex_source_dup_machine_id  (SsvPlexSource  *self);
char          *ssv_plex_source_dup_server_name (SsvPlexSource  *self);
SsvMediaItem  *ssv_plex_parse_item             (JsonObject     *object,
                                                const char     *base_url);
gboolean       ssv_plex_parse_guid             (const char     *guid,
                                                SsvMediaItem   *item);
JsonNode      *ssv_plex_parse_container        (const char     *data,
                                                gsize           size,
                                                GError        **error);

G_END_DECLS
