/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-movie.h: a movie of the library, as the grid and the detail page show it (properties with notify). */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SSV_TYPE_MOVIE (ssv_movie_get_type ())

G_DECLARE_FINAL_TYPE (SsvMovie, ssv_movie, SSV, MOVIE, GObject)

SsvMovie   *ssv_movie_new                  (void);
gboolean    ssv_movie_update_from          (SsvMovie *self,
                                            SsvMovie *other);
gint64      ssv_movie_get_id               (SsvMovie *self);
const char *ssv_movie_get_title            (SsvMovie *self);
const char *ssv_movie_get_sort_title       (SsvMovie *self);
const char *ssv_movie_get_original_title   (SsvMovie *self);
int         ssv_movie_get_year             (SsvMovie *self);
const char *ssv_movie_get_overview         (SsvMovie *self);
const char *ssv_movie_get_tagline          (SsvMovie *self);
const char *ssv_movie_get_content_rating   (SsvMovie *self);
int         ssv_movie_get_runtime_minutes  (SsvMovie *self);
const char *ssv_movie_get_release_date     (SsvMovie *self);
const char *ssv_movie_get_studio           (SsvMovie *self);
double      ssv_movie_get_community_rating (SsvMovie *self);
double      ssv_movie_get_critic_rating    (SsvMovie *self);
gint64      ssv_movie_get_tmdb_id          (SsvMovie *self);
const char *ssv_movie_get_imdb_id          (SsvMovie *self);
gint64      ssv_movie_get_tvdb_id          (SsvMovie *self);
const char *ssv_movie_get_poster_url       (SsvMovie *self);
const char *ssv_movie_get_backdrop_url     (SsvMovie *self);
const char *ssv_movie_get_logo_url         (SsvMovie *self);
gboolean    ssv_movie_get_watched          (SsvMovie *self);
int         ssv_movie_get_play_count       (SsvMovie *self);
gint64      ssv_movie_get_resume_position  (SsvMovie *self);
gint64      ssv_movie_get_added_at         (SsvMovie *self);
gboolean    ssv_movie_get_has_file         (SsvMovie *self);
const char *ssv_movie_get_genres           (SsvMovie *self);
const char *ssv_movie_get_server_name      (SsvMovie *self);

G_END_DECLS
