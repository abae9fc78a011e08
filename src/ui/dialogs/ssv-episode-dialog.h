/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-episode-dialog.h: an airing episode in detail, opened from the Calendar. */

#pragma once

#include <adwaita.h>

#include "ssv-follow-set.h"
#include "model/ssv-calendar-entry.h"

G_BEGIN_DECLS

#define SSV_TYPE_EPISODE_DIALOG (ssv_episode_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SsvEpisodeDialog, ssv_episode_dialog, SSV, EPISODE_DIALOG, AdwWindow)

SsvEpisodeDialog *ssv_episode_dialog_new            (SsvContext       *context,
                                                     SsvFollowSet     *follow_set,
                                                     SsvCalendarEntry *entry);
SsvCalendarEntry *ssv_episode_dialog_get_entry      (SsvEpisodeDialog *self);
const char       *ssv_episode_dialog_get_airs_text  (SsvEpisodeDialog *self);
const char       *ssv_episode_dialog_get_owned_text (SsvEpisodeDialog *self);
GtkWidget        *ssv_episode_dialog_get_watch_button (SsvEpisodeDialog *self);

G_END_DECLS
