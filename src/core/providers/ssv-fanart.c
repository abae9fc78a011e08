/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fanart.c: fanart.tv artwork (logos, clear art, banners, backgrounds, posters). */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-json.h"
#include "providers/ssv-fanart.h"

#define MAX_IMAGES_PER_LIST 10

static const struct
{
  const char   *member;
  SsvImageKind  kind;
  double        bonus;    /* HD versions win between equally liked images */
} movie_lists[] = {
  { "hdmovielogo", SSV_IMAGE_LOGO, 0.5 },
  { "movielogo", SSV_IMAGE_LOGO, 0 },
  { "hdmovieclearart", SSV_IMAGE_CLEARART, 0.5 },
  { "movieart", SSV_IMAGE_CLEARART, 0 },
  { "moviebackground", SSV_IMAGE_BACKDROP, 0 },
  { "movieposter", SSV_IMAGE_POSTER, 0 },
  { "moviebanner", SSV_IMAGE_BANNER, 0 },
  { "moviethumb", SSV_IMAGE_THUMB, 0 },
}, show_lists[] = {
  { "hdtvlogo", SSV_IMAGE_LOGO, 0.5 },
  { "clearlogo", SSV_IMAGE_LOGO, 0 },
  { "hdclearart", SSV_IMAGE_CLEARART, 0.5 },
  { "clearart", SSV_IMAGE_CLEARART, 0 },
  { "showbackground", SSV_IMAGE_BACKDROP, 0 },
  { "tvposter", SSV_IMAGE_POSTER, 0 },
  { "tvbanner", SSV_IMAGE_BANNER, 0 },
  { "tvthumb", SSV_IMAGE_THUMB, 0 },
};

static gboolean
is_web_url (const char *url)
{
  return url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")) &&
         strpbrk (url, " \"<>") == NULL && g_utf8_validate (url, -1, NULL);
}

/* v3 answers carry the lists at the top; the 2013 layout wraps them in { "<name>": { … } }. */
static JsonObject *
find_lists (JsonObject *object)
{
  JsonObject *only = NULL;
  g_autoptr(GList) members = NULL;

  if (object == NULL)
    return NULL;
  if (json_object_has_member (object, "name") || json_object_has_member (object, "tmdb_id") ||
      json_object_has_member (object, "thetvdb_id") || json_object_has_member (object, "imdb_id"))
    return object;

  members = json_object_get_members (object);
  if (members != NULL && members->next == NULL)
    only = ssv_json_get_object (object, members->data);

  return only != NULL ? only : object;
}

