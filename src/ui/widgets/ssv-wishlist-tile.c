/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-tile.c: a wanted show in the wishlist: square art, a done ÷ wanted bar, a
 * "Search Now" for the show and for each season, and, once opened, its seasons' episodes
 * (still, title, two lines of synopsis). The header binds to the item in the template; each
 * season's rows are a list box bound to its episodes, made on first expand; a recycled tile
 * drops them and cancels its image loads. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-closures.h"
#include "widgets/ssv-poster-card.h"
#include "widgets/ssv-wish-profile-menu.h"
#include "widgets/ssv-wishlist-episode-row.h"
#include "widgets/ssv-wishlist-tile.h"

#define ART_SIZE      88

struct _SsvWishlistTile
{
  GtkWidget         parent_instance;

  SsvTextureLoader *loader;
  SsvWishlistItem  *item;
  GCancellable     *cancellable;   /* this item's image loads */
  gboolean          filled;        /* episode rows made */
  GPtrArray        *episode_rows;

  GtkWidget        *header;
  GtkWidget        *remove_button;
  GtkWidget        *profile_menu;  /* the show's menu (its quality profile); NULL without a context */
  GtkLabel         *initials_label;
  GtkPicture       *art_picture;
  GtkProgressBar   *progress_bar;
  GtkLabel         *progress_label;
  GtkToggleButton  *expand_button;
  GtkRevealer      *revealer;
  GtkBox           *episodes_box;
};

G_DEFINE_FINAL_TYPE (SsvWishlistTile, ssv_wishlist_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_EXPANDED,
  N_PROPS
};

enum {
  REMOVE_ITEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- images ------------------------------------------------------------------ */

/* A recycled tile cancels its loads (self->cancellable): it never shows old art. */
static void
load_picture (SsvWishlistTile *self,
              GtkPicture      *picture,
              const char      *uri,
              int              height)
{
  gtk_picture_set_paintable (picture, NULL);
  gtk_widget_set_visible (GTK_WIDGET (picture), FALSE);

  if (self->loader == NULL)
    return;

  ssv_texture_loader_load_picture (self->loader, picture, uri,
                                   height * gtk_widget_get_scale_factor (GTK_WIDGET (self)), self->cancellable);
}

/* ---- words (closures of the template) ------------------------------------------ */

static guint
n_seasons (SsvWishlistItem *item)
{
  GListModel *seasons = item ? ssv_wishlist_item_get_children (item) : NULL;

  return seasons ? g_list_model_get_n_items (seasons) : 0;
}

/* "2 seasons · 10 episodes wanted" */
static char *
subtitle_text (gpointer         unused,
               SsvWishlistItem *item)
{
  guint seasons = n_seasons (item);
  guint wanted = item ? ssv_wishlist_item_get_wanted (item) : 0;
  g_autofree char *n_seasons_text = g_strdup_printf (ngettext ("%u season", "%u seasons", seasons), seasons);
  g_autofree char *n_wanted = g_strdup_printf (ngettext ("%u episode wanted", "%u episodes wanted", wanted), wanted);

  return g_strdup_printf ("%s · %s", n_seasons_text, n_wanted);
}

static char *
progress_text (gpointer unused,
               int      done,
               int      wanted)
{
  /* Translators: how many wanted episodes the library has: "3 of 12 in your library" */
  return g_strdup_printf (_("%u of %u in your library"), (guint) done, (guint) wanted);
}

static double
progress_fraction (gpointer unused,
                   int      done,
                   int      wanted)
{
  return wanted > 0 ? (double) done / wanted : 0.0;
}

/* wishlist.search-show's (wishlist show id, season): the whole show's "Search Now". */
static GVariant *
show_search_target (gpointer         unused,
                    SsvWishlistItem *item)
{
  return g_variant_new ("(xi)", item != NULL ? ssv_wishlist_item_get_id (item) : 0, -1);
}

/* ---- episode rows --------------------------------------------------------------- */

static GtkWidget *
create_episode_row (gpointer item,
                    gpointer user_data)
{
  SsvWishlistTile *self = user_data;
  GtkWidget *row = ssv_wishlist_episode_row_new (item, self->loader);

  g_ptr_array_add (self->episode_rows, row);
  return row;
}

/* The episode of the tile's show a (season, episode) target names; NULL when it has none. */
static SsvWishlistItem *
find_episode (SsvWishlistTile *self,
              GVariant        *parameter)
{
  GListModel *seasons = self->item != NULL ? ssv_wishlist_item_get_children (self->item) : NULL;
  int season, number;

  g_variant_get (parameter, "(ii)", &season, &number);
  for (guint i = 0; seasons != NULL && i < g_list_model_get_n_items (seasons); i++)
    {
      g_autoptr(SsvWishlistItem) s = g_list_model_get_item (seasons, i);
      GListModel *episodes = ssv_wishlist_item_get_children (s);

      for (guint j = 0; episodes != NULL && j < g_list_model_get_n_items (episodes); j++)
        {
          g_autoptr(SsvWishlistItem) episode = g_list_model_get_item (episodes, j);

          /* the show's model holds it: borrowed as long as the tile shows the show */
          if (ssv_wishlist_item_get_season_number (episode) == season &&
              ssv_wishlist_item_get_episode_number (episode) == number)
            return episode;
        }
    }

  return NULL;
}

/* tile.remove-episode (season, episode): the row's button. */
static void
remove_episode_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SsvWishlistTile *self = SSV_WISHLIST_TILE (widget);
  SsvWishlistItem *episode = find_episode (self, parameter);

