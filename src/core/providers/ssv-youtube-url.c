/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-youtube-url.c: what a pasted channel address names, and where its UC… id is found. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-json.h"
#include "providers/ssv-youtube-types.h"
#include "providers/ssv-youtube-url.h"

#define MAX_NAME 200

void
ssv_yt_channel_ref_free (SsvYtChannelRef *ref)
{
  if (ref == NULL)
    return;

  g_free (ref->value);
  g_free (ref);
}

static SsvYtChannelRef *
ref_new (SsvYtRefKind  kind,
         const char   *value)
{
  SsvYtChannelRef *ref = g_new0 (SsvYtChannelRef, 1);

  ref->kind = kind;
  ref->value = g_strdup (value);
  return ref;
}

/* A name from a path or a paste: one segment, no spaces or controls. */
static gboolean
is_usable_name (const char *name)
{
  if (name == NULL || name[0] == '\0' || strlen (name) > MAX_NAME || !g_utf8_validate (name, -1, NULL))
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || strchr ("/?#&\"<>\\", *p) != NULL)
      return FALSE;

  return TRUE;
}

static void
set_example_error (GError     **error,
                   const char  *what)
{
  /* Translators: %s says what the address was, e.g. "This is the address of a video" */
  g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
               _("%s, not of a channel. Open it on YouTube, click the channel’s name and paste "
                 "the address of that page (it looks like youtube.com/@name)."), what);
}

static SsvYtChannelRef *
refuse_path (const char  *first,
             GError     **error)
{
  static const char * const video_paths[] = { "watch", "live", "embed", "v", "clip" };

  for (guint i = 0; i < G_N_ELEMENTS (video_paths); i++)
    if (g_ascii_strcasecmp (first, video_paths[i]) == 0)
      {
        set_example_error (error, _("This is the address of a video"));
        return NULL;
      }

  if (g_ascii_strcasecmp (first, "shorts") == 0)
    set_example_error (error, _("This is the address of a Short"));
  else if (g_ascii_strcasecmp (first, "playlist") == 0)
    set_example_error (error, _("This is the address of a playlist"));
  else
    g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                 _("This is a YouTube page, not a channel. Paste the address of a channel’s page, "
                   "such as youtube.com/@name."));
  return NULL;
}

/* Pages of YouTube itself that a legacy "/Name" address can never be. */
static gboolean
is_reserved (const char *first)
{
  static const char * const reserved[] = {
    "results", "feed", "gaming", "premium", "account", "hashtag", "post", "signin", "logout",
    "about", "t", "howyoutubeworks", "creators", "ads", "kids", "music", "channel", "c", "user",
    "watch", "live", "embed", "v", "clip", "shorts", "playlist", "redirect", "attribution_link",
  };

  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    if (g_ascii_strcasecmp (first, reserved[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_youtube_host (const char *host)
{
  static const char * const hosts[] = {
    "youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hosts); i++)
    if (g_ascii_strcasecmp (host, hosts[i]) == 0)
      return TRUE;

  return FALSE;
}

static SsvYtChannelRef *
parse_path (const char  *path,
            GError     **error)
{
  g_auto(GStrv) raw = g_strsplit (path[0] == '/' ? path + 1 : path, "/", 4);
  g_autofree char *first = raw[0] ? g_uri_unescape_string (raw[0], NULL) : NULL;
  g_autofree char *second = raw[0] && raw[1] ? g_uri_unescape_string (raw[1], NULL) : NULL;

  if (first == NULL || first[0] == '\0')
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                   _("This is YouTube’s home page. Paste the address of a channel’s page, "
                     "such as youtube.com/@name."));
      return NULL;
    }

  if (first[0] == '@')
    {
      if (!is_usable_name (first + 1))
        goto bad_name;
      return ref_new (SSV_YT_REF_HANDLE, first);
    }

  if (g_ascii_strcasecmp (first, "channel") == 0)
    {
      if (!ssv_yt_is_channel_id (second))
        goto bad_name;
      return ref_new (SSV_YT_REF_CHANNEL_ID, second);
    }

  if (g_ascii_strcasecmp (first, "c") == 0 || g_ascii_strcasecmp (first, "user") == 0)
    {
      if (!is_usable_name (second))
        goto bad_name;
      return ref_new (g_ascii_strcasecmp (first, "c") == 0 ? SSV_YT_REF_CUSTOM : SSV_YT_REF_USER, second);
    }

  if (is_reserved (first))
    return refuse_path (first, error);

  /* youtube.com/Name: the old custom address. */
  if (!is_usable_name (first))
    goto bad_name;
  return ref_new (SSV_YT_REF_CUSTOM, first);

bad_name:
  g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
               _("This YouTube address names no channel. Paste the address of a channel’s page, "
                 "such as youtube.com/@name."));
  return NULL;
}

SsvYtChannelRef *
ssv_yt_channel_ref_parse (const char  *text,
                          GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *host;

  trimmed = g_strstrip (g_strdup (text ? text : ""));
  if (trimmed[0] == '\0')
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                   _("Paste the address of a channel’s page, such as youtube.com/@name."));
      return NULL;
    }

  if (trimmed[0] == '@' && is_usable_name (trimmed + 1))
    return ref_new (SSV_YT_REF_HANDLE, trimmed);

  if (ssv_yt_is_channel_id (trimmed))
    return ref_new (SSV_YT_REF_CHANNEL_ID, trimmed);

  with_scheme = strstr (trimmed, "://") ? g_strdup (trimmed) : g_strconcat ("https://", trimmed, NULL);
  uri = g_uri_parse (with_scheme, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  host = uri ? g_uri_get_host (uri) : NULL;

  if (host != NULL && (g_ascii_strcasecmp (host, "youtu.be") == 0 ||
                       g_ascii_strcasecmp (host, "www.youtu.be") == 0))
    return refuse_path ("watch", error);

  if (host == NULL || !is_youtube_host (host) ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                   _("“%s” is not a YouTube address. Paste the address of a channel’s page, "
                     "such as youtube.com/@name."), trimmed);
      return NULL;
    }

  return parse_path (g_uri_get_path (uri), error);
}

