/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cast-card.h: one person of a title's cast: a round headshot (initials until it loads), name, part. */

#pragma once

#include <adwaita.h>

#include "model/ssv-cast-member.h"
#include "ssv-follow-set.h"
#include "ssv-texture-loader.h"

G_BEGIN_DECLS

#define SSV_TYPE_CAST_CARD (ssv_cast_card_get_type ())

G_DECLARE_FINAL_TYPE (SsvCastCard, ssv_cast_card, SSV, CAST_CARD, GtkWidget)

GtkWidget     *ssv_cast_card_new            (SsvCastMember    *member,
                                             SsvTextureLoader *loader);
SsvCastMember *ssv_cast_card_get_member     (SsvCastCard      *self);
void           ssv_cast_card_set_follow_set (SsvCastCard      *self,
                                             SsvFollowSet     *follow_set);
gboolean       ssv_cast_card_get_followed   (SsvCastCard      *self);
void           ssv_cast_card_set_headshot   (SsvCastCard      *self,
                                             GdkPaintable     *headshot);
gboolean       ssv_cast_card_has_headshot   (SsvCastCard      *self);

G_END_DECLS
