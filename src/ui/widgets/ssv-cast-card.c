/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cast-card.c: one person of a title's cast: a round headshot (initials until it loads), name,
 * part. The words bind to the cast member in the template; the headshot loads here. With
 * TMDB's id of the person, the headshot opens their page (win.show-person) and an eye
 * follows them (win.follow-person). */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-closures.h"
#include "widgets/ssv-cast-card.h"
#include "stores/ssv-watchlist-store.h"

#define HEADSHOT_SIZE 88

struct _SsvCastCard
{
  GtkWidget         parent_instance;

  SsvCastMember    *member;
  SsvTextureLoader *loader;
  SsvFollowSet     *follow_set;   /* followed people, for the eye; may be unset */
  GCancellable     *cancellable;

  GtkWidget        *box;        /* the template's child: unparented at dispose */
  AdwAvatar        *avatar;
  GtkWidget        *headshot_button;
  GtkWidget        *follow_button;
};

G_DEFINE_FINAL_TYPE (SsvCastCard, ssv_cast_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEMBER,
  PROP_LOADER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Edward Norton as Narrator", as the tooltip says it and a screen reader reads it. */
static char *
spoken_text (gpointer    unused,
             const char *name,
             const char *character)
{
  if (name == NULL)
    return NULL;

  /* Translators: a cast member read aloud: "Edward Norton as Narrator" */
  return character && character[0] ? g_strdup_printf (_("%s as %s"), name, character) : g_strdup (name);
}

static void
headshot_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SsvCastCard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = ssv_texture_loader_load_finish (SSV_TEXTURE_LOADER (source), result, &error);

  /* Without one, the initials stay. */
  if (texture != NULL)
    ssv_cast_card_set_headshot (self, GDK_PAINTABLE (texture));
}

static gboolean
is_followed (SsvCastCard *self,
             gint64       id)
{
  g_autofree char *source_id = NULL;
  g_autofree char *key = NULL;
  const char *keys[2] = { NULL, NULL };

  if (self->follow_set == NULL || id <= 0)
    return FALSE;

  source_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  key = ssv_watchlist_key ("tmdb", source_id);
  keys[0] = key;
  return ssv_follow_set_contains_any (self->follow_set, keys);
}

/* Their page and the eye need TMDB's id of them; without it the headshot is only a picture.
 * The eye of someone followed is open and leads to their page, where Following stops it. */
static void
show_links (SsvCastCard *self)
{
  gint64 id = self->member ? ssv_cast_member_get_tmdb_id (self->member) : 0;
  const char *name = self->member ? ssv_cast_member_get_name (self->member) : NULL;

  gtk_widget_set_visible (self->follow_button, id > 0);
  gtk_widget_set_can_target (self->headshot_button, id > 0);
  gtk_widget_set_focusable (self->headshot_button, id > 0);
  if (id <= 0)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->headshot_button), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->follow_button), NULL);
      return;
    }

  {
    /* Translators: the headshot's tooltip: "Open Edward Norton’s page" */
    g_autofree char *open = g_strdup_printf (_("Open %s’s page"), name ? name : "");
    gboolean followed = is_followed (self, id);
    g_autofree char *follow = followed
      /* Translators: the open eye's tooltip: "Following Edward Norton" */
      ? g_strdup_printf (_("Following %s"), name ? name : "")
      /* Translators: the eye's tooltip: "Follow Edward Norton…" */
      : g_strdup_printf (_("Follow %s…"), name ? name : "");

    /* The target before the name: an action never sees a target of the wrong type. */
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->headshot_button), NULL);
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->headshot_button), "x", id);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->headshot_button), "win.show-person");
    gtk_widget_set_tooltip_text (self->headshot_button, open);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->follow_button), NULL);
    if (followed)
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->follow_button), "x", id);
    else
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->follow_button), "(xs)", id, name ? name : "");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->follow_button),
                                    followed ? "win.show-person" : "win.follow-person");
    gtk_button_set_icon_name (GTK_BUTTON (self->follow_button),
                              followed ? "view-reveal-symbolic" : "view-conceal-symbolic");
    gtk_widget_set_tooltip_text (self->follow_button, follow);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->follow_button), GTK_ACCESSIBLE_PROPERTY_LABEL, follow, -1);
  }
}

static void
show_member (SsvCastCard *self)
{
  g_autofree char *spoken = NULL;
  const char *url = self->member ? ssv_cast_member_get_profile_url (self->member) : NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  adw_avatar_set_custom_image (self->avatar, NULL);

  if (self->member != NULL)
    spoken = spoken_text (self, ssv_cast_member_get_name (self->member),
                          ssv_cast_member_get_character (self->member));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken ? spoken : "", -1);
  show_links (self);

  if (url == NULL || self->loader == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  ssv_texture_loader_load_async (self->loader, url, HEADSHOT_SIZE * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                 self->cancellable, headshot_ready_cb, g_object_ref (self));
}

