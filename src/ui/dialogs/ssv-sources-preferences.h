/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-sources-preferences.h: the servers, folders and scanning rows of Preferences. */

#pragma once

#include "ssv-preferences-window.h"

G_BEGIN_DECLS

#define SSV_TYPE_SOURCES_PREFERENCES (ssv_sources_preferences_get_type ())

G_DECLARE_FINAL_TYPE (SsvSourcesPreferences, ssv_sources_preferences, SSV, SOURCES_PREFERENCES, GObject)

void ssv_sources_preferences_add (SsvPreferencesWindow *window);

G_END_DECLS
