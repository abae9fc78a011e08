/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scheduler-job.h: one scheduled job as lists show it: last and next run, result, interval. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SSV_TYPE_SCHEDULER_JOB (ssv_scheduler_job_get_type ())

G_DECLARE_FINAL_TYPE (SsvSchedulerJob, ssv_scheduler_job, SSV, SCHEDULER_JOB, GObject)

/* How the last run ended. */
#define SSV_JOB_RESULT_OK        "ok"
#define SSV_JOB_RESULT_FAILED    "failed"
#define SSV_JOB_RESULT_CANCELLED "cancelled"
#define SSV_JOB_RESULT_SKIPPED   "skipped"

const char *ssv_scheduler_job_get_name            (SsvSchedulerJob *self);
const char *ssv_scheduler_job_get_title           (SsvSchedulerJob *self);
gint64      ssv_scheduler_job_get_interval        (SsvSchedulerJob *self);
gboolean    ssv_scheduler_job_get_interval_editable (SsvSchedulerJob *self);
gboolean    ssv_scheduler_job_get_enabled         (SsvSchedulerJob *self);
gint64      ssv_scheduler_job_get_last_run        (SsvSchedulerJob *self);
gint64      ssv_scheduler_job_get_last_finished   (SsvSchedulerJob *self);
const char *ssv_scheduler_job_get_last_result     (SsvSchedulerJob *self);
const char *ssv_scheduler_job_get_last_message    (SsvSchedulerJob *self);
gint64      ssv_scheduler_job_get_next_run        (SsvSchedulerJob *self);
gboolean    ssv_scheduler_job_get_running         (SsvSchedulerJob *self);

G_END_DECLS
