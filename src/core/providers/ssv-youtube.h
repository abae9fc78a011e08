/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-youtube.h: YouTube without a key: channel pages, the RSS feed and InnerTube browse. */

#pragma once

#include <gio/gio.h>

#include "net/ssv-http.h"
#include "providers/ssv-youtube-types.h"
#include "providers/ssv-youtube-url.h"

G_BEGIN_DECLS

/* The WEB client InnerTube expects; a version YouTube served in 2026. */
#define SSV_YT_CLIENT_NAME     "WEB"
#define SSV_YT_CLIENT_VERSION  "2.20260519.10.00"

/* Blocking (worker and CLI threads). All go to the "youtube" service, whose
 * base URL SSV_YOUTUBE_URL overrides. */

/* @ref → its UC… id: InnerTube's navigation/resolve_url first, the channel
 * page (canonical link, externalId, browseId) when that fails. NOT_FOUND when
 * no channel lives there. */
char      *ssv_youtube_resolve      (SsvHttp                *http,
                                     const SsvYtChannelRef  *ref,
                                     GCancellable           *cancellable,
                                     GError                **error);

/* One page of a channel tab (@params: SSV_YT_TAB_VIDEOS, SSV_YT_TAB_SHORTS),
 * or, with @continuation, the page after. */
SsvYtPage *ssv_youtube_browse       (SsvHttp                *http,
                                     const char             *channel_id,
                                     const char             *params,
                                     const char             *continuation,
                                     gint64                  now,
                                     GCancellable           *cancellable,
                                     GError                **error);

/* The channel's feeds/videos.xml: about fifteen newest uploads, exact dates. */
SsvYtFeed *ssv_youtube_fetch_feed   (SsvHttp                *http,
                                     const char             *channel_id,
                                     GCancellable           *cancellable,
                                     GError                **error);

G_END_DECLS
