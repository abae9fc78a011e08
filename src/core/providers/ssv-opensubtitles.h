/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-opensubtitles.h: OpenSubtitles REST v1: which subtitle languages exist for a title. */

#pragma once

#include <json-glib/json-glib.h>

#include "net/ssv-http.h"
#include "providers/ssv-meta.h"

G_BEGIN_DECLS

/* Pure: adds the languages of one page to @languages (a set of strings). */
gboolean  ssv_opensubtitles_parse_page  (JsonNode      *root,
                                         GHashTable    *languages,
                                         int           *total_pages,
                                         GError       **error);
char     *ssv_opensubtitles_join        (GHashTable    *languages);

/* @imdb_id may be NULL when @tmdb_id is set, and the other way round. */
SsvMeta  *ssv_opensubtitles_fetch       (SsvHttp       *http,
                                         const char    *key,
                                         SsvItemKind    kind,
                                         const char    *imdb_id,
                                         gint64         tmdb_id,
                                         GCancellable  *cancellable,
                                         GError       **error);
gboolean  ssv_opensubtitles_test_key    (SsvHttp       *http,
                                         const char    *key,
                                         GCancellable  *cancellable,
                                         GError       **error);

G_END_DECLS
