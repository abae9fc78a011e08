/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-kind-row.c: a combo row for what a library of a source is scanned as: not at
 * all, as movies, or as shows. The server dialog and the Sources page both show it. */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/ssv-library-kind-row.h"

/* The rows of the combo, in order. */
static const SsvLibraryKind kinds[] = { SSV_LIBRARY_KIND_NONE, SSV_LIBRARY_KIND_MOVIES, SSV_LIBRARY_KIND_SHOWS };

/* A row titled @title (shown as is, never as markup) with @kind chosen. */
GtkWidget *
ssv_library_kind_row_new (const char     *title,
                          SsvLibraryKind  kind)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new ((const char * const[]) {
    _("Not Scanned"), _("Movies"), _("Shows"), NULL });
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == kind)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);

  return row;
}

SsvLibraryKind
ssv_library_kind_row_get_kind (AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < G_N_ELEMENTS (kinds) ? kinds[selected] : SSV_LIBRARY_KIND_NONE;
}
