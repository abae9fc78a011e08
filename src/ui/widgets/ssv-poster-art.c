/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-poster-art.c: a grid holds a few hundred poster cards at once, so a poster is one
 * widget that draws itself: the texture (cut to fill, as a picture with content-fit cover),
 * else the title's initials over the title's colour (.poster-placeholder.color-N in
 * data/style.css, drawn as the widget's own background). The watched badge is made the
 * first time a watched title shows; an accessory (an eye button) sits in the lower end
 * corner. Children are placed as a GtkOverlay would, by their own alignment. */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/ssv-poster-art.h"

/* As many as data/style.css has colours for (.poster-placeholder.color-N, .billboard-placeholder…). */
static const char * const placeholder_colors[] = {
  "color-0", "color-1", "color-2", "color-3", "color-4", "color-5", "color-6", "color-7",
};

struct _SsvPosterArt
{
  GtkWidget   parent_instance;

  char       *title;
  char       *initials;
  GdkTexture *texture;
  gboolean    watched;
  GtkWidget  *badge;      /* made on the first watched title */
  GtkWidget  *accessory;
};

G_DEFINE_FINAL_TYPE (SsvPosterArt, ssv_poster_art, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_INITIALS,
  PROP_TEXTURE,
  PROP_WATCHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- placeholders ---------------------------------------------------------------- */

/* "The Matrix" → "M", "Breaking Bad" → "BB", "Amélie" → "A". */
char *
ssv_poster_initials (const char *title)
{
  static const char * const articles[] = { "the", "a", "an" };
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) initials = g_string_new (NULL);
  guint first = 0;
  guint n;

  if (title == NULL)
    return g_strdup ("");

  words = g_strsplit_set (title, " \t-_.:", -1);
  n = g_strv_length (words);

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    if (n > 1 && g_ascii_strcasecmp (words[0], articles[i]) == 0)
      first = 1;

  for (guint i = first; i < n && initials->len < 8; i++)
    {
      gunichar c;

      if (words[i][0] == '\0')
        continue;
      c = g_utf8_get_char (words[i]);
      if (!g_unichar_isalnum (c))
        continue;
      g_string_append_unichar (initials, g_unichar_toupper (c));
      if (g_utf8_strlen (initials->str, -1) == 2)
        break;
    }

  return g_string_free (g_steal_pointer (&initials), FALSE);
}

/**
 * ssv_poster_set_placeholder_color:
 * @placeholder: what shows while there is no image (initials, a backdrop's place)
 * @title: (nullable): the title the colour follows
 *
 * Gives @placeholder the colour class of @title, and no other: the colour
 * follows the title, so it does not flicker when a recycled widget is rebound.
 */
void
ssv_poster_set_placeholder_color (GtkWidget  *placeholder,
                                  const char *title)
{
  guint color = title ? g_str_hash (title) % G_N_ELEMENTS (placeholder_colors) : 0;

  g_return_if_fail (GTK_IS_WIDGET (placeholder));

  for (guint i = 0; i < G_N_ELEMENTS (placeholder_colors); i++)
    if (i != color)
      gtk_widget_remove_css_class (placeholder, placeholder_colors[i]);
  gtk_widget_add_css_class (placeholder, placeholder_colors[color]);
}

/* ---- drawing ------------------------------------------------------------------------ */

/* Scaled to cover the whole @width × @height, centred, the overflow cut (a poster, a
 * video's thumbnail). */
void
ssv_snapshot_cover (GdkPaintable *paintable,
                    GtkSnapshot  *snapshot,
                    double        width,
                    double        height)
{
  double image_width = gdk_paintable_get_intrinsic_width (paintable);
  double image_height = gdk_paintable_get_intrinsic_height (paintable);
  double scale, drawn_width, drawn_height;

  if (image_width <= 0 || image_height <= 0)
    {
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      return;
    }

  scale = MAX (width / image_width, height / image_height);
  drawn_width = image_width * scale;
  drawn_height = image_height * scale;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - drawn_width) / 2,
                                                          (height - drawn_height) / 2));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), drawn_width, drawn_height);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

/* Laid out only here: most cards a grid holds are never drawn. */
static void
snapshot_initials (SsvPosterArt *self,
                   GtkSnapshot  *snapshot,
                   int           width,
                   int           height)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle extents;
  GdkRGBA color;

  if (self->initials == NULL || self->initials[0] == '\0')
    return;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->initials);
  pango_layout_get_pixel_extents (layout, NULL, &extents);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - extents.width) / 2 - extents.x,
                                                          (height - extents.height) / 2 - extents.y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
ssv_poster_art_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SsvPosterArt *self = SSV_POSTER_ART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->texture != NULL)
    ssv_snapshot_cover (GDK_PAINTABLE (self->texture), snapshot, width, height);
  else
    snapshot_initials (self, snapshot, width, height);

  /* The badge and the accessory. */
  GTK_WIDGET_CLASS (ssv_poster_art_parent_class)->snapshot (widget, snapshot);
}

/* ---- children ------------------------------------------------------------------------ */

static void
ensure_badge (SsvPosterArt *self)
{
  if (self->badge != NULL)
    return;

  self->badge = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
  /* Hidden until ssv_poster_art_set_watched() shows it: a tooltip set on a shown
   * widget asks the display where the pointer is, a round trip per watched card. */
  gtk_widget_set_visible (self->badge, FALSE);
  gtk_widget_set_halign (self->badge, GTK_ALIGN_END);
  gtk_widget_set_valign (self->badge, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->badge, 6);
  gtk_widget_set_margin_end (self->badge, 6);
  gtk_widget_set_tooltip_text (self->badge, _("Watched"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->badge),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Watched"),
                                  -1);
  gtk_widget_add_css_class (self->badge, "watched-badge");
  /* Under the accessory, should they ever meet. */
  gtk_widget_insert_after (self->badge, GTK_WIDGET (self), NULL);
}

