/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cast-card.c: one person of a title's cast: a round headshot (initials until it loads), name, part. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-cast-card.h"

struct _SsvCastCard
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  AdwAvatar *avatar;
  GtkLabel  *name_label;
  GtkLabel  *character_label;
};

G_DEFINE_FINAL_TYPE (SsvCastCard, ssv_cast_card, GTK_TYPE_WIDGET)

static void
ssv_cast_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SSV_TYPE_CAST_CARD);

  G_OBJECT_CLASS (ssv_cast_card_parent_class)->dispose (object);
}

static void
ssv_cast_card_class_init (SsvCastCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_cast_card_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/widgets/ssv-cast-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvCastCard, box);
  gtk_widget_class_bind_template_child (widget_class, SsvCastCard, avatar);
  gtk_widget_class_bind_template_child (widget_class, SsvCastCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, SsvCastCard, character_label);
}

static void
ssv_cast_card_init (SsvCastCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ssv_cast_card_new (const char *name,
                   const char *character)
{
  SsvCastCard *self = g_object_new (SSV_TYPE_CAST_CARD, NULL);
  g_autofree char *spoken = NULL;

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->character_label, character ? character : "");
  gtk_widget_set_visible (GTK_WIDGET (self->character_label), character != NULL && character[0] != '\0');

  /* Translators: a cast member read aloud: "Edward Norton as Narrator" */
  spoken = character && character[0] ? g_strdup_printf (_("%s as %s"), name, character) : g_strdup (name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), spoken);

  return GTK_WIDGET (self);
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
