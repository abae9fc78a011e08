/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scheduler-store.h: the scheduled jobs' rows: interval, switch, last and next run. */

#pragma once

#include "ssv-database.h"
#include "model/ssv-scheduler-job.h"

G_BEGIN_DECLS

GPtrArray *ssv_scheduler_store_load  (SsvDatabase      *db,
                                      GError          **error);
gboolean   ssv_scheduler_store_save  (SsvDatabase      *db,
                                      SsvSchedulerJob  *job,
                                      GError          **error);

G_END_DECLS
