/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release.c: reads release names with a hand-written tokenizer; no regex, no malloc. The
 * stages are in ssv-release-{tokens,patterns,episodes,words,title}.c, the JSON in ssv-release-json.c. */

#include "config.h"

#include "downloads/ssv-release-private.h"

/* ------------------------------------------------------------------------ */
/* From claims to fields */

static void
apply_audio (SsvRelease *r,
             int         v)
{
  gboolean seen = FALSE;

  if (v == SSV_RA_ATMOS)
    {
      r->flags |= SSV_RELEASE_FLAG_ATMOS;
      return;
    }
  for (int k = 0; k < r->n_audio; k++)
    seen |= r->audio[k] == v;
  if (!seen && r->n_audio < SSV_RELEASE_MAX_AUDIO)
    r->audio[r->n_audio++] = v;
}

/* A language word: spoken, or subtitles after "subs" or before "-subs". */
static void
apply_language (Parser   *p,
                int       i,
                gboolean  sub_mode)
{
  SsvRelease *r = p->out;
  int v = p->tok[i].val;
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

/* MULTi, DUAL, DUBBED, SUBBED, HC; "subs" puts the languages after it in @sub_mode. */
static void
apply_language_flag (SsvRelease *r,
                     int         v,
                     gboolean   *sub_mode)
{
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
      *sub_mode = TRUE;
      break;
    default:
      break;
    }
}

static void
apply_revision (Parser *p,
                int     v)
{
  SsvRelease *r = p->out;

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
}

/* "Part 2": an episode in British "Series 2 Part 11", a part of a season, or of a film. */
static void
apply_part (Parser *p,
            int     i,
            int     v)
{
  SsvRelease *r = p->out;

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
}

/* The claim of token @i into the result; the first value of a field wins. */
static void
apply_claim (Parser   *p,
             int       i,
             gboolean *sub_mode)
{
  SsvRelease *r = p->out;
  int v = p->tok[i].val;

  switch (p->tok[i].kind)
    {
    case SSV_RK_SOURCE:
      p->rx |= v >> 8;
      if (r->source == SSV_RELEASE_SOURCE_UNKNOWN ||
          ((v & 0xff) == SSV_RELEASE_SOURCE_SCREENER && r->source == SSV_RELEASE_SOURCE_DVD))
        r->source = v & 0xff;
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
      /* XviD and DivX encodes are SD, unless they say HD ("XviDHD") */
      if ((v == SSV_RELEASE_CODEC_XVID || v == SSV_RELEASE_CODEC_DIVX) && !tok_is (p, i, "xvidhd"))
        p->rx |= SSV_RX_SD;
      break;
    case SSV_RK_BITDEPTH:
      if (r->bit_depth == 0)
        r->bit_depth = v;
      break;
    case SSV_RK_AUDIO:
      apply_audio (r, v);
      break;
    case SSV_RK_CHANNELS:
      if (r->channels == 0)
        r->channels = v;
      break;
    case SSV_RK_HDR:
      r->hdr |= v;
      break;
    case SSV_RK_LANG:
      apply_language (p, i, *sub_mode);
      break;
    case SSV_RK_SUBLANG:
      r->subtitle_languages |= G_GUINT64_CONSTANT (1) << v;
      break;
    case SSV_RK_LANGFLAG:
      apply_language_flag (r, v, sub_mode);
      break;
    case SSV_RK_EDITION:
      r->editions |= 1u << v;
      break;
    case SSV_RK_REVISION:
      apply_revision (p, v);
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
      apply_part (p, i, v);
      break;
    default:
      break;
    }
}

