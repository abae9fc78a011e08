/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-discover-page.h: the Discover page: trending this week and popular movies and shows on TMDB. */

#pragma once

#include "ssv-page.h"

G_BEGIN_DECLS

#define SSV_TYPE_DISCOVER_PAGE (ssv_discover_page_get_type ())

G_DECLARE_FINAL_TYPE (SsvDiscoverPage, ssv_discover_page, SSV, DISCOVER_PAGE, SsvPage)

const char *ssv_discover_page_get_state (SsvDiscoverPage *self);
gboolean    ssv_discover_page_is_busy   (SsvDiscoverPage *self);
GtkWidget  *ssv_discover_page_get_row   (SsvDiscoverPage *self,
                                         const char      *name);
const char *ssv_discover_page_get_note  (SsvDiscoverPage *self,
                                         const char      *name);

G_END_DECLS
