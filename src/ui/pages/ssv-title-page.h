/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-page.h: a movie's or a show's billboard, opened with win.show-movie / win.show-show. */

#pragma once

#include "ssv-page.h"

G_BEGIN_DECLS

#define SSV_TYPE_TITLE_PAGE (ssv_title_page_get_type ())

G_DECLARE_FINAL_TYPE (SsvTitlePage, ssv_title_page, SSV, TITLE_PAGE, SsvPage)

SsvPage              *ssv_title_page_new                 (SsvContext    *context,
                                                          SsvMediaKind   kind,
                                                          gint64         id);
const char           *ssv_title_page_get_state           (SsvTitlePage  *self);
const SsvTitleDetail *ssv_title_page_get_detail          (SsvTitlePage  *self);
guint                 ssv_title_page_count_episode_rows  (SsvTitlePage  *self);
const SsvBillboard   *ssv_title_page_get_billboard       (SsvTitlePage  *self);
gboolean              ssv_title_page_show_season         (SsvTitlePage  *self,
                                                          int            season);
gboolean              ssv_title_page_has_logo            (SsvTitlePage  *self);
GtkWidget            *ssv_title_page_get_badges          (SsvTitlePage  *self);
GtkWidget            *ssv_title_page_get_cast            (SsvTitlePage  *self);
char                 *ssv_title_page_dup_restore_key     (SsvTitlePage  *self);
GtkWidget            *ssv_title_page_get_watch_button    (SsvTitlePage  *self);

G_END_DECLS
