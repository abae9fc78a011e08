/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-network-activity-store.h: requests per host, feature and day (the network-activity record). */

#pragma once

#include "ssv-database.h"

G_BEGIN_DECLS

typedef struct
{
  char   *day;        /* YYYY-MM-DD, local */
  char   *feature;    /* the service: "youtube", "sponsorblock", "tmdb", … */
  char   *host;
  gint64  requests;
} SsvHostActivity;

SsvHostActivity *ssv_host_activity_new             (const char   *day,
                                                    const char   *feature,
                                                    const char   *host,
                                                    gint64        requests);
void             ssv_host_activity_free            (SsvHostActivity *activity);

/* Adds the counts of @rows (SsvHostActivity*) to the record, in one transaction. */
gboolean         ssv_network_activity_store_add    (SsvDatabase  *db,
                                                    GPtrArray    *rows,
                                                    GError      **error);
/* The record from @since_day (YYYY-MM-DD, or NULL for all) on: newest day first,
 * then by feature and host. */
GPtrArray       *ssv_network_activity_store_list   (SsvDatabase  *db,
                                                    const char   *since_day,
                                                    GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvHostActivity, ssv_host_activity_free)

G_END_DECLS
