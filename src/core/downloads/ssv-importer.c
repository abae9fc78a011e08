/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-importer.c: a finished download into the library: planned (ssv_import_plan), placed
 * atomically (ssv-import-files.c), then the library, its servers, the wishlist and the
 * download's timeline told. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ssv-error.h"
#include "ssv-thread.h"
#include "downloads/ssv-importer-private.h"
#include "downloads/ssv-naming.h"
#include "model/ssv-download-private.h"
#include "stores/ssv-download-store-import.h"
#include "stores/ssv-server-store.h"

struct _SsvImporter
{
  GObject             parent_instance;

  SsvDatabase        *database;
  SsvDownloadStore   *downloads;
  SsvProfileStore    *profiles;
  SsvScanner         *scanner;
  SsvImportSettings  *settings;     /* NULL: read GSettings at each import */
  GMutex              lock;
  GHashTable         *busy;         /* download ids being imported */
  GCancellable       *cancellable;
  SsvImportHook       hook;
  gpointer            hook_data;
};

G_DEFINE_FINAL_TYPE (SsvImporter, ssv_importer, G_TYPE_OBJECT)

enum
{
  IMPORTED,
  IMPORT_REJECTED,
  IMPORT_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- settings -------------------------------------------------------------------------- */

SsvImportMode
ssv_import_mode_from_string (const char *text)
{
  return g_strcmp0 (text, "hardlink") == 0 ? SSV_IMPORT_MODE_HARDLINK : SSV_IMPORT_MODE_COPY;
}

static char *
dup_nonempty (GSettings  *settings,
              const char *key)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  return value[0] != '\0' ? g_steal_pointer (&value) : NULL;
}

/* The app's settings when its schema is installed; else the defaults (a CLI without the GUI). */
SsvImportSettings *
ssv_import_settings_load (void)
{
  SsvImportSettings *settings = g_new0 (SsvImportSettings, 1);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)
                                             : NULL;
  g_autoptr(GSettings) gsettings = NULL;
  g_autofree char *mode = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, "import-mode"))
    return settings;

  gsettings = g_settings_new_full (schema, NULL, NULL);
  settings->movies_folder = dup_nonempty (gsettings, "movies-folder");
  settings->shows_folder = dup_nonempty (gsettings, "shows-folder");
  settings->movie_template = dup_nonempty (gsettings, "naming-movie");
  settings->episode_template = dup_nonempty (gsettings, "naming-episode");
  mode = g_settings_get_string (gsettings, "import-mode");
  settings->mode = ssv_import_mode_from_string (mode);
  return settings;
}

SsvImportSettings *
ssv_import_settings_copy (const SsvImportSettings *settings)
{
  SsvImportSettings *copy = g_new0 (SsvImportSettings, 1);

  copy->movies_folder = g_strdup (settings->movies_folder);
  copy->shows_folder = g_strdup (settings->shows_folder);
  copy->movie_template = g_strdup (settings->movie_template);
  copy->episode_template = g_strdup (settings->episode_template);
  copy->mode = settings->mode;
  copy->min_video_bytes = settings->min_video_bytes;
  return copy;
}

void
ssv_import_settings_free (SsvImportSettings *settings)
{
  if (settings == NULL)
    return;
  g_free (settings->movies_folder);
  g_free (settings->shows_folder);
  g_free (settings->movie_template);
  g_free (settings->episode_template);
  g_free (settings);
}

void
ssv_import_outcome_free (SsvImportOutcome *outcome)
{
  if (outcome == NULL)
    return;
  ssv_import_plan_free (outcome->plan);
  g_free (outcome->root);
  g_free (outcome->library_path);
  g_clear_pointer (&outcome->written, g_ptr_array_unref);
  g_clear_pointer (&outcome->trashed, g_ptr_array_unref);
  g_clear_pointer (&outcome->notes, g_ptr_array_unref);
  g_free (outcome);
}

static SsvImportSettings *
dup_settings (SsvImporter *self)
{
  SsvImportSettings *settings;

  g_mutex_lock (&self->lock);
  settings = self->settings != NULL ? ssv_import_settings_copy (self->settings) : NULL;
  g_mutex_unlock (&self->lock);
  return settings != NULL ? settings : ssv_import_settings_load ();
}

