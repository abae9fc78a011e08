/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-metadata-preferences.h: the Metadata page of Preferences: API keys, language, region. */

#pragma once

#include "ssv-preferences-window.h"

G_BEGIN_DECLS

void ssv_metadata_preferences_add_rows (SsvPreferencesWindow *window);

G_END_DECLS
