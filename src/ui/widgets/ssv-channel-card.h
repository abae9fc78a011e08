/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-card.h: one followed YouTube channel: avatar, title, handle, counts, last refresh, Unfollow. */

#pragma once

#include <adwaita.h>

#include "model/ssv-channel.h"
#include "ssv-texture-loader.h"

G_BEGIN_DECLS

#define SSV_TYPE_CHANNEL_CARD (ssv_channel_card_get_type ())

G_DECLARE_FINAL_TYPE (SsvChannelCard, ssv_channel_card, SSV, CHANNEL_CARD, GtkWidget)

GtkWidget  *ssv_channel_card_new          (SsvChannel       *channel,
                                           SsvTextureLoader *loader);
SsvChannel *ssv_channel_card_get_channel  (SsvChannelCard   *self);
char       *ssv_channel_card_dup_details  (SsvChannelCard   *self);
const char *ssv_channel_card_get_new_text (SsvChannelCard  *self);

G_END_DECLS
