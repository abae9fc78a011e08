/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-database.c: one SQLite file, one connection per thread, additive migrations. */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ssv-database-private.h"
#include "ssv-error.h"
#include "ssv-core-resources.h"
#include "ssv-locked-fields.h"
#include "ssv-migration-guard-private.h"

#define SCHEMA_RESOURCE_DIR "/com/soulsync/Video/core/schema/"
#define BUSY_TIMEOUT_MS     30000

/* A connection belongs to one thread and one database. The database keeps a
 * reference so it can close every connection when it goes away; the thread
 * keeps one so the connection closes when the thread exits. */
typedef struct
{
  gatomicrefcount  ref;
  GMutex           lock;
  sqlite3         *handle;
  GHashTable      *stmts;      /* SQL text → sqlite3_stmt */
  guint64          db_serial;
} SsvConnection;

struct _SsvDatabase
{
  GObject     parent_instance;

  char       *path;
  guint64     serial;
  guint       schema_version;

  GMutex      lock;
  GPtrArray  *connections;
};

G_DEFINE_FINAL_TYPE (SsvDatabase, ssv_database, G_TYPE_OBJECT)

static guint64 next_serial = 1;
G_LOCK_DEFINE_STATIC (next_serial);

static void thread_connections_free (gpointer data);
static GPrivate thread_connections = G_PRIVATE_INIT (thread_connections_free);

static void
connection_close (SsvConnection *conn)
{
  g_mutex_lock (&conn->lock);
  if (conn->handle != NULL)
    {
      g_clear_pointer (&conn->stmts, g_hash_table_unref);
      sqlite3_close_v2 (conn->handle);
      conn->handle = NULL;
    }
  g_mutex_unlock (&conn->lock);
}

static SsvConnection *
connection_ref (SsvConnection *conn)
{
  g_atomic_ref_count_inc (&conn->ref);
  return conn;
}

static void
connection_unref (gpointer data)
{
  SsvConnection *conn = data;

  if (g_atomic_ref_count_dec (&conn->ref))
    {
      connection_close (conn);
      g_mutex_clear (&conn->lock);
      g_free (conn);
    }
}

static void
thread_connections_free (gpointer data)
{
  GPtrArray *conns = data;

  for (guint i = 0; i < conns->len; i++)
    connection_close (g_ptr_array_index (conns, i));
  g_ptr_array_unref (conns);
}

static GPtrArray *
get_thread_connections (void)
{
  GPtrArray *conns = g_private_get (&thread_connections);

  if (conns == NULL)
    {
      conns = g_ptr_array_new_with_free_func (connection_unref);
      g_private_set (&thread_connections, conns);
    }

  return conns;
}

static SsvConnection *
find_thread_connection_for_handle (sqlite3 *handle)
{
  GPtrArray *conns = g_private_get (&thread_connections);

  if (conns == NULL)
    return NULL;

  for (guint i = 0; i < conns->len; i++)
    {
      SsvConnection *conn = g_ptr_array_index (conns, i);
      if (conn->handle == handle)
        return conn;
    }

  return NULL;
}

static void
finalize_stmt (gpointer data)
{
  sqlite3_finalize (data);
}

void
ssv_database_set_sqlite_error (GError     **error,
                               sqlite3     *handle,
                               const char  *what)
{
  int code = handle ? sqlite3_errcode (handle) : SQLITE_ERROR;
  const char *msg = handle ? sqlite3_errmsg (handle) : "no connection";

  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    g_set_error (error, SSV_ERROR, SSV_ERROR_DATABASE,
                 _("The library file is damaged or is not a SoulSync library (%s)"), msg);
  else
    g_set_error (error, SSV_ERROR, SSV_ERROR_DATABASE, "%s: %s", what, msg);
}

static gboolean
exec_on (sqlite3     *handle,
         const char  *sql,
         GError     **error)
{
  char *errmsg = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      int code = sqlite3_errcode (handle);

      if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
        ssv_database_set_sqlite_error (error, handle, sql);
      else
        g_set_error (error, SSV_ERROR, SSV_ERROR_DATABASE, "%s", errmsg ? errmsg : "error");
      sqlite3_free (errmsg);
      return FALSE;
    }

  return TRUE;
}

