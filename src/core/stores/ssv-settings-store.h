/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-settings-store.h: the key/value table for state that belongs with the library. */

#pragma once

#include "ssv-database.h"

G_BEGIN_DECLS

char     *ssv_settings_store_get       (SsvDatabase  *db,
                                        const char   *key,
                                        GError      **error);
gint64    ssv_settings_store_get_int   (SsvDatabase  *db,
                                        const char   *key,
                                        gint64        fallback);
gboolean  ssv_settings_store_set       (SsvDatabase  *db,
                                        const char   *key,
                                        const char   *value,
                                        GError      **error);
gboolean  ssv_settings_store_set_int   (SsvDatabase  *db,
                                        const char   *key,
                                        gint64        value,
                                        GError      **error);

G_END_DECLS
