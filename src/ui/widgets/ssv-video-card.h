/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-video-card.h: one video in a channel's grid: thumbnail, duration, title, views and date. */

#pragma once

#include <adwaita.h>

#include "model/ssv-video.h"
#include "ssv-texture-loader.h"

G_BEGIN_DECLS

#define SSV_TYPE_VIDEO_CARD (ssv_video_card_get_type ())

G_DECLARE_FINAL_TYPE (SsvVideoCard, ssv_video_card, SSV, VIDEO_CARD, GtkWidget)

GtkWidget  *ssv_video_card_new           (SsvTextureLoader *loader);
SsvVideo   *ssv_video_card_get_video     (SsvVideoCard     *self);
void        ssv_video_card_set_video     (SsvVideoCard     *self,
                                          SsvVideo         *video);
void        ssv_video_card_ensure_thumbnail (SsvVideoCard *self);
gboolean    ssv_video_card_get_has_thumbnail (SsvVideoCard *self);
const char *ssv_video_card_get_title     (SsvVideoCard     *self);
const char *ssv_video_card_get_meta      (SsvVideoCard     *self);
const char *ssv_video_card_get_badge     (SsvVideoCard     *self);
const char *ssv_video_card_get_state     (SsvVideoCard     *self);

G_END_DECLS