/* ---- the object ------------------------------------------------------------------------ */

static void
ssv_importer_dispose (GObject *object)
{
  SsvImporter *self = (SsvImporter *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->scanner);
  g_clear_object (&self->profiles);
  g_clear_object (&self->downloads);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (ssv_importer_parent_class)->dispose (object);
}

static void
ssv_importer_finalize (GObject *object)
{
  SsvImporter *self = (SsvImporter *) object;

  ssv_import_settings_free (self->settings);
  g_hash_table_unref (self->busy);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ssv_importer_parent_class)->finalize (object);
}

static void
ssv_importer_class_init (SsvImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_importer_dispose;
  object_class->finalize = ssv_importer_finalize;

  /**
   * SsvImporter::imported:
   * @download: (nullable): the download, NULL for a file imported by hand
   * @library_path: the video's path in the library
   * @title_id: the app's library id of the film, or of the show for an episode;
   *   0 when the app's own library does not have it (a Plex library, no folder source)
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 3, SSV_TYPE_DOWNLOAD, G_TYPE_STRING,
                                    G_TYPE_INT64);
  /**
   * SsvImporter::import-rejected:
   *
   * The files proved bad (not a video, a sample, a program, another title):
   * the release should be blocklisted and another one tried. The importer
   * does neither itself.
   */
  signals[IMPORT_REJECTED] = g_signal_new ("import-rejected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 2, SSV_TYPE_DOWNLOAD, G_TYPE_STRING);
  /* The release was fine but the files could not be put in the library (disk full, no folder). */
  signals[IMPORT_FAILED] = g_signal_new ("import-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2, SSV_TYPE_DOWNLOAD, G_TYPE_STRING);
}

static void
ssv_importer_init (SsvImporter *self)
{
  g_mutex_init (&self->lock);
  self->busy = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

SsvImporter *
ssv_importer_new (SsvDatabase      *database,
                  SsvDownloadStore *downloads,
                  SsvProfileStore  *profiles,
                  SsvScanner       *scanner)
{
  SsvImporter *self = g_object_new (SSV_TYPE_IMPORTER, NULL);

  self->database = g_object_ref (database);
  self->downloads = g_object_ref (downloads);
  self->profiles = g_object_ref (profiles);
  self->scanner = scanner != NULL ? g_object_ref (scanner) : NULL;
  return self;
}

/* Fixed settings (tests, the CLI's options); NULL: GSettings again. */
void
ssv_importer_set_settings (SsvImporter             *self,
                           const SsvImportSettings *settings)
{
  g_return_if_fail (SSV_IS_IMPORTER (self));

  g_mutex_lock (&self->lock);
  ssv_import_settings_free (self->settings);
  self->settings = settings != NULL ? ssv_import_settings_copy (settings) : NULL;
  g_mutex_unlock (&self->lock);
}

void
ssv_importer_set_hook (SsvImporter   *self,
                       SsvImportHook  hook,
                       gpointer       user_data)
{
  self->hook = hook;
  self->hook_data = user_data;
}

/* ---- where ---------------------------------------------------------------------------- */

static char *
first_folder_root (SsvDatabase  *database,
                   GError      **error)
{
  g_autoptr(GPtrArray) servers = ssv_server_store_list (database, error);

  for (guint i = 0; servers != NULL && i < servers->len; i++)
    {
      SsvServerInfo *info = g_ptr_array_index (servers, i);

      if (info->enabled && g_strcmp0 (info->kind, "folder") == 0 && info->url != NULL)
        return g_strdup (info->url);
    }
  return NULL;
}

/**
 * ssv_importer_dup_root:
 * @shows: the shows folder, else the movies folder
 *
 * Returns: (transfer full): the folder imports go under: the setting, else the
 *   first folder source's root; NULL with @error when there is neither
 */
char *
ssv_importer_dup_root (SsvImporter  *self,
                       gboolean      shows,
                       GError      **error)
{
  g_autoptr(SsvImportSettings) settings = dup_settings (self);
  const char *folder = shows ? settings->shows_folder : settings->movies_folder;
  g_autoptr(GError) local_error = NULL;
  char *root;

  if (folder != NULL)
    return g_strdup (folder);

  root = first_folder_root (self->database, &local_error);
  if (root != NULL)
    return root;
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                 shows ? _("There is no folder for shows: choose one in Preferences → Downloads, or add a folder source.")
                       : _("There is no folder for movies: choose one in Preferences → Downloads, or add a folder source."));
  return NULL;
}

/* ---- the import ------------------------------------------------------------------------ */

static SsvQualityProfile *
find_profile (SsvImporter *self,
              gint64       profile_id)
{
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GError) error = NULL;

  if (profile_id <= 0)
    return NULL;
  profiles = ssv_profile_store_list (self->profiles, &error);
  for (guint i = 0; profiles != NULL && i < profiles->len; i++)
    {
      SsvQualityProfile *profile = g_ptr_array_index (profiles, i);

      if (profile->id == profile_id)
        return ssv_quality_profile_ref (profile);
    }
  if (error != NULL)
    g_warning ("The quality profiles could not be read: %s", error->message);
  return NULL;
}

/* What the library has of the wanted film or episode, and its quality from its name. */
static char *
find_owned (SsvImporter             *self,
            const SsvDownloadWanted *wanted,
            SsvOwnedFile            *owned)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  SsvRelease release;

  if (wanted->kind == SSV_DOWNLOAD_KIND_SEASON)
    return NULL;
  path = ssv_import_store_dup_owned_path (self->database, wanted, -1, -1, &error);
  if (path == NULL)
    {
      if (error != NULL)
        g_warning ("The library's file could not be read: %s", error->message);
      return NULL;
    }
  name = g_path_get_basename (path);
  ssv_release_parse (name, &release);
  owned->quality = ssv_quality_from_release (&release);
  owned->revision_version = release.revision_version;
  return g_steal_pointer (&path);
}

