/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-ui-library.c: the app with the generated library (10,000 movies, 2,000 shows,
 * 100,000 episodes): time from main() to the first frame of the Library page with its
 * grid, in fresh processes (the first launch ever, then the median of three more), then
 * the resident memory after scrolling the whole movie grid with posters. A child
 * process writes the library and serves the posters, so neither its memory nor its work
 * counts here. Run under tests/run-in-session.sh --x11; GSK_RENDERER is respected. */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "ssv-bench-library.h"
#include "ssv-library-page.h"
#include "ssv-poster-grid.h"
#include "ssv-test-utils.h"
#include "ssv-texture-loader.h"
#include "ssv-ui-test-utils.h"

static gint64 started_us;

/* Child: a poster server, and the library written with posters pointing at it. */
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
  g_clear_object (&db);
  ssv_bench_serve_until_closed (server);

  g_clear_pointer (&server, ssv_fake_server_free);
  ssv_bench_library_clear (&library);
  return 0;
}

static double
rss_mb (void)
{
  g_autofree char *statm = NULL;
  long pages = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%ld %ld", &pages, &resident) != 2)
    return -1;

  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

typedef struct
{
  SsvWindow *window;
  gint64     first_frame_us;
  gulong     handler;
} Startup;

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

/* After each frame: is this the one that showed the grid? */
static void
after_paint_cb (GdkFrameClock *clock,
                Startup       *startup)
{
  if (startup->first_frame_us == 0 && library_shown (startup->window))
    startup->first_frame_us = g_get_monotonic_time ();
}

/* One launch, as a person starts the app: main() to the first frame showing the
 * grid. Prints "<ms> <rss MB>" on stdout. */
static int
launch (const char *db_path)
{
  Startup startup = { 0 };
  SsvApplication *app;
  gint64 deadline;

  started_us = g_get_monotonic_time ();
  gtk_init ();
  adw_init ();

  app = ssv_ui_test_start_app (db_path);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (startup.first_frame_us == 0 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);

      if (startup.window == NULL)
        startup.window = SSV_WINDOW (ssv_ui_test_find_window (SSV_TYPE_WINDOW));
      if (startup.window != NULL && startup.handler == 0 && gtk_widget_get_realized (GTK_WIDGET (startup.window)))
        startup.handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (startup.window)),
                                            "after-paint", G_CALLBACK (after_paint_cb), &startup);
    }
  g_assert_cmpint (startup.first_frame_us, >, 0);

  /* The posters of the first screen arrive. */
  ssv_ui_test_iterate (1000);
  printf ("%.0f %.1f\n", (startup.first_frame_us - started_us) / 1000.0, rss_mb ());
  fflush (stdout);

  ssv_ui_test_stop_app (app);
  return 0;
}

static double
run_launch (const char *self_path,
            const char *db_path,
            double     *rss)
{
  const char *launch_argv[] = { self_path, "--launch", db_path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  double ms = -1;
  int status = 0;

  g_spawn_sync (NULL, (char **) launch_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (sscanf (out, "%lf %lf", &ms, rss), ==, 2);
  return ms;
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
  const char *child_argv[] = { argv[0], "--serve", NULL, NULL };
  Startup startup = { 0 };
  SsvApplication *app;
  GtkWidget *grid;
  GtkAdjustment *adjustment;
  SsvTextureLoader *loader;
  SsvBenchChild child;
  g_autofree char *url = NULL;
  gint64 deadline, scroll_start;
  guint steps = 0;
  const char *renderer;
  double first_ms, first_rss, rss = 0, launches[3], startup_rss = 0;

  if (argc > 2 && g_str_equal (argv[1], "--serve"))
    return serve (argv[2]);
  if (argc > 2 && g_str_equal (argv[1], "--launch"))
    return launch (argv[2]);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-ui-library needs a display: run it through tests/run-in-session.sh --x11\n");
      return 77;
    }

  dir = ssv_test_make_temp_dir ();
  db_path = g_build_filename (dir, "library.db", NULL);
  cache_dir = g_build_filename (dir, "cache", NULL);
  child_argv[2] = db_path;

  /* The child is ready once it has written the library and says where posters are. */
  url = ssv_bench_child_spawn (&child, child_argv);

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("SSV_CACHE_DIR", cache_dir, TRUE);

  /* The first launch ever: no poster on disk, and the GL driver's shader cache
   * (Mesa's, under the fresh XDG_CACHE_HOME of run-in-session.sh) empty. Then
   * the launches a person makes every day, of which the median counts. */
  first_ms = run_launch (argv[0], db_path, &first_rss);
  for (guint i = 0; i < G_N_ELEMENTS (launches); i++)
    launches[i] = run_launch (argv[0], db_path, &rss);
  qsort (launches, G_N_ELEMENTS (launches), sizeof (double), compare_doubles);

  g_print ("BENCH startup.first_frame_ms %.0f ms\n", launches[G_N_ELEMENTS (launches) / 2]);
  g_print ("BENCH startup.first_launch_ms %.0f ms\n", first_ms);
  g_print ("BENCH startup.rss_mb %.1f MB\n", rss);
  renderer = g_getenv ("GSK_RENDERER");
  g_print ("BENCH startup.renderer %s\n", renderer != NULL && renderer[0] != '\0' ? renderer : "default");

  /* For profiling start-up alone. */
  if (g_getenv ("SSV_BENCH_STARTUP_ONLY") != NULL)
    goto out;

  gtk_init ();
  adw_init ();
  app = ssv_ui_test_start_app (db_path);
  startup.window = ssv_ui_test_wait_for_window (app);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!library_shown (startup.window) && g_get_monotonic_time () < deadline)
    ssv_ui_test_iterate (20);
  g_assert_true (library_shown (startup.window));
  ssv_ui_test_iterate (1000);
  startup_rss = rss_mb ();

  /* Scroll the whole movie grid, a screen at a time, as a person flicking through. */
  grid = ssv_library_page_get_grid (SSV_LIBRARY_PAGE (ssv_window_get_visible_page (startup.window)), "movies");
  adjustment = ssv_poster_grid_get_vadjustment (SSV_POSTER_GRID (grid));
  loader = ssv_texture_loader_get_default (ssv_window_get_context (startup.window));
  scroll_start = g_get_monotonic_time ();
  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment) - 1)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment) * 0.9);
      ssv_ui_test_iterate (25);
      steps++;
    }
  /* Let the last screen's posters arrive. */
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (ssv_texture_loader_get_pending (loader) > 0 && g_get_monotonic_time () < deadline)
    ssv_ui_test_iterate (50);
  ssv_ui_test_iterate (500);

  g_print ("BENCH grid.rss_mb %.1f MB\n", rss_mb ());
  g_print ("BENCH grid.rss_before_scroll_mb %.1f MB\n", startup_rss);
  g_print ("BENCH grid.scroll_s %.1f s\n", (g_get_monotonic_time () - scroll_start) / (double) G_USEC_PER_SEC);
  g_print ("BENCH grid.scroll_steps %u steps\n", steps);
  g_print ("BENCH grid.textures_mb %.1f MB\n", ssv_texture_loader_get_bytes (loader) / (1024.0 * 1024.0));
  g_print ("BENCH grid.posters_decoded %u posters\n", ssv_texture_loader_get_decodes (loader));
  g_print ("BENCH grid.posters_downloaded %u posters\n",
           ssv_image_cache_get_downloads (ssv_context_get_image_cache (ssv_window_get_context (startup.window))));

  ssv_ui_test_stop_app (app);

out:
  ssv_bench_child_stop (&child);
  ssv_test_remove_tree (dir);
  return 0;
}
