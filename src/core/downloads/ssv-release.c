/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release.c: reads release names with a hand-written tokenizer; no regex, no malloc. */

#include "config.h"

#include <string.h>

#include "ssv-release.h"
#include "ssv-release-tables.h"

/*
 * How it works. The name (the last path component, its extension removed) is cut
 * into tokens: runs of letters and digits, with the separators between them kept
 * in the original string. A first pass recognises what it is sure of (S01E02,
 * 1080p, x264, WEB-DL…) and marks words that may be tags or may be ordinary words
 * (PROPER, French, Extended…) as "weak". The title is the first run of unclaimed
 * words; weak words inside it become title words again, weak words at its end stay
 * tags. Bare numbers (episodes, anime absolute numbers) and years are decided
 * once the sure tags are known, because they depend on where the title ends.
 */

#define MAX_TOKENS 96
#define BUF_MAX    384
#define LOW_MAX    24
#define YEAR_MIN   1900
#define YEAR_MAX   2039

enum
{
  TF_DIGITS = 1 << 0,   /* only digits */
  TF_ALPHA  = 1 << 1,   /* has a letter */
  TF_UPPER  = 1 << 2,   /* has a letter and every letter is upper-case */
  TF_HEX    = 1 << 3,   /* only hex digits */
  TF_LONG   = 1 << 4,   /* longer than low[] */
  TF_YEAR   = 1 << 5,   /* four digits that can be a year */
  TF_DIGIT  = 1 << 6,   /* has a digit somewhere */
};

/* How sure a claim is. */
enum
{
  SURE = 0,
  WEAK = 1,    /* a tag unless an unclaimed word follows it inside the title */
  AFTER = 2,   /* a tag only after the first sure tag */
};

typedef struct
{
  guint16 start;
  guint16 end;
  guint16 num;          /* value of the leading digits, capped */
  guint8  ndig;         /* number of leading digits */
  guint8  nlow;         /* length of low[] */
  guint8  bracket;      /* innermost open bracket around it: '[', '(', '{' or 0 */
  guint8  bgroup;       /* which bracket group, 0 for none */
  guint8  kind;         /* SsvReleaseKind */
  guint8  level;        /* SURE, WEAK, AFTER */
  guint8  cont;         /* continues the claim of an earlier token */
  guint8  flags;        /* TF_* */
  guint16 val;
  guint32 hash;
  char    low[LOW_MAX];
} Tok;

typedef struct
{
  const char *buf;
  int         blen;
  int         n;
  int         ts;            /* first token of the title */
  int         te;            /* one past its last token */
  int         sure;          /* first sure tag at or after ts, n if none */
  int         ep_first;      /* first and last token of the first season/episode/date */
  int         ep_last;
  int         n_sure;        /* how many sure tags: "is this a release at all" */
  gboolean    anime;
  gboolean    bad_date;
  gboolean    no_title;
  gboolean    encoder;       /* x264/x265/XviD: an encode, not a disc */
  gboolean    has_high;      /* bytes over 0x7f: text needs UTF-8 checks */
  gboolean    folder;        /* parsing a folder name of a path */
  gboolean    uk_series;     /* "Series 2 Part 11": British for season 2 episode 11 */
  gboolean    complete_series; /* "Complete Series": every season of a show */
  guint16     guess_res;     /* "HR": a resolution the name implies */
  guint8      rx;            /* SSV_RX_* seen */
  SsvRelease *out;
  Tok         tok[MAX_TOKENS];
} Parser;

/* ------------------------------------------------------------------------ */
/* Word index: an open-addressing hash table over the word lists, built once. */

typedef struct
{
  guint32     hash;
  guint8      kind;
  guint8      flags;
  guint16     val;
  guint8      len;
  const char *word;
  const char *exact;
} Entry;

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

/* djb2: cheap, and collisions only cost a memcmp */
static inline guint32
fnv_step (guint32 h,
          guchar  c)
{
  return (h << 5) + h + c;
}

static guint32
hash_str (const char *s)
{
  guint32 h = 5381;

  for (; *s; s++)
    h = fnv_step (h, (guchar) *s);
  return h;
}

static const Entry *
lookup_len (const char *low,
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

static const Entry *
lookup (const char *low,
        guint32     hash)
{
  return lookup_len (low, strlen (low), hash);
}

static void
index_add (guint      *n_entries,
           const char *word,
           guint8      kind,
           guint8      flags,
           guint16     val,
           const char *exact)
{
  guint32 h = hash_str (word);
  guint s = h & (INDEX_SIZE - 1);
  Entry *e;

  g_assert (*n_entries < MAX_ENTRIES);

  /* The first spelling wins; the tables list the preferred meaning first. */
  if (lookup (word, h) != NULL)
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

static guint
service_index (const char *code)
{
  for (guint i = 1; i < ssv_release_n_services; i++)
    if (strcmp (ssv_release_services[i].code, code) == 0)
      return i;
  g_assert_not_reached ();
  return 0;
}

static void
ensure_index (void)
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
          index_add (&n, a->words, SSV_RK_SERVICE, a->flags, service_index (a->code), NULL);
        }

      g_once_init_leave (&done, 1);
    }
}

/* ------------------------------------------------------------------------ */
/* Tokens */


static void
tokenize (Parser *p)
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

/* The separator characters in front of token @i. */
static inline const char *
gap (const Parser *p,
     int           i,
     int          *len)
{
  int from = i > 0 ? p->tok[i - 1].end : 0;

  *len = p->tok[i].start - from;
  return p->buf + from;
}

static gboolean
gap_has (const Parser *p,
         int           i,
         char          c)
{
  int len;
  const char *g = gap (p, i, &len);

  return memchr (g, c, len) != NULL;
}

/* Nothing or one plain separator: the tokens belong together ("WEB-DL", "H.264"). */
static gboolean
gap_joins (const Parser *p,
           int           i)
{
  int len;
  const char *g = gap (p, i, &len);

  return len == 0 || (len == 1 && (g[0] == ' ' || g[0] == '.' || g[0] == '_' || g[0] == '-'));
}

/* " - ", "_-_", ".-.": a dash set apart, which separates parts of a name. */
static gboolean
gap_is_dash (const Parser *p,
             int           i)
{
  int len;
  const char *g = gap (p, i, &len);

  if (len == 2 && g[0] == '-' && g[1] == '-')
    return TRUE;
  return len >= 2 && memchr (g, '-', len) != NULL &&
         (g[0] == ' ' || g[0] == '_' || g[0] == '.' || g[len - 1] == ' ' || g[len - 1] == '_' ||
          g[len - 1] == '.');
}

static gboolean
gap_is_char (const Parser *p,
             int           i,
             char          c)
{
  int len;
  const char *g = gap (p, i, &len);

  return len == 1 && g[0] == c;
}

static gboolean
gap_is_str (const Parser *p,
            int           i,
            const char   *s)
{
  int len;
  const char *g = gap (p, i, &len);

  return (gsize) len == strlen (s) && memcmp (g, s, len) == 0;
}

static gboolean
tok_is (const Parser *p,
        int           i,
        const char   *word)
{
  return i >= 0 && i < p->n && p->tok[i].low[0] == word[0] && strcmp (p->tok[i].low, word) == 0;
}

static gboolean
tok_orig_is (const Parser *p,
             int           i,
             const char   *word)
{
  const Tok *t = &p->tok[i];
  gsize len = strlen (word);

  return (gsize) (t->end - t->start) == len && memcmp (p->buf + t->start, word, len) == 0;
}

static inline gboolean
is_digits (const Parser *p,
           int           i)
{
  return i >= 0 && i < p->n && (p->tok[i].flags & TF_DIGITS);
}

static void
claim (Parser *p,
       int     i,
       int     kind,
       int     val,
       int     level)
{
  Tok *t = &p->tok[i];

  t->kind = kind;
  t->val = val;
  t->level = level;
  t->cont = 0;
  if (level == SURE)
    p->n_sure++;
}

static void
claim_cont (Parser *p,
            int     i,
            int     head)
{
  Tok *t = &p->tok[i];

  t->kind = p->tok[head].kind;
  t->val = p->tok[head].val;
  t->level = p->tok[head].level;
  t->cont = 1;
}

static void
unclaim (Parser *p,
         int     i)
{
  p->tok[i].kind = SSV_RK_NONE;
  p->tok[i].level = SURE;
  p->tok[i].cont = 0;
}

/* ------------------------------------------------------------------------ */
/* Numbers into the result */

static gboolean
has_u16 (const guint16 *list,
         guint          n,
         guint          value)
{
  for (guint i = 0; i < n; i++)
    if (list[i] == value)
      return TRUE;
  return FALSE;
}

static void
add_u16 (guint16 *list,
         guint8  *n,
         guint    max,
         guint    value)
{
  if (has_u16 (list, *n, value))
    return;
  if (*n < max)
    list[(*n)++] = value;
}

static void
add_season (Parser *p,
            guint   season)
{
  add_u16 (p->out->seasons, &p->out->n_seasons, SSV_RELEASE_MAX_SEASONS, season);
}

static void
add_episode (Parser *p,
             guint   episode)
{
  add_u16 (p->out->episodes, &p->out->n_episodes, SSV_RELEASE_MAX_EPISODES, episode);
}

static void
add_absolute (Parser *p,
              guint   episode)
{
  add_u16 (p->out->absolute, &p->out->n_absolute, SSV_RELEASE_MAX_EPISODES, episode);
}

static void
add_episode_range (Parser *p,
                   guint   from,
                   guint   to,
                   gboolean absolute)
{
  if (to < from || to - from > 200)
    return;
  for (guint e = from; e <= to; e++)
    {
      add_episode (p, e);
      if (absolute)
        add_absolute (p, e);
    }
}

static void
note_episode_anchor (Parser *p,
                     int     first,
                     int     last)
{
  if (p->ep_first < 0 || first < p->ep_first)
    {
      p->ep_first = first;
      p->ep_last = last;
    }
}

/* After the episode token @i: the tokens joined to it by a dash ("-03", "-E03",
 * "-1x03") each extend the list up to the number @range_end reads from them
 * (anything not above the last episode ends the run). Returns the tokens
 * taken, @i's own included. */
static int
take_episode_ranges (Parser  *p,
                     int      i,
                     int      season,
                     int    (*range_end) (const Tok *u, int last, int season))
{
  int j;

  for (j = i + 1; j < p->n; j++)
    {
      int last = p->out->episodes[p->out->n_episodes - 1];
      int end;

      if (!gap_has (p, j, '-') || !gap_joins (p, j))
        break;
      end = range_end (&p->tok[j], last, season);
      if (end <= last)
        break;
      add_episode_range (p, last + 1, end, FALSE);
      claim_cont (p, j, i);
    }

  note_episode_anchor (p, i, j - 1);
  return j - i;
}

/* Reads digits at *pos of s; returns -1 when there are none. */
static int
read_num (const char *s,
          int        *pos,
          int         max_digits)
{
  int v = 0;
  int k = 0;

  while (s[*pos] >= '0' && s[*pos] <= '9' && k < max_digits)
    {
      v = v * 10 + (s[*pos] - '0');
      (*pos)++;
      k++;
    }

  if (k == 0 || (s[*pos] >= '0' && s[*pos] <= '9'))
    return -1;
  return v;
}

/* "e12" or "ep12", optionally "v2": the episode number, or -1. */
static int
parse_e_token (const Tok *t,
               int       *version)
{
  int pos = 1;
  int v;

  if (t->low[0] != 'e')
    return -1;
  if (t->low[1] == 'p')
    pos = 2;
  v = read_num (t->low, &pos, 4);
  if (v < 0)
    return -1;
  if (t->low[pos] == 'v' && t->low[pos + 1] >= '1' && t->low[pos + 1] <= '9' && t->low[pos + 2] == 0)
    {
      if (version)
        *version = t->low[pos + 1] - '0';
      return v;
    }
  return t->low[pos] == 0 ? v : -1;
}

/* Digits, or digits and "v2": the number, or -1. */
static int
parse_num_token (const Tok *t,
                 int       *version)
{
  if (t->flags & TF_DIGITS)
    return t->ndig <= 5 ? t->num : -1;
  if (t->ndig > 0 && t->ndig <= 4 && t->low[t->ndig] == 'v' &&
      t->low[t->ndig + 1] >= '1' && t->low[t->ndig + 1] <= '9' && t->low[t->ndig + 2] == 0)
    {
      if (version)
        *version = t->low[t->ndig + 1] - '0';
      return t->num;
    }
  return -1;
}

static void
set_version (Parser *p,
             int     version)
{
  if (version > p->out->revision_version)
    p->out->revision_version = version;
}

static int
roman_value (const char *s)
{
  static const char *const romans[] = {
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
    "xv", "xvi", "xvii", "xviii", "xix", "xx",
  };

  for (guint i = 0; i < G_N_ELEMENTS (romans); i++)
    if (strcmp (s, romans[i]) == 0)
      return i + 1;
  return -1;
}

/* ------------------------------------------------------------------------ */
/* Patterns */

/* "S01E05" ending a range that started at @last. */
static gboolean
match_sxe_range_end (Parser *p,
                     int     j,
                     int     last)
{
  const char *l = p->tok[j].low;
  int pos = 1;
  int e;

  if (read_num (l, &pos, 4) < 0 || l[pos] != 'e')
    return FALSE;
  pos++;
  e = read_num (l, &pos, 4);
  if (e <= last || l[pos] != '\0')
    return FALSE;
  add_episode_range (p, last + 1, e, FALSE);
  return TRUE;
}

/* S01, S01E02, S01E02E03, S01E02-E05, S01-S05, S01S02, S2016E01, "S 01", S07D1, S01Extras. */
static int
match_sxe (Parser *p,
           int     i)
{
  const Tok *t = &p->tok[i];
  const char *l = t->low;
  guint16 seasons[8];
  guint16 episodes[16];
  int ns = 0;
  int ne = 0;
  int pos = 0;
  int sdigits = 0;
  int j;
  int version = 0;

  if (l[0] != 's')
    return 0;

  if (l[1] == '\0')
    {
      /* "S 01": a lone capital S then a season number */
      if (tok_orig_is (p, i, "S") && is_digits (p, i + 1) && p->tok[i + 1].ndig <= 2 &&
          gap_is_char (p, i + 1, ' ') && p->tok[i + 1].num > 0)
        {
          add_season (p, p->tok[i + 1].num);
          claim (p, i, SSV_RK_SEASON, 0, SURE);
          claim_cont (p, i + 1, i);
          note_episode_anchor (p, i, i + 1);
          return 2;
        }
      return 0;
    }

  if (!g_ascii_isdigit (l[1]) || (t->flags & TF_LONG))
    return 0;

  while (l[pos] != '\0')
    {
      int v;
      int start;

      if (l[pos] == 's' && ns < 8 && g_ascii_isdigit (l[pos + 1]))
        {
          pos++;
          start = pos;
          v = read_num (l, &pos, 4);
          if (v < 0)
            return 0;
          if (ns == 0)
            sdigits = pos - start;
          seasons[ns++] = v;
        }
      else if (l[pos] == 'e' && ns > 0 && ne < 16 && (g_ascii_isdigit (l[pos + 1]) ||
                                                     (l[pos + 1] == 'p' && g_ascii_isdigit (l[pos + 2]))))
        {
          pos++;
          if (l[pos] == 'p')
            pos++;
          v = read_num (l, &pos, 4);
          if (v < 0)
            return 0;
          episodes[ne++] = v;
        }
      else if (l[pos] == 'x' && ns > 0 && ne == 0 && l[pos + 1] == 'e')
        {
          /* S06xE01 */
          pos++;
        }
      else if (l[pos] == 'x' && ns > 0 && ne == 0 && g_ascii_isdigit (l[pos + 1]))
        {
          pos++;
          v = read_num (l, &pos, 3);
          if (v < 0)
            return 0;
          episodes[ne++] = v;
        }
      else if (l[pos] == 'd' && ns > 0 && ne == 0 && g_ascii_isdigit (l[pos + 1]))
        {
          /* S07D1: a disc of a season set */
          pos++;
          if (read_num (l, &pos, 2) < 0)
            return 0;
        }
      else if (l[pos] == 'v' && ne > 0 && l[pos + 1] >= '1' && l[pos + 1] <= '9' && l[pos + 2] == 0)
        {
          version = l[pos + 1] - '0';
          pos += 2;
        }
      else if (ns > 0 && ne == 0 && (strcmp (l + pos, "extras") == 0 || strcmp (l + pos, "extra") == 0 ||
                                     strcmp (l + pos, "bonus") == 0))
        {
          p->out->flags |= SSV_RELEASE_FLAG_EXTRAS;
          break;
        }
      else
        {
          return 0;
        }
    }

  for (int k = 0; k < ns; k++)
    if (seasons[k] > 100 && (seasons[k] < YEAR_MIN || seasons[k] > 2100))
      return 0;

  for (int k = 0; k < ns; k++)
    add_season (p, seasons[k]);
  for (int k = 0; k < ne; k++)
    add_episode (p, episodes[k]);
  if (version)
    set_version (p, version);
  if (ns > 0 && seasons[0] >= YEAR_MIN && p->out->year == 0)
    p->out->year = seasons[0];

  claim (p, i, ne > 0 ? SSV_RK_EPISODE : SSV_RK_SEASON, 0, SURE);

  /* What follows: ranges and more of the same */
  for (j = i + 1; j < p->n; j++)
    {
      const Tok *u = &p->tok[j];
      gboolean dash = (gap_has (p, j, '-') || gap_has (p, j, '~')) && (gap_joins (p, j) || gap_is_dash (p, j) ||
                                                                    gap_is_char (p, j, '~'));
      int v;
      int pos2 = 1;

      if (ne > 0)
        {
          int last = p->out->episodes[p->out->n_episodes - 1];

          if (dash && (v = parse_e_token (u, NULL)) >= 0 && v > last)
            add_episode_range (p, last + 1, v, FALSE);
          else if (dash && (u->flags & TF_DIGITS) && u->ndig <= 3 && (int) u->num > last &&
                   !(j + 1 < p->n && gap_joins (p, j + 1) && tok_is (p, j + 1, "p")))
            add_episode_range (p, last + 1, u->num, FALSE);
          else if (dash && u->low[0] == 's' && match_sxe_range_end (p, j, last))
            ;
          else if (!dash && gap_joins (p, j) && (v = parse_e_token (u, NULL)) >= 0 && v > 0)
            add_episode (p, v);
          else if (gap_is_char (p, j, '+') && ((u->flags & TF_DIGITS) || parse_e_token (u, NULL) >= 0) &&
                   u->ndig <= 3)
            add_episode (p, (u->flags & TF_DIGITS) ? (int) u->num : parse_e_token (u, NULL));
          else
            break;
        }
      else
        {
          int last = p->out->seasons[p->out->n_seasons - 1];
          gboolean to_word = (tok_is (p, j, "to") || tok_is (p, j, "a")) && j + 1 < p->n && gap_joins (p, j);
          const Tok *w = to_word ? &p->tok[j + 1] : u;

          if ((dash || to_word) && w->low[0] == 's' && (v = read_num (w->low, &pos2, 3)) >= 0 &&
              w->low[pos2] == 0 && v > last && v - last < 100)
            {
              for (int s = last + 1; s <= v; s++)
                add_season (p, s);
            }
          else if ((dash || to_word) && (w->flags & TF_DIGITS) && w->ndig == sdigits && (int) w->num > last &&
                   w->num - last < 100)
            {
              for (int s = last + 1; s <= (int) w->num; s++)
                add_season (p, s);
            }
          else if (!dash && gap_joins (p, j) && (v = parse_e_token (u, NULL)) >= 0)
            {
              add_episode (p, v);
              ne++;
              to_word = FALSE;
            }
          else if (gap_joins (p, j) && u->low[0] == 'x' && (v = read_num (u->low, &pos2, 3)) >= 0 &&
                   u->low[pos2] == 0)
            {
              add_episode (p, v);
              ne++;
              to_word = FALSE;
            }
          else if (!dash && gap_joins (p, j) && u->low[0] == 's' && (v = read_num (u->low, &pos2, 3)) >= 0 &&
                   u->low[pos2] == 0)
            {
              add_season (p, v);
            }
          else if (gap_is_char (p, j, ' ') && (u->flags & TF_DIGITS) && u->ndig == sdigits && sdigits == 2 &&
                   (int) u->num > last && u->num - last < 10)
            {
              /* "S01 02 03" */
              add_season (p, u->num);
            }
          else
            {
              break;
            }

          if (to_word)
            {
              claim_cont (p, j, i);
              j++;
            }
        }
      claim_cont (p, j, i);
    }

  if (ne > 0)
    p->tok[i].kind = SSV_RK_EPISODE;
  note_episode_anchor (p, i, j - 1);
  return j - i;
}

