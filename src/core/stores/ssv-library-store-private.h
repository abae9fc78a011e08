/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-store-private.h: what the library store's files share among themselves. */

#pragma once

#include "stores/ssv-library-store.h"

G_BEGIN_DECLS

GObject *ssv_library_store_read_title_row (SsvLibraryStore  *self,
                                           SsvMediaKind      kind,
                                           gint64            id,
                                           GError          **error);

G_END_DECLS
