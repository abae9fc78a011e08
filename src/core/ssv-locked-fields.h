/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-locked-fields.h: the fields of a title a person locked, one JSON array of names. */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Names a lock may hold besides the row's own columns. */
#define SSV_LOCKED_GENRES  "genres"
#define SSV_LOCKED_CREDITS "credits"

GHashTable *ssv_locked_fields_parse         (const char          *text);
char       *ssv_locked_fields_format        (GHashTable          *fields);
gboolean    ssv_locked_fields_contains      (const char          *text,
                                             const char          *field);
char       *ssv_locked_fields_edit          (const char          *text,
                                             const char * const  *lock,
                                             const char * const  *unlock);
gboolean    ssv_locked_fields_register_sql  (sqlite3             *handle);

G_END_DECLS
