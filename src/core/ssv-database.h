/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-database.h: the library's SQLite file, one connection per thread, migrations. */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define SSV_TYPE_DATABASE (ssv_database_get_type ())

G_DECLARE_FINAL_TYPE (SsvDatabase, ssv_database, SSV, DATABASE, GObject)

/* A prepared statement borrowed from this thread's cache; g_autoptr resets it. */
typedef sqlite3_stmt SsvStmt;

/* Does something with the current row of @stmt (valid only during the call). */
typedef void     (*SsvRowFunc)   (SsvStmt   *stmt,
                                  gpointer   user_data);
/* Makes one new item of the current row of @stmt. */
typedef gpointer (*SsvRowReader) (SsvStmt   *stmt);

typedef struct
{
  char   *table;
  gint64  rows;
} SsvTableCount;

SsvDatabase   *ssv_database_open                (const char    *path,
                                                 GError       **error);
char          *ssv_database_dup_default_path    (void);
const char    *ssv_database_get_path            (SsvDatabase   *self);
guint          ssv_database_get_schema_version  (SsvDatabase   *self);
guint          ssv_database_get_latest_version  (void);
sqlite3       *ssv_database_get_handle          (SsvDatabase   *self,
                                                 GError       **error);
void           ssv_database_release_thread_memory (void);
SsvStmt       *ssv_database_prepare             (SsvDatabase   *self,
                                                 const char    *sql,
                                                 GError       **error);
void           ssv_stmt_release                 (SsvStmt       *stmt);
gboolean       ssv_stmt_step_done               (SsvStmt       *stmt,
                                                 GError       **error);
int            ssv_stmt_step                    (SsvStmt       *stmt,
                                                 GError       **error);
gboolean       ssv_stmt_step_row                (SsvStmt       *stmt,
                                                 const char    *gone,
                                                 GError       **error);
gboolean       ssv_stmt_for_each_row            (SsvStmt       *stmt,
                                                 SsvRowFunc     func,
                                                 gpointer       user_data,
                                                 GError       **error);
gboolean       ssv_stmt_collect_rows            (SsvStmt       *stmt,
                                                 SsvRowReader   read,
                                                 GPtrArray     *rows,
                                                 GError       **error);
gboolean       ssv_database_for_each_row        (SsvDatabase   *self,
                                                 const char    *sql,
                                                 SsvRowFunc     func,
                                                 gpointer       user_data,
                                                 GError       **error);
gboolean       ssv_database_exec_with_id        (SsvDatabase   *self,
                                                 const char    *sql,
                                                 gint64         id,
                                                 GError       **error);
gint64         ssv_database_find_id             (SsvDatabase   *self,
                                                 const char    *sql,
                                                 gint64         key,
                                                 GError       **error);
gboolean       ssv_database_exec                (SsvDatabase   *self,
                                                 const char    *sql,
                                                 GError       **error);
gboolean       ssv_database_begin               (SsvDatabase   *self,
                                                 GError       **error);
gboolean       ssv_database_commit              (SsvDatabase   *self,
                                                 GError       **error);
void           ssv_database_rollback            (SsvDatabase   *self);
gint64         ssv_database_last_insert_rowid   (SsvDatabase   *self);
int            ssv_database_changes             (SsvDatabase   *self);
GArray        *ssv_database_dup_table_counts    (SsvDatabase   *self,
                                                 GError       **error);
gboolean       ssv_database_explain_uses_index  (SsvDatabase   *self,
                                                 const char    *sql,
                                                 char         **plan,
                                                 GError       **error);

/* Binding helpers that treat NULL and empty values as SQL NULL. */
void           ssv_stmt_bind_text               (SsvStmt       *stmt,
                                                 int            index,
                                                 const char    *value);
void           ssv_stmt_bind_int64_or_null      (SsvStmt       *stmt,
                                                 int            index,
                                                 gint64         value,
                                                 gboolean       is_set);
const char    *ssv_stmt_column_text             (SsvStmt       *stmt,
                                                 int            column);
char          *ssv_stmt_dup_text                (SsvStmt       *stmt,
                                                 int            column);

void           ssv_database_set_sqlite_error    (GError       **error,
                                                 sqlite3       *handle,
                                                 const char    *what);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvStmt, ssv_stmt_release)

G_END_DECLS
