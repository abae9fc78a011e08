/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-worker-row.c: one metadata worker in Manage Workers: state, progress per kind, controls.
 * The rows of the kinds it handles and the pause button bind to the worker and to the row's
 * "paused" in the template; the counts come with the worker's "progress" signal. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-error.h"
#include "ssv-ui-utils.h"
#include "dialogs/ssv-worker-row.h"

struct _SsvWorkerRow
{
  AdwPreferencesGroup  parent_instance;

  SsvEnrichmentEngine *engine;
  SsvWorker           *worker;
  GCancellable        *cancellable;
  gboolean             paused;

  AdwActionRow        *kind_rows[SSV_N_ITEM_KINDS];
  GtkProgressBar      *bars[SSV_N_ITEM_KINDS];
  GtkButton           *pause_button;
  GtkMenuButton       *menu_button;
  GMenuModel          *worker_menu;
};

G_DEFINE_FINAL_TYPE (SsvWorkerRow, ssv_worker_row, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_WORKER,
  PROP_PAUSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- looks (closures of the template) ------------------------------------------ */

static gboolean
handles_kind (gpointer   unused,
              SsvWorker *worker,
              guint      kind)
{
  return worker != NULL && ssv_worker_handles_kind (worker, kind);
}

static char *
pause_icon (gpointer unused,
            gboolean paused)
{
  return g_strdup (paused ? "media-playback-start-symbolic" : "media-playback-pause-symbolic");
}

static char *
pause_label (gpointer unused,
             gboolean paused)
{
  return g_strdup (paused ? _("Resume") : _("Pause"));
}

/* ---- state and progress ------------------------------------------------------------ */

static char *
describe_state (SsvWorker *worker)
{
  g_autofree char *note = ssv_worker_dup_note (worker);
  g_autofree char *item = ssv_worker_dup_current_item (worker);
  const char *state;

  switch (ssv_worker_get_state (worker))
    {
    case SSV_WORKER_WORKING: state = _("Working"); break;
    case SSV_WORKER_IDLE: state = _("Up to date"); break;
    case SSV_WORKER_PAUSED: state = _("Paused"); break;
    case SSV_WORKER_HELD: state = _("Waiting"); break;
    case SSV_WORKER_COOLDOWN: state = _("Slowing down"); break;
    case SSV_WORKER_NEEDS_KEY: state = _("Needs a key"); break;
    case SSV_WORKER_QUOTA: state = _("Resting until tomorrow"); break;
    case SSV_WORKER_STOPPED:
    default:
      state = ssv_worker_get_user_paused (worker) ? _("Paused") : _("Stopped");
      break;
    }

  if (note != NULL)
    return g_strdup_printf ("%s · %s", state, note);
  if (item != NULL && ssv_worker_get_state (worker) == SSV_WORKER_WORKING)
    return g_strdup_printf ("%s · %s", state, item);

  return g_strdup (state);
}

/* The group's own description is set, not bound: GTK 4.8 cannot unbind a template
 * from its own properties. */
static void
update_state (SsvWorkerRow *self)
{
  g_autofree char *description = describe_state (self->worker);
  g_autofree char *label = NULL;
  gboolean paused = ssv_worker_get_user_paused (self->worker);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
  if (self->paused != paused)
    {
      self->paused = paused;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
    }
  label = pause_label (self, paused);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static double
fraction_of (const SsvKindStats *stats)
{
  gint64 done = stats->matched + stats->not_found + stats->errors;
  gint64 total = done + stats->pending;

  return total > 0 ? (double) done / (double) total : 0.0;
}

static void
update_progress (SsvWorkerRow *self)
{
  for (guint kind = 0; kind < SSV_N_ITEM_KINDS; kind++)
    {
      g_autofree char *subtitle = NULL;
      g_autofree char *matched = NULL;
      g_autofree char *missing = NULL;
      g_autofree char *failed = NULL;
      g_autofree char *pending = NULL;
      SsvKindStats stats;

      if (!ssv_worker_handles_kind (self->worker, kind) || !ssv_worker_get_stats (self->worker, kind, &stats))
        continue;

      matched = g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " matched", "%" G_GINT64_FORMAT " matched",
                                           stats.matched), stats.matched);
      missing = g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " not found", "%" G_GINT64_FORMAT " not found",
                                           stats.not_found), stats.not_found);
      failed = g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " failed", "%" G_GINT64_FORMAT " failed",
                                          stats.errors), stats.errors);
      pending = g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " to do", "%" G_GINT64_FORMAT " to do",
                                           stats.pending), stats.pending);
      subtitle = g_strdup_printf ("%s · %s · %s · %s", matched, missing, failed, pending);

      adw_action_row_set_subtitle (self->kind_rows[kind], subtitle);
      gtk_progress_bar_set_fraction (self->bars[kind], fraction_of (&stats));
    }
}

/* The share of @kind the worker has been through, or -1 when it does not count it. */
double
ssv_worker_row_get_fraction (SsvWorkerRow *self,
                             SsvItemKind   kind)
{
  g_return_val_if_fail (SSV_IS_WORKER_ROW (self), -1);

  if (kind >= SSV_N_ITEM_KINDS || !ssv_worker_handles_kind (self->worker, kind))
    return -1;

  return gtk_progress_bar_get_fraction (self->bars[kind]);
}

static void
toggle_pause_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SsvWorkerRow *self = SSV_WORKER_ROW (widget);

  if (ssv_worker_get_user_paused (self->worker))
    ssv_worker_resume (self->worker);
  else
    ssv_worker_pause (self->worker);
  update_state (self);
}

