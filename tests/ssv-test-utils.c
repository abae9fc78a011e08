/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-test-utils.c: helpers shared by the test programs. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "stores/ssv-server-store.h"
#include "ssv-test-utils.h"

/* Every test gets its own HOME and XDG folders, so nothing touches the
 * developer's real library, cache or keyring settings. */
void
ssv_test_init (int    *argc,
               char ***argv)
{
  /* Each test case gets fresh HOME and XDG folders (G_TEST_OPTION_ISOLATE_DIRS). */
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* Isolated dirs hide the desktop's proxy schemas; every test talks to 127.0.0.1. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_unsetenv ("SSV_DATABASE_PATH");
  g_unsetenv ("SSV_CACHE_DIR");
}

char *
ssv_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ssv-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
ssv_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      ssv_test_remove_tree (child);
    }
  g_rmdir (path);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until @condition holds; FALSE on timeout. */
gboolean
ssv_test_wait_for (gboolean (*condition) (gpointer),
                   gpointer   data,
                   guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (source);

  return !timed_out;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

typedef struct
{
  SsvWorker      *worker;
  SsvWorkerState  state;
} StateWait;

static gboolean
in_state (gpointer data)
{
  StateWait *wait = data;

  return ssv_worker_get_state (wait->worker) == wait->state;
}

/* Iterates the main context until @worker is in @state; fails the test on timeout. */
void
ssv_test_wait_for_worker_state (SsvWorker      *worker,
                                SsvWorkerState  state,
                                guint           timeout_ms)
{
  StateWait wait = { worker, state };

  if (!ssv_test_wait_for (in_state, &wait, timeout_ms))
    g_error ("%s stayed %s instead of becoming %s", ssv_worker_get_name (worker),
             ssv_worker_state_to_string (ssv_worker_get_state (worker)), ssv_worker_state_to_string (state));

  /* The state is read live from the worker thread; what it reported before it
   * got there (item-done, progress) is already queued here: deliver it. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
ssv_test_wait_for_flag (gboolean *flag,
                        guint     timeout_ms)
{
  if (!ssv_test_wait_for (flag_set, flag, timeout_ms))
    g_error ("Timed out after %u ms waiting for an async result", timeout_ms);
}

gint64
ssv_test_query_int (SsvDatabase *db,
                    const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ssv_stmt_step (stmt, &error), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

typedef struct
{
  SsvDatabase *db;
  const char  *sql;
  gint64       expected;
} QueryWait;

static gboolean
query_is (gpointer data)
{
  QueryWait *wait = data;

  return ssv_test_query_int (wait->db, wait->sql) == wait->expected;
}

/* Iterates the main context until @sql's one number is @expected; FALSE if it is not within
 * @timeout_ms (another process, such as the app, writes the row). */
gboolean
ssv_test_wait_for_query_int (SsvDatabase *db,
                             const char  *sql,
                             gint64       expected,
                             guint        timeout_ms)
{
  QueryWait wait = { db, sql, expected };

  return ssv_test_wait_for (query_is, &wait, timeout_ms);
}

char *
ssv_test_query_text (SsvDatabase *db,
                     const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  if (ssv_stmt_step (stmt, &error) != SQLITE_ROW)
    return NULL;
  return ssv_stmt_dup_text (stmt, 0);
}

/* Every row of @table (only @columns, comma separated) as text, in rowid order. */
char *
ssv_test_dump_table (SsvDatabase *db,
                     const char  *table,
                     const char  *columns)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM \"%s\" ORDER BY rowid", columns, table);
  sqlite3 *handle = ssv_database_get_handle (db, &error);
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      /* WITHOUT ROWID tables: order by every column instead. */
      g_free (sql);
      sql = g_strdup_printf ("SELECT %s FROM \"%s\" ORDER BY %s", columns, table, columns);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (out, "%s%s", i ? "|" : "", text ? text : "∅");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * ssv_test_open_temp_database:
 * @dir_out: (out): the new temp folder the library lives in
 * @path_out: (out) (optional): the library file, to open it again
 *
 * A fresh, migrated library.db in a temp folder of its own: the fixture of
 * every store test. Close it with ssv_test_close_temp_database().
 */
SsvDatabase *
ssv_test_open_temp_database (char **dir_out,
                             char **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  SsvDatabase *db;

  *dir_out = ssv_test_make_temp_dir ();
  path = g_build_filename (*dir_out, "library.db", NULL);
  db = ssv_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return db;
}

/* Drops @db (after the stores that use it) and removes its folder. */
void
ssv_test_close_temp_database (SsvDatabase **db,
                              char        **dir)
{
  g_clear_object (db);
  ssv_test_remove_tree (*dir);
  g_clear_pointer (dir, g_free);
}

/**
 * ssv_test_add_jellyfin_server:
 * @shows_name: the name of the shows library
 * @row: (out): the server's row
 *
 * A fake Jellyfin on @server with the libraries "lib-movies" ("Films") and
 * "lib-shows" (@shows_name), added to @db as the server "Home" with both
 * mapped, as the server dialog would.
 *
 * Returns: (transfer full): the fake
 */
SsvFakeJellyfin *
ssv_test_add_jellyfin_server (SsvDatabase   *db,
                              SsvFakeServer *server,
                              const char    *api_key,
                              const char    *shows_name,
                              gint64        *row)
{
  g_autoptr(GPtrArray) libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);
  g_autoptr(GError) error = NULL;
  SsvFakeJellyfin *jellyfin = ssv_fake_jellyfin_new (server, api_key);

  ssv_fake_jellyfin_add_library (jellyfin, "lib-movies", "Films", "movies");
  ssv_fake_jellyfin_add_library (jellyfin, "lib-shows", shows_name, "tvshows");

  g_assert_true (ssv_server_store_add (db, "jellyfin", "Home", ssv_fake_server_get_url (server), NULL, row,
                                       NULL, &error));
  g_assert_no_error (error);
  g_ptr_array_add (libraries, ssv_media_library_new ("lib-movies", "Films", SSV_LIBRARY_KIND_MOVIES));
  g_ptr_array_add (libraries, ssv_media_library_new ("lib-shows", shows_name, SSV_LIBRARY_KIND_SHOWS));
  g_assert_true (ssv_server_store_set_libraries (db, *row, libraries, &error));
  g_assert_no_error (error);

  return jellyfin;
}

