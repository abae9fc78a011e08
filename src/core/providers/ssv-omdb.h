/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-omdb.h: OMDb ratings by IMDb id (IMDb, Rotten Tomatoes, Metacritic). */

#pragma once

#include <json-glib/json-glib.h>

#include "net/ssv-http.h"
#include "providers/ssv-meta.h"

G_BEGIN_DECLS

/* Pure: an answer → ratings. "Response":"False" answers become errors:
 * unknown id → NOT_FOUND, "Request limit reached!" → QUOTA, bad key → KEY_REJECTED. */
SsvMeta  *ssv_omdb_parse          (JsonNode      *root,
                                   SsvItemKind    kind,
                                   GError       **error);
gint64    ssv_omdb_next_reset     (gint64         now_unix);

SsvMeta  *ssv_omdb_fetch          (SsvHttp       *http,
                                   const char    *key,
                                   SsvItemKind    kind,
                                   const char    *imdb_id,
                                   GCancellable  *cancellable,
                                   GError       **error);
gboolean  ssv_omdb_test_key       (SsvHttp       *http,
                                   const char    *key,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_END_DECLS
