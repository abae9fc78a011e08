/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-video-downloader.c: wished videos downloaded with the real yt-dlp (its generic
 * extractor) from this test's own HTTP server, a small video made with ffmpeg. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ssv-error.h"
#include "ssv-test-utils.h"
#include "ssv-fake-server.h"
#include "downloads/ssv-video-downloader.h"
#include "downloads/ssv-ytdlp.h"
#include "stores/ssv-channel-store.h"
#include "stores/ssv-video-download-store.h"
#include "stores/ssv-wishlist-store.h"

#define CHANNEL "UCaaaaaaaaaaaaaaaaaaaaa1"

/* 2026-01-22 15:01:42 UTC */
#define PUBLISHED G_GINT64_CONSTANT (1769094102)

static void
test_args (void)
{
  SsvYtdlpJob job = { "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ", "/tmp/stage", 720, "h264",
                      FALSE, NULL };
  g_auto(GStrv) args = ssv_ytdlp_build_args (&job);
  g_autofree char *joined = g_strjoinv (" ", args);
  guint n = g_strv_length (args);

  g_assert_nonnull (strstr (joined, "--newline"));
  g_assert_nonnull (strstr (joined, "--progress-template download:SSVPROGRESS"));
  g_assert_nonnull (strstr (joined, "-f bv*[height<=?720]+ba/b[height<=?720]/bv*+ba/b"));
  g_assert_nonnull (strstr (joined, "-S vcodec:h264"));
  g_assert_nonnull (strstr (joined, "-o /tmp/stage/dQw4w9WgXcQ.%(ext)s"));
  g_assert_null (strstr (joined, "sponsorblock"));
  /* The address comes last, after "--": it can never be read as an option. */
  g_assert_cmpstr (args[n - 2], ==, "--");
  g_assert_cmpstr (args[n - 1], ==, job.url);

  job.max_height = 0;
  job.codec = "any";
  job.sponsorblock_chapters = TRUE;
  job.sponsorblock_api = "http://127.0.0.1:1/sb";
  {
    g_auto(GStrv) more = ssv_ytdlp_build_args (&job);
    g_autofree char *text = g_strjoinv (" ", more);

    g_assert_nonnull (strstr (text, "-f bv*+ba/b"));
    g_assert_null (strstr (text, "-S "));
    g_assert_nonnull (strstr (text, "--sponsorblock-mark all --sponsorblock-api http://127.0.0.1:1/sb"));
  }
}

static void
test_progress (void)
{
  double fraction;

  g_assert_true (ssv_ytdlp_parse_progress ("SSVPROGRESS 512 1024 NA", &fraction));
  g_assert_cmpfloat_with_epsilon (fraction, 0.5, 1e-9);
  g_assert_true (ssv_ytdlp_parse_progress ("SSVPROGRESS 512 NA 2048.0", &fraction));
  g_assert_cmpfloat_with_epsilon (fraction, 0.25, 1e-9);
  g_assert_true (ssv_ytdlp_parse_progress ("SSVPROGRESS 4096 1024 NA", &fraction));
  g_assert_cmpfloat_with_epsilon (fraction, 1.0, 1e-9);
  g_assert_false (ssv_ytdlp_parse_progress ("SSVPROGRESS 512 NA NA", &fraction));
  g_assert_false (ssv_ytdlp_parse_progress ("[download]  50.0% of 1.00KiB", &fraction));
  g_assert_false (ssv_ytdlp_parse_progress ("SSVPROGRESS x 1024 NA", &fraction));
  g_assert_false (ssv_ytdlp_parse_progress (NULL, &fraction));
}