  if (episode != NULL)
    g_signal_emit (self, signals[REMOVE_ITEM], 0, episode);
}

/* tile.search-releases (season, episode): handed to the page, which has the context, as
 * wishlist.search-releases (show, season, episode, poster, wishlist row of the episode). */
static void
search_releases_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SsvWishlistTile *self = SSV_WISHLIST_TILE (widget);
  SsvWishlistItem *episode = find_episode (self, parameter);
  int season, number;

  g_variant_get (parameter, "(ii)", &season, &number);
  gtk_widget_activate_action (widget, "wishlist.search-releases", "(siisx)",
                              ssv_wishlist_item_get_title (self->item), season, number,
                              ssv_wishlist_item_get_poster_url (self->item) != NULL
                              ? ssv_wishlist_item_get_poster_url (self->item) : "",
                              episode != NULL ? ssv_wishlist_item_get_id (episode) : (gint64) 0);
}

/* A row opens its show's page, as every episode of the tile belongs to it. */
static void
on_row_activated (SsvWishlistTile *self,
                  GtkListBoxRow   *row,
                  GtkListBox      *list)
{
  SsvWishlistItem *episode = ssv_wishlist_episode_row_get_item (SSV_WISHLIST_EPISODE_ROW (row));
  gint64 show_id = ssv_wishlist_item_get_library_id (episode);

  if (show_id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-show", "x", show_id);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "app.toast", "s",
                                _("This show is not in your library, so it has no page to open."));
}

static void
clear_episodes (SsvWishlistTile *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->episodes_box))) != NULL)
    gtk_box_remove (self->episodes_box, child);
  g_ptr_array_set_size (self->episode_rows, 0);
  self->filled = FALSE;
}

/* A season's heading: its name and counts, what its "Search Now" is doing, and that button. */
static GtkWidget *
make_season_heading (SsvWishlistTile *self,
                     SsvWishlistItem *season,
                     const char      *name,
                     const char      *heading)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *state = gtk_label_new (NULL);
  GtkWidget *search = gtk_button_new_from_icon_name ("folder-download-symbolic");
  /* Translators: the accessible name of a season's "Search Now" button: "Search Season 2 now" */
  g_autofree char *search_label = g_strdup_printf (_("Search %s now"), name);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (state, "caption");
  gtk_widget_add_css_class (state, "dim-label");
  gtk_widget_add_css_class (state, "wish-search-state");
  gtk_expression_bind (gtk_property_expression_new (SSV_TYPE_WISHLIST_ITEM, NULL, "search-state"),
                       state, "label", season);

  gtk_widget_set_tooltip_text (search, _("Search This Season Now"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL, search_label, -1);
  gtk_widget_add_css_class (search, "flat");
  gtk_widget_add_css_class (search, "circular");
  gtk_widget_set_valign (search, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (search), "wishlist.search-show");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (search), "(xi)", ssv_wishlist_item_get_id (self->item),
                                    ssv_wishlist_item_get_season_number (season));

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), state);
  gtk_box_append (GTK_BOX (box), search);
  return box;
}