/* Returns: (transfer none) (nullable): who the card shows */
SsvCastMember *
ssv_cast_card_get_member (SsvCastCard *self)
{
  g_return_val_if_fail (SSV_IS_CAST_CARD (self), NULL);

  return self->member;
}

/**
 * ssv_cast_card_set_follow_set:
 * @follow_set: (nullable): the followed people, shared by a page's cards
 *
 * The eye shows whether the person is followed, and changes when they are.
 */
void
ssv_cast_card_set_follow_set (SsvCastCard  *self,
                              SsvFollowSet *follow_set)
{
  g_return_if_fail (SSV_IS_CAST_CARD (self));

  if (self->follow_set == follow_set)
    return;
  if (self->follow_set != NULL)
    g_signal_handlers_disconnect_by_func (self->follow_set, show_links, self);
  g_set_object (&self->follow_set, follow_set);
  if (follow_set != NULL)
    g_signal_connect_object (follow_set, "changed", G_CALLBACK (show_links), self, G_CONNECT_SWAPPED);
  show_links (self);
}

/* Whether the eye says the person is followed. */
gboolean
ssv_cast_card_get_followed (SsvCastCard *self)
{
  g_return_val_if_fail (SSV_IS_CAST_CARD (self), FALSE);

  return self->member != NULL && is_followed (self, ssv_cast_member_get_tmdb_id (self->member));
}

/* The headshot, once loaded; the initials show until then (and when there is none). */
void
ssv_cast_card_set_headshot (SsvCastCard  *self,
                            GdkPaintable *headshot)
{
  g_return_if_fail (SSV_IS_CAST_CARD (self));

  adw_avatar_set_custom_image (self->avatar, headshot);
}

gboolean
ssv_cast_card_has_headshot (SsvCastCard *self)
{
  g_return_val_if_fail (SSV_IS_CAST_CARD (self), FALSE);

  return adw_avatar_get_custom_image (self->avatar) != NULL;
}

static void
ssv_cast_card_dispose (GObject *object)
{
  SsvCastCard *self = SSV_CAST_CARD (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), SSV_TYPE_CAST_CARD);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->member);
  g_clear_object (&self->loader);
  g_clear_object (&self->follow_set);

  G_OBJECT_CLASS (ssv_cast_card_parent_class)->dispose (object);
}

static void
ssv_cast_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SsvCastCard *self = SSV_CAST_CARD (object);

  switch (prop_id)
    {
    case PROP_MEMBER:
      g_value_set_object (value, self->member);
      break;
    case PROP_LOADER:
      g_value_set_object (value, self->loader);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_cast_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SsvCastCard *self = SSV_CAST_CARD (object);

  switch (prop_id)
    {
    case PROP_MEMBER:
      if (g_set_object (&self->member, g_value_get_object (value)))
        {
          show_member (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_LOADER:
      g_set_object (&self->loader, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_cast_card_class_init (SsvCastCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_cast_card_dispose;
  object_class->get_property = ssv_cast_card_get_property;
  object_class->set_property = ssv_cast_card_set_property;

  properties[PROP_MEMBER] =
    g_param_spec_object ("member", NULL, NULL, SSV_TYPE_CAST_MEMBER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Set before the member: the headshot loads when the member is set. */
  properties[PROP_LOADER] =
    g_param_spec_object ("loader", NULL, NULL, SSV_TYPE_TEXTURE_LOADER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/widgets/ssv-cast-card.ui");
  ssv_widget_class_bind_closures (widget_class);
  gtk_widget_class_bind_template_child (widget_class, SsvCastCard, box);
  gtk_widget_class_bind_template_child (widget_class, SsvCastCard, avatar);
  gtk_widget_class_bind_template_child (widget_class, SsvCastCard, headshot_button);
  gtk_widget_class_bind_template_child (widget_class, SsvCastCard, follow_button);
  gtk_widget_class_bind_template_callback (widget_class, spoken_text);
}

static void
ssv_cast_card_init (SsvCastCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_links (self);
}

/**
 * ssv_cast_card_new:
 * @loader: (nullable): where the headshot comes from; without one, initials only
 */
GtkWidget *
ssv_cast_card_new (SsvCastMember    *member,
                   SsvTextureLoader *loader)
{
  return g_object_new (SSV_TYPE_CAST_CARD, "loader", loader, "member", member, NULL);
}
