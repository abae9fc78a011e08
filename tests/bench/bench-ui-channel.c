/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-ui-channel.c: opening a saved YouTube channel of 5,000 videos, from the action to the
 * first frame that shows its video cards, beside opening the Library page (the generated
 * library: 10,000 movies, 2,000 shows, 100,000 episodes) to the first frame of its grid, in
 * the same processes: fresh ones, each opening both (in turns, first one then the other),
 * medians of five. Wall time, and the processor time of the process over the same span,
 * which a busy shared machine moves much less; and, to tell the two apart, how many frames
 * the window drew meanwhile (each one costs a whole window's drawing in software GL). A child process writes the database and
 * serves the images, so its work does not count. The Library page is built before either
 * opening, as the window built every page at start until pages came to be built on first show,
 * so the figure stays comparable with the earlier ones. Built, it starts its first read at once:
 * its opening is mostly showing rows already read, while the channel's opening reads its videos
 * (the ratio favours the Library). Run under tests/run-in-session.sh --x11. */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "ssv-bench-library.h"
#include "pages/ssv-channel-page-private.h"
#include "pages/ssv-library-page.h"
#include "ssv-window-private.h"
#include "widgets/ssv-poster-grid.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "widgets/ssv-video-card.h"
#include "stores/ssv-channel-store.h"

#define CHANNEL_ID "UCbbbbbbbbbbbbbbbbbbbbbb"
#define N_VIDEOS   5000
#define N_LAUNCHES 5

/* ---- the child: the database and the images ------------------------------------------ */

static void
fill_channel (SsvDatabase *db,
              const char  *image_base)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvChannelStore) store = ssv_channel_store_new (db);
  g_autoptr(SsvYtChannelMeta) meta = ssv_yt_channel_meta_new ();
  g_autoptr(GPtrArray) videos = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  SsvChannelRefresh refresh = { "innertube", TRUE, NULL, NULL };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  meta->channel_id = g_strdup (CHANNEL_ID);
  meta->handle = g_strdup ("@bench");
  meta->title = g_strdup ("Bench Channel");
  meta->subscribers = 2600000;
  meta->video_count = N_VIDEOS;
  g_assert_true (ssv_channel_store_save_meta (store, meta, &error));

  /* One upload a day back from now; every third date read from "… ago". */
  for (guint i = 0; i < N_VIDEOS; i++)
    {
      SsvYtVideo *video = ssv_yt_video_new ();

      video->video_id = g_strdup_printf ("v%010u", i);
      video->title = g_strdup_printf ("Bench video number %u, with a title of a usual length", i);
      video->thumbnail_url = g_strdup_printf ("%s/Items/v%u/Images/Primary", image_base, i);
      video->published = now - (gint64) i * 86400;
      video->date_exact = i % 3 != 0;
      video->date_unit = video->date_exact ? 0 : 30 * 86400;
      video->duration_s = 60 + i % 3600;
      video->views = 1000 + i * 37;
      g_ptr_array_add (videos, video);
    }
  g_assert_true (ssv_channel_store_save_videos (store, CHANNEL_ID, videos, TRUE, 0, &error));
  g_assert_true (ssv_channel_store_record_refresh (store, CHANNEL_ID, &refresh, now, &error));
  g_assert_no_error (error);
}

static int
serve (const char *db_path)
{
  SsvBenchLibrary library;
  g_autoptr(SsvFakeServer) server = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  ssv_bench_library_init_default (&library);
  server = ssv_fake_server_new ();
  ssv_bench_library_serve (&library, server);
  library.image_base = g_strdup (ssv_fake_server_get_url (server));

  db = ssv_database_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_bench_library_fill (&library, db, &error));
  g_assert_no_error (error);
  fill_channel (db, library.image_base);
  g_clear_object (&db);
  ssv_bench_serve_until_closed (server);

  g_clear_pointer (&server, ssv_fake_server_free);
  ssv_bench_library_clear (&library);
  return 0;
}

/* ---- one launch: open both pages ---------------------------------------------------- */

typedef struct
{
  SsvWindow *window;
  gboolean (*shown) (SsvWindow *window);
  gint64     first_frame_us;
  double     first_frame_cpu_ms;
  guint      drawn;
} Opening;

/* Frames the window's surface drew so far (its "render" signals). */
static guint frames_drawn;

static gboolean
render_hook (GSignalInvocationHint *hint,
             guint                  n_values,
             const GValue          *values,
             gpointer               user_data)
{
  frames_drawn++;
  return TRUE;
}

