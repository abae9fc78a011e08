/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-crash-safety.c: a child process scanning the generated library from a fake Jellyfin is
 * killed with SIGKILL at random moments (seeded, reproducible with SSV_CRASH_SEED); after each
 * kill the library file is intact, holds everything the last complete scan stored and what the
 * person owns, and the next scan completes with the full library. */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "ssv-bench-library.h"
#include "sources/ssv-jellyfin-source.h"
#include "sources/ssv-scanner.h"
#include "stores/ssv-server-store.h"
#include "ssv-test-utils.h"

/* Small enough for CI (twice: plain and ASan), large enough that a scan takes many
 * pages and show transactions to kill it in. */
#define N_MOVIES    400
#define N_SHOWS     30
#define N_EPISODES  600     /* twenty to a show, in two seasons */
#define PAGE_SIZE   40

static const char *self_path;

/* ---- the children ------------------------------------------------------------------ */

/* Serves the library twice, as saved at two moments, so each scan has rows to rewrite;
 * prints both URLs, then serves until stdin closes. */
static int
serve (void)
{
  SsvBenchLibrary first, second;
  g_autoptr(SsvFakeServer) server_a = ssv_fake_server_new ();
  g_autoptr(SsvFakeServer) server_b = ssv_fake_server_new ();

  ssv_bench_library_init_default (&first);
  first.n_movies = N_MOVIES;
  first.n_shows = N_SHOWS;
  first.n_episodes = N_EPISODES;
  second = first;
  second.saved_at += 3600;

  ssv_bench_library_serve (&first, server_a);
  ssv_bench_library_serve (&second, server_b);
  printf ("%s\n", ssv_fake_server_get_url (server_a));
  ssv_bench_serve_until_closed (server_b);

  g_clear_pointer (&server_a, ssv_fake_server_free);
  g_clear_pointer (&server_b, ssv_fake_server_free);
  return 0;
}

static void
report_progress (SsvScanner *scanner,
                 const char *phase,
                 const char *source_name,
                 guint       done,
                 guint       total,
                 gpointer    user_data)
{
  printf ("progress %u %s\n", done, phase);
  fflush (stdout);
}

/* Scans server 1 of @db_path from @url in @mode_text, saying how far it got as it goes;
 * the last line sums the scan up. */
static int
scan_child (const char *db_path,
            const char *url,
            const char *mode_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);
  g_autoptr(SsvLibraryStore) store = NULL;
  g_autoptr(SsvHttp) http = NULL;
  g_autoptr(SsvSecrets) secrets = NULL;
  g_autoptr(SsvScanner) scanner = NULL;
  g_autoptr(SsvMediaSource) source = NULL;
  g_autoptr(SsvScanResult) result = NULL;
  SsvScanMode mode;

  if (db == NULL)
    {
      fprintf (stderr, "scan child: %s\n", error->message);
      return 1;
    }
  g_assert_true (ssv_scan_mode_from_string (mode_text, &mode));

  store = ssv_library_store_new (db);
  http = ssv_http_new ();
  secrets = ssv_secrets_new ();
  scanner = ssv_scanner_new (db, store, http, secrets);
  source = SSV_MEDIA_SOURCE (ssv_jellyfin_source_new (http, url, SSV_BENCH_API_KEY, NULL));
  ssv_jellyfin_source_set_page_size (SSV_JELLYFIN_SOURCE (source), PAGE_SIZE);
  ssv_scanner_set_progress_func (scanner, report_progress, NULL);

  result = ssv_scan_result_new (mode);
  if (!ssv_scanner_scan_source_sync (scanner, source, 1, mode, result, NULL, &error))
    {
      fprintf (stderr, "scan child: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < result->messages->len; i++)
    fprintf (stderr, "scan child: %s\n", (char *) g_ptr_array_index (result->messages, i));

  printf ("finished %u %u %u %u\n", result->errors, result->removed, result->held, result->skipped);
  fflush (stdout);
  return 0;
}

/* ---- the parent --------------------------------------------------------------------- */

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *out;
} Child;

static void
child_start (Child               *child,
             GSubprocessFlags     flags,
             const char * const  *argv)
{
  g_autoptr(GError) error = NULL;

  child->process = g_subprocess_newv (argv, flags | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  child->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child->process));
}

static char *
child_read_line (Child *child)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (child->out, NULL, NULL, &error);

  g_assert_no_error (error);
  return line;
}

static void
child_clear (Child *child)
{
  g_clear_object (&child->out);
  g_clear_object (&child->process);
}

/* What a complete scan stored and the next must still have: every title, episode and
 * file by its source's identity, and the rows that are the person's. */
