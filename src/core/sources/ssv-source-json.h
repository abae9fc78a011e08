/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-source-json.h: forgiving JSON readers for server answers (numbers as strings and so on). */

#pragma once

#include <json-glib/json-glib.h>

#include "ssv-xml.h"

G_BEGIN_DECLS

const char  *ssv_json_string   (JsonObject  *object,
                                const char  *member);
gint64       ssv_json_int      (JsonObject  *object,
                                const char  *member,
                                gint64       fallback);
double       ssv_json_double   (JsonObject  *object,
                                const char  *member);
gboolean     ssv_json_bool     (JsonObject  *object,
                                const char  *member);
JsonArray   *ssv_json_array    (JsonObject  *object,
                                const char  *member);
JsonObject  *ssv_json_object   (JsonObject  *object,
                                const char  *member);
JsonObject  *ssv_json_array_object (JsonArray *array,
                                guint        index);
const char  *ssv_json_member_ci (JsonObject *object,
                                const char  *member);
JsonNode    *ssv_xml_to_json   (SsvXmlNode  *node);

G_END_DECLS
