/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-youtube-rss.h: a channel's Atom feed (feeds/videos.xml): its newest uploads, exact dates. */

#pragma once

#include <glib.h>

#include "providers/ssv-youtube-types.h"

G_BEGIN_DECLS

/* Pure: the feed's bytes → its channel and entries (exact dates, Shorts by
 * their /shorts/ link). Not XML → MALFORMED; XML that is no channel feed →
 * CHANGED. Entries without a usable video id are skipped. */
SsvYtFeed *ssv_yt_rss_parse (const char  *data,
                             gsize        length,
                             GError     **error);

G_END_DECLS
