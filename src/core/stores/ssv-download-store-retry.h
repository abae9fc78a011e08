/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-store-retry.h: what a retry writes to a download: the next release, a search's new candidates. */

#pragma once

#include "stores/ssv-download-store.h"

G_BEGIN_DECLS

/* What a retry may move a download from: anything but a person's cancel. */
#define SSV_DOWNLOAD_RETRY_FROM (SSV_DOWNLOAD_STATUS_ANY & ~SSV_DOWNLOAD_STATUS_BIT (SSV_DOWNLOAD_CANCELLED))

/* A download moving to another release of its pool. */
typedef struct
{
  guint                       position;     /* the candidate's place in the pool */
  const SsvDownloadCandidate *candidate;
  gint64                      client_id;    /* 0: none took it */
  const char                 *client_name;
  const char                 *reference;    /* NULL: the client refused it (@error says why) */
  const char                 *error;
  const char                 *event;        /* its line in the timeline */
} SsvReleaseSwitch;

gboolean  ssv_download_store_switch_release  (SsvDownloadStore        *self,
                                              gint64                   id,
                                              const SsvReleaseSwitch  *change,
                                              GError                 **error);
gboolean  ssv_download_store_add_candidates  (SsvDownloadStore        *self,
                                              gint64                   id,
                                              GPtrArray               *candidates,
                                              const char              *query,
                                              const char              *event,
                                              GError                 **error);

G_END_DECLS
