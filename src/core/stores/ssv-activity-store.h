/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-activity-store.h: what happened (scans, skipped items, worker notes), for people. */

#pragma once

#include "ssv-database.h"

G_BEGIN_DECLS

typedef enum
{
  SSV_ACTIVITY_INFO,
  SSV_ACTIVITY_WARNING,
  SSV_ACTIVITY_ERROR,
} SsvActivityLevel;

typedef struct
{
  gint64            id;
  gint64            at;
  char             *kind;
  SsvActivityLevel  level;
  char             *source;
  char             *message;
  char             *detail;
} SsvActivityEntry;

gboolean   ssv_activity_store_log          (SsvDatabase       *db,
                                            const char        *kind,
                                            SsvActivityLevel   level,
                                            const char        *source,
                                            const char        *message,
                                            const char        *detail,
                                            GError           **error);
GPtrArray *ssv_activity_store_list_recent  (SsvDatabase       *db,
                                            const char        *kind,
                                            guint              limit,
                                            GError           **error);
void       ssv_activity_entry_free         (SsvActivityEntry  *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvActivityEntry, ssv_activity_entry_free)

G_END_DECLS
