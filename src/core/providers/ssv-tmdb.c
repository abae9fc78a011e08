/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-tmdb.c: The Movie Database (v3): pure parsers and the blocking calls that feed them. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-json.h"
#include "providers/ssv-tmdb.h"

#define MAX_CAST          20
#define MAX_WRITERS       6
#define MAX_IMAGES_PER_KIND 10

static const SsvTmdbOptions default_options = { "https://image.tmdb.org/t/p", "en-US", "US" };

static const SsvTmdbOptions *
options_or_default (const SsvTmdbOptions *options)
{
  return options != NULL ? options : &default_options;
}

static void
set_malformed (GError    **error,
               const char *what)
{
  g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
               _("TMDB sent an answer that could not be read (%s)."), what);
}

/**
 * ssv_tmdb_image_url:
 * @size: "w500", "original", …
 * @file_path: TMDB's "/abc.jpg"
 *
 * Returns: (nullable): the full address, or %NULL when @file_path is not a TMDB path
 */
char *
ssv_tmdb_image_url (const SsvTmdbOptions *options,
                    const char           *size,
                    const char           *file_path)
{
  options = options_or_default (options);

  if (file_path == NULL || file_path[0] != '/' || file_path[1] == '\0' ||
      strstr (file_path, "..") != NULL || strpbrk (file_path, " ?#\\") != NULL ||
      !g_utf8_validate (file_path, -1, NULL))
    return NULL;

  return g_strconcat (options->image_base, "/", size, file_path, NULL);
}

/* "en-US" → "en" */
static char *
language_code (const SsvTmdbOptions *options)
{
  const char *language = options->language ? options->language : "en-US";
  const char *dash = strchr (language, '-');

  return dash ? g_strndup (language, dash - language) : g_strdup (language);
}

GPtrArray *
ssv_tmdb_parse_search (JsonNode              *root,
                       SsvItemKind            kind,
                       const SsvTmdbOptions  *options,
                       GError               **error)
{
  JsonObject *object = ssv_json_node_object (root);
  JsonArray *results = ssv_json_get_array (object, "results");
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_search_result_free);
  guint n;

  options = options_or_default (options);

  if (results == NULL)
    {
      set_malformed (error, "no results");
      return NULL;
    }

  n = json_array_get_length (results);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = ssv_json_array_object (results, i);
      SsvSearchResult *result;
      gint64 id;

      if (item == NULL || !ssv_json_get_int (item, "id", &id) || id <= 0)
        continue;

      result = g_new0 (SsvSearchResult, 1);
      result->id = id;
      result->title = ssv_json_dup_string (item, kind == SSV_ITEM_SHOW ? "name" : "title");
      result->original_title = ssv_json_dup_string (item, kind == SSV_ITEM_SHOW ? "original_name"
                                                                                : "original_title");
      result->year = ssv_json_year_of (ssv_json_get_string (item, kind == SSV_ITEM_SHOW ? "first_air_date"
                                                                                        : "release_date"));
      result->overview = ssv_json_dup_string (item, "overview");
      result->poster_url = ssv_tmdb_image_url (options, "w185", ssv_json_get_string (item, "poster_path"));
      ssv_json_get_double (item, "popularity", &result->popularity);
      g_ptr_array_add (found, result);
    }

  return g_steal_pointer (&found);
}

static void
add_images (SsvMeta              *meta,
            JsonObject           *images,
            const char           *member,
            SsvImageKind          kind,
            const char           *size,
            const SsvTmdbOptions *options)
{
  JsonArray *list = ssv_json_get_array (images, member);
  guint n = list ? json_array_get_length (list) : 0;
  guint added = 0;

  for (guint i = 0; i < n && added < MAX_IMAGES_PER_KIND; i++)
    {
      JsonObject *item = ssv_json_array_object (list, i);
      g_autofree char *url = ssv_tmdb_image_url (options, size, ssv_json_get_string (item, "file_path"));
      SsvMetaImage *image;
      double votes = 0;

      if (url == NULL)
        continue;

      image = ssv_meta_add_image (meta, kind, url);
      image->language = ssv_json_dup_string (item, "iso_639_1");
      ssv_json_get_double (item, "vote_average", &image->score);
      if (ssv_json_get_double (item, "vote_count", &votes))
        image->score += MIN (votes, 1000) / 1000.0;   /* more votes break ties */
      image->width = (int) CLAMP (ssv_json_get_int_or (item, "width", 0), 0, 100000);
      image->height = (int) CLAMP (ssv_json_get_int_or (item, "height", 0), 0, 100000);
      added++;
    }
}

