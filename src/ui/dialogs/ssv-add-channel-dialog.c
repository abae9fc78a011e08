/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-add-channel-dialog.c: follow a YouTube channel from a pasted address or @handle. The
 * follow runs in the channel service's thread (cache-first, as `channel follow` does) with a
 * spinner; an address that is not a channel's gets the service's words under the entry. */

#include "config.h"

#include <glib/gi18n.h>

#include "dialogs/ssv-add-channel-dialog.h"
#include "ssv-channel-follow.h"
#include "ssv-context.h"
#include "ssv-ui-utils.h"

struct _SsvAddChannelDialog
{
  AdwWindow         parent_instance;

  SsvContext       *context;
  SsvChannelFollow *follow;

  GtkEditable      *entry;
  GtkLabel         *error_label;
  GtkSpinner       *spinner;
  GtkWidget        *follow_button;
};

G_DEFINE_FINAL_TYPE (SsvAddChannelDialog, ssv_add_channel_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- following ----------------------------------------------------------------------- */

static void
on_followed (SsvAddChannelDialog *self,
             const char          *channel_id)
{
  ssv_ui_toast (GTK_WIDGET (self), _("Channel followed"));
  gtk_window_close (GTK_WINDOW (self));
}

static void
follow_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsvAddChannelDialog *self = SSV_ADD_CHANNEL_DIALOG (widget);

  if (self->follow != NULL)
    ssv_channel_follow_start (self->follow, gtk_editable_get_text (self->entry));
}

static void
on_entry_activate (SsvAddChannelDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "add-channel.follow", NULL);
}

static void
on_entry_changed (SsvAddChannelDialog *self)
{
  if (self->follow != NULL)
    ssv_channel_follow_clear_error (self->follow);
}

/* ---- public ------------------------------------------------------------------------- */

void
ssv_add_channel_dialog_set_text (SsvAddChannelDialog *self,
                                 const char          *text)
{
  g_return_if_fail (SSV_IS_ADD_CHANNEL_DIALOG (self));

  gtk_editable_set_text (self->entry, text);
}

/* Whether a follow is under way (the spinner turns). */
gboolean
ssv_add_channel_dialog_is_busy (SsvAddChannelDialog *self)
{
  g_return_val_if_fail (SSV_IS_ADD_CHANNEL_DIALOG (self), FALSE);

  return self->follow != NULL && ssv_channel_follow_get_busy (self->follow);
}

/* Returns: (nullable): the words under the entry, if any show */
const char *
ssv_add_channel_dialog_get_error (SsvAddChannelDialog *self)
{
  g_return_val_if_fail (SSV_IS_ADD_CHANNEL_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

/* Returns: (nullable): the UC… id of the channel followed from here */
const char *
ssv_add_channel_dialog_get_followed (SsvAddChannelDialog *self)
{
  g_return_val_if_fail (SSV_IS_ADD_CHANNEL_DIALOG (self), NULL);

  return self->follow != NULL ? ssv_channel_follow_get_followed (self->follow) : NULL;
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
ssv_add_channel_dialog_constructed (GObject *object)
{
  SsvAddChannelDialog *self = SSV_ADD_CHANNEL_DIALOG (object);

  G_OBJECT_CLASS (ssv_add_channel_dialog_parent_class)->constructed (object);

  if (self->context == NULL)
    return;

  self->follow = ssv_channel_follow_new (ssv_context_get_channel_service (self->context));
  ssv_channel_follow_bind (self->follow, GTK_WIDGET (self), "add-channel.follow", self->entry, self->spinner,
                           self->error_label);
  g_signal_connect_object (self->follow, "followed", G_CALLBACK (on_followed), self, G_CONNECT_SWAPPED);
}

static void
ssv_add_channel_dialog_dispose (GObject *object)
{
  SsvAddChannelDialog *self = SSV_ADD_CHANNEL_DIALOG (object);

  /* Kept until finalize: what was followed can still be asked. */
  if (self->follow != NULL)
    ssv_channel_follow_cancel (self->follow);
  gtk_widget_dispose_template (GTK_WIDGET (object), SSV_TYPE_ADD_CHANNEL_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ssv_add_channel_dialog_parent_class)->dispose (object);
}

static void
ssv_add_channel_dialog_finalize (GObject *object)
{
  SsvAddChannelDialog *self = SSV_ADD_CHANNEL_DIALOG (object);

  g_clear_object (&self->follow);

  G_OBJECT_CLASS (ssv_add_channel_dialog_parent_class)->finalize (object);
}

static void
ssv_add_channel_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SsvAddChannelDialog *self = SSV_ADD_CHANNEL_DIALOG (object);

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
ssv_add_channel_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SsvAddChannelDialog *self = SSV_ADD_CHANNEL_DIALOG (object);

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
ssv_add_channel_dialog_class_init (SsvAddChannelDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_add_channel_dialog_dispose;
  object_class->constructed = ssv_add_channel_dialog_constructed;
  object_class->finalize = ssv_add_channel_dialog_finalize;
  object_class->get_property = ssv_add_channel_dialog_get_property;
  object_class->set_property = ssv_add_channel_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dialogs/ssv-add-channel-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvAddChannelDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, SsvAddChannelDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SsvAddChannelDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvAddChannelDialog, follow_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);

  gtk_widget_class_install_action (widget_class, "add-channel.follow", NULL, follow_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ssv_add_channel_dialog_init (SsvAddChannelDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SsvAddChannelDialog *
ssv_add_channel_dialog_new (SsvContext *context)
{
  return g_object_new (SSV_TYPE_ADD_CHANNEL_DIALOG, "context", context, NULL);
}
