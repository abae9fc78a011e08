/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-tmdb-discover.c: TMDB beyond the library: multi search, trending, discover, people and
 * their credits, where to watch, alternative titles, home release dates. Pure parsers and
 * the blocking calls that feed them. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-json.h"
#include "providers/ssv-tmdb-discover.h"

#define MAX_KNOWN_FOR       3
#define HOME_AFTER_CINEMA_S (90 * 24 * 3600)

static const char * const media_names[] = { "movie", "tv", "person" };

const char *
ssv_tmdb_media_type_to_string (SsvTmdbMediaType type)
{
  return type <= SSV_TMDB_PERSON ? media_names[type] : "movie";
}

gboolean
ssv_tmdb_media_type_from_string (const char       *text,
                                 SsvTmdbMediaType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (media_names); i++)
    if (g_strcmp0 (text, media_names[i]) == 0)
      {
        *type = i;
        return TRUE;
      }

  return FALSE;
}

static void
set_malformed (GError    **error,
               const char *what)
{
  g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
               _("TMDB sent an answer that could not be read (%s)."), what);
}

void
ssv_tmdb_hit_free (SsvTmdbHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->title);
  g_free (hit->original_title);
  g_free (hit->date);
  g_free (hit->overview);
  g_free (hit->image_url);
  g_free (hit->backdrop_url);
  g_free (hit->known_for);
  g_free (hit->department);
  g_free (hit);
}

void
ssv_tmdb_credit_free (SsvTmdbCredit *credit)
{
  if (credit == NULL)
    return;

  g_free (credit->title);
  g_free (credit->date);
  g_free (credit->character);
  g_free (credit->job);
  g_free (credit->department);
  g_free (credit->poster_url);
  g_free (credit);
}

void
ssv_tmdb_person_free (SsvTmdbPerson *person)
{
  if (person == NULL)
    return;

  g_free (person->name);
  g_free (person->biography);
  g_free (person->birthday);
  g_free (person->deathday);
  g_free (person->place_of_birth);
  g_free (person->profile_url);
  g_free (person->known_for_department);
  g_free (person->imdb_id);
  g_clear_pointer (&person->credits, g_ptr_array_unref);
  g_free (person);
}

void
ssv_watch_provider_free (SsvWatchProvider *provider)
{
  if (provider == NULL)
    return;

  g_free (provider->name);
  g_free (provider->logo_url);
  g_free (provider->kind);
  g_free (provider);
}

/* A movie's title and release date, a show's name and first air date. */
static void
read_title_and_date (JsonObject        *item,
                     SsvTmdbMediaType   type,
                     char             **title,
                     char             **original,
                     char             **date)
{
  gboolean tv = type == SSV_TMDB_TV;

  *title = ssv_json_dup_string (item, tv || type == SSV_TMDB_PERSON ? "name" : "title");
  if (*title == NULL)
    *title = ssv_json_dup_string (item, tv ? "title" : "name");
  if (original != NULL)
    *original = ssv_json_dup_string (item, tv ? "original_name" : "original_title");
  *date = ssv_dup_valid_date (ssv_json_get_string (item, tv ? "first_air_date" : "release_date"));
}

