/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-meta.c: plain metadata records shared by the providers' parsers and the store. */

#include "config.h"

#include <string.h>

#include "ssv-json.h"
#include "providers/ssv-meta.h"

static const char * const kind_names[] = { "movie", "show", "episode" };

const char *
ssv_item_kind_to_string (SsvItemKind kind)
{
  g_return_val_if_fail (kind < SSV_N_ITEM_KINDS, NULL);

  return kind_names[kind];
}

gboolean
ssv_item_kind_from_string (const char  *text,
                           SsvItemKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

const char *
ssv_credit_role_to_string (SsvCreditRole role)
{
  switch (role)
    {
    case SSV_CREDIT_CAST: return "cast";
    case SSV_CREDIT_DIRECTOR: return "director";
    case SSV_CREDIT_WRITER: return "writer";
    case SSV_CREDIT_CREATOR: return "creator";
    default: return "crew";
    }
}

const char *
ssv_image_kind_to_string (SsvImageKind kind)
{
  switch (kind)
    {
    case SSV_IMAGE_POSTER: return "poster";
    case SSV_IMAGE_BACKDROP: return "backdrop";
    case SSV_IMAGE_LOGO: return "logo";
    case SSV_IMAGE_CLEARART: return "clearart";
    case SSV_IMAGE_BANNER: return "banner";
    case SSV_IMAGE_THUMB: return "thumb";
    default: return "poster";
    }
}

static void
credit_free (gpointer data)
{
  SsvMetaCredit *credit = data;

  g_free (credit->name);
  g_free (credit->character);
  g_free (credit->job);
  g_free (credit->profile_url);
  g_free (credit);
}

static void
image_free (gpointer data)
{
  SsvMetaImage *image = data;

  g_free (image->url);
  g_free (image->language);
  g_free (image);
}

static void
season_free (gpointer data)
{
  SsvMetaSeason *season = data;

  g_free (season->title);
  g_free (season->overview);
  g_free (season->air_date);
  g_free (season->poster_url);
  g_free (season);
}

static void
episode_free (gpointer data)
{
  SsvMetaEpisode *episode = data;

  g_free (episode->imdb_id);
  g_free (episode->title);
  g_free (episode->overview);
  g_free (episode->air_date);
  g_free (episode->still_url);
  g_free (episode);
}

SsvMeta *
ssv_meta_new (SsvItemKind kind)
{
  SsvMeta *meta = g_new0 (SsvMeta, 1);

  meta->kind = kind;
  meta->rt_score = -1;
  meta->metascore = -1;
  meta->genres = g_ptr_array_new_with_free_func (g_free);
  meta->credits = g_ptr_array_new_with_free_func (credit_free);
  meta->images = g_ptr_array_new_with_free_func (image_free);
  meta->seasons = g_ptr_array_new_with_free_func (season_free);
  meta->episodes = g_ptr_array_new_with_free_func (episode_free);
  meta->in_production = -1;
  meta->answered_seasons = g_array_new (FALSE, FALSE, sizeof (int));

  return meta;
}

void
ssv_meta_free (SsvMeta *meta)
{
  if (meta == NULL)
    return;

  g_free (meta->imdb_id);
  g_free (meta->next_episode_air_date);
  g_clear_pointer (&meta->answered_seasons, g_array_unref);
  g_free (meta->title);
  g_free (meta->original_title);
  g_free (meta->overview);
  g_free (meta->tagline);
  g_free (meta->status);
  g_free (meta->content_rating);
  g_free (meta->release_date);
  g_free (meta->first_air_date);
  g_free (meta->last_air_date);
  g_free (meta->air_time);
  g_free (meta->air_time_zone);
  g_free (meta->studio);
  g_free (meta->network);
  g_free (meta->collection);
  g_free (meta->poster_url);
  g_free (meta->backdrop_url);
  g_free (meta->logo_url);
  g_free (meta->clearart_url);
  g_free (meta->banner_url);
  g_free (meta->subtitle_languages);
  g_ptr_array_unref (meta->genres);
  g_ptr_array_unref (meta->credits);
  g_ptr_array_unref (meta->images);
  g_ptr_array_unref (meta->seasons);
  g_ptr_array_unref (meta->episodes);
  g_free (meta);
}

SsvMetaCredit *
ssv_meta_add_credit (SsvMeta       *meta,
                     SsvCreditRole  role,
                     const char    *name)
{
  SsvMetaCredit *credit = g_new0 (SsvMetaCredit, 1);

  credit->role = role;
  credit->name = g_strdup (name);
  g_ptr_array_add (meta->credits, credit);

  return credit;
}

SsvMetaImage *
ssv_meta_add_image (SsvMeta      *meta,
                    SsvImageKind  kind,
                    const char   *url)
{
  SsvMetaImage *image = g_new0 (SsvMetaImage, 1);

  image->kind = kind;
  image->url = g_strdup (url);
  g_ptr_array_add (meta->images, image);

  return image;
}

SsvMetaSeason *
ssv_meta_add_season (SsvMeta *meta,
                     int      season_number)
{
  SsvMetaSeason *season = g_new0 (SsvMetaSeason, 1);

  season->season_number = season_number;
  g_ptr_array_add (meta->seasons, season);

  return season;
}

SsvMetaEpisode *
ssv_meta_add_episode (SsvMeta *meta,
                      int      season_number,
                      int      episode_number)
{
  SsvMetaEpisode *episode = g_new0 (SsvMetaEpisode, 1);

  episode->season_number = season_number;
  episode->episode_number = episode_number;
  g_ptr_array_add (meta->episodes, episode);

  return episode;
}

void
ssv_meta_add_genre (SsvMeta    *meta,
                    const char *genre)
{
  g_autofree char *clean = NULL;

  if (genre == NULL)
    return;

  clean = g_strstrip (g_strdup (genre));
  if (clean[0] == '\0')
    return;

  for (guint i = 0; i < meta->genres->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (meta->genres, i), clean) == 0)
      return;

  g_ptr_array_add (meta->genres, g_steal_pointer (&clean));
}

