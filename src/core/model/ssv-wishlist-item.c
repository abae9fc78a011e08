/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-item.c: a wanted thing, or a group of them. */

#include "config.h"

#include "model/ssv-wishlist-item-private.h"
#include "model/ssv-model-props.h"
#include "ssv-utils.h"

G_DEFINE_FINAL_TYPE (SsvWishlistItem, ssv_wishlist_item, G_TYPE_OBJECT)

/* Read-only, for poster cards and expressions: the store fills the fields once. */
static const SsvModelProp props[] = {
  { "title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvWishlistItem, title) },
  { "poster-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvWishlistItem, poster_url) },
  { "year", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvWishlistItem, year) },
  { "overview", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvWishlistItem, overview) },
  { "still-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvWishlistItem, still_url) },
  { "air-date", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvWishlistItem, air_date) },
  { "season-number", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvWishlistItem, season_number) },
  { "episode-number", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvWishlistItem, episode_number) },
  /* guint fields, read as int: counts never come near G_MAXINT. */
  { "wanted", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvWishlistItem, wanted) },
  { "done", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvWishlistItem, done) },
  { "profile-id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvWishlistItem, profile_id) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props) + 1];

/* The ones that change after the store filled the item: what became of it, its searches. */
#define PROP_DOWNLOAD_STATE (G_N_ELEMENTS (props) + 1)
static GParamSpec *download_state_pspec;
#define PROP_SEARCH_STATE (G_N_ELEMENTS (props) + 2)
static GParamSpec *search_state_pspec;

static void
ssv_wishlist_item_finalize (GObject *object)
{
  SsvWishlistItem *self = SSV_WISHLIST_ITEM (object);

  g_free (self->source);
  g_free (self->source_id);
  g_free (self->title);
  g_free (self->show_title);
  g_free (self->overview);
  g_free (self->poster_url);
  g_free (self->backdrop_url);
  g_free (self->still_url);
  g_free (self->season_poster_url);
  g_free (self->air_date);
  g_free (self->download_state);
  g_free (self->search_state);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (ssv_wishlist_item_parent_class)->finalize (object);
}

static void
ssv_wishlist_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  if (prop_id == PROP_DOWNLOAD_STATE)
    g_value_set_string (value, SSV_WISHLIST_ITEM (object)->download_state);
  else if (prop_id == PROP_SEARCH_STATE)
    g_value_set_string (value, SSV_WISHLIST_ITEM (object)->search_state);
  else
    ssv_model_get_prop (object, props, prop_id, value);
}

static void
ssv_wishlist_item_class_init (SsvWishlistItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_wishlist_item_finalize;
  object_class->get_property = ssv_wishlist_item_get_property;

  ssv_model_install_read_only_props (object_class, props, G_N_ELEMENTS (props), pspecs);
  download_state_pspec = g_param_spec_string ("download-state", NULL, NULL, NULL,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_DOWNLOAD_STATE, download_state_pspec);
  search_state_pspec = g_param_spec_string ("search-state", NULL, NULL, NULL,
                                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_SEARCH_STATE, search_state_pspec);
}

static void
ssv_wishlist_item_init (SsvWishlistItem *self)
{
}

SsvWishlistItem *
ssv_wishlist_item_new (SsvWishlistKind kind)
{
  SsvWishlistItem *self = g_object_new (SSV_TYPE_WISHLIST_ITEM, NULL);

  self->kind = kind;
  if (kind == SSV_WISHLIST_KIND_SHOW || kind == SSV_WISHLIST_KIND_SEASON)
    self->children = g_list_store_new (SSV_TYPE_WISHLIST_ITEM);

  return self;
}

#define GETTER(type, name, fallback) \
  type \
  ssv_wishlist_item_get_##name (SsvWishlistItem *self) \
  { \
    g_return_val_if_fail (SSV_IS_WISHLIST_ITEM (self), fallback); \
    return self->name; \
  }

GETTER (SsvWishlistKind, kind, SSV_WISHLIST_KIND_MOVIE)
GETTER (gint64, id, 0)
GETTER (gint64, group_id, 0)
GETTER (const char *, source, NULL)
GETTER (const char *, source_id, NULL)
GETTER (gint64, library_id, 0)
GETTER (const char *, title, NULL)
GETTER (const char *, show_title, NULL)
GETTER (int, year, 0)
GETTER (const char *, overview, NULL)
GETTER (const char *, poster_url, NULL)
GETTER (const char *, backdrop_url, NULL)
GETTER (const char *, still_url, NULL)
GETTER (const char *, season_poster_url, NULL)
GETTER (const char *, air_date, NULL)
GETTER (gint64, added_at, 0)
GETTER (int, season_number, 0)
GETTER (int, episode_number, 0)
GETTER (guint, wanted, 0)
GETTER (guint, done, 0)
GETTER (gint64, profile_id, 0)

#undef GETTER

/* Returns: (transfer none) (nullable): a group's children, %NULL for a unit */
GListModel *
ssv_wishlist_item_get_children (SsvWishlistItem *self)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_ITEM (self), NULL);

  return G_LIST_MODEL (self->children);
}

/* Returns: (nullable): what became of the wanted item ("searching", "failed: …") */
const char *
ssv_wishlist_item_get_download_state (SsvWishlistItem *self)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_ITEM (self), NULL);

  return self->download_state;
}

void
ssv_wishlist_item_set_download_state (SsvWishlistItem *self,
                                      const char      *state)
{
  g_return_if_fail (SSV_IS_WISHLIST_ITEM (self));

  if (ssv_set_str (&self->download_state, state))
    g_object_notify_by_pspec (G_OBJECT (self), download_state_pspec);
}

/* Returns: (nullable): when the wanted item was searched and what came of it */
const char *
ssv_wishlist_item_get_search_state (SsvWishlistItem *self)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_ITEM (self), NULL);

  return self->search_state;
}

void
ssv_wishlist_item_set_search_state (SsvWishlistItem *self,
                                    const char      *state)
{
  g_return_if_fail (SSV_IS_WISHLIST_ITEM (self));

  if (ssv_set_str (&self->search_state, state))
    g_object_notify_by_pspec (G_OBJECT (self), search_state_pspec);
}
