/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-season.c: one season of a show. */

#include "config.h"

#include "model/ssv-season.h"
#include "model/ssv-model-private.h"
#include "model/ssv-model-props.h"

G_DEFINE_FINAL_TYPE (SsvSeason, ssv_season, G_TYPE_OBJECT)

static const SsvModelProp props[] = {
  { "id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvSeason, id) },
  { "show-id", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvSeason, show_id) },
  { "season-number", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvSeason, season_number) },
  { "title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvSeason, title) },
  { "overview", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvSeason, overview) },
  { "air-date", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvSeason, air_date) },
  { "poster-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvSeason, poster_url) },
  { "episode-count", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvSeason, episode_count) },
  { "watched-count", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvSeason, watched_count) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props) + 1];

SSV_MODEL_DEFINE_PROPERTY_FUNCS (SsvSeason, ssv_season, props, pspecs)

static void
ssv_season_class_init (SsvSeasonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_season_finalize;
  object_class->get_property = ssv_season_get_property;
  object_class->set_property = ssv_season_set_property;

  ssv_model_install_props (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
ssv_season_init (SsvSeason *self)
{
}

SsvSeason *
ssv_season_new (void)
{
  return g_object_new (SSV_TYPE_SEASON, NULL);
}

gint64
ssv_season_get_id (SsvSeason *self)
{
  g_return_val_if_fail (SSV_IS_SEASON (self), 0);

  return self->id;
}

gint64
ssv_season_get_show_id (SsvSeason *self)
{
  g_return_val_if_fail (SSV_IS_SEASON (self), 0);

  return self->show_id;
}

int
ssv_season_get_season_number (SsvSeason *self)
{
  g_return_val_if_fail (SSV_IS_SEASON (self), 0);

  return self->season_number;
}

const char *
ssv_season_get_title (SsvSeason *self)
{
  g_return_val_if_fail (SSV_IS_SEASON (self), NULL);

  return self->title;
}

const char *
ssv_season_get_overview (SsvSeason *self)
{
  g_return_val_if_fail (SSV_IS_SEASON (self), NULL);

  return self->overview;
}

const char *
ssv_season_get_air_date (SsvSeason *self)
{
  g_return_val_if_fail (SSV_IS_SEASON (self), NULL);

  return self->air_date;
}

const char *
ssv_season_get_poster_url (SsvSeason *self)
{
  g_return_val_if_fail (SSV_IS_SEASON (self), NULL);

  return self->poster_url;
}

int
ssv_season_get_episode_count (SsvSeason *self)
{
  g_return_val_if_fail (SSV_IS_SEASON (self), 0);

  return self->episode_count;
}

int
ssv_season_get_watched_count (SsvSeason *self)
{
  g_return_val_if_fail (SSV_IS_SEASON (self), 0);

  return self->watched_count;
}
