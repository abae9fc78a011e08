/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-video-dialog.c: what a channel's page opens for a video: the thumbnail, the original
 * title and DeArrow's, date, duration, views, likes and dislikes (Return YouTube Dislike's
 * estimates, when that is on), the SponsorBlock segments on a timeline, Open in Browser and
 * Wish. The words bind to the video in the template; segments are read off the UI thread. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-texture-loader.h"
#include "ssv-ui-utils.h"
#include "dialogs/ssv-video-dialog.h"
#include "widgets/ssv-segment-bar.h"
#include "widgets/ssv-video-words.h"
#include "stores/ssv-channel-store.h"

#define THUMB_HEIGHT 270
#define WATCH_URI    "https://www.youtube.com/watch?v=%s"

struct _SsvVideoDialog
{
  AdwWindow      parent_instance;

  SsvContext    *context;
  SsvVideo      *video;
  GCancellable  *cancellable;
  GSettings     *settings;
  gboolean       show_votes;
  gboolean       busy;
  gboolean       wish_target;    /* what the running Wish asked for */

  GtkPicture    *thumbnail;
  SsvSegmentBar *segment_bar;
  GtkLabel      *segments_label;
};

G_DEFINE_FINAL_TYPE (SsvVideoDialog, ssv_video_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_VIDEO,
  PROP_SHOW_VOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- words (template closures) ---------------------------------------------------- */

static gboolean
has_text (SsvVideoDialog *self,
          const char     *text)
{
  return text != NULL && *text != '\0';
}

/* "DeArrow: a title without the bait" */
static char *
dearrow_text (SsvVideoDialog *self,
              const char     *dearrow_title)
{
  if (dearrow_title == NULL || *dearrow_title == '\0')
    return g_strdup ("");
  /* Translators: the title DeArrow's community wrote for a video */
  return g_strdup_printf (_("DeArrow: %s"), dearrow_title);
}

/* "3 Mar 2024 · 12:34 · 2.6M views" */
static char *
facts_text (SsvVideoDialog *self,
            gint64          published,
            gboolean        exact,
            gint64          duration_s,
            gint64          views)
{
  g_autofree char *date = ssv_video_words_date (published, exact);
  g_autofree char *length = ssv_video_words_duration (duration_s);
  g_autofree char *seen = ssv_video_words_views (views);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  g_ptr_array_add (parts, date);
  if (length != NULL)
    g_ptr_array_add (parts, length);
  if (seen != NULL)
    g_ptr_array_add (parts, seen);
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* "12k likes · 340 dislikes (estimates)", or "" while unknown. */
static char *
votes_text (SsvVideoDialog *self,
            gint64          likes,
            gint64          dislikes)
{
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;

  if (likes < 0 && dislikes < 0)
    return g_strdup ("");

  up = ssv_video_words_count (MAX (likes, 0));
  down = ssv_video_words_count (MAX (dislikes, 0));
  /* Translators: "12k likes · 340 dislikes", estimated by Return YouTube Dislike */
  return g_strdup_printf (_("%s likes · %s dislikes (Return YouTube Dislike’s estimates)"), up, down);
}

static gboolean
show_votes_line (SsvVideoDialog *self,
                 gboolean        show_votes,
                 gint64          likes,
                 gint64          dislikes)
{
  return show_votes && (likes >= 0 || dislikes >= 0);
}

static char *
wish_label (SsvVideoDialog *self,
            gboolean        wished)
{
  return g_strdup (wished ? _("_Remove from Wishlist") : _("_Wish"));
}

static char *
wish_tooltip (SsvVideoDialog *self,
              gboolean        wished)
{
  return g_strdup (wished ? _("Take this video off the wishlist (Ctrl+D)")
                          : _("Put this video on the wishlist to download it (Ctrl+D)"));
}

/* ---- segments ----------------------------------------------------------------------- */

static void
segments_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SsvVideoDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = ssv_channel_store_list_finish (SSV_CHANNEL_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->segment_bar == NULL)
    return;

  if (segments == NULL)
    {
      gtk_label_set_text (self->segments_label, error->message);
      return;
    }

  ssv_segment_bar_set_segments (self->segment_bar, segments, (double) ssv_video_get_duration (self->video));
  gtk_label_set_text (self->segments_label, ssv_segment_bar_get_description (self->segment_bar));
}

static void
load_extras (SsvVideoDialog *self)
{
  const char *url = ssv_video_get_thumbnail_url (self->video);

  if (url != NULL && *url != '\0')
    ssv_texture_loader_load_picture (ssv_texture_loader_get_default (self->context), self->thumbnail, url,
                                     THUMB_HEIGHT * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                     self->cancellable);

  gtk_label_set_text (self->segments_label, _("Reading the segments…"));
  ssv_channel_store_list_segments_async (ssv_context_get_channel_store (self->context),
                                         ssv_video_get_video_id (self->video), self->cancellable,
                                         segments_ready_cb, g_object_ref (self));
}

/* ---- actions ------------------------------------------------------------------------ */

static void
open_browser_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SsvVideoDialog *self = SSV_VIDEO_DIALOG (widget);
  g_autofree char *uri = ssv_video_dialog_dup_watch_uri (self);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
wish_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SsvVideoDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean wished = self->wish_target;

  self->busy = FALSE;
  if (self->cancellable == NULL)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "video.wish", TRUE);

  if (!ssv_channel_store_set_wished_finish (SSV_CHANNEL_STORE (source), result, &error))
    {
      ssv_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }

  g_object_set (self->video, "wished", wished, NULL);
  ssv_ui_toast (GTK_WIDGET (self), wished ? _("Added to the wishlist") : _("Removed from the wishlist"));
}

