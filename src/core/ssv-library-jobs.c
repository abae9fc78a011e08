/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-jobs.c: the scheduled jobs that keep the library current: scans, refreshes,
 * followed people, wished shows not owned and where wanted titles stream, the image cache. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-library-jobs.h"
#include "ssv-thread.h"
#include "sources/ssv-scan-result.h"
#include "sources/ssv-scanner.h"
#include "ssv-discovery.h"
#include "ssv-image-cache.h"
#include "ssv-people-follower.h"
#include "workers/ssv-refresher.h"

#define HOUR  (3600)
#define DAY   (24 * HOUR)

/* ---- scans ------------------------------------------------------------------------ */

static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvScanResult) scan = ssv_scanner_scan_finish (SSV_SCANNER (source), result, &error);

  if (scan == NULL && g_error_matches (error, SSV_ERROR, SSV_ERROR_REFUSED))
    /* The person's own scan was under way: that one counts. */
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "%s", error->message);
  else if (scan == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (scan->cancelled)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The scan was stopped."));
  else
    g_task_return_pointer (task, ssv_scan_result_dup_summary (scan), g_free);
}

/* Every source, incrementally, or deeply under the prune-safety rules: titles a
 * deep scan holds back wait for the person; the scheduler never confirms them. */
static void
scan_job (SsvScheduler    *scheduler,
          SsvSchedulerJob *job,
          GTask           *task,
          gpointer         user_data)
{
  SsvScanner *scanner = ((SsvLibraryJobObjects *) user_data)->scanner;
  SsvScanMode mode = g_str_equal (ssv_scheduler_job_get_name (job), "deep-scan") ? SSV_SCAN_DEEP
                                                                                  : SSV_SCAN_INCREMENTAL;

  if (ssv_scanner_get_running (scanner))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, _("A scan was already running."));
      return;
    }

  ssv_scanner_scan_async (scanner, mode, 0, g_task_get_cancellable (task), scan_done_cb, g_object_ref (task));
}

/* ---- refreshes -------------------------------------------------------------------- */

static void
refresh_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(SsvRefreshReport) report = ssv_refresher_run_finish (SSV_REFRESHER (source), result, &error);

  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ssv_refresh_report_dup_summary (report), g_free);
}

static void
refresh_job (SsvScheduler    *scheduler,
             SsvSchedulerJob *job,
             GTask           *task,
             gpointer         user_data)
{
  gboolean airing = g_str_equal (ssv_scheduler_job_get_name (job), "airing-refresh");

  ssv_refresher_run_async (((SsvLibraryJobObjects *) user_data)->refresher,
                           airing ? SSV_REFRESH_AIRING : SSV_REFRESH_DUE, SSV_ITEM_SHOW, 0,
                           airing ? G_MAXUINT : SSV_REFRESH_BATCH,
                           g_task_get_cancellable (task), refresh_done_cb, g_object_ref (task));
}

/* ---- followed people ----------------------------------------------------------------- */

static void
people_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *summary = ssv_people_follower_sync_finish (SSV_PEOPLE_FOLLOWER (source), result, &error);

  if (summary == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summary, g_free);
}

static void
people_job (SsvScheduler    *scheduler,
            SsvSchedulerJob *job,
            GTask           *task,
            gpointer         user_data)
{
  ssv_people_follower_sync_async (((SsvLibraryJobObjects *) user_data)->people_follower, g_task_get_cancellable (task),
                                  people_done_cb, g_object_ref (task));
}

/* ---- the wishlist beyond the library ----------------------------------------------------- */

typedef struct
{
  SsvDiscovery     *discovery;
  SsvWishlistStore *wishlist;
} WishlistRefresh;

static void
wishlist_refresh_free (gpointer data)
{
  WishlistRefresh *refresh = data;

  g_clear_object (&refresh->discovery);
  g_clear_object (&refresh->wishlist);
  g_free (refresh);
}

