/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-page.h: the Library page: movies and shows, or a welcome when empty. */

#pragma once

#include "ssv-follow-set.h"
#include "ssv-page.h"

G_BEGIN_DECLS

#define SSV_TYPE_LIBRARY_PAGE (ssv_library_page_get_type ())

G_DECLARE_FINAL_TYPE (SsvLibraryPage, ssv_library_page, SSV, LIBRARY_PAGE, SsvPage)

const char *ssv_library_page_get_state          (SsvLibraryPage *self);
GListModel *ssv_library_page_get_visible_model  (SsvLibraryPage *self);
GtkWidget  *ssv_library_page_get_grid           (SsvLibraryPage *self,
                                                 const char     *view);
const char *ssv_library_page_get_count_text     (SsvLibraryPage *self);
SsvFollowSet *ssv_library_page_get_follow_set   (SsvLibraryPage *self);

G_END_DECLS
