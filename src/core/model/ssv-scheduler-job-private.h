/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scheduler-job-private.h: the fields of a scheduled job, for the scheduler and its store. */

#pragma once

#include "model/ssv-scheduler-job.h"

G_BEGIN_DECLS

struct _SsvSchedulerJob
{
  GObject   parent_instance;

  char     *name;              /* "airing-refresh" */
  char     *title;             /* for people: "Refresh airing shows" */
  gint64    interval;          /* seconds */
  gboolean  interval_editable;
  gboolean  enabled;
  gint64    last_run;          /* Unix seconds the last run started, 0 never */
  gint64    last_finished;
  char     *last_result;       /* SSV_JOB_RESULT_*, NULL never ran */
  char     *last_message;
  gint64    next_run;
  gboolean  running;
};

SsvSchedulerJob *ssv_scheduler_job_new (const char *name,
                                        const char *title,
                                        gint64      interval);
gboolean         ssv_scheduler_job_update_from (SsvSchedulerJob *self,
                                                SsvSchedulerJob *other);

G_END_DECLS
