/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-folder-chooser.h: "Add a Folder…": choose a folder, keep it as a source, scan it. */

#pragma once

#include <gtk/gtk.h>

#include "ssv-context.h"

G_BEGIN_DECLS

void    ssv_folder_chooser_run           (GtkWindow           *parent,
                                          SsvContext          *context);
void    ssv_folder_source_add_async      (SsvContext          *context,
                                          const char          *path,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gint64  ssv_folder_source_add_finish     (GAsyncResult        *result,
                                          GError             **error);
void    ssv_folder_source_add_and_scan   (GtkWidget           *widget,
                                          SsvContext          *context,
                                          const char          *path);

G_END_DECLS
