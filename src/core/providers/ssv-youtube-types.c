/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-youtube-types.c: what the YouTube readers find, as plain data. */

#include "config.h"

#include <string.h>

#include "providers/ssv-youtube-types.h"

SsvYtVideo *
ssv_yt_video_new (void)
{
  SsvYtVideo *video = g_new0 (SsvYtVideo, 1);

  video->duration_s = -1;
  video->views = -1;
  return video;
}

SsvYtVideo *
ssv_yt_video_copy (const SsvYtVideo *video)
{
  SsvYtVideo *copy = g_memdup2 (video, sizeof *video);

  copy->video_id = g_strdup (video->video_id);
  copy->title = g_strdup (video->title);
  copy->thumbnail_url = g_strdup (video->thumbnail_url);
  return copy;
}

void
ssv_yt_video_free (SsvYtVideo *video)
{
  if (video == NULL)
    return;

  g_free (video->video_id);
  g_free (video->title);
  g_free (video->thumbnail_url);
  g_free (video);
}

SsvYtChannelMeta *
ssv_yt_channel_meta_new (void)
{
  SsvYtChannelMeta *meta = g_new0 (SsvYtChannelMeta, 1);

  meta->subscribers = -1;
  meta->video_count = -1;
  return meta;
}

void
ssv_yt_channel_meta_free (SsvYtChannelMeta *meta)
{
  if (meta == NULL)
    return;

  g_free (meta->channel_id);
  g_free (meta->handle);
  g_free (meta->title);
  g_free (meta->description);
  g_free (meta->avatar_url);
  g_free (meta->banner_url);
  g_free (meta);
}

SsvYtPage *
ssv_yt_page_new (void)
{
  SsvYtPage *page = g_new0 (SsvYtPage, 1);

  page->videos = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  page->shorts = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  return page;
}

void
ssv_yt_page_free (SsvYtPage *page)
{
  if (page == NULL)
    return;

  ssv_yt_channel_meta_free (page->channel);
  g_ptr_array_unref (page->videos);
  g_ptr_array_unref (page->shorts);
  g_free (page->continuation);
  g_free (page);
}

SsvYtFeed *
ssv_yt_feed_new (void)
{
  SsvYtFeed *feed = g_new0 (SsvYtFeed, 1);

  feed->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  return feed;
}

void
ssv_yt_feed_free (SsvYtFeed *feed)
{
  if (feed == NULL)
    return;

  g_free (feed->channel_id);
  g_free (feed->title);
  g_ptr_array_unref (feed->entries);
  g_free (feed);
}

SsvSegment *
ssv_segment_new (void)
{
  return g_new0 (SsvSegment, 1);
}

void
ssv_segment_free (SsvSegment *segment)
{
  if (segment == NULL)
    return;

  g_free (segment->category);
  g_free (segment->action);
  g_free (segment->uuid);
  g_free (segment);
}

static gboolean
all_id_chars (const char *text,
              gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '-' && text[i] != '_')
      return FALSE;

  return TRUE;
}

/* "dQw4w9WgXcQ": eleven URL-safe base64 characters. */
gboolean
ssv_yt_is_video_id (const char *text)
{
  return text != NULL && strlen (text) == 11 && all_id_chars (text, 11);
}

/* "UCsXVk37bltHxD1rDPwtNM8Q": UC and 22 URL-safe base64 characters. */
gboolean
ssv_yt_is_channel_id (const char *text)
{
  return text != NULL && strlen (text) == 24 && g_str_has_prefix (text, "UC") && all_id_chars (text, 24);
}
