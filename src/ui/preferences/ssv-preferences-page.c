/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-preferences-page.c: base of the pages of Preferences. A page gets its context once, from
 * g_object_new() or from the window's template binding, and loads then; closing cancels its work. */

#include "config.h"

#include "preferences/ssv-preferences-page.h"

typedef struct
{
  SsvContext   *context;
  GCancellable *cancellable;
} SsvPreferencesPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SsvPreferencesPage, ssv_preferences_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The context is the page's for life: a template binding may bring it after
 * construction, but never a second one. */
static void
set_context (SsvPreferencesPage *self,
             SsvContext         *context)
{
  SsvPreferencesPagePrivate *priv = ssv_preferences_page_get_instance_private (self);

  if (context == NULL || context == priv->context)
    return;

  g_return_if_fail (priv->context == NULL);

  priv->context = g_object_ref (context);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);

  if (SSV_PREFERENCES_PAGE_GET_CLASS (self)->load != NULL)
    SSV_PREFERENCES_PAGE_GET_CLASS (self)->load (self, context);
}

static void
ssv_preferences_page_dispose (GObject *object)
{
  SsvPreferencesPagePrivate *priv = ssv_preferences_page_get_instance_private (SSV_PREFERENCES_PAGE (object));

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (ssv_preferences_page_parent_class)->dispose (object);
}

static void
ssv_preferences_page_finalize (GObject *object)
{
  SsvPreferencesPagePrivate *priv = ssv_preferences_page_get_instance_private (SSV_PREFERENCES_PAGE (object));

  g_clear_object (&priv->cancellable);

  G_OBJECT_CLASS (ssv_preferences_page_parent_class)->finalize (object);
}

static void
ssv_preferences_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SsvPreferencesPage *self = SSV_PREFERENCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, ssv_preferences_page_get_context (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_preferences_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SsvPreferencesPage *self = SSV_PREFERENCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_preferences_page_class_init (SsvPreferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_preferences_page_dispose;
  object_class->finalize = ssv_preferences_page_finalize;
  object_class->get_property = ssv_preferences_page_get_property;
  object_class->set_property = ssv_preferences_page_set_property;

  /* Set once: at construction, or by the binding in the window's template (a
   * construct-only property could not be bound there). */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssv_preferences_page_init (SsvPreferencesPage *self)
{
  SsvPreferencesPagePrivate *priv = ssv_preferences_page_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
}

/* Returns: (transfer none) (nullable): the context, once it has arrived */
SsvContext *
ssv_preferences_page_get_context (SsvPreferencesPage *self)
{
  SsvPreferencesPagePrivate *priv = ssv_preferences_page_get_instance_private (self);

  g_return_val_if_fail (SSV_IS_PREFERENCES_PAGE (self), NULL);

  return priv->context;
}

/* Returns: (transfer none): cancelled when the page goes; for all the page's work */
GCancellable *
ssv_preferences_page_get_cancellable (SsvPreferencesPage *self)
{
  SsvPreferencesPagePrivate *priv = ssv_preferences_page_get_instance_private (self);

  g_return_val_if_fail (SSV_IS_PREFERENCES_PAGE (self), NULL);

  return priv->cancellable;
}
