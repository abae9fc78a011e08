/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-poster-card.c: shows any object with "title" and "poster-url" (and, when it has them,
 * "subtitle" or "year", and "watched"); recycled by grids, so a load is cancelled on rebind.
 * The card reads those into its own properties, which its template's labels bind to. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-closures.h"
#include "widgets/ssv-poster-card.h"

/* As many as data/style.css has colours for (.poster-placeholder.color-N, .billboard-placeholder…). */
static const char * const placeholder_colors[] = {
  "color-0", "color-1", "color-2", "color-3", "color-4", "color-5", "color-6", "color-7",
};

struct _SsvPosterCard
{
  GtkWidget          parent_instance;

  SsvTextureLoader  *loader;
  GObject           *item;
  gulong             notify_handler;
  GCancellable      *cancellable;
  char              *poster_uri;
  gboolean           lazy;       /* loads only when asked to (a grid's cards) */
  gboolean           requested;  /* the poster of poster_uri was asked for */
  GtkWidget         *accessory;
  char              *title;
  char              *subtitle;
  gboolean           watched;

  GtkWidget         *frame;
  GtkLabel          *initials_label;
  GtkPicture        *picture;
  GtkWidget         *title_label;     /* bound for dispose: direct children */
  GtkWidget         *subtitle_label;
};

G_DEFINE_FINAL_TYPE (SsvPosterCard, ssv_poster_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_WATCHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static char *
dup_string_property (GObject    *item,
                     const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), name);
  char *value = NULL;

  if (pspec != NULL && G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING)
    g_object_get (item, name, &value, NULL);

  return value;
}

static gboolean
get_boolean_property (GObject    *item,
                      const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), name);
  gboolean value = FALSE;

  if (pspec != NULL && G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_BOOLEAN)
    g_object_get (item, name, &value, NULL);

  return value;
}

static char *
dup_subtitle (GObject *item)
{
  GParamSpec *pspec;
  char *subtitle = dup_string_property (item, "subtitle");
  int year = 0;

  if (subtitle != NULL)
    return subtitle;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), "year");
  if (pspec != NULL && G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_INT)
    g_object_get (item, "year", &year, NULL);

  return year > 0 ? g_strdup_printf ("%d", year) : g_strdup ("");
}

/* "Breaking Bad" → "BB", as a template's closure: what a placeholder shows until art arrives. */
char *
ssv_poster_initials_closure (gpointer    unused,
                             const char *title)
{
  return ssv_poster_initials (title);
}

static void
show_texture (SsvPosterCard *self,
              GdkTexture    *texture)
{
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->picture), texture != NULL);
  /* The initials stay underneath for size, but need not be read out. */
  gtk_widget_set_opacity (GTK_WIDGET (self->initials_label), texture != NULL ? 0.0 : 1.0);
}

static void
texture_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SsvPosterCard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = ssv_texture_loader_load_finish (SSV_TEXTURE_LOADER (source), result, &error);

  if (texture == NULL)
    {
      /* The initials stay: a missing poster is not worth an error. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No poster for “%s”: %s", self->title, error->message);
      return;
    }

  /* Recycled meanwhile for another title: cancelled, but be sure. */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  show_texture (self, texture);
}

static void
load_poster (SsvPosterCard *self,
             gboolean       fetch)
{
  GdkTexture *known;
  int height = SSV_POSTER_HEIGHT * gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  self->requested = FALSE;

  if (self->poster_uri == NULL || self->loader == NULL)
    {
      show_texture (self, NULL);
      return;
    }

  /* In memory: shown at once, lazy or not. */
  known = ssv_texture_loader_lookup (self->loader, self->poster_uri, height);
  show_texture (self, known);
  if (known != NULL)
    {
      self->requested = TRUE;
      return;
    }

  if (self->lazy && !fetch)
    return;

  self->requested = TRUE;
  self->cancellable = g_cancellable_new ();
  ssv_texture_loader_load_async (self->loader, self->poster_uri, height, self->cancellable,
                                 texture_ready_cb, g_object_ref (self));
}

static void
set_string (SsvPosterCard  *self,
            char          **field,
            char           *value,
            guint           prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }

  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
update_from_item (SsvPosterCard *self,
                  gboolean       reload)
{
  g_autofree char *poster = NULL;
  gboolean watched = FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->title, self->item ? dup_string_property (self->item, "title") : NULL, PROP_TITLE);
  set_string (self, &self->subtitle, self->item ? dup_subtitle (self->item) : NULL, PROP_SUBTITLE);
  if (self->item != NULL)
    {
      watched = get_boolean_property (self->item, "watched");
      poster = dup_string_property (self->item, "poster-url");
    }
  if (self->watched != watched)
    {
      self->watched = watched;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCHED]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  /* Not bound: a template binding on the card itself outlives the card in GTK 4.8. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->title);
  ssv_poster_set_placeholder_color (GTK_WIDGET (self->initials_label), self->title);

  if (reload || g_strcmp0 (poster, self->poster_uri) != 0)
    {
      g_free (self->poster_uri);
      self->poster_uri = g_steal_pointer (&poster);
      load_poster (self, FALSE);
    }
}

static void
on_item_notify (SsvPosterCard *self,
                GParamSpec    *pspec,
                GObject       *item)
{
  update_from_item (self, FALSE);
}

/**
 * ssv_poster_card_set_item:
 * @item: (nullable): an object with a "title" and a "poster-url" property
 *
 * Shows @item. Setting another item (or %NULL, on unbind) cancels the load
 * of the previous poster.
 */