/* Which tier of @languages (comma-separated sets, "null" = no text) @image falls in. */
static guint
language_tier (const SsvMetaImage *image,
               const char * const *languages)
{
  const char *lang = image->language && image->language[0] ? image->language : "null";
  guint tier = 0;

  for (; languages != NULL && languages[tier] != NULL; tier++)
    {
      g_auto(GStrv) set = g_strsplit (languages[tier], ",", -1);

      for (guint i = 0; set[i] != NULL; i++)
        if (g_ascii_strcasecmp (set[i], lang) == 0)
          return tier;
    }

  return tier;
}

/**
 * ssv_meta_best_image:
 * @languages_csv: tiers in order of preference separated by ";", each a
 *   comma-separated set, e.g. "de;en;null" or "en,null"; an image in no tier
 *   still counts, after all of them
 *
 * Returns: (nullable): the image of @kind in the best tier with the best score
 */
const SsvMetaImage *
ssv_meta_best_image (const SsvMeta      *meta,
                     SsvImageKind        kind,
                     const char         *languages_csv)
{
  g_auto(GStrv) languages = g_strsplit (languages_csv ? languages_csv : "", ";", -1);
  const SsvMetaImage *best = NULL;
  guint best_tier = G_MAXUINT;

  for (guint i = 0; i < meta->images->len; i++)
    {
      const SsvMetaImage *image = g_ptr_array_index (meta->images, i);
      guint tier;

      if (image->kind != kind || image->url == NULL)
        continue;

      tier = language_tier (image, (const char * const *) languages);
      if (best == NULL || tier < best_tier || (tier == best_tier && image->score > best->score))
        {
          best = image;
          best_tier = tier;
        }
    }

  return best;
}

void
ssv_search_result_free (SsvSearchResult *result)
{
  if (result == NULL)
    return;

  g_free (result->title);
  g_free (result->original_title);
  g_free (result->overview);
  g_free (result->poster_url);
  g_free (result);
}

/* Lower case, ASCII, letters and digits only, "&" as "and", no leading article. */
char *
ssv_normalize_title (const char *title)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p;

  if (title == NULL || !g_utf8_validate (title, -1, NULL))
    return g_strdup ("");

  ascii = g_str_to_ascii (title, "C");
  for (p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (*p == '&')
        g_string_append (out, "and");
    }

  if (g_str_has_prefix (out->str, "the") && out->len > 3)
    g_string_erase (out, 0, 3);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * ssv_search_pick_best:
 * @results: (element-type SsvSearchResult): in the provider's relevance order
 *
 * The provider's order decides ties; a matching title and a year within one
 * count most. When @year is known and no result matches title or year, the
 * search found something else: -1.
 *
 * Returns: the index of the best result, or -1
 */
int
ssv_search_pick_best (GPtrArray  *results,
                      const char *title,
                      int         year)
{
  g_autofree char *wanted = ssv_normalize_title (title);
  int best = -1;
  int best_score = G_MININT;

  if (results == NULL)
    return -1;

  for (guint i = 0; i < results->len; i++)
    {
      SsvSearchResult *result = g_ptr_array_index (results, i);
      g_autofree char *got = ssv_normalize_title (result->title);
      g_autofree char *got_original = ssv_normalize_title (result->original_title);
      gboolean title_match = wanted[0] != '\0' && (g_strcmp0 (got, wanted) == 0 ||
                                                   g_strcmp0 (got_original, wanted) == 0);
      gboolean year_close = year > 0 && result->year > 0 && ABS (result->year - year) <= 1;
      int score = 0;

      if (title_match)
        score += 10;
      if (year > 0 && result->year == year)
        score += 6;
      else if (year_close)
        score += 3;
      else if (year > 0 && result->year > 0)
        score -= 5;

      if (year > 0 && !title_match && !year_close)
        continue;

      /* Earlier results win ties: the provider ranks by relevance. */
      score = score * 1000 - (int) MIN (i, 999);
      if (best < 0 || score > best_score)
        {
          best = (int) i;
          best_score = score;
        }
    }

  return best;
}

/* Returns: (nullable): a copy of @text when it is a "YYYY-MM-DD" date, else %NULL */
char *
ssv_dup_valid_date (const char *text)
{
  if (ssv_json_year_of (text) == 0 || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return NULL;

  return g_strdup (text);
}

/* "tt" and 7 or more digits. */
gboolean
ssv_is_imdb_id (const char *text)
{
  gsize len;

  if (text == NULL || !g_str_has_prefix (text, "tt"))
    return FALSE;

  len = strlen (text);
  if (len < 9 || len > 12)
    return FALSE;

  for (gsize i = 2; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}
