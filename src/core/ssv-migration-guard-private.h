/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-migration-guard-private.h: the allow-list migration steps run under. */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean   ssv_migration_guard_run            (sqlite3     *handle,
                                               const char  *sql,
                                               GError     **error);
GPtrArray *ssv_migration_guard_dup_updatable  (const char  *sql);

G_END_DECLS
