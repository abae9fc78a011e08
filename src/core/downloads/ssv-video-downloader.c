/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-video-downloader.c: wished YouTube videos downloaded with yt-dlp. Each
 * runs as a subprocess whose progress lines are read as they come; the file
 * lands in a staging folder beside its destination, then moves into
 * "{Channel}/Season {Year}/…" in one rename, a file already there going to
 * the trash first. SQL and file moves run in GTask threads: the main thread
 * only starts processes and reads their output. */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ssv-error.h"
#include "downloads/ssv-video-downloader.h"
#include "downloads/ssv-ytdlp.h"
#include "stores/ssv-video-download-store.h"
#include "ssv-thread.h"

#define STAGING_DIR  ".staging"

struct _SsvVideoDownloader
{
  GObject             parent_instance;

  SsvDatabase        *database;
  SsvNetworkActivity *activity;
  char               *program;
  GFile              *root;
  int                 max_height;
  char               *codec;
  gboolean            chapters;
  char               *sponsorblock_api;
  char               *base_url;
  gint64              retry_delay_s;

  GCancellable       *cancellable;
  GHashTable         *jobs;          /* row → Job */
  guint               taking;        /* take_next calls in flight */
  gboolean            queued_wished;
};

typedef struct
{
  SsvVideoDownloader *self;
  SsvVideoDownload   *download;
  GSubprocess        *process;
  GDataInputStream   *out;
  GDataInputStream   *err;
  char               *reason;        /* yt-dlp's last ERROR line */
  char               *staging;       /* the staging folder's path */
  gboolean            exited;
  gboolean            out_done;
  gboolean            err_done;
  gboolean            success;
} Job;

enum {
  PROGRESS,
  FINISHED,
  FAILED,
  IDLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsvVideoDownloader, ssv_video_downloader, G_TYPE_OBJECT)

static void fill_slots (SsvVideoDownloader *self);

static void
job_free (gpointer data)
{
  Job *job = data;

  /* A job keeps its downloader alive: its callbacks may still come. */
  g_clear_object (&job->self);
  g_clear_object (&job->process);
  g_clear_object (&job->out);
  g_clear_object (&job->err);
  ssv_video_download_free (job->download);
  g_free (job->reason);
  g_free (job->staging);
  g_free (job);
}

static void
ssv_video_downloader_dispose (GObject *object)
{
  SsvVideoDownloader *self = SSV_VIDEO_DOWNLOADER (object);

  /* Jobs hold references: none runs any more when this is reached. */
  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->jobs, g_hash_table_unref);

  G_OBJECT_CLASS (ssv_video_downloader_parent_class)->dispose (object);
}

static void
ssv_video_downloader_finalize (GObject *object)
{
  SsvVideoDownloader *self = SSV_VIDEO_DOWNLOADER (object);

  g_clear_object (&self->database);
  g_clear_object (&self->activity);
  g_clear_object (&self->root);
  g_clear_object (&self->cancellable);
  g_free (self->program);
  g_free (self->codec);
  g_free (self->sponsorblock_api);
  g_free (self->base_url);

  G_OBJECT_CLASS (ssv_video_downloader_parent_class)->finalize (object);
}

static void
ssv_video_downloader_class_init (SsvVideoDownloaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_video_downloader_dispose;
  object_class->finalize = ssv_video_downloader_finalize;

  /**
   * SsvVideoDownloader::progress:
   * @video_id: the video
   * @fraction: 0–1
   */
  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_DOUBLE);
  /**
   * SsvVideoDownloader::finished:
   * @video_id: the video
   * @path: where it is now
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /**
   * SsvVideoDownloader::failed:
   * @video_id: the video
   * @reason: why, for people
   * @will_retry: whether it is tried again later
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_BOOLEAN);
  /**
   * SsvVideoDownloader::idle:
   *
   * Nothing runs and nothing is due.
   */
  signals[IDLE] = g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                NULL, G_TYPE_NONE, 0);
}

