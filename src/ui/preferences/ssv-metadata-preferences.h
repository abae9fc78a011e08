/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-metadata-preferences.h: the Metadata page of Preferences: API keys, language, region. */

#pragma once

#include "preferences/ssv-preferences-page.h"

G_BEGIN_DECLS

#define SSV_TYPE_METADATA_PREFERENCES (ssv_metadata_preferences_get_type ())

G_DECLARE_FINAL_TYPE (SsvMetadataPreferences, ssv_metadata_preferences, SSV, METADATA_PREFERENCES, SsvPreferencesPage)

gboolean ssv_metadata_preferences_focus_key (SsvMetadataPreferences *self,
                                             const char             *provider);

G_END_DECLS
