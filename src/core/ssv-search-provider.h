/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-search-provider.h: the library in GNOME Shell's search (org.gnome.Shell.SearchProvider2). */

#pragma once

#include <gio/gio.h>

#include "ssv-discovery.h"

G_BEGIN_DECLS

#define SSV_SEARCH_PROVIDER_PATH "/com/soulsync/Video/SearchProvider"

#define SSV_TYPE_SEARCH_PROVIDER (ssv_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (SsvSearchProvider, ssv_search_provider, SSV, SEARCH_PROVIDER, GObject)

SsvSearchProvider *ssv_search_provider_new       (SsvDiscovery       *discovery);
gboolean           ssv_search_provider_export    (SsvSearchProvider  *self,
                                                  GDBusConnection    *connection,
                                                  const char         *object_path,
                                                  GError            **error);
void               ssv_search_provider_unexport  (SsvSearchProvider  *self);

G_END_DECLS
