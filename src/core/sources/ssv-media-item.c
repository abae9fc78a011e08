/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-media-item.c: constructors, destructors and small normalisers of source items. */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sources/ssv-media-item.h"

SsvMediaItem *
ssv_media_item_new (SsvMediaKind kind)
{
  SsvMediaItem *item = g_new0 (SsvMediaItem, 1);

  item->kind = kind;
  item->community_rating = NAN;
  item->critic_rating = NAN;
  item->resume_position_s = -1;
  item->season_number = -1;
  item->episode_number = -1;

  return item;
}

void
ssv_media_item_free (SsvMediaItem *item)
{
  if (item == NULL)
    return;

  g_free (item->server_id);
  g_free (item->library_key);
  g_free (item->title);
  g_free (item->sort_title);
  g_free (item->original_title);
  g_free (item->overview);
  g_free (item->tagline);
  g_free (item->content_rating);
  g_free (item->release_date);
  g_free (item->end_date);
  g_free (item->studio);
  g_free (item->status);
  g_free (item->imdb_id);
  g_free (item->poster_url);
  g_free (item->backdrop_url);
  g_free (item->logo_url);
  g_clear_pointer (&item->genres, g_ptr_array_unref);
  g_clear_pointer (&item->files, g_ptr_array_unref);
  g_free (item->show_server_id);
  g_free (item->problem);
  g_free (item);
}

void
ssv_media_item_add_genre (SsvMediaItem *item,
                          const char   *genre)
{
  if (genre == NULL || genre[0] == '\0')
    return;

  if (item->genres == NULL)
    item->genres = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < item->genres->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (item->genres, i), genre) == 0)
      return;

  g_ptr_array_add (item->genres, g_strdup (genre));
}

SsvMediaFile *
ssv_media_file_new (void)
{
  SsvMediaFile *file = g_new0 (SsvMediaFile, 1);

  file->size_bytes = -1;
  file->duration_s = -1;
  return file;
}

void
ssv_media_file_free (SsvMediaFile *file)
{
  if (file == NULL)
    return;

  g_free (file->server_id);
  g_free (file->path);
  g_free (file->container);
  g_free (file->video_codec);
  g_free (file->video_range);
  g_free (file->audio_codec);
  g_free (file);
}

SsvMediaFile *
ssv_media_file_copy (const SsvMediaFile *file)
{
  SsvMediaFile *copy = g_memdup2 (file, sizeof *file);

  copy->server_id = g_strdup (file->server_id);
  copy->path = g_strdup (file->path);
  copy->container = g_strdup (file->container);
  copy->video_codec = g_strdup (file->video_codec);
  copy->video_range = g_strdup (file->video_range);
  copy->audio_codec = g_strdup (file->audio_codec);
  return copy;
}

SsvMediaSeason *
ssv_media_season_new (int season_number)
{
  SsvMediaSeason *season = g_new0 (SsvMediaSeason, 1);

  season->season_number = season_number;
  return season;
}

void
ssv_media_season_free (SsvMediaSeason *season)
{
  if (season == NULL)
    return;

  g_free (season->server_id);
  g_free (season->title);
  g_free (season->overview);
  g_free (season->poster_url);
  g_free (season->air_date);
  g_free (season);
}

SsvShowTree *
ssv_show_tree_new (void)
{
  SsvShowTree *tree = g_new0 (SsvShowTree, 1);

  tree->seasons = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_season_free);
  tree->episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_item_free);
  return tree;
}

void
ssv_show_tree_free (SsvShowTree *tree)
{
  if (tree == NULL)
    return;

  g_clear_pointer (&tree->seasons, g_ptr_array_unref);
  g_clear_pointer (&tree->episodes, g_ptr_array_unref);
  g_free (tree);
}

SsvMediaLibrary *
ssv_media_library_new (const char     *key,
                       const char     *name,
                       SsvLibraryKind  kind)
{
  SsvMediaLibrary *library = g_new0 (SsvMediaLibrary, 1);

  library->key = g_strdup (key);
  library->name = g_strdup (name);
  library->kind = kind;
  return library;
}

void
ssv_media_library_free (SsvMediaLibrary *library)
{
  if (library == NULL)
    return;

  g_free (library->key);
  g_free (library->name);
  g_free (library);
}

const char *
ssv_library_kind_to_string (SsvLibraryKind kind)
{
  switch (kind)
    {
    case SSV_LIBRARY_KIND_MOVIES:
      return "movies";
    case SSV_LIBRARY_KIND_SHOWS:
      return "shows";
    case SSV_LIBRARY_KIND_NONE:
    default:
      return "none";
    }
}

SsvLibraryKind
ssv_library_kind_from_string (const char *text)
{
  if (g_strcmp0 (text, "movies") == 0)
    return SSV_LIBRARY_KIND_MOVIES;
  if (g_strcmp0 (text, "shows") == 0)
    return SSV_LIBRARY_KIND_SHOWS;
  return SSV_LIBRARY_KIND_NONE;
}

/* One spelling for dynamic range whatever a server calls it. Returns a static
 * string or NULL when nothing is known. */
const char *
ssv_video_range_normalize (const char *range,
                           const char *range_type)
{
  const char *probe = range_type && range_type[0] ? range_type : range;
  g_autofree char *up = NULL;

  if (probe == NULL || probe[0] == '\0')
    return NULL;

  up = g_ascii_strup (probe, -1);
  if (strstr (up, "DOVI") != NULL || strstr (up, "DOLBY") != NULL || g_str_equal (up, "DV"))
    return "DV";
  if (strstr (up, "HDR10PLUS") != NULL || strstr (up, "HDR10+") != NULL)
    return "HDR10+";
  if (strstr (up, "HLG") != NULL)
    return "HLG";
  if (strstr (up, "HDR") != NULL || strstr (up, "PQ") != NULL || strstr (up, "SMPTE2084") != NULL)
    return "HDR10";
  if (strstr (up, "SDR") != NULL)
    return "SDR";

  return NULL;
}

/* Seconds since the epoch of an ISO 8601 date-time ("2010-07-08T00:00:00.0000000Z")
 * or plain date ("2010-07-08", taken as midnight UTC); 0 when it cannot be read. */
gint64
ssv_parse_iso_date (const char *text)
{
  g_autoptr(GDateTime) when = NULL;
  int y, m, d;

  if (text == NULL || text[0] == '\0')
    return 0;

  if (strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d", &y, &m, &d) == 3)
    when = g_date_time_new_utc (y, m, d, 0, 0, 0);
  else
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      when = g_date_time_new_from_iso8601 (text, utc);
    }

  return when ? g_date_time_to_unix (when) : 0;
}

/* "2010-07-08T00:00:00Z" → "2010-07-08"; NULL if it does not start with a date. */
char *
ssv_date_only (const char *iso_text)
{
  if (iso_text == NULL || strlen (iso_text) < 10 ||
      !g_ascii_isdigit (iso_text[0]) || iso_text[4] != '-' || iso_text[7] != '-')
    return NULL;

  return g_strndup (iso_text, 10);
}

/**
 * ssv_media_item_last_episode:
 *
 * The last episode a multi-episode file covers: its episode_number_end when
 * that is a believable range, else its episode_number. A server that says
 * "episodes 1 to 2147483647" gets one episode, not two billion rows.
 */
int
ssv_media_item_last_episode (const SsvMediaItem *item)
{
  if (item->episode_number_end > item->episode_number &&
      (gint64) item->episode_number_end - item->episode_number < SSV_MAX_EPISODES_PER_FILE)
    return item->episode_number_end;

  return item->episode_number;
}
