/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-media-name.c: what a video file's path says it is: the release parser reads the name,
 * this adds what the folder layout says (show and season folders, "Title (Year)/", extras). */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ssv-media-name.h"
#include "ssv-release.h"

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

static gpointer
compile_season_dir (gpointer data)
{
  return g_regex_new ("^(?:season|series|staffel|saison|temporada|s)[ ._-]*(\\d{1,4})$|^(specials?)$",
                      G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
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
  static GOnce once = G_ONCE_INIT;
  GRegex *season_dir = g_once (&once, compile_season_dir, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;

  if (!g_regex_match (season_dir, dir, 0, &match))
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

/* A folder someone named ("Breaking Bad", "The Office (US)") is the title as
 * written; a release or "Title (Year)" folder is read like a file name. */
static char *
folder_title (const char *dir,
              int        *year)
{
  SsvRelease release;

  *year = 0;
  if (!ssv_release_parse (dir, &release))
    {
      g_autofree char *plain = g_strstrip (g_strdup (dir));
      return plain[0] != '\0' ? g_steal_pointer (&plain) : NULL;
    }

  *year = release.year;
  return title_of (&release);
}

/* "Dark.S01E01.Secrets.1080p.NF.WEB-DL": the download's folder, not the show's. */
static gboolean
is_episode_release (const char *dir)
{
  SsvRelease release;

  return ssv_release_parse (dir, &release) && release.type == SSV_RELEASE_TYPE_EPISODE &&
         release.title[0] != '\0' &&
         (release.n_episodes > 0 || release.n_seasons > 0 || release.air_year > 0);
}

/* "03 - Name.mkv", "E05.mkv", "Episode 5 - Name.mkv": files in a season folder
 * named by their number. Returns the number, or -1. */
static int
leading_episode_number (const char *file)
{
  const char *p = file;
  int number = 0;
  int digits = 0;

  if (g_ascii_strncasecmp (p, "episode", 7) == 0)
    p += 7;
  else if (g_ascii_strncasecmp (p, "ep", 2) == 0)
    p += 2;
  else if (g_ascii_tolower (*p) == 'e')
    p += 1;
  while (*p == ' ' || *p == '.' || *p == '_' || *p == '-')
    p++;

  for (; g_ascii_isdigit (*p) && digits < 4; p++, digits++)
    number = number * 10 + (*p - '0');

  if (digits == 0 || digits > 3)
    return -1;
  /* The number ends at a separator or at the extension ("1x02" is not one). */
  if (*p != ' ' && *p != '_' && *p != '-' && *p != '.')
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

/* "Title (Year)/movie.mkv", or a file without a year in a folder with one. */
static gboolean
parse_movie (char             **parts,
             guint              n,
             const SsvRelease  *release,
             SsvMediaName      *name)
{
  g_autofree char *title = title_of (release);
  int year = release->year;

  if (n >= 2)
    {
      int dir_year = 0;
      g_autofree char *dir_title = folder_title (parts[n - 2], &dir_year);

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

/**
 * ssv_media_name_parse:
 * @relative_path: the file's path below the folder source, '/'-separated
 *
 * What the file name says comes from the release parser (scene names,
 * multi-episode files, 1x02, anime absolute numbers, daily shows); this adds
 * what only the folders know: "Show/Season 01/01 - Name.mkv" takes its show
 * from the folder above the season folder, "Title (Year)/movie.mkv" its title
 * from the folder, and a release folder named like the episode is passed over.
 *
 * Returns: %FALSE when the path is not a video or names nothing usable
 */
gboolean
ssv_media_name_parse (const char   *relative_path,
                      SsvMediaName *name)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *file_show = NULL;
  SsvRelease release;
  const char *file;
  const char *dot;
  guint n;
  int dir_season = -1;
  int show_dir_index = -1;
  int leading;

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
  name->container = g_ascii_strdown (dot + 1, -1);

  /* The nearest season folder, and the show folder above it. */
  if (n >= 2 && match_season_dir (parts[n - 2], &dir_season))
    show_dir_index = n >= 3 ? (int) n - 3 : -1;
  else if (n >= 2)
    {
      /* A release folder named like the episode is not the show's folder. */
      if (!is_episode_release (parts[n - 2]))
        show_dir_index = (int) n - 2;
      else if (n >= 3)
        {
          if (match_season_dir (parts[n - 3], &dir_season))
            show_dir_index = n >= 4 ? (int) n - 4 : -1;
          else
            show_dir_index = (int) n - 3;
        }
    }

  ssv_release_parse (file, &release);
  /* Only a season folder makes a bare leading number an episode number. */
  leading = dir_season >= 0 && release.n_seasons == 0 ? leading_episode_number (file) : -1;

  if (release.type == SSV_RELEASE_TYPE_EPISODE && release.n_seasons > 0 && release.n_episodes > 0)
    {
      name->season = release.seasons[0];
      name->episode = release.episodes[0];
      name->episode_end = release.episodes[release.n_episodes - 1];
    }
  else if (release.type == SSV_RELEASE_TYPE_EPISODE && release.air_year > 0)
    {
      /* A daily show: the air date's year is the season, its day the episode. */
      name->season = release.air_year;
      name->episode = release.air_month * 100 + release.air_day;
      name->air_date = g_strdup_printf ("%04u-%02u-%02u", release.air_year, release.air_month, release.air_day);
      if (release.year == release.air_year)
        release.year = 0;
    }
  else if (leading >= 0)
    {
      name->season = dir_season;
      name->episode = leading;
    }
  else if (release.type == SSV_RELEASE_TYPE_EPISODE && release.n_absolute > 0)
    {
      /* Anime numbers count through the show: season 1, or the season folder's. */
      name->season = dir_season >= 0 ? dir_season : 1;
      name->episode = release.absolute[0];
      name->episode_end = release.absolute[release.n_absolute - 1];
    }
  else
    return parse_movie (parts, n, &release, name);

  if (name->episode_end <= name->episode)
    name->episode_end = 0;
  name->kind = SSV_MEDIA_KIND_EPISODE;

  /* "Season 2/03 - Name.mkv": the words after the number name the episode. */
  if (leading >= 0)
    {
      if (release.episode_title[0] != '\0')
        name->episode_title = g_strdup (release.episode_title);
      else if (has_letters (release.title))
        name->episode_title = g_strdup (release.title);
      release.year = 0;
    }
  else
    {
      file_show = title_of (&release);
      name->episode_title = release.episode_title[0] ? g_strdup (release.episode_title) : NULL;
    }
  name->year = release.year;

  /* The show's folder names it best, unless it is some unrelated folder the
   * file sits in ("Downloads"); then the file's own name wins. */
  if (show_dir_index >= 0)
    {
      int dir_year = 0;
      g_autofree char *dir_title = folder_title (parts[show_dir_index], &dir_year);

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
}
