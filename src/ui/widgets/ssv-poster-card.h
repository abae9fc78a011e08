/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-poster-card.h: one title in a grid: poster (or its initials while it loads), name, year. */

#pragma once

#include <gtk/gtk.h>

#include "ssv-texture-loader.h"
#include "widgets/ssv-poster-art.h"

G_BEGIN_DECLS

#define SSV_TYPE_POSTER_CARD (ssv_poster_card_get_type ())

#define SSV_POSTER_WIDTH  150
#define SSV_POSTER_HEIGHT 225

G_DECLARE_FINAL_TYPE (SsvPosterCard, ssv_poster_card, SSV, POSTER_CARD, GtkWidget)

GtkWidget  *ssv_poster_card_new              (SsvTextureLoader *loader);
void        ssv_poster_card_set_item         (SsvPosterCard    *self,
                                              GObject          *item);
GObject    *ssv_poster_card_get_item         (SsvPosterCard    *self);
const char *ssv_poster_card_get_title        (SsvPosterCard    *self);
gboolean    ssv_poster_card_get_has_poster   (SsvPosterCard    *self);
void        ssv_poster_card_set_lazy         (SsvPosterCard    *self,
                                              gboolean          lazy);
void        ssv_poster_card_ensure_poster    (SsvPosterCard    *self);
void        ssv_poster_card_release_poster   (SsvPosterCard    *self);
void        ssv_poster_card_set_accessory    (SsvPosterCard    *self,
                                              GtkWidget        *accessory);
GtkWidget  *ssv_poster_card_get_accessory    (SsvPosterCard    *self);
char       *ssv_poster_initials_closure      (gpointer          unused,
                                              const char       *title);

G_END_DECLS
