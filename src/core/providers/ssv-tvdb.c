/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-tvdb.c: TheTVDB v4: pure parsers, and a client that logs in for a bearer token. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-json.h"
#include "providers/ssv-tvdb.h"
#include "ssv-utils.h"

#define MAX_EPISODE_PAGES 40

struct _SsvTvdbClient
{
  SsvHttp *http;
  char    *key;
  char    *token;
  guint    logins;
};

static void
set_malformed (GError    **error,
               const char *what)
{
  g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
               _("TheTVDB sent an answer that could not be read (%s)."), what);
}

/* Every v4 answer is { "status": "success", "data": … }. */
static JsonNode *
get_data (JsonNode   *root,
          GError    **error)
{
  JsonObject *object = ssv_json_node_object (root);
  JsonNode *data;

  if (object == NULL || g_strcmp0 (ssv_json_get_string (object, "status"), "success") != 0)
    {
      set_malformed (error, "status");
      return NULL;
    }

  data = json_object_get_member (object, "data");
  if (data == NULL || JSON_NODE_HOLDS_NULL (data))
    {
      set_malformed (error, "no data");
      return NULL;
    }

  return data;
}

char *
ssv_tvdb_parse_login (JsonNode  *root,
                      GError   **error)
{
  JsonNode *data = get_data (root, error);
  char *token;

  if (data == NULL)
    return NULL;

  token = ssv_json_dup_string (ssv_json_node_object (data), "token");
  if (token == NULL)
    set_malformed (error, "no token");

  return token;
}

/* "72775" or "series-72775" → 72775 */
static gint64
parse_tvdb_id (JsonObject *item)
{
  gint64 id;
  const char *text;

  if (ssv_json_get_int (item, "tvdb_id", &id) && id > 0)
    return id;

  text = ssv_json_get_string (item, "id");
  if (text != NULL && g_str_has_prefix (text, "series-"))
    {
      char *end = NULL;

      id = g_ascii_strtoll (text + 7, &end, 10);
      if (end != text + 7 && *end == '\0' && id > 0)
        return id;
    }

  return 0;
}

GPtrArray *
ssv_tvdb_parse_search (JsonNode  *root,
                       GError   **error)
{
  JsonNode *data = get_data (root, error);
  JsonArray *items;
  g_autoptr(GPtrArray) found = NULL;

  if (data == NULL)
    return NULL;

  items = ssv_json_node_array (data);
  if (items == NULL)
    {
      set_malformed (error, "results");
      return NULL;
    }

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_search_result_free);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = ssv_json_array_object (items, i);
      JsonObject *translations = ssv_json_get_object (item, "translations");
      SsvSearchResult *result;
      gint64 id = parse_tvdb_id (item);
      const char *type = ssv_json_get_string (item, "type");

      if (id <= 0 || (type != NULL && g_strcmp0 (type, "series") != 0))
        continue;

      result = g_new0 (SsvSearchResult, 1);
      result->id = id;
      /* The primary name may be in the original language; the English one matches file names. */
      result->title = ssv_json_dup_string (translations, "eng");
      result->original_title = ssv_json_dup_string (item, "name");
      if (result->title == NULL)
        result->title = g_strdup (result->original_title);
      result->year = ssv_int_in_range (ssv_json_get_int_or (item, "year", 0), 0, 9999, 0);
      if (result->year == 0)
        result->year = ssv_json_year_of (ssv_json_get_string (item, "first_air_time"));
      result->overview = ssv_json_dup_string (ssv_json_get_object (item, "overviews"), "eng");
      if (result->overview == NULL)
        result->overview = ssv_json_dup_string (item, "overview");
      result->poster_url = ssv_json_dup_string (item, "image_url");
      if (result->poster_url != NULL && !g_str_has_prefix (result->poster_url, "https://") &&
          !g_str_has_prefix (result->poster_url, "http://"))
        g_clear_pointer (&result->poster_url, g_free);
      g_ptr_array_add (found, result);
    }

  return g_steal_pointer (&found);
}

