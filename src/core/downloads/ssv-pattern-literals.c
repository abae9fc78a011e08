/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-pattern-literals.c: the words a regular expression cannot match without, to skip it cheaply. */

#include "config.h"

#include <string.h>

#include "downloads/ssv-pattern-literals.h"
#include "ssv-utils.h"

/* A custom format's title pattern ("\b(PROPER|REPACK\d?|RERIP)\b") is tried
 * on every hit of a search; nearly all names hold none of its words. Read
 * once, the pattern gives the words one of which every match holds; a name
 * without any of them is not matched, and the regular expression is only run
 * on the rest. Only a plain subset of the syntax is read: literal letters,
 * groups, alternatives, \b, \d and the like, quantifiers. Anything else
 * (classes, escapes of letters, look-arounds, options) and the pattern is
 * always run. */

typedef struct
{
  const char *at;
  gboolean    unreadable;
} Reader;

static GPtrArray *read_alternatives (Reader *rd,
                                     guint   depth);

static guint
shortest (GPtrArray *words)
{
  guint len = G_MAXUINT;

  for (guint i = 0; i < words->len; i++)
    len = MIN (len, strlen (g_ptr_array_index (words, i)));
  return len;
}

/* Keeps the better of two sets of words: the one whose shortest word is longer. */
static void
consider (GPtrArray **best,
          GPtrArray  *words)
{
  if (*best == NULL || shortest (words) > shortest (*best))
    {
      g_clear_pointer (best, g_ptr_array_unref);
      *best = words;
    }
  else
    g_ptr_array_unref (words);
}

static void
end_run (GString    *run,
         GPtrArray **best)
{
  GPtrArray *words;

  if (run->len == 0)
    return;
  words = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (words, g_strdup (run->str));
  consider (best, words);
  g_string_truncate (run, 0);
}

/* After an atom: TRUE when a quantifier makes it optional ("?", "*"); "+"
 * keeps it needed. A lazy or possessive mark after the quantifier is skipped. */
static gboolean
read_quantifier (Reader   *rd,
                 gboolean *repeated)
{
  char q = *rd->at;

  *repeated = FALSE;
  if (q != '?' && q != '*' && q != '+')
    return FALSE;
  rd->at++;
  if (*rd->at == '?' || *rd->at == '+')
    rd->at++;
  *repeated = q == '+';
  return q != '+';
}

/* One alternative, up to "|", ")" or the end: the words one of which each of
 * its matches holds, or NULL if none can be named. */
static GPtrArray *
read_sequence (Reader *rd,
               guint   depth)
{
  g_autoptr(GString) run = g_string_new (NULL);
  GPtrArray *best = NULL;
  gboolean repeated;

  while (!rd->unreadable && *rd->at != '\0' && *rd->at != '|' && *rd->at != ')')
    {
      char c = *rd->at;
      char literal;

      if (c == '(')
        {
          GPtrArray *inner;

          end_run (run, &best);
          rd->at++;
          if (rd->at[0] == '?' && rd->at[1] == ':')
            rd->at += 2;
          else if (rd->at[0] == '?')
            {
              rd->unreadable = TRUE;
              break;
            }
          inner = read_alternatives (rd, depth + 1);
          if (*rd->at != ')')
            rd->unreadable = TRUE;
          else
            rd->at++;
          if (read_quantifier (rd, &repeated) || inner == NULL || rd->unreadable)
            g_clear_pointer (&inner, g_ptr_array_unref);
          else
            consider (&best, inner);
          continue;
        }
      if (c == '.' || c == '^' || c == '$')
        {
          end_run (run, &best);
          rd->at++;
          read_quantifier (rd, &repeated);
          continue;
        }
      if (c == '\\' && rd->at[1] != '\0' && strchr ("bBdDwWsS", rd->at[1]) != NULL)
        {
          end_run (run, &best);
          rd->at += 2;
          read_quantifier (rd, &repeated);
          continue;
        }
      if (c == '\\' && g_ascii_ispunct (rd->at[1]))
        {
          literal = rd->at[1];
          rd->at += 2;
        }
      else if (c == '\\' || c == '[' || c == '{' || c == '}' || c == '?' || c == '*' || c == '+' ||
               (guchar) c >= 0x80 || g_ascii_iscntrl (c))
        {
          rd->unreadable = TRUE;
          break;
        }
      else
        {
          literal = c;
          rd->at++;
        }

      if (*rd->at == '{')
        {
          rd->unreadable = TRUE;
          break;
        }
      if (read_quantifier (rd, &repeated))
        {
          end_run (run, &best);
          continue;
        }
      g_string_append_c (run, g_ascii_tolower (literal));
      if (repeated)
        end_run (run, &best);
    }
  end_run (run, &best);
  if (rd->unreadable)
    g_clear_pointer (&best, g_ptr_array_unref);
  return best;
}

/* Alternatives up to ")" or the end: NULL if one of them names no word. */
static GPtrArray *
read_alternatives (Reader *rd,
                   guint   depth)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_free);
  gboolean open = FALSE;

  if (depth > 16)
    rd->unreadable = TRUE;
  while (!rd->unreadable)
    {
      g_autoptr(GPtrArray) words = read_sequence (rd, depth);

      if (words == NULL)
        open = TRUE;
      for (guint i = 0; words != NULL && i < words->len; i++)
        g_ptr_array_add (all, g_strdup (g_ptr_array_index (words, i)));
      if (*rd->at != '|')
        break;
      rd->at++;
    }
  if (open || rd->unreadable)
    g_clear_pointer (&all, g_ptr_array_unref);
  return all;
}

/**
 * ssv_pattern_required_literals:
 * @pattern: a regular expression, compiled case-insensitive
 *
 * Returns: (transfer full) (nullable) (array zero-terminated=1): lower-case
 *   words one of which every match of @pattern holds, or %NULL when the
 *   pattern cannot be read that way
 */
char **
ssv_pattern_required_literals (const char *pattern)
{
  Reader rd = { pattern, FALSE };
  GPtrArray *words = read_alternatives (&rd, 0);

  if (words == NULL || *rd.at != '\0')
    {
      g_clear_pointer (&words, g_ptr_array_unref);
      return NULL;
    }
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

/**
 * ssv_pattern_fold_name:
 *
 * @name in lower case in @buffer, for ssv_pattern_may_match(). Only a plain
 * ASCII name is folded: a case-insensitive pattern's "k" also matches the
 * Kelvin sign, so any other name must go to the regular expression.
 *
 * Returns: (nullable): @buffer, or %NULL when @name is not plain ASCII or is too long
 */
const char *
ssv_pattern_fold_name (const char *name,
                       char       *buffer,
                       gsize       size)
{
  gsize i;

  if (name == NULL)
    return NULL;
  for (i = 0; name[i] != '\0'; i++)
    {
      if ((guchar) name[i] >= 0x80 || i + 1 >= size)
        return NULL;
      buffer[i] = ssv_ascii_lower (name[i]);
    }
  buffer[i] = '\0';
  return buffer;
}

/* FALSE when @folded holds none of @literals: the pattern cannot match it. */
gboolean
ssv_pattern_may_match (const char * const *literals,
                       const char         *folded)
{
  if (literals == NULL || folded == NULL)
    return TRUE;
  for (guint i = 0; literals[i] != NULL; i++)
    if (strstr (folded, literals[i]) != NULL)
      return TRUE;
  return FALSE;
}
