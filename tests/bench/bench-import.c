/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-import.c: an import's copy of a 2 GB file (SSV_BENCH_IMPORT_MB to change it) against cp of
 * the same file in the same run, both from a dropped page cache and both synced to the disk. */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ssv-test-utils.h"
#include "downloads/ssv-importer-private.h"

#define ROUNDS 4

/* Real bytes, not a sparse file: what a download is. */
static void
write_source (const char *path,
              gsize       size)
{
  g_autofree guint32 *block = g_malloc (4 * 1024 * 1024);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  guint32 state = 2166136261u;

  g_assert_cmpint (fd, >=, 0);
  for (gsize done = 0; done < size;)
    {
      gsize n = MIN (size - done, 4 * 1024 * 1024);

      for (gsize i = 0; i < n / 4; i++)
        block[i] = state = state * 1664525u + 1013904223u;
      g_assert_cmpint (write (fd, block, n), ==, (gssize) n);
      done += n;
    }
  g_assert_cmpint (fsync (fd), ==, 0);
  close (fd);
}

/* As cold as an unprivileged process can make it: the file's pages dropped. */
static void
drop_cache (const char *path)
{
  int fd = g_open (path, O_RDONLY, 0);

  if (fd >= 0)
    {
      fdatasync (fd);
      posix_fadvise (fd, 0, 0, POSIX_FADV_DONTNEED);
      close (fd);
    }
}

static void
sync_file (const char *path)
{
  int fd = g_open (path, O_RDONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  fsync (fd);
  close (fd);
}

static double
time_cp (const char *source,
         const char *destination)
{
  const char *argv[] = { "cp", source, destination, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start;
  int status;

  drop_cache (source);
  start = g_get_monotonic_time ();
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  /* the import syncs its copy before naming it: cp's is synced too */
  sync_file (destination);
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
time_import (const char *source,
             const char *destination)
{
  g_autoptr(GError) error = NULL;
  gboolean linked;
  gint64 start;

  drop_cache (source);
  start = g_get_monotonic_time ();
  g_assert_true (ssv_import_place_file (source, destination, SSV_IMPORT_MODE_COPY, NULL, NULL, &linked, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (linked);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  const char *mb_text = g_getenv ("SSV_BENCH_IMPORT_MB");
  gsize mb = mb_text != NULL ? g_ascii_strtoull (mb_text, NULL, 10) : 2048;
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *source = g_build_filename (dir, "Download.2024.1080p.WEB-DL.mkv", NULL);
  g_autofree char *by_cp = g_build_filename (dir, "cp.mkv", NULL);
  g_autofree char *by_import = g_build_filename (dir, "Library", "Film (2024)", "Film (2024).mkv", NULL);
  double best_cp = G_MAXDOUBLE, best_import = G_MAXDOUBLE;

  write_source (source, mb * 1024 * 1024);
  for (guint round = 0; round < ROUNDS; round++)
    {
      double cp_s, import_s;

      /* alternate which goes first, so neither always gets the warmer disk */
      if (round % 2 == 0)
        {
          cp_s = time_cp (source, by_cp);
          import_s = time_import (source, by_import);
        }
      else
        {
          import_s = time_import (source, by_import);
          cp_s = time_cp (source, by_cp);
        }
      best_cp = MIN (best_cp, cp_s);
      best_import = MIN (best_import, import_s);
      g_unlink (by_cp);
      g_unlink (by_import);
    }

  g_print ("BENCH import.copy_mb %" G_GSIZE_FORMAT " MB\n", mb);
  g_print ("BENCH import.cp_s %.3f s\n", best_cp);
  g_print ("BENCH import.copy_s %.3f s\n", best_import);
  g_print ("BENCH import.copy_vs_cp_ratio %.3f ratio\n", best_import / best_cp);
  ssv_test_remove_tree (dir);
  return 0;
}
