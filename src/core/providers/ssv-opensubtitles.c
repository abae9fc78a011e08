/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-opensubtitles.c: OpenSubtitles REST v1: which subtitle languages exist for a title. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-json.h"
#include "providers/ssv-opensubtitles.h"
#include "ssv-utils.h"

/* Enough pages to see every language of a popular title without a crawl. */
#define MAX_PAGES 3

/* "en", "pt-BR", "ze": letters, digits and one dash, short. */
static gboolean
is_language_code (const char *code)
{
  gsize len = code ? strlen (code) : 0;

  if (len < 2 || len > 8)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (code[i]) && !(code[i] == '-' && i > 0 && i + 1 < len))
      return FALSE;

  return TRUE;
}

gboolean
ssv_opensubtitles_parse_page (JsonNode    *root,
                              GHashTable  *languages,
                              int         *total_pages,
                              GError     **error)
{
  JsonObject *object = ssv_json_node_object (root);
  JsonArray *data = ssv_json_get_array (object, "data");

  if (data == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                   _("OpenSubtitles sent an answer that could not be read (%s)."), "no data");
      return FALSE;
    }

  *total_pages = (int) CLAMP (ssv_json_get_int_or (object, "total_pages", 1), 0, 100000);

  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      JsonObject *attributes = ssv_json_get_object (ssv_json_array_object (data, i), "attributes");
      const char *language = ssv_json_get_string (attributes, "language");

      if (is_language_code (language))
        g_hash_table_add (languages, g_ascii_strdown (language, -1));
    }

  return TRUE;
}

/* The set as "de,en,fr", sorted; NULL when empty. */
char *
ssv_opensubtitles_join (GHashTable *languages)
{
  return ssv_string_set_join (languages, ",");
}

static SsvHttpRequest *
request_new (const char *path,
             const char *key)
{
  g_autofree char *agent = g_strdup_printf ("SoulSyncVideo v%s", PACKAGE_VERSION);
  SsvHttpRequest *request = ssv_http_request_new ("opensubtitles", "GET", path);

  /* The header is not a query parameter, so it never shows in a logged address. */
  ssv_http_request_set_secret_header (request, "Api-Key", key ? key : "");
  ssv_http_request_set_header (request, "User-Agent", agent);

  return request;
}

SsvMeta *
ssv_opensubtitles_fetch (SsvHttp       *http,
                         const char    *key,
                         SsvItemKind    kind,
                         const char    *imdb_id,
                         gint64         tmdb_id,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GHashTable) languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SsvMeta) meta = NULL;
  gboolean show = kind == SSV_ITEM_SHOW;
  gint64 imdb_number = 0;
  int total_pages = 1;

  if (ssv_is_imdb_id (imdb_id))
    imdb_number = g_ascii_strtoll (imdb_id + 2, NULL, 10);

  for (int page = 1; page <= MIN (total_pages, MAX_PAGES); page++)
    {
      g_autoptr(SsvHttpRequest) request = request_new ("/subtitles", key);
      g_autoptr(JsonNode) root = NULL;

      /* The API redirects requests whose parameters are not sorted by name. */
      if (imdb_number > 0)
        {
          if (!show)
            ssv_http_request_add_query_int (request, "imdb_id", imdb_number);
          ssv_http_request_add_query_int (request, "page", page);
          if (show)
            ssv_http_request_add_query_int (request, "parent_imdb_id", imdb_number);
        }
      else
        {
          ssv_http_request_add_query_int (request, "page", page);
          ssv_http_request_add_query_int (request, show ? "parent_tmdb_id" : "tmdb_id", tmdb_id);
        }

      root = ssv_http_send_json (http, request, cancellable, error);
      if (root == NULL)
        return NULL;
      if (!ssv_opensubtitles_parse_page (root, languages, &total_pages, error))
        return NULL;
    }

  if (g_hash_table_size (languages) == 0)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("OpenSubtitles has no subtitles for this title."));
      return NULL;
    }

  meta = ssv_meta_new (show ? SSV_ITEM_SHOW : SSV_ITEM_MOVIE);
  meta->subtitle_languages = ssv_opensubtitles_join (languages);

  return g_steal_pointer (&meta);
}

gboolean
ssv_opensubtitles_test_key (SsvHttp       *http,
                            const char    *key,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(SsvHttpRequest) request = request_new ("/infos/languages", key);
  g_autoptr(GBytes) body = NULL;

  ssv_http_request_set_max_retries (request, 0);
  body = ssv_http_send (http, request, cancellable, error);

  return body != NULL;
}
