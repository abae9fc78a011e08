/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-db-insert.c: raw insert throughput into the library schema, the ceiling
 * every later bulk write (scans, enrichment) is compared against. */

#include "config.h"

#include "ssv-bench-library.h"
#include "ssv-test-utils.h"

#define N_ROWS      200000

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = ssv_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (path, &error);
  double seconds;

  g_assert_no_error (error);
  ssv_database_exec (db, "INSERT INTO servers (id, kind, name, url) VALUES (1, 'jellyfin', 'b', 'http://b')", &error);
  g_assert_no_error (error);

  /* Warm the statement cache and the file, then measure. */
  ssv_bench_insert_movies (db, 1000);
  ssv_database_exec (db, "DELETE FROM movies", &error);

  seconds = ssv_bench_insert_movies (db, N_ROWS);
  g_print ("BENCH db.insert_rows_per_s %.0f rows/s\n", N_ROWS / seconds);
  g_print ("BENCH db.insert_total_s %.3f s\n", seconds);

  g_clear_object (&db);
  ssv_test_remove_tree (dir);
  return 0;
}