static void
ssv_video_downloader_init (SsvVideoDownloader *self)
{
  self->cancellable = g_cancellable_new ();
  self->jobs = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->max_height = 1080;
  self->codec = g_strdup ("any");
  self->base_url = g_strdup ("https://www.youtube.com");
  self->retry_delay_s = 60;
  self->program = ssv_ytdlp_find_program ();
}

SsvVideoDownloader *
ssv_video_downloader_new (SsvDatabase        *database,
                          SsvNetworkActivity *activity)
{
  SsvVideoDownloader *self = g_object_new (SSV_TYPE_VIDEO_DOWNLOADER, NULL);

  self->database = g_object_ref (database);
  self->activity = activity ? g_object_ref (activity) : NULL;
  return self;
}

void
ssv_video_downloader_set_program (SsvVideoDownloader *self,
                                  const char         *program)
{
  g_free (self->program);
  self->program = g_strdup (program);
}

void
ssv_video_downloader_set_root (SsvVideoDownloader *self,
                               GFile              *root)
{
  g_set_object (&self->root, root);
}

void
ssv_video_downloader_set_quality (SsvVideoDownloader *self,
                                  int                 max_height,
                                  const char         *codec)
{
  self->max_height = MAX (max_height, 0);
  g_free (self->codec);
  self->codec = g_strdup (codec ? codec : "any");
}

void
ssv_video_downloader_set_sponsorblock (SsvVideoDownloader *self,
                                       gboolean            chapters,
                                       const char         *api_url)
{
  self->chapters = chapters;
  g_free (self->sponsorblock_api);
  self->sponsorblock_api = g_strdup (api_url);
}

void
ssv_video_downloader_set_base_url (SsvVideoDownloader *self,
                                   const char         *base_url)
{
  g_free (self->base_url);
  self->base_url = g_strdup (base_url);
}

void
ssv_video_downloader_set_retry_delay (SsvVideoDownloader *self,
                                      gint64              seconds)
{
  self->retry_delay_s = MAX (seconds, 0);
}

guint
ssv_video_downloader_get_running (SsvVideoDownloader *self)
{
  return g_hash_table_size (self->jobs);
}

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* ---- after a run: move the file, or keep the reason -------------------------------- */

typedef struct
{
  gint64    row;
  char     *video_id;
  char     *path;       /* finished: the file's place */
  char     *reason;     /* failed: why */
  gboolean  will_retry;
  gboolean  stopped;    /* by ssv_video_downloader_stop(): queued again at the next run */
} Outcome;

static void
outcome_free (gpointer data)
{
  Outcome *outcome = data;

  g_free (outcome->video_id);
  g_free (outcome->path);
  g_free (outcome->reason);
  g_free (outcome);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Outcome, outcome_free)

/* The file yt-dlp left in staging for @video_id ("ID.mp4", not "ID.mp4.part"). */
static GFile *
find_staged (const char  *staging,
             const char  *video_id,
             char       **extension)
{
  g_autoptr(GDir) dir = g_dir_open (staging, 0, NULL);
  g_autofree char *prefix = g_strconcat (video_id, ".", NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      const char *ext = name + strlen (prefix);

      if (!g_str_has_prefix (name, prefix) || strchr (ext, '.') != NULL || ext[0] == '\0')
        continue;
      *extension = g_strdup (ext);
      return g_file_new_build_filename (staging, name, NULL);
    }

  return NULL;
}

/* yt-dlp names a file whose kind it could not tell "….unknown_video"; media
 * servers go by the extension, so the file's first bytes decide it. */
