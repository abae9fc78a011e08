/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-window.h: the main window. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"
#include "ssv-page.h"
#include "sources/ssv-scan-result.h"

G_BEGIN_DECLS

#define SSV_TYPE_WINDOW (ssv_window_get_type ())

G_DECLARE_FINAL_TYPE (SsvWindow, ssv_window, SSV, WINDOW, AdwApplicationWindow)

SsvWindow   *ssv_window_new                    (GtkApplication *application,
                                                SsvContext     *context);
SsvContext  *ssv_window_get_context            (SsvWindow      *self);
void         ssv_window_add_page               (SsvWindow      *self,
                                                GType           page_type);
gboolean     ssv_window_show_page              (SsvWindow      *self,
                                                const char     *name);
void         ssv_window_push_page              (SsvWindow      *self,
                                                SsvPage        *page);
const char  *ssv_window_get_visible_page_name  (SsvWindow      *self);
SsvPage     *ssv_window_get_visible_page       (SsvWindow      *self);
GStrv        ssv_window_dup_page_names         (SsvWindow      *self);
const SsvScanResult *ssv_window_get_last_scan  (SsvWindow      *self);

G_END_DECLS