static gboolean
has_credit (SsvMeta       *meta,
            SsvCreditRole  role,
            gint64         tmdb_id,
            const char    *name)
{
  for (guint i = 0; i < meta->credits->len; i++)
    {
      SsvMetaCredit *credit = g_ptr_array_index (meta->credits, i);

      if (credit->role == role &&
          ((tmdb_id > 0 && credit->tmdb_id == tmdb_id) || g_strcmp0 (credit->name, name) == 0))
        return TRUE;
    }

  return FALSE;
}

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  JsonObject *x = *(JsonObject **) a;
  JsonObject *y = *(JsonObject **) b;
  gint64 ox = ssv_json_get_int_or (x, "order", G_MAXINT);
  gint64 oy = ssv_json_get_int_or (y, "order", G_MAXINT);

  return ox < oy ? -1 : ox > oy ? 1 : 0;
}

static SsvMetaCredit *
add_person (SsvMeta              *meta,
            SsvCreditRole         role,
            JsonObject           *person,
            const SsvTmdbOptions *options)
{
  g_autofree char *name = ssv_json_dup_string (person, "name");
  gint64 id = ssv_json_get_int_or (person, "id", 0);
  SsvMetaCredit *credit;

  if (name == NULL || has_credit (meta, role, id, name))
    return NULL;

  credit = ssv_meta_add_credit (meta, role, name);
  credit->tmdb_id = MAX (id, 0);
  credit->profile_url = ssv_tmdb_image_url (options, "w185", ssv_json_get_string (person, "profile_path"));

  return credit;
}

static void
parse_credits (SsvMeta              *meta,
               JsonObject           *credits,
               const SsvTmdbOptions *options)
{
  JsonArray *cast = ssv_json_get_array (credits, "cast");
  JsonArray *crew = ssv_json_get_array (credits, "crew");
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  guint writers = 0;

  for (guint i = 0; cast != NULL && i < json_array_get_length (cast); i++)
    {
      JsonObject *person = ssv_json_array_object (cast, i);

      if (person != NULL)
        g_ptr_array_add (sorted, person);
    }
  /* Stable, so equal orders keep TMDB's sequence. */
  g_ptr_array_sort (sorted, compare_order);

  for (guint i = 0, added = 0; i < sorted->len && added < MAX_CAST; i++)
    {
      JsonObject *person = g_ptr_array_index (sorted, i);
      SsvMetaCredit *credit = add_person (meta, SSV_CREDIT_CAST, person, options);

      if (credit == NULL)
        continue;
      credit->character = ssv_json_dup_string (person, "character");
      credit->order = (int) added++;
    }

  for (guint i = 0; crew != NULL && i < json_array_get_length (crew); i++)
    {
      JsonObject *person = ssv_json_array_object (crew, i);
      const char *job = ssv_json_get_string (person, "job");
      const char *department = ssv_json_get_string (person, "department");
      SsvMetaCredit *credit = NULL;

      if (g_strcmp0 (job, "Director") == 0)
        credit = add_person (meta, SSV_CREDIT_DIRECTOR, person, options);
      else if (g_strcmp0 (department, "Writing") == 0 && writers < MAX_WRITERS)
        {
          credit = add_person (meta, SSV_CREDIT_WRITER, person, options);
          if (credit != NULL)
            writers++;
        }

      if (credit != NULL)
        {
          credit->job = g_strdup (job);
          credit->order = (int) meta->credits->len;
        }
    }
}

/* The certification for the region: movies list release dates per country. */
static char *
movie_certification (JsonObject *release_dates,
                     const char *region)
{
  JsonArray *results = ssv_json_get_array (release_dates, "results");

  for (guint i = 0; results != NULL && i < json_array_get_length (results); i++)
    {
      JsonObject *country = ssv_json_array_object (results, i);
      JsonArray *dates;

      if (g_strcmp0 (ssv_json_get_string (country, "iso_3166_1"), region) != 0)
        continue;

      dates = ssv_json_get_array (country, "release_dates");
      for (guint j = 0; dates != NULL && j < json_array_get_length (dates); j++)
        {
          char *certification = ssv_json_dup_string (ssv_json_array_object (dates, j), "certification");

          if (certification != NULL)
            return certification;
        }
    }

  return NULL;
}

