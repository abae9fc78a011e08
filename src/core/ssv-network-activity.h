/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-network-activity.h: counts every request the app sends, per host, feature and day. */

#pragma once

#include <gio/gio.h>

#include "ssv-database.h"
#include "net/ssv-http.h"

G_BEGIN_DECLS

#define SSV_TYPE_NETWORK_ACTIVITY (ssv_network_activity_get_type ())

G_DECLARE_FINAL_TYPE (SsvNetworkActivity, ssv_network_activity, SSV, NETWORK_ACTIVITY, GObject)

SsvNetworkActivity *ssv_network_activity_new      (SsvDatabase         *database);
/* Makes @http tell this record of every request it sends. */
void                ssv_network_activity_watch    (SsvNetworkActivity  *self,
                                                   SsvHttp             *http);
/* Counts one request to @host for @feature (any thread). */
void                ssv_network_activity_note     (SsvNetworkActivity  *self,
                                                   const char          *feature,
                                                   const char          *host);
/* Writes the counts not yet written (any thread but the UI's; blocks on SQL). */
gboolean            ssv_network_activity_flush    (SsvNetworkActivity  *self,
                                                   GError             **error);

G_END_DECLS
