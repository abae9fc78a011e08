/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-season.h: one season of a show (properties with notify). */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SSV_TYPE_SEASON (ssv_season_get_type ())

G_DECLARE_FINAL_TYPE (SsvSeason, ssv_season, SSV, SEASON, GObject)

SsvSeason  *ssv_season_new               (void);
gboolean    ssv_season_update_from       (SsvSeason *self,
                                          SsvSeason *other);
gint64      ssv_season_get_id            (SsvSeason *self);
gint64      ssv_season_get_show_id       (SsvSeason *self);
int         ssv_season_get_season_number (SsvSeason *self);
const char *ssv_season_get_title         (SsvSeason *self);
const char *ssv_season_get_overview      (SsvSeason *self);
const char *ssv_season_get_air_date      (SsvSeason *self);
const char *ssv_season_get_poster_url    (SsvSeason *self);
int         ssv_season_get_episode_count (SsvSeason *self);
int         ssv_season_get_watched_count (SsvSeason *self);

G_END_DECLS
