/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-jellyfin-source.h: a Jellyfin server as a media source (X-Emby-Token, paged Items). */

#pragma once

#include "net/ssv-http.h"
#include "sources/ssv-media-source.h"

G_BEGIN_DECLS

#define SSV_TYPE_JELLYFIN_SOURCE (ssv_jellyfin_source_get_type ())

G_DECLARE_FINAL_TYPE (SsvJellyfinSource, ssv_jellyfin_source, SSV, JELLYFIN_SOURCE, GObject)

SsvJellyfinSource *ssv_jellyfin_source_new            (SsvHttp            *http,
                                                       const char         *url,
                                                       const char         *token,
                                                       const char         *user_id);
void               ssv_jellyfin_source_set_page_size  (SsvJellyfinSource  *self,
                                                       guint               page_size);
char              *ssv_jellyfin_source_dup_user_id    (SsvJellyfinSource  *self);
char              *ssv_jellyfin_source_dup_user_name  (SsvJellyfinSource  *self);
char              *ssv_jellyfin_source_dup_server_name (SsvJellyfinSource *self);
SsvMediaItem      *ssv_jellyfin_parse_item            (const char         *json,
                                                       gssize              length,
                                                       const char         *base_url,
                                                       GError            **error);
gboolean           ssv_jellyfin_parse_page            (const char         *json,
                                                       gsize               length,
                                                       const char         *base_url,
                                                       GPtrArray          *items,
                                                       gint64             *total,
                                                       GError            **error);

G_END_DECLS
