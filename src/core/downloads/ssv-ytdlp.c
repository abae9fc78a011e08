/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-ytdlp.c: what yt-dlp is told and what it says. */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "downloads/ssv-ytdlp.h"

#define MAX_COMPONENT_BYTES 200

GStrv
ssv_ytdlp_build_args (const SsvYtdlpJob *job)
{
  g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
  g_autofree char *output = g_strdup_printf ("%s/%s.%%(ext)s", job->staging_dir, job->video_id);
  g_autofree char *format = NULL;

  /* Nothing from the person's own yt-dlp configuration changes what we get. */
  g_strv_builder_add_many (args, "--ignore-config", "--no-cache-dir", "--no-playlist", "--no-mtime",
                           "--newline", "--progress", "--socket-timeout", "30", "--retries", "3", NULL);
  g_strv_builder_add_many (args, "--progress-template",
                           "download:" SSV_YTDLP_PROGRESS_PREFIX " %(progress.downloaded_bytes)s"
                           " %(progress.total_bytes)s %(progress.total_bytes_estimate)s", NULL);

  /* "?" lets a format whose height nobody knows through (a plain file). */
  if (job->max_height > 0)
    format = g_strdup_printf ("bv*[height<=?%d]+ba/b[height<=?%d]/bv*+ba/b", job->max_height, job->max_height);
  else
    format = g_strdup ("bv*+ba/b");
  g_strv_builder_add_many (args, "-f", format, NULL);

  if (job->codec != NULL && g_strcmp0 (job->codec, "any") != 0)
    {
      g_autofree char *sort = g_strdup_printf ("vcodec:%s", job->codec);

      g_strv_builder_add_many (args, "-S", sort, NULL);
    }

  if (job->sponsorblock_chapters)
    {
      g_strv_builder_add_many (args, "--sponsorblock-mark", "all", NULL);
      if (job->sponsorblock_api != NULL)
        g_strv_builder_add_many (args, "--sponsorblock-api", job->sponsorblock_api, NULL);
    }

  g_strv_builder_add_many (args, "-o", output, "--", job->url, NULL);
  return g_strv_builder_end (args);
}

static gboolean
read_number (const char  *word,
             double      *value)
{
  char *end = NULL;

  if (word == NULL || g_strcmp0 (word, "NA") == 0 || g_strcmp0 (word, "None") == 0)
    return FALSE;

  *value = g_ascii_strtod (word, &end);
  return end != word && *end == '\0' && *value >= 0;
}

gboolean
ssv_ytdlp_parse_progress (const char *line,
                          double     *fraction)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *trimmed = NULL;
  double done, total;

  if (line == NULL || !g_str_has_prefix (line, SSV_YTDLP_PROGRESS_PREFIX " "))
    return FALSE;

  trimmed = g_strstrip (g_strdup (line));
  words = g_strsplit (trimmed, " ", 5);
  if (g_strv_length (words) < 4 || !read_number (words[1], &done))
    return FALSE;

  /* The total, or yt-dlp's estimate of it. */
  if (!(read_number (words[2], &total) && total > 0) && !(read_number (words[3], &total) && total > 0))
    return FALSE;

  *fraction = CLAMP (done / total, 0.0, 1.0);
  return TRUE;
}

char *
ssv_ytdlp_safe_component (const char *text)
{
  g_autoptr(GString) safe = g_string_new (NULL);
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL))
        g_string_append_c (safe, c == ':' ? '-' : '_');
      else
        g_string_append_unichar (safe, c);
    }

  /* Leading and trailing dots and spaces hide files or upset Windows shares. */
  while (safe->len > 0 && (safe->str[safe->len - 1] == ' ' || safe->str[safe->len - 1] == '.'))
    g_string_truncate (safe, safe->len - 1);
  while (safe->len > 0 && (safe->str[0] == ' ' || safe->str[0] == '.'))
    g_string_erase (safe, 0, 1);

  if (safe->len > MAX_COMPONENT_BYTES)
    {
      const char *end = safe->str + MAX_COMPONENT_BYTES;

      /* Cut at a character boundary. */
      while (end > safe->str && (*end & 0xC0) == 0x80)
        end--;
      g_string_truncate (safe, end - safe->str);
    }

  if (safe->len == 0)
    g_string_assign (safe, "_");

  return g_string_free (g_steal_pointer (&safe), FALSE);
}

GFile *
ssv_ytdlp_target_file (GFile       *root,
                       const char  *channel,
                       const char  *title,
                       gint64       published,
                       gint64       fallback,
                       const char  *extension,
                       GError     **error)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (published > 0 ? published : fallback);
  g_autofree char *safe_channel = ssv_ytdlp_safe_component (channel && channel[0] ? channel : _("Unknown channel"));
  g_autofree char *safe_ext = ssv_ytdlp_safe_component (extension && extension[0] ? extension : "mkv");
  g_autofree char *season = NULL;
  g_autofree char *name = NULL;
  g_autofree char *safe_name = NULL;
  g_autoptr(GFile) file = NULL;

  if (when == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("The video has no usable date."));
      return NULL;
    }

  season = g_strdup_printf ("Season %d", g_date_time_get_year (when));
  name = g_strdup_printf ("%s - s%de%02d%02d - %s", safe_channel, g_date_time_get_year (when),
                          g_date_time_get_month (when), g_date_time_get_day_of_month (when),
                          title && title[0] ? title : "video");
  safe_name = ssv_ytdlp_safe_component (name);
  {
    g_autofree char *with_ext = g_strconcat (safe_name, ".", safe_ext, NULL);
    g_autoptr(GFile) channel_dir = g_file_get_child (root, safe_channel);
    g_autoptr(GFile) season_dir = g_file_get_child (channel_dir, season);

    file = g_file_get_child (season_dir, with_ext);
  }

  /* Whatever the names said, the file lies under the root. */
  if (!g_file_has_prefix (file, root))
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_REFUSED, _("The video’s name would take it out of the download folder."));
      return NULL;
    }

  return g_steal_pointer (&file);
}

char *
ssv_ytdlp_find_program (void)
{
  g_autofree char *in_prefix = g_build_filename (BINDIR, "yt-dlp", NULL);
  char *found = g_find_program_in_path ("yt-dlp");

  if (found != NULL)
    return found;

  if (g_file_test (in_prefix, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&in_prefix);

  return NULL;
}
