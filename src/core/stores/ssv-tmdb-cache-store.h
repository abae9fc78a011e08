/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-tmdb-cache-store.h: TMDB answers kept for pages of titles and people outside the library. */

#pragma once

#include "ssv-database.h"

G_BEGIN_DECLS

char     *ssv_tmdb_cache_store_get    (SsvDatabase  *db,
                                       const char   *key,
                                       gint64        newer_than,
                                       GError      **error);
gboolean  ssv_tmdb_cache_store_put    (SsvDatabase  *db,
                                       const char   *key,
                                       const char   *body,
                                       gint64        now,
                                       GError      **error);
gboolean  ssv_tmdb_cache_store_prune  (SsvDatabase  *db,
                                       gint64        older_than,
                                       guint        *removed,
                                       GError      **error);

G_END_DECLS
