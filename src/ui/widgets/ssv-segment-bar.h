/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-segment-bar.h: a video's timeline with its SponsorBlock segments drawn by category colour. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SSV_TYPE_SEGMENT_BAR (ssv_segment_bar_get_type ())

G_DECLARE_FINAL_TYPE (SsvSegmentBar, ssv_segment_bar, SSV, SEGMENT_BAR, GtkWidget)

GtkWidget  *ssv_segment_bar_new             (void);
void        ssv_segment_bar_set_segments    (SsvSegmentBar *self,
                                             GPtrArray     *segments,
                                             double         duration_s);
const char *ssv_segment_bar_get_description (SsvSegmentBar *self);
guint       ssv_segment_bar_get_n_drawn     (SsvSegmentBar *self);
const char *ssv_segment_category_name       (const char    *category);

G_END_DECLS