static sqlite3 *
open_handle (const char  *path,
             GError     **error)
{
  sqlite3 *handle = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_DATABASE,
                   _("Could not open the library file “%s”: %s"),
                   path, handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
      sqlite3_close_v2 (handle);
      return NULL;
    }

  sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (handle, 0);

  if (!ssv_locked_fields_register_sql (handle))
    {
      ssv_database_set_sqlite_error (error, handle, _("Could not open the library file"));
      sqlite3_close_v2 (handle);
      return NULL;
    }

  if (!exec_on (handle,
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA foreign_keys=ON;"
                "PRAGMA temp_store=MEMORY;",
                error))
    {
      g_prefix_error (error, _("Could not open the library file “%s”: "), path);
      sqlite3_close_v2 (handle);
      return NULL;
    }

  return handle;
}

static SsvConnection *
get_connection (SsvDatabase  *self,
                GError      **error)
{
  GPtrArray *conns = get_thread_connections ();
  SsvConnection *conn;
  sqlite3 *handle;

  for (guint i = conns->len; i > 0; i--)
    {
      SsvConnection *c = g_ptr_array_index (conns, i - 1);

      if (c->handle == NULL)
        {
          /* Its database is gone; forget it. */
          g_ptr_array_remove_index_fast (conns, i - 1);
          continue;
        }

      if (c->db_serial == self->serial)
        return c;
    }

  handle = open_handle (self->path, error);
  if (handle == NULL)
    return NULL;

  conn = g_new0 (SsvConnection, 1);
  g_atomic_ref_count_init (&conn->ref);
  g_mutex_init (&conn->lock);
  conn->handle = handle;
  conn->db_serial = self->serial;
  conn->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);

  g_ptr_array_add (conns, conn);

  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->connections, connection_ref (conn));
  g_mutex_unlock (&self->lock);

  return conn;
}

sqlite3 *
ssv_database_get_handle (SsvDatabase  *self,
                         GError      **error)
{
  SsvConnection *conn;

  g_return_val_if_fail (SSV_IS_DATABASE (self), NULL);

  conn = get_connection (self, error);
  return conn ? conn->handle : NULL;
}

/**
 * ssv_database_release_thread_memory:
 *
 * Gives back the page cache of the calling thread's connections (up to 2 MB each): a
 * thread about to wait, or to go back to a pool, keeps its connections open but not the
 * pages it read, which its next query reads again from the file (most often from the
 * system's cache). Safe with no connection at all.
 */
void
ssv_database_release_thread_memory (void)
{
  GPtrArray *conns = g_private_get (&thread_connections);

  if (conns == NULL)
    return;

  for (guint i = 0; i < conns->len; i++)
    {
      SsvConnection *conn = g_ptr_array_index (conns, i);

      g_mutex_lock (&conn->lock);
      if (conn->handle != NULL)
        sqlite3_db_release_memory (conn->handle);
      g_mutex_unlock (&conn->lock);
    }
}

/**
 * ssv_database_prepare:
 *
 * Returns this thread's cached statement for @sql, reset and unbound. Release it
 * with ssv_stmt_release() (g_autoptr(SsvStmt) does). Never finalize it.
 */
SsvStmt *
ssv_database_prepare (SsvDatabase  *self,
                      const char   *sql,
                      GError      **error)
{
  SsvConnection *conn;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SSV_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  conn = get_connection (self, error);
  if (conn == NULL)
    return NULL;

  stmt = g_hash_table_lookup (conn->stmts, sql);
  if (stmt != NULL && !sqlite3_stmt_busy (stmt))
    return stmt;

  /* Either new, or the cached one is in use by an outer loop: prepare another.
   * Only the first is cached; ssv_stmt_release() finalizes the others. */
  if (sqlite3_prepare_v3 (conn->handle, sql, -1,
                          stmt == NULL ? SQLITE_PREPARE_PERSISTENT : 0,
                          &stmt, NULL) != SQLITE_OK)
    {
      ssv_database_set_sqlite_error (error, conn->handle, _("Could not prepare a query"));
      return NULL;
    }

  if (!g_hash_table_contains (conn->stmts, sql))
    g_hash_table_insert (conn->stmts, g_strdup (sql), stmt);

  return stmt;
}

