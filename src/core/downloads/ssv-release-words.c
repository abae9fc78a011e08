/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release-words.c: the release parser's word list, and a rule for each word that reads its neighbours. */

#include "config.h"

#include "downloads/ssv-release-private.h"

/* "iv": 4; -1 for anything else. */
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

/* The next token is a web source: "NF.WEB-DL", "AMZN WEBRip". */
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

/* The token after @i is @word, joined to it. */
static gboolean
next_joins (const Parser *p,
            int           i,
            const char   *word)
{
  return i + 1 < p->n && gap_joins (p, i + 1) && tok_is (p, i + 1, word);
}

/* Claims @i and the token after it as one tag. */
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

/* Two-word service names: "Comedy Central", "Apple TV". */
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
          claim (p, i, SSV_RK_SERVICE, _ssv_release_service_index (a->code), WEAK);
          claim_cont (p, i + 1, i);
          return 2;
        }
    }
  return 0;
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

/* ------------------------------------------------------------------------ */
/* Rules: words whose meaning depends on the tokens around them */

/* One word of the list with a rule (SSV_RK_COMPOUND), where it stands. */
typedef struct
{
  Parser     *p;
  int         i;          /* its token */
  int         arg;        /* the list's argument: an edition bit, a DTS variant */
  int         level;      /* SURE, WEAK or AFTER, from the list's flags */
  const char *next;       /* the next token's low[] when joined to this one, else "" */
  gsize       next_len;
} Word;

/* Compares the next token with a literal without a call */
#define NEXT_IS(w, s) ((w)->next_len == sizeof (s) - 1 && memcmp ((w)->next, s, sizeof (s) - 1) == 0)

/* Each rule returns the tokens it claimed, 0 when the word is no tag here. */
typedef int (*WordRule) (const Word *w);

static int
rule_web (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  const Tok *t = &p->tok[i];

  if (NEXT_IS (w, "dl") || NEXT_IS (w, "hd") || NEXT_IS (w, "dlmux"))
    return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_WEBDL);
  if (NEXT_IS (w, "rip") || NEXT_IS (w, "dlrip") || NEXT_IS (w, "mux") ||
      NEXT_IS (w, "cap"))
    return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_WEBRIP);
  claim (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_WEBDL, (t->flags & TF_UPPER) ? SURE : AFTER);
  return 1;
}

static int
rule_blu (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;

  if (NEXT_IS (w, "ray") || NEXT_IS (w, "rayrip"))
    return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_BLURAY);
  return 0;
}

static int
rule_hd (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  const Tok *t = &p->tok[i];

  if (t->low[0] == 's')
    {
      /* "SD TV"; "SD" alone says the resolution, as "HR" does */
      if (NEXT_IS (w, "tv"))
        return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_TV | (SSV_RX_SD << 8));
      claim (p, i, SSV_RK_OTHER, 480, w->level);
      return 1;
    }
  if (NEXT_IS (w, "dvd") || NEXT_IS (w, "dvdrip"))
    return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_HDDVD);
  if (NEXT_IS (w, "tv") || NEXT_IS (w, "tvrip"))
    return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_TV);
  if (NEXT_IS (w, "rip"))
    return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_HDRIP);
  if (NEXT_IS (w, "ts") || NEXT_IS (w, "tsrip"))
    return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_TELESYNC);
  if (NEXT_IS (w, "tc"))
    return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_TELECINE);
  if (NEXT_IS (w, "cam"))
    return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_CAM);
  if (NEXT_IS (w, "light"))
    return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_BLURAY);
  claim (p, i, SSV_RK_OTHER, 0, AFTER);
  return 1;
}

static int
rule_dvd (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;

  if (NEXT_IS (w, "rip") || NEXT_IS (w, "mux"))
    return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_DVD);
  if (NEXT_IS (w, "r") || NEXT_IS (w, "5") || NEXT_IS (w, "9"))
    return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_DVD | (SSV_RX_DISC << 8));
  if (NEXT_IS (w, "scr") || NEXT_IS (w, "screener"))
    return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_SCREENER | (SSV_RX_DVD << 8));
  claim (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_DVD, SURE);
  return 1;
}

