/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wish-profile-menu.c: a wanted movie's or show's menu with its "Quality Profile" choice: radio
 * items naming wish-profile.set with the profile's id (0: the default), listed when the menu
 * first opens and again after the profiles change. A show's choice holds for its seasons and
 * episodes, so a season's or episode's menu sets the show's. */

#include "config.h"

#include <glib/gi18n.h>

#include "stores/ssv-profile-store.h"
#include "stores/ssv-wishlist-store.h"
#include "widgets/ssv-wish-profile-menu.h"

struct _SsvWishProfileMenu
{
  GtkWidget          parent_instance;

  SsvContext        *context;
  SsvWishlistItem   *item;
  GSimpleAction     *set_action;   /* wish-profile.set (x), its state the item's profile */
  GMenu             *menu;
  GMenu             *profiles;     /* the "Quality Profile" submenu */
  GCancellable      *cancellable;
  gboolean           loaded;
  gboolean           loading;

  GtkMenuButton     *button;
};

G_DEFINE_FINAL_TYPE (SsvWishProfileMenu, ssv_wish_profile_menu, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, PROP_ITEM, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ---- the profiles ------------------------------------------------------------------------ */

static void
append_profile (GMenu      *menu,
                const char *label,
                gint64      id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, "wish-profile.set", g_variant_new_int64 (id));
  g_menu_append_item (menu, item);
}

static void
profiles_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SsvWishProfileMenu) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = ssv_profile_store_list_finish (SSV_PROFILE_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  g_menu_remove_all (self->profiles);
  /* Translators: the quality profile a wanted item has when it has none of its own */
  append_profile (self->profiles, _("Default"), 0);
  if (profiles == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "app.toast", "s", error->message);
      return;
    }
  for (guint i = 0; i < profiles->len; i++)
    {
      const SsvQualityProfile *profile = g_ptr_array_index (profiles, i);

      append_profile (self->profiles, profile->name, profile->id);
    }
  self->loaded = TRUE;
}

static void
load_profiles (SsvWishProfileMenu *self)
{
  if (self->loaded || self->loading || self->context == NULL)
    return;

  self->loading = TRUE;
  ssv_profile_store_list_async (ssv_context_get_profile_store (self->context), self->cancellable,
                                profiles_listed_cb, g_object_ref (self));
}

/* Opening the menu lists the profiles the first time, so a grid of cards asks for them once
 * per card a person opens, not once per card. */
static void
create_popup (GtkMenuButton *button,
              gpointer       user_data)
{
  load_profiles (SSV_WISH_PROFILE_MENU (user_data));
}

static void
on_profiles_changed (SsvWishProfileMenu *self)
{
  self->loaded = FALSE;
}

/* ---- the choice ------------------------------------------------------------------------ */

typedef struct
{
  SsvWishProfileMenu *self;
  gint64              previous;
} Change;

static void
profile_set_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Change *change = user_data;
  g_autoptr(GError) error = NULL;

  /* On success the store's changed signal reloads the wishlist, and the item with it. */
  if (!ssv_wishlist_store_set_profile_finish (SSV_WISHLIST_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_simple_action_set_state (change->self->set_action, g_variant_new_int64 (change->previous));
      gtk_widget_activate_action (GTK_WIDGET (change->self), "app.toast", "s", error->message);
    }
  g_object_unref (change->self);
  g_free (change);
}

/* The wanted movie, or the show a season or an episode belongs to; FALSE for a video. */
static gboolean
profile_owner (SsvWishlistItem *item,
               SsvWishlistKind *kind,
               gint64          *id)
{
  switch (ssv_wishlist_item_get_kind (item))
    {
    case SSV_WISHLIST_KIND_MOVIE:
      *kind = SSV_WISHLIST_KIND_MOVIE;
      *id = ssv_wishlist_item_get_id (item);
      return TRUE;
    case SSV_WISHLIST_KIND_SHOW:
    case SSV_WISHLIST_KIND_SEASON:
    case SSV_WISHLIST_KIND_EPISODE:
      *kind = SSV_WISHLIST_KIND_SHOW;
      *id = ssv_wishlist_item_get_group_id (item);
      return *id > 0;
    case SSV_WISHLIST_KIND_VIDEO:
    default:
      return FALSE;
    }
}

static void
on_set_change_state (GSimpleAction *action,
                     GVariant      *value,
                     gpointer       user_data)
{
  SsvWishProfileMenu *self = user_data;
  g_autoptr(GVariant) state = g_action_get_state (G_ACTION (action));
  SsvWishlistKind kind;
  Change *change;
  gint64 id;

  if (self->item == NULL || self->context == NULL || !profile_owner (self->item, &kind, &id) ||
      g_variant_equal (state, value))
    return;

  change = g_new0 (Change, 1);
  change->self = g_object_ref (self);
  change->previous = g_variant_get_int64 (state);
  g_simple_action_set_state (action, value);
  ssv_wishlist_store_set_profile_async (ssv_context_get_wishlist_store (self->context), kind, id,
                                        g_variant_get_int64 (value), self->cancellable, profile_set_cb, change);
}

