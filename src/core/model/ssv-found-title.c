/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-found-title.c: a movie, show or person found in the library or on TMDB. */

#include "config.h"

#include "model/ssv-found-title-private.h"
#include "model/ssv-model-props.h"

G_DEFINE_FINAL_TYPE (SsvFoundTitle, ssv_found_title, G_TYPE_OBJECT)

static const SsvModelProp props[] = {
  { "kind", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvFoundTitle, kind) },
  { "tmdb-id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvFoundTitle, tmdb_id) },
  { "library-id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvFoundTitle, library_id) },
  { "title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvFoundTitle, title) },
  { "year", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvFoundTitle, year) },
  { "overview", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvFoundTitle, overview) },
  { "image-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvFoundTitle, image_url) },
  { "known-for", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvFoundTitle, known_for) },
  { "role", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvFoundTitle, role) },
  { "popularity", SSV_MODEL_DOUBLE, G_STRUCT_OFFSET (SsvFoundTitle, popularity) },
  { "owned", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvFoundTitle, owned) },
  { "wished", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvFoundTitle, wished) },
  { "followed", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvFoundTitle, followed) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props) + 1];

SSV_MODEL_DEFINE_PROPERTY_FUNCS (SsvFoundTitle, ssv_found_title, props, pspecs)

static void
ssv_found_title_class_init (SsvFoundTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_found_title_finalize;
  object_class->get_property = ssv_found_title_get_property;
  object_class->set_property = ssv_found_title_set_property;

  /* Writable: a page that wishes or follows one updates it, and its row follows. */
  ssv_model_install_props (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
ssv_found_title_init (SsvFoundTitle *self)
{
}

SsvFoundTitle *
ssv_found_title_new (const char *kind,
                     gint64      tmdb_id,
                     const char *title)
{
  return g_object_new (SSV_TYPE_FOUND_TITLE, "kind", kind, "tmdb-id", tmdb_id, "title", title, NULL);
}

#define GETTER(type, name, fallback) \
  type \
  ssv_found_title_get_##name (SsvFoundTitle *self) \
  { \
    g_return_val_if_fail (SSV_IS_FOUND_TITLE (self), fallback); \
    return self->name; \
  }

GETTER (const char *, kind, NULL)
GETTER (gint64, tmdb_id, 0)
GETTER (gint64, library_id, 0)
GETTER (const char *, title, NULL)
GETTER (int, year, 0)
GETTER (const char *, overview, NULL)
GETTER (const char *, image_url, NULL)
GETTER (const char *, known_for, NULL)
GETTER (const char *, role, NULL)
GETTER (double, popularity, 0)
GETTER (gboolean, owned, FALSE)
GETTER (gboolean, wished, FALSE)
GETTER (gboolean, followed, FALSE)

#undef GETTER

/* "movie:tmdb:603", "show:library:12": one key per title, for merging lists and for ids on the bus. */
char *
ssv_found_title_dup_key (SsvFoundTitle *self)
{
  g_return_val_if_fail (SSV_IS_FOUND_TITLE (self), NULL);

  if (self->tmdb_id > 0)
    return g_strdup_printf ("%s:tmdb:%" G_GINT64_FORMAT, self->kind, self->tmdb_id);

  return g_strdup_printf ("%s:library:%" G_GINT64_FORMAT, self->kind, self->library_id);
}
