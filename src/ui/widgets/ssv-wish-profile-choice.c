/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wish-profile-choice.c: the "Quality Profile" choice of a wanted movie's or show's menu
 * (the wishlist's card and tile menu, the title page's wish button): radio items naming
 * wish-profile.set with the profile's id (0: the default), an action the choice puts on the
 * widget that owns it, whose state is the item's profile. The profiles are listed when a menu
 * first opens and again after they change; a pick is saved through the store off the UI
 * thread, and a failure puts the state back and says why in a toast. A show's choice holds
 * for its seasons and episodes, so a season's or episode's menu sets the show's. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-ui-utils.h"
#include "stores/ssv-profile-store.h"
#include "stores/ssv-wishlist-store.h"
#include "widgets/ssv-wish-profile-choice.h"

struct _SsvWishProfileChoice
{
  GObject            parent_instance;

  GtkWidget         *owner;        /* weak: the action group's widget, and the toasts' */
  SsvProfileStore   *profile_store;
  SsvWishlistStore  *wishlist_store;
  SsvWishlistItem   *item;
  GSimpleAction     *set_action;   /* wish-profile.set (x), its state the item's profile */
  GMenu             *section;      /* holds the "Quality Profile" submenu */
  GMenu             *profiles;     /* the submenu */
  GCancellable      *cancellable;
  gboolean           loaded;
  gboolean           loading;
};

G_DEFINE_FINAL_TYPE (SsvWishProfileChoice, ssv_wish_profile_choice, G_TYPE_OBJECT)

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
toast (SsvWishProfileChoice *self,
       const char           *message)
{
  if (self->owner != NULL)
    ssv_ui_toast (self->owner, message);
  else
    g_message ("%s", message);
}

static void
profiles_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SsvWishProfileChoice) self = user_data;
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
      toast (self, error->message);
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
load_profiles (SsvWishProfileChoice *self)
{
  if (self->loaded || self->loading || self->profile_store == NULL)
    return;

  self->loading = TRUE;
  ssv_profile_store_list_async (self->profile_store, self->cancellable, profiles_listed_cb, g_object_ref (self));
}

/* Opening a menu lists the profiles the first time, so a grid of cards asks for them once
 * per card a person opens, not once per card. */
static void
create_popup (GtkMenuButton *button,
              gpointer       user_data)
{
  load_profiles (SSV_WISH_PROFILE_CHOICE (user_data));
}

static void
on_profiles_changed (SsvWishProfileChoice *self)
{
  self->loaded = FALSE;
}

/* ---- the choice ------------------------------------------------------------------------ */

typedef struct
{
  SsvWishProfileChoice *self;
  gint64                previous;
} Change;

