/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-where-to-watch.h: a title page's Where to Watch: streaming, rent and buy, from TMDB. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"
#include "providers/ssv-meta.h"

G_BEGIN_DECLS

#define SSV_TYPE_WHERE_TO_WATCH (ssv_where_to_watch_get_type ())

G_DECLARE_FINAL_TYPE (SsvWhereToWatch, ssv_where_to_watch, SSV, WHERE_TO_WATCH, AdwPreferencesGroup)

void        ssv_where_to_watch_load        (SsvWhereToWatch *self,
                                            SsvContext      *context,
                                            SsvItemKind      kind,
                                            gint64           tmdb_id);
const char *ssv_where_to_watch_get_state   (SsvWhereToWatch *self);
const char *ssv_where_to_watch_get_message (SsvWhereToWatch *self);
GtkListBox *ssv_where_to_watch_get_list    (SsvWhereToWatch *self);

G_END_DECLS
