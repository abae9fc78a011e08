/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-hero.h: the top of a title's page: backdrop, logo (or the title in words), tagline,
 * facts, rating badges, genres and how much of it was watched. */

#pragma once

#include <adwaita.h>

#include "model/ssv-title.h"
#include "ssv-texture-loader.h"

G_BEGIN_DECLS

#define SSV_TYPE_TITLE_HERO (ssv_title_hero_get_type ())

G_DECLARE_FINAL_TYPE (SsvTitleHero, ssv_title_hero, SSV, TITLE_HERO, GtkWidget)

GtkWidget *ssv_title_hero_new         (SsvTextureLoader *loader);
SsvTitle  *ssv_title_hero_get_item    (SsvTitleHero     *self);
void       ssv_title_hero_set_item    (SsvTitleHero     *self,
                                       SsvTitle         *item);
void       ssv_title_hero_set_loader  (SsvTitleHero     *self,
                                       SsvTextureLoader *loader);

G_END_DECLS