char *
ssv_yt_channel_ref_dup_path (const SsvYtChannelRef *ref)
{
  g_autofree char *escaped = g_uri_escape_string (ref->value, "@", FALSE);

  switch (ref->kind)
    {
    case SSV_YT_REF_CHANNEL_ID: return g_strconcat ("/channel/", escaped, NULL);
    case SSV_YT_REF_HANDLE: return g_strconcat ("/", escaped, NULL);
    case SSV_YT_REF_USER: return g_strconcat ("/user/", escaped, NULL);
    case SSV_YT_REF_CUSTOM:
    default: return g_strconcat ("/c/", escaped, NULL);
    }
}

/* The UC… id right after @needle in @html, if one is there. */
static char *
id_after (const char *html,
          gsize       length,
          const char *needle)
{
  const char *end = html + length;
  const char *p = html;
  gsize needle_len = strlen (needle);

  while (p < end)
    {
      const char *hit = g_strstr_len (p, end - p, needle);
      char candidate[25];

      if (hit == NULL)
        return NULL;

      hit += needle_len;
      if (end - hit >= 24)
        {
          memcpy (candidate, hit, 24);
          candidate[24] = '\0';
          if (ssv_yt_is_channel_id (candidate) &&
              (hit + 24 == end || !(g_ascii_isalnum (hit[24]) || hit[24] == '-' || hit[24] == '_')))
            return g_strdup (candidate);
        }
      p = hit;
    }

  return NULL;
}

char *
ssv_yt_page_find_channel_id (const char *html,
                             gsize       length)
{
  /* Most to least certain: the page's own address, its metadata, then any link. */
  static const char * const needles[] = {
    "<link rel=\"canonical\" href=\"https://www.youtube.com/channel/",
    "\"externalId\":\"",
    "itemprop=\"identifier\" content=\"",
    "itemprop=\"channelId\" content=\"",
    "\"browseId\":\"",
  };

  if (html == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      char *id = id_after (html, length, needles[i]);

      if (id != NULL)
        return id;
    }

  return NULL;
}

char *
ssv_yt_parse_resolve_url (JsonNode  *root,
                          GError   **error)
{
  JsonObject *endpoint = ssv_json_get_object (ssv_json_node_object (root), "endpoint");
  JsonObject *browse = ssv_json_get_object (endpoint, "browseEndpoint");
  const char *id = ssv_json_get_string (browse, "browseId");

  if (ssv_yt_is_channel_id (id))
    return g_strdup (id);

  if (endpoint != NULL && (browse != NULL || ssv_json_get_object (endpoint, "urlEndpoint") != NULL ||
                           ssv_json_get_object (endpoint, "watchEndpoint") != NULL))
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("This address leads to no YouTube channel."));
      return NULL;
    }

  g_set_error (error, SSV_ERROR, SSV_ERROR_CHANGED,
               _("YouTube changed its page: the channel’s address could not be read."));
  return NULL;
}
