/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-nzb.c: the file names of an NZB (newzbin's XML): each <file>'s subject names its file in
 * quotes, as posters write it ("Name [1/2] - "Name.mkv" yEnc (1/1)"). Pure: fuzzed. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "downloads/ssv-nzb.h"

typedef struct
{
  GPtrArray *names;
  gboolean   seen_nzb;
} Reader;

/* The quoted part of a subject, or the whole subject when nothing is quoted. */
static char *
name_from_subject (const char *subject)
{
  const char *open = strchr (subject, '"');
  const char *close = open != NULL ? strchr (open + 1, '"') : NULL;

  if (open != NULL && close != NULL && close > open + 1)
    return g_strndup (open + 1, close - open - 1);
  return g_strdup (subject);
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Reader *reader = user_data;

  if (g_str_equal (element, "nzb"))
    reader->seen_nzb = TRUE;
  if (!g_str_equal (element, "file"))
    return;
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "subject"))
      g_ptr_array_add (reader->names, name_from_subject (values[i]));
}

/**
 * ssv_nzb_parse_file_names:
 *
 * Returns: (transfer full) (element-type utf8): the names, in the NZB's
 *   order; NULL with %SSV_ERROR_MALFORMED when it is no NZB with files
 */
GPtrArray *
ssv_nzb_parse_file_names (const char  *data,
                          gssize       length,
                          GError     **error)
{
  static const GMarkupParser parser = { start_element, NULL, NULL, NULL, NULL };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  Reader reader = { names, FALSE };
  gsize size;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  size = length < 0 ? strlen (data) : (gsize) length;
  /* an empty answer (GBytes may give NULL for it) is said so, not handed to GMarkup */
  if (size == 0)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED, _("The NZB file is empty."));
      return NULL;
    }
  /* the DOCTYPE line is allowed: GMarkup passes it through */
  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &reader, NULL);
  if (!g_utf8_validate (data, size, NULL) ||
      !g_markup_parse_context_parse (context, data, size, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error) ||
      !reader.seen_nzb || names->len == 0)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED, _("It is not an NZB file with files in it (%s)."),
                   local_error != NULL ? local_error->message : _("no files listed"));
      return NULL;
    }

  return g_steal_pointer (&names);
}
