/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-media-name.c: a small name parser for folder layouts; the release parser replaces it
 * behind ssv_media_name_parse() when it lands. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ssv-media-name.h"

static const char * const video_extensions[] = {
  "mkv", "mp4", "m4v", "avi", "mov", "wmv", "ts", "m2ts", "mts", "webm", "mpg", "mpeg",
  "flv", "ogv", "divx", "vob", "iso", "3gp",
};

/* Folders of bonus material, skipped by the scanner. */
static const char * const extra_dirs[] = {
  "extras", "featurettes", "behind the scenes", "deleted scenes", "interviews", "scenes",
  "shorts", "trailers", "other", "sample", "samples", "bonus", "specials features",
};

static const char * const extra_suffixes[] = {
  "-trailer", "-featurette", "-behindthescenes", "-deleted", "-interview", "-scene",
  "-short", "-other", "-sample", ".sample", "_sample",
};

/* Words that end a title in scene names. */
static const char * const quality_words[] = {
  "2160p", "1080p", "1080i", "720p", "576p", "480p", "4k", "uhd", "hdr", "hdr10", "dv", "dovi",
  "bluray", "blu-ray", "bdrip", "brrip", "bdremux", "remux", "web-dl", "webdl", "webrip", "web",
  "hdtv", "pdtv", "dvdrip", "dvdscr", "dvd", "x264", "x265", "h264", "h265", "h.264", "h.265",
  "hevc", "avc", "xvid", "divx", "aac", "ac3", "eac3", "dts", "ddp5.1", "dd5.1", "atmos",
  "proper", "repack", "extended", "unrated", "internal", "limited", "multi", "10bit", "imax",
  "amzn", "nf", "dsnp", "hmax", "atvp",
};

typedef struct
{
  GRegex *sxxeyy;
  GRegex *nxnn;
  GRegex *season_dir;
  GRegex *leading_number;
  GRegex *year;
  GRegex *part;
} Patterns;