/* "Heat, Ronin, Collateral": what a person is known for, from a search result. */
static char *
join_known_for (JsonArray *known_for)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0, n = 0; known_for != NULL && i < json_array_get_length (known_for) && n < MAX_KNOWN_FOR; i++)
    {
      JsonObject *item = ssv_json_array_object (known_for, i);
      const char *name = ssv_json_get_string (item, "title");

      if (name == NULL)
        name = ssv_json_get_string (item, "name");
      if (name == NULL || !g_utf8_validate (name, -1, NULL))
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, name);
      n++;
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static SsvTmdbHit *
parse_hit (JsonObject           *item,
           SsvTmdbMediaType      fallback,
           const SsvTmdbOptions *options)
{
  SsvTmdbHit *hit;
  SsvTmdbMediaType type = fallback;
  const char *media_type = ssv_json_get_string (item, "media_type");
  gint64 id;

  /* Collections and anything new are not titles to open. */
  if (media_type != NULL && !ssv_tmdb_media_type_from_string (media_type, &type))
    return NULL;
  if (!ssv_json_get_int (item, "id", &id) || id <= 0 || ssv_json_get_bool_or (item, "adult", FALSE))
    return NULL;

  hit = g_new0 (SsvTmdbHit, 1);
  hit->media_type = type;
  hit->id = id;
  read_title_and_date (item, type, &hit->title, &hit->original_title, &hit->date);
  hit->year = ssv_json_year_of (hit->date);
  hit->overview = ssv_json_dup_string (item, "overview");
  ssv_json_get_double (item, "popularity", &hit->popularity);
  ssv_json_get_double (item, "vote_average", &hit->rating);

  if (type == SSV_TMDB_PERSON)
    {
      hit->image_url = ssv_tmdb_image_url (options, "w185", ssv_json_get_string (item, "profile_path"));
      hit->known_for = join_known_for (ssv_json_get_array (item, "known_for"));
      hit->department = ssv_json_dup_string (item, "known_for_department");
    }
  else
    {
      hit->image_url = ssv_tmdb_image_url (options, "w342", ssv_json_get_string (item, "poster_path"));
      hit->backdrop_url = ssv_tmdb_image_url (options, "w780", ssv_json_get_string (item, "backdrop_path"));
    }

  if (hit->title == NULL || !g_utf8_validate (hit->title, -1, NULL))
    {
      ssv_tmdb_hit_free (hit);
      return NULL;
    }

  return hit;
}

/**
 * ssv_tmdb_parse_hits:
 * @fallback: the kind of results without a "media_type" (`/discover/movie`, `/search/person`)
 *
 * Reads a page of `/search/multi`, `/trending/…`, `/discover/…` or another
 * search. Collections and adult titles are left out.
 *
 * Returns: (transfer full) (element-type SsvTmdbHit): the results, in TMDB's order
 */
GPtrArray *
ssv_tmdb_parse_hits (JsonNode              *root,
                     SsvTmdbMediaType       fallback,
                     const SsvTmdbOptions  *options,
                     GError               **error)
{
  JsonArray *results = ssv_json_get_array (ssv_json_node_object (root), "results");
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_tmdb_hit_free);

  if (results == NULL)
    {
      set_malformed (error, "no results");
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      SsvTmdbHit *hit = parse_hit (ssv_json_array_object (results, i), fallback, options);

      if (hit != NULL)
        g_ptr_array_add (hits, hit);
    }

  return g_steal_pointer (&hits);
}

/* ---- people ----------------------------------------------------------------------- */

static SsvTmdbCredit *
parse_credit (JsonObject           *item,
              gboolean              cast,
              const SsvTmdbOptions *options)
{
  SsvTmdbCredit *credit;
  SsvTmdbMediaType type;
  gint64 id;

  if (!ssv_tmdb_media_type_from_string (ssv_json_get_string (item, "media_type"), &type) ||
      type == SSV_TMDB_PERSON || !ssv_json_get_int (item, "id", &id) || id <= 0 ||
      ssv_json_get_bool_or (item, "adult", FALSE))
    return NULL;

  credit = g_new0 (SsvTmdbCredit, 1);
  credit->media_type = type;
  credit->id = id;
  credit->cast = cast;
  read_title_and_date (item, type, &credit->title, NULL, &credit->date);
  credit->year = ssv_json_year_of (credit->date);
  credit->character = ssv_json_dup_string (item, "character");
  credit->job = ssv_json_dup_string (item, "job");
  credit->department = ssv_json_dup_string (item, "department");
  credit->poster_url = ssv_tmdb_image_url (options, "w185", ssv_json_get_string (item, "poster_path"));
  credit->episode_count = (int) CLAMP (ssv_json_get_int_or (item, "episode_count", 0), 0, 100000);
  ssv_json_get_double (item, "popularity", &credit->popularity);

  if (credit->title == NULL || !g_utf8_validate (credit->title, -1, NULL))
    {
      ssv_tmdb_credit_free (credit);
      return NULL;
    }

  return credit;
}