void
ssv_stmt_release (SsvStmt *stmt)
{
  SsvConnection *conn;
  sqlite3_stmt *cached;

  if (stmt == NULL)
    return;

  conn = find_thread_connection_for_handle (sqlite3_db_handle (stmt));
  cached = conn && conn->stmts ? g_hash_table_lookup (conn->stmts, sqlite3_sql (stmt)) : NULL;

  if (cached == stmt)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  else
    {
      sqlite3_finalize (stmt);
    }
}

int
ssv_stmt_step (SsvStmt  *stmt,
               GError  **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    ssv_database_set_sqlite_error (error, sqlite3_db_handle (stmt), _("A query failed"));

  return rc;
}

/* Steps a statement that returns no rows. */
gboolean
ssv_stmt_step_done (SsvStmt  *stmt,
                    GError  **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  ssv_database_set_sqlite_error (error, sqlite3_db_handle (stmt), _("Could not save"));
  return FALSE;
}

/**
 * ssv_stmt_step_row:
 * @gone: what to tell the person when there is no row
 *
 * Steps @stmt (bound already) to the one row it is about.
 *
 * Returns: %TRUE on a row; %FALSE with @error set: %SSV_ERROR_NOT_FOUND and
 *   @gone when there is none, a database error when the step failed
 */
gboolean
ssv_stmt_step_row (SsvStmt     *stmt,
                   const char  *gone,
                   GError     **error)
{
  int rc = ssv_stmt_step (stmt, error);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, gone);

  return rc == SQLITE_ROW;
}

/**
 * ssv_stmt_for_each_row:
 * @func: called with @stmt on each row; the row is only valid during the call
 *
 * Steps @stmt (bound already) to its end.
 *
 * Returns: %FALSE with @error set if a step failed
 */
gboolean
ssv_stmt_for_each_row (SsvStmt     *stmt,
                       SsvRowFunc   func,
                       gpointer     user_data,
                       GError     **error)
{
  int rc;

  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    func (stmt, user_data);

  return rc == SQLITE_DONE;
}

/**
 * ssv_stmt_collect_rows:
 * @read: makes one item of the current row
 * @rows: gets each item, in row order
 *
 * Steps @stmt (bound already) to its end.
 *
 * Returns: %FALSE with @error set if a step failed; @rows keeps what was read
 */
gboolean
ssv_stmt_collect_rows (SsvStmt       *stmt,
                       SsvRowReader   read,
                       GPtrArray     *rows,
                       GError       **error)
{
  int rc;

  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (rows, read (stmt));

  return rc == SQLITE_DONE;
}

/* Runs @sql, which takes no parameters, and calls @func on each row. */
gboolean
ssv_database_for_each_row (SsvDatabase  *self,
                           const char   *sql,
                           SsvRowFunc    func,
                           gpointer      user_data,
                           GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (self, sql, error);

  return stmt != NULL && ssv_stmt_for_each_row (stmt, func, user_data, error);
}

/* Runs a statement that writes and whose one parameter, ?1, is @id. */
gboolean
ssv_database_exec_with_id (SsvDatabase  *self,
                           const char   *sql,
                           gint64        id,
                           GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return ssv_stmt_step_done (stmt, error);
}

/**
 * ssv_database_find_id:
 * @sql: a query of one row id, whose one parameter, ?1, is @key
 *
 * Returns: the first row's id, 0 when there is no row, -1 with @error set on failure
 */
gint64
ssv_database_find_id (SsvDatabase  *self,
                      const char   *sql,
                      gint64        key,
                      GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, key);
  rc = ssv_stmt_step (stmt, error);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return rc == SQLITE_DONE ? 0 : -1;
}

