/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title.c: everything a movie's or a show's page shows, read in one go. A store fills
 * it once on a worker thread and hands it over whole; nothing changes it afterwards, so a
 * page that reloads gets a new one. */

#include "config.h"

#include "model/ssv-cast-member.h"
#include "model/ssv-episode.h"
#include "model/ssv-library-file.h"
#include "model/ssv-model-props.h"
#include "model/ssv-season.h"
#include "model/ssv-title-private.h"

G_DEFINE_FINAL_TYPE (SsvTitle, ssv_title, G_TYPE_OBJECT)

static const SsvModelProp props[] = {
  { "kind", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvTitle, kind) },
  { "id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvTitle, id) },
  { "tmdb-id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvTitle, tmdb_id) },
  { "wished", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvTitle, wished) },
  { "title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvTitle, title) },
  { "year", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvTitle, year) },
  { "last-year", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvTitle, last_year) },
  { "tagline", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvTitle, tagline) },
  { "overview", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvTitle, overview) },
  { "content-rating", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvTitle, content_rating) },
  { "runtime-minutes", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvTitle, runtime_minutes) },
  { "status", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvTitle, status) },
  { "network", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvTitle, network) },
  { "server-name", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvTitle, server_name) },
  { "logo-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvTitle, logo_url) },
  { "backdrop-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvTitle, backdrop_url) },
  { "poster-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvTitle, poster_url) },
  { "imdb-rating", SSV_MODEL_DOUBLE, G_STRUCT_OFFSET (SsvTitle, imdb_rating) },
  { "rt-score", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvTitle, rt_score) },
  { "metascore", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvTitle, metascore) },
  { "tmdb-rating", SSV_MODEL_DOUBLE, G_STRUCT_OFFSET (SsvTitle, tmdb_rating) },
  { "synced", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvTitle, synced) },
  { "watched", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvTitle, watched) },
  { "episode-count", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvTitle, episode_count) },
  { "watched-count", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvTitle, watched_count) },
  { "n-seasons", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvTitle, n_seasons) },
};

/* Past the table's ids. */
enum {
  PROP_IS_SHOW = G_N_ELEMENTS (props) + 1,
  PROP_ITEM,
  PROP_GENRES,
  PROP_DIRECTORS,
  PROP_WRITERS,
  PROP_CREATORS,
  PROP_CAST,
  PROP_SEASONS,
  PROP_EPISODES,
  PROP_FILES,
  N_PROPS
};

static GParamSpec *pspecs[N_PROPS];

static void
ssv_title_finalize (GObject *object)
{
  SsvTitle *self = SSV_TITLE (object);

  ssv_model_free_strings (object, props, G_N_ELEMENTS (props));
  g_clear_object (&self->item);
  g_clear_pointer (&self->genres, g_strfreev);
  g_clear_pointer (&self->directors, g_strfreev);
  g_clear_pointer (&self->writers, g_strfreev);
  g_clear_pointer (&self->creators, g_strfreev);
  g_clear_object (&self->cast);
  g_clear_object (&self->seasons);
  g_clear_object (&self->episodes);
  g_clear_object (&self->files);

  G_OBJECT_CLASS (ssv_title_parent_class)->finalize (object);
}

static void
ssv_title_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SsvTitle *self = SSV_TITLE (object);

  switch (prop_id)
    {
    case PROP_IS_SHOW:
      g_value_set_boolean (value, self->kind == SSV_MEDIA_KIND_SHOW);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_GENRES:
      g_value_set_boxed (value, self->genres);
      break;
    case PROP_DIRECTORS:
      g_value_set_boxed (value, self->directors);
      break;
    case PROP_WRITERS:
      g_value_set_boxed (value, self->writers);
      break;
    case PROP_CREATORS:
      g_value_set_boxed (value, self->creators);
      break;
    case PROP_CAST:
      g_value_set_object (value, self->cast);
      break;
    case PROP_SEASONS:
      g_value_set_object (value, self->seasons);
      break;
    case PROP_EPISODES:
      g_value_set_object (value, self->episodes);
      break;
    case PROP_FILES:
      g_value_set_object (value, self->files);
      break;
    default:
      ssv_model_get_prop (object, props, prop_id, value);
    }
}

#define READ_ONLY (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
ssv_title_class_init (SsvTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_title_finalize;
  object_class->get_property = ssv_title_get_property;

  ssv_model_install_read_only_props (object_class, props, G_N_ELEMENTS (props), pspecs);

  pspecs[PROP_IS_SHOW] = g_param_spec_boolean ("is-show", NULL, NULL, FALSE, READ_ONLY);
  pspecs[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT, READ_ONLY);
  pspecs[PROP_GENRES] = g_param_spec_boxed ("genres", NULL, NULL, G_TYPE_STRV, READ_ONLY);
  pspecs[PROP_DIRECTORS] = g_param_spec_boxed ("directors", NULL, NULL, G_TYPE_STRV, READ_ONLY);
  pspecs[PROP_WRITERS] = g_param_spec_boxed ("writers", NULL, NULL, G_TYPE_STRV, READ_ONLY);
  pspecs[PROP_CREATORS] = g_param_spec_boxed ("creators", NULL, NULL, G_TYPE_STRV, READ_ONLY);
  pspecs[PROP_CAST] = g_param_spec_object ("cast", NULL, NULL, G_TYPE_LIST_MODEL, READ_ONLY);
  pspecs[PROP_SEASONS] = g_param_spec_object ("seasons", NULL, NULL, G_TYPE_LIST_MODEL, READ_ONLY);
  pspecs[PROP_EPISODES] = g_param_spec_object ("episodes", NULL, NULL, G_TYPE_LIST_MODEL, READ_ONLY);
  pspecs[PROP_FILES] = g_param_spec_object ("files", NULL, NULL, G_TYPE_LIST_MODEL, READ_ONLY);
  for (guint i = PROP_IS_SHOW; i < N_PROPS; i++)
    g_object_class_install_property (object_class, i, pspecs[i]);
}