static char *
library_identity (SsvDatabase *db)
{
  static const char * const queries[] = {
    "SELECT count(*) || ':' || coalesce (group_concat (server_id, ','), '') FROM "
    "(SELECT server_id FROM movies ORDER BY server_id)",
    "SELECT count(*) || ':' || coalesce (group_concat (server_id, ','), '') FROM "
    "(SELECT server_id FROM shows ORDER BY server_id)",
    "SELECT count(*) || ':' || coalesce (group_concat (k, ','), '') FROM (SELECT s.server_id || '/' || "
    "e.season_number || 'x' || e.episode_number || '/' || coalesce (e.source, '') AS k FROM episodes e "
    "JOIN shows s ON s.id = e.show_id ORDER BY k)",
    "SELECT count(*) || ':' || coalesce (group_concat (path, ','), '') FROM "
    "(SELECT path FROM media_files ORDER BY path)",
    "SELECT count(*) || ':' || coalesce (group_concat (k, ','), '') FROM (SELECT provider || '/' || "
    "coalesce (s.server_id, '') AS k FROM enrichment_status x LEFT JOIN shows s ON s.id = x.show_id ORDER BY k)",
    "SELECT count(*) || ':' || coalesce (group_concat (source_id, ','), '') FROM "
    "(SELECT source_id FROM watchlist ORDER BY source_id)",
    "SELECT count(*) || ':' || coalesce (group_concat (source_id, ','), '') FROM "
    "(SELECT source_id FROM wishlist ORDER BY source_id)",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *part = ssv_test_query_text (db, queries[i]);

      g_string_append_printf (out, "%s\n", part);
    }

  return g_string_free (out, FALSE);
}

static void
check_intact (const char *db_path,
              const char *expected,
              guint       round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);
  g_autofree char *integrity = NULL;
  g_autofree char *identity = NULL;

  g_assert_no_error (error);
  integrity = ssv_test_query_text (db, "PRAGMA integrity_check");
  if (g_strcmp0 (integrity, "ok") != 0)
    g_error ("Round %u: the library file is damaged: %s", round, integrity);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  identity = library_identity (db);
  if (g_strcmp0 (identity, expected) != 0)
    {
      static const char * const parts[] = {
        "movies", "shows", "episodes", "files", "enrichment", "follows", "wishes",
      };
      g_auto(GStrv) now = g_strsplit (identity, "\n", -1);
      g_auto(GStrv) before = g_strsplit (expected, "\n", -1);

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        if (g_strcmp0 (now[i], before[i]) != 0)
          g_test_message ("Round %u: %s differ: %.*s... (now) against %.*s... (before)", round, parts[i],
                          12, now[i], 12, before[i]);
      g_error ("Round %u: the killed scan lost what the last complete scan stored", round);
    }
}

/* After a complete scan every title is as that version of the server has it, not
 * half of it from the version a killed scan was writing. */
static void
check_one_version (const char *db_path,
                   guint       round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

  g_assert_no_error (error);
  if (ssv_test_query_int (db, "SELECT count(DISTINCT updated_at) FROM movies") != 1 ||
      ssv_test_query_int (db, "SELECT count(DISTINCT updated_at) FROM shows") != 1 ||
      ssv_test_query_int (db, "SELECT count(*) FROM movies WHERE scan_hash IS NULL") != 0)
    g_error ("Round %u: a complete scan left titles of two versions of the server", round);
}

/* Runs a scan to its end; it must finish cleanly. */
static void
complete_scan (const char *db_path,
               const char *url,
               const char *mode)
{
  const char *argv[] = { self_path, "--scan", db_path, url, mode, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  Child child = { 0 };
  char *line;

  child_start (&child, G_SUBPROCESS_FLAGS_NONE, argv);
  while ((line = child_read_line (&child)) != NULL)
    {
      g_free (last);
      last = line;
    }
  g_assert_true (g_subprocess_wait (child.process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (child.process));
  g_assert_cmpint (g_subprocess_get_exit_status (child.process), ==, 0);
  /* No errors, nothing removed, nothing held, nothing skipped. */
  g_assert_cmpstr (last, ==, "finished 0 0 0 0");
  child_clear (&child);
}

/* Starts a scan and kills it once it said it is at @target or beyond. Returns
 * whether the kill came before the scan ended by itself. */
static gboolean
killed_scan (const char *db_path,
             const char *url,
             const char *mode,
             guint       target)
{
  const char *argv[] = { self_path, "--scan", db_path, url, mode, NULL };
  g_autoptr(GError) error = NULL;
  Child child = { 0 };
  gboolean killed = FALSE;
  char *line;

  child_start (&child, G_SUBPROCESS_FLAGS_NONE, argv);
  while ((line = child_read_line (&child)) != NULL)
    {
      guint done = 0;
      gboolean reached = sscanf (line, "progress %u", &done) == 1 && done >= target;

      g_free (line);
      if (reached)
        {
          g_subprocess_send_signal (child.process, SIGKILL);
          break;
        }
    }

  g_assert_true (g_subprocess_wait (child.process, NULL, &error));
  g_assert_no_error (error);
  killed = g_subprocess_get_if_signaled (child.process) && g_subprocess_get_term_sig (child.process) == SIGKILL;
  if (!killed)
    g_assert_cmpint (g_subprocess_get_exit_status (child.process), ==, 0);
  child_clear (&child);

  return killed;
}

/* The server row, its mapping, and rows that are the person's: a follow, a wish,
 * and episodes enrichment added that no server lists. */
static void
prepare_library (const char *db_path,
                 const char *url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);
  g_autoptr(GPtrArray) mapping = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);
  gint64 row;

  g_assert_no_error (error);
  g_assert_true (ssv_server_store_add (db, "jellyfin", "Bench Jellyfin", url, NULL, &row, NULL, &error));
  g_assert_cmpint (row, ==, 1);
  g_ptr_array_add (mapping, ssv_media_library_new (SSV_BENCH_MOVIES_LIBRARY, "Movies", SSV_LIBRARY_KIND_MOVIES));
  g_ptr_array_add (mapping, ssv_media_library_new (SSV_BENCH_SHOWS_LIBRARY, "Shows", SSV_LIBRARY_KIND_SHOWS));
  g_assert_true (ssv_server_store_set_libraries (db, row, mapping, &error));
  g_assert_true (ssv_database_exec (db,
                                    "INSERT INTO watchlist (kind, source, source_id, title) "
                                    "VALUES ('person', 'tmdb', '819', 'Edward Norton');"
                                    "INSERT INTO wishlist (kind, source, source_id, title) "
                                    "VALUES ('movie', 'tmdb', '949', 'Heat');", &error));
  g_assert_no_error (error);
}

