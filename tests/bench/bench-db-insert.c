/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-db-insert.c: raw insert throughput into the library schema, the ceiling
 * every later bulk write (scans, enrichment) is compared against. */

#include "config.h"

#include "ssv-database.h"
#include "ssv-test-utils.h"

#define N_ROWS      200000
#define BATCH       1000

static double
insert_movies (SsvDatabase *db,
               guint        n_rows)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  for (guint done = 0; done < n_rows; done += BATCH)
    {
      g_assert_true (ssv_database_begin (db, &error));
      for (guint i = done; i < done + BATCH && i < n_rows; i++)
        {
          g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
            "INSERT INTO movies (server_source, server_id, title, sort_title, year, overview,"
            " runtime_minutes, tmdb_id, imdb_id, added_at, updated_at)"
            " VALUES (1, ?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", &error);
          char server_id[32], title[64], imdb[16];

          g_snprintf (server_id, sizeof server_id, "item-%u", i);
          g_snprintf (title, sizeof title, "Generated Movie Number %u", i);
          g_snprintf (imdb, sizeof imdb, "tt%07u", i);
          sqlite3_bind_text (stmt, 1, server_id, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 3, 1950 + (int) (i % 75));
          sqlite3_bind_text (stmt, 4, "A short overview of a generated movie, about as long as a real one.",
                             -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 5, 90 + (int) (i % 60));
          sqlite3_bind_int (stmt, 6, (int) i + 1);
          sqlite3_bind_text (stmt, 7, imdb, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 8, 1700000000 + i);
          g_assert_true (ssv_stmt_step_done (stmt, &error));
        }
      g_assert_true (ssv_database_commit (db, &error));
    }

  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

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
  insert_movies (db, BATCH);
  ssv_database_exec (db, "DELETE FROM movies", &error);

  seconds = insert_movies (db, N_ROWS);
  g_print ("BENCH db.insert_rows_per_s %.0f rows/s\n", N_ROWS / seconds);
  g_print ("BENCH db.insert_total_s %.3f s\n", seconds);

  g_clear_object (&db);
  ssv_test_remove_tree (dir);
  return 0;
}