/* Broadcasters' home time zones, for TheTVDB's network-local air times. */
const char *
ssv_tvdb_time_zone_for (const char *country)
{
  static const struct { const char *country; const char *zone; } zones[] = {
    { "usa", "America/New_York" }, { "gbr", "Europe/London" }, { "can", "America/Toronto" },
    { "aus", "Australia/Sydney" }, { "nzl", "Pacific/Auckland" }, { "irl", "Europe/Dublin" },
    { "jpn", "Asia/Tokyo" }, { "kor", "Asia/Seoul" }, { "chn", "Asia/Shanghai" },
    { "twn", "Asia/Taipei" }, { "ind", "Asia/Kolkata" }, { "deu", "Europe/Berlin" },
    { "fra", "Europe/Paris" }, { "esp", "Europe/Madrid" }, { "ita", "Europe/Rome" },
    { "nld", "Europe/Amsterdam" }, { "bel", "Europe/Brussels" }, { "che", "Europe/Zurich" },
    { "aut", "Europe/Vienna" }, { "swe", "Europe/Stockholm" }, { "nor", "Europe/Oslo" },
    { "dnk", "Europe/Copenhagen" }, { "fin", "Europe/Helsinki" }, { "pol", "Europe/Warsaw" },
    { "rus", "Europe/Moscow" }, { "tur", "Europe/Istanbul" }, { "isr", "Asia/Jerusalem" },
    { "bra", "America/Sao_Paulo" }, { "mex", "America/Mexico_City" },
    { "arg", "America/Argentina/Buenos_Aires" },
  };

  for (guint i = 0; country != NULL && i < G_N_ELEMENTS (zones); i++)
    if (g_ascii_strcasecmp (zones[i].country, country) == 0)
      return zones[i].zone;

  return NULL;
}

/* TheTVDB's three-letter languages, as the two-letter codes the rest of the app uses. */
static char *
short_language (const char *language)
{
  static const char * const map[][2] = {
    { "eng", "en" }, { "deu", "de" }, { "fra", "fr" }, { "spa", "es" }, { "ita", "it" },
    { "jpn", "ja" }, { "kor", "ko" }, { "zho", "zh" }, { "nld", "nl" }, { "por", "pt" },
    { "rus", "ru" }, { "swe", "sv" }, { "pol", "pl" },
  };

  if (language == NULL || language[0] == '\0')
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_ascii_strcasecmp (map[i][0], language) == 0)
      return g_strdup (map[i][1]);

  return g_strdup (language);
}

static gboolean
is_web_url (const char *url)
{
  return url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")) &&
         strpbrk (url, " \"<>") == NULL;
}

static char *
valid_date (JsonObject *object,
            const char *member)
{
  return ssv_dup_valid_date (ssv_json_get_string (object, member));
}

/* "21:00" or "9:00 PM" → "21:00" */
static char *
normalize_air_time (const char *text)
{
  int hours = 0, minutes = 0;
  const char *p = text;

  if (text == NULL || !g_ascii_isdigit (*p))
    return NULL;

  while (g_ascii_isdigit (*p) && hours < 100)
    hours = hours * 10 + (*p++ - '0');
  if (*p != ':' || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]))
    return NULL;
  minutes = (p[1] - '0') * 10 + (p[2] - '0');
  p += 3;
  while (*p == ' ')
    p++;
  if (g_ascii_strncasecmp (p, "pm", 2) == 0 && hours < 12)
    hours += 12;
  else if (g_ascii_strncasecmp (p, "am", 2) == 0 && hours == 12)
    hours = 0;

  if (hours > 23 || minutes > 59)
    return NULL;

  return g_strdup_printf ("%02d:%02d", hours, minutes);
}

