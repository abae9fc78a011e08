/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-ui-utils.h: what any widget may ask of the app without knowing its window. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ssv_ui_toast          (GtkWidget  *widget,
                            const char *message);
void ssv_ui_present_window (GtkWindow  *window,
                            GtkWidget  *parent);

G_END_DECLS
