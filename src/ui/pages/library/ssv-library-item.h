/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-item.h: what the Library's filters and sorts ask of a title (an SsvMovie or an
 * SsvShow). */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const char *ssv_library_item_title         (gpointer item);
const char *ssv_library_item_sort_key      (gpointer item);
int         ssv_library_item_year          (gpointer item);
gint64      ssv_library_item_added_at      (gpointer item);
double      ssv_library_item_rating        (gpointer item);
gboolean    ssv_library_item_watched       (gpointer item);
gboolean    ssv_library_item_has_file      (gpointer item);
const char *ssv_library_item_genres        (gpointer item);
gint64      ssv_library_item_id            (gpointer item);
const char *ssv_library_item_folded_title  (gpointer item);
void        ssv_library_item_forget_folded (gpointer item);
gboolean    ssv_library_item_has_genre     (const char *genres,
                                            const char *genre);

G_END_DECLS
