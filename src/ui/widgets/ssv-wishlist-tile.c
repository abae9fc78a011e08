/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-tile.c: a wanted show in the wishlist: square art, a done ÷ wanted bar, and,
 * once opened, its seasons' episodes (still, title, two lines of synopsis). The rows are
 * made on first expand; a recycled tile drops them and cancels its image loads. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-poster-card.h"
#include "ssv-wishlist-tile.h"

#define ART_SIZE      88
#define STILL_WIDTH   128
#define STILL_HEIGHT  72

struct _SsvWishlistTile
{
  GtkWidget         parent_instance;

  SsvTextureLoader *loader;
  SsvWishlistItem  *item;
  GCancellable     *cancellable;   /* this item's image loads */
  gboolean          filled;        /* episode rows made */
  GPtrArray        *episode_rows;

  GtkWidget        *header;
  GtkLabel         *initials_label;
  GtkPicture       *art_picture;
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkProgressBar   *progress_bar;
  GtkLabel         *progress_label;
  GtkToggleButton  *expand_button;
  GtkRevealer      *revealer;
  GtkBox           *episodes_box;
};

G_DEFINE_FINAL_TYPE (SsvWishlistTile, ssv_wishlist_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
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

/* ---- episode rows --------------------------------------------------------------- */

static void
on_episode_remove_clicked (GtkButton       *button,
                           SsvWishlistTile *self)
{
  SsvWishlistItem *episode = g_object_get_data (G_OBJECT (button), "ssv-item");

  g_signal_emit (self, signals[REMOVE_ITEM], 0, episode);
}

static char *
episode_heading (SsvWishlistItem *episode)
{
  const char *title = ssv_wishlist_item_get_title (episode);
  int number = ssv_wishlist_item_get_episode_number (episode);

  /* Translators: an episode's number and title: "3. The Wrong Door" */
  return title ? g_strdup_printf (_("%d. %s"), number, title)
               : g_strdup_printf (_("Episode %d"), number);
}

static GtkWidget *
make_episode_row (SsvWishlistTile *self,
                  SsvWishlistItem *episode)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *still_frame = gtk_overlay_new ();
  GtkWidget *placeholder = gtk_image_new_from_icon_name ("video-x-generic-symbolic");
  GtkWidget *still = g_object_new (GTK_TYPE_PICTURE, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *synopsis = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *heading = episode_heading (episode);
  const char *overview = ssv_wishlist_item_get_overview (episode);
  const char *aired = ssv_wishlist_item_get_air_date (episode);

  gtk_widget_add_css_class (still_frame, "wishlist-still");
  gtk_widget_set_overflow (still_frame, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_valign (still_frame, GTK_ALIGN_START);
  gtk_widget_set_size_request (placeholder, STILL_WIDTH, STILL_HEIGHT);
  gtk_image_set_pixel_size (GTK_IMAGE (placeholder), 24);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_overlay_set_child (GTK_OVERLAY (still_frame), placeholder);
  gtk_picture_set_content_fit (GTK_PICTURE (still), GTK_CONTENT_FIT_COVER);
  gtk_picture_set_can_shrink (GTK_PICTURE (still), TRUE);
  gtk_widget_set_visible (still, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (still_frame), still);
  load_picture (self, GTK_PICTURE (still), ssv_wishlist_item_get_still_url (episode), STILL_HEIGHT);

  gtk_label_set_label (GTK_LABEL (title), heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");

  gtk_label_set_label (GTK_LABEL (synopsis), overview ? overview : _("No synopsis yet."));
  gtk_label_set_xalign (GTK_LABEL (synopsis), 0);
  gtk_label_set_yalign (GTK_LABEL (synopsis), 0);
  gtk_label_set_wrap (GTK_LABEL (synopsis), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (synopsis), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (synopsis), 2);
  gtk_label_set_ellipsize (GTK_LABEL (synopsis), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (synopsis), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (synopsis), 80);
  gtk_widget_add_css_class (synopsis, "dim-label");
  gtk_widget_set_tooltip_text (synopsis, overview);

  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), synopsis);
  if (aired != NULL)
    {
      GtkWidget *date = gtk_label_new (aired);

      gtk_label_set_xalign (GTK_LABEL (date), 0);
      gtk_widget_add_css_class (date, "caption");
      gtk_widget_add_css_class (date, "dim-label");
      gtk_box_append (GTK_BOX (text), date);
    }
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), still_frame);
  gtk_box_append (GTK_BOX (box), text);

  if (ssv_wishlist_item_get_done (episode) > 0)
    {
      GtkWidget *done = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_add_css_class (done, "watched-mark");
      gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (done, _("In your library"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (done), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("In your library"), -1);
      gtk_box_append (GTK_BOX (box), done);
    }

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, _("Remove from Wishlist"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove from Wishlist"), -1);
  g_object_set_data_full (G_OBJECT (remove), "ssv-item", g_object_ref (episode), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_episode_remove_clicked), self, 0);
  gtk_box_append (GTK_BOX (box), remove);

  gtk_widget_add_css_class (box, "wishlist-episode");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, overview ? overview : "", -1);
  g_object_set_data_full (G_OBJECT (row), "ssv-item", g_object_ref (episode), g_object_unref);
  g_ptr_array_add (self->episode_rows, row);

  return row;
}

