/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-poster-card.c: shows any object with "title" and "poster-url" (and, when it has them,
 * "subtitle" or "year", and "watched"); recycled by grids, so a load is cancelled on rebind,
 * one still on its way is dropped while the card is hidden, and a grid's card far out of
 * view lets go of its poster.
 * The card reads those into its own properties, which its template's labels bind to. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-closures.h"
#include "widgets/ssv-poster-card.h"

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
  gboolean           dropped;    /* its load was dropped when the card was hidden */
  GtkWidget         *accessory;
  char              *title;
  char              *subtitle;
  gboolean           watched;

  SsvPosterArt      *art;
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
  ssv_poster_art_set_texture (self->art, texture);
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
  g_autoptr(GdkTexture) known = NULL;
  int height = SSV_POSTER_HEIGHT * gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  self->requested = FALSE;
  self->dropped = FALSE;

  if (self->poster_uri == NULL || self->loader == NULL)
    {
      show_texture (self, NULL);
      return;
    }

  /* In memory: shown at once, lazy or not. */
  known = ssv_texture_loader_dup_texture (self->loader, self->poster_uri, height);
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

/**
 * ssv_poster_card_release_poster:
 *
 * Lets go of the poster (or stops its load) of a lazy card out of view: a grid keeps
 * many more cards bound than it shows, and a texture drawn once holds a copy in the GL
 * driver for as long as a card keeps it. The loader keeps the recent images, so
 * ssv_poster_card_ensure_poster() (or the card coming into view) shows it again at once.
 */
void
ssv_poster_card_release_poster (SsvPosterCard *self)
{
  g_return_if_fail (SSV_IS_POSTER_CARD (self));

  if (!self->lazy || !self->requested)
    return;

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  self->requested = FALSE;
  show_texture (self, NULL);
}

/* Whether the poster itself shows (not the initials). */
gboolean
ssv_poster_card_get_has_poster (SsvPosterCard *self)
{
  g_return_val_if_fail (SSV_IS_POSTER_CARD (self), FALSE);

  return ssv_poster_art_get_texture (self->art) != NULL;
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

  self->accessory = accessory;
  ssv_poster_art_set_accessory (self->art, accessory);
}

GtkWidget *
ssv_poster_card_get_accessory (SsvPosterCard *self)
{
  g_return_val_if_fail (SSV_IS_POSTER_CARD (self), NULL);

  return self->accessory;
}

/* Hidden (its page left for another): a poster still on its way is dropped, so decoding
 * it takes no processor from the page shown; it is asked for again when the card shows. */
static void
ssv_poster_card_unmap (GtkWidget *widget)
{
  SsvPosterCard *self = SSV_POSTER_CARD (widget);

  if (self->requested && self->cancellable != NULL && ssv_poster_art_get_texture (self->art) == NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->requested = FALSE;
      self->dropped = TRUE;
    }

  GTK_WIDGET_CLASS (ssv_poster_card_parent_class)->unmap (widget);
}

static void
ssv_poster_card_map (GtkWidget *widget)
{
  SsvPosterCard *self = SSV_POSTER_CARD (widget);

  GTK_WIDGET_CLASS (ssv_poster_card_parent_class)->map (widget);

  /* Shown again after its load was dropped, or in view after letting go of its poster
   * (a grid maps only the cards in view): from memory in this very frame, else loaded. */
  if (self->dropped || self->lazy)
    {
      self->dropped = FALSE;
      ssv_poster_card_ensure_poster (self);
    }
}

/* The title, asked for only on hover: setting a tooltip's text on a shown widget asks
 * the display where the pointer is, a round trip per card bound. */
static gboolean
ssv_poster_card_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_tooltip,
                               GtkTooltip *tooltip)
{
  SsvPosterCard *self = SSV_POSTER_CARD (widget);

  if (self->title == NULL || self->title[0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->title);
  return TRUE;
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
  /* The art (a template child) owns it. */
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
  widget_class->query_tooltip = ssv_poster_card_query_tooltip;
  widget_class->map = ssv_poster_card_map;
  widget_class->unmap = ssv_poster_card_unmap;

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
  gtk_widget_class_bind_template_child (widget_class, SsvPosterCard, art);
  gtk_widget_class_bind_template_child (widget_class, SsvPosterCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, SsvPosterCard, subtitle_label);
  gtk_widget_class_set_css_name (widget_class, "postercard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (SSV_TYPE_POSTER_ART);
}

static void
ssv_poster_card_init (SsvPosterCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
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
