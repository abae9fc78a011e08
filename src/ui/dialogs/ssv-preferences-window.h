/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-preferences-window.h: Preferences. Features contribute rows; empty groups never show. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"

G_BEGIN_DECLS

#define SSV_TYPE_PREFERENCES_WINDOW (ssv_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SsvPreferencesWindow, ssv_preferences_window, SSV, PREFERENCES_WINDOW, AdwPreferencesWindow)

SsvPreferencesWindow *ssv_preferences_window_new        (SsvContext           *context);
SsvContext           *ssv_preferences_window_get_context (SsvPreferencesWindow *self);
AdwPreferencesGroup  *ssv_preferences_window_get_group  (SsvPreferencesWindow *self,
                                                         const char           *page_name,
                                                         const char           *group_name);
void                  ssv_preferences_window_add_row    (SsvPreferencesWindow *self,
                                                         const char           *page_name,
                                                         const char           *group_name,
                                                         GtkWidget            *row);
gboolean              ssv_preferences_window_show_page  (SsvPreferencesWindow *self,
                                                         const char           *page_name);

G_END_DECLS
