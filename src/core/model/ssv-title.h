/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title.h: everything a movie's or a show's page shows, read in one go: the library's row,
 * the providers' facts, cast, crew, seasons, episodes and files (read-only properties). */

#pragma once

#include <gio/gio.h>

#include "sources/ssv-media-item.h"

G_BEGIN_DECLS

#define SSV_TYPE_TITLE (ssv_title_get_type ())

G_DECLARE_FINAL_TYPE (SsvTitle, ssv_title, SSV, TITLE, GObject)

SsvMediaKind        ssv_title_get_kind            (SsvTitle   *self);
gint64              ssv_title_get_id              (SsvTitle   *self);
gint64              ssv_title_get_tmdb_id         (SsvTitle   *self);
gboolean            ssv_title_get_owned           (SsvTitle   *self);
gboolean            ssv_title_get_wished          (SsvTitle   *self);
GObject            *ssv_title_get_item            (SsvTitle   *self);
const char         *ssv_title_get_title           (SsvTitle   *self);
int                 ssv_title_get_year            (SsvTitle   *self);
int                 ssv_title_get_last_year       (SsvTitle   *self);
const char         *ssv_title_get_tagline         (SsvTitle   *self);
const char         *ssv_title_get_overview        (SsvTitle   *self);
const char         *ssv_title_get_content_rating  (SsvTitle   *self);
int                 ssv_title_get_runtime_minutes (SsvTitle   *self);
const char         *ssv_title_get_network         (SsvTitle   *self);
const char         *ssv_title_get_server_name     (SsvTitle   *self);
const char         *ssv_title_get_logo_url        (SsvTitle   *self);
const char         *ssv_title_get_backdrop_url    (SsvTitle   *self);
const char         *ssv_title_get_poster_url      (SsvTitle   *self);
double              ssv_title_get_imdb_rating     (SsvTitle   *self);
int                 ssv_title_get_rt_score        (SsvTitle   *self);
int                 ssv_title_get_metascore       (SsvTitle   *self);
double              ssv_title_get_tmdb_rating     (SsvTitle   *self);
gboolean            ssv_title_get_synced          (SsvTitle   *self);
gboolean            ssv_title_get_watched         (SsvTitle   *self);
int                 ssv_title_get_episode_count   (SsvTitle   *self);
int                 ssv_title_get_watched_count   (SsvTitle   *self);
guint               ssv_title_get_n_seasons       (SsvTitle   *self);
const char * const *ssv_title_get_genres          (SsvTitle   *self);
const char * const *ssv_title_get_directors       (SsvTitle   *self);
const char * const *ssv_title_get_writers         (SsvTitle   *self);
const char * const *ssv_title_get_creators        (SsvTitle   *self);
GListModel         *ssv_title_get_cast            (SsvTitle   *self);
GListModel         *ssv_title_get_seasons         (SsvTitle   *self);
GListModel         *ssv_title_get_episodes        (SsvTitle   *self);
GListModel         *ssv_title_get_files           (SsvTitle   *self);
const char         *ssv_title_find_episode_title  (SsvTitle   *self,
                                                   gint64      episode_id);

G_END_DECLS
