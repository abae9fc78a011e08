/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-episode.h: one episode of a show (properties with notify). */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SSV_TYPE_EPISODE (ssv_episode_get_type ())

G_DECLARE_FINAL_TYPE (SsvEpisode, ssv_episode, SSV, EPISODE, GObject)

SsvEpisode *ssv_episode_new                 (void);
gboolean    ssv_episode_update_from         (SsvEpisode *self,
                                             SsvEpisode *other);
gint64      ssv_episode_get_id              (SsvEpisode *self);
gint64      ssv_episode_get_show_id         (SsvEpisode *self);
int         ssv_episode_get_season_number   (SsvEpisode *self);
int         ssv_episode_get_episode_number  (SsvEpisode *self);
const char *ssv_episode_get_title           (SsvEpisode *self);
const char *ssv_episode_get_overview        (SsvEpisode *self);
const char *ssv_episode_get_air_date        (SsvEpisode *self);
int         ssv_episode_get_runtime_minutes (SsvEpisode *self);
const char *ssv_episode_get_still_url       (SsvEpisode *self);
double      ssv_episode_get_rating          (SsvEpisode *self);
gint64      ssv_episode_get_tmdb_id         (SsvEpisode *self);
gint64      ssv_episode_get_tvdb_id         (SsvEpisode *self);
const char *ssv_episode_get_imdb_id         (SsvEpisode *self);
gboolean    ssv_episode_get_watched         (SsvEpisode *self);
int         ssv_episode_get_play_count      (SsvEpisode *self);
gboolean    ssv_episode_get_has_file        (SsvEpisode *self);
const char *ssv_episode_get_file_path       (SsvEpisode *self);

G_END_DECLS
