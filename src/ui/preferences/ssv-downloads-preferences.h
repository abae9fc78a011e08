/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-downloads-preferences.h: the Downloads page of Preferences: quality profiles. */

#pragma once

#include "preferences/ssv-preferences-page.h"

G_BEGIN_DECLS

#define SSV_TYPE_DOWNLOADS_PREFERENCES (ssv_downloads_preferences_get_type ())

G_DECLARE_FINAL_TYPE (SsvDownloadsPreferences, ssv_downloads_preferences, SSV, DOWNLOADS_PREFERENCES, SsvPreferencesPage)

G_END_DECLS
