/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-list.h: followed YouTube channels as cards, with a box to follow one by its address. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"

G_BEGIN_DECLS

#define SSV_TYPE_CHANNEL_LIST (ssv_channel_list_get_type ())

G_DECLARE_FINAL_TYPE (SsvChannelList, ssv_channel_list, SSV, CHANNEL_LIST, GtkWidget)

GtkWidget  *ssv_channel_list_new           (SsvContext     *context);
void        ssv_channel_list_reload        (SsvChannelList *self);
GListModel *ssv_channel_list_get_channels  (SsvChannelList *self);
const char *ssv_channel_list_get_state     (SsvChannelList *self);
GtkWidget  *ssv_channel_list_get_grid      (SsvChannelList *self);
void        ssv_channel_list_set_text      (SsvChannelList *self,
                                            const char     *text);
const char *ssv_channel_list_get_error     (SsvChannelList *self);
gboolean    ssv_channel_list_is_following  (SsvChannelList *self);

G_END_DECLS
