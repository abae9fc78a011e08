/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release-tokens.c: the release parser's first stage: the word index and the tokenizer. */

#include "config.h"

#include "downloads/ssv-release-private.h"

/* ------------------------------------------------------------------------ */
/* Word index: an open-addressing hash table over the word lists, built once. */

#define INDEX_SIZE  2048
#define MAX_ENTRIES 1024

static Entry   entries[MAX_ENTRIES];
static guint16 slots[INDEX_SIZE];

/* Byte classes for the tokenizer, filled once with the index. */
enum
{
  C_WORD   = 1 << 0,
  C_DIGIT  = 1 << 1,
  C_LOWER  = 1 << 2,
  C_HEX    = 1 << 3,
  C_OPEN   = 1 << 4,
  C_CLOSE  = 1 << 5,
  C_LETTER = 1 << 6,
  C_HIGH   = 1 << 7,
};

static guint8 byte_class[256];
static guchar lower_table[256];

guint32
_ssv_release_hash_str (const char *s)
{
  guint32 h = 5381;

  for (; *s; s++)
    h = fnv_step (h, (guchar) *s);
  return h;
}

const Entry *
_ssv_release_lookup_len (const char *low,
                         gsize       len,
                         guint32     hash)
{
  guint s = hash & (INDEX_SIZE - 1);

  while (slots[s] != 0)
    {
      const Entry *e = &entries[slots[s] - 1];

      if (e->hash == hash && e->len == len && memcmp (e->word, low, len) == 0)
        return e;
      s = (s + 1) & (INDEX_SIZE - 1);
    }

  return NULL;
}

const Entry *
_ssv_release_lookup (const char *low,
                     guint32     hash)
{
  return _ssv_release_lookup_len (low, strlen (low), hash);
}

static void
index_add (guint      *n_entries,
           const char *word,
           guint8      kind,
           guint8      flags,
           guint16     val,
           const char *exact)
{
  guint32 h = _ssv_release_hash_str (word);
  guint s = h & (INDEX_SIZE - 1);
  Entry *e;

  g_assert (*n_entries < MAX_ENTRIES);

  /* The first spelling wins; the tables list the preferred meaning first. */
  if (_ssv_release_lookup (word, h) != NULL)
    return;

  e = &entries[*n_entries];
  e->hash = h;
  e->kind = kind;
  e->flags = flags;
  e->val = val;
  e->len = strlen (word);
  e->word = word;
  e->exact = exact;
  (*n_entries)++;

  while (slots[s] != 0)
    s = (s + 1) & (INDEX_SIZE - 1);
  slots[s] = *n_entries;
}

guint
_ssv_release_service_index (const char *code)
{
  for (guint i = 1; i < ssv_release_n_services; i++)
    if (strcmp (ssv_release_services[i].code, code) == 0)
      return i;
  g_assert_not_reached ();
  return 0;
}

void
_ssv_release_ensure_index (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      static char codes[256][12];
      guint n = 0;

      for (int c = 0; c < 256; c++)
        {
          guint8 cls = 0;

          if (g_ascii_isalnum (c) || c >= 0x80)
            cls |= C_WORD;
          if (g_ascii_isdigit (c))
            cls |= C_DIGIT | C_HEX;
          if (g_ascii_isalpha (c) || c >= 0x80)
            cls |= C_LETTER;
          if (c >= 0x80)
            cls |= C_HIGH;
          if (g_ascii_islower (c))
            cls |= C_LOWER;
          if (g_ascii_isxdigit (c))
            cls |= C_HEX;
          if (c == '[' || c == '(' || c == '{')
            cls |= C_OPEN;
          if (c == ']' || c == ')' || c == '}')
            cls |= C_CLOSE;
          byte_class[c] = cls;
          lower_table[c] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
        }

      for (guint i = 0; i < ssv_release_n_words; i++)
        {
          const SsvReleaseWord *w = &ssv_release_words[i];
          index_add (&n, w->word, w->kind, w->flags, w->val, w->exact);
        }

      g_assert (ssv_release_n_services <= G_N_ELEMENTS (codes));
      for (guint i = 1; i < ssv_release_n_services; i++)
        {
          const SsvReleaseService *s = &ssv_release_services[i];
          guint8 flags = s->flags;
          gsize len = strlen (s->code);

          g_assert (len < sizeof codes[i]);
          for (gsize k = 0; k <= len; k++)
            codes[i][k] = g_ascii_tolower (s->code[k]);
          /* Two-letter tags are too easily words: only as written. */
          if (len <= 2)
            flags |= SSV_RW_UPPER | SSV_RW_WEBCTX;
          index_add (&n, codes[i], SSV_RK_SERVICE, flags, i, s->code);
        }

      for (guint i = 0; i < ssv_release_n_service_aliases; i++)
        {
          const SsvReleaseServiceAlias *a = &ssv_release_service_aliases[i];
          index_add (&n, a->words, SSV_RK_SERVICE, a->flags, _ssv_release_service_index (a->code), NULL);
        }

      g_once_init_leave (&done, 1);
    }
}

