/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-search-item.c: a wanted film, episode or season; its text forms; the queries each indexer gets. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "downloads/ssv-search-item.h"

G_DEFINE_BOXED_TYPE (SsvSearchItem, ssv_search_item, ssv_search_item_ref, ssv_search_item_unref)

static SsvSearchItem *
item_new (SsvSearchItemKind  kind,
          const char        *title)
{
  SsvSearchItem *item = g_new0 (SsvSearchItem, 1);

  g_atomic_ref_count_init (&item->ref);
  item->kind = kind;
  item->title = g_strdup (title ? title : "");
  item->title_keys = ssv_title_keys (item->title, NULL);
  return item;
}

SsvSearchItem *
ssv_search_item_new_movie (const char *title,
                           guint       year)
{
  SsvSearchItem *item = item_new (SSV_SEARCH_ITEM_MOVIE, title);

  item->year = year;
  return item;
}

SsvSearchItem *
ssv_search_item_new_episode (const char *show,
                             guint       season,
                             guint       episode)
{
  SsvSearchItem *item = item_new (SSV_SEARCH_ITEM_EPISODE, show);

  item->season = season;
  item->episode = episode;
  return item;
}

SsvSearchItem *
ssv_search_item_new_season (const char *show,
                            guint       season)
{
  SsvSearchItem *item = item_new (SSV_SEARCH_ITEM_SEASON, show);

  item->season = season;
  return item;
}

SsvSearchItem *
ssv_search_item_ref (SsvSearchItem *item)
{
  g_atomic_ref_count_inc (&item->ref);
  return item;
}

void
ssv_search_item_unref (SsvSearchItem *item)
{
  if (item == NULL || !g_atomic_ref_count_dec (&item->ref))
    return;

  g_free (item->title);
  g_strfreev (item->aliases);
  g_strfreev (item->title_keys);
  g_free (item->air_date);
  g_free (item->imdb_id);
  g_free (item);
}

/* Other titles to accept; blanks, repeats and the title itself are left out. */
void
ssv_search_item_set_aliases (SsvSearchItem      *item,
                             const char * const *aliases)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_add (seen, ssv_title_normalize (item->title));
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      char *key = ssv_title_normalize (aliases[i]);

      if (key[0] == '\0' || g_hash_table_contains (seen, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (seen, key);
      g_strv_builder_add (builder, aliases[i]);
    }
  g_strfreev (item->aliases);
  item->aliases = g_strv_builder_end (builder);
  g_strfreev (item->title_keys);
  item->title_keys = ssv_title_keys (item->title, (const char * const *) item->aliases);
}

void
ssv_search_item_set_ids (SsvSearchItem *item,
                         gint64         tmdb_id,
                         gint64         tvdb_id,
                         const char    *imdb_id)
{
  item->tmdb_id = MAX (tmdb_id, 0);
  item->tvdb_id = MAX (tvdb_id, 0);
  g_free (item->imdb_id);
  item->imdb_id = imdb_id && imdb_id[0] ? g_strdup (imdb_id) : NULL;
}

/* @daily: the show names its episodes by date ("Show 2026.07.08") */
void
ssv_search_item_set_air_date (SsvSearchItem *item,
                              const char    *air_date,
                              gboolean       daily)
{
  guint y = 0, m = 0, d = 0;

  g_free (item->air_date);
  item->air_date = NULL;
  if (air_date != NULL && sscanf (air_date, "%4u-%2u-%2u", &y, &m, &d) == 3 && y >= 1900 && m >= 1 && m <= 12 &&
      d >= 1 && d <= 31)
    item->air_date = g_strdup_printf ("%04u-%02u-%02u", y, m, d);
  item->daily = daily && item->air_date != NULL;
}

void
ssv_search_item_set_absolute (SsvSearchItem *item,
                              guint          absolute)
{
  item->absolute = absolute;
  item->anime = TRUE;
}

/* A view for ssv_decide(); valid while @item is. */
void
ssv_search_item_to_wanted (const SsvSearchItem *item,
                           SsvWantedItem       *wanted)
{
  memset (wanted, 0, sizeof *wanted);
  wanted->kind = item->kind == SSV_SEARCH_ITEM_MOVIE ? SSV_WANTED_MOVIE : SSV_WANTED_EPISODE;
  wanted->title = item->title;
  wanted->aliases = (const char * const *) item->aliases;
  wanted->year = item->year;
  wanted->season = item->season;
  wanted->episode = item->kind == SSV_SEARCH_ITEM_SEASON ? 0 : item->episode;
  wanted->absolute = item->absolute;
  wanted->air_date = item->daily ? item->air_date : NULL;
  wanted->runtime_minutes = item->runtime_minutes;
  wanted->accept_season_pack = item->accept_season_pack;
  wanted->title_keys = (const char * const *) item->title_keys;
}

