/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-importer.c: finished downloads into a real library folder: named by the template, copied
 * or linked, subtitles along, upgrades to the trash, the library and wishlist told, bad releases
 * refused with nothing written, and a crash between copy and rename leaving no half file. */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "ssv-context.h"
#include "ssv-error.h"
#include "ssv-test-utils.h"
#include "downloads/ssv-download-monitor.h"
#include "downloads/ssv-importer-private.h"
#include "model/ssv-download-private.h"
#include "sources/ssv-folder-source.h"
#include "stores/ssv-server-store.h"
#include "stores/ssv-wishlist-store.h"

typedef struct
{
  char        *dir;
  char        *db_path;
  char        *library;     /* the folder source's root */
  char        *downloads;   /* where the client put what it finished */
  SsvContext  *context;
  SsvImporter *importer;
  gint64       wishlist_id;
} Fixture;

static void
write_bytes (const char *path,
             gsize       size,
             guint8      seed)
{
  g_autofree guint8 *data = g_malloc (size);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) (i * 31 + seed);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_file_set_contents (path, (const char *) data, size, &error);
  g_assert_no_error (error);
}

static void
assert_same_bytes (const char *a,
                   const char *b)
{
  g_autofree char *da = NULL, *db = NULL;
  gsize la, lb;

  g_assert_true (g_file_get_contents (a, &da, &la, NULL));
  g_assert_true (g_file_get_contents (b, &db, &lb, NULL));
  g_assert_cmpuint (la, ==, lb);
  g_assert_true (memcmp (da, db, la) == 0);
}

/* Every file under @folder, relative, sorted, ";"-joined: what a person would see. */
static void
collect (const char *root,
         const char *relative,
         GPtrArray  *names)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = *relative ? g_build_filename (relative, name, NULL) : g_strdup (name);
      g_autofree char *full = g_build_filename (root, child, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        collect (root, child, names);
      else
        g_ptr_array_add (names, g_steal_pointer (&child));
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
list_tree (const char *root)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  collect (root, "", names);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (";", (char **) names->pdata);
}

static gint64
grab (Fixture    *f,
      const char *release)
{
  SsvDownloadWanted wanted = { .kind = SSV_DOWNLOAD_KIND_MOVIE, .wishlist_id = f->wishlist_id, .tmdb_id = 603,
                               .title = (char *) "The Matrix", .year = 1999, .season = -1, .episode = -1 };
  g_autoptr(SsvDownloadCandidate) chosen = ssv_download_candidate_new ("torrent", release);
  SsvGrabRecord record = { .wanted = &wanted, .chosen = chosen, .client_name = "Home",
                           .reference = release, .status = SSV_DOWNLOAD_QUEUED, .event = "Grabbed." };
  g_autoptr(GError) error = NULL;
  gint64 id = ssv_download_store_record_grab (ssv_context_get_download_store (f->context), &record, &error);

  g_assert_no_error (error);
  return id;
}

static SsvDownload *
get_download (Fixture *f,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  SsvDownload *d = ssv_download_store_get (ssv_context_get_download_store (f->context), id, &error);

  g_assert_no_error (error);
  return d;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SsvWishlistTitle title = { .source = "tmdb", .source_id = "603", .title = "The Matrix", .year = 1999 };
  SsvImportSettings settings = { .min_video_bytes = -1 };
  g_autoptr(SsvFolderSource) source = NULL;
  g_autoptr(GPtrArray) libraries = NULL;
  gint64 server_id;
  gboolean created;

  /* the isolated home the trash lives in, as a person's exists */
  g_mkdir_with_parents (g_get_home_dir (), 0700);
  f->dir = ssv_test_make_temp_dir ();
  f->db_path = g_build_filename (f->dir, "library.db", NULL);
  f->library = g_build_filename (f->dir, "Library", NULL);
  f->downloads = g_build_filename (f->dir, "Downloads", NULL);
  g_mkdir_with_parents (f->library, 0755);
  g_mkdir_with_parents (f->downloads, 0755);

  f->context = ssv_context_new (f->db_path, &error);
  g_assert_no_error (error);
  /* no folders set: the folder source's root is where imports go */
  g_assert_true (ssv_server_store_add (ssv_context_get_database (f->context), "folder", "Films", f->library, NULL,
                                       &server_id, &created, &error));
  g_assert_no_error (error);
  source = ssv_folder_source_new (f->library);
  libraries = ssv_media_source_list_libraries (SSV_MEDIA_SOURCE (source), NULL, &error);
  g_assert_true (ssv_server_store_set_libraries (ssv_context_get_database (f->context), server_id, libraries, &error));
  g_assert_no_error (error);
  g_assert_true (ssv_wishlist_store_add_title (ssv_context_get_wishlist_store (f->context), SSV_WISHLIST_KIND_MOVIE,
                                               &title, &error));
  g_assert_no_error (error);
  f->wishlist_id = ssv_test_query_int (ssv_context_get_database (f->context), "SELECT id FROM wishlist");

  f->importer = g_object_ref (ssv_context_get_importer (f->context));
  ssv_importer_set_settings (f->importer, &settings);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->importer);
  g_clear_object (&f->context);
  ssv_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
  g_free (f->library);
  g_free (f->downloads);
}

