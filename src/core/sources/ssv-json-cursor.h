/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-json-cursor.h: a small pull reader for large JSON answers: values are read in place,
 * with no tree built, and any malformed input ends in an error rather than a crash. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  GString    *scratch;   /* the last string read, unescaped */
  GError     *error;     /* the first problem; every read fails after it */
  int         depth;
} SsvJsonCursor;

void         ssv_json_cursor_init          (SsvJsonCursor  *cursor,
                                            const char     *data,
                                            gsize           length);
void         ssv_json_cursor_clear         (SsvJsonCursor  *cursor);
gboolean     ssv_json_cursor_failed        (SsvJsonCursor  *cursor);
gboolean     ssv_json_cursor_finish        (SsvJsonCursor  *cursor,
                                            const char     *what,
                                            GError        **error);

gboolean     ssv_json_cursor_enter_object  (SsvJsonCursor  *cursor);
const char  *ssv_json_cursor_next_member   (SsvJsonCursor  *cursor);
gboolean     ssv_json_cursor_enter_array   (SsvJsonCursor  *cursor);
gboolean     ssv_json_cursor_next_element  (SsvJsonCursor  *cursor);
gboolean     ssv_json_cursor_is_null       (SsvJsonCursor  *cursor);
gboolean     ssv_json_cursor_peek_object   (SsvJsonCursor  *cursor);
gboolean     ssv_json_cursor_peek_array    (SsvJsonCursor  *cursor);

char        *ssv_json_cursor_dup_string    (SsvJsonCursor  *cursor);
gint64       ssv_json_cursor_read_int      (SsvJsonCursor  *cursor,
                                            gint64          fallback);
double       ssv_json_cursor_read_double   (SsvJsonCursor  *cursor);
gboolean     ssv_json_cursor_read_bool     (SsvJsonCursor  *cursor);
void         ssv_json_cursor_skip          (SsvJsonCursor  *cursor);

G_END_DECLS
