/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-migration-guard.c: runs a migration step's statements, allowing only what adds. */

#include "config.h"

#include <string.h>

#include "ssv-error.h"
#include "ssv-migration-guard-private.h"

/* A migration may add, never take away. Each statement of a step must be one
 * of these kinds, read from its first words, and while it is prepared the
 * authorizer allows only the actions its kind needs:
 *
 *   CREATE TABLE, CREATE [UNIQUE] INDEX, CREATE VIEW, CREATE TRIGGER
 *   ALTER TABLE … ADD [COLUMN]
 *   INSERT [OR IGNORE | ABORT | FAIL | ROLLBACK] (not OR REPLACE, not REPLACE)
 *   UPDATE [OR IGNORE | …] of the columns the step declares on a line
 *     "-- allow-update: table.column table.column …" (a data migration)
 *
 * Everything else is refused: DROP, DELETE, ALTER TABLE … RENAME and … DROP
 * COLUMN, REPLACE, an UPDATE of an undeclared column (also in an upsert or a
 * trigger the step fires), PRAGMA, ATTACH, transactions and savepoints. */

#define DECLARATION "-- allow-update:"

typedef enum
{
  KIND_NONE,
  KIND_CREATE,
  KIND_ADD_COLUMN,
  KIND_INSERT,
  KIND_UPDATE,
} StatementKind;

typedef struct
{
  StatementKind  kind;
  GHashTable    *updatable;   /* "table.column" */
  char          *refused;     /* what the authorizer said no to, for the message */
} Guard;

/* ---- the first words of a statement ------------------------------------------ */

static const char *
skip_space_and_comments (const char *p)
{
  for (;;)
    {
      while (g_ascii_isspace (*p))
        p++;

      if (p[0] == '-' && p[1] == '-')
        {
          while (*p != '\0' && *p != '\n')
            p++;
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");

          p = end != NULL ? end + 2 : p + strlen (p);
        }
      else
        return p;
    }
}

/* The next token: a word (upper-cased), a quoted name (its quotes kept), or
 * one character. Returns NULL at the end of the text. */
static char *
next_token (const char **cursor)
{
  const char *p = skip_space_and_comments (*cursor);
  const char *start = p;

  if (*p == '\0')
    return NULL;

  if (g_ascii_isalnum (*p) || *p == '_')
    {
      while (g_ascii_isalnum (*p) || *p == '_' || *p == '$')
        p++;
      *cursor = p;
      return g_ascii_strup (start, p - start);
    }

  if (*p == '"' || *p == '`' || *p == '[')
    {
      char close = *p == '[' ? ']' : *p;

      for (p++; *p != '\0'; p++)
        if (*p == close)
          {
            if (close != ']' && p[1] == close)
              {
                p++;
                continue;
              }
            p++;
            break;
          }
      *cursor = p;
      return g_strndup (start, p - start);
    }

  *cursor = p + 1;
  return g_strndup (start, 1);
}

static gboolean
token_is (const char *token,
          const char *word)
{
  return token != NULL && strcmp (token, word) == 0;
}

/* "OR IGNORE" and the like keep rows; "OR REPLACE" deletes them. */
static gboolean
conflict_clause_keeps_rows (const char **cursor)
{
  g_autofree char *how = next_token (cursor);

  return token_is (how, "IGNORE") || token_is (how, "ABORT") || token_is (how, "FAIL") ||
         token_is (how, "ROLLBACK");
}

