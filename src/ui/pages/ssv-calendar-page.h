/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-calendar-page.h: the Calendar page: a week of airing episodes and channel uploads, starting today. */

#pragma once

#include "ssv-follow-set.h"
#include "ssv-page.h"
#include "model/ssv-calendar-entry.h"

G_BEGIN_DECLS

#define SSV_TYPE_CALENDAR_PAGE (ssv_calendar_page_get_type ())

G_DECLARE_FINAL_TYPE (SsvCalendarPage, ssv_calendar_page, SSV, CALENDAR_PAGE, SsvPage)

#define SSV_CALENDAR_DAYS 7

const char   *ssv_calendar_page_get_state         (SsvCalendarPage *self);
gboolean      ssv_calendar_page_get_loading       (SsvCalendarPage *self);
int           ssv_calendar_page_get_week          (SsvCalendarPage *self);
GDateTime    *ssv_calendar_page_get_first_day     (SsvCalendarPage *self);
int           ssv_calendar_page_get_today_index   (SsvCalendarPage *self);
GListModel   *ssv_calendar_page_get_day_entries   (SsvCalendarPage *self,
                                                   guint            day);
GtkWidget    *ssv_calendar_page_get_day_section   (SsvCalendarPage *self,
                                                   guint            day);
GtkWidget    *ssv_calendar_page_find_card         (SsvCalendarPage *self,
                                                   gint64           episode_id);
GListModel   *ssv_calendar_page_get_day_uploads   (SsvCalendarPage *self,
                                                   guint            day);
GtkWidget    *ssv_calendar_page_find_upload_card  (SsvCalendarPage *self,
                                                   const char      *video_id);
void          ssv_calendar_page_open_episode      (SsvCalendarPage  *self,
                                                   SsvCalendarEntry *entry);
void          ssv_calendar_page_export_to         (SsvCalendarPage *self,
                                                   GFile           *file);
gboolean      ssv_calendar_page_get_exporting     (SsvCalendarPage *self);

G_END_DECLS
