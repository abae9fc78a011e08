/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-ui-library.c: the app with the generated library (10,000 movies, 2,000 shows,
 * 100,000 episodes): time from main() to the first frame of the Library page with its
 * grid, in fresh processes (the first launch ever, then the median of nine more), beside
 * a bare AdwApplicationWindow with a header bar launched the same way in the same run (the
 * floor), then the widgets each bound card is made of (what every card costs to build,
 * style, measure and keep) and the resident memory after scrolling the whole movie grid
 * with posters, and how many bound cards hold a poster then. SSV_BENCH_MEMORY=1 adds
 * where that memory is (BENCH mem.* lines). A child process writes the library and
 * serves the posters, so neither its memory nor its work counts here. Run under
 * tests/run-in-session.sh --x11; GSK_RENDERER is respected. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <sqlite3.h>

#include "ssv-bench-library.h"
#include "pages/ssv-library-page.h"
#include "widgets/ssv-poster-card.h"
#include "widgets/ssv-poster-grid.h"
#include "ssv-test-utils.h"
#include "ssv-texture-loader.h"
#include "ssv-ui-test-utils.h"
#include "ssv-image-cache.h"

/* The generated library's movies (ssv_bench_library_init_default()). */
#define N_MOVIES 10000

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

/* With SSV_BENCH_MEMORY set: where the resident memory is (BENCH mem.<when>.* lines), from
 * /proc/self/smaps: the main heap, other anonymous memory (threads' malloc arenas, large
 * blocks, stacks), libraries and other files, and what SQLite and malloc say they hold. */
static void
print_memory (const char *when)
{
  g_autofree char *smaps = NULL;
  g_auto(GStrv) lines = NULL;
  double heap = 0, anon = 0, files = 0, other = 0;
  double *current = &other;

  if (g_getenv ("SSV_BENCH_MEMORY") == NULL ||
      !g_file_get_contents ("/proc/self/smaps", &smaps, NULL, NULL))
    return;

  lines = g_strsplit (smaps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      unsigned long start, end;
      char name[512] = "";
      double kb;

      if (sscanf (lines[i], "%lx-%lx %*s %*s %*s %*s %511[^\n]", &start, &end, name) >= 2 &&
          strchr (lines[i], '-') != NULL && lines[i][0] != ' ' && !g_str_has_suffix (lines[i], "kB"))
        {
          g_strstrip (name);
          current = g_str_equal (name, "[heap]") ? &heap : name[0] == '\0' ? &anon : name[0] == '/' ? &files : &other;
          continue;
        }
      if (sscanf (lines[i], "Rss: %lf kB", &kb) == 1)
        *current += kb / 1024.0;
    }
  g_print ("BENCH mem.%s.heap_mb %.1f MB\n", when, heap);
  g_print ("BENCH mem.%s.anon_mb %.1f MB\n", when, anon);
  g_print ("BENCH mem.%s.files_mb %.1f MB\n", when, files);
  g_print ("BENCH mem.%s.other_mb %.1f MB\n", when, other);
  g_print ("BENCH mem.%s.sqlite_mb %.1f MB\n", when, sqlite3_memory_used () / (1024.0 * 1024.0));
  {
    sqlite3_int64 cache = 0, high = 0;

    sqlite3_status64 (SQLITE_STATUS_PAGECACHE_OVERFLOW, &cache, &high, FALSE);
    g_print ("BENCH mem.%s.sqlite_page_cache_mb %.1f MB\n", when, cache / (1024.0 * 1024.0));
  }
#ifdef __GLIBC__
  {
    struct mallinfo2 info = mallinfo2 ();

    g_print ("BENCH mem.%s.malloc_in_use_mb %.1f MB\n", when, info.uordblks / (1024.0 * 1024.0));
    g_print ("BENCH mem.%s.malloc_free_mb %.1f MB\n", when, info.fordblks / (1024.0 * 1024.0));
    g_print ("BENCH mem.%s.malloc_mmapped_mb %.1f MB\n", when, info.hblkhd / (1024.0 * 1024.0));
    if (g_getenv ("SSV_BENCH_MALLOC_INFO") != NULL)
      malloc_info (0, stderr);
  }
#endif
}

/* With SSV_BENCH_MEMORY set, after the figures: the resident memory once 120 more frames
 * are drawn (the renderer lets go of what it no longer draws), then once malloc gave back
 * its free pages (what was fragmentation). */