static void
add_event (SsvImporter *self,
           SsvDownload *download,
           const char  *kind,
           const char  *message)
{
  g_autoptr(GError) error = NULL;

  if (download != NULL && !ssv_download_store_add_event (self->downloads, download->id, kind, message, &error))
    g_warning ("The download's timeline could not be written: %s", error->message);
}

/* How the import of @download ended, with its line in the timeline. */
static void
finish (SsvImporter       *self,
        SsvDownload       *download,
        SsvDownloadStatus  status,
        const char        *error_message,
        const char        *event_kind,
        const char        *event)
{
  g_autoptr(GError) error = NULL;

  if (download != NULL &&
      !ssv_download_store_finish_import (self->downloads, download->id, status, error_message, event_kind, event,
                                         &error))
    g_warning ("The download could not be updated: %s", error->message);
}

/* Folder sources under @root read again; Plex and Jellyfin asked to rescan. */
static void
tell_libraries (SsvImporter      *self,
                SsvImportOutcome *outcome,
                GCancellable     *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) servers = ssv_server_store_list (self->database, &error);
  SsvLibraryKind kind = outcome->plan->shows ? SSV_LIBRARY_KIND_SHOWS : SSV_LIBRARY_KIND_MOVIES;

  for (guint i = 0; servers != NULL && self->scanner != NULL && i < servers->len; i++)
    {
      SsvServerInfo *info = g_ptr_array_index (servers, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(SsvMediaSource) source = NULL;
      g_autofree char *prefix = NULL;

      if (!info->enabled)
        continue;
      if (g_strcmp0 (info->kind, "folder") == 0)
        {
          g_autoptr(SsvScanResult) result = NULL;

          prefix = g_build_filename (info->url, "/", NULL);
          if (!g_str_has_prefix (outcome->library_path, prefix))
            continue;
          result = ssv_scanner_scan_sync (self->scanner, SSV_SCAN_FULL, info->id, cancellable, &local_error);
        }
      else
        {
          source = ssv_scanner_create_source (self->scanner, info->id, cancellable, &local_error);
          for (guint j = 0; source != NULL && j < info->libraries->len && local_error == NULL; j++)
            {
              SsvServerLibrary *library = g_ptr_array_index (info->libraries, j);

              if (library->kind == kind)
                ssv_media_source_refresh_library (source, library->key, cancellable, &local_error);
            }
        }
      if (local_error != NULL)
        g_ptr_array_add (outcome->notes, g_strdup_printf (_("“%s” could not be told about the new file: %s"),
                                                          info->name, local_error->message));
    }
  if (error != NULL)
    g_ptr_array_add (outcome->notes, g_strdup (error->message));
}

