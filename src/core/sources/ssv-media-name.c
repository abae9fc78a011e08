/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-media-name.c: what a video file's path says it is: the release parser reads the name,
 * this adds what the folder layout says (show and season folders, "Title (Year)/", extras). */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sources/ssv-media-name.h"
#include "downloads/ssv-release.h"

/* A plain word put where a known title stands, so the release parser cannot
 * read the title's numbers as episode numbers ("The 100", "Catch-22", "24"). */
#define TITLE_STAND_IN    "Show"
/* The same for an episode title that starts with a number ("S01E04 - 22"). */
#define EPISODE_STAND_IN  "Title"

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

enum {
  REGEX_SEASON_DIR,
  REGEX_EPISODE_MARK,
  REGEX_BRACKET_YEAR,
  REGEX_NUMBERED_EPISODE_TITLE,
  REGEX_WRITTEN_EPISODE_TITLE,
  N_REGEXES
};

static const char * const patterns[N_REGEXES] = {
  [REGEX_SEASON_DIR] = "^(?:season|series|staffel|saison|temporada|s)[ ._-]*(\\d{1,4})$|^(specials?)$",
  /* Where the episode part of a name starts: S01E02, S01, 1x02, Season 1, a date. */
  [REGEX_EPISODE_MARK] = "(?:^|[ ._\\-\\[(])(s\\d{1,4}[ ._-]?e\\d{1,4}|s\\d{1,4}(?=$|[ ._\\-\\])])|"
                         "\\d{1,2}x\\d{1,3}(?!\\d)|season[ ._-]?\\d{1,4}|(?:19|20)\\d\\d[ ._-]\\d\\d[ ._-]\\d\\d)",
  [REGEX_BRACKET_YEAR] = "[(\\[]((?:18|19|20)\\d\\d)[)\\]]",
  /* "S01E04 - 22": an episode title that starts with a number. */
  [REGEX_NUMBERED_EPISODE_TITLE] = "(?:s\\d{1,4}e\\d{1,4}(?:-?e\\d{1,4})*|(?<!\\d)\\d{1,2}x\\d{1,3})"
                                   " - (?=\\d)",
  /* "Show - S01E02 - Name.mkv", "Show - 1x02 - Name.mkv", "Show - 2024-03-14 - Name.mkv". */
  [REGEX_WRITTEN_EPISODE_TITLE] = " - (?:s\\d{1,4}e\\d{1,4}(?:-?e\\d{1,4})*|\\d{1,2}x\\d{1,3}|"
                                  "(?:19|20)\\d\\d-\\d\\d-\\d\\d) - (.+)\\.[^.]+$",
};

static gpointer
compile_regexes (gpointer data)
{
  GRegex **regexes = g_new0 (GRegex *, N_REGEXES);

  for (guint i = 0; i < N_REGEXES; i++)
    regexes[i] = g_regex_new (patterns[i], G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);

  return regexes;
}

static GRegex *
regex (guint which)
{
  static GOnce once = G_ONCE_INIT;
  GRegex **regexes = g_once (&once, compile_regexes, NULL);

  return regexes[which];
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

/* "Season 2", "S02", "Staffel 2", "Specials" (season 0). */
static gboolean
match_season_dir (const char *dir,
                  int        *season)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;

  if (!g_regex_match (regex (REGEX_SEASON_DIR), dir, 0, &match))
    return FALSE;

  number = g_match_info_fetch (match, 1);
  *season = number != NULL && number[0] != '\0' ? atoi (number) : 0;
  return TRUE;
}

/* The title as people write it: "The Office" from the US is "The Office (US)". */
static char *
title_of (const SsvRelease *release)
{
  if (release->title[0] == '\0')
    return NULL;
  if (release->country[0] != '\0')
    return g_strdup_printf ("%s (%s)", release->title, release->country);
  return g_strdup (release->title);
}

/* Where @title ends at the start of @text, compared as keys (case and
 * punctuation do not matter) and ending where a word ends: "The 100" starts
 * "The.100.S01E02.mkv" but not "The.1000.mkv". Returns -1 when it does not. */
