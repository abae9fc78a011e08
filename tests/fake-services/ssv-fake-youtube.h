/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-youtube.h: YouTube (channel pages, RSS, InnerTube), SponsorBlock, Return YouTube
 * Dislike, DeArrow, Piped and Invidious on one fake server. Recorded answers where they
 * exist (tests/fixtures/youtube-*), the rest built from the services' documentation. */

#pragma once

#include <json-glib/json-glib.h>

#include "ssv-fake-server.h"
#include "net/ssv-http.h"

G_BEGIN_DECLS

typedef struct _SsvFakeYoutube SsvFakeYoutube;

/* The recorded channels. */
#define SSV_FAKE_KURZGESAGT_ID      "UCsXVk37bltHxD1rDPwtNM8Q"
#define SSV_FAKE_CREATIVECOMMONS_ID "UCTwECeGqMZee77BjdoYtI2Q"

SsvFakeYoutube *ssv_fake_youtube_new                 (SsvFakeServer   *server);
void            ssv_fake_youtube_free                (SsvFakeYoutube  *self);
/* The base URL of "youtube", "sponsorblock", "ryd", "dearrow", "piped" or "invidious". */
char           *ssv_fake_youtube_dup_url             (SsvFakeYoutube  *self,
                                                      const char      *service);
void            ssv_fake_youtube_point_http          (SsvFakeYoutube  *self,
                                                      SsvHttp         *http);
/* The environment a CLI run needs to talk to this fake. */
char          **ssv_fake_youtube_environ             (SsvFakeYoutube  *self,
                                                      char           **envp);

/* A made-up channel in the current (lockupViewModel) shape: @n_videos uploads,
 * one every @spacing_s seconds back from @newest, 30 a page, with a feed of
 * the newest 15. */
void            ssv_fake_youtube_add_synthetic       (SsvFakeYoutube  *self,
                                                      const char      *channel_id,
                                                      const char      *handle,
                                                      const char      *title,
                                                      guint            n_videos,
                                                      gint64           newest,
                                                      gint64           spacing_s);
/* A new upload at the top of a made-up channel's catalog and feed. */
void            ssv_fake_youtube_add_upload          (SsvFakeYoutube  *self,
                                                      const char      *channel_id,
                                                      const char      *video_id,
                                                      const char      *title,
                                                      gint64           published,
                                                      gboolean         is_short,
                                                      gboolean         upcoming);
/* Whether the catalog of @channel_id comes in a shape no reader knows. */
void            ssv_fake_youtube_set_changed_shape   (SsvFakeYoutube  *self,
                                                      const char      *channel_id,
                                                      gboolean         changed);
/* Whether InnerTube's resolve_url answers (else the channel page must do). */
void            ssv_fake_youtube_set_resolve_url     (SsvFakeYoutube  *self,
                                                      gboolean         works);
/* The moment the fake's relative dates ("3 days ago") are written from. */
void            ssv_fake_youtube_set_now             (SsvFakeYoutube  *self,
                                                      gint64           now);
guint           ssv_fake_youtube_get_browse_count    (SsvFakeYoutube  *self);

/* Test helpers: a recorded NewPipe mock's response body; a JSON fixture parsed. */
GBytes         *ssv_fake_youtube_load_mock_body      (const char      *relative);
JsonNode       *ssv_fake_youtube_load_json           (const char      *relative);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvFakeYoutube, ssv_fake_youtube_free)

G_END_DECLS
