/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-episode-row.h: an episode on a show's page: still, number, title, synopsis, air date, state,
 * and a button that wants it. */

#pragma once

#include <adwaita.h>

#include "model/ssv-episode.h"
#include "ssv-texture-loader.h"

G_BEGIN_DECLS

#define SSV_TYPE_EPISODE_ROW (ssv_episode_row_get_type ())

G_DECLARE_FINAL_TYPE (SsvEpisodeRow, ssv_episode_row, SSV, EPISODE_ROW, GtkListBoxRow)

GtkWidget  *ssv_episode_row_new         (SsvEpisode       *episode,
                                         SsvTextureLoader *loader,
                                         const char       *today);
SsvEpisode *ssv_episode_row_get_episode (SsvEpisodeRow    *self);
const char *ssv_episode_row_get_state   (SsvEpisodeRow    *self);
gboolean    ssv_episode_row_has_still   (SsvEpisodeRow    *self);
const char *ssv_episode_state_for       (SsvEpisode       *episode,
                                         const char       *today);

G_END_DECLS