static char *
show_certification (JsonObject *content_ratings,
                    const char *region)
{
  JsonArray *results = ssv_json_get_array (content_ratings, "results");

  for (guint i = 0; results != NULL && i < json_array_get_length (results); i++)
    {
      JsonObject *country = ssv_json_array_object (results, i);

      if (g_strcmp0 (ssv_json_get_string (country, "iso_3166_1"), region) == 0)
        return ssv_json_dup_string (country, "rating");
    }

  return NULL;
}

static char *
first_name_in (JsonObject *object,
               const char *member)
{
  JsonArray *list = ssv_json_get_array (object, member);

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      char *name = ssv_json_dup_string (ssv_json_array_object (list, i), "name");

      if (name != NULL)
        return name;
    }

  return NULL;
}

static char *
valid_date (JsonObject *object,
            const char *member)
{
  return ssv_dup_valid_date (ssv_json_get_string (object, member));
}

/* A show's "next_episode_to_air" and "last_episode_to_air", and whether it is in production. */
static void
parse_next_and_last (SsvMeta    *meta,
                     JsonObject *object)
{
  JsonObject *next = ssv_json_get_object (object, "next_episode_to_air");
  JsonObject *last = ssv_json_get_object (object, "last_episode_to_air");
  JsonNode *production = json_object_get_member (object, "in_production");
  gint64 season, number;

  if (ssv_json_get_int (next, "season_number", &season) && season >= 0 && season <= 10000 &&
      ssv_json_get_int (next, "episode_number", &number) && number > 0 && number <= 100000)
    {
      meta->next_episode_season = (int) season;
      meta->next_episode_number = (int) number;
      meta->next_episode_air_date = valid_date (next, "air_date");
    }

  if (ssv_json_get_int (last, "season_number", &season) && season >= 0 && season <= 10000 &&
      ssv_json_get_int (last, "episode_number", &number) && number > 0 && number <= 100000)
    {
      meta->last_episode_season = (int) season;
      meta->last_episode_number = (int) number;
    }

  if (production != NULL && JSON_NODE_HOLDS_VALUE (production) &&
      json_node_get_value_type (production) == G_TYPE_BOOLEAN)
    meta->in_production = json_node_get_boolean (production) ? 1 : 0;
}

/* Seasons asked for with the details ("append_to_response=season/3"): TMDB nests
 * each under "season/3", or leaves it out when the show has no such season. */
static void
parse_appended_seasons (SsvMeta              *meta,
                        JsonObject           *object,
                        const SsvTmdbOptions *options)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autoptr(GError) error = NULL;
      char *end = NULL;
      gint64 number;

      if (!g_str_has_prefix (name, "season/"))
        continue;

      number = g_ascii_strtoll (name + 7, &end, 10);
      if (end == name + 7 || *end != '\0' || number < 0 || number > 10000)
        continue;

      if (ssv_tmdb_parse_season (json_object_get_member (object, name), (int) number, options, meta, &error))
        {
          int n = (int) number;
          g_array_append_val (meta->answered_seasons, n);
        }
    }
}

/**
 * ssv_tmdb_parse_details:
 *
 * Reads `movie/{id}` or `tv/{id}` with external_ids, credits, images and
 * release dates or content ratings appended. For a show, the seasons it lists
 * are in @meta's seasons; their episodes come from ssv_tmdb_parse_season(), or
 * with the details when seasons were appended ("season/N"), which @meta's
 * answered_seasons then lists.
 */
