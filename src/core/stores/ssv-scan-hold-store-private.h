/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scan-hold-store-private.h: hold writes that run inside another store's transaction. */

#pragma once

#include "stores/ssv-scan-hold-store.h"

G_BEGIN_DECLS

/* Both run in the caller's open transaction, and never begin one. */
gboolean  ssv_scan_hold_write_titles  (SsvDatabase    *db,
                                       gint64          server_row,
                                       const char     *library_key,
                                       const char     *library_name,
                                       SsvMediaKind    kind,
                                       SsvHoldReason   reason,
                                       guint           listed,
                                       guint           stored,
                                       GArray         *ids,
                                       GError        **error);
gboolean  ssv_scan_hold_clear         (SsvDatabase    *db,
                                       gint64          server_row,
                                       const char     *library_key,
                                       SsvMediaKind    kind,
                                       GError        **error);

G_END_DECLS
