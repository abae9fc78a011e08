/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-youtube-url.h: what a pasted channel address names, and where its UC… id is found. */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  SSV_YT_REF_CHANNEL_ID,    /* /channel/UC… or a bare UC… id: nothing to resolve */
  SSV_YT_REF_HANDLE,        /* /@name or a bare @name */
  SSV_YT_REF_CUSTOM,        /* /c/Name, or a legacy /Name */
  SSV_YT_REF_USER,          /* /user/Name */
} SsvYtRefKind;

typedef struct
{
  SsvYtRefKind  kind;
  char         *value;      /* the UC… id, "@name" (with its @) or the name */
} SsvYtChannelRef;

/* Pure: a pasted address (youtube.com, m., music., www., with or without a
 * scheme) or a bare @handle or UC… id → what to resolve. Watch, youtu.be,
 * playlist, Shorts and home addresses fail with SSV_ERROR_INVALID and a
 * message that says what to paste instead. */
SsvYtChannelRef *ssv_yt_channel_ref_parse        (const char       *text,
                                                  GError          **error);
void             ssv_yt_channel_ref_free         (SsvYtChannelRef  *ref);
/* The channel page's path on youtube.com: "/@name", "/c/Name", "/channel/UC…". */
char            *ssv_yt_channel_ref_dup_path     (const SsvYtChannelRef *ref);

/* Pure: a channel page's HTML → its UC… id, from <link rel="canonical">, the
 * channelMetadataRenderer's externalId, a channelId meta tag or the first
 * browseId of a channel. NULL when the page names none. */
char            *ssv_yt_page_find_channel_id     (const char       *html,
                                                  gsize             length);

/* Pure: an InnerTube navigation/resolve_url answer → the channel's UC… id.
 * NOT_FOUND when it points elsewhere; CHANGED when the shape is unknown. */
char            *ssv_yt_parse_resolve_url        (JsonNode         *root,
                                                  GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvYtChannelRef, ssv_yt_channel_ref_free)

G_END_DECLS
