/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-follow.h: following a YouTube channel from a pasted address or @handle, for
 * the boxes that offer it (the Add Channel dialog, the channel list). */

#pragma once

#include <gtk/gtk.h>

#include "ssv-types.h"

G_BEGIN_DECLS

#define SSV_TYPE_CHANNEL_FOLLOW (ssv_channel_follow_get_type ())

G_DECLARE_FINAL_TYPE (SsvChannelFollow, ssv_channel_follow, SSV, CHANNEL_FOLLOW, GObject)

SsvChannelFollow *ssv_channel_follow_new          (SsvChannelService *service);
void              ssv_channel_follow_bind         (SsvChannelFollow  *self,
                                                   GtkWidget         *owner,
                                                   const char        *action_name,
                                                   GtkEditable       *entry,
                                                   GtkSpinner        *spinner,
                                                   GtkLabel          *error_label);
void              ssv_channel_follow_start        (SsvChannelFollow  *self,
                                                   const char        *text);
void              ssv_channel_follow_cancel       (SsvChannelFollow  *self);
void              ssv_channel_follow_clear_error  (SsvChannelFollow  *self);
gboolean          ssv_channel_follow_get_busy     (SsvChannelFollow  *self);
const char       *ssv_channel_follow_get_error    (SsvChannelFollow  *self);
const char       *ssv_channel_follow_get_followed (SsvChannelFollow  *self);

G_END_DECLS
