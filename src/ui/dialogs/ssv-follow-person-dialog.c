/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-follow-person-dialog.c: following a person, from their page or a cast card: only their
 * upcoming movies, or the last few years' too. The follow runs in the people follower's
 * thread with a spinner; what joined the wishlist goes to a toast, a failure under the choice. */

#include "config.h"

#include <glib/gi18n.h>

#include "dialogs/ssv-follow-person-dialog.h"
#include "ssv-people-follower.h"
#include "ssv-ui-utils.h"

struct _SsvFollowPersonDialog
{
  AdwWindow       parent_instance;

  SsvContext     *context;
  gint64          tmdb_id;
  char           *name;
  GCancellable   *cancellable;
  char           *summary;

  GtkLabel       *intro_label;
  GtkCheckButton *upcoming_check;
  GtkCheckButton *lookback_check;
  GtkSpinButton  *years_spin;
  GtkLabel       *error_label;
  GtkSpinner     *spinner;
};

G_DEFINE_FINAL_TYPE (SsvFollowPersonDialog, ssv_follow_person_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TMDB_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- state ------------------------------------------------------------------------- */

static void
set_busy (SsvFollowPersonDialog *self,
          gboolean               busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "follow-person.follow", !busy);
}

static void
show_error (SsvFollowPersonDialog *self,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* ---- following ----------------------------------------------------------------------- */

static void
follow_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SsvFollowPersonDialog *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = ssv_people_follower_follow_finish (SSV_PEOPLE_FOLLOWER (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Not cancelled: the dialog is alive. */
  self = user_data;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (summary == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_free (self->summary);
  self->summary = g_steal_pointer (&summary);
  ssv_ui_toast (GTK_WIDGET (self), self->summary);
  gtk_window_close (GTK_WINDOW (self));
}

static void
follow_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsvFollowPersonDialog *self = SSV_FOLLOW_PERSON_DIALOG (widget);

  if (self->cancellable != NULL)
    return;

  show_error (self, NULL);
  set_busy (self, TRUE);
  self->cancellable = g_cancellable_new ();
  ssv_people_follower_follow_async (ssv_context_get_people_follower (self->context), self->tmdb_id,
                                    ssv_follow_person_dialog_get_lookback (self), self->cancellable,
                                    follow_ready_cb, self);
}

/* ---- public ------------------------------------------------------------------------- */

/* Years of their movies that join now; 0 for only upcoming ones. */
int
ssv_follow_person_dialog_get_lookback (SsvFollowPersonDialog *self)
{
  g_return_val_if_fail (SSV_IS_FOLLOW_PERSON_DIALOG (self), 0);

  if (gtk_check_button_get_active (self->upcoming_check))
    return 0;
  return gtk_spin_button_get_value_as_int (self->years_spin);
}

/* As a person would choose: 0 ticks "only upcoming", more sets the years to look back. */
void
ssv_follow_person_dialog_set_lookback (SsvFollowPersonDialog *self,
                                       int                    years)
{
  g_return_if_fail (SSV_IS_FOLLOW_PERSON_DIALOG (self));

  if (years <= 0)
    {
      gtk_check_button_set_active (self->upcoming_check, TRUE);
      return;
    }
  gtk_check_button_set_active (self->lookback_check, TRUE);
  gtk_spin_button_set_value (self->years_spin, years);
}

/* Whether a follow is under way (the spinner turns). */
gboolean
ssv_follow_person_dialog_is_busy (SsvFollowPersonDialog *self)
{
  g_return_val_if_fail (SSV_IS_FOLLOW_PERSON_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

/* Returns: (nullable): why the follow failed, as shown */
const char *
ssv_follow_person_dialog_get_error (SsvFollowPersonDialog *self)
{
  g_return_val_if_fail (SSV_IS_FOLLOW_PERSON_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

/* Returns: (nullable): what following did, once done ("Following …: 3 movies …") */
const char *
ssv_follow_person_dialog_get_summary (SsvFollowPersonDialog *self)
{
  g_return_val_if_fail (SSV_IS_FOLLOW_PERSON_DIALOG (self), NULL);

  return self->summary;
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
ssv_follow_person_dialog_constructed (GObject *object)
{
  SsvFollowPersonDialog *self = SSV_FOLLOW_PERSON_DIALOG (object);
  g_autofree char *title = NULL;
  g_autofree char *intro = NULL;

  G_OBJECT_CLASS (ssv_follow_person_dialog_parent_class)->constructed (object);

  /* Translators: the dialog's title: "Follow Richard Anderson" */
  title = g_strdup_printf (_("Follow %s"), self->name != NULL ? self->name : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
  /* Translators: "Richard Anderson’s new movies join the wishlist. Which of the others?" */
  intro = g_strdup_printf (_("%s’s new movies join the wishlist as they are announced. Which others should join?"),
                           self->name != NULL ? self->name : "");
  gtk_label_set_text (self->intro_label, intro);
}

static void
ssv_follow_person_dialog_dispose (GObject *object)
{
  SsvFollowPersonDialog *self = SSV_FOLLOW_PERSON_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), SSV_TYPE_FOLLOW_PERSON_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ssv_follow_person_dialog_parent_class)->dispose (object);
}

static void
ssv_follow_person_dialog_finalize (GObject *object)
{
  SsvFollowPersonDialog *self = SSV_FOLLOW_PERSON_DIALOG (object);

  g_free (self->name);
  g_free (self->summary);

  G_OBJECT_CLASS (ssv_follow_person_dialog_parent_class)->finalize (object);
}

static void
ssv_follow_person_dialog_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SsvFollowPersonDialog *self = SSV_FOLLOW_PERSON_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_TMDB_ID:
      g_value_set_int64 (value, self->tmdb_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_follow_person_dialog_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SsvFollowPersonDialog *self = SSV_FOLLOW_PERSON_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_TMDB_ID:
      self->tmdb_id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_follow_person_dialog_class_init (SsvFollowPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_follow_person_dialog_constructed;
  object_class->dispose = ssv_follow_person_dialog_dispose;
  object_class->finalize = ssv_follow_person_dialog_finalize;
  object_class->get_property = ssv_follow_person_dialog_get_property;
  object_class->set_property = ssv_follow_person_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TMDB_ID] =
    g_param_spec_int64 ("tmdb-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dialogs/ssv-follow-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvFollowPersonDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, SsvFollowPersonDialog, upcoming_check);
  gtk_widget_class_bind_template_child (widget_class, SsvFollowPersonDialog, lookback_check);
  gtk_widget_class_bind_template_child (widget_class, SsvFollowPersonDialog, years_spin);
  gtk_widget_class_bind_template_child (widget_class, SsvFollowPersonDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SsvFollowPersonDialog, spinner);

  gtk_widget_class_install_action (widget_class, "follow-person.follow", NULL, follow_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ssv_follow_person_dialog_init (SsvFollowPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_follow_person_dialog_new:
 * @tmdb_id: TMDB's id of the person
 * @name: their name, as the dialog says it
 */
SsvFollowPersonDialog *
ssv_follow_person_dialog_new (SsvContext *context,
                              gint64      tmdb_id,
                              const char *name)
{
  return g_object_new (SSV_TYPE_FOLLOW_PERSON_DIALOG,
                       "context", context,
                       "tmdb-id", tmdb_id,
                       "name", name,
                       NULL);
}
