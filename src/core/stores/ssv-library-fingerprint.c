/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-fingerprint.c: what a source said about an item, in one number, so a scan
 * writes only the rows that changed. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "stores/ssv-library-writer-private.h"
#include "ssv-utils.h"

/* ---- fingerprints ---------------------------------------------------------- */

static void
hash_bytes (guint64    *h,
            const void *data,
            gsize       len)
{
  const guint8 *p = data;

  for (gsize i = 0; i < len; i++)
    {
      *h ^= p[i];
      *h *= FNV_PRIME;
    }
}

static void
hash_str (guint64    *h,
          const char *s)
{
  static const guint8 null_mark = 0x1e, end_mark = 0x1f;

  if (s == NULL)
    hash_bytes (h, &null_mark, 1);
  else
    hash_bytes (h, s, strlen (s));
  hash_bytes (h, &end_mark, 1);
}

static void
hash_int (guint64 *h,
          gint64   v)
{
  hash_bytes (h, &v, sizeof v);
}

static void
hash_double (guint64 *h,
             double   v)
{
  gint64 fixed = G_MININT64;

  /* llround() of 1e300 or infinity is unspecified: a number no gint64 holds hashes as NaN does. */
  if (!ssv_double_to_int64 (round (v * 1000.0), &fixed))
    fixed = G_MININT64;

  hash_int (h, fixed);
}

/* What the source said about an item, in one number: equal numbers mean the
 * row needs no write. */
gint64
ssv_library_item_hash (const SsvMediaItem *item)
{
  guint64 h = FNV_OFFSET;

  hash_int (&h, item->kind);
  hash_str (&h, item->library_key);
  hash_str (&h, item->title);
  hash_str (&h, item->sort_title);
  hash_str (&h, item->original_title);
  hash_int (&h, item->year);
  hash_str (&h, item->overview);
  hash_str (&h, item->tagline);
  hash_str (&h, item->content_rating);
  hash_int (&h, item->runtime_minutes);
  hash_str (&h, item->release_date);
  hash_str (&h, item->end_date);
  hash_str (&h, item->studio);
  hash_str (&h, item->status);
  hash_double (&h, item->community_rating);
  hash_double (&h, item->critic_rating);
  hash_int (&h, item->tmdb_id);
  hash_str (&h, item->imdb_id);
  hash_int (&h, item->tvdb_id);
  hash_str (&h, item->poster_url);
  hash_str (&h, item->backdrop_url);
  hash_str (&h, item->logo_url);
  hash_int (&h, item->watched);
  hash_int (&h, item->play_count);
  hash_int (&h, item->resume_position_s);
  hash_int (&h, item->added_at);
  hash_int (&h, item->updated_at);
  hash_str (&h, item->server_id);

  for (guint i = 0; item->genres != NULL && i < item->genres->len; i++)
    hash_str (&h, g_ptr_array_index (item->genres, i));

  for (guint i = 0; item->files != NULL && i < item->files->len; i++)
    {
      const SsvMediaFile *file = g_ptr_array_index (item->files, i);

      hash_str (&h, file->server_id);
      hash_str (&h, file->path);
      hash_int (&h, file->size_bytes);
      hash_str (&h, file->container);
      hash_str (&h, file->video_codec);
      hash_int (&h, file->video_height);
      hash_str (&h, file->video_range);
      hash_str (&h, file->audio_codec);
      hash_int (&h, file->audio_channels);
      hash_int (&h, file->duration_s);
      hash_int (&h, file->added_at);
    }

  return (gint64) h;
}

gint64
ssv_library_season_hash (const SsvMediaSeason *season)
{
  guint64 h = FNV_OFFSET;

  hash_int (&h, season->season_number);
  hash_str (&h, season->server_id);
  hash_str (&h, season->title);
  hash_str (&h, season->overview);
  hash_str (&h, season->poster_url);
  hash_str (&h, season->air_date);
  hash_int (&h, season->episode_count);

  return (gint64) h;
}