/* ------------------------------------------------------------------------ */
/* Tokens */

/* Cuts the name into tokens: runs of letters and digits, in brackets or not. */
void
_ssv_release_tokenize (Parser *p)
{
  const guchar *s = (const guchar *) p->buf;
  int len = p->blen;
  guint8 stack_ch[8];
  guint8 stack_id[8];
  int depth = 0;
  guint8 next_group = 1;
  int i = 0;

  while (i < len && p->n < MAX_TOKENS)
    {
      guint8 cls = byte_class[s[i]];

      if (cls & C_WORD)
        {
          Tok *t = &p->tok[p->n++];
          int start = i;
          guint8 acc_or = 0;
          guint8 acc_and = 0xff;
          guint32 h = 5381;
          guint num = 0;
          int ndig = 0;
          int k;
          guint flags = 0;

          /* Where the word ends; an apostrophe inside a word ("Where's") belongs to it */
          for (; i < len; i++)
            {
              cls = byte_class[s[i]];
              if (!(cls & C_WORD))
                {
                  if (s[i] == '\'' && i > start && i + 1 < len && (byte_class[s[i - 1]] & C_LETTER) &&
                      (byte_class[s[i + 1]] & C_LETTER))
                    continue;
                  break;
                }
              acc_or |= cls;
              acc_and &= cls;
            }

          k = MIN (i - start, LOW_MAX - 1);
          if (i - start > LOW_MAX - 1)
            flags |= TF_LONG;
          for (int q = 0; q < k; q++)
            {
              guchar lc = lower_table[s[start + q]];

              t->low[q] = lc;
              h = fnv_step (h, lc);
            }
          t->low[k] = '\0';

          while (ndig < i - start && (byte_class[s[start + ndig]] & C_DIGIT))
            {
              if (num < 100000)
                num = num * 10 + (s[start + ndig] - '0');
              ndig++;
            }

          t->start = start;
          t->end = i;
          t->nlow = k;
          t->hash = h;
          /* never past low[]: patterns read low + ndig */
          t->ndig = MIN (ndig, k);
          t->num = MIN (num, 65535);
          t->kind = SSV_RK_NONE;
          t->level = SURE;
          t->cont = 0;
          t->val = 0;
          t->bracket = depth > 0 ? stack_ch[depth - 1] : 0;
          t->bgroup = depth > 0 ? stack_id[depth - 1] : 0;

          if (acc_and & C_DIGIT)
            flags |= TF_DIGITS;
          if (acc_and & C_HEX)
            flags |= TF_HEX;
          if (acc_or & C_DIGIT)
            flags |= TF_DIGIT;
          if (acc_or & C_HIGH)
            p->has_high = TRUE;
          if (acc_or & C_LETTER)
            {
              flags |= TF_ALPHA;
              if (!(acc_or & C_LOWER))
                flags |= TF_UPPER;
            }
          if ((flags & TF_DIGITS) && ndig == 4 && num >= YEAR_MIN && num <= YEAR_MAX)
            flags |= TF_YEAR;
          t->flags = flags;
        }
      else
        {
          if (cls & C_OPEN)
            {
              if (depth < (int) sizeof stack_ch)
                {
                  stack_ch[depth] = s[i];
                  stack_id[depth] = next_group < 255 ? next_group++ : 255;
                  depth++;
                }
            }
          else if ((cls & C_CLOSE) && depth > 0)
            {
              depth--;
            }
          i++;
        }
    }
}
