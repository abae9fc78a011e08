/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-hero-private.h: what tests read of the hero. */

#pragma once

#include "pages/title/ssv-title-hero.h"

G_BEGIN_DECLS

gboolean   ssv_title_hero_has_logo     (SsvTitleHero *self);
guint      ssv_title_hero_count_badges (SsvTitleHero *self);
GtkWidget *ssv_title_hero_get_badges   (SsvTitleHero *self);
guint      ssv_title_hero_count_genres (SsvTitleHero *self);
char      *ssv_title_hero_dup_facts    (SsvTitleHero *self);

G_END_DECLS
