/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release-private.h: the release parser's state, tokens, claims and word tables, for its stages. */

#pragma once

#include <string.h>

#include "downloads/ssv-release.h"

G_BEGIN_DECLS

/*
 * How it works. The name (the last path component, its extension removed) is cut
 * into tokens: runs of letters and digits, with the separators between them kept
 * in the original string. A first pass recognises what it is sure of (S01E02,
 * 1080p, x264, WEB-DL…) and marks words that may be tags or may be ordinary words
 * (PROPER, French, Extended…) as "weak". The title is the first run of unclaimed
 * words; weak words inside it become title words again, weak words at its end stay
 * tags. Bare numbers (episodes, anime absolute numbers) and years are decided
 * once the sure tags are known, because they depend on where the title ends.
 *
 * The stages, each in its file: ssv-release-tokens.c (the word index, the tokens),
 * ssv-release-patterns.c and ssv-release-episodes.c (the first pass over the tokens),
 * ssv-release-words.c (the word list and the rules of words that read their
 * neighbours), ssv-release-title.c (what nothing claimed: title, year, bare numbers,
 * group), ssv-release.c (claims into fields, paths, the entry point) and
 * ssv-release-json.c (names and JSON).
 */

/* ------------------------------------------------------------------------ */
/* Parser state */

#define MAX_TOKENS 96
#define BUF_MAX    384
#define LOW_MAX    24
#define YEAR_MIN   1888   /* the first film */
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

/* One run of letters and digits of the name, and what it was claimed as. */
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

/* One parse of one path component: its tokens, where the title is, what was seen. */
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

/* One word of the index (ssv-release-tokens.c) over the word tables. */
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

/* ------------------------------------------------------------------------ */
/* The word tables (ssv-release-tables.c) */

/* What a token was recognised as. */
typedef enum
{
  SSV_RK_NONE,
  SSV_RK_SOURCE,     /* val: SsvReleaseSource | SSV_RX_* << 8 */
  SSV_RK_MODIFIER,   /* val: SSV_RX_* bits */
  SSV_RK_RES,        /* val: height | SSV_RX_INTERLACED << 8 … */
  SSV_RK_CODEC,      /* val: SsvReleaseCodec */
  SSV_RK_BITDEPTH,   /* val: bits */
  SSV_RK_AUDIO,      /* val: SsvReleaseAudio, or SSV_RA_ATMOS */
  SSV_RK_CHANNELS,   /* val: tenths (51 = 5.1) */
  SSV_RK_HDR,        /* val: SsvReleaseHdr bits */
  SSV_RK_LANG,       /* val: SsvReleaseLanguage */
  SSV_RK_SUBLANG,    /* val: SsvReleaseLanguage of subtitles */
  SSV_RK_LANGFLAG,   /* val: SSV_RL_* */
  SSV_RK_EDITION,    /* val: bit index of SsvReleaseEdition */
  SSV_RK_REVISION,   /* val: SSV_RR_* */
  SSV_RK_SERVICE,    /* val: index into the service table */
  SSV_RK_FLAG,       /* val: bit index of SsvReleaseFlags */
  SSV_RK_CONTAINER,  /* val: index into the container table */
  SSV_RK_SITE,       /* tracker or web site tags: noise */
  SSV_RK_OTHER,      /* release tags without a field (NFOFIX, HQ, …) */
  SSV_RK_COMPOUND,   /* val: SSV_RH_* rule (ssv-release-words.c) | argument << 8 */
  /* Set by the scanner's patterns, never by the word list. */
  SSV_RK_SEASON,
  SSV_RK_EPISODE,
  SSV_RK_DATE,
  SSV_RK_YEAR,
  SSV_RK_HASH,
  SSV_RK_PARTNUM,
  SSV_RK_EPTITLE,
  SSV_RK_GROUP,
  SSV_RK_NOISE,
} SsvReleaseKind;

/* Extra bits of a source or modifier word. */
enum
{
  SSV_RX_REMUX      = 1 << 0,
  SSV_RX_DISC       = 1 << 1,  /* a full disc: BD25, ISO, DVD9 */
  SSV_RX_UHD        = 1 << 2,
  SSV_RX_RAWHD      = 1 << 3,
  SSV_RX_INTERLACED = 1 << 4,
  SSV_RX_RIP        = 1 << 5,  /* an encode of the source: BDRip, DVDRip */
  SSV_RX_DVD        = 1 << 6,  /* a screener from a DVD */
  SSV_RX_SD         = 1 << 7,  /* standard definition: SDTV, PDTV, DSR, TVRip, XviD, DivX */
};

enum
{
  SSV_RA_ATMOS = 100,
};

enum
{
  SSV_RL_MULTI = 1,
  SSV_RL_DUAL,
  SSV_RL_DUBBED,
  SSV_RL_SUBBED,
  SSV_RL_HARDCODED,
  SSV_RL_DL,
  SSV_RL_SUBS_WORD,   /* "sub", "subs": the languages next to it are subtitles */
};