static void
test_target (void)
{
  g_autoptr(GFile) root = g_file_new_for_path ("/videos/YouTube");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) plain = NULL;
  g_autoptr(GFile) hostile = NULL;
  g_autoptr(GFile) dots = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *hostile_path = NULL;
  g_autofree char *dots_path = NULL;
  g_autofree char *long_title = g_strnfill (400, 'x');
  g_autoptr(GFile) long_file = NULL;
  g_autofree char *long_name = NULL;
  const char *old_tz = g_getenv ("TZ");

  g_setenv ("TZ", "UTC", TRUE);
  tzset ();

  plain = ssv_ytdlp_target_file (root, "Kurzgesagt – In a Nutshell", "Jupiter Made Earth Possible", PUBLISHED, 0, "mp4",
                                 &error);
  g_assert_no_error (error);
  plain_path = g_file_get_path (plain);
  g_assert_cmpstr (plain_path, ==, "/videos/YouTube/Kurzgesagt – In a Nutshell/Season 2026/"
                                   "Kurzgesagt – In a Nutshell - s2026e0122 - Jupiter Made Earth Possible.mp4");

  /* Separators and reserved characters never make folders or escape the root. */
  hostile = ssv_ytdlp_target_file (root, "../../etc", "a/b\\c: d?*|\"<>\x01", PUBLISHED, 0, "mkv", &error);
  g_assert_no_error (error);
  hostile_path = g_file_get_path (hostile);
  g_assert_cmpstr (hostile_path, ==, "/videos/YouTube/_.._etc/Season 2026/_.._etc - s2026e0122 - a_b_c- d_______.mkv");
  g_assert_true (g_file_has_prefix (hostile, root));

  dots = ssv_ytdlp_target_file (root, "..", "..", PUBLISHED, 0, "..", &error);
  g_assert_no_error (error);
  dots_path = g_file_get_path (dots);
  g_assert_true (g_str_has_prefix (dots_path, "/videos/YouTube/_/Season 2026/"));

  /* An undated video takes the day of the download. */
  long_file = ssv_ytdlp_target_file (root, "C", long_title, 0, PUBLISHED + 86400, "webm", &error);
  g_assert_no_error (error);
  long_name = g_file_get_basename (long_file);
  g_assert_true (g_str_has_prefix (long_name, "C - s2026e0123 - xxxx"));
  g_assert_cmpuint (strlen (long_name), <=, 200 + strlen (".webm"));

  if (old_tz)
    g_setenv ("TZ", old_tz, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
}

/* ---- the real yt-dlp --------------------------------------------------------------- */

typedef struct
{
  char               *dir;
  SsvDatabase        *db;
  SsvFakeServer      *server;
  SsvChannelStore    *store;
  SsvWishlistStore   *wishlist;
  SsvVideoDownloader *downloader;
  GFile              *root;
  GBytes             *video;
  GPtrArray          *finished;      /* video ids */
  GPtrArray          *failed;        /* reasons */
  guint               max_running;
  gboolean            idle;
  guint               progress;
} Fixture;

static GBytes *
make_video (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "made.mp4", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *argv[] = { "ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi",
                         "-i", "testsrc=duration=1:size=64x36:rate=10", "-pix_fmt", "yuv420p", path, NULL };
  int status = 0;
  gsize size;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), size);
}

static void
on_finished (SsvVideoDownloader *downloader,
             const char         *video_id,
             const char         *path,
             Fixture            *f)
{
  g_test_message ("finished %s: %s", video_id, path);
  g_ptr_array_add (f->finished, g_strdup (video_id));
}

static void
on_failed (SsvVideoDownloader *downloader,
           const char         *video_id,
           const char         *reason,
           gboolean            will_retry,
           Fixture            *f)
{
  g_test_message ("failed %s: %s", video_id, reason);
  g_ptr_array_add (f->failed, g_strdup_printf ("%s %s %s", video_id, will_retry ? "retry" : "final", reason));
}

static void
on_progress (SsvVideoDownloader *downloader,
             const char         *video_id,
             double              fraction,
             Fixture            *f)
{
  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  f->progress++;
  f->max_running = MAX (f->max_running, ssv_video_downloader_get_running (downloader));
}