static void
profile_set_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Change *change = user_data;
  g_autoptr(GError) error = NULL;

  /* On success the store's changed signal reloads the item, and its menu with it. */
  if (!ssv_wishlist_store_set_profile_finish (SSV_WISHLIST_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_simple_action_set_state (change->self->set_action, g_variant_new_int64 (change->previous));
      toast (change->self, error->message);
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
update_enabled (SsvWishProfileChoice *self)
{
  SsvWishlistKind kind;
  gint64 id;

  g_simple_action_set_enabled (self->set_action, self->item != NULL && self->wishlist_store != NULL &&
                                                 profile_owner (self->item, &kind, &id));
}

static void
on_set_change_state (GSimpleAction *action,
                     GVariant      *value,
                     gpointer       user_data)
{
  SsvWishProfileChoice *self = user_data;
  g_autoptr(GVariant) state = g_action_get_state (G_ACTION (action));
  SsvWishlistKind kind;
  Change *change;
  gint64 id;

  if (self->item == NULL || self->wishlist_store == NULL || !profile_owner (self->item, &kind, &id) ||
      g_variant_equal (state, value))
    return;

  change = g_new0 (Change, 1);
  change->self = g_object_ref (self);
  change->previous = g_variant_get_int64 (state);
  g_simple_action_set_state (action, value);
  ssv_wishlist_store_set_profile_async (self->wishlist_store, kind, id, g_variant_get_int64 (value),
                                        self->cancellable, profile_set_cb, change);
}

/* ---- public ----------------------------------------------------------------------------- */

/**
 * ssv_wish_profile_choice_set_stores:
 * @profiles: (nullable): lists the profiles
 * @wishlist: (nullable): saves the item's choice
 */
void
ssv_wish_profile_choice_set_stores (SsvWishProfileChoice *self,
                                    SsvProfileStore      *profiles,
                                    SsvWishlistStore     *wishlist)
{
  g_return_if_fail (SSV_IS_WISH_PROFILE_CHOICE (self));

  if (self->profile_store != profiles)
    {
      if (self->profile_store != NULL)
        g_signal_handlers_disconnect_by_func (self->profile_store, on_profiles_changed, self);
      g_set_object (&self->profile_store, profiles);
      if (profiles != NULL)
        g_signal_connect_object (profiles, "changed", G_CALLBACK (on_profiles_changed), self, G_CONNECT_SWAPPED);
      self->loaded = FALSE;
    }
  g_set_object (&self->wishlist_store, wishlist);
  update_enabled (self);
}

/* Returns: (transfer none) (nullable): the wanted item the choice is for */
SsvWishlistItem *
ssv_wish_profile_choice_get_item (SsvWishProfileChoice *self)
{
  g_return_val_if_fail (SSV_IS_WISH_PROFILE_CHOICE (self), NULL);

  return self->item;
}

/**
 * ssv_wish_profile_choice_set_item:
 * @item: (nullable): a wanted movie, show, season or episode; its profile is the state
 */
void
ssv_wish_profile_choice_set_item (SsvWishProfileChoice *self,
                                  SsvWishlistItem      *item)
{
  g_return_if_fail (SSV_IS_WISH_PROFILE_CHOICE (self));
  g_return_if_fail (item == NULL || SSV_IS_WISHLIST_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  g_simple_action_set_state (self->set_action,
                             g_variant_new_int64 (item != NULL ? ssv_wishlist_item_get_profile_id (item) : 0));
  update_enabled (self);
}

/* The profile the menu shows as chosen (the action's state): 0 for the default one. */
gint64
ssv_wish_profile_choice_get_profile_id (SsvWishProfileChoice *self)
{
  g_autoptr(GVariant) state = NULL;

  g_return_val_if_fail (SSV_IS_WISH_PROFILE_CHOICE (self), 0);

  state = g_action_get_state (G_ACTION (self->set_action));
  return g_variant_get_int64 (state);
}

/* Returns: (transfer none): a menu section holding the "Quality Profile" submenu */
GMenuModel *
ssv_wish_profile_choice_get_section (SsvWishProfileChoice *self)
{
  g_return_val_if_fail (SSV_IS_WISH_PROFILE_CHOICE (self), NULL);

  return G_MENU_MODEL (self->section);
}

/* Lists the profiles when @button first opens (its menu holds the section). */
void
ssv_wish_profile_choice_attach (SsvWishProfileChoice *self,
                                GtkMenuButton        *button)
{
  g_return_if_fail (SSV_IS_WISH_PROFILE_CHOICE (self));
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  gtk_menu_button_set_create_popup_func (button, create_popup, g_object_ref (self), g_object_unref);
}

/* Whether the "Quality Profile" submenu lists the profiles (it does once a menu was opened). */
gboolean
ssv_wish_profile_choice_get_loaded (SsvWishProfileChoice *self)
{
  g_return_val_if_fail (SSV_IS_WISH_PROFILE_CHOICE (self), FALSE);

  return self->loaded;
}

/* The owner's dispose: no more answers, and its action group goes. */
void
ssv_wish_profile_choice_stop (SsvWishProfileChoice *self)
{
  g_return_if_fail (SSV_IS_WISH_PROFILE_CHOICE (self));

  g_cancellable_cancel (self->cancellable);
  if (self->owner != NULL)
    {
      gtk_widget_insert_action_group (self->owner, "wish-profile", NULL);
      g_object_remove_weak_pointer (G_OBJECT (self->owner), (gpointer *) &self->owner);
      self->owner = NULL;
    }
  g_clear_object (&self->item);
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
ssv_wish_profile_choice_dispose (GObject *object)
{
  SsvWishProfileChoice *self = SSV_WISH_PROFILE_CHOICE (object);

  ssv_wish_profile_choice_stop (self);
  if (self->profile_store != NULL)
    g_signal_handlers_disconnect_by_func (self->profile_store, on_profiles_changed, self);
  g_clear_object (&self->profile_store);
  g_clear_object (&self->wishlist_store);

  G_OBJECT_CLASS (ssv_wish_profile_choice_parent_class)->dispose (object);
}

static void
ssv_wish_profile_choice_finalize (GObject *object)
{
  SsvWishProfileChoice *self = SSV_WISH_PROFILE_CHOICE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->set_action);
  g_clear_object (&self->section);
  g_clear_object (&self->profiles);

  G_OBJECT_CLASS (ssv_wish_profile_choice_parent_class)->finalize (object);
}

static void
ssv_wish_profile_choice_class_init (SsvWishProfileChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_wish_profile_choice_dispose;
  object_class->finalize = ssv_wish_profile_choice_finalize;
}

static void
ssv_wish_profile_choice_init (SsvWishProfileChoice *self)
{
  self->cancellable = g_cancellable_new ();

  self->set_action = g_simple_action_new_stateful ("set", G_VARIANT_TYPE_INT64, g_variant_new_int64 (0));
  g_simple_action_set_enabled (self->set_action, FALSE);
  g_signal_connect (self->set_action, "change-state", G_CALLBACK (on_set_change_state), self);

  self->profiles = g_menu_new ();
  append_profile (self->profiles, _("Default"), 0);
  self->section = g_menu_new ();
  g_menu_append_submenu (self->section, _("Quality Profile"), G_MENU_MODEL (self->profiles));
}

/**
 * ssv_wish_profile_choice_new:
 * @owner: the widget the wish-profile actions go on; the choice does not keep it alive,
 *   and the owner calls ssv_wish_profile_choice_stop() in its dispose
 */
SsvWishProfileChoice *
ssv_wish_profile_choice_new (GtkWidget *owner)
{
  SsvWishProfileChoice *self;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);

  self = g_object_new (SSV_TYPE_WISH_PROFILE_CHOICE, NULL);
  self->owner = owner;
  g_object_add_weak_pointer (G_OBJECT (owner), (gpointer *) &self->owner);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->set_action));
  gtk_widget_insert_action_group (owner, "wish-profile", G_ACTION_GROUP (group));
  return self;
}
