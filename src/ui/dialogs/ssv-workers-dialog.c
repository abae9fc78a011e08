/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-workers-dialog.c: Manage Workers: every metadata worker, and the titles TMDB could not match. */

#include "config.h"

#include <glib/gi18n.h>

#include "dialogs/ssv-rematch-dialog.h"
#include "ssv-ui-utils.h"
#include "dialogs/ssv-worker-row.h"
#include "dialogs/ssv-workers-dialog.h"

#define UNMATCHED_LIMIT 200

struct _SsvWorkersDialog
{
  AdwWindow            parent_instance;

  SsvContext          *context;
  SsvEnrichmentEngine *engine;
  GCancellable        *cancellable;
  guint                n_unmatched;
  guint                reload_source;
  gboolean             loading;

  AdwViewStack        *stack;
  AdwPreferencesPage  *workers_page;
  GtkSearchEntry      *search_entry;
  GtkStack            *unmatched_stack;
  GtkSpinner          *spinner;
  GtkListBox          *unmatched_list;
  AdwStatusPage       *error_page;
};

G_DEFINE_FINAL_TYPE (SsvWorkersDialog, ssv_workers_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload_unmatched (SsvWorkersDialog *self);

static GtkWidget *
unmatched_row (const SsvUnmatched *unmatched)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Match…"));
  g_autofree char *title = unmatched->year > 0
                           ? g_strdup_printf ("%s (%d)", unmatched->title, unmatched->year)
                           : g_strdup (unmatched->title);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *reason = NULL;

  if (unmatched->status == SSV_OUTCOME_NOT_FOUND)
    reason = g_strdup (unmatched->kind == SSV_ITEM_SHOW ? _("Show · TMDB found no match")
                                                        : _("Movie · TMDB found no match"));
  else
    reason = g_strdup_printf ("%s · %s", unmatched->kind == SSV_ITEM_SHOW ? _("Show") : _("Movie"),
                              unmatched->last_error ? unmatched->last_error : _("It failed"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Choose the right title on TMDB"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "workers-dialog.rematch");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(uxsi)", (guint) unmatched->kind,
                                    unmatched->id, unmatched->title ? unmatched->title : "", unmatched->year);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
unmatched_ready_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SsvWorkersDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = ssv_enrichment_store_list_unmatched_finish (SSV_ENRICHMENT_STORE (source),
                                                                           result, &error);
  GtkWidget *child;

  if (found == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);

  if (found == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->unmatched_stack, "error");
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->unmatched_list))) != NULL)
    gtk_list_box_remove (self->unmatched_list, child);

  for (guint i = 0; i < found->len; i++)
    gtk_list_box_append (self->unmatched_list, unmatched_row (g_ptr_array_index (found, i)));

  self->n_unmatched = found->len;
  gtk_stack_set_visible_child_name (self->unmatched_stack, found->len > 0 ? "list" : "empty");
}

static void
reload_unmatched (SsvWorkersDialog *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;

  if (self->n_unmatched == 0)
    {
      gtk_spinner_set_spinning (self->spinner, TRUE);
      gtk_stack_set_visible_child_name (self->unmatched_stack, "loading");
    }

  ssv_enrichment_store_list_unmatched_async (ssv_enrichment_engine_get_store (self->engine), "tmdb",
                                             search, UNMATCHED_LIMIT, self->cancellable,
                                             unmatched_ready_cb, g_object_ref (self));
}

static gboolean
reload_later_cb (gpointer data)
{
  SsvWorkersDialog *self = data;

  self->reload_source = 0;
  reload_unmatched (self);

  return G_SOURCE_REMOVE;
}

/* Many titles finish in a row: look again a little later, once. */
static void
on_item_done (SsvWorkersDialog *self,
              SsvWorker        *worker,
              guint             kind,
              gint64            id,
              guint             outcome,
              const char       *label)
{
  if (g_strcmp0 (ssv_worker_get_name (worker), "tmdb") != 0 || self->reload_source != 0)
    return;

  self->reload_source = g_timeout_add_seconds (2, reload_later_cb, self);
}