SsvMeta *
ssv_tvdb_parse_series (JsonNode  *root,
                       GError   **error)
{
  JsonNode *data = get_data (root, error);
  JsonObject *series;
  JsonObject *original_network;
  JsonObject *latest_network;
  JsonArray *list;
  g_autoptr(SsvMeta) meta = NULL;
  const char *country;
  const char *zone;
  gint64 id;

  if (data == NULL)
    return NULL;

  series = ssv_json_node_object (data);
  if (series == NULL || !ssv_json_get_int (series, "id", &id) || id <= 0)
    {
      set_malformed (error, "no id");
      return NULL;
    }

  meta = ssv_meta_new (SSV_ITEM_SHOW);
  meta->tvdb_id = id;
  meta->title = ssv_json_dup_string (series, "name");
  meta->overview = ssv_json_dup_string (series, "overview");
  meta->first_air_date = valid_date (series, "firstAired");
  meta->last_air_date = valid_date (series, "lastAired");
  meta->year = ssv_int_in_range (ssv_json_get_int_or (series, "year", 0), 0, 9999, 0);
  if (meta->year < 1870 || meta->year > 2300)
    meta->year = ssv_json_year_of (meta->first_air_date);
  meta->runtime_minutes = (int) CLAMP (ssv_json_get_int_or (series, "averageRuntime", 0), 0, 1000);
  meta->status = ssv_json_dup_string (ssv_json_get_object (series, "status"), "name");
  meta->air_time = normalize_air_time (ssv_json_get_string (series, "airsTime"));

  original_network = ssv_json_get_object (series, "originalNetwork");
  latest_network = ssv_json_get_object (series, "latestNetwork");
  meta->network = ssv_json_dup_string (original_network, "name");
  if (meta->network == NULL)
    meta->network = ssv_json_dup_string (latest_network, "name");

  /* The air time is the current broadcaster's local time. */
  country = ssv_json_get_string (latest_network, "country");
  if (country == NULL)
    country = ssv_json_get_string (original_network, "country");
  if (country == NULL)
    country = ssv_json_get_string (series, "originalCountry");
  zone = ssv_tvdb_time_zone_for (country);
  if (meta->air_time != NULL && zone != NULL)
    meta->air_time_zone = g_strdup (zone);

  list = ssv_json_get_array (series, "genres");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    ssv_meta_add_genre (meta, ssv_json_get_string (ssv_json_array_object (list, i), "name"));

  list = ssv_json_get_array (series, "remoteIds");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *remote = ssv_json_array_object (list, i);
      const char *source = ssv_json_get_string (remote, "sourceName");
      const char *value = ssv_json_get_string (remote, "id");

      if (g_strcmp0 (source, "IMDB") == 0 && ssv_is_imdb_id (value) && meta->imdb_id == NULL)
        meta->imdb_id = g_strdup (value);
      else if (g_strcmp0 (source, "TheMovieDB.com") == 0 && meta->tmdb_id == 0)
        {
          gint64 tmdb_id = ssv_json_get_int_or (remote, "id", 0);
          meta->tmdb_id = MAX (tmdb_id, 0);
        }
    }

  list = ssv_json_get_array (series, "artworks");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *art = ssv_json_array_object (list, i);
      const char *url = ssv_json_get_string (art, "image");
      gint64 type = ssv_json_get_int_or (art, "type", 0);
      SsvImageKind kind;
      SsvMetaImage *image;

      switch (type)
        {
        case 1: kind = SSV_IMAGE_BANNER; break;
        case 2: kind = SSV_IMAGE_POSTER; break;
        case 3: kind = SSV_IMAGE_BACKDROP; break;
        case 22: kind = SSV_IMAGE_CLEARART; break;
        case 23: kind = SSV_IMAGE_LOGO; break;
        default: continue;
        }

      if (!is_web_url (url))
        continue;

      image = ssv_meta_add_image (meta, kind, url);
      image->language = short_language (ssv_json_get_string (art, "language"));
      ssv_json_get_double (art, "score", &image->score);
      image->width = (int) CLAMP (ssv_json_get_int_or (art, "width", 0), 0, 100000);
      image->height = (int) CLAMP (ssv_json_get_int_or (art, "height", 0), 0, 100000);
    }

  {
    const char *poster = ssv_json_get_string (series, "image");

    if (is_web_url (poster))
      meta->poster_url = g_strdup (poster);
  }

  return g_steal_pointer (&meta);
}

/**
 * ssv_tvdb_parse_episodes:
 * @has_next: (out): whether another page follows
 *
 * Adds the episodes of one page of `series/{id}/episodes/default` to @into.
 */
gboolean
ssv_tvdb_parse_episodes (JsonNode  *root,
                         SsvMeta   *into,
                         gboolean  *has_next,
                         GError   **error)
{
  JsonNode *data = get_data (root, error);
  JsonArray *episodes;
  JsonObject *links;
  const char *next;

  *has_next = FALSE;
  if (data == NULL)
    return FALSE;

  episodes = ssv_json_get_array (ssv_json_node_object (data), "episodes");
  if (episodes == NULL)
    {
      set_malformed (error, "no episodes");
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (episodes); i++)
    {
      JsonObject *item = ssv_json_array_object (episodes, i);
      SsvMetaEpisode *episode;
      gint64 season, number;
      const char *still;

      if (!ssv_json_get_int (item, "seasonNumber", &season) || season < 0 || season > 10000 ||
          !ssv_json_get_int (item, "number", &number) || number < 0 || number > 100000)
        continue;

      episode = ssv_meta_add_episode (into, (int) season, (int) number);
      episode->tvdb_id = MAX (ssv_json_get_int_or (item, "id", 0), 0);
      episode->title = ssv_json_dup_string (item, "name");
      episode->overview = ssv_json_dup_string (item, "overview");
      episode->air_date = valid_date (item, "aired");
      episode->runtime_minutes = (int) CLAMP (ssv_json_get_int_or (item, "runtime", 0), 0, 10000);
      episode->absolute_number = (int) CLAMP (ssv_json_get_int_or (item, "absoluteNumber", 0), 0, 100000);
      still = ssv_json_get_string (item, "image");
      if (is_web_url (still))
        episode->still_url = g_strdup (still);
    }

  links = ssv_json_get_object (ssv_json_node_object (root), "links");
  next = ssv_json_get_string (links, "next");
  *has_next = next != NULL && next[0] != '\0';

  return TRUE;
}

