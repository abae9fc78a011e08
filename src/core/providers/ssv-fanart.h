/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fanart.h: fanart.tv artwork (logos, clear art, banners, backgrounds, posters). */

#pragma once

#include <json-glib/json-glib.h>

#include "net/ssv-http.h"
#include "providers/ssv-meta.h"

G_BEGIN_DECLS

/* Pure. @language: the metadata language ("de"); English and text-free art come next. */
SsvMeta  *ssv_fanart_parse      (JsonNode      *root,
                                 SsvItemKind    kind,
                                 const char    *language,
                                 GError       **error);

/* @id: a TMDB or IMDb id for movies, a TheTVDB id for shows. */
SsvMeta  *ssv_fanart_fetch      (SsvHttp       *http,
                                 const char    *key,
                                 SsvItemKind    kind,
                                 const char    *id,
                                 const char    *language,
                                 GCancellable  *cancellable,
                                 GError       **error);
gboolean  ssv_fanart_test_key   (SsvHttp       *http,
                                 const char    *key,
                                 GCancellable  *cancellable,
                                 GError       **error);

G_END_DECLS
