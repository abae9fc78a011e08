/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-page.h: a movie's or a show's billboard, opened with win.show-movie / win.show-show. */

#pragma once

#include "model/ssv-title.h"
#include "ssv-page.h"

G_BEGIN_DECLS

#define SSV_TYPE_TITLE_PAGE (ssv_title_page_get_type ())

G_DECLARE_FINAL_TYPE (SsvTitlePage, ssv_title_page, SSV, TITLE_PAGE, SsvPage)

SsvPage  *ssv_title_page_new             (SsvContext    *context,
                                          SsvMediaKind   kind,
                                          gint64         id);
SsvPage  *ssv_title_page_new_from_tmdb   (SsvContext    *context,
                                          SsvMediaKind   kind,
                                          gint64         tmdb_id);
SsvTitle *ssv_title_page_get_item        (SsvTitlePage  *self);
char     *ssv_title_page_dup_restore_key (SsvTitlePage  *self);

G_END_DECLS