/* The end of a range after "1x02": "03" or "1x03" (same season). */
static int
nxn_range_end (const Tok *u,
               int        last,
               int        season)
{
  if ((u->flags & TF_DIGITS) && u->ndig <= 3 && (int) u->num > last)
    return u->num;
  if (u->ndig >= 1 && u->ndig <= 2 && u->low[u->ndig] == 'x' && u->num == season)
    {
      int pos = u->ndig + 1;
      int v = read_num (u->low, &pos, 3);

      if (v > last && u->low[pos] == '\0')
        return v;
    }
  return -1;
}

/* 1x02, 01x02-03, 1x02x03, 1xAll, 1940x01 */
static int
match_nxn (Parser *p,
           int     i)
{
  const Tok *t = &p->tok[i];
  const char *l = t->low;
  int pos = t->ndig + 1;
  int season;
  int ep;

  if (l[t->ndig] != 'x')
    return 0;
  if (!(t->ndig >= 1 && t->ndig <= 2) && !(t->ndig == 4 && t->num >= YEAR_MIN && t->num <= 2100))
    return 0;
  season = t->num;

  if (strcmp (l + pos, "all") == 0)
    {
      add_season (p, season);
      claim (p, i, SSV_RK_SEASON, 0, SURE);
      note_episode_anchor (p, i, i);
      return 1;
    }

  ep = read_num (l, &pos, 3);
  if (ep < 0)
    return 0;
  add_season (p, season);
  add_episode (p, ep);
  if (season >= YEAR_MIN && p->out->year == 0)
    p->out->year = season;
  while (l[pos] == 'x' || l[pos] == 'e')
    {
      pos++;
      ep = read_num (l, &pos, 3);
      if (ep < 0)
        break;
      add_episode (p, ep);
    }
  claim (p, i, SSV_RK_EPISODE, 0, SURE);

  return take_episode_ranges (p, i, season, nxn_range_end);
}

static guint
standard_height (guint width,
                 guint height)
{
  /* Scope films are cropped: the width says what the release is. */
  if (width >= 3600)
    return 2160;
  if (width >= 2400)
    return 1440;
  if (width >= 1800)
    return 1080;
  if (width >= 1200)
    return 720;
  if (width >= 1000)
    return 576;
  return height;
}

static gboolean
plausible_height (guint h)
{
  switch (h)
    {
    case 240: case 288: case 360: case 368: case 480: case 540: case 576: case 720:
    case 900: case 960: case 1080: case 1440: case 2160: case 4320:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
set_resolution (Parser   *p,
                guint     height,
                gboolean  interlaced)
{
  if (p->out->resolution != 0 || height == 0)
    return;
  /* 1280x960 is a 4:3 720p */
  if (height == 960)
    height = 720;
  p->out->resolution = height;
  if (interlaced)
    p->out->flags |= SSV_RELEASE_FLAG_INTERLACED;
}

/* "1080p", "720i", "2160p60", "1080p10bit": the height, or 0. */
static guint
parse_res_text (Parser     *p,
                const char *l,
                gboolean   *interlaced)
{
  int pos = 0;
  int v = read_num (l, &pos, 4);
  int rest;

  if (v < 0 || pos < 3 || v < 200 || v > 4320)
    return 0;
  /* "720hd" */
  if (strcmp (l + pos, "hd") == 0 && plausible_height (v))
    {
      *interlaced = FALSE;
      return v;
    }
  if (l[pos] != 'p' && l[pos] != 'i')
    return 0;
  rest = pos + 1;
  if (strcmp (l + rest, "x") == 0 || strcmp (l + rest, "hd") == 0)
    ;
  else if (strcmp (l + rest, "10bit") == 0 || strcmp (l + rest, "8bit") == 0)
    {
      if (p->out->bit_depth == 0)
        p->out->bit_depth = l[rest] == '1' ? 10 : 8;
    }
  else
    {
      /* frame rate glued on: 1080p60, 2160p24 */
      while (g_ascii_isdigit (l[rest]) && rest - pos <= 3)
        rest++;
      if (l[rest] != '\0')
        return 0;
    }
  *interlaced = l[pos] == 'i';
  return v;
}

/* 720p, 1080i, 2160p, 1080p60, 1920x1080, bd1080p, Bluray720p, 4Kto1080p */
static int
match_res (Parser *p,
           int     i)
{
  const Tok *t = &p->tok[i];
  const char *l = t->low;
  int pos = t->ndig;
  gboolean interlaced = FALSE;
  guint h;

  if (t->flags & TF_LONG)
    return 0;

  if (t->ndig == 0)
    {
      /* A source with the resolution glued on: "bd720p", "Bluray1080p", "WEB1080p" */
      char prefix[16];
      int k = 0;
      const Entry *e;
      guint32 hash = 5381;

      while (g_ascii_isalpha (l[k]) && k < 15)
        {
          prefix[k] = l[k];
          hash = fnv_step (hash, (guchar) l[k]);
          k++;
        }
      prefix[k] = '\0';
      if (k == 0 || !g_ascii_isdigit (l[k]))
        return 0;
      h = parse_res_text (p, l + k, &interlaced);
      if (h == 0)
        return 0;
      e = lookup (prefix, hash);
      if (e != NULL && e->kind == SSV_RK_SOURCE)
        claim (p, i, SSV_RK_SOURCE, e->val, SURE);
      else if (strcmp (prefix, "web") == 0)
        claim (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_WEBDL, SURE);
      else
        return 0;
      set_resolution (p, h, interlaced);
      return 1;
    }

  if (t->ndig > 4)
    return 0;

  h = t->num;
  if ((h = parse_res_text (p, l, &interlaced)) != 0)
    {
      set_resolution (p, h, interlaced);
      claim (p, i, SSV_RK_RES, h, SURE);
      return 1;
    }
  h = t->num;

  if (l[pos] == 'x' && g_ascii_isdigit (l[pos + 1]) && t->ndig >= 3)
    {
      int q = pos + 1;
      int height = read_num (l, &q, 4);

      if (height < 200 || (l[q] != '\0' && !((l[q] == 'p' || l[q] == 'i') && l[q + 1] == '\0')))
        return 0;
      set_resolution (p, plausible_height (height) ? (guint) height : standard_height (h, height), l[q] == 'i');
      claim (p, i, SSV_RK_RES, height, SURE);
      return 1;
    }

  /* "4Kto1080p", "2160pto1080p": an upscale or downscale says what it is now */
  {
    const char *to = strstr (l, "to");

    if (to != NULL && g_ascii_isdigit (to[2]) && (h = parse_res_text (p, to + 2, &interlaced)) != 0)
      {
        set_resolution (p, h, interlaced);
        claim (p, i, SSV_RK_RES, h, SURE);
        return 1;
      }
  }

  return 0;
}

/* The end of a range after "E01": "E03", "Ep03" or "03". */
static int
e_range_end (const Tok *u,
             int        last,
             int        season)
{
  int v = parse_e_token (u, NULL);

  if (v > last)
    return v;
  if ((u->flags & TF_DIGITS) && u->ndig <= 4 && (int) u->num > last)
    return u->num;
  return -1;
}

/* E01, EP01, E01E02, E01-E03, Ep01-12 */
static int
match_e (Parser *p,
         int     i)
{
  const Tok *t = &p->tok[i];
  const char *l = t->low;
  int pos = 1;
  int version = 0;
  int v;

  if (l[0] != 'e')
    return 0;
  if (l[1] == 'p')
    pos = 2;
  if (!g_ascii_isdigit (l[pos]))
    return 0;

  v = read_num (l, &pos, 4);
  if (v < 0)
    return 0;
  add_episode (p, v);
  while (l[pos] == 'e' && g_ascii_isdigit (l[pos + 1]))
    {
      pos++;
      v = read_num (l, &pos, 4);
      if (v < 0)
        return 0;
      add_episode (p, v);
    }
  if (l[pos] == 'v' && l[pos + 1] >= '1' && l[pos + 1] <= '9' && l[pos + 2] == '\0')
    {
      version = l[pos + 1] - '0';
      pos += 2;
    }
  if (l[pos] != '\0')
    {
      p->out->n_episodes--;
      return 0;
    }
  if (version)
    set_version (p, version);
  claim (p, i, SSV_RK_EPISODE, 0, SURE);

  return take_episode_ranges (p, i, 0, e_range_end);
}

static int
days_in_month (int month,
               int year)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
    return 29;
  return days[month - 1];
}

static int
month_value (const char *s)
{
  static const char *const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  };
  static const char *const long_months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  };

  for (int k = 0; k < 12; k++)
    if (strcmp (s, months[k]) == 0 || strcmp (s, long_months[k]) == 0)
      return k + 1;
  if (strcmp (s, "sept") == 0)
    return 9;
  return 0;
}

static void
set_air_date (Parser *p,
              int     y,
              int     m,
              int     d)
{
  /* A date written as a date but impossible: a garbled name. */
  if (d > days_in_month (m, y))
    p->bad_date = TRUE;

  if (p->out->air_year == 0)
    {
      p->out->air_year = y;
      p->out->air_month = m;
      p->out->air_day = d;
    }
  p->out->flags |= SSV_RELEASE_FLAG_DAILY;
}

/* 2024.03.14, 2024-03-14, 14.03.2024, 16.01.24, 2 Mar 2013 */
static int
match_date (Parser *p,
            int     i)
{
  const Tok *a = &p->tok[i];
  const Tok *b;
  const Tok *c;
  int y, m, d;
  int glen;
  const char *g;

  if (i + 2 >= p->n)
    return 0;
  b = &p->tok[i + 1];
  c = &p->tok[i + 2];

  /* 2 Mar 2013 */
  if (a->ndig <= 2 && !(b->flags & TF_DIGITS) && is_digits (p, i + 2) && c->ndig == 4 &&
      c->num >= 1920 && c->num <= 2099 && (m = month_value (b->low)) > 0 &&
      gap_joins (p, i + 1) && gap_joins (p, i + 2) && a->num >= 1 && a->num <= 31)
    {
      set_air_date (p, c->num, m, a->num);
      claim (p, i, SSV_RK_DATE, 0, SURE);
      claim_cont (p, i + 1, i);
      claim_cont (p, i + 2, i);
      note_episode_anchor (p, i, i + 2);
      return 3;
    }

  if (!is_digits (p, i + 1) || !is_digits (p, i + 2))
    return 0;

  g = gap (p, i + 1, &glen);
  if (glen != 1 || !(g[0] == ' ' || g[0] == '.' || g[0] == '_' || g[0] == '-') ||
      !gap_is_char (p, i + 2, g[0]))
    return 0;

  if (a->ndig == 4 && a->num >= 1920 && a->num <= 2099 && b->ndig <= 2 && c->ndig <= 2)
    {
      y = a->num;
      m = b->num;
      d = c->num;
    }
  else if (a->ndig <= 2 && b->ndig <= 2 && c->ndig == 4 && c->num >= 1920 && c->num <= 2099)
    {
      y = c->num;
      if (a->num > 12 || b->num <= 12)
        {
          d = a->num;
          m = b->num;
        }
      else
        {
          m = a->num;
          d = b->num;
        }
    }
  else if (a->ndig == 2 && b->ndig == 2 && c->ndig == 2 && g[0] == '.' &&
           (i == 0 || !is_digits (p, i - 1)) && !(i + 3 < p->n && is_digits (p, i + 3) && gap_is_char (p, i + 3, '.')))
    {
      /* 16.01.24: a year of two digits first, as scene dates of web sites are */
      y = a->num < 50 ? 2000 + a->num : 1900 + a->num;
      m = b->num;
      d = c->num;
    }
  else
    {
      return 0;
    }

  if (m < 1 || m > 12 || d < 1 || d > 31)
    return 0;

  set_air_date (p, y, m, d);
  claim (p, i, SSV_RK_DATE, 0, SURE);
  claim_cont (p, i + 1, i);
  claim_cont (p, i + 2, i);
  note_episode_anchor (p, i, i + 2);
  return 3;
}

static gboolean
prev_is_audio (const Parser *p,
               int           i)
{
  return i > 0 && p->tok[i - 1].kind == SSV_RK_AUDIO;
}

/* Patterns starting with a number: dates, 5.1, 10 bit, 1280*720. */
static int
match_number (Parser *p,
              int     i)
{
  const Tok *t = &p->tok[i];
  int n;

  if ((n = match_date (p, i)) > 0)
    return n;

  if (i + 1 >= p->n)
    return 0;

  /* 1280*720 */
  if (t->ndig >= 3 && is_digits (p, i + 1) && p->tok[i + 1].ndig >= 3 && gap_is_char (p, i + 1, '*'))
    {
      set_resolution (p, plausible_height (p->tok[i + 1].num) ? p->tok[i + 1].num
                                                            : standard_height (t->num, p->tok[i + 1].num), FALSE);
      claim (p, i, SSV_RK_RES, p->tok[i + 1].num, SURE);
      claim_cont (p, i + 1, i);
      return 2;
    }

  /* 10 bit, 10-bit */
  if ((t->num == 8 || t->num == 10 || t->num == 12) && t->ndig <= 2 &&
      (tok_is (p, i + 1, "bit") || tok_is (p, i + 1, "bits")) && gap_joins (p, i + 1))
    {
      claim (p, i, SSV_RK_BITDEPTH, t->num, SURE);
      claim_cont (p, i + 1, i);
      return 2;
    }

  /* 5.1, 7.1, 2.0: after an audio codec, or once the title is behind us */
  if (t->ndig == 1 && is_digits (p, i + 1) && p->tok[i + 1].ndig == 1 && p->tok[i + 1].num <= 2 &&
      (t->num == 1 || t->num == 2 || t->num == 5 || t->num == 6 || t->num == 7) &&
      gap_joins (p, i + 1) && !gap_is_char (p, i + 1, '_') &&
      (prev_is_audio (p, i) || (p->n_sure > 0 && p->ep_first != i - 1)))
    {
      claim (p, i, SSV_RK_CHANNELS, t->num * 10 + p->tok[i + 1].num, SURE);
      claim_cont (p, i + 1, i);
      return 2;
    }

  return 0;
}

/* Lower-case letters followed by digits: "aac2", "dd5", "repack2", "cd1", "season4". */
static int
split_alpha_digits (const Tok *t,
                    char      *prefix,
                    int       *digits_value,
                    int       *n_digits)
{
  int k = 0;

  while (k < t->nlow && g_ascii_isalpha (t->low[k]) && k < 15)
    {
      prefix[k] = t->low[k];
      k++;
    }
  prefix[k] = '\0';
  if (k == 0 || k >= t->nlow)
    return 0;

  *n_digits = 0;
  *digits_value = 0;
  while (k < t->nlow && g_ascii_isdigit (t->low[k]))
    {
      if (*digits_value < 100000)
        *digits_value = *digits_value * 10 + (t->low[k] - '0');
      (*n_digits)++;
      k++;
    }
  return k == t->nlow && *n_digits > 0;
}

static const char *const audio_prefixes[] = {
  "aac", "dd", "ddp", "eac", "dts", "truehd", "flac", "opus", "lpcm", "pcm", "ac", "mp",
};

static int
audio_prefix_codec (const char *prefix)
{
  static const guint8 codecs[] = {
    SSV_RELEASE_AUDIO_AAC, SSV_RELEASE_AUDIO_AC3, SSV_RELEASE_AUDIO_EAC3, SSV_RELEASE_AUDIO_EAC3,
    SSV_RELEASE_AUDIO_DTS, SSV_RELEASE_AUDIO_TRUEHD, SSV_RELEASE_AUDIO_FLAC,
    SSV_RELEASE_AUDIO_OPUS, SSV_RELEASE_AUDIO_LPCM, SSV_RELEASE_AUDIO_PCM, 0, 0,
  };

  for (guint k = 0; k < G_N_ELEMENTS (audio_prefixes); k++)
    if (strcmp (prefix, audio_prefixes[k]) == 0)
      return codecs[k];
  return 0;
}

