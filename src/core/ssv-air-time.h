/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-air-time.h: when an episode airs, as a moment in the person's own time zone. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime  *ssv_air_time_resolve     (const char  *air_date,
                                      const char  *air_time,
                                      const char  *air_time_zone,
                                      GTimeZone   *local_zone,
                                      gboolean    *anytime);
GDateTime  *ssv_air_time_resolve_in  (const char  *air_date,
                                      const char  *air_time,
                                      GTimeZone   *zone,
                                      GTimeZone   *local_zone,
                                      gboolean    *anytime);
gboolean    ssv_air_time_parse_time  (const char  *air_time,
                                      int         *hour,
                                      int         *minute);
char       *ssv_air_time_format_day  (GDateTime   *moment);

G_END_DECLS
