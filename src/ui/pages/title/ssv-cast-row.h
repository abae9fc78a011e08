/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cast-row.h: a title's cast as a row of cards with headshots. */

#pragma once

#include <gtk/gtk.h>

#include "ssv-follow-set.h"
#include "ssv-texture-loader.h"

G_BEGIN_DECLS

#define SSV_TYPE_CAST_ROW (ssv_cast_row_get_type ())

G_DECLARE_FINAL_TYPE (SsvCastRow, ssv_cast_row, SSV, CAST_ROW, GtkWidget)

GtkWidget  *ssv_cast_row_new        (SsvTextureLoader *loader);
GListModel *ssv_cast_row_get_cast   (SsvCastRow       *self);
void        ssv_cast_row_set_cast   (SsvCastRow       *self,
                                     GListModel       *cast);
void        ssv_cast_row_set_loader (SsvCastRow       *self,
                                     SsvTextureLoader *loader);
GtkWidget  *ssv_cast_row_get_cards  (SsvCastRow       *self);
void        ssv_cast_row_set_follow_set (SsvCastRow   *self,
                                         SsvFollowSet *follow_set);

G_END_DECLS
