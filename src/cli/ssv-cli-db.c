/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cli-db.c: `soulsync-video-cli db-info`: schema version and row counts. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-cli.h"
#include "ssv-database.h"

int
ssv_cli_db_info (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = NULL;
  g_autoptr(GArray) counts = NULL;
  SsvDatabase *db;

  context = ssv_cli_open_context (&error);
  if (context == NULL)
    return ssv_cli_fail (error);

  db = ssv_context_get_database (context);
  counts = ssv_database_dup_table_counts (db, &error);
  if (counts == NULL)
    return ssv_cli_fail (error);

  g_print ("path: %s\n", ssv_database_get_path (db));
  g_print ("schema_version: %u\n", ssv_database_get_schema_version (db));
  for (guint i = 0; i < counts->len; i++)
    {
      SsvTableCount *count = &g_array_index (counts, SsvTableCount, i);
      g_print ("%s: %" G_GINT64_FORMAT "\n", count->table, count->rows);
    }

  return 0;
}
