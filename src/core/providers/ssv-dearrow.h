/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-dearrow.h: DeArrow's crowd-written titles. */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "net/ssv-http.h"

G_BEGIN_DECLS

/* Pure: a branding answer → the first crowd title that is not the original,
 * or NULL (no error) when there is none. CHANGED when it has no titles list. */
char     *ssv_dearrow_parse   (JsonNode      *root,
                               gboolean      *known,
                               GError       **error);

/* Blocking. A 404 (nothing submitted) is no title. */
char     *ssv_dearrow_fetch   (SsvHttp       *http,
                               const char    *video_id,
                               gboolean      *known,
                               GCancellable  *cancellable,
                               GError       **error);

G_END_DECLS