static gpointer
compile_patterns (gpointer data)
{
  Patterns *p = g_new0 (Patterns, 1);

  /* S01E02, s1e2, S01E01E02, S01E01-E02, S01E01-02, S01.E02 */
  p->sxxeyy = g_regex_new ("(?:^|[^a-z0-9])s(\\d{1,4})[ ._-]?e(\\d{1,4})"
                           "((?:[ ._-]?-?[ ._-]?e\\d{1,4}|-\\d{1,4}(?!\\d|p))*)",
                           G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  /* 1x02, 01x02, 1x02-1x03, 1x02-03 */
  p->nxnn = g_regex_new ("(?:^|[^a-z0-9])(\\d{1,2})x(\\d{2,3})((?:[-_](?:\\d{1,2}x)?\\d{2,3})*)(?![0-9p])",
                         G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  p->season_dir = g_regex_new ("^(?:season|series|staffel|saison|temporada|s)[ ._-]*(\\d{1,4})$|^(specials?)$",
                               G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  p->leading_number = g_regex_new ("^(?:e|ep|episode)?[ ._-]*(\\d{1,3})(?:[ ._-]|$)",
                                   G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  /* A year as its own word: (1999), [1999], .1999. */
  p->year = g_regex_new ("(?:^|[ ._(\\[-])((?:19|20)\\d{2})(?=$|[ ._)\\]-])",
                         G_REGEX_OPTIMIZE, 0, NULL);
  p->part = g_regex_new ("[ ._-]+(?:cd|disc|disk|dvd|part|pt)[ ._-]*\\d{1,2}$",
                         G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);

  return p;
}

static Patterns *
get_patterns (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, compile_patterns, NULL);
}

gboolean
ssv_media_name_is_video (const char *filename)
{
  const char *dot = strrchr (filename, '.');

  if (dot == NULL || filename[0] == '.')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (video_extensions); i++)
    if (g_ascii_strcasecmp (dot + 1, video_extensions[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Trailers, featurettes, samples: files people keep next to a title. */
gboolean
ssv_media_name_is_extra (const char *relative_path)
{
  g_auto(GStrv) parts = g_strsplit (relative_path, "/", -1);
  guint n = g_strv_length (parts);
  g_autofree char *stem = NULL;
  g_autofree char *lower = NULL;
  const char *dot;

  for (guint i = 0; i + 1 < n; i++)
    for (guint j = 0; j < G_N_ELEMENTS (extra_dirs); j++)
      if (g_ascii_strcasecmp (parts[i], extra_dirs[j]) == 0)
        return TRUE;

  if (n == 0)
    return FALSE;

  dot = strrchr (parts[n - 1], '.');
  stem = dot ? g_strndup (parts[n - 1], dot - parts[n - 1]) : g_strdup (parts[n - 1]);
  lower = g_ascii_strdown (stem, -1);
  for (guint j = 0; j < G_N_ELEMENTS (extra_suffixes); j++)
    if (g_str_has_suffix (lower, extra_suffixes[j]))
      return TRUE;

  return g_str_equal (lower, "sample");
}

static gboolean
is_quality_word (const char *word,
                 gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (quality_words); i++)
    if (strlen (quality_words[i]) == len && g_ascii_strncasecmp (word, quality_words[i], len) == 0)
      return TRUE;

  return FALSE;
}

/* "The.Matrix.1080p" → "The Matrix"; "Mr. Robot - " → "Mr. Robot". */
static char *
clean_words (const char *text,
             gboolean    cut_quality,
             gboolean    cut_at_start)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean dots_are_spaces = strchr (text, ' ') == NULL;
  const char *p = text;

  while (*p != '\0')
    {
      const char *end = p;
      gsize len;

      while (*end != '\0' && *end != ' ' && *end != '_' && (!dots_are_spaces || *end != '.'))
        end++;
      len = end - p;

      if (len > 0)
        {
          if (cut_quality && (out->len > 0 || cut_at_start) && is_quality_word (p, len))
            break;
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_len (out, p, len);
        }

      p = *end != '\0' ? end + 1 : end;
    }

  /* Separators and brackets left dangling at the ends. */
  while (out->len > 0 && strchr (" -_.([{", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);
  while (out->len > 0 && strchr (" -_.)]}", out->str[0]) != NULL)
    g_string_erase (out, 0, 1);

  if (out->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
clean_title (const char *text,
             gboolean    cut_quality)
{
  return clean_words (text, cut_quality, FALSE);
}

/* What follows an episode marker: a name, or straight away release words. */
static char *
clean_episode_title (const char *text)
{
  return clean_words (text, TRUE, TRUE);
}

/* Splits "Title (2010)" / "Title.2010.1080p" into title and year. The last year
 * that is not the very start wins ("2001 A Space Odyssey (1968)"). */
static char *
split_title_year (const char *text,
                  int        *year)
{
  Patterns *p = get_patterns ();
  g_autoptr(GMatchInfo) match = NULL;
  int start = -1;
  int found_year = 0;

  *year = 0;
  g_regex_match (p->year, text, 0, &match);
  while (g_match_info_matches (match))
    {
      int s, e;

      g_match_info_fetch_pos (match, 1, &s, &e);
      if (s > 0)
        {
          start = s;
          found_year = atoi (text + s);
        }
      g_match_info_next (match, NULL);
    }

  if (start > 0)
    {
      g_autofree char *head = g_strndup (text, start);

      *year = found_year;
      return clean_title (head, TRUE);
    }

  return clean_title (text, TRUE);
}

static char *
strip_part (const char *stem)
{
  Patterns *p = get_patterns ();

  return g_regex_replace_literal (p->part, stem, -1, 0, "", 0, NULL);
}

/* A folder-friendly key: case and punctuation do not matter. */
char *
ssv_media_name_key (const char *title,
                    int         year)
{
  g_autofree char *folded = g_utf8_casefold (title ? title : "", -1);
  g_autoptr(GString) key = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }

  if (year > 0)
    g_string_append_printf (key, "-%d", year);

  return g_string_free (g_steal_pointer (&key), FALSE);
}

static gboolean
match_season_dir (const char *dir,
                  int        *season)
{
  Patterns *p = get_patterns ();
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;

  if (!g_regex_match (p->season_dir, dir, 0, &match))
    return FALSE;

  number = g_match_info_fetch (match, 1);
  *season = number != NULL && number[0] != '\0' ? atoi (number) : 0;
  return TRUE;
}

/* The highest episode number in a multi-episode tail ("E02-E03", "-03", "-1x03"). */
static int
last_number (const char *tail)
{
  int last = 0;

  for (const char *p = tail; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) && (p == tail || !g_ascii_isdigit (p[-1])))
        {
          const char *q = p;

          while (g_ascii_isdigit (*q))
            q++;
          /* "1x03": the number before an x is a season. */
          if (*q != 'x' && *q != 'X')
            last = atoi (p);
        }
    }

  return last;
}

static gboolean
parse_episode_marker (const char *stem,
                      int        *season,
                      int        *episode,
                      int        *episode_end,
                      int        *marker_start,
                      int        *marker_end)
{
  Patterns *p = get_patterns ();
  GRegex *regexes[] = { p->sxxeyy, p->nxnn };

  for (guint i = 0; i < G_N_ELEMENTS (regexes); i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *s = NULL;
      g_autofree char *e = NULL;
      g_autofree char *tail = NULL;
      int whole_start, whole_end, s_start, s_end;

      if (!g_regex_match (regexes[i], stem, 0, &match))
        continue;

      s = g_match_info_fetch (match, 1);
      e = g_match_info_fetch (match, 2);
      tail = g_match_info_fetch (match, 3);
      g_match_info_fetch_pos (match, 0, &whole_start, &whole_end);
      g_match_info_fetch_pos (match, 1, &s_start, &s_end);

      *season = atoi (s);
      *episode = atoi (e);
      *episode_end = tail != NULL && tail[0] != '\0' ? last_number (tail) : 0;
      if (*episode_end <= *episode)
        *episode_end = 0;
      /* The marker starts at its 's' (or the season digits), not at the separator before it. */
      *marker_start = i == 0 ? s_start - 1 : s_start;
      while (*marker_start > whole_start && !g_ascii_isalnum (stem[*marker_start]))
        (*marker_start)++;
      *marker_end = whole_end;
      return TRUE;
    }

  return FALSE;
}

void
ssv_media_name_clear (SsvMediaName *name)
{
  g_clear_pointer (&name->title, g_free);
  g_clear_pointer (&name->episode_title, g_free);
  g_clear_pointer (&name->container, g_free);
  g_clear_pointer (&name->show_dir, g_free);
}

static char *
join_parts (char **parts,
            int    n)
{
  g_autoptr(GString) dir = g_string_new (NULL);

  for (int i = 0; i < n; i++)
    g_string_append_printf (dir, "%s%s", i ? "/" : "", parts[i]);

  return g_string_free (g_steal_pointer (&dir), FALSE);
}

static gboolean
similar_titles (const char *a,
                const char *b)
{
  g_autofree char *ka = ssv_media_name_key (a, 0);
  g_autofree char *kb = ssv_media_name_key (b, 0);

  return ka[0] != '\0' && kb[0] != '\0' && (g_str_has_prefix (ka, kb) || g_str_has_prefix (kb, ka));
}

/**
 * ssv_media_name_parse:
 * @relative_path: the file's path below the folder source, '/'-separated
 *
 * Understands "Title (Year)/Title (Year).mkv", "Title.Year.1080p…",
 * "Show/Season 01/Show - S01E02 - Name.mkv", scene names
 * "Show.S01E02.1080p.WEB-DL…", "1x02", multi-episode files (S01E01E02,
 * S01E01-E02, 1x01-02) and season folders with bare episode numbers.
 *
 * Returns: %FALSE when the path is not a video or names nothing usable
 */
gboolean
ssv_media_name_parse (const char   *relative_path,
                      SsvMediaName *name)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *file_show = NULL;
  const char *file;
  const char *dot;
  guint n;
  int season = -1, episode = -1, episode_end = 0, marker_start = 0, marker_end = 0;
  int dir_season = -1;
  int show_dir_index = -1;

  g_return_val_if_fail (relative_path != NULL, FALSE);
  memset (name, 0, sizeof *name);

  parts = g_strsplit (relative_path, "/", -1);
  n = g_strv_length (parts);
  if (n == 0)
    return FALSE;

  file = parts[n - 1];
  if (!ssv_media_name_is_video (file))
    return FALSE;

  dot = strrchr (file, '.');
  stem = g_strndup (file, dot - file);
  name->container = g_ascii_strdown (dot + 1, -1);

  /* The nearest season folder, and the show folder above it. */
  if (n >= 2 && match_season_dir (parts[n - 2], &dir_season))
    show_dir_index = n >= 3 ? (int) n - 3 : -1;
  else if (n >= 2)
    {
      int ignored_season, ignored_episode, ignored_end, ignored_start, ignored_stop;

      /* A release folder named like the episode is not the show's folder. */
      if (!parse_episode_marker (parts[n - 2], &ignored_season, &ignored_episode,
                                 &ignored_end, &ignored_start, &ignored_stop))
        show_dir_index = (int) n - 2;
      else if (n >= 3)
        {
          if (match_season_dir (parts[n - 3], &dir_season))
            show_dir_index = n >= 4 ? (int) n - 4 : -1;
          else
            show_dir_index = (int) n - 3;
        }
    }

  if (parse_episode_marker (stem, &season, &episode, &episode_end, &marker_start, &marker_end))
    {
      g_autofree char *head = g_strndup (stem, marker_start);
      int year = 0;

      file_show = split_title_year (head, &year);
      name->year = year;
      name->episode_title = clean_episode_title (stem + marker_end);
    }
  else if (dir_season >= 0)
    {
      Patterns *p = get_patterns ();
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *number = NULL;
      int s, e;

      /* "Show/Season 2/05 - Name.mkv" */
      if (!g_regex_match (p->leading_number, stem, 0, &match))
        goto movie;

      number = g_match_info_fetch (match, 1);
      g_match_info_fetch_pos (match, 0, &s, &e);
      season = dir_season;
      episode = atoi (number);
      name->episode_title = clean_episode_title (stem + e);
    }
  else
    goto movie;

  name->kind = SSV_MEDIA_KIND_EPISODE;
  name->season = season;
  name->episode = episode;
  name->episode_end = episode_end;

  /* The show's folder names it best, unless it is some unrelated folder the
   * file sits in ("Downloads"); then the file's own name wins. */
  if (show_dir_index >= 0)
    {
      int dir_year = 0;
      g_autofree char *dir_title = split_title_year (parts[show_dir_index], &dir_year);

      if (dir_title != NULL && (file_show == NULL || similar_titles (dir_title, file_show)))
        {
          g_clear_pointer (&file_show, g_free);
          file_show = g_steal_pointer (&dir_title);
          if (dir_year > 0)
            name->year = dir_year;
          name->show_dir = join_parts (parts, show_dir_index + 1);
        }
    }

  if (file_show == NULL)
    {
      ssv_media_name_clear (name);
      return FALSE;
    }

  name->title = g_steal_pointer (&file_show);
  return TRUE;

movie:
  {
    g_autofree char *whole = strip_part (stem);
    g_autofree char *title = NULL;
    int year = 0;

    title = split_title_year (whole, &year);

    /* "Title (Year)/movie.mkv" or a file without a year in a folder with one. */
    if (n >= 2)
      {
        int dir_year = 0;
        g_autofree char *dir_title = split_title_year (parts[n - 2], &dir_year);

        if (dir_title != NULL && dir_year > 0 && (year == 0 || title == NULL))
          {
            g_free (title);
            title = g_steal_pointer (&dir_title);
            year = dir_year;
          }
      }

    if (title == NULL)
      {
        ssv_media_name_clear (name);
        return FALSE;
      }

    name->kind = SSV_MEDIA_KIND_MOVIE;
    name->title = g_steal_pointer (&title);
    name->year = year;
    return TRUE;
  }
}
