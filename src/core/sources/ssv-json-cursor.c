/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-json-cursor.c: a bounds-checked JSON pull reader (RFC 8259) for pages of thousands of
 * items, where building a tree per item costs more than the scan's database writes. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "sources/ssv-json-cursor.h"
#include "ssv-utils.h"

#define MAX_DEPTH 64

void
ssv_json_cursor_init (SsvJsonCursor *cursor,
                      const char    *data,
                      gsize          length)
{
  memset (cursor, 0, sizeof *cursor);
  cursor->start = data;
  cursor->p = data;
  cursor->end = data + length;
  cursor->scratch = g_string_sized_new (256);
}

void
ssv_json_cursor_clear (SsvJsonCursor *cursor)
{
  if (cursor->scratch != NULL)
    g_string_free (cursor->scratch, TRUE);
  cursor->scratch = NULL;
  g_clear_error (&cursor->error);
}

gboolean
ssv_json_cursor_failed (SsvJsonCursor *cursor)
{
  return cursor->error != NULL;
}

static void
fail (SsvJsonCursor *cursor,
      const char    *what,
      const char    *at)
{
  if (cursor->error == NULL)
    g_set_error (&cursor->error, SSV_ERROR, SSV_ERROR_MALFORMED, "%s at byte %" G_GSIZE_FORMAT,
                 what, (gsize) (at - cursor->start));
  /* Stop every further read. */
  cursor->p = cursor->end;
}

/**
 * ssv_json_cursor_finish:
 * @what: who sent it, for the message ("Jellyfin")
 *
 * Returns: %TRUE when everything read was well formed; else sets @error
 */
gboolean
ssv_json_cursor_finish (SsvJsonCursor  *cursor,
                        const char     *what,
                        GError        **error)
{
  if (cursor->error == NULL)
    return TRUE;

  g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
               _("%s sent an answer that could not be read (%s)."), what, cursor->error->message);
  return FALSE;
}

static void
skip_space (SsvJsonCursor *cursor)
{
  while (cursor->p < cursor->end &&
         (*cursor->p == ' ' || *cursor->p == '\n' || *cursor->p == '\r' || *cursor->p == '\t'))
    cursor->p++;
}

