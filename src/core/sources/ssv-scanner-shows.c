/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scanner-shows.c: a library of shows: the listing is read page by page while a pool
 * of threads fetches each show's tree, and the scanning thread writes the trees one at a
 * time, each in one transaction. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "sources/ssv-scanner-private.h"

#define MAX_TREES_IN_FLIGHT     24

/* A show whose tree is being fetched. */
typedef struct
{
  SsvMediaItem *show;       /* NULL when only its episodes changed */
  char         *show_id;
  SsvShowTree  *tree;
  GError       *error;
} TreeJob;

static void
tree_job_free (TreeJob *job)
{
  ssv_media_item_free (job->show);
  g_free (job->show_id);
  ssv_show_tree_free (job->tree);
  g_clear_error (&job->error);
  g_free (job);
}

typedef struct
{
  Scan            *scan;
  GThreadPool     *pool;
  GAsyncQueue     *done;
  guint            in_flight;
  GHashTable      *seen;        /* every show id listed (deep scans and incremental dedup) */
  guint            unreadable;  /* shows of the listing that could not be read */
  gboolean         counted_total;
  gboolean         complete;
  GError          *fatal;
  GError          *source_down;  /* the server stopped answering: stop asking */
} ShowScan;

static void
fetch_tree (gpointer data,
            gpointer user_data)
{
  TreeJob *job = data;
  ShowScan *shows = user_data;

  if (!g_cancellable_set_error_if_cancelled (shows->scan->cancellable, &job->error))
    job->tree = ssv_media_source_list_show_tree (shows->scan->source, job->show_id,
                                                 shows->scan->cancellable, &job->error);

  g_async_queue_push (shows->done, job);
}

/* Takes one fetched tree off the queue and writes it. A tree that could not be
 * read leaves the show's stored episodes alone. */
static gboolean
write_one_tree (ShowScan  *shows)
{
  Scan *scan = shows->scan;
  TreeJob *job = g_async_queue_pop (shows->done);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean cancelled = g_cancellable_is_cancelled (scan->cancellable);

  shows->in_flight--;

  if (shows->fatal != NULL || cancelled)
    {
      tree_job_free (job);
      return TRUE;
    }

  if (job->error != NULL)
    {
      shows->complete = FALSE;

      if (ssv_scan_is_source_fatal (job->error))
        {
          /* Reported once for the source, not once per show. */
          if (shows->source_down == NULL)
            shows->source_down = g_error_copy (job->error);
        }
      else
        {
          g_autofree char *what = g_strdup_printf (_("Episodes of “%s”"),
                                                   job->show ? job->show->title : job->show_id);

          ssv_scan_note_error (scan, what, job->error);
        }
    }

  if (!ssv_library_store_save_show_tree (scan->self->store, scan->server_row, job->show, job->show_id,
                                         job->tree, scan->mode == SSV_SCAN_DEEP, &scan->counts,
                                         problems, &error))
    {
      shows->fatal = g_steal_pointer (&error);
      tree_job_free (job);
      return FALSE;
    }

  ssv_scan_log_problems (scan, problems);
  scan->done++;
  ssv_scan_progress (scan, FALSE);
  ssv_scan_maybe_emit_changed (scan, "show", FALSE);
  tree_job_free (job);
  return TRUE;
}

static void
queue_tree (ShowScan     *shows,
            SsvMediaItem *show,
            const char   *show_id)
{
  TreeJob *job = g_new0 (TreeJob, 1);

  job->show = show;
  job->show_id = g_strdup (show_id);

  /* Bounded: the fetchers never run far ahead of the writer. */
  while (shows->in_flight >= MAX_TREES_IN_FLIGHT)
    write_one_tree (shows);

  shows->in_flight++;
  g_thread_pool_push (shows->pool, job, NULL);
}