static void
print_settled_memory (GtkWidget *window)
{
  if (g_getenv ("SSV_BENCH_MEMORY") == NULL)
    return;

  for (guint i = 0; i < 120; i++)
    {
      gtk_widget_queue_draw (window);
      ssv_ui_test_iterate (20);
    }
  g_print ("BENCH mem.after_frames.rss_mb %.1f MB\n", rss_mb ());
#ifdef __GLIBC__
  malloc_trim (0);
  g_print ("BENCH mem.after_trim.rss_mb %.1f MB\n", rss_mb ());
#endif
}

/* The cards @grid keeps bound after the scroll, and those of them that hold a poster. */
static void
print_cards_at_end (GtkWidget *grid)
{
  g_autoptr(GPtrArray) bound = ssv_poster_grid_dup_bound_cards (SSV_POSTER_GRID (grid));
  guint with_poster = 0;

  for (guint i = 0; i < bound->len; i++)
    with_poster += ssv_poster_card_get_has_poster (g_ptr_array_index (bound, i));
  g_print ("BENCH grid.cards_bound_at_end %u cards\n", bound->len);
  g_print ("BENCH grid.cards_with_poster_at_end %u cards\n", with_poster);
}

/* Processor time of every thread of this process so far, in ms: unlike the clock,
 * barely moved by other work on a shared machine. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

typedef struct
{
  GtkWindow *window;
  gboolean (*shown) (GtkWindow *window);
  gint64     first_frame_us;
  double     first_frame_cpu_ms;
  gulong     handler;
} Startup;

static gboolean
library_shown (GtkWindow *window)
{
  SsvPage *page = ssv_window_get_visible_page (SSV_WINDOW (window));
  g_autoptr(GPtrArray) cards = NULL;

  if (!SSV_IS_LIBRARY_PAGE (page) ||
      g_strcmp0 (ssv_library_page_get_state (SSV_LIBRARY_PAGE (page)), "content") != 0)
    return FALSE;

  cards = ssv_poster_grid_dup_bound_cards (SSV_POSTER_GRID (ssv_library_page_get_grid (SSV_LIBRARY_PAGE (page),
                                                                                         "movies")));
  return cards->len > 0;
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);

  return n;
}

/* Widgets per bound card of @grid, the card itself included. */
static double
widgets_per_card (GtkWidget *grid)
{
  g_autoptr(GPtrArray) cards = ssv_poster_grid_dup_bound_cards (SSV_POSTER_GRID (grid));
  guint n = 0;

  for (guint i = 0; i < cards->len; i++)
    n += count_widgets (g_ptr_array_index (cards, i));

  return cards->len > 0 ? n / (double) cards->len : 0;
}

static gboolean
bare_shown (GtkWindow *window)
{
  return TRUE;
}

/* After each frame: is this the one that showed what was waited for? */
static void
after_paint_cb (GdkFrameClock *clock,
                Startup       *startup)
{
  if (startup->first_frame_us == 0 && startup->shown (startup->window))
    {
      startup->first_frame_us = g_get_monotonic_time ();
      startup->first_frame_cpu_ms = cpu_ms ();
      /* For profiling the way to the first frame alone. */
      if (g_getenv ("SSV_BENCH_EXIT_AT_FIRST_FRAME") != NULL)
        _exit (0);
    }
}

/* Watches the frames of @window from its first one on. */
static void
window_realize_cb (GtkWidget *window,
                   Startup   *startup)
{
  if (startup->handler == 0)
    startup->handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                         G_CALLBACK (after_paint_cb), startup);
}

/* Runs the main loop until the first frame that shows what @startup waits for. */
static void
wait_for_first_frame (Startup *startup,
                      GType    window_type)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (startup->first_frame_us == 0 && g_get_monotonic_time () < deadline)
    {
      if (startup->window == NULL)
        {
          startup->window = GTK_WINDOW (ssv_ui_test_find_window (window_type));
          if (startup->window != NULL)
            {
              g_signal_connect (startup->window, "realize", G_CALLBACK (window_realize_cb), startup);
              if (gtk_widget_get_realized (GTK_WIDGET (startup->window)))
                window_realize_cb (GTK_WIDGET (startup->window), startup);
            }
        }
      if (startup->first_frame_us == 0)
        g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpint (startup->first_frame_us, >, 0);
}

/* Once the first frame is up: what is on screen settles, then "<ms> <rss MB> <cpu ms>"
 * on stdout. */
static void
print_launch (const Startup *startup)
{
  ssv_ui_test_iterate (1000);
  printf ("%.0f %.1f %.0f\n", (startup->first_frame_us - started_us) / 1000.0, rss_mb (),
          startup->first_frame_cpu_ms);
  fflush (stdout);
}

/* One launch, as a person starts the app: main() to the first frame showing the
 * grid. */
