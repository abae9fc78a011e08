/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scanner.c: sources → normalised items → library rows. Pages of titles are written as
 * they arrive; show trees are fetched by a few threads and each written in one transaction
 * (ssv-scanner-shows.c); what a scan removes is decided in ssv-scanner-prune.c. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-utils.h"
#include "ssv-error.h"
#include "sources/ssv-folder-source.h"
#include "stores/ssv-scan-hold-store.h"
#include "sources/ssv-scanner-private.h"
#include "stores/ssv-settings-store.h"
#include "sources/ssv-source-factory.h"
#include "ssv-thread.h"

#define DEFAULT_FETCH_THREADS   4
/* Clocks of servers and of this machine disagree a little; look back further. */
#define INCREMENTAL_SKEW_S      (10 * 60)
#define MAX_LOGGED_PROBLEMS     200
#define PUBLISH_INTERVAL_US     (50 * 1000)
#define CHANGED_INTERVAL_US     (1000 * 1000)

G_DEFINE_FINAL_TYPE (SsvScanner, ssv_scanner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  PROP_WRITING,
  PROP_PHASE,
  PROP_SOURCE_NAME,
  PROP_FRACTION,
  N_PROPS
};

enum {
  SCAN_STARTED,
  SCAN_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
/* ---- state on the main context --------------------------------------------- */

typedef struct
{
  SsvScanner *scanner;
  gboolean    running;
} RunningData;

static void
running_data_free (gpointer user_data)
{
  RunningData *data = user_data;

  g_object_unref (data->scanner);
  g_free (data);
}

/* Never folded into the other state: a scan shorter than one main loop turn still
 * goes writing, then idle, for whoever pauses on it. */
static gboolean
set_running_cb (gpointer user_data)
{
  RunningData *data = user_data;
  SsvScanner *self = data->scanner;

  if (self->running != data->running)
    {
      self->running = data->running;
      g_object_freeze_notify (G_OBJECT (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITING]);
      g_object_thaw_notify (G_OBJECT (self));
    }

  return G_SOURCE_REMOVE;
}

static gboolean
publish_cb (gpointer user_data)
{
  SsvScanner *self = user_data;
  g_autofree char *phase = NULL;
  g_autofree char *source = NULL;
  double fraction;

  g_mutex_lock (&self->lock);
  self->publish_queued = FALSE;
  phase = g_strdup (self->pending_phase);
  source = g_strdup (self->pending_source);
  fraction = self->pending_fraction;
  g_mutex_unlock (&self->lock);

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->phase, phase) != 0)
    {
      g_free (self->phase);
      self->phase = g_steal_pointer (&phase);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
    }
  if (g_strcmp0 (self->source_name, source) != 0)
    {
      g_free (self->source_name);
      self->source_name = g_steal_pointer (&source);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_NAME]);
    }
  if (self->fraction != fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  return G_SOURCE_REMOVE;
}

/* Hands the state to the main context; many calls in a row become one notify. */
static void
publish (SsvScanner *self,
         gboolean    running,
         const char *phase,
         const char *source,
         double      fraction)
{
  RunningData *change = NULL;
  gboolean queue;

  g_mutex_lock (&self->lock);
  if (self->pending_running != running)
    {
      self->pending_running = running;
      change = g_new0 (RunningData, 1);
      change->scanner = g_object_ref (self);
      change->running = running;
    }
  g_free (self->pending_phase);
  self->pending_phase = g_strdup (phase);
  g_free (self->pending_source);
  self->pending_source = g_strdup (source);
  self->pending_fraction = fraction;
  queue = !self->publish_queued;
  self->publish_queued = TRUE;
  g_mutex_unlock (&self->lock);

  /* Both go in order, the running state first when a scan starts, last when it ends. */
  if (change != NULL && running)
    ssv_dispatch_to (self->main_context, set_running_cb, change, running_data_free);
  if (queue)
    ssv_dispatch_to (self->main_context, publish_cb, g_object_ref (self), g_object_unref);
  if (change != NULL && !running)
    ssv_dispatch_to (self->main_context, set_running_cb, change, running_data_free);
}

typedef struct
{
  SsvScanner    *scanner;
  SsvScanResult *result;
} SignalData;

