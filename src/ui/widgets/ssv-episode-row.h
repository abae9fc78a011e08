/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-episode-row.h: an episode on a show's billboard: still, number, title, synopsis, air date, state. */

#pragma once

#include <adwaita.h>

#include "stores/ssv-enrichment-store.h"

G_BEGIN_DECLS

#define SSV_TYPE_EPISODE_ROW (ssv_episode_row_get_type ())

G_DECLARE_FINAL_TYPE (SsvEpisodeRow, ssv_episode_row, SSV, EPISODE_ROW, GtkListBoxRow)

GtkWidget  *ssv_episode_row_new         (const SsvBillboardEpisode *episode,
                                         const char                *today);
void        ssv_episode_row_set_still   (SsvEpisodeRow             *self,
                                         GdkPaintable              *still);
const char *ssv_episode_row_get_state   (SsvEpisodeRow             *self);
void        ssv_episode_row_add_suffix  (SsvEpisodeRow             *self,
                                         GtkWidget                 *widget);
const char *ssv_episode_state_for       (const SsvBillboardEpisode *episode,
                                         const char                *today);

G_END_DECLS