static void
on_idle (SsvVideoDownloader *downloader,
         Fixture            *f)
{
  f->idle = TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *program = ssv_ytdlp_find_program ();
  g_autofree char *ffmpeg = g_find_program_in_path ("ffmpeg");
  g_autofree char *root = NULL;
  g_autofree char *base = NULL;

  if (program == NULL || ffmpeg == NULL)
    {
      g_test_skip ("yt-dlp and ffmpeg are needed (build-aux/dev installs them)");
      return;
    }

  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->server = ssv_fake_server_new ();
  f->store = ssv_channel_store_new (f->db);
  f->wishlist = ssv_wishlist_store_new (f->db);
  f->video = make_video (f->dir);
  root = g_build_filename (f->dir, "YouTube", NULL);
  f->root = g_file_new_for_path (root);
  base = g_strdup (ssv_fake_server_get_url (f->server));
  f->finished = g_ptr_array_new_with_free_func (g_free);
  f->failed = g_ptr_array_new_with_free_func (g_free);

  f->downloader = ssv_video_downloader_new (f->db, NULL);
  ssv_video_downloader_set_program (f->downloader, program);
  ssv_video_downloader_set_root (f->downloader, f->root);
  ssv_video_downloader_set_base_url (f->downloader, base);
  ssv_video_downloader_set_retry_delay (f->downloader, 0);
  g_signal_connect (f->downloader, "finished", G_CALLBACK (on_finished), f);
  g_signal_connect (f->downloader, "failed", G_CALLBACK (on_failed), f);
  g_signal_connect (f->downloader, "progress", G_CALLBACK (on_progress), f);
  g_signal_connect (f->downloader, "idle", G_CALLBACK (on_idle), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->db == NULL)
    return;

  g_clear_object (&f->downloader);
  g_clear_object (&f->store);
  g_clear_object (&f->wishlist);
  g_clear_object (&f->root);
  g_clear_pointer (&f->video, g_bytes_unref);
  g_clear_pointer (&f->finished, g_ptr_array_unref);
  g_clear_pointer (&f->failed, g_ptr_array_unref);
  g_clear_pointer (&f->server, ssv_fake_server_free);
  ssv_test_close_temp_database (&f->db, &f->dir);
}

/* A wished video of the channel, served at /watch?v=ID (or not, with @served FALSE). */
static void
wish (Fixture    *f,
      const char *video_id,
      const char *title,
      gboolean    served)
{
  g_autoptr(GPtrArray) videos = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  g_autoptr(SsvYtChannelMeta) meta = ssv_yt_channel_meta_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *route = g_strdup_printf ("GET /watch?v=%s", video_id);
  SsvYtVideo *video = ssv_yt_video_new ();
  SsvWishlistTitle wished = { "youtube", video_id, title, 2026, NULL, NULL, NULL };

  meta->channel_id = g_strdup (CHANNEL);
  meta->title = g_strdup ("Made: Up");
  ssv_channel_store_save_meta (f->store, meta, &error);
  g_assert_no_error (error);
  video->video_id = g_strdup (video_id);
  video->title = g_strdup (title);
  video->published = PUBLISHED;
  video->date_exact = TRUE;
  g_ptr_array_add (videos, video);
  ssv_channel_store_save_videos (f->store, CHANNEL, videos, TRUE, -1, &error);
  g_assert_no_error (error);
  ssv_wishlist_store_add_title (f->wishlist, SSV_WISHLIST_KIND_VIDEO, &wished, &error);
  g_assert_no_error (error);

  if (served)
    ssv_fake_server_add_bytes (f->server, route, 200, "video/mp4", f->video);
}

static gboolean
is_idle (gpointer data)
{
  return ((Fixture *) data)->idle;
}

static void
run_until_idle (Fixture *f)
{
  f->idle = FALSE;
  ssv_video_downloader_run (f->downloader);
  g_assert_true (ssv_test_wait_for (is_idle, f, 120000));
}

static char *
expected_path (Fixture    *f,
               const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = ssv_ytdlp_target_file (f->root, "Made: Up", title, PUBLISHED, 0, "mp4", &error);

  g_assert_no_error (error);
  return g_file_get_path (file);
}