static gboolean
emit_started_cb (gpointer user_data)
{
  g_signal_emit (user_data, signals[SCAN_STARTED], 0);
  return G_SOURCE_REMOVE;
}

static gboolean
emit_finished_cb (gpointer user_data)
{
  SignalData *data = user_data;

  g_signal_emit (data->scanner, signals[SCAN_FINISHED], 0, data->result);
  return G_SOURCE_REMOVE;
}

static void
signal_data_free (gpointer user_data)
{
  SignalData *data = user_data;

  g_object_unref (data->scanner);
  ssv_scan_result_free (data->result);
  g_free (data);
}

static gboolean
begin_scan (SsvScanner  *self,
            GError     **error)
{
  g_mutex_lock (&self->lock);
  if (self->busy)
    {
      g_mutex_unlock (&self->lock);
      g_set_error (error, SSV_ERROR, SSV_ERROR_REFUSED, _("A scan is already running."));
      return FALSE;
    }
  self->busy = TRUE;
  g_mutex_unlock (&self->lock);

  ssv_dispatch_to (self->main_context, emit_started_cb, g_object_ref (self), g_object_unref);
  publish (self, TRUE, "starting", NULL, 0.0);
  return TRUE;
}

static void
end_scan (SsvScanner          *self,
          const SsvScanResult *result)
{
  SignalData *data = g_new0 (SignalData, 1);

  ssv_store_emit_changed (SSV_STORE (self->store), "all");
  publish (self, FALSE, "done", NULL, 1.0);

  data->scanner = g_object_ref (self);
  data->result = ssv_scan_result_copy (result);
  ssv_dispatch_to (self->main_context, emit_finished_cb, data, signal_data_free);

  g_mutex_lock (&self->lock);
  self->busy = FALSE;
  g_mutex_unlock (&self->lock);
}

/* ---- one source ------------------------------------------------------------- */

void
ssv_scan_progress (Scan     *scan,
                   gboolean  force)
{
  SsvScanner *self = scan->self;
  gint64 now = g_get_monotonic_time ();
  double fraction;

  if (self->progress_func != NULL)
    self->progress_func (self, scan->phase, scan->name, scan->done, scan->total, self->progress_data);

  /* The main context hears of it at most twenty times a second. */
  if (!force && now - scan->last_publish_us < PUBLISH_INTERVAL_US)
    return;
  scan->last_publish_us = now;

  fraction = scan->total > 0 ? MIN ((double) scan->done / scan->total, 1.0) : 0.0;
  publish (self, TRUE, scan->phase, scan->name, fraction);
}

void
ssv_scan_maybe_emit_changed (Scan       *scan,
                             const char *detail,
                             gboolean    force)
{
  SsvScanner *self = scan->self;
  gint64 now = g_get_monotonic_time ();
  gboolean emit;

  g_mutex_lock (&self->lock);
  emit = force || now - self->last_changed_us >= CHANGED_INTERVAL_US;
  if (emit)
    self->last_changed_us = now;
  g_mutex_unlock (&self->lock);

  if (emit)
    ssv_store_emit_changed (SSV_STORE (self->store), detail);
}

void
ssv_scan_log_activity (Scan             *scan,
                       SsvActivityLevel  level,
                       const char       *message)
{
  g_autoptr(GError) error = NULL;

  if (!ssv_activity_store_log (scan->self->database, "scan", level, scan->name, message, NULL, &error))
    g_warning ("Could not log a scan note: %s", error->message);
}

void
ssv_scan_log_problems (Scan      *scan,
                       GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      if (scan->logged_problems == MAX_LOGGED_PROBLEMS)
        ssv_scan_log_activity (scan, SSV_ACTIVITY_WARNING, _("More items were skipped; only the first ones are listed."));
      if (scan->logged_problems++ >= MAX_LOGGED_PROBLEMS)
        continue;
      ssv_scan_log_activity (scan, SSV_ACTIVITY_WARNING, g_ptr_array_index (problems, i));
    }
}