static StatementKind
classify (const char *sql)
{
  const char *cursor = sql;
  g_autofree char *first = next_token (&cursor);
  g_autofree char *second = NULL;

  if (first == NULL)
    return KIND_NONE;

  second = next_token (&cursor);

  if (token_is (first, "CREATE"))
    {
      if (token_is (second, "UNIQUE"))
        {
          g_autofree char *third = next_token (&cursor);

          return token_is (third, "INDEX") ? KIND_CREATE : KIND_NONE;
        }
      if (token_is (second, "TABLE") || token_is (second, "INDEX") ||
          token_is (second, "VIEW") || token_is (second, "TRIGGER"))
        return KIND_CREATE;
      return KIND_NONE;
    }

  if (token_is (first, "ALTER") && token_is (second, "TABLE"))
    {
      g_autofree char *name = next_token (&cursor);
      g_autofree char *after = next_token (&cursor);

      /* schema.table */
      if (token_is (after, "."))
        {
          g_free (next_token (&cursor));
          g_free (after);
          after = next_token (&cursor);
        }
      return name != NULL && token_is (after, "ADD") ? KIND_ADD_COLUMN : KIND_NONE;
    }

  if (token_is (first, "INSERT"))
    {
      if (token_is (second, "INTO"))
        return KIND_INSERT;
      return token_is (second, "OR") && conflict_clause_keeps_rows (&cursor) ? KIND_INSERT : KIND_NONE;
    }

  if (token_is (first, "UPDATE"))
    return !token_is (second, "OR") || conflict_clause_keeps_rows (&cursor) ? KIND_UPDATE : KIND_NONE;

  return KIND_NONE;
}

/* ---- what a step declares ------------------------------------------------------ */

/**
 * ssv_migration_guard_dup_updatable:
 * @sql: a step's text
 *
 * Returns: (transfer full) (element-type utf8): the "table.column" names the
 *   step's "-- allow-update:" lines declare, in their order
 */
GPtrArray *
ssv_migration_guard_dup_updatable (const char *sql)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (sql, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_auto(GStrv) words = NULL;

      while (g_ascii_isspace (*line))
        line++;
      if (!g_str_has_prefix (line, DECLARATION))
        continue;

      words = g_strsplit_set (line + strlen (DECLARATION), " \t\r,", -1);
      for (guint j = 0; words[j] != NULL; j++)
        if (words[j][0] != '\0')
          g_ptr_array_add (names, g_ascii_strdown (words[j], -1));
    }

  return names;
}

/* ---- the authorizer -------------------------------------------------------------- */

static gboolean
is_schema_table (const char *table)
{
  return g_strcmp0 (table, "sqlite_master") == 0 || g_strcmp0 (table, "sqlite_schema") == 0 ||
         g_strcmp0 (table, "sqlite_sequence") == 0;
}

static gboolean
may_update (Guard      *guard,
            const char *table,
            const char *column)
{
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  if (is_schema_table (table))
    return guard->kind == KIND_CREATE || guard->kind == KIND_ADD_COLUMN ||
           (guard->kind == KIND_INSERT && g_strcmp0 (table, "sqlite_sequence") == 0);

  if (table == NULL || column == NULL)
    return FALSE;

  name = g_strconcat (table, ".", column, NULL);
  lower = g_ascii_strdown (name, -1);
  return g_hash_table_contains (guard->updatable, lower);
}

static gboolean
allowed (Guard      *guard,
         int         action,
         const char *arg1,
         const char *arg2,
         const char *arg3)
{
  switch (action)
    {
    case SQLITE_READ:
    case SQLITE_SELECT:
    case SQLITE_RECURSIVE:
      return TRUE;

    case SQLITE_FUNCTION:
      /* The helpers ALTER TABLE uses to rename and to drop columns. */
      return !g_str_has_prefix (arg2, "sqlite_rename") && g_strcmp0 (arg2, "sqlite_drop_column") != 0;

    case SQLITE_CREATE_TABLE:
    case SQLITE_CREATE_INDEX:
    case SQLITE_CREATE_VIEW:
    case SQLITE_CREATE_TRIGGER:
    case SQLITE_REINDEX:
      return guard->kind == KIND_CREATE;

    case SQLITE_ALTER_TABLE:
      /* DROP COLUMN names its column in the third argument; ADD COLUMN does not. */
      return guard->kind == KIND_ADD_COLUMN && arg3 == NULL;

    case SQLITE_INSERT:
      if (is_schema_table (arg1))
        return guard->kind == KIND_CREATE || g_strcmp0 (arg1, "sqlite_sequence") == 0;
      return guard->kind == KIND_INSERT;

    case SQLITE_UPDATE:
      return may_update (guard, arg1, arg2);

    default:
      return FALSE;
    }
}