static void
add_enrichment_rows (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

  g_assert_no_error (error);
  g_assert_true (ssv_database_exec (db,
    "INSERT INTO episodes (show_id, season_number, episode_number, title, air_date, source) "
    "SELECT id, 99, 1, 'Coming Soon', '2031-01-01', 'tmdb' FROM shows ORDER BY id LIMIT 5;"
    "INSERT INTO enrichment_status (provider, show_id, status, attempts, last_attempt_at, synced_at, "
    "episodes_synced) SELECT 'tmdb', id, 'matched', 1, 1700000000, 1700000000, 1 FROM shows ORDER BY id LIMIT 5;",
    &error));
  g_assert_no_error (error);
}

static void
run_kills (guint n_kills)
{
  const char *serve_argv[] = { self_path, "--serve", NULL };
  const char *modes[] = { "full", "deep", "full" };
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *url_a = NULL;
  g_autofree char *url_b = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GError) error = NULL;
  const char *seed_text = g_getenv ("SSV_CRASH_SEED");
  guint32 seed = seed_text ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : (guint32) g_test_rand_int ();
  guint kills = 0;
  guint round = 0;
  Child server = { 0 };

  g_test_message ("crash-safety seed %u (repeat with SSV_CRASH_SEED=%u)", seed, seed);
  rand = g_rand_new_with_seed (seed);

  child_start (&server, G_SUBPROCESS_FLAGS_STDIN_PIPE, serve_argv);
  url_a = child_read_line (&server);
  url_b = child_read_line (&server);
  g_assert_nonnull (url_b);

  /* A complete scan first: from here on, what it stored must survive every kill. */
  prepare_library (db_path, url_a);
  complete_scan (db_path, url_a, "full");
  add_enrichment_rows (db_path);
  {
    g_autoptr(SsvDatabase) db = ssv_database_open (db_path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM movies"), ==, N_MOVIES);
    g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM episodes WHERE source IS NULL"), ==, N_EPISODES);
    expected = library_identity (db);
  }

  /* Each round reads the other version of the server, so the scan rewrites rows when
   * it is killed; a round the scan outran (it finished first) does not count. */
  while (kills < n_kills)
    {
      const char *url = round % 2 == 0 ? url_b : url_a;
      const char *mode = modes[g_rand_int_range (rand, 0, G_N_ELEMENTS (modes))];
      /* Half the kills among the movies' pages, half among the shows' transactions. */
      guint target = g_rand_boolean (rand) ? (guint) g_rand_int_range (rand, 0, N_MOVIES)
                                           : N_MOVIES + (guint) g_rand_int_range (rand, 0, N_SHOWS);

      g_assert_cmpuint (round, <, n_kills * 3);
      round++;

      if (!killed_scan (db_path, url, mode, target))
        continue;
      kills++;
      g_test_message ("round %u: %s scan killed at %u of %u", round, mode, target, N_MOVIES + N_SHOWS);

      check_intact (db_path, expected, round);
      complete_scan (db_path, url, mode);
      check_intact (db_path, expected, round);
      check_one_version (db_path, round);
    }

  g_output_stream_close (g_subprocess_get_stdin_pipe (server.process), NULL, NULL);
  g_assert_true (g_subprocess_wait (server.process, NULL, &error));
  child_clear (&server);
  ssv_test_remove_tree (dir);
}

static void
test_sigkill_during_scans (void)
{
  const char *kills = g_getenv ("SSV_CRASH_KILLS");

  run_kills (kills ? (guint) g_ascii_strtoull (kills, NULL, 10) : 20);
}

int
main (int    argc,
      char **argv)
{
  self_path = argv[0];

  if (argc == 2 && g_str_equal (argv[1], "--serve"))
    return serve ();
  if (argc == 5 && g_str_equal (argv[1], "--scan"))
    return scan_child (argv[2], argv[3], argv[4]);

  ssv_test_init (&argc, &argv);
  g_test_add_func ("/crash-safety/sigkill-during-scans", test_sigkill_during_scans);

  return g_test_run ();
}