static char *
extension_from_contents (GFile *file)
{
  static const struct { const char *mime; const char *ext; } known[] = {
    { "video/mp4", "mp4" }, { "video/webm", "webm" }, { "video/x-matroska", "mkv" },
    { "video/quicktime", "mov" }, { "audio/mp4", "m4a" }, { "audio/webm", "weba" },
  };
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *head = NULL;
  g_autofree char *type = NULL;
  g_autofree char *mime = NULL;
  gsize size = 0;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);

  if (mapped != NULL)
    {
      size = MIN (g_mapped_file_get_length (mapped), 4096);
      head = g_memdup2 (g_mapped_file_get_contents (mapped), size);
    }

  /* The containers yt-dlp writes, by their own signatures, needing no MIME database. */
  if (size >= 12 && memcmp (head + 4, "ftyp", 4) == 0)
    return g_strdup (memcmp (head + 8, "qt  ", 4) == 0 ? "mov" : "mp4");
  if (size >= 4 && memcmp (head, "\x1a\x45\xdf\xa3", 4) == 0)
    return g_strdup (g_strstr_len (head, size, "webm") != NULL ? "webm" : "mkv");

  type = g_content_type_guess (NULL, (const guchar *) head, size, NULL);
  mime = g_content_type_get_mime_type (type);
  for (guint i = 0; mime != NULL && i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (mime, known[i].mime))
      return g_strdup (known[i].ext);

  return g_strdup ("mkv");
}

/* Moves the staged file into place: whatever was there goes to the trash
 * first (never deleted), then one rename, which is atomic on one disk. */
static char *
move_into_place (SsvVideoDownloader  *self,
                 Job                 *job,
                 GError             **error)
{
  g_autofree char *extension = NULL;
  g_autoptr(GFile) staged = find_staged (job->staging, job->download->video_id, &extension);
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *target_path = NULL;
  g_autofree char *staged_path = NULL;

  if (staged == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_FAILED, _("yt-dlp ended without leaving a video."));
      return NULL;
    }

  if (g_str_equal (extension, "unknown_video"))
    {
      g_free (extension);
      extension = extension_from_contents (staged);
    }

  target = ssv_ytdlp_target_file (self->root, job->download->channel_title, job->download->title,
                                  job->download->published, now_unix (), extension, error);
  if (target == NULL)
    return NULL;

  parent = g_file_get_parent (target);
  if (!g_file_make_directory_with_parents (parent, NULL, error))
    {
      if (!g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return NULL;
      g_clear_error (error);
    }

  if (g_file_query_exists (target, NULL) && !g_file_trash (target, NULL, error))
    {
      g_prefix_error (error, _("The file already there could not go to the trash, so it was kept: "));
      return NULL;
    }

  target_path = g_file_get_path (target);
  staged_path = g_file_get_path (staged);
  if (g_rename (staged_path, target_path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not move the video into place: %s"),
                   g_strerror (saved));
      return NULL;
    }

  return g_steal_pointer (&target_path);
}

static void
finish_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SsvVideoDownloader *self = source_object;
  Job *job = task_data;
  Outcome *outcome = g_new0 (Outcome, 1);
  g_autoptr(GError) error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  outcome->row = job->download->row;
  outcome->video_id = g_strdup (job->download->video_id);

  /* Stopped: left "running", which the next run queues again. */
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      outcome->stopped = TRUE;
      g_task_return_pointer (task, outcome, outcome_free);
      return;
    }

  if (job->success)
    outcome->path = move_into_place (self, job, &error);
  else
    outcome->reason = g_strdup (job->reason ? job->reason : _("yt-dlp failed without saying why."));

  if (outcome->path != NULL)
    {
      if (!ssv_video_download_store_finish (self->database, outcome->row, outcome->path, now_unix (), &error))
        g_warning ("Could not note the download of %s: %s", outcome->video_id, error->message);
    }
  else
    {
      g_autoptr(GError) store_error = NULL;

      if (outcome->reason == NULL)
        outcome->reason = g_strdup (error->message);
      outcome->will_retry = job->download->attempts <= SSV_VIDEO_DOWNLOAD_RETRIES;
      if (!ssv_video_download_store_fail (self->database, outcome->row, outcome->reason, now_unix (), &store_error))
        g_warning ("Could not note why %s failed: %s", outcome->video_id, store_error->message);
    }

  g_task_return_pointer (task, outcome, outcome_free);
}

static void
finished_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SsvVideoDownloader) self = g_object_ref (SSV_VIDEO_DOWNLOADER (source));
  g_autoptr(Outcome) outcome = g_task_propagate_pointer (G_TASK (result), NULL);
  Job *job = user_data;

  g_hash_table_remove (self->jobs, &job->download->row);
  if (outcome != NULL && !outcome->stopped)
    {
      if (outcome->path != NULL)
        g_signal_emit (self, signals[FINISHED], 0, outcome->video_id, outcome->path);
      else
        g_signal_emit (self, signals[FAILED], 0, outcome->video_id, outcome->reason, outcome->will_retry);
    }
  job_free (job);

  fill_slots (self);
}

