/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-providers.c: TMDB, TheTVDB, OMDb, fanart.tv and OpenSubtitles on one fake
 * server, answering from the recorded fixtures, checking keys like the real ones. */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "ssv-fake-providers.h"

#define SYNTHETIC_MOVIE_BASE 1000000
#define SYNTHETIC_SHOW_BASE  2000000

struct _SsvFakeProviders
{
  SsvFakeServer *server;

  GMutex         lock;
  GHashTable    *keys;            /* provider → the key it accepts */
  GHashTable    *revoke_after;    /* provider → requests left before its key stops working */
  char          *tvdb_token;
  guint          tvdb_logins;
  gboolean       omdb_limit;
  guint          synthetic_movies;
  guint          synthetic_shows;
  guint          synthetic_seasons;
  gboolean       synthetic_airing;
  GHashTable    *answers;         /* TMDB path → Answer set by a test */

  /* Read-only after construction. */
  JsonNode      *movie_550;
  JsonNode      *tv_1399;
  JsonNode      *tv_2;
  JsonNode      *season_template;
  JsonNode      *search_movie;
  JsonNode      *search_tv;
  JsonNode      *tvdb_series;
  JsonNode      *tvdb_episodes;
  JsonNode      *tvdb_search;
  JsonNode      *omdb_movie;
};

/* A TMDB answer a test set for one path. */
typedef struct
{
  guint     status;
  JsonNode *body;
} Answer;

static void
answer_free (gpointer data)
{
  Answer *answer = data;

  g_clear_pointer (&answer->body, json_node_unref);
  g_free (answer);
}

gboolean ssv_fake_providers_handle (SsvFakeServer        *server,
                                    const SsvFakeRequest *request,
                                    guint                *status,
                                    char                **content_type,
                                    GBytes              **body,
                                    gpointer              user_data);

static JsonNode *
load_json (const char *fixture)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load (fixture);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!json_parser_load_from_data (parser, data, (gssize) size, &error))
    g_error ("Fixture %s is not JSON: %s", fixture, error->message);

  return json_node_ref (json_parser_get_root (parser));
}

/* json_node_copy() shares objects and arrays; answers that get edited need their own. */
static JsonNode *
deep_copy (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, text, -1, NULL))
    g_error ("Could not copy a JSON answer");

  return json_node_ref (json_parser_get_root (parser));
}

static JsonObject *
obj (JsonNode *node)
{
  return json_node_get_object (node);
}

/* movie/550 with external_ids, credits and images appended, as TMDB nests them. */
static JsonNode *
compose_movie_550 (void)
{
  JsonNode *details = load_json ("tmdb/movie-details.json");

  json_object_set_member (obj (details), "external_ids", load_json ("tmdb/movie-external-ids.json"));
  json_object_set_member (obj (details), "credits", load_json ("tmdb/movie-credits.trimmed.json"));
  json_object_set_member (obj (details), "images", load_json ("tmdb/movie-images.trimmed.json"));

  return details;
}

static JsonNode *
compose_tv_1399 (void)
{
  JsonNode *details = load_json ("tmdb/tv-details.json");
  JsonObject *external_ids = json_object_new ();

  /* No recording of tv/1399/external_ids: Game of Thrones' public ids. */
  json_object_set_string_member (external_ids, "imdb_id", "tt0944947");
  json_object_set_int_member (external_ids, "tvdb_id", 121361);
  json_object_set_object_member (obj (details), "external_ids", external_ids);
  json_object_set_member (obj (details), "images", load_json ("tmdb/tv-images.trimmed.json"));

  return details;
}

SsvFakeProviders *
ssv_fake_providers_new (SsvFakeServer *server)
{
  SsvFakeProviders *self = g_new0 (SsvFakeProviders, 1);

  g_mutex_init (&self->lock);
  self->server = server;
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->revoke_after = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, answer_free);
  self->movie_550 = compose_movie_550 ();
  self->tv_1399 = compose_tv_1399 ();
  self->tv_2 = load_json ("tmdb/tv-details-complex.json");
  self->season_template = load_json ("tmdb/tv-season-details.trimmed.json");
  self->search_movie = load_json ("tmdb/search-movie.json");
  self->search_tv = load_json ("tmdb/search-tv.json");
  self->tvdb_series = load_json ("tvdb/series_78878_extended.json");
  self->tvdb_episodes = load_json ("tvdb/series_75978_episodes_default.json");
  self->tvdb_search = load_json ("tvdb/search_saint_seiya_type_series.json");
  self->omdb_movie = load_json ("omdb/movie_tt0137523.SHAPE.json");

  {
    static const char * const routes[] = { "/tmdb/*", "/tvdb/*", "/omdb/*", "/fanart/*", "/opensubtitles/*",
                                           /* OMDb answers at its root: "/?i=…". */
                                           "/omdb" };

    for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
      ssv_fake_server_add_handler (server, routes[i], ssv_fake_providers_handle, self, NULL);
  }

  return self;
}

