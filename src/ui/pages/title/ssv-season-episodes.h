/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-season-episodes.h: a show's episodes, one season at a time, with a season switcher. */

#pragma once

#include <gtk/gtk.h>

#include "ssv-texture-loader.h"

G_BEGIN_DECLS

#define SSV_TYPE_SEASON_EPISODES (ssv_season_episodes_get_type ())

G_DECLARE_FINAL_TYPE (SsvSeasonEpisodes, ssv_season_episodes, SSV, SEASON_EPISODES, GtkWidget)

GtkWidget  *ssv_season_episodes_new          (SsvTextureLoader  *loader);
GListModel *ssv_season_episodes_get_episodes (SsvSeasonEpisodes *self);
void        ssv_season_episodes_set_episodes (SsvSeasonEpisodes *self,
                                              GListModel        *episodes);
void        ssv_season_episodes_set_loader   (SsvSeasonEpisodes *self,
                                              SsvTextureLoader  *loader);
int         ssv_season_episodes_get_season   (SsvSeasonEpisodes *self);
gboolean    ssv_season_episodes_show_season  (SsvSeasonEpisodes *self,
                                              int                season);
guint       ssv_season_episodes_count_rows   (SsvSeasonEpisodes *self);

G_END_DECLS
