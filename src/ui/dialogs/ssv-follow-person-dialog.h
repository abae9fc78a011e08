/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-follow-person-dialog.h: following a person: how far back their movies join the wishlist. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"

G_BEGIN_DECLS

#define SSV_TYPE_FOLLOW_PERSON_DIALOG (ssv_follow_person_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SsvFollowPersonDialog, ssv_follow_person_dialog, SSV, FOLLOW_PERSON_DIALOG, AdwWindow)

SsvFollowPersonDialog *ssv_follow_person_dialog_new           (SsvContext            *context,
                                                               gint64                 tmdb_id,
                                                               const char            *name);
int                    ssv_follow_person_dialog_get_lookback  (SsvFollowPersonDialog *self);
void                   ssv_follow_person_dialog_set_lookback  (SsvFollowPersonDialog *self,
                                                               int                    years);
gboolean               ssv_follow_person_dialog_is_busy       (SsvFollowPersonDialog *self);
const char            *ssv_follow_person_dialog_get_error     (SsvFollowPersonDialog *self);
const char            *ssv_follow_person_dialog_get_summary   (SsvFollowPersonDialog *self);

G_END_DECLS
