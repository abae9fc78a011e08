/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-edit-details-dialog.c: a title's details typed by hand (title, sort title, year,
 * overview, ids), each with a lock so no scan and no provider changes it; saved through the
 * title actions in core, off the UI thread. */

#include "config.h"

#include <glib/gi18n.h>

#include "dialogs/ssv-edit-details-dialog.h"
#include "ssv-ui-utils.h"
#include "ssv-title-actions.h"

typedef struct
{
  const char *name;       /* the library's column, and the lock's name */
  const char *label;
  gboolean    is_id;
} FieldInfo;

static const FieldInfo field_infos[] = {
  { "title",      N_("Title"),      FALSE },
  { "sort_title", N_("Sort Title"), FALSE },
  { "year",       N_("Year"),       FALSE },
  { "overview",   N_("Overview"),   FALSE },
  { "tmdb_id",    N_("TMDB ID"),    TRUE },
  { "tvdb_id",    N_("TheTVDB ID"), TRUE },
  { "imdb_id",    N_("IMDb ID"),    TRUE },
};

#define N_FIELDS G_N_ELEMENTS (field_infos)

typedef struct
{
  AdwEntryRow     *row;
  GtkToggleButton *lock;
  char            *original;
  gboolean         was_locked;
  gboolean         auto_locked;   /* by typing, not by hand: typing it back unlocks */
} Field;

struct _SsvEditDetailsDialog
{
  AdwWindow             parent_instance;

  SsvContext           *context;
  SsvTitle             *title;
  GCancellable         *cancellable;
  Field                 fields[N_FIELDS];
  gboolean              saving;

  AdwWindowTitle       *window_title;
  GtkStack             *state_stack;
  GtkSpinner           *spinner;
  GtkSpinner           *saving_spinner;
  AdwPreferencesGroup  *details_group;
  AdwPreferencesGroup  *ids_group;
  AdwStatusPage        *error_page;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (SsvEditDetailsDialog, ssv_edit_details_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
field_index (const char *name)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_infos[i].name, name) == 0)
      return (int) i;

  return -1;
}

static SsvMediaKind
title_kind (SsvEditDetailsDialog *self)
{
  return ssv_title_get_kind (self->title);
}

/* ---- the rows ------------------------------------------------------------------ */

/* The library row's value as typed: ids and years of 0 are empty. */
static char *
original_text (SsvEditDetailsDialog *self,
               const char           *name)
{
  GObject *item = ssv_title_get_item (self->title);
  g_autofree char *property = g_strdelimit (g_strdup (name), "_", '-');
  GParamSpec *pspec = item ? g_object_class_find_property (G_OBJECT_GET_CLASS (item), property) : NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (pspec == NULL)
    return g_strdup ("");

  g_value_init (&value, pspec->value_type);
  g_object_get_property (item, property, &value);
  if (G_VALUE_HOLDS_STRING (&value))
    return g_strdup (g_value_get_string (&value) ? g_value_get_string (&value) : "");
  if (G_VALUE_HOLDS_INT64 (&value))
    return g_value_get_int64 (&value) > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value))
                                          : g_strdup ("");
  if (G_VALUE_HOLDS_INT (&value))
    return g_value_get_int (&value) > 0 ? g_strdup_printf ("%d", g_value_get_int (&value)) : g_strdup ("");

  return g_strdup ("");
}

static void
set_lock_words (GtkToggleButton *lock,
                const char      *label)
{
  gboolean locked = gtk_toggle_button_get_active (lock);
  /* Translators: a field's lock button: "Unlock Title" / "Lock Title" */
  g_autofree char *words = g_strdup_printf (locked ? _("Unlock %s") : _("Lock %s"), label);

  gtk_button_set_icon_name (GTK_BUTTON (lock), locked ? "changes-prevent-symbolic" : "changes-allow-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (lock), words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
}

static void
on_lock_toggled (SsvEditDetailsDialog *self,
                 GtkToggleButton      *lock)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].lock == lock)
      {
        set_lock_words (lock, _(field_infos[i].label));
        /* A lock the person set or cleared stays as they left it. */
        self->fields[i].auto_locked = FALSE;
      }
}

/* A field changed by hand is locked, so the next scan does not put it back; typed back as
 * it was, the lock it got that way goes again. */
static void
on_row_changed (SsvEditDetailsDialog *self,
                GtkEditable          *row)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      Field *field = &self->fields[i];
      gboolean changed = g_strcmp0 (gtk_editable_get_text (row), field->original) != 0;

      if (GTK_EDITABLE (field->row) != row)
        continue;
      if (changed && !gtk_toggle_button_get_active (field->lock))
        {
          gtk_toggle_button_set_active (field->lock, TRUE);
          field->auto_locked = TRUE;
        }
      else if (!changed && field->auto_locked)
        {
          gtk_toggle_button_set_active (field->lock, FALSE);
          field->auto_locked = FALSE;
        }
    }
}

