/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-nzb.h: reads the file names an NZB lists, so a grab can refuse programs before a client fetches them. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *ssv_nzb_parse_file_names (const char  *data,
                                     gssize       length,
                                     GError     **error);

G_END_DECLS
