/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-worker-orb.h: a small dot per running metadata worker, pulsing while it works. */

#pragma once

#include <adwaita.h>

#include "workers/ssv-worker.h"

G_BEGIN_DECLS

#define SSV_TYPE_WORKER_ORB (ssv_worker_orb_get_type ())

G_DECLARE_FINAL_TYPE (SsvWorkerOrb, ssv_worker_orb, SSV, WORKER_ORB, GtkButton)

GtkWidget  *ssv_worker_orb_new         (SsvWorker    *worker);
SsvWorker  *ssv_worker_orb_get_worker  (SsvWorkerOrb *self);
const char *ssv_worker_orb_get_look    (SsvWorkerOrb *self);

G_END_DECLS