void
ssv_stmt_bind_text (SsvStmt    *stmt,
                    int         index,
                    const char *value)
{
  if (value == NULL || value[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
ssv_stmt_bind_int64_or_null (SsvStmt  *stmt,
                             int       index,
                             gint64    value,
                             gboolean  is_set)
{
  if (is_set)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

const char *
ssv_stmt_column_text (SsvStmt *stmt,
                      int      column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

char *
ssv_stmt_dup_text (SsvStmt *stmt,
                   int      column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

gboolean
ssv_database_exec (SsvDatabase  *self,
                   const char   *sql,
                   GError      **error)
{
  sqlite3 *handle = ssv_database_get_handle (self, error);

  return handle != NULL && exec_on (handle, sql, error);
}

gboolean
ssv_database_begin (SsvDatabase  *self,
                    GError      **error)
{
  /* IMMEDIATE takes the write lock now, so a busy writer waits in the busy
   * handler instead of failing half-way through the transaction. */
  return ssv_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
ssv_database_commit (SsvDatabase  *self,
                     GError      **error)
{
  if (ssv_database_exec (self, "COMMIT", error))
    return TRUE;

  ssv_database_rollback (self);
  return FALSE;
}

void
ssv_database_rollback (SsvDatabase *self)
{
  sqlite3 *handle = ssv_database_get_handle (self, NULL);

  if (handle != NULL && !sqlite3_get_autocommit (handle))
    exec_on (handle, "ROLLBACK", NULL);
}

gint64
ssv_database_last_insert_rowid (SsvDatabase *self)
{
  sqlite3 *handle = ssv_database_get_handle (self, NULL);

  return handle ? sqlite3_last_insert_rowid (handle) : 0;
}

int
ssv_database_changes (SsvDatabase *self)
{
  sqlite3 *handle = ssv_database_get_handle (self, NULL);

  return handle ? sqlite3_changes (handle) : 0;
}

/* ---- migrations ---------------------------------------------------------- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static gpointer
load_migrations (gpointer data)
{
  GArray *steps = g_array_new (FALSE, TRUE, sizeof (SsvMigration));
  GResource *resource = ssv_core_get_resource ();
  g_auto(GStrv) names = NULL;
  guint n;

  names = g_resource_enumerate_children (resource, SCHEMA_RESOURCE_DIR,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  n = names ? g_strv_length (names) : 0;
  if (n > 0)
    qsort (names, n, sizeof (char *), compare_names);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strconcat (SCHEMA_RESOURCE_DIR, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      SsvMigration step = { 0 };
      const char *dash;
      guint64 version;

      if (!g_str_has_suffix (names[i], ".sql"))
        continue;

      version = g_ascii_strtoull (names[i], NULL, 10);
      dash = strchr (names[i], '-');
      bytes = g_resource_lookup_data (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      /* Steps must be numbered 1, 2, 3, … with no gaps: a gap is a build bug. */
      g_assert (version == steps->len + 1);
      g_assert (bytes != NULL);

      step.version = (guint) version;
      step.name = g_strndup (dash ? dash + 1 : names[i],
                             strlen (dash ? dash + 1 : names[i]) - strlen (".sql"));
      step.sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_array_append_val (steps, step);
    }

  return steps;
}

const SsvMigration *
ssv_database_get_migrations (guint *n_steps)
{
  static GOnce once = G_ONCE_INIT;
  GArray *steps = g_once (&once, load_migrations, NULL);

  if (n_steps != NULL)
    *n_steps = steps->len;

  return (const SsvMigration *) (gpointer) steps->data;
}

guint
ssv_database_get_latest_version (void)
{
  guint n;

  ssv_database_get_migrations (&n);
  return n;
}

static guint
read_user_version (sqlite3  *handle,
                   GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  guint version = 0;

  if (sqlite3_prepare_v2 (handle, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    {
      ssv_database_set_sqlite_error (error, handle, _("Could not read the library version"));
      return G_MAXUINT;
    }

  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = (guint) sqlite3_column_int (stmt, 0);
  else
    {
      ssv_database_set_sqlite_error (error, handle, _("Could not read the library version"));
      version = G_MAXUINT;
    }

  sqlite3_finalize (stmt);
  return version;
}

static void
set_newer_schema_error (GError **error,
                        guint    version,
                        guint    n_steps)
{
  g_set_error (error, SSV_ERROR, SSV_ERROR_NEWER_SCHEMA,
               _("The library was written by a newer version of SoulSync Video "
                 "(schema %u, this version knows %u). Update the app to open it."),
               version, n_steps);
}

/* Applies @step in one write transaction, unless the file is past it already:
 * the version is read inside the transaction, so when two processes upgrade
 * at once the second sees the first one's work and skips the step. */
static gboolean
apply_step (sqlite3             *handle,
            const SsvMigration  *step,
            guint                n_steps,
            guint               *version,
            GError             **error)
{
  g_autofree char *set_version = NULL;
  g_autoptr(GError) local_error = NULL;
  guint current;

  if (!exec_on (handle, "BEGIN IMMEDIATE", &local_error))
    goto failed;

  current = read_user_version (handle, &local_error);
  if (current == G_MAXUINT)
    {
      exec_on (handle, "ROLLBACK", NULL);
      goto failed;
    }
  *version = current;

  if (current > n_steps)
    {
      exec_on (handle, "ROLLBACK", NULL);
      set_newer_schema_error (error, current, n_steps);
      return FALSE;
    }

  if (current >= step->version)
    return exec_on (handle, "COMMIT", error);

  if (!ssv_migration_guard_run (handle, step->sql, &local_error))
    {
      exec_on (handle, "ROLLBACK", NULL);
      goto failed;
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %u", step->version);
  if (!exec_on (handle, set_version, &local_error) ||
      !exec_on (handle, "COMMIT", &local_error))
    {
      exec_on (handle, "ROLLBACK", NULL);
      goto failed;
    }

  *version = step->version;
  return TRUE;

failed:
  g_set_error (error, SSV_ERROR, SSV_ERROR_MIGRATION,
               _("Could not upgrade the library to version %u (%s): %s. "
                 "The library is unchanged at version %u."),
               step->version, step->name, local_error->message, *version);
  return FALSE;
}

static gboolean
migrate (SsvDatabase         *self,
         const SsvMigration  *steps,
         guint                n_steps,
         GError             **error)
{
  sqlite3 *handle = ssv_database_get_handle (self, error);
  guint version;

  if (handle == NULL)
    return FALSE;

  /* A first look without a lock: an up-to-date file, the usual case, needs none. */
  version = read_user_version (handle, error);
  if (version == G_MAXUINT)
    return FALSE;

  if (version > n_steps)
    {
      set_newer_schema_error (error, version, n_steps);
      return FALSE;
    }

  for (guint i = 0; i < n_steps; i++)
    if (steps[i].version > version && !apply_step (handle, &steps[i], n_steps, &version, error))
      return FALSE;

  self->schema_version = version;
  return TRUE;
}

/* ---- object --------------------------------------------------------------- */

static void
ssv_database_finalize (GObject *object)
{
  SsvDatabase *self = (SsvDatabase *) object;

  for (guint i = 0; i < self->connections->len; i++)
    connection_close (g_ptr_array_index (self->connections, i));
  g_clear_pointer (&self->connections, g_ptr_array_unref);
  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (ssv_database_parent_class)->finalize (object);
}

static void
ssv_database_class_init (SsvDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_database_finalize;
}

static void
ssv_database_init (SsvDatabase *self)
{
  g_mutex_init (&self->lock);
  self->connections = g_ptr_array_new_with_free_func (connection_unref);

  G_LOCK (next_serial);
  self->serial = next_serial++;
  G_UNLOCK (next_serial);
}

char *
ssv_database_dup_default_path (void)
{
  const char *override = g_getenv ("SSV_DATABASE_PATH");

  if (override != NULL && override[0] != '\0')
    return g_strdup (override);

  return g_build_filename (g_get_user_data_dir (), "soulsync-video", "library.db", NULL);
}

SsvDatabase *
ssv_database_open_with_steps (const char          *path,
                              const SsvMigration  *steps,
                              guint                n_steps,
                              GError             **error)
{
  g_autoptr(SsvDatabase) self = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (strcmp (path, ":memory:") != 0)
    {
      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, SSV_ERROR, SSV_ERROR_DATABASE,
                       _("Could not create the folder “%s”: %s"),
                       dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  self = g_object_new (SSV_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (!migrate (self, steps, n_steps, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ssv_database_open:
 * @path: the file; see ssv_database_dup_default_path()
 *
 * Opens (creating if needed) the library and brings its schema up to date.
 * Slow on first run or after an upgrade: call it off the UI thread.
 */
SsvDatabase *
ssv_database_open (const char  *path,
                   GError     **error)
{
  guint n_steps;
  const SsvMigration *steps = ssv_database_get_migrations (&n_steps);

  return ssv_database_open_with_steps (path, steps, n_steps, error);
}

const char *
ssv_database_get_path (SsvDatabase *self)
{
  g_return_val_if_fail (SSV_IS_DATABASE (self), NULL);

  return self->path;
}

guint
ssv_database_get_schema_version (SsvDatabase *self)
{
  g_return_val_if_fail (SSV_IS_DATABASE (self), 0);

  return self->schema_version;
}

static void
clear_table_count (gpointer data)
{
  SsvTableCount *count = data;

  g_clear_pointer (&count->table, g_free);
}

/**
 * ssv_database_dup_table_counts:
 *
 * Returns: (transfer full): an array of #SsvTableCount, one per table, by name
 */
GArray *
ssv_database_dup_table_counts (SsvDatabase  *self,
                               GError      **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (SsvTableCount));
  g_autoptr(SsvStmt) tables = NULL;
  sqlite3 *handle;
  int rc;

  g_array_set_clear_func (counts, clear_table_count);

  handle = ssv_database_get_handle (self, error);
  if (handle == NULL)
    return NULL;

  tables = ssv_database_prepare (self,
                                 "SELECT name FROM sqlite_master "
                                 "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                 "ORDER BY name",
                                 error);
  if (tables == NULL)
    return NULL;

  while ((rc = ssv_stmt_step (tables, error)) == SQLITE_ROW)
    {
      SsvTableCount count = { 0 };
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;

      count.table = ssv_stmt_dup_text (tables, 0);
      /* Table names come from sqlite_master, not from outside; quote anyway. */
      sql = sqlite3_mprintf ("SELECT count(*) FROM \"%w\"", count.table);
      if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        count.rows = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      sqlite3_free (g_steal_pointer (&sql));

      g_array_append_val (counts, count);
    }

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&counts);
}

/**
 * ssv_database_explain_uses_index:
 * @plan: (out) (optional): the query plan as text
 *
 * Whether every table the query reads is reached through an index (no full
 * "SCAN table" without an index). Tests use it to keep list queries fast.
 */
gboolean
ssv_database_explain_uses_index (SsvDatabase  *self,
                                 const char   *sql,
                                 char        **plan,
                                 GError      **error)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *handle;
  gboolean uses_index = TRUE;

  handle = ssv_database_get_handle (self, error);
  if (handle == NULL)
    return FALSE;

  if (sqlite3_prepare_v2 (handle, explain, -1, &stmt, NULL) != SQLITE_OK)
    {
      ssv_database_set_sqlite_error (error, handle, _("Could not explain a query"));
      return FALSE;
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *detail = (const char *) sqlite3_column_text (stmt, 3);

      g_string_append_printf (text, "%s\n", detail);
      if (g_str_has_prefix (detail, "SCAN ") &&
          strstr (detail, " USING ") == NULL &&
          strstr (detail, "CONSTANT ROW") == NULL &&
          !g_str_has_prefix (detail, "SCAN CONSTANT"))
        uses_index = FALSE;
    }
  sqlite3_finalize (stmt);

  if (plan != NULL)
    *plan = g_string_free (g_steal_pointer (&text), FALSE);

  return uses_index;
}
