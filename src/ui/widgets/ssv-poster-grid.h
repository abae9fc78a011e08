/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-poster-grid.h: any GListModel of titled objects as a recycling grid of poster cards. */

#pragma once

#include <gtk/gtk.h>

#include "ssv-context.h"

G_BEGIN_DECLS

#define SSV_TYPE_POSTER_GRID (ssv_poster_grid_get_type ())

G_DECLARE_FINAL_TYPE (SsvPosterGrid, ssv_poster_grid, SSV, POSTER_GRID, GtkWidget)

/* A widget over each card's poster (an eye button, …): made once per recycled card,
 * then told which item the card shows on every bind (NULL on unbind). */
typedef GtkWidget * (*SsvPosterAccessorySetup) (gpointer   user_data);
typedef void        (*SsvPosterAccessoryBind)  (GtkWidget *accessory,
                                                GObject   *item,
                                                gpointer   user_data);

GtkWidget   *ssv_poster_grid_new            (SsvContext     *context);
void         ssv_poster_grid_set_model      (SsvPosterGrid  *self,
                                             GListModel     *model);
GListModel  *ssv_poster_grid_get_model      (SsvPosterGrid  *self);
GtkGridView *ssv_poster_grid_get_grid_view  (SsvPosterGrid  *self);
GtkAdjustment *ssv_poster_grid_get_vadjustment (SsvPosterGrid *self);
GPtrArray   *ssv_poster_grid_dup_bound_cards (SsvPosterGrid *self);
void         ssv_poster_grid_scroll_to_top  (SsvPosterGrid  *self);
void         ssv_poster_grid_set_accessory  (SsvPosterGrid           *self,
                                             SsvPosterAccessorySetup  setup,
                                             SsvPosterAccessoryBind   bind,
                                             gpointer                 user_data);

G_END_DECLS