/* video.wish: on the wishlist, or off it. */
static void
wish_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsvVideoDialog *self = SSV_VIDEO_DIALOG (widget);

  if (self->busy)
    return;

  self->busy = TRUE;
  self->wish_target = !ssv_video_get_wished (self->video);
  gtk_widget_action_set_enabled (widget, "video.wish", FALSE);
  ssv_channel_store_set_wished_async (ssv_context_get_channel_store (self->context),
                                      ssv_video_get_video_id (self->video), self->wish_target,
                                      self->cancellable, wish_done_cb, g_object_ref (self));
}

/* ---- public ------------------------------------------------------------------------ */

SsvVideo *
ssv_video_dialog_get_video (SsvVideoDialog *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO_DIALOG (self), NULL);

  return self->video;
}

/* The address Open in Browser opens. */
char *
ssv_video_dialog_dup_watch_uri (SsvVideoDialog *self)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (SSV_IS_VIDEO_DIALOG (self), NULL);

  escaped = g_uri_escape_string (ssv_video_get_video_id (self->video), NULL, FALSE);
  return g_strdup_printf (WATCH_URI, escaped);
}

/* Whether a Wish is on its way to the database. */
gboolean
ssv_video_dialog_is_busy (SsvVideoDialog *self)
{
  return self->busy;
}

/* Returns: (transfer none): the template's part @name ("title_label", "segment_bar", …) */
GtkWidget *
ssv_video_dialog_get_part (SsvVideoDialog *self,
                           const char     *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SSV_TYPE_VIDEO_DIALOG, name));
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
ssv_video_dialog_constructed (GObject *object)
{
  SsvVideoDialog *self = SSV_VIDEO_DIALOG (object);

  G_OBJECT_CLASS (ssv_video_dialog_parent_class)->constructed (object);

  /* Set, not bound: a binding on the window itself would outlive its template. */
  gtk_window_set_title (GTK_WINDOW (self), ssv_video_get_title (self->video));
  g_settings_bind (self->settings, "youtube-return-dislikes", self, "show-votes", G_SETTINGS_BIND_GET);
  load_extras (self);
}

static void
ssv_video_dialog_dispose (GObject *object)
{
  SsvVideoDialog *self = SSV_VIDEO_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->settings != NULL)
    g_settings_unbind (self, "show-votes");
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_VIDEO_DIALOG);
  self->segment_bar = NULL;

  G_OBJECT_CLASS (ssv_video_dialog_parent_class)->dispose (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->video);
  g_clear_object (&self->context);
}

static void
ssv_video_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SsvVideoDialog *self = SSV_VIDEO_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_VIDEO:
      g_value_set_object (value, self->video);
      break;
    case PROP_SHOW_VOTES:
      g_value_set_boolean (value, self->show_votes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_video_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SsvVideoDialog *self = SSV_VIDEO_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_VIDEO:
      self->video = g_value_dup_object (value);
      break;
    case PROP_SHOW_VOTES:
      if (self->show_votes != g_value_get_boolean (value))
        {
          self->show_votes = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_video_dialog_class_init (SsvVideoDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_video_dialog_constructed;
  object_class->dispose = ssv_video_dialog_dispose;
  object_class->get_property = ssv_video_dialog_get_property;
  object_class->set_property = ssv_video_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIDEO] =
    g_param_spec_object ("video", NULL, NULL, SSV_TYPE_VIDEO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SsvVideoDialog:show-votes:
   *
   * Whether likes and dislikes show: Return YouTube Dislike is on in Preferences.
   */
  properties[PROP_SHOW_VOTES] =
    g_param_spec_boolean ("show-votes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SSV_TYPE_SEGMENT_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/dialogs/ssv-video-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvVideoDialog, thumbnail);
  gtk_widget_class_bind_template_child (widget_class, SsvVideoDialog, segment_bar);
  gtk_widget_class_bind_template_child (widget_class, SsvVideoDialog, segments_label);
  /* Reachable by name only, for ssv_video_dialog_get_part(). */
  gtk_widget_class_bind_template_child_full (widget_class, "title_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "dearrow_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "facts_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "votes_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "wish_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, has_text);
  gtk_widget_class_bind_template_callback (widget_class, dearrow_text);
  gtk_widget_class_bind_template_callback (widget_class, facts_text);
  gtk_widget_class_bind_template_callback (widget_class, votes_text);
  gtk_widget_class_bind_template_callback (widget_class, show_votes_line);
  gtk_widget_class_bind_template_callback (widget_class, wish_label);
  gtk_widget_class_bind_template_callback (widget_class, wish_tooltip);

  gtk_widget_class_install_action (widget_class, "video.open-browser", NULL, open_browser_action);
  gtk_widget_class_install_action (widget_class, "video.wish", NULL, wish_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "video.wish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "video.open-browser", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
ssv_video_dialog_init (SsvVideoDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  gtk_widget_init_template (GTK_WIDGET (self));
}

SsvVideoDialog *
ssv_video_dialog_new (SsvContext *context,
                      SsvVideo   *video)
{
  g_return_val_if_fail (SSV_IS_VIDEO (video), NULL);

  return g_object_new (SSV_TYPE_VIDEO_DIALOG, "context", context, "video", video, NULL);
}
