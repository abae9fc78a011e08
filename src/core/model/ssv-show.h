/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-show.h: a show of the library, with roll-ups of its episodes (properties with notify). */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SSV_TYPE_SHOW (ssv_show_get_type ())

G_DECLARE_FINAL_TYPE (SsvShow, ssv_show, SSV, SHOW, GObject)

SsvShow    *ssv_show_new                  (void);
gboolean    ssv_show_update_from          (SsvShow *self,
                                           SsvShow *other);
gint64      ssv_show_get_id               (SsvShow *self);
const char *ssv_show_get_title            (SsvShow *self);
const char *ssv_show_get_sort_title       (SsvShow *self);
const char *ssv_show_get_original_title   (SsvShow *self);
int         ssv_show_get_year             (SsvShow *self);
const char *ssv_show_get_overview         (SsvShow *self);
const char *ssv_show_get_tagline          (SsvShow *self);
const char *ssv_show_get_content_rating   (SsvShow *self);
const char *ssv_show_get_status           (SsvShow *self);
const char *ssv_show_get_network          (SsvShow *self);
const char *ssv_show_get_first_air_date   (SsvShow *self);
const char *ssv_show_get_last_air_date    (SsvShow *self);
int         ssv_show_get_runtime_minutes  (SsvShow *self);
double      ssv_show_get_community_rating (SsvShow *self);
double      ssv_show_get_critic_rating    (SsvShow *self);
gint64      ssv_show_get_tmdb_id          (SsvShow *self);
gint64      ssv_show_get_tvdb_id          (SsvShow *self);
const char *ssv_show_get_imdb_id          (SsvShow *self);
const char *ssv_show_get_poster_url       (SsvShow *self);
const char *ssv_show_get_backdrop_url     (SsvShow *self);
const char *ssv_show_get_logo_url         (SsvShow *self);
gint64      ssv_show_get_added_at         (SsvShow *self);
gboolean    ssv_show_get_has_file         (SsvShow *self);
gboolean    ssv_show_get_watched          (SsvShow *self);
int         ssv_show_get_episode_count    (SsvShow *self);
int         ssv_show_get_watched_count    (SsvShow *self);
int         ssv_show_get_season_count     (SsvShow *self);
const char *ssv_show_get_genres           (SsvShow *self);
const char *ssv_show_get_server_name      (SsvShow *self);

G_END_DECLS
