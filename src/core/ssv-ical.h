/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-ical.h: calendar entries and channel uploads as an RFC 5545 iCalendar file. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *ssv_ical_build        (GPtrArray   *entries,
                              GDateTime   *stamp);
char  *ssv_ical_build_with_uploads (GPtrArray *entries,
                                    GPtrArray *uploads,
                                    GDateTime *stamp);
char  *ssv_ical_escape_text  (const char  *text);
void   ssv_ical_append_line  (GString     *out,
                              const char  *line);

G_END_DECLS
