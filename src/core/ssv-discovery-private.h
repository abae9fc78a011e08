/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-discovery-private.h: what the discovery service's files share: a call in a thread. */

#pragma once

#include "ssv-discovery.h"

G_BEGIN_DECLS

void ssv_discovery_run_in_thread (SsvDiscovery        *self,
                                  gpointer             data,
                                  GDestroyNotify       data_free,
                                  gpointer             source_tag,
                                  GTaskThreadFunc      thread_func,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);

G_END_DECLS
