/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-day-section.h: a day of the Calendar: its name and date, "Today" when it is, and the
 * episodes that air on it as art cards. */

#pragma once

#include <gtk/gtk.h>

#include "model/ssv-calendar-day.h"
#include "ssv-texture-loader.h"

G_BEGIN_DECLS

#define SSV_TYPE_DAY_SECTION (ssv_day_section_get_type ())

G_DECLARE_FINAL_TYPE (SsvDaySection, ssv_day_section, SSV, DAY_SECTION, GtkListBoxRow)

GtkWidget      *ssv_day_section_new             (SsvCalendarDay   *day,
                                                 SsvTextureLoader *loader);
SsvCalendarDay *ssv_day_section_get_day         (SsvDaySection    *self);
gboolean        ssv_day_section_shows_today     (SsvDaySection    *self);
GtkWidget      *ssv_day_section_find_card       (SsvDaySection    *self,
                                                 gint64            episode_id);
GtkWidget      *ssv_day_section_find_upload_card (SsvDaySection   *self,
                                                 const char       *video_id);

G_END_DECLS