/* Processor time of every thread of this process so far, in ms. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static gboolean
library_shown (SsvWindow *window)
{
  SsvPage *page = ssv_window_get_visible_page (window);
  g_autoptr(GPtrArray) cards = NULL;

  if (!SSV_IS_LIBRARY_PAGE (page) ||
      g_strcmp0 (ssv_library_page_get_state (SSV_LIBRARY_PAGE (page)), "content") != 0)
    return FALSE;

  cards = ssv_poster_grid_dup_bound_cards (SSV_POSTER_GRID (ssv_library_page_get_grid (SSV_LIBRARY_PAGE (page),
                                                                                         "movies")));
  return cards->len > 0;
}

static gboolean
channel_shown (SsvWindow *window)
{
  SsvPage *page = ssv_window_get_visible_page (window);
  GtkWidget *grid;

  if (!SSV_IS_CHANNEL_PAGE (page) || g_strcmp0 (ssv_channel_page_get_state (SSV_CHANNEL_PAGE (page)), "content") != 0)
    return FALSE;

  grid = ssv_channel_page_get_grid (SSV_CHANNEL_PAGE (page));
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_widget_get_first_child (child);

      if (SSV_IS_VIDEO_CARD (card) && ssv_video_card_get_video (SSV_VIDEO_CARD (card)) != NULL &&
          gtk_widget_get_mapped (card))
        return TRUE;
    }
  return FALSE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Opening       *opening)
{
  if (opening->first_frame_us == 0 && opening->shown (opening->window))
    {
      opening->first_frame_us = g_get_monotonic_time ();
      opening->first_frame_cpu_ms = cpu_ms ();
      opening->drawn = frames_drawn;
    }
}

/* From the action to the first frame that shows what @shown waits for, in ms; the
 * processor time spent meanwhile in @cpu, the frames drawn (that one too) in @drawn. */
static double
time_opening (SsvWindow   *window,
              gboolean   (*shown) (SsvWindow *window),
              const char  *action,
              const char  *target,
              double      *cpu,
              double      *drawn)
{
  Opening opening = { window, shown, 0, 0, 0 };
  double cpu_started = cpu_ms ();
  guint drawn_started = frames_drawn;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &opening);
  gint64 started = g_get_monotonic_time ();

  gtk_widget_activate_action (GTK_WIDGET (window), action, "s", target);
  while (opening.first_frame_us == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  g_assert_cmpint (opening.first_frame_us, >, 0);

  *cpu = opening.first_frame_cpu_ms - cpu_started;
  *drawn = opening.drawn - drawn_started;
  return (opening.first_frame_us - started) / 1000.0;
}

/* Prints "<library ms> <channel ms> <library cpu ms> <channel cpu ms> <library frames>
 * <channel frames>". */
static int
launch (const char *db_path,
        gboolean    channel_first)
{
  g_autoptr(GSettings) settings = NULL;
  SsvApplication *app;
  SsvWindow *window;
  double library_ms, channel_ms, library_cpu, channel_cpu, library_drawn, channel_drawn;

  gtk_init ();
  adw_init ();
  g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0, render_hook, NULL, NULL);

  /* Start on a page that reads nothing, so both openings are first ones. */
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (settings, "last-page", "parse");
  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  g_assert_nonnull (ssv_window_build_page (window, "library"));
  ssv_ui_test_iterate (1000);

  if (channel_first)
    {
      channel_ms = time_opening (window, channel_shown, "win.show-channel", CHANNEL_ID, &channel_cpu,
                                 &channel_drawn);
      ssv_ui_test_iterate (500);
      library_ms = time_opening (window, library_shown, "win.show-page", "library", &library_cpu, &library_drawn);
    }
  else
    {
      library_ms = time_opening (window, library_shown, "win.show-page", "library", &library_cpu, &library_drawn);
      ssv_ui_test_iterate (500);
      channel_ms = time_opening (window, channel_shown, "win.show-channel", CHANNEL_ID, &channel_cpu,
                                 &channel_drawn);
    }

  printf ("%.1f %.1f %.1f %.1f %.0f %.0f\n", library_ms, channel_ms, library_cpu, channel_cpu, library_drawn,
          channel_drawn);
  fflush (stdout);
  ssv_ui_test_stop_app (app);
  return 0;
}

