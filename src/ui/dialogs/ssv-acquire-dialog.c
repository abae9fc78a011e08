/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-acquire-dialog.c: Add Indexer… and Add Client…: checks what was typed, then adds the row
 * and puts the key in the keyring off the UI thread (ssv-acquire-setup), toasting what became
 * of it. Closing the dialog cancels a save on its way. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dialogs/ssv-acquire-dialog.h"
#include "ssv-acquire-setup.h"
#include "ssv-ui-utils.h"
#include "downloads/ssv-download-client.h"

struct _SsvAcquireDialog
{
  AdwWindow          parent_instance;

  SsvContext        *context;
  gboolean           clients;
  GCancellable      *cancellable;   /* the save on its way */
  gboolean           saving;

  AdwComboRow       *kind_row;
  GtkStringList     *kinds;
  AdwEntryRow       *name_row;
  AdwEntryRow       *url_row;
  AdwEntryRow       *user_row;
  AdwEntryRow       *secret_row;
};

G_DEFINE_FINAL_TYPE (SsvAcquireDialog, ssv_acquire_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CLIENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The indexer kinds the download store takes, in the order the drop-down shows them. */
static const struct
{
  const char *kind;
  const char *label;
} indexer_kinds[] = {
  { "torznab", N_("Torznab (Jackett, torrent indexers)") },
  { "newznab", N_("Newznab (Usenet indexers)") },
  { "prowlarr", N_("Prowlarr") },
  { "slskd", N_("Soulseek (slskd)") },
};

/* ---- input ------------------------------------------------------------------------ */

static char *
dup_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_saving (SsvAcquireDialog *self,
            gboolean          saving)
{
  self->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "acquire-dialog.add", !saving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), !saving);
}

/* ---- saving ----------------------------------------------------------------------- */

static void
add_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SsvAcquireDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (ssv_acquire_add_finish (result, &error) == 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_saving (self, FALSE);
      /* Translators: %s says why, e.g. "An indexer called “x” exists already." */
      message = g_strdup_printf (_("Could not add it: %s"), error->message);
      ssv_ui_toast (GTK_WIDGET (self), message);
      return;
    }

  name = dup_text (self->name_row);
  message = self->clients ? g_strdup_printf (_("Added the download client “%s”."), name)
                          : g_strdup_printf (_("Added the indexer “%s”."), name);
  ssv_ui_toast (GTK_WIDGET (self), message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SsvAcquireDialog *self = SSV_ACQUIRE_DIALOG (widget);
  g_autofree char *name = dup_text (self->name_row);
  g_autofree char *url = dup_text (self->url_row);
  g_autofree char *user = dup_text (self->user_row);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));

  if (self->saving || kind == GTK_INVALID_LIST_POSITION)
    return;
  if (name[0] == '\0')
    {
      ssv_ui_toast (widget, _("Give it a name first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }
  if (!ssv_acquire_is_web_address (url))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a web address; it starts with http:// or https://."),
                                                  url);

      ssv_ui_toast (widget, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
      return;
    }

  set_saving (self, TRUE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->clients)
    ssv_acquire_add_client_async (self->context, (SsvClientKind) kind, name, url, user, secret,
                                  self->cancellable, add_done_cb, g_object_ref (self));
  else
    ssv_acquire_add_indexer_async (self->context, indexer_kinds[kind].kind, name, url, secret,
                                   self->cancellable, add_done_cb, g_object_ref (self));
}

/* ---- public ----------------------------------------------------------------------- */

SsvAcquireDialog *
ssv_acquire_dialog_new (SsvContext *context,
                        gboolean    clients)
{
  return g_object_new (SSV_TYPE_ACQUIRE_DIALOG, "context", context, "clients", clients, NULL);
}

gboolean
ssv_acquire_dialog_set_kind (SsvAcquireDialog *self,
                             const char       *kind)
{
  g_return_val_if_fail (SSV_IS_ACQUIRE_DIALOG (self), FALSE);

  if (self->clients)
    {
      SsvClientKind client_kind;

      if (!ssv_client_kind_from_string (kind, &client_kind))
        return FALSE;
      adw_combo_row_set_selected (self->kind_row, client_kind);
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (indexer_kinds); i++)
    if (g_strcmp0 (indexer_kinds[i].kind, kind) == 0)
      {
        adw_combo_row_set_selected (self->kind_row, i);
        return TRUE;
      }
  return FALSE;
}

gboolean
ssv_acquire_dialog_get_saving (SsvAcquireDialog *self)
{
  g_return_val_if_fail (SSV_IS_ACQUIRE_DIALOG (self), FALSE);

  return self->saving;
}

/* ---- object ----------------------------------------------------------------------- */

static void
ssv_acquire_dialog_constructed (GObject *object)
{
  SsvAcquireDialog *self = SSV_ACQUIRE_DIALOG (object);

  G_OBJECT_CLASS (ssv_acquire_dialog_parent_class)->constructed (object);

  if (self->clients)
    {
      for (guint i = 0; i < SSV_CLIENT_N_KINDS; i++)
        gtk_string_list_append (self->kinds, ssv_client_kind_display_name ((SsvClientKind) i));
      gtk_window_set_title (GTK_WINDOW (self), _("Add Download Client"));
      gtk_widget_set_visible (GTK_WIDGET (self->user_row), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->secret_row), _("_Password or API Key"));
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (indexer_kinds); i++)
        gtk_string_list_append (self->kinds, _(indexer_kinds[i].label));
    }
  adw_combo_row_set_selected (self->kind_row, 0);
}

static void
ssv_acquire_dialog_dispose (GObject *object)
{
  SsvAcquireDialog *self = SSV_ACQUIRE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_ACQUIRE_DIALOG);

  G_OBJECT_CLASS (ssv_acquire_dialog_parent_class)->dispose (object);
}

static void
ssv_acquire_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SsvAcquireDialog *self = SSV_ACQUIRE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_CLIENTS:
      self->clients = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_acquire_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SsvAcquireDialog *self = SSV_ACQUIRE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CLIENTS:
      g_value_set_boolean (value, self->clients);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_acquire_dialog_class_init (SsvAcquireDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_acquire_dialog_constructed;
  object_class->dispose = ssv_acquire_dialog_dispose;
  object_class->get_property = ssv_acquire_dialog_get_property;
  object_class->set_property = ssv_acquire_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENTS] =
    g_param_spec_boolean ("clients", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dialogs/ssv-acquire-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvAcquireDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SsvAcquireDialog, kinds);
  gtk_widget_class_bind_template_child (widget_class, SsvAcquireDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SsvAcquireDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, SsvAcquireDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, SsvAcquireDialog, secret_row);

  gtk_widget_class_install_action (widget_class, "acquire-dialog.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ssv_acquire_dialog_init (SsvAcquireDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
