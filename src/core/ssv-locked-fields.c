/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-locked-fields.c: the one reader and writer of locked_fields, in C and in SQL. */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "ssv-locked-fields.h"
#include "ssv-utils.h"

/* A row's locked_fields is NULL or a JSON array of the names of the fields a
 * person fixed: its columns ("title", "tmdb_id"), "genres" and "credits".
 * Scans and enrichment keep what a locked field holds. The scanner reads it
 * in SQL through ssv_locked(), enrichment and the stores through the C
 * functions; both are this file's one reader. */

static void
add_legacy_names (GHashTable *set,
                  const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",; \t\r\n[]\"", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_hash_table_add (set, g_strdup (parts[i]));
}

/**
 * ssv_locked_fields_parse:
 * @text: (nullable): a locked_fields value
 *
 * Text that is not a JSON array (a value written before schema 6 as
 * "title, year", or typed by hand) is read as a list of names split at commas
 * and spaces: a lock is kept rather than lost.
 *
 * Returns: (transfer full): the set of locked names, empty when none
 */
GHashTable *
ssv_locked_fields_parse (const char *text)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (text == NULL || text[0] == '\0')
    return set;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (root))
    {
      add_legacy_names (set, text);
      return set;
    }

  {
    JsonArray *array = json_node_get_array (root);
    guint n = json_array_get_length (array);

    for (guint i = 0; i < n; i++)
      {
        JsonNode *element = json_array_get_element (array, i);
        const char *name;

        if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
          continue;
        name = json_node_get_string (element);
        if (name != NULL && name[0] != '\0')
          g_hash_table_add (set, g_strdup (name));
      }
  }

  return set;
}

/**
 * ssv_locked_fields_format:
 * @fields: a set of names
 *
 * Returns: (transfer full) (nullable): the stored form, names sorted, or
 *   %NULL when @fields is empty
 */
char *
ssv_locked_fields_format (GHashTable *fields)
{
  g_autoptr(GPtrArray) names = ssv_string_set_dup_sorted (fields);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (names->len == 0)
    return NULL;

  builder = json_builder_new_immutable ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < names->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (names, i));
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

gboolean
ssv_locked_fields_contains (const char *text,
                            const char *field)
{
  g_autoptr(GHashTable) set = NULL;

  if (text == NULL || text[0] == '\0' || field == NULL)
    return FALSE;

  set = ssv_locked_fields_parse (text);
  return g_hash_table_contains (set, field);
}

/**
 * ssv_locked_fields_edit:
 * @text: (nullable): the value now
 * @lock: (nullable) (array zero-terminated=1): names to lock
 * @unlock: (nullable) (array zero-terminated=1): names to unlock
 *
 * Returns: (transfer full) (nullable): the new value, %NULL when nothing is locked
 */
char *
ssv_locked_fields_edit (const char         *text,
                        const char * const *lock,
                        const char * const *unlock)
{
  g_autoptr(GHashTable) set = ssv_locked_fields_parse (text);

  for (guint i = 0; lock != NULL && lock[i] != NULL; i++)
    g_hash_table_add (set, g_strdup (lock[i]));
  for (guint i = 0; unlock != NULL && unlock[i] != NULL; i++)
    g_hash_table_remove (set, unlock[i]);

  return ssv_locked_fields_format (set);
}

/* ---- the same in SQL ------------------------------------------------------------ */

/* ssv_locked(locked_fields, name): 1 when @name is locked. */
static void
sql_locked (sqlite3_context  *context,
            int               argc,
            sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  const char *field = (const char *) sqlite3_value_text (argv[1]);

  sqlite3_result_int (context, ssv_locked_fields_contains (text, field) ? 1 : 0);
}

static void
result_text (sqlite3_context *context,
             char            *text)
{
  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, text, -1, g_free);
}

/* ssv_locked_fields(locked_fields): the stored form of any value (migrations). */
static void
sql_normalize (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  result_text (context, ssv_locked_fields_edit ((const char *) sqlite3_value_text (argv[0]), NULL, NULL));
}

/* ssv_locked_fields_add(locked_fields, name): the value with @name locked too. */
static void
sql_add (sqlite3_context  *context,
         int               argc,
         sqlite3_value   **argv)
{
  const char *lock[] = { (const char *) sqlite3_value_text (argv[1]), NULL };

  result_text (context, ssv_locked_fields_edit ((const char *) sqlite3_value_text (argv[0]), lock, NULL));
}

/**
 * ssv_locked_fields_register_sql:
 *
 * Adds ssv_locked(), ssv_locked_fields() and ssv_locked_fields_add() to a
 * connection, so SQL reads and writes locks as the C functions do.
 */
gboolean
ssv_locked_fields_register_sql (sqlite3 *handle)
{
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  return sqlite3_create_function (handle, "ssv_locked", 2, flags, NULL, sql_locked, NULL, NULL) == SQLITE_OK &&
         sqlite3_create_function (handle, "ssv_locked_fields", 1, flags, NULL, sql_normalize, NULL, NULL) == SQLITE_OK &&
         sqlite3_create_function (handle, "ssv_locked_fields_add", 2, flags, NULL, sql_add, NULL, NULL) == SQLITE_OK;
}
