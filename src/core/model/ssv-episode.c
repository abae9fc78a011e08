/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-episode.c: one episode of a show. */

#include "config.h"

#include "model/ssv-episode.h"
#include "model/ssv-model-private.h"
#include "model/ssv-model-props.h"

G_DEFINE_FINAL_TYPE (SsvEpisode, ssv_episode, G_TYPE_OBJECT)

static const SsvModelProp props[] = {
  { "id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvEpisode, id) },
  { "show-id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvEpisode, show_id) },
  { "season-number", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvEpisode, season_number) },
  { "episode-number", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvEpisode, episode_number) },
  { "title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvEpisode, title) },
  { "overview", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvEpisode, overview) },
  { "air-date", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvEpisode, air_date) },
  { "runtime-minutes", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvEpisode, runtime_minutes) },
  { "still-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvEpisode, still_url) },
  { "rating", SSV_MODEL_DOUBLE, G_STRUCT_OFFSET (SsvEpisode, rating) },
  { "tmdb-id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvEpisode, tmdb_id) },
  { "tvdb-id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvEpisode, tvdb_id) },
  { "imdb-id", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvEpisode, imdb_id) },
  { "watched", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvEpisode, watched) },
  { "play-count", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvEpisode, play_count) },
  { "has-file", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvEpisode, has_file) },
  { "file-path", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvEpisode, file_path) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props) + 1];

SSV_MODEL_DEFINE_PROPERTY_FUNCS (SsvEpisode, ssv_episode, props, pspecs)

static void
ssv_episode_class_init (SsvEpisodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_episode_finalize;
  object_class->get_property = ssv_episode_get_property;
  object_class->set_property = ssv_episode_set_property;

  ssv_model_install_props (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
ssv_episode_init (SsvEpisode *self)
{
  self->rating = -1.0;
}

SsvEpisode *
ssv_episode_new (void)
{
  return g_object_new (SSV_TYPE_EPISODE, NULL);
}

gint64
ssv_episode_get_id (SsvEpisode *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE (self), 0);

  return self->id;
}

gint64
ssv_episode_get_show_id (SsvEpisode *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE (self), 0);

  return self->show_id;
}

int
ssv_episode_get_season_number (SsvEpisode *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE (self), 0);

  return self->season_number;
}

int
ssv_episode_get_episode_number (SsvEpisode *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE (self), 0);

  return self->episode_number;
}

const char *
ssv_episode_get_title (SsvEpisode *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE (self), NULL);

  return self->title;
}

const char *
ssv_episode_get_overview (SsvEpisode *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE (self), NULL);

  return self->overview;
}

const char *
ssv_episode_get_air_date (SsvEpisode *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE (self), NULL);

  return self->air_date;
}

int
ssv_episode_get_runtime_minutes (SsvEpisode *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE (self), 0);

  return self->runtime_minutes;
}

const char *
ssv_episode_get_still_url (SsvEpisode *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE (self), NULL);

  return self->still_url;
}

double
ssv_episode_get_rating (SsvEpisode *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE (self), -1.0);

  return self->rating;
}

gint64
ssv_episode_get_tmdb_id (SsvEpisode *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE (self), 0);

  return self->tmdb_id;
}

gint64
ssv_episode_get_tvdb_id (SsvEpisode *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE (self), 0);

  return self->tvdb_id;
}

const char *
ssv_episode_get_imdb_id (SsvEpisode *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE (self), NULL);

  return self->imdb_id;
}

gboolean
ssv_episode_get_watched (SsvEpisode *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE (self), FALSE);

  return self->watched;
}

int
ssv_episode_get_play_count (SsvEpisode *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE (self), 0);

  return self->play_count;
}

gboolean
ssv_episode_get_has_file (SsvEpisode *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE (self), FALSE);

  return self->has_file;
}

const char *
ssv_episode_get_file_path (SsvEpisode *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE (self), NULL);

  return self->file_path;
}
