/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-model-private.h: the fields of the model objects, for the stores that fill them. */

#pragma once

#include <glib-object.h>

/* The types only: a file that calls their API includes their own headers. */
#include "ssv-types.h"

G_BEGIN_DECLS

struct _SsvMovie
{
  GObject parent_instance;

  gint64    id;                /* the library row */
  char     *title;
  char     *sort_title;        /* title as it sorts (case-folded, no leading article) */
  char     *original_title;
  int       year;
  char     *overview;
  char     *tagline;
  char     *content_rating;
  int       runtime_minutes;
  char     *release_date;
  char     *studio;
  double    community_rating;  /* 0–10, -1 if unknown */
  double    critic_rating;     /* 0–10, -1 if unknown */
  gint64    tmdb_id;
  char     *imdb_id;
  gint64    tvdb_id;
  char     *poster_url;        /* an http(s) URL, a file:// URI or NULL */
  char     *backdrop_url;
  char     *logo_url;
  gboolean  watched;
  int       play_count;
  gint64    resume_position;   /* seconds */
  gint64    added_at;          /* unix seconds */
  gboolean  has_file;
  char     *genres;            /* names joined with ", " */
  char     *server_name;
};

struct _SsvShow
{
  GObject parent_instance;

  gint64    id;                /* the library row */
  char     *title;
  char     *sort_title;        /* title as it sorts (case-folded, no leading article) */
  char     *original_title;
  int       year;
  char     *overview;
  char     *tagline;
  char     *content_rating;
  char     *status;
  char     *network;
  char     *first_air_date;
  char     *last_air_date;
  int       runtime_minutes;
  double    community_rating;  /* 0–10, -1 if unknown */
  double    critic_rating;     /* 0–10, -1 if unknown */
  gint64    tmdb_id;
  gint64    tvdb_id;
  char     *imdb_id;
  char     *poster_url;
  char     *backdrop_url;
  char     *logo_url;
  gint64    added_at;          /* unix seconds */
  gboolean  has_file;          /* any episode has a file */
  gboolean  watched;           /* every episode watched */
  int       episode_count;
  int       watched_count;
  int       season_count;
  char     *genres;            /* names joined with ", " */
  char     *server_name;
};

struct _SsvSeason
{
  GObject parent_instance;

  gint64  id;
  gint64  show_id;
  int     season_number;
  char   *title;
  char   *overview;
  char   *air_date;
  char   *poster_url;
  int     episode_count;
  int     watched_count;
};

struct _SsvEpisode
{
  GObject parent_instance;

  gint64    id;
  gint64    show_id;
  int       season_number;
  int       episode_number;
  char     *title;
  char     *overview;
  char     *air_date;
  int       runtime_minutes;
  char     *still_url;
  double    rating;           /* 0–10, -1 if unknown */
  gint64    tmdb_id;
  gint64    tvdb_id;
  char     *imdb_id;
  gboolean  watched;
  int       play_count;
  gboolean  has_file;
  char     *file_path;        /* the first file, if any */
};

G_END_DECLS
