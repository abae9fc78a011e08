/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-import-plan.c: decides, file by file, what a finished download imports and why not. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "downloads/ssv-import-plan.h"
#include "downloads/ssv-naming.h"
#include "downloads/ssv-release-hit.h"

static void
entry_free (SsvImportEntry *entry)
{
  g_free (entry->source);
  g_free (entry->destination);
  g_free (entry->reason);
  g_free (entry);
}

void
ssv_import_plan_free (SsvImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->entries, g_ptr_array_unref);
  g_free (plan->reason);
  g_free (plan);
}

static const char *
extension_of (const char *name)
{
  const char *base = strrchr (name, '/');
  const char *dot = strrchr (base != NULL ? base + 1 : name, '.');

  return dot != NULL ? dot + 1 : "";
}

/* The file name without its folders and its extension. */
static char *
stem_of (const char *path)
{
  const char *base = strrchr (path, '/');
  const char *ext = extension_of (path);

  base = base != NULL ? base + 1 : path;
  return g_strndup (base, *ext != '\0' ? (gsize) (ext - 1 - base) : strlen (base));
}

static char *
folder_of (const char *path)
{
  const char *slash = strrchr (path, '/');

  return slash != NULL ? g_strndup (path, slash - path) : g_strdup ("");
}

gboolean
ssv_import_is_subtitle (const char *name)
{
  static const char * const subtitles[] = { "srt", "ass", "ssa", "sub", "idx", "vtt", "sup", NULL };
  const char *ext = extension_of (name);

  for (guint i = 0; subtitles[i] != NULL; i++)
    if (g_ascii_strcasecmp (ext, subtitles[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Trailers, featurettes and the like: by their folder (as Plex and Jellyfin
 * name them) or by a Plex suffix on the file. */
static gboolean
is_extra (const char *path)
{
  static const char * const folders[] = {
    "extras", "extra", "featurettes", "behind the scenes", "deleted scenes", "interviews",
    "scenes", "shorts", "trailers", "bonus", "special features", NULL,
  };
  static const char * const suffixes[] = {
    "-trailer", "-featurette", "-behindthescenes", "-deleted", "-interview", "-scene", "-short",
    NULL,
  };
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_auto(GStrv) parts = g_strsplit (lower, "/", -1);
  guint n = g_strv_length (parts);
  g_autofree char *stem = stem_of (lower);

  for (guint i = 0; i + 1 < n; i++)
    if (g_strv_contains (folders, parts[i]))
      return TRUE;
  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (stem, suffixes[i]))
      return TRUE;
  return FALSE;
}

static int
rank_of (const SsvQualityProfile *profile,
         SsvQuality               quality)
{
  return profile != NULL ? ssv_quality_profile_get_rank (profile, quality) : (int) quality;
}

static SsvImportEntry *
add_entry (SsvImportPlan         *plan,
           const SsvCandidateFile *file)
{
  SsvImportEntry *entry = g_new0 (SsvImportEntry, 1);

  entry->action = SSV_IMPORT_SKIP;
  entry->source = g_strdup (file->path);
  entry->size = file->size;
  entry->season = -1;
  entry->episode = -1;
  g_ptr_array_add (plan->entries, entry);
  return entry;
}

static gboolean
skip (SsvImportEntry *entry,
      const char     *format,
      ...) G_GNUC_PRINTF (2, 3);

/* Always FALSE: "return skip (…)" says the file is not imported. */
static gboolean
skip (SsvImportEntry *entry,
      const char     *format,
      ...)
{
  va_list args;

  va_start (args, format);
  entry->action = SSV_IMPORT_SKIP;
  g_clear_pointer (&entry->destination, g_free);
  g_free (entry->reason);
  entry->reason = g_strdup_vprintf (format, args);
  va_end (args);
  return FALSE;
}

/* "abc123", "movie", "episode": a name that says nothing of what the file is. */
static gboolean
name_is_telling (const SsvRelease *name)
{
  return name->title[0] != '\0' &&
         (name->year > 0 || name->n_episodes > 0 || name->air_year > 0 || name->resolution > 0 ||
          (name->source != SSV_RELEASE_SOURCE_UNKNOWN && (name->flags & SSV_RELEASE_FLAG_SOURCE_GUESSED) == 0));
}

/* The name that says most about a file: its own, else its folder's, else the
 * release's ("abc123.mkv" in "Movie.2020.1080p.BluRay-GRP/"). */
static void
parse_names (const SsvImportRequest *request,
             const char             *path,
             SsvRelease             *file,
             SsvRelease             *best)
{
  g_autofree char *stem = stem_of (path);
  g_autofree char *folder = folder_of (path);
  const char *folder_name = strrchr (folder, '/');
  SsvRelease other;

  ssv_release_parse (stem, file);
  *best = *file;
  if (name_is_telling (file) && (request->wanted->kind == SSV_DOWNLOAD_KIND_MOVIE || file->n_episodes > 0 ||
                                 file->air_year > 0))
    return;

  folder_name = folder_name != NULL ? folder_name + 1 : folder;
  if (*folder_name != '\0' && ssv_release_parse (folder_name, &other) && other.title[0] != '\0')
    *best = other;
  else if (request->release_title != NULL && ssv_release_parse (request->release_title, &other))
    *best = other;
  else
    return;

  /* the file's own numbers win over its folder's */
  if (file->n_episodes > 0)
    {
      best->n_episodes = file->n_episodes;
      memcpy (best->episodes, file->episodes, sizeof file->episodes);
      if (file->n_seasons > 0)
        {
          best->n_seasons = file->n_seasons;
          memcpy (best->seasons, file->seasons, sizeof file->seasons);
        }
    }
}

static SsvQuality
quality_of (const SsvImportRequest *request,
            const SsvRelease       *file,
            const SsvRelease       *best)
{
  SsvQuality quality = ssv_quality_from_release (file);
  SsvRelease release;

  if (quality == SSV_QUALITY_UNKNOWN || (file->flags & SSV_RELEASE_FLAG_SOURCE_GUESSED) != 0)
    {
      SsvQuality other = ssv_quality_from_release (best);

      if (other != SSV_QUALITY_UNKNOWN)
        quality = other;
    }
  if (quality == SSV_QUALITY_UNKNOWN && request->release_title != NULL &&
      ssv_release_parse (request->release_title, &release))
    quality = ssv_quality_from_release (&release);
  return quality;
}

/* Whether @name is the wanted film; else why not in @entry. */
static gboolean
match_movie (const SsvDownloadWanted *wanted,
             const SsvRelease        *name,
             SsvImportEntry          *entry)
{
  if (name->n_episodes > 0 && name->title[0] != '\0')
    {
      skip (entry, _("an episode of a show, not the film"));
      return FALSE;
    }
  if (name->title[0] != '\0' && wanted->title != NULL && !ssv_title_matches (name, wanted->title, NULL))
    {
      skip (entry, _("its name says “%s”, not “%s”"), name->title, wanted->title);
      return FALSE;
    }
  if (name->year > 0 && wanted->year > 0 && abs ((int) name->year - wanted->year) > 1)
    {
      skip (entry, _("a film from %u, not the one from %d"), name->year, wanted->year);
      return FALSE;
    }
  return TRUE;
}

/* Whether @name is a wanted episode; which one in @entry, else why not. */
static gboolean
match_episode (const SsvDownloadWanted *wanted,
               const SsvRelease        *name,
               guint                    n_videos,
               SsvImportEntry          *entry)
{
  if (name->title[0] != '\0' && wanted->title != NULL && !ssv_title_matches (name, wanted->title, NULL))
    {
      skip (entry, _("its name says “%s”, not “%s”"), name->title, wanted->title);
      return FALSE;
    }
  if (name->n_seasons > 0 && !ssv_release_has_season (name, wanted->season))
    {
      skip (entry, _("season %u, not season %d"), name->seasons[0], wanted->season);
      return FALSE;
    }
  entry->season = wanted->season;
  if (name->n_episodes == 0)
    {
      /* "Show.mkv" alone in an episode's release is that episode */
      if (wanted->kind == SSV_DOWNLOAD_KIND_EPISODE && n_videos == 1)
        {
          entry->episode = wanted->episode;
          return TRUE;
        }
      skip (entry, _("its name has no episode number"));
      return FALSE;
    }
  if (wanted->kind == SSV_DOWNLOAD_KIND_EPISODE && !ssv_release_has_episode (name, wanted->episode))
    {
      skip (entry, _("episode %u, not the wanted episode %d"), name->episodes[0], wanted->episode);
      return FALSE;
    }
  entry->episode = wanted->kind == SSV_DOWNLOAD_KIND_EPISODE ? wanted->episode : name->episodes[0];
  return TRUE;
}

static guint
count_videos (GPtrArray *files)
{
  guint n = 0;

  for (guint i = 0; i < files->len; i++)
    {
      const SsvCandidateFile *file = g_ptr_array_index (files, i);

      n += ssv_file_name_is_video (file->path) && !ssv_file_name_is_sample (file->path) && !is_extra (file->path);
    }
  return n;
}

static gboolean
name_video (const SsvImportRequest *request,
            gboolean                shows,
            const SsvRelease       *file,
            SsvImportEntry         *entry)
{
  const SsvDownloadWanted *wanted = request->wanted;
  g_autofree char *ext = g_ascii_strdown (extension_of (entry->source), -1);
  SsvNamingValues values = {
    .title = wanted->title,
    .year = wanted->year,
    .quality = ssv_quality_get_label (entry->quality),
    .show = wanted->title,
    .season = entry->season,
    .episode = entry->episode,
    .episode_title = file->episode_title[0] != '\0' ? file->episode_title : NULL,
    .air_date = wanted->air_date,
    .release_group = file->release_group[0] != '\0' ? file->release_group : NULL,
    .ext = ext,
  };
  const char *template_ = shows ? request->episode_template : request->movie_template;

  if (template_ == NULL || *template_ == '\0')
    template_ = shows ? SSV_NAMING_DEFAULT_EPISODE : SSV_NAMING_DEFAULT_MOVIE;
  entry->destination = ssv_naming_expand (template_, &values);
  if (!ssv_naming_is_safe_path (entry->destination))
    return skip (entry, _("the naming template gives it no name"));
  return TRUE;
}

/* One video file: skipped with its reason, or named (TRUE). */
static gboolean
plan_video (const SsvImportRequest *request,
            SsvImportPlan          *plan,
            guint                   n_videos,
            SsvImportEntry         *entry)
{
  gint64 floor = request->min_video_bytes;
  SsvRelease file, best;

  if (floor == 0)
    floor = plan->shows ? SSV_IMPORT_MIN_EPISODE_BYTES : SSV_IMPORT_MIN_MOVIE_BYTES;

  if (ssv_file_name_is_sample (entry->source))
    return skip (entry, _("a sample"));
  if (is_extra (entry->source))
    return skip (entry, _("an extra (a trailer, a featurette, a deleted scene)"));
  if (floor > 0 && entry->size >= 0 && entry->size < floor)
    {
      g_autofree char *size = g_format_size (entry->size);

      return skip (entry, _("too small for a whole %s (%s): a sample or an extra"),
                   plan->shows ? _("episode") : _("film"), size);
    }

  parse_names (request, entry->source, &file, &best);
  if (plan->shows ? !match_episode (request->wanted, &best, n_videos, entry)
                  : !match_movie (request->wanted, &best, entry))
    return FALSE;

  entry->action = SSV_IMPORT_VIDEO;
  entry->quality = quality_of (request, &file, &best);
  return name_video (request, plan->shows, &file, entry);
}

/* Two files of one release for one film or episode: the bigger is kept. */
static void
drop_duplicates (SsvImportPlan *plan)
{
  for (guint i = 0; i < plan->entries->len; i++)
    {
      SsvImportEntry *a = g_ptr_array_index (plan->entries, i);

      for (guint j = 0; a->action == SSV_IMPORT_VIDEO && j < plan->entries->len; j++)
        {
          SsvImportEntry *b = g_ptr_array_index (plan->entries, j);

          if (i == j || b->action != SSV_IMPORT_VIDEO || a->season != b->season || a->episode != b->episode)
            continue;
          if (a->size < b->size || (a->size == b->size && i > j))
            {
              skip (a, _("“%s” is the same %s and bigger"), b->source, plan->shows ? _("episode") : _("film"));
              break;
            }
        }
    }
}

/* What the library has already: the new file goes in only when it is better. */
static void
check_owned (const SsvImportRequest *request,
             SsvImportEntry         *entry)
{
  const SsvOwnedFile *owned = request->owned;
  int rank, own_rank;

  if (owned == NULL || entry->action != SSV_IMPORT_VIDEO)
    return;

  rank = rank_of (request->profile, entry->quality);
  own_rank = rank_of (request->profile, owned->quality);
  if (rank > own_rank)
    entry->upgrade = TRUE;
  else
    skip (entry, _("not better than the %s file you have"), ssv_quality_get_label (owned->quality));
}

/* The video a subtitle goes with: the one whose name it starts with, else the
 * only one. @tag is what follows that name (".en", ".forced.en"). */
static SsvImportEntry *
find_video_for (SsvImportPlan  *plan,
                const char     *subtitle,
                char          **tag)
{
  g_autofree char *stem = stem_of (subtitle);
  SsvImportEntry *only = NULL;
  guint n = 0;

  for (guint i = 0; i < plan->entries->len; i++)
    {
      SsvImportEntry *video = g_ptr_array_index (plan->entries, i);
      g_autofree char *video_stem = NULL;

      if (video->action != SSV_IMPORT_VIDEO)
        continue;
      video_stem = stem_of (video->source);
      if (g_str_has_prefix (stem, video_stem) && (stem[strlen (video_stem)] == '.' ||
                                                  stem[strlen (video_stem)] == '\0'))
        {
          *tag = g_strdup (stem + strlen (video_stem));
          return video;
        }
      only = video;
      n++;
    }
  if (n != 1)
    return NULL;

  /* "Subs/English.srt": the name is the language */
  *tag = strlen (stem) <= 24 && strchr (stem, ' ') == NULL ? g_strconcat (".", stem, NULL) : g_strdup ("");
  return only;
}

static gboolean
plan_subtitle (SsvImportPlan  *plan,
               SsvImportEntry *entry)
{
  g_autofree char *tag = NULL;
  g_autofree char *ext = g_ascii_strdown (extension_of (entry->source), -1);
  SsvImportEntry *video = find_video_for (plan, entry->source, &tag);
  g_autofree char *video_base = NULL;

  if (video == NULL)
    return skip (entry, _("a subtitle for no video that is imported"));

  video_base = g_strndup (video->destination, strlen (video->destination) - strlen (extension_of (video->destination)));
  if (g_str_has_suffix (video_base, "."))
    video_base[strlen (video_base) - 1] = '\0';
  entry->destination = g_strdup_printf ("%s%s.%s", video_base, tag, ext);
  entry->season = video->season;
  entry->episode = video->episode;
  entry->action = SSV_IMPORT_SUBTITLE;

  for (guint i = 0; i < plan->entries->len; i++)
    {
      SsvImportEntry *other = g_ptr_array_index (plan->entries, i);

      if (other != entry && other->action == SSV_IMPORT_SUBTITLE &&
          g_strcmp0 (other->destination, entry->destination) == 0)
        return skip (entry, _("another subtitle has that name already"));
    }
  return TRUE;
}

static void
reject (SsvImportPlan *plan,
        const char    *reason)
{
  plan->rejected = TRUE;
  plan->reason = g_strdup (reason);
  plan->n_videos = 0;
  for (guint i = 0; i < plan->entries->len; i++)
    {
      SsvImportEntry *entry = g_ptr_array_index (plan->entries, i);

      if (entry->action != SSV_IMPORT_SKIP || entry->reason == NULL)
        skip (entry, "%s", reason);
    }
}

/* A program in the release: the whole release is rejected, whatever else it has. */
static gboolean
check_risky (SsvImportPlan *plan)
{
  for (guint i = 0; i < plan->entries->len; i++)
    {
      SsvImportEntry *entry = g_ptr_array_index (plan->entries, i);
      const char *risk = ssv_file_name_risk (entry->source);
      g_autofree char *reason = NULL;

      if (risk == NULL)
        continue;
      reason = g_strdup_printf (_("The release holds %s, “%s”: no video needs one, and it may be malware"),
                                risk, entry->source);
      reject (plan, reason);
      return TRUE;
    }
  return FALSE;
}

static void
finish_plan (const SsvImportRequest *request,
             SsvImportPlan          *plan)
{
  const SsvImportEntry *first_skipped = NULL;
  g_autofree char *reason = NULL;

  for (guint i = 0; i < plan->entries->len; i++)
    {
      SsvImportEntry *entry = g_ptr_array_index (plan->entries, i);

      if (entry->action == SSV_IMPORT_VIDEO)
        {
          plan->n_videos++;
          if (plan->quality == SSV_QUALITY_UNKNOWN || rank_of (request->profile, entry->quality) >
                                                      rank_of (request->profile, plan->quality))
            plan->quality = entry->quality;
        }
      else if (first_skipped == NULL && entry->action == SSV_IMPORT_SKIP && ssv_file_name_is_video (entry->source))
        first_skipped = entry;
    }

  if (plan->n_videos == 0)
    {
      if (first_skipped != NULL)
        reason = g_strdup_printf (_("Nothing to import: “%s” is %s"), first_skipped->source, first_skipped->reason);
      else
        reason = g_strdup (_("Nothing to import: the release has no video"));
      reject (plan, reason);
      return;
    }

  plan->meets_cutoff = request->profile == NULL || !request->profile->upgrades_allowed ||
                       rank_of (request->profile, plan->quality) >= rank_of (request->profile, request->profile->cutoff);
}

/**
 * ssv_import_plan:
 *
 * Decides what each file of a finished download becomes: a video of the
 * wanted film or episode (a season pack: each wanted episode), a subtitle
 * carried along beside its video with its language tag, or nothing, with the
 * reason (not a video, a sample, an extra, too small, another film or
 * episode, not better than the owned file). A program or a risky archive
 * anywhere rejects the whole release, as does a release with no video left.
 *
 * Returns: (transfer full): the plan
 */
SsvImportPlan *
ssv_import_plan (const SsvImportRequest *request)
{
  SsvImportPlan *plan = g_new0 (SsvImportPlan, 1);
  guint n_videos;

  g_return_val_if_fail (request != NULL && request->wanted != NULL && request->files != NULL, plan);

  plan->shows = request->wanted->kind != SSV_DOWNLOAD_KIND_MOVIE;
  plan->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  for (guint i = 0; i < request->files->len; i++)
    add_entry (plan, g_ptr_array_index (request->files, i));

  if (check_risky (plan))
    return plan;

  n_videos = count_videos (request->files);
  for (guint i = 0; i < plan->entries->len; i++)
    {
      SsvImportEntry *entry = g_ptr_array_index (plan->entries, i);

      if (ssv_file_name_is_video (entry->source))
        plan_video (request, plan, n_videos, entry);
      else if (!ssv_import_is_subtitle (entry->source))
        skip (entry, _("not a video"));
    }
  drop_duplicates (plan);
  for (guint i = 0; i < plan->entries->len; i++)
    check_owned (request, g_ptr_array_index (plan->entries, i));
  for (guint i = 0; i < plan->entries->len; i++)
    {
      SsvImportEntry *entry = g_ptr_array_index (plan->entries, i);

      if (ssv_import_is_subtitle (entry->source))
        plan_subtitle (plan, entry);
    }
  finish_plan (request, plan);

  return plan;
}

/**
 * ssv_import_plan_describe:
 *
 * Returns: (transfer full): one line on what the plan does, or why it does nothing
 */
char *
ssv_import_plan_describe (const SsvImportPlan *plan)
{
  guint n_subtitles = 0;

  if (plan->rejected)
    return g_strdup (plan->reason);

  for (guint i = 0; i < plan->entries->len; i++)
    n_subtitles += ((SsvImportEntry *) g_ptr_array_index (plan->entries, i))->action == SSV_IMPORT_SUBTITLE;
  if (n_subtitles == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imports %u video", "Imports %u videos", plan->n_videos),
                            plan->n_videos);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imports %u video and its subtitles",
                                       "Imports %u videos and their subtitles", plan->n_videos),
                          plan->n_videos);
}
