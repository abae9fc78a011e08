/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-page-private.h: what tests reach of a title's page: its state and its sections. */

#pragma once

#include "pages/ssv-title-page.h"

G_BEGIN_DECLS

const char *ssv_title_page_get_state        (SsvTitlePage *self);
GtkWidget  *ssv_title_page_get_section      (SsvTitlePage *self,
                                             const char   *name);
GtkWidget  *ssv_title_page_get_watch_button (SsvTitlePage *self);
const char *ssv_title_page_get_last_message (SsvTitlePage *self);
gboolean    ssv_title_page_is_working       (SsvTitlePage *self);

G_END_DECLS