static gboolean
at (SsvJsonCursor *cursor,
    char           c)
{
  skip_space (cursor);
  return cursor->p < cursor->end && *cursor->p == c;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (SsvJsonCursor *cursor,
           gunichar      *out)
{
  gunichar value = 0;

  if (cursor->end - cursor->p < 4)
    return FALSE;

  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (cursor->p[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + (gunichar) digit;
    }

  cursor->p += 4;
  *out = value;
  return TRUE;
}

/* Reads a string (the cursor at its opening quote) into scratch. */
static gboolean
read_string (SsvJsonCursor *cursor)
{
  const char *start;

  g_string_truncate (cursor->scratch, 0);
  if (!at (cursor, '"'))
    {
      fail (cursor, "a string was expected", cursor->p);
      return FALSE;
    }
  cursor->p++;

  for (;;)
    {
      start = cursor->p;
      while (cursor->p < cursor->end && *cursor->p != '"' && *cursor->p != '\\' &&
             (guchar) *cursor->p >= 0x20)
        cursor->p++;
      g_string_append_len (cursor->scratch, start, cursor->p - start);

      if (cursor->p >= cursor->end)
        {
          fail (cursor, "a string does not end", cursor->p);
          return FALSE;
        }

      if (*cursor->p == '"')
        {
          cursor->p++;
          break;
        }

      if ((guchar) *cursor->p < 0x20)
        {
          fail (cursor, "a control character in a string", cursor->p);
          return FALSE;
        }

      /* An escape. */
      cursor->p++;
      if (cursor->p >= cursor->end)
        {
          fail (cursor, "a string does not end", cursor->p);
          return FALSE;
        }

      switch (*cursor->p++)
        {
        case '"': g_string_append_c (cursor->scratch, '"'); break;
        case '\\': g_string_append_c (cursor->scratch, '\\'); break;
        case '/': g_string_append_c (cursor->scratch, '/'); break;
        case 'b': g_string_append_c (cursor->scratch, '\b'); break;
        case 'f': g_string_append_c (cursor->scratch, '\f'); break;
        case 'n': g_string_append_c (cursor->scratch, '\n'); break;
        case 'r': g_string_append_c (cursor->scratch, '\r'); break;
        case 't': g_string_append_c (cursor->scratch, '\t'); break;
        case 'u':
          {
            gunichar c, low;

            if (!read_hex4 (cursor, &c))
              {
                fail (cursor, "a bad \\u escape", cursor->p);
                return FALSE;
              }
            /* A surrogate pair makes one character; a lone half is replaced. */
            if (c >= 0xd800 && c <= 0xdbff && cursor->end - cursor->p >= 6 &&
                cursor->p[0] == '\\' && cursor->p[1] == 'u')
              {
                const char *mark = cursor->p;

                cursor->p += 2;
                if (read_hex4 (cursor, &low) && low >= 0xdc00 && low <= 0xdfff)
                  c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
                else
                  {
                    cursor->p = mark;
                    c = 0xfffd;
                  }
              }
            else if (c >= 0xd800 && c <= 0xdfff)
              c = 0xfffd;
            if (c == 0)
              c = 0xfffd;
            g_string_append_unichar (cursor->scratch, c);
          }
          break;
        default:
          fail (cursor, "an unknown escape in a string", cursor->p - 1);
          return FALSE;
        }
    }

  if (!g_utf8_validate_len (cursor->scratch->str, cursor->scratch->len, NULL))
    {
      fail (cursor, "a string that is not UTF-8", cursor->p);
      return FALSE;
    }

  return TRUE;
}

static gboolean
match_word (SsvJsonCursor *cursor,
            const char    *word)
{
  gsize len = strlen (word);

  if ((gsize) (cursor->end - cursor->p) < len || memcmp (cursor->p, word, len) != 0)
    return FALSE;

  cursor->p += len;
  return TRUE;
}

/* Copies a number's text into @buffer (at most 63 characters). */
static gboolean
read_number_text (SsvJsonCursor *cursor,
                  char           buffer[64])
{
  gsize len = 0;

  skip_space (cursor);
  while (cursor->p < cursor->end && len < 63 &&
         (g_ascii_isdigit (*cursor->p) || *cursor->p == '-' || *cursor->p == '+' ||
          *cursor->p == '.' || *cursor->p == 'e' || *cursor->p == 'E'))
    buffer[len++] = *cursor->p++;
  buffer[len] = '\0';

  if (len == 0 || len == 63)
    {
      fail (cursor, "a bad number", cursor->p);
      return FALSE;
    }

  return TRUE;
}

/* Skips one value of any kind, however deep (up to a limit). */
void
ssv_json_cursor_skip (SsvJsonCursor *cursor)
{
  int depth = 0;

  do
    {
      skip_space (cursor);
      if (cursor->p >= cursor->end)
        {
          fail (cursor, "the answer ends too early", cursor->p);
          return;
        }

      switch (*cursor->p)
        {
        case '{':
        case '[':
          if (++depth > MAX_DEPTH)
            {
              fail (cursor, "too deeply nested", cursor->p);
              return;
            }
          cursor->p++;
          break;

        case '}':
        case ']':
          if (depth == 0)
            {
              fail (cursor, "a value was expected", cursor->p);
              return;
            }
          depth--;
          cursor->p++;
          break;

        case ',':
        case ':':
          if (depth == 0)
            {
              fail (cursor, "a value was expected", cursor->p);
              return;
            }
          cursor->p++;
          break;

        case '"':
          if (!read_string (cursor))
            return;
          break;

        case 't':
          if (!match_word (cursor, "true"))
            fail (cursor, "an unknown word", cursor->p);
          break;

        case 'f':
          if (!match_word (cursor, "false"))
            fail (cursor, "an unknown word", cursor->p);
          break;

        case 'n':
          if (!match_word (cursor, "null"))
            fail (cursor, "an unknown word", cursor->p);
          break;

        default:
          {
            char buffer[64];

            if (!g_ascii_isdigit (*cursor->p) && *cursor->p != '-')
              {
                fail (cursor, "an unexpected character", cursor->p);
                return;
              }
            if (!read_number_text (cursor, buffer))
              return;
          }
          break;
        }
    }
  while (depth > 0 && cursor->error == NULL);
}

/* TRUE when the next value is null (and consumes it). */
gboolean
ssv_json_cursor_is_null (SsvJsonCursor *cursor)
{
  skip_space (cursor);
  return match_word (cursor, "null");
}

gboolean
ssv_json_cursor_peek_object (SsvJsonCursor *cursor)
{
  return at (cursor, '{');
}

gboolean
ssv_json_cursor_peek_array (SsvJsonCursor *cursor)
{
  return at (cursor, '[');
}

/* Steps into the object or array opening with @open; anything else is skipped. */
static gboolean
enter_container (SsvJsonCursor *cursor,
                 char           open)
{
  if (!at (cursor, open))
    {
      ssv_json_cursor_skip (cursor);
      return FALSE;
    }

  if (++cursor->depth > MAX_DEPTH)
    {
      fail (cursor, "too deeply nested", cursor->p);
      return FALSE;
    }

  cursor->p++;
  return TRUE;
}

/**
 * ssv_json_cursor_enter_object:
 *
 * Steps into the object that comes next. Anything else is skipped.
 *
 * Returns: whether it was an object
 */
gboolean
ssv_json_cursor_enter_object (SsvJsonCursor *cursor)
{
  return enter_container (cursor, '{');
}

/**
 * ssv_json_cursor_next_member:
 *
 * Returns: (nullable): the next member's name (valid until the next string
 *   read), the cursor at its value, which the caller reads or skips; %NULL at
 *   the end of the object (or on an error)
 */
const char *
ssv_json_cursor_next_member (SsvJsonCursor *cursor)
{
  if (cursor->error != NULL)
    return NULL;

  if (at (cursor, ','))
    cursor->p++;

  if (at (cursor, '}'))
    {
      cursor->p++;
      cursor->depth--;
      return NULL;
    }

  if (!read_string (cursor))
    return NULL;

  if (!at (cursor, ':'))
    {
      fail (cursor, "a ':' was expected", cursor->p);
      return NULL;
    }
  cursor->p++;

  return cursor->scratch->str;
}

gboolean
ssv_json_cursor_enter_array (SsvJsonCursor *cursor)
{
  return enter_container (cursor, '[');
}

/* Returns: TRUE with the cursor at the next element; FALSE at the end (or on an error). */
gboolean
ssv_json_cursor_next_element (SsvJsonCursor *cursor)
{
  if (cursor->error != NULL)
    return FALSE;

  if (at (cursor, ','))
    cursor->p++;

  if (at (cursor, ']'))
    {
      cursor->p++;
      cursor->depth--;
      return FALSE;
    }

  if (cursor->p >= cursor->end)
    {
      fail (cursor, "the answer ends too early", cursor->p);
      return FALSE;
    }

  return TRUE;
}

/**
 * ssv_json_cursor_dup_string:
 *
 * Returns: (transfer full) (nullable): the string that comes next; %NULL for
 *   null or any other kind of value (which is skipped)
 */
char *
ssv_json_cursor_dup_string (SsvJsonCursor *cursor)
{
  if (at (cursor, '"'))
    return read_string (cursor) ? g_strndup (cursor->scratch->str, cursor->scratch->len) : NULL;

  ssv_json_cursor_skip (cursor);
  return NULL;
}

/* An integer from a number, a numeric string or a boolean; @fallback otherwise,
 * and for a number no gint64 holds. */
gint64
ssv_json_cursor_read_int (SsvJsonCursor *cursor,
                          gint64         fallback)
{
  char buffer[64];

  skip_space (cursor);
  if (cursor->p < cursor->end && (g_ascii_isdigit (*cursor->p) || *cursor->p == '-'))
    {
      gint64 value;

      if (!read_number_text (cursor, buffer))
        return fallback;
      if (!strchr (buffer, '.') && !strchr (buffer, 'e') && !strchr (buffer, 'E'))
        return g_ascii_strtoll (buffer, NULL, 10);
      /* 1e300 has no gint64: the fallback, not undefined behaviour. */
      return ssv_double_to_int64 (g_ascii_strtod (buffer, NULL), &value) ? value : fallback;
    }

  if (at (cursor, '"'))
    {
      char *end = NULL;
      gint64 value;

      if (!read_string (cursor) || cursor->scratch->len == 0)
        return fallback;
      value = g_ascii_strtoll (cursor->scratch->str, &end, 10);
      return end != cursor->scratch->str && (*end == '\0' || *end == '.') ? value : fallback;
    }

  if (match_word (cursor, "true"))
    return 1;
  if (match_word (cursor, "false"))
    return 0;

  ssv_json_cursor_skip (cursor);
  return fallback;
}

/* A double from a number or a numeric string; NAN otherwise. */
double
ssv_json_cursor_read_double (SsvJsonCursor *cursor)
{
  char buffer[64];

  skip_space (cursor);
  if (cursor->p < cursor->end && (g_ascii_isdigit (*cursor->p) || *cursor->p == '-'))
    return read_number_text (cursor, buffer) ? g_ascii_strtod (buffer, NULL) : NAN;

  if (at (cursor, '"'))
    {
      char *end = NULL;
      double value;

      if (!read_string (cursor) || cursor->scratch->len == 0)
        return NAN;
      value = g_ascii_strtod (cursor->scratch->str, &end);
      return end == cursor->scratch->str ? NAN : value;
    }

  ssv_json_cursor_skip (cursor);
  return NAN;
}

gboolean
ssv_json_cursor_read_bool (SsvJsonCursor *cursor)
{
  skip_space (cursor);
  if (match_word (cursor, "true"))
    return TRUE;
  if (match_word (cursor, "false"))
    return FALSE;

  return ssv_json_cursor_read_int (cursor, 0) != 0;
}
