/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-model-props.h: table-driven properties for the plain data objects of the model. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SSV_MODEL_STRING,
  SSV_MODEL_INT,
  SSV_MODEL_INT64,
  SSV_MODEL_DOUBLE,
  SSV_MODEL_BOOLEAN,
} SsvModelType;

typedef struct
{
  const char    *name;
  SsvModelType   type;
  goffset        offset;
} SsvModelProp;

/* Property ids are the table index + 1; @pspecs must hold n_props + 1 entries. */
void  ssv_model_install_props   (GObjectClass        *klass,
                                 const SsvModelProp  *props,
                                 guint                n_props,
                                 GParamSpec         **pspecs);
void  ssv_model_install_read_only_props
                                (GObjectClass        *klass,
                                 const SsvModelProp  *props,
                                 guint                n_props,
                                 GParamSpec         **pspecs);
void  ssv_model_get_prop        (GObject             *object,
                                 const SsvModelProp  *props,
                                 guint                prop_id,
                                 GValue              *value);
void  ssv_model_set_prop        (GObject             *object,
                                 const SsvModelProp  *props,
                                 GParamSpec         **pspecs,
                                 guint                prop_id,
                                 const GValue        *value);
void  ssv_model_free_strings    (GObject             *object,
                                 const SsvModelProp  *props,
                                 guint                n_props);
gboolean ssv_model_update_from (GObject             *object,
                                 GObject             *other,
                                 const SsvModelProp  *props,
                                 guint                n_props,
                                 GParamSpec         **pspecs);

#define SSV_MODEL_DEFINE_PROPERTY_FUNCS(TypeName, type_name, props, pspecs)              \
  static void                                                                          \
  type_name##_get_property (GObject *object, guint prop_id, GValue *value,              \
                            GParamSpec *pspec)                                          \
  {                                                                                    \
    ssv_model_get_prop (object, props, prop_id, value);                                 \
  }                                                                                    \
  static void                                                                          \
  type_name##_set_property (GObject *object, guint prop_id, const GValue *value,        \
                            GParamSpec *pspec)                                          \
  {                                                                                    \
    ssv_model_set_prop (object, props, pspecs, prop_id, value);                         \
  }                                                                                    \
  static void                                                                          \
  type_name##_finalize (GObject *object)                                               \
  {                                                                                    \
    ssv_model_free_strings (object, props, G_N_ELEMENTS (props));                       \
    G_OBJECT_CLASS (type_name##_parent_class)->finalize (object);                       \
  }                                                                                    \
  gboolean                                                                             \
  type_name##_update_from (TypeName *self, TypeName *other)                            \
  {                                                                                    \
    return ssv_model_update_from (G_OBJECT (self), G_OBJECT (other), props,             \
                                  G_N_ELEMENTS (props), pspecs);                        \
  }

G_END_DECLS