/**
 * ssv_test_load_corpus_names:
 *
 * Returns: (transfer container) (element-type utf8): the "name" of every line
 *   of the release-name corpora in tests/corpus
 */
GPtrArray *
ssv_test_load_corpus_names (void)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (SSV_CORPUS_DIR, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *file;

  g_assert_nonnull (dir);
  while ((file = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (SSV_CORPUS_DIR, file, NULL);
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_str_has_suffix (file, ".jsonl") || !g_file_get_contents (path, &text, NULL, NULL))
        continue;
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          JsonObject *row;

          if (lines[i][0] == '\0' || !json_parser_load_from_data (parser, lines[i], -1, NULL))
            continue;
          row = json_node_get_object (json_parser_get_root (parser));
          if (json_object_has_member (row, "name"))
            g_ptr_array_add (names, g_strdup (json_object_get_string_member (row, "name")));
        }
    }
  return names;
}

/**
 * ssv_test_profile_with_formats:
 * @formats: ssv_custom_format_new_defaults(); formats are added to it until it has @n_formats
 *
 * The default "Any" profile with every format of @formats scored (some below zero), the
 * added ones matching release groups or words, each with a required size range: what the
 * decide benchmark judges under and the decision digest checks.
 *
 * Returns: (transfer full)
 */
SsvQualityProfile *
ssv_test_profile_with_formats (GPtrArray *formats,
                               guint      n_formats)
{
  static const char * const groups[] = { "NTb", "FLUX", "CMRG", "TEPES", "HONE", "SiC", "playWEB", "EDITH" };
  static const char * const words[] = { "\\bREPACK\\b", "\\bDV\\b|DoVi", "\\bIMAX\\b", "\\bHDR10\\+", "Criterion" };
  g_autoptr(GPtrArray) profiles = ssv_quality_profile_new_defaults (formats);
  SsvQualityProfile *profile = ssv_quality_profile_ref (g_ptr_array_index (profiles, 2));
  guint i = 0;

  while (formats->len < n_formats)
    {
      g_autofree char *name = g_strdup_printf ("Bench format %u", i);
      SsvCustomFormat *format = ssv_custom_format_new (name);

      if (i < G_N_ELEMENTS (groups))
        ssv_custom_format_add_condition (format, SSV_CONDITION_RELEASE_GROUP, groups[i], 0, 0, FALSE, FALSE, NULL);
      else
        ssv_custom_format_add_condition (format, SSV_CONDITION_TITLE, words[i % G_N_ELEMENTS (words)], 0, 0, FALSE,
                                         FALSE, NULL);
      ssv_custom_format_add_condition (format, SSV_CONDITION_SIZE, NULL, 1, 60, FALSE, TRUE, NULL);
      g_ptr_array_add (formats, format);
      i++;
    }
  for (guint f = 0; f < formats->len; f++)
    ssv_quality_profile_set_format_score (profile, g_ptr_array_index (formats, f), (int) (f * 37 % 200) - 50);
  return profile;
}

/* The item a release name names, as a search for it would have it. */
SsvSearchItem *
ssv_test_item_named_by (const char *name)
{
  SsvRelease r;

  ssv_release_parse (name, &r);
  if (r.type == SSV_RELEASE_TYPE_EPISODE && r.n_seasons > 0 && r.n_episodes > 0)
    return ssv_search_item_new_episode (r.title, r.seasons[0], r.episodes[0]);
  if (r.type == SSV_RELEASE_TYPE_EPISODE && r.n_seasons > 0)
    return ssv_search_item_new_season (r.title, r.seasons[0]);
  return ssv_search_item_new_movie (r.title, r.year);
}

/* Stores @key as @provider's API key in the keyring, as Preferences does; %NULL removes it. */
void
ssv_test_store_api_key (SsvSecrets *secrets,
                        const char *provider,
                        const char *key)
{
  g_autofree char *name = g_strconcat ("api-key:", provider, NULL);
  g_autoptr(GError) error = NULL;

  ssv_secrets_store_sync (secrets, name, "test key", key, NULL, &error);
  g_assert_no_error (error);
}