static void
fill_episodes (SsvWishlistTile *self)
{
  GListModel *seasons;

  if (self->filled || self->item == NULL)
    return;

  seasons = ssv_wishlist_item_get_children (self->item);
  for (guint i = 0; seasons != NULL && i < g_list_model_get_n_items (seasons); i++)
    {
      g_autoptr(SsvWishlistItem) season = g_list_model_get_item (seasons, i);
      GListModel *episodes = ssv_wishlist_item_get_children (season);
      int number = ssv_wishlist_item_get_season_number (season);
      guint done = ssv_wishlist_item_get_done (season);
      guint wanted = ssv_wishlist_item_get_wanted (season);
      g_autofree char *name = number == 0 ? g_strdup (_("Specials")) : g_strdup_printf (_("Season %d"), number);
      /* Translators: a season heading: "Season 2 · 3 of 8 in your library" */
      g_autofree char *heading = g_strdup_printf (_("%s · %u of %u in your library"), name, done, wanted);
      GtkWidget *list = gtk_list_box_new ();

      gtk_box_append (self->episodes_box, make_season_heading (self, season, name, heading));

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_list_box_bind_model (GTK_LIST_BOX (list), episodes, create_episode_row, self, NULL);
      g_signal_connect_object (list, "row-activated", G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->episodes_box, list);
    }

  self->filled = TRUE;
}

/* ---- the tile ------------------------------------------------------------------- */

static void
on_expand_toggled (SsvWishlistTile *self)
{
  gboolean expanded = gtk_toggle_button_get_active (self->expand_button);

  if (expanded)
    fill_episodes (self);

  gtk_revealer_set_reveal_child (self->revealer, expanded);
  gtk_button_set_icon_name (GTK_BUTTON (self->expand_button), expanded ? "pan-up-symbolic" : "pan-down-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->expand_button),
                               expanded ? _("Hide the Episodes") : _("Show the Episodes"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expand_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  expanded ? _("Hide the episodes") : _("Show the episodes"), -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

static void
on_remove_clicked (SsvWishlistTile *self)
{
  if (self->item != NULL)
    g_signal_emit (self, signals[REMOVE_ITEM], 0, self->item);
}

/* What the template cannot bind: the bar's colour when complete, and the art. */
static void
update_from_item (SsvWishlistTile *self)
{
  SsvWishlistItem *item = self->item;
  guint wanted = item ? ssv_wishlist_item_get_wanted (item) : 0;
  guint done = item ? ssv_wishlist_item_get_done (item) : 0;
  const char *art = NULL;

  if (wanted > 0 && done == wanted)
    gtk_widget_add_css_class (GTK_WIDGET (self->progress_bar), "complete");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->progress_bar), "complete");
  ssv_poster_set_placeholder_color (GTK_WIDGET (self->initials_label), item ? ssv_wishlist_item_get_title (item) : NULL);

  /* The show's poster, else the first wanted season's. */
  if (item != NULL)
    art = ssv_wishlist_item_get_poster_url (item);
  if (art == NULL && n_seasons (item) > 0)
    {
      g_autoptr(SsvWishlistItem) first = g_list_model_get_item (ssv_wishlist_item_get_children (item), 0);

      art = ssv_wishlist_item_get_season_poster_url (first);
    }

  /* Posters are 2:3; the square crops their middle, so load them tall enough. */
  load_picture (self, self->art_picture, art, ART_SIZE * 3 / 2);
}

/**
 * ssv_wishlist_tile_set_item:
 * @item: (nullable): a show group (%SSV_WISHLIST_KIND_SHOW) from the wishlist store
 *
 * Shows @item collapsed; the caller restores the expanded state it keeps.
 */
void
ssv_wishlist_tile_set_item (SsvWishlistTile *self,
                            SsvWishlistItem *item)
{
  g_return_if_fail (SSV_IS_WISHLIST_TILE (self));

  if (self->item == item)
    return;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->item, item);
  clear_episodes (self);
  if (self->profile_menu != NULL)
    ssv_wish_profile_menu_set_item (SSV_WISH_PROFILE_MENU (self->profile_menu), item);

  g_signal_handlers_block_by_func (self->expand_button, on_expand_toggled, self);
  gtk_toggle_button_set_active (self->expand_button, FALSE);
  g_signal_handlers_unblock_by_func (self->expand_button, on_expand_toggled, self);
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_NONE);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_button_set_icon_name (GTK_BUTTON (self->expand_button), "pan-down-symbolic");

  update_from_item (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

SsvWishlistItem *
ssv_wishlist_tile_get_item (SsvWishlistTile *self)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_TILE (self), NULL);

  return self->item;
}

gboolean
ssv_wishlist_tile_get_expanded (SsvWishlistTile *self)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_TILE (self), FALSE);

  return gtk_toggle_button_get_active (self->expand_button);
}

void
ssv_wishlist_tile_set_expanded (SsvWishlistTile *self,
                                gboolean         expanded)
{
  g_return_if_fail (SSV_IS_WISHLIST_TILE (self));

  gtk_toggle_button_set_active (self->expand_button, expanded);
}