/* A source-level failure: counted, reported, logged. */
void
ssv_scan_note_error (Scan         *scan,
                     const char   *what,
                     const GError *error)
{
  g_autofree char *message = NULL;

  if (what != NULL)
    message = g_strdup_printf ("%s: %s", what, error->message);
  else
    message = g_strdup (error->message);

  scan->result->errors++;
  if (scan->result->messages->len < MAX_LOGGED_PROBLEMS)
    g_ptr_array_add (scan->result->messages, g_strdup_printf ("%s: %s", scan->name, message));
  if (scan->logged_problems++ < MAX_LOGGED_PROBLEMS)
    ssv_scan_log_activity (scan, SSV_ACTIVITY_ERROR, message);
}

/* Failures that will repeat for every library of the source. */
gboolean
ssv_scan_is_source_fatal (const GError *error)
{
  return g_error_matches (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED) ||
         g_error_matches (error, SSV_ERROR, SSV_ERROR_UNREACHABLE) ||
         g_error_matches (error, SSV_ERROR, SSV_ERROR_TIMEOUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  Scan            *scan;
  GHashTable      *seen;
  guint            unreadable;  /* items of the listing that could not be read */
  gboolean         counted_total;
  GError          *fatal;       /* a write that failed as a whole */
} MoviePage;

/* Items the source could not read (non-objects, no id, a problem) are
 * skipped; counted, since they block pruning: they may be any title. */
guint
ssv_scan_count_unreadable (GPtrArray *items)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      SsvMediaItem *item = g_ptr_array_index (items, i);

      if (item == NULL)
        continue;
      if (item->problem == NULL && item->server_id == NULL)
        item->problem = g_strdup (_("The server sent an item without an id"));
      if (item->problem != NULL)
        n++;
    }

  return n;
}

static gboolean
movie_page_cb (GPtrArray  *items,
               guint       total,
               gpointer    user_data,
               GError    **error)
{
  MoviePage *page = user_data;
  Scan *scan = page->scan;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  if (g_cancellable_set_error_if_cancelled (scan->cancellable, error))
    return FALSE;

  if (!page->counted_total)
    {
      scan->total += total;
      page->counted_total = TRUE;
    }

  page->unreadable += ssv_scan_count_unreadable (items);
  if (!ssv_library_store_save_titles (scan->self->store, scan->server_row, items, page->seen,
                                      &scan->counts, problems, error))
    {
      page->fatal = g_error_copy (*error);
      return FALSE;
    }

  ssv_scan_log_problems (scan, problems);
  scan->done += items->len;
  ssv_scan_progress (scan, FALSE);
  ssv_scan_maybe_emit_changed (scan, "movie", FALSE);
  return TRUE;
}

/* Returns FALSE when the library was not read completely; *fatal says whether
 * the rest of the source should be given up. */
static gboolean
scan_movies (Scan              *scan,
             SsvServerLibrary  *library,
             gboolean          *fatal,
             GError           **db_error)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GError) error = NULL;
  MoviePage page = { scan, NULL, 0, FALSE, NULL };
  gboolean ok;

  scan->phase = "movies";
  ssv_scan_progress (scan, TRUE);

  seen = page.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = ssv_media_source_list_titles (scan->source, library->key, SSV_MEDIA_KIND_MOVIE, scan->since,
                                     movie_page_cb, &page, scan->cancellable, &error);
  ssv_scan_maybe_emit_changed (scan, "movie", TRUE);

  if (page.fatal != NULL)
    {
      g_propagate_error (db_error, page.fatal);
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

  if (g_cancellable_is_cancelled (scan->cancellable))
    return TRUE;

  if (scan->mode == SSV_SCAN_DEEP)
    return ssv_scan_prune (scan, SSV_MEDIA_KIND_MOVIE, library, seen, page.unreadable);

  return ssv_scan_release_listed (scan, SSV_MEDIA_KIND_MOVIE, library, seen);
}


/* How many titles the library has from the source, in the libraries it maps. */
static gint64
count_server_titles (Scan          *scan,
                     SsvServerInfo *server)
{
  gint64 total = 0;

  for (guint i = 0; i < server->libraries->len; i++)
    {
      SsvServerLibrary *library = g_ptr_array_index (server->libraries, i);
      gint64 n;

      if (library->kind != SSV_LIBRARY_KIND_MOVIES && library->kind != SSV_LIBRARY_KIND_SHOWS)
        continue;
      n = ssv_library_store_count_titles (scan->self->store, library->kind == SSV_LIBRARY_KIND_MOVIES
                                                             ? SSV_MEDIA_KIND_MOVIE : SSV_MEDIA_KIND_SHOW,
                                          scan->server_row, library->key, NULL);
      /* A count that fails counts as titles: better unavailable than emptied. */
      total += n < 0 ? 1 : n;
    }

  return total;
}