void
ssv_fake_providers_free (SsvFakeProviders *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->keys);
  g_hash_table_unref (self->revoke_after);
  g_hash_table_unref (self->answers);
  g_free (self->tvdb_token);
  json_node_unref (self->movie_550);
  json_node_unref (self->tv_1399);
  json_node_unref (self->tv_2);
  json_node_unref (self->season_template);
  json_node_unref (self->search_movie);
  json_node_unref (self->search_tv);
  json_node_unref (self->tvdb_series);
  json_node_unref (self->tvdb_episodes);
  json_node_unref (self->tvdb_search);
  json_node_unref (self->omdb_movie);
  g_mutex_clear (&self->lock);
  g_free (self);
}

char *
ssv_fake_providers_dup_url (SsvFakeProviders *self,
                            const char       *provider)
{
  return g_strdup_printf ("%s/%s", ssv_fake_server_get_url (self->server), provider);
}

/* Points every provider (and TMDB's image host) of @http at the fake server. */
void
ssv_fake_providers_point_http (SsvFakeProviders *self,
                               SsvHttp          *http)
{
  static const char * const services[] = { "tmdb", "tvdb", "omdb", "fanart", "opensubtitles" };
  g_autofree char *images = g_strdup_printf ("%s/images", ssv_fake_server_get_url (self->server));

  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      g_autofree char *url = ssv_fake_providers_dup_url (self, services[i]);
      ssv_http_set_base_url (http, services[i], url);
    }
  ssv_http_set_base_url (http, "tmdb-images", images);
}

void
ssv_fake_providers_set_key (SsvFakeProviders *self,
                            const char       *provider,
                            const char       *key)
{
  g_mutex_lock (&self->lock);
  g_hash_table_insert (self->keys, g_strdup (provider), g_strdup (key));
  g_hash_table_remove (self->revoke_after, provider);
  if (g_strcmp0 (provider, "tvdb") == 0)
    g_clear_pointer (&self->tvdb_token, g_free);
  g_mutex_unlock (&self->lock);
}

/* As if the person revoked the key on the provider's site after @requests more calls. */
void
ssv_fake_providers_revoke_key_after (SsvFakeProviders *self,
                                     const char       *provider,
                                     guint             requests)
{
  g_mutex_lock (&self->lock);
  g_hash_table_insert (self->revoke_after, g_strdup (provider), GUINT_TO_POINTER (requests + 1));
  g_mutex_unlock (&self->lock);
}

/* Tokens expire: the next call with the old one gets a 401. */
void
ssv_fake_providers_expire_tvdb_token (SsvFakeProviders *self)
{
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->tvdb_token, g_free);
  g_mutex_unlock (&self->lock);
}

guint
ssv_fake_providers_get_tvdb_logins (SsvFakeProviders *self)
{
  guint logins;

  g_mutex_lock (&self->lock);
  logins = self->tvdb_logins;
  g_mutex_unlock (&self->lock);

  return logins;
}

void
ssv_fake_providers_set_omdb_limit (SsvFakeProviders *self,
                                   gboolean          reached)
{
  g_mutex_lock (&self->lock);
  self->omdb_limit = reached;
  g_mutex_unlock (&self->lock);
}

/* "Synthetic Movie 7" and "Synthetic Show 7" become known titles, built from the
 * Fight Club and Game of Thrones recordings. */
void
ssv_fake_providers_add_synthetic (SsvFakeProviders *self,
                                  guint             n_movies,
                                  guint             n_shows,
                                  guint             seasons_per_show)
{
  g_mutex_lock (&self->lock);
  self->synthetic_movies = n_movies;
  self->synthetic_shows = n_shows;
  self->synthetic_seasons = seasons_per_show;
  g_mutex_unlock (&self->lock);
}

/* Synthetic shows still air: "Returning Series", with a next episode after their last season. */
void
ssv_fake_providers_set_synthetic_airing (SsvFakeProviders *self,
                                         gboolean          airing)
{
  g_mutex_lock (&self->lock);
  self->synthetic_airing = airing;
  g_mutex_unlock (&self->lock);
}

