/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-cast-member.c: one person of a title's cast and the part they play. */

#include "config.h"

#include "model/ssv-cast-member.h"
#include "model/ssv-model-props.h"

struct _SsvCastMember
{
  GObject  parent_instance;

  char    *name;
  char    *character;
  char    *profile_url;
  gint64   tmdb_id;
};

G_DEFINE_FINAL_TYPE (SsvCastMember, ssv_cast_member, G_TYPE_OBJECT)

static const SsvModelProp props[] = {
  { "name", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvCastMember, name) },
  { "character", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvCastMember, character) },
  { "profile-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvCastMember, profile_url) },
  { "tmdb-id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvCastMember, tmdb_id) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props) + 1];

static void
ssv_cast_member_finalize (GObject *object)
{
  ssv_model_free_strings (object, props, G_N_ELEMENTS (props));

  G_OBJECT_CLASS (ssv_cast_member_parent_class)->finalize (object);
}

static void
ssv_cast_member_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ssv_model_get_prop (object, props, prop_id, value);
}

static void
ssv_cast_member_class_init (SsvCastMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_cast_member_finalize;
  object_class->get_property = ssv_cast_member_get_property;

  ssv_model_install_read_only_props (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
ssv_cast_member_init (SsvCastMember *self)
{
}

/**
 * ssv_cast_member_new:
 * @character: (nullable): the part, when known
 * @profile_url: (nullable): the person's headshot
 */
SsvCastMember *
ssv_cast_member_new (const char *name,
                     const char *character,
                     const char *profile_url)
{
  SsvCastMember *self = g_object_new (SSV_TYPE_CAST_MEMBER, NULL);

  self->name = g_strdup (name);
  self->character = g_strdup (character);
  self->profile_url = g_strdup (profile_url);

  return self;
}

const char *
ssv_cast_member_get_name (SsvCastMember *self)
{
  g_return_val_if_fail (SSV_IS_CAST_MEMBER (self), NULL);

  return self->name;
}

const char *
ssv_cast_member_get_character (SsvCastMember *self)
{
  g_return_val_if_fail (SSV_IS_CAST_MEMBER (self), NULL);

  return self->character;
}

const char *
ssv_cast_member_get_profile_url (SsvCastMember *self)
{
  g_return_val_if_fail (SSV_IS_CAST_MEMBER (self), NULL);

  return self->profile_url;
}

/* TMDB's id of the person, or 0 when not known: what their page and following go by. */
gint64
ssv_cast_member_get_tmdb_id (SsvCastMember *self)
{
  g_return_val_if_fail (SSV_IS_CAST_MEMBER (self), 0);

  return self->tmdb_id;
}

/* For the reader that makes it, before anyone sees it. */
void
ssv_cast_member_set_tmdb_id (SsvCastMember *self,
                             gint64         tmdb_id)
{
  g_return_if_fail (SSV_IS_CAST_MEMBER (self));

  self->tmdb_id = tmdb_id;
}

/* Whether both show the same: a page keeps its cards when nothing a person sees changed. */
gboolean
ssv_cast_member_equal (SsvCastMember *a,
                       SsvCastMember *b)
{
  g_return_val_if_fail (SSV_IS_CAST_MEMBER (a) && SSV_IS_CAST_MEMBER (b), FALSE);

  return g_strcmp0 (a->name, b->name) == 0 && g_strcmp0 (a->character, b->character) == 0 &&
         g_strcmp0 (a->profile_url, b->profile_url) == 0 && a->tmdb_id == b->tmdb_id;
}