/* The title the library now shows with the file, for "Open". */
static gint64
find_title (SsvImporter      *self,
            SsvImportOutcome *outcome)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ssv_import_store_find_title (self->database, outcome->library_path, &error);

  if (error != NULL)
    g_ptr_array_add (outcome->notes, g_strdup (error->message));
  return id;
}

static void
record_wish (SsvImporter             *self,
             SsvDownload             *download,
             const SsvDownloadWanted *wanted,
             SsvImportOutcome        *outcome)
{
  g_autoptr(GError) error = NULL;
  SsvWishImportState state = outcome->plan->meets_cutoff ? SSV_WISH_IMPORT_RESOLVED : SSV_WISH_IMPORT_UPGRADE_WANTED;

  if (wanted->wishlist_id <= 0)
    return;
  if (!ssv_import_store_record (self->database, wanted->wishlist_id, download != NULL ? download->id : 0, state,
                                ssv_quality_to_key (outcome->plan->quality), outcome->library_path, &error))
    g_ptr_array_add (outcome->notes, g_strdup_printf (_("The wishlist could not be updated: %s"), error->message));
}

/* The files of the plan into place, one by one; an upgrade's old file to the trash. */
static gboolean
place_files (SsvImporter             *self,
             const SsvImportSettings *settings,
             const char              *base,
             const char              *owned_path,
             SsvImportOutcome        *outcome,
             GCancellable            *cancellable,
             GError                 **error)
{
  for (guint i = 0; i < outcome->plan->entries->len; i++)
    {
      SsvImportEntry *entry = g_ptr_array_index (outcome->plan->entries, i);
      g_autofree char *source = NULL;
      g_autofree char *destination = NULL;
      g_autofree char *folder = NULL;
      gboolean linked = FALSE;

      if (entry->action == SSV_IMPORT_SKIP)
        continue;
      g_return_val_if_fail (ssv_naming_is_safe_path (entry->destination), FALSE);

      source = g_build_filename (base, entry->source, NULL);
      destination = g_build_filename (outcome->root, entry->destination, NULL);
      folder = g_path_get_dirname (destination);
      ssv_import_clean_temporaries (folder);
      /* there already (an import a crash interrupted after its rename): kept as it is */
      if (ssv_import_same_file (source, destination, cancellable))
        g_ptr_array_add (outcome->notes, g_strdup_printf (_("“%s” was in the library already."), destination));
      else if (!ssv_import_place_file (source, destination, settings->mode, self->hook, self->hook_data, &linked,
                                       cancellable, error))
        return FALSE;
      outcome->linked |= linked;
      g_ptr_array_add (outcome->written, g_strdup (destination));
      if (entry->action == SSV_IMPORT_VIDEO && outcome->library_path == NULL)
        outcome->library_path = g_strdup (destination);

      if (entry->upgrade && owned_path != NULL && g_strcmp0 (owned_path, destination) != 0 &&
          g_file_test (owned_path, G_FILE_TEST_IS_REGULAR))
        {
          g_autoptr(GError) trash_error = NULL;

          if (ssv_import_trash (owned_path, cancellable, &trash_error))
            g_ptr_array_add (outcome->trashed, g_strdup (owned_path));
          else
            g_ptr_array_add (outcome->notes, g_strdup_printf (_("The file it replaces, “%s”, stays: %s"),
                                                              owned_path, trash_error->message));
        }
    }
  return TRUE;
}

/**
 * ssv_importer_import_sync:
 * @download: (nullable): the finished download, whose wanted item and profile
 *   are used and whose timeline and status are written
 * @wanted: (nullable): the wanted item when there is no @download
 * @path: the finished file or folder
 *
 * Plans the import and, unless the release is rejected (the outcome's plan
 * says why; the download is marked failed with the reason), puts the files in
 * the library, tells the library and its servers, and the wishlist.
 *
 * Returns: (transfer full): what was done; NULL with @error when the files
 *   could not be read or written (nothing half-written is left)
 */