void
ssv_poster_card_set_item (SsvPosterCard *self,
                          GObject       *item)
{
  g_return_if_fail (SSV_IS_POSTER_CARD (self));

  if (self->item == item)
    return;

  if (self->item != NULL)
    {
      g_clear_signal_handler (&self->notify_handler, self->item);
      g_clear_object (&self->item);
    }

  if (item != NULL)
    {
      self->item = g_object_ref (item);
      self->notify_handler = g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify),
                                                      self, G_CONNECT_SWAPPED);
    }

  update_from_item (self, TRUE);
}

GObject *
ssv_poster_card_get_item (SsvPosterCard *self)
{
  g_return_val_if_fail (SSV_IS_POSTER_CARD (self), NULL);

  return self->item;
}

/* Returns: (nullable): the title shown */
const char *
ssv_poster_card_get_title (SsvPosterCard *self)
{
  g_return_val_if_fail (SSV_IS_POSTER_CARD (self), NULL);

  return self->title;
}

/**
 * ssv_poster_card_set_lazy:
 * @lazy: whether to wait for ssv_poster_card_ensure_poster() before loading
 *
 * A grid keeps many more cards bound than it shows; its cards are lazy, and
 * the grid asks for the posters of those in view. Posters already in memory
 * show at once either way.
 */
void
ssv_poster_card_set_lazy (SsvPosterCard *self,
                          gboolean       lazy)
{
  g_return_if_fail (SSV_IS_POSTER_CARD (self));

  self->lazy = !!lazy;
  if (!self->lazy)
    ssv_poster_card_ensure_poster (self);
}

/**
 * ssv_poster_card_ensure_poster:
 *
 * Starts loading the poster if it is neither shown nor on its way.
 */
void
ssv_poster_card_ensure_poster (SsvPosterCard *self)
{
  g_return_if_fail (SSV_IS_POSTER_CARD (self));

  if (!self->requested && self->poster_uri != NULL)
    load_poster (self, TRUE);
}

/* Whether the poster itself shows (not the initials). */
gboolean
ssv_poster_card_get_has_poster (SsvPosterCard *self)
{
  g_return_val_if_fail (SSV_IS_POSTER_CARD (self), FALSE);

  return gtk_picture_get_paintable (self->picture) != NULL;
}

/**
 * ssv_poster_card_set_accessory:
 * @accessory: (nullable) (transfer floating): a small widget over the poster's
 *   lower end corner, such as an eye button; it is the caller's to keep current
 */
void
ssv_poster_card_set_accessory (SsvPosterCard *self,
                               GtkWidget     *accessory)
{
  g_return_if_fail (SSV_IS_POSTER_CARD (self));

  if (self->accessory == accessory)
    return;

  if (self->accessory != NULL)
    gtk_overlay_remove_overlay (GTK_OVERLAY (self->frame), self->accessory);
  self->accessory = accessory;

  if (accessory != NULL)
    {
      gtk_widget_set_halign (accessory, GTK_ALIGN_END);
      gtk_widget_set_valign (accessory, GTK_ALIGN_END);
      gtk_widget_add_css_class (accessory, "poster-accessory");
      gtk_widget_add_css_class (accessory, "osd");
      gtk_overlay_add_overlay (GTK_OVERLAY (self->frame), accessory);
    }
}

GtkWidget *
ssv_poster_card_get_accessory (SsvPosterCard *self)
{
  g_return_val_if_fail (SSV_IS_POSTER_CARD (self), NULL);

  return self->accessory;
}

static void
ssv_poster_card_dispose (GObject *object)
{
  SsvPosterCard *self = SSV_POSTER_CARD (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_handler, self->item);
  g_clear_object (&self->item);
  g_clear_object (&self->loader);
  g_clear_pointer (&self->poster_uri, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  /* The overlay (a template child) owns it. */
  self->accessory = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_POSTER_CARD);

  G_OBJECT_CLASS (ssv_poster_card_parent_class)->dispose (object);
}

static void
ssv_poster_card_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SsvPosterCard *self = SSV_POSTER_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_WATCHED:
      g_value_set_boolean (value, self->watched);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_poster_card_class_init (SsvPosterCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_poster_card_dispose;
  object_class->get_property = ssv_poster_card_get_property;

  /**
   * SsvPosterCard:title:
   *
   * The item's title, as the card shows it.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SsvPosterCard:subtitle:
   *
   * The item's "subtitle", else its year, else empty.
   */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WATCHED] =
    g_param_spec_boolean ("watched", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/widgets/ssv-poster-card.ui");
  ssv_widget_class_bind_closures (widget_class);
  gtk_widget_class_bind_template_callback_full (widget_class, "initials_text",
                                                G_CALLBACK (ssv_poster_initials_closure));
  gtk_widget_class_bind_template_child (widget_class, SsvPosterCard, frame);
  gtk_widget_class_bind_template_child (widget_class, SsvPosterCard, initials_label);
  gtk_widget_class_bind_template_child (widget_class, SsvPosterCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, SsvPosterCard, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SsvPosterCard, picture);
  gtk_widget_class_set_css_name (widget_class, "postercard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ssv_poster_card_init (SsvPosterCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_poster_card_new:
 * @loader: (nullable): where posters come from; without one, initials only
 */
GtkWidget *
ssv_poster_card_new (SsvTextureLoader *loader)
{
  SsvPosterCard *self = g_object_new (SSV_TYPE_POSTER_CARD, NULL);

  self->loader = loader ? g_object_ref (loader) : NULL;
  return GTK_WIDGET (self);
}
