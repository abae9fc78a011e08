/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-grab-hits.h: a search's judged hits made into a grab; the configured indexers made live. */

#pragma once

#include "downloads/ssv-grabber.h"
#include "downloads/ssv-indexer.h"
#include "downloads/ssv-judge.h"
#include "downloads/ssv-search-item.h"

G_BEGIN_DECLS

SsvDownloadCandidate *ssv_download_candidate_new_from_judged (const SsvJudgedHit      *judged);
SsvGrabRequest       *ssv_grab_request_new_from_hits         (const SsvSearchItem     *item,
                                                              const SsvQualityProfile *profile,
                                                              GPtrArray               *hits,
                                                              guint                    pick);
GPtrArray            *ssv_grab_load_indexers                 (SsvDownloadStore        *store,
                                                              SsvSecrets              *secrets,
                                                              GCancellable            *cancellable,
                                                              GError                 **error);
char                 *ssv_grab_test_indexer                  (SsvDownloadStore        *store,
                                                              SsvSecrets              *secrets,
                                                              SsvHttp                 *http,
                                                              const SsvIndexerRow     *row,
                                                              GCancellable            *cancellable,
                                                              GError                 **error);

G_END_DECLS
