/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-filters.h: the Library's Filter popover (genre, years, watched, file). */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the popover's controls say. */
typedef struct
{
  guint    genre;      /* position in the genres list; 0 is "All Genres" */
  int      year_from;
  int      year_to;
  guint    watched;    /* 0 any, 1 watched, 2 unwatched: the watched list's order */
  gboolean has_file;
} SsvLibraryFilterChoice;

/* The span of years the spin buttons offer (their adjustments in the .ui say the same). */
#define SSV_LIBRARY_FILTERS_YEAR_MIN 1880
#define SSV_LIBRARY_FILTERS_YEAR_MAX 2100

#define SSV_TYPE_LIBRARY_FILTERS (ssv_library_filters_get_type ())

G_DECLARE_FINAL_TYPE (SsvLibraryFilters, ssv_library_filters, SSV, LIBRARY_FILTERS, GtkPopover)

GtkWidget *ssv_library_filters_new        (GListModel                   *genres);
void       ssv_library_filters_get_choice (SsvLibraryFilters            *self,
                                           SsvLibraryFilterChoice       *choice);
void       ssv_library_filters_set_choice (SsvLibraryFilters            *self,
                                           const SsvLibraryFilterChoice *choice);

G_END_DECLS
