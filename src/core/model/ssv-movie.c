/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-movie.c: a movie of the library, as the grid and the detail page show it. */

#include "config.h"

#include "model/ssv-movie.h"
#include "model/ssv-model-private.h"
#include "model/ssv-model-props.h"

G_DEFINE_FINAL_TYPE (SsvMovie, ssv_movie, G_TYPE_OBJECT)

static const SsvModelProp props[] = {
  { "id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvMovie, id) },
  { "title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvMovie, title) },
  { "sort-title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvMovie, sort_title) },
  { "original-title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvMovie, original_title) },
  { "year", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvMovie, year) },
  { "overview", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvMovie, overview) },
  { "tagline", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvMovie, tagline) },
  { "content-rating", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvMovie, content_rating) },
  { "runtime-minutes", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvMovie, runtime_minutes) },
  { "release-date", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvMovie, release_date) },
  { "studio", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvMovie, studio) },
  { "community-rating", SSV_MODEL_DOUBLE, G_STRUCT_OFFSET (SsvMovie, community_rating) },
  { "critic-rating", SSV_MODEL_DOUBLE, G_STRUCT_OFFSET (SsvMovie, critic_rating) },
  { "tmdb-id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvMovie, tmdb_id) },
  { "imdb-id", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvMovie, imdb_id) },
  { "tvdb-id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvMovie, tvdb_id) },
  { "poster-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvMovie, poster_url) },
  { "backdrop-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvMovie, backdrop_url) },
  { "logo-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvMovie, logo_url) },
  { "watched", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvMovie, watched) },
  { "play-count", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvMovie, play_count) },
  { "resume-position", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvMovie, resume_position) },
  { "added-at", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvMovie, added_at) },
  { "has-file", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvMovie, has_file) },
  { "genres", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvMovie, genres) },
  { "server-name", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvMovie, server_name) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props) + 1];

SSV_MODEL_DEFINE_PROPERTY_FUNCS (SsvMovie, ssv_movie, props, pspecs)

static void
ssv_movie_class_init (SsvMovieClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_movie_finalize;
  object_class->get_property = ssv_movie_get_property;
  object_class->set_property = ssv_movie_set_property;

  ssv_model_install_props (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
ssv_movie_init (SsvMovie *self)
{
  self->community_rating = -1.0;
  self->critic_rating = -1.0;
}

SsvMovie *
ssv_movie_new (void)
{
  return g_object_new (SSV_TYPE_MOVIE, NULL);
}

gint64
ssv_movie_get_id (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), 0);

  return self->id;
}

const char *
ssv_movie_get_title (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), NULL);

  return self->title;
}

const char *
ssv_movie_get_sort_title (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), NULL);

  return self->sort_title;
}

const char *
ssv_movie_get_original_title (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), NULL);

  return self->original_title;
}

int
ssv_movie_get_year (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), 0);

  return self->year;
}

const char *
ssv_movie_get_overview (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), NULL);

  return self->overview;
}

const char *
ssv_movie_get_tagline (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), NULL);

  return self->tagline;
}

const char *
ssv_movie_get_content_rating (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), NULL);

  return self->content_rating;
}

int
ssv_movie_get_runtime_minutes (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), 0);

  return self->runtime_minutes;
}

const char *
ssv_movie_get_release_date (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), NULL);

  return self->release_date;
}

const char *
ssv_movie_get_studio (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), NULL);

  return self->studio;
}

double
ssv_movie_get_community_rating (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), -1.0);

  return self->community_rating;
}

double
ssv_movie_get_critic_rating (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), -1.0);

  return self->critic_rating;
}

gint64
ssv_movie_get_tmdb_id (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), 0);

  return self->tmdb_id;
}

const char *
ssv_movie_get_imdb_id (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), NULL);

  return self->imdb_id;
}

gint64
ssv_movie_get_tvdb_id (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), 0);

  return self->tvdb_id;
}

const char *
ssv_movie_get_poster_url (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), NULL);

  return self->poster_url;
}

const char *
ssv_movie_get_backdrop_url (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), NULL);

  return self->backdrop_url;
}

const char *
ssv_movie_get_logo_url (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), NULL);

  return self->logo_url;
}

gboolean
ssv_movie_get_watched (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), FALSE);

  return self->watched;
}

int
ssv_movie_get_play_count (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), 0);

  return self->play_count;
}

gint64
ssv_movie_get_resume_position (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), 0);

  return self->resume_position;
}

gint64
ssv_movie_get_added_at (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), 0);

  return self->added_at;
}

gboolean
ssv_movie_get_has_file (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), FALSE);

  return self->has_file;
}

const char *
ssv_movie_get_genres (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), NULL);

  return self->genres;
}

const char *
ssv_movie_get_server_name (SsvMovie *self)
{
  g_return_val_if_fail (SSV_IS_MOVIE (self), NULL);

  return self->server_name;
}