static void
test_download (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *staging = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GDir) dir = NULL;
  gsize size;

  if (f->db == NULL)
    return;

  wish (f, "aaaaaaaaaaa", "A/Title: with? marks", TRUE);
  run_until_idle (f);

  g_assert_cmpuint (f->failed->len, ==, 0);
  g_assert_cmpuint (f->finished->len, ==, 1);
  g_assert_cmpuint (f->progress, >, 0);

  /* In its season folder, byte for byte what was served. */
  path = expected_path (f, "A/Title: with? marks");
  g_assert_nonnull (strstr (path, "/Made- Up/Season 2026/Made- Up - s2026e0122 - A_Title- with_ marks.mp4"));
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpmem (contents, size, g_bytes_get_data (f->video, NULL), g_bytes_get_size (f->video));

  /* Staging is empty again; the video and its download know the file. */
  staging = g_build_filename (f->dir, "YouTube", ".staging", NULL);
  dir = g_dir_open (staging, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
  saved = ssv_test_query_text (f->db, "SELECT downloaded_path FROM yt_videos WHERE video_id = 'aaaaaaaaaaa'");
  g_assert_cmpstr (saved, ==, path);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count (*) FROM yt_downloads WHERE state = 'done'"), ==, 1);

  /* Downloaded: the next run does not fetch it again. */
  run_until_idle (f);
  g_assert_cmpuint (f->finished->len, ==, 1);
}

static void
test_replaces_into_trash (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *trash = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean in_trash = FALSE;

  if (f->db == NULL)
    return;

  /* A file of the same name is already there: it goes to the trash, never
   * deleted. (GLib makes the Trash folder, not the home and data folders.) */
  g_assert_cmpint (g_mkdir_with_parents (g_get_home_dir (), 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  wish (f, "bbbbbbbbbbb", "Again", TRUE);
  path = expected_path (f, "Again");
  parent = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "the old one", -1, NULL));

  run_until_idle (f);
  g_assert_cmpuint (f->finished->len, ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, !=, "the old one");

  trash = g_build_filename (g_get_user_data_dir (), "Trash", "files", NULL);
  dir = g_dir_open (trash, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (trash, name, NULL);
      g_autofree char *old = NULL;

      if (g_file_get_contents (child, &old, NULL, NULL) && g_str_equal (old, "the old one"))
        in_trash = TRUE;
    }
  g_assert_true (in_trash);
}

static void
test_failure_retries (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *reason = NULL;

  if (f->db == NULL)
    return;

  /* Never served: tried, then tried again three times, the reason kept. */
  wish (f, "ccccccccccc", "Gone", FALSE);
  run_until_idle (f);

  g_assert_cmpuint (f->finished->len, ==, 0);
  g_assert_cmpuint (f->failed->len, ==, 1 + SSV_VIDEO_DOWNLOAD_RETRIES);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->failed, 0), "ccccccccccc retry "));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->failed, f->failed->len - 1), "ccccccccccc final "));
  g_assert_nonnull (strstr (g_ptr_array_index (f->failed, 0), "404"));
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT attempts FROM yt_downloads"), ==, 1 + SSV_VIDEO_DOWNLOAD_RETRIES);
  reason = ssv_test_query_text (f->db, "SELECT last_error FROM yt_downloads WHERE state = 'failed'");
  g_assert_nonnull (strstr (reason, "404"));
  g_assert_null (strstr (reason, "please report"));
}

static void
test_three_at_once (Fixture       *f,
                    gconstpointer  data)
{
  SsvFakeFault slow = { SSV_FAKE_FAULT_DELAY, 0, -1, 1500, -1 };
  const char *ids[] = { "ddddddddddd", "eeeeeeeeeee", "fffffffffff", "ggggggggggg", "hhhhhhhhhhh" };

  if (f->db == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    wish (f, ids[i], ids[i], TRUE);
  ssv_fake_server_set_fault (f->server, "GET /watch", &slow);

  run_until_idle (f);
  g_assert_cmpuint (f->failed->len, ==, 0);
  g_assert_cmpuint (f->finished->len, ==, G_N_ELEMENTS (ids));
  g_assert_cmpuint (f->max_running, <=, SSV_VIDEO_DOWNLOADS_AT_ONCE);
  g_assert_cmpuint (f->max_running, >=, 2);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/video-downloader/args", test_args);
  g_test_add_func ("/video-downloader/progress", test_progress);
  g_test_add_func ("/video-downloader/target", test_target);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/video-downloader/yt-dlp/download", test_download);
  ADD ("/video-downloader/yt-dlp/replaces-into-trash", test_replaces_into_trash);
  ADD ("/video-downloader/yt-dlp/failure-retries", test_failure_retries);
  ADD ("/video-downloader/yt-dlp/three-at-once", test_three_at_once);
#undef ADD

  return g_test_run ();
}
