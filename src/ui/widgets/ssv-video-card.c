/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-video-card.c: one video in a channel's grid, drawn by one widget: the thumbnail (cut to
 * fill, rounded), its duration badge and wish/downloaded mark, the title (DeArrow's when the
 * card prefers it) and "views · date" under it. A grid binds a hundred cards or more at once
 * and lays them out on the UI thread: one widget each, whose text is laid out only when
 * drawn, costs a fraction of a box of labels. The words follow the video's notify; the
 * thumbnail loads through the texture loader, and a recycled card cancels the load of the
 * video it showed before. */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/ssv-poster-art.h"
#include "widgets/ssv-video-card.h"
#include "widgets/ssv-video-words.h"

#define THUMB_WIDTH   240
#define THUMB_HEIGHT  135
#define THUMB_RADIUS  12
#define SPACING       6     /* between the thumbnail, the title and the words under it */
#define BADGE_MARGIN  6
#define BADGE_PAD_X   5
#define BADGE_PAD_Y   1
#define BADGE_RADIUS  4
#define SMALLER       0.83  /* "font-size: smaller", the badges */
#define CAPTION       0.82  /* libadwaita's .caption, the words under the title */
#define DIM           0.55  /* libadwaita's .dim-label */

struct _SsvVideoCard
{
  GtkWidget         parent_instance;

  SsvVideo         *video;
  SsvTextureLoader *loader;
  GCancellable     *cancellable;
  GdkTexture       *texture;
  gulong            notify_handler;
  gboolean          thumbnail_asked;  /* for the video shown */
  gboolean          prefer_dearrow;

  char             *title;
  char             *meta;
  char             *duration;         /* "" without one */
  const char       *state;            /* "", "Wished" or "Downloaded" */
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

/* What a screen reader says of the card, all its words in the order they show. */
static void
update_accessible_label (SsvVideoCard *self)
{
  g_autoptr(GString) label = g_string_new (self->title);

  if (*self->duration != '\0')
    g_string_append_printf (label, ", %s", self->duration);
  if (*self->meta != '\0')
    g_string_append_printf (label, ", %s", self->meta);
  if (*self->state != '\0')
    g_string_append_printf (label, ", %s", self->state);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
}

static void
set_word (char       **field,
          const char  *value,
          gboolean    *changed)
{
  if (g_strcmp0 (*field, value ? value : "") == 0)
    return;
  g_free (*field);
  *field = g_strdup (value ? value : "");
  *changed = TRUE;
}

static void
update_words (SsvVideoCard *self)
{
  g_autofree char *meta = NULL;
  g_autofree char *duration = NULL;
  const char *state = "";
  gboolean changed = FALSE;

  if (self->video != NULL)
    {
      meta = ssv_video_words_meta (ssv_video_get_views (self->video), ssv_video_get_published (self->video),
                                   ssv_video_get_date_exact (self->video));
      duration = ssv_video_words_duration (ssv_video_get_duration (self->video));
      state = state_text (self->video);
    }

  set_word (&self->title, self->video ? ssv_video_get_display_title (self->video, self->prefer_dearrow) : NULL,
            &changed);
  set_word (&self->meta, meta, &changed);
  set_word (&self->duration, duration, &changed);
  if (g_strcmp0 (self->state, state) != 0)
    {
      self->state = state;
      changed = TRUE;
    }

  if (!changed)
    return;
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_video_notify (SsvVideoCard *self)
{
  update_words (self);
}

/* ---- drawing ------------------------------------------------------------------------ */

/* The widget's font, bold and/or scaled. */
static PangoFontDescription *
font_for (SsvVideoCard *self,
          gboolean      bold,
          double        scale)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));
  int size = pango_font_description_get_size (font);

  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (scale != 1.0 && size > 0)
    {
      if (pango_font_description_get_size_is_absolute (font))
        pango_font_description_set_absolute_size (font, size * scale);
      else
        pango_font_description_set_size (font, (int) (size * scale));
    }
  return font;
}

/* The height of one line in @font, in pixels. */
static int
line_height (SsvVideoCard         *self,
             PangoFontDescription *font)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, font, NULL);
  int height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));

  pango_font_metrics_unref (metrics);
  return height;
}