static void
ssv_title_init (SsvTitle *self)
{
  self->rt_score = -1;
  self->metascore = -1;
  self->cast = g_list_store_new (SSV_TYPE_CAST_MEMBER);
  self->seasons = g_list_store_new (SSV_TYPE_SEASON);
  self->episodes = g_list_store_new (SSV_TYPE_EPISODE);
  self->files = g_list_store_new (SSV_TYPE_LIBRARY_FILE);
}

/**
 * ssv_title_new:
 * @kind: %SSV_MEDIA_KIND_MOVIE or %SSV_MEDIA_KIND_SHOW
 *
 * An empty title for a store (or a test) to fill before anyone else sees it.
 */
SsvTitle *
ssv_title_new (SsvMediaKind kind,
               gint64       id)
{
  SsvTitle *self = g_object_new (SSV_TYPE_TITLE, NULL);

  self->kind = kind;
  self->id = id;

  return self;
}

SsvMediaKind
ssv_title_get_kind (SsvTitle *self)
{
  g_return_val_if_fail (SSV_IS_TITLE (self), SSV_MEDIA_KIND_MOVIE);

  return self->kind;
}

gint64
ssv_title_get_id (SsvTitle *self)
{
  g_return_val_if_fail (SSV_IS_TITLE (self), 0);

  return self->id;
}

/* TMDB's id, or 0: with no library row (ssv_title_get_id() 0), what the page goes by. */
gint64
ssv_title_get_tmdb_id (SsvTitle *self)
{
  g_return_val_if_fail (SSV_IS_TITLE (self), 0);

  return self->tmdb_id;
}

/* Whether the library owns it: a title built from TMDB alone has no row. */
gboolean
ssv_title_get_owned (SsvTitle *self)
{
  g_return_val_if_fail (SSV_IS_TITLE (self), FALSE);

  return self->id > 0;
}

/* A title not owned: whether it is on the wishlist by its TMDB id. */
gboolean
ssv_title_get_wished (SsvTitle *self)
{
  g_return_val_if_fail (SSV_IS_TITLE (self), FALSE);

  return self->wished;
}

/* Returns: (transfer none) (nullable): the library's SsvMovie or SsvShow */
GObject *
ssv_title_get_item (SsvTitle *self)
{
  g_return_val_if_fail (SSV_IS_TITLE (self), NULL);

  return self->item;
}

#define STRING_GETTER(field)                                    \
  const char *                                                  \
  ssv_title_get_##field (SsvTitle *self)                        \
  {                                                             \
    g_return_val_if_fail (SSV_IS_TITLE (self), NULL);           \
    return self->field;                                         \
  }

#define VALUE_GETTER(type, field, fallback)                     \
  type                                                          \
  ssv_title_get_##field (SsvTitle *self)                        \
  {                                                             \
    g_return_val_if_fail (SSV_IS_TITLE (self), fallback);       \
    return self->field;                                         \
  }

#define STRV_GETTER(field)                                      \
  const char * const *                                          \
  ssv_title_get_##field (SsvTitle *self)                        \
  {                                                             \
    static const char * const none[] = { NULL };                \
    g_return_val_if_fail (SSV_IS_TITLE (self), none);           \
    return self->field ? (const char * const *) self->field : none; \
  }

#define MODEL_GETTER(field)                                     \
  GListModel *                                                  \
  ssv_title_get_##field (SsvTitle *self)                        \
  {                                                             \
    g_return_val_if_fail (SSV_IS_TITLE (self), NULL);           \
    return G_LIST_MODEL (self->field);                          \
  }

STRING_GETTER (title)
STRING_GETTER (tagline)
STRING_GETTER (overview)
STRING_GETTER (content_rating)
STRING_GETTER (network)
STRING_GETTER (server_name)
STRING_GETTER (logo_url)
STRING_GETTER (backdrop_url)
STRING_GETTER (poster_url)
VALUE_GETTER (int, year, 0)
VALUE_GETTER (int, last_year, 0)
VALUE_GETTER (int, runtime_minutes, 0)
VALUE_GETTER (double, imdb_rating, 0)
VALUE_GETTER (int, rt_score, -1)
VALUE_GETTER (int, metascore, -1)
VALUE_GETTER (double, tmdb_rating, 0)
VALUE_GETTER (gboolean, synced, FALSE)
VALUE_GETTER (gboolean, watched, FALSE)
VALUE_GETTER (int, episode_count, 0)
VALUE_GETTER (int, watched_count, 0)
VALUE_GETTER (guint, n_seasons, 0)
STRV_GETTER (genres)
STRV_GETTER (directors)
STRV_GETTER (writers)
STRV_GETTER (creators)
MODEL_GETTER (cast)
MODEL_GETTER (seasons)
MODEL_GETTER (episodes)
MODEL_GETTER (files)

/* Returns: (nullable): the title of the show's episode @episode_id, when it has one */
const char *
ssv_title_find_episode_title (SsvTitle *self,
                              gint64    episode_id)
{
  GListModel *episodes = G_LIST_MODEL (self->episodes);

  g_return_val_if_fail (SSV_IS_TITLE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (episodes); i++)
    {
      g_autoptr(SsvEpisode) episode = g_list_model_get_item (episodes, i);

      if (ssv_episode_get_id (episode) == episode_id)
        return ssv_episode_get_title (episode);
    }

  return NULL;
}
