/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-streaming-preferences.h: Preferences → Metadata → Where to Watch: the region and the
 * person's streaming services, picked from TMDB's list for that region. */

#pragma once

#include <adwaita.h>

#include "ssv-types.h"

G_BEGIN_DECLS

#define SSV_TYPE_STREAMING_PREFERENCES (ssv_streaming_preferences_get_type ())

G_DECLARE_FINAL_TYPE (SsvStreamingPreferences, ssv_streaming_preferences, SSV, STREAMING_PREFERENCES,
                      AdwPreferencesGroup)

GtkWidget  *ssv_streaming_preferences_new          (void);
void        ssv_streaming_preferences_set_context  (SsvStreamingPreferences *self,
                                                    SsvContext              *context);
gboolean    ssv_streaming_preferences_is_loading   (SsvStreamingPreferences *self);
const char *ssv_streaming_preferences_get_problem  (SsvStreamingPreferences *self);
GtkWidget  *ssv_streaming_preferences_get_services (SsvStreamingPreferences *self);

G_END_DECLS