SsvMeta *
ssv_tmdb_parse_details (JsonNode              *root,
                        SsvItemKind            kind,
                        const SsvTmdbOptions  *options,
                        GError               **error)
{
  JsonObject *object = ssv_json_node_object (root);
  JsonObject *external_ids;
  JsonObject *images;
  JsonArray *genres;
  g_autoptr(SsvMeta) meta = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *logo_tiers = NULL;
  const SsvMetaImage *logo;
  const char *imdb_id;
  gint64 id;
  gint64 tvdb_id;
  double rating;
  gboolean show = kind == SSV_ITEM_SHOW;

  options = options_or_default (options);

  if (object == NULL || !ssv_json_get_int (object, "id", &id) || id <= 0)
    {
      set_malformed (error, "no id");
      return NULL;
    }

  meta = ssv_meta_new (show ? SSV_ITEM_SHOW : SSV_ITEM_MOVIE);
  meta->tmdb_id = id;
  meta->title = ssv_json_dup_string (object, show ? "name" : "title");
  meta->original_title = ssv_json_dup_string (object, show ? "original_name" : "original_title");
  meta->overview = ssv_json_dup_string (object, "overview");
  meta->tagline = ssv_json_dup_string (object, "tagline");
  meta->status = ssv_json_dup_string (object, "status");

  if (ssv_json_get_double (object, "vote_average", &rating) && rating > 0 && rating <= 10)
    {
      meta->tmdb_rating = rating;
      meta->tmdb_votes = MAX (ssv_json_get_int_or (object, "vote_count", 0), 0);
    }

  external_ids = ssv_json_get_object (object, "external_ids");
  imdb_id = ssv_json_get_string (external_ids, "imdb_id");
  if (!ssv_is_imdb_id (imdb_id))
    imdb_id = ssv_json_get_string (object, "imdb_id");
  if (ssv_is_imdb_id (imdb_id))
    meta->imdb_id = g_strdup (imdb_id);
  if (ssv_json_get_int (external_ids, "tvdb_id", &tvdb_id) && tvdb_id > 0)
    meta->tvdb_id = tvdb_id;

  genres = ssv_json_get_array (object, "genres");
  for (guint i = 0; genres != NULL && i < json_array_get_length (genres); i++)
    ssv_meta_add_genre (meta, ssv_json_get_string (ssv_json_array_object (genres, i), "name"));

  if (show)
    {
      JsonArray *run_times = ssv_json_get_array (object, "episode_run_time");
      JsonArray *seasons = ssv_json_get_array (object, "seasons");
      JsonArray *creators = ssv_json_get_array (object, "created_by");

      meta->first_air_date = valid_date (object, "first_air_date");
      meta->last_air_date = valid_date (object, "last_air_date");
      meta->year = ssv_json_year_of (meta->first_air_date);
      meta->network = first_name_in (object, "networks");
      meta->content_rating = show_certification (ssv_json_get_object (object, "content_ratings"),
                                                 options->region);

      if (run_times != NULL && json_array_get_length (run_times) > 0)
        {
          JsonNode *first = json_array_get_element (run_times, 0);

          if (JSON_NODE_HOLDS_VALUE (first) && json_node_get_value_type (first) == G_TYPE_INT64)
            meta->runtime_minutes = (int) CLAMP (json_node_get_int (first), 0, 1000);
        }

      for (guint i = 0; creators != NULL && i < json_array_get_length (creators); i++)
        {
          SsvMetaCredit *credit = add_person (meta, SSV_CREDIT_CREATOR,
                                              ssv_json_array_object (creators, i), options);
          if (credit != NULL)
            credit->order = (int) i;
        }

      for (guint i = 0; seasons != NULL && i < json_array_get_length (seasons); i++)
        {
          JsonObject *item = ssv_json_array_object (seasons, i);
          SsvMetaSeason *season;
          gint64 number;

          if (!ssv_json_get_int (item, "season_number", &number) || number < 0 || number > 10000)
            continue;

          season = ssv_meta_add_season (meta, (int) number);
          season->title = ssv_json_dup_string (item, "name");
          season->overview = ssv_json_dup_string (item, "overview");
          season->air_date = valid_date (item, "air_date");
          season->poster_url = ssv_tmdb_image_url (options, "w342", ssv_json_get_string (item, "poster_path"));
          season->episode_count = (int) CLAMP (ssv_json_get_int_or (item, "episode_count", 0), 0, 100000);
        }

      parse_next_and_last (meta, object);
      parse_appended_seasons (meta, object, options);
    }
  else
    {
      JsonObject *collection = ssv_json_get_object (object, "belongs_to_collection");

      meta->release_date = valid_date (object, "release_date");
      meta->year = ssv_json_year_of (meta->release_date);
      meta->runtime_minutes = (int) CLAMP (ssv_json_get_int_or (object, "runtime", 0), 0, 10000);
      meta->studio = first_name_in (object, "production_companies");
      meta->collection = ssv_json_dup_string (collection, "name");
      meta->content_rating = movie_certification (ssv_json_get_object (object, "release_dates"),
                                                  options->region);
    }

  meta->poster_url = ssv_tmdb_image_url (options, "w500", ssv_json_get_string (object, "poster_path"));
  meta->backdrop_url = ssv_tmdb_image_url (options, "w1280", ssv_json_get_string (object, "backdrop_path"));

  parse_credits (meta, ssv_json_get_object (object, "credits"), options);

  images = ssv_json_get_object (object, "images");
  add_images (meta, images, "logos", SSV_IMAGE_LOGO, "w500", options);
  add_images (meta, images, "posters", SSV_IMAGE_POSTER, "w500", options);
  add_images (meta, images, "backdrops", SSV_IMAGE_BACKDROP, "w1280", options);

  /* The logo: the metadata language, then English, then one without text, then any. */
  lang = language_code (options);
  logo_tiers = g_strcmp0 (lang, "en") == 0 ? g_strdup ("en;null") : g_strconcat (lang, ";en;null", NULL);
  logo = ssv_meta_best_image (meta, SSV_IMAGE_LOGO, logo_tiers);
  if (logo != NULL)
    meta->logo_url = g_strdup (logo->url);

  return g_steal_pointer (&meta);
}

