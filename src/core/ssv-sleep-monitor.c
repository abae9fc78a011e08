/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-sleep-monitor.c: says when the machine wakes, from logind's PrepareForSleep on the system bus. */

#include "config.h"

#include "ssv-sleep-monitor.h"

#define LOGIND_NAME      "org.freedesktop.login1"
#define LOGIND_PATH      "/org/freedesktop/login1"
#define LOGIND_INTERFACE "org.freedesktop.login1.Manager"

struct _SsvSleepMonitor
{
  GObject          parent_instance;

  GCancellable    *cancellable;
  GDBusConnection *bus;
  guint            subscription;
};

enum {
  PROP_0,
  PROP_LISTENING,
  N_PROPS
};

enum {
  SUSPENDING,
  RESUMED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsvSleepMonitor, ssv_sleep_monitor, G_TYPE_OBJECT)

static void
on_prepare_for_sleep (GDBusConnection *connection,
                      const char      *sender,
                      const char      *path,
                      const char      *interface,
                      const char      *signal,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  SsvSleepMonitor *self = user_data;
  gboolean going = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &going);
  g_signal_emit (self, signals[going ? SUSPENDING : RESUMED], 0);
}

static void
bus_ready_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SsvSleepMonitor) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_finish (result, &error);

  if (bus == NULL)
    {
      /* No system bus (a container, a test): wakes are noticed by the timers alone. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, so no wake-up signals: %s", error->message);
      return;
    }

  self->bus = bus;
  self->subscription = g_dbus_connection_signal_subscribe (bus, LOGIND_NAME, LOGIND_INTERFACE,
                                                           "PrepareForSleep", LOGIND_PATH, NULL,
                                                           G_DBUS_SIGNAL_FLAGS_NONE,
                                                           on_prepare_for_sleep, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LISTENING]);
}

static void
ssv_sleep_monitor_dispose (GObject *object)
{
  SsvSleepMonitor *self = SSV_SLEEP_MONITOR (object);

  g_cancellable_cancel (self->cancellable);
  if (self->bus != NULL && self->subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->bus, self->subscription);
  self->subscription = 0;
  g_clear_object (&self->bus);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ssv_sleep_monitor_parent_class)->dispose (object);
}

static void
ssv_sleep_monitor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SsvSleepMonitor *self = SSV_SLEEP_MONITOR (object);

  switch (prop_id)
    {
    case PROP_LISTENING:
      g_value_set_boolean (value, ssv_sleep_monitor_get_listening (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_sleep_monitor_class_init (SsvSleepMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_sleep_monitor_dispose;
  object_class->get_property = ssv_sleep_monitor_get_property;

  /**
   * SsvSleepMonitor:listening:
   *
   * Whether it is subscribed to logind's signal (there is a system bus).
   */
  properties[PROP_LISTENING] =
    g_param_spec_boolean ("listening", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SUSPENDING] = g_signal_new ("suspending", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[RESUMED] = g_signal_new ("resumed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ssv_sleep_monitor_init (SsvSleepMonitor *self)
{
  self->cancellable = g_cancellable_new ();
}

/* Starts listening on the system bus; signals arrive on the calling thread's main context. */
SsvSleepMonitor *
ssv_sleep_monitor_new (void)
{
  SsvSleepMonitor *self = g_object_new (SSV_TYPE_SLEEP_MONITOR, NULL);

  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, bus_ready_cb, g_object_ref (self));

  return self;
}

gboolean
ssv_sleep_monitor_get_listening (SsvSleepMonitor *self)
{
  g_return_val_if_fail (SSV_IS_SLEEP_MONITOR (self), FALSE);

  return self->subscription != 0;
}
