/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-episode-row.c: a wanted episode in a wishlist tile. Its words, its "in your
 * library" mark and its buttons' targets ("Search Now", remove) bind to the episode in the template. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-closures.h"
#include "widgets/ssv-wishlist-episode-row.h"

#define STILL_HEIGHT 72

struct _SsvWishlistEpisodeRow
{
  GtkListBoxRow     parent_instance;

  SsvWishlistItem  *item;
  SsvTextureLoader *loader;
  GCancellable     *cancellable;

  GtkPicture       *still;
};

G_DEFINE_FINAL_TYPE (SsvWishlistEpisodeRow, ssv_wishlist_episode_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_LOADER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- words (closures of the template) ------------------------------------------ */

static char *
heading_text (gpointer    unused,
              const char *title,
              int         number)
{
  /* Translators: an episode's number and title: "3. The Wrong Door" */
  return title ? g_strdup_printf (_("%d. %s"), number, title) : g_strdup_printf (_("Episode %d"), number);
}

static char *
synopsis_text (gpointer    unused,
               const char *overview)
{
  return g_strdup (overview ? overview : _("No synopsis yet."));
}

/* tile.remove-episode's (season, episode). */
static GVariant *
remove_target (gpointer unused,
               int      season,
               int      episode)
{
  return g_variant_new ("(ii)", season, episode);
}

/* wishlist.search-now's wishlist id: this episode's "Search Now". */
static GVariant *
id_target (gpointer         unused,
           SsvWishlistItem *item)
{
  return g_variant_new_int64 (item != NULL ? ssv_wishlist_item_get_id (item) : 0);
}

/* ---- the episode ---------------------------------------------------------------- */

static void
show_item (SsvWishlistEpisodeRow *self)
{
  g_autofree char *heading = NULL;
  const char *overview;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_picture_set_paintable (self->still, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->still), FALSE);

  if (self->item == NULL)
    return;

  heading = heading_text (self, ssv_wishlist_item_get_title (self->item),
                          ssv_wishlist_item_get_episode_number (self->item));
  overview = ssv_wishlist_item_get_overview (self->item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, overview ? overview : "", -1);

  if (self->loader == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  ssv_texture_loader_load_picture (self->loader, self->still, ssv_wishlist_item_get_still_url (self->item),
                                   STILL_HEIGHT * gtk_widget_get_scale_factor (GTK_WIDGET (self)), self->cancellable);
}

/* Returns: (transfer none) (nullable): the wanted episode shown */
SsvWishlistItem *
ssv_wishlist_episode_row_get_item (SsvWishlistEpisodeRow *self)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_EPISODE_ROW (self), NULL);

  return self->item;
}

static void
ssv_wishlist_episode_row_dispose (GObject *object)
{
  SsvWishlistEpisodeRow *self = SSV_WISHLIST_EPISODE_ROW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_WISHLIST_EPISODE_ROW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->item);
  g_clear_object (&self->loader);

  G_OBJECT_CLASS (ssv_wishlist_episode_row_parent_class)->dispose (object);
}

static void
ssv_wishlist_episode_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SsvWishlistEpisodeRow *self = SSV_WISHLIST_EPISODE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_LOADER:
      g_value_set_object (value, self->loader);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_wishlist_episode_row_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SsvWishlistEpisodeRow *self = SSV_WISHLIST_EPISODE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      if (g_set_object (&self->item, g_value_get_object (value)))
        {
          show_item (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_LOADER:
      self->loader = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_wishlist_episode_row_class_init (SsvWishlistEpisodeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_wishlist_episode_row_dispose;
  object_class->get_property = ssv_wishlist_episode_row_get_property;
  object_class->set_property = ssv_wishlist_episode_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SSV_TYPE_WISHLIST_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADER] =
    g_param_spec_object ("loader", NULL, NULL, SSV_TYPE_TEXTURE_LOADER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/widgets/ssv-wishlist-episode-row.ui");
  ssv_widget_class_bind_closures (widget_class);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistEpisodeRow, still);
  gtk_widget_class_bind_template_callback (widget_class, heading_text);
  gtk_widget_class_bind_template_callback (widget_class, synopsis_text);
  gtk_widget_class_bind_template_callback (widget_class, remove_target);
  gtk_widget_class_bind_template_callback (widget_class, id_target);
}

static void
ssv_wishlist_episode_row_init (SsvWishlistEpisodeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_wishlist_episode_row_new:
 * @episode: a wanted episode (%SSV_WISHLIST_KIND_EPISODE)
 * @loader: (nullable): where the still comes from
 */
GtkWidget *
ssv_wishlist_episode_row_new (SsvWishlistItem  *episode,
                              SsvTextureLoader *loader)
{
  return g_object_new (SSV_TYPE_WISHLIST_EPISODE_ROW, "loader", loader, "item", episode, NULL);
}
