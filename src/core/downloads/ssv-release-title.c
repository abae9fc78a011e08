/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release-title.c: the release parser's second pass: title, year, bare numbers, group, episode title. */

#include "config.h"

#include "downloads/ssv-release-private.h"

/* ------------------------------------------------------------------------ */
/* Deciding what the unclaimed tokens are */

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

/* Where the group can end: before trackers' tags, hashes, the extension and re-uploaders' words. */
static int
group_end (const Parser *p)
{
  int end = p->n - 1;

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
  return end;
}

/* "DLMux by UBi" */
static gboolean
group_after_by (Parser *p,
                int     end)
{
  for (int k = MAX (end - 2, p->sure); k < end && k >= 0; k++)
    if (tok_is (p, k, "by") && p->tok[k].kind == SSV_RK_NONE && k > p->ep_last)
      {
        gboolean ok = TRUE;

        for (int q = k + 1; q <= end; q++)
          ok &= p->tok[q].kind == SSV_RK_NONE && p->tok[q].bracket == 0;
        if (ok)
          {
            set_group (p, k + 1, end);
            return TRUE;
          }
      }
  return FALSE;
}

/* "-GROUP", "- GROUP", "-HiS@SiLUHD", "XviD-AlFleNi-TeaM", "XViD.Etc-Group" */
static gboolean
dashed_group (Parser *p,
              int     end)
{
  int g0 = end;

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
          return TRUE;
        }
      /* otherwise only what follows the last dash */
      while (g0 < end && !gap_is_char (p, g0, '-'))
        g0++;
    }

  for (int k = g0; k <= end; k++)
    if (!may_be_group (&p->tok[k]))
      return FALSE;
  /* Only digits: a group only right after a tag ("x264-1080"), never "-2002" */
  if (g0 == end && (p->tok[end].flags & TF_DIGITS) &&
      ((p->tok[end].flags & TF_YEAR) || !gap_is_char (p, end, '-') || !is_anchor (&p->tok[end - 1])))
    return FALSE;

  if (g0 > 0 && g0 >= p->te && gap_has (p, g0, '-') && g0 > p->ep_last)
    {
      gboolean tight = gap_is_char (p, g0, '-');
      const Tok *before = &p->tok[g0 - 1];

      if (tight || (is_anchor (before) && before->kind != SSV_RK_SEASON &&
                    before->kind != SSV_RK_EPISODE && before->kind != SSV_RK_DATE))
        {
          set_group (p, g0, end);
          return TRUE;
        }
    }
  return FALSE;
}

/* The group at the end of the name, which ends at token @end. */
static gboolean
group_at_end (Parser *p,
              int     end)
{
  /* "x264-[YTS.AG]", "x264-YTS.MX" */
  if (end > 0 && tok_is (p, end - 1, "yts") && gap_is_char (p, end, '.') && p->tok[end].nlow == 2 &&
      end - 1 > p->sure)
    {
      set_group (p, end - 1, end);
      return TRUE;
    }

  /* "(YIFY)", "[Lunar]": one word alone in the last brackets, after a dash */
  if (p->tok[end].bracket != 0)
    {
      const Tok *t = &p->tok[end];

      if (end > 0 && p->tok[end - 1].bgroup != t->bgroup && t->kind == SSV_RK_NONE && !(t->flags & TF_DIGITS) &&
          t->nlow >= 2 && end > p->sure && gap_has (p, end, '-'))
        {
          set_group (p, end, end);
          return TRUE;
        }
      return FALSE;
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
              return TRUE;
            }
          break;
        }
      if (!gap_is_char (p, k, '-'))
        break;
    }

  return dashed_group (p, end);
}

/* "[HorribleSubs] Show - 01": the fansub group in front */
static void
leading_group (Parser *p)
{
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
find_group (Parser *p)
{
  int end = group_end (p);

  if (group_after_by (p, end))
    return;
  if (end >= 0 && end >= p->te && end > p->ep_last && group_at_end (p, end))
    return;
  leading_group (p);
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

/* Decides what the tokens nothing claimed are: a resolution, the title, the year, bare
 * episode numbers, the group, the episode title. */
void
_ssv_release_decide_unclaimed (Parser *p)
{
  find_bare_resolution (p);
  anime_season_in_title (p);
  find_title_start (p);
  p->sure = first_anchor (p, p->ts);
  choose_year (p, p->sure);
  find_bare_episode (p, p->sure);
  find_title (p);
  find_group (p);
  find_episode_title (p);
}