static SsvMetaSeason *
find_season (SsvMeta *meta,
             int      number)
{
  for (guint i = 0; i < meta->seasons->len; i++)
    {
      SsvMetaSeason *season = g_ptr_array_index (meta->seasons, i);

      if (season->season_number == number)
        return season;
    }

  return ssv_meta_add_season (meta, number);
}

/**
 * ssv_tmdb_parse_season:
 *
 * Adds the episodes of `tv/{id}/season/{n}` to @into. A body for another
 * season than asked for is malformed.
 */
gboolean
ssv_tmdb_parse_season (JsonNode              *root,
                       int                    season_number,
                       const SsvTmdbOptions  *options,
                       SsvMeta               *into,
                       GError               **error)
{
  JsonObject *object = ssv_json_node_object (root);
  JsonArray *episodes = ssv_json_get_array (object, "episodes");
  SsvMetaSeason *season;
  gint64 number;

  options = options_or_default (options);

  if (object == NULL || episodes == NULL)
    {
      set_malformed (error, "no episodes");
      return FALSE;
    }

  if (ssv_json_get_int (object, "season_number", &number) && number != season_number)
    {
      set_malformed (error, "another season");
      return FALSE;
    }

  season = find_season (into, season_number);
  if (season->title == NULL)
    season->title = ssv_json_dup_string (object, "name");
  if (season->overview == NULL)
    season->overview = ssv_json_dup_string (object, "overview");
  if (season->air_date == NULL)
    season->air_date = valid_date (object, "air_date");
  if (season->poster_url == NULL)
    season->poster_url = ssv_tmdb_image_url (options, "w342", ssv_json_get_string (object, "poster_path"));

  for (guint i = 0; i < json_array_get_length (episodes); i++)
    {
      JsonObject *item = ssv_json_array_object (episodes, i);
      SsvMetaEpisode *episode;
      gint64 episode_number;
      double rating;

      if (!ssv_json_get_int (item, "episode_number", &episode_number) ||
          episode_number < 0 || episode_number > 100000)
        continue;

      episode = ssv_meta_add_episode (into, season_number, (int) episode_number);
      episode->tmdb_id = MAX (ssv_json_get_int_or (item, "id", 0), 0);
      episode->title = ssv_json_dup_string (item, "name");
      episode->overview = ssv_json_dup_string (item, "overview");
      episode->air_date = valid_date (item, "air_date");
      episode->runtime_minutes = (int) CLAMP (ssv_json_get_int_or (item, "runtime", 0), 0, 10000);
      episode->still_url = ssv_tmdb_image_url (options, "w300", ssv_json_get_string (item, "still_path"));
      if (ssv_json_get_double (item, "vote_average", &rating) && rating > 0 && rating <= 10)
        episode->rating = rating;
    }

  season->episode_count = MAX (season->episode_count, (int) json_array_get_length (episodes));

  return TRUE;
}

