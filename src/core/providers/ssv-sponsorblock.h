/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-sponsorblock.h: SponsorBlock segments through the privacy-preserving hash-prefix lookup. */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "net/ssv-http.h"
#include "providers/ssv-youtube-types.h"

G_BEGIN_DECLS

/* The categories asked for: all that mark a part of a video. */
#define SSV_SPONSORBLOCK_CATEGORIES \
  "[\"sponsor\",\"selfpromo\",\"interaction\",\"intro\",\"outro\",\"preview\",\"music_offtopic\",\"filler\"]"

/* The first four hex characters of the video id's SHA-256: all SponsorBlock learns. */
char      *ssv_sponsorblock_prefix   (const char    *video_id);

/* Pure: a skipSegments/{prefix} answer (every video whose hash shares the
 * prefix) → @video_id's segments, maybe none. An answer that is no list of
 * videos fails with CHANGED. */
GPtrArray *ssv_sponsorblock_parse    (JsonNode      *root,
                                      const char    *video_id,
                                      GError       **error);

/* Blocking. A 404 (nothing for any video of the prefix) is no segments. */
GPtrArray *ssv_sponsorblock_fetch    (SsvHttp       *http,
                                      const char    *video_id,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