/* ---- GObject ------------------------------------------------------------------------------ */

/* Returns: (transfer none) (nullable): the wanted item the menu is for */
SsvWishlistItem *
ssv_wish_profile_menu_get_item (SsvWishProfileMenu *self)
{
  g_return_val_if_fail (SSV_IS_WISH_PROFILE_MENU (self), NULL);

  return self->item;
}

void
ssv_wish_profile_menu_set_item (SsvWishProfileMenu *self,
                                SsvWishlistItem    *item)
{
  SsvWishlistKind kind;
  gint64 id;

  g_return_if_fail (SSV_IS_WISH_PROFILE_MENU (self));
  g_return_if_fail (item == NULL || SSV_IS_WISHLIST_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  g_simple_action_set_state (self->set_action,
                             g_variant_new_int64 (item != NULL ? ssv_wishlist_item_get_profile_id (item) : 0));
  g_simple_action_set_enabled (self->set_action, item != NULL && profile_owner (item, &kind, &id));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/* Returns: (transfer none): the menu the button opens */
GMenuModel *
ssv_wish_profile_menu_get_menu (SsvWishProfileMenu *self)
{
  g_return_val_if_fail (SSV_IS_WISH_PROFILE_MENU (self), NULL);

  return G_MENU_MODEL (self->menu);
}

/* Whether the "Quality Profile" submenu lists the profiles (it does once the menu was opened). */
gboolean
ssv_wish_profile_menu_get_loaded (SsvWishProfileMenu *self)
{
  g_return_val_if_fail (SSV_IS_WISH_PROFILE_MENU (self), FALSE);

  return self->loaded;
}

static void
ssv_wish_profile_menu_constructed (GObject *object)
{
  SsvWishProfileMenu *self = SSV_WISH_PROFILE_MENU (object);

  G_OBJECT_CLASS (ssv_wish_profile_menu_parent_class)->constructed (object);

  if (self->context != NULL)
    g_signal_connect_object (ssv_context_get_profile_store (self->context), "changed",
                             G_CALLBACK (on_profiles_changed), self, G_CONNECT_SWAPPED);
}

static void
ssv_wish_profile_menu_dispose (GObject *object)
{
  SsvWishProfileMenu *self = SSV_WISH_PROFILE_MENU (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "wish-profile", NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_WISH_PROFILE_MENU);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (ssv_wish_profile_menu_parent_class)->dispose (object);
}

static void
ssv_wish_profile_menu_finalize (GObject *object)
{
  SsvWishProfileMenu *self = SSV_WISH_PROFILE_MENU (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->set_action);
  g_clear_object (&self->menu);
  g_clear_object (&self->profiles);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ssv_wish_profile_menu_parent_class)->finalize (object);
}

static void
ssv_wish_profile_menu_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SsvWishProfileMenu *self = SSV_WISH_PROFILE_MENU (object);

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
ssv_wish_profile_menu_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SsvWishProfileMenu *self = SSV_WISH_PROFILE_MENU (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_ITEM:
      ssv_wish_profile_menu_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_wish_profile_menu_class_init (SsvWishProfileMenuClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_wish_profile_menu_constructed;
  object_class->dispose = ssv_wish_profile_menu_dispose;
  object_class->finalize = ssv_wish_profile_menu_finalize;
  object_class->get_property = ssv_wish_profile_menu_get_property;
  object_class->set_property = ssv_wish_profile_menu_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SSV_TYPE_WISHLIST_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/widgets/ssv-wish-profile-menu.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvWishProfileMenu, button);
}

static void
ssv_wish_profile_menu_init (SsvWishProfileMenu *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  self->set_action = g_simple_action_new_stateful ("set", G_VARIANT_TYPE_INT64, g_variant_new_int64 (0));
  g_simple_action_set_enabled (self->set_action, FALSE);
  g_signal_connect (self->set_action, "change-state", G_CALLBACK (on_set_change_state), self);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->set_action));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "wish-profile", G_ACTION_GROUP (group));

  self->profiles = g_menu_new ();
  append_profile (self->profiles, _("Default"), 0);
  self->menu = g_menu_new ();
  g_menu_append_submenu (self->menu, _("Quality Profile"), G_MENU_MODEL (self->profiles));
  gtk_menu_button_set_menu_model (self->button, G_MENU_MODEL (self->menu));
  gtk_menu_button_set_create_popup_func (self->button, create_popup, self, NULL);
}

GtkWidget *
ssv_wish_profile_menu_new (SsvContext *context)
{
  return g_object_new (SSV_TYPE_WISH_PROFILE_MENU, "context", context, NULL);
}
