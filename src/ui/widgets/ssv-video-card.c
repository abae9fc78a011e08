/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-video-card.c: one video in a channel's grid. The words are set here from the video
 * (the DeArrow title when the card prefers it) and follow its notify: a grid builds a
 * hundred or more of these at once, and expression bindings cost several times more. The
 * thumbnail loads through the texture loader; a recycled card cancels the load of the
 * video it showed before. */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/ssv-video-card.h"
#include "widgets/ssv-video-words.h"

#define THUMB_WIDTH  240
#define THUMB_HEIGHT 135

struct _SsvVideoCard
{
  GtkWidget         parent_instance;

  SsvVideo         *video;
  SsvTextureLoader *loader;
  GCancellable     *cancellable;
  gulong            notify_handler;
  gboolean          thumbnail_asked;  /* for the video shown */
  gboolean          prefer_dearrow;

  GtkWidget        *box;        /* the template's child: unparented at dispose */
  GtkPicture       *thumbnail;
  GtkLabel         *title_label;
  GtkLabel         *meta_label;
  GtkLabel         *duration_label;
  GtkLabel         *state_label;
};

G_DEFINE_FINAL_TYPE (SsvVideoCard, ssv_video_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIDEO,
  PROP_LOADER,
  PROP_PREFER_DEARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- words --------------------------------------------------------------------------- */

/* "Downloaded", "Wished" or "": the mark over the thumbnail's corner. */
static const char *
state_text (SsvVideo *video)
{
  const char *path = ssv_video_get_downloaded_path (video);

  if (path != NULL && *path != '\0')
    return _("Downloaded");
  if (ssv_video_get_wished (video))
    return _("Wished");
  return "";
}

static void
update_words (SsvVideoCard *self)
{
  g_autofree char *meta = NULL;
  g_autofree char *duration = NULL;
  const char *title;
  const char *state;

  if (self->video == NULL)
    return;

  title = ssv_video_get_display_title (self->video, self->prefer_dearrow);
  gtk_label_set_text (self->title_label, title ? title : "");
  /* One line on the card; the whole title on hover. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
  meta = ssv_video_words_meta (ssv_video_get_views (self->video), ssv_video_get_published (self->video),
                               ssv_video_get_date_exact (self->video));
  gtk_label_set_text (self->meta_label, meta);
  duration = ssv_video_words_duration (ssv_video_get_duration (self->video));
  gtk_label_set_text (self->duration_label, duration ? duration : "");
  gtk_widget_set_visible (GTK_WIDGET (self->duration_label), duration != NULL);
  state = state_text (self->video);
  gtk_label_set_text (self->state_label, state);
  gtk_widget_set_visible (GTK_WIDGET (self->state_label), *state != '\0');
}

static void
on_video_notify (SsvVideoCard *self)
{
  update_words (self);
}

/* ---- thumbnail --------------------------------------------------------------------- */

static void
forget_thumbnail (SsvVideoCard *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_picture_set_paintable (self->thumbnail, NULL);
  self->thumbnail_asked = FALSE;
}

/**
 * ssv_video_card_ensure_thumbnail:
 *
 * Loads the thumbnail of the video shown, once. A grid asks for the cards in view
 * only: GTK's grid keeps many more cards bound than show.
 */
void
ssv_video_card_ensure_thumbnail (SsvVideoCard *self)
{
  const char *url;

  g_return_if_fail (SSV_IS_VIDEO_CARD (self));

  url = self->video ? ssv_video_get_thumbnail_url (self->video) : NULL;
  if (self->thumbnail_asked || url == NULL || *url == '\0' || self->loader == NULL)
    return;

  self->thumbnail_asked = TRUE;

  self->cancellable = g_cancellable_new ();
  ssv_texture_loader_load_picture (self->loader, self->thumbnail, url,
                                   THUMB_HEIGHT * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                   self->cancellable);
}

/* ---- public ------------------------------------------------------------------------ */

/* Returns: (transfer none) (nullable): the video the card shows */
SsvVideo *
ssv_video_card_get_video (SsvVideoCard *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO_CARD (self), NULL);

  return self->video;
}

/* @video: (nullable): what to show; %NULL when the grid recycles the card */
void
ssv_video_card_set_video (SsvVideoCard *self,
                          SsvVideo     *video)
{
  g_return_if_fail (SSV_IS_VIDEO_CARD (self));

  if (self->video == video)
    return;

  if (self->video != NULL)
    g_clear_signal_handler (&self->notify_handler, self->video);
  g_set_object (&self->video, video);
  if (video != NULL)
    self->notify_handler = g_signal_connect_object (video, "notify", G_CALLBACK (on_video_notify), self,
                                                    G_CONNECT_SWAPPED);
  update_words (self);
  forget_thumbnail (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIDEO]);
}