enum
{
  SSV_RR_PROPER = 1,
  SSV_RR_REPACK,
  SSV_RR_RERIP,
  SSV_RR_REAL,
};

/* Rules of words whose meaning depends on the tokens around them (ssv-release-words.c). */
enum
{
  SSV_RH_WEB = 1,
  SSV_RH_BLU,
  SSV_RH_HD,
  SSV_RH_DVD,
  SSV_RH_DTS,
  SSV_RH_DD,
  SSV_RH_DOLBY,
  SSV_RH_TRUE,
  SSV_RH_H,
  SSV_RH_MPEG,
  SSV_RH_VC,
  SSV_RH_AC,
  SSV_RH_E,
  SSV_RH_DIRECTORS,
  SSV_RH_CUT_WORD,     /* extended/special/collectors/ultimate/… + cut/edition */
  SSV_RH_FAN,
  SSV_RH_OPEN,
  SSV_RH_ALT,
  SSV_RH_DUAL,
  SSV_RH_HDR,
  SSV_RH_DELETED,
  SSV_RH_SEASON,
  SSV_RH_EPISODE,
  SSV_RH_PART,
  SSV_RH_COMPLETE,
  SSV_RH_SERVICE2,     /* two-word service names: "Comedy Central" */
  SSV_RH_AAC,
  SSV_RH_SUB,
  SSV_RH_VERSION,      /* "Version Longue" */
  SSV_RH_HE,
  SSV_RH_CD,
  SSV_RH_REMUX,
  SSV_RH_FINAL,
  SSV_RH_THEATRICAL,
  SSV_RH_OF,
  SSV_RH_CAP,          /* Spanish "Cap.102": season 1, episode 2 */
};

/* Bit indexes of SsvReleaseEdition and SsvReleaseFlags, for the tables. */
enum
{
  E_EXTENDED, E_DIRECTORS, E_UNRATED, E_UNCUT, E_THEATRICAL, E_IMAX, E_REMASTERED,
  E_CRITERION, E_SPECIAL, E_COLLECTORS, E_ULTIMATE, E_LIMITED, E_FAN, E_ALTERNATIVE,
  E_RESTORED, E_DELUXE, E_FESTIVAL, E_UNCENSORED, E_OPEN_MATTE, E_THREE_D, E_ANNIVERSARY,
  E_FINAL_CUT,
};

enum
{
  F_PROPER, F_REPACK, F_INTERLACED, F_FULL_SEASON, F_PARTIAL_SEASON, F_MULTI_SEASON,
  F_SPECIAL, F_SEASON_EXTRA, F_COMPLETE, F_HARDCODED_SUBS, F_MULTI_LANGUAGE, F_DUAL_AUDIO,
  F_DUBBED, F_SUBBED, F_SAMPLE, F_EXTRAS, F_INTERNAL, F_READNFO, F_ATMOS, F_UHD, F_ANIME,
  F_DAILY, F_RETAIL, F_CONVERT, F_HYBRID, F_WIDESCREEN, F_TRAILER, F_BW,
};

/* Word flags. */
enum
{
  SSV_RW_WEAK  = 1 << 0,  /* also an ordinary word: only a tag outside the title */
  SSV_RW_AFTER = 1 << 1,  /* only after the first sure tag (short codes: IT, DE, NF) */
  SSV_RW_UPPER = 1 << 2,  /* only when written in capitals (or as in `exact`) */
  SSV_RW_WEBCTX = 1 << 3, /* a service code only in front of WEB/WEB-DL/WEBRip */
};

typedef struct
{
  const char *word;      /* lower-case */
  guint8      kind;
  guint8      flags;
  guint16     val;
  const char *exact;     /* with SSV_RW_UPPER: also accept this spelling */
} SsvReleaseWord;

typedef struct
{
  const char *code;      /* the scene tag, as written */
  const char *name;      /* what people call it */
  guint8      flags;     /* SSV_RW_* for the tag written as a word */
} SsvReleaseService;

typedef struct
{
  const char *words;     /* lower-case; two words separated by a space for pairs */
  const char *code;      /* the service's tag */
  guint8      flags;
} SsvReleaseServiceAlias;

extern const SsvReleaseWord    ssv_release_words[];
extern const guint             ssv_release_n_words;
extern const SsvReleaseService ssv_release_services[];
extern const guint             ssv_release_n_services;
extern const SsvReleaseServiceAlias ssv_release_service_aliases[];
extern const guint             ssv_release_n_service_aliases;
extern const SsvReleaseServiceAlias ssv_release_service_pairs[];
extern const guint             ssv_release_n_service_pairs;
extern const char * const      ssv_release_containers[];
extern const guint             ssv_release_n_containers;

/* ------------------------------------------------------------------------ */
/* Helpers every stage uses: separators, tokens, claims, numbers into the result */

