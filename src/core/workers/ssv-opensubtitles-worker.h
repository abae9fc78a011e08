/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-opensubtitles-worker.h: the OpenSubtitles worker: which subtitle languages exist. */

#pragma once

#include "workers/ssv-worker.h"

G_BEGIN_DECLS

#define SSV_TYPE_OPENSUBTITLES_WORKER (ssv_opensubtitles_worker_get_type ())

G_DECLARE_FINAL_TYPE (SsvOpensubtitlesWorker, ssv_opensubtitles_worker, SSV, OPENSUBTITLES_WORKER, SsvWorker)

G_END_DECLS
