/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release-patterns.c: the release parser's first pass: resolutions, numbers, glued tags, sites. */

#include "config.h"

#include "downloads/ssv-release-private.h"

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
      e = _ssv_release_lookup (prefix, hash);
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
      set_resolution (p, plausible_height (height) ? (guint) height : standard_height (h, height),
                      l[q] == 'i');
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

  if ((n = _ssv_release_match_date (p, i)) > 0)
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
        e = _ssv_release_lookup (prefix, hash);
        codec = _ssv_release_lookup (codecs[k], _ssv_release_hash_str (codecs[k]));
        if (e == NULL || e->kind != SSV_RK_SOURCE || codec == NULL)
          return 0;
        claim (p, i, SSV_RK_SOURCE, e->val, SURE);
        if (p->out->video_codec == SSV_RELEASE_CODEC_NONE)
          p->out->video_codec = codec->val;
        if (codecs[k][0] == 'x')
          p->encoder = TRUE;
        if (codec->val == SSV_RELEASE_CODEC_XVID)
          p->rx |= SSV_RX_SD;
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

/* Every pattern that may start at token @i, then the word list. */
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
      if (match_hash (p, i) || _ssv_release_match_nxn (p, i) || match_res (p, i) || match_unit (p, i) ||
          _ssv_release_match_of_token (p, i) || ((i == 0 || t->bracket != 0) && match_domain (p, i)))
        return;
    }
  else
    {
      if (t->flags & TF_DIGIT)
        {
          if (_ssv_release_match_sxe (p, i) || _ssv_release_match_e (p, i) || match_res (p, i) ||
              match_hash (p, i) || match_marker (p, i))
            return;
        }
      else if ((t->nlow == 8 && match_hash (p, i)) || (t->nlow == 1 && _ssv_release_match_sxe (p, i)))
        return;
      if ((i == 0 || t->bracket != 0 || (t->nlow == 3 && t->low[0] == 'w')) && match_domain (p, i))
        return;
    }

  if (_ssv_release_match_word (p, i))
    return;
  if ((t->flags & TF_DIGIT) && match_alpha_digits (p, i))
    return;
  if (t->nlow > 4 && (t->low[t->nlow - 4] == 'x' || t->low[t->nlow - 4] == 'h') && match_source_codec (p, i))
    return;
}

/* The first pass: each token not claimed yet against the patterns, then the words. */
void
_ssv_release_match_tokens (Parser *p)
{
  for (int i = 0; i < p->n; i++)
    if (p->tok[i].kind == SSV_RK_NONE)
      match_token (p, i);
}
