/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-calendar-entry.h: one airing episode as the calendar, iCal and notifications see it. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SSV_TYPE_CALENDAR_ENTRY (ssv_calendar_entry_get_type ())

G_DECLARE_FINAL_TYPE (SsvCalendarEntry, ssv_calendar_entry, SSV, CALENDAR_ENTRY, GObject)

gint64       ssv_calendar_entry_get_episode_id      (SsvCalendarEntry *self);
gint64       ssv_calendar_entry_get_show_id         (SsvCalendarEntry *self);
const char  *ssv_calendar_entry_get_show_title      (SsvCalendarEntry *self);
const char  *ssv_calendar_entry_get_show_source     (SsvCalendarEntry *self);
const char  *ssv_calendar_entry_get_show_source_id  (SsvCalendarEntry *self);
int          ssv_calendar_entry_get_season_number   (SsvCalendarEntry *self);
int          ssv_calendar_entry_get_episode_number  (SsvCalendarEntry *self);
const char  *ssv_calendar_entry_get_title           (SsvCalendarEntry *self);
const char  *ssv_calendar_entry_get_overview        (SsvCalendarEntry *self);
const char  *ssv_calendar_entry_get_air_date        (SsvCalendarEntry *self);
GDateTime   *ssv_calendar_entry_get_airs            (SsvCalendarEntry *self);
gboolean     ssv_calendar_entry_get_anytime         (SsvCalendarEntry *self);
int          ssv_calendar_entry_get_runtime_minutes (SsvCalendarEntry *self);
gboolean     ssv_calendar_entry_get_owned           (SsvCalendarEntry *self);
const char  *ssv_calendar_entry_get_still_url       (SsvCalendarEntry *self);
const char  *ssv_calendar_entry_get_poster_url      (SsvCalendarEntry *self);
const char  *ssv_calendar_entry_get_backdrop_url    (SsvCalendarEntry *self);
const char * const *ssv_calendar_entry_get_genres   (SsvCalendarEntry *self);
char        *ssv_calendar_entry_dup_genres_text     (SsvCalendarEntry *self);
const char  *ssv_calendar_entry_get_show_overview   (SsvCalendarEntry *self);
const char  *ssv_calendar_entry_get_network         (SsvCalendarEntry *self);
char        *ssv_calendar_entry_dup_code            (SsvCalendarEntry *self);
char        *ssv_calendar_entry_dup_uid             (SsvCalendarEntry *self);

G_END_DECLS