static void
add_row (SsvEditDetailsDialog *self,
         guint                 i)
{
  const FieldInfo *info = &field_infos[i];
  Field *field = &self->fields[i];

  field->original = original_text (self, info->name);
  field->row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), _(info->label));
  gtk_widget_set_name (GTK_WIDGET (field->row), info->name);
  gtk_editable_set_text (GTK_EDITABLE (field->row), field->original);
  if (g_str_equal (info->name, "year") || (info->is_id && !g_str_equal (info->name, "imdb_id")))
    gtk_editable_set_width_chars (GTK_EDITABLE (field->row), 10);

  field->lock = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (field->lock), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (field->lock), "flat");
  set_lock_words (field->lock, _(info->label));
  g_signal_connect_object (field->lock, "toggled", G_CALLBACK (on_lock_toggled), self, G_CONNECT_SWAPPED);
  adw_entry_row_add_suffix (field->row, GTK_WIDGET (field->lock));

  g_signal_connect_object (field->row, "changed", G_CALLBACK (on_row_changed), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (info->is_id ? self->ids_group : self->details_group, GTK_WIDGET (field->row));
}

static void
locks_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SsvEditDetailsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) locked = ssv_title_actions_locked_fields_finish (SSV_TITLE_ACTIONS (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (locked == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "edit-details.save", FALSE);
      return;
    }

  for (guint i = 0; locked[i] != NULL; i++)
    {
      int index = field_index (locked[i]);

      if (index < 0)
        continue;
      self->fields[index].was_locked = TRUE;
      gtk_toggle_button_set_active (self->fields[index].lock, TRUE);
    }

  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_stack_set_visible_child_name (self->state_stack, "form");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "edit-details.save", TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->fields[0].row));
}

/* ---- saving -------------------------------------------------------------------- */

static void
show_error (SsvEditDetailsDialog *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
set_saving (SsvEditDetailsDialog *self,
            gboolean              saving)
{
  self->saving = saving;
  gtk_widget_set_visible (GTK_WIDGET (self->saving_spinner), saving);
  gtk_spinner_set_spinning (self->saving_spinner, saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "edit-details.save", !saving);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SsvEditDetailsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!ssv_title_actions_finish (SSV_TITLE_ACTIONS (source), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_saving (self, FALSE);
  if (error != NULL)
    {
      /* The dialog stays, with what was typed, until the person fixes it or cancels. */
      show_error (self, error->message);
      return;
    }

  message = g_strdup_printf (_("Details of “%s” saved"),
                             gtk_editable_get_text (GTK_EDITABLE (self->fields[field_index ("title")].row)));
  ssv_ui_toast (GTK_WIDGET (self), message);
  gtk_window_close (GTK_WINDOW (self));
}

/* edit-details.save (Ctrl+S): what changed, what was locked and what was unlocked. */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsvEditDetailsDialog *self = SSV_EDIT_DETAILS_DIALOG (widget);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GPtrArray) lock = g_ptr_array_new ();
  g_autoptr(GPtrArray) unlock = g_ptr_array_new ();

  if (self->saving)
    return;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      Field *field = &self->fields[i];
      const char *text = gtk_editable_get_text (GTK_EDITABLE (field->row));
      gboolean locked = gtk_toggle_button_get_active (field->lock);

      /* Only what changed: an unchanged TMDB id must not match the title again. */
      if (g_strcmp0 (text, field->original) != 0)
        {
          g_ptr_array_add (fields, (gpointer) field_infos[i].name);
          g_ptr_array_add (fields, (gpointer) text);
        }
      if (locked && !field->was_locked)
        g_ptr_array_add (lock, (gpointer) field_infos[i].name);
      else if (!locked && field->was_locked)
        g_ptr_array_add (unlock, (gpointer) field_infos[i].name);
    }
  g_ptr_array_add (fields, NULL);
  g_ptr_array_add (lock, NULL);
  g_ptr_array_add (unlock, NULL);

  if (fields->len == 1 && lock->len == 1 && unlock->len == 1)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  show_error (self, NULL);
  set_saving (self, TRUE);
  ssv_title_actions_edit_async (ssv_context_get_title_actions (self->context), title_kind (self),
                                ssv_title_get_id (self->title), (const char * const *) fields->pdata,
                                (const char * const *) lock->pdata, (const char * const *) unlock->pdata,
                                self->cancellable, saved_cb, g_object_ref (self));
}

/* ---- public and for tests ---------------------------------------------------------- */