/* Upcoming (undated) first, then newest first; ties by title. */
static int
compare_credits (gconstpointer a,
                 gconstpointer b)
{
  const SsvTmdbCredit *x = *(SsvTmdbCredit * const *) a;
  const SsvTmdbCredit *y = *(SsvTmdbCredit * const *) b;
  int by_date;

  if ((x->date == NULL) != (y->date == NULL))
    return x->date == NULL ? -1 : 1;
  by_date = g_strcmp0 (y->date, x->date);

  return by_date != 0 ? by_date : g_strcmp0 (x->title, y->title);
}

static void
add_credits (GPtrArray            *credits,
             JsonArray            *list,
             gboolean              cast,
             const SsvTmdbOptions *options)
{
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      SsvTmdbCredit *credit = parse_credit (ssv_json_array_object (list, i), cast, options);

      if (credit != NULL)
        g_ptr_array_add (credits, credit);
    }
}

/**
 * ssv_tmdb_parse_person:
 *
 * Reads `/person/{id}` with `combined_credits` appended (or a bare
 * `/person/{id}/combined_credits`, which has no name).
 */
SsvTmdbPerson *
ssv_tmdb_parse_person (JsonNode              *root,
                       const SsvTmdbOptions  *options,
                       GError               **error)
{
  JsonObject *object = ssv_json_node_object (root);
  JsonObject *combined;
  g_autoptr(SsvTmdbPerson) person = NULL;
  gint64 id;

  if (object == NULL || !ssv_json_get_int (object, "id", &id) || id <= 0)
    {
      set_malformed (error, "no id");
      return NULL;
    }

  person = g_new0 (SsvTmdbPerson, 1);
  person->id = id;
  person->name = ssv_json_dup_string (object, "name");
  person->biography = ssv_json_dup_string (object, "biography");
  person->birthday = ssv_dup_valid_date (ssv_json_get_string (object, "birthday"));
  person->deathday = ssv_dup_valid_date (ssv_json_get_string (object, "deathday"));
  person->place_of_birth = ssv_json_dup_string (object, "place_of_birth");
  person->profile_url = ssv_tmdb_image_url (options, "h632", ssv_json_get_string (object, "profile_path"));
  person->known_for_department = ssv_json_dup_string (object, "known_for_department");
  if (ssv_is_imdb_id (ssv_json_get_string (object, "imdb_id")))
    person->imdb_id = ssv_json_dup_string (object, "imdb_id");
  person->credits = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_tmdb_credit_free);

  combined = ssv_json_get_object (object, "combined_credits");
  if (combined == NULL && ssv_json_get_array (object, "cast") != NULL)
    combined = object;
  add_credits (person->credits, ssv_json_get_array (combined, "cast"), TRUE, options);
  add_credits (person->credits, ssv_json_get_array (combined, "crew"), FALSE, options);
  g_ptr_array_sort (person->credits, compare_credits);

  return g_steal_pointer (&person);
}

/* ---- where to watch, other titles, release dates ------------------------------------ */

/**
 * ssv_tmdb_parse_watch_providers:
 * @region: "US", "DE", …
 * @link: (out) (optional): TMDB's page listing them (JustWatch's data)
 *
 * Reads `…/watch/providers` for one region: streaming first, then free, with
 * ads, to rent and to buy, each by TMDB's priority. None when the region has none.
 */