/* ---- I/O ----------------------------------------------------------------- */

/* A v4 read access token is a JWT; a v3 key is 32 hex digits. */
static gboolean
is_bearer_token (const char *key)
{
  return key != NULL && strlen (key) > 64 && strchr (key, '.') != NULL;
}

SsvHttpRequest *
ssv_tmdb_request_new (const char *path,
                      const char *key)
{
  SsvHttpRequest *request = ssv_http_request_new ("tmdb", "GET", path);

  if (is_bearer_token (key))
    {
      g_autofree char *value = g_strconcat ("Bearer ", key, NULL);
      ssv_http_request_set_secret_header (request, "Authorization", value);
    }
  else
    ssv_http_request_add_secret_query (request, "api_key", key);

  return request;
}

static JsonNode *
send (SsvHttp         *http,
      SsvHttpRequest  *request,
      GCancellable    *cancellable,
      GError         **error)
{
  return ssv_http_send_json (http, request, cancellable, error);
}

GPtrArray *
ssv_tmdb_search (SsvHttp               *http,
                 const char            *key,
                 SsvItemKind            kind,
                 const char            *query,
                 int                    year,
                 const SsvTmdbOptions  *options,
                 GCancellable          *cancellable,
                 GError               **error)
{
  gboolean show = kind == SSV_ITEM_SHOW;

  options = options_or_default (options);

  /* With the year first; a wrong year in a file name should not hide the title. */
  for (int pass = year > 0 ? 0 : 1; pass < 2; pass++)
    {
      g_autoptr(SsvHttpRequest) request = ssv_tmdb_request_new (show ? "/search/tv" : "/search/movie", key);
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GPtrArray) results = NULL;

      ssv_http_request_add_query (request, "query", query);
      ssv_http_request_add_query (request, "language", options->language);
      ssv_http_request_add_query (request, "include_adult", "false");
      if (pass == 0)
        ssv_http_request_add_query_int (request, show ? "first_air_date_year" : "year", year);

      root = send (http, request, cancellable, error);
      if (root == NULL)
        return NULL;

      results = ssv_tmdb_parse_search (root, kind, options, error);
      if (results == NULL)
        return NULL;
      if (results->len > 0 || pass == 1)
        return g_steal_pointer (&results);
    }

  g_assert_not_reached ();
  return NULL;
}

SsvMeta *
ssv_tmdb_fetch_details (SsvHttp               *http,
                        const char            *key,
                        SsvItemKind            kind,
                        gint64                 tmdb_id,
                        const SsvTmdbOptions  *options,
                        GCancellable          *cancellable,
                        GError               **error)
{
  g_autofree char *path = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *image_languages = NULL;
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autoptr(JsonNode) root = NULL;
  gboolean show = kind == SSV_ITEM_SHOW;

  options = options_or_default (options);
  lang = language_code (options);
  image_languages = g_strcmp0 (lang, "en") == 0 ? g_strdup ("en,null") : g_strconcat (lang, ",en,null", NULL);

  path = g_strdup_printf ("/%s/%" G_GINT64_FORMAT, show ? "tv" : "movie", tmdb_id);
  request = ssv_tmdb_request_new (path, key);
  ssv_http_request_add_query (request, "language", options->language);
  ssv_http_request_add_query (request, "append_to_response",
                              show ? "external_ids,credits,images,content_ratings"
                                   : "external_ids,credits,images,release_dates");
  ssv_http_request_add_query (request, "include_image_language", image_languages);

  root = send (http, request, cancellable, error);
  if (root == NULL)
    return NULL;

  return ssv_tmdb_parse_details (root, kind, options, error);
}

/* TMDB answers up to 20 appended parts with the details. */
#define MAX_APPENDED 20

/**
 * ssv_tmdb_fetch_refresh:
 * @seasons: (element-type int) (nullable): a show's seasons to have with the
 *   details, at most 18 (the rest of TMDB's limit of 20 appended parts)
 *
 * One call for a second look at a title: the details with external ids and
 * ratings or release dates, and a show's @seasons appended, which @meta's
 * answered_seasons then lists (a season the show does not have is left out).
 * Credits and images are not asked for again.
 */
