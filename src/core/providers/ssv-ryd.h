/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-ryd.h: Return YouTube Dislike's estimates of a video's likes and dislikes. */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "net/ssv-http.h"

G_BEGIN_DECLS

/* Pure: a /votes answer → likes and dislikes (-1 when absent). CHANGED when
 * it has neither. */
gboolean  ssv_ryd_parse   (JsonNode      *root,
                           gint64        *likes,
                           gint64        *dislikes,
                           GError       **error);

/* Blocking. NOT_FOUND when the service knows nothing of the video. */
gboolean  ssv_ryd_fetch   (SsvHttp       *http,
                           const char    *video_id,
                           gint64        *likes,
                           gint64        *dislikes,
                           GCancellable  *cancellable,
                           GError       **error);

G_END_DECLS