/* "Fight Club (1999)", "The Fix · S01E01", "The Fix · season 1" */
char *
ssv_search_item_describe (const SsvSearchItem *item)
{
  switch (item->kind)
    {
    case SSV_SEARCH_ITEM_MOVIE:
      return item->year ? g_strdup_printf ("%s (%u)", item->title, item->year) : g_strdup (item->title);
    case SSV_SEARCH_ITEM_SEASON:
      return g_strdup_printf (_("%s · season %u"), item->title, item->season);
    case SSV_SEARCH_ITEM_EPISODE:
    default:
      if (item->daily)
        return g_strdup_printf ("%s · %s", item->title, item->air_date);
      return g_strdup_printf ("%s · S%02uE%02u", item->title, item->season, item->episode);
    }
}

/**
 * ssv_search_clean_title:
 *
 * A title as indexers search best for it: "Marvel's Agents of S.H.I.E.L.D."
 * → "Marvels Agents of SHIELD", "Law & Order: SVU" → "Law and Order SVU".
 *
 * Returns: (transfer full)
 */
char *
ssv_search_clean_title (const char *title)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *c = title ? title : ""; *c; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (ch == '\'' || ch == 0x2019 || ch == '`')
        continue;
      /* the dots of an acronym go, the letters stay together */
      if (ch == '.' && c > title && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (c))) &&
          g_unichar_isalpha (g_utf8_get_char (g_utf8_next_char (c))))
        continue;
      if (ch == '&')
        {
          if (out->len > 0 && !space)
            g_string_append_c (out, ' ');
          g_string_append (out, "and ");
          space = TRUE;
          continue;
        }
      if (g_unichar_isalnum (ch))
        {
          g_string_append_unichar (out, ch);
          space = FALSE;
        }
      else if (!space && out->len > 0)
        {
          g_string_append_c (out, ' ');
          space = TRUE;
        }
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* "07" for the 7th episode, "107" past a hundred, as fansub groups number them. */
static char *
absolute_text (guint absolute)
{
  return g_strdup_printf (absolute < 100 ? "%02u" : "%u", absolute);
}

/**
 * ssv_search_item_text_queries:
 *
 * The text forms of the item, best first: what a text search sends, and what
 * a retry tries next when the first found nothing.
 * Film: "Title 1999", "Title". Episode: "Title S01E02", "Title S1E02", then
 * the air date as "Title 2026.07.08" and "Title 2026 07 08" (first, for a
 * daily show); an anime's absolute number "Title 07" comes first. Season:
 * "Title S01", "Title Season 1".
 *
 * Returns: (transfer container) (element-type utf8)
 */
GPtrArray *
ssv_search_item_text_queries (const SsvSearchItem *item)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = ssv_search_clean_title (item->title);
  guint y = 0, m = 0, d = 0;
  gboolean dated = item->air_date != NULL && sscanf (item->air_date, "%4u-%2u-%2u", &y, &m, &d) == 3;

  if (title[0] == '\0')
    return queries;

  switch (item->kind)
    {
    case SSV_SEARCH_ITEM_MOVIE:
      if (item->year > 0)
        g_ptr_array_add (queries, g_strdup_printf ("%s %u", title, item->year));
      g_ptr_array_add (queries, g_strdup (title));
      break;

    case SSV_SEARCH_ITEM_SEASON:
      g_ptr_array_add (queries, g_strdup_printf ("%s S%02u", title, item->season));
      g_ptr_array_add (queries, g_strdup_printf ("%s Season %u", title, item->season));
      break;

    case SSV_SEARCH_ITEM_EPISODE:
    default:
      if (item->daily && dated)
        {
          g_ptr_array_add (queries, g_strdup_printf ("%s %04u.%02u.%02u", title, y, m, d));
          g_ptr_array_add (queries, g_strdup_printf ("%s %04u %02u %02u", title, y, m, d));
        }
      if (item->absolute > 0)
        {
          g_autofree char *number = absolute_text (item->absolute);

          g_ptr_array_add (queries, g_strdup_printf ("%s %s", title, number));
        }
      if (item->season > 0 || item->episode > 0)
        {
          g_ptr_array_add (queries, g_strdup_printf ("%s S%02uE%02u", title, item->season, item->episode));
          if (item->season < 10)
            g_ptr_array_add (queries, g_strdup_printf ("%s S%uE%02u", title, item->season, item->episode));
        }
      if (!item->daily && dated)
        {
          g_ptr_array_add (queries, g_strdup_printf ("%s %04u.%02u.%02u", title, y, m, d));
          g_ptr_array_add (queries, g_strdup_printf ("%s %04u %02u %02u", title, y, m, d));
        }
      break;
    }
  return queries;
}