static void
claim_channels_after (Parser *p,
                      int     i,
                      int     main_count)
{
  /* "DD5" "1": the LFE digit is the next token */
  if (i + 1 < p->n && is_digits (p, i + 1) && p->tok[i + 1].ndig == 1 && p->tok[i + 1].num <= 1 &&
      (gap_is_char (p, i + 1, '.') || gap_is_char (p, i + 1, ' ')))
    {
      if (p->out->channels == 0)
        p->out->channels = main_count * 10 + p->tok[i + 1].num;
      claim_cont (p, i + 1, i);
    }
  else if (p->out->channels == 0)
    {
      p->out->channels = main_count * 10;
    }
}

/* "3of9", "14of21": number N of M */
static int
match_of_token (Parser *p,
                int     i)
{
  const Tok *t = &p->tok[i];
  int pos = t->ndig;

  if (t->ndig == 0 || t->ndig > 3 || t->low[pos] != 'o' || t->low[pos + 1] != 'f')
    return 0;
  pos += 2;
  if (read_num (t->low, &pos, 3) < 0 || t->low[pos] != '\0')
    return 0;

  add_episode (p, t->num);
  claim (p, i, SSV_RK_EPISODE, 0, SURE);
  note_episode_anchor (p, i, i);
  return 1;
}

/* "HDTVx264", "BluRayx264": a source and the encoder with no separator */
static int
match_source_codec (Parser *p,
                    int     i)
{
  static const char *const codecs[] = { "x264", "x265", "h264", "h265", "xvid", "hevc" };
  const Tok *t = &p->tok[i];

  for (guint k = 0; k < G_N_ELEMENTS (codecs); k++)
    if (t->nlow > 4 && g_str_has_suffix (t->low, codecs[k]))
      {
        char prefix[LOW_MAX];
        gsize len = t->nlow - 4;
        guint32 hash = 5381;
        const Entry *e;
        const Entry *codec;

        memcpy (prefix, t->low, len);
        prefix[len] = '\0';
        for (gsize q = 0; q < len; q++)
          hash = fnv_step (hash, (guchar) prefix[q]);
        e = lookup (prefix, hash);
        codec = lookup (codecs[k], hash_str (codecs[k]));
        if (e == NULL || e->kind != SSV_RK_SOURCE || codec == NULL)
          return 0;
        claim (p, i, SSV_RK_SOURCE, e->val, SURE);
        if (p->out->video_codec == SSV_RELEASE_CODEC_NONE)
          p->out->video_codec = codec->val;
        if (codecs[k][0] == 'x')
          p->encoder = TRUE;
        return 1;
      }
  return 0;
}

static int
match_alpha_digits (Parser *p,
                    int     i)
{
  const Tok *t = &p->tok[i];
  char prefix[16];
  int v;
  int nd;
  int codec;

  if (!split_alpha_digits (t, prefix, &v, &nd))
    return 0;

  /* AAC2.0, DD5.1, DDP51 */
  codec = audio_prefix_codec (prefix);
  if (codec != 0 && (nd == 1 || nd == 2))
    {
      int main_count = nd == 2 ? v / 10 : v;

      if (main_count == 1 || main_count == 2 || main_count == 5 || main_count == 6 || main_count == 7)
        {
          claim (p, i, SSV_RK_AUDIO, codec, SURE);
          if (nd == 2)
            {
              if (p->out->channels == 0)
                p->out->channels = v;
            }
          else
            claim_channels_after (p, i, main_count);
          return 1;
        }
    }

  /* REPACK2, RERIP2, PROPER2 */
  if (nd == 1 && (strcmp (prefix, "repack") == 0 || strcmp (prefix, "rerip") == 0 ||
                  strcmp (prefix, "proper") == 0))
    {
      claim (p, i, SSV_RK_REVISION, prefix[1] == 'r' ? SSV_RR_PROPER : SSV_RR_REPACK, SURE);
      set_version (p, v + 1);
      return 1;
    }

  /* Season4, Saison1 */
  if (nd <= 2 && (strcmp (prefix, "season") == 0 || strcmp (prefix, "saison") == 0 ||
                  strcmp (prefix, "temporada") == 0 || strcmp (prefix, "stagione") == 0))
    {
      add_season (p, v);
      claim (p, i, SSV_RK_SEASON, 0, SURE);
      note_episode_anchor (p, i, i);
      return 1;
    }

  /* Episode20, Ep20 is a pattern */
  if (nd <= 4 && (strcmp (prefix, "episode") == 0 || strcmp (prefix, "episodio") == 0))
    {
      add_episode (p, v);
      claim (p, i, SSV_RK_EPISODE, 0, SURE);
      note_episode_anchor (p, i, i);
      return 1;
    }

  /* Part4, Pt2 */
  if (nd <= 2 && (strcmp (prefix, "part") == 0 || strcmp (prefix, "pt") == 0))
    {
      claim (p, i, SSV_RK_PARTNUM, v, WEAK);
      return 1;
    }

  /* CD1, Disc2 */
  if (nd <= 2 && (strcmp (prefix, "cd") == 0 || strcmp (prefix, "disc") == 0 ||
                  strcmp (prefix, "disk") == 0 || (strcmp (prefix, "dvd") == 0 && v < 5)))
    {
      claim (p, i, SSV_RK_NOISE, v, SURE);
      return 1;
    }

  /* v2 */
  if (nd == 1 && strcmp (prefix, "v") == 0 && v >= 2)
    {
      claim (p, i, SSV_RK_REVISION, 0, SURE);
      set_version (p, v);
      return 1;
    }

  return 0;
}

/* 700MB, 1.5GB, 24fps, 96kHz: sizes and rates are noise */
static int
match_unit (Parser *p,
            int     i)
{
  static const char *const units[] = {
    "mb", "gb", "gib", "mib", "kb", "kbps", "mbps", "fps", "khz", "kbit", "mbit", "kbs",
  };
  const Tok *t = &p->tok[i];

  if (t->ndig == 0 || t->ndig >= t->nlow)
    return 0;
  for (guint k = 0; k < G_N_ELEMENTS (units); k++)
    if (strcmp (t->low + t->ndig, units[k]) == 0)
      {
        claim (p, i, SSV_RK_NOISE, 0, SURE);
        /* "1.5GB": the "1" in front */
        if (i > 0 && is_digits (p, i - 1) && gap_is_char (p, i, '.') && p->tok[i - 1].kind == SSV_RK_NONE)
          claim_cont (p, i - 1, i);
        return 1;
      }
  return 0;
}

/* ------------------------------------------------------------------------ */
/* Words */

static gboolean
next_is_web (const Parser *p,
             int           i)
{
  const char *l;

  if (i + 1 >= p->n || !gap_joins (p, i + 1))
    return FALSE;
  l = p->tok[i + 1].low;
  return strcmp (l, "web") == 0 || strcmp (l, "webdl") == 0 || strcmp (l, "webrip") == 0 ||
         strcmp (l, "webhd") == 0 || strcmp (l, "webmux") == 0;
}

static gboolean
next_joins (const Parser *p,
            int           i,
            const char   *word)
{
  return i + 1 < p->n && gap_joins (p, i + 1) && tok_is (p, i + 1, word);
}

static int
claim2 (Parser *p,
        int     i,
        int     kind,
        int     val)
{
  claim (p, i, kind, val, SURE);
  claim_cont (p, i + 1, i);
  return 2;
}

static int
match_service_pair (Parser *p,
                    int     i)
{
  if (i + 1 >= p->n || !gap_joins (p, i + 1))
    return 0;

  for (guint k = 0; k < ssv_release_n_service_pairs; k++)
    {
      const SsvReleaseServiceAlias *a = &ssv_release_service_pairs[k];
      const char *space;
      gsize first_len;

      if (a->words[0] != p->tok[i].low[0])
        continue;
      space = strchr (a->words, ' ');
      first_len = space - a->words;

      if (a->words[0] == p->tok[i].low[0] &&
          (gsize) p->tok[i].nlow == first_len && memcmp (p->tok[i].low, a->words, first_len) == 0 &&
          strcmp (p->tok[i + 1].low, space + 1) == 0)
        {
          claim (p, i, SSV_RK_SERVICE, service_index (a->code), WEAK);
          claim_cont (p, i + 1, i);
          return 2;
        }
    }
  return 0;
}

static int
edition_bit (int e)
{
  return e;
}

/* "The Extended Cut", "The Complete Series": the article belongs to the tag */
static void
claim_the_before (Parser *p,
                  int     i)
{
  if (i > 0 && tok_is (p, i - 1, "the") && p->tok[i - 1].kind == SSV_RK_NONE && gap_joins (p, i))
    claim_cont (p, i - 1, i);
}

static const char *const number_words[] = {
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
  "nineteen", "twenty",
};

static const char *const number_words_fr[] = {
  "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
};

/* A season or part number written out: "2", "II", "Two", "sept". */
static int
word_number (const Tok *t,
             gboolean   roman)
{
  if (t->flags & TF_DIGITS)
    return t->ndig <= 4 ? (int) t->num : -1;
  if (t->flags & TF_LONG)
    return -1;
  for (guint k = 0; k < G_N_ELEMENTS (number_words); k++)
    if (strcmp (t->low, number_words[k]) == 0)
      return k + 1;
  for (guint k = 0; k < G_N_ELEMENTS (number_words_fr); k++)
    if (strcmp (t->low, number_words_fr[k]) == 0)
      return k + 1;
  if (strcmp (t->low, "trois") == 0)
    return 3;
  return roman ? roman_value (t->low) : -1;
}

