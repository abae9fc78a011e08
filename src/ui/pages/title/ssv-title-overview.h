/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-overview.h: a title's synopsis and who made it. */

#pragma once

#include <gtk/gtk.h>

#include "model/ssv-title.h"

G_BEGIN_DECLS

#define SSV_TYPE_TITLE_OVERVIEW (ssv_title_overview_get_type ())

G_DECLARE_FINAL_TYPE (SsvTitleOverview, ssv_title_overview, SSV, TITLE_OVERVIEW, GtkWidget)

GtkWidget *ssv_title_overview_new        (void);
SsvTitle  *ssv_title_overview_get_item   (SsvTitleOverview *self);
void       ssv_title_overview_set_item   (SsvTitleOverview *self,
                                          SsvTitle         *item);
char      *ssv_title_overview_dup_crew   (SsvTitleOverview *self);

G_END_DECLS