/* A folder whose disk is not connected (its mount point left behind: empty,
 * unreadable, or on another device than at the last scan) is unavailable, not
 * empty: nothing of it is read or removed. *device gets the disk to record
 * after a complete scan, or 0 when there is none to record. */
static gboolean
folder_available (Scan            *scan,
                  SsvServerInfo   *server,
                  SsvFolderSource *folder,
                  guint64         *device)
{
  g_autoptr(GError) error = NULL;
  const char *path = ssv_folder_source_get_path (folder);
  guint64 known = 0;
  SsvFolderRootState state;

  if (!ssv_scan_hold_store_get_root_device (scan->self->database, scan->server_row, path, &known, &error))
    {
      ssv_scan_note_error (scan, NULL, error);
      return FALSE;
    }

  state = ssv_folder_source_check_root (folder, known, device, &error);
  if (state == SSV_FOLDER_ROOT_AVAILABLE)
    return TRUE;

  /* An empty folder that never had titles is just new; its disk is not the one to remember. */
  if (state == SSV_FOLDER_ROOT_EMPTY && count_server_titles (scan, server) == 0)
    {
      *device = 0;
      return TRUE;
    }

  if (state == SSV_FOLDER_ROOT_OTHER_DISK)
    {
      g_autoptr(GError) hold_error = NULL;

      /* The person may have moved the library there: ask (no title waits on it). */
      if (!ssv_scan_hold_store_hold_disk (scan->self->database, scan->server_row, path, *device, &hold_error))
        g_warning ("Could not remember a folder's new disk: %s", hold_error->message);
    }

  ssv_scan_note_error (scan, NULL, error);
  return FALSE;
}

