/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-worker-row.h: one metadata worker in Manage Workers: state, progress per kind, controls. */

#pragma once

#include <adwaita.h>

#include "workers/ssv-enrichment-engine.h"

G_BEGIN_DECLS

#define SSV_TYPE_WORKER_ROW (ssv_worker_row_get_type ())

G_DECLARE_FINAL_TYPE (SsvWorkerRow, ssv_worker_row, SSV, WORKER_ROW, AdwPreferencesGroup)

GtkWidget  *ssv_worker_row_new          (SsvEnrichmentEngine *engine,
                                         SsvWorker           *worker);
SsvWorker  *ssv_worker_row_get_worker   (SsvWorkerRow        *self);
double      ssv_worker_row_get_fraction (SsvWorkerRow        *self,
                                         SsvItemKind          kind);

G_END_DECLS