/**
 * ssv_fake_providers_set_tmdb:
 * @path: TMDB's path, "/tv/37854", "/tv/37854/season/20", "/person/12312"
 * @status: what it answers; 0 (with @json %NULL) forgets the answer
 * @json: (nullable): the body; %NULL for TMDB's error body
 *
 * What TMDB answers for @path from now on, before any recording. A show's
 * details with "season/N" appended carry the answers set for its seasons
 * (a season without an answer, or with an error, is left out, as TMDB does).
 */
void
ssv_fake_providers_set_tmdb (SsvFakeProviders *self,
                             const char       *path,
                             guint             status,
                             const char       *json)
{
  Answer *answer;

  g_mutex_lock (&self->lock);
  if (status == 0)
    {
      g_hash_table_remove (self->answers, path);
      g_mutex_unlock (&self->lock);
      return;
    }

  answer = g_new0 (Answer, 1);
  answer->status = status;
  if (json != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      if (!json_parser_load_from_data (parser, json, -1, &error))
        g_error ("The answer for %s is not JSON: %s", path, error->message);
      answer->body = json_node_ref (json_parser_get_root (parser));
    }
  g_hash_table_replace (self->answers, g_strdup (path), answer);
  g_mutex_unlock (&self->lock);
}

/* Answers @path with a recorded fixture ("tmdb/search-multi.json"). */
void
ssv_fake_providers_set_tmdb_fixture (SsvFakeProviders *self,
                                     const char       *path,
                                     const char       *fixture)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load (fixture);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  ssv_fake_providers_set_tmdb (self, path, 200, text);
}

/* ---- answering ------------------------------------------------------------ */

static gboolean
reply_node (JsonNode  *node,
            guint      status,
            guint     *status_out,
            char     **content_type,
            GBytes   **body)
{
  g_autofree char *text = json_to_string (node, FALSE);
  gsize length = strlen (text);

  *status_out = status;
  *content_type = g_strdup ("application/json");
  *body = g_bytes_new_take (g_steal_pointer (&text), length);

  return TRUE;
}

static gboolean
reply_text (const char  *text,
            guint        status,
            guint       *status_out,
            char       **content_type,
            GBytes     **body)
{
  *status_out = status;
  *content_type = g_strdup ("application/json");
  *body = g_bytes_new (text, strlen (text));

  return TRUE;
}

static gboolean
reply_fixture (const char  *fixture,
               guint        status,
               guint       *status_out,
               char       **content_type,
               GBytes     **body)
{
  *status_out = status;
  *content_type = g_strdup ("application/json");
  *body = ssv_fixture_load (fixture);

  return TRUE;
}

static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));

  return g_string_free (out, FALSE);
}

static gboolean
key_ok (SsvFakeProviders *self,
        const char       *provider,
        const char       *key)
{
  const char *expected;
  gboolean ok;

  g_mutex_lock (&self->lock);
  expected = g_hash_table_lookup (self->keys, provider);
  ok = expected != NULL && g_strcmp0 (expected, key) == 0;
  if (g_hash_table_contains (self->revoke_after, provider))
    {
      guint left = GPOINTER_TO_UINT (g_hash_table_lookup (self->revoke_after, provider));

      if (left <= 1)
        {
          ok = FALSE;
          g_hash_table_remove (self->keys, provider);
          g_hash_table_remove (self->revoke_after, provider);
        }
      else
        g_hash_table_insert (self->revoke_after, g_strdup (provider), GUINT_TO_POINTER (left - 1));
    }
  g_mutex_unlock (&self->lock);

  return ok;
}

static gboolean
parse_id (const char  *text,
          const char **rest,
          gint64      *id)
{
  char *end = NULL;

  *id = g_ascii_strtoll (text, &end, 10);
  if (end == text)
    return FALSE;
  if (rest != NULL)
    *rest = end;

  return *id > 0;
}

static JsonObject *
search_entry_from (JsonObject *details,
                   gboolean    show)
{
  JsonObject *entry = json_object_new ();
  static const char * const movie_members[] = { "id", "title", "original_title", "release_date", "overview",
                                                "poster_path", "backdrop_path", "popularity", NULL };
  static const char * const show_members[] = { "id", "name", "original_name", "first_air_date", "overview",
                                               "poster_path", "backdrop_path", "popularity", NULL };
  const char * const *members = show ? show_members : movie_members;

  for (guint i = 0; members[i] != NULL; i++)
    if (json_object_has_member (details, members[i]))
      json_object_set_member (entry, members[i], json_node_copy (json_object_get_member (details, members[i])));

  return entry;
}

