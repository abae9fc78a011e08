/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-general-preferences.h: the General page of Preferences. */

#pragma once

#include "preferences/ssv-preferences-page.h"

G_BEGIN_DECLS

#define SSV_TYPE_GENERAL_PREFERENCES (ssv_general_preferences_get_type ())

G_DECLARE_FINAL_TYPE (SsvGeneralPreferences, ssv_general_preferences, SSV, GENERAL_PREFERENCES, SsvPreferencesPage)

G_END_DECLS
