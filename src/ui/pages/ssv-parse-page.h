/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-parse-page.h: the Parse tool: a release name, what it says, what each profile decides. */

#pragma once

#include "ssv-page.h"

G_BEGIN_DECLS

#define SSV_TYPE_PARSE_PAGE (ssv_parse_page_get_type ())

G_DECLARE_FINAL_TYPE (SsvParsePage, ssv_parse_page, SSV, PARSE_PAGE, SsvPage)

void      ssv_parse_page_set_name               (SsvParsePage *self,
                                                 const char   *name);
char     *ssv_parse_page_dup_field              (SsvParsePage *self,
                                                 const char   *key);
char     *ssv_parse_page_dup_decision_summary   (SsvParsePage *self,
                                                 const char   *profile_name,
                                                 gboolean     *accepted);
guint     ssv_parse_page_get_n_profiles         (SsvParsePage *self);

G_END_DECLS
