/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release-episodes.c: the release parser's patterns for seasons, episodes and air dates. */

#include "config.h"

#include "downloads/ssv-release-private.h"

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

/* What one "S01E02…" token says, before any of it goes into the result. */
typedef struct
{
  guint16 seasons[8];
  guint16 episodes[16];
  int     ns;
  int     ne;
  int     sdigits;    /* digits of the first season number */
  int     version;
} Sxe;

/* "S 01": a lone capital S then a season number. */
static int
match_lone_s (Parser *p,
              int     i)
{
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

/* Reads the letters and numbers of "s01e02e03", "s01s02", "s06xe01", "s07d1",
 * "s01e02v2", "s01extras"; FALSE when the token is not one of them. */
static gboolean
read_sxe (Parser     *p,
          const char *l,
          Sxe        *x)
{
  int pos = 0;

  x->ns = 0;
  x->ne = 0;
  x->sdigits = 0;
  x->version = 0;

  while (l[pos] != '\0')
    {
      int v;
      int start;

      if (l[pos] == 's' && x->ns < 8 && g_ascii_isdigit (l[pos + 1]))
        {
          pos++;
          start = pos;
          v = read_num (l, &pos, 4);
          if (v < 0)
            return FALSE;
          if (x->ns == 0)
            x->sdigits = pos - start;
          x->seasons[x->ns++] = v;
        }
      else if (l[pos] == 'e' && x->ns > 0 && x->ne < 16 &&
               (g_ascii_isdigit (l[pos + 1]) || (l[pos + 1] == 'p' && g_ascii_isdigit (l[pos + 2]))))
        {
          pos++;
          if (l[pos] == 'p')
            pos++;
          v = read_num (l, &pos, 4);
          if (v < 0)
            return FALSE;
          x->episodes[x->ne++] = v;
        }
      else if (l[pos] == 'x' && x->ns > 0 && x->ne == 0 && l[pos + 1] == 'e')
        {
          /* S06xE01 */
          pos++;
        }
      else if (l[pos] == 'x' && x->ns > 0 && x->ne == 0 && g_ascii_isdigit (l[pos + 1]))
        {
          pos++;
          v = read_num (l, &pos, 3);
          if (v < 0)
            return FALSE;
          x->episodes[x->ne++] = v;
        }
      else if (l[pos] == 'd' && x->ns > 0 && x->ne == 0 && g_ascii_isdigit (l[pos + 1]))
        {
          /* S07D1: a disc of a season set */
          pos++;
          if (read_num (l, &pos, 2) < 0)
            return FALSE;
        }
      else if (l[pos] == 'v' && x->ne > 0 && l[pos + 1] >= '1' && l[pos + 1] <= '9' && l[pos + 2] == 0)
        {
          x->version = l[pos + 1] - '0';
          pos += 2;
        }
      else if (x->ns > 0 && x->ne == 0 && (strcmp (l + pos, "extras") == 0 || strcmp (l + pos, "extra") == 0 ||
                                           strcmp (l + pos, "bonus") == 0))
        {
          p->out->flags |= SSV_RELEASE_FLAG_EXTRAS;
          break;
        }
      else
        {
          return FALSE;
        }
    }

  for (int k = 0; k < x->ns; k++)
    if (x->seasons[k] > 100 && (x->seasons[k] < YEAR_MIN || x->seasons[k] > 2100))
      return FALSE;
  return TRUE;
}

/* After "S01E02": token @j extends the episodes ("-E05", "-05", "-S01E05", "E03",
 * "+04"). FALSE when it does not. */
static gboolean
sxe_more_episodes (Parser   *p,
                   int       j,
                   gboolean  dash)
{
  const Tok *u = &p->tok[j];
  int last = p->out->episodes[p->out->n_episodes - 1];
  int v;

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
    return FALSE;
  return TRUE;
}

/* After "S01" (token @i): token @j extends the seasons ("-S05", "-05", "to 5", "S02",
 * "01 02 03") or starts the episodes ("E02", "x02", counted in @ne). Returns the tokens
 * taken, 0 when @j is not one of them; all but the last are claimed. */
static int
sxe_more_seasons (Parser   *p,
                  int       i,
                  int       j,
                  gboolean  dash,
                  int       sdigits,
                  int      *ne)
{
  const Tok *u = &p->tok[j];
  int last = p->out->seasons[p->out->n_seasons - 1];
  gboolean to_word = (tok_is (p, j, "to") || tok_is (p, j, "a")) && j + 1 < p->n && gap_joins (p, j);
  const Tok *w = to_word ? &p->tok[j + 1] : u;
  int v;
  int pos2 = 1;

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
      (*ne)++;
      to_word = FALSE;
    }
  else if (gap_joins (p, j) && u->low[0] == 'x' && (v = read_num (u->low, &pos2, 3)) >= 0 &&
           u->low[pos2] == 0)
    {
      add_episode (p, v);
      (*ne)++;
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
      return 0;
    }

  if (to_word)
    {
      claim_cont (p, j, i);
      return 2;
    }
  return 1;
}

/* S01, S01E02, S01E02E03, S01E02-E05, S01-S05, S01S02, S2016E01, "S 01", S07D1, S01Extras. */
int
_ssv_release_match_sxe (Parser *p,
                        int     i)
{
  const Tok *t = &p->tok[i];
  const char *l = t->low;
  Sxe x;
  int j;

  if (l[0] != 's')
    return 0;
  if (l[1] == '\0')
    return match_lone_s (p, i);
  if (!g_ascii_isdigit (l[1]) || (t->flags & TF_LONG))
    return 0;
  if (!read_sxe (p, l, &x))
    return 0;

  for (int k = 0; k < x.ns; k++)
    add_season (p, x.seasons[k]);
  for (int k = 0; k < x.ne; k++)
    add_episode (p, x.episodes[k]);
  if (x.version)
    set_version (p, x.version);
  if (x.ns > 0 && x.seasons[0] >= YEAR_MIN && p->out->year == 0)
    p->out->year = x.seasons[0];

  claim (p, i, x.ne > 0 ? SSV_RK_EPISODE : SSV_RK_SEASON, 0, SURE);

  /* What follows: ranges and more of the same */
  for (j = i + 1; j < p->n; j++)
    {
      gboolean dash = (gap_has (p, j, '-') || gap_has (p, j, '~')) && (gap_joins (p, j) || gap_is_dash (p, j) ||
                                                                    gap_is_char (p, j, '~'));

      if (x.ne > 0)
        {
          if (!sxe_more_episodes (p, j, dash))
            break;
        }
      else
        {
          int took = sxe_more_seasons (p, i, j, dash, x.sdigits, &x.ne);

          if (took == 0)
            break;
          j += took - 1;
        }
      claim_cont (p, j, i);
    }

  if (x.ne > 0)
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
int
_ssv_release_match_nxn (Parser *p,
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
int
_ssv_release_match_e (Parser *p,
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
int
_ssv_release_match_date (Parser *p,
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

/* "3of9", "14of21": number N of M */
int
_ssv_release_match_of_token (Parser *p,
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