static void
apply_claims (Parser *p)
{
  gboolean sub_mode = FALSE;

  for (int i = 0; i < p->n; i++)
    {
      const Tok *t = &p->tok[i];

      if (t->kind == SSV_RK_NONE || t->cont)
        continue;
      if (t->kind != SSV_RK_LANG && !(t->kind == SSV_RK_LANGFLAG && t->val == SSV_RL_SUBS_WORD))
        sub_mode = FALSE;
      apply_claim (p, i, &sub_mode);
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

/* ------------------------------------------------------------------------ */
/* One path component, then the whole path */

/* A hash or scrambled letters instead of a name. */
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
  guint16  guess_res;      /* "HR", "SD" */
  gboolean dvd_screener;
  gboolean bluray_rip;     /* BDRip, BRRip: an encode of unknown size */
  gboolean sd;             /* SDTV, PDTV, DSR, TVRip, XviD, DivX */
  gboolean x264;           /* encoded with x264 */
} PartInfo;

/* Groups that only release SD: "CtrlSD", "HiSD", "mSD". */
static gboolean
is_sd_group (const char *group)
{
  gsize len = strlen (group);

  return len >= 3 && strcmp (group + len - 2, "SD") == 0 && g_ascii_islower (group[len - 3]);
}

/* The resolution a name means without writing it, 0 if none: "HR" is 720p; SD words,
 * XviD and DivX (a .divx file too), a DVD and SD groups are 480p, as Sonarr reads them. */
static guint
implied_resolution (const SsvRelease *r,
                    const PartInfo   *info)
{
  if (info->guess_res)
    return info->guess_res;
  if (info->sd || r->source == SSV_RELEASE_SOURCE_DVD ||
      (r->source == SSV_RELEASE_SOURCE_SCREENER && info->dvd_screener) || is_sd_group (r->release_group) ||
      strcmp (r->container, "divx") == 0)
    return 480;
  return 0;
}

/* What the name leaves out, assumed as Sonarr and Radarr do: a resolution the words
 * imply is marked implied, anything else assumed is marked guessed. */
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

  if (r->resolution != 0)
    return;

  r->resolution = implied_resolution (r, info);
  if (r->resolution != 0)
    {
      r->flags |= SSV_RELEASE_FLAG_RES_IMPLIED;
      return;
    }

  if (r->source == SSV_RELEASE_SOURCE_TV)
    r->resolution = 480;
  else if (r->modifier == SSV_RELEASE_MODIFIER_BRDISK)
    r->resolution = 1080;
  else if (r->source == SSV_RELEASE_SOURCE_WEBDL ||
           (r->source == SSV_RELEASE_SOURCE_BLURAY && !info->bluray_rip))
    r->resolution = 720;
  else if (r->source == SSV_RELEASE_SOURCE_UNKNOWN && info->x264)
    r->resolution = 480;   /* an x264 encode that names nothing else: SDTV, as Sonarr has it */
  if (r->resolution != 0)
    r->flags |= SSV_RELEASE_FLAG_RES_GUESSED;
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

  _ssv_release_tokenize (&p);
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
  info->sd = FALSE;
  info->x264 = FALSE;
  if (info->obfuscated)
    return 0;

  _ssv_release_match_tokens (&p);     /* ssv-release-patterns.c, -episodes.c, -words.c */
  _ssv_release_decide_unclaimed (&p); /* ssv-release-title.c */
  apply_claims (&p);
  infer (&p);
  info->guess_res = p.guess_res;
  info->dvd_screener = (p.rx & SSV_RX_DVD) != 0;
  info->bluray_rip = (p.rx & SSV_RX_RIP) != 0;
  info->sd = (p.rx & SSV_RX_SD) != 0;
  info->x264 = p.encoder && out->video_codec == SSV_RELEASE_CODEC_H264;

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

/* A known extension is the container; returns where the name in front of it ends. */
static const char *
read_extension (const char *file,
                const char *end,
                SsvRelease *out)
{
  for (const char *dot = end - 1; dot > file && end - dot <= 8; dot--)
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
              return dot;
            }
        break;
      }
  return end;
}

/* What folder @d (@dn sure tags) adds to the file's @out; @weak_file and @n_sure follow. */
static void
take_folder (SsvRelease       *out,
             const SsvRelease *d,
             int               dn,
             gboolean         *weak_file,
             int              *n_sure)
{
  if (*weak_file && dn > 0)
    {
      char container[sizeof out->container];

      /* An obfuscated file in a named folder: the folder is the release */
      memcpy (container, out->container, sizeof container);
      *out = *d;
      memcpy (out->container, container, sizeof container);
      *weak_file = FALSE;
      *n_sure = dn;
      return;
    }

  /* "Season 1/Apotheosis.mp4": the file is named after the episode */
  if (d->n_seasons > 0 && d->title[0] == '\0' && out->n_seasons == 0 &&
      out->n_episodes == 0 && out->title[0] != '\0' && out->episode_title[0] == '\0')
    {
      memcpy (out->episode_title, out->title, sizeof out->title);
      out->title[0] = '\0';
      memcpy (out->seasons, d->seasons, sizeof out->seasons);
      out->n_seasons = d->n_seasons;
    }
  merge_from_folder (out, d);
  if (dn > 0 && *n_sure == 0)
    *n_sure = dn;
}

/* Folders of the path [@start, @end) fill in what the file name at @file leaves out,
 * nearest first. */
static void
read_folders (const char *start,
              const char *end,
              const char *file,
              SsvRelease *out,
              gboolean   *weak_file,
              int        *n_sure)
{
  const char *dir_end = file - 1;
  int depth = 0;

  while (dir_end > start && depth < 4 &&
         (*weak_file || out->title[0] == '\0' || (out->n_episodes > 0 && out->n_seasons == 0) ||
          (depth == 0 && out->year == 0 && !release_has_numbers (out)) ||
          (depth == 0 && out->source == SSV_RELEASE_SOURCE_UNKNOWN)))
    {
      const char *dir_start = dir_end;

      while (dir_start > start && !((dir_start[-1] == '/' || dir_start[-1] == '\\') &&
                                     is_path_separator (start, end, dir_start - 1)))
        dir_start--;

      if (!is_generic_folder (dir_start, dir_end - dir_start))
        {
          SsvRelease d;
          PartInfo dir_info;
          int dn;

          release_reset (&d);
          dn = parse_part (dir_start, dir_end - dir_start, &d, TRUE, &dir_info);
          if (!dir_info.obfuscated && dn >= 0)
            take_folder (out, &d, dn, weak_file, n_sure);
        }

      depth++;
      dir_end = dir_start - 1;
    }
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
gboolean
ssv_release_parse (const char *name,
                   SsvRelease *out)
{
  const char *start;
  const char *end;
  const char *file;
  const char *file_end;
  PartInfo info;
  gboolean weak_file;
  int n_sure;

  g_return_val_if_fail (out != NULL, FALSE);

  release_reset (out);
  if (name == NULL)
    return FALSE;

  _ssv_release_ensure_index ();

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

  file_end = read_extension (file, end, out);
  n_sure = parse_part (file, file_end - file, out, FALSE, &info);
  if (n_sure < 0)
    return out->parsed = FALSE;
  weak_file = info.obfuscated || n_sure == 0;
  /* "Show/160725_02.mkv": numbers only, the folder knows the name */
  if (file > start && out->title[0] != '\0' && !has_letters (out->title))
    out->title[0] = '\0';

  if (file > start)
    read_folders (start, end, file, out, &weak_file, &n_sure);

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