static void
retry_failed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SsvWorkerRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 count = ssv_enrichment_engine_retry_failed_finish (SSV_ENRICHMENT_ENGINE (source), result, &error);

  if (count < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ssv_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }

  if (count == 0)
    message = g_strdup_printf (_("%s has no failed titles"), ssv_worker_get_display_name (self->worker));
  else
    message = g_strdup_printf (ngettext ("%s will try %" G_GINT64_FORMAT " title again",
                                         "%s will try %" G_GINT64_FORMAT " titles again", count),
                               ssv_worker_get_display_name (self->worker), count);
  ssv_ui_toast (GTK_WIDGET (self), message);
}

static void
retry_failed_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SsvWorkerRow *self = SSV_WORKER_ROW (widget);

  ssv_enrichment_engine_retry_failed_async (self->engine, ssv_worker_get_name (self->worker),
                                            self->cancellable, retry_failed_cb, g_object_ref (self));
}

static void
test_key_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SsvWorkerRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!ssv_worker_test_key_finish (SSV_WORKER (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      ssv_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }

  /* Translators: "TMDB accepted the key" */
  message = g_strdup_printf (_("%s accepted the key"), ssv_worker_get_display_name (self->worker));
  ssv_ui_toast (GTK_WIDGET (self), message);
  /* A worker that waited on a rejected key may try again. */
  ssv_worker_key_changed (self->worker);
}

static void
test_key_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SsvWorkerRow *self = SSV_WORKER_ROW (widget);

  ssv_worker_test_key_async (self->worker, NULL, self->cancellable, test_key_cb, g_object_ref (self));
}

static void
ssv_worker_row_constructed (GObject *object)
{
  SsvWorkerRow *self = SSV_WORKER_ROW (object);

  G_OBJECT_CLASS (ssv_worker_row_parent_class)->constructed (object);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), ssv_worker_get_display_name (self->worker));
  gtk_widget_set_name (GTK_WIDGET (self), ssv_worker_get_name (self->worker));

  g_signal_connect_object (self->worker, "state-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->worker, "notify::current-item", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->worker, "progress", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  update_state (self);
  update_progress (self);
}

static void
ssv_worker_row_dispose (GObject *object)
{
  SsvWorkerRow *self = SSV_WORKER_ROW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_WORKER_ROW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (ssv_worker_row_parent_class)->dispose (object);
}

static void
ssv_worker_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SsvWorkerRow *self = SSV_WORKER_ROW (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    case PROP_WORKER:
      g_value_set_object (value, self->worker);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_worker_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SsvWorkerRow *self = SSV_WORKER_ROW (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      self->engine = g_value_dup_object (value);
      break;
    case PROP_WORKER:
      self->worker = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_worker_row_class_init (SsvWorkerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_worker_row_constructed;
  object_class->dispose = ssv_worker_row_dispose;
  object_class->get_property = ssv_worker_row_get_property;
  object_class->set_property = ssv_worker_row_set_property;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL, SSV_TYPE_ENRICHMENT_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKER] =
    g_param_spec_object ("worker", NULL, NULL, SSV_TYPE_WORKER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SsvWorkerRow:paused:
   *
   * Whether a person paused the worker (the button then resumes it).
   */
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/dialogs/ssv-worker-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvWorkerRow, pause_button);
  gtk_widget_class_bind_template_child (widget_class, SsvWorkerRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SsvWorkerRow, worker_menu);
  gtk_widget_class_bind_template_child_full (widget_class, "movies_row", FALSE,
                                             G_STRUCT_OFFSET (SsvWorkerRow, kind_rows[SSV_ITEM_MOVIE]));
  gtk_widget_class_bind_template_child_full (widget_class, "shows_row", FALSE,
                                             G_STRUCT_OFFSET (SsvWorkerRow, kind_rows[SSV_ITEM_SHOW]));
  gtk_widget_class_bind_template_child_full (widget_class, "episodes_row", FALSE,
                                             G_STRUCT_OFFSET (SsvWorkerRow, kind_rows[SSV_ITEM_EPISODE]));
  gtk_widget_class_bind_template_child_full (widget_class, "movies_bar", FALSE,
                                             G_STRUCT_OFFSET (SsvWorkerRow, bars[SSV_ITEM_MOVIE]));
  gtk_widget_class_bind_template_child_full (widget_class, "shows_bar", FALSE,
                                             G_STRUCT_OFFSET (SsvWorkerRow, bars[SSV_ITEM_SHOW]));
  gtk_widget_class_bind_template_child_full (widget_class, "episodes_bar", FALSE,
                                             G_STRUCT_OFFSET (SsvWorkerRow, bars[SSV_ITEM_EPISODE]));
  gtk_widget_class_bind_template_callback (widget_class, handles_kind);
  gtk_widget_class_bind_template_callback (widget_class, pause_icon);
  gtk_widget_class_bind_template_callback (widget_class, pause_label);

  gtk_widget_class_install_action (widget_class, "worker-row.toggle-pause", NULL, toggle_pause_action);
  gtk_widget_class_install_action (widget_class, "worker-row.retry-failed", NULL, retry_failed_action);
  gtk_widget_class_install_action (widget_class, "worker-row.test-key", NULL, test_key_action);
}

static void
ssv_worker_row_init (SsvWorkerRow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  ssv_ui_set_menu_when_opened (self->menu_button, self->worker_menu);
}

GtkWidget *
ssv_worker_row_new (SsvEnrichmentEngine *engine,
                    SsvWorker           *worker)
{
  return g_object_new (SSV_TYPE_WORKER_ROW, "engine", engine, "worker", worker, NULL);
}

SsvWorker *
ssv_worker_row_get_worker (SsvWorkerRow *self)
{
  g_return_val_if_fail (SSV_IS_WORKER_ROW (self), NULL);

  return self->worker;
}
