/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wish-profile-menu.c: a wanted movie's or show's menu button (on the wishlist's cards and
 * tiles) with its "Quality Profile" choice, which the title page's wish button shares
 * (ssv-wish-profile-choice.c). */

#include "config.h"

#include "widgets/ssv-wish-profile-choice.h"
#include "widgets/ssv-wish-profile-menu.h"

struct _SsvWishProfileMenu
{
  GtkWidget             parent_instance;

  SsvContext           *context;
  SsvWishProfileChoice *choice;

  GtkMenuButton        *button;
};

G_DEFINE_FINAL_TYPE (SsvWishProfileMenu, ssv_wish_profile_menu, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, PROP_ITEM, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Returns: (transfer none) (nullable): the wanted item the menu is for */
SsvWishlistItem *
ssv_wish_profile_menu_get_item (SsvWishProfileMenu *self)
{
  g_return_val_if_fail (SSV_IS_WISH_PROFILE_MENU (self), NULL);

  return ssv_wish_profile_choice_get_item (self->choice);
}

void
ssv_wish_profile_menu_set_item (SsvWishProfileMenu *self,
                                SsvWishlistItem    *item)
{
  g_return_if_fail (SSV_IS_WISH_PROFILE_MENU (self));
  g_return_if_fail (item == NULL || SSV_IS_WISHLIST_ITEM (item));

  if (ssv_wish_profile_choice_get_item (self->choice) == item)
    return;

  ssv_wish_profile_choice_set_item (self->choice, item);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/* Returns: (transfer none): the menu the button opens */
GMenuModel *
ssv_wish_profile_menu_get_menu (SsvWishProfileMenu *self)
{
  g_return_val_if_fail (SSV_IS_WISH_PROFILE_MENU (self), NULL);

  return ssv_wish_profile_choice_get_section (self->choice);
}

/* Whether the "Quality Profile" submenu lists the profiles (it does once the menu was opened). */
gboolean
ssv_wish_profile_menu_get_loaded (SsvWishProfileMenu *self)
{
  g_return_val_if_fail (SSV_IS_WISH_PROFILE_MENU (self), FALSE);

  return ssv_wish_profile_choice_get_loaded (self->choice);
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
ssv_wish_profile_menu_constructed (GObject *object)
{
  SsvWishProfileMenu *self = SSV_WISH_PROFILE_MENU (object);

  G_OBJECT_CLASS (ssv_wish_profile_menu_parent_class)->constructed (object);

  if (self->context != NULL)
    ssv_wish_profile_choice_set_stores (self->choice, ssv_context_get_profile_store (self->context),
                                        ssv_context_get_wishlist_store (self->context));
}

static void
ssv_wish_profile_menu_dispose (GObject *object)
{
  SsvWishProfileMenu *self = SSV_WISH_PROFILE_MENU (object);

  if (self->choice != NULL)
    ssv_wish_profile_choice_stop (self->choice);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_WISH_PROFILE_MENU);

  G_OBJECT_CLASS (ssv_wish_profile_menu_parent_class)->dispose (object);
}

static void
ssv_wish_profile_menu_finalize (GObject *object)
{
  SsvWishProfileMenu *self = SSV_WISH_PROFILE_MENU (object);

  g_clear_object (&self->choice);
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
      g_value_set_object (value, ssv_wish_profile_choice_get_item (self->choice));
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
  gtk_widget_init_template (GTK_WIDGET (self));

  self->choice = ssv_wish_profile_choice_new (GTK_WIDGET (self));
  gtk_menu_button_set_menu_model (self->button, ssv_wish_profile_choice_get_section (self->choice));
  ssv_wish_profile_choice_attach (self->choice, self->button);
}

GtkWidget *
ssv_wish_profile_menu_new (SsvContext *context)
{
  return g_object_new (SSV_TYPE_WISH_PROFILE_MENU, "context", context, NULL);
}
