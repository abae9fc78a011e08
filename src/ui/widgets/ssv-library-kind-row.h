/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-kind-row.h: a combo row for what a library of a source is scanned as. */

#pragma once

#include <adwaita.h>

#include "sources/ssv-media-item.h"

G_BEGIN_DECLS

GtkWidget      *ssv_library_kind_row_new      (const char     *title,
                                               SsvLibraryKind  kind);
SsvLibraryKind  ssv_library_kind_row_get_kind (AdwComboRow    *row);

G_END_DECLS
