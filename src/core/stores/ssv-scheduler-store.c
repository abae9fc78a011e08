/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scheduler-store.c: the scheduled jobs' rows: interval, switch, last and next run. */

#include "config.h"

#include "stores/ssv-scheduler-store.h"
#include "model/ssv-scheduler-job-private.h"

static gpointer
read_job (SsvStmt *stmt)
{
  SsvSchedulerJob *job = ssv_scheduler_job_new (ssv_stmt_column_text (stmt, 0), NULL,
                                                sqlite3_column_int64 (stmt, 1));

  job->enabled = sqlite3_column_int (stmt, 2) != 0;
  job->last_run = sqlite3_column_int64 (stmt, 3);
  job->last_finished = sqlite3_column_int64 (stmt, 4);
  job->last_result = ssv_stmt_dup_text (stmt, 5);
  job->last_message = ssv_stmt_dup_text (stmt, 6);
  job->next_run = sqlite3_column_int64 (stmt, 7);

  return job;
}

/**
 * ssv_scheduler_store_load:
 *
 * Returns: (transfer full) (element-type SsvSchedulerJob): every stored job, by
 *   name; their titles are unset (the code that registers a job names it)
 */
GPtrArray *
ssv_scheduler_store_load (SsvDatabase  *db,
                          GError      **error)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "SELECT name, interval_s, enabled, last_run_at, last_finished_at, last_result, last_message, "
    "next_run_at FROM scheduled_jobs ORDER BY name", error);

  if (stmt == NULL || !ssv_stmt_collect_rows (stmt, read_job, jobs, error))
    return NULL;

  return g_steal_pointer (&jobs);
}

/* Writes the whole row of @job (one statement). */
gboolean
ssv_scheduler_store_save (SsvDatabase      *db,
                          SsvSchedulerJob  *job,
                          GError          **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "INSERT INTO scheduled_jobs (name, interval_s, enabled, last_run_at, last_finished_at, "
    "last_result, last_message, next_run_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT (name) DO UPDATE SET interval_s = excluded.interval_s, enabled = excluded.enabled, "
    "last_run_at = excluded.last_run_at, last_finished_at = excluded.last_finished_at, "
    "last_result = excluded.last_result, last_message = excluded.last_message, "
    "next_run_at = excluded.next_run_at", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, job->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, MAX (job->interval, 1));
  sqlite3_bind_int (stmt, 3, job->enabled);
  ssv_stmt_bind_int64_or_null (stmt, 4, job->last_run, job->last_run > 0);
  ssv_stmt_bind_int64_or_null (stmt, 5, job->last_finished, job->last_finished > 0);
  ssv_stmt_bind_text (stmt, 6, job->last_result);
  ssv_stmt_bind_text (stmt, 7, job->last_message);
  sqlite3_bind_int64 (stmt, 8, job->next_run);

  return ssv_stmt_step_done (stmt, error);
}