/* ---- the client ---------------------------------------------------------- */

SsvTvdbClient *
ssv_tvdb_client_new (SsvHttp    *http,
                     const char *key)
{
  SsvTvdbClient *self = g_new0 (SsvTvdbClient, 1);

  self->http = g_object_ref (http);
  self->key = g_strdup (key);

  return self;
}

void
ssv_tvdb_client_free (SsvTvdbClient *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->http);
  g_free (self->key);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  g_free (self);
}

/* How many times the client logged in; a test checks re-login happens once. */
guint
ssv_tvdb_client_get_logins (SsvTvdbClient *self)
{
  return self->logins;
}

gboolean
ssv_tvdb_client_login (SsvTvdbClient  *self,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("tvdb", "POST", "/login");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "apikey");
  json_builder_add_string_value (builder, self->key ? self->key : "");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  ssv_http_request_set_json_body (request, body);

  self->logins++;
  g_clear_pointer (&self->token, g_free);

  root = ssv_http_send_json (self->http, request, cancellable, error);
  if (root == NULL)
    return FALSE;

  self->token = ssv_tvdb_parse_login (root, error);
  return self->token != NULL;
}

/* GET with the bearer token; an expired token (401) gets one fresh login. */
static JsonNode *
client_get (SsvTvdbClient       *self,
            const char          *path,
            const char * const  *query,
            GCancellable        *cancellable,
            GError             **error)
{
  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(SsvHttpRequest) request = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *authorization = NULL;
      JsonNode *root;
      gboolean fresh_login = FALSE;

      if (self->token == NULL)
        {
          if (!ssv_tvdb_client_login (self, cancellable, error))
            return NULL;
          fresh_login = TRUE;
        }

      request = ssv_http_request_new ("tvdb", "GET", path);
      for (guint i = 0; query != NULL && query[i] != NULL && query[i + 1] != NULL; i += 2)
        ssv_http_request_add_query (request, query[i], query[i + 1]);
      authorization = g_strconcat ("Bearer ", self->token, NULL);
      ssv_http_request_set_secret_header (request, "Authorization", authorization);

      root = ssv_http_send_json (self->http, request, cancellable, &local_error);
      if (root != NULL)
        return root;

      if (!g_error_matches (local_error, SSV_ERROR, SSV_ERROR_KEY_REJECTED) || fresh_login || attempt > 0)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      /* The token expired: log in again, once. */
      g_clear_pointer (&self->token, g_free);
    }

  g_set_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED,
               _("TheTVDB rejected the key or token. Check it in Preferences."));
  return NULL;
}

GPtrArray *
ssv_tvdb_client_search (SsvTvdbClient  *self,
                        const char     *query,
                        int             year,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autofree char *year_text = year > 0 ? g_strdup_printf ("%d", year) : NULL;
  const char *params[] = { "query", query, "type", "series", year_text ? "year" : NULL, year_text, NULL };
  g_autoptr(JsonNode) root = client_get (self, "/search", params, cancellable, error);

  if (root == NULL)
    return NULL;

  return ssv_tvdb_parse_search (root, error);
}

SsvMeta *
ssv_tvdb_client_fetch_series (SsvTvdbClient  *self,
                              gint64          tvdb_id,
                              GCancellable   *cancellable,
                              GError        **error)
{
  g_autofree char *path = g_strdup_printf ("/series/%" G_GINT64_FORMAT "/extended", tvdb_id);
  const char *params[] = { "short", "true", NULL };
  g_autoptr(JsonNode) root = client_get (self, path, params, cancellable, error);

  if (root == NULL)
    return NULL;

  return ssv_tvdb_parse_series (root, error);
}

gboolean
ssv_tvdb_client_fetch_episodes (SsvTvdbClient  *self,
                                gint64          tvdb_id,
                                SsvMeta        *into,
                                GCancellable   *cancellable,
                                GError        **error)
{
  g_autofree char *path = g_strdup_printf ("/series/%" G_GINT64_FORMAT "/episodes/default", tvdb_id);

  for (int page = 0; page < MAX_EPISODE_PAGES; page++)
    {
      g_autofree char *page_text = g_strdup_printf ("%d", page);
      const char *params[] = { "page", page_text, NULL };
      g_autoptr(JsonNode) root = client_get (self, path, params, cancellable, error);
      gboolean has_next = FALSE;

      if (root == NULL || !ssv_tvdb_parse_episodes (root, into, &has_next, error))
        return FALSE;
      if (!has_next)
        return TRUE;
    }

  /* More pages than any real show has: the answer is going round in circles. */
  g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
               _("TheTVDB sent an answer that could not be read (%s)."), "too many pages");
  return FALSE;
}
