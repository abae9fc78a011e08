/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-person-detail-page.h: a person's page (photo, biography, known for, filmography), opened
 * with win.show-person from Find Anything or a cast card. */

#pragma once

#include "ssv-page.h"

G_BEGIN_DECLS

#define SSV_TYPE_PERSON_DETAIL_PAGE (ssv_person_detail_page_get_type ())

G_DECLARE_FINAL_TYPE (SsvPersonDetailPage, ssv_person_detail_page, SSV, PERSON_DETAIL_PAGE, SsvPage)

SsvPage    *ssv_person_detail_page_new             (SsvContext          *context,
                                                    gint64               tmdb_id);
const char *ssv_person_detail_page_get_state       (SsvPersonDetailPage *self);
GListModel *ssv_person_detail_page_get_filmography (SsvPersonDetailPage *self);
gboolean    ssv_person_detail_page_get_followed    (SsvPersonDetailPage *self);
GtkWidget  *ssv_person_detail_page_get_part        (SsvPersonDetailPage *self,
                                                    const char          *name);

G_END_DECLS