static gboolean
scan_source (SsvScanner      *self,
             SsvMediaSource  *source,
             gint64           server_row,
             SsvScanMode      mode,
             SsvScanResult   *result,
             GCancellable    *cancellable,
             GError         **error)
{
  g_autoptr(SsvServerInfo) server = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *summary = NULL;
  Scan scan = { 0 };
  gboolean complete = TRUE;
  gboolean mapped = FALSE;
  guint64 device = 0;
  gint64 started_at = g_get_real_time () / G_USEC_PER_SEC;

  server = ssv_server_store_get (self->database, server_row, error);
  if (server == NULL)
    return FALSE;

  scan.self = self;
  scan.source = source;
  scan.server_row = server_row;
  scan.name = server->name;
  scan.mode = mode;
  scan.result = result;
  scan.cancellable = cancellable;
  scan.phase = "connecting";

  /* Incremental needs a complete scan to count from; without one it is full. */
  if (mode == SSV_SCAN_INCREMENTAL && server->last_scan_at > 0)
    scan.since = MAX (server->last_scan_at - INCREMENTAL_SKEW_S, 1);

  result->sources++;
  ssv_scan_progress (&scan, TRUE);

  if (!ssv_scan_prune_unmapped (&scan, error))
    return FALSE;

  if (SSV_IS_FOLDER_SOURCE (source) && !folder_available (&scan, server, SSV_FOLDER_SOURCE (source), &device))
    {
      complete = FALSE;
      goto out;
    }

  /* Movies first: they are quick, and people look for them first. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < server->libraries->len; i++)
      {
        SsvServerLibrary *library = g_ptr_array_index (server->libraries, i);
        gboolean fatal = FALSE;
        gboolean ok;

        if (library->kind != (pass == 0 ? SSV_LIBRARY_KIND_MOVIES : SSV_LIBRARY_KIND_SHOWS))
          continue;
        mapped = TRUE;

        if (g_cancellable_is_cancelled (cancellable))
          break;

        ok = pass == 0 ? scan_movies (&scan, library, &fatal, &local_error)
                       : ssv_scan_shows (&scan, library, &fatal, &local_error);
        complete &= ok;

        if (local_error != NULL)
          {
            g_propagate_error (error, g_steal_pointer (&local_error));
            return FALSE;
          }
        if (fatal)
          goto out;
      }

  if (!mapped)
    {
      g_autofree char *message = g_strdup_printf (_("No library of “%s” is chosen as movies or shows; "
                                                    "choose them in Preferences."), server->name);
      g_ptr_array_add (result->messages, g_steal_pointer (&message));
    }

  /* Jellyfin learns its user on the way; remember it for next time. */
  if (server->user_id == NULL)
    {
      g_autofree char *user_id = NULL;
      g_autofree char *user_name = NULL;

      ssv_source_factory_read_identity (source, NULL, NULL, &user_id, &user_name);
      if (user_id != NULL)
        ssv_server_store_update_identity (self->database, server_row, NULL, user_id, user_name, NULL, NULL);
    }

out:
  if (g_cancellable_is_cancelled (cancellable))
    result->cancelled = TRUE;

  /* Only a complete scan moves the mark incremental scans count from, so what
   * failed this time is read again next time. */
  if (complete && !result->cancelled)
    {
      ssv_server_store_mark_scanned (self->database, server_row, started_at, mode != SSV_SCAN_INCREMENTAL, NULL);
      /* The disk a complete scan read the folder from is the one to expect next time. */
      if (device != 0)
        ssv_scan_hold_store_set_root_device (self->database, server_row,
                                             ssv_folder_source_get_path (SSV_FOLDER_SOURCE (source)), device, NULL);
      if (mode != SSV_SCAN_INCREMENTAL)
        ssv_scan_forget_gone (&scan);
    }

  result->added += scan.counts.added;
  result->updated += scan.counts.updated;
  result->unchanged += scan.counts.unchanged;
  result->removed += scan.counts.removed;
  result->skipped += scan.counts.skipped;
  result->held += scan.held;

  {
    SsvScanResult own = { .mode = mode, .added = scan.counts.added, .updated = scan.counts.updated,
                          .unchanged = scan.counts.unchanged, .removed = scan.counts.removed,
                          .skipped = scan.counts.skipped, .held = scan.held };
    g_autofree char *counts = ssv_scan_result_dup_summary (&own);

    summary = g_strdup_printf (result->cancelled ? _("Scan stopped (%s scan): %s") :
                               scan.held > 0 ? _("Scan needs your confirmation (%s scan): %s") :
                               complete ? _("Scan finished (%s scan): %s") : _("Scan incomplete (%s scan): %s"),
                               ssv_scan_mode_to_string (mode), counts);
  }
  ssv_scan_log_activity (&scan, complete && scan.held == 0 ? SSV_ACTIVITY_INFO : SSV_ACTIVITY_WARNING, summary);

  scan.phase = "finishing";
  ssv_scan_progress (&scan, TRUE);
  return TRUE;
}

/**
 * ssv_scanner_create_source:
 *
 * Makes the source of a stored server or folder, with its token from the keyring
 * (ssv_source_factory_new_for_server() with the scanner's library and keyring).
 *
 * Returns: (transfer full): the source
 */
SsvMediaSource *
ssv_scanner_create_source (SsvScanner    *self,
                           gint64         server_row,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_return_val_if_fail (SSV_IS_SCANNER (self), NULL);

  return ssv_source_factory_new_for_server (self->database, self->http, self->secrets, server_row,
                                            cancellable, error);
}

/**
 * ssv_scanner_scan_source_sync:
 * @source: a source made by the caller (tests, or a folder just added)
 * @server_row: its row in the servers table, with its library mapping
 * @result: counts and messages are added here
 *
 * Scans one source. Blocks: call it from a worker thread (or a tool).
 *
 * Returns: %FALSE only when the library could not be written at all, or
 *   another scan is running; what the source could not answer is in @result
 */
gboolean
ssv_scanner_scan_source_sync (SsvScanner      *self,
                              SsvMediaSource  *source,
                              gint64           server_row,
                              SsvScanMode      mode,
                              SsvScanResult   *result,
                              GCancellable    *cancellable,
                              GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (SSV_IS_SCANNER (self), FALSE);
  g_return_val_if_fail (SSV_IS_MEDIA_SOURCE (source), FALSE);

  if (!begin_scan (self, error))
    return FALSE;

  ok = scan_source (self, source, server_row, mode, result, cancellable, error);
  end_scan (self, result);
  return ok;
}