/* One line of @text, ellipsized at the end to @width pixels (if > 0). */
static PangoLayout *
make_layout (SsvVideoCard *self,
             const char   *text,
             gboolean      bold,
             double        scale,
             int           width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoFontDescription *font = font_for (self, bold, scale);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

static void
snapshot_thumbnail (SsvVideoCard *self,
                    GtkSnapshot  *snapshot,
                    const GdkRGBA *color)
{
  GskRoundedRect frame;
  GdkRGBA placeholder = *color;

  gsk_rounded_rect_init_from_rect (&frame, &GRAPHENE_RECT_INIT (0, 0, THUMB_WIDTH, THUMB_HEIGHT), THUMB_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &frame);
  if (self->texture != NULL)
    ssv_snapshot_cover (GDK_PAINTABLE (self->texture), snapshot, THUMB_WIDTH, THUMB_HEIGHT);
  else
    {
      /* Where the thumbnail comes: a faint card of the text's colour. */
      placeholder.alpha *= 0.08;
      gtk_snapshot_append_color (snapshot, &placeholder, &GRAPHENE_RECT_INIT (0, 0, THUMB_WIDTH, THUMB_HEIGHT));
    }
  gtk_snapshot_pop (snapshot);
}

/* A badge over the thumbnail: @text on @background, at its top start or bottom end corner. */
static void
snapshot_badge (SsvVideoCard  *self,
                GtkSnapshot   *snapshot,
                const char    *text,
                const GdkRGBA *background,
                const GdkRGBA *foreground,
                gboolean       bottom_end)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, TRUE, SMALLER, 0);
  PangoRectangle extents;
  GskRoundedRect box;
  float width, height, x, y;

  pango_layout_get_pixel_extents (layout, NULL, &extents);
  width = extents.width + 2 * BADGE_PAD_X;
  height = extents.height + 2 * BADGE_PAD_Y;
  x = bottom_end ? THUMB_WIDTH - BADGE_MARGIN - width : BADGE_MARGIN;
  y = bottom_end ? THUMB_HEIGHT - BADGE_MARGIN - height : BADGE_MARGIN;
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    x = THUMB_WIDTH - x - width;

  gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (x, y, width, height), BADGE_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &box);
  gtk_snapshot_append_color (snapshot, background, &box.bounds);
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + BADGE_PAD_X - extents.x, y + BADGE_PAD_Y - extents.y));
  gtk_snapshot_append_layout (snapshot, layout, foreground);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_line (SsvVideoCard  *self,
               GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               float          y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
ssv_video_card_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SsvVideoCard *self = SSV_VIDEO_CARD (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  static const GdkRGBA badge_bg = { 0, 0, 0, 0.75 };
  static const GdkRGBA white = { 1, 1, 1, 1 };
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) meta = NULL;
  GdkRGBA color, dim, accent_bg, accent_fg;
  int title_height;

  gtk_style_context_get_color (style, &color);
  dim = color;
  dim.alpha *= DIM;
  if (!gtk_style_context_lookup_color (style, "accent_bg_color", &accent_bg))
    gdk_rgba_parse (&accent_bg, "#3584e4");
  accent_bg.alpha *= 0.9;
  if (!gtk_style_context_lookup_color (style, "accent_fg_color", &accent_fg))
    accent_fg = white;

  snapshot_thumbnail (self, snapshot, &color);
  if (self->duration != NULL && *self->duration != '\0')
    snapshot_badge (self, snapshot, self->duration, &badge_bg, &white, TRUE);
  if (self->state != NULL && *self->state != '\0')
    snapshot_badge (self, snapshot, self->state, &accent_bg, &accent_fg, FALSE);

  /* Laid out only here: most cards a grid holds are never drawn. */
  title = make_layout (self, self->title ? self->title : "", TRUE, 1.0, THUMB_WIDTH);
  pango_layout_get_pixel_size (title, NULL, &title_height);
  snapshot_line (self, snapshot, title, THUMB_HEIGHT + SPACING, &color);
  meta = make_layout (self, self->meta ? self->meta : "", FALSE, CAPTION, THUMB_WIDTH);
  snapshot_line (self, snapshot, meta, THUMB_HEIGHT + SPACING + title_height + SPACING, &dim);
}

