/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-page-private.h: what tests reach of a channel's page: state, seasons, grid, notice. */

#pragma once

#include "pages/ssv-channel-page.h"

G_BEGIN_DECLS

const char *ssv_channel_page_get_state       (SsvChannelPage *self);
GListModel *ssv_channel_page_get_videos      (SsvChannelPage *self);
GListModel *ssv_channel_page_get_shown       (SsvChannelPage *self);
GListModel *ssv_channel_page_get_seasons     (SsvChannelPage *self);
void        ssv_channel_page_select_season   (SsvChannelPage *self,
                                              guint           position);
const char *ssv_channel_page_get_notice      (SsvChannelPage *self);
GtkWidget  *ssv_channel_page_get_grid        (SsvChannelPage *self);
gboolean    ssv_channel_page_get_showed_loading (SsvChannelPage *self);

G_END_DECLS