GPtrArray *
ssv_tmdb_parse_watch_providers (JsonNode              *root,
                                const char            *region,
                                const SsvTmdbOptions  *options,
                                char                 **link,
                                GError               **error)
{
  static const char * const kinds[] = { "flatrate", "free", "ads", "rent", "buy" };
  JsonObject *results = ssv_json_get_object (ssv_json_node_object (root), "results");
  JsonObject *local;
  g_autoptr(GPtrArray) providers = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_watch_provider_free);

  if (results == NULL)
    {
      set_malformed (error, "no results");
      return NULL;
    }

  local = region != NULL ? ssv_json_get_object (results, region) : NULL;
  if (link != NULL)
    *link = local != NULL ? ssv_json_dup_string (local, "link") : NULL;

  for (guint k = 0; local != NULL && k < G_N_ELEMENTS (kinds); k++)
    {
      JsonArray *list = ssv_json_get_array (local, kinds[k]);
      guint first = providers->len;

      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          JsonObject *item = ssv_json_array_object (list, i);
          SsvWatchProvider *provider;
          gint64 id;

          if (!ssv_json_get_int (item, "provider_id", &id) || id <= 0 ||
              ssv_json_get_string (item, "provider_name") == NULL)
            continue;

          provider = g_new0 (SsvWatchProvider, 1);
          provider->id = id;
          provider->name = ssv_json_dup_string (item, "provider_name");
          provider->logo_url = ssv_tmdb_image_url (options, "w92", ssv_json_get_string (item, "logo_path"));
          provider->kind = g_strdup (kinds[k]);
          provider->priority = (int) CLAMP (ssv_json_get_int_or (item, "display_priority", 1000), 0, 100000);
          g_ptr_array_add (providers, provider);
        }

      /* By priority within the kind; the kinds keep their order. */
      for (guint i = first + 1; i < providers->len; i++)
        for (guint j = i; j > first; j--)
          {
            SsvWatchProvider *a = g_ptr_array_index (providers, j - 1);
            SsvWatchProvider *b = g_ptr_array_index (providers, j);

            if (a->priority <= b->priority)
              break;
            providers->pdata[j - 1] = b;
            providers->pdata[j] = a;
          }
    }

  return g_steal_pointer (&providers);
}

/* TMDB's release types: 1 premiere, 2 limited, 3 theatrical, 4 digital, 5 physical, 6 TV. */
static void
scan_country (JsonObject  *country,
              char       **home,
              char       **cinema)
{
  JsonArray *dates = ssv_json_get_array (country, "release_dates");

  for (guint i = 0; dates != NULL && i < json_array_get_length (dates); i++)
    {
      JsonObject *item = ssv_json_array_object (dates, i);
      const char *when = ssv_json_get_string (item, "release_date");
      gint64 type = ssv_json_get_int_or (item, "type", 0);
      g_autofree char *date = when != NULL && strlen (when) >= 10 ? g_strndup (when, 10) : NULL;
      g_autofree char *valid = ssv_dup_valid_date (date);
      char **slot = type >= 4 && type <= 6 ? home : type == 2 || type == 3 ? cinema : NULL;

      if (valid != NULL && slot != NULL && (*slot == NULL || strcmp (valid, *slot) < 0))
        {
          g_free (*slot);
          *slot = g_steal_pointer (&valid);
        }
    }
}

static char *
add_days (const char *date,
          gint64      seconds)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) later = NULL;
  int year, month, day;

  if (sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;
  when = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (when == NULL)
    return NULL;
  later = g_date_time_add_seconds (when, (double) seconds);

  return later != NULL ? g_date_time_format (later, "%Y-%m-%d") : NULL;
}

/**
 * ssv_tmdb_home_release_date:
 * @root: `/movie/{id}/release_dates`, or the movie with `release_dates` appended
 * @region: (nullable): the person's country; its dates count first
 * @theatrical: (out) (optional): the earliest cinema release found
 *
 * When a movie can be had at home: the earliest digital, physical or TV
 * release (in @region, else anywhere), else the cinema release plus 90 days.
 *
 * Returns: (transfer full) (nullable): YYYY-MM-DD, or %NULL when TMDB has no dates
 */