/* djb2: cheap, and collisions only cost a memcmp */
static inline guint32
fnv_step (guint32 h,
          guchar  c)
{
  return (h << 5) + h + c;
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

/* The separators in front of token @i include @c. */
static inline gboolean
gap_has (const Parser *p,
         int           i,
         char          c)
{
  int len;
  const char *g = gap (p, i, &len);

  return memchr (g, c, len) != NULL;
}

/* Nothing or one plain separator: the tokens belong together ("WEB-DL", "H.264"). */
static inline gboolean
gap_joins (const Parser *p,
           int           i)
{
  int len;
  const char *g = gap (p, i, &len);

  return len == 0 || (len == 1 && (g[0] == ' ' || g[0] == '.' || g[0] == '_' || g[0] == '-'));
}

/* " - ", "_-_", ".-.": a dash set apart, which separates parts of a name. */
static inline gboolean
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

static inline gboolean
gap_is_char (const Parser *p,
             int           i,
             char          c)
{
  int len;
  const char *g = gap (p, i, &len);

  return len == 1 && g[0] == c;
}

static inline gboolean
gap_is_str (const Parser *p,
            int           i,
            const char   *s)
{
  int len;
  const char *g = gap (p, i, &len);

  return (gsize) len == strlen (s) && memcmp (g, s, len) == 0;
}

static inline gboolean
tok_is (const Parser *p,
        int           i,
        const char   *word)
{
  return i >= 0 && i < p->n && p->tok[i].low[0] == word[0] && strcmp (p->tok[i].low, word) == 0;
}

static inline gboolean
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

/* Token @i is a @kind tag; sure tags also count towards "this is a release". */
static inline void
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

/* Token @i is part of the tag that token @head starts. */
static inline void
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

/* Token @i is a plain word again. */
static inline void
unclaim (Parser *p,
         int     i)
{
  p->tok[i].kind = SSV_RK_NONE;
  p->tok[i].level = SURE;
  p->tok[i].cont = 0;
}

/* Numbers into the result: each season, episode and absolute number once, in name order. */
static inline gboolean
has_u16 (const guint16 *list,
         guint          n,
         guint          value)
{
  for (guint i = 0; i < n; i++)
    if (list[i] == value)
      return TRUE;
  return FALSE;
}

static inline void
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

static inline void
add_season (Parser *p,
            guint   season)
{
  add_u16 (p->out->seasons, &p->out->n_seasons, SSV_RELEASE_MAX_SEASONS, season);
}

static inline void
add_episode (Parser *p,
             guint   episode)
{
  add_u16 (p->out->episodes, &p->out->n_episodes, SSV_RELEASE_MAX_EPISODES, episode);
}

static inline void
add_absolute (Parser *p,
              guint   episode)
{
  add_u16 (p->out->absolute, &p->out->n_absolute, SSV_RELEASE_MAX_EPISODES, episode);
}

static inline void
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

static inline void
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

/* Reads digits at *pos of s; returns -1 when there are none. */
static inline int
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

/* Digits, or digits and "v2": the number, or -1. */
static inline int
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

/* v2, PROPER, REPACK: the highest revision wins. */
static inline void
set_version (Parser *p,
             int     version)
{
  if (version > p->out->revision_version)
    p->out->revision_version = version;
}

/* A sure tag, which ends the title; sites do not. */
static inline gboolean
is_anchor (const Tok *t)
{
  return t->kind != SSV_RK_NONE && t->level == SURE && t->kind != SSV_RK_SITE;
}

/* The first resolution the name gives wins. */
static inline void
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

/* "DD5.1", "AAC2": the channels after an audio codec with @main_count glued on. */
static inline void
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

/* ------------------------------------------------------------------------ */
/* The stages, in the order ssv_release_parse() runs them */

/* ssv-release-tokens.c */
void          _ssv_release_ensure_index    (void);
guint32       _ssv_release_hash_str        (const char   *s);
const Entry  *_ssv_release_lookup_len      (const char   *low,
                                            gsize         len,
                                            guint32       hash);
const Entry  *_ssv_release_lookup          (const char   *low,
                                            guint32       hash);
guint         _ssv_release_service_index   (const char   *code);
void          _ssv_release_tokenize        (Parser       *p);

/* ssv-release-patterns.c and ssv-release-episodes.c */
void          _ssv_release_match_tokens    (Parser       *p);
int           _ssv_release_match_sxe       (Parser       *p,
                                            int           i);
int           _ssv_release_match_nxn       (Parser       *p,
                                            int           i);
int           _ssv_release_match_e         (Parser       *p,
                                            int           i);
int           _ssv_release_match_date      (Parser       *p,
                                            int           i);
int           _ssv_release_match_of_token  (Parser       *p,
                                            int           i);

/* ssv-release-words.c */
int           _ssv_release_match_word      (Parser       *p,
                                            int           i);

/* ssv-release-title.c */
void          _ssv_release_decide_unclaimed (Parser      *p);

G_END_DECLS