/* ---- public -------------------------------------------------------------------------- */

/**
 * ssv_poster_art_set_title:
 * @title: (nullable): whose initials and colour show until there is art
 */
void
ssv_poster_art_set_title (SsvPosterArt *self,
                          const char   *title)
{
  g_return_if_fail (SSV_IS_POSTER_ART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  ssv_poster_set_placeholder_color (GTK_WIDGET (self), title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);

  {
    g_autofree char *initials = ssv_poster_initials (title);

    if (g_strcmp0 (initials, self->initials) != 0)
      {
        g_free (self->initials);
        self->initials = g_steal_pointer (&initials);
        if (self->texture == NULL)
          gtk_widget_queue_draw (GTK_WIDGET (self));
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIALS]);
      }
  }
}

/* Returns: what shows while there is no art ("BB" for "Breaking Bad") */
const char *
ssv_poster_art_get_initials (SsvPosterArt *self)
{
  g_return_val_if_fail (SSV_IS_POSTER_ART (self), NULL);

  return self->initials != NULL ? self->initials : "";
}

/**
 * ssv_poster_art_set_texture:
 * @texture: (nullable): the poster; %NULL shows the initials
 */
void
ssv_poster_art_set_texture (SsvPosterArt *self,
                            GdkTexture   *texture)
{
  g_return_if_fail (SSV_IS_POSTER_ART (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));

  if (!g_set_object (&self->texture, texture))
    return;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
}

/* Returns: (nullable) (transfer none): the poster shown, if any */
GdkTexture *
ssv_poster_art_get_texture (SsvPosterArt *self)
{
  g_return_val_if_fail (SSV_IS_POSTER_ART (self), NULL);

  return self->texture;
}

void
ssv_poster_art_set_watched (SsvPosterArt *self,
                            gboolean      watched)
{
  g_return_if_fail (SSV_IS_POSTER_ART (self));

  watched = !!watched;
  if (self->watched == watched)
    return;

  self->watched = watched;
  if (watched)
    ensure_badge (self);
  if (self->badge != NULL)
    gtk_widget_set_visible (self->badge, watched);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCHED]);
}

gboolean
ssv_poster_art_get_watched (SsvPosterArt *self)
{
  g_return_val_if_fail (SSV_IS_POSTER_ART (self), FALSE);

  return self->watched;
}

/**
 * ssv_poster_art_set_accessory:
 * @accessory: (nullable) (transfer floating): a small widget for the lower end corner
 */
void
ssv_poster_art_set_accessory (SsvPosterArt *self,
                              GtkWidget    *accessory)
{
  g_return_if_fail (SSV_IS_POSTER_ART (self));

  if (self->accessory == accessory)
    return;

  g_clear_pointer (&self->accessory, gtk_widget_unparent);
  self->accessory = accessory;
  if (accessory != NULL)
    {
      gtk_widget_set_halign (accessory, GTK_ALIGN_END);
      gtk_widget_set_valign (accessory, GTK_ALIGN_END);
      gtk_widget_add_css_class (accessory, "poster-accessory");
      gtk_widget_add_css_class (accessory, "osd");
      gtk_widget_set_parent (accessory, GTK_WIDGET (self));
    }
}

static void
ssv_poster_art_dispose (GObject *object)
{
  SsvPosterArt *self = SSV_POSTER_ART (object);

  g_clear_pointer (&self->badge, gtk_widget_unparent);
  g_clear_pointer (&self->accessory, gtk_widget_unparent);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (ssv_poster_art_parent_class)->dispose (object);
}

static void
ssv_poster_art_finalize (GObject *object)
{
  SsvPosterArt *self = SSV_POSTER_ART (object);

  g_free (self->title);
  g_free (self->initials);

  G_OBJECT_CLASS (ssv_poster_art_parent_class)->finalize (object);
}

static void
ssv_poster_art_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SsvPosterArt *self = SSV_POSTER_ART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_INITIALS:
      g_value_set_string (value, ssv_poster_art_get_initials (self));
      break;
    case PROP_TEXTURE:
      g_value_set_object (value, self->texture);
      break;
    case PROP_WATCHED:
      g_value_set_boolean (value, self->watched);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_poster_art_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SsvPosterArt *self = SSV_POSTER_ART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      ssv_poster_art_set_title (self, g_value_get_string (value));
      break;
    case PROP_TEXTURE:
      ssv_poster_art_set_texture (self, g_value_get_object (value));
      break;
    case PROP_WATCHED:
      ssv_poster_art_set_watched (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_poster_art_class_init (SsvPosterArtClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_poster_art_dispose;
  object_class->finalize = ssv_poster_art_finalize;
  object_class->get_property = ssv_poster_art_get_property;
  object_class->set_property = ssv_poster_art_set_property;
  widget_class->snapshot = ssv_poster_art_snapshot;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INITIALS] =
    g_param_spec_string ("initials", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL, GDK_TYPE_TEXTURE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WATCHED] =
    g_param_spec_boolean ("watched", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "posterart");
}

static void
ssv_poster_art_init (SsvPosterArt *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (GTK_WIDGET (self), "poster-frame");
  gtk_widget_add_css_class (GTK_WIDGET (self), "poster-placeholder");
  ssv_poster_set_placeholder_color (GTK_WIDGET (self), NULL);
}

GtkWidget *
ssv_poster_art_new (void)
{
  return g_object_new (SSV_TYPE_POSTER_ART, NULL);
}
