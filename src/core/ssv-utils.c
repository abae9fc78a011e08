/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-utils.c: small helpers shared by core and UI. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-utils.h"

/* Replaces *@str_pointer with a copy of @new_str; TRUE if the value changed
 * (g_set_str() arrives in GLib 2.76, above our floor). */
gboolean
ssv_set_str (char       **str_pointer,
             const char  *new_str)
{
  char *copy;

  if (g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

/* The title case-folded, without a leading English article: the form the
 * library keeps in its sort_title columns. */
char *
ssv_fold_title (const char *title)
{
  static const char * const articles[] = { "the ", "a ", "an " };
  g_autofree char *folded = NULL;
  const char *start;

  if (title == NULL)
    return NULL;

  folded = g_utf8_casefold (title, -1);
  start = folded;

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      gsize len = strlen (articles[i]);
      if (strncmp (start, articles[i], len) == 0 && start[len] != '\0')
        {
          start += len;
          break;
        }
    }

  return g_strdup (start);
}

/* The title as it sorts: the folded title as a collation key. */
char *
ssv_sort_title (const char *title)
{
  g_autofree char *folded = ssv_fold_title (title);

  if (folded == NULL)
    return NULL;

  return g_utf8_collate_key_for_filename (folded, -1);
}

/* "1 h 42 min", "42 min" */
char *
ssv_format_duration (gint64 seconds)
{
  gint64 minutes = (seconds + 30) / 60;

  if (minutes >= 60)
    return g_strdup_printf ("%" G_GINT64_FORMAT " h %02" G_GINT64_FORMAT " min",
                            minutes / 60, minutes % 60);

  return g_strdup_printf ("%" G_GINT64_FORMAT " min", minutes);
}

/**
 * ssv_dispatch_to:
 *
 * Runs @func once on @context's own thread, the next time it iterates. Unlike
 * g_main_context_invoke(), never runs it right here: that one calls @func on
 * the calling thread whenever nobody happens to own @context at that moment,
 * so "signals on the main thread" would sometimes arrive on a worker.
 */
void
ssv_dispatch_to (GMainContext   *context,
                 GSourceFunc     func,
                 gpointer        data,
                 GDestroyNotify  notify)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, notify);
  g_source_set_static_name (source, "[soulsync] dispatch");
  g_source_attach (source, context);
  g_source_unref (source);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * ssv_string_set_dup_sorted:
 * @set: a set of strings (its keys)
 *
 * Returns: (transfer container) (element-type utf8): the strings, sorted; they
 *   stay @set's
 */
GPtrArray *
ssv_string_set_dup_sorted (GHashTable *set)
{
  GPtrArray *sorted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (sorted, key);
  g_ptr_array_sort (sorted, compare_strings);

  return sorted;
}

/* The set as "a,b,c" (with @separator), sorted; NULL when it is empty. */
char *
ssv_string_set_join (GHashTable *set,
                     const char *separator)
{
  g_autoptr(GPtrArray) sorted = ssv_string_set_dup_sorted (set);

  if (sorted->len == 0)
    return NULL;

  g_ptr_array_add (sorted, NULL);
  return g_strjoinv (separator, (char **) sorted->pdata);
}

/**
 * ssv_double_to_int64:
 * @out: (out): @value without its fraction, when it fits
 *
 * A cast of a double that does not fit (1e300, infinity, NaN) is undefined
 * behaviour in C; numbers from servers go through this instead.
 *
 * Returns: whether @value fits a gint64
 */
gboolean
ssv_double_to_int64 (double  value,
                     gint64 *out)
{
  /* ±2^63 are exact as doubles (G_MAXINT64 is not: it rounds up to 2^63);
   * NaN fails both comparisons. */
  if (!(value >= -9223372036854775808.0 && value < 9223372036854775808.0))
    return FALSE;

  *out = (gint64) value;
  return TRUE;
}

/* @value as an int when it lies in [@min, @max]; @fallback when it does not. */
int
ssv_int_in_range (gint64 value,
                  int    min,
                  int    max,
                  int    fallback)
{
  return value >= min && value <= max ? (int) value : fallback;
}

typedef struct
{
  const char *msgid;
  const char *translated;
} OnceText;

/**
 * ssv_gettext_once:
 * @msgid: a string literal, marked with N_() so it is extracted
 *
 * _(@msgid), looked up once: for words written for each of thousands of
 * search results, where gettext's lock and catalogue search each time cost
 * more than the rest of the work. The locale is set once, at start-up, before
 * anything is translated. Strings are told apart by address, so @msgid must
 * be a literal (or live as long as the program).
 *
 * Returns: (transfer none): the translation
 */
const char *
ssv_gettext_once (const char *msgid)
{
  static OnceText *slots[512];
  guint i = (guint) (((guintptr) msgid >> 3) * 2654435761u) % G_N_ELEMENTS (slots);
  OnceText *slot = g_atomic_pointer_get (&slots[i]);

  if (slot != NULL && slot->msgid == msgid)
    return slot->translated;
  if (slot != NULL)
    return _(msgid);   /* another string has the place: looked up each time */

  slot = g_new (OnceText, 1);
  slot->msgid = msgid;
  slot->translated = _(msgid);
  if (!g_atomic_pointer_compare_and_exchange (&slots[i], NULL, slot))
    {
      const char *translated = slot->translated;

      g_free (slot);
      return translated;
    }
  return slot->translated;
}
