/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-folder-watcher.c: one GFileMonitor per folder of each folder source (listed off the main
 * thread); a change waits a moment for more, then that source gets a deep scan, which may
 * remove what was deleted (with the scanner's safety rules). */

#include "config.h"

#include <string.h>

#include "sources/ssv-folder-watcher.h"
#include "sources/ssv-media-name.h"
#include "stores/ssv-server-store.h"
#include "ssv-thread.h"

#define DEFAULT_DELAY_MS   3000
#define MAX_MONITORS       4000
#define MAX_DEPTH          16

typedef struct
{
  gint64     server_row;
  char      *root;
  GPtrArray *dirs;    /* char *, the root first */
} WatchedFolder;

struct _SsvFolderWatcher
{
  GObject          parent_instance;

  SsvDatabase     *database;
  SsvLibraryStore *store;
  SsvScanner      *scanner;
  GCancellable    *cancellable;
  guint            delay_ms;
  gboolean         started;

  GHashTable      *monitors;      /* dir path → GFileMonitor */
  GHashTable      *monitor_rows;  /* GFileMonitor → its folder's server row (gint64 *) */
  GHashTable      *due;           /* server row → timeout source id */
  GArray          *waiting;       /* server rows to scan after the running scan */
  guint            scans;
};

G_DEFINE_FINAL_TYPE (SsvFolderWatcher, ssv_folder_watcher, G_TYPE_OBJECT)

static void
watched_folder_free (gpointer data)
{
  WatchedFolder *folder = data;

  g_free (folder->root);
  g_ptr_array_unref (folder->dirs);
  g_free (folder);
}

static void
collect_dirs (GFile     *dir,
              GPtrArray *dirs,
              guint      depth)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;

  if (depth > MAX_DEPTH || dirs->len >= MAX_MONITORS)
    return;

  g_ptr_array_add (dirs, g_file_get_path (dir));

  enumerator = g_file_enumerate_children (dir, "standard::name,standard::type,standard::is-hidden",
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (enumerator != NULL && (info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY && !g_file_info_get_is_hidden (info))
        {
          g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));
          collect_dirs (child, dirs, depth + 1);
        }
      g_object_unref (info);
    }
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SsvFolderWatcher *self = source_object;
  g_autoptr(GPtrArray) servers = NULL;
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (watched_folder_free);
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  servers = ssv_server_store_list (self->database, &error);
  if (servers == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < servers->len; i++)
    {
      SsvServerInfo *info = g_ptr_array_index (servers, i);
      g_autoptr(GFile) root = NULL;
      WatchedFolder *folder;

      if (!g_str_equal (info->kind, "folder") || !info->enabled)
        continue;

      folder = g_new0 (WatchedFolder, 1);
      folder->server_row = info->id;
      folder->root = g_strdup (info->url);
      folder->dirs = g_ptr_array_new_with_free_func (g_free);
      root = g_file_new_for_path (info->url);
      if (g_file_query_file_type (root, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        collect_dirs (root, folder->dirs, 0);
      g_ptr_array_add (folders, folder);
    }

  g_task_return_pointer (task, g_steal_pointer (&folders), (GDestroyNotify) g_ptr_array_unref);
}

static void on_changed (GFileMonitor      *monitor,
                        GFile             *file,
                        GFile             *other,
                        GFileMonitorEvent  event,
                        SsvFolderWatcher  *self);

static void
watch_dir (SsvFolderWatcher *self,
           const char       *path,
           gint64            server_row)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor;

  if (g_hash_table_contains (self->monitors, path) || g_hash_table_size (self->monitors) >= MAX_MONITORS)
    return;

  dir = g_file_new_for_path (path);
  monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (monitor == NULL)
    {
      g_debug ("Not watching %s: %s", path, error->message);
      return;
    }

  g_hash_table_insert (self->monitor_rows, monitor, g_memdup2 (&server_row, sizeof server_row));
  g_signal_connect_object (monitor, "changed", G_CALLBACK (on_changed), self, 0);
  g_hash_table_insert (self->monitors, g_strdup (path), monitor);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SsvFolderWatcher *self = SSV_FOLDER_WATCHER (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) folders = g_task_propagate_pointer (G_TASK (result), &error);

  if (folders == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the folders to watch: %s", error->message);
      return;
    }

  g_hash_table_remove_all (self->monitor_rows);
  g_hash_table_remove_all (self->monitors);
  for (guint i = 0; i < folders->len; i++)
    {
      WatchedFolder *folder = g_ptr_array_index (folders, i);

      for (guint j = 0; j < folder->dirs->len; j++)
        watch_dir (self, g_ptr_array_index (folder->dirs, j), folder->server_row);
    }
}

static void
relist (SsvFolderWatcher *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, listed_cb, NULL);

  g_task_set_source_tag (task, relist);
  g_task_run_in_thread (task, list_thread);
}

static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  /* The scan reports its own outcome (activity log, signals); only free it. */
  ssv_scan_result_free (ssv_scanner_scan_finish (SSV_SCANNER (source), result, NULL));
}

static void
start_scan (SsvFolderWatcher *self,
            gint64            server_row)
{
  if (ssv_scanner_get_running (self->scanner))
    {
      for (guint i = 0; i < self->waiting->len; i++)
        if (g_array_index (self->waiting, gint64, i) == server_row)
          return;
      g_array_append_val (self->waiting, server_row);
      return;
    }

  self->scans++;
  ssv_scanner_scan_async (self->scanner, SSV_SCAN_DEEP, server_row, self->cancellable, scan_done_cb, NULL);
}

typedef struct
{
  SsvFolderWatcher *watcher;
  gint64            server_row;
} Due;

