/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-writer-private.h: what the files of the library's scan writes share. */

#pragma once

#include "stores/ssv-library-writer.h"

G_BEGIN_DECLS

/* FNV-1a: the fingerprints of what a source said, and an episode's number in its own. */
#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME  1099511628211ULL

gint64   ssv_library_item_hash      (const SsvMediaItem    *item);
gint64   ssv_library_season_hash    (const SsvMediaSeason  *season);

/* Deep scans, in the open transaction of a show's tree. */
gboolean ssv_library_prune_episodes (SsvDatabase           *db,
                                     gint64                 show_id,
                                     const char            *show_title,
                                     GHashTable            *present,
                                     guint                  unreadable,
                                     SsvWriteCounts        *counts,
                                     GPtrArray             *problems,
                                     GError               **error);

G_END_DECLS
