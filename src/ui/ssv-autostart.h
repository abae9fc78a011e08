/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-autostart.h: start at login, quietly, to tell about new episodes: an XDG autostart
 * entry, or inside Flatpak the Background portal. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *ssv_autostart_dup_path     (void);
gboolean  ssv_autostart_is_enabled   (void);
gboolean  ssv_autostart_set_enabled  (gboolean   enabled,
                                      GError   **error);

gboolean  ssv_autostart_uses_portal  (void);
void      ssv_autostart_set_enabled_async  (gboolean              enabled,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean  ssv_autostart_set_enabled_finish (GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
