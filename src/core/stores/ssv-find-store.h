/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-find-store.h: titles and people of the library by name, and which TMDB titles the
 * library owns or the wishlist wants. */

#pragma once

#include "ssv-database.h"

G_BEGIN_DECLS

GPtrArray *ssv_find_store_search_library (SsvDatabase  *db,
                                          const char   *query,
                                          guint         limit,
                                          GError      **error);
gboolean   ssv_find_store_mark           (SsvDatabase  *db,
                                          GPtrArray    *found,
                                          GError      **error);

G_END_DECLS
