/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-streaming-filter.h: the wishlist's "not on my streaming services" filter: when active,
 * it hides wanted movies and shows one of the person's services streams. */

#pragma once

#include <gtk/gtk.h>

#include "ssv-types.h"

G_BEGIN_DECLS

#define SSV_TYPE_STREAMING_FILTER (ssv_streaming_filter_get_type ())

G_DECLARE_FINAL_TYPE (SsvStreamingFilter, ssv_streaming_filter, SSV, STREAMING_FILTER, GtkFilter)

SsvStreamingFilter *ssv_streaming_filter_new          (SsvContext         *context);
gboolean            ssv_streaming_filter_get_active   (SsvStreamingFilter *self);
void                ssv_streaming_filter_set_active   (SsvStreamingFilter *self,
                                                       gboolean            active);
gboolean            ssv_streaming_filter_is_busy      (SsvStreamingFilter *self);
guint               ssv_streaming_filter_get_n_hidden (SsvStreamingFilter *self);
const char         *ssv_streaming_filter_get_problem  (SsvStreamingFilter *self);

G_END_DECLS
