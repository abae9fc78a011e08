/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channels-page.h: the Channels page: the followed YouTube channels, and a box to follow one. */

#pragma once

#include "ssv-page.h"

G_BEGIN_DECLS

#define SSV_TYPE_CHANNELS_PAGE (ssv_channels_page_get_type ())

G_DECLARE_FINAL_TYPE (SsvChannelsPage, ssv_channels_page, SSV, CHANNELS_PAGE, SsvPage)

GtkWidget *ssv_channels_page_get_list (SsvChannelsPage *self);

G_END_DECLS