SsvImportOutcome *
ssv_importer_import_sync (SsvImporter             *self,
                          SsvDownload             *download,
                          const SsvDownloadWanted *wanted,
                          const char              *path,
                          GCancellable            *cancellable,
                          GError                 **error)
{
  g_autoptr(SsvImportSettings) settings = dup_settings (self);
  g_autoptr(SsvImportOutcome) outcome = g_new0 (SsvImportOutcome, 1);
  g_autoptr(SsvQualityProfile) profile = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *owned_path = NULL;
  g_autofree char *event = NULL;
  SsvOwnedFile owned = { 0 };
  SsvImportRequest request = { 0 };

  g_return_val_if_fail (SSV_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (download != NULL || wanted != NULL, NULL);

  /* the importer owns it from now on; one already in the library is not imported again */
  if (download != NULL &&
      !ssv_download_store_take_for_import (self->downloads, download->id, _("Importing into the library."), error))
    return NULL;
  if (download != NULL)
    wanted = &download->wanted;
  outcome->written = g_ptr_array_new_with_free_func (g_free);
  outcome->trashed = g_ptr_array_new_with_free_func (g_free);
  outcome->notes = g_ptr_array_new_with_free_func (g_free);

  files = path != NULL ? ssv_import_list_files (path, &base, cancellable, &local_error) : NULL;
  if (files == NULL)
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                             _("The download client did not say where the files are."));
      goto fail;
    }

  profile = find_profile (self, download != NULL ? download->profile_id : 0);
  owned_path = find_owned (self, wanted, &owned);
  request = (SsvImportRequest) {
    .wanted = wanted,
    .release_title = download != NULL ? download->release_title : NULL,
    .files = files,
    .profile = profile,
    .owned = owned_path != NULL ? &owned : NULL,
    .movie_template = settings->movie_template,
    .episode_template = settings->episode_template,
    .min_video_bytes = settings->min_video_bytes,
  };
  outcome->plan = ssv_import_plan (&request);
  if (outcome->plan->rejected)
    {
      event = g_strdup_printf (_("Not imported: %s"), outcome->plan->reason);
      finish (self, download, SSV_DOWNLOAD_FAILED, outcome->plan->reason, "failed", event);
      return g_steal_pointer (&outcome);
    }

  outcome->root = ssv_importer_dup_root (self, outcome->plan->shows, &local_error);
  if (outcome->root == NULL ||
      !place_files (self, settings, base, owned_path, outcome, cancellable, &local_error))
    goto fail;

  tell_libraries (self, outcome, cancellable);
  outcome->title_id = find_title (self, outcome);
  record_wish (self, download, wanted, outcome);
  for (guint i = 0; i < outcome->notes->len; i++)
    add_event (self, download, "note", g_ptr_array_index (outcome->notes, i));
  event = g_strdup_printf (_("Imported as %s."), outcome->library_path);
  finish (self, download, SSV_DOWNLOAD_COMPLETED, NULL, "completed", event);
  return g_steal_pointer (&outcome);

fail:
  /* the download stays finished and not imported: the next start tries again */
  event = g_strdup_printf (_("Could not import: %s"), local_error->message);
  finish (self, download, SSV_DOWNLOAD_COMPLETED, local_error->message, "error", event);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* ---- in the background ----------------------------------------------------------------- */

typedef struct
{
  SsvDownload *download;
  char        *path;
  GTask       *outer;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->download);
  g_free (job->path);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;
  SsvImportOutcome *outcome = ssv_importer_import_sync (source, job->download, NULL, job->path, cancellable, &error);

  if (outcome == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, outcome, (GDestroyNotify) ssv_import_outcome_free);
}