char *
ssv_tmdb_home_release_date (JsonNode    *root,
                            const char  *region,
                            char       **theatrical)
{
  JsonObject *object = ssv_json_node_object (root);
  JsonObject *nested = ssv_json_get_object (object, "release_dates");
  JsonArray *results = ssv_json_get_array (nested != NULL ? nested : object, "results");
  g_autofree char *home = NULL;
  g_autofree char *cinema = NULL;

  for (int pass = 0; pass < 2 && home == NULL; pass++)
    for (guint i = 0; results != NULL && i < json_array_get_length (results); i++)
      {
        JsonObject *country = ssv_json_array_object (results, i);
        gboolean local = region != NULL && g_strcmp0 (ssv_json_get_string (country, "iso_3166_1"), region) == 0;

        /* First the person's country alone, then every country. */
        if (pass == 0 && !local)
          continue;
        scan_country (country, &home, &cinema);
      }

  if (theatrical != NULL)
    *theatrical = g_strdup (cinema);
  if (home != NULL)
    return g_steal_pointer (&home);
  if (cinema != NULL)
    return add_days (cinema, HOME_AFTER_CINEMA_S);

  return NULL;
}

/* ---- I/O ---------------------------------------------------------------------------- */

JsonNode *
ssv_tmdb_get (SsvHttp             *http,
              const char          *key,
              const char          *path,
              const char * const  *query,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autoptr(SsvHttpRequest) request = ssv_tmdb_request_new (path, key);

  for (guint i = 0; query != NULL && query[i] != NULL && query[i + 1] != NULL; i += 2)
    ssv_http_request_add_query (request, query[i], query[i + 1]);

  return ssv_http_send_json (http, request, cancellable, error);
}

static int
compare_providers (gconstpointer a,
                   gconstpointer b)
{
  const SsvWatchProvider *x = *(const SsvWatchProvider * const *) a;
  const SsvWatchProvider *y = *(const SsvWatchProvider * const *) b;

  if (x->priority != y->priority)
    return x->priority < y->priority ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

/**
 * ssv_tmdb_parse_provider_list:
 * @root: TMDB's /watch/providers/movie or /watch/providers/tv answer
 * @region: (nullable): the region whose display priority orders them
 * @providers: (inout): SsvWatchProvider* so far; those already in it are not added again
 *
 * Adds the services TMDB lists for a region: streaming ones and stores alike
 * (kind %NULL), by their display priority there, then by name.
 */
gboolean
ssv_tmdb_parse_provider_list (JsonNode              *root,
                              const char            *region,
                              const SsvTmdbOptions  *options,
                              GPtrArray             *providers,
                              GError               **error)
{
  JsonArray *results = ssv_json_get_array (ssv_json_node_object (root), "results");

  if (results == NULL)
    {
      set_malformed (error, "no results");
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *item = ssv_json_array_object (results, i);
      JsonObject *priorities = ssv_json_get_object (item, "display_priorities");
      SsvWatchProvider *provider;
      gboolean known = FALSE;
      gint64 id;

      if (!ssv_json_get_int (item, "provider_id", &id) || id <= 0 ||
          ssv_json_get_string (item, "provider_name") == NULL)
        continue;
      for (guint j = 0; j < providers->len && !known; j++)
        known = ((SsvWatchProvider *) g_ptr_array_index (providers, j))->id == id;
      if (known)
        continue;

      provider = g_new0 (SsvWatchProvider, 1);
      provider->id = id;
      provider->name = ssv_json_dup_string (item, "provider_name");
      provider->logo_url = ssv_tmdb_image_url (options, "w92", ssv_json_get_string (item, "logo_path"));
      provider->priority = (int) CLAMP (ssv_json_get_int_or (item, "display_priority", 1000), 0, 100000);
      if (priorities != NULL && region != NULL)
        provider->priority = (int) CLAMP (ssv_json_get_int_or (priorities, region, provider->priority), 0, 100000);
      g_ptr_array_add (providers, provider);
    }

  g_ptr_array_sort (providers, compare_providers);
  return TRUE;
}
