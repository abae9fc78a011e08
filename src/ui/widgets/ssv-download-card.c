/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-card.c: one download on the Downloads page: poster, what, progress, state, timeline.
 * It follows its SsvDownload's notifications; the timeline is read when it is first opened. */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/ssv-download-card.h"
#include "ssv-texture-loader.h"
#include "stores/ssv-download-store.h"

#define POSTER_HEIGHT 90

struct _SsvDownloadCard
{
  AdwBin        parent_instance;

  SsvContext   *context;
  SsvDownload  *download;
  GCancellable *cancellable;
  char         *summary;
  gboolean      timeline_loaded;

  GtkPicture   *poster_picture;
  GtkLabel     *title_label;
  GtkLabel     *attempts_label;
  GtkLabel     *quality_label;
  GtkLabel     *release_label;
  GtkProgressBar *progress_bar;
  GtkLabel     *state_label;
  GtkExpander  *timeline_expander;
  GtkLabel     *timeline_label;
  GtkWidget    *cancel_button;
  GtkWidget    *retry_button;
  GtkWidget    *block_button;
};

G_DEFINE_FINAL_TYPE (SsvDownloadCard, ssv_download_card, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, PROP_DOWNLOAD, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char *
describe_status (SsvDownloadStatus status)
{
  switch (status)
    {
    case SSV_DOWNLOAD_QUEUED: return _("Queued");
    case SSV_DOWNLOAD_DOWNLOADING: return _("Downloading");
    case SSV_DOWNLOAD_STALLED: return _("Stalled");
    case SSV_DOWNLOAD_SEARCHING: return _("Searching");
    case SSV_DOWNLOAD_IMPORTING: return _("Importing");
    case SSV_DOWNLOAD_COMPLETED: return _("Completed");
    case SSV_DOWNLOAD_FAILED: return _("Failed");
    case SSV_DOWNLOAD_CANCELLED: return _("Cancelled");
    case SSV_DOWNLOAD_N_STATUSES:
    default: return "";
    }
}

/* "1 h 5 min", "3 min", "40 s" */
static char *
describe_eta (gint64 seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf (_("%d h %d min"), (int) (seconds / 3600), (int) (seconds % 3600 / 60));
  if (seconds >= 60)
    return g_strdup_printf (_("%d min"), (int) (seconds / 60));
  return g_strdup_printf (_("%d s"), (int) seconds);
}

/* "Downloading · 45 % · 2.1 MB/s · 3 min left", or "Failed: the client refused it" */
static char *
describe_state (SsvDownload *download)
{
  SsvDownloadStatus status = ssv_download_get_status (download);
  const char *error = ssv_download_get_error (download);
  GString *text = g_string_new (describe_status (status));
  gint64 speed = 0;
  gint64 eta = -1;

  g_object_get (download, "speed", &speed, "eta", &eta, NULL);
  if (error != NULL && *error != '\0')
    {
      g_string_append_printf (text, ": %s", error);
      return g_string_free (text, FALSE);
    }
  if (ssv_download_status_is_active (status))
    {
      /* Translators: progress in percent */
      g_string_append_printf (text, _(" · %d %%"), (int) (ssv_download_get_progress (download) * 100.0 + 0.5));
      if (speed > 0)
        {
          g_autofree char *size = g_format_size ((guint64) speed);

          /* Translators: a download speed: "2.1 MB/s" */
          g_string_append_printf (text, _(" · %s/s"), size);
        }
      if (eta > 0)
        {
          g_autofree char *left = describe_eta (eta);

          /* Translators: time left: "3 min left" */
          g_string_append_printf (text, _(" · %s left"), left);
        }
    }
  return g_string_free (text, FALSE);
}

static void
update (SsvDownloadCard *self)
{
  SsvDownload *download = self->download;
  SsvDownloadStatus status = ssv_download_get_status (download);
  g_autofree char *label = ssv_download_dup_label (download);
  g_autofree char *quality = NULL;
  g_autofree char *state = describe_state (download);
  int attempts = ssv_download_get_attempts (download);

  g_object_get (download, "quality", &quality, NULL);
  gtk_label_set_text (self->title_label, label);
  gtk_label_set_text (self->release_label, ssv_download_get_release_title (download));
  gtk_label_set_text (self->quality_label, quality != NULL ? quality : "");
  gtk_widget_set_visible (GTK_WIDGET (self->quality_label), quality != NULL && *quality != '\0');
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (ssv_download_get_progress (download), 0.0, 1.0));
  gtk_label_set_text (self->state_label, state);
  if (status == SSV_DOWNLOAD_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "error");
  if (attempts > 1)
    {
      /* Translators: the attempts badge on a download card: "3×" */
      g_autofree char *badge = g_strdup_printf (_("%d×"), attempts);
      g_autofree char *words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d attempt", "%d attempts",
                                                             (gulong) attempts), attempts);

      gtk_label_set_text (self->attempts_label, badge);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->attempts_label), words);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->attempts_label), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->attempts_label), attempts > 1);
  gtk_widget_set_visible (self->cancel_button, ssv_download_status_is_active (status));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->cancel_button), "x", ssv_download_get_id (download));
  /* another release for what failed or hangs; a finished or cancelled one is left be */
  gtk_widget_set_visible (self->retry_button, status != SSV_DOWNLOAD_COMPLETED && status != SSV_DOWNLOAD_CANCELLED &&
                                              status != SSV_DOWNLOAD_SEARCHING);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->retry_button), "x", ssv_download_get_id (download));
  gtk_widget_set_visible (self->block_button, status != SSV_DOWNLOAD_CANCELLED && status != SSV_DOWNLOAD_SEARCHING);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->block_button), "x", ssv_download_get_id (download));

  g_free (self->summary);
  self->summary = g_strdup_printf ("%s — %s", label, state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary, -1);
}