static gboolean
tmdb_search (SsvFakeProviders  *self,
             GHashTable        *params,
             gboolean           show,
             guint             *status,
             char             **content_type,
             GBytes           **body)
{
  g_autofree char *wanted = normalize (g_hash_table_lookup (params, "query"));
  const char *year_text = g_hash_table_lookup (params, show ? "first_air_date_year" : "year");
  JsonArray *recorded = json_object_get_array_member (obj (show ? self->search_tv : self->search_movie), "results");
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *answer = json_object_new ();
  JsonArray *results = json_array_new ();
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  const char *prefix = show ? "syntheticshow" : "syntheticmovie";
  const char *date_member = show ? "first_air_date" : "release_date";
  const char *title_member = show ? "name" : "title";
  guint synthetic_count;

  g_mutex_lock (&self->lock);
  synthetic_count = show ? self->synthetic_shows : self->synthetic_movies;
  g_mutex_unlock (&self->lock);

  if (g_str_has_prefix (wanted, prefix) && synthetic_count > 0)
    {
      gint64 n = g_ascii_strtoll (wanted + strlen (prefix), NULL, 10);

      if (n > 0 && n <= synthetic_count)
        {
          JsonObject *entry = json_object_new ();
          g_autofree char *title = g_strdup_printf (show ? "Synthetic Show %" G_GINT64_FORMAT
                                                         : "Synthetic Movie %" G_GINT64_FORMAT, n);

          json_object_set_int_member (entry, "id", (show ? SYNTHETIC_SHOW_BASE : SYNTHETIC_MOVIE_BASE) + n);
          json_object_set_string_member (entry, title_member, title);
          json_object_set_string_member (entry, date_member, show ? "2010-01-01" : "2000-01-01");
          g_ptr_array_add (candidates, entry);
        }
    }
  else
    {
      if (show)
        g_ptr_array_add (candidates, search_entry_from (obj (self->tv_2), TRUE));
      else
        g_ptr_array_add (candidates, search_entry_from (obj (self->movie_550), FALSE));
      for (guint i = 0; i < json_array_get_length (recorded); i++)
        g_ptr_array_add (candidates, json_object_ref (json_array_get_object_element (recorded, i)));
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      JsonObject *entry = g_ptr_array_index (candidates, i);
      g_autofree char *title = normalize (json_object_get_string_member_with_default (entry, title_member, ""));
      const char *date = json_object_get_string_member_with_default (entry, date_member, "");

      if (wanted[0] == '\0' || (strstr (title, wanted) == NULL && strstr (wanted, title) == NULL))
        continue;
      if (year_text != NULL && !g_str_has_prefix (date, year_text))
        continue;
      json_array_add_object_element (results, json_object_ref (entry));
    }

  json_object_set_int_member (answer, "page", 1);
  json_object_set_int_member (answer, "total_results", json_array_get_length (results));
  json_object_set_int_member (answer, "total_pages", 1);
  json_object_set_array_member (answer, "results", results);
  json_node_take_object (root, answer);

  return reply_node (root, 200, status, content_type, body);
}