#define RELEASE "The.Matrix.1999.1080p.BluRay.x264-GRP"

static char *
make_release (Fixture *f)
{
  g_autofree char *folder = g_build_filename (f->downloads, RELEASE, NULL);
  g_autofree char *video = g_build_filename (folder, RELEASE ".mkv", NULL);
  g_autofree char *subtitle = g_build_filename (folder, RELEASE ".en.srt", NULL);
  g_autofree char *sample = g_build_filename (folder, "Sample", "sample-grp.mkv", NULL);
  g_autofree char *nfo = g_build_filename (folder, "grp.nfo", NULL);

  write_bytes (video, 3 * 1024 * 1024 + 17, 1);
  write_bytes (subtitle, 2000, 2);
  write_bytes (sample, 1000, 3);
  write_bytes (nfo, 100, 4);
  return g_steal_pointer (&folder);
}

static void
test_movie (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = make_release (f);
  gint64 id = grab (f, RELEASE);
  g_autoptr(SsvDownload) d = get_download (f, id);
  g_autoptr(SsvImportOutcome) outcome = NULL;
  g_autofree char *tree = NULL;
  g_autofree char *video = g_build_filename (f->library, "The Matrix (1999)", "The Matrix (1999) - 1080p Bluray.mkv", NULL);
  g_autofree char *source = g_build_filename (folder, RELEASE ".mkv", NULL);
  g_autofree char *owned = NULL;
  g_autofree char *quality = NULL;
  g_autofree char *event = NULL;
  SsvDownloadWanted matrix = { .kind = SSV_DOWNLOAD_KIND_MOVIE, .title = (char *) "The Matrix", .year = 1999,
                               .season = -1, .episode = -1 };

  outcome = ssv_importer_import_sync (f->importer, d, NULL, folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (outcome->plan->rejected);
  g_assert_cmpstr (outcome->library_path, ==, video);
  g_assert_false (outcome->linked);

  /* named by the template, the subtitle beside it, nothing else, no temporaries */
  tree = list_tree (f->library);
  g_assert_cmpstr (tree, ==, "The Matrix (1999)/The Matrix (1999) - 1080p Bluray.en.srt;"
                             "The Matrix (1999)/The Matrix (1999) - 1080p Bluray.mkv");
  assert_same_bytes (video, source);
  /* a copy: the client still has its file to seed */
  g_assert_true (g_file_test (source, G_FILE_TEST_IS_REGULAR));

  /* the library has the film now, with that file */
  owned = ssv_import_store_dup_owned_path (ssv_context_get_database (f->context), &matrix, -1, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (owned, ==, video);

  /* no profile on the grab: nothing better is wanted */
  g_assert_cmpint (ssv_import_store_get_state (ssv_context_get_database (f->context), f->wishlist_id, &quality, &error),
                   ==, SSV_WISH_IMPORT_RESOLVED);
  g_assert_cmpstr (quality, ==, "bluray-1080p");

  g_clear_object (&d);
  d = get_download (f, id);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_COMPLETED);
  event = ssv_test_query_text (ssv_context_get_database (f->context),
                               "SELECT message FROM download_events ORDER BY id DESC LIMIT 1");
  g_assert_true (g_str_has_prefix (event, "Imported as "));
  g_assert_nonnull (strstr (event, "The Matrix (1999) - 1080p Bluray.mkv"));
}

static void
test_hardlink (Fixture       *f,
               gconstpointer  data)
{
  SsvImportSettings settings = { .mode = SSV_IMPORT_MODE_HARDLINK, .min_video_bytes = -1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = make_release (f);
  g_autoptr(SsvDownload) d = get_download (f, grab (f, RELEASE));
  g_autoptr(SsvImportOutcome) outcome = NULL;
  g_autofree char *source = g_build_filename (folder, RELEASE ".mkv", NULL);
  GStatBuf a, b;

  ssv_importer_set_settings (f->importer, &settings);
  outcome = ssv_importer_import_sync (f->importer, d, NULL, folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (outcome->linked);
  g_assert_cmpint (g_stat (source, &a), ==, 0);
  g_assert_cmpint (g_stat (outcome->library_path, &b), ==, 0);
  /* one file with two names: no second copy on the disk */
  g_assert_cmpuint (a.st_ino, ==, b.st_ino);
  g_assert_cmpuint (a.st_nlink, ==, 2);
}

static void
test_upgrade_to_trash (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_build_filename (f->library, "The Matrix (1999)", "The Matrix (1999) - 720p HDTV.mkv", NULL);
  g_autofree char *folder = NULL;
  g_autoptr(SsvImportOutcome) outcome = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autofree char *trash = g_build_filename (g_get_user_data_dir (), "Trash", "files",
                                             "The Matrix (1999) - 720p HDTV.mkv", NULL);
  g_autoptr(SsvScanResult) scan = NULL;

  /* the library has the 720p file */
  write_bytes (old, 1024 * 1024, 9);
  scan = ssv_scanner_scan_sync (ssv_context_get_scanner (f->context), SSV_SCAN_FULL, 0, NULL, &error);
  g_assert_no_error (error);

  folder = make_release (f);
  d = get_download (f, grab (f, RELEASE));
  outcome = ssv_importer_import_sync (f->importer, d, NULL, folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (outcome->plan->rejected);
  for (guint i = 0; i < outcome->notes->len; i++)
    g_test_message ("note: %s", (char *) g_ptr_array_index (outcome->notes, i));
  g_assert_cmpuint (outcome->trashed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (outcome->trashed, 0), ==, old);

  /* the old file is in the trash, whole, not deleted */
  g_assert_false (g_file_test (old, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (trash, G_FILE_TEST_IS_REGULAR));
}

static void
test_rejected (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->downloads, "The.Matrix.1999.1080p.BluRay-FAKE", NULL);
  g_autofree char *sample = g_build_filename (folder, "sample.mkv", NULL);
  g_autofree char *setup = g_build_filename (folder, "setup.exe", NULL);
  gint64 id = grab (f, "The.Matrix.1999.1080p.BluRay-FAKE");
  g_autoptr(SsvDownload) d = get_download (f, id);
  g_autoptr(SsvImportOutcome) outcome = NULL;
  g_autofree char *tree = NULL;

  write_bytes (sample, 4096, 1);
  write_bytes (setup, 4096, 2);
  outcome = ssv_importer_import_sync (f->importer, d, NULL, folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (outcome->plan->rejected);
  g_assert_nonnull (strstr (outcome->plan->reason, "setup.exe"));
  g_assert_null (outcome->library_path);

  tree = list_tree (f->library);
  g_assert_cmpstr (tree, ==, "");
  g_clear_object (&d);
  d = get_download (f, id);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_FAILED);
  g_assert_nonnull (strstr (ssv_download_get_error (d), "setup.exe"));
  g_assert_cmpint (ssv_import_store_get_state (ssv_context_get_database (f->context), f->wishlist_id, NULL, &error),
                   ==, SSV_WISH_IMPORT_NONE);
}

typedef struct
{
  char     *rejected;
  char     *imported;
  gint64    title_id;
  gboolean  done;
} Signals;

static void
on_rejected (SsvImporter *importer,
             SsvDownload *download,
             const char  *reason,
             Signals     *s)
{
  s->rejected = g_strdup (reason);
}

static void
on_imported (SsvImporter *importer,
             SsvDownload *download,
             const char  *path,
             gint64       title_id,
             Signals     *s)
{
  s->imported = g_strdup (path);
  s->title_id = title_id;
}

static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Signals *s = user_data;
  g_autoptr(SsvImportOutcome) outcome = ssv_importer_import_finish (SSV_IMPORTER (object), result, NULL);

  g_assert_nonnull (outcome);
  s->done = TRUE;
}

/* In the background, as the monitor's download-completed starts it: the signals say what came of it. */
static void
test_signals (Fixture       *f,
              gconstpointer  data)
{
  Signals s = { 0 };
  g_autofree char *bad = g_build_filename (f->downloads, "bad", NULL);
  g_autofree char *setup = g_build_filename (bad, "setup.exe", NULL);
  g_autofree char *folder = make_release (f);
  g_autoptr(SsvDownload) first = get_download (f, grab (f, "The.Matrix.1999.1080p.BluRay-FAKE"));
  g_autoptr(SsvDownload) second = NULL;

  g_signal_connect (f->importer, "import-rejected", G_CALLBACK (on_rejected), &s);
  g_signal_connect (f->importer, "imported", G_CALLBACK (on_imported), &s);

  write_bytes (setup, 10, 1);
  ssv_importer_import_async (f->importer, first, bad, NULL, import_done, &s);
  ssv_test_wait_for_flag (&s.done, 20000);
  g_assert_nonnull (strstr (s.rejected, "a program, “bad/setup.exe”"));
  g_assert_null (s.imported);

  s.done = FALSE;
  second = get_download (f, grab (f, RELEASE));
  ssv_importer_import_async (f->importer, second, folder, NULL, import_done, &s);
  ssv_test_wait_for_flag (&s.done, 20000);
  g_assert_true (g_str_has_suffix (s.imported, "/The Matrix (1999) - 1080p Bluray.mkv"));
  /* the film the library shows with that file, for "Open" */
  g_assert_cmpint (s.title_id, >, 0);
  g_assert_cmpint (s.title_id, ==, ssv_test_query_int (ssv_context_get_database (f->context),
                                                       "SELECT id FROM movies WHERE title = 'The Matrix'"));
  g_free (s.rejected);
  g_free (s.imported);
}

/* ---- a crash between copy and rename ------------------------------------------------- */

static void
die_before_rename (const char *temporary,
                   const char *destination,
                   gpointer    user_data)
{
  /* the copy is whole and synced; the process dies as a power cut would end it */
  _exit (0);
}

static void
test_crash_child (void)
{
  const char *db_path = g_getenv ("SSV_TEST_IMPORT_DB");
  const char *folder = g_getenv ("SSV_TEST_IMPORT_FROM");
  SsvImportSettings settings = { .min_video_bytes = -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = ssv_context_new (db_path, &error);
  g_autoptr(SsvDownload) d = NULL;

  if (!g_test_subprocess ())
    {
      g_test_skip ("the child of crash-between-copy-and-rename");
      return;
    }
  g_assert_no_error (error);
  d = ssv_download_store_get (ssv_context_get_download_store (context), 1, &error);
  g_assert_no_error (error);
  ssv_importer_set_settings (ssv_context_get_importer (context), &settings);
  ssv_importer_set_hook (ssv_context_get_importer (context), die_before_rename, NULL);
  ssv_importer_import_sync (ssv_context_get_importer (context), d, NULL, folder, NULL, &error);
  g_assert_not_reached ();
}

static void
test_crash (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = make_release (f);
  g_autofree char *tree = NULL;
  g_autoptr(SsvDownload) d = get_download (f, grab (f, RELEASE));
  g_autoptr(SsvImportOutcome) outcome = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_cmpint (ssv_download_get_id (d), ==, 1);
  g_setenv ("SSV_TEST_IMPORT_DB", f->db_path, TRUE);
  g_setenv ("SSV_TEST_IMPORT_FROM", folder, TRUE);
  g_test_trap_subprocess ("/core/importer/crash-child", 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  /* the child died with its copy made but not named: the library has no film,
   * only a hidden temporary no scan reads */
  tree = list_tree (f->library);
  names = g_strsplit (tree, ";", -1);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_true (g_str_has_prefix (names[0], "The Matrix (1999)/.ssv-import-"));
  g_assert_true (g_str_has_suffix (names[0], ".part"));
  g_assert_false (g_file_test (f->library, G_FILE_TEST_IS_REGULAR));

  /* the next import cleans it away and puts the film in */
  outcome = ssv_importer_import_sync (f->importer, d, NULL, folder, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&tree, g_free);
  tree = list_tree (f->library);
  g_assert_cmpstr (tree, ==, "The Matrix (1999)/The Matrix (1999) - 1080p Bluray.en.srt;"
                             "The Matrix (1999)/The Matrix (1999) - 1080p Bluray.mkv");
}

/* A failure leaves nothing: the film's folder cannot be made (a file has its name). */
static void
test_failure_leaves_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = make_release (f);
  g_autofree char *in_the_way = g_build_filename (f->library, "The Matrix (1999)", NULL);
  g_autoptr(SsvDownload) d = get_download (f, grab (f, RELEASE));
  g_autoptr(SsvImportOutcome) outcome = NULL;
  g_autofree char *tree = NULL;
  g_autofree char *event = NULL;

  write_bytes (in_the_way, 10, 1);
  outcome = ssv_importer_import_sync (f->importer, d, NULL, folder, NULL, &error);
  g_assert_null (outcome);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Could not make the folder"));
  tree = list_tree (f->library);
  g_assert_cmpstr (tree, ==, "The Matrix (1999)");
  event = ssv_test_query_text (ssv_context_get_database (f->context),
                               "SELECT message FROM download_events ORDER BY id DESC LIMIT 1");
  g_assert_true (g_str_has_prefix (event, "Could not import: "));
}

/* ---- what a stop left: imported at the next start ---------------------------------------- */

static gint64
grab_finished (Fixture           *f,
               const char        *title,
               int                year,
               const char        *release,
               const char        *content_path,
               SsvDownloadStatus  status)
{
  SsvDownloadWanted wanted = { .kind = SSV_DOWNLOAD_KIND_MOVIE, .title = (char *) title, .year = year,
                               .season = -1, .episode = -1 };
  g_autoptr(SsvDownloadCandidate) chosen = ssv_download_candidate_new ("torrent", release);
  SsvGrabRecord record = { .wanted = &wanted, .chosen = chosen, .client_name = "Home",
                           .reference = release, .status = SSV_DOWNLOAD_QUEUED, .event = "Grabbed." };
  SsvDownloadStore *store = ssv_context_get_download_store (f->context);
  g_autoptr(GError) error = NULL;
  gint64 id = ssv_download_store_record_grab (store, &record, &error);

  g_assert_no_error (error);
  /* as the monitor writes it when the client says it is done */
  g_assert_true (ssv_download_store_set_status (store, id, SSV_DOWNLOAD_COMPLETED, NULL, content_path, "completed",
                                                "Downloaded.", &error));
  if (status != SSV_DOWNLOAD_COMPLETED)
    g_assert_true (ssv_download_store_set_status (store, id, status, NULL, NULL, "state", "Importing.", &error));
  g_assert_no_error (error);
  return id;
}

static gboolean
counted_to (gpointer data)
{
  guint *counts = data;

  return counts[0] >= counts[1];
}

static void
count_imported (SsvImporter *importer,
                SsvDownload *download,
                const char  *path,
                gint64       title_id,
                guint       *counts)
{
  counts[0]++;
}

static void
adopted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  int *n = user_data;
  g_autoptr(GError) error = NULL;

  *n = ssv_importer_adopt_finish (SSV_IMPORTER (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(int *) data >= 0;
}

/* The app stopped with one download finished by its client and not imported, one a
 * crash cut short after its file was renamed into the library, and one imported long
 * ago. The next start imports the first, recognises the second's file, leaves the third. */
static void
test_adopt_after_stop (Fixture       *f,
                       gconstpointer  data)
{
  SsvImportSettings settings = { .min_video_bytes = -1 };
  g_autofree char *matrix = make_release (f);
  g_autofree char *heat_source = g_build_filename (f->downloads, "Heat.1995.1080p.BluRay.x264-GRP.mkv", NULL);
  g_autofree char *heat_placed = g_build_filename (f->library, "Heat (1995)", "Heat (1995) - 1080p Bluray.mkv", NULL);
  g_autofree char *alien_source = g_build_filename (f->downloads, "Alien.1979.1080p.BluRay.x264-GRP.mkv", NULL);
  g_autofree char *trash = g_build_filename (g_get_user_data_dir (), "Trash", "files", NULL);
  g_autofree char *tree = NULL;
  g_autofree char *heat_events = NULL;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[2] = { 0, 2 };
  gint64 matrix_id, heat_id, alien_id, alien_events;
  int adopted = -1;
  GStatBuf before, after;

  matrix_id = grab_finished (f, "The Matrix", 1999, RELEASE, matrix, SSV_DOWNLOAD_COMPLETED);
  write_bytes (heat_source, 2 * 1024 * 1024, 5);
  write_bytes (heat_placed, 2 * 1024 * 1024, 5);
  g_assert_cmpint (g_stat (heat_placed, &before), ==, 0);
  heat_id = grab_finished (f, "Heat", 1995, "Heat.1995.1080p.BluRay.x264-GRP", heat_source, SSV_DOWNLOAD_IMPORTING);
  write_bytes (alien_source, 1024 * 1024, 6);
  alien_id = grab_finished (f, "Alien", 1979, "Alien.1979.1080p.BluRay.x264-GRP", alien_source,
                            SSV_DOWNLOAD_COMPLETED);
  g_assert_cmpint (alien_id, ==, 3);
  ssv_database_exec (ssv_context_get_database (f->context), "UPDATE downloads SET imported_at = 1700000000"
                     " WHERE id = 3", &error);
  g_assert_no_error (error);
  alien_events = ssv_test_query_int (ssv_context_get_database (f->context),
                                     "SELECT count(*) FROM download_events WHERE download_id = 3");

  /* the app starts again on that library */
  g_clear_object (&f->importer);
  g_clear_object (&f->context);
  f->context = ssv_context_new (f->db_path, &error);
  g_assert_no_error (error);
  f->importer = g_object_ref (ssv_context_get_importer (f->context));
  ssv_importer_set_settings (f->importer, &settings);
  g_signal_connect (f->importer, "imported", G_CALLBACK (count_imported), counts);
  ssv_context_get_download_monitor (f->context);
  g_assert_true (ssv_test_wait_for (counted_to, counts, 20000));

  /* the one finished while the app was off is in the library, and its download says so */
  tree = list_tree (f->library);
  g_assert_cmpstr (tree, ==, "Heat (1995)/Heat (1995) - 1080p Bluray.mkv;"
                             "The Matrix (1999)/The Matrix (1999) - 1080p Bluray.en.srt;"
                             "The Matrix (1999)/The Matrix (1999) - 1080p Bluray.mkv");
  d = get_download (f, matrix_id);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_COMPLETED);
  g_assert_null (ssv_download_get_error (d));
  g_assert_cmpint (ssv_test_query_int (ssv_context_get_database (f->context),
                                       "SELECT count(*) FROM downloads WHERE imported_at IS NOT NULL"), ==, 3);

  /* the crash's file is recognised: the same file, not copied again, nothing in the trash */
  g_clear_object (&d);
  d = get_download (f, heat_id);
  g_assert_cmpint (ssv_download_get_status (d), ==, SSV_DOWNLOAD_COMPLETED);
  g_assert_cmpint (g_stat (heat_placed, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);
  g_assert_false (g_file_test (trash, G_FILE_TEST_EXISTS));
  heat_events = ssv_test_query_text (ssv_context_get_database (f->context),
                                     "SELECT group_concat (message, ' | ') FROM download_events"
                                     " WHERE download_id = 2");
  g_assert_cmpint (heat_id, ==, 2);
  g_test_message ("%s", heat_events);
  g_assert_nonnull (strstr (heat_events, "Heat (1995) - 1080p Bluray.mkv” was in the library already."));

  /* the one imported long ago is left alone */
  g_assert_cmpint (ssv_test_query_int (ssv_context_get_database (f->context),
                                       "SELECT count(*) FROM download_events WHERE download_id = 3"), ==, alien_events);

  /* starting again does nothing twice, nor does asking for one already imported */
  ssv_importer_adopt_async (f->importer, NULL, adopted_cb, &adopted);
  g_assert_true (ssv_test_wait_for (is_set, &adopted, 20000));
  g_assert_cmpint (adopted, ==, 0);
  g_assert_cmpuint (counts[0], ==, 2);
  g_clear_object (&d);
  d = get_download (f, matrix_id);
  g_assert_null (ssv_importer_import_sync (f->importer, d, NULL, matrix, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_REFUSED);
  g_clear_pointer (&tree, g_free);
  tree = list_tree (f->library);
  g_assert_cmpstr (tree, ==, "Heat (1995)/Heat (1995) - 1080p Bluray.mkv;"
                             "The Matrix (1999)/The Matrix (1999) - 1080p Bluray.en.srt;"
                             "The Matrix (1999)/The Matrix (1999) - 1080p Bluray.mkv");
}

typedef struct
{
  SsvDownloadMonitor *monitor;
  gint64              id;
  SsvDownloadStatus   status;
} Seen;

static gboolean
monitor_sees (gpointer data)
{
  Seen *seen = data;
  SsvDownload *d = ssv_download_monitor_find (seen->monitor, seen->id);

  return d != NULL && ssv_download_get_status (d) == seen->status;
}

static void
move_and_wait (Fixture            *f,
               SsvDownloadMonitor *monitor,
               gint64              id,
               SsvDownloadStatus   status)
{
  Seen seen = { monitor, id, status };
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_download_store_set_status (ssv_context_get_download_store (f->context), id, status, NULL,
                                                f->downloads, "state", "Moved.", &error));
  g_assert_no_error (error);
  g_assert_true (ssv_test_wait_for (monitor_sees, &seen, 10000));
}

static void
count_completed (SsvDownloadMonitor *monitor,
                 SsvDownload        *download,
                 const char         *path,
                 guint              *n)
{
  (*n)++;
}

static gboolean
counted_one (gpointer data)
{
  return *(guint *) data >= 1;
}

/* "Completed" after "importing" is the importer's own word: the monitor does not hand
 * the download to the import again; a client's "completed" still does. */
static void
test_completed_once (Fixture       *f,
                     gconstpointer  data)
{
  gint64 imported = grab (f, RELEASE);
  gint64 fetched = grab (f, "The.Matrix.1999.720p.BluRay.x264-GRP");
  /* a monitor of its own: the context's would hand these rows to its importer */
  g_autoptr(SsvDownloadMonitor) monitor = ssv_download_monitor_new (ssv_context_get_client_pool (f->context));
  guint n = 0;

  ssv_download_monitor_start (monitor);

  g_signal_connect (monitor, "download-completed", G_CALLBACK (count_completed), &n);
  move_and_wait (f, monitor, imported, SSV_DOWNLOAD_IMPORTING);
  move_and_wait (f, monitor, imported, SSV_DOWNLOAD_COMPLETED);
  g_assert_cmpuint (n, ==, 0);
  move_and_wait (f, monitor, fetched, SSV_DOWNLOAD_DOWNLOADING);
  g_assert_true (ssv_download_store_set_status (ssv_context_get_download_store (f->context), fetched,
                                                SSV_DOWNLOAD_COMPLETED, NULL, f->downloads, "completed", "Done.",
                                                NULL));
  g_assert_true (ssv_test_wait_for (counted_one, &n, 10000));
  ssv_download_monitor_stop (monitor);
}

int
main (int   argc,
      char *argv[])
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/core/importer/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("movie", test_movie);
  ADD ("hardlink", test_hardlink);
  ADD ("upgrade-to-trash", test_upgrade_to_trash);
  ADD ("rejected", test_rejected);
  ADD ("signals", test_signals);
  ADD ("crash-between-copy-and-rename", test_crash);
  ADD ("failure-leaves-nothing", test_failure_leaves_nothing);
  ADD ("adopt-after-stop", test_adopt_after_stop);
  ADD ("completed-once", test_completed_once);
#undef ADD
  g_test_add_func ("/core/importer/crash-child", test_crash_child);

  return g_test_run ();
}