/* When the process has exited and both its streams are read. */
static void
maybe_done (Job *job)
{
  SsvVideoDownloader *self = job->self;
  g_autoptr(GTask) task = NULL;

  if (!job->exited || !job->out_done || !job->err_done)
    return;

  task = g_task_new (self, NULL, finished_cb, job);
  g_task_set_source_tag (task, maybe_done);
  /* The job stays in the table (it counts as running) until finished_cb. */
  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, finish_thread);
}

/* ---- running yt-dlp ------------------------------------------------------------------ */

static void read_next_line (Job *job, GDataInputStream *stream);

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Job *job = user_data;
  GDataInputStream *stream = G_DATA_INPUT_STREAM (source);
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (stream, result, NULL, NULL);
  double fraction;

  if (line == NULL)
    {
      if (stream == job->out)
        job->out_done = TRUE;
      else
        job->err_done = TRUE;
      maybe_done (job);
      return;
    }

  if (stream == job->out && ssv_ytdlp_parse_progress (line, &fraction))
    g_signal_emit (job->self, signals[PROGRESS], 0, job->download->video_id, fraction);
  else if (g_str_has_prefix (line, "ERROR: "))
    {
      /* yt-dlp's plea to report the problem upstream is not for our people. */
      const char *plea = strstr (line, "; please report this issue");

      g_free (job->reason);
      job->reason = g_strndup (line + strlen ("ERROR: "), plea ? (gsize) (plea - line) - strlen ("ERROR: ") : strlen (line));
    }

  read_next_line (job, stream);
}

static void
read_next_line (Job              *job,
                GDataInputStream *stream)
{
  g_data_input_stream_read_line_async (stream, G_PRIORITY_DEFAULT, job->self->cancellable, line_read_cb, job);
}

static void
exited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  job->success = g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error);
  job->exited = TRUE;
  if (!job->success && job->reason == NULL && error != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    job->reason = g_strdup_printf (_("yt-dlp stopped: %s"), error->message);
  maybe_done (job);
}

static void
note_host (SsvVideoDownloader *self)
{
  g_autoptr(GUri) uri = g_uri_parse (self->base_url, G_URI_FLAGS_NONE, NULL);

  if (self->activity != NULL && uri != NULL && g_uri_get_host (uri) != NULL)
    ssv_network_activity_note (self->activity, "yt-dlp", g_uri_get_host (uri));
}

static void
launch (SsvVideoDownloader *self,
        SsvVideoDownload   *download,
        const char         *staging)
{
  Job *job = g_new0 (Job, 1);
  g_autofree char *url = g_strdup_printf ("%s/watch?v=%s", self->base_url, download->video_id);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  SsvYtdlpJob spec = { url, download->video_id, staging, self->max_height, self->codec, self->chapters,
                       self->sponsorblock_api };

  job->self = g_object_ref (self);
  job->download = download;
  job->staging = g_strdup (staging);
  g_hash_table_insert (self->jobs, &job->download->row, job);

  if (self->program == NULL)
    {
      job->reason = g_strdup (_("yt-dlp is not installed. Install it from your distribution to download videos."));
      job->exited = job->out_done = job->err_done = TRUE;
      maybe_done (job);
      return;
    }

  args = ssv_ytdlp_build_args (&spec);
  g_ptr_array_add (argv, self->program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, args[i]);
  g_ptr_array_add (argv, NULL);

  job->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                    G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  if (job->process == NULL)
    {
      job->reason = g_strdup_printf (_("yt-dlp could not be started: %s"), error->message);
      job->exited = job->out_done = job->err_done = TRUE;
      maybe_done (job);
      return;
    }

  note_host (self);
  job->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (job->process));
  job->err = g_data_input_stream_new (g_subprocess_get_stderr_pipe (job->process));
  read_next_line (job, job->out);
  read_next_line (job, job->err);
  g_subprocess_wait_check_async (job->process, self->cancellable, exited_cb, job);
}