static JsonNode *
tmdb_details (SsvFakeProviders *self,
              gboolean          show,
              gint64            id)
{
  guint synthetic_movies, synthetic_shows, seasons;
  gboolean airing;

  g_mutex_lock (&self->lock);
  synthetic_movies = self->synthetic_movies;
  synthetic_shows = self->synthetic_shows;
  seasons = self->synthetic_seasons;
  airing = self->synthetic_airing;
  g_mutex_unlock (&self->lock);

  if (!show && id == 550)
    return deep_copy (self->movie_550);
  if (show && id == 1399)
    return deep_copy (self->tv_1399);
  if (show && id == 2)
    return deep_copy (self->tv_2);

  if (!show && id > SYNTHETIC_MOVIE_BASE && id <= SYNTHETIC_MOVIE_BASE + synthetic_movies)
    {
      JsonNode *copy = deep_copy (self->movie_550);
      gint64 n = id - SYNTHETIC_MOVIE_BASE;
      g_autofree char *title = g_strdup_printf ("Synthetic Movie %" G_GINT64_FORMAT, n);
      g_autofree char *imdb = g_strdup_printf ("tt9%06" G_GINT64_FORMAT, n);

      json_object_set_int_member (obj (copy), "id", id);
      json_object_set_string_member (obj (copy), "title", title);
      json_object_set_string_member (obj (copy), "imdb_id", imdb);
      json_object_set_string_member (json_object_get_object_member (obj (copy), "external_ids"), "imdb_id", imdb);
      return copy;
    }

  if (show && id > SYNTHETIC_SHOW_BASE && id <= SYNTHETIC_SHOW_BASE + synthetic_shows)
    {
      JsonNode *copy = deep_copy (self->tv_1399);
      JsonArray *list = json_array_new ();
      gint64 n = id - SYNTHETIC_SHOW_BASE;
      g_autofree char *title = g_strdup_printf ("Synthetic Show %" G_GINT64_FORMAT, n);

      for (guint s = 1; s <= seasons; s++)
        {
          JsonObject *season = json_object_new ();

          json_object_set_int_member (season, "season_number", s);
          json_object_set_string_member (season, "name", "Season");
          json_object_set_int_member (season, "episode_count", 10);
          json_array_add_object_element (list, season);
        }
      json_object_set_int_member (obj (copy), "id", id);
      json_object_set_string_member (obj (copy), "name", title);
      json_object_set_array_member (obj (copy), "seasons", list);
      json_object_remove_member (obj (copy), "external_ids");
      if (airing)
        {
          JsonObject *next = json_object_new ();

          json_object_set_int_member (next, "season_number", seasons);
          json_object_set_int_member (next, "episode_number", 11);
          json_object_set_string_member (next, "air_date", "2099-01-01");
          json_object_set_object_member (obj (copy), "next_episode_to_air", next);
          json_object_set_string_member (obj (copy), "status", "Returning Series");
          json_object_set_boolean_member (obj (copy), "in_production", TRUE);
        }
      return copy;
    }

  return NULL;
}

static gboolean
show_has_season (JsonNode *details,
                 gint64    number)
{
  JsonArray *seasons = json_object_get_array_member (obj (details), "seasons");

  for (guint i = 0; seasons != NULL && i < json_array_get_length (seasons); i++)
    if (json_object_get_int_member (json_array_get_object_element (seasons, i), "season_number") == number)
      return TRUE;

  return FALSE;
}

/* tv/{id}/season/{n}: the recorded season, renumbered for the others. */
static JsonNode *
derive_season (SsvFakeProviders *self,
               gint64            show_id,
               gint64            number)
{
  JsonNode *copy = deep_copy (self->season_template);
  JsonArray *episodes = json_object_get_array_member (obj (copy), "episodes");
  g_autofree char *name = g_strdup_printf ("Season %" G_GINT64_FORMAT, number);

  if (show_id == 1399 && number == 1)
    return copy;

  json_object_set_int_member (obj (copy), "season_number", number);
  json_object_set_string_member (obj (copy), "name", name);
  json_object_set_int_member (obj (copy), "id", show_id * 100 + number);
  for (guint i = 0; i < json_array_get_length (episodes); i++)
    {
      JsonObject *episode = json_array_get_object_element (episodes, i);

      json_object_set_int_member (episode, "season_number", number);
      json_object_set_int_member (episode, "show_id", show_id);
      json_object_set_int_member (episode, "id", show_id * 10000 + number * 100 + i + 1);
    }

  return copy;
}

/* The season answer a test set, or NULL; *status gets its status. */
static JsonNode *
answer_for (SsvFakeProviders *self,
            const char       *path,
            guint            *status)
{
  Answer *answer;
  JsonNode *node = NULL;

  g_mutex_lock (&self->lock);
  answer = g_hash_table_lookup (self->answers, path);
  *status = answer != NULL ? answer->status : 0;
  if (answer != NULL && answer->body != NULL)
    node = deep_copy (answer->body);
  g_mutex_unlock (&self->lock);

  return node;
}

/* "append_to_response=…,season/3": each season the show has, nested as TMDB does. A
 * season a test answered comes as set (left out when its answer is an error); the
 * others of a recorded show come renumbered from the recording (@derive). */