/* Words whose meaning depends on the next token. Returns tokens used, 0 if none. */
static int
match_compound (Parser *p,
                int     i,
                int     handler,
                int     arg,
                int     level)
{
  const Tok *t = &p->tok[i];
  int j = i + 1;
  const char *nl = j < p->n && gap_joins (p, j) ? p->tok[j].low : "";
  gsize nlen = j < p->n && gap_joins (p, j) ? p->tok[j].nlow : 0;

/* Compares the next token with a literal without a call */
#define NL_IS(w) (nlen == sizeof (w) - 1 && memcmp (nl, w, sizeof (w) - 1) == 0)

  switch (handler)
    {
    case SSV_RH_WEB:
      if (NL_IS ("dl") || NL_IS ("hd") || NL_IS ("dlmux"))
        return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_WEBDL);
      if (NL_IS ("rip") || NL_IS ("dlrip") || NL_IS ("mux") ||
          NL_IS ("cap"))
        return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_WEBRIP);
      claim (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_WEBDL, (t->flags & TF_UPPER) ? SURE : AFTER);
      return 1;

    case SSV_RH_BLU:
      if (NL_IS ("ray") || NL_IS ("rayrip"))
        return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_BLURAY);
      return 0;

    case SSV_RH_HD:
      if (t->low[0] == 's')
        {
          if (NL_IS ("tv"))
            return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_TV);
          claim (p, i, SSV_RK_OTHER, 0, level);
          return 1;
        }
      if (NL_IS ("dvd") || NL_IS ("dvdrip"))
        return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_HDDVD);
      if (NL_IS ("tv") || NL_IS ("tvrip"))
        return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_TV);
      if (NL_IS ("rip"))
        return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_HDRIP);
      if (NL_IS ("ts") || NL_IS ("tsrip"))
        return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_TELESYNC);
      if (NL_IS ("tc"))
        return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_TELECINE);
      if (NL_IS ("cam"))
        return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_CAM);
      if (NL_IS ("light"))
        return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_BLURAY);
      claim (p, i, SSV_RK_OTHER, 0, AFTER);
      return 1;

    case SSV_RH_DVD:
      if (NL_IS ("rip") || NL_IS ("mux"))
        return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_DVD);
      if (NL_IS ("r") || NL_IS ("5") || NL_IS ("9"))
        return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_DVD | (SSV_RX_DISC << 8));
      if (NL_IS ("scr") || NL_IS ("screener"))
        return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_SCREENER | (SSV_RX_DVD << 8));
      claim (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_DVD, SURE);
      return 1;

    case SSV_RH_DTS:
      {
        int codec = arg ? SSV_RELEASE_AUDIO_DTS_HD : SSV_RELEASE_AUDIO_DTS;
        int k = i + 1;
        const char *l;

        claim (p, i, SSV_RK_AUDIO, codec, SURE);
        while (k < p->n && (gap_joins (p, k) || gap_is_char (p, k, ':')))
          {
            l = p->tok[k].low;
            if (strcmp (l, "hd") == 0 && codec == SSV_RELEASE_AUDIO_DTS)
              codec = SSV_RELEASE_AUDIO_DTS_HD;
            else if ((strcmp (l, "ma") == 0 || strcmp (l, "master") == 0) &&
                     (codec == SSV_RELEASE_AUDIO_DTS || codec == SSV_RELEASE_AUDIO_DTS_HD))
              codec = SSV_RELEASE_AUDIO_DTS_HD_MA;
            else if ((strcmp (l, "hra") == 0 || strcmp (l, "hr") == 0) && codec <= SSV_RELEASE_AUDIO_DTS_HD)
              codec = SSV_RELEASE_AUDIO_DTS_HD;
            else if (strcmp (l, "hdma") == 0 && codec == SSV_RELEASE_AUDIO_DTS)
              codec = SSV_RELEASE_AUDIO_DTS_HD_MA;
            else if (strcmp (l, "x") == 0 && codec == SSV_RELEASE_AUDIO_DTS)
              codec = SSV_RELEASE_AUDIO_DTS_X;
            else if (l[0] == 'x' && g_ascii_isdigit (l[1]) && l[2] == '\0' && codec == SSV_RELEASE_AUDIO_DTS)
              {
                /* DTS-X7.1 */
                codec = SSV_RELEASE_AUDIO_DTS_X;
                claim_cont (p, k, i);
                k++;
                claim_channels_after (p, k - 1, l[1] - '0');
                if (p->tok[k - 1].cont && k < p->n && p->tok[k].cont && p->tok[k].kind == SSV_RK_AUDIO)
                  k++;
                break;
              }
            else if (strcmp (l, "es") == 0 && codec == SSV_RELEASE_AUDIO_DTS)
              codec = SSV_RELEASE_AUDIO_DTS_ES;
            else if (strcmp (l, "audio") == 0)
              ;
            else
              break;
            claim_cont (p, k, i);
            k++;
          }
        p->tok[i].val = codec;
        for (int q = i + 1; q < k; q++)
          p->tok[q].val = codec;
        return k - i;
      }

    case SSV_RH_DD:
      if (t->end < p->blen && p->buf[t->end] == '+')
        claim (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_EAC3, SURE);
      else
        claim (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_AC3, SURE);
      return 1;

    case SSV_RH_DOLBY:
      if (NL_IS ("digital"))
        {
          int codec = SSV_RELEASE_AUDIO_AC3;

          claim (p, i, SSV_RK_AUDIO, codec, SURE);
          claim_cont (p, j, i);
          if (p->tok[j].end < p->blen && p->buf[p->tok[j].end] == '+')
            codec = SSV_RELEASE_AUDIO_EAC3;
          else if (next_joins (p, j, "plus"))
            {
              codec = SSV_RELEASE_AUDIO_EAC3;
              claim_cont (p, j + 1, i);
              p->tok[i].val = codec;
              p->tok[j].val = codec;
              p->tok[j + 1].val = codec;
              return 3;
            }
          p->tok[i].val = codec;
          p->tok[j].val = codec;
          return 2;
        }
      if (NL_IS ("vision"))
        return claim2 (p, i, SSV_RK_HDR, SSV_RELEASE_HDR_DV);
      if (NL_IS ("atmos"))
        return claim2 (p, i, SSV_RK_AUDIO, SSV_RA_ATMOS);
      if (NL_IS ("truehd"))
        return claim2 (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_TRUEHD);
      if (NL_IS ("true") && next_joins (p, j, "hd"))
        {
          claim2 (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_TRUEHD);
          claim_cont (p, j + 1, i);
          return 3;
        }
      claim (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_AC3, SURE);
      return 1;

    case SSV_RH_TRUE:
      if (NL_IS ("hd"))
        return claim2 (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_TRUEHD);
      return 0;

    case SSV_RH_H:
      if ((NL_IS ("264") || (NL_IS ("263") && t->low[0] == 'h')))
        return claim2 (p, i, SSV_RK_CODEC, nl[2] == '4' ? SSV_RELEASE_CODEC_H264 : SSV_RELEASE_CODEC_H263);
      if (NL_IS ("265"))
        return claim2 (p, i, SSV_RK_CODEC, SSV_RELEASE_CODEC_H265);
      return 0;

    case SSV_RH_MPEG:
      if (NL_IS ("2"))
        return claim2 (p, i, SSV_RK_CODEC, SSV_RELEASE_CODEC_MPEG2);
      return 0;

    case SSV_RH_VC:
      if (NL_IS ("1"))
        return claim2 (p, i, SSV_RK_CODEC, SSV_RELEASE_CODEC_VC1);
      return 0;

    case SSV_RH_AC:
      if (NL_IS ("3"))
        return claim2 (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_AC3);
      return 0;

    case SSV_RH_E:
      if (NL_IS ("ac") && next_joins (p, j, "3"))
        {
          claim2 (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_EAC3);
          claim_cont (p, j + 1, i);
          return 3;
        }
      return 0;

    case SSV_RH_AAC:
      claim (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_AAC, SURE);
      if (NL_IS ("lc"))
        {
          claim_cont (p, j, i);
          return 2;
        }
      return 1;

    case SSV_RH_HE:
      if (NL_IS ("aac") || NL_IS ("aacv2"))
        return claim2 (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_AAC);
      if (t->flags & TF_UPPER)
        {
          claim (p, i, SSV_RK_LANG, SSV_RELEASE_LANG_HEBREW, AFTER);
          return 1;
        }
      return 0;

    case SSV_RH_DIRECTORS:
      if (NL_IS ("cut") || NL_IS ("edition") || NL_IS ("version"))
        return claim2 (p, i, SSV_RK_EDITION, edition_bit (1));
      if (NL_IS ("definitive") && next_joins (p, j, "cut"))
        {
          claim2 (p, i, SSV_RK_EDITION, edition_bit (1));
          claim_cont (p, j + 1, i);
          return 3;
        }
      if (strcmp (t->low, "directorscut") == 0)
        {
          claim (p, i, SSV_RK_EDITION, 1, SURE);
          return 1;
        }
      if (strcmp (t->low, "director") != 0)
        {
          claim (p, i, SSV_RK_EDITION, 1, level);
          return 1;
        }
      return 0;

    case SSV_RH_CUT_WORD:
      if (arg == E_ANNIVERSARY && i > 0 && p->tok[i - 1].ndig > 0 && p->tok[i - 1].kind == SSV_RK_NONE &&
          (strcmp (p->tok[i - 1].low + p->tok[i - 1].ndig, "th") == 0 ||
           strcmp (p->tok[i - 1].low + p->tok[i - 1].ndig, "st") == 0 ||
           strcmp (p->tok[i - 1].low + p->tok[i - 1].ndig, "nd") == 0 ||
           strcmp (p->tok[i - 1].low + p->tok[i - 1].ndig, "rd") == 0))
        {
          /* "10th Anniversary" */
          claim (p, i, SSV_RK_EDITION, arg, SURE);
          claim_cont (p, i - 1, i);
          if (NL_IS ("edition"))
            {
              claim_cont (p, j, i);
              return 2;
            }
          return 1;
        }
      if (NL_IS ("cut") || NL_IS ("edition") || NL_IS ("version") ||
          NL_IS ("collection"))
        {
          claim2 (p, i, SSV_RK_EDITION, arg);
          claim_the_before (p, i);
          return 2;
        }
      /* "Special" alone is a word: Christmas Special, A Common Title Special */
      if (arg == E_SPECIAL)
        return 0;
      claim (p, i, SSV_RK_EDITION, arg, level);
      return 1;

    case SSV_RH_THEATRICAL:
      if (NL_IS ("cut") || NL_IS ("edition") || NL_IS ("version"))
        return claim2 (p, i, SSV_RK_EDITION, 4);
      claim (p, i, SSV_RK_EDITION, 4, level);
      return 1;

    case SSV_RH_FAN:
      if (NL_IS ("edit") || NL_IS ("edition") || NL_IS ("collection") ||
          NL_IS ("cut"))
        return claim2 (p, i, SSV_RK_EDITION, E_FAN);
      claim (p, i, SSV_RK_EDITION, E_FAN, level);
      return 1;

    case SSV_RH_OPEN:
      if (NL_IS ("matte"))
        return claim2 (p, i, SSV_RK_EDITION, 18);
      return 0;

    case SSV_RH_ALT:
      if (NL_IS ("cut") || NL_IS ("version") || NL_IS ("edition") ||
          NL_IS ("ending"))
        return claim2 (p, i, SSV_RK_EDITION, 13);
      return 0;

    case SSV_RH_FINAL:
      if (NL_IS ("cut"))
        return claim2 (p, i, SSV_RK_EDITION, 21);
      return 0;

    case SSV_RH_VERSION:
      if (NL_IS ("longue") || NL_IS ("longa") || NL_IS ("estesa"))
        return claim2 (p, i, SSV_RK_EDITION, 0);
      return 0;

    case SSV_RH_DUAL:
      if (NL_IS ("audio"))
        return claim2 (p, i, SSV_RK_LANGFLAG, SSV_RL_DUAL);
      claim (p, i, SSV_RK_LANGFLAG, SSV_RL_DUAL, level);
      return 1;

    case SSV_RH_HDR:
      if (NL_IS ("10") && !(j + 1 < p->n && (tok_is (p, j + 1, "bit") || tok_is (p, j + 1, "bits"))))
        {
          if (p->tok[j].end < p->blen && p->buf[p->tok[j].end] == '+')
            return claim2 (p, i, SSV_RK_HDR, SSV_RELEASE_HDR_HDR10_PLUS);
          if (next_joins (p, j, "plus"))
            {
              claim2 (p, i, SSV_RK_HDR, SSV_RELEASE_HDR_HDR10_PLUS);
              claim_cont (p, j + 1, i);
              return 3;
            }
          return claim2 (p, i, SSV_RK_HDR, SSV_RELEASE_HDR_HDR10);
        }
      claim (p, i, SSV_RK_HDR, SSV_RELEASE_HDR_GENERIC, SURE);
      return 1;

    case SSV_RH_DELETED:
      if (NL_IS ("scenes"))
        return claim2 (p, i, SSV_RK_FLAG, 15);
      return 0;

    case SSV_RH_SUB:
      claim (p, i, SSV_RK_LANGFLAG, SSV_RL_SUBS_WORD, level);
      return 1;

    case SSV_RH_REMUX:
      claim (p, i, SSV_RK_MODIFIER, SSV_RX_REMUX, SURE);
      return 1;

    case SSV_RH_COMPLETE:
      if (NL_IS ("series") || NL_IS ("season") || NL_IS ("seasons") ||
          NL_IS ("collection") || NL_IS ("box") || NL_IS ("boxset") ||
          NL_IS ("pack"))
        {
          /* "Complete Season 1": leave the number to the season word */
          if ((NL_IS ("season") || NL_IS ("seasons")) && j + 1 < p->n &&
              word_number (&p->tok[j + 1], TRUE) >= 0)
            {
              claim (p, i, SSV_RK_FLAG, F_COMPLETE, SURE);
              claim_the_before (p, i);
              return 1;
            }
          claim2 (p, i, SSV_RK_FLAG, F_COMPLETE);
          claim_the_before (p, i);
          if (NL_IS ("series") || NL_IS ("seasons"))
            p->complete_series = TRUE;
          return 2;
        }
      if (NL_IS ("bluray") || NL_IS ("blu") || NL_IS ("uhd"))
        {
          /* "COMPLETE.BLURAY": the whole disc */
          p->rx |= SSV_RX_DISC;
          claim (p, i, SSV_RK_FLAG, F_COMPLETE, SURE);
          return 1;
        }
      claim (p, i, SSV_RK_FLAG, F_COMPLETE, level);
      return 1;

    case SSV_RH_SERVICE2:
      {
        int n = match_service_pair (p, i);

        if (n == 0 && strcmp (t->low, "tv") == 0 &&
            (NL_IS ("rip") || NL_IS ("dub") || NL_IS ("dubbed")))
          return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_TV);
        if (n == 0 && strcmp (t->low, "spike") == 0 && next_is_web (p, i))
          {
            claim (p, i, SSV_RK_SERVICE, service_index ("SPIK"), WEAK);
            n = 1;
          }
        return n;
      }

    case SSV_RH_SEASON:
      {
        gboolean weak_word = level != SURE;
        int v = -1;
        int k;

        /* "2nd Season" */
        if (i > 0 && p->tok[i - 1].ndig > 0 && p->tok[i - 1].ndig <= 2 && p->tok[i - 1].kind == SSV_RK_NONE &&
            (strcmp (p->tok[i - 1].low + p->tok[i - 1].ndig, "nd") == 0 ||
             strcmp (p->tok[i - 1].low + p->tok[i - 1].ndig, "st") == 0 ||
             strcmp (p->tok[i - 1].low + p->tok[i - 1].ndig, "rd") == 0 ||
             strcmp (p->tok[i - 1].low + p->tok[i - 1].ndig, "th") == 0) &&
            !(j < p->n && is_digits (p, j) && gap_joins (p, j)))
          {
            add_season (p, p->tok[i - 1].num);
            claim (p, i - 1, SSV_RK_SEASON, 0, SURE);
            claim_cont (p, i, i - 1);
            note_episode_anchor (p, i - 1, i);
            return 1;
          }
        if (j >= p->n || !(gap_joins (p, j) || gap_is_dash (p, j)))
          return 0;
        /* "Season.2of5" */
        if (p->tok[j].ndig > 0 && p->tok[j].ndig <= 2 && p->tok[j].low[p->tok[j].ndig] == 'o' &&
            p->tok[j].low[p->tok[j].ndig + 1] == 'f')
          v = p->tok[j].num;
        else
          v = word_number (&p->tok[j], TRUE);
        if (v < 0 || (v > 100 && (v < YEAR_MIN || weak_word)))
          return 0;
        /* "Series 10-11-2008" is a date */
        if (is_digits (p, j) && j + 2 < p->n && is_digits (p, j + 1) && is_digits (p, j + 2) &&
            (p->tok[j].ndig == 4 || p->tok[j + 2].ndig == 4))
          return 0;
        /* "Open Season 2 (2008)": a film's title, then its year */
        if (j + 1 < p->n && (p->tok[j + 1].flags & TF_YEAR) && p->tok[j + 1].bracket != 0)
          return 0;
        add_season (p, v);
        claim (p, i, SSV_RK_SEASON, 0, SURE);
        claim_cont (p, j, i);
        if (strcmp (t->low, "series") == 0)
          p->uk_series = TRUE;
        /* "Season 1-3", "Season.1.2.3-5", "Seasons 1 & 2", "Season 1 to 3", "Saison 1 a 3" */
        for (k = j + 1; k < p->n; k++)
          {
            int last = p->out->seasons[p->out->n_seasons - 1];
            gboolean to_word = (tok_is (p, k, "to") || tok_is (p, k, "a") || tok_is (p, k, "and")) &&
                               k + 1 < p->n && is_digits (p, k + 1) && p->tok[k + 1].ndig <= 2;
            int q = to_word ? k + 1 : k;
            int w;

            if (!is_digits (p, q) || p->tok[q].ndig > 2)
              break;
            w = p->tok[q].num;
            if (to_word && !tok_is (p, k, "and") && w > last && w - last < 50)
              {
                for (int s = last + 1; s <= w; s++)
                  add_season (p, s);
              }
            else if ((gap_has (p, q, '-') || gap_has (p, q, '~')) && !to_word && w > last && w - last < 50)
              {
                for (int s = last + 1; s <= w; s++)
                  add_season (p, s);
              }
            else if ((to_word || gap_joins (p, q) || gap_has (p, q, '&') || gap_has (p, q, ',')) &&
                     w > last && w - last < 10)
              add_season (p, w);
            else
              break;
            if (to_word)
              claim_cont (p, k, i);
            claim_cont (p, q, i);
            k = q;
          }
        note_episode_anchor (p, i, k - 1);
        return k - i;
      }

    case SSV_RH_EPISODE:
      {
        int version = 0;
        int v;
        int k;

        if (j >= p->n || !(gap_joins (p, j) || gap_is_dash (p, j) || gap_is_str (p, j, ". ")))
          return 0;
        /* "Ep 2x03": the number says it all */
        if (p->tok[j].ndig > 0 && p->tok[j].low[p->tok[j].ndig] == 'x')
          {
            claim (p, i, SSV_RK_NOISE, 0, SURE);
            return 1;
          }
        v = parse_num_token (&p->tok[j], &version);
        if (v < 0 || p->tok[j].ndig > 4)
          return 0;
        if (p->out->n_episodes > 0 && p->ep_first >= 0 && p->tok[p->ep_first].kind == SSV_RK_EPISODE)
          {
            /* "S02E31 - Episode 55": the number counted from the first episode */
            add_absolute (p, v);
            claim2 (p, i, SSV_RK_EPISODE, 0);
            return 2;
          }
        add_episode (p, v);
        if (version)
          set_version (p, version);
        claim (p, i, SSV_RK_EPISODE, 0, SURE);
        claim_cont (p, j, i);
        for (k = j + 1; k < p->n && is_digits (p, k) && gap_has (p, k, '-') && gap_joins (p, k); k++)
          {
            int last = p->out->episodes[p->out->n_episodes - 1];

            if ((int) p->tok[k].num <= last)
              break;
            add_episode_range (p, last + 1, p->tok[k].num, FALSE);
            claim_cont (p, k, i);
          }
        note_episode_anchor (p, i, k - 1);
        return k - i;
      }

    case SSV_RH_PART:
      {
        int v = -1;

        if (j >= p->n || !gap_joins (p, j))
          return 0;
        v = word_number (&p->tok[j], TRUE);
        if (v <= 0 || v > 99)
          return 0;
        /* "S02.Part.1": right after the season it is a tag, not a title word */
        claim (p, i, SSV_RK_PARTNUM, v,
               i > 0 && (p->tok[i - 1].kind == SSV_RK_SEASON || p->tok[i - 1].kind == SSV_RK_EPISODE) ? SURE : WEAK);
        claim_cont (p, j, i);
        return 2;
      }

    case SSV_RH_CD:
      if (is_digits (p, j) && p->tok[j].ndig <= 2)
        return claim2 (p, i, SSV_RK_NOISE, 0);
      return 0;

    case SSV_RH_OF:
      /* "14 of 21": episode 14 of a 21-part series */
      if (i > p->ts && is_digits (p, i - 1) && p->tok[i - 1].kind == SSV_RK_NONE &&
          p->tok[i - 1].ndig <= 3 && is_digits (p, j) && p->tok[j].num >= p->tok[i - 1].num &&
          gap_joins (p, i) && p->tok[j].ndig <= 3 && p->out->n_episodes == 0)
        {
          add_episode (p, p->tok[i - 1].num);
          claim (p, i - 1, SSV_RK_EPISODE, 0, SURE);
          claim_cont (p, i, i - 1);
          claim_cont (p, j, i - 1);
          note_episode_anchor (p, i - 1, j);
          return 2;
        }
      return 0;

    case SSV_RH_CAP:
      /* "Cap.102": chapter 2 of season 1; "Cap.102_104" */
      if (is_digits (p, j) && p->tok[j].ndig >= 3 && p->tok[j].ndig <= 4 && gap_joins (p, j))
        {
          int v = p->tok[j].num;
          int k = j;

          add_season (p, v / 100);
          add_episode (p, v % 100);
          if (j + 1 < p->n && is_digits (p, j + 1) && gap_is_char (p, j + 1, '_') &&
              (int) p->tok[j + 1].num > v && p->tok[j + 1].num / 100 == (guint) v / 100)
            {
              add_episode_range (p, v % 100 + 1, p->tok[j + 1].num % 100, FALSE);
              k = j + 1;
            }
          claim (p, i, SSV_RK_EPISODE, 0, SURE);
          for (int q = j; q <= k; q++)
            claim_cont (p, q, i);
          note_episode_anchor (p, i, k);
          return k - i + 1;
        }
      return 0;

    default:
      return 0;
    }
}
#undef NL_IS

static gboolean
word_allowed (const Parser *p,
              int           i,
              const Entry  *e)
{
  const Tok *t = &p->tok[i];

  if (e->flags & SSV_RW_UPPER)
    {
      gboolean ok = (t->flags & TF_UPPER) != 0;

      if (e->exact != NULL && tok_orig_is (p, i, e->exact))
        ok = TRUE;
      if (!ok)
        return FALSE;
    }

  if ((e->flags & SSV_RW_WEBCTX) && !next_is_web (p, i) &&
      !(i > 0 && p->tok[i - 1].kind == SSV_RK_RES && gap_joins (p, i)))
    return FALSE;

  return TRUE;
}

static int
match_word (Parser *p,
            int     i)
{
  const Tok *t = &p->tok[i];
  const Entry *e;
  int level;

  if (t->flags & TF_LONG)
    return 0;

  e = lookup_len (t->low, t->nlow, t->hash);
  if (e == NULL || !word_allowed (p, i, e))
    return 0;

  level = (e->flags & SSV_RW_AFTER) ? AFTER : (e->flags & SSV_RW_WEAK) ? WEAK : SURE;

  /* French fansubs: anime conventions follow */
  if (e->kind == SSV_RK_SUBLANG && strcmp (t->low, "vostfr") == 0)
    p->anime = TRUE;

  switch (e->kind)
    {
    case SSV_RK_COMPOUND:
      return match_compound (p, i, e->val & 0xff, e->val >> 8, level);

    case SSV_RK_SERVICE:
      {
        int n = match_service_pair (p, i);

        if (n > 0)
          return n;
        claim (p, i, SSV_RK_SERVICE, e->val, (e->flags & SSV_RW_WEBCTX) ? SURE : level);
        return 1;
      }

    case SSV_RK_HDR:
      /* HDR10+ */
      if (e->val == SSV_RELEASE_HDR_HDR10 && t->end < p->blen && p->buf[t->end] == '+')
        {
          claim (p, i, SSV_RK_HDR, SSV_RELEASE_HDR_HDR10_PLUS, level);
          return 1;
        }
      claim (p, i, e->kind, e->val, level);
      return 1;

    case SSV_RK_CODEC:
      if (t->low[0] == 'x')
        p->encoder = TRUE;
      claim (p, i, e->kind, e->val, level);
      return 1;

    case SSV_RK_REVISION:
      /* REAL counts only in capitals: "The Real Housewives" is a title */
      if (e->val == SSV_RR_REAL && !(t->flags & TF_UPPER))
        {
          if (!(i + 1 < p->n && (tok_is (p, i + 1, "proper") || tok_is (p, i + 1, "repack"))))
            return 0;
          claim (p, i, SSV_RK_OTHER, 0, WEAK);
          return 1;
        }
      claim (p, i, e->kind, e->val, level);
      return 1;

    default:
      claim (p, i, e->kind, e->val, level);
      return 1;
    }
}

/* site.com, www.site.org, [ WWW.TORRENTING.COM ], 1337x.to */
static int
match_domain (Parser *p,
              int     i)
{
  static const char *const tlds[] = {
    "com", "net", "org", "info", "to", "cd", "se", "nu", "me", "cc", "io", "ru", "re", "lol",
    "xyz", "tw", "ag", "si", "am", "biz", "ws", "mx", "eu", "co", "in", "pw", "tv", "uk", "sbs",
    "art", "lat", "ms", "st", "li", "ch", "de", "fr", "it", "nl", "pl", "es", "pro", "club", "site",
  };
  int j = i + 1;

  if (j >= p->n || !gap_is_char (p, j, '.'))
    return 0;

  /* www.anything.anything */
  if (p->tok[i].nlow == 3 && memcmp (p->tok[i].low, "www", 3) == 0)
    {
      claim (p, i, SSV_RK_SITE, 0, SURE);
      while (j < p->n && gap_is_char (p, j, '.'))
        claim_cont (p, j++, i);
      return j - i;
    }

  if (!(p->tok[i].bracket != 0 || i == 0) || p->tok[j].nlow < 2 || p->tok[j].nlow > 4)
    return 0;
  /* YTS.MX, YTS.AG: a release group that writes its name as a domain */
  if (tok_is (p, i, "yts"))
    return 0;

  /* A domain ends its brackets or the name, or is followed by a dash */
  if (!(j + 1 >= p->n || p->tok[j + 1].bgroup != p->tok[j].bgroup || gap_is_dash (p, j + 1) ||
        gap_is_char (p, j + 1, '.')))
    return 0;

  for (guint k = 0; k < G_N_ELEMENTS (tlds); k++)
    if (tlds[k][0] == p->tok[j].low[0] && tok_is (p, j, tlds[k]))
      {
        int end = j;

        /* org.ru, co.uk */
        while (end + 1 < p->n && gap_is_char (p, end + 1, '.') && p->tok[end + 1].nlow <= 3 &&
               p->tok[end + 1].bgroup == p->tok[i].bgroup)
          end++;
        /* The domain ends a bracket group or the name */
        if (!(end + 1 >= p->n || p->tok[end + 1].bgroup != p->tok[end].bgroup || gap_is_dash (p, end + 1)))
          return 0;
        claim (p, i, SSV_RK_SITE, 0, SURE);
        for (int q = i + 1; q <= end; q++)
          claim_cont (p, q, i);
        return end - i + 1;
      }
  return 0;
}

