/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-calendar-day.h: a day of the calendar, its episodes and its channel uploads (properties with notify). */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SSV_TYPE_CALENDAR_DAY (ssv_calendar_day_get_type ())

G_DECLARE_FINAL_TYPE (SsvCalendarDay, ssv_calendar_day, SSV, CALENDAR_DAY, GObject)

SsvCalendarDay *ssv_calendar_day_new           (void);
GDateTime      *ssv_calendar_day_get_date      (SsvCalendarDay  *self);
void            ssv_calendar_day_set_date      (SsvCalendarDay  *self,
                                                GDateTime       *date,
                                                gboolean         today);
gboolean        ssv_calendar_day_get_today     (SsvCalendarDay  *self);
GListModel     *ssv_calendar_day_get_entries   (SsvCalendarDay  *self);
guint           ssv_calendar_day_get_n_entries (SsvCalendarDay  *self);
void            ssv_calendar_day_set_entries   (SsvCalendarDay  *self,
                                                gpointer        *entries,
                                                guint            n_entries);
GListModel     *ssv_calendar_day_get_uploads   (SsvCalendarDay  *self);
guint           ssv_calendar_day_get_n_uploads (SsvCalendarDay  *self);
void            ssv_calendar_day_set_uploads   (SsvCalendarDay  *self,
                                                gpointer        *uploads,
                                                guint            n_uploads);

G_END_DECLS