/* "loading", "form" or "error". */
const char *
ssv_edit_details_dialog_get_state (SsvEditDetailsDialog *self)
{
  g_return_val_if_fail (SSV_IS_EDIT_DETAILS_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->state_stack);
}

/* Returns: (transfer none) (nullable): the row of @field ("title", "tmdb_id", …) */
AdwEntryRow *
ssv_edit_details_dialog_get_row (SsvEditDetailsDialog *self,
                                 const char           *field)
{
  int index = field_index (field);

  g_return_val_if_fail (SSV_IS_EDIT_DETAILS_DIALOG (self), NULL);

  return index >= 0 ? self->fields[index].row : NULL;
}

/* Returns: (transfer none) (nullable): the lock of @field */
GtkToggleButton *
ssv_edit_details_dialog_get_lock (SsvEditDetailsDialog *self,
                                  const char           *field)
{
  int index = field_index (field);

  g_return_val_if_fail (SSV_IS_EDIT_DETAILS_DIALOG (self), NULL);

  return index >= 0 ? self->fields[index].lock : NULL;
}

/* Returns: (nullable): what went wrong with the last save, in words */
const char *
ssv_edit_details_dialog_get_error (SsvEditDetailsDialog *self)
{
  g_return_val_if_fail (SSV_IS_EDIT_DETAILS_DIALOG (self), NULL);

  return gtk_revealer_get_reveal_child (self->error_revealer) ? gtk_label_get_text (self->error_label) : NULL;
}

/* ---- GObject ----------------------------------------------------------------------- */

static void
ssv_edit_details_dialog_constructed (GObject *object)
{
  SsvEditDetailsDialog *self = SSV_EDIT_DETAILS_DIALOG (object);

  G_OBJECT_CLASS (ssv_edit_details_dialog_parent_class)->constructed (object);

  adw_window_title_set_subtitle (self->window_title, ssv_title_get_title (self->title));
  for (guint i = 0; i < N_FIELDS; i++)
    add_row (self, i);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "edit-details.save", FALSE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  ssv_title_actions_locked_fields_async (ssv_context_get_title_actions (self->context), title_kind (self),
                                         ssv_title_get_id (self->title), self->cancellable, locks_ready_cb,
                                         g_object_ref (self));
}

static void
ssv_edit_details_dialog_dispose (GObject *object)
{
  SsvEditDetailsDialog *self = SSV_EDIT_DETAILS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_EDIT_DETAILS_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->title);

  G_OBJECT_CLASS (ssv_edit_details_dialog_parent_class)->dispose (object);
}

static void
ssv_edit_details_dialog_finalize (GObject *object)
{
  SsvEditDetailsDialog *self = SSV_EDIT_DETAILS_DIALOG (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i].original);

  G_OBJECT_CLASS (ssv_edit_details_dialog_parent_class)->finalize (object);
}

static void
ssv_edit_details_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SsvEditDetailsDialog *self = SSV_EDIT_DETAILS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_TITLE:
      g_value_set_object (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_edit_details_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SsvEditDetailsDialog *self = SSV_EDIT_DETAILS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_edit_details_dialog_class_init (SsvEditDetailsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = ssv_edit_details_dialog_constructed;
  object_class->dispose = ssv_edit_details_dialog_dispose;
  object_class->finalize = ssv_edit_details_dialog_finalize;
  object_class->get_property = ssv_edit_details_dialog_get_property;
  object_class->set_property = ssv_edit_details_dialog_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT, flags);
  /**
   * SsvEditDetailsDialog:title-item:
   *
   * The movie or show edited, as its page shows it.
   */
  properties[PROP_TITLE] = g_param_spec_object ("title-item", NULL, NULL, SSV_TYPE_TITLE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dialogs/ssv-edit-details-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvEditDetailsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SsvEditDetailsDialog, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvEditDetailsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvEditDetailsDialog, saving_spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvEditDetailsDialog, details_group);
  gtk_widget_class_bind_template_child (widget_class, SsvEditDetailsDialog, ids_group);
  gtk_widget_class_bind_template_child (widget_class, SsvEditDetailsDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, SsvEditDetailsDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SsvEditDetailsDialog, error_label);

  gtk_widget_class_install_action (widget_class, "edit-details.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "edit-details.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ssv_edit_details_dialog_init (SsvEditDetailsDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_edit_details_dialog_new:
 * @title: the movie or show, as its page loaded it
 */
SsvEditDetailsDialog *
ssv_edit_details_dialog_new (SsvContext *context,
                             SsvTitle   *title)
{
  return g_object_new (SSV_TYPE_EDIT_DETAILS_DIALOG,
                       "context", context,
                       "title-item", title,
                       NULL);
}