/* The id query the caps allow, or NULL: ids find releases whatever their names say. */
static SsvIndexerQuery *
id_query (const SsvSearchItem  *item,
          const SsvIndexerCaps *caps)
{
  g_autoptr(SsvIndexerQuery) query = NULL;
  gboolean tv = item->kind != SSV_SEARCH_ITEM_MOVIE;
  SsvSearchType type = tv ? SSV_SEARCH_TV : SSV_SEARCH_MOVIE;
  guint32 numbers = 0;

  if (tv)
    {
      numbers = item->kind == SSV_SEARCH_ITEM_SEASON ? SSV_PARAM_SEASON : SSV_PARAM_SEASON | SSV_PARAM_EP;
      /* without season and episode an id search returns the whole show */
      if (!ssv_indexer_caps_supports (caps, type, numbers))
        return NULL;
    }

  query = ssv_indexer_query_new (type, NULL);
  query->tv = tv;
  query->anime = item->anime;
  if (tv && item->tvdb_id > 0 && ssv_indexer_caps_supports (caps, type, SSV_PARAM_TVDBID))
    query->tvdb_id = item->tvdb_id;
  else if (item->imdb_id != NULL && ssv_indexer_caps_supports (caps, type, SSV_PARAM_IMDBID))
    query->imdb_id = g_strdup (item->imdb_id);
  else if (item->tmdb_id > 0 && ssv_indexer_caps_supports (caps, type, SSV_PARAM_TMDBID))
    query->tmdb_id = item->tmdb_id;
  else
    return NULL;

  if (tv && item->daily && item->air_date != NULL)
    {
      /* Newznab's daily form: the year as season, "MM/DD" as episode */
      query->season = (int) g_ascii_strtoull (item->air_date, NULL, 10);
      query->ep = g_strdup_printf ("%.2s/%.2s", item->air_date + 5, item->air_date + 8);
    }
  else if (tv)
    {
      query->season = (int) item->season;
      if (item->kind == SSV_SEARCH_ITEM_EPISODE)
        query->ep = g_strdup_printf ("%u", item->episode);
    }
  return g_steal_pointer (&query);
}

static SsvIndexerQuery *
text_query (const SsvSearchItem  *item,
            const SsvIndexerCaps *caps,
            const char           *text,
            gboolean              fallback)
{
  gboolean tv = item->kind != SSV_SEARCH_ITEM_MOVIE;
  SsvSearchType own = tv ? SSV_SEARCH_TV : SSV_SEARCH_MOVIE;
  SsvIndexerQuery *query;

  /* A plain search takes the whole text everywhere; the typed one only if it is the only one. */
  if (ssv_indexer_caps_supports (caps, SSV_SEARCH_GENERIC, SSV_PARAM_Q) ||
      !ssv_indexer_caps_supports (caps, own, SSV_PARAM_Q))
    query = ssv_indexer_query_new (SSV_SEARCH_GENERIC, text);
  else
    query = ssv_indexer_query_new (own, text);
  query->tv = tv;
  query->anime = item->anime;
  query->fallback = fallback;
  return query;
}

/**
 * ssv_search_item_plan:
 * @caps: (nullable): what the indexer can do; NULL: text only
 *
 * The queries one indexer gets for @item, in order: an id search where the
 * caps allow one (season and episode included), the best text form, then the
 * other text forms marked as fallbacks (sent only while nothing was found).
 *
 * Returns: (transfer container) (element-type SsvIndexerQuery)
 */
GPtrArray *
ssv_search_item_plan (const SsvSearchItem  *item,
                      const SsvIndexerCaps *caps)
{
  GPtrArray *plan = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_indexer_query_free);
  g_autoptr(GPtrArray) texts = ssv_search_item_text_queries (item);
  SsvIndexerQuery *by_id = caps ? id_query (item, caps) : NULL;

  if (by_id != NULL)
    g_ptr_array_add (plan, by_id);
  for (guint i = 0; i < texts->len; i++)
    g_ptr_array_add (plan, text_query (item, caps, g_ptr_array_index (texts, i), i > 0));
  return plan;
}

/**
 * ssv_search_item_text_plan:
 * @caps: (nullable): what the indexer can do; NULL: text only
 * @text: the one text query to send (a retry's alternate form)
 *
 * Returns: (transfer container) (element-type SsvIndexerQuery): @text as the query the caps allow
 */
GPtrArray *
ssv_search_item_text_plan (const SsvSearchItem  *item,
                           const SsvIndexerCaps *caps,
                           const char           *text)
{
  GPtrArray *plan = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_indexer_query_free);

  g_ptr_array_add (plan, text_query (item, caps, text, FALSE));
  return plan;
}
