/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-show.c: a show of the library, with roll-ups of its episodes. */

#include "config.h"

#include "model/ssv-show.h"
#include "model/ssv-model-private.h"
#include "model/ssv-model-props.h"

G_DEFINE_FINAL_TYPE (SsvShow, ssv_show, G_TYPE_OBJECT)

static const SsvModelProp props[] = {
  { "id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvShow, id) },
  { "title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvShow, title) },
  { "sort-title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvShow, sort_title) },
  { "original-title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvShow, original_title) },
  { "year", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvShow, year) },
  { "overview", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvShow, overview) },
  { "tagline", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvShow, tagline) },
  { "content-rating", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvShow, content_rating) },
  { "status", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvShow, status) },
  { "network", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvShow, network) },
  { "first-air-date", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvShow, first_air_date) },
  { "last-air-date", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvShow, last_air_date) },
  { "runtime-minutes", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvShow, runtime_minutes) },
  { "community-rating", SSV_MODEL_DOUBLE, G_STRUCT_OFFSET (SsvShow, community_rating) },
  { "critic-rating", SSV_MODEL_DOUBLE, G_STRUCT_OFFSET (SsvShow, critic_rating) },
  { "tmdb-id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvShow, tmdb_id) },
  { "tvdb-id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvShow, tvdb_id) },
  { "imdb-id", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvShow, imdb_id) },
  { "poster-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvShow, poster_url) },
  { "backdrop-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvShow, backdrop_url) },
  { "logo-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvShow, logo_url) },
  { "added-at", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvShow, added_at) },
  { "has-file", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvShow, has_file) },
  { "watched", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvShow, watched) },
  { "episode-count", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvShow, episode_count) },
  { "watched-count", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvShow, watched_count) },
  { "season-count", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvShow, season_count) },
  { "genres", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvShow, genres) },
  { "server-name", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvShow, server_name) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props) + 1];

SSV_MODEL_DEFINE_PROPERTY_FUNCS (SsvShow, ssv_show, props, pspecs)

static void
ssv_show_class_init (SsvShowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_show_finalize;
  object_class->get_property = ssv_show_get_property;
  object_class->set_property = ssv_show_set_property;

  ssv_model_install_props (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
ssv_show_init (SsvShow *self)
{
  self->community_rating = -1.0;
  self->critic_rating = -1.0;
}

SsvShow *
ssv_show_new (void)
{
  return g_object_new (SSV_TYPE_SHOW, NULL);
}

gint64
ssv_show_get_id (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), 0);

  return self->id;
}

const char *
ssv_show_get_title (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), NULL);

  return self->title;
}

const char *
ssv_show_get_sort_title (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), NULL);

  return self->sort_title;
}

const char *
ssv_show_get_original_title (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), NULL);

  return self->original_title;
}

int
ssv_show_get_year (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), 0);

  return self->year;
}

const char *
ssv_show_get_overview (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), NULL);

  return self->overview;
}

const char *
ssv_show_get_tagline (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), NULL);

  return self->tagline;
}

const char *
ssv_show_get_content_rating (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), NULL);

  return self->content_rating;
}

const char *
ssv_show_get_status (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), NULL);

  return self->status;
}

const char *
ssv_show_get_network (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), NULL);

  return self->network;
}

const char *
ssv_show_get_first_air_date (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), NULL);

  return self->first_air_date;
}

const char *
ssv_show_get_last_air_date (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), NULL);

  return self->last_air_date;
}

int
ssv_show_get_runtime_minutes (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), 0);

  return self->runtime_minutes;
}

double
ssv_show_get_community_rating (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), -1.0);

  return self->community_rating;
}

double
ssv_show_get_critic_rating (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), -1.0);

  return self->critic_rating;
}

gint64
ssv_show_get_tmdb_id (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), 0);

  return self->tmdb_id;
}

gint64
ssv_show_get_tvdb_id (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), 0);

  return self->tvdb_id;
}

const char *
ssv_show_get_imdb_id (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), NULL);

  return self->imdb_id;
}

const char *
ssv_show_get_poster_url (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), NULL);

  return self->poster_url;
}

const char *
ssv_show_get_backdrop_url (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), NULL);

  return self->backdrop_url;
}

const char *
ssv_show_get_logo_url (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), NULL);

  return self->logo_url;
}

gint64
ssv_show_get_added_at (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), 0);

  return self->added_at;
}

gboolean
ssv_show_get_has_file (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), FALSE);

  return self->has_file;
}

gboolean
ssv_show_get_watched (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), FALSE);

  return self->watched;
}

int
ssv_show_get_episode_count (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), 0);

  return self->episode_count;
}

int
ssv_show_get_watched_count (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), 0);

  return self->watched_count;
}

int
ssv_show_get_season_count (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), 0);

  return self->season_count;
}

const char *
ssv_show_get_genres (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), NULL);

  return self->genres;
}

const char *
ssv_show_get_server_name (SsvShow *self)
{
  g_return_val_if_fail (SSV_IS_SHOW (self), NULL);

  return self->server_name;
}