/* Eight hex digits alone in brackets: an anime CRC. */
static int
match_hash (Parser *p,
            int     i)
{
  const Tok *t = &p->tok[i];

  if (t->nlow != 8 || !(t->flags & TF_HEX) || t->bracket == 0)
    return 0;
  if ((i > 0 && p->tok[i - 1].bgroup == t->bgroup) || (i + 1 < p->n && p->tok[i + 1].bgroup == t->bgroup))
    return 0;
  /* 12345678 could be a date; need a letter or a digit pattern no date has */
  for (int k = 0; k < 8; k++)
    p->out->release_hash[k] = g_ascii_toupper (p->buf[t->start + k]);
  p->out->release_hash[8] = '\0';
  claim (p, i, SSV_RK_HASH, 0, SURE);
  p->anime = TRUE;
  return 1;
}

/* "-x02-" a bonus, "-f21-" a film of a collection: between two tight dashes */
static int
match_marker (Parser *p,
              int     i)
{
  const Tok *t = &p->tok[i];
  int pos = 1;

  if ((t->low[0] != 'x' && t->low[0] != 'f') || !g_ascii_isdigit (t->low[1]) || i == 0)
    return 0;
  if (read_num (t->low, &pos, 2) < 0 || t->low[pos] != '\0')
    return 0;
  if (!gap_is_char (p, i, '-') || !(i + 1 < p->n && gap_is_char (p, i + 1, '-')))
    return 0;
  claim (p, i, SSV_RK_NOISE, t->low[0] == 'f' ? 1 : 0, SURE);
  return 1;
}

static void
match_token (Parser *p,
             int     i)
{
  const Tok *t = &p->tok[i];

  if (t->flags & TF_DIGITS)
    {
      if (match_hash (p, i) || match_number (p, i))
        return;
      return;
    }

  if (t->ndig > 0)
    {
      if (match_hash (p, i) || match_nxn (p, i) || match_res (p, i) || match_unit (p, i) ||
          match_of_token (p, i) || ((i == 0 || t->bracket != 0) && match_domain (p, i)))
        return;
    }
  else
    {
      if (t->flags & TF_DIGIT)
        {
          if (match_sxe (p, i) || match_e (p, i) || match_res (p, i) || match_hash (p, i) ||
              match_marker (p, i))
            return;
        }
      else if ((t->nlow == 8 && match_hash (p, i)) || (t->nlow == 1 && match_sxe (p, i)))
        return;
      if ((i == 0 || t->bracket != 0 || (t->nlow == 3 && t->low[0] == 'w')) && match_domain (p, i))
        return;
    }

  if (match_word (p, i))
    return;
  if ((t->flags & TF_DIGIT) && match_alpha_digits (p, i))
    return;
  if (t->nlow > 4 && (t->low[t->nlow - 4] == 'x' || t->low[t->nlow - 4] == 'h') && match_source_codec (p, i))
    return;
}

/* ------------------------------------------------------------------------ */
/* Deciding what the unclaimed tokens are */

static gboolean
is_anchor (const Tok *t)
{
  return t->kind != SSV_RK_NONE && t->level == SURE && t->kind != SSV_RK_SITE;
}

static int
first_anchor (const Parser *p,
              int           from)
{
  for (int i = from; i < p->n; i++)
    if (is_anchor (&p->tok[i]))
      return i;
  return p->n;
}

static gboolean
is_quality_tag (const Tok *t)
{
  return t->kind == SSV_RK_SOURCE || t->kind == SSV_RK_CODEC || t->kind == SSV_RK_BITDEPTH ||
         t->kind == SSV_RK_HDR || t->kind == SSV_RK_AUDIO || t->kind == SSV_RK_SERVICE;
}

static void
find_bare_resolution (Parser *p)
{
  if (p->out->resolution != 0)
    return;

  for (int k = 1; k < p->n; k++)
    {
      const Tok *t = &p->tok[k];

      if (t->kind != SSV_RK_NONE || !(t->flags & TF_DIGITS) ||
          !(t->num == 480 || t->num == 576 || t->num == 720 || t->num == 1080 || t->num == 2160))
        continue;
      if ((is_quality_tag (&p->tok[k - 1]) && gap_joins (p, k)) ||
          (k + 1 < p->n && is_quality_tag (&p->tok[k + 1]) && gap_joins (p, k + 1)))
        {
          set_resolution (p, t->num, FALSE);
          claim (p, k, SSV_RK_RES, t->num, SURE);
          return;
        }
    }
}

/* "[HorribleSubs] Love Live! S2 - 07": in fansub names the season is part of the show's
 * name and the number after the dash counts from the show's first episode. */
static void
anime_season_in_title (Parser *p)
{
  if (!p->anime || p->out->n_seasons != 1)
    return;

  for (int k = 1; k + 1 < p->n; k++)
    {
      const Tok *t = &p->tok[k];
      const Tok *next = &p->tok[k + 1];

      if (t->kind != SSV_RK_SEASON || t->cont || next->cont || t->low[0] != 's' || !gap_is_dash (p, k + 1))
        continue;
      if (!((next->flags & TF_DIGITS) || next->kind == SSV_RK_EPISODE))
        return;

      unclaim (p, k);
      p->n_sure--;
      p->out->n_seasons = 0;
      p->out->flags &= ~SSV_RELEASE_FLAG_FULL_SEASON;
      p->ep_first = -1;
      p->ep_last = -1;
      if (next->kind == SSV_RK_EPISODE)
        {
          int last = k + 1;

          while (last + 1 < p->n && p->tok[last + 1].cont)
            last++;
          note_episode_anchor (p, k + 1, last);
        }
      return;
    }
}

static void
find_title_start (Parser *p)
{
  int i = 0;

  while (i < p->n)
    {
      const Tok *t = &p->tok[i];

      if (t->bracket != 0)
        {
          int k = i;

          /* "(500) Days of Summer" */
          if (t->bracket == '(' && (t->flags & TF_DIGITS) && !(t->flags & TF_YEAR) && i + 1 < p->n &&
              p->tok[i + 1].bracket == 0 && p->tok[i + 1].kind == SSV_RK_NONE)
            break;

          while (k < p->n && p->tok[k].bracket != 0)
            k++;
          /* everything is in brackets: the title is in there */
          if (k >= p->n)
            break;
          if (i == 0 && t->bracket == '[')
            p->anime = TRUE;
          i = k;
          continue;
        }

      if (t->kind == SSV_RK_SITE || t->kind == SSV_RK_NOISE || t->kind == SSV_RK_HASH)
        {
          i++;
          continue;
        }

      if (is_anchor (t))
        {
          /* "S02 Some Series" names the season, then the show; "S01E01 Title" the episode */
          if (t->kind == SSV_RK_EPISODE || t->kind == SSV_RK_DATE)
            {
              p->no_title = TRUE;
              break;
            }
          i++;
          continue;
        }

      /* "03-Criminal.Minds", "003. Show Name", "[DeadFish] 01 - Tari Tari": the episode first */
      if (!p->folder && (t->flags & TF_DIGITS) && t->ndig >= 2 && t->ndig <= 3 && i + 1 < p->n &&
          t->kind == SSV_RK_NONE)
        {
          int last = i;

          if (is_digits (p, i + 1) && gap_is_char (p, i + 1, '-') && p->tok[i + 1].num > t->num &&
              p->tok[i + 1].ndig == t->ndig)
            last = i + 1;
          if (last + 1 < p->n && (p->tok[last + 1].flags & TF_ALPHA) &&
              (gap_is_char (p, last + 1, '-') || gap_is_dash (p, last + 1) || gap_is_str (p, last + 1, ". ") ||
               (p->anime && gap_is_char (p, last + 1, ' '))))
            {
              if (last > i)
                add_episode_range (p, t->num, p->tok[last].num, p->anime);
              else
                {
                  add_episode (p, t->num);
                  if (p->anime)
                    add_absolute (p, t->num);
                }
              claim (p, i, SSV_RK_EPISODE, 0, SURE);
              for (int q = i + 1; q <= last; q++)
                claim_cont (p, q, i);
              note_episode_anchor (p, i, last);
              i = last + 1;
              continue;
            }
        }

      break;
    }

  p->ts = i;

  /* "James_Bond-f21-Casino_Royale": the film's own title follows the marker */
  for (int k = p->ts; k < p->n && !p->no_title; k++)
    if (p->tok[k].kind == SSV_RK_NOISE && p->tok[k].val == 1 && k + 1 < p->n)
      {
        p->ts = k + 1;
        break;
      }
}

static void
choose_year (Parser *p,
             int     sure)
{
  int best = -1;
  int bracketed = -1;

  for (int k = p->ts + 1; k < sure; k++)
    if ((p->tok[k].flags & TF_YEAR) && p->tok[k].kind == SSV_RK_NONE)
      {
        best = k;
        if (bracketed < 0 && p->tok[k].bracket != 0)
          bracketed = k;
      }

  /* "2011 2013 (2012) (2015)": the year in brackets is the film's */
  if (bracketed >= 0)
    best = bracketed;

  if (best < 0)
    {
      for (int k = MAX (sure, p->ts + 1); k < p->n; k++)
        if ((p->tok[k].flags & TF_YEAR) && p->tok[k].kind == SSV_RK_NONE)
          {
            best = k;
            break;
          }
    }

  if (best < 0)
    return;

  if (p->out->year == 0)
    p->out->year = p->tok[best].num;
  claim (p, best, SSV_RK_YEAR, p->tok[best].num, SURE);
}

/* Where a bare number ends the title: before a sure tag, a bracket, a " - ", the end. */
static gboolean
ends_region (const Parser *p,
             int           k,
             int           sure)
{
  int next = k + 1;

  if (next >= p->n || next == sure)
    return next >= p->n || p->tok[next].kind != SSV_RK_YEAR;
  /* "Movie 43 (2013)", "Apollo 13 1995": a number in front of the year is the title's */
  if (p->tok[next].kind == SSV_RK_YEAR || (p->tok[next].flags & TF_YEAR))
    return FALSE;
  if (p->tok[next].bracket != 0 && p->tok[next].bgroup != p->tok[k].bgroup)
    return TRUE;
  if (gap_is_dash (p, next))
    return TRUE;
  return p->tok[next].kind != SSV_RK_NONE && p->tok[next].kind != SSV_RK_YEAR &&
         p->tok[next].kind != SSV_RK_EPTITLE;
}

enum
{
  NUM_PLAIN,      /* an episode number */
  NUM_ABSOLUTE,   /* an anime absolute number: episode and absolute */
  NUM_SPLIT,      /* 117, 0307, 2401: season and episode in one number */
};

static void
claim_episode_number (Parser *p,
                      int     k,
                      int     mode)
{
  int version = 0;
  int v = parse_num_token (&p->tok[k], &version);
  int last = k;

  if (version)
    set_version (p, version);

  /* A range: 02-03 */
  if (k + 1 < p->n && is_digits (p, k + 1) && gap_is_char (p, k + 1, '-') &&
      (int) p->tok[k + 1].num > v && p->tok[k + 1].num - v < 200 && p->tok[k + 1].kind == SSV_RK_NONE)
    {
      add_episode_range (p, v, p->tok[k + 1].num, mode == NUM_ABSOLUTE);
      last = k + 1;
    }
  else if (mode == NUM_SPLIT && p->out->n_seasons == 0 && v >= 100)
    {
      add_season (p, v / 100);
      add_episode (p, v % 100);
    }
  else
    {
      add_episode (p, v);
      if (mode == NUM_ABSOLUTE)
        add_absolute (p, v);
      /* 10.5: a recap between two episodes */
      if (k + 1 < p->n && is_digits (p, k + 1) && p->tok[k + 1].ndig == 1 && gap_is_char (p, k + 1, '.') &&
          p->tok[k + 1].kind == SSV_RK_NONE && ends_region (p, k + 1, p->n))
        {
          p->out->flags |= SSV_RELEASE_FLAG_SPECIAL;
          last = k + 1;
        }
    }

  claim (p, k, SSV_RK_EPISODE, 0, SURE);
  for (int q = k + 1; q <= last; q++)
    claim_cont (p, q, k);
  note_episode_anchor (p, k, last);
}

static gboolean
is_free_number (const Parser *p,
                int           k)
{
  const Tok *t = &p->tok[k];

  if (t->ndig == 0 || t->kind != SSV_RK_NONE)
    return FALSE;
  return parse_num_token (t, NULL) >= 0 && t->ndig <= 4 &&
         !((t->flags & TF_YEAR) && t->ndig == 4);
}

/* How to read a 3- or 4-digit episode number without a marker. */
static int
split_mode (const Parser *p,
            int           k)
{
  const Tok *t = &p->tok[k];
  int v = parse_num_token (t, NULL);

  if (p->anime || p->out->n_seasons > 0)
    return p->out->n_seasons > 0 ? NUM_PLAIN : NUM_ABSOLUTE;
  if (t->ndig == 3)
    return NUM_SPLIT;
  /* 0307, 2401: a season and an episode; 1089: an episode of a long anime */
  if (t->ndig == 4 && v / 100 >= 1 && v % 100 >= 1 && v % 100 <= 40)
    return NUM_SPLIT;
  return NUM_ABSOLUTE;
}

/* Episode numbers written without a marker: "Show - 12", "One.Piece.1089", "[01]". */
static void
find_bare_episode (Parser *p,
                   int     sure)
{
  gboolean no_season = p->out->n_seasons == 0;

  if (p->out->air_year != 0 || p->folder)
    return;

  {
    gboolean any = FALSE;

    for (int k = p->ts + 1; k < p->n && !any; k++)
      any = p->tok[k].ndig > 0 && p->tok[k].kind == SSV_RK_NONE;
    if (!any)
      return;
  }

  if (p->out->n_episodes > 0)
    {
      for (int k = p->ts + 1; k < p->n; k++)
        {
          const Tok *t = &p->tok[k];
          gboolean range = k + 2 == p->ep_first && is_digits (p, k + 1) && gap_is_char (p, k + 1, '-');

          if (!is_free_number (p, k) || t->ndig < 2 || t->bracket != 0)
            continue;
          /* "Show.Name.313-315.s16e03-05": absolute numbers in front of the episode */
          if (range && p->tok[k + 1].num > t->num)
            {
              for (guint e = t->num; e <= p->tok[k + 1].num && e - t->num < 200; e++)
                add_absolute (p, e);
              claim (p, k, SSV_RK_EPISODE, 0, SURE);
              claim_cont (p, k + 1, k);
              return;
            }
          /* "[K-F] One Piece S10E14 214" */
          if (p->anime && (k == p->ep_last + 1 || k + 1 == p->ep_first))
            {
              add_absolute (p, parse_num_token (t, NULL));
              claim (p, k, SSV_RK_EPISODE, 0, SURE);
              return;
            }
        }
      return;
    }

  /* "Show - 12", "#957" */
  for (int k = p->ts + 1; k < p->n; k++)
    {
      const Tok *t = &p->tok[k];
      int mode;

      if (!is_free_number (p, k) || t->bracket != 0)
        continue;
      if (!(gap_is_dash (p, k) || gap_has (p, k, '#')))
        continue;
      if (k > sure && !p->anime && t->ndig > 3)
        continue;
      /* "Bleach - 031", "One Piece - 927": a dash and a number is how anime is numbered */
      mode = no_season ? NUM_ABSOLUTE : NUM_PLAIN;
      claim_episode_number (p, k, mode);
      return;
    }

  /* "Title {01} Episode Title", "[01]", "[401]" */
  for (int k = p->ts + 1; k < MIN (p->n, sure + 1); k++)
    {
      const Tok *t = &p->tok[k];

      if (is_free_number (p, k) && t->bracket != 0 && t->ndig <= 3 &&
          (k + 1 >= p->n || p->tok[k + 1].bgroup != t->bgroup) && p->tok[k - 1].bgroup != t->bgroup)
        {
          claim_episode_number (p, k, t->ndig == 3 ? split_mode (p, k) : no_season ? NUM_ABSOLUTE : NUM_PLAIN);
          return;
        }
    }

  /* A number that ends the title: "Test.14.HDTV", "[Group] Show 13", "new.girl.117.hdtv" */
  for (int k = p->ts + 1; k < p->n && k <= sure; k++)
    {
      const Tok *t = &p->tok[k];
      gboolean range = k + 1 < p->n && is_digits (p, k + 1) && gap_is_char (p, k + 1, '-') &&
                       p->tok[k + 1].kind == SSV_RK_NONE;
      int end = range ? k + 1 : k;
      gboolean padded = t->ndig >= 2 && t->low[0] == '0';
      gboolean at_end = ends_region (p, end, sure);

      if (!is_free_number (p, k) || t->bracket != 0 || k == sure)
        continue;
      /* "Reno 911! S01": in front of a season the number is the show's */
      if (p->out->n_seasons > 0 && k < p->ep_first)
        continue;
      if (p->tok[k - 1].kind == SSV_RK_YEAR && p->tok[k - 1].bracket == 0 && !at_end)
        continue;
      /* "Neverwhere.05.Down.Street": a zero-padded number is an episode wherever it is */
      if (!(at_end || padded || (p->anime && t->ndig >= 2)))
        continue;
      if (padded && !at_end && k + 1 < p->n && is_digits (p, k + 1))
        continue;
      /* "FooBar.7.PDTV", "Cars.2": one digit belongs to the title */
      if (t->ndig == 1 && !range)
        continue;
      /* "OSS_117--Cairo": three digits only right before a tag or at the very end */
      if (t->ndig >= 3 && !range && !p->anime && end + 1 < p->n && !is_anchor (&p->tok[end + 1]))
        continue;
      if (t->ndig >= 3 && !range)
        claim_episode_number (p, k, split_mode (p, k));
      else
        claim_episode_number (p, k, no_season && (p->anime || range) ? NUM_ABSOLUTE : NUM_PLAIN);
      return;
    }
}

