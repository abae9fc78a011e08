/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-page-private.h: what tests reach of a title's page: its state and its sections. */

#pragma once

#include "ssv-title-page.h"

G_BEGIN_DECLS

const char *ssv_title_page_get_state           (SsvTitlePage *self);
GtkWidget  *ssv_title_page_get_hero            (SsvTitlePage *self);
GtkWidget  *ssv_title_page_get_cast_row        (SsvTitlePage *self);
GtkWidget  *ssv_title_page_get_season_episodes (SsvTitlePage *self);
GtkWidget  *ssv_title_page_get_watch_button    (SsvTitlePage *self);
GtkWidget  *ssv_title_page_get_wish_button     (SsvTitlePage *self);

G_END_DECLS