static const char *
action_name (int action)
{
  switch (action)
    {
    case SQLITE_DELETE: return "DELETE";
    case SQLITE_DROP_TABLE: return "DROP TABLE";
    case SQLITE_DROP_INDEX: return "DROP INDEX";
    case SQLITE_DROP_VIEW: return "DROP VIEW";
    case SQLITE_DROP_TRIGGER: return "DROP TRIGGER";
    case SQLITE_ALTER_TABLE: return "ALTER TABLE";
    case SQLITE_INSERT: return "INSERT";
    case SQLITE_UPDATE: return "UPDATE";
    case SQLITE_PRAGMA: return "PRAGMA";
    case SQLITE_TRANSACTION: return "a transaction";
    case SQLITE_SAVEPOINT: return "a savepoint";
    case SQLITE_ATTACH: return "ATTACH";
    case SQLITE_FUNCTION: return "the function";
    default: return "this action";
    }
}

static int
guard_authorizer (void       *user_data,
                  int         action,
                  const char *arg1,
                  const char *arg2,
                  const char *db_name,
                  const char *trigger)
{
  Guard *guard = user_data;

  if (allowed (guard, action, arg1, arg2, db_name))
    return SQLITE_OK;

  if (guard->refused == NULL)
    guard->refused = g_strdup_printf ("%s%s%s%s%s", action_name (action),
                                      arg1 ? " " : "", arg1 ? arg1 : "",
                                      arg2 ? "." : "", arg2 ? arg2 : "");
  return SQLITE_DENY;
}

/* ---- running a step -------------------------------------------------------------- */

static char *
first_line (const char *sql)
{
  const char *start = skip_space_and_comments (sql);
  const char *end = strchr (start, '\n');

  return end != NULL ? g_strndup (start, end - start) : g_strdup (start);
}

static gboolean
run_statement (sqlite3      *handle,
               Guard        *guard,
               const char  **cursor,
               GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  const char *start = *cursor;
  int rc;

  guard->kind = classify (start);
  g_clear_pointer (&guard->refused, g_free);

  if (guard->kind == KIND_NONE)
    {
      g_autofree char *line = first_line (start);

      g_set_error (error, SSV_ERROR, SSV_ERROR_MIGRATION,
                   "a migration may only create, add columns, insert, or update declared columns, not “%s”",
                   line);
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (handle, start, -1, &stmt, cursor);
  if (rc == SQLITE_OK && stmt != NULL)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }

  if (rc != SQLITE_OK)
    {
      g_autofree char *line = first_line (start);

      if (guard->refused != NULL)
        g_set_error (error, SSV_ERROR, SSV_ERROR_MIGRATION,
                     "a migration may not do %s (in “%s”)", guard->refused, line);
      else
        g_set_error (error, SSV_ERROR, SSV_ERROR_MIGRATION, "%s (in “%s”)", sqlite3_errmsg (handle), line);
    }

  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

/**
 * ssv_migration_guard_run:
 * @handle: a connection inside the step's write transaction
 * @sql: the step's statements
 *
 * Runs each statement of @sql, refusing any that would take something away
 * (see the comment at the top of this file). The caller rolls back on failure.
 */
gboolean
ssv_migration_guard_run (sqlite3     *handle,
                         const char  *sql,
                         GError     **error)
{
  g_autoptr(GPtrArray) names = ssv_migration_guard_dup_updatable (sql);
  Guard guard = { KIND_NONE, g_hash_table_new (g_str_hash, g_str_equal), NULL };
  const char *cursor = sql;
  gboolean ok = TRUE;

  for (guint i = 0; i < names->len; i++)
    g_hash_table_add (guard.updatable, g_ptr_array_index (names, i));

  sqlite3_set_authorizer (handle, guard_authorizer, &guard);
  while (ok && *skip_space_and_comments (cursor) != '\0')
    ok = run_statement (handle, &guard, &cursor, error);
  sqlite3_set_authorizer (handle, NULL, NULL);

  g_hash_table_unref (guard.updatable);
  g_free (guard.refused);
  return ok;
}
