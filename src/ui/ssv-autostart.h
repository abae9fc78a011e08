/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-autostart.h: start at login, quietly, to tell about new episodes. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *ssv_autostart_dup_path     (void);
gboolean  ssv_autostart_is_enabled   (void);
gboolean  ssv_autostart_set_enabled  (gboolean   enabled,
                                      GError   **error);

G_END_DECLS