/**
 * ssv_scanner_scan_sync:
 * @server_row: one source, or 0 for every enabled one
 *
 * Scans sources one after the other; one that cannot be read does not stop
 * the others. Blocks: the app uses ssv_scanner_scan_async().
 *
 * Returns: (transfer full): what happened, or %NULL with @error set when the
 *   scan could not run at all
 */
SsvScanResult *
ssv_scanner_scan_sync (SsvScanner    *self,
                       SsvScanMode    mode,
                       gint64         server_row,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(SsvScanResult) result = NULL;
  g_autoptr(GPtrArray) servers = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SSV_IS_SCANNER (self), NULL);

  servers = ssv_server_store_list (self->database, error);
  if (servers == NULL)
    return NULL;

  if (server_row > 0)
    {
      gboolean found = FALSE;

      for (guint i = servers->len; i > 0; i--)
        {
          SsvServerInfo *info = g_ptr_array_index (servers, i - 1);

          if (info->id == server_row)
            found = TRUE;
          else
            g_ptr_array_remove_index (servers, i - 1);
        }
      if (!found)
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                       _("There is no source number %" G_GINT64_FORMAT "."), server_row);
          return NULL;
        }
    }

  if (!begin_scan (self, error))
    return NULL;

  result = ssv_scan_result_new (mode);

  for (guint i = 0; i < servers->len; i++)
    {
      SsvServerInfo *info = g_ptr_array_index (servers, i);
      g_autoptr(SsvMediaSource) source = NULL;

      if (!info->enabled && server_row <= 0)
        continue;
      if (g_cancellable_is_cancelled (cancellable))
        {
          result->cancelled = TRUE;
          break;
        }

      source = ssv_scanner_create_source (self, info->id, cancellable, &local_error);
      if (source == NULL)
        {
          result->errors++;
          g_ptr_array_add (result->messages, g_strdup_printf ("%s: %s", info->name, local_error->message));
          ssv_activity_store_log (self->database, "scan", SSV_ACTIVITY_ERROR, info->name,
                                  local_error->message, NULL, NULL);
          g_clear_error (&local_error);
          continue;
        }

      if (!scan_source (self, source, info->id, mode, result, cancellable, &local_error))
        {
          end_scan (self, result);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  end_scan (self, result);
  return g_steal_pointer (&result);
}

typedef struct
{
  SsvScanMode mode;
  gboolean    saved_mode;
  gint64      server_row;
} ScanArgs;

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SsvScanner *self = source_object;
  ScanArgs *args = task_data;
  GError *error = NULL;
  SsvScanResult *result;

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (args->saved_mode)
    {
      g_autofree char *saved = ssv_settings_store_get (self->database, "scan.mode", NULL);

      if (!ssv_scan_mode_from_string (saved, &args->mode))
        args->mode = SSV_SCAN_INCREMENTAL;
    }

  result = ssv_scanner_scan_sync (self, args->mode, args->server_row, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) ssv_scan_result_free);
}

/* Both async entry points: one task tag, so ssv_scanner_scan_finish() takes either. */
static void
run_scan_task (SsvScanner          *self,
               ScanArgs            *args,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, ssv_scanner_scan_async);
  g_task_set_task_data (task, args, g_free);
  /* The outcome is reported even when cancelled: what was written stays. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, scan_thread);
}

void
ssv_scanner_scan_async (SsvScanner          *self,
                        SsvScanMode          mode,
                        gint64               server_row,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  ScanArgs *args = g_new0 (ScanArgs, 1);

  args->mode = mode;
  args->server_row = server_row;
  run_scan_task (self, args, cancellable, callback, user_data);
}

/**
 * ssv_scanner_scan_saved_mode_async:
 *
 * Like ssv_scanner_scan_async(), in the mode chosen in Preferences (the
 * library's "scan.mode" setting, incremental when there is none).
 */
void
ssv_scanner_scan_saved_mode_async (SsvScanner          *self,
                                   gint64               server_row,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  ScanArgs *args = g_new0 (ScanArgs, 1);

  args->saved_mode = TRUE;
  args->server_row = server_row;
  run_scan_task (self, args, cancellable, callback, user_data);
}