static void
wishlist_refresh_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  WishlistRefresh *refresh = task_data;
  GError *error = NULL;
  guint shows = 0, titles = 0;

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (!ssv_discovery_refresh_wished_shows_sync (refresh->discovery, refresh->wishlist, &shows, cancellable, &error) ||
      !ssv_discovery_refresh_streaming_sync (refresh->discovery, NULL, SSV_STREAMING_MAX_AGE_S, &titles, cancellable,
                                             &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Translators: a scheduled task's result, "2 wished shows and 14 wanted titles read" */
  g_task_return_pointer (task, g_strdup_printf (_("%u wished shows and %u wanted titles read"), shows, titles),
                         g_free);
}

/* Wished shows the library lacks get their episode lists again; wanted titles whose
 * streaming offers are a week old get them again (TMDB, in a thread). */
static void
wishlist_refresh_job (SsvScheduler    *scheduler,
                      SsvSchedulerJob *job,
                      GTask           *task,
                      gpointer         user_data)
{
  WishlistRefresh *refresh = g_new0 (WishlistRefresh, 1);

  refresh->discovery = g_object_ref (((SsvLibraryJobObjects *) user_data)->discovery);
  refresh->wishlist = g_object_ref (((SsvLibraryJobObjects *) user_data)->wishlist);
  g_task_set_task_data (task, refresh, wishlist_refresh_free);
  g_task_run_in_thread (task, wishlist_refresh_thread);
}

/* ---- the image cache ------------------------------------------------------------------ */

static void
trim_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SsvImageCache *cache = task_data;
  g_autofree char *size = NULL;
  guint before, removed;
  guint64 kept;

  g_assert (!SSV_IS_MAIN_THREAD ());

  /* Down to the person's limit (the image-cache-size preference), least recently used first. */
  before = ssv_image_cache_get_evictions (cache);
  kept = ssv_image_cache_trim (cache);
  removed = ssv_image_cache_get_evictions (cache) - before;

  size = g_format_size (kept);
  g_task_return_pointer (task,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u image removed, %s kept",
                                                       "%u images removed, %s kept", removed),
                                          removed, size),
                         g_free);
}

static void
trim_job (SsvScheduler    *scheduler,
          SsvSchedulerJob *job,
          GTask           *task,
          gpointer         user_data)
{
  g_task_set_task_data (task, g_object_ref (((SsvLibraryJobObjects *) user_data)->image_cache), g_object_unref);
  g_task_run_in_thread (task, trim_thread);
}

/* ---- the table ---------------------------------------------------------------------- */

static const SsvLibraryJobSpec specs[] = {
  { "incremental-scan", N_("Scan sources for changes"), HOUR, SSV_JOB_NO_HOUR, SSV_JOB_NONE, scan_job },
  { "deep-scan", N_("Scan sources deeply"), 7 * DAY, 4, SSV_JOB_NONE, scan_job },
  { "airing-refresh", N_("Refresh airing shows"), DAY, 3, SSV_JOB_NONE, refresh_job },
  { "library-refresh", N_("Refresh library metadata"), 15 * 60, SSV_JOB_NO_HOUR, SSV_JOB_NONE, refresh_job },
  { "followed-people", N_("Look for new movies of followed people"), DAY, 5, SSV_JOB_NONE, people_job },
  { "wishlist-refresh", N_("Refresh wished shows and where wanted titles stream"), DAY, 6, SSV_JOB_NONE,
    wishlist_refresh_job },
  { "image-cache-trim", N_("Trim the image cache"), DAY, SSV_JOB_NO_HOUR, SSV_JOB_FIXED_INTERVAL, trim_job },
};

/* Returns: (transfer none): the jobs of the library, in the order lists show them */
const SsvLibraryJobSpec *
ssv_library_jobs_get_specs (guint *n_specs)
{
  *n_specs = G_N_ELEMENTS (specs);
  return specs;
}

/**
 * ssv_library_jobs_register:
 * @objects: what the jobs work on, borrowed: their owner (the #SsvContext) owns
 *   @scheduler too and stops it before they go
 */
void
ssv_library_jobs_register (SsvScheduler               *scheduler,
                           const SsvLibraryJobObjects *objects)
{
  SsvLibraryJobObjects *shared;

  g_return_if_fail (SSV_IS_SCHEDULER (scheduler));
  g_return_if_fail (objects != NULL);

  /* One copy for all the jobs; the last one the scheduler lets go frees it. */
  shared = g_rc_box_new (SsvLibraryJobObjects);
  *shared = *objects;
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    ssv_scheduler_register (scheduler, specs[i].name, _(specs[i].title), specs[i].interval, specs[i].at_hour,
                            specs[i].flags, specs[i].func, g_rc_box_acquire (shared), g_rc_box_release);
  g_rc_box_release (shared);
}
