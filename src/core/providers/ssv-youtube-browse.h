/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-youtube-browse.h: InnerTube youtubei/v1/browse answers: a channel's videos and header. */

#pragma once

#include <json-glib/json-glib.h>

#include "providers/ssv-youtube-types.h"

G_BEGIN_DECLS

/* The browse request's params for a channel's Videos and Shorts tabs. */
#define SSV_YT_TAB_VIDEOS  "EgZ2aWRlb3PyBgQKAjoA"
#define SSV_YT_TAB_SHORTS  "EgZzaG9ydHPyBgUKA5oBAA%3D%3D"

/* Pure: a first page (a tab: header, metadata, grid) or a continuation page
 * (onResponseReceivedActions) → videos, Shorts kept apart, the channel's
 * header and the next page's token. Reads both shapes YouTube serves: the
 * older richItemRenderer/videoRenderer and the lockupViewModel one. Relative
 * dates ("3 months ago") are taken at @now and flagged approximate.
 *
 * An answer whose shape is unknown fails with SSV_ERROR_CHANGED ("YouTube
 * changed its page"); it is never read as an empty channel. */
SsvYtPage *ssv_yt_browse_parse (JsonNode  *root,
                                gint64     now,
                                GError   **error);

G_END_DECLS