static int
title_end_in (const char *text,
              const char *title)
{
  g_autofree char *key = ssv_media_name_key (title, 0);
  const char *k = key;
  const char *p = text;

  if (*k == '\0')
    return -1;

  while (*p != '\0' && *k != '\0')
    {
      const char *next = g_utf8_next_char (p);

      if (g_unichar_isalnum (g_utf8_get_char (p)))
        {
          g_autofree char *folded = g_utf8_casefold (p, next - p);
          gsize len = strlen (folded);

          if (strncmp (k, folded, len) != 0)
            return -1;
          k += len;
        }
      p = next;
    }

  if (*k != '\0' || (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p))))
    return -1;

  return (int) (p - text);
}

/* "Doctor.Who.2005" → "Doctor Who", but "S.W.A.T." and "11.22.63" keep their dots. */
static char *
undot (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize len = strlen (text);

  for (gsize i = 0; i < len; i++)
    {
      gboolean single_before = i >= 1 && g_ascii_isalpha (text[i - 1]) &&
                               (i == 1 || !g_ascii_isalnum (text[i - 2]));
      gboolean single_after = i + 1 < len && g_ascii_isalpha (text[i + 1]) &&
                              (i + 2 >= len || !g_ascii_isalnum (text[i + 2]));
      gboolean digits = i >= 1 && i + 1 < len && g_ascii_isdigit (text[i - 1]) && g_ascii_isdigit (text[i + 1]);

      if (text[i] == '_' || (text[i] == '.' && !digits && !(single_before && single_after) &&
                             !(single_before && i + 1 == len)))
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, text[i]);
    }

  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

/* "Show [tvdbid-12345]", "Name {imdb-tt0123456}", "Name [1080p]": tags at the
 * end of a title, not part of it. */
static void
strip_tags (char *text)
{
  gsize len = strlen (text);

  while (len > 0 && (text[len - 1] == ']' || text[len - 1] == '}'))
    {
      char *open = g_utf8_strrchr (text, len, text[len - 1] == ']' ? '[' : '{');

      if (open == NULL || open == text)
        break;
      len = open - text;
      while (len > 0 && text[len - 1] == ' ')
        len--;
    }
  text[len] = '\0';
}

/* Whether the parser found a quality in the name ("WEBDL-1080p", "x264"), not
 * only guessed one. */
static gboolean
names_quality (const SsvRelease *release)
{
  return (release->resolution > 0 && !(release->flags & SSV_RELEASE_FLAG_RES_GUESSED)) ||
         (release->source != SSV_RELEASE_SOURCE_UNKNOWN && !(release->flags & SSV_RELEASE_FLAG_SOURCE_GUESSED)) ||
         release->video_codec != SSV_RELEASE_CODEC_NONE || release->n_audio > 0;
}

/* Whether the parser's title for a release-style name is the whole title: what
 * follows it in the name is the year or a word, never a number it dropped
 * ("The.100" is not "The" with episode 100). */
static gboolean
parsed_title_is_whole (const char       *text,
                       const SsvRelease *release)
{
  g_autofree char *title = title_of (release);
  g_autofree char *year = release->year > 0 ? g_strdup_printf ("%u", (guint) release->year) : NULL;
  int end;

  if (title == NULL || (end = title_end_in (text, title)) < 0)
    return FALSE;

  while (text[end] != '\0' && !g_unichar_isalnum (g_utf8_get_char (text + end)))
    end = (int) (g_utf8_next_char (text + end) - text);

  return !g_ascii_isdigit (text[end]) || (year != NULL && g_str_has_prefix (text + end, year));
}

/* A title as a person wrote it, in a folder's name or before the episode
 * part of a file's: "The 100", "Catch-22", "9-1-1" and "Mr. Robot" are kept as
 * written; a year in brackets is the year, and what follows it ("[1080p]",
 * "{tvdb-12345}") is not the title. A release-style name ("Doctor.Who.2005",
 * "Breaking Bad 1080p BluRay") is read by the release parser when it keeps the
 * whole title. */