static void on_expanded (SsvDownloadCard *self);

static void
on_download_notify (SsvDownloadCard *self,
                    GParamSpec      *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  update (self);
  /* the timeline grows when the state moves, not on a progress tick */
  if (g_str_equal (name, "status") || g_str_equal (name, "error") || g_str_equal (name, "attempts"))
    {
      self->timeline_loaded = FALSE;
      on_expanded (self);
    }
}

static void
events_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SsvDownloadCard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = ssv_download_store_list_events_finish (SSV_DOWNLOAD_STORE (source), result, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  if (events == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->timeline_label, error->message);
      return;
    }
  for (guint i = 0; i < events->len; i++)
    {
      const SsvDownloadEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (event->at);
      g_autofree char *when = at != NULL ? g_date_time_format (at, "%x %X") : g_strdup ("");

      g_string_append_printf (text, "%s%s  %s", text->len > 0 ? "\n" : "", when, event->message);
    }
  gtk_label_set_text (self->timeline_label, text->len > 0 ? text->str : _("Nothing has happened yet."));
  self->timeline_loaded = TRUE;
}

static void
on_expanded (SsvDownloadCard *self)
{
  if (!gtk_expander_get_expanded (self->timeline_expander) || self->timeline_loaded || self->context == NULL)
    return;
  gtk_label_set_text (self->timeline_label, _("Reading the timeline…"));
  ssv_download_store_list_events_async (ssv_context_get_download_store (self->context),
                                        ssv_download_get_id (self->download), self->cancellable,
                                        events_done, g_object_ref (self));
}

static void
ssv_download_card_constructed (GObject *object)
{
  SsvDownloadCard *self = SSV_DOWNLOAD_CARD (object);
  g_autofree char *poster = NULL;

  G_OBJECT_CLASS (ssv_download_card_parent_class)->constructed (object);

  g_return_if_fail (self->download != NULL);
  g_signal_connect_object (self->download, "notify", G_CALLBACK (on_download_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline_expander, "notify::expanded", G_CALLBACK (on_expanded), self,
                           G_CONNECT_SWAPPED);
  update (self);

  g_object_get (self->download, "poster-url", &poster, NULL);
  if (poster != NULL && self->context != NULL)
    ssv_texture_loader_load_picture (ssv_texture_loader_get_default (self->context), self->poster_picture,
                                     poster, POSTER_HEIGHT, self->cancellable);
}

static void
ssv_download_card_dispose (GObject *object)
{
  SsvDownloadCard *self = SSV_DOWNLOAD_CARD (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_DOWNLOAD_CARD);

  G_OBJECT_CLASS (ssv_download_card_parent_class)->dispose (object);
}

static void
ssv_download_card_finalize (GObject *object)
{
  SsvDownloadCard *self = SSV_DOWNLOAD_CARD (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->download);
  g_clear_object (&self->context);
  g_free (self->summary);

  G_OBJECT_CLASS (ssv_download_card_parent_class)->finalize (object);
}

static void
ssv_download_card_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SsvDownloadCard *self = SSV_DOWNLOAD_CARD (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_DOWNLOAD:
      self->download = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_download_card_class_init (SsvDownloadCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_download_card_constructed;
  object_class->dispose = ssv_download_card_dispose;
  object_class->finalize = ssv_download_card_finalize;
  object_class->set_property = ssv_download_card_set_property;

  /* NULL: no poster and no timeline (a card on its own, in tests) */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOWNLOAD] =
    g_param_spec_object ("download", NULL, NULL, SSV_TYPE_DOWNLOAD,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/widgets/ssv-download-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadCard, poster_picture);
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadCard, attempts_label);
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadCard, quality_label);
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadCard, release_label);
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadCard, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadCard, state_label);
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadCard, timeline_expander);
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadCard, timeline_label);
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadCard, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadCard, retry_button);
  gtk_widget_class_bind_template_child (widget_class, SsvDownloadCard, block_button);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ssv_download_card_init (SsvDownloadCard *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @context: (nullable): without one the card shows no poster and no timeline */
GtkWidget *
ssv_download_card_new (SsvContext  *context,
                       SsvDownload *download)
{
  return g_object_new (SSV_TYPE_DOWNLOAD_CARD, "context", context, "download", download, NULL);
}

SsvDownload *
ssv_download_card_get_download (SsvDownloadCard *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_CARD (self), NULL);

  return self->download;
}

/* "Heat (1995) — Downloading · 45 % · 2.1 MB/s": also the card's accessible label. */
const char *
ssv_download_card_get_summary (SsvDownloadCard *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_CARD (self), NULL);

  return self->summary;
}

double
ssv_download_card_get_fraction (SsvDownloadCard *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_CARD (self), 0.0);

  return gtk_progress_bar_get_fraction (self->progress_bar);
}

GtkWidget *
ssv_download_card_get_cancel_button (SsvDownloadCard *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_CARD (self), NULL);

  return self->cancel_button;
}

GtkWidget *
ssv_download_card_get_retry_button (SsvDownloadCard *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_CARD (self), NULL);

  return self->retry_button;
}

GtkWidget *
ssv_download_card_get_block_button (SsvDownloadCard *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_CARD (self), NULL);

  return self->block_button;
}
