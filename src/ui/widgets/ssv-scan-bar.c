/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scan-bar.c: follows the scanner's properties (on the main context) into words and a bar. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-scan-bar.h"

struct _SsvScanBar
{
  GtkWidget       parent_instance;

  SsvContext     *context;

  GtkRevealer    *revealer;
  GtkLabel       *status_label;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (SsvScanBar, ssv_scan_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
describe (const char *phase,
          const char *source)
{
  if (source == NULL)
    return g_strdup (_("Scanning…"));
  if (g_strcmp0 (phase, "movies") == 0)
    return g_strdup_printf (_("Reading movies from %s…"), source);
  if (g_strcmp0 (phase, "shows") == 0)
    return g_strdup_printf (_("Reading shows from %s…"), source);
  if (g_strcmp0 (phase, "pruning") == 0)
    return g_strdup_printf (_("Removing what %s no longer has…"), source);
  if (g_strcmp0 (phase, "finishing") == 0)
    return g_strdup_printf (_("Finishing %s…"), source);
  return g_strdup_printf (_("Connecting to %s…"), source);
}

static void
update (SsvScanBar *self)
{
  SsvScanner *scanner = ssv_context_get_scanner (self->context);
  g_autofree char *text = describe (ssv_scanner_get_phase (scanner), ssv_scanner_get_source_name (scanner));

  gtk_revealer_set_reveal_child (self->revealer, ssv_scanner_get_running (scanner));
  gtk_label_set_label (self->status_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, ssv_scanner_get_fraction (scanner));
}

const char *
ssv_scan_bar_get_status_text (SsvScanBar *self)
{
  return gtk_label_get_label (self->status_label);
}

gboolean
ssv_scan_bar_get_revealed (SsvScanBar *self)
{
  return gtk_revealer_get_reveal_child (self->revealer);
}

static void
ssv_scan_bar_constructed (GObject *object)
{
  SsvScanBar *self = SSV_SCAN_BAR (object);
  SsvScanner *scanner = ssv_context_get_scanner (self->context);

  G_OBJECT_CLASS (ssv_scan_bar_parent_class)->constructed (object);

  g_signal_connect_object (scanner, "notify::running", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scanner, "notify::phase", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scanner, "notify::source-name", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scanner, "notify::fraction", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
ssv_scan_bar_dispose (GObject *object)
{
  SsvScanBar *self = SSV_SCAN_BAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_SCAN_BAR);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ssv_scan_bar_parent_class)->dispose (object);
}

static void
ssv_scan_bar_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SsvScanBar *self = SSV_SCAN_BAR (object);

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
ssv_scan_bar_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SsvScanBar *self = SSV_SCAN_BAR (object);

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
ssv_scan_bar_class_init (SsvScanBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_scan_bar_constructed;
  object_class->dispose = ssv_scan_bar_dispose;
  object_class->get_property = ssv_scan_bar_get_property;
  object_class->set_property = ssv_scan_bar_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/widgets/ssv-scan-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvScanBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, SsvScanBar, status_label);
  gtk_widget_class_bind_template_child (widget_class, SsvScanBar, progress_bar);
  gtk_widget_class_set_css_name (widget_class, "scanbar");
}

static void
ssv_scan_bar_init (SsvScanBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ssv_scan_bar_new (SsvContext *context)
{
  return g_object_new (SSV_TYPE_SCAN_BAR, "context", context, NULL);
}