static gboolean
due_cb (gpointer user_data)
{
  Due *due = user_data;

  g_hash_table_remove (due->watcher->due, &due->server_row);
  start_scan (due->watcher, due->server_row);
  return G_SOURCE_REMOVE;
}

static void
schedule (SsvFolderWatcher *self,
          gint64            server_row)
{
  Due *due;
  gint64 *key;
  guint id;

  /* Changes come in bursts (a copy, a rename of a folder): wait for quiet. */
  if (g_hash_table_lookup (self->due, &server_row) != NULL)
    g_source_remove (GPOINTER_TO_UINT (g_hash_table_lookup (self->due, &server_row)));

  due = g_new0 (Due, 1);
  due->watcher = self;
  due->server_row = server_row;
  id = g_timeout_add_full (G_PRIORITY_DEFAULT, self->delay_ms, due_cb, due, g_free);

  key = g_new (gint64, 1);
  *key = server_row;
  g_hash_table_replace (self->due, key, GUINT_TO_POINTER (id));
}

static gboolean
matters (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  const char *dot;

  if (name == NULL || name[0] == '.')
    return FALSE;

  /* Videos, artwork, and folders (which have no extension, mostly). */
  dot = strrchr (name, '.');
  return dot == NULL || ssv_media_name_is_video (name) ||
         g_ascii_strcasecmp (dot, ".jpg") == 0 || g_ascii_strcasecmp (dot, ".png") == 0 ||
         g_ascii_strcasecmp (dot, ".jpeg") == 0 || g_ascii_strcasecmp (dot, ".webp") == 0 ||
         g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_DIRECTORY;
}

static void
on_changed (GFileMonitor      *monitor,
            GFile             *file,
            GFile             *other,
            GFileMonitorEvent  event,
            SsvFolderWatcher  *self)
{
  gint64 *row = g_hash_table_lookup (self->monitor_rows, monitor);
  gint64 server_row;

  /* A monitor let go of (the watcher stopped or re-listed) may still deliver. */
  if (row == NULL)
    return;
  server_row = *row;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
      {
        GFile *arrived = event == G_FILE_MONITOR_EVENT_RENAMED && other != NULL ? other : file;

        if (g_file_query_file_type (arrived, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_DIRECTORY)
          {
            g_autofree char *path = g_file_get_path (arrived);
            watch_dir (self, path, server_row);
          }
        if (matters (arrived) || matters (file))
          schedule (self, server_row);
      }
      break;

    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
      if (matters (file))
        schedule (self, server_row);
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

static void
on_scan_finished (SsvFolderWatcher *self,
                  SsvScanResult    *result)
{
  if (self->waiting->len > 0)
    {
      gint64 next = g_array_index (self->waiting, gint64, 0);

      g_array_remove_index (self->waiting, 0);
      start_scan (self, next);
    }
}

/* Folders added or removed: watch the new set. */
static void
on_library_changed (SsvFolderWatcher *self,
                    const char       *detail)
{
  if (self->started && g_strcmp0 (detail, "servers") == 0)
    relist (self);
}

void
ssv_folder_watcher_start (SsvFolderWatcher *self)
{
  g_return_if_fail (SSV_IS_FOLDER_WATCHER (self));

  if (self->started)
    return;

  self->started = TRUE;
  self->cancellable = g_cancellable_new ();
  relist (self);
}

void
ssv_folder_watcher_stop (SsvFolderWatcher *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (SSV_IS_FOLDER_WATCHER (self));

  self->started = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_hash_table_remove_all (self->monitor_rows);
  g_hash_table_remove_all (self->monitors);

  g_hash_table_iter_init (&iter, self->due);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_source_remove (GPOINTER_TO_UINT (value));
  g_hash_table_remove_all (self->due);
  g_array_set_size (self->waiting, 0);
}

/* How long a change waits for more before the scan (tests shorten it). */
void
ssv_folder_watcher_set_delay (SsvFolderWatcher *self,
                              guint             milliseconds)
{
  self->delay_ms = milliseconds;
}

guint
ssv_folder_watcher_get_n_monitors (SsvFolderWatcher *self)
{
  return g_hash_table_size (self->monitors);
}

/* Scans the watcher started so far. */
guint
ssv_folder_watcher_get_n_scans (SsvFolderWatcher *self)
{
  return self->scans;
}

static void
ssv_folder_watcher_dispose (GObject *object)
{
  SsvFolderWatcher *self = SSV_FOLDER_WATCHER (object);

  if (self->due != NULL)
    ssv_folder_watcher_stop (self);

  g_clear_pointer (&self->monitor_rows, g_hash_table_unref);
  g_clear_pointer (&self->monitors, g_hash_table_unref);
  g_clear_pointer (&self->due, g_hash_table_unref);
  g_clear_pointer (&self->waiting, g_array_unref);
  g_clear_object (&self->scanner);
  g_clear_object (&self->store);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (ssv_folder_watcher_parent_class)->dispose (object);
}

static void
ssv_folder_watcher_class_init (SsvFolderWatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ssv_folder_watcher_dispose;
}

static void
ssv_folder_watcher_init (SsvFolderWatcher *self)
{
  self->delay_ms = DEFAULT_DELAY_MS;
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->monitor_rows = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->due = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->waiting = g_array_new (FALSE, FALSE, sizeof (gint64));
}

SsvFolderWatcher *
ssv_folder_watcher_new (SsvDatabase     *database,
                        SsvLibraryStore *store,
                        SsvScanner      *scanner)
{
  SsvFolderWatcher *self = g_object_new (SSV_TYPE_FOLDER_WATCHER, NULL);

  self->database = g_object_ref (database);
  self->store = g_object_ref (store);
  self->scanner = g_object_ref (scanner);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_library_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scanner, "scan-finished", G_CALLBACK (on_scan_finished), self, G_CONNECT_SWAPPED);

  return self;
}
