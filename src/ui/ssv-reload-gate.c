/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-reload-gate.c: the debounced reload that pages and lists share: a view opens the gate
 * as it first reads (when it first shows); from then on ssv_reload_gate_queue() emits
 * "reload" once, a moment later, however often it is called meanwhile. */

#include "config.h"

#include "ssv-reload-gate.h"
#include "ssv-thread.h"

struct _SsvReloadGate
{
  GObject  parent_instance;

  guint    delay_ms;
  gboolean open;
  guint    source;
};

G_DEFINE_FINAL_TYPE (SsvReloadGate, ssv_reload_gate, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OPEN,
  PROP_QUEUED,
  N_PROPS
};

enum {
  RELOAD,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
reload_timeout_cb (gpointer user_data)
{
  SsvReloadGate *self = user_data;

  self->source = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUED]);
  g_signal_emit (self, signals[RELOAD], 0);
  return G_SOURCE_REMOVE;
}

/**
 * ssv_reload_gate_open:
 *
 * The view reads for the first time (it shows): changes from now on need a reload.
 */
void
ssv_reload_gate_open (SsvReloadGate *self)
{
  g_return_if_fail (SSV_IS_RELOAD_GATE (self));

  if (self->open)
    return;

  self->open = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN]);
}

/* Whether the view has read once; before, a change needs nothing: its first read is current. */
gboolean
ssv_reload_gate_get_open (SsvReloadGate *self)
{
  g_return_val_if_fail (SSV_IS_RELOAD_GATE (self), FALSE);

  return self->open;
}

/**
 * ssv_reload_gate_queue:
 *
 * Something the view shows changed: once the gate is open, emits "reload" a moment
 * from now, once however often this is called meanwhile. Before, does nothing.
 */
void
ssv_reload_gate_queue (SsvReloadGate *self)
{
  g_return_if_fail (SSV_IS_RELOAD_GATE (self));
  g_assert (SSV_IS_MAIN_THREAD ());

  if (!self->open || self->source != 0)
    return;

  self->source = g_timeout_add (self->delay_ms, reload_timeout_cb, self);
  g_source_set_name_by_id (self->source, "[ssv] reload gate");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUED]);
}

gboolean
ssv_reload_gate_get_queued (SsvReloadGate *self)
{
  g_return_val_if_fail (SSV_IS_RELOAD_GATE (self), FALSE);

  return self->source != 0;
}

/* For a view that reads now on its own: the queued reload is not needed. */
void
ssv_reload_gate_unqueue (SsvReloadGate *self)
{
  g_return_if_fail (SSV_IS_RELOAD_GATE (self));

  if (self->source == 0)
    return;

  g_clear_handle_id (&self->source, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUED]);
}

static void
ssv_reload_gate_dispose (GObject *object)
{
  SsvReloadGate *self = SSV_RELOAD_GATE (object);

  g_clear_handle_id (&self->source, g_source_remove);

  G_OBJECT_CLASS (ssv_reload_gate_parent_class)->dispose (object);
}

static void
ssv_reload_gate_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SsvReloadGate *self = SSV_RELOAD_GATE (object);

  switch (prop_id)
    {
    case PROP_OPEN:
      g_value_set_boolean (value, self->open);
      break;
    case PROP_QUEUED:
      g_value_set_boolean (value, self->source != 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_reload_gate_class_init (SsvReloadGateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_reload_gate_dispose;
  object_class->get_property = ssv_reload_gate_get_property;

  /* The view has read once. */
  properties[PROP_OPEN] =
    g_param_spec_boolean ("open", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A reload is on its way. */
  properties[PROP_QUEUED] =
    g_param_spec_boolean ("queued", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SsvReloadGate::reload:
   *
   * Time for the view to read again.
   */
  signals[RELOAD] = g_signal_new ("reload", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ssv_reload_gate_init (SsvReloadGate *self)
{
  self->delay_ms = SSV_RELOAD_GATE_DELAY_MS;
}

/**
 * ssv_reload_gate_new:
 * @delay_ms: how long changes are gathered (%SSV_RELOAD_GATE_DELAY_MS)
 *
 * Built closed: nothing is queued until ssv_reload_gate_open().
 */
SsvReloadGate *
ssv_reload_gate_new (guint delay_ms)
{
  SsvReloadGate *self = g_object_new (SSV_TYPE_RELOAD_GATE, NULL);

  self->delay_ms = delay_ms;

  return self;
}
