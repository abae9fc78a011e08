/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-profile-editor.h: the page that edits one quality profile, over Preferences. */

#pragma once

#include <adwaita.h>

#include "downloads/ssv-quality-profile.h"

G_BEGIN_DECLS

#define SSV_TYPE_PROFILE_EDITOR (ssv_profile_editor_get_type ())

G_DECLARE_FINAL_TYPE (SsvProfileEditor, ssv_profile_editor, SSV, PROFILE_EDITOR, GtkBox)

GtkWidget *ssv_profile_editor_new (SsvQualityProfile *profile,
                                   GPtrArray         *formats);

G_END_DECLS