/* Written like the title's words, so it may be one of them ("The Bone Collector"). */
static gboolean
blends (const Parser *p,
        const Tok    *t,
        const Tok    *title)
{
  gboolean t_upper = (t->flags & TF_UPPER) != 0;
  gboolean title_upper = (title->flags & TF_UPPER) != 0;
  gboolean t_lower = !t_upper && !g_ascii_isupper (p->buf[t->start]);
  gboolean title_lower = !title_upper && !g_ascii_isupper (p->buf[title->start]);

  if (t_upper || title_upper)
    return t_upper == title_upper;
  return t_lower == title_lower;
}

/* Weak tags inside a run of words become words again; at its end they stay tags, unless
 * they look like the words before them and a year follows ("The.Bone.Collector.1999"). */
static void
resolve_weak (Parser   *p,
              int       lo,
              int       hi,
              gboolean  keep_one)
{
  int last_free = -1;

  /* Only the words in the same brackets as the first one */
  for (int k = lo + 1; k < hi; k++)
    if (p->tok[k].bgroup != p->tok[lo].bgroup)
      {
        hi = k;
        break;
      }

  /* A name that is one tag and nothing else: "TS", "Cam" */
  if (keep_one && p->n == 1)
    return;
  gboolean any_weak = FALSE;
  gboolean all_blend = TRUE;

  for (int k = hi - 1; k >= lo; k--)
    if (p->tok[k].kind == SSV_RK_NONE)
      {
        last_free = k;
        break;
      }

  for (int k = lo; k < last_free; k++)
    if (p->tok[k].kind != SSV_RK_NONE && p->tok[k].level != SURE)
      unclaim (p, k);

  /* The run of tags at the end */
  for (int k = MAX (last_free + 1, lo); k < hi; k++)
    if (p->tok[k].kind != SSV_RK_NONE && !p->tok[k].cont)
      {
        if (p->tok[k].level == WEAK)
          any_weak = TRUE;
        if (!blends (p, &p->tok[k], &p->tok[lo]))
          all_blend = FALSE;
      }

  if (keep_one && last_free >= lo && !all_blend)
    {
      for (int k = last_free + 1; k < hi; k++)
        {
          const Tok *t = &p->tok[k];
          const Tok *next = k + 1 < hi ? &p->tok[k + 1] : NULL;

          if (t->kind != SSV_RK_LANG || t->level != WEAK || !blends (p, t, &p->tok[lo]) || next == NULL ||
              next->kind == SSV_RK_LANG || (next->kind == SSV_RK_LANGFLAG && next->val != SSV_RL_MULTI) ||
              next->kind == SSV_RK_AUDIO)
            break;
          unclaim (p, k);
          last_free = k;
        }
    }

  if (last_free >= lo && ((keep_one && !any_weak) || (all_blend && hi < p->n && p->tok[hi].kind == SSV_RK_YEAR)))
    {
      for (int k = last_free + 1; k < hi; k++)
        unclaim (p, k);
    }
  else if (last_free >= lo && keep_one)
    {
      /* AFTER words at the end stay tags only next to a weak tag: "German.DL" */
      for (int k = last_free + 1; k < hi; k++)
        if (p->tok[k].level == AFTER && !(k > lo && p->tok[k - 1].kind != SSV_RK_NONE) &&
            !(k + 1 < hi && p->tok[k + 1].kind != SSV_RK_NONE && p->tok[k + 1].level == WEAK))
          unclaim (p, k);
    }

  if (keep_one && last_free < 0 && hi > lo)
    {
      for (int k = lo; k < hi; k++)
        if (p->tok[k].level == AFTER)
          unclaim (p, k);
      if (p->tok[lo].kind != SSV_RK_NONE)
        {
          unclaim (p, lo);
          for (int k = lo + 1; k < hi && p->tok[k].cont; k++)
            unclaim (p, k);
        }
    }
}

static gboolean
is_single_letter (const Tok *t)
{
  return t->nlow == 1 && g_ascii_isalpha (t->low[0]);
}

/* Names come from anywhere: keep text valid UTF-8 in place, without allocating. A
 * sequence cut at the end is dropped, a broken byte elsewhere becomes '?'. */
static void
sanitize_utf8 (char  *s,
               gsize  len)
{
  const char *end;
  gsize k;

  for (k = 0; k < len && !((guchar) s[k] & 0x80); k++)
    ;
  if (k == len)
    return;

  while (!g_utf8_validate (s, len, &end))
    {
      gsize at = end - s;

      if (len - at < 4 && g_utf8_get_char_validated (end, len - at) == (gunichar) -2)
        {
          len = at;
          while (len > 0 && s[len - 1] == ' ')
            len--;
          s[len] = '\0';
          return;
        }
      s[at] = '?';
    }
}

/* Copies tokens [from, to) to @dest as readable text: dots and underscores become
 * spaces except inside acronyms (S.H.I.E.L.D.), brackets and dashes are trimmed. */
static void
copy_words (const Parser *p,
            int           from,
            int           to,
            char         *dest,
            gsize         dest_size)
{
  const char *start = p->buf + p->tok[from].start;
  const char *end = p->buf + p->tok[to - 1].end;
  gboolean dotted;
  gsize o = 0;
  const char *s;

  /* Words separated by dots or underscores, or by spaces? */
  dotted = memchr (start, ' ', end - start) == NULL;

  /* Keep a trailing "!" or "?" ("Working!!", "Reno 911!") */
  while (end < p->buf + p->blen && (*end == '!' || *end == '?'))
    end++;

  for (int k = from; k < to; k++)
    {
      const Tok *t = &p->tok[k];
      gboolean acronym_left = k > from && is_single_letter (&p->tok[k - 1]) && is_single_letter (t) &&
                              gap_is_char (p, k, '.');

      if (k > from)
        {
          int glen;
          const char *g = gap (p, k, &glen);

          if (acronym_left)
            {
              if (o + 1 < dest_size)
                dest[o++] = '.';
            }
          else
            {
              gboolean prev_acronym = k - 1 > from && is_single_letter (&p->tok[k - 1]) &&
                                      is_single_letter (&p->tok[k - 2]) && gap_is_char (p, k - 1, '.');

              if (prev_acronym && g[0] == '.' && o + 1 < dest_size)
                dest[o++] = '.';
              for (int q = 0; q < glen; q++)
                {
                  char c = g[q];

                  if (c == '_' || (dotted && c == '.'))
                    c = ' ';
                  if (c == ' ' && o > 0 && dest[o - 1] == ' ')
                    continue;
                  if (o + 1 < dest_size)
                    dest[o++] = c;
                }
            }
        }

      {
        gsize n = MIN ((gsize) (t->end - t->start), dest_size - 1 - o);

        memcpy (dest + o, p->buf + t->start, n);
        o += n;
      }
    }

  /* "S.H.I.E.L.D." keeps its last dot when the name had it */
  if (to - from >= 2 && is_single_letter (&p->tok[to - 1]) && is_single_letter (&p->tok[to - 2]) &&
      gap_is_char (p, to - 1, '.') && end < p->buf + p->blen && *end == '.' && o + 1 < dest_size)
    dest[o++] = '.';

  for (s = p->buf + p->tok[to - 1].end; s < end && o + 1 < dest_size; s++)
    dest[o++] = *s;

  /* Trim separators and a cut UTF-8 sequence at the end */
  while (o > 0 && strchr (" -_.,:;([{", dest[o - 1]) != NULL && !(dest[o - 1] == '.' && o >= 2 &&
         g_ascii_isalpha (dest[o - 2]) && (o == 2 || dest[o - 3] == '.')))
    o--;
  dest[o] = '\0';
  if (p->has_high)
    sanitize_utf8 (dest, o);
}

static void
find_title (Parser *p)
{
  int hi = first_anchor (p, p->ts);
  int te;
  int split = -1;
  const Tok *first;
  SsvRelease *r = p->out;

  p->sure = hi;
  if (p->no_title || p->ts >= p->n)
    {
      p->te = p->ts;
      return;
    }

  resolve_weak (p, p->ts, hi, TRUE);

  first = &p->tok[p->ts];
  for (te = p->ts; te < hi; te++)
    {
      const Tok *t = &p->tok[te];

      if (t->kind != SSV_RK_NONE)
        break;
      if (t->bgroup != first->bgroup && (first->bracket == 0 || t->bracket != 0 || te > p->ts))
        break;
    }
  p->te = te;
  if (te == p->ts)
    return;

  /* "The.Office.US.S03": the country is not part of the name people search */
  if (te - p->ts >= 2 && (p->tok[te - 1].flags & TF_UPPER) && p->tok[te - 1].nlow == 2 &&
      (tok_is (p, te - 1, "us") || tok_is (p, te - 1, "uk") || tok_is (p, te - 1, "au") ||
       tok_is (p, te - 1, "nz")))
    {
      g_strlcpy (r->country, p->buf + p->tok[te - 1].start, 3);
      r->country[2] = '\0';
      claim (p, te - 1, SSV_RK_NOISE, 0, SURE);
      te--;
      p->te = te;
    }

  /* "Garo - Vanishing Line", "OSS_117--Cairo": an alternative title after a dash,
   * unless it says which part of the film it is */
  for (int k = p->ts + 1; k < te; k++)
    if (gap_is_dash (p, k) && !tok_is (p, k, "part") && !tok_is (p, k, "parte") &&
        !tok_is (p, k, "pt") && !tok_is (p, k, "chapter") && !tok_is (p, k, "vol") &&
        !tok_is (p, k, "volume"))
      {
        split = k;
        break;
      }

  if (split > 0)
    {
      copy_words (p, p->ts, split, r->title, sizeof r->title);
      copy_words (p, split, te, r->alt_title, sizeof r->alt_title);
    }
  else
    copy_words (p, p->ts, te, r->title, sizeof r->title);

  /* "Simpsons, The" */
  if (strchr (r->title, ',') != NULL)
  {
    gsize len = strlen (r->title);
    static const char *const articles[] = { ", the", ", a", ", an" };

    for (guint k = 0; k < G_N_ELEMENTS (articles); k++)
      {
        gsize alen = strlen (articles[k]);

        if (len > alen + 1 && g_ascii_strcasecmp (r->title + len - alen, articles[k]) == 0)
          {
            char tmp[SSV_RELEASE_TEXT_MAX];

            g_snprintf (tmp, sizeof tmp, "%s %.*s", r->title + len - alen + 2, (int) (len - alen), r->title);
            g_strlcpy (r->title, tmp, sizeof r->title);
            break;
          }
      }
  }
}

