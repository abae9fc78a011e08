/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-movie-corner.c: the corner of a wanted movie's card. What became of its latest
 * download, when it was searched, and its two buttons all bind to the movie in the template,
 * so a recycled card only swaps its item. */

#include "config.h"

#include "ssv-closures.h"
#include "widgets/ssv-wishlist-movie-corner.h"

struct _SsvWishlistMovieCorner
{
  GtkWidget        parent_instance;

  SsvWishlistItem *item;

  GtkLabel        *download_label;
  GtkBox          *buttons;
};

G_DEFINE_FINAL_TYPE (SsvWishlistMovieCorner, ssv_wishlist_movie_corner, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- closures of the template ------------------------------------------------------ */

/* A button names its action only while the corner shows a movie. */
static char *
action_for (gpointer         unused,
            SsvWishlistItem *item,
            const char      *action)
{
  return item != NULL ? g_strdup (action) : NULL;
}

/* wishlist.search-now and wishlist.remove-movie take the movie's wishlist id. */
static GVariant *
item_target (gpointer         unused,
             SsvWishlistItem *item)
{
  return g_variant_new_int64 (item != NULL ? ssv_wishlist_item_get_id (item) : 0);
}

/* ---- public -------------------------------------------------------------------------- */

/* Returns: (transfer none) (nullable): the movie shown */
SsvWishlistItem *
ssv_wishlist_movie_corner_get_item (SsvWishlistMovieCorner *self)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_MOVIE_CORNER (self), NULL);

  return self->item;
}

/**
 * ssv_wishlist_movie_corner_set_item:
 * @item: (nullable): a wanted movie; %NULL for a card that shows none
 */
void
ssv_wishlist_movie_corner_set_item (SsvWishlistMovieCorner *self,
                                    SsvWishlistItem        *item)
{
  g_return_if_fail (SSV_IS_WISHLIST_MOVIE_CORNER (self));
  g_return_if_fail (item == NULL || SSV_IS_WISHLIST_ITEM (item));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/* What the card says of the movie's latest download ("downloading 42 %"); "" when nothing. */
const char *
ssv_wishlist_movie_corner_get_download_text (SsvWishlistMovieCorner *self)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_MOVIE_CORNER (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->download_label)) ? gtk_label_get_label (self->download_label) : "";
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
ssv_wishlist_movie_corner_dispose (GObject *object)
{
  SsvWishlistMovieCorner *self = SSV_WISHLIST_MOVIE_CORNER (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_WISHLIST_MOVIE_CORNER);
  /* The template's children without a name are ours to let go of too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (ssv_wishlist_movie_corner_parent_class)->dispose (object);
}

static void
ssv_wishlist_movie_corner_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  SsvWishlistMovieCorner *self = SSV_WISHLIST_MOVIE_CORNER (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_wishlist_movie_corner_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  SsvWishlistMovieCorner *self = SSV_WISHLIST_MOVIE_CORNER (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      ssv_wishlist_movie_corner_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_wishlist_movie_corner_class_init (SsvWishlistMovieCornerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_wishlist_movie_corner_dispose;
  object_class->get_property = ssv_wishlist_movie_corner_get_property;
  object_class->set_property = ssv_wishlist_movie_corner_set_property;

  /**
   * SsvWishlistMovieCorner:item: (nullable)
   *
   * The wanted movie the card shows; everything in the corner binds to it.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SSV_TYPE_WISHLIST_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/widgets/ssv-wishlist-movie-corner.ui");
  ssv_widget_class_bind_closures (widget_class);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistMovieCorner, download_label);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistMovieCorner, buttons);
  gtk_widget_class_bind_template_callback (widget_class, action_for);
  gtk_widget_class_bind_template_callback (widget_class, item_target);
  gtk_widget_class_set_css_name (widget_class, "wishlistmoviecorner");
}

static void
ssv_wishlist_movie_corner_init (SsvWishlistMovieCorner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ssv_wishlist_movie_corner_new (void)
{
  return g_object_new (SSV_TYPE_WISHLIST_MOVIE_CORNER, NULL);
}

/**
 * ssv_wishlist_movie_corner_add_menu:
 * @menu: a widget with an "item" property (the wanted item's menu)
 *
 * Puts @menu before the buttons; it follows the corner's item.
 */
void
ssv_wishlist_movie_corner_add_menu (SsvWishlistMovieCorner *self,
                                    GtkWidget              *menu)
{
  g_return_if_fail (SSV_IS_WISHLIST_MOVIE_CORNER (self));
  g_return_if_fail (GTK_IS_WIDGET (menu));

  gtk_box_prepend (self->buttons, menu);
  g_object_bind_property (self, "item", menu, "item", G_BINDING_SYNC_CREATE);
}
