/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-tmdb.h: The Movie Database (v3): pure parsers and the blocking calls that feed them. */

#pragma once

#include <json-glib/json-glib.h>

#include "net/ssv-http.h"
#include "providers/ssv-meta.h"

G_BEGIN_DECLS

typedef struct
{
  const char *image_base;   /* "https://image.tmdb.org/t/p" */
  const char *language;     /* "en-US" */
  const char *region;       /* "US" */
} SsvTmdbOptions;

/* Pure: JSON in, records out; no I/O, no globals. */
GPtrArray *ssv_tmdb_parse_search      (JsonNode              *root,
                                       SsvItemKind            kind,
                                       const SsvTmdbOptions  *options,
                                       GError               **error);
SsvMeta   *ssv_tmdb_parse_details     (JsonNode              *root,
                                       SsvItemKind            kind,
                                       const SsvTmdbOptions  *options,
                                       GError               **error);
gboolean   ssv_tmdb_parse_season      (JsonNode              *root,
                                       int                    season_number,
                                       const SsvTmdbOptions  *options,
                                       SsvMeta               *into,
                                       GError               **error);
char      *ssv_tmdb_image_url         (const SsvTmdbOptions  *options,
                                       const char            *size,
                                       const char            *file_path);
char     **ssv_tmdb_parse_alternative_titles (JsonNode       *root,
                                       GError               **error);

/* Blocking calls for worker threads. @key is a v3 API key or a v4 read token. */
SsvHttpRequest *ssv_tmdb_request_new  (const char            *path,
                                       const char            *key);
GPtrArray *ssv_tmdb_search            (SsvHttp               *http,
                                       const char            *key,
                                       SsvItemKind            kind,
                                       const char            *query,
                                       int                    year,
                                       const SsvTmdbOptions  *options,
                                       GCancellable          *cancellable,
                                       GError               **error);
SsvMeta   *ssv_tmdb_fetch_details     (SsvHttp               *http,
                                       const char            *key,
                                       SsvItemKind            kind,
                                       gint64                 tmdb_id,
                                       const SsvTmdbOptions  *options,
                                       GCancellable          *cancellable,
                                       GError               **error);
SsvMeta   *ssv_tmdb_fetch_refresh     (SsvHttp               *http,
                                       const char            *key,
                                       SsvItemKind            kind,
                                       gint64                 tmdb_id,
                                       GArray                *seasons,
                                       const SsvTmdbOptions  *options,
                                       GCancellable          *cancellable,
                                       GError               **error);
gboolean   ssv_tmdb_fetch_season      (SsvHttp               *http,
                                       const char            *key,
                                       gint64                 show_tmdb_id,
                                       int                    season_number,
                                       const SsvTmdbOptions  *options,
                                       SsvMeta               *into,
                                       GCancellable          *cancellable,
                                       GError               **error);
char     **ssv_tmdb_fetch_alternative_titles (SsvHttp       *http,
                                       const char            *key,
                                       SsvItemKind            kind,
                                       gint64                 tmdb_id,
                                       GCancellable          *cancellable,
                                       GError               **error);
gboolean   ssv_tmdb_test_key          (SsvHttp               *http,
                                       const char            *key,
                                       GCancellable          *cancellable,
                                       GError               **error);

G_END_DECLS
