/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-calendar-store.h: episodes of followed shows that air in a span of days, owned or
 * wished from TMDB, and the followed channels' uploads beside them. */

#pragma once

#include <gio/gio.h>

#include "stores/ssv-store.h"
#include "model/ssv-calendar-entry.h"

G_BEGIN_DECLS

#define SSV_TYPE_CALENDAR_STORE (ssv_calendar_store_get_type ())

G_DECLARE_FINAL_TYPE (SsvCalendarStore, ssv_calendar_store, SSV, CALENDAR_STORE, SsvStore)

SsvCalendarStore *ssv_calendar_store_new            (SsvDatabase          *database);
GPtrArray        *ssv_calendar_store_list_between   (SsvCalendarStore     *self,
                                                     GDateTime            *from,
                                                     GDateTime            *to,
                                                     GError              **error);
GPtrArray        *ssv_calendar_store_list_days      (SsvCalendarStore     *self,
                                                     GDateTime            *first_day,
                                                     guint                 n_days,
                                                     GError              **error);
void              ssv_calendar_store_list_days_async  (SsvCalendarStore     *self,
                                                       GDateTime            *first_day,
                                                       guint                 n_days,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GPtrArray        *ssv_calendar_store_list_days_finish (SsvCalendarStore     *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
gboolean          ssv_calendar_store_list_with_uploads (SsvCalendarStore  *self,
                                                        GDateTime         *from,
                                                        GDateTime         *to,
                                                        GPtrArray        **entries,
                                                        GPtrArray        **uploads,
                                                        GError           **error);
char             *ssv_calendar_store_dup_ics        (SsvCalendarStore     *self,
                                                     GDateTime            *from,
                                                     GDateTime            *to,
                                                     GDateTime            *stamp,
                                                     guint                *n_events,
                                                     GError              **error);
gboolean          ssv_calendar_store_write_ics      (SsvCalendarStore     *self,
                                                     GDateTime            *from,
                                                     GDateTime            *to,
                                                     GFile                *file,
                                                     guint                *n_entries,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void              ssv_calendar_store_write_ics_async  (SsvCalendarStore     *self,
                                                       GDateTime            *from,
                                                       GDateTime            *to,
                                                       GFile                *file,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean          ssv_calendar_store_write_ics_finish (SsvCalendarStore     *self,
                                                       GAsyncResult         *result,
                                                       guint                *n_entries,
                                                       GError              **error);
GDateTime        *ssv_calendar_day_start            (GDateTime            *moment);

/* The SQL behind every list, for query-plan tests and benchmarks. */
extern const char * const ssv_calendar_store_sql;
extern const char * const ssv_calendar_store_wished_sql;

G_END_DECLS
