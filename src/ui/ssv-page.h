/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-page.h: base of the pages the window shows: name, title, subtitle, icon, context. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"

G_BEGIN_DECLS

#define SSV_TYPE_PAGE (ssv_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (SsvPage, ssv_page, SSV, PAGE, AdwBin)

struct _SsvPageClass
{
  AdwBinClass parent_class;

  /* Called each time the page becomes the visible one. */
  void        (*shown)             (SsvPage *self);
  /* Fills the page; called once, just before it is first shown, so that start-up
   * builds only the page it shows. */
  void        (*load)              (SsvPage *self);
  /* A widget for the end of the header bar while this page shows, or NULL. */
  GtkWidget * (*get_header_widget) (SsvPage *self);

  /*< private >*/
  const char *page_name;
  char       *page_title;
  const char *page_icon_name;
};

void         ssv_page_class_set_info     (SsvPageClass *klass,
                                          const char   *name,
                                          const char   *title,
                                          const char   *icon_name);

SsvContext  *ssv_page_get_context        (SsvPage    *self);
const char  *ssv_page_get_name           (SsvPage    *self);
const char  *ssv_page_get_title          (SsvPage    *self);
void         ssv_page_set_title          (SsvPage    *self,
                                          const char *title);
const char  *ssv_page_get_subtitle       (SsvPage    *self);
void         ssv_page_set_subtitle       (SsvPage    *self,
                                          const char *subtitle);
const char  *ssv_page_get_icon_name      (SsvPage    *self);
GtkWidget   *ssv_page_get_header_widget  (SsvPage    *self);
gboolean     ssv_page_get_ready          (SsvPage    *self);
void         ssv_page_set_ready          (SsvPage    *self,
                                          gboolean    ready);
void         ssv_page_shown              (SsvPage    *self);
gboolean     ssv_page_is_loaded          (SsvPage    *self);
void         ssv_page_queue_reload       (SsvPage    *self);
gboolean     ssv_page_get_reload_queued  (SsvPage    *self);
void         ssv_page_unqueue_reload     (SsvPage    *self);
void         ssv_page_show_toast         (SsvPage    *self,
                                          const char *message);

G_END_DECLS
