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

/* While the pattern is read, a word every match holds right after a word
 * boundary ("\\bPROPER") starts with this mark: the name need only be
 * searched at the starts of its words. */
#define AT_WORD_START '\b'

static GPtrArray *read_alternatives (Reader   *rd,
                                     guint     depth,
                                     gboolean  at_boundary);

static inline gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static guint
shortest (GPtrArray *words)
{
  guint len = G_MAXUINT;

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      len = MIN (len, strlen (word) - (word[0] == AT_WORD_START));
    }
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

/* Ends the run of letters @run; @bounded: it began right after a "\\b". */
static void
end_run (GString    *run,
         gboolean    bounded,
         GPtrArray **best)
{
  GPtrArray *words;

  if (run->len == 0)
    return;
  words = g_ptr_array_new_with_free_func (g_free);
  /* "\\b" before a letter means no letter before it; before anything else it means the opposite */
  if (bounded && is_word_char (run->str[0]))
    g_ptr_array_add (words, g_strdup_printf ("%c%s", AT_WORD_START, run->str));
  else
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
 * its matches holds, or NULL if none can be named. @at_boundary: a "\\b"
 * comes right before it. */
static GPtrArray *
read_sequence (Reader   *rd,
               guint     depth,
               gboolean  at_boundary)
{
  g_autoptr(GString) run = g_string_new (NULL);
  GPtrArray *best = NULL;
  gboolean repeated;
  gboolean after_boundary = at_boundary;   /* a "\\b" right before the next atom */
  gboolean run_bounded = FALSE;            /* one right before the run's first letter */

  while (!rd->unreadable && *rd->at != '\0' && *rd->at != '|' && *rd->at != ')')
    {
      char c = *rd->at;
      char literal;

      if (c == '(')
        {
          GPtrArray *inner;

          end_run (run, run_bounded, &best);
          rd->at++;
          if (rd->at[0] == '?' && rd->at[1] == ':')
            rd->at += 2;
          else if (rd->at[0] == '?')
            {
              rd->unreadable = TRUE;
              break;
            }
          inner = read_alternatives (rd, depth + 1, after_boundary);
          after_boundary = FALSE;
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
          end_run (run, run_bounded, &best);
          rd->at++;
          read_quantifier (rd, &repeated);
          after_boundary = FALSE;
          continue;
        }
      if (c == '\\' && rd->at[1] != '\0' && strchr ("bBdDwWsS", rd->at[1]) != NULL)
        {
          gboolean boundary = rd->at[1] == 'b';
          gboolean optional;

          end_run (run, run_bounded, &best);
          rd->at += 2;
          optional = read_quantifier (rd, &repeated);
          after_boundary = boundary && !optional;
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
          end_run (run, run_bounded, &best);
          after_boundary = FALSE;
          continue;
        }
      if (run->len == 0)
        run_bounded = after_boundary;
      after_boundary = FALSE;
      g_string_append_c (run, g_ascii_tolower (literal));
      if (repeated)
        end_run (run, run_bounded, &best);
    }
  end_run (run, run_bounded, &best);
  if (rd->unreadable)
    g_clear_pointer (&best, g_ptr_array_unref);
  return best;
}

/* Alternatives up to ")" or the end: NULL if one of them names no word. */
static GPtrArray *
read_alternatives (Reader   *rd,
                   guint     depth,
                   gboolean  at_boundary)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_free);
  gboolean open = FALSE;

  if (depth > 16)
    rd->unreadable = TRUE;
  while (!rd->unreadable)
    {
      g_autoptr(GPtrArray) words = read_sequence (rd, depth, at_boundary);

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

/* The words of @pattern, each marked with AT_WORD_START where a match holds it at a word's start. */
static GPtrArray *
read_pattern (const char *pattern)
{
  Reader rd = { pattern, FALSE };
  GPtrArray *words = read_alternatives (&rd, 0, FALSE);

  if (words == NULL || *rd.at != '\0')
    g_clear_pointer (&words, g_ptr_array_unref);
  return words;
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
  GPtrArray *words = read_pattern (pattern);

  if (words == NULL)
    return NULL;
  for (guint i = 0; i < words->len; i++)
    {
      char *word = g_ptr_array_index (words, i);

      if (word[0] == AT_WORD_START)
        memmove (word, word + 1, strlen (word));
    }
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

typedef struct
{
  char     *word;
  gsize     len;
  gboolean  at_word_start;   /* only where a word of the name starts */
  guint64   first_bit;       /* letter_bit() of its first letter */
} Literal;

struct _SsvPatternLiterals
{
  guint    n;
  Literal  words[];
};

static inline guint64
letter_bit (char c)
{
  /* a-z, 0-9 and _ each have their own bit */
  return G_GUINT64_CONSTANT (1) << (c & 63);
}

/**
 * ssv_pattern_literals_new:
 * @pattern: a regular expression, compiled case-insensitive
 *
 * The words one of which every match of @pattern holds, and where: a pattern
 * read once to be passed over quickly on the names that lack them all.
 *
 * Returns: (transfer full) (nullable): the words, or %NULL when the pattern
 *   cannot be read that way (then every name goes to the pattern)
 */
SsvPatternLiterals *
ssv_pattern_literals_new (const char *pattern)
{
  g_autoptr(GPtrArray) words = read_pattern (pattern);
  SsvPatternLiterals *literals;

  if (words == NULL)
    return NULL;
  literals = g_malloc0 (sizeof *literals + words->len * sizeof (Literal));
  literals->n = words->len;
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      Literal *l = &literals->words[i];

      l->at_word_start = word[0] == AT_WORD_START;
      l->word = g_strdup (word + l->at_word_start);
      l->len = strlen (l->word);
      l->first_bit = letter_bit (l->word[0]);
    }
  return literals;
}

void
ssv_pattern_literals_free (SsvPatternLiterals *literals)
{
  if (literals == NULL)
    return;
  for (guint i = 0; i < literals->n; i++)
    g_free (literals->words[i].word);
  g_free (literals);
}

/**
 * ssv_folded_name_init:
 * @buffer: where the folded name is written
 *
 * @name in lower case in @buffer, and where its words start, for
 * ssv_pattern_literals_may_match(). Only a plain ASCII name is folded: a
 * case-insensitive pattern's "k" also matches the Kelvin sign, so any
 * other name (or one too long for @buffer) leaves @folded's text %NULL and
 * goes to the regular expression.
 */
void
ssv_folded_name_init (SsvFoldedName *folded,
                      const char    *name,
                      char          *buffer,
                      gsize          size)
{
  gboolean in_word = FALSE;
  gsize i;

  folded->text = NULL;
  folded->first_letters = 0;
  folded->n_starts = 0;
  folded->all_starts = TRUE;
  if (name == NULL)
    return;
  for (i = 0; name[i] != '\0'; i++)
    {
      char c = ssv_ascii_lower (name[i]);
      gboolean word = is_word_char (c);

      if ((guchar) c >= 0x80 || i + 1 >= size)
        return;
      buffer[i] = c;
      if (word && !in_word)
        {
          folded->first_letters |= letter_bit (c);
          if (folded->n_starts < G_N_ELEMENTS (folded->starts))
            folded->starts[folded->n_starts++] = (guint16) i;
          else
            folded->all_starts = FALSE;
        }
      in_word = word;
    }
  buffer[i] = '\0';
  folded->text = buffer;
}

/* Whether @l is in @text where a word starts. */
static gboolean
at_a_word_start (const Literal       *l,
                 const SsvFoldedName *folded)
{
  const char *text = folded->text;

  if (!(folded->first_letters & l->first_bit))
    return FALSE;
  if (folded->all_starts)
    {
      for (guint i = 0; i < folded->n_starts; i++)
        if (text[folded->starts[i]] == l->word[0] && strncmp (text + folded->starts[i], l->word, l->len) == 0)
          return TRUE;
      return FALSE;
    }
  for (const char *at = strstr (text, l->word); at != NULL; at = strstr (at + 1, l->word))
    if (at == text || !is_word_char (at[-1]))
      return TRUE;
  return FALSE;
}

/**
 * ssv_pattern_literals_may_match:
 * @literals: (nullable): from ssv_pattern_literals_new()
 * @folded: (nullable): from ssv_folded_name_init()
 *
 * Returns: %FALSE when the name holds none of @literals where a match would:
 *   the pattern cannot match it
 */
gboolean
ssv_pattern_literals_may_match (const SsvPatternLiterals *literals,
                                const SsvFoldedName      *folded)
{
  if (literals == NULL || folded == NULL || folded->text == NULL)
    return TRUE;
  for (guint i = 0; i < literals->n; i++)
    {
      const Literal *l = &literals->words[i];

      if (l->at_word_start ? at_a_word_start (l, folded) : strstr (folded->text, l->word) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* ---- the words of many patterns, sought in one pass ---- */

typedef struct
{
  const Literal *literal;     /* borrowed from the SsvPatternLiterals added */
  guint64        bit;         /* the pattern's bit */
} SetWord;

/* What a byte of a name means to the scan (SsvLiteralSet's @act). */
enum
{
  ACT_ANYWHERE = 1 << 0,   /* a word sought anywhere starts with it */
  ACT_AT_START = 1 << 1,   /* a word sought where a word starts starts with it */
  ACT_STOP     = 1 << 2,   /* not ASCII: every pattern may match */
  ACT_WORD     = 1 << 3,   /* a letter, digit or "_" */
};

struct _SsvLiteralSet
{
  guint64  always;            /* patterns without words: each may match anything */
  GArray  *words;             /* SetWord, by first letter */
  guint16  first[128];        /* where a letter's words begin in @words */
  guint16  count[128];        /* how many there are */
  guint8   act[256];          /* ACT_* of each byte, both cases alike */
  gboolean anywhere;          /* some words are sought anywhere, not only where words start */
};

/**
 * ssv_literal_set_new:
 *
 * The words of several patterns (a profile's title conditions), each
 * pattern named by a bit, so one pass over a name tells which patterns it
 * may match (ssv_literal_set_scan()) instead of a pass for each pattern.
 */
SsvLiteralSet *
ssv_literal_set_new (void)
{
  SsvLiteralSet *set = g_new0 (SsvLiteralSet, 1);

  set->words = g_array_new (FALSE, FALSE, sizeof (SetWord));
  return set;
}

void
ssv_literal_set_free (SsvLiteralSet *set)
{
  if (set == NULL)
    return;
  g_array_unref (set->words);
  g_free (set);
}

static int
compare_first_letters (gconstpointer a,
                       gconstpointer b)
{
  return (int) (guchar) ((const SetWord *) a)->literal->word[0] - (int) (guchar) ((const SetWord *) b)->literal->word[0];
}

/* Sorts the words by first letter and indexes them, once all are added. */
static void
literal_set_index (SsvLiteralSet *set)
{
  g_array_sort (set->words, compare_first_letters);
  memset (set->count, 0, sizeof set->count);
  for (guint c = 0; c < 256; c++)
    set->act[c] = c >= 0x80 ? ACT_STOP : is_word_char ((char) c) ? ACT_WORD : 0;
  for (guint i = set->words->len; i > 0; i--)
    {
      const Literal *l = g_array_index (set->words, SetWord, i - 1).literal;
      guchar c = (guchar) l->word[0];
      guint8 act = l->at_word_start ? ACT_AT_START : ACT_ANYWHERE;

      set->first[c] = (guint16) (i - 1);
      set->count[c]++;
      set->act[c] |= act;
      set->act[(guchar) g_ascii_toupper ((char) c)] |= act;
      set->anywhere |= !l->at_word_start;
    }
}

/**
 * ssv_literal_set_add:
 * @literals: (nullable): from ssv_pattern_literals_new(); it must outlive @set.
 *   %NULL: the pattern may match any name
 * @bit: the pattern's bit in what ssv_literal_set_scan() returns
 */
void
ssv_literal_set_add (SsvLiteralSet            *set,
                     const SsvPatternLiterals *literals,
                     guint64                   bit)
{
  gboolean usable = literals != NULL && literals->n > 0;

  /* only plain ASCII words can be indexed by their first letter */
  for (guint i = 0; usable && i < literals->n; i++)
    usable = literals->words[i].len > 0 && (guchar) literals->words[i].word[0] < 0x80 &&
             set->words->len < G_MAXUINT16;
  if (!usable)
    {
      set->always |= bit;
      return;
    }
  for (guint i = 0; i < literals->n; i++)
    {
      SetWord w = { &literals->words[i], bit };

      g_array_append_val (set->words, w);
    }
  literal_set_index (set);
}

/* Whether @l is in @name at @at, letters compared in lower case. */
static inline gboolean
literal_at (const Literal *l,
            const char    *at)
{
  for (gsize k = 1; k < l->len; k++)
    if (ssv_ascii_lower (at[k]) != l->word[k])
      return FALSE;
  return TRUE;
}

/**
 * ssv_literal_set_scan:
 *
 * One pass over @name: the bits of the patterns it may match, as
 * ssv_pattern_literals_may_match() would say for each of them. A name that
 * is not plain ASCII may match every pattern (see ssv_folded_name_init()).
 *
 * Returns: the bits of the patterns that may match @name
 */
guint64
ssv_literal_set_scan (const SsvLiteralSet *set,
                      const char          *name)
{
  guint64 found = set->always;
  /* what is sought at the next byte: after a letter, only words sought anywhere */
  guint8 sought = ACT_ANYWHERE | ACT_AT_START | ACT_STOP;

  if (set->words->len == 0)
    return found;
  for (const char *at = name; *at != '\0'; at++)
    {
      guint8 act = set->act[(guchar) *at];

      if (act & sought)
        {
          guchar c = (guchar) ssv_ascii_lower (*at);
          const SetWord *w;

          if (act & ACT_STOP)
            return G_MAXUINT64;
          w = &g_array_index (set->words, SetWord, set->first[c]);
          for (guint i = 0; i < set->count[c]; i++)
            if ((found & w[i].bit) != w[i].bit && (sought & ACT_AT_START || !w[i].literal->at_word_start) &&
                literal_at (w[i].literal, at))
              found |= w[i].bit;
        }
      /* when every word is sought where words start, the rest of a word is of no interest */
      if ((act & ACT_WORD) && !set->anywhere)
        while (set->act[(guchar) at[1]] & ACT_WORD)
          at++;
      sought = act & ACT_WORD ? ACT_ANYWHERE | ACT_STOP : ACT_ANYWHERE | ACT_AT_START | ACT_STOP;
    }
  return found;
}
