/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-model-props.c: one implementation of get/set/notify for every model object. */

#include "config.h"

#include <math.h>

#include "model/ssv-model-props.h"
#include "ssv-utils.h"

#define FIELD(object, prop, ctype) ((ctype *) (gpointer) ((guint8 *) (object) + (prop)->offset))

static void
install_props (GObjectClass        *klass,
               const SsvModelProp  *props,
               guint                n_props,
               GParamSpec         **pspecs,
               GParamFlags          flags)
{
  pspecs[0] = NULL;
  for (guint i = 0; i < n_props; i++)
    {
      const char *name = props[i].name;

      switch (props[i].type)
        {
        case SSV_MODEL_STRING:
          pspecs[i + 1] = g_param_spec_string (name, NULL, NULL, NULL, flags);
          break;
        case SSV_MODEL_INT:
          pspecs[i + 1] = g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
          break;
        case SSV_MODEL_INT64:
          pspecs[i + 1] = g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case SSV_MODEL_DOUBLE:
          /* Ratings: -1 means "not known". */
          pspecs[i + 1] = g_param_spec_double (name, NULL, NULL, -1.0, G_MAXDOUBLE, -1.0, flags);
          break;
        case SSV_MODEL_BOOLEAN:
        default:
          pspecs[i + 1] = g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
          break;
        }
    }

  g_object_class_install_properties (klass, n_props + 1, pspecs);
}

void
ssv_model_install_props (GObjectClass        *klass,
                         const SsvModelProp  *props,
                         guint                n_props,
                         GParamSpec         **pspecs)
{
  install_props (klass, props, n_props, pspecs,
                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

/* For objects a store fills once and nobody changes: read with ssv_model_get_prop(). */
void
ssv_model_install_read_only_props (GObjectClass        *klass,
                                   const SsvModelProp  *props,
                                   guint                n_props,
                                   GParamSpec         **pspecs)
{
  install_props (klass, props, n_props, pspecs,
                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

void
ssv_model_get_prop (GObject            *object,
                    const SsvModelProp *props,
                    guint               prop_id,
                    GValue             *value)
{
  const SsvModelProp *prop = &props[prop_id - 1];

  switch (prop->type)
    {
    case SSV_MODEL_STRING:
      g_value_set_string (value, *FIELD (object, prop, char *));
      break;
    case SSV_MODEL_INT:
      g_value_set_int (value, *FIELD (object, prop, int));
      break;
    case SSV_MODEL_INT64:
      g_value_set_int64 (value, *FIELD (object, prop, gint64));
      break;
    case SSV_MODEL_DOUBLE:
      g_value_set_double (value, *FIELD (object, prop, double));
      break;
    case SSV_MODEL_BOOLEAN:
    default:
      g_value_set_boolean (value, *FIELD (object, prop, gboolean));
      break;
    }
}

/* Sets one field; TRUE if it changed. */
static gboolean
set_field (GObject            *object,
           const SsvModelProp *prop,
           const GValue       *value)
{
  switch (prop->type)
    {
    case SSV_MODEL_STRING:
      return ssv_set_str (FIELD (object, prop, char *), g_value_get_string (value));

    case SSV_MODEL_INT:
      {
        int *field = FIELD (object, prop, int);
        int v = g_value_get_int (value);
        if (*field == v)
          return FALSE;
        *field = v;
        return TRUE;
      }

    case SSV_MODEL_INT64:
      {
        gint64 *field = FIELD (object, prop, gint64);
        gint64 v = g_value_get_int64 (value);
        if (*field == v)
          return FALSE;
        *field = v;
        return TRUE;
      }

    case SSV_MODEL_DOUBLE:
      {
        double *field = FIELD (object, prop, double);
        double v = g_value_get_double (value);
        if (*field == v)
          return FALSE;
        *field = v;
        return TRUE;
      }

    case SSV_MODEL_BOOLEAN:
    default:
      {
        gboolean *field = FIELD (object, prop, gboolean);
        gboolean v = g_value_get_boolean (value) != FALSE;
        if (*field == v)
          return FALSE;
        *field = v;
        return TRUE;
      }
    }
}

void
ssv_model_set_prop (GObject             *object,
                    const SsvModelProp  *props,
                    GParamSpec         **pspecs,
                    guint                prop_id,
                    const GValue        *value)
{
  if (set_field (object, &props[prop_id - 1], value))
    g_object_notify_by_pspec (object, pspecs[prop_id]);
}

void
ssv_model_free_strings (GObject            *object,
                        const SsvModelProp *props,
                        guint               n_props)
{
  for (guint i = 0; i < n_props; i++)
    if (props[i].type == SSV_MODEL_STRING)
      g_clear_pointer (FIELD (object, &props[i], char *), g_free);
}

/* Takes every value of @other (a fresh copy from the store) and notifies what
 * changed; returns whether anything did. */
gboolean
ssv_model_update_from (GObject             *object,
                       GObject             *other,
                       const SsvModelProp  *props,
                       guint                n_props,
                       GParamSpec         **pspecs)
{
  gboolean changed = FALSE;

  g_object_freeze_notify (object);
  for (guint i = 0; i < n_props; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspecs[i + 1]));
      ssv_model_get_prop (other, props, i + 1, &value);
      if (set_field (object, &props[i], &value))
        {
          g_object_notify_by_pspec (object, pspecs[i + 1]);
          changed = TRUE;
        }
    }
  g_object_thaw_notify (object);

  return changed;
}
