/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-json.h: type-checked, forgiving JSON readers for answers from servers and APIs. */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Each returns the member only when it exists and has a usable type: a wrong
 * type is treated as absent, never as a critical. Numbers may come as strings
 * ("12", "12.0"), booleans as "1"/"true" or numbers: servers differ. */
JsonObject  *ssv_json_node_object     (JsonNode    *node);
JsonArray   *ssv_json_node_array      (JsonNode    *node);
JsonObject  *ssv_json_get_object      (JsonObject  *object,
                                       const char  *member);
JsonArray   *ssv_json_get_array       (JsonObject  *object,
                                       const char  *member);
const char  *ssv_json_get_string      (JsonObject  *object,
                                       const char  *member);
char        *ssv_json_dup_string      (JsonObject  *object,
                                       const char  *member);
gboolean     ssv_json_get_int         (JsonObject  *object,
                                       const char  *member,
                                       gint64      *value);
gint64       ssv_json_get_int_or      (JsonObject  *object,
                                       const char  *member,
                                       gint64       fallback);
gboolean     ssv_json_get_double      (JsonObject  *object,
                                       const char  *member,
                                       double      *value);
double       ssv_json_get_double_or_nan (JsonObject *object,
                                       const char  *member);
const char  *ssv_json_get_string_ci   (JsonObject  *object,
                                       const char  *member);
gboolean     ssv_json_get_bool_or     (JsonObject  *object,
                                       const char  *member,
                                       gboolean     fallback);
JsonObject  *ssv_json_array_object    (JsonArray   *array,
                                       guint        index);
const char  *ssv_json_array_string    (JsonArray   *array,
                                       guint        index);
int          ssv_json_year_of         (const char  *date);

G_END_DECLS