SsvMeta *
ssv_tmdb_fetch_refresh (SsvHttp               *http,
                        const char            *key,
                        SsvItemKind            kind,
                        gint64                 tmdb_id,
                        GArray                *seasons,
                        const SsvTmdbOptions  *options,
                        GCancellable          *cancellable,
                        GError               **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GString) append = NULL;
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autoptr(JsonNode) root = NULL;
  gboolean show = kind == SSV_ITEM_SHOW;

  options = options_or_default (options);
  append = g_string_new (show ? "external_ids,content_ratings" : "external_ids,release_dates");
  for (guint i = 0; show && seasons != NULL && i < seasons->len && i < MAX_APPENDED - 2; i++)
    g_string_append_printf (append, ",season/%d", g_array_index (seasons, int, i));

  path = g_strdup_printf ("/%s/%" G_GINT64_FORMAT, show ? "tv" : "movie", tmdb_id);
  request = ssv_tmdb_request_new (path, key);
  ssv_http_request_add_query (request, "language", options->language);
  ssv_http_request_add_query (request, "append_to_response", append->str);

  root = send (http, request, cancellable, error);
  if (root == NULL)
    return NULL;

  return ssv_tmdb_parse_details (root, kind, options, error);
}

gboolean
ssv_tmdb_fetch_season (SsvHttp               *http,
                       const char            *key,
                       gint64                 show_tmdb_id,
                       int                    season_number,
                       const SsvTmdbOptions  *options,
                       SsvMeta               *into,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autofree char *path = g_strdup_printf ("/tv/%" G_GINT64_FORMAT "/season/%d", show_tmdb_id, season_number);
  g_autoptr(SsvHttpRequest) request = ssv_tmdb_request_new (path, key);
  g_autoptr(JsonNode) root = NULL;

  options = options_or_default (options);
  ssv_http_request_add_query (request, "language", options->language);

  root = send (http, request, cancellable, error);
  if (root == NULL)
    return FALSE;

  return ssv_tmdb_parse_season (root, season_number, options, into, error);
}

/**
 * ssv_tmdb_parse_alternative_titles:
 * @root: `/movie/{id}/alternative_titles` ("titles") or `/tv/{id}/alternative_titles` ("results")
 *
 * The other names a film or show goes by ("El club de la lucha"), in TMDB's
 * order, each once: release names use them, and a search accepts them.
 *
 * Returns: (transfer full) (array zero-terminated=1): the titles, maybe none
 */
char **
ssv_tmdb_parse_alternative_titles (JsonNode  *root,
                                   GError   **error)
{
  JsonObject *object = ssv_json_node_object (root);
  JsonArray *titles = ssv_json_get_array (object, "titles");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (titles == NULL)
    titles = ssv_json_get_array (object, "results");
  if (object == NULL || titles == NULL)
    {
      set_malformed (error, _("no list of titles"));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (titles); i++)
    {
      const char *title = ssv_json_get_string (ssv_json_array_object (titles, i), "title");

      if (title == NULL || title[0] == '\0' || g_hash_table_contains (seen, title))
        continue;
      g_hash_table_add (seen, (gpointer) title);
      g_strv_builder_add (builder, title);
    }
  return g_strv_builder_end (builder);
}

char **
ssv_tmdb_fetch_alternative_titles (SsvHttp       *http,
                                   const char    *key,
                                   SsvItemKind    kind,
                                   gint64         tmdb_id,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autofree char *path = g_strdup_printf ("/%s/%" G_GINT64_FORMAT "/alternative_titles",
                                           kind == SSV_ITEM_SHOW ? "tv" : "movie", tmdb_id);
  g_autoptr(SsvHttpRequest) request = ssv_tmdb_request_new (path, key);
  g_autoptr(JsonNode) root = send (http, request, cancellable, error);

  if (root == NULL)
    return NULL;
  return ssv_tmdb_parse_alternative_titles (root, error);
}

/* A cheap call every valid key may make. */
gboolean
ssv_tmdb_test_key (SsvHttp       *http,
                   const char    *key,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(SsvHttpRequest) request = ssv_tmdb_request_new ("/configuration", key);
  g_autoptr(JsonNode) root = NULL;

  ssv_http_request_set_max_retries (request, 0);
  root = send (http, request, cancellable, error);

  return root != NULL;
}
