/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-worker-orb.c: a small dot per running metadata worker, pulsing while it works. */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/ssv-worker-orb.h"

struct _SsvWorkerOrb
{
  GtkButton  parent_instance;

  SsvWorker *worker;
  char      *look;

  GtkWidget *dot;
};

G_DEFINE_FINAL_TYPE (SsvWorkerOrb, ssv_worker_orb, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_WORKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The state as a style class: working pulses, trouble is coloured. */
static const char *
look_for (SsvWorkerState state)
{
  return ssv_worker_state_to_string (state);
}

static void
update (SsvWorkerOrb *self)
{
  SsvWorkerState state = ssv_worker_get_state (self->worker);
  const char *name = ssv_worker_get_display_name (self->worker);
  g_autofree char *note = ssv_worker_dup_note (self->worker);
  g_autofree char *item = ssv_worker_dup_current_item (self->worker);
  g_autofree char *tooltip = NULL;
  const char *look = look_for (state);

  if (self->look != NULL)
    gtk_widget_remove_css_class (self->dot, self->look);
  g_free (self->look);
  self->look = g_strdup (look);
  gtk_widget_add_css_class (self->dot, look);

  if (state == SSV_WORKER_WORKING && item != NULL)
    /* Translators: "TMDB: Heat (1995)" — what a metadata worker looks up now */
    tooltip = g_strdup_printf (_("%s: %s"), name, item);
  else if (note != NULL)
    tooltip = g_strdup_printf (_("%s: %s"), name, note);
  else if (state == SSV_WORKER_PAUSED)
    tooltip = g_strdup_printf (_("%s: paused"), name);
  else if (state == SSV_WORKER_IDLE)
    tooltip = g_strdup_printf (_("%s: up to date"), name);
  else
    tooltip = g_strdup (name);

  /* One orb per running worker. Hidden first: on X11, GTK 4.8 asks the X server where
   * the pointer is for each tooltip set on a visible widget, and at start-up every
   * worker is stopped. */
  gtk_widget_set_visible (GTK_WIDGET (self), state != SSV_WORKER_STOPPED);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

static void
ssv_worker_orb_constructed (GObject *object)
{
  SsvWorkerOrb *self = SSV_WORKER_ORB (object);

  G_OBJECT_CLASS (ssv_worker_orb_parent_class)->constructed (object);

  g_signal_connect_object (self->worker, "state-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->worker, "notify::current-item", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
ssv_worker_orb_dispose (GObject *object)
{
  SsvWorkerOrb *self = SSV_WORKER_ORB (object);

  /* The button holds its child; let it go first, or disposing the template
   * unparents it behind the button's back. */
  gtk_button_set_child (GTK_BUTTON (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_WORKER_ORB);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->look, g_free);

  G_OBJECT_CLASS (ssv_worker_orb_parent_class)->dispose (object);
}

static void
ssv_worker_orb_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SsvWorkerOrb *self = SSV_WORKER_ORB (object);

  switch (prop_id)
    {
    case PROP_WORKER:
      g_value_set_object (value, self->worker);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_worker_orb_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SsvWorkerOrb *self = SSV_WORKER_ORB (object);

  switch (prop_id)
    {
    case PROP_WORKER:
      self->worker = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_worker_orb_class_init (SsvWorkerOrbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_worker_orb_constructed;
  object_class->dispose = ssv_worker_orb_dispose;
  object_class->get_property = ssv_worker_orb_get_property;
  object_class->set_property = ssv_worker_orb_set_property;

  properties[PROP_WORKER] =
    g_param_spec_object ("worker", NULL, NULL, SSV_TYPE_WORKER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/widgets/ssv-worker-orb.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvWorkerOrb, dot);
}

static void
ssv_worker_orb_init (SsvWorkerOrb *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ssv_worker_orb_new (SsvWorker *worker)
{
  return g_object_new (SSV_TYPE_WORKER_ORB, "worker", worker, NULL);
}

SsvWorker *
ssv_worker_orb_get_worker (SsvWorkerOrb *self)
{
  g_return_val_if_fail (SSV_IS_WORKER_ORB (self), NULL);

  return self->worker;
}

/* The style the dot shows: "working", "paused", "needs-key", … */
const char *
ssv_worker_orb_get_look (SsvWorkerOrb *self)
{
  g_return_val_if_fail (SSV_IS_WORKER_ORB (self), NULL);

  return self->look;
}