/* A row opens its show's page, as every episode of the tile belongs to it. */
static void
on_row_activated (SsvWishlistTile *self,
                  GtkListBoxRow   *row,
                  GtkListBox      *list)
{
  SsvWishlistItem *episode = g_object_get_data (G_OBJECT (row), "ssv-item");
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
      GtkWidget *label = gtk_label_new (heading);
      GtkWidget *list = gtk_list_box_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (self->episodes_box, label);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      for (guint j = 0; episodes != NULL && j < g_list_model_get_n_items (episodes); j++)
        {
          g_autoptr(SsvWishlistItem) episode = g_list_model_get_item (episodes, j);

          gtk_list_box_append (GTK_LIST_BOX (list), make_episode_row (self, episode));
        }
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

static void
update_from_item (SsvWishlistTile *self)
{
  SsvWishlistItem *item = self->item;
  guint wanted = item ? ssv_wishlist_item_get_wanted (item) : 0;
  guint done = item ? ssv_wishlist_item_get_done (item) : 0;
  const char *title = item ? ssv_wishlist_item_get_title (item) : NULL;
  guint seasons = item && ssv_wishlist_item_get_children (item)
                  ? g_list_model_get_n_items (ssv_wishlist_item_get_children (item)) : 0;
  g_autofree char *initials = ssv_poster_initials (title);
  g_autofree char *subtitle = NULL;
  g_autofree char *progress = NULL;
  const char *art = NULL;

  gtk_label_set_label (self->title_label, title ? title : "");

  {
    g_autofree char *n_seasons = g_strdup_printf (ngettext ("%u season", "%u seasons", seasons), seasons);
    g_autofree char *n_wanted = g_strdup_printf (ngettext ("%u episode wanted", "%u episodes wanted", wanted),
                                                 wanted);

    subtitle = g_strdup_printf ("%s · %s", n_seasons, n_wanted);
    gtk_label_set_label (self->subtitle_label, subtitle);
  }

  /* Translators: how many wanted episodes the library has: "3 of 12 in your library" */
  progress = g_strdup_printf (_("%u of %u in your library"), done, wanted);
  gtk_label_set_label (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, wanted > 0 ? (double) done / wanted : 0.0);
  if (wanted > 0 && done == wanted)
    gtk_widget_add_css_class (GTK_WIDGET (self->progress_bar), "complete");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->progress_bar), "complete");

  gtk_label_set_label (self->initials_label, initials);
  ssv_poster_set_placeholder_color (GTK_WIDGET (self->initials_label), title);

  /* The show's poster, else the first wanted season's. */
  if (item != NULL)
    art = ssv_wishlist_item_get_poster_url (item);
  if (art == NULL && seasons > 0)
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

  g_signal_handlers_block_by_func (self->expand_button, on_expand_toggled, self);
  gtk_toggle_button_set_active (self->expand_button, FALSE);
  g_signal_handlers_unblock_by_func (self->expand_button, on_expand_toggled, self);
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_NONE);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_button_set_icon_name (GTK_BUTTON (self->expand_button), "pan-down-symbolic");

  update_from_item (self);
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
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, header);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, initials_label);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, art_picture);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, title_label);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, expand_button);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, revealer);
  gtk_widget_class_bind_template_child (widget_class, SsvWishlistTile, episodes_box);
  gtk_widget_class_bind_template_callback (widget_class, on_expand_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
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
 */
GtkWidget *
ssv_wishlist_tile_new (SsvTextureLoader *loader)
{
  SsvWishlistTile *self = g_object_new (SSV_TYPE_WISHLIST_TILE, NULL);

  self->loader = loader ? g_object_ref (loader) : NULL;
  return GTK_WIDGET (self);
}
