/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-page.c: the Library page. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-library-page.h"

struct _SsvLibraryPage
{
  SsvPage          parent_instance;

  GCancellable    *cancellable;
  gboolean         loaded;

  GtkStack        *state_stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  AdwStatusPage   *content_page;
};

G_DEFINE_FINAL_TYPE (SsvLibraryPage, ssv_library_page, SSV_TYPE_PAGE)

static void
set_state (SsvLibraryPage *self,
           const char     *state)
{
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (state, "loading") == 0);
  gtk_stack_set_visible_child_name (self->state_stack, state);
}

/* "loading", "empty", "error" or "content": what a person sees now. */
const char *
ssv_library_page_get_state (SsvLibraryPage *self)
{
  g_return_val_if_fail (SSV_IS_LIBRARY_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->state_stack);
}

static void
counts_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SsvLibraryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *movies = NULL;
  g_autofree char *shows = NULL;
  SsvLibraryCounts counts;

  if (!ssv_library_store_get_counts_finish (SSV_LIBRARY_STORE (source), result, &counts, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      set_state (self, "error");
      return;
    }

  self->loaded = TRUE;

  if (counts.movies == 0 && counts.shows == 0)
    {
      set_state (self, "empty");
      return;
    }

  movies = g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " movie",
                                      "%" G_GINT64_FORMAT " movies",
                                      counts.movies), counts.movies);
  shows = g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " show",
                                     "%" G_GINT64_FORMAT " shows",
                                     counts.shows), counts.shows);
  summary = g_strdup_printf ("%s · %s", movies, shows);
  adw_status_page_set_description (self->content_page, summary);
  set_state (self, "content");
}

static void
reload (SsvLibraryPage *self)
{
  SsvContext *context = ssv_page_get_context (SSV_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (!self->loaded)
    set_state (self, "loading");

  ssv_library_store_get_counts_async (ssv_context_get_library_store (context),
                                      self->cancellable, counts_ready_cb,
                                      g_object_ref (self));
}

static void
on_library_changed (SsvLibraryPage *self,
                    const char     *detail)
{
  reload (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reload (SSV_LIBRARY_PAGE (widget));
}

static void
connect_server_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "app.preferences", NULL);
}

static void
ssv_library_page_constructed (GObject *object)
{
  SsvLibraryPage *self = SSV_LIBRARY_PAGE (object);
  SsvContext *context;

  G_OBJECT_CLASS (ssv_library_page_parent_class)->constructed (object);

  context = ssv_page_get_context (SSV_PAGE (self));
  g_signal_connect_object (ssv_context_get_library_store (context), "changed",
                           G_CALLBACK (on_library_changed), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
ssv_library_page_dispose (GObject *object)
{
  SsvLibraryPage *self = SSV_LIBRARY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ssv_library_page_parent_class)->dispose (object);
}

static void
ssv_library_page_class_init (SsvLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_library_page_constructed;
  object_class->dispose = ssv_library_page_dispose;

  ssv_page_class_set_info (SSV_PAGE_CLASS (klass), "library", _("Library"),
                           "video-x-generic-symbolic");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/pages/ssv-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvLibraryPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvLibraryPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvLibraryPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SsvLibraryPage, content_page);

  gtk_widget_class_install_action (widget_class, "library.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "library.connect-server", NULL, connect_server_action);
  gtk_widget_class_install_action (widget_class, "library.add-folder", NULL, connect_server_action);
}

static void
ssv_library_page_init (SsvLibraryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
