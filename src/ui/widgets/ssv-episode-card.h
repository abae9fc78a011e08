/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-episode-card.h: an airing episode as an art card, and how air times read. */

#pragma once

#include <gtk/gtk.h>

#include "ssv-texture-loader.h"
#include "model/ssv-calendar-entry.h"

G_BEGIN_DECLS

#define SSV_TYPE_EPISODE_CARD (ssv_episode_card_get_type ())

G_DECLARE_FINAL_TYPE (SsvEpisodeCard, ssv_episode_card, SSV, EPISODE_CARD, GtkWidget)

GtkWidget        *ssv_episode_card_new            (SsvTextureLoader *loader,
                                                   SsvCalendarEntry *entry);
SsvCalendarEntry *ssv_episode_card_get_entry      (SsvEpisodeCard   *self);
const char       *ssv_episode_card_get_time_text  (SsvEpisodeCard   *self);
gboolean          ssv_episode_card_get_has_art    (SsvEpisodeCard   *self);

char             *ssv_format_air_time             (SsvCalendarEntry *entry);
char             *ssv_format_episode_heading      (SsvCalendarEntry *entry);

G_END_DECLS
