/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-profile-preferences.h: the Quality Profiles rows of Preferences, and a page to edit each. */

#pragma once

#include "ssv-preferences-window.h"

G_BEGIN_DECLS

void ssv_profile_preferences_add (SsvPreferencesWindow *window);

G_END_DECLS