static void
ssv_video_card_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  SsvVideoCard *self = SSV_VIDEO_CARD (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = THUMB_WIDTH;
  else
    {
      PangoFontDescription *title = font_for (self, TRUE, 1.0);
      PangoFontDescription *meta = font_for (self, FALSE, CAPTION);

      *minimum = *natural = THUMB_HEIGHT + SPACING + line_height (self, title) + SPACING + line_height (self, meta);
      pango_font_description_free (title);
      pango_font_description_free (meta);
    }
}

/* The whole title on hover: the card shows one line of it. */
static gboolean
ssv_video_card_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_tooltip,
                              GtkTooltip *tooltip)
{
  SsvVideoCard *self = SSV_VIDEO_CARD (widget);

  if (self->title == NULL || *self->title == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->title);
  return TRUE;
}

/* ---- thumbnail --------------------------------------------------------------------- */

static void
set_texture (SsvVideoCard *self,
             GdkTexture   *texture)
{
  if (g_set_object (&self->texture, texture))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
forget_thumbnail (SsvVideoCard *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_texture (self, NULL);
  self->thumbnail_asked = FALSE;
}

static void
thumbnail_ready_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SsvVideoCard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = ssv_texture_loader_load_finish (SSV_TEXTURE_LOADER (source), result, &error);

  /* A missing thumbnail leaves the faint card: not worth an error. */
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No thumbnail: %s", error->message);
      return;
    }

  /* Recycled meanwhile for another video: cancelled, but be sure. */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  set_texture (self, texture);
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
  g_autoptr(GdkTexture) known = NULL;
  const char *url;
  int height;

  g_return_if_fail (SSV_IS_VIDEO_CARD (self));

  url = self->video ? ssv_video_get_thumbnail_url (self->video) : NULL;
  if (self->thumbnail_asked || url == NULL || *url == '\0' || self->loader == NULL)
    return;

  self->thumbnail_asked = TRUE;
  height = THUMB_HEIGHT * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  known = ssv_texture_loader_dup_texture (self->loader, url, height);
  if (known != NULL)
    {
      set_texture (self, known);
      return;
    }

  self->cancellable = g_cancellable_new ();
  ssv_texture_loader_load_async (self->loader, url, height, self->cancellable, thumbnail_ready_cb,
                                 g_object_ref (self));
}

/* Whether the thumbnail itself shows (not the faint card in its place). */
gboolean
ssv_video_card_get_has_thumbnail (SsvVideoCard *self)
{
  g_return_val_if_fail (SSV_IS_VIDEO_CARD (self), FALSE);

  return self->texture != NULL;
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
  return self->title;
}

const char *
ssv_video_card_get_meta (SsvVideoCard *self)
{
  return self->meta;
}

const char *
ssv_video_card_get_badge (SsvVideoCard *self)
{
  return self->duration;
}

const char *
ssv_video_card_get_state (SsvVideoCard *self)
{
  return self->state;
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
ssv_video_card_dispose (GObject *object)
{
  SsvVideoCard *self = SSV_VIDEO_CARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->video != NULL)
    g_clear_signal_handler (&self->notify_handler, self->video);
  g_clear_object (&self->video);
  g_clear_object (&self->loader);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (ssv_video_card_parent_class)->dispose (object);
}

static void
ssv_video_card_finalize (GObject *object)
{
  SsvVideoCard *self = SSV_VIDEO_CARD (object);

  g_free (self->title);
  g_free (self->meta);
  g_free (self->duration);

  G_OBJECT_CLASS (ssv_video_card_parent_class)->finalize (object);
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
  object_class->finalize = ssv_video_card_finalize;
  object_class->get_property = ssv_video_card_get_property;
  object_class->set_property = ssv_video_card_set_property;
  widget_class->snapshot = ssv_video_card_snapshot;
  widget_class->measure = ssv_video_card_measure;
  widget_class->query_tooltip = ssv_video_card_query_tooltip;

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

  gtk_widget_class_set_css_name (widget_class, "videocard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ssv_video_card_init (SsvVideoCard *self)
{
  self->title = g_strdup ("");
  self->meta = g_strdup ("");
  self->duration = g_strdup ("");
  self->state = "";
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "video-card");
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
