/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-filters.c: the Library's Filter popover. Its controls say what the page
 * filters by; "changed" says a person changed one. The page builds it when the Filter
 * button first opens, so starting the app does not build a popover nobody opened. */

#include "config.h"

#include "pages/library/ssv-library-filters.h"

struct _SsvLibraryFilters
{
  GtkPopover      parent_instance;

  GtkDropDown    *genre_dropdown;
  GtkSpinButton  *year_from_spin;
  GtkSpinButton  *year_to_spin;
  GtkDropDown    *watched_dropdown;
  GtkCheckButton *has_file_check;

  guint           quiet;   /* > 0 while the choice is set from outside */
};

G_DEFINE_FINAL_TYPE (SsvLibraryFilters, ssv_library_filters, GTK_TYPE_POPOVER)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_control_changed (SsvLibraryFilters *self)
{
  if (self->quiet == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
ssv_library_filters_class_init (SsvLibraryFiltersClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * SsvLibraryFilters::changed:
   *
   * A person changed one of the controls; ssv_library_filters_get_choice() says to what.
   * Not emitted for ssv_library_filters_set_choice().
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/pages/library/ssv-library-filters.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvLibraryFilters, genre_dropdown);
  gtk_widget_class_bind_template_child_full (widget_class, "year_from", FALSE,
                                             G_STRUCT_OFFSET (SsvLibraryFilters, year_from_spin));
  gtk_widget_class_bind_template_child_full (widget_class, "year_to", FALSE,
                                             G_STRUCT_OFFSET (SsvLibraryFilters, year_to_spin));
  gtk_widget_class_bind_template_child (widget_class, SsvLibraryFilters, watched_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SsvLibraryFilters, has_file_check);
  gtk_widget_class_bind_template_callback (widget_class, on_control_changed);
}

static void
ssv_library_filters_init (SsvLibraryFilters *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_library_filters_new:
 * @genres: the genre names to choose from, "All Genres" first; followed as it changes
 */
GtkWidget *
ssv_library_filters_new (GListModel *genres)
{
  SsvLibraryFilters *self = g_object_new (SSV_TYPE_LIBRARY_FILTERS, NULL);

  g_return_val_if_fail (G_IS_LIST_MODEL (genres), NULL);

  self->quiet++;
  gtk_drop_down_set_model (self->genre_dropdown, genres);
  self->quiet--;

  return GTK_WIDGET (self);
}

void
ssv_library_filters_get_choice (SsvLibraryFilters      *self,
                                SsvLibraryFilterChoice *choice)
{
  guint genre;

  g_return_if_fail (SSV_IS_LIBRARY_FILTERS (self));
  g_return_if_fail (choice != NULL);

  genre = gtk_drop_down_get_selected (self->genre_dropdown);
  choice->genre = genre == GTK_INVALID_LIST_POSITION ? 0 : genre;
  choice->year_from = gtk_spin_button_get_value_as_int (self->year_from_spin);
  choice->year_to = gtk_spin_button_get_value_as_int (self->year_to_spin);
  choice->watched = MIN (gtk_drop_down_get_selected (self->watched_dropdown), 2);
  choice->has_file = gtk_check_button_get_active (self->has_file_check);
}

/* Shows @choice in the controls, without "changed": the page already filters by it. */
void
ssv_library_filters_set_choice (SsvLibraryFilters            *self,
                                const SsvLibraryFilterChoice *choice)
{
  g_return_if_fail (SSV_IS_LIBRARY_FILTERS (self));
  g_return_if_fail (choice != NULL);

  self->quiet++;
  gtk_drop_down_set_selected (self->genre_dropdown, choice->genre);
  gtk_spin_button_set_value (self->year_from_spin, choice->year_from);
  gtk_spin_button_set_value (self->year_to_spin, choice->year_to);
  gtk_drop_down_set_selected (self->watched_dropdown, choice->watched);
  gtk_check_button_set_active (self->has_file_check, choice->has_file);
  self->quiet--;
}