SsvMeta *
ssv_fanart_parse (JsonNode     *root,
                  SsvItemKind   kind,
                  const char   *language,
                  GError      **error)
{
  JsonObject *lists = find_lists (ssv_json_node_object (root));
  g_autoptr(SsvMeta) meta = NULL;
  g_autofree char *tiers = NULL;
  gboolean show = kind == SSV_ITEM_SHOW;
  guint n_lists = show ? G_N_ELEMENTS (show_lists) : G_N_ELEMENTS (movie_lists);
  const char *status;
  gint64 id;

  if (lists == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                   _("fanart.tv sent an answer that could not be read (%s)."), "not an object");
      return NULL;
    }

  /* A missing title comes as 404 or as { "status": "error", "error message": "Not found" }. */
  status = ssv_json_get_string (lists, "status");
  if (g_strcmp0 (status, "error") == 0)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("fanart.tv has no art for this title."));
      return NULL;
    }

  meta = ssv_meta_new (show ? SSV_ITEM_SHOW : SSV_ITEM_MOVIE);
  if (ssv_json_get_int (lists, "tmdb_id", &id) && id > 0)
    meta->tmdb_id = id;
  if (ssv_json_get_int (lists, "thetvdb_id", &id) && id > 0)
    meta->tvdb_id = id;
  if (ssv_is_imdb_id (ssv_json_get_string (lists, "imdb_id")))
    meta->imdb_id = g_strdup (ssv_json_get_string (lists, "imdb_id"));

  for (guint l = 0; l < n_lists; l++)
    {
      const char *member = show ? show_lists[l].member : movie_lists[l].member;
      SsvImageKind image_kind = show ? show_lists[l].kind : movie_lists[l].kind;
      double bonus = show ? show_lists[l].bonus : movie_lists[l].bonus;
      JsonArray *list = ssv_json_get_array (lists, member);

      for (guint i = 0; list != NULL && i < json_array_get_length (list) && i < MAX_IMAGES_PER_LIST; i++)
        {
          JsonObject *item = ssv_json_array_object (list, i);
          const char *url = ssv_json_get_string (item, "url");
          const char *lang = ssv_json_get_string (item, "lang");
          SsvMetaImage *image;
          double likes = 0;

          if (!is_web_url (url))
            continue;

          image = ssv_meta_add_image (meta, image_kind, url);
          /* "00" and "" are fanart.tv's "no text". */
          if (lang != NULL && lang[0] != '\0' && g_strcmp0 (lang, "00") != 0)
            image->language = g_strdup (lang);
          ssv_json_get_double (item, "likes", &likes);
          image->score = MAX (likes, 0) + bonus;
        }
    }

  if (meta->images->len == 0)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("fanart.tv has no art for this title."));
      return NULL;
    }

  /* English or text-free first (the metadata language before both), then the most liked. */
  if (language != NULL && language[0] != '\0' && g_ascii_strncasecmp (language, "en", 2) != 0)
    tiers = g_strdup_printf ("%.2s;en,null", language);
  else
    tiers = g_strdup ("en,null");

  {
    struct { SsvImageKind kind; char **target; } picks[] = {
      { SSV_IMAGE_LOGO, &meta->logo_url },
      { SSV_IMAGE_CLEARART, &meta->clearart_url },
      { SSV_IMAGE_BANNER, &meta->banner_url },
      { SSV_IMAGE_BACKDROP, &meta->backdrop_url },
      { SSV_IMAGE_POSTER, &meta->poster_url },
    };

    for (guint i = 0; i < G_N_ELEMENTS (picks); i++)
      {
        /* Backgrounds carry no text: any language will do, by likes. */
        const SsvMetaImage *best = ssv_meta_best_image (meta, picks[i].kind,
                                                        picks[i].kind == SSV_IMAGE_BACKDROP ? NULL : tiers);
        if (best != NULL)
          *picks[i].target = g_strdup (best->url);
      }
  }

  return g_steal_pointer (&meta);
}

static SsvHttpRequest *
request_new (const char  *key,
             SsvItemKind  kind,
             const char  *id)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/%s/%s", kind == SSV_ITEM_SHOW ? "tv" : "movies", escaped);
  SsvHttpRequest *request = ssv_http_request_new ("fanart", "GET", path);

  ssv_http_request_add_secret_query (request, "api_key", key);

  return request;
}

SsvMeta *
ssv_fanart_fetch (SsvHttp       *http,
                  const char    *key,
                  SsvItemKind    kind,
                  const char    *id,
                  const char    *language,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(SsvHttpRequest) request = request_new (key, kind, id);
  g_autoptr(JsonNode) root = ssv_http_send_json (http, request, cancellable, error);

  if (root == NULL)
    return NULL;

  return ssv_fanart_parse (root, kind, language, error);
}

gboolean
ssv_fanart_test_key (SsvHttp       *http,
                     const char    *key,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(SsvHttpRequest) request = request_new (key, SSV_ITEM_MOVIE, "550");
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) body = NULL;

  ssv_http_request_set_max_retries (request, 0);
  body = ssv_http_send (http, request, cancellable, &local_error);

  /* A good key may still be told there is no art for the title asked about. */
  if (body == NULL && !g_error_matches (local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
