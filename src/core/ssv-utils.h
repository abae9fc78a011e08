/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-utils.h: small helpers GLib 2.74 does not have yet. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *ssv_gettext_once (const char *msgid) G_GNUC_FORMAT (1);

/* g_ascii_tolower(), inlined for loops over every letter of many names. */
static inline char
ssv_ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
}

gboolean  ssv_set_str          (char       **str_pointer,
                                const char  *new_str);
char     *ssv_fold_title       (const char  *title);
char     *ssv_sort_title       (const char  *title);
char     *ssv_format_duration  (gint64       seconds);
void      ssv_dispatch_to      (GMainContext *context,
                                GSourceFunc   func,
                                gpointer      data,
                                GDestroyNotify notify);
GPtrArray *ssv_string_set_dup_sorted (GHashTable *set);
char      *ssv_string_set_join       (GHashTable *set,
                                      const char *separator);
gboolean  ssv_double_to_int64  (double        value,
                                gint64       *out);
int       ssv_int_in_range     (gint64        value,
                                int           min,
                                int           max,
                                int           fallback);

G_END_DECLS
