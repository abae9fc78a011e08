/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-item.c: what the Library's filters and sorts ask of a title, a movie or a show
 * alike. */

#include "config.h"

#include "pages/library/ssv-library-item.h"
#include "model/ssv-movie.h"
#include "model/ssv-show.h"

static GQuark
folded_title_quark (void)
{
  return g_quark_from_static_string ("ssv-folded-title");
}

const char *
ssv_library_item_title (gpointer item)
{
  return SSV_IS_MOVIE (item) ? ssv_movie_get_title (item) : ssv_show_get_title (item);
}

const char *
ssv_library_item_sort_key (gpointer item)
{
  return SSV_IS_MOVIE (item) ? ssv_movie_get_sort_title (item) : ssv_show_get_sort_title (item);
}

int
ssv_library_item_year (gpointer item)
{
  return SSV_IS_MOVIE (item) ? ssv_movie_get_year (item) : ssv_show_get_year (item);
}

gint64
ssv_library_item_added_at (gpointer item)
{
  return SSV_IS_MOVIE (item) ? ssv_movie_get_added_at (item) : ssv_show_get_added_at (item);
}

double
ssv_library_item_rating (gpointer item)
{
  return SSV_IS_MOVIE (item) ? ssv_movie_get_community_rating (item) : ssv_show_get_community_rating (item);
}

gboolean
ssv_library_item_watched (gpointer item)
{
  return SSV_IS_MOVIE (item) ? ssv_movie_get_watched (item) : ssv_show_get_watched (item);
}

gboolean
ssv_library_item_has_file (gpointer item)
{
  return SSV_IS_MOVIE (item) ? ssv_movie_get_has_file (item) : ssv_show_get_has_file (item);
}

const char *
ssv_library_item_genres (gpointer item)
{
  return SSV_IS_MOVIE (item) ? ssv_movie_get_genres (item) : ssv_show_get_genres (item);
}

gint64
ssv_library_item_id (gpointer item)
{
  return SSV_IS_MOVIE (item) ? ssv_movie_get_id (item) : ssv_show_get_id (item);
}

/* Case-folded and normalised once per title, not once per keystroke. */
const char *
ssv_library_item_folded_title (gpointer item)
{
  const char *folded = g_object_get_qdata (item, folded_title_quark ());
  const char *title = ssv_library_item_title (item);

  if (folded == NULL)
    {
      g_autofree char *normalized = g_utf8_normalize (title ? title : "", -1, G_NORMALIZE_ALL);
      char *value = g_utf8_casefold (normalized, -1);

      g_object_set_qdata_full (item, folded_title_quark (), value, g_free);
      folded = value;
    }

  return folded;
}

/* Before @item takes a new title. */
void
ssv_library_item_forget_folded (gpointer item)
{
  g_object_set_qdata (item, folded_title_quark (), NULL);
}

/* ", "-separated names, compared whole and without regard to case. */
gboolean
ssv_library_item_has_genre (const char *genres,
           const char *genre)
{
  g_auto(GStrv) names = NULL;

  if (genres == NULL)
    return FALSE;

  names = g_strsplit (genres, ", ", -1);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_utf8_collate (names[i], genre) == 0)
      return TRUE;

  return FALSE;
}