static void
append_seasons (SsvFakeProviders *self,
                JsonNode         *details,
                gint64            show_id,
                GHashTable       *params,
                gboolean          derive)
{
  const char *append = params != NULL ? g_hash_table_lookup (params, "append_to_response") : NULL;
  g_auto(GStrv) parts = g_strsplit (append ? append : "", ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      JsonNode *season;
      guint status;
      gint64 number;

      if (!g_str_has_prefix (parts[i], "season/"))
        continue;
      number = g_ascii_strtoll (parts[i] + 7, NULL, 10);
      path = g_strdup_printf ("/tv/%" G_GINT64_FORMAT "/season/%" G_GINT64_FORMAT, show_id, number);
      season = answer_for (self, path, &status);
      if (status == 0 && derive && show_has_season (details, number))
        season = derive_season (self, show_id, number);
      if (season != NULL && (status == 0 || status == 200))
        json_object_set_member (obj (details), parts[i], season);
      else if (season != NULL)
        json_node_unref (season);
    }
}

/* What a test set for @path: its body, or TMDB's error body for its status. */
static gboolean
reply_answer (SsvFakeProviders  *self,
              const char        *path,
              GHashTable        *params,
              guint             *status,
              char             **content_type,
              GBytes           **body)
{
  g_autoptr(JsonNode) node = answer_for (self, path, status);
  gint64 id;

  if (*status == 0)
    return FALSE;
  if (node == NULL)
    return reply_fixture (*status == 404 ? "tmdb/resource-not-found.json" : "tmdb/invalid-api-key.json",
                          *status, status, content_type, body);

  if (g_str_has_prefix (path, "/tv/") && parse_id (path + 4, NULL, &id) && strchr (path + 4, '/') == NULL)
    append_seasons (self, node, id, params, FALSE);

  return reply_node (node, *status, status, content_type, body);
}

static gboolean
handle_tmdb (SsvFakeProviders      *self,
             const char            *path,
             GHashTable            *params,
             const SsvFakeRequest  *request,
             guint                 *status,
             char                 **content_type,
             GBytes               **body)
{
  const char *key = g_hash_table_lookup (params, "api_key");
  const char *authorization = g_hash_table_lookup (request->headers, "authorization");
  gint64 id;
  const char *rest;

  if (key == NULL && authorization != NULL && g_str_has_prefix (authorization, "Bearer "))
    key = authorization + 7;
  if (!key_ok (self, "tmdb", key))
    return reply_fixture ("tmdb/invalid-api-key.json", 401, status, content_type, body);

  if (reply_answer (self, path, params, status, content_type, body))
    return TRUE;

  if (strcmp (path, "/configuration") == 0)
    return reply_text ("{\"images\":{\"secure_base_url\":\"https://image.tmdb.org/t/p/\","
                       "\"poster_sizes\":[\"w185\",\"w500\",\"original\"]},\"change_keys\":[]}",
                       200, status, content_type, body);
  if (strcmp (path, "/search/movie") == 0)
    return tmdb_search (self, params, FALSE, status, content_type, body);
  if (strcmp (path, "/search/tv") == 0)
    return tmdb_search (self, params, TRUE, status, content_type, body);

  if (g_str_has_prefix (path, "/movie/") && parse_id (path + 7, &rest, &id) && *rest == '\0')
    {
      g_autoptr(JsonNode) details = tmdb_details (self, FALSE, id);

      if (details != NULL)
        return reply_node (details, 200, status, content_type, body);
    }
  else if (g_str_has_prefix (path, "/tv/") && parse_id (path + 4, &rest, &id))
    {
      g_autoptr(JsonNode) details = tmdb_details (self, TRUE, id);
      gint64 number;

      if (details != NULL && *rest == '\0')
        {
          append_seasons (self, details, id, params, TRUE);
          return reply_node (details, 200, status, content_type, body);
        }
      if (details != NULL && g_str_has_prefix (rest, "/season/") &&
          (number = g_ascii_strtoll (rest + 8, NULL, 10)) >= 0 && show_has_season (details, number))
        {
          g_autoptr(JsonNode) season = derive_season (self, id, number);
          return reply_node (season, 200, status, content_type, body);
        }
    }

  return reply_fixture ("tmdb/resource-not-found.json", 404, status, content_type, body);
}

