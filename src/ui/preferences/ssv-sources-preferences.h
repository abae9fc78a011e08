/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-sources-preferences.h: the Sources page of Preferences: servers, folders, scanning. */

#pragma once

#include "preferences/ssv-preferences-page.h"

G_BEGIN_DECLS

#define SSV_TYPE_SOURCES_PREFERENCES (ssv_sources_preferences_get_type ())

G_DECLARE_FINAL_TYPE (SsvSourcesPreferences, ssv_sources_preferences, SSV, SOURCES_PREFERENCES, SsvPreferencesPage)

gboolean ssv_sources_preferences_get_busy (SsvSourcesPreferences *self);

G_END_DECLS
