/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-overview.c: a title's synopsis and who made it; both bind to the title in the
 * template. */

#include "config.h"

#include <glib/gi18n.h>

#include "pages/title/ssv-title-overview.h"

struct _SsvTitleOverview
{
  GtkWidget  parent_instance;

  SsvTitle  *item;

  GtkWidget *box;       /* the template's child: unparented at dispose */
};

G_DEFINE_FINAL_TYPE (SsvTitleOverview, ssv_title_overview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
overview_text (gpointer    unused,
               const char *overview)
{
  return g_strdup (overview ? overview : _("No overview yet."));
}

/* "David Benioff, D.B. Weiss", or NULL for nobody. */
static char *
join_names (const char * const *names)
{
  return names[0] != NULL ? g_strjoinv (", ", (char **) names) : NULL;
}

/* "Directed by David Fincher · Written by Chuck Palahniuk" or "Created by …"; NULL for nobody. */
static char *
crew_text (gpointer  unused,
           SsvTitle *item)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *creators = NULL;
  g_autofree char *directors = NULL;
  g_autofree char *writers = NULL;

  if (item == NULL)
    return NULL;

  if ((creators = join_names (ssv_title_get_creators (item))) != NULL)
    /* Translators: "Created by David Benioff, D.B. Weiss" */
    g_ptr_array_add (parts, g_strdup_printf (_("Created by %s"), creators));
  if ((directors = join_names (ssv_title_get_directors (item))) != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Directed by %s"), directors));
  if ((writers = join_names (ssv_title_get_writers (item))) != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Written by %s"), writers));
  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static gboolean
has_crew (gpointer  unused,
          SsvTitle *item)
{
  g_autofree char *crew = crew_text (unused, item);

  return crew != NULL;
}

/* Returns: (transfer none) (nullable): the title shown */
SsvTitle *
ssv_title_overview_get_item (SsvTitleOverview *self)
{
  g_return_val_if_fail (SSV_IS_TITLE_OVERVIEW (self), NULL);

  return self->item;
}

void
ssv_title_overview_set_item (SsvTitleOverview *self,
                             SsvTitle         *item)
{
  g_return_if_fail (SSV_IS_TITLE_OVERVIEW (self));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/* Returns: (transfer full) (nullable): the crew line, for tests */
char *
ssv_title_overview_dup_crew (SsvTitleOverview *self)
{
  g_return_val_if_fail (SSV_IS_TITLE_OVERVIEW (self), NULL);

  return crew_text (self, self->item);
}

static void
ssv_title_overview_dispose (GObject *object)
{
  SsvTitleOverview *self = SSV_TITLE_OVERVIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_TITLE_OVERVIEW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (ssv_title_overview_parent_class)->dispose (object);
}

static void
ssv_title_overview_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, SSV_TITLE_OVERVIEW (object)->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_title_overview_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ITEM:
      ssv_title_overview_set_item (SSV_TITLE_OVERVIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_title_overview_class_init (SsvTitleOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_title_overview_dispose;
  object_class->get_property = ssv_title_overview_get_property;
  object_class->set_property = ssv_title_overview_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SSV_TYPE_TITLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/pages/title/ssv-title-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvTitleOverview, box);
  gtk_widget_class_bind_template_callback (widget_class, overview_text);
  gtk_widget_class_bind_template_callback (widget_class, crew_text);
  gtk_widget_class_bind_template_callback (widget_class, has_crew);
}

static void
ssv_title_overview_init (SsvTitleOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ssv_title_overview_new (void)
{
  return g_object_new (SSV_TYPE_TITLE_OVERVIEW, NULL);
}
