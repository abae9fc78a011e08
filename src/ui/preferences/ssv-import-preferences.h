/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-import-preferences.h: the Import group of Preferences → Downloads: library folders, naming, copy or link. */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SSV_TYPE_IMPORT_PREFERENCES (ssv_import_preferences_get_type ())

G_DECLARE_FINAL_TYPE (SsvImportPreferences, ssv_import_preferences, SSV, IMPORT_PREFERENCES, AdwPreferencesGroup)

GtkWidget *ssv_import_preferences_new (void);

G_END_DECLS