/* On the caller's thread: the signals, then the caller's callback. */
static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SsvImporter *self = SSV_IMPORTER (object);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GTask) outer = g_steal_pointer (&job->outer);
  g_autoptr(GError) error = NULL;
  SsvImportOutcome *outcome = g_task_propagate_pointer (G_TASK (result), &error);

  if (job->download != NULL)
    {
      g_mutex_lock (&self->lock);
      g_hash_table_remove (self->busy, &job->download->id);
      g_mutex_unlock (&self->lock);
    }

  if (outcome == NULL)
    {
      /* in the library already, or cancelled by the person: not a failure to tell */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, SSV_ERROR, SSV_ERROR_REFUSED))
        g_signal_emit (self, signals[IMPORT_FAILED], 0, job->download, error->message);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  if (outcome->plan->rejected)
    g_signal_emit (self, signals[IMPORT_REJECTED], 0, job->download, outcome->plan->reason);
  else
    g_signal_emit (self, signals[IMPORTED], 0, job->download, outcome->library_path, outcome->title_id);
  g_task_return_pointer (outer, outcome, (GDestroyNotify) ssv_import_outcome_free);
}

/**
 * ssv_importer_import_async:
 * @path: (nullable): the finished file or folder; NULL: the download's content path
 *
 * Imports @download in a worker thread, then emits #SsvImporter::imported,
 * #SsvImporter::import-rejected or #SsvImporter::import-failed. A download
 * already being imported is not imported twice (the result is an error).
 */
void
ssv_importer_import_async (SsvImporter         *self,
                           SsvDownload         *download,
                           const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  ImportJob *job;
  gboolean busy;

  g_return_if_fail (SSV_IS_IMPORTER (self));
  g_return_if_fail (SSV_IS_DOWNLOAD (download));

  job = g_new0 (ImportJob, 1);
  job->download = g_object_ref (download);
  job->path = g_strdup (path != NULL ? path : download->content_path);
  job->outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->outer, ssv_importer_import_async);

  g_mutex_lock (&self->lock);
  busy = !g_hash_table_add (self->busy, g_memdup2 (&download->id, sizeof download->id));
  g_mutex_unlock (&self->lock);
  if (busy)
    {
      g_task_return_new_error (job->outer, SSV_ERROR, SSV_ERROR_CHANGED, _("“%s” is being imported already."),
                               download->wanted.title);
      g_clear_object (&job->outer);
      import_job_free (job);
      return;
    }

  inner = g_task_new (self, cancellable, import_done, NULL);
  g_task_set_task_data (inner, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (inner, import_thread);
}

SsvImportOutcome *
ssv_importer_import_finish (SsvImporter   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- what a stop left to import ------------------------------------------------------- */

typedef struct
{
  guint pending;
  guint n;
} Adoption;

static void
unimported_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  SsvImporter *self = source;
  GError *error = NULL;
  GPtrArray *rows;

  g_assert (!SSV_IS_MAIN_THREAD ());

  rows = ssv_download_store_list_unimported (self->downloads, &error);
  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

static void
adopted_one_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Adoption *adoption = g_task_get_task_data (task);

  /* how each ended is in the signals and the download's timeline */
  ssv_import_outcome_free (ssv_importer_import_finish (SSV_IMPORTER (object), result, NULL));
  if (--adoption->pending == 0)
    g_task_return_int (task, adoption->n);
}

static void
unimported_listed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  SsvImporter *self = SSV_IMPORTER (object);
  g_autoptr(GTask) task = user_data;
  Adoption *adoption = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_task_propagate_pointer (G_TASK (result), &error);

  if (rows == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  adoption->n = rows->len;
  adoption->pending = 1;
  for (guint i = 0; i < rows->len; i++)
    {
      adoption->pending++;
      ssv_importer_import_async (self, g_ptr_array_index (rows, i), NULL, g_task_get_cancellable (task),
                                 adopted_one_cb, g_object_ref (task));
    }
  if (--adoption->pending == 0)
    g_task_return_int (task, adoption->n);
}

/**
 * ssv_importer_adopt_async:
 *
 * Imports what a stop left: downloads their client finished that never went
 * into the library (the app was closed first), and those a crash left
 * "importing". One that is in the library already is never imported twice.
 * Finishes when all of them have been tried.
 */
