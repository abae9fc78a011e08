/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-watch-button.h: the eye button: follows or unfollows a show, a person or a channel. */

#pragma once

#include <gtk/gtk.h>

#include "ssv-follow-set.h"

G_BEGIN_DECLS

#define SSV_TYPE_WATCH_BUTTON (ssv_watch_button_get_type ())

G_DECLARE_FINAL_TYPE (SsvWatchButton, ssv_watch_button, SSV, WATCH_BUTTON, GtkButton)

GtkWidget    *ssv_watch_button_new            (SsvFollowSet   *follow_set);
void          ssv_watch_button_set_item       (SsvWatchButton *self,
                                               GObject        *item);
GObject      *ssv_watch_button_get_item       (SsvWatchButton *self);
gboolean      ssv_watch_button_get_followed   (SsvWatchButton *self);
void          ssv_watch_button_set_show_label (SsvWatchButton *self,
                                               gboolean        show_label);
gboolean      ssv_watch_button_get_busy       (SsvWatchButton *self);

G_END_DECLS
