/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-import-notifier.h: turns the importer's "imported" into a "Ready: …" notification. */

#pragma once

#include <gio/gio.h>

#include "model/ssv-download.h"
#include "ssv-types.h"

G_BEGIN_DECLS

#define SSV_TYPE_IMPORT_NOTIFIER (ssv_import_notifier_get_type ())

G_DECLARE_FINAL_TYPE (SsvImportNotifier, ssv_import_notifier, SSV, IMPORT_NOTIFIER, GObject)

SsvImportNotifier *ssv_import_notifier_new    (GApplication      *application,
                                               SsvImporter       *importer);
void               ssv_import_notifier_notify (SsvImportNotifier *self,
                                               SsvDownload       *download,
                                               const char        *library_path,
                                               gint64             title_id);

G_END_DECLS
