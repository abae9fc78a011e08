/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-ui-utils.h: what any widget may ask of the app without knowing its window, menus built
 * when first opened, and the plain words for TMDB's failures that pages beyond the library share. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ssv_ui_toast          (GtkWidget  *widget,
                            const char *message);
void ssv_ui_present_window (GtkWindow  *window,
                            GtkWidget  *parent);

void ssv_ui_set_menu_when_opened (GtkMenuButton *button,
                                  GMenuModel    *menu);

const char *ssv_ui_describe_tmdb_error (const GError *error,
                                        const char   *without_key,
                                        const char   *not_found,
                                        gboolean     *key_problem);

G_END_DECLS
