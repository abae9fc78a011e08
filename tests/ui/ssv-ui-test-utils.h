/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-ui-test-utils.h: start the real application in-process, wait, screenshot. */

#pragma once

#include <adwaita.h>

#include "ssv-application.h"
#include "ssv-window.h"

G_BEGIN_DECLS

/* Whether @widget is the one looked for. */
typedef gboolean (*SsvUiTestMatchFunc) (GtkWidget     *widget,
                                        gconstpointer  data);

gboolean        ssv_ui_test_init             (int         *argc,
                                              char      ***argv);
SsvApplication *ssv_ui_test_start_app        (const char  *database_path);
SsvWindow      *ssv_ui_test_wait_for_window  (SsvApplication *app);
void            ssv_ui_test_iterate          (guint        ms);
void            ssv_ui_test_screenshot       (GtkWidget   *widget,
                                              const char  *name);
GtkWidget      *ssv_ui_test_find_window      (GType        type);
GtkWidget      *ssv_ui_test_find_widget      (GtkWidget          *root,
                                              SsvUiTestMatchFunc  match,
                                              gconstpointer       data);
GtkWidget      *ssv_ui_test_find_widget_of_type (GtkWidget   *root,
                                                 GType        type);
gboolean        ssv_ui_test_shows_label      (GtkWidget   *root,
                                              const char  *text);
char           *ssv_ui_test_dup_menu_labels  (GMenuModel  *menu);
void            ssv_ui_test_stop_app         (SsvApplication *app);

G_END_DECLS
