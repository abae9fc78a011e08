/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cast-row.c: a title's cast as a row of cards. A cast that shows the same as before
 * keeps its cards (and their headshots): workers announce changes often. */

#include "config.h"

#include "model/ssv-cast-member.h"
#include "pages/title/ssv-cast-row.h"
#include "widgets/ssv-cast-card.h"

struct _SsvCastRow
{
  GtkWidget         parent_instance;

  GListModel       *cast;
  SsvTextureLoader *loader;
  SsvFollowSet     *follow_set;

  GtkWidget        *box;        /* the template's child: unparented at dispose */
  GtkBox           *cards_box;
};

G_DEFINE_FINAL_TYPE (SsvCastRow, ssv_cast_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CAST,
  PROP_LOADER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
same_cast (GListModel *a,
           GListModel *b)
{
  guint n = a ? g_list_model_get_n_items (a) : 0;

  if (b == NULL || g_list_model_get_n_items (b) != n)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SsvCastMember) x = g_list_model_get_item (a, i);
      g_autoptr(SsvCastMember) y = g_list_model_get_item (b, i);

      if (!ssv_cast_member_equal (x, y))
        return FALSE;
    }

  return TRUE;
}

static void
fill_cards (SsvCastRow *self)
{
  GtkWidget *child;
  guint n = self->cast ? g_list_model_get_n_items (self->cast) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_box_remove (self->cards_box, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SsvCastMember) member = g_list_model_get_item (self->cast, i);

      GtkWidget *card = ssv_cast_card_new (member, self->loader);

      ssv_cast_card_set_follow_set (SSV_CAST_CARD (card), self->follow_set);
      gtk_box_append (self->cards_box, card);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
}

/* Returns: (transfer none) (nullable): the SsvCastMember list shown */
GListModel *
ssv_cast_row_get_cast (SsvCastRow *self)
{
  g_return_val_if_fail (SSV_IS_CAST_ROW (self), NULL);

  return self->cast;
}

/**
 * ssv_cast_row_set_cast:
 * @cast: (nullable): SsvCastMember items in billing order
 */
void
ssv_cast_row_set_cast (SsvCastRow *self,
                       GListModel *cast)
{
  g_return_if_fail (SSV_IS_CAST_ROW (self));

  if (self->cast == cast || (self->cast != NULL && same_cast (cast, self->cast)))
    return;

  g_set_object (&self->cast, cast);
  fill_cards (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAST]);
}

void
ssv_cast_row_set_loader (SsvCastRow       *self,
                         SsvTextureLoader *loader)
{
  g_return_if_fail (SSV_IS_CAST_ROW (self));

  if (g_set_object (&self->loader, loader))
    {
      fill_cards (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADER]);
    }
}

/* @follow_set: (nullable): followed people, so each card's eye shows whether its person is */
void
ssv_cast_row_set_follow_set (SsvCastRow   *self,
                             SsvFollowSet *follow_set)
{
  g_return_if_fail (SSV_IS_CAST_ROW (self));

  if (!g_set_object (&self->follow_set, follow_set))
    return;
  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box)); card != NULL;
       card = gtk_widget_get_next_sibling (card))
    ssv_cast_card_set_follow_set (SSV_CAST_CARD (card), follow_set);
}

/* The box of SsvCastCard, for tests. */
GtkWidget *
ssv_cast_row_get_cards (SsvCastRow *self)
{
  g_return_val_if_fail (SSV_IS_CAST_ROW (self), NULL);

  return GTK_WIDGET (self->cards_box);
}

static void
ssv_cast_row_dispose (GObject *object)
{
  SsvCastRow *self = SSV_CAST_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_CAST_ROW);
  g_clear_object (&self->cast);
  g_clear_object (&self->loader);
  g_clear_object (&self->follow_set);

  G_OBJECT_CLASS (ssv_cast_row_parent_class)->dispose (object);
}

static void
ssv_cast_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SsvCastRow *self = SSV_CAST_ROW (object);

  switch (prop_id)
    {
    case PROP_CAST:
      g_value_set_object (value, self->cast);
      break;
    case PROP_LOADER:
      g_value_set_object (value, self->loader);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_cast_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SsvCastRow *self = SSV_CAST_ROW (object);

  switch (prop_id)
    {
    case PROP_CAST:
      ssv_cast_row_set_cast (self, g_value_get_object (value));
      break;
    case PROP_LOADER:
      ssv_cast_row_set_loader (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_cast_row_class_init (SsvCastRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_cast_row_dispose;
  object_class->get_property = ssv_cast_row_get_property;
  object_class->set_property = ssv_cast_row_set_property;

  properties[PROP_CAST] =
    g_param_spec_object ("cast", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADER] =
    g_param_spec_object ("loader", NULL, NULL, SSV_TYPE_TEXTURE_LOADER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/pages/title/ssv-cast-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvCastRow, box);
  gtk_widget_class_bind_template_child (widget_class, SsvCastRow, cards_box);
}

static void
ssv_cast_row_init (SsvCastRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_cast_row_new:
 * @loader: (nullable): where headshots come from
 */
GtkWidget *
ssv_cast_row_new (SsvTextureLoader *loader)
{
  return g_object_new (SSV_TYPE_CAST_ROW, "loader", loader, NULL);
}
