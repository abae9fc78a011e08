/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-database-private.h: migration steps, exposed to tests that build old versions. */

#pragma once

#include "ssv-database.h"

G_BEGIN_DECLS

typedef struct
{
  guint       version;
  const char *name;
  const char *sql;
} SsvMigration;

const SsvMigration *ssv_database_get_migrations (guint               *n_steps);
SsvDatabase        *ssv_database_open_with_steps (const char         *path,
                                                  const SsvMigration *steps,
                                                  guint               n_steps,
                                                  GError            **error);

G_END_DECLS
