/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scan-bar.c: follows the scanner's properties (on the main context) into words and a bar,
 * and asks what scans held back: titles they would not remove on their own, folders on
 * another disk (ssv_scan_hold_store_list()). */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/ssv-scan-bar.h"
#include "stores/ssv-scan-hold-store.h"
#include "sources/ssv-scanner.h"
#include "stores/ssv-store.h"

struct _SsvScanBar
{
  GtkWidget       parent_instance;

  SsvContext     *context;

  GtkBox         *box;
  GtkRevealer    *revealer;
  GtkLabel       *status_label;
  GtkProgressBar *progress_bar;

  GtkRevealer    *hold_revealer;
  GtkLabel       *hold_label;
  GtkButton      *keep_button;
  GtkButton      *confirm_button;
  GCancellable   *cancellable;    /* the widget's life: answers */
  GCancellable   *list_cancellable;
  SsvScanHold    *hold;          /* the question shown, or NULL */
  gboolean        answering;
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


/* ---- what scans held back ------------------------------------------------------- */

static void refresh_holds (SsvScanBar *self);

static gpointer
list_holds_func (SsvStore      *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return ssv_scan_hold_store_list (ssv_store_get_database (store), 0, error);
}

static void
show_hold (SsvScanBar  *self,
           SsvScanHold *hold)
{
  g_clear_pointer (&self->hold, ssv_scan_hold_free);
  self->hold = hold;

  if (hold != NULL)
    {
      g_autofree char *question = ssv_scan_hold_dup_question (hold);
      gboolean disk = hold->reason == SSV_HOLD_DISK;

      gtk_label_set_label (self->hold_label, question);
      gtk_button_set_label (self->keep_button, disk ? _("_Keep As It Is") : _("_Keep"));
      gtk_button_set_label (self->confirm_button, disk ? _("_Use This Disk") : _("_Remove"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->confirm_button),
                                   disk ? _("Read the Folder From This Disk From Now On")
                                        : _("Remove These Titles From the Library"));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scan-bar.keep-held", hold != NULL && !self->answering);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scan-bar.confirm-held", hold != NULL && !self->answering);
  gtk_revealer_set_reveal_child (self->hold_revealer, hold != NULL);
}

static void
holds_listed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) holds = ssv_store_run_finish (SSV_STORE (source), result, &error);
  SsvScanBar *self = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (holds == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("What scans left for you to decide could not be read: %s"),
                                                  error->message);

      show_hold (self, NULL);
      gtk_label_set_label (self->hold_label, message);
      gtk_revealer_set_reveal_child (self->hold_revealer, TRUE);
      return;
    }

  show_hold (self, holds->len > 0 ? g_ptr_array_steal_index (holds, 0) : NULL);
}

/* Reads the questions again; an older read still on its way is dropped. */
static void
refresh_holds (SsvScanBar *self)
{
  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  self->list_cancellable = g_cancellable_new ();

  ssv_store_run_async (SSV_STORE (ssv_context_get_library_store (self->context)), refresh_holds,
                       list_holds_func, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                       self->list_cancellable, holds_listed_cb, self);
}

typedef struct
{
  gint64   hold_id;
  gboolean confirm;
} Answer;

static gpointer
answer_func (SsvStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Answer *answer = data;
  SsvDatabase *db = ssv_store_get_database (store);
  gboolean ok = answer->confirm ? ssv_scan_hold_store_confirm (db, answer->hold_id, NULL, error)
                                : ssv_scan_hold_store_keep (db, answer->hold_id, error);

  if (ok && answer->confirm)
    ssv_store_emit_changed (store, "all");

  return ok ? GINT_TO_POINTER (1) : NULL;
}

typedef struct
{
  SsvScanBar *self;
  gint64      rescan_server;   /* a folder's new disk was accepted: read it */
} AnswerDone;

static void
answered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree AnswerDone *done = user_data;
  g_autoptr(GError) error = NULL;
  SsvScanBar *self = done->self;

  ssv_store_run_finish (SSV_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->answering = FALSE;
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Your answer could not be saved: %s"), error->message);

      gtk_label_set_label (self->hold_label, message);
      show_hold (self, g_steal_pointer (&self->hold));
      return;
    }

  if (done->rescan_server > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.scan-source", "x", done->rescan_server);

  refresh_holds (self);
}

static void
answer (SsvScanBar *self,
        gboolean    confirm)
{
  Answer *data;
  AnswerDone *done;

  if (self->hold == NULL || self->answering)
    return;

  data = g_new0 (Answer, 1);
  data->hold_id = self->hold->id;
  data->confirm = confirm;
  done = g_new0 (AnswerDone, 1);
  done->self = self;
  done->rescan_server = confirm && self->hold->reason == SSV_HOLD_DISK ? self->hold->server_id : 0;

  self->answering = TRUE;
  show_hold (self, g_steal_pointer (&self->hold));
  ssv_store_run_async (SSV_STORE (ssv_context_get_library_store (self->context)), answer, answer_func,
                       data, g_free, NULL, self->cancellable, answered_cb, done);
}

static void
keep_held_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  answer (SSV_SCAN_BAR (widget), FALSE);
}

static void
confirm_held_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  answer (SSV_SCAN_BAR (widget), TRUE);
}

/* The question shown, in words ("" when none): for tests and screen readers alike. */
const char *
ssv_scan_bar_get_question (SsvScanBar *self)
{
  g_return_val_if_fail (SSV_IS_SCAN_BAR (self), NULL);

  return gtk_revealer_get_reveal_child (self->hold_revealer) ? gtk_label_get_label (self->hold_label) : "";
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
  /* A scan may leave a question; anything that changed the library may answer one. */
  g_signal_connect_object (scanner, "scan-finished", G_CALLBACK (refresh_holds), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssv_context_get_library_store (self->context), "changed",
                           G_CALLBACK (refresh_holds), self, G_CONNECT_SWAPPED);
  update (self);
  refresh_holds (self);
}

static void
ssv_scan_bar_dispose (GObject *object)
{
  SsvScanBar *self = SSV_SCAN_BAR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  g_clear_pointer (&self->hold, ssv_scan_hold_free);
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
  gtk_widget_class_bind_template_child (widget_class, SsvScanBar, box);
  gtk_widget_class_bind_template_child (widget_class, SsvScanBar, hold_revealer);
  gtk_widget_class_bind_template_child (widget_class, SsvScanBar, hold_label);
  gtk_widget_class_bind_template_child (widget_class, SsvScanBar, keep_button);
  gtk_widget_class_bind_template_child (widget_class, SsvScanBar, confirm_button);
  gtk_widget_class_install_action (widget_class, "scan-bar.keep-held", NULL, keep_held_action);
  gtk_widget_class_install_action (widget_class, "scan-bar.confirm-held", NULL, confirm_held_action);
  gtk_widget_class_set_css_name (widget_class, "scanbar");
}

static void
ssv_scan_bar_init (SsvScanBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scan-bar.keep-held", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scan-bar.confirm-held", FALSE);
}

GtkWidget *
ssv_scan_bar_new (SsvContext *context)
{
  return g_object_new (SSV_TYPE_SCAN_BAR, "context", context, NULL);
}