static int
launch (const char *db_path)
{
  Startup startup = { .shown = library_shown };
  SsvApplication *app;

  started_us = g_get_monotonic_time ();
  gtk_init ();
  adw_init ();

  app = ssv_ui_test_start_app (db_path);
  wait_for_first_frame (&startup, SSV_TYPE_WINDOW);
  /* The posters of the first screen arrive. */
  print_launch (&startup);

  ssv_ui_test_stop_app (app);
  return 0;
}

/* The floor: what any libadwaita app pays for a window with a header bar. */
static void
bare_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_window_set_title (GTK_WINDOW (window), "SoulSync Video");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), content);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

/* One launch of the bare window, started as the app is: main() to its first frame. */
static int
launch_bare (void)
{
  static guint serial;
  Startup startup = { .shown = bare_shown };
  g_autofree char *app_id = NULL;
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  started_us = g_get_monotonic_time ();
  gtk_init ();
  adw_init ();

  app_id = g_strdup_printf ("com.soulsync.Video.Bare%u", ++serial);
  app = adw_application_new (app_id, G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  wait_for_first_frame (&startup, ADW_TYPE_APPLICATION_WINDOW);
  print_launch (&startup);

  gtk_window_destroy (startup.window);
  return 0;
}

/* Runs one launch in a fresh process: the app with @db_path, or the bare window
 * without one. */
static double
run_launch (const char *self_path,
            const char *db_path,
            double     *rss,
            double     *cpu)
{
  const char *launch_argv[] = { self_path, db_path != NULL ? "--launch" : "--launch-bare", db_path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  double ms = -1;
  int status = 0;

  g_spawn_sync (NULL, (char **) launch_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (sscanf (out, "%lf %lf %lf", &ms, rss, cpu), ==, 3);
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
  SsvWindow *window;
  SsvApplication *app;
  GtkWidget *grid;
  GtkAdjustment *adjustment;
  SsvTextureLoader *loader;
  SsvBenchChild child;
  g_autofree char *url = NULL;
  gint64 deadline, scroll_start;
  guint steps = 0;
  const char *renderer;
  double first_ms, first_rss, rss = 0, launches[9], startup_rss = 0, grid_rss;
  double bare_launches[G_N_ELEMENTS (launches)], bare_rss[G_N_ELEMENTS (launches)];
  double app_cpu[G_N_ELEMENTS (launches)], bare_cpu[G_N_ELEMENTS (launches)], cpu;
  double app_ms, bare_ms, floor_rss, per_card;
  guint n_bound;

  if (argc > 2 && g_str_equal (argv[1], "--serve"))
    return serve (argv[2]);
  if (argc > 2 && g_str_equal (argv[1], "--launch"))
    return launch (argv[2]);
  if (argc > 1 && g_str_equal (argv[1], "--launch-bare"))
    return launch_bare ();

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

  /* For profiling the grid alone (SSV_BENCH_GRID_ONLY): one bare launch for the floor
   * (its first ever, so not the floor the figures compare with), no launch of the app. */
  if (g_getenv ("SSV_BENCH_GRID_ONLY") != NULL)
    {
      run_launch (argv[0], NULL, &floor_rss, &cpu);
      goto grid;
    }

  /* The first launch ever: no poster on disk, and the GL driver's shader cache
   * (Mesa's, under the fresh XDG_CACHE_HOME of run-in-session.sh) empty. Then
   * the launches a person makes every day, of which the median counts. */
  first_ms = run_launch (argv[0], db_path, &first_rss, &cpu);
  /* Turn about with the bare window, so load from elsewhere on the machine weighs
   * on both alike. */
  for (guint i = 0; i < G_N_ELEMENTS (launches); i++)
    {
      bare_launches[i] = run_launch (argv[0], NULL, &bare_rss[i], &bare_cpu[i]);
      launches[i] = run_launch (argv[0], db_path, &rss, &app_cpu[i]);
    }
  qsort (launches, G_N_ELEMENTS (launches), sizeof (double), compare_doubles);
  qsort (bare_launches, G_N_ELEMENTS (bare_launches), sizeof (double), compare_doubles);
  qsort (bare_rss, G_N_ELEMENTS (bare_rss), sizeof (double), compare_doubles);
  qsort (app_cpu, G_N_ELEMENTS (app_cpu), sizeof (double), compare_doubles);
  qsort (bare_cpu, G_N_ELEMENTS (bare_cpu), sizeof (double), compare_doubles);
  app_ms = launches[G_N_ELEMENTS (launches) / 2];
  bare_ms = bare_launches[G_N_ELEMENTS (bare_launches) / 2];
  floor_rss = bare_rss[G_N_ELEMENTS (bare_rss) / 2];

  g_print ("BENCH startup.first_frame_ms %.0f ms\n", app_ms);
  g_print ("BENCH startup.first_launch_ms %.0f ms\n", first_ms);
  g_print ("BENCH startup.rss_mb %.1f MB\n", rss);
  g_print ("BENCH startup.bare_window_ms %.0f ms\n", bare_ms);
  g_print ("BENCH startup.bare_window_rss_mb %.1f MB\n", floor_rss);
  g_print ("BENCH startup.vs_bare_ratio %.2f ratio\n", app_ms / bare_ms);
  g_print ("BENCH startup.cpu_ms %.0f ms\n", app_cpu[G_N_ELEMENTS (app_cpu) / 2]);
  g_print ("BENCH startup.bare_window_cpu_ms %.0f ms\n", bare_cpu[G_N_ELEMENTS (bare_cpu) / 2]);
  g_print ("BENCH startup.cpu_vs_bare_ratio %.2f ratio\n",
           app_cpu[G_N_ELEMENTS (app_cpu) / 2] / bare_cpu[G_N_ELEMENTS (bare_cpu) / 2]);
  renderer = g_getenv ("GSK_RENDERER");
  g_print ("BENCH startup.renderer %s\n", renderer != NULL && renderer[0] != '\0' ? renderer : "default");

  /* For profiling start-up alone. */
  if (g_getenv ("SSV_BENCH_STARTUP_ONLY") != NULL)
    goto out;

grid:
  gtk_init ();
  adw_init ();
  app = ssv_ui_test_start_app (db_path);
  window = ssv_ui_test_wait_for_window (app);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!library_shown (GTK_WINDOW (window)) && g_get_monotonic_time () < deadline)
    ssv_ui_test_iterate (20);
  g_assert_true (library_shown (GTK_WINDOW (window)));
  /* The first screen shows first; the rest of the movies come right after it. */
  while (g_list_model_get_n_items (ssv_library_page_get_visible_model (
           SSV_LIBRARY_PAGE (ssv_window_get_visible_page (window)))) < N_MOVIES &&
         g_get_monotonic_time () < deadline)
    ssv_ui_test_iterate (20);
  g_assert_cmpuint (g_list_model_get_n_items (ssv_library_page_get_visible_model (
                      SSV_LIBRARY_PAGE (ssv_window_get_visible_page (window)))), ==, N_MOVIES);
  ssv_ui_test_iterate (1000);
  startup_rss = rss_mb ();
  print_memory ("before_scroll");

  /* Scroll the whole movie grid, a screen at a time, as a person flicking through. */
  grid = ssv_library_page_get_grid (SSV_LIBRARY_PAGE (ssv_window_get_visible_page (window)), "movies");
  per_card = widgets_per_card (grid);
  {
    g_autoptr(GPtrArray) bound = ssv_poster_grid_dup_bound_cards (SSV_POSTER_GRID (grid));

    n_bound = bound->len;
  }
  adjustment = ssv_poster_grid_get_vadjustment (SSV_POSTER_GRID (grid));
  loader = ssv_texture_loader_get_default (ssv_window_get_context (window));
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

  grid_rss = rss_mb ();
  print_memory ("after_scroll");
  print_settled_memory (GTK_WIDGET (window));
  g_print ("BENCH grid.rss_mb %.1f MB\n", grid_rss);
  g_print ("BENCH grid.rss_over_bare_mb %.1f MB\n", grid_rss - floor_rss);
  g_print ("BENCH grid.rss_before_scroll_mb %.1f MB\n", startup_rss);
  g_print ("BENCH grid.cards_bound_at_start %u cards\n", n_bound);
  g_print ("BENCH grid.widgets_per_card %.2f widgets\n", per_card);
  g_print ("BENCH grid.scroll_s %.1f s\n", (g_get_monotonic_time () - scroll_start) / (double) G_USEC_PER_SEC);
  g_print ("BENCH grid.scroll_steps %u steps\n", steps);
  g_print ("BENCH grid.textures_mb %.1f MB\n", ssv_texture_loader_get_bytes (loader) / (1024.0 * 1024.0));
  print_cards_at_end (grid);
  g_print ("BENCH grid.posters_decoded %u posters\n", ssv_texture_loader_get_decodes (loader));
  g_print ("BENCH grid.posters_downloaded %u posters\n",
           ssv_image_cache_get_downloads (ssv_context_get_image_cache (ssv_window_get_context (window))));

  ssv_ui_test_stop_app (app);

out:
  ssv_bench_child_stop (&child);
  ssv_test_remove_tree (dir);
  return 0;
}