SsvScanResult *
ssv_scanner_scan_finish (SsvScanner    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
ssv_scanner_finalize (GObject *object)
{
  SsvScanner *self = (SsvScanner *) object;

  g_clear_object (&self->database);
  g_clear_object (&self->store);
  g_clear_object (&self->http);
  g_clear_object (&self->secrets);
  g_clear_pointer (&self->main_context, g_main_context_unref);
  g_free (self->pending_phase);
  g_free (self->pending_source);
  g_free (self->phase);
  g_free (self->source_name);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ssv_scanner_parent_class)->finalize (object);
}

static void
ssv_scanner_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SsvScanner *self = SSV_SCANNER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_WRITING:
      g_value_set_boolean (value, ssv_scanner_get_writing (self));
      break;
    case PROP_PHASE:
      g_value_set_string (value, self->phase);
      break;
    case PROP_SOURCE_NAME:
      g_value_set_string (value, self->source_name);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_scanner_class_init (SsvScannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ssv_scanner_finalize;
  object_class->get_property = ssv_scanner_get_property;

  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, flags);
  /**
   * SsvScanner:writing:
   *
   * Whether a scan is writing to the library. Background workers pause while
   * it is %TRUE; scan-started and scan-finished bracket the same time.
   */
  properties[PROP_WRITING] = g_param_spec_boolean ("writing", NULL, NULL, FALSE, flags);
  /**
   * SsvScanner:phase:
   *
   * "starting", "connecting", "movies", "shows", "pruning", "finishing" or "done".
   */
  properties[PROP_PHASE] = g_param_spec_string ("phase", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE_NAME] = g_param_spec_string ("source-name", NULL, NULL, NULL, flags);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SCAN_STARTED] =
    g_signal_new ("scan-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SsvScanner::scan-finished:
   * @result: an #SsvScanResult
   */
  signals[SCAN_FINISHED] =
    g_signal_new ("scan-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  SSV_TYPE_SCAN_RESULT | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
ssv_scanner_init (SsvScanner *self)
{
  g_mutex_init (&self->lock);
  self->fetch_threads = DEFAULT_FETCH_THREADS;
  /* Properties and signals reach whoever made the scanner, on its thread. */
  self->main_context = g_main_context_ref_thread_default ();
}

SsvScanner *
ssv_scanner_new (SsvDatabase     *database,
                 SsvLibraryStore *store,
                 SsvHttp         *http,
                 SsvSecrets      *secrets)
{
  SsvScanner *self = g_object_new (SSV_TYPE_SCANNER, NULL);

  self->database = g_object_ref (database);
  self->store = g_object_ref (store);
  self->http = g_object_ref (http);
  self->secrets = g_object_ref (secrets);

  return self;
}

gboolean
ssv_scanner_get_running (SsvScanner *self)
{
  g_return_val_if_fail (SSV_IS_SCANNER (self), FALSE);

  return self->running;
}

/* The scanner writes for exactly as long as it runs. */
gboolean
ssv_scanner_get_writing (SsvScanner *self)
{
  g_return_val_if_fail (SSV_IS_SCANNER (self), FALSE);

  return self->running;
}

const char *
ssv_scanner_get_phase (SsvScanner *self)
{
  g_return_val_if_fail (SSV_IS_SCANNER (self), NULL);

  return self->phase;
}

const char *
ssv_scanner_get_source_name (SsvScanner *self)
{
  g_return_val_if_fail (SSV_IS_SCANNER (self), NULL);

  return self->source_name;
}

double
ssv_scanner_get_fraction (SsvScanner *self)
{
  g_return_val_if_fail (SSV_IS_SCANNER (self), 0.0);

  return self->fraction;
}

/* How many show trees are fetched at once; set before scanning. */
void
ssv_scanner_set_fetch_threads (SsvScanner *self,
                               guint       n_threads)
{
  g_return_if_fail (SSV_IS_SCANNER (self));

  self->fetch_threads = CLAMP (n_threads, 1, 16);
}

void
ssv_scanner_set_progress_func (SsvScanner          *self,
                               SsvScanProgressFunc  func,
                               gpointer             user_data)
{
  g_return_if_fail (SSV_IS_SCANNER (self));

  self->progress_func = func;
  self->progress_data = user_data;
}
