/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scheduler.h: runs registered jobs at their interval, persists their runs, and runs a
 * job missed while the machine was off or asleep once, at start or wake. */

#pragma once

#include <gio/gio.h>

#include "ssv-clock.h"
#include "ssv-database.h"
#include "ssv-sleep-monitor.h"
#include "model/ssv-scheduler-job.h"

G_BEGIN_DECLS

#define SSV_TYPE_SCHEDULER (ssv_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (SsvScheduler, ssv_scheduler, SSV, SCHEDULER, GObject)

/**
 * SsvJobFunc:
 * @task: complete it on the main context: g_task_return_pointer() with a short
 *   message for people (or %NULL) when the run worked, or an error. A
 *   %G_IO_ERROR_BUSY error means the run was skipped (its work was under way
 *   elsewhere); %G_IO_ERROR_CANCELLED that it was stopped. Its cancellable is
 *   cancelled when the scheduler stops.
 *
 * Starts one run of a job. Called on the main context; never while the same
 * job still runs.
 */
typedef void (*SsvJobFunc) (SsvScheduler     *scheduler,
                            SsvSchedulerJob  *job,
                            GTask            *task,
                            gpointer          user_data);

typedef enum
{
  SSV_JOB_NONE           = 0,
  SSV_JOB_FIXED_INTERVAL = 1 << 0,   /* a person cannot change how often it runs */
} SsvJobFlags;

#define SSV_JOB_NO_HOUR (-1)

SsvScheduler    *ssv_scheduler_new            (SsvDatabase      *database,
                                               SsvClock         *clock);
SsvClock        *ssv_scheduler_get_clock      (SsvScheduler     *self);
void             ssv_scheduler_set_sleep_monitor (SsvScheduler  *self,
                                               SsvSleepMonitor  *monitor);
void             ssv_scheduler_register       (SsvScheduler     *self,
                                               const char       *name,
                                               const char       *title,
                                               gint64            interval_s,
                                               int               at_hour,
                                               SsvJobFlags       flags,
                                               SsvJobFunc        func,
                                               gpointer          user_data,
                                               GDestroyNotify    destroy);
GListModel      *ssv_scheduler_get_jobs       (SsvScheduler     *self);
SsvSchedulerJob *ssv_scheduler_lookup         (SsvScheduler     *self,
                                               const char       *name);
gboolean         ssv_scheduler_load_sync      (SsvScheduler     *self,
                                               GError          **error);
void             ssv_scheduler_start          (SsvScheduler     *self);
void             ssv_scheduler_stop           (SsvScheduler     *self);
gboolean         ssv_scheduler_get_loaded     (SsvScheduler     *self);
gboolean         ssv_scheduler_get_busy       (SsvScheduler     *self);
void             ssv_scheduler_check_due      (SsvScheduler     *self);
gboolean         ssv_scheduler_run_now        (SsvScheduler     *self,
                                               const char       *name,
                                               GError          **error);
gboolean         ssv_scheduler_set_interval   (SsvScheduler     *self,
                                               const char       *name,
                                               gint64            interval_s,
                                               GError          **error);
gboolean         ssv_scheduler_set_enabled    (SsvScheduler     *self,
                                               const char       *name,
                                               gboolean          enabled,
                                               GError          **error);
gint64           ssv_scheduler_next_after     (SsvScheduler     *self,
                                               const char       *name,
                                               gint64            from);
void             ssv_scheduler_flush          (SsvScheduler     *self);

G_END_DECLS
