/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-omdb.c: OMDb ratings by IMDb id (IMDb, Rotten Tomatoes, Metacritic). */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-json.h"
#include "providers/ssv-omdb.h"

/* OMDb writes "N/A" for what it does not know. */
static const char *
known (JsonObject *object,
       const char *member)
{
  const char *value = ssv_json_get_string (object, member);

  if (value == NULL || value[0] == '\0' || g_ascii_strcasecmp (value, "N/A") == 0)
    return NULL;

  return value;
}

/* "8.7" → 8.7, "79%" → 79, "66/100" → 66; -1 when it is not a number. */
static double
leading_number (const char *text)
{
  char *end = NULL;
  double value;

  if (text == NULL || !(g_ascii_isdigit (text[0]) || text[0] == '.'))
    return -1;

  value = g_ascii_strtod (text, &end);
  if (end == text || value != value || value < 0 || value > 1e6)
    return -1;

  return value;
}

/* "1,234,567" → 1234567 */
static gint64
parse_votes (const char *text)
{
  gint64 votes = 0;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (votes > G_MAXINT64 / 10 - 10)
            return 0;
          votes = votes * 10 + (*p - '0');
        }
      else if (*p != ',')
        return 0;
    }

  return votes;
}

SsvMeta *
ssv_omdb_parse (JsonNode     *root,
                SsvItemKind   kind,
                GError      **error)
{
  JsonObject *object = ssv_json_node_object (root);
  JsonArray *ratings;
  g_autoptr(SsvMeta) meta = NULL;
  const char *response;
  const char *imdb_id;
  double value;

  if (object == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                   _("OMDb sent an answer that could not be read (%s)."), "not an object");
      return NULL;
    }

  response = ssv_json_get_string (object, "Response");
  if (g_strcmp0 (response, "True") != 0)
    {
      const char *message = ssv_json_get_string (object, "Error");

      if (message != NULL && strstr (message, "limit") != NULL)
        g_set_error (error, SSV_ERROR, SSV_ERROR_QUOTA,
                     _("OMDb’s daily limit is reached."));
      else if (message != NULL && (strstr (message, "API key") != NULL || strstr (message, "api key") != NULL))
        g_set_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED,
                     _("OMDb rejected the API key. Check it in Preferences."));
      else if (g_strcmp0 (response, "False") == 0)
        g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                     _("OMDb has no such title."));
      else
        g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                     _("OMDb sent an answer that could not be read (%s)."), "no Response");
      return NULL;
    }

  meta = ssv_meta_new (kind);
  imdb_id = known (object, "imdbID");
  if (ssv_is_imdb_id (imdb_id))
    meta->imdb_id = g_strdup (imdb_id);

  value = leading_number (known (object, "imdbRating"));
  if (value > 0 && value <= 10)
    {
      meta->imdb_rating = value;
      meta->imdb_votes = parse_votes (known (object, "imdbVotes"));
    }

  value = leading_number (known (object, "Metascore"));
  if (value >= 0 && value <= 100)
    meta->metascore = (int) value;

  ratings = ssv_json_get_array (object, "Ratings");
  for (guint i = 0; ratings != NULL && i < json_array_get_length (ratings); i++)
    {
      JsonObject *rating = ssv_json_array_object (ratings, i);
      const char *source = ssv_json_get_string (rating, "Source");

      value = leading_number (known (rating, "Value"));
      if (value < 0)
        continue;

      if (g_strcmp0 (source, "Rotten Tomatoes") == 0 && value <= 100)
        meta->rt_score = (int) value;
      else if (g_strcmp0 (source, "Metacritic") == 0 && value <= 100 && meta->metascore < 0)
        meta->metascore = (int) value;
      else if (g_strcmp0 (source, "Internet Movie Database") == 0 && value > 0 && value <= 10 &&
               meta->imdb_rating == 0)
        meta->imdb_rating = value;
    }

  return g_steal_pointer (&meta);
}

/* OMDb's allowance is per day; a new one starts at midnight UTC. */
gint64
ssv_omdb_next_reset (gint64 now_unix)
{
  return (now_unix / 86400 + 1) * 86400;
}

static SsvHttpRequest *
request_new (const char *key,
             const char *imdb_id)
{
  SsvHttpRequest *request = ssv_http_request_new ("omdb", "GET", "/");

  ssv_http_request_add_query (request, "i", imdb_id);
  ssv_http_request_add_secret_query (request, "apikey", key);

  return request;
}

/* OMDb answers a used-up allowance and a bad key both with 401; the body tells which. */
static JsonNode *
send (SsvHttp         *http,
      SsvHttpRequest  *request,
      GCancellable    *cancellable,
      GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root = ssv_http_send_json (http, request, cancellable, &local_error);
  GBytes *body;

  if (root != NULL)
    return root;

  body = ssv_http_request_get_response_body (request);
  if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_KEY_REJECTED) && body != NULL)
    {
      g_autoptr(JsonNode) explained = ssv_json_parse_bytes (body, "OMDb", NULL);
      g_autoptr(GError) reason = NULL;

      if (explained != NULL)
        {
          ssv_meta_free (ssv_omdb_parse (explained, SSV_ITEM_MOVIE, &reason));

          if (g_error_matches (reason, SSV_ERROR, SSV_ERROR_QUOTA))
            {
              g_propagate_error (error, g_steal_pointer (&reason));
              return NULL;
            }
        }
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

SsvMeta *
ssv_omdb_fetch (SsvHttp       *http,
                const char    *key,
                SsvItemKind    kind,
                const char    *imdb_id,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(SsvHttpRequest) request = request_new (key, imdb_id);
  g_autoptr(JsonNode) root = send (http, request, cancellable, error);

  if (root == NULL)
    return NULL;

  return ssv_omdb_parse (root, kind, error);
}

gboolean
ssv_omdb_test_key (SsvHttp       *http,
                   const char    *key,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(SsvHttpRequest) request = request_new (key, "tt0137523");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SsvMeta) meta = NULL;
  g_autoptr(GError) local_error = NULL;

  ssv_http_request_set_max_retries (request, 0);
  root = send (http, request, cancellable, error);
  if (root == NULL)
    return FALSE;

  /* A key that works may still be asked about a title OMDb lacks. */
  meta = ssv_omdb_parse (root, SSV_ITEM_MOVIE, &local_error);
  if (meta == NULL && !g_error_matches (local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
