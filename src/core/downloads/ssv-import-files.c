/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-import-files.c: the importer's file work: a file into place atomically (copy or hardlink),
 * the files of a finished download, and the temporaries an interrupted import left. */

#define _GNU_SOURCE  /* copy_file_range() */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ssv-error.h"
#include "downloads/ssv-importer-private.h"

#define TEMP_PREFIX  ".ssv-import-"
#define TEMP_SUFFIX  ".part"
#define COPY_CHUNK   (64 * 1024 * 1024)
#define BUFFER_SIZE  (8 * 1024 * 1024)

static gboolean set_io_error (GError     **error,
                              int          saved_errno,
                              const char  *format,
                              ...) G_GNUC_PRINTF (3, 4);

/* Always FALSE. */
static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), message);
  return FALSE;
}

/* read()/write() when the kernel cannot copy between these two files itself. */
static gboolean
copy_with_buffer (int            in,
                  int            out,
                  gint64         done,
                  const char    *source,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *buffer = g_malloc (BUFFER_SIZE);

  if (lseek (in, done, SEEK_SET) < 0 || lseek (out, done, SEEK_SET) < 0)
    return set_io_error (error, errno, _("Could not copy “%s”: %s"), source, g_strerror (errno));

  for (;;)
    {
      gssize n = read (in, buffer, BUFFER_SIZE);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_io_error (error, errno, _("Could not read “%s”: %s"), source, g_strerror (errno));
      if (n == 0)
        return TRUE;
      for (gssize written = 0; written < n;)
        {
          gssize w = write (out, buffer + written, n - written);

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            return set_io_error (error, errno, _("Could not write the copy of “%s”: %s"), source, g_strerror (errno));
          written += w;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
}

/* The kernel's own copy (reflinks on btrfs and XFS, server-side on NFS), in big steps. */
static gboolean
copy_contents (int            in,
               int            out,
               gint64         size,
               const char    *source,
               GCancellable  *cancellable,
               GError       **error)
{
  gint64 done = 0;

  while (done < size)
    {
      gssize n = copy_file_range (in, NULL, out, NULL, MIN (size - done, COPY_CHUNK), 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && (errno == EXDEV || errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP ||
                    errno == EPERM))
        return copy_with_buffer (in, out, done, source, cancellable, error);
      if (n < 0)
        return set_io_error (error, errno, _("Could not copy “%s”: %s"), source, g_strerror (errno));
      if (n == 0)
        break;
      done += n;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* The six characters g_mkstemp() replaces, just before the suffix. */
#define TEMP_RANDOM_LEN 6

static char *
temp_template (const char *destination)
{
  g_autofree char *folder = g_path_get_dirname (destination);
  g_autofree char *random = g_strnfill (TEMP_RANDOM_LEN, 'X');
  g_autofree char *name = g_strdup_printf (TEMP_PREFIX "%d-%s" TEMP_SUFFIX, (int) getpid (), random);

  return g_build_filename (folder, name, NULL);
}

/* Copies @source into a new temporary beside @destination: its path, or NULL. */
static char *
copy_to_temp (const char    *source,
              const char    *destination,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *temp = temp_template (destination);
  struct stat st, written;
  int in, out;
  gboolean ok;

  in = g_open (source, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    {
      set_io_error (error, errno, _("Could not read “%s”: %s"), source, g_strerror (errno));
      return NULL;
    }
  out = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0644);
  if (out < 0)
    {
      set_io_error (error, errno, _("Could not write in the folder of “%s”: %s"), destination, g_strerror (errno));
      close (in);
      return NULL;
    }

  ok = fstat (in, &st) == 0 || set_io_error (error, errno, _("Could not read “%s”: %s"), source, g_strerror (errno));
  if (ok)
    {
      posix_fadvise (in, 0, 0, POSIX_FADV_SEQUENTIAL);
      ok = copy_contents (in, out, st.st_size, source, cancellable, error);
    }
  /* what the library gets is what the download has, on the disk before its name */
  if (ok && (fstat (out, &written) != 0 || written.st_size != st.st_size))
    ok = (g_set_error (error, SSV_ERROR, SSV_ERROR_INCOMPLETE,
                       _("The copy of “%s” came out the wrong size: is the disk full?"), source), FALSE);
  if (ok && fsync (out) != 0)
    ok = set_io_error (error, errno, _("Could not write “%s”: %s"), destination, g_strerror (errno));
  close (in);
  if (close (out) != 0 && ok)
    ok = set_io_error (error, errno, _("Could not write “%s”: %s"), destination, g_strerror (errno));

  if (!ok)
    {
      g_unlink (temp);
      return NULL;
    }
  return g_steal_pointer (&temp);
}

/* A second name for @source beside @destination: NULL when they are on two file systems. */
static char *
link_to_temp (const char  *source,
              const char  *destination,
              GError     **error)
{
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_autofree char *temp = temp_template (destination);
      char *x = temp + strlen (temp) - strlen (TEMP_SUFFIX) - TEMP_RANDOM_LEN;

      for (guint i = 0; i < TEMP_RANDOM_LEN; i++)
        x[i] = "abcdefghijklmnopqrstuvwxyz0123456789"[g_random_int_range (0, 36)];
      if (link (source, temp) == 0)
        return g_steal_pointer (&temp);
      if (errno == EEXIST)
        continue;
      if (errno != EXDEV && errno != EPERM && errno != EMLINK && errno != ENOTSUP)
        set_io_error (error, errno, _("Could not link “%s”: %s"), source, g_strerror (errno));
      return NULL;
    }
  return NULL;
}

static void
sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * ssv_import_trash:
 *
 * Moves a file the library no longer needs to the trash, never deletes it.
 * GIO makes the trash folder but not the data folder it lives in.
 */
gboolean
ssv_import_trash (const char    *path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return g_file_trash (file, cancellable, error);
}

static gboolean
same_bytes (int           a,
            int           b,
            GCancellable *cancellable)
{
  g_autofree char *buffer_a = g_malloc (BUFFER_SIZE);
  g_autofree char *buffer_b = g_malloc (BUFFER_SIZE);

  for (;;)
    {
      gssize n = read (a, buffer_a, BUFFER_SIZE);
      gssize filled = 0;

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return n == 0 && read (b, buffer_b, 1) == 0;
      while (filled < n)
        {
          gssize m = read (b, buffer_b + filled, n - filled);

          if (m < 0 && errno == EINTR)
            continue;
          if (m <= 0)
            return FALSE;
          filled += m;
        }
      if (memcmp (buffer_a, buffer_b, n) != 0 || g_cancellable_is_cancelled (cancellable))
        return FALSE;
    }
}

/**
 * ssv_import_same_file:
 *
 * Whether @destination holds what @source does already: the same file (a
 * hardlink), or the same bytes (a copy an interrupted import finished).
 */
gboolean
ssv_import_same_file (const char   *source,
                      const char   *destination,
                      GCancellable *cancellable)
{
  GStatBuf a, b;
  int in_a, in_b;
  gboolean same;

  if (g_stat (source, &a) != 0 || g_stat (destination, &b) != 0 || !S_ISREG (b.st_mode) || a.st_size != b.st_size)
    return FALSE;
  if (a.st_dev == b.st_dev && a.st_ino == b.st_ino)
    return TRUE;

  in_a = g_open (source, O_RDONLY | O_CLOEXEC, 0);
  in_b = g_open (destination, O_RDONLY | O_CLOEXEC, 0);
  same = in_a >= 0 && in_b >= 0 && same_bytes (in_a, in_b, cancellable);
  if (in_a >= 0)
    close (in_a);
  if (in_b >= 0)
    close (in_b);
  return same;
}

/**
 * ssv_import_place_file:
 *
 * Puts @source at @destination so that the library never has half a file:
 * it is copied (or hardlinked) to a temporary name in the destination folder,
 * checked for size and synced, then renamed into place. A file already at
 * @destination goes to the trash first, never deleted. On any failure the
 * temporary is removed and nothing else changed.
 */
gboolean
ssv_import_place_file (const char    *source,
                       const char    *destination,
                       SsvImportMode  mode,
                       SsvImportHook  hook,
                       gpointer       hook_data,
                       gboolean      *linked,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *folder = g_path_get_dirname (destination);
  g_autofree char *temp = NULL;
  g_autoptr(GError) local_error = NULL;

  *linked = FALSE;
  if (g_mkdir_with_parents (folder, 0755) != 0)
    return set_io_error (error, errno, _("Could not make the folder “%s”: %s"), folder, g_strerror (errno));

  if (mode == SSV_IMPORT_MODE_HARDLINK)
    {
      temp = link_to_temp (source, destination, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      *linked = temp != NULL;
    }
  if (temp == NULL)
    temp = copy_to_temp (source, destination, cancellable, error);
  if (temp == NULL)
    return FALSE;

  if (hook != NULL)
    hook (temp, destination, hook_data);

  if (g_file_test (destination, G_FILE_TEST_EXISTS))
    {
      if (!ssv_import_trash (destination, cancellable, &local_error))
        {
          g_unlink (temp);
          g_set_error (error, local_error->domain, local_error->code,
                       _("“%s” is there already and could not be moved to the trash: %s"), destination,
                       local_error->message);
          return FALSE;
        }
    }

  if (g_rename (temp, destination) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      return set_io_error (error, saved, _("Could not name “%s”: %s"), destination, g_strerror (saved));
    }
  sync_folder (destination);
  return TRUE;
}

/* The temporaries of imports whose process is gone (a crash, a power cut). */
void
ssv_import_clean_temporaries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      gint64 pid;

      if (!g_str_has_prefix (name, TEMP_PREFIX) || !g_str_has_suffix (name, TEMP_SUFFIX))
        continue;
      pid = g_ascii_strtoll (name + strlen (TEMP_PREFIX), NULL, 10);
      /* ours, or of an import still under way in another process */
      if (pid == getpid () || (pid > 0 && (kill ((pid_t) pid, 0) == 0 || errno != ESRCH)))
        continue;
      path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
}

gboolean
ssv_import_is_temporary (const char *name)
{
  return g_str_has_prefix (name, TEMP_PREFIX) && g_str_has_suffix (name, TEMP_SUFFIX);
}

static gboolean
list_into (GFile         *folder,
           const char    *prefix,
           GPtrArray     *files,
           guint          depth,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) local_error = NULL;

  if (depth > 8)
    return TRUE;
  children = g_file_enumerate_children (folder, "standard::name,standard::type,standard::size",
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, error);
  if (children == NULL)
    return FALSE;

  for (;;)
    {
      g_autoptr(GFileInfo) info = g_file_enumerator_next_file (children, cancellable, &local_error);
      g_autofree char *relative = NULL;
      const char *name;

      if (info == NULL)
        break;
      name = g_file_info_get_name (info);
      relative = g_build_filename (prefix, name, NULL);
      /* a link could lead out of the download: not followed */
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr(GFile) child = g_file_get_child (folder, name);

          if (!list_into (child, relative, files, depth + 1, cancellable, error))
            return FALSE;
        }
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
        {
          SsvCandidateFile *file = g_new0 (SsvCandidateFile, 1);

          file->path = g_steal_pointer (&relative);
          file->size = g_file_info_get_size (info);
          g_ptr_array_add (files, file);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
candidate_file_free (SsvCandidateFile *file)
{
  g_free (file->path);
  g_free (file);
}

/**
 * ssv_import_list_files:
 * @path: a finished download: a file, or a folder
 * @base: (out): the folder the listed paths are relative to
 *
 * Returns: (transfer full) (element-type SsvCandidateFile): the files, with the
 *   download's own folder name first in each path, sorted; NULL with @error
 */
GPtrArray *
ssv_import_list_files (const char    *path,
                       char         **base,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_file_free);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_path_get_basename (path);
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      set_io_error (error, errno, _("The finished download “%s” is not there: %s"), path, g_strerror (errno));
      return NULL;
    }

  *base = g_path_get_dirname (path);
  if (S_ISDIR (st.st_mode))
    {
      if (!list_into (file, name, files, 0, cancellable, error))
        return NULL;
    }
  else
    {
      SsvCandidateFile *one = g_new0 (SsvCandidateFile, 1);

      one->path = g_steal_pointer (&name);
      one->size = st.st_size;
      g_ptr_array_add (files, one);
    }
  return g_steal_pointer (&files);
}