/* Words indexers and re-uploaders glue after the real group: "-NTb-Scrambled". */
static gboolean
is_group_suffix (const char *low)
{
  static const char *const suffixes[] = {
    "rp", "obfuscated", "scrambled", "postbot", "xpost", "asrequested", "whiterev", "buymore",
    "4p", "4planet", "alternativetorequested", "chamele0n", "nzbgeek", "repost", "sample", "proof",
    "sharethefiles", "pre", "gerov", "z0ids3n", "altezachen", "sicherbeinzb", "recompressed",
  };

  if (low[0] == 'r' && g_str_has_prefix (low, "rakuv"))
    return TRUE;
  for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
    if (suffixes[k][0] == low[0] && strcmp (low, suffixes[k]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
may_be_group (const Tok *t)
{
  if (t->kind == SSV_RK_NONE || t->level != SURE)
    return TRUE;
  return t->kind == SSV_RK_SITE || t->kind == SSV_RK_OTHER || t->kind == SSV_RK_SERVICE ||
         t->kind == SSV_RK_LANGFLAG;
}

static void
set_group (Parser *p,
           int     from,
           int     to)
{
  const char *s = p->buf + p->tok[from].start;
  gsize len = p->tok[to].end - p->tok[from].start;

  while (p->tok[from].start + len < (gsize) p->blen && s[len] == '!')
    len++;
  if (len >= sizeof p->out->release_group)
    return;
  memcpy (p->out->release_group, s, len);
  p->out->release_group[len] = '\0';
  sanitize_utf8 (p->out->release_group, len);
  for (int k = from; k <= to; k++)
    claim (p, k, SSV_RK_GROUP, 0, SURE);
}

static void
find_group (Parser *p)
{
  int end = p->n - 1;
  int g0;

  while (end >= p->te && end >= 0)
    {
      const Tok *t = &p->tok[end];

      /* "[eztv]" is noise, "x264-RARBG" is the group that made it */
      if ((t->kind == SSV_RK_SITE && !tok_is (p, end - (t->cont ? 1 : 0), "yts") &&
           (t->bracket != 0 || t->cont || !gap_is_char (p, end, '-'))) ||
          t->kind == SSV_RK_HASH || t->kind == SSV_RK_CONTAINER ||
          (t->kind == SSV_RK_NOISE && t->bracket != 0))
        end--;
      else if (end > 0 && gap_is_char (p, end, '-') && is_group_suffix (t->low))
        end--;
      else if (end > 0 && t->kind == SSV_RK_LANG && gap_is_char (p, end, '.') && end == p->n - 1 &&
               p->out->container[0] != '\0')
        end--;  /* "show.s01e18.hdtv.xvid-2hd.eng.srt": the subtitles' language */
      else
        break;
    }

  /* "DLMux by UBi" */
  for (int k = MAX (end - 2, p->sure); k < end && k >= 0; k++)
    if (tok_is (p, k, "by") && p->tok[k].kind == SSV_RK_NONE && k > p->ep_last)
      {
        gboolean ok = TRUE;

        for (int q = k + 1; q <= end; q++)
          ok &= p->tok[q].kind == SSV_RK_NONE && p->tok[q].bracket == 0;
        if (ok)
          {
            set_group (p, k + 1, end);
            return;
          }
      }

  if (end < 0 || end < p->te || end <= p->ep_last)
    goto leading;

  /* "x264-[YTS.AG]", "x264-YTS.MX" */
  if (end > 0 && tok_is (p, end - 1, "yts") && gap_is_char (p, end, '.') && p->tok[end].nlow == 2 &&
      end - 1 > p->sure)
    {
      set_group (p, end - 1, end);
      return;
    }

  /* "(YIFY)", "[Lunar]": one word alone in the last brackets, after a dash */
  if (p->tok[end].bracket != 0)
    {
      const Tok *t = &p->tok[end];

      if (end > 0 && p->tok[end - 1].bgroup != t->bgroup && t->kind == SSV_RK_NONE && !(t->flags & TF_DIGITS) &&
          t->nlow >= 2 && end > p->sure && gap_has (p, end, '-'))
        {
          set_group (p, end, end);
          return;
        }
      goto leading;
    }

  /* ".-DX-TV": after a dot and a dash, everything to the end is the group */
  for (int k = end; k > p->sure && k > p->ep_last; k--)
    {
      if (gap_is_str (p, k, ".-"))
        {
          gboolean ok = TRUE;

          for (int q = k; q <= end && ok; q++)
            ok = may_be_group (&p->tok[q]) && (q == k || gap_is_char (p, q, '-'));
          if (ok)
            {
              set_group (p, k, end);
              return;
            }
          break;
        }
      if (!gap_is_char (p, k, '-'))
        break;
    }

  /* "-GROUP", "- GROUP", "-HiS@SiLUHD", "XviD-AlFleNi-TeaM", "XViD.Etc-Group" */
  g0 = end;
  while (g0 > 0)
    {
      int glen;
      const char *g = gap (p, g0, &glen);
      gboolean joined = glen == 0 || (glen == 1 && (g[0] == '@' || g[0] == '&' || g[0] == '-'));

      if (!joined || !may_be_group (&p->tok[g0 - 1]) || p->tok[g0 - 1].kind != SSV_RK_NONE ||
          g0 - 1 <= p->sure || g0 - 1 <= p->ep_last || g0 - 1 < p->te)
        break;
      g0--;
    }
  if (g0 < end && !gap_has (p, g0, '-'))
    {
      /* a run joined by dashes after a dot: the whole run is the group */
      int glen;
      const char *g = gap (p, g0, &glen);

      if (glen == 1 && (g[0] == '.' || g[0] == ' ' || g[0] == '_') && is_anchor (&p->tok[g0 - 1]))
        {
          set_group (p, g0, end);
          return;
        }
      /* otherwise only what follows the last dash */
      while (g0 < end && !gap_is_char (p, g0, '-'))
        g0++;
    }

  for (int k = g0; k <= end; k++)
    if (!may_be_group (&p->tok[k]))
      goto leading;
  /* Only digits: a group only right after a tag ("x264-1080"), never "-2002" */
  if (g0 == end && (p->tok[end].flags & TF_DIGITS) &&
      ((p->tok[end].flags & TF_YEAR) || !gap_is_char (p, end, '-') || !is_anchor (&p->tok[end - 1])))
    goto leading;

  if (g0 > 0 && g0 >= p->te && gap_has (p, g0, '-') && g0 > p->ep_last)
    {
      gboolean tight = gap_is_char (p, g0, '-');
      const Tok *before = &p->tok[g0 - 1];

      if (tight || (is_anchor (before) && before->kind != SSV_RK_SEASON &&
                    before->kind != SSV_RK_EPISODE && before->kind != SSV_RK_DATE))
        {
          set_group (p, g0, end);
          return;
        }
    }

leading:
  /* "[HorribleSubs] Show - 01": the fansub group in front */
  if (p->anime && p->tok[0].bracket == '[' && p->ts > 0 && p->out->release_group[0] == '\0')
    {
      int last = 0;
      gboolean ok = TRUE;

      while (last + 1 < p->n && p->tok[last + 1].bgroup == p->tok[0].bgroup)
        last++;
      for (int k = 0; k <= last; k++)
        if (p->tok[k].kind != SSV_RK_NONE && p->tok[k].level == SURE)
          ok = FALSE;
      if (ok && last < p->ts)
        set_group (p, 0, last);
    }
}

static void
find_episode_title (Parser *p)
{
  int lo;
  int hi;
  int k;

  if (p->ep_first < 0 || (p->ep_first < p->ts && !p->no_title))
    return;

  lo = p->ep_last + 1;
  if (lo >= p->n || p->tok[lo].bracket != 0 || p->tok[lo].kind == SSV_RK_GROUP)
    return;

  hi = first_anchor (p, lo);
  resolve_weak (p, lo, hi, FALSE);
  for (k = lo; k < hi; k++)
    if (p->tok[k].kind != SSV_RK_NONE || p->tok[k].bracket != 0)
      break;
  if (k == lo)
    return;

  copy_words (p, lo, k, p->out->episode_title, sizeof p->out->episode_title);
  for (int q = lo; q < k; q++)
    claim (p, q, SSV_RK_EPTITLE, 0, SURE);
}

/* ------------------------------------------------------------------------ */
/* From claims to fields */

static void
apply_claims (Parser *p)
{
  SsvRelease *r = p->out;
  gboolean sub_mode = FALSE;

  for (int i = 0; i < p->n; i++)
    {
      const Tok *t = &p->tok[i];
      int v = t->val;

      if (t->kind == SSV_RK_NONE || t->cont)
        continue;

      if (t->kind != SSV_RK_LANG && !(t->kind == SSV_RK_LANGFLAG && v == SSV_RL_SUBS_WORD))
        sub_mode = FALSE;

      switch (t->kind)
        {
        case SSV_RK_SOURCE:
          {
            int src = v & 0xff;

            p->rx |= v >> 8;
            if (r->source == SSV_RELEASE_SOURCE_UNKNOWN ||
                (src == SSV_RELEASE_SOURCE_SCREENER && r->source == SSV_RELEASE_SOURCE_DVD))
              r->source = src;
          }
          break;

        case SSV_RK_MODIFIER:
          p->rx |= v;
          break;

        case SSV_RK_RES:
          set_resolution (p, v, FALSE);
          break;

        case SSV_RK_CODEC:
          if (r->video_codec == SSV_RELEASE_CODEC_NONE)
            r->video_codec = v;
          break;

        case SSV_RK_BITDEPTH:
          if (r->bit_depth == 0)
            r->bit_depth = v;
          break;

        case SSV_RK_AUDIO:
          if (v == SSV_RA_ATMOS)
            r->flags |= SSV_RELEASE_FLAG_ATMOS;
          else
            {
              gboolean seen = FALSE;

              for (int k = 0; k < r->n_audio; k++)
                seen |= r->audio[k] == v;
              if (!seen && r->n_audio < SSV_RELEASE_MAX_AUDIO)
                r->audio[r->n_audio++] = v;
            }
          break;

        case SSV_RK_CHANNELS:
          if (r->channels == 0)
            r->channels = v;
          break;

        case SSV_RK_HDR:
          r->hdr |= v;
          break;

        case SSV_RK_LANG:
          {
            gboolean subs = sub_mode;

            /* "NL-subs", "ITA.SUB" */
            if (i + 1 < p->n && p->tok[i + 1].kind == SSV_RK_LANGFLAG &&
                p->tok[i + 1].val == SSV_RL_SUBS_WORD && gap_joins (p, i + 1))
              subs = TRUE;
            if (subs)
              r->subtitle_languages |= G_GUINT64_CONSTANT (1) << v;
            else
              r->languages |= G_GUINT64_CONSTANT (1) << v;
          }
          break;

        case SSV_RK_SUBLANG:
          r->subtitle_languages |= G_GUINT64_CONSTANT (1) << v;
          break;

        case SSV_RK_LANGFLAG:
          switch (v)
            {
            case SSV_RL_MULTI:
            case SSV_RL_DL:
              r->flags |= SSV_RELEASE_FLAG_MULTI_LANGUAGE;
              break;
            case SSV_RL_DUAL:
              r->flags |= SSV_RELEASE_FLAG_DUAL_AUDIO | SSV_RELEASE_FLAG_MULTI_LANGUAGE;
              break;
            case SSV_RL_DUBBED:
              r->flags |= SSV_RELEASE_FLAG_DUBBED;
              break;
            case SSV_RL_SUBBED:
              r->flags |= SSV_RELEASE_FLAG_SUBBED;
              break;
            case SSV_RL_HARDCODED:
              r->flags |= SSV_RELEASE_FLAG_HARDCODED_SUBS;
              break;
            case SSV_RL_SUBS_WORD:
              sub_mode = TRUE;
              break;
            default:
              break;
            }
          break;

        case SSV_RK_EDITION:
          r->editions |= 1u << v;
          break;

        case SSV_RK_REVISION:
          switch (v)
            {
            case SSV_RR_PROPER:
              r->flags |= SSV_RELEASE_FLAG_PROPER;
              set_version (p, 2);
              break;
            case SSV_RR_REPACK:
            case SSV_RR_RERIP:
              r->flags |= SSV_RELEASE_FLAG_REPACK;
              set_version (p, 2);
              break;
            case SSV_RR_REAL:
              if (r->revision_real < 255)
                r->revision_real++;
              break;
            default:
              break;
            }
          break;

        case SSV_RK_SERVICE:
          if (r->service == 0)
            r->service = v;
          break;

        case SSV_RK_FLAG:
          r->flags |= 1u << v;
          break;

        case SSV_RK_CONTAINER:
          if (r->container[0] == '\0' && v > 0 && (guint) v < ssv_release_n_containers)
            g_strlcpy (r->container, ssv_release_containers[v], sizeof r->container);
          break;

        case SSV_RK_OTHER:
          if (v > 0)
            p->guess_res = v;
          break;

        case SSV_RK_PARTNUM:
          if (r->n_seasons > 0 && r->n_episodes == 0 && p->uk_series)
            {
              add_episode (p, v);
              if (p->ep_first < 0)
                note_episode_anchor (p, i, i + 1);
            }
          else if (r->n_seasons > 0 && r->n_episodes == 0)
            r->season_part = v;
          else
            r->part = v;
          break;

        default:
          break;
        }
    }
}

static gboolean
release_has_numbers (const SsvRelease *r)
{
  return r->n_seasons > 0 || r->n_episodes > 0 || r->n_absolute > 0 || r->air_year != 0;
}

static gboolean
is_lossless_audio (const SsvRelease *r)
{
  for (int k = 0; k < r->n_audio; k++)
    if (r->audio[k] == SSV_RELEASE_AUDIO_DTS_HD_MA || r->audio[k] == SSV_RELEASE_AUDIO_TRUEHD ||
        r->audio[k] == SSV_RELEASE_AUDIO_LPCM || r->audio[k] == SSV_RELEASE_AUDIO_DTS_X)
      return TRUE;
  return FALSE;
}

static void
infer (Parser *p)
{
  SsvRelease *r = p->out;

  if (p->rx & SSV_RX_REMUX)
    {
      r->modifier = SSV_RELEASE_MODIFIER_REMUX;
      if (r->source == SSV_RELEASE_SOURCE_UNKNOWN)
        r->source = SSV_RELEASE_SOURCE_BLURAY;
    }
  else if (p->rx & SSV_RX_RAWHD)
    r->modifier = SSV_RELEASE_MODIFIER_RAWHD;
  else if (r->source == SSV_RELEASE_SOURCE_BLURAY &&
           ((p->rx & SSV_RX_DISC) || strcmp (r->container, "iso") == 0))
    r->modifier = SSV_RELEASE_MODIFIER_BRDISK;
  else if (r->source == SSV_RELEASE_SOURCE_BLURAY && !(p->rx & SSV_RX_RIP) && !p->encoder &&
           (r->video_codec == SSV_RELEASE_CODEC_H264 || r->video_codec == SSV_RELEASE_CODEC_H265 ||
            r->video_codec == SSV_RELEASE_CODEC_VC1 || r->video_codec == SSV_RELEASE_CODEC_MPEG2) &&
           is_lossless_audio (r))
    /* An untouched disc: a disc codec and lossless audio, and nobody encoded it */
    r->modifier = SSV_RELEASE_MODIFIER_BRDISK;
  else if (r->source == SSV_RELEASE_SOURCE_TV && r->resolution == 1080 &&
           (r->flags & SSV_RELEASE_FLAG_INTERLACED) && r->video_codec == SSV_RELEASE_CODEC_MPEG2)
    r->modifier = SSV_RELEASE_MODIFIER_RAWHD;

  if (p->rx & SSV_RX_UHD)
    r->flags |= SSV_RELEASE_FLAG_UHD;
  if (r->resolution == 0 && (r->flags & SSV_RELEASE_FLAG_UHD))
    r->resolution = 2160;
  if (p->rx & SSV_RX_DISC)
    r->flags |= SSV_RELEASE_FLAG_COMPLETE;
  if (p->anime)
    r->flags |= SSV_RELEASE_FLAG_ANIME;

  /* Without a season, episode numbers count from the first episode */
  if (r->n_seasons == 0 && r->n_episodes > 0 && r->n_absolute == 0 && r->air_year == 0)
    {
      memcpy (r->absolute, r->episodes, r->n_episodes * sizeof r->episodes[0]);
      r->n_absolute = r->n_episodes;
    }

  if (r->n_seasons > 0 && r->n_episodes == 0 && r->n_absolute == 0 && r->air_year == 0)
    {
      r->flags |= SSV_RELEASE_FLAG_FULL_SEASON;
      if (r->flags & (SSV_RELEASE_FLAG_EXTRAS | SSV_RELEASE_FLAG_SEASON_EXTRA))
        r->flags |= SSV_RELEASE_FLAG_SEASON_EXTRA;
    }
  if (r->n_seasons > 1)
    r->flags |= SSV_RELEASE_FLAG_MULTI_SEASON;
  if (r->season_part > 0)
    r->flags |= SSV_RELEASE_FLAG_PARTIAL_SEASON;

  if (r->episode_title[0] != '\0' && strlen (r->episode_title) <= 7)
    {
      static const char *const specials[] = { "special", "ova", "ovd", "oav", "sp" };

      for (guint k = 0; k < G_N_ELEMENTS (specials); k++)
        if (g_ascii_strcasecmp (r->episode_title, specials[k]) == 0)
          r->flags |= SSV_RELEASE_FLAG_SPECIAL;
    }

  /* A daily show's year is the year it aired */
  if (r->year == 0 && r->air_year != 0)
    r->year = r->air_year;

  if (release_has_numbers (r) || p->complete_series)
    r->type = SSV_RELEASE_TYPE_EPISODE;
  else
    r->type = SSV_RELEASE_TYPE_MOVIE;
}

static gboolean
looks_obfuscated (const Parser *p)
{
  if (p->n == 0)
    return TRUE;
  if (p->n > 3)
    return FALSE;

  for (int i = 0; i < p->n; i++)
    {
      const Tok *t = &p->tok[i];
      int len = t->end - t->start;
      int digits = 0;
      int upper = 0;
      int lower = 0;
      guint32 letters = 0;

      for (int k = t->start; k < t->end; k++)
        {
          char c = p->buf[k];

          digits += g_ascii_isdigit (c);
          upper += g_ascii_isupper (c);
          lower += g_ascii_islower (c);
          if (g_ascii_isalpha (c))
            letters |= 1u << (g_ascii_tolower (c) - 'a');
        }

      /* "5x44x45x46x47x48": numbers, not noise */
      if (__builtin_popcount (letters) < 4)
        continue;

      if (len >= 32 && (t->flags & TF_HEX))
        return TRUE;
      if (len >= 16 && digits >= 2 && (upper + lower) >= 4)
        return TRUE;
      if (len >= 12 && digits >= 2 && upper >= 3 && lower >= 3)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  gboolean obfuscated;
  guint16  guess_res;      /* "HR" */
  gboolean dvd_screener;
  gboolean bluray_rip;     /* BDRip, BRRip: an encode of unknown size */
} PartInfo;

/* What the name leaves out, assumed as Sonarr and Radarr do, and marked as guessed. */
static void
guess_quality (SsvRelease     *r,
               const PartInfo *info)
{
  if (r->source == SSV_RELEASE_SOURCE_UNKNOWN)
    {
      if (r->service != 0 || r->resolution != 0)
        r->source = SSV_RELEASE_SOURCE_WEBDL;
      else if (r->container[0] == '\0')
        ;
      else if (strcmp (r->container, "avi") == 0 || strcmp (r->container, "divx") == 0 ||
               strcmp (r->container, "mpg") == 0 || strcmp (r->container, "wmv") == 0)
        r->source = SSV_RELEASE_SOURCE_TV;
      else if (strcmp (r->container, "m2ts") == 0)
        r->source = SSV_RELEASE_SOURCE_BLURAY;
      else if (strcmp (r->container, "mkv") == 0 && release_has_numbers (r))
        r->source = SSV_RELEASE_SOURCE_WEBDL;
      if (r->source != SSV_RELEASE_SOURCE_UNKNOWN)
        r->flags |= SSV_RELEASE_FLAG_SOURCE_GUESSED;
    }

  if (r->resolution == 0)
    {
      if (info->guess_res)
        r->resolution = info->guess_res;
      else if (r->source == SSV_RELEASE_SOURCE_DVD || r->source == SSV_RELEASE_SOURCE_TV ||
               (r->source == SSV_RELEASE_SOURCE_SCREENER && info->dvd_screener))
        r->resolution = 480;
      else if (r->modifier == SSV_RELEASE_MODIFIER_BRDISK)
        r->resolution = 1080;
      else if (r->source == SSV_RELEASE_SOURCE_WEBDL ||
               (r->source == SSV_RELEASE_SOURCE_BLURAY && !info->bluray_rip))
        r->resolution = 720;
      if (r->resolution != 0)
        r->flags |= SSV_RELEASE_FLAG_RES_GUESSED;
    }
}

/* Parses one path component; returns how many sure tags it had, -1 for a garbled name. */
static int
parse_part (const char *s,
            int         len,
            SsvRelease *out,
            gboolean    folder,
            PartInfo   *info)
{
  Parser p;

  p.buf = s;
  p.blen = MIN (len, BUF_MAX);
  p.n = 0;
  p.ts = 0;
  p.te = 0;
  p.sure = 0;
  p.ep_first = -1;
  p.ep_last = -1;
  p.n_sure = 0;
  p.anime = FALSE;
  p.bad_date = FALSE;
  p.no_title = FALSE;
  p.encoder = FALSE;
  p.has_high = FALSE;
  p.folder = folder;
  p.uk_series = FALSE;
  p.complete_series = FALSE;
  p.guess_res = 0;
  p.rx = 0;
  p.out = out;

  tokenize (&p);
  /* "[Group] Title - 01": fansub naming */
  for (int i = 1; i < p.n && p.tok[0].bracket == '['; i++)
    if (p.tok[i].bracket == 0)
      {
        p.anime = TRUE;
        break;
      }
  info->obfuscated = looks_obfuscated (&p);
  info->guess_res = 0;
  info->dvd_screener = FALSE;
  info->bluray_rip = FALSE;
  if (info->obfuscated)
    return 0;

  for (int i = 0; i < p.n; i++)
    if (p.tok[i].kind == SSV_RK_NONE)
      match_token (&p, i);

  find_bare_resolution (&p);
  anime_season_in_title (&p);
  find_title_start (&p);
  p.sure = first_anchor (&p, p.ts);
  choose_year (&p, p.sure);
  find_bare_episode (&p, p.sure);
  find_title (&p);
  find_group (&p);
  find_episode_title (&p);
  apply_claims (&p);
  infer (&p);
  info->guess_res = p.guess_res;
  info->dvd_screener = (p.rx & SSV_RX_DVD) != 0;
  info->bluray_rip = (p.rx & SSV_RX_RIP) != 0;

  if (p.bad_date)
    return -1;
  return p.n_sure;
}

static gboolean
is_generic_folder (const char *s,
                   int         len)
{
  static const char *const generic[] = {
    "movies", "movie", "films", "film", "series", "tv", "tv shows", "tvshows", "tv series", "shows",
    "show", "anime", "videos", "video", "downloads", "download", "complete", "completed",
    "incomplete", "media", "data", "mnt", "home", "volume1", "share", "public", "torrents",
    "usenet", "sabnzbd", "nzbget", "transmission", "qbittorrent", "library", "plex", "jellyfin",
    "__ incomplete __", "new", "tmp", "temp", "storage", "nas", "disk1", "hdd",
  };
  char low[32];

  if (len <= 0 || len >= (int) sizeof low)
    return len <= 0;
  if (len == 2 && s[1] == ':')
    return TRUE;
  for (int k = 0; k < len; k++)
    low[k] = g_ascii_tolower (s[k]);
  low[len] = '\0';
  for (guint k = 0; k < G_N_ELEMENTS (generic); k++)
    if (strcmp (low, generic[k]) == 0)
      return TRUE;
  return FALSE;
}

static void
merge_from_folder (SsvRelease       *r,
                   const SsvRelease *d)
{
  if (r->title[0] == '\0' && d->title[0] != '\0')
    memcpy (r->title, d->title, sizeof r->title);
  if (r->n_seasons == 0 && d->n_seasons > 0 && r->n_episodes > 0)
    {
      memcpy (r->seasons, d->seasons, sizeof r->seasons);
      r->n_seasons = d->n_seasons;
      r->flags &= ~SSV_RELEASE_FLAG_FULL_SEASON;
    }
  if (r->year == 0)
    r->year = d->year;
  if (r->resolution == 0)
    {
      r->resolution = d->resolution;
      r->flags |= d->flags & SSV_RELEASE_FLAG_INTERLACED;
    }
  if (r->source == SSV_RELEASE_SOURCE_UNKNOWN)
    {
      r->source = d->source;
      if (r->modifier == SSV_RELEASE_MODIFIER_NONE)
        r->modifier = d->modifier;
    }
  if (r->video_codec == SSV_RELEASE_CODEC_NONE)
    r->video_codec = d->video_codec;
  if (r->release_group[0] == '\0')
    memcpy (r->release_group, d->release_group, sizeof r->release_group);
  r->languages |= d->languages;
  r->editions |= d->editions;
  if (r->n_seasons > 0 || r->n_episodes > 0 || r->n_absolute > 0 || r->air_year != 0)
    r->type = SSV_RELEASE_TYPE_EPISODE;
}


/**
 * ssv_release_parse:
 * @name: a release name, a file name or a path (either slash)
 * @out: (out caller-allocates): where to put what the name says
 *
 * Reads a release name. Never allocates and keeps no state, so it may run on
 * any number of threads at once.
 *
 * Returns: %TRUE when @name looks like a release; %FALSE for names that are
 *   not (hashes, garbage, bare words). @out is filled as far as possible either way.
 */
/* Clears what a parse reads or writes: every number and the strings' first byte. The
 * rest of the strings and arrays is not read past their length. */
static void
release_reset (SsvRelease *r)
{
  memset (r, 0, G_STRUCT_OFFSET (SsvRelease, title));
  r->revision_version = 1;
  r->title[0] = '\0';
  r->alt_title[0] = '\0';
  r->episode_title[0] = '\0';
  r->country[0] = '\0';
  r->release_group[0] = '\0';
  r->release_hash[0] = '\0';
  r->container[0] = '\0';
}

static gboolean
has_letters (const char *s)
{
  for (; *s; s++)
    if (g_ascii_isalpha (*s) || (guchar) *s >= 0x80)
      return TRUE;
  return FALSE;
}

/* A slash between spaces is part of a name ("Turtles (release / 2014)"). */
static gboolean
is_path_separator (const char *start,
                   const char *end,
                   const char *c)
{
  if (*c == '\\')
    return TRUE;
  if (*c != '/')
    return FALSE;
  if ((c > start && c[-1] == ' ') || (c + 1 < end && c[1] == ' '))
    return FALSE;
  /* "[720p/MKV]" */
  for (const char *s = c - 1; s >= start; s--)
    {
      if (*s == ']' || *s == ')' || *s == '/' || *s == '\\')
        break;
      if (*s == '[' || *s == '(')
        return FALSE;
    }
  return TRUE;
}

gboolean
ssv_release_parse (const char *name,
                   SsvRelease *out)
{
  const char *start;
  const char *end;
  const char *file;
  const char *file_end;
  const char *dot;
  PartInfo info;
  gboolean weak_file;
  int n_sure;

  g_return_val_if_fail (out != NULL, FALSE);

  release_reset (out);
  if (name == NULL)
    return FALSE;

  ensure_index ();

  start = name;
  end = name + strlen (name);
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && (g_ascii_isspace (end[-1]) || end[-1] == '/' || end[-1] == '\\'))
    end--;
  if (start == end)
    return FALSE;

  file = start;
  if (memchr (start, '/', end - start) != NULL || memchr (start, '\\', end - start) != NULL)
    for (file = end; file > start; file--)
      if ((file[-1] == '/' || file[-1] == '\\') && is_path_separator (start, end, file - 1))
        break;

  /* A known extension is the container */
  file_end = end;
  for (dot = end - 1; dot > file && end - dot <= 8; dot--)
    if (*dot == '.')
      {
        char ext[8];
        int n = end - dot - 1;
        gboolean alnum = n >= 2 && n <= 7;

        for (int k = 0; k < n && alnum; k++)
          {
            ext[k] = g_ascii_tolower (dot[1 + k]);
            alnum = g_ascii_isalnum (ext[k]);
          }
        ext[alnum ? n : 0] = '\0';
        for (guint k = 1; k < ssv_release_n_containers && alnum; k++)
          if (strcmp (ext, ssv_release_containers[k]) == 0)
            {
              g_strlcpy (out->container, ext, sizeof out->container);
              file_end = dot;
              break;
            }
        break;
      }

  n_sure = parse_part (file, file_end - file, out, FALSE, &info);
  if (n_sure < 0)
    return out->parsed = FALSE;
  weak_file = info.obfuscated || n_sure == 0;
  /* "Show/160725_02.mkv": numbers only, the folder knows the name */
  if (file > start && out->title[0] != '\0' && !has_letters (out->title))
    out->title[0] = '\0';

  if (file > start)
    {
      /* Folders fill in what the file name leaves out, nearest first */
      const char *dir_end = file - 1;
      int depth = 0;

      while (dir_end > start && depth < 4 &&
             (weak_file || out->title[0] == '\0' || (out->n_episodes > 0 && out->n_seasons == 0) ||
              (depth == 0 && out->year == 0 && !release_has_numbers (out)) ||
              (depth == 0 && out->source == SSV_RELEASE_SOURCE_UNKNOWN)))
        {
          const char *dir_start = dir_end;
          SsvRelease d;
          PartInfo dir_info;
          int dn;

          while (dir_start > start && !((dir_start[-1] == '/' || dir_start[-1] == '\\') &&
                                         is_path_separator (start, end, dir_start - 1)))
            dir_start--;

          if (!is_generic_folder (dir_start, dir_end - dir_start))
            {
              release_reset (&d);
              dn = parse_part (dir_start, dir_end - dir_start, &d, TRUE, &dir_info);
              if (!dir_info.obfuscated && dn >= 0)
                {
                  if (weak_file && dn > 0)
                    {
                      char container[sizeof out->container];

                      /* An obfuscated file in a named folder: the folder is the release */
                      memcpy (container, out->container, sizeof container);
                      *out = d;
                      memcpy (out->container, container, sizeof container);
                      weak_file = FALSE;
                      n_sure = dn;
                    }
                  else
                    {
                      /* "Season 1/Apotheosis.mp4": the file is named after the episode */
                      if (d.n_seasons > 0 && d.title[0] == '\0' && out->n_seasons == 0 &&
                          out->n_episodes == 0 && out->title[0] != '\0' && out->episode_title[0] == '\0')
                        {
                          memcpy (out->episode_title, out->title, sizeof out->title);
                          out->title[0] = '\0';
                          memcpy (out->seasons, d.seasons, sizeof out->seasons);
                          out->n_seasons = d.n_seasons;
                        }
                      merge_from_folder (out, &d);
                      if (dn > 0 && n_sure == 0)
                        n_sure = dn;
                    }
                }
            }

          depth++;
          dir_end = dir_start - 1;
        }
    }

  if (info.obfuscated && n_sure == 0)
    return out->parsed = FALSE;

  guess_quality (out, &info);

  out->parsed = n_sure > 0 || out->container[0] != '\0' || release_has_numbers (out) || out->year != 0;
  return out->parsed;
}

gboolean
ssv_release_has_season (const SsvRelease *release,
                        guint             season)
{
  return has_u16 (release->seasons, release->n_seasons, season);
}

gboolean
ssv_release_has_episode (const SsvRelease *release,
                         guint             episode)
{
  return has_u16 (release->episodes, release->n_episodes, episode);
}

/* ------------------------------------------------------------------------ */
/* Names of things */

static const char *const source_names[] = {
  NULL, "cam", "telesync", "telecine", "workprint", "screener", "vhs", "ppv", "tv", "vod", "dvd",
  "hdrip", "webrip", "webdl", "digital_master", "hddvd", "bluray",
};

static const char *const source_labels[] = {
  "Unknown", "CAM", "TELESYNC", "TELECINE", "WORKPRINT", "SCREENER", "VHS", "PPV", "HDTV", "VOD",
  "DVD", "HDRip", "WEBRip", "WEB-DL", "Digital Master", "HD DVD", "Bluray",
};

G_STATIC_ASSERT (G_N_ELEMENTS (source_names) == SSV_RELEASE_SOURCE_LAST);
G_STATIC_ASSERT (G_N_ELEMENTS (source_labels) == SSV_RELEASE_SOURCE_LAST);

static const char *const codec_names[] = {
  NULL, "h264", "h265", "av1", "vp9", "vp8", "vp7", "xvid", "divx", "mpeg2", "vc1", "h263",
  "realvideo", "wmv",
};

G_STATIC_ASSERT (G_N_ELEMENTS (codec_names) == SSV_RELEASE_CODEC_LAST);

static const char *const audio_names[] = {
  NULL, "aac", "ac3", "eac3", "dts", "dts-es", "dts-hd", "dts-hd-ma", "dts-x", "truehd", "flac",
  "mp3", "mp2", "opus", "vorbis", "pcm", "lpcm", "line", "md",
};

G_STATIC_ASSERT (G_N_ELEMENTS (audio_names) == SSV_RELEASE_AUDIO_LAST);

static const char *const language_names[] = {
  "english", "french", "german", "spanish", "italian", "dutch", "portuguese", "russian",
  "japanese", "korean", "chinese", "mandarin", "cantonese", "hindi", "tamil", "telugu", "polish",
  "czech", "slovak", "swedish", "norwegian", "danish", "finnish", "icelandic", "nordic",
  "hungarian", "romanian", "ukrainian", "bulgarian", "greek", "turkish", "hebrew", "arabic",
  "persian", "thai", "vietnamese", "indonesian", "malay", "latvian", "lithuanian", "estonian",
  "croatian", "serbian", "slovenian", "catalan", "flemish", "latino", "brazilian", "bengali",
  "filipino",
};

G_STATIC_ASSERT (G_N_ELEMENTS (language_names) == SSV_RELEASE_LANG_LAST);

static const char *const edition_names[] = {
  "Extended", "Director's Cut", "Unrated", "Uncut", "Theatrical", "IMAX", "Remastered",
  "Criterion", "Special", "Collector", "Ultimate", "Limited", "Fan", "Alternative Cut", "Restored",
  "Deluxe", "Festival", "Uncensored", "Open Matte", "3D", "Anniversary", "Final Cut",
};

G_STATIC_ASSERT (G_N_ELEMENTS (edition_names) == SSV_RELEASE_N_EDITIONS);

/* SsvReleaseHdr's bits, in order. */
static const char *const hdr_names[] = { "hdr", "hdr10", "hdr10+", "dv", "hlg" };

const char *
ssv_release_source_to_string (SsvReleaseSource source)
{
  return (guint) source < SSV_RELEASE_SOURCE_LAST ? source_names[source] : NULL;
}

/* The usual way to write a source in a quality name ("WEB-DL", "Bluray"). */
const char *
ssv_release_source_label (SsvReleaseSource source)
{
  return (guint) source < SSV_RELEASE_SOURCE_LAST ? source_labels[source] : "Unknown";
}

const char *
ssv_release_codec_to_string (SsvReleaseCodec codec)
{
  return (guint) codec < SSV_RELEASE_CODEC_LAST ? codec_names[codec] : NULL;
}

const char *
ssv_release_audio_to_string (SsvReleaseAudio audio)
{
  return (guint) audio < SSV_RELEASE_AUDIO_LAST ? audio_names[audio] : NULL;
}

const char *
ssv_release_modifier_to_string (SsvReleaseModifier modifier)
{
  switch (modifier)
    {
    case SSV_RELEASE_MODIFIER_REMUX:
      return "remux";
    case SSV_RELEASE_MODIFIER_BRDISK:
      return "brdisk";
    case SSV_RELEASE_MODIFIER_RAWHD:
      return "rawhd";
    case SSV_RELEASE_MODIFIER_NONE:
    default:
      return NULL;
    }
}

const char *
ssv_release_language_to_string (SsvReleaseLanguage language)
{
  return (guint) language < SSV_RELEASE_LANG_LAST ? language_names[language] : NULL;
}

/* @edition is one SsvReleaseEdition bit. */
const char *
ssv_release_edition_to_string (SsvReleaseEdition edition)
{
  for (guint k = 0; k < SSV_RELEASE_N_EDITIONS; k++)
    if ((guint) edition == (1u << k))
      return edition_names[k];
  return NULL;
}

const char *
ssv_release_service_code (guint service)
{
  return service > 0 && service < ssv_release_n_services ? ssv_release_services[service].code : NULL;
}

const char *
ssv_release_service_name (guint service)
{
  return service > 0 && service < ssv_release_n_services ? ssv_release_services[service].name : NULL;
}

/* Returns 0 when @code is not a known service tag (case-insensitive). */
guint
ssv_release_service_from_code (const char *code)
{
  for (guint i = 1; i < ssv_release_n_services; i++)
    if (g_ascii_strcasecmp (ssv_release_services[i].code, code) == 0)
      return i;
  return 0;
}

/* ------------------------------------------------------------------------ */
/* JSON */

static void
json_key (GString    *s,
          const char *key)
{
  if (s->len > 1)
    g_string_append_c (s, ',');
  g_string_append_c (s, '"');
  g_string_append (s, key);
  g_string_append (s, "\":");
}

static void
json_string (GString    *s,
             const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value, -1);

  g_string_append_c (s, '"');
  for (const char *c = valid; *c; c++)
    {
      switch (*c)
        {
        case '"':
          g_string_append (s, "\\\"");
          break;
        case '\\':
          g_string_append (s, "\\\\");
          break;
        case '\n':
          g_string_append (s, "\\n");
          break;
        case '\t':
          g_string_append (s, "\\t");
          break;
        case '\r':
          g_string_append (s, "\\r");
          break;
        default:
          if ((guchar) *c < 0x20)
            g_string_append_printf (s, "\\u%04x", (guchar) *c);
          else
            g_string_append_c (s, *c);
        }
    }
  g_string_append_c (s, '"');
}

static void
json_str_field (GString    *s,
                const char *key,
                const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  json_key (s, key);
  json_string (s, value);
}

static void
json_int_list (GString       *s,
               const char    *key,
               const guint16 *values,
               guint          n)
{
  if (n == 0)
    return;
  json_key (s, key);
  if (n == 1)
    {
      g_string_append_printf (s, "%u", values[0]);
      return;
    }
  g_string_append_c (s, '[');
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%u", i ? "," : "", values[i]);
  g_string_append_c (s, ']');
}

static void
json_uint (GString    *s,
           const char *key,
           guint       value)
{
  if (value == 0)
    return;
  json_key (s, key);
  g_string_append_printf (s, "%u", value);
}

static void
json_true (GString    *s,
           const char *key,
           gboolean    value)
{
  if (!value)
    return;
  json_key (s, key);
  g_string_append (s, "true");
}

/* The names of the bits set in @bits, as a list: hdr, edition, languages. */
static void
json_bit_names (GString           *s,
                const char        *key,
                guint64            bits,
                const char *const *names,
                guint              n_names)
{
  gboolean first = TRUE;

  if (bits == 0)
    return;
  json_key (s, key);
  g_string_append_c (s, '[');
  for (guint k = 0; k < n_names; k++)
    if (bits & (G_GUINT64_CONSTANT (1) << k))
      {
        if (!first)
          g_string_append_c (s, ',');
        json_string (s, names[k]);
        first = FALSE;
      }
  g_string_append_c (s, ']');
}

/**
 * ssv_release_to_json:
 * @release: a parsed release
 *
 * One JSON object on one line with the keys of tests/corpus/README.md; fields the
 * name did not have are left out.
 *
 * Returns: (transfer full): the JSON text
 */
char *
ssv_release_to_json (const SsvRelease *r)
{
  GString *s = g_string_sized_new (256);
  guint flags = r->flags;

  g_string_append_c (s, '{');

  json_str_field (s, "title", r->title);
  json_uint (s, "year", r->year);
  json_int_list (s, "season", r->seasons, r->n_seasons);
  json_int_list (s, "episode", r->episodes, r->n_episodes);
  json_int_list (s, "absolute_episode", r->absolute, r->n_absolute);
  if (r->air_year)
    {
      json_key (s, "air_date");
      g_string_append_printf (s, "\"%04u-%02u-%02u\"", r->air_year, r->air_month, r->air_day);
    }
  json_str_field (s, "episode_title", r->episode_title);
  json_str_field (s, "type", r->type == SSV_RELEASE_TYPE_EPISODE ? "episode" :
                             r->type == SSV_RELEASE_TYPE_MOVIE ? "movie" : NULL);
  if (r->resolution)
    {
      json_key (s, "resolution");
      g_string_append_printf (s, "\"%u%c\"", r->resolution,
                              (flags & SSV_RELEASE_FLAG_INTERLACED) ? 'i' : 'p');
    }
  json_str_field (s, "source", ssv_release_source_to_string (r->source));
  json_str_field (s, "modifier", ssv_release_modifier_to_string (r->modifier));
  json_str_field (s, "streaming_service", ssv_release_service_name (r->service));
  json_str_field (s, "video_codec", ssv_release_codec_to_string (r->video_codec));
  json_uint (s, "bit_depth", r->bit_depth);
  json_bit_names (s, "hdr", r->hdr, hdr_names, G_N_ELEMENTS (hdr_names));
  if (r->n_audio == 1)
    json_str_field (s, "audio_codec", audio_names[r->audio[0]]);
  else if (r->n_audio > 1)
    {
      json_key (s, "audio_codec");
      g_string_append_c (s, '[');
      for (guint k = 0; k < r->n_audio; k++)
        g_string_append_printf (s, "%s\"%s\"", k ? "," : "", audio_names[r->audio[k]]);
      g_string_append_c (s, ']');
    }
  if (r->channels)
    {
      json_key (s, "audio_channels");
      g_string_append_printf (s, "\"%u.%u\"", r->channels / 10, r->channels % 10);
    }
  json_true (s, "atmos", flags & SSV_RELEASE_FLAG_ATMOS);
  json_bit_names (s, "edition", r->editions, edition_names, SSV_RELEASE_N_EDITIONS);
  json_bit_names (s, "languages", r->languages, language_names, SSV_RELEASE_LANG_LAST);
  json_bit_names (s, "subtitle_languages", r->subtitle_languages, language_names, SSV_RELEASE_LANG_LAST);
  json_true (s, "multi_language", flags & SSV_RELEASE_FLAG_MULTI_LANGUAGE);
  json_true (s, "dual_audio", flags & SSV_RELEASE_FLAG_DUAL_AUDIO);
  json_true (s, "dubbed", flags & SSV_RELEASE_FLAG_DUBBED);
  json_true (s, "hardcoded_subs", flags & SSV_RELEASE_FLAG_HARDCODED_SUBS);
  if (r->revision_version > 1)
    json_uint (s, "revision_version", r->revision_version);
  json_uint (s, "revision_real", r->revision_real);
  json_true (s, "proper", flags & SSV_RELEASE_FLAG_PROPER);
  json_true (s, "repack", flags & SSV_RELEASE_FLAG_REPACK);
  json_str_field (s, "release_group", r->release_group);
  json_str_field (s, "release_hash", r->release_hash);
  json_str_field (s, "container", r->container);
  json_true (s, "full_season", flags & SSV_RELEASE_FLAG_FULL_SEASON);
  json_true (s, "partial_season", flags & SSV_RELEASE_FLAG_PARTIAL_SEASON);
  json_uint (s, "season_part", r->season_part);
  json_true (s, "multi_season", flags & SSV_RELEASE_FLAG_MULTI_SEASON);
  json_true (s, "season_extra", flags & SSV_RELEASE_FLAG_SEASON_EXTRA);
  json_true (s, "special", flags & SSV_RELEASE_FLAG_SPECIAL);
  json_uint (s, "part", r->part);
  json_true (s, "complete", flags & SSV_RELEASE_FLAG_COMPLETE);
  json_true (s, "internal", flags & SSV_RELEASE_FLAG_INTERNAL);
  json_true (s, "sample", flags & SSV_RELEASE_FLAG_SAMPLE);
  json_true (s, "extras", flags & SSV_RELEASE_FLAG_EXTRAS);
  json_true (s, "uhd", flags & SSV_RELEASE_FLAG_UHD);
  if (!r->parsed)
    {
      json_key (s, "parsed");
      g_string_append (s, "false");
    }

  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}
