/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-tasks-preferences.h: the Scheduled Tasks page of Preferences. */

#pragma once

#include "preferences/ssv-preferences-page.h"

G_BEGIN_DECLS

#define SSV_TYPE_TASKS_PREFERENCES (ssv_tasks_preferences_get_type ())

G_DECLARE_FINAL_TYPE (SsvTasksPreferences, ssv_tasks_preferences, SSV, TASKS_PREFERENCES, SsvPreferencesPage)

G_END_DECLS