/* "3 of 12 in your library": done ÷ wanted, as the tile says it. */
const char *
ssv_wishlist_tile_get_progress_text (SsvWishlistTile *self)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_TILE (self), NULL);

  return gtk_label_get_label (self->progress_label);
}

double
ssv_wishlist_tile_get_fraction (SsvWishlistTile *self)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_TILE (self), 0.0);

  return gtk_progress_bar_get_fraction (self->progress_bar);
}

guint
ssv_wishlist_tile_count_episode_rows (SsvWishlistTile *self)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_TILE (self), 0);

  return self->episode_rows->len;
}

/* Returns: (transfer none) (nullable): the @index-th episode row, once expanded */
GtkListBoxRow *
ssv_wishlist_tile_get_episode_row (SsvWishlistTile *self,
                                   guint            index)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_TILE (self), NULL);

  return index < self->episode_rows->len ? g_ptr_array_index (self->episode_rows, index) : NULL;
}

static void
ssv_wishlist_tile_dispose (GObject *object)
{
  SsvWishlistTile *self = SSV_WISHLIST_TILE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->item);
  g_clear_object (&self->loader);
  g_clear_pointer (&self->episode_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_WISHLIST_TILE);
  self->profile_menu = NULL;  /* went with the header */

  G_OBJECT_CLASS (ssv_wishlist_tile_parent_class)->dispose (object);
}

static void
ssv_wishlist_tile_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SsvWishlistTile *self = SSV_WISHLIST_TILE (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_EXPANDED:
      g_value_set_boolean (value, ssv_wishlist_tile_get_expanded (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_wishlist_tile_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SsvWishlistTile *self = SSV_WISHLIST_TILE (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      ssv_wishlist_tile_set_item (self, g_value_get_object (value));
      break;
    case PROP_EXPANDED:
      ssv_wishlist_tile_set_expanded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_wishlist_tile_class_init (SsvWishlistTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_wishlist_tile_dispose;
  object_class->get_property = ssv_wishlist_tile_get_property;
  object_class->set_property = ssv_wishlist_tile_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SSV_TYPE_WISHLIST_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SsvWishlistTile::remove-item:
   * @item: the show, or one of its episodes, to take off the wishlist
   */
  signals[REMOVE_ITEM] =
    g_signal_new ("remove-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SSV_TYPE_WISHLIST_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/widgets/ssv-wishlist-tile.ui");
  ssv_widget_class_bind_closures (widget_class);
  gtk_widget_class_bind_template_callback_full (widget_class, "initials_text",
                                                G_CALLBACK (ssv_poster_initials_closure));
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, header);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, remove_button);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, initials_label);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, art_picture);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, expand_button);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, revealer);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, episodes_box);
  gtk_widget_class_bind_template_callback (widget_class, on_expand_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
  gtk_widget_class_bind_template_callback (widget_class, subtitle_text);
  gtk_widget_class_bind_template_callback (widget_class, progress_text);
  gtk_widget_class_bind_template_callback (widget_class, progress_fraction);
  gtk_widget_class_bind_template_callback (widget_class, show_search_target);
  gtk_widget_class_install_action (widget_class, "tile.remove-episode", "(ii)", remove_episode_action);
  gtk_widget_class_install_action (widget_class, "tile.search-releases", "(ii)", search_releases_action);
  gtk_widget_class_set_css_name (widget_class, "wishlisttile");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ssv_wishlist_tile_init (SsvWishlistTile *self)
{
  self->episode_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_wishlist_tile_new:
 * @loader: (nullable): where art comes from; without one, initials only
 * @context: (nullable): for the show's menu (its quality profile); without one, no menu
 */
GtkWidget *
ssv_wishlist_tile_new (SsvTextureLoader *loader,
                       SsvContext       *context)
{
  SsvWishlistTile *self = g_object_new (SSV_TYPE_WISHLIST_TILE, NULL);

  self->loader = loader ? g_object_ref (loader) : NULL;
  if (context != NULL)
    {
      self->profile_menu = ssv_wish_profile_menu_new (context);
      /* flat like the tile's other buttons, not the poster card's light-on-art look */
      gtk_widget_remove_css_class (gtk_widget_get_first_child (self->profile_menu), "osd");
      gtk_widget_add_css_class (gtk_widget_get_first_child (self->profile_menu), "flat");
      gtk_widget_insert_before (self->profile_menu, self->header, self->remove_button);
    }
  return GTK_WIDGET (self);
}