static char *
clean_title (const char *written,
             int        *year)
{
  g_autofree char *text = g_strstrip (g_strdup (written));
  g_autoptr(GMatchInfo) match = NULL;
  gboolean dotted = strchr (text, ' ') == NULL && strpbrk (text, "._") != NULL;
  SsvRelease release;
  int start;

  *year = 0;
  ssv_release_parse (text, &release);
  if ((dotted || names_quality (&release)) && parsed_title_is_whole (text, &release))
    {
      *year = release.year;
      return title_of (&release);
    }
  if (dotted)
    {
      g_free (text);
      text = undot (written);
    }

  if (g_regex_match (regex (REGEX_BRACKET_YEAR), text, 0, &match) &&
      g_match_info_fetch_pos (match, 0, &start, NULL) && start > 0)
    {
      g_autofree char *number = g_match_info_fetch (match, 1);

      *year = atoi (number);
      text[start] = '\0';
    }
  else
    strip_tags (text);

  g_strchomp (text);
  while (g_str_has_suffix (text, " -"))
    {
      text[strlen (text) - 2] = '\0';
      g_strchomp (text);
    }

  if (text[0] == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

/* "Dark.S01E01.Secrets.1080p.NF.WEB-DL": the download's folder, not the show's.
 * Only a name with an episode part is one ("The 100" and "Catch-22" are shows). */
static gboolean
is_episode_release (const char *dir)
{
  SsvRelease release;

  return g_regex_match (regex (REGEX_EPISODE_MARK), dir, 0, NULL) &&
         ssv_release_parse (dir, &release) && release.type == SSV_RELEASE_TYPE_EPISODE &&
         release.title[0] != '\0' &&
         (release.n_episodes > 0 || release.n_seasons > 0 || release.air_year > 0);
}

/* Reads @file with the span [@start, @end) (a title known to be there) in plain
 * words, and an episode title that starts with a number behind a word, so
 * neither is read as episode numbers. Returns whether the stand-in came back as
 * the whole title, which confirms the span was the title. */
static gboolean
parse_release (const char *file,
               int         start,
               int         end,
               SsvRelease *release)
{
  g_autoptr(GString) text = g_string_new (file);
  g_autoptr(GMatchInfo) match = NULL;
  gboolean shielded = FALSE;
  int at;

  if (end > start)
    {
      g_string_erase (text, start, end - start);
      g_string_insert (text, start, TITLE_STAND_IN);
    }
  if (g_regex_match (regex (REGEX_NUMBERED_EPISODE_TITLE), text->str, 0, &match) &&
      g_match_info_fetch_pos (match, 0, NULL, &at))
    {
      g_string_insert (text, at, EPISODE_STAND_IN " ");
      shielded = TRUE;
    }

  ssv_release_parse (text->str, release);

  if (shielded && g_str_has_prefix (release->episode_title, EPISODE_STAND_IN))
    {
      const char *rest = release->episode_title + strlen (EPISODE_STAND_IN);

      while (*rest == ' ')
        rest++;
      memmove (release->episode_title, rest, strlen (rest) + 1);
    }

  return end <= start || g_str_equal (release->title, TITLE_STAND_IN);
}

/* Where the title in a file's name is, as a person wrote it: the words before
 * "S01E05", "1x05", a date or "(1968)". @written is set when " - " or a year in
 * brackets follows, the way people and library tools name files
 * ("24 - S01E05", "2001 - A Space Odyssey (1968)"), not release groups. */
static gboolean
written_title_span (const char *file,
                    int        *start,
                    int        *end,
                    gboolean   *written)
{
  g_autoptr(GMatchInfo) match = NULL;
  int mark = -1;

  *start = 0;
  *written = FALSE;
  if (g_regex_match (regex (REGEX_EPISODE_MARK), file, 0, &match))
    g_match_info_fetch_pos (match, 1, &mark, NULL);
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (regex (REGEX_BRACKET_YEAR), file, 0, &match))
    {
      int year_at;

      g_match_info_fetch_pos (match, 0, &year_at, NULL);
      if (year_at > 0 && (mark < 0 || year_at < mark))
        {
          mark = year_at;
          *written = TRUE;
        }
    }
  if (mark <= 0)
    return FALSE;

  /* A release group in front: "[Group] Show - S01E01". */
  while (file[*start] == '[' && strchr (file + *start, ']') != NULL &&
         strchr (file + *start, ']') - file < mark)
    {
      *start = (int) (strchr (file + *start, ']') - file) + 1;
      while (file[*start] == ' ' || file[*start] == '_')
        (*start)++;
    }

  *end = mark;
  while (*end > *start && strchr (" ._-", file[*end - 1]) != NULL)
    {
      if (file[*end - 1] == '-' && *end >= *start + 2 && file[*end - 2] == ' ')
        *written = TRUE;
      (*end)--;
    }

  return *end > *start;
}

/* The title the file's own name gives, when no folder confirms one: the
 * release parser's, unless the title as written says otherwise ("24 - S01E05"
 * is the show "24", which the parser reads as episodes 5 to 24). */
static char *
file_title (const char *file,
            SsvRelease *release,
            int        *year)
{
  g_autofree char *parsed = title_of (release);
  g_autofree char *span = NULL;
  g_autofree char *cleaned = NULL;
  g_autofree char *span_key = NULL;
  g_autofree char *parsed_key = NULL;
  SsvRelease again;
  gboolean written;
  int start, end;
  int span_year;

  *year = release->year;
  if (!written_title_span (file, &start, &end, &written))
    return g_steal_pointer (&parsed);

  span = g_strndup (file + start, end - start);
  cleaned = clean_title (span, &span_year);
  if (cleaned == NULL)
    return g_steal_pointer (&parsed);

  /* The parser read the same words: its reading stands (it splits a scene
   * name's year, "Doctor.Who.2005.S01E01"). */
  span_key = ssv_media_name_key (span, 0);
  parsed_key = ssv_media_name_key (parsed, 0);
  if (!written && parsed != NULL)
    {
      g_autofree char *with_year = g_strdup_printf ("%s%u", parsed_key, (guint) release->year);

      if (g_str_equal (span_key, parsed_key) || (release->year > 0 && g_str_equal (span_key, with_year)))
        return g_steal_pointer (&parsed);
    }

  if (!parse_release (file, start, end, &again))
    return g_steal_pointer (&parsed);

  *release = again;
  *year = span_year > 0 ? span_year : release->year;
  return g_steal_pointer (&cleaned);
}

/* The episode's title. A name written "Show - S01E02 - Name.mkv" without a
 * quality in it ends in the title as written: the release parser would read
 * "X-Men" as a release group and "1-23-45" or "Episode 1" as numbers. */
static char *
episode_title_of (const char       *file,
                  const SsvRelease *release)
{
  g_autoptr(GMatchInfo) match = NULL;

  if (!names_quality (release) &&
      g_regex_match (regex (REGEX_WRITTEN_EPISODE_TITLE), file, 0, &match))
    {
      g_autofree char *written = g_strstrip (g_match_info_fetch (match, 1));

      strip_tags (written);
      if (written[0] != '\0')
        return g_steal_pointer (&written);
    }

  return release->episode_title[0] != '\0' ? g_strdup (release->episode_title) : NULL;
}

/* "03 - Name.mkv", "E05.mkv", "Episode 5 - Name.mkv": files named by their
 * number. In a season folder any number at the start counts; straight in a
 * show's folder only "05 - Name" and "E05"/"Episode 5" do ("12 Angry Men.mkv"
 * is a film). Returns the number, or -1. */
static int
leading_episode_number (const char *file,
                        gboolean    in_season)
{
  const char *p = file;
  gboolean marked = TRUE;
  int number = 0;
  int digits = 0;

  if (g_ascii_strncasecmp (p, "episode", 7) == 0)
    p += 7;
  else if (g_ascii_strncasecmp (p, "ep", 2) == 0)
    p += 2;
  else if (g_ascii_tolower (*p) == 'e')
    p += 1;
  else
    marked = FALSE;
  while (*p == ' ' || *p == '.' || *p == '_' || *p == '-')
    p++;

  for (; g_ascii_isdigit (*p) && digits < 4; p++, digits++)
    number = number * 10 + (*p - '0');

  if (digits == 0 || digits > 3)
    return -1;
  /* The number ends at a separator or at the extension ("1x02" is not one). */
  if (*p != ' ' && *p != '_' && *p != '-' && *p != '.')
    return -1;
  if (!in_season && !marked && !g_str_has_prefix (p, " - ") && !g_str_has_prefix (p, ". "))
    return -1;

  return number;
}

static gboolean
has_letters (const char *text)
{
  for (; *text != '\0'; text++)
    if (g_ascii_isalpha (*text) || (guchar) *text >= 0x80)
      return TRUE;
  return FALSE;
}

void
ssv_media_name_clear (SsvMediaName *name)
{
  g_clear_pointer (&name->title, g_free);
  g_clear_pointer (&name->episode_title, g_free);
  g_clear_pointer (&name->air_date, g_free);
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

/* The nearest season folder, and the show's folder above it. A folder named
 * like a season whose name starts the file's ("Series 10/Series 10 - S01E01.mkv")
 * is the show's own folder. */
static void
find_folders (char       **parts,
              int          n,
              int         *dir_season,
              int         *show_dir)
{
  const char *file = parts[n - 1];

  *dir_season = -1;
  *show_dir = -1;
  if (n < 2)
    return;

  if (match_season_dir (parts[n - 2], dir_season) && title_end_in (file, parts[n - 2]) < 0)
    *show_dir = n - 3;
  else if (!is_episode_release (parts[n - 2]))
    {
      *dir_season = -1;
      *show_dir = n - 2;
    }
  else
    {
      /* A release folder named like the episode is not the show's folder. */
      *dir_season = -1;
      if (n >= 3 && match_season_dir (parts[n - 3], dir_season))
        *show_dir = n - 4;
      else
        *show_dir = n - 3;
    }
}

/* "Title (Year)/movie.mkv": the folder names the film when the file's name
 * starts with its title, has no year or the same one, or names nothing. */
static gboolean
parse_movie (const char        *folder,
             int                folder_year,
             gboolean           confirmed,
             char              *file_show,
             int                file_year,
             SsvMediaName      *name)
{
  g_autofree char *title = file_show;
  int year = file_year;

  if (folder != NULL &&
      (confirmed || (folder_year > 0 && (year == 0 || year == folder_year || title == NULL))))
    {
      g_free (title);
      title = g_strdup (folder);
      year = folder_year > 0 ? folder_year : year;
      name->title_from_folder = TRUE;
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

/* The numbers: SxxEyy, a daily show's date, a number in a season folder or
 * at the start of a name in a show's folder, an anime's absolute number. */
static gboolean
read_numbers (const char       *file,
              const SsvRelease *release,
              int               dir_season,
              gboolean          in_show_dir,
              SsvMediaName     *name,
              int              *leading)
{
  *leading = -1;
  /* Only a season or show folder makes a bare leading number an episode number. */
  if (release->n_seasons == 0 && release->air_year == 0 &&
      (dir_season >= 0 || (in_show_dir && release->year == 0)))
    *leading = leading_episode_number (file, dir_season >= 0);

  if (release->type == SSV_RELEASE_TYPE_EPISODE && release->n_seasons > 0 && release->n_episodes > 0)
    {
      name->season = release->seasons[0];
      name->episode = release->episodes[0];
      name->episode_end = release->episodes[release->n_episodes - 1];
    }
  else if (release->type == SSV_RELEASE_TYPE_EPISODE && release->air_year > 0)
    {
      /* A daily show: the air date's year is the season, its day the episode. */
      name->season = release->air_year;
      name->episode = release->air_month * 100 + release->air_day;
      name->air_date = g_strdup_printf ("%04u-%02u-%02u", release->air_year, release->air_month, release->air_day);
    }
  else if (*leading >= 0)
    {
      /* Straight in the show's folder: its first season. */
      name->season = dir_season >= 0 ? dir_season : 1;
      name->episode = *leading;
    }
  else if (release->type == SSV_RELEASE_TYPE_EPISODE && release->n_absolute > 0)
    {
      /* Anime numbers count through the show: season 1, or the season folder's. */
      name->season = dir_season >= 0 ? dir_season : 1;
      name->episode = release->absolute[0];
      name->episode_end = release->absolute[release->n_absolute - 1];
    }
  else
    return FALSE;

  if (name->episode_end <= name->episode)
    name->episode_end = 0;
  name->part = release->part;
  name->kind = SSV_MEDIA_KIND_EPISODE;
  return TRUE;
}

/**
 * ssv_media_name_parse:
 * @relative_path: the file's path below the folder source, '/'-separated
 *
 * What the file name says comes from the release parser (scene names,
 * multi-episode files, 1x02, anime absolute numbers, daily shows); this adds
 * what only the folders know. The show's folder ("Show/Season 01/…", or
 * "Show/…" when the file's name starts with the folder's) names the show as
 * written, numbers and punctuation kept ("The 100", "Catch-22", "9-1-1"); the
 * file's name only confirms it. "Title (Year)/movie.mkv" takes its title from
 * the folder, and a release folder named like the episode is passed over.
 *
 * Returns: %FALSE when the path is not a video or names nothing usable
 */
gboolean
ssv_media_name_parse (const char   *relative_path,
                      SsvMediaName *name)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *file_show = NULL;
  SsvRelease release;
  const char *file;
  const char *dot;
  gboolean confirmed = FALSE;
  int n;
  int dir_season;
  int show_dir;
  int folder_year = 0;
  int file_year = 0;
  int year;
  int leading;

  g_return_val_if_fail (relative_path != NULL, FALSE);
  memset (name, 0, sizeof *name);

  parts = g_strsplit (relative_path, "/", -1);
  n = (int) g_strv_length (parts);
  if (n == 0)
    return FALSE;

  file = parts[n - 1];
  if (!ssv_media_name_is_video (file))
    return FALSE;

  dot = strrchr (file, '.');
  name->container = g_ascii_strdown (dot + 1, -1);

  find_folders (parts, n, &dir_season, &show_dir);
  if (show_dir >= 0)
    folder = clean_title (parts[show_dir], &folder_year);

  /* The file's name starts with the folder's title: read it with the title set aside. */
  if (folder != NULL)
    {
      int end = title_end_in (file, folder);

      confirmed = end > 0 && parse_release (file, 0, end, &release);
      file_year = release.year;
    }
  if (!confirmed)
    {
      parse_release (file, 0, 0, &release);
      file_show = file_title (file, &release, &file_year);
    }

  if (!read_numbers (file, &release, dir_season, show_dir == n - 2, name, &leading))
    return parse_movie (show_dir == n - 2 ? folder : NULL, folder_year, confirmed,
                        g_steal_pointer (&file_show), file_year, name);

  year = file_year;
  if (name->air_date != NULL && year == (int) release.air_year)
    year = 0;

  /* "Season 2/03 - Name.mkv": the words after the number name the episode. */
  if (leading >= 0)
    {
      if (release.episode_title[0] != '\0')
        name->episode_title = g_strdup (release.episode_title);
      else if (has_letters (release.title))
        name->episode_title = g_strdup (release.title);
      g_clear_pointer (&file_show, g_free);
      year = 0;
    }
  else
    name->episode_title = episode_title_of (file, &release);
  name->year = year;

  /* The show's folder names it, unless it is some unrelated folder the file
   * sits in ("Downloads"); then the file's own name wins. */
  if (folder != NULL &&
      (confirmed || dir_season >= 0 || file_show == NULL || similar_titles (folder, file_show)))
    {
      g_clear_pointer (&file_show, g_free);
      file_show = g_steal_pointer (&folder);
      if (folder_year > 0)
        name->year = folder_year;
      name->show_dir = join_parts (parts, show_dir + 1);
      name->title_from_folder = TRUE;
    }

  if (file_show == NULL)
    {
      ssv_media_name_clear (name);
      return FALSE;
    }

  name->title = g_steal_pointer (&file_show);
  return TRUE;
}
