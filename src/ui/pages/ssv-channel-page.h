/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-page.h: a YouTube channel's page, opened with win.show-channel and its UC… id. */

#pragma once

#include "model/ssv-channel.h"
#include "ssv-page.h"

G_BEGIN_DECLS

#define SSV_TYPE_CHANNEL_PAGE (ssv_channel_page_get_type ())

G_DECLARE_FINAL_TYPE (SsvChannelPage, ssv_channel_page, SSV, CHANNEL_PAGE, SsvPage)

SsvPage    *ssv_channel_page_new         (SsvContext     *context,
                                          const char     *channel_id);
const char *ssv_channel_page_get_channel_id (SsvChannelPage *self);
SsvChannel *ssv_channel_page_get_channel (SsvChannelPage *self);

G_END_DECLS
