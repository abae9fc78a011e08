/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-preferences-window.h: Preferences: the pages its template lists, each with the context. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"

G_BEGIN_DECLS

#define SSV_TYPE_PREFERENCES_WINDOW (ssv_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SsvPreferencesWindow, ssv_preferences_window, SSV, PREFERENCES_WINDOW, AdwPreferencesWindow)

SsvPreferencesWindow *ssv_preferences_window_new       (SsvContext           *context);
gboolean              ssv_preferences_window_show_page (SsvPreferencesWindow *self,
                                                        const char           *page_name);
gboolean              ssv_preferences_window_show_key  (SsvPreferencesWindow *self,
                                                        const char           *provider);

G_END_DECLS
