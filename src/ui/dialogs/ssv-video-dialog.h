/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-video-dialog.h: a YouTube video's details: titles, numbers, SponsorBlock segments, Wish. */

#pragma once

#include <adwaita.h>

#include "model/ssv-video.h"
#include "ssv-context.h"

G_BEGIN_DECLS

#define SSV_TYPE_VIDEO_DIALOG (ssv_video_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SsvVideoDialog, ssv_video_dialog, SSV, VIDEO_DIALOG, AdwWindow)

SsvVideoDialog *ssv_video_dialog_new             (SsvContext     *context,
                                                  SsvVideo       *video);
SsvVideo       *ssv_video_dialog_get_video       (SsvVideoDialog *self);
char           *ssv_video_dialog_dup_watch_uri   (SsvVideoDialog *self);
gboolean        ssv_video_dialog_is_busy         (SsvVideoDialog *self);
GtkWidget      *ssv_video_dialog_get_part        (SsvVideoDialog *self,
                                                  const char     *name);

G_END_DECLS