/* ---- taking the next download ------------------------------------------------------- */

typedef struct
{
  SsvVideoDownload *download;
  char             *staging;
} Next;

static void
next_free (gpointer data)
{
  Next *next = data;

  ssv_video_download_free (next->download);
  g_free (next->staging);
  g_free (next);
}

static void
take_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SsvVideoDownloader *self = source_object;
  gboolean first = GPOINTER_TO_INT (task_data);
  g_autoptr(GFile) staging = g_file_get_child (self->root, STAGING_DIR);
  Next *next = g_new0 (Next, 1);
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (first && (!ssv_video_download_store_reset_running (self->database, &error) ||
                !ssv_video_download_store_queue_wished (self->database, NULL, &error)))
    goto failed;

  next->download = ssv_video_download_store_take_next (self->database, 1 + SSV_VIDEO_DOWNLOAD_RETRIES,
                                                       now_unix (), self->retry_delay_s, &error);
  if (error != NULL)
    goto failed;

  /* Staging beside the destination: the final rename stays on one disk. */
  if (next->download != NULL)
    {
      next->staging = g_file_get_path (staging);
      if (g_mkdir_with_parents (next->staging, 0700) != 0)
        {
          g_set_error (&error, SSV_ERROR, SSV_ERROR_FAILED, _("Could not make the folder %s."), next->staging);
          ssv_video_download_store_fail (self->database, next->download->row, error->message, now_unix (), NULL);
          goto failed;
        }
    }

  g_task_return_pointer (task, next, next_free);
  return;

failed:
  next_free (next);
  g_task_return_error (task, error);
}

static void
taken_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SsvVideoDownloader *self = SSV_VIDEO_DOWNLOADER (source);
  g_autoptr(GError) error = NULL;
  Next *next = g_task_propagate_pointer (G_TASK (result), &error);

  self->taking--;
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      /* Stopped meanwhile: what was taken is queued again at the next run. */
      g_clear_pointer (&next, next_free);
      return;
    }

  if (next == NULL)
    g_warning ("Could not read the download queue: %s", error->message);
  else if (next->download != NULL)
    {
      launch (self, g_steal_pointer (&next->download), next->staging);
      next_free (next);
      fill_slots (self);
      return;
    }
  g_clear_pointer (&next, next_free);

  if (self->taking == 0 && g_hash_table_size (self->jobs) == 0)
    g_signal_emit (self, signals[IDLE], 0);
}

static void
take_next (SsvVideoDownloader *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, taken_cb, NULL);

  self->taking++;
  g_task_set_source_tag (task, take_next);
  g_task_set_task_data (task, GINT_TO_POINTER (!self->queued_wished), NULL);
  self->queued_wished = TRUE;
  g_task_run_in_thread (task, take_thread);
}

static void
fill_slots (SsvVideoDownloader *self)
{
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  /* One look at the queue at a time; each answer starts one download and looks again. */
  if (self->taking == 0 && g_hash_table_size (self->jobs) < SSV_VIDEO_DOWNLOADS_AT_ONCE)
    take_next (self);
}

/**
 * ssv_video_downloader_stop:
 *
 * Ends the running downloads (their videos are queued again at the next run)
 * and starts no more until ssv_video_downloader_run().
 */
void
ssv_video_downloader_stop (SsvVideoDownloader *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (SSV_IS_VIDEO_DOWNLOADER (self));

  g_cancellable_cancel (self->cancellable);
  g_hash_table_iter_init (&iter, self->jobs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Job *) value)->process != NULL)
      g_subprocess_force_exit (((Job *) value)->process);
}

void
ssv_video_downloader_run (SsvVideoDownloader *self)
{
  g_return_if_fail (SSV_IS_VIDEO_DOWNLOADER (self));
  g_return_if_fail (self->root != NULL);

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
    }

  /* Look at the wishlist again: videos may have joined it. */
  self->queued_wished = FALSE;
  fill_slots (self);
}