void
ssv_importer_adopt_async (SsvImporter         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  g_autoptr(GTask) list = NULL;

  g_return_if_fail (SSV_IS_IMPORTER (self));

  task = g_task_new (self, cancellable != NULL ? cancellable : self->cancellable, callback, user_data);
  g_task_set_source_tag (task, ssv_importer_adopt_async);
  g_task_set_task_data (task, g_new0 (Adoption, 1), g_free);
  list = g_task_new (self, g_task_get_cancellable (task), unimported_listed_cb, task);
  g_task_run_in_thread (list, unimported_thread);
}

/* Returns: how many downloads it took up, or -1 with @error */
int
ssv_importer_adopt_finish (SsvImporter   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  return (int) g_task_propagate_int (G_TASK (result), error);
}

static void
completed_cb (SsvDownloadMonitor *monitor,
              SsvDownload        *download,
              const char         *path,
              gpointer            user_data)
{
  SsvImporter *self = user_data;

  ssv_importer_import_async (self, download, path, self->cancellable, NULL, NULL);
}

/* Imports each download the monitor sees finish. */
void
ssv_importer_watch (SsvImporter        *self,
                    SsvDownloadMonitor *monitor)
{
  g_return_if_fail (SSV_IS_IMPORTER (self));
  g_return_if_fail (SSV_IS_DOWNLOAD_MONITOR (monitor));

  g_signal_connect_object (monitor, "download-completed", G_CALLBACK (completed_cb), self, 0);
}

/* ---- a file by hand ------------------------------------------------------------------- */

static gboolean
wanted_matches (const SsvDownloadWanted *wanted,
                const SsvRelease        *name)
{
  gboolean episodic = name->n_episodes > 0 || name->n_seasons > 0 || name->air_year > 0;

  if (!ssv_title_matches (name, wanted->title, NULL))
    return FALSE;
  if (wanted->kind == SSV_DOWNLOAD_KIND_MOVIE)
    return !episodic && (name->year == 0 || wanted->year <= 0 || ABS ((int) name->year - wanted->year) <= 1);
  if (!episodic)
    return FALSE;
  /* a wishlist episode: that one; a library show: any of its episodes */
  return wanted->season < 0 ||
         (ssv_release_has_season (name, wanted->season) &&
          (name->n_episodes == 0 || ssv_release_has_episode (name, wanted->episode)));
}

/**
 * ssv_importer_match_sync:
 * @path: a finished file or folder
 *
 * What a file imported by hand is: its name (or its folder's) read and
 * matched against the wishlist, then the library's titles. A show's season
 * and episode come from the name; a name with a season and no episode is a
 * season pack.
 *
 * Returns: (transfer full): the wanted item; NULL with @error when nothing matches
 */
SsvDownloadWanted *
ssv_importer_match_sync (SsvImporter  *self,
                         const char   *path,
                         GError      **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GPtrArray) items = NULL;
  SsvRelease name;

  g_return_val_if_fail (SSV_IS_IMPORTER (self), NULL);

  if (!ssv_release_parse (base, &name) || name.title[0] == '\0')
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                   _("“%s” names no film or episode: name the file or its folder “Title (Year)” or “Show S01E02”."),
                   base);
      return NULL;
    }
  items = ssv_import_store_list_wanted (self->database, error);
  if (items == NULL)
    return NULL;

  for (guint i = 0; i < items->len; i++)
    {
      SsvDownloadWanted *wanted = g_ptr_array_index (items, i);

      if (!wanted_matches (wanted, &name))
        continue;
      wanted = g_ptr_array_steal_index (items, i);
      if (wanted->kind != SSV_DOWNLOAD_KIND_MOVIE && wanted->season < 0)
        {
          wanted->season = name.n_seasons > 0 ? name.seasons[0] : 1;
          wanted->episode = name.n_episodes > 0 ? name.episodes[0] : -1;
        }
      if (wanted->kind != SSV_DOWNLOAD_KIND_MOVIE)
        wanted->kind = name.n_episodes > 0 ? SSV_DOWNLOAD_KIND_EPISODE : SSV_DOWNLOAD_KIND_SEASON;
      return wanted;
    }

  g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
               _("“%s” is nothing on the wishlist or in the library: add it to the wishlist first."), name.title);
  return NULL;
}