static void
on_search_changed (SsvWorkersDialog *self)
{
  reload_unmatched (self);
}

static void
on_rematched (SsvWorkersDialog *self)
{
  reload_unmatched (self);
}

static void
rematch_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SsvWorkersDialog *self = SSV_WORKERS_DIALOG (widget);
  SsvRematchDialog *dialog;
  const char *title;
  guint kind;
  gint64 id;
  gint32 year;

  g_variant_get (parameter, "(ux&si)", &kind, &id, &title, &year);
  dialog = ssv_rematch_dialog_new (self->context, kind, id, title, year);
  g_signal_connect_object (dialog, "rematched", G_CALLBACK (on_rematched), self, G_CONNECT_SWAPPED);
  ssv_ui_present_window (GTK_WINDOW (dialog), widget);
}

static void
show_unmatched_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ssv_workers_dialog_show_unmatched (SSV_WORKERS_DIALOG (widget));
}

static void
ssv_workers_dialog_constructed (GObject *object)
{
  SsvWorkersDialog *self = SSV_WORKERS_DIALOG (object);
  GListModel *workers;

  G_OBJECT_CLASS (ssv_workers_dialog_parent_class)->constructed (object);

  self->engine = g_object_ref (ssv_context_get_enrichment_engine (self->context));
  workers = ssv_enrichment_engine_get_workers (self->engine);
  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(SsvWorker) worker = g_list_model_get_item (workers, i);

      adw_preferences_page_add (self->workers_page,
                                ADW_PREFERENCES_GROUP (ssv_worker_row_new (self->engine, worker)));
    }

  g_signal_connect_object (self->engine, "item-done", G_CALLBACK (on_item_done), self, G_CONNECT_SWAPPED);
  reload_unmatched (self);
}

static void
ssv_workers_dialog_dispose (GObject *object)
{
  SsvWorkersDialog *self = SSV_WORKERS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_WORKERS_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->engine);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ssv_workers_dialog_parent_class)->dispose (object);
}

static void
ssv_workers_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SsvWorkersDialog *self = SSV_WORKERS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_workers_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SsvWorkersDialog *self = SSV_WORKERS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_workers_dialog_class_init (SsvWorkersDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_workers_dialog_constructed;
  object_class->dispose = ssv_workers_dialog_dispose;
  object_class->get_property = ssv_workers_dialog_get_property;
  object_class->set_property = ssv_workers_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dialogs/ssv-workers-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvWorkersDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SsvWorkersDialog, workers_page);
  gtk_widget_class_bind_template_child (widget_class, SsvWorkersDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SsvWorkersDialog, unmatched_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvWorkersDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvWorkersDialog, unmatched_list);
  gtk_widget_class_bind_template_child (widget_class, SsvWorkersDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_install_action (widget_class, "workers-dialog.rematch", "(uxsi)", rematch_action);
  gtk_widget_class_install_action (widget_class, "workers-dialog.show-unmatched", NULL, show_unmatched_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "workers-dialog.show-unmatched", NULL);
}

static void
ssv_workers_dialog_init (SsvWorkersDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SsvWorkersDialog *
ssv_workers_dialog_new (SsvContext *context)
{
  return g_object_new (SSV_TYPE_WORKERS_DIALOG, "context", context, NULL);
}

/* The unmatched titles, with the search ready to type into (Ctrl+F). */
void
ssv_workers_dialog_show_unmatched (SsvWorkersDialog *self)
{
  g_return_if_fail (SSV_IS_WORKERS_DIALOG (self));

  adw_view_stack_set_visible_child_name (self->stack, "unmatched");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkListBox *
ssv_workers_dialog_get_unmatched_list (SsvWorkersDialog *self)
{
  return self->unmatched_list;
}

guint
ssv_workers_dialog_get_n_unmatched (SsvWorkersDialog *self)
{
  return self->n_unmatched;
}

gboolean
ssv_workers_dialog_is_loading (SsvWorkersDialog *self)
{
  return self->loading;
}
