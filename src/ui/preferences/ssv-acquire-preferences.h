/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-acquire-preferences.h: the Indexers & Clients page of Preferences. */

#pragma once

#include "preferences/ssv-preferences-page.h"

G_BEGIN_DECLS

#define SSV_TYPE_ACQUIRE_PREFERENCES (ssv_acquire_preferences_get_type ())

G_DECLARE_FINAL_TYPE (SsvAcquirePreferences, ssv_acquire_preferences, SSV, ACQUIRE_PREFERENCES, SsvPreferencesPage)

/* How many reads, tests and writes are still on their way (tests wait for none). */
guint       ssv_acquire_preferences_get_pending      (SsvAcquirePreferences *self);
/* What the page last said in a toast, or NULL. */
const char *ssv_acquire_preferences_get_last_message (SsvAcquirePreferences *self);

G_END_DECLS
