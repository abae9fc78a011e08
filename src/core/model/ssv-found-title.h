/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-found-title.h: a movie, show or person found in the library or on TMDB, with whether
 * it is owned, wished or followed: what search, Discover and person pages list. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SSV_TYPE_FOUND_TITLE (ssv_found_title_get_type ())

G_DECLARE_FINAL_TYPE (SsvFoundTitle, ssv_found_title, SSV, FOUND_TITLE, GObject)

/* Kinds, as the "kind" property names them. */
#define SSV_FOUND_MOVIE  "movie"
#define SSV_FOUND_SHOW   "show"
#define SSV_FOUND_PERSON "person"

SsvFoundTitle *ssv_found_title_new             (const char    *kind,
                                                gint64         tmdb_id,
                                                const char    *title);
const char    *ssv_found_title_get_kind        (SsvFoundTitle *self);
gint64         ssv_found_title_get_tmdb_id     (SsvFoundTitle *self);
gint64         ssv_found_title_get_library_id  (SsvFoundTitle *self);
const char    *ssv_found_title_get_title       (SsvFoundTitle *self);
int            ssv_found_title_get_year        (SsvFoundTitle *self);
const char    *ssv_found_title_get_overview    (SsvFoundTitle *self);
const char    *ssv_found_title_get_image_url   (SsvFoundTitle *self);
const char    *ssv_found_title_get_known_for   (SsvFoundTitle *self);
const char    *ssv_found_title_get_role        (SsvFoundTitle *self);
double         ssv_found_title_get_popularity  (SsvFoundTitle *self);
gboolean       ssv_found_title_get_owned       (SsvFoundTitle *self);
gboolean       ssv_found_title_get_wished      (SsvFoundTitle *self);
gboolean       ssv_found_title_get_followed    (SsvFoundTitle *self);
char          *ssv_found_title_dup_key         (SsvFoundTitle *self);

G_END_DECLS