static gboolean
handle_tvdb (SsvFakeProviders      *self,
             const char            *path,
             GHashTable            *params,
             const SsvFakeRequest  *request,
             guint                 *status,
             char                 **content_type,
             GBytes               **body)
{
  const char *authorization = g_hash_table_lookup (request->headers, "authorization");
  const char *unauthorized = "{\"status\":\"failure\",\"message\":\"Unauthorized\",\"data\":null}";
  gboolean token_ok;
  gint64 id;
  const char *rest;

  if (strcmp (path, "/login") == 0 && g_strcmp0 (request->method, "POST") == 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      const char *apikey = NULL;
      g_autofree char *answer = NULL;

      if (request->body != NULL &&
          json_parser_load_from_data (parser, g_bytes_get_data (request->body, NULL),
                                      (gssize) g_bytes_get_size (request->body), NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        apikey = json_object_get_string_member_with_default (obj (json_parser_get_root (parser)), "apikey", NULL);

      if (!key_ok (self, "tvdb", apikey))
        return reply_text (unauthorized, 401, status, content_type, body);

      g_mutex_lock (&self->lock);
      self->tvdb_logins++;
      g_free (self->tvdb_token);
      self->tvdb_token = g_strdup_printf ("fake-token-%u", self->tvdb_logins);
      answer = g_strdup_printf ("{\"status\":\"success\",\"data\":{\"token\":\"%s\"}}", self->tvdb_token);
      g_mutex_unlock (&self->lock);

      return reply_text (answer, 200, status, content_type, body);
    }

  g_mutex_lock (&self->lock);
  token_ok = self->tvdb_token != NULL && authorization != NULL && g_str_has_prefix (authorization, "Bearer ") &&
             strcmp (authorization + 7, self->tvdb_token) == 0;
  g_mutex_unlock (&self->lock);
  if (!token_ok)
    return reply_text (unauthorized, 401, status, content_type, body);

  if (strcmp (path, "/search") == 0)
    {
      g_autofree char *wanted = normalize (g_hash_table_lookup (params, "query"));

      if (strstr (wanted, "saintseiya") != NULL)
        return reply_node (self->tvdb_search, 200, status, content_type, body);
      if (strstr (wanted, "flcl") != NULL)
        return reply_text ("{\"status\":\"success\",\"data\":[{\"objectID\":\"series-78878\",\"id\":\"series-78878\","
                           "\"tvdb_id\":\"78878\",\"name\":\"フリクリ\",\"translations\":{\"eng\":\"FLCL\"},"
                           "\"year\":\"2000\",\"type\":\"series\"}]}", 200, status, content_type, body);
      return reply_text ("{\"status\":\"success\",\"data\":[]}", 200, status, content_type, body);
    }

  if (g_str_has_prefix (path, "/series/") && parse_id (path + 8, &rest, &id) && (id == 78878 || id == 72775))
    {
      if (strcmp (rest, "/extended") == 0)
        {
          g_autoptr(JsonNode) copy = deep_copy (self->tvdb_series);
          JsonObject *data = json_object_get_object_member (obj (copy), "data");

          json_object_set_int_member (data, "id", id);
          return reply_node (copy, 200, status, content_type, body);
        }
      if (strcmp (rest, "/episodes/default") == 0)
        {
          g_autoptr(JsonNode) copy = deep_copy (self->tvdb_episodes);
          JsonObject *data = json_object_get_object_member (obj (copy), "data");
          JsonArray *episodes = json_object_get_array_member (data, "episodes");

          json_object_set_int_member (json_object_get_object_member (data, "series"), "id", id);
          for (guint i = 0; i < json_array_get_length (episodes); i++)
            json_object_set_int_member (json_array_get_object_element (episodes, i), "seriesId", id);
          return reply_node (copy, 200, status, content_type, body);
        }
    }

  return reply_text ("{\"status\":\"failure\",\"message\":\"NotFoundException\",\"data\":null}",
                     404, status, content_type, body);
}

static gboolean
handle_omdb (SsvFakeProviders      *self,
             GHashTable            *params,
             guint                 *status,
             char                 **content_type,
             GBytes               **body)
{
  const char *imdb_id = g_hash_table_lookup (params, "i");
  gboolean limit;
  guint synthetic;

  g_mutex_lock (&self->lock);
  limit = self->omdb_limit;
  synthetic = self->synthetic_movies;
  g_mutex_unlock (&self->lock);

  /* OMDb says both with a 401. */
  if (!key_ok (self, "omdb", g_hash_table_lookup (params, "apikey")))
    return reply_fixture ("omdb/error_invalid_key.SHAPE.json", 401, status, content_type, body);
  if (limit)
    return reply_fixture ("omdb/error_limit.json", 401, status, content_type, body);

  if (g_strcmp0 (imdb_id, "tt0137523") == 0)
    return reply_node (self->omdb_movie, 200, status, content_type, body);
  if (g_strcmp0 (imdb_id, "tt2161930") == 0)
    return reply_fixture ("omdb/episode_tt2161930.json", 200, status, content_type, body);
  if (imdb_id != NULL && g_str_has_prefix (imdb_id, "tt9") &&
      g_ascii_strtoll (imdb_id + 3, NULL, 10) <= synthetic)
    {
      g_autoptr(JsonNode) copy = deep_copy (self->omdb_movie);

      json_object_set_string_member (obj (copy), "imdbID", imdb_id);
      return reply_node (copy, 200, status, content_type, body);
    }

  return reply_fixture ("omdb/error_not_found.SHAPE.json", 200, status, content_type, body);
}

static gboolean
handle_fanart (SsvFakeProviders      *self,
               const char            *path,
               GHashTable            *params,
               guint                 *status,
               char                 **content_type,
               GBytes               **body)
{
  if (!key_ok (self, "fanart", g_hash_table_lookup (params, "api_key")))
    return reply_text ("{\"status\":\"error\",\"error message\":\"Invalid API key\"}", 401,
                       status, content_type, body);

  if (strcmp (path, "/movies/550") == 0 || strcmp (path, "/movies/tt0137523") == 0)
    return reply_fixture ("fanart/movies_550_v3.SHAPE.json", 200, status, content_type, body);
  if (strcmp (path, "/movies/70160") == 0)
    return reply_fixture ("fanart/movie_thg.json", 200, status, content_type, body);
  if (strcmp (path, "/tv/239761") == 0)
    return reply_fixture ("fanart/tv_239761.json", 200, status, content_type, body);

  return reply_text ("{\"status\":\"error\",\"error message\":\"Not found\"}", 404, status, content_type, body);
}

static gboolean
handle_opensubtitles (SsvFakeProviders      *self,
                      const char            *path,
                      GHashTable            *params,
                      const SsvFakeRequest  *request,
                      guint                 *status,
                      char                 **content_type,
                      GBytes               **body)
{
  if (!key_ok (self, "opensubtitles", g_hash_table_lookup (request->headers, "api-key")))
    return reply_text ("{\"message\":\"You cannot consume this service\"}", 401, status, content_type, body);

  if (strcmp (path, "/infos/languages") == 0)
    return reply_text ("{\"data\":[{\"language_code\":\"en\",\"language_name\":\"English\"}]}",
                       200, status, content_type, body);

  if (strcmp (path, "/subtitles") == 0)
    {
      if (g_strcmp0 (g_hash_table_lookup (params, "imdb_id"), "137523") == 0 ||
          g_strcmp0 (g_hash_table_lookup (params, "tmdb_id"), "550") == 0)
        return reply_fixture ("opensubtitles/subtitles_imdb_137523.SHAPE.json", 200, status, content_type, body);
      return reply_text ("{\"total_pages\":0,\"total_count\":0,\"per_page\":60,\"page\":1,\"data\":[]}",
                         200, status, content_type, body);
    }

  return reply_text ("{\"message\":\"Not found\"}", 404, status, content_type, body);
}


gboolean
ssv_fake_providers_handle (SsvFakeServer        *server,
                           const SsvFakeRequest *request,
                           guint                *status,
                           char                **content_type,
                           GBytes              **body,
                           gpointer              user_data)
{
  SsvFakeProviders *self = user_data;
  g_autoptr(GHashTable) params = NULL;
  const char *path = request->path;
  const char *slash;
  g_autofree char *provider = NULL;

  params = request->query ? g_uri_parse_params (request->query, -1, "&", G_URI_PARAMS_NONE, NULL) : NULL;
  if (params == NULL)
    params = g_hash_table_new (g_str_hash, g_str_equal);

  slash = strchr (path + 1, '/');
  provider = slash ? g_strndup (path + 1, slash - path - 1) : g_strdup (path + 1);
  path = slash ? slash : "/";

  if (strcmp (provider, "tmdb") == 0)
    return handle_tmdb (self, path, params, request, status, content_type, body);
  if (strcmp (provider, "tvdb") == 0)
    return handle_tvdb (self, path, params, request, status, content_type, body);
  if (strcmp (provider, "omdb") == 0)
    return handle_omdb (self, params, status, content_type, body);
  if (strcmp (provider, "fanart") == 0)
    return handle_fanart (self, path, params, status, content_type, body);
  if (strcmp (provider, "opensubtitles") == 0)
    return handle_opensubtitles (self, path, params, request, status, content_type, body);

  return FALSE;
}