/* The words as the card shows them, for tests and accessibility checks. */
const char *
ssv_video_card_get_title (SsvVideoCard *self)
{
  return gtk_label_get_text (self->title_label);
}

const char *
ssv_video_card_get_meta (SsvVideoCard *self)
{
  return gtk_label_get_text (self->meta_label);
}

const char *
ssv_video_card_get_badge (SsvVideoCard *self)
{
  return gtk_label_get_text (self->duration_label);
}

const char *
ssv_video_card_get_state (SsvVideoCard *self)
{
  return gtk_label_get_text (self->state_label);
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
ssv_video_card_dispose (GObject *object)
{
  SsvVideoCard *self = SSV_VIDEO_CARD (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), SSV_TYPE_VIDEO_CARD);
  g_clear_object (&self->cancellable);
  if (self->video != NULL)
    g_clear_signal_handler (&self->notify_handler, self->video);
  g_clear_object (&self->video);
  g_clear_object (&self->loader);

  G_OBJECT_CLASS (ssv_video_card_parent_class)->dispose (object);
}

static void
ssv_video_card_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SsvVideoCard *self = SSV_VIDEO_CARD (object);

  switch (prop_id)
    {
    case PROP_VIDEO:
      g_value_set_object (value, self->video);
      break;
    case PROP_LOADER:
      g_value_set_object (value, self->loader);
      break;
    case PROP_PREFER_DEARROW:
      g_value_set_boolean (value, self->prefer_dearrow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_video_card_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SsvVideoCard *self = SSV_VIDEO_CARD (object);

  switch (prop_id)
    {
    case PROP_VIDEO:
      ssv_video_card_set_video (self, g_value_get_object (value));
      break;
    case PROP_LOADER:
      g_set_object (&self->loader, g_value_get_object (value));
      break;
    case PROP_PREFER_DEARROW:
      if (self->prefer_dearrow != g_value_get_boolean (value))
        {
          self->prefer_dearrow = g_value_get_boolean (value);
          update_words (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_video_card_class_init (SsvVideoCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_video_card_dispose;
  object_class->get_property = ssv_video_card_get_property;
  object_class->set_property = ssv_video_card_set_property;

  properties[PROP_VIDEO] =
    g_param_spec_object ("video", NULL, NULL, SSV_TYPE_VIDEO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADER] =
    g_param_spec_object ("loader", NULL, NULL, SSV_TYPE_TEXTURE_LOADER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SsvVideoCard:prefer-dearrow:
   *
   * Whether the DeArrow title, when there is one, stands in for the original.
   */
  properties[PROP_PREFER_DEARROW] =
    g_param_spec_boolean ("prefer-dearrow", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/widgets/ssv-video-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvVideoCard, box);
  gtk_widget_class_bind_template_child (widget_class, SsvVideoCard, thumbnail);
  gtk_widget_class_bind_template_child (widget_class, SsvVideoCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, SsvVideoCard, meta_label);
  gtk_widget_class_bind_template_child (widget_class, SsvVideoCard, duration_label);
  gtk_widget_class_bind_template_child (widget_class, SsvVideoCard, state_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ssv_video_card_init (SsvVideoCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_video_card_new:
 * @loader: (nullable): where thumbnails come from; without one, none show
 */
GtkWidget *
ssv_video_card_new (SsvTextureLoader *loader)
{
  return g_object_new (SSV_TYPE_VIDEO_CARD, "loader", loader, NULL);
}