static gboolean
show_page_cb (GPtrArray  *items,
              guint       total,
              gpointer    user_data,
              GError    **error)
{
  ShowScan *shows = user_data;
  Scan *scan = shows->scan;

  if (g_cancellable_set_error_if_cancelled (scan->cancellable, error))
    return FALSE;

  if (!shows->counted_total)
    {
      scan->total += total;
      shows->counted_total = TRUE;
    }

  shows->unreadable += ssv_scan_count_unreadable (items);

  for (guint i = 0; i < items->len; i++)
    {
      SsvMediaItem *show = g_ptr_array_index (items, i);

      if (shows->fatal != NULL || shows->source_down != NULL)
        break;

      if (show->problem != NULL)
        {
          g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

          ssv_library_store_save_show_tree (scan->self->store, scan->server_row, show, NULL, NULL,
                                            FALSE, &scan->counts, problems, NULL);
          ssv_scan_log_problems (scan, problems);
          scan->done++;
          continue;
        }

      g_hash_table_add (shows->seen, g_strdup (show->server_id));
      /* The job owns the item from here on. */
      items->pdata[i] = NULL;
      queue_tree (shows, show, show->server_id);
    }

  if (shows->fatal != NULL || shows->source_down != NULL)
    {
      GError *stop = shows->fatal ? shows->fatal : shows->source_down;

      g_set_error_literal (error, stop->domain, stop->code, stop->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
ssv_scan_shows (Scan              *scan,
                SsvServerLibrary  *library,
                gboolean          *fatal,
                GError           **db_error)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ShowScan shows = { scan, NULL, NULL, 0, seen, 0, FALSE, TRUE, NULL, NULL };
  gboolean ok;

  scan->phase = "shows";
  ssv_scan_progress (scan, TRUE);

  shows.done = g_async_queue_new ();
  shows.pool = g_thread_pool_new (fetch_tree, &shows, (int) scan->self->fetch_threads, FALSE, NULL);

  ok = ssv_media_source_list_titles (scan->source, library->key, SSV_MEDIA_KIND_SHOW, scan->since,
                                     show_page_cb, &shows, scan->cancellable, &error);

  /* Incremental: shows whose episodes changed though the show itself did not. */
  if (ok && scan->since > 0 && shows.fatal == NULL && shows.source_down == NULL)
    {
      g_autoptr(GPtrArray) changed = ssv_media_source_list_changed_shows (scan->source, library->key,
                                                                          scan->since, scan->cancellable,
                                                                          &error);
      if (changed == NULL)
        ok = FALSE;
      else
        for (guint i = 0; i < changed->len; i++)
          {
            const char *id = g_ptr_array_index (changed, i);

            if (g_hash_table_contains (seen, id))
              continue;
            g_hash_table_add (seen, g_strdup (id));
            scan->total++;
            queue_tree (&shows, NULL, id);
          }
    }

  while (shows.in_flight > 0)
    write_one_tree (&shows);

  g_thread_pool_free (shows.pool, FALSE, TRUE);
  g_async_queue_unref (shows.done);
  ssv_scan_maybe_emit_changed (scan, "show", TRUE);

  if (shows.fatal != NULL)
    {
      g_clear_error (&shows.source_down);
      g_propagate_error (db_error, shows.fatal);
      *fatal = TRUE;
      return FALSE;
    }

  if (shows.source_down != NULL)
    {
      ssv_scan_note_error (scan, library->name, shows.source_down);
      g_clear_error (&shows.source_down);
      *fatal = TRUE;
      return FALSE;
    }

  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ssv_scan_note_error (scan, library->name, error);
      *fatal = ssv_scan_is_source_fatal (error);
      return FALSE;
    }

  if (!shows.complete || g_cancellable_is_cancelled (scan->cancellable))
    return FALSE;

  if (scan->mode == SSV_SCAN_DEEP)
    return ssv_scan_prune (scan, SSV_MEDIA_KIND_SHOW, library, seen, shows.unreadable);

  return ssv_scan_release_listed (scan, SSV_MEDIA_KIND_SHOW, library, seen);
}