static void
run_launch (const char *self_path,
            const char *db_path,
            gboolean    channel_first,
            double     *library_ms,
            double     *channel_ms,
            double     *library_cpu,
            double     *channel_cpu,
            double     *library_drawn,
            double     *channel_drawn)
{
  const char *launch_argv[] = { self_path, channel_first ? "--launch-channel-first" : "--launch", db_path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) launch_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (sscanf (out, "%lf %lf %lf %lf %lf %lf", library_ms, channel_ms, library_cpu, channel_cpu,
                           library_drawn, channel_drawn), ==, 6);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db ? 1 : 0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *cache_dir = NULL;
  g_autofree char *url = NULL;
  const char *child_argv[] = { argv[0], "--serve", NULL, NULL };
  double library[N_LAUNCHES], channel[N_LAUNCHES], ratio[N_LAUNCHES];
  double library_cpu[N_LAUNCHES], channel_cpu[N_LAUNCHES], cpu_ratio[N_LAUNCHES];
  double library_drawn[N_LAUNCHES], channel_drawn[N_LAUNCHES];
  SsvBenchChild child;

  if (argc > 2 && g_str_equal (argv[1], "--serve"))
    return serve (argv[2]);
  if (argc > 2 && g_str_equal (argv[1], "--launch"))
    return launch (argv[2], FALSE);
  if (argc > 2 && g_str_equal (argv[1], "--launch-channel-first"))
    return launch (argv[2], TRUE);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-ui-channel needs a display: run it through tests/run-in-session.sh --x11\n");
      return 77;
    }

  dir = ssv_test_make_temp_dir ();
  db_path = g_build_filename (dir, "library.db", NULL);
  cache_dir = g_build_filename (dir, "cache", NULL);
  child_argv[2] = db_path;
  url = ssv_bench_child_spawn (&child, child_argv);

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("SSV_CACHE_DIR", cache_dir, TRUE);
  /* The channel is fresh: nothing may be asked of YouTube, and nothing is. */
  g_setenv ("SSV_YOUTUBE_URL", "http://127.0.0.1:9", TRUE);

  for (guint i = 0; i < N_LAUNCHES; i++)
    {
      run_launch (argv[0], db_path, i % 2 == 1, &library[i], &channel[i], &library_cpu[i], &channel_cpu[i],
                  &library_drawn[i], &channel_drawn[i]);
      ratio[i] = channel[i] / library[i];
      cpu_ratio[i] = channel_cpu[i] / library_cpu[i];
      g_printerr ("launch %u: library %.0f ms (%.0f cpu, %.0f frames), channel %.0f ms (%.0f cpu, %.0f frames)\n", i,
                  library[i], library_cpu[i], library_drawn[i], channel[i], channel_cpu[i], channel_drawn[i]);
    }
  qsort (library, N_LAUNCHES, sizeof (double), compare_doubles);
  qsort (channel, N_LAUNCHES, sizeof (double), compare_doubles);
  qsort (ratio, N_LAUNCHES, sizeof (double), compare_doubles);
  qsort (library_cpu, N_LAUNCHES, sizeof (double), compare_doubles);
  qsort (channel_cpu, N_LAUNCHES, sizeof (double), compare_doubles);
  qsort (cpu_ratio, N_LAUNCHES, sizeof (double), compare_doubles);
  qsort (library_drawn, N_LAUNCHES, sizeof (double), compare_doubles);
  qsort (channel_drawn, N_LAUNCHES, sizeof (double), compare_doubles);

  g_print ("BENCH channel.open_cached_ms %.0f ms\n", channel[N_LAUNCHES / 2]);
  g_print ("BENCH channel.library_open_ms %.0f ms\n", library[N_LAUNCHES / 2]);
  g_print ("BENCH channel.open_vs_library_ratio %.2f ratio\n", ratio[N_LAUNCHES / 2]);
  g_print ("BENCH channel.open_cached_cpu_ms %.0f ms\n", channel_cpu[N_LAUNCHES / 2]);
  g_print ("BENCH channel.library_open_cpu_ms %.0f ms\n", library_cpu[N_LAUNCHES / 2]);
  g_print ("BENCH channel.open_vs_library_cpu_ratio %.2f ratio\n", cpu_ratio[N_LAUNCHES / 2]);
  g_print ("BENCH channel.open_frames_drawn %.0f frames\n", channel_drawn[N_LAUNCHES / 2]);
  g_print ("BENCH channel.library_open_frames_drawn %.0f frames\n", library_drawn[N_LAUNCHES / 2]);

  ssv_bench_child_stop (&child);
  ssv_test_remove_tree (dir);
  return 0;
}
