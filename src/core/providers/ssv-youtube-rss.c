/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-youtube-rss.c: a channel's Atom feed. Elements are matched by their local
 * name, so the yt: and media: prefixes may change without breaking us. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "net/ssv-xml.h"
#include "providers/ssv-youtube-rss.h"
#include "providers/ssv-youtube-text.h"

static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon ? colon + 1 : name;
}

/* The first child whose local name is @name (and, with @prefix, whose prefix is). */
static SsvXmlNode *
child (SsvXmlNode *node,
       const char *prefix,
       const char *name)
{
  if (node == NULL)
    return NULL;

  for (guint i = 0; i < node->children->len; i++)
    {
      SsvXmlNode *c = g_ptr_array_index (node->children, i);
      const char *colon = strrchr (c->name, ':');

      if (strcmp (local_name (c->name), name) != 0)
        continue;
      if (prefix == NULL ? colon == NULL : colon != NULL)
        return c;
    }

  return NULL;
}

static const char *
child_text (SsvXmlNode *node,
            const char *prefix,
            const char *name)
{
  SsvXmlNode *c = child (node, prefix, name);

  return c ? c->text->str : NULL;
}

static char *
dup_trimmed (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0' || !g_utf8_validate (copy, -1, NULL))
    g_clear_pointer (&copy, g_free);
  return copy;
}

/* The feed writes the channel id with or without its "UC" (yt:channel:sXVk…). */
static char *
normalise_channel_id (const char *text)
{
  g_autofree char *trimmed = dup_trimmed (text);
  g_autofree char *with_uc = NULL;

  if (trimmed == NULL)
    return NULL;
  if (g_str_has_prefix (trimmed, "yt:channel:"))
    memmove (trimmed, trimmed + 11, strlen (trimmed + 11) + 1);
  if (ssv_yt_is_channel_id (trimmed))
    return g_steal_pointer (&trimmed);

  with_uc = g_strconcat ("UC", trimmed, NULL);
  return ssv_yt_is_channel_id (with_uc) ? g_steal_pointer (&with_uc) : NULL;
}

static char *
channel_id_from_link (SsvXmlNode *feed)
{
  for (guint i = 0; i < feed->children->len; i++)
    {
      SsvXmlNode *c = g_ptr_array_index (feed->children, i);
      const char *href = ssv_xml_node_get_attr (c, "href");
      const char *at = href ? strstr (href, "/channel/") : NULL;

      if (strcmp (c->name, "link") == 0 && at != NULL)
        {
          char *id = normalise_channel_id (at + strlen ("/channel/"));

          if (id != NULL)
            return id;
        }
    }

  return NULL;
}

static SsvYtVideo *
read_entry (SsvXmlNode *entry)
{
  g_autoptr(SsvYtVideo) video = ssv_yt_video_new ();
  g_autofree char *id = dup_trimmed (child_text (entry, "yt", "videoId"));
  SsvXmlNode *group = child (entry, "media", "group");
  SsvXmlNode *community = child (group, "media", "community");
  SsvXmlNode *link;
  const char *href;
  const char *views;

  if (id == NULL)
    {
      /* <id>yt:video:ID</id> */
      g_autofree char *atom_id = dup_trimmed (child_text (entry, NULL, "id"));

      if (atom_id != NULL && g_str_has_prefix (atom_id, "yt:video:"))
        id = g_strdup (atom_id + strlen ("yt:video:"));
    }
  if (!ssv_yt_is_video_id (id))
    return NULL;

  video->video_id = g_steal_pointer (&id);
  video->title = dup_trimmed (child_text (entry, NULL, "title"));
  if (video->title == NULL)
    video->title = dup_trimmed (child_text (group, "media", "title"));

  if (ssv_yt_parse_iso_date (child_text (entry, NULL, "published"), &video->published))
    video->date_exact = TRUE;
  else
    video->published = 0;

  link = child (entry, NULL, "link");
  href = ssv_xml_node_get_attr (link, "href");
  video->is_short = href != NULL && strstr (href, "/shorts/") != NULL;
  video->thumbnail_url = dup_trimmed (ssv_xml_node_get_attr (child (group, "media", "thumbnail"), "url"));

  views = ssv_xml_node_get_attr (child (community, "media", "statistics"), "views");
  if (views != NULL && !ssv_yt_parse_count (views, &video->views))
    video->views = -1;

  return g_steal_pointer (&video);
}

SsvYtFeed *
ssv_yt_rss_parse (const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(SsvXmlNode) root = NULL;
  g_autoptr(SsvYtFeed) feed = NULL;
  g_autoptr(GError) local_error = NULL;

  if (data == NULL || length == 0)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED, _("YouTube sent an empty channel feed."));
      return NULL;
    }

  root = ssv_xml_parse (data, (gssize) length, &local_error);
  if (root == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                   _("YouTube sent a channel feed that could not be read (%s)."), local_error->message);
      return NULL;
    }

  if (strcmp (root->name, "feed") != 0)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_CHANGED,
                   _("YouTube changed its channel feed: it is no Atom feed any more."));
      return NULL;
    }

  feed = ssv_yt_feed_new ();
  feed->channel_id = normalise_channel_id (child_text (root, "yt", "channelId"));
  if (feed->channel_id == NULL)
    feed->channel_id = normalise_channel_id (child_text (root, NULL, "id"));
  if (feed->channel_id == NULL)
    feed->channel_id = channel_id_from_link (root);
  feed->title = dup_trimmed (child_text (root, NULL, "title"));

  for (guint i = 0; i < root->children->len; i++)
    {
      SsvXmlNode *c = g_ptr_array_index (root->children, i);
      SsvYtVideo *video;

      if (strcmp (c->name, "entry") != 0)
        continue;
      video = read_entry (c);
      if (video != NULL)
        g_ptr_array_add (feed->entries, video);
    }

  /* A feed names its channel; one that does not is not the feed we know. */
  if (feed->channel_id == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_CHANGED,
                   _("YouTube changed its channel feed: it names no channel."));
      return NULL;
    }

  return g_steal_pointer (&feed);
}