static int
rule_dts (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  int codec = w->arg ? SSV_RELEASE_AUDIO_DTS_HD : SSV_RELEASE_AUDIO_DTS;
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

static int
rule_dd (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  const Tok *t = &p->tok[i];

  if (t->end < p->blen && p->buf[t->end] == '+')
    claim (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_EAC3, SURE);
  else
    claim (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_AC3, SURE);
  return 1;
}

static int
rule_dolby (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  int j = i + 1;

  if (NEXT_IS (w, "digital"))
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
  if (NEXT_IS (w, "vision"))
    return claim2 (p, i, SSV_RK_HDR, SSV_RELEASE_HDR_DV);
  if (NEXT_IS (w, "atmos"))
    return claim2 (p, i, SSV_RK_AUDIO, SSV_RA_ATMOS);
  if (NEXT_IS (w, "truehd"))
    return claim2 (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_TRUEHD);
  if (NEXT_IS (w, "true") && next_joins (p, j, "hd"))
    {
      claim2 (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_TRUEHD);
      claim_cont (p, j + 1, i);
      return 3;
    }
  claim (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_AC3, SURE);
  return 1;
}

static int
rule_true (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;

  if (NEXT_IS (w, "hd"))
    return claim2 (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_TRUEHD);
  return 0;
}

static int
rule_h (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  const Tok *t = &p->tok[i];

  if ((NEXT_IS (w, "264") || (NEXT_IS (w, "263") && t->low[0] == 'h')))
    return claim2 (p, i, SSV_RK_CODEC, w->next[2] == '4' ? SSV_RELEASE_CODEC_H264 : SSV_RELEASE_CODEC_H263);
  if (NEXT_IS (w, "265"))
    return claim2 (p, i, SSV_RK_CODEC, SSV_RELEASE_CODEC_H265);
  return 0;
}

static int
rule_mpeg (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;

  if (NEXT_IS (w, "2"))
    return claim2 (p, i, SSV_RK_CODEC, SSV_RELEASE_CODEC_MPEG2);
  return 0;
}

static int
rule_vc (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;

  if (NEXT_IS (w, "1"))
    return claim2 (p, i, SSV_RK_CODEC, SSV_RELEASE_CODEC_VC1);
  return 0;
}

static int
rule_ac (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;

  if (NEXT_IS (w, "3"))
    return claim2 (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_AC3);
  return 0;
}

static int
rule_e (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  int j = i + 1;

  if (NEXT_IS (w, "ac") && next_joins (p, j, "3"))
    {
      claim2 (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_EAC3);
      claim_cont (p, j + 1, i);
      return 3;
    }
  return 0;
}

static int
rule_aac (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  int j = i + 1;

  claim (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_AAC, SURE);
  if (NEXT_IS (w, "lc"))
    {
      claim_cont (p, j, i);
      return 2;
    }
  return 1;
}

static int
rule_he (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  const Tok *t = &p->tok[i];

  if (NEXT_IS (w, "aac") || NEXT_IS (w, "aacv2"))
    return claim2 (p, i, SSV_RK_AUDIO, SSV_RELEASE_AUDIO_AAC);
  if (t->flags & TF_UPPER)
    {
      claim (p, i, SSV_RK_LANG, SSV_RELEASE_LANG_HEBREW, AFTER);
      return 1;
    }
  return 0;
}

static int
rule_directors (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  const Tok *t = &p->tok[i];
  int j = i + 1;

  if (NEXT_IS (w, "cut") || NEXT_IS (w, "edition") || NEXT_IS (w, "version"))
    return claim2 (p, i, SSV_RK_EDITION, E_DIRECTORS);
  if (NEXT_IS (w, "definitive") && next_joins (p, j, "cut"))
    {
      claim2 (p, i, SSV_RK_EDITION, E_DIRECTORS);
      claim_cont (p, j + 1, i);
      return 3;
    }
  if (strcmp (t->low, "directorscut") == 0)
    {
      claim (p, i, SSV_RK_EDITION, E_DIRECTORS, SURE);
      return 1;
    }
  if (strcmp (t->low, "director") != 0)
    {
      claim (p, i, SSV_RK_EDITION, E_DIRECTORS, w->level);
      return 1;
    }
  return 0;
}

static int
rule_cut_word (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  int j = i + 1;

  if (w->arg == E_ANNIVERSARY && i > 0 && p->tok[i - 1].ndig > 0 && p->tok[i - 1].kind == SSV_RK_NONE &&
      (strcmp (p->tok[i - 1].low + p->tok[i - 1].ndig, "th") == 0 ||
       strcmp (p->tok[i - 1].low + p->tok[i - 1].ndig, "st") == 0 ||
       strcmp (p->tok[i - 1].low + p->tok[i - 1].ndig, "nd") == 0 ||
       strcmp (p->tok[i - 1].low + p->tok[i - 1].ndig, "rd") == 0))
    {
      /* "10th Anniversary" */
      claim (p, i, SSV_RK_EDITION, w->arg, SURE);
      claim_cont (p, i - 1, i);
      if (NEXT_IS (w, "edition"))
        {
          claim_cont (p, j, i);
          return 2;
        }
      return 1;
    }
  if (NEXT_IS (w, "cut") || NEXT_IS (w, "edition") || NEXT_IS (w, "version") ||
      NEXT_IS (w, "collection"))
    {
      claim2 (p, i, SSV_RK_EDITION, w->arg);
      claim_the_before (p, i);
      return 2;
    }
  /* "Special" alone is a word: Christmas Special, A Common Title Special */
  if (w->arg == E_SPECIAL)
    return 0;
  claim (p, i, SSV_RK_EDITION, w->arg, w->level);
  return 1;
}

static int
rule_theatrical (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;

  if (NEXT_IS (w, "cut") || NEXT_IS (w, "edition") || NEXT_IS (w, "version"))
    return claim2 (p, i, SSV_RK_EDITION, E_THEATRICAL);
  claim (p, i, SSV_RK_EDITION, E_THEATRICAL, w->level);
  return 1;
}

static int
rule_fan (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;

  if (NEXT_IS (w, "edit") || NEXT_IS (w, "edition") || NEXT_IS (w, "collection") ||
      NEXT_IS (w, "cut"))
    return claim2 (p, i, SSV_RK_EDITION, E_FAN);
  claim (p, i, SSV_RK_EDITION, E_FAN, w->level);
  return 1;
}

static int
rule_open (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;

  if (NEXT_IS (w, "matte"))
    return claim2 (p, i, SSV_RK_EDITION, E_OPEN_MATTE);
  return 0;
}

static int
rule_alt (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;

  if (NEXT_IS (w, "cut") || NEXT_IS (w, "version") || NEXT_IS (w, "edition") ||
      NEXT_IS (w, "ending"))
    return claim2 (p, i, SSV_RK_EDITION, E_ALTERNATIVE);
  return 0;
}

static int
rule_final (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;

  if (NEXT_IS (w, "cut"))
    return claim2 (p, i, SSV_RK_EDITION, E_FINAL_CUT);
  return 0;
}

static int
rule_version (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;

  if (NEXT_IS (w, "longue") || NEXT_IS (w, "longa") || NEXT_IS (w, "estesa"))
    return claim2 (p, i, SSV_RK_EDITION, E_EXTENDED);
  return 0;
}

static int
rule_dual (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;

  if (NEXT_IS (w, "audio"))
    return claim2 (p, i, SSV_RK_LANGFLAG, SSV_RL_DUAL);
  claim (p, i, SSV_RK_LANGFLAG, SSV_RL_DUAL, w->level);
  return 1;
}

static int
rule_hdr (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  int j = i + 1;

  if (NEXT_IS (w, "10") && !(j + 1 < p->n && (tok_is (p, j + 1, "bit") || tok_is (p, j + 1, "bits"))))
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
}

static int
rule_deleted (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;

  if (NEXT_IS (w, "scenes"))
    return claim2 (p, i, SSV_RK_FLAG, F_EXTRAS);
  return 0;
}

static int
rule_sub (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;

  claim (p, i, SSV_RK_LANGFLAG, SSV_RL_SUBS_WORD, w->level);
  return 1;
}

static int
rule_remux (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;

  claim (p, i, SSV_RK_MODIFIER, SSV_RX_REMUX, SURE);
  return 1;
}

static int
rule_complete (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  int j = i + 1;

  if (NEXT_IS (w, "series") || NEXT_IS (w, "season") || NEXT_IS (w, "seasons") ||
      NEXT_IS (w, "collection") || NEXT_IS (w, "box") || NEXT_IS (w, "boxset") ||
      NEXT_IS (w, "pack"))
    {
      /* "Complete Season 1": leave the number to the season word */
      if ((NEXT_IS (w, "season") || NEXT_IS (w, "seasons")) && j + 1 < p->n &&
          word_number (&p->tok[j + 1], TRUE) >= 0)
        {
          claim (p, i, SSV_RK_FLAG, F_COMPLETE, SURE);
          claim_the_before (p, i);
          return 1;
        }
      claim2 (p, i, SSV_RK_FLAG, F_COMPLETE);
      claim_the_before (p, i);
      if (NEXT_IS (w, "series") || NEXT_IS (w, "seasons"))
        p->complete_series = TRUE;
      return 2;
    }
  if (NEXT_IS (w, "bluray") || NEXT_IS (w, "blu") || NEXT_IS (w, "uhd"))
    {
      /* "COMPLETE.BLURAY": the whole disc */
      p->rx |= SSV_RX_DISC;
      claim (p, i, SSV_RK_FLAG, F_COMPLETE, SURE);
      return 1;
    }
  claim (p, i, SSV_RK_FLAG, F_COMPLETE, w->level);
  return 1;
}

static int
rule_service2 (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  const Tok *t = &p->tok[i];
  int n = match_service_pair (p, i);

  if (n == 0 && strcmp (t->low, "tv") == 0 &&
      (NEXT_IS (w, "rip") || NEXT_IS (w, "dub") || NEXT_IS (w, "dubbed")))
    return claim2 (p, i, SSV_RK_SOURCE, SSV_RELEASE_SOURCE_TV);
  if (n == 0 && strcmp (t->low, "spike") == 0 && next_is_web (p, i))
    {
      claim (p, i, SSV_RK_SERVICE, _ssv_release_service_index ("SPIK"), WEAK);
      n = 1;
    }
  return n;
}

/* "2nd Season": the number in front, as an ordinal. */
static gboolean
ordinal_season (Parser *p,
                int     i)
{
  int j = i + 1;
  const Tok *before = i > 0 ? &p->tok[i - 1] : NULL;

  if (before == NULL || before->ndig == 0 || before->ndig > 2 || before->kind != SSV_RK_NONE)
    return FALSE;
  if (!(strcmp (before->low + before->ndig, "nd") == 0 || strcmp (before->low + before->ndig, "st") == 0 ||
        strcmp (before->low + before->ndig, "rd") == 0 || strcmp (before->low + before->ndig, "th") == 0))
    return FALSE;
  if (j < p->n && is_digits (p, j) && gap_joins (p, j))
    return FALSE;

  add_season (p, before->num);
  claim (p, i - 1, SSV_RK_SEASON, 0, SURE);
  claim_cont (p, i, i - 1);
  note_episode_anchor (p, i - 1, i);
  return TRUE;
}

/* After "Season 1" (the word at @i): "-3", ".2.3-5", "& 2", "to 3", "a 3". Returns
 * one past the last token taken. */
static int
more_seasons (Parser *p,
              int     i,
              int     from)
{
  int k;

  for (k = from; k < p->n; k++)
    {
      int last = p->out->seasons[p->out->n_seasons - 1];
      gboolean to_word = (tok_is (p, k, "to") || tok_is (p, k, "a") || tok_is (p, k, "and")) &&
                         k + 1 < p->n && is_digits (p, k + 1) && p->tok[k + 1].ndig <= 2;
      int q = to_word ? k + 1 : k;
      int to;

      if (!is_digits (p, q) || p->tok[q].ndig > 2)
        break;
      to = p->tok[q].num;
      if (to_word && !tok_is (p, k, "and") && to > last && to - last < 50)
        {
          for (int s = last + 1; s <= to; s++)
            add_season (p, s);
        }
      else if ((gap_has (p, q, '-') || gap_has (p, q, '~')) && !to_word && to > last && to - last < 50)
        {
          for (int s = last + 1; s <= to; s++)
            add_season (p, s);
        }
      else if ((to_word || gap_joins (p, q) || gap_has (p, q, '&') || gap_has (p, q, ',')) &&
               to > last && to - last < 10)
        add_season (p, to);
      else
        break;
      if (to_word)
        claim_cont (p, k, i);
      claim_cont (p, q, i);
      k = q;
    }
  return k;
}

/* "Season 2", "Series 3", "Saison 1 a 3", "Season Two", "2nd Season". */
static int
rule_season (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  const Tok *t = &p->tok[i];
  int j = i + 1;
  gboolean weak_word = w->level != SURE;
  int v = -1;
  int k;

  if (ordinal_season (p, i))
    return 1;
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
  k = more_seasons (p, i, j + 1);
  note_episode_anchor (p, i, k - 1);
  return k - i;
}

static int
rule_episode (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  int j = i + 1;
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

static int
rule_part (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  int j = i + 1;
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

static int
rule_cd (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  int j = i + 1;

  if (is_digits (p, j) && p->tok[j].ndig <= 2)
    return claim2 (p, i, SSV_RK_NOISE, 0);
  return 0;
}

static int
rule_of (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  int j = i + 1;

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
}

static int
rule_cap (const Word *w)
{
  Parser *p = w->p;
  int i = w->i;
  int j = i + 1;

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
}

/* The rules by SSV_RH_* (ssv-release-private.h); ssv-release-tables.c says which words use them. */
static const WordRule rules[] = {
  [SSV_RH_WEB]        = rule_web,         /* WEB, WEB-DL, WEB.Rip */
  [SSV_RH_BLU]        = rule_blu,         /* Blu-Ray */
  [SSV_RH_HD]         = rule_hd,          /* HD-TV, HD.DVD, HD-Rip, HDTS, SD.TV */
  [SSV_RH_DVD]        = rule_dvd,         /* DVD-Rip, DVD-R, DVD9, DVD.SCR */
  [SSV_RH_DTS]        = rule_dts,         /* DTS-HD.MA, DTS-X, DTS-ES */
  [SSV_RH_DD]         = rule_dd,          /* DD, DD+ */
  [SSV_RH_DOLBY]      = rule_dolby,       /* Dolby Digital (Plus), Dolby Vision, Dolby Atmos */
  [SSV_RH_TRUE]       = rule_true,        /* True-HD */
  [SSV_RH_H]          = rule_h,           /* H.264, x.265, H.263 */
  [SSV_RH_MPEG]       = rule_mpeg,        /* MPEG-2 */
  [SSV_RH_VC]         = rule_vc,          /* VC-1 */
  [SSV_RH_AC]         = rule_ac,          /* AC-3 */
  [SSV_RH_E]          = rule_e,           /* E-AC-3 */
  [SSV_RH_DIRECTORS]  = rule_directors,   /* Director's Cut, Directors Definitive Cut */
  [SSV_RH_CUT_WORD]   = rule_cut_word,    /* Extended Cut, 10th Anniversary Edition */
  [SSV_RH_FAN]        = rule_fan,         /* Fan Edit */
  [SSV_RH_OPEN]       = rule_open,        /* Open Matte */
  [SSV_RH_ALT]        = rule_alt,         /* Alternative Cut, Alternate Ending */
  [SSV_RH_DUAL]       = rule_dual,        /* Dual Audio */
  [SSV_RH_HDR]        = rule_hdr,         /* HDR, HDR10, HDR10+, HDR 10 Plus */
  [SSV_RH_DELETED]    = rule_deleted,     /* Deleted Scenes */
  [SSV_RH_SEASON]     = rule_season,      /* Season 2, Saison 1 a 3, 2nd Season */
  [SSV_RH_EPISODE]    = rule_episode,     /* Episode 5, Ep 12-14 */
  [SSV_RH_PART]       = rule_part,        /* Part 2, Pt.II */
  [SSV_RH_COMPLETE]   = rule_complete,    /* Complete Series, COMPLETE.BLURAY */
  [SSV_RH_SERVICE2]   = rule_service2,    /* Comedy Central, TV-Rip, Spike WEB */
  [SSV_RH_AAC]        = rule_aac,         /* AAC, AAC-LC */
  [SSV_RH_SUB]        = rule_sub,         /* Subs: the languages next to it are subtitles */
  [SSV_RH_VERSION]    = rule_version,     /* Version Longue */
  [SSV_RH_HE]         = rule_he,          /* HE-AAC, HE (Hebrew) */
  [SSV_RH_CD]         = rule_cd,          /* CD 1, Disc 2 */
  [SSV_RH_REMUX]      = rule_remux,       /* REMUX */
  [SSV_RH_FINAL]      = rule_final,       /* Final Cut */
  [SSV_RH_THEATRICAL] = rule_theatrical,  /* Theatrical Cut */
  [SSV_RH_OF]         = rule_of,          /* 14 of 21 */
  [SSV_RH_CAP]        = rule_cap,         /* Cap.102 */
};

/* The rule @handler of the word at @i, with the list's @arg and the word's @level. */
static int
match_rule (Parser *p,
            int     i,
            int     handler,
            int     arg,
            int     level)
{
  Word w = { p, i, arg, level, "", 0 };

  if (handler <= 0 || (guint) handler >= G_N_ELEMENTS (rules) || rules[handler] == NULL)
    return 0;
  if (i + 1 < p->n && gap_joins (p, i + 1))
    {
      w.next = p->tok[i + 1].low;
      w.next_len = p->tok[i + 1].nlow;
    }
  return rules[handler] (&w);
}

/* ------------------------------------------------------------------------ */
/* The word list */

/* Words marked upper-case only or web-only are tags only where they are so. */
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

/* A word of the word list, or a rule's words: the tokens claimed, 0 if none. */
int
_ssv_release_match_word (Parser *p,
                         int     i)
{
  const Tok *t = &p->tok[i];
  const Entry *e;
  int level;

  if (t->flags & TF_LONG)
    return 0;

  e = _ssv_release_lookup_len (t->low, t->nlow, t->hash);
  if (e == NULL || !word_allowed (p, i, e))
    return 0;

  level = (e->flags & SSV_RW_AFTER) ? AFTER : (e->flags & SSV_RW_WEAK) ? WEAK : SURE;

  /* French fansubs: anime conventions follow */
  if (e->kind == SSV_RK_SUBLANG && strcmp (t->low, "vostfr") == 0)
    p->anime = TRUE;

  switch (e->kind)
    {
    case SSV_RK_COMPOUND:
      return match_rule (p, i, e->val & 0xff, e->val >> 8, level);

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
